"""``newsweave eval cluster``: B³ precision/recall/F1 of event clustering (and of story chaining on ITN).

* ITN: Wikipedia "In the news" blurbs in 55 languages; the gold event of a blurb is its subject
  (``qid``) split where consecutive blurbs are more than 14 days apart. Each blurb becomes an article
  dated by its timestamp and goes through every registered stage and the corpus steps that precede
  clustering in ``newsweave analyze`` (mention propagation, cross-lingual entity canonicalisation: the
  entity evidence of an event is worth little without them), then :func:`cluster`.
  The same articles are then re-clustered (:func:`recluster`, the periodic pass) and scored again.
  Stories are scored against the unsplit subject.
* SlavicNER (coarse): two topics of many events each, with gold entity ids used as mentions. Events
  far finer than topics are right, so only precision (an event never mixes the topics) is meaningful.

The default run takes a fixed sample of subjects (fast enough for CI); ``--full`` takes all.

Tuning without fitting the figures it reports: subjects are split by a fixed hash of their qid into
halves A and B (:func:`itn_half`). ``scripts/tune_events.py`` tunes the clustering weights on all the
blurbs of half A (full density: at CI-sample density unrelated same-day news is too rare to matter) and
reports half B and the whole set. The analysed blurbs are cached on disk (:func:`analysed_itn`), so each
weight setting costs one :func:`cluster` run, not the stages.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import random
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsweave.corpus.entities import canonicalize
from newsweave.corpus.events import RECLUSTER, WEIGHTS, ReclusterSettings, Weights, cluster, recluster
from newsweave.corpus.propagation import propagate_mentions
from newsweave.evaluate.pairs import DEFAULT_CACHE, analyser
from newsweave.model import Article, Event, Mention, Story
from newsweave.pipeline import STAGES

ITN_FILE = Path("dev/itn/blurbs.jsonl")
SLAVIC_FILE = Path("dev/slavicner/docs.jsonl")
GAP_DAYS = 14
#: Analysed ITN blurbs, pickled per set of rows and stages (``artifacts/`` is not versioned).
ARTICLE_CACHE = Path("artifacts/itn-analysed")


def bcubed(pred: Sequence[str | None], gold: Sequence[str]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of a predicted clustering against a gold one (item-averaged)."""
    by_pred: dict[str | None, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p if p is not None else f"\x00{i}"].add(i)
        by_gold[g].add(i)
    prec = rec = 0.0
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        mine = by_pred[p if p is not None else f"\x00{i}"]
        both = len(mine & by_gold[g])
        prec += both / len(mine)
        rec += both / len(by_gold[g])
    n = max(len(gold), 1)
    prec, rec = prec / n, rec / n
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def itn_gold(rows: list[dict[str, Any]]) -> list[str]:
    """Gold event per blurb: its subject, split on gaps of more than 14 days."""
    gold = [""] * len(rows)
    by_qid: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_qid[r["qid"]].append(i)
    for qid, idx in by_qid.items():
        idx.sort(key=lambda i: rows[i]["timestamp"])
        part, last = 0, None
        for i in idx:
            ts = rows[i]["timestamp"]
            if last is not None and ts - last > GAP_DAYS * 86400:
                part += 1
            gold[i] = f"{qid}#{part}"
            last = ts
    return gold


def _analyse_in_batches(articles: list[Article], cache_dir: Path | None, batch: int = 64) -> list[Article]:
    run = analyser(cache_dir)
    out: list[Article] = []
    for i in range(0, len(articles), batch):
        out.extend(run(articles[i:i + batch]))
    return out


def load_itn(shared: Path) -> list[dict[str, Any]]:
    with (shared / ITN_FILE).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def itn_half(qid: str) -> str:
    """"A" or "B": a fixed hash of the subject, so that tuning (A) and reporting (B) never share a subject."""
    return "A" if hashlib.sha1(qid.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def select_itn(rows: list[dict[str, Any]], full: bool = False, sample: int = 40,
               half: str | None = None) -> list[dict[str, Any]]:
    """The rows of one evaluation: a half (all its blurbs) when ``half`` is given, else all or the CI sample."""
    if half:
        return [r for r in rows if itn_half(r["qid"]) == half]
    if full:
        return rows
    qids = sorted({r["qid"] for r in rows})
    keep = set(random.Random(3).sample(qids, min(sample, len(qids))))
    return [r for r in rows if r["qid"] in keep]


def analysed_itn(rows: list[dict[str, Any]], cache_dir: Path | None = DEFAULT_CACHE,
                 article_cache: Path | None = None) -> list[Article]:
    """The blurbs as analysed articles dated by their timestamps. With ``article_cache`` (the tuner's
    ``ARTICLE_CACHE``) they are pickled per rows and registered stage names, so a stale cache survives a
    change inside a stage: delete the folder then. The evaluation itself always re-runs the stages."""
    what = [sorted(STAGES.items()), "canonical", [(r["qid"], r["lang"], r["timestamp"], r["text"]) for r in rows]]
    key = hashlib.sha1(json.dumps(what).encode("utf-8")).hexdigest()[:16]
    path = article_cache / f"{key}.pkl" if article_cache else None
    if path and path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    arts = []
    for i, r in enumerate(rows):
        day = datetime.fromtimestamp(r["timestamp"], tz=UTC).date().isoformat()
        arts.append(Article(id=f"itn{i}", text=r["text"], lang=r["lang"], date=day))
    arts = _analyse_in_batches(arts, cache_dir)
    for a, r in zip(arts, rows, strict=True):  # the timestamp is metadata: it wins over any inferred date
        a.date, a.date_precision, a.date_source = (
            datetime.fromtimestamp(r["timestamp"], tz=UTC).date().isoformat(), "day", "metadata")
    propagate_mentions(arts)
    canonicalize(arts, [])
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            pickle.dump(arts, fh)
    return arts


def score_itn(arts: list[Article], gold: list[str], weights: Weights = WEIGHTS,
              with_recluster: bool = True, settings: ReclusterSettings = RECLUSTER,
              subjects: list[str] | None = None) -> dict[str, Any]:
    """Cluster the analysed blurbs from scratch with ``weights`` and score them (and the recluster pass with
    ``settings``). With ``subjects`` (each blurb's ``qid``, unsplit) the stories are scored too: a subject's
    blurbs over months are one story, and a story of many subjects is the chaining gone too far (subjects
    finer than stories count against it, so precision is a lower bound)."""
    for a in arts:
        a.event_id = a.story_id = None
    events, stories = cluster(arts, [], [], weights)
    p, rc, f = bcubed([a.event_id for a in arts], gold)
    out: dict[str, Any] = {"items": len(arts), "gold_clusters": len(set(gold)),
                           "events": len({a.event_id for a in arts}), "stories": len(stories), "P": p, "R": rc, "F1": f}
    if subjects is not None:
        sp, sr, sf = bcubed([a.story_id for a in arts], subjects)
        out["story"] = {"gold_clusters": len(set(subjects)), "P": sp, "R": sr, "F1": sf}
    if with_recluster:
        out["recluster"] = score_recluster(arts, gold, events, stories, weights, settings)
    return out


def score_recluster(arts: list[Article], gold: list[str], events: list[Event], stories: list[Story],
                    weights: Weights = WEIGHTS, settings: ReclusterSettings = RECLUSTER) -> dict[str, Any]:
    """B³ of the clustering ``events`` after the recluster pass (which rewrites the events and stories given:
    pass copies to score several settings on one clustering)."""
    by_id = {a.id: a for a in arts}
    again = recluster(events, stories, lambda ids: [by_id[i] for i in ids if i in by_id], weights, settings)
    event_of = {aid: e.id for e in again.events for aid in e.article_ids}
    rp, rr, rf = bcubed([event_of.get(a.id) for a in arts], gold)
    return {"events": len({e.id for e in again.events if e.article_ids}), "P": rp, "R": rr, "F1": rf,
            "merged": len(again.merged), "split": len(again.split)}


def evaluate_itn(shared: Path, full: bool = False, sample: int = 40,
                 cache_dir: Path | None = DEFAULT_CACHE, half: str | None = None) -> dict[str, Any]:
    rows = select_itn(load_itn(shared), full, sample, half)
    return score_itn(analysed_itn(rows, cache_dir), itn_gold(rows), subjects=[r["qid"] for r in rows])


def evaluate_slavic(shared: Path, full: bool = False, sample: int = 40,
                    cache_dir: Path | None = DEFAULT_CACHE) -> dict[str, Any]:
    with (shared / SLAVIC_FILE).open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if not full:
        by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            by_topic[r["topic"]].append(r)
        rng = random.Random(5)
        rows = [r for t in sorted(by_topic) for r in rng.sample(by_topic[t], min(sample, len(by_topic[t])))]
    arts = [Article(id=f"sl{i}", text=r["text"], lang=r["lang"]) for i, r in enumerate(rows)]
    arts = _analyse_in_batches(arts, cache_dir)
    for a, r in zip(arts, rows, strict=True):  # gold entities as mentions: a check of the clustering itself
        a.mentions = [Mention(e["start"], e["end"], e["surface"], e["type"], entity_id=e["entity_id"],
                              entity_name=e["entity_id"].split("-", 1)[-1].replace("-", " "), lemma=e.get("lemma"))
                      for e in r.get("entities", []) if e.get("entity_id")]
    _events, stories = cluster(arts, [], [])
    p, rc, f = bcubed([a.event_id for a in arts], [r["topic"] for r in rows])
    sp, _, _ = bcubed([a.story_id for a in arts], [r["topic"] for r in rows])
    return {"items": len(arts), "events": len({a.event_id for a in arts}), "stories": len(stories),
            "P": p, "R": rc, "F1": f, "story_P": sp}


def evaluate(shared: Path, full: bool = False, sample: int = 25,
             cache_dir: Path | None = DEFAULT_CACHE) -> dict[str, Any]:
    return {"itn": evaluate_itn(shared, full, sample, cache_dir),
            "slavicner": evaluate_slavic(shared, full, max(10, sample // 2), cache_dir)}


def format_table(result: dict[str, Any]) -> str:
    itn, sl = result["itn"], result["slavicner"]
    return "\n".join([
        "dataset     items  gold  events  stories  B3-P   B3-R   B3-F1",
        f"ITN         {itn['items']:<6} {itn['gold_clusters']:<5} {itn['events']:<7} {itn['stories']:<8} "
        f"{itn['P']:.3f}  {itn['R']:.3f}  {itn['F1']:.3f}",
        f"ITN+reclust {'':<6} {'':<5} {itn['recluster']['events']:<7} {'':<8} {itn['recluster']['P']:.3f}  "
        f"{itn['recluster']['R']:.3f}  {itn['recluster']['F1']:.3f}   (after `newsweave recluster`: "
        f"{itn['recluster']['merged']} merged, {itn['recluster']['split']} split)",
        f"ITN stories {'':<6} {itn['story']['gold_clusters']:<5} {'':<7} {itn['stories']:<8} {itn['story']['P']:.3f}  "
        f"{itn['story']['R']:.3f}  {itn['story']['F1']:.3f}   (gold: the subject over all its dates)",
        f"SlavicNER   {sl['items']:<6} {2:<5} {sl['events']:<7} {sl['stories']:<8} "
        f"{sl['P']:.3f}  {sl['R']:.3f}  {sl['F1']:.3f}   (topics: only P is meaningful; story P {sl['story_P']:.3f})",
    ])
