"""Throughput of the time stage (document dating + time expressions), in articles per second.

Articles: the five seeds from the shared folder (hi, pl, uz, de, tr; 3-10 kB each) plus the sample corpus in
``examples/corpus``; the language stage runs once beforehand (not timed), as in the pipeline. The goal is at
least 200 articles/s on one core.

    python benchmarks/bench_time.py               # 1000 articles
    python benchmarks/bench_time.py --n 5000
"""

from __future__ import annotations

import argparse
import copy
import time

from bench_corpus import load_articles

from newsweave.stages.language import LanguageStage
from newsweave.stages.time import TimeStage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles to process")
    args = parser.parse_args()
    language = LanguageStage()
    base = [language(a) for a in load_articles()]
    stage = TimeStage()
    stage(copy.deepcopy(base[0]))  # warm-up: lexicons are built once per language set
    for art in base:
        stage(copy.deepcopy(art))
    batch = [copy.deepcopy(base[i % len(base)]) for i in range(args.n)]
    chars = sum(len(a.text) for a in batch)
    started, cpu_started = time.perf_counter(), time.process_time()
    for art in batch:
        stage(art)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"articles: {len(batch)} ({len(base)} distinct, mean {chars / len(batch):.0f} chars)")
    print(f"time stage: {elapsed:.2f} s wall, {len(batch) / elapsed:.0f} articles/s, {chars / elapsed / 1e6:.2f} MB/s")
    # on a shared machine the wall clock includes waiting for a core; CPU time is the stage's own cost
    print(f"time stage: {cpu:.2f} s CPU, {len(batch) / cpu:.0f} articles/s per core")


if __name__ == "__main__":
    main()
