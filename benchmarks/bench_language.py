"""Throughput of the language stage (language, script, paragraphs, sentences, posts, quotes) in MB/s.

Times real articles from the shared folder, one corpus at a time: the seeds, SlavicNER documents
(Cyrillic and Latin Slavic news, the slowest case: every article has close relatives to rule out)
and SemEval-2022 news texts (en de es pl tr ar fr). Without the shared folder it times the sample
corpus in ``examples/corpus``. Prints MB of UTF-8 text per second, by wall clock and by process CPU
time (on a shared machine the wall clock also counts other people's jobs), one core, and the load
average before and after.

What is inside the timing: loading the two models (``LanguageStage()``) is timed apart and left out.
The first pass over all corpora is timed apart too ("first pass"): it includes the lazy one-time loads
(wordfreq lists of the close languages, ICU break iterators, per-character script cache). The
per-corpus figures are steady throughput, the best of ``--repeat`` passes after that first one.

    python benchmarks/bench_language.py [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import os
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


def time_pass(stage: LanguageStage, articles: list[Article]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one pass of ``stage`` over ``articles``."""
    for art in articles:
        art.lang = None
    start, start_cpu = time.perf_counter(), time.process_time()
    for art in articles:
        stage(art)
    return time.perf_counter() - start, time.process_time() - start_cpu


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=600, help="articles per corpus")
    parser.add_argument("--repeat", type=int, default=3, help="steady passes over each corpus (the best is reported)")
    args = parser.parse_args()
    print(f"load average (1/5/15 min) before: {_load()}")
    start, start_cpu = time.perf_counter(), time.process_time()
    stage = LanguageStage()
    print(f"models loaded (not in any figure below): wall {time.perf_counter() - start:.2f} s, "
          f"cpu {time.process_time() - start_cpu:.2f} s")
    found = {name: [Article(id=str(i), text=t) for i, t in enumerate(texts)]
             for name, texts in corpora(args.limit).items()}
    sizes = {name: sum(len(a.text.encode("utf-8")) for a in arts) / 1e6 for name, arts in found.items()}
    first = [time_pass(stage, arts) for arts in found.values()]
    size = sum(sizes.values())
    wall, cpu = sum(w for w, _ in first), sum(c for _, c in first)
    print(f"{'first pass':<10} {'':>14} {size:6.2f} MB {'':>16}  wall {size / wall:5.2f} MB/s  "
          f"cpu {size / cpu:5.2f} MB/s  (includes one-time lazy loads)")
    total = [0.0, 0.0, 0.0]
    for name, arts in found.items():
        passes = [time_pass(stage, arts) for _ in range(args.repeat)]
        wall, cpu = min(w for w, _ in passes), min(c for _, c in passes)
        total = [total[0] + sizes[name], total[1] + wall, total[2] + cpu]
        print(f"{name:<10} {len(arts):>5} articles {sizes[name]:6.2f} MB {sum(len(a.segments) for a in arts):>7} "
              f"segments  wall {sizes[name] / wall:5.2f} MB/s  cpu {sizes[name] / cpu:5.2f} MB/s")
    print(f"{'all':<10} {'':>14} {total[0]:6.2f} MB {'':>16}  "
          f"wall {total[0] / total[1]:5.2f} MB/s  cpu {total[0] / total[2]:5.2f} MB/s  (steady: best of {args.repeat})")
    print(f"load average (1/5/15 min) after: {_load()}")


if __name__ == "__main__":
    main()
