"""Issue 9's acceptance: the same corpus through ``newsweave analyze`` and through ``newsweave batch`` on Spark.

The corpus is the five seeds, the SlavicNER news articles (real news, bg cs pl ru sl uk; 1,067) and a fixed
sample of ITN blurbs (55 languages, dated by their timestamp, many about the same happenings), read from
the shared folder at run time and written to one JSONL file in ``--work``. ``analyze --jsonl`` runs in its
own process under the string-hash seed Spark gives its Python workers (``PYTHONHASHSEED``, 0 unless set);
``batch`` runs in this process. Printed: identity counts per article field and per span kind, and the
pairwise agreement of the corpus-level groupings (mentions into entities, articles into events and stories).

    python benchmarks/batch_equivalence.py                          # ~2,000 articles, local[2], linking on Spark
    python benchmarks/batch_equivalence.py --link driver            # corpus steps on the driver instead
    python benchmarks/batch_equivalence.py --work /tmp/eq --reuse   # keep analyze's output from an earlier run

Expect tens of minutes per path on a laptop: both paths analyse every article with all stages.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from newsweave.batch import run_batch, spark_session
from newsweave.batch.equivalence import compare, format_comparison, read_analyze, read_batch
from newsweave.config import shared_dir


def write_corpus(path: Path, slavic: int, itn: int) -> int:
    """Seeds + SlavicNER docs + sampled ITN blurbs as JSONL; returns the number of articles."""
    shared = shared_dir()
    if shared is None:
        raise SystemExit("shared data folder not found (set NEWSWEAVE_SHARED)")
    records = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted((shared / "seeds").glob("*.txt"))]
    with (shared / "dev/slavicner/docs.jsonl").open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    records += [{"id": f"slavic{i:04d}", "text": d["text"]} for i, d in enumerate(docs[:slavic])]
    with (shared / "dev/itn/blurbs.jsonl").open(encoding="utf-8") as fh:
        blurbs = [json.loads(line) for line in fh if line.strip()]
    for i, b in enumerate(random.Random(0).sample(blurbs, min(itn, len(blurbs)))):
        day = datetime.fromtimestamp(b["timestamp"], tz=UTC).date().isoformat()
        records.append({"id": f"itn{i:04d}", "text": b["text"], "date": day})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return len(records)


def run_analyze(corpus: Path, out: Path) -> tuple[float, float]:
    """``newsweave analyze --jsonl`` in a child process; (wall s, CPU s)."""
    env = {**os.environ, "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0"),
           "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run([str(Path(sys.executable).with_name("newsweave")), "analyze", "--jsonl", str(corpus)],
                       stdout=fh, env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - start, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsweave-equivalence"))
    parser.add_argument("--slavic", type=int, default=1067, help="SlavicNER articles (all: 1067)")
    parser.add_argument("--itn", type=int, default=1000, help="ITN blurbs sampled")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--link", choices=("spark", "driver"), default="spark",
                        help="corpus steps as Spark jobs (default) or on the driver")
    parser.add_argument("--reuse", action="store_true", help="keep the corpus and analyze's output if present")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    corpus, ref_path = args.work / "corpus.jsonl", args.work / "analyze.jsonl"
    if not (args.reuse and corpus.exists()):
        print(f"corpus: {write_corpus(corpus, args.slavic, args.itn)} articles -> {corpus}", flush=True)
    if not (args.reuse and ref_path.exists()):
        wall, cpu = run_analyze(corpus, ref_path)
        print(f"analyze: {wall:.0f} s wall, {cpu:.0f} s CPU (load average {os.getloadavg()[0]:.1f})", flush=True)
    out = args.work / f"batch-{args.link}"
    spark = spark_session(args.master)
    try:
        start = time.perf_counter()
        report = run_batch([str(corpus)], str(out), spark=spark, link=args.link)
        wall = time.perf_counter() - start
    finally:
        spark.stop()
    print(f"batch --master {args.master} --link {args.link}: {wall:.0f} s wall, executor CPU "
          f"{report.executor_cpu_s:.0f} s, phases {report.seconds} (load average {os.getloadavg()[0]:.1f})")
    print(report.summary())
    print()
    print(format_comparison(compare(read_analyze(ref_path), read_batch(out))))


if __name__ == "__main__":
    main()
