"""Throughput of entity recognition (the ``entities`` stage, then batch propagation), in articles per second.

Articles: the five seeds from the shared folder (hi, pl, uz, de, tr; 3-10 kB each) plus the sample corpus in
``examples/corpus``; the language stage runs once beforehand (not timed), as in the pipeline. Resources
(gazetteer, natasha) are loaded before timing. Both wall-clock and CPU-time rates are printed: on a
busy machine the CPU-time rate is what the code costs. The goal is at least 50 articles/s.

With ``--cold`` it also reports the first pass over the distinct articles with a stage warmed on one article
only, as a short end-to-end run sees it: each new language then loads its word-frequency table (~0.1 s once).

With ``--store N`` the recognised articles are then canonicalised against a store of ``N`` known entities (the
synthetic names of ``bench_canonical.py``, indexed before timing, as a store keeps its index), in batches that hold
each distinct article once, and the rate of recognition and canonicalisation together is printed: issue 5's goal is
at least 50 articles/s against 100,000 entities.

    python benchmarks/bench_entities.py               # 500 articles
    python benchmarks/bench_entities.py --n 2000 --cold
    python benchmarks/bench_entities.py --store 100000
"""

from __future__ import annotations

import argparse
import copy
import random
import time

from bench_canonical import known_entities
from bench_corpus import load_articles

from newsweave.corpus.entities import EntityIndex, canonicalize
from newsweave.corpus.propagation import propagate_mentions
from newsweave.stages.entities import EntityStage
from newsweave.stages.language import LanguageStage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="articles to process")
    parser.add_argument("--cold", action="store_true", help="also time a first pass warmed on one article only")
    parser.add_argument("--store", type=int, default=0, help="also canonicalise against this many known entities")
    args = parser.parse_args()
    language = LanguageStage()
    base = [language(a) for a in load_articles()]
    if not base:
        raise SystemExit("no articles found (shared seeds or examples/corpus)")
    batch = [copy.deepcopy(base[i % len(base)]) for i in range(args.n)]
    stage = EntityStage()
    if args.cold:
        stage(copy.deepcopy(base[0]))
        c0 = time.process_time()
        for art in base[1:]:
            stage(copy.deepcopy(art))
        cold = (time.process_time() - c0) / max(len(base) - 1, 1)
        langs = len({a.lang for a in base})
        print(f"cold first pass: {cold * 1000:.1f} ms CPU/article over {len(base) - 1} articles in {langs} languages")
    for art in base:  # warm up: word lists and natasha load on first use
        stage(copy.deepcopy(art))
    c0, t0 = time.process_time(), time.perf_counter()
    for art in batch:
        stage(art)
    c1, t1 = time.process_time(), time.perf_counter()
    propagate_mentions(batch[: min(len(batch), 200)])
    t2 = time.perf_counter()
    chars = sum(len(a.text) for a in batch)
    mentions = sum(len(a.mentions) for a in batch)
    print(f"articles: {len(batch)} ({len(base)} distinct, {chars / len(batch):.0f} chars on average)")
    print(f"recognition: {len(batch) / (t1 - t0):.1f} articles/s wall clock, {len(batch) / (c1 - c0):.1f} articles/s "
          f"of CPU time (differs on a shared machine), {chars / (t1 - t0) / 1000:.0f} kchars/s, "
          f"{mentions / len(batch):.1f} mentions/article")
    n_prop = min(len(batch), 200)
    print(f"cross-document propagation over {n_prop} articles: {t2 - t1:.2f} s ({n_prop / (t2 - t1):.1f} articles/s)")
    if args.store:
        known = known_entities(args.store, random.Random(7))
        index = EntityIndex(known)
        index.loose_table(lossy=False)  # built on the first name in a lossy script, once in a kept index's life
        entities, t3 = known, time.perf_counter()
        size = len(base)  # each distinct article once per batch: no name recurs in a batch only by repetition
        for k in range(0, len(batch), size):
            entities = canonicalize(batch[k:k + size], entities, index)
        t4 = time.perf_counter()
        print(f"canonicalisation against {args.store} known entities: {len(batch) / (t4 - t3):.1f} articles/s; "
              f"recognition + canonicalisation: {len(batch) / (t1 - t0 + t4 - t3):.1f} articles/s wall clock")


if __name__ == "__main__":
    main()
