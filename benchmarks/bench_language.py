"""Throughput of the language stage (language, script, paragraphs, sentences, posts, quotes) in MB/s.

Times real articles from the shared folder, one corpus at a time: the seeds, SlavicNER documents
(Cyrillic and Latin Slavic news, the slowest case: every article has close relatives to rule out)
and SemEval-2022 news texts (en de es pl tr ar fr). Without the shared folder it times the sample
corpus in ``examples/corpus``. Prints MB of UTF-8 text per second of stage time, by wall clock and
by process CPU time (on a shared machine the wall clock also counts other people's jobs), one core.

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


def _jsonl_texts(path: Path, keys: tuple[str, ...]) -> list[str]:
    if not path.is_file():
        return []
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out.extend(rec[k] for k in keys if rec.get(k))
    return out


def corpora(limit: int) -> dict[str, list[str]]:
    """Name -> article texts to time."""
    shared = shared_dir()
    if shared is None:
        root = Path(__file__).resolve().parents[1] / "examples" / "corpus"
        return {"examples": [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))][:limit]}
    found = {
        "seeds": [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))],
        "slavicner": _jsonl_texts(shared / "dev/slavicner/docs.jsonl", ("text",))[:limit],
        "semeval": _jsonl_texts(shared / "dev/semeval2022_task8/pairs_dev.jsonl", ("text1", "text2"))[:limit],
    }
    return {name: texts for name, texts in found.items() if texts}


def time_stage(stage: LanguageStage, texts: list[str], repeat: int) -> tuple[float, float, float, int]:
    """(MB, best wall seconds, best CPU seconds, segments) for one corpus."""
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    size = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        for art in articles:
            art.lang = None
        start, start_cpu = time.perf_counter(), time.process_time()
        for art in articles:
            stage(art)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return size, best, best_cpu, sum(len(a.segments) for a in articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=600, help="articles per corpus")
    parser.add_argument("--repeat", type=int, default=3, help="passes over each corpus (the best is reported)")
    args = parser.parse_args()
    stage = LanguageStage()
    stage(Article(id="warm-up", text="Warm-up text so that lazy resources are loaded before timing."))
    total = [0.0, 0.0, 0.0]
    for name, texts in corpora(args.limit).items():
        size, wall, cpu, segments = time_stage(stage, texts, args.repeat)
        total = [total[0] + size, total[1] + wall, total[2] + cpu]
        print(f"{name:<10} {len(texts):>5} articles {size:6.2f} MB {segments:>7} segments  "
              f"wall {size / wall:5.2f} MB/s  cpu {size / cpu:5.2f} MB/s")
    print(f"{'all':<10} {'':>14} {total[0]:6.2f} MB {'':>16}  "
          f"wall {total[0] / total[1]:5.2f} MB/s  cpu {total[0] / total[2]:5.2f} MB/s")


if __name__ == "__main__":
    main()
