"""Throughput of the language stage (language, script, paragraphs, sentences, posts, quotes) in MB/s.

Reads real articles: the seeds and SlavicNER documents from the shared folder when present, else the
sample corpus in ``examples/corpus``. Prints MB of UTF-8 text per second of stage time (wall clock
and process CPU time), one core.

    python benchmarks/bench_language.py [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsweave.config import shared_dir
from newsweave.model import Article
from newsweave.stages.language import LanguageStage


def load_texts(limit: int) -> list[str]:
    """Article texts to time: shared seeds + SlavicNER docs, or the examples corpus."""
    shared = shared_dir()
    texts: list[str] = []
    if shared is not None:
        texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
        docs = shared / "dev/slavicner/docs.jsonl"
        if docs.is_file():
            with docs.open(encoding="utf-8") as fh:
                texts += [json.loads(line)["text"] for line in fh if line.strip()]
    else:
        root = Path(__file__).resolve().parents[1] / "examples" / "corpus"
        texts += [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))]
    return texts[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=600, help="articles to time")
    parser.add_argument("--repeat", type=int, default=2, help="passes over the articles (best is reported)")
    args = parser.parse_args()
    stage = LanguageStage()
    texts = load_texts(args.limit)
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    stage(Article(id="warm-up", text="Warm-up text so that lazy resources are loaded before timing."))
    best, best_cpu = float("inf"), float("inf")
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for art in articles:
            art.segments = []
            art.lang = None
            stage(art)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    segments = sum(len(a.segments) for a in articles)
    # CPU time is reported beside wall time: on a shared machine the wall clock also counts other jobs
    print(f"language stage: {len(articles)} articles, {size / 1e6:.2f} MB, {segments} segments, "
          f"wall {best:.2f} s = {size / 1e6 / best:.2f} MB/s, cpu {best_cpu:.2f} s = {size / 1e6 / best_cpu:.2f} MB/s")


if __name__ == "__main__":
    main()
