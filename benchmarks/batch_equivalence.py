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
    python benchmarks/batch_equivalence.py --blocks                 # the corpus steps' blocking only, no Spark

Expect tens of minutes per path on a laptop: both paths analyse every article with all stages. ``--blocks``
analyses the corpus once (kept in ``--work`` for the next run), then compares ``link_corpus`` with the
batch's blocking run in this process: the same ``newsweave.batch.linking`` functions the Spark jobs call
(blocking keys, pair scoring, union-find components, per-component clustering, story placement) over the
same analysed articles, so only the blocking can differ. It prints the component size classes too.
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


def blocks_only(corpus: Path, work: Path) -> None:
    """``link_corpus`` against the batch's blocked corpus steps over the same analysed articles (no Spark)."""
    import copy
    import pickle
    from collections import Counter, defaultdict

    from newsweave.batch import linking
    from newsweave.batch.equivalence import pairwise
    from newsweave.corpus import link_corpus
    from newsweave.corpus.entities import blocking_keys, canonicalize
    from newsweave.corpus.events import WEIGHTS, evidence
    from newsweave.corpus.facts import attach_speakers
    from newsweave.corpus.propagation import propagate_mentions
    from newsweave.dedupe import BatchDeduper
    from newsweave.ingest import read_sources
    from newsweave.model import Article
    from newsweave.pipeline import Pipeline

    cache = work / "analysed.pickle"
    if cache.exists():
        articles = pickle.loads(cache.read_bytes())
    else:
        articles = list(BatchDeduper().mark(a for a in read_sources([corpus]) if isinstance(a, Article)))
        todo = [i for i, a in enumerate(articles) if a.duplicate_of is None]
        for i, done in zip(todo, Pipeline().pipe(articles[i] for i in todo), strict=True):
            articles[i] = done
        cache.write_bytes(pickle.dumps(articles))
    originals = [a for a in articles if a.duplicate_of is None]
    copies = {a.id: a.duplicate_of for a in articles if a.duplicate_of}

    def with_copies(groups: dict[str, str | None]) -> dict[str, str | None]:
        return {**groups, **{c: groups.get(o) for c, o in copies.items()}}

    ref = copy.deepcopy(originals)
    link_corpus(ref)
    # entities: components of the blocking keys, each clustered alone, against all units at once
    base = copy.deepcopy(originals)
    propagate_mentions(base)
    units = [u for a in base for u in linking._units_of((a.id, 0), a)]
    labels = linking.union_labels(linking.entity_edges((i, k) for i, u in enumerate(units)
                                                       for k in blocking_keys(u[3])))
    blocks: dict[int, list] = defaultdict(list)
    for i, unit in enumerate(units):
        blocks[labels.get(i, i)].append(unit)
    got: dict[tuple[str, int], str | None] = {}
    for block in blocks.values():
        for kind, value in linking._cluster_units(block):
            if kind == "m":
                got.update({(value[0][0], pos): eid for pos, eid, _ in value[1]})
    whole = copy.deepcopy(base)
    for a in whole:
        for m in a.mentions:
            m.entity_id = m.entity_name = None
    canonicalize(whole, [])
    agreement = pairwise({(a.id, i): m.entity_id for a in whole for i, m in enumerate(a.mentions)}, got)
    sizes = Counter(len(b) for b in blocks.values())
    print(f"entities: {len(units)} units, {len(blocks)} components, largest {max(sizes)}, "
          f"sizes {linking.size_classes(dict(sizes))}; mentions pairwise P/R/F1 {agreement.precision:.3f} / "
          f"{agreement.recall:.3f} / {agreement.f1:.3f}, same ids {agreement.same_ids} / {agreement.items}")
    # events and stories: the batch's blocks over the embedded path's entities
    canonicalize(base, [])
    attach_speakers(base)
    evidences = [(i, a.id, evidence(a)) for i, a in enumerate(base)]
    by_key: dict[str, list] = defaultdict(list)
    for e in evidences:
        for key in linking.event_keys(e[2]):
            by_key[key].append(e)
    found = [f for key, block in by_key.items() if len(block) > 1
             for f in linking.block_pairs(key, list(block), WEIGHTS.join - linking.EVENT_MARGIN)]
    edges = {(f[1], f[2]) for f in found if f[0] == "edge"}
    tally = Counter({kind: 0 for kind in ("pairs", "frequent", "windowed")})
    for f in found:
        if f[0] != "edge":
            tally[f[0]] += f[1]
    labels = linking.union_labels((node, pair) for pair in edges for node in pair)
    components: dict[int, list] = defaultdict(list)
    for i, art in enumerate(base):
        components[labels.get(i, i)].append((("in", i), art))
    events = []
    for members in components.values():
        events += [value for kind, value in linking._cluster_events(members) if kind == "v"]
    placed, _ = linking.place_stories(linking._merge_events(events))
    story_of = {e.id: e.story_id for e in placed}
    got_events = {a.id: a.event_id for a in base}
    sizes = Counter(len(c) for c in components.values())
    print(f"events: {tally['pairs']} pairs scored, {len(edges)} edges, {tally['frequent']} frequent-entity blocks "
          f"not used, {tally['windowed']} windowed; {len(components)} components, largest {max(sizes)} of "
          f"{len(base)}, sizes {linking.size_classes(dict(sizes))}")
    for label, want, have in (("events", {a.id: a.event_id for a in ref}, got_events),
                              ("stories", {a.id: a.story_id for a in ref},
                               {a: story_of.get(e or "") for a, e in got_events.items()})):
        g = pairwise(with_copies(want), with_copies(have))
        print(f"articles -> {label}: groups analyze {g.groups_ref} / batch {g.groups_got}, identical "
              f"{g.identical_groups}, pairwise P/R/F1 {g.precision:.3f} / {g.recall:.3f} / {g.f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsweave-equivalence"))
    parser.add_argument("--slavic", type=int, default=1067, help="SlavicNER articles (all: 1067)")
    parser.add_argument("--itn", type=int, default=1000, help="ITN blurbs sampled")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--link", choices=("spark", "driver"), default="spark",
                        help="corpus steps as Spark jobs (default) or on the driver")
    parser.add_argument("--reuse", action="store_true", help="keep the corpus and analyze's output if present")
    parser.add_argument("--blocks", action="store_true",
                        help="compare only the corpus steps' blocking with link_corpus, in this process")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    corpus, ref_path = args.work / "corpus.jsonl", args.work / "analyze.jsonl"
    if not ((args.reuse or args.blocks) and corpus.exists()):
        print(f"corpus: {write_corpus(corpus, args.slavic, args.itn)} articles -> {corpus}", flush=True)
    if args.blocks:
        blocks_only(corpus, args.work)
        return
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
