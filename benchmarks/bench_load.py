"""Load test of the web app on loopback: many concurrent clients over a store of >= 100,000 articles.

1. Builds (or reuses, with ``--db``) a SQLite store of ``--articles`` synthetic news-like articles through
   ``Store.add_articles`` (the ``ingest --no-analyze`` path), then analyses and links the first
   ``--analysed`` of them with the fast stages so that entities, events and stories exist.
2. Starts ``newsweave serve`` (uvicorn) on 127.0.0.1 on a free port, in its own process.
3. Runs ``--clients`` concurrent httpx clients for ``--seconds`` over search, event, entity and article
   pages and the API; prints requests/s, p50/p95/p99 latency and errors, per kind and overall.

Requests only go to 127.0.0.1. Exits non-zero when any request failed (non-200 or transport error).

    make load                                                         # the same as the next line
    python benchmarks/bench_load.py                                   # 100,000 articles, 50 clients, 60 s
    python benchmarks/bench_load.py --db /tmp/load.db --seconds 20    # reuse a built store

``tests/test_load.py`` runs a short variant of the same load in CI (a few thousand articles, a dozen
clients for seconds) and asserts zero failures; latency is only printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from newsweave.corpus import CorpusPicture, link_corpus
from newsweave.model import Article
from newsweave.pipeline import Pipeline
from newsweave.store import CorpusState, Store, open_store

NEWSWEAVE = str(Path(sys.executable).parent / "newsweave")
#: Client-side limit per request: above the server's own default limit (NEWSWEAVE_REQUEST_TIMEOUT, 120 s).
REQUEST_TIMEOUT = 150
PEOPLE = ["Anna Kowalski", "Pedro Alvarez", "Olga Petrova", "Mehmet Yilmaz", "Rahul Sharma", "Lukas Huber",
          "Aigerim Bekova", "Jan Novak", "Sofia Rossi", "Erik Lindqvist", "Amina Diallo", "Kenji Sato"]
PLACES = ["Vienna", "Warsaw", "Ankara", "Delhi", "Astana", "Berlin", "Prague", "Tashkent", "Dakar", "Osaka"]
TOPICS = ["grain exports", "gas transit", "rail link", "water treaty", "steel tariffs", "border talks",
          "wheat harvest", "power grid", "port expansion", "airline merger"]


def _article(i: int, rng: random.Random, vocab: list[str]) -> Article:
    a, b = rng.sample(PEOPLE, 2)
    topic, place = rng.choice(TOPICS), rng.choice(PLACES)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    filler = " ".join(rng.choices(vocab, k=rng.randint(40, 120)))
    text = (f"{a} met {b} in {place} on {day}.{month}.2024 to discuss {topic}. {filler}. "
            f"Volumes rose by {rng.randint(2, 60)} percent, officials said in report {i}. "
            f"\u201cWe agreed on {rng.randint(2, 9)} new projects,\u201d {b.split()[1]} said.")
    return Article(id=f"load-{i:06d}", text=text, title=f"{a} and {b} discuss {topic} in {place}", lang="en",
                   date=f"2024-{month:02d}-{day:02d}", date_source="metadata", source=f"wire{i % 20}",
                   origin="bench_load", raw=text.encode("utf-8"), raw_type="text")


def build(db: Path, articles: int, analysed: int, batch: int = 2000) -> None:
    """Fill ``db`` up to ``articles`` articles and analyse the first ``analysed`` (skips what is there)."""
    with open_store(db) as store:
        have = store.stats().articles
        rng = random.Random(have)
        vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
                 for _ in range(20_000)]
        started = time.perf_counter()
        for start in range(have, articles, batch):
            store.add_articles([_article(i, rng, vocab) for i in range(start, min(start + batch, articles))])
            done = min(start + batch, articles) - have
            print(f"\rstored {have + done}/{articles} ({done / (time.perf_counter() - started):.0f}/s)",
                  end="", flush=True, file=sys.stderr)
        print(file=sys.stderr)
        todo = analysed - store.stats().by_status.get("analysed", 0)
        if todo > 0:
            pipeline = Pipeline(["language", "time", "entities", "quantities", "quotes"])
            _analyse_some(store, pipeline, todo)
        stats = store.stats()
    print(f"store: {stats.articles} articles ({stats.by_status}), {stats.entities} entities, {stats.events} events, "
          f"{stats.stories} stories")


def _link(articles: list[Article], known: CorpusState) -> CorpusPicture:
    return link_corpus(articles, CorpusPicture(known.entities, known.events, known.stories))


def _analyse_some(store: Store, pipeline: Pipeline, count: int) -> None:
    """Analyse and link ``count`` pending articles in batches (``jobs.analyse_pending``'s loop, bounded)."""
    done = 0
    while done < count and (batch := store.pending_articles(min(100, count - done))):
        done += store.commit_analysis(list(pipeline.pipe(batch)), _link)
        print(f"\ranalysed {done}/{count}", end="", flush=True, file=sys.stderr)
    print(file=sys.stderr)


def ids(db: Path) -> dict[str, list[str]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {
            "article": [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 5000")],
            "entity": [r[0] for r in conn.execute("SELECT id FROM entities LIMIT 2000")],
            "event": [r[0] for r in conn.execute("SELECT id FROM events LIMIT 2000")],
        }


def _requests(ids: dict[str, list[str]], rng: random.Random) -> tuple[str, str]:
    """One (kind, path) of the mix: pages and API, reads of every kind."""
    word = rng.choice(TOPICS).split()[0] if rng.random() < 0.7 else rng.choice(PEOPLE).split()[1]
    choices = [
        ("search page", f"/search?q={word}"),
        ("api search", f"/api/search?q={word}&limit=10"),
        ("article page", f"/articles/{rng.choice(ids['article'])}"),
        ("api article", f"/api/articles/{rng.choice(ids['article'])}"),
        ("api articles list", f"/api/articles?limit=20&offset={rng.randrange(0, 5000)}"),
    ]
    if ids["entity"]:
        choices += [("entity page", f"/entities/{rng.choice(ids['entity'])}"),
                    ("api entity", f"/api/entities/{rng.choice(ids['entity'])}")]
    if ids["event"]:
        choices += [("event page", f"/events/{rng.choice(ids['event'])}"),
                    ("api event", f"/api/events/{rng.choice(ids['event'])}")]
    return rng.choice(choices)


@dataclass
class LoadResult:
    """What the clients saw: per request kind the latencies and the failures (non-200 or transport error)."""

    clients: int
    wall: float = 0.0
    timings: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    #: The first failures, ``"kind GET path -> status"``, so that a failing run says what failed.
    samples: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.timings.values())

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def table(self) -> str:
        """requests, requests/s, p50/p95/p99 in ms and errors per kind and overall."""
        wall = self.wall or 1.0
        lines = [f"{self.clients} clients for {self.wall:.1f} s",
                 f"{'kind':<20}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"]
        rows = [(kind, self.timings[kind], self.errors[kind]) for kind in sorted(self.timings)]
        rows.append(("all", [v for values in self.timings.values() for v in values], self.error_count))
        for kind, values, errors in rows:
            lines.append(f"{kind:<20}{len(values):>10}{len(values) / wall:>9.1f}{_pct(values, 50):>9.0f}"
                         f"{_pct(values, 95):>9.0f}{_pct(values, 99):>9.0f}{errors:>8}")
        return "\n".join(lines + [f"first failures: {s}" for s in self.samples])


async def _client(base: str, ids: dict[str, list[str]], until: float, seed: int, result: LoadResult) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        while time.perf_counter() < until:
            kind, path = _requests(ids, rng)
            started = time.perf_counter()
            try:
                resp = await client.get(path)
                failure = None if resp.status_code == 200 else str(resp.status_code)
            except httpx.HTTPError as exc:
                failure = f"{type(exc).__name__}: {exc}"
            result.timings[kind].append(time.perf_counter() - started)
            if failure:
                result.errors[kind] += 1
                if len(result.samples) < 10:
                    result.samples.append(f"{kind} GET {path} -> {failure}")


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000 if ordered else 0.0


async def load(base: str, ids: dict[str, list[str]], clients: int, seconds: float) -> LoadResult:
    """``clients`` concurrent clients sending the mix to ``base`` for ``seconds``; requests in flight finish."""
    result = LoadResult(clients)
    started = time.perf_counter()
    await asyncio.gather(*(_client(base, ids, started + seconds, i, result) for i in range(clients)))
    result.wall = time.perf_counter() - started
    return result


@dataclass
class Server:
    """A running ``newsweave serve``: its base URL and its log (stderr)."""

    base: str
    log_path: Path
    pid: int

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far (Linux ``/proc``): comparable across machine loads."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def serving(db: Path, log_path: Path, start_seconds: float = 120) -> Iterator[Server]:
    """``newsweave serve`` over ``db`` on 127.0.0.1 and a free port, in its own process, until the block ends."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with log_path.open("wb") as log:
        server = subprocess.Popen([NEWSWEAVE, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=log)
    running = Server(f"http://127.0.0.1:{port}", log_path, server.pid)
    try:
        deadline = time.monotonic() + start_seconds
        while True:
            try:
                if httpx.get(running.base + "/healthz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {running.log()[-2000:]}")
            time.sleep(0.3)
        yield running
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsweave-load.db"), help="store to build or reuse")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--analysed", type=int, default=2000, help="articles analysed and linked")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    build(args.db, args.articles, args.analysed)
    with serving(args.db, args.db.with_name(args.db.name + ".serve.log")) as server:
        cpu = server.cpu_seconds()
        result = asyncio.run(load(server.base, ids(args.db), args.clients, args.seconds))
        cpu = server.cpu_seconds() - cpu
    print(f"\nagainst {server.base}, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(result.table())
    print(f"server CPU {cpu:.1f} s for {result.requests} requests: {1000 * cpu / max(1, result.requests):.1f} ms "
          f"per request, {result.requests / max(cpu, 1e-9):.1f} requests per CPU-second")
    if result.error_count:
        raise SystemExit(f"{result.error_count} failed requests")


if __name__ == "__main__":
    main()
