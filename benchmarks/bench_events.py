"""Event assignment time per article as the store grows (synthetic vectors, entities and dates).

For each store size an :class:`EventIndex` is loaded with that many events (random unit vectors of
the embedding's 384 dimensions, dates spread over five years, five entity keys each from a
vocabulary that grows with the store), then new articles are assigned one at a time. The goal:
the time per article at 1M events is at most 1.5 × the time at 10k. Wall and process CPU time are both
printed per article (median); on a shared machine the CPU figures are the ones to compare, and the
growth ("vs first") is taken on them.

    python benchmarks/bench_events.py                # 10k, 100k, 1M
    python benchmarks/bench_events.py --sizes 10000 100000
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from datetime import date

import numpy as np

from newsweave.corpus.events import EventIndex, EventState
from newsweave.model import Article, Event, Mention

DIM = 384
START = date(2020, 1, 1).toordinal()
_TOPICS = np.random.default_rng(1).normal(size=(2000, DIM))


def _unit_rows(rng: np.random.Generator, n: int) -> np.ndarray:
    """News embeddings are clustered by topic, not uniform: topic centres plus per-article noise."""
    rows = (_TOPICS[rng.integers(0, len(_TOPICS), n)] + 0.7 * rng.normal(size=(n, DIM))).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def build(n: int, rng: np.random.Generator) -> EventIndex:
    """An index holding ``n`` synthetic events."""
    vocab = max(1000, n // 10)
    vectors = np.vstack([_unit_rows(rng, min(100_000, n - i)) for i in range(0, n, 100_000)])
    days = rng.integers(0, 5 * 365, size=n)
    keys = rng.integers(0, vocab, size=(n, 5))
    states = []
    for i in range(n):
        day = date.fromordinal(START + int(days[i])).isoformat()
        event = Event(id=f"ev{i}", label="", date=day, article_ids=[f"a{i}"])
        states.append(EventState(event=event, centroid=vectors[i], n=1,
                                 keys=Counter({f"K{k}": 1 for k in keys[i]})))
    index = EventIndex()
    index.add_states(states)
    return index


def probe_articles(rng: np.random.Generator, count: int, vocab: int) -> list[Article]:
    out = []
    for i in range(count):
        text = "Lorem ipsum " * 20
        art = Article(id=f"new{i}", text=text, date=date.fromordinal(START + int(rng.integers(0, 1825))).isoformat())
        art.mentions = [Mention(0, 5, "Lorem", "PER", entity_id=f"K{int(k)}") for k in rng.integers(0, vocab, 5)]
        art.embedding = _unit_rows(rng, 1)[0].tolist()
        out.append(art)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--probes", type=int, default=300)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    base = None
    print(f"{'stored':>9}  {'build s':>8}  {'median ms':>9}  {'mean ms':>8}  {'cpu median ms':>13}  {'vs first':>8}")
    for n in args.sizes:
        t0 = time.perf_counter()
        index = build(n, rng)
        built = time.perf_counter() - t0
        times, cpus = [], []
        for art in probe_articles(rng, args.probes, max(1000, n // 10)):
            t, c = time.perf_counter(), time.process_time()
            index.assign(art)
            cpus.append((time.process_time() - c) * 1000)
            times.append((time.perf_counter() - t) * 1000)
        med, cpu = statistics.median(times), statistics.median(cpus)
        base = base or cpu
        print(f"{n:>9}  {built:>8.1f}  {med:>9.3f}  {statistics.fmean(times):>8.3f}  {cpu:>13.3f}  {cpu / base:>7.2f}x",
              flush=True)
        del index


if __name__ == "__main__":
    main()
