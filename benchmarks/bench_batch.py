"""`newsweave batch` throughput on Spark `local[1]` against `local[2]`, and the per-core cost behind docs/scale-out.md.

Articles: a fixed sample of SlavicNER news articles (real news, bg cs pl ru sl uk) from the shared folder,
plus the seeds, written to one JSONL file. Each master gets its own SparkSession; a warm-up run on a few
articles first makes every Python worker load the models (as a long job pays that once per executor),
then the timed run analyses the sample with all stages and links it on the driver. Printed: articles/s of
the executor phase (per-article stages) and of the whole job, the local[2]/local[1] ratio, and the
driver's linking cost per article. On a shared machine the figures are taken under load: the load
average is printed beside them.

    python benchmarks/bench_batch.py            # 120 SlavicNER articles + seeds
    python benchmarks/bench_batch.py --n 400
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
from pathlib import Path

from newsweave.batch import run_batch, spark_session
from newsweave.config import shared_dir


def write_corpus(folder: Path, n: int) -> tuple[Path, Path]:
    """The sample as JSONL, and a small warm-up file (one article per worker slot and more)."""
    shared = shared_dir()
    if shared is None:
        raise SystemExit("shared data folder not found (set NEWSWEAVE_SHARED)")
    records = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted((shared / "seeds").glob("*.txt"))]
    with (shared / "dev/slavicner/docs.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    sample = random.Random(0).sample(rows, min(n + 16, len(rows)))
    records += [{"id": f"slavic{i}", "text": r["text"]} for i, r in enumerate(sample[:n])]
    warm = [{"id": f"warm{i}", "text": r["text"]} for i, r in enumerate(sample[n:])]
    paths = []
    for name, recs in (("corpus.jsonl", records), ("warm.jsonl", warm)):
        path = folder / name
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def measure(master: str, corpus: Path, warm: Path, out: Path) -> dict[str, float]:
    spark = spark_session(master)
    try:
        run_batch([str(warm)], str(out / "warm"), spark=spark)
        report = run_batch([str(corpus)], str(out / master.replace("[", "").replace("]", "")), spark=spark)
    finally:
        spark.stop()
    total = sum(report.seconds.values())
    return {"articles": report.analysed, "analyse_s": report.seconds["analyse"], "total_s": total,
            "link_s": report.seconds["link"], "read_s": report.seconds["read"], "write_s": report.seconds["write"],
            "analyse_aps": report.analysed / report.seconds["analyse"], "total_aps": report.analysed / total,
            "cpu_s": report.executor_cpu_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=120, help="SlavicNER articles to add to the seeds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        corpus, warm = write_corpus(Path(tmp), args.n)
        results = {}
        for master in ("local[1]", "local[2]"):
            load = os.getloadavg()[0]
            results[master] = measure(master, corpus, warm, Path(tmp))
            r = results[master]
            print(f"{master:9} {r['articles']} articles  analyse {r['analyse_s']:.1f} s ({r['analyse_aps']:.2f} art/s)"
                  f"  whole job {r['total_s']:.1f} s ({r['total_aps']:.2f} art/s)  read {r['read_s']:.1f} s"
                  f"  link {r['link_s']:.1f} s  write {r['write_s']:.1f} s  (load average {load:.1f} on "
                  f"{os.cpu_count()} cores)")
    one, two = results["local[1]"], results["local[2]"]
    print(f"ratio local[2]/local[1]: analyse {two['analyse_aps'] / one['analyse_aps']:.2f}x, "
          f"whole job {two['total_aps'] / one['total_aps']:.2f}x")
    print(f"per-core cost (per-article stages, executor CPU time): local[1] "
          f"{one['cpu_s'] / one['articles'] * 1000:.0f} ms/article, local[2] "
          f"{two['cpu_s'] / two['articles'] * 1000:.0f} ms/article; wall time per article on local[1]: "
          f"{one['analyse_s'] / one['articles'] * 1000:.0f} ms;"
          f" driver linking: {one['link_s'] / one['articles'] * 1000:.0f} ms/article")


if __name__ == "__main__":
    main()
