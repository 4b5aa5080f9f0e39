"""Tune the event-clustering weights on half A of the ITN blurbs; report half B and the whole set.

Subjects (qids) are split into halves by a fixed hash (``newsweave.evaluate.cluster.itn_half``). The tuner
clusters *all* the blurbs of half A (full density: with thousands of blurbs, unrelated same-day news is
what an event has to resist) for each setting and picks the setting with the best B³ F1 on A: first the
full product of the ``JOINT`` parameters (the cosine centre, its scale and the join threshold trade
off against each other), then coordinate ascent over the rest of the
grid (each parameter in turn, the others held at their best so far, for ``--passes`` passes). Half B is
never looked at while choosing; its figures, and those of the whole set, are printed for the shipped
weights and for the chosen setting. Nothing is written: copy the chosen values
into ``Weights`` (``corpus/events.py``) by hand, with the figures, if they hold on B.

``--recluster`` tunes the periodic pass instead (``ReclusterSettings``: when ``newsweave recluster`` splits
and merges events), on the events the shipped weights make of half A: the full product of ``RECLUSTER_GRID``,
scored by the B³ F1 after the pass; half B and the whole set are then reported without and with the pass.

The analysed blurbs are pickled under ``artifacts/itn-analysed`` (first run: minutes; then each setting
costs one ``cluster()`` run). Delete that folder after changing a stage.

    python scripts/tune_events.py
    python scripts/tune_events.py --passes 1 --grid cos_centre=0.83,0.86 --grid members=0,1
    python scripts/tune_events.py --recluster
"""

from __future__ import annotations

import argparse
import copy
import itertools
import sys
import time
from dataclasses import asdict, fields, replace
from typing import Any

from newsweave.config import shared_dir
from newsweave.corpus.events import RECLUSTER, WEIGHTS, ReclusterSettings, Weights, cluster
from newsweave.evaluate.cluster import (
    ARTICLE_CACHE,
    analysed_itn,
    itn_gold,
    itn_half,
    load_itn,
    score_itn,
    score_recluster,
)
from newsweave.model import Article

#: Parameter -> values tried (the shipped value is always tried too).
GRID: dict[str, list[float]] = {
    "cos_centre": [0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86, 0.87, 0.88],
    "entities": [1.0, 2.0, 3.0],
    "places": [0.0, 0.5, 1.0],
    "join": [0.0, 0.5, 1.0],
    "cos_scale": [12.0, 18.0, 24.0],
    "same_day": [0.0, 0.2, 0.5, 1.0],
    "gap_penalty_per_day": [0.06, 0.12, 0.25, 0.5, 1.0],
}
#: Parameters searched together, over the full product of their values, before the others.
JOINT = ("cos_centre", "cos_scale", "join")
#: ReclusterSettings field -> values tried together (full product) by ``--recluster``. A margin of 99 turns
#: that kind of merge off; a split_cos of 0 turns vector splits off.
RECLUSTER_GRID: dict[str, list[float]] = {
    "split_cos": [0.0, 0.7, 0.75, 0.8],
    "merge_margin": [2.0, 99.0],
    "link_margin": [0.5, 1.0, 1.5, 99.0],
    "merge_min_entities": [0.4, 0.5],
}


def _parse_grid(items: list[str], cls: type = Weights) -> dict[str, list[float]]:
    names = {f.name: f.type for f in fields(cls)}
    grid: dict[str, list[float]] = {}
    for item in items:
        name, _, values = item.partition("=")
        if name not in names:
            raise SystemExit(f"unknown weight {name!r}")
        grid[name] = [float(v) for v in values.split(",") if v]
    return grid


def _typed(w: Weights, name: str, value: float) -> Weights:
    current = getattr(w, name)
    return replace(w, **{name: int(value) if isinstance(current, int) else value})


def _line(label: str, r: dict[str, Any]) -> str:
    out = (f"{label:<28} events {r['events']:>5} (gold {r['gold_clusters']:>4})  "
           f"P {r['P']:.3f}  R {r['R']:.3f}  F1 {r['F1']:.3f}")
    if "recluster" in r:
        rc = r["recluster"]
        out += f"   +recluster P {rc['P']:.3f} R {rc['R']:.3f} F1 {rc['F1']:.3f}"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--grid", action="append", default=[], help="NAME=v1,v2,... (replaces the built-in grid)")
    parser.add_argument("--passes", type=int, default=2, help="coordinate-ascent passes over the grid")
    parser.add_argument("--recluster", action="store_true", help="tune the recluster pass's settings instead")
    args = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        print("no shared data folder (../shared)", file=sys.stderr)
        return 2
    if args.recluster:
        grid = _parse_grid(args.grid, ReclusterSettings) if args.grid else RECLUSTER_GRID
    else:
        grid = _parse_grid(args.grid) if args.grid else GRID
    rows = load_itn(shared)
    started = time.process_time()
    arts = analysed_itn(rows, article_cache=ARTICLE_CACHE)
    gold = itn_gold(rows)
    print(f"analysed {len(arts)} blurbs ({time.process_time() - started:.0f} s CPU, cached in {ARTICLE_CACHE})")
    halves: dict[str, tuple[list[Article], list[str]]] = {}
    for h in ("A", "B"):
        idx = [i for i, r in enumerate(rows) if itn_half(r["qid"]) == h]
        halves[h] = ([arts[i] for i in idx], [gold[i] for i in idx])
    a_arts, a_gold = halves["A"]
    print(f"half A: {len(a_arts)} blurbs, {len(set(a_gold))} gold events; "
          f"half B: {len(halves['B'][0])} blurbs, {len(set(halves['B'][1]))} gold events")
    if args.recluster:
        return _tune_recluster(halves, arts, gold, grid)
    seen: dict[tuple[Any, ...], float] = {}

    def f1_on_a(w: Weights) -> float:
        key = tuple(asdict(w).values())
        if key not in seen:
            t = time.process_time()
            r = score_itn(a_arts, a_gold, w, with_recluster=False)
            seen[key] = r["F1"]
            changed = {k: v for k, v in asdict(w).items() if v != getattr(WEIGHTS, k)}
            print(f"  A  {_line(str(changed or 'shipped'), r)}  [{time.process_time() - t:.1f} s CPU]", flush=True)
        return seen[key]

    best, best_f1 = WEIGHTS, f1_on_a(WEIGHTS)
    joint = [n for n in JOINT if n in grid]
    print(f"joint grid over {joint}")
    for combo in itertools.product(*(grid[n] for n in joint)):
        cand = best
        for name, v in zip(joint, combo, strict=True):
            cand = _typed(cand, name, v)
        if (f1 := f1_on_a(cand)) > best_f1 + 1e-9:
            best, best_f1 = cand, f1
    for p in range(args.passes):
        print(f"pass {p + 1}")
        for name, values in grid.items():
            for v in values:
                cand = _typed(best, name, v)
                f1 = f1_on_a(cand)
                if f1 > best_f1 + 1e-9:
                    best, best_f1 = cand, f1
    chosen = {k: v for k, v in asdict(best).items() if v != getattr(WEIGHTS, k)}
    print(f"\nchosen on A (F1 {best_f1:.3f}): {chosen or 'the shipped weights'}")
    for label, w in (("shipped", WEIGHTS), ("chosen", best)):
        for h in ("A", "B"):
            print(_line(f"{label} half {h}", score_itn(*halves[h], w)))
        print(_line(f"{label} full", score_itn(arts, gold, w)))
    return 0


def _tune_recluster(halves: dict[str, tuple[list[Article], list[str]]], arts: list[Article], gold: list[str],
                    grid: dict[str, list[float]]) -> int:
    """Full product of the grid on half A (B³ F1 after the pass, on one clustering by the shipped weights);
    B and the whole set reported after."""
    a_arts, a_gold = halves["A"]
    base = score_itn(a_arts, a_gold, with_recluster=False)
    clustered = cluster(a_arts, [], [])
    names = list(grid)
    best, best_f1 = RECLUSTER, -1.0
    for combo in [tuple(getattr(RECLUSTER, n) for n in names), *itertools.product(*(grid[n] for n in names))]:
        cand = replace(RECLUSTER, **dict(zip(names, combo, strict=True)))
        t = time.process_time()
        rc = score_recluster(a_arts, a_gold, *copy.deepcopy(clustered), settings=cand)
        print(f"  A  {dict(zip(names, combo, strict=True))}  F1 {base['F1']:.3f} -> {rc['F1']:.3f} "
              f"(P {rc['P']:.3f} R {rc['R']:.3f}; {rc['merged']} merged, {rc['split']} split)  "
              f"[{time.process_time() - t:.1f} s CPU]", flush=True)
        if rc["F1"] > best_f1 + 1e-9:
            best, best_f1 = cand, rc["F1"]
    chosen = {k: v for k, v in asdict(best).items() if v != getattr(RECLUSTER, k)}
    print(f"\nchosen on A (F1 after recluster {best_f1:.3f}): {chosen or 'the shipped settings'}")
    for label, rs in (("shipped", RECLUSTER), ("chosen", best)):
        for h in ("A", "B"):
            print(_line(f"{label} half {h}", score_itn(*halves[h], settings=rs)))
        print(_line(f"{label} full", score_itn(arts, gold, settings=rs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
