"""`newsweave batch` throughput on Spark `local[1]` against `local[2]`, and the per-core cost behind docs/scale-out.md.

Articles: a fixed sample of SlavicNER news articles (real news, bg cs pl ru sl uk) from the shared folder,
plus the seeds, written to one JSONL file. Each master gets its own SparkSession; a warm-up run on a few
articles first makes every Python worker load the models (as a long job pays that once per executor),
then the timed run analyses the sample with all stages and runs the corpus steps (as Spark jobs, or on
the driver with ``--link driver``). Printed: articles/s of the executor phase (per-article stages) and of
the whole job, the local[2]/local[1] ratio, and the CPU time behind them: the executors' CPU in the
per-article stages and the CPU of the whole process tree (driver, JVM, Python workers) per article, which
is the per-core cost a cluster projection needs and, unlike wall time, hardly changes on a shared
machine. The load average is printed beside every run.

    python benchmarks/bench_batch.py            # 120 SlavicNER articles + seeds
    python benchmarks/bench_batch.py --n 400 --link driver
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


def tree_cpu_seconds(root: int | None = None) -> float:
    """User + system CPU seconds of a process and all its live descendants (Linux ``/proc``): the driver,
    Spark's JVM and its Python workers. Workers are reused (``spark.python.worker.reuse``), so none of
    the timed run's CPU leaves with an exited process."""
    root = root or os.getpid()
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        children.setdefault(int(fields[1]), []).append(pid)
        cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += cpu.get(pid, 0.0)
        todo += children.get(pid, [])
    return total


def measure(master: str, corpus: Path, warm: Path, out: Path, link: str) -> dict[str, float]:
    spark = spark_session(master)
    try:
        run_batch([str(warm)], str(out / "warm"), spark=spark, link=link)
        before = tree_cpu_seconds()
        report = run_batch([str(corpus)], str(out / master.replace("[", "").replace("]", "")), spark=spark,
                           link=link)
        tree_cpu = tree_cpu_seconds() - before
    finally:
        spark.stop()
    total = sum(report.seconds.values())
    return {"articles": report.analysed, "analyse_s": report.seconds["analyse"], "total_s": total,
            "link_s": report.seconds["link"], "read_s": report.seconds["read"], "write_s": report.seconds["write"],
            "analyse_aps": report.analysed / report.seconds["analyse"], "total_aps": report.analysed / total,
            "cpu_s": report.executor_cpu_s, "tree_cpu_s": tree_cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=120, help="SlavicNER articles to add to the seeds")
    parser.add_argument("--link", choices=("spark", "driver"), default="spark", help="where the corpus steps run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        corpus, warm = write_corpus(Path(tmp), args.n)
        results = {}
        for master in ("local[1]", "local[2]"):
            load = os.getloadavg()[0]
            results[master] = measure(master, corpus, warm, Path(tmp), args.link)
            r = results[master]
            print(f"{master:9} {r['articles']} articles  analyse {r['analyse_s']:.1f} s ({r['analyse_aps']:.2f} art/s)"
                  f"  whole job {r['total_s']:.1f} s ({r['total_aps']:.2f} art/s)  read {r['read_s']:.1f} s"
                  f"  link ({args.link}) {r['link_s']:.1f} s  write {r['write_s']:.1f} s  CPU: executors' stages "
                  f"{r['cpu_s']:.1f} s, whole process tree {r['tree_cpu_s']:.1f} s  (load average {load:.1f} on "
                  f"{os.cpu_count()} cores)")
    one, two = results["local[1]"], results["local[2]"]
    print(f"ratio local[2]/local[1]: analyse {two['analyse_aps'] / one['analyse_aps']:.2f}x, "
          f"whole job {two['total_aps'] / one['total_aps']:.2f}x")
    for name, r in results.items():
        n = r["articles"]
        print(f"per-core cost on {name}: per-article stages {r['cpu_s'] / n * 1000:.0f} ms CPU/article "
              f"({n / r['cpu_s']:.2f} articles per core-second); whole job {r['tree_cpu_s'] / n * 1000:.0f} ms "
              f"CPU/article ({n / r['tree_cpu_s']:.2f} articles per core-second); wall per article "
              f"{r['total_s'] / n * 1000:.0f} ms")


if __name__ == "__main__":
    main()
