"""`newsweave batch` throughput on Spark `local[1]` against `local[2]`, and the per-core cost behind docs/scale-out.md.

Articles: a fixed sample of SlavicNER news articles (real news, bg cs pl ru sl uk) from the shared folder,
plus the seeds, written to one JSONL file. Each master gets its own SparkSession; a warm-up run on a few
articles first makes every Python worker load the models (as a long job pays that once per executor),
then the timed run analyses the sample with all stages and runs the corpus steps (as Spark jobs, or on
the driver with ``--link driver``). Printed, per master:

* articles/s of the per-article phase and of the whole job, the wall time of every phase, and the
  local[2]/local[1] ratios;
* the CPU behind them: the executors' CPU in the per-article stages, the CPU of the whole process tree
  (driver, JVM, Python workers) per phase (read at each phase's end through ``run_batch(on_phase=...)``)
  and per article: the per-core cost a cluster projection needs, which, unlike wall time, hardly changes
  on a shared machine;
* from Spark's event log, per phase (read, analyse, link: propagation / entities / events, write): stages,
  tasks, summed task time, the longest task, and the *slot use*: summed task time over (task slots x the
  time any stage of the phase was running). Near 1.0 a phase keeps every slot busy; near 1/slots it runs
  one task at a time. Stages where one task took most of the stage are listed: they do not scale;
* the corpus steps' blocks and the size classes of their connected components, and the cluster size
  projected from the measured per-core cost for 300,000 and 3,000,000 articles a day.

The highest load average seen during each timed run is printed beside it (wall-clock ratios mean something
on an idle machine only; the per-phase CPU and the event log's task counts do not depend on the load).
Takes about 3 minutes on an idle 2-core machine (the whole run is timed and printed at the end).

    python benchmarks/bench_batch.py            # 240 SlavicNER articles + seeds
    python benchmarks/bench_batch.py --n 400 --link driver
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsweave.batch import run_batch, spark_session
from newsweave.config import shared_dir

#: Daily volumes projected (CC-NEWS / Europe Media Monitor, and ten times that) and the batch window (hours).
VOLUMES = (300_000, 3_000_000)
WINDOW_HOURS = 4
#: A stage where the longest task is at least this share of the stage's summed task time (and that has
#: more than one task, or is longer than a second with one task) is reported as not running in parallel.
SKEW_SHARE = 0.6


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


def _union_seconds(spans: list[tuple[float, float]]) -> float:
    """Length of the union of time intervals (seconds)."""
    total, end = 0.0, float("-inf")
    for lo, hi in sorted(spans):
        if hi > end:
            total += hi - max(lo, end)
            end = hi
    return total


def stage_timings(log: Path) -> dict[str, Any]:
    """Per-phase stage statistics from a Spark event log, leaving out the jobs of the ``warm-up`` group.

    Phases are the job descriptions ``run_batch`` sets (read, analyse, link: ..., write).
    """
    phase_of_stage: dict[int, str] = {}
    stages: dict[int, dict[str, Any]] = {}
    tasks: dict[int, list[float]] = defaultdict(list)
    # a rolling event log (Spark 4's default) is a folder of events_<n>_<app> files
    parts = sorted(log.glob("events_*"), key=lambda p: int(p.name.split("_")[1])) if log.is_dir() else [log]
    for part in parts:
        with part.open(encoding="utf-8") as fh:
            for line in fh:
                ev = json.loads(line)
                kind = ev.get("Event")
                props = ev.get("Properties") or {}
                if kind == "SparkListenerJobStart" and props.get("spark.jobGroup.id") != "warm-up":
                    phase = props.get("spark.job.description") or "other"
                    for sid in ev["Stage IDs"]:
                        phase_of_stage.setdefault(sid, phase)
                elif kind == "SparkListenerStageCompleted":
                    info = ev["Stage Info"]
                    if info.get("Submission Time") and info.get("Completion Time"):
                        stages[info["Stage ID"]] = {"name": info["Stage Name"], "tasks": info["Number of Tasks"],
                                                    "start": info["Submission Time"] / 1000,
                                                    "end": info["Completion Time"] / 1000}
                elif kind == "SparkListenerTaskEnd":
                    info = ev["Task Info"]
                    tasks[ev["Stage ID"]].append((info["Finish Time"] - info["Launch Time"]) / 1000)
    phases: dict[str, dict[str, Any]] = {}
    skewed = []
    for sid, st in sorted(stages.items()):
        if sid not in phase_of_stage:
            continue
        times = tasks.get(sid, [])
        p = phases.setdefault(phase_of_stage[sid], {"stages": 0, "tasks": 0, "task_s": 0.0, "max_task_s": 0.0,
                                                    "spans": []})
        p["stages"] += 1
        p["tasks"] += len(times)
        p["task_s"] += sum(times)
        p["max_task_s"] = max(p["max_task_s"], max(times, default=0.0))
        p["spans"].append((st["start"], st["end"]))
        total = sum(times)
        if times and total > 0.5 and max(times) >= SKEW_SHARE * total and (len(times) > 1 or total > 1.0):
            skewed.append((phase_of_stage[sid], st["name"], len(times), max(times), st["end"] - st["start"]))
    for p in phases.values():
        p["busy_s"] = _union_seconds(p.pop("spans"))
    return {"phases": phases, "skewed": skewed}


def measure(master: str, corpus: Path, warm: Path, out: Path, link: str) -> dict[str, Any]:
    slots = int(master[master.index("[") + 1:-1]) if master.startswith("local[") else os.cpu_count() or 1
    events = out / f"events-{slots}"
    events.mkdir(parents=True, exist_ok=True)
    spark = spark_session(master, conf={"spark.eventLog.enabled": "true", "spark.eventLog.dir": events.as_uri(),
                                        "spark.eventLog.compress": "false"})
    try:
        spark.sparkContext.setJobGroup("warm-up", "warm-up")
        run_batch([str(warm)], str(out / "warm"), spark=spark, link=link)
        spark.sparkContext.setLocalProperty("spark.jobGroup.id", None)
        load = os.getloadavg()[0]
        before = tree_cpu_seconds()
        marks = [before]
        phase_cpu: dict[str, float] = {}

        def mark(phase: str) -> None:
            marks.append(tree_cpu_seconds())
            phase_cpu[phase] = marks[-1] - marks[-2]

        report = run_batch([str(corpus)], str(out / f"local{slots}"), spark=spark, link=link, on_phase=mark)
        tree_cpu = tree_cpu_seconds() - before
        load = max(load, os.getloadavg()[0])
    finally:
        spark.stop()
    logs = sorted(events.iterdir(), key=lambda p: p.stat().st_mtime)
    total = sum(report.seconds.values())
    return {"slots": slots, "articles": report.analysed, "seconds": report.seconds, "total_s": total,
            "analyse_aps": report.analysed / report.seconds["analyse"], "total_aps": report.analysed / total,
            "cpu_s": report.executor_cpu_s, "tree_cpu_s": tree_cpu, "phase_cpu_s": phase_cpu, "load": load,
            "link_stats": report.link_stats,
            "stages": stage_timings(logs[-1]) if logs else {"phases": {}, "skewed": []}}


def print_run(master: str, r: dict[str, Any], link: str) -> None:
    s = r["seconds"]
    print(f"{master:9} {r['articles']} articles  analyse {s['analyse']:.1f} s ({r['analyse_aps']:.2f} art/s)  "
          f"whole job {r['total_s']:.1f} s ({r['total_aps']:.2f} art/s)  read {s['read']:.1f} s  link ({link}) "
          f"{s['link']:.1f} s  write {s['write']:.1f} s  CPU: executors' stages {r['cpu_s']:.1f} s, whole process "
          f"tree {r['tree_cpu_s']:.1f} s  (load average up to {r['load']:.1f} on {os.cpu_count()} cores)")
    print("  process-tree CPU per phase: "
          + ", ".join(f"{phase} {cpu:.1f} s" for phase, cpu in r["phase_cpu_s"].items()))
    print(f"  {'phase':20} {'stages':>6} {'tasks':>6} {'task s':>8} {'longest':>8} {'busy s':>7} {'slot use':>8}")
    for phase, p in r["stages"]["phases"].items():
        use = p["task_s"] / (r["slots"] * p["busy_s"]) if p["busy_s"] else 0.0
        print(f"  {phase:20} {p['stages']:>6} {p['tasks']:>6} {p['task_s']:>8.1f} {p['max_task_s']:>8.1f} "
              f"{p['busy_s']:>7.1f} {use:>8.2f}")
    for phase, name, n, longest, wall in r["stages"]["skewed"]:
        print(f"  one task dominates: [{phase}] {name}: {n} tasks, longest {longest:.1f} s of {wall:.1f} s")
    if r["link_stats"]:
        ls = r["link_stats"]
        print(f"  entity components {ls['entity_components']} (largest {ls['largest_entity_component']} units) "
              f"{ls['entity_sizes']}; event blocks: {ls['event_pairs']} pairs scored, {ls['event_edges']} edges, "
              f"{ls['frequent_blocks']} frequent-entity blocks not used, {ls['windowed_blocks']} windowed; "
              f"event components {ls['event_components']} (largest {ls['largest_event_component']} articles) "
              f"{ls['event_sizes']}")


def projection(r: dict[str, Any]) -> None:
    """Cores for the daily volumes from the measured whole-job CPU per article (a 4-hour window, 24 hours)."""
    per_article = r["tree_cpu_s"] / r["articles"]
    print(f"per-core cost: per-article stages {r['cpu_s'] / r['articles'] * 1000:.0f} ms CPU/article, whole job "
          f"{per_article * 1000:.0f} ms CPU/article ({1 / per_article:.2f} articles per core-second)")
    for volume in VOLUMES:
        core_s = volume * per_article
        print(f"  {volume:>9,} articles/day: {core_s / 3600:,.0f} core-hours; {core_s / 86400:.1f} cores over 24 h, "
              f"{core_s / (WINDOW_HOURS * 3600):.0f} cores for a {WINDOW_HOURS}-hour window (plus one driver)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=240, help="SlavicNER articles to add to the seeds")
    parser.add_argument("--link", choices=("spark", "driver"), default="spark", help="where the corpus steps run")
    args = parser.parse_args()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        corpus, warm = write_corpus(Path(tmp), args.n)
        results = {}
        for master in ("local[1]", "local[2]"):
            results[master] = measure(master, corpus, warm, Path(tmp), args.link)
            print_run(master, results[master], args.link)
    one, two = results["local[1]"], results["local[2]"]
    print(f"ratio local[2]/local[1]: analyse {two['analyse_aps'] / one['analyse_aps']:.2f}x, "
          f"whole job {two['total_aps'] / one['total_aps']:.2f}x (goal >= 1.7x; meaningful on an idle machine only)")
    projection(two)
    print(f"benchmark wall time {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
