"""Ingest throughput into a SQLite store: 10,000 synthetic articles, with and without analysis.

Three figures, each in articles per second of wall-clock time and per second of this process's CPU
time (on a shared machine the second is the one that says what an idle machine would do):

* store: JSONL file -> readers -> ``Store.add_articles`` in batches (hashing, near-duplicate keys,
  full-text index, one transaction per batch): the path of ``newsweave ingest --no-analyze``.
  Goal: >= 500 articles/s on a 2-core machine.
* re-run: the same file again (every article recognised as a duplicate, nothing added).
* analyse: the default pipeline (or ``--stages``) plus corpus linking and saving over ``--analyse``
  of the stored articles (model loading is timed separately, as it happens once per run).

    python benchmarks/bench_ingest.py
    python benchmarks/bench_ingest.py --count 2000 --analyse 0
    python benchmarks/bench_ingest.py --analyse 500 --stages language,time,quantities,quotes
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from newsweave.jobs import analyse_pending, store_sources
from newsweave.pipeline import Pipeline
from newsweave.store import open_store


def synthetic_jsonl(path: Path, count: int, seed: int = 1) -> None:
    """``count`` unique articles of 60-180 pseudo-words (no two near-duplicates), news-like metadata."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 10))) for _ in range(20000)]
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            words = rng.choices(vocab, k=rng.randint(60, 180))
            out.write(json.dumps({"id": f"bench-{i:06d}", "title": " ".join(words[:7]).capitalize(),
                                  "text": " ".join(words) + ".", "lang": rng.choice(["en", "de", "ru", "tr"]),
                                  "source": f"wire{i % 20}", "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}) + "\n")


class Timer:
    """Wall-clock and CPU seconds of a block."""

    def __enter__(self) -> Timer:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu

    def rate(self, n: int) -> str:
        return f"{self.wall:7.2f} s wall {n / self.wall:8.0f}/s   {self.cpu:7.2f} s CPU {n / self.cpu:8.0f}/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="synthetic articles to store")
    parser.add_argument("--analyse", type=int, default=50, help="articles to analyse (0: skip the analysis figure)")
    parser.add_argument("--stages", default=None, help="comma-separated stages to analyse with (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source, db = Path(tmp) / "articles.jsonl", Path(tmp) / "bench.db"
        synthetic_jsonl(source, args.count)
        with open_store(db) as store:
            with Timer() as timer:
                report = store_sources([source], store)
            print(f"store    {report.added:>7} articles    {timer.rate(report.added)}")
            with Timer() as timer:
                again = store_sources([source], store)
            print(f"re-run   {again.duplicates:>7} duplicates  {timer.rate(again.duplicates)}")
            print(f"database {db.stat().st_size / 1e6:7.1f} MB")
            if args.analyse:
                start = time.perf_counter()
                pipeline = Pipeline(None if args.stages is None else [n for n in args.stages.split(",") if n])
                warm = store.pending_articles(1)[0]
                for stage in pipeline.stages:  # load lazily built resources before timing
                    warm = stage(warm)
                load = time.perf_counter() - start
                sample = db.with_name("sample.db")
                with open_store(sample) as small:
                    small.add_articles(store.pending_articles(args.analyse))
                    with Timer() as timer:
                        done = analyse_pending(small, pipeline=pipeline)
                print(f"analyse  {done:>7} articles    {timer.rate(done)}")
                print(f"         stages: {', '.join(s.name for s in pipeline.stages)}; loading took {load:.1f} s")


if __name__ == "__main__":
    main()
