"""Throughput of the facts stages (quantities + quotes), in articles per second.

Articles: the five seeds from the shared folder (hi, pl, uz, de, tr; 3-10 kB each) plus the sample corpus in
``examples/corpus``. The stages the facts stages read from (language, time, entities: whichever are registered)
run once beforehand, not timed, as in the pipeline. The goal is at least 200 articles/s on one core.

    python benchmarks/bench_facts.py               # 1000 articles
    python benchmarks/bench_facts.py --n 5000
"""

from __future__ import annotations

import argparse
import copy
import time

from bench_corpus import load_articles

from newsweave.pipeline import STAGES, load_stage
from newsweave.stages.quantities import QuantityStage
from newsweave.stages.quotes import QuoteStage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles to process")
    args = parser.parse_args()
    before = [load_stage(name) for name in ("language", "time", "entities") if name in STAGES]
    base = load_articles()
    for stage in before:
        base = [stage(a) for a in base]
    stages = [QuantityStage(), QuoteStage()]
    for art in base:  # warm-up: CLDR tables and compiled word lists are built once per language
        for stage in stages:
            stage(copy.deepcopy(art))
    batch = [copy.deepcopy(base[i % len(base)]) for i in range(args.n)]
    chars = sum(len(a.text) for a in batch)
    started, cpu_started = time.perf_counter(), time.process_time()
    for art in batch:
        for stage in stages:
            stage(art)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    figures = sum(len(a.quantities) for a in batch)
    quotes = sum(len(a.quotes) for a in batch)
    print(f"articles: {len(batch)} ({len(base)} distinct, mean {chars / len(batch):.0f} chars); "
          f"prepared by: {', '.join(s.name for s in before) or 'nothing'}")
    print(f"found: {figures / len(batch):.1f} figures and {quotes / len(batch):.1f} quotes per article")
    print(f"quantities + quotes: {elapsed:.2f} s wall, {len(batch) / elapsed:.0f} articles/s")
    # on a shared machine the wall clock includes waiting for a core; CPU time is the stages' own cost
    print(f"quantities + quotes: {cpu:.2f} s CPU, {len(batch) / cpu:.0f} articles/s per core")


if __name__ == "__main__":
    main()
