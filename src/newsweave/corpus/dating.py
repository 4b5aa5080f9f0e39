"""Corpus dating: date an article to the day from a sibling article of the same event.

The time stage dates each article alone. An article whose own evidence gives only a month ("data
2022-11") leaves "w poniedziałek" as ``2022-WXX-1`` and "tydzień temu" as ``2022-WXX``. When event
clustering has put it with a sibling dated to the day from strong evidence (metadata, a dateline, a dated
embedded post), an analyst would date it from the sibling, provided nothing in the article objects:

* the sibling's day lies inside the article's own date (its month or year) and its own bounds;
* when the article names a weekday for what it reports ("on Monday", not "next Monday"), that day is one;
* no event the article reports as past falls after that day, and none it announces falls before it
  (day- and month-precise values as resolved against the article's own date).

The article then takes the day with ``date_source`` ``"inferred"`` and a lower confidence, keeps what it
had in ``meta["date_own"]``, and its time expressions and the periods of its figures are re-resolved with
the time and quantity stages' own functions. An inferred date never serves as a sibling in turn.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

import regex

from newsweave.model import Article, TimeRef
from newsweave.stages.quantities import reassign_periods
from newsweave.stages.time import Anchor, Expr, anchor_from, expressions, resolve_all

log = logging.getLogger(__name__)

#: A sibling's date must be at least this sure to date another article (metadata counts as certain).
MIN_SIBLING_CONFIDENCE = 0.7
#: How much of the weaker confidence (sibling's, article's own) the inferred date keeps: more when the
#: article names the day's weekday itself.
CONFIRMED_FACTOR = 0.75
UNCONFIRMED_FACTOR = 0.6
_ISO_VALUE = regex.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


@dataclass(frozen=True)
class _Witness:
    """A sibling dated to the day from strong evidence."""

    day: dt.date
    confidence: float
    article_id: str
    source: str | None


def refine_dates(articles: list[Article]) -> int:
    """Date coarse articles (month/year) from same-event siblings dated to the day; returns how many changed.

    Runs after event clustering (it needs ``event_id``). Only articles of this batch serve as siblings.
    """
    by_event: dict[str, list[Article]] = defaultdict(list)
    for art in articles:
        if art.event_id:
            by_event[art.event_id].append(art)
    changed = 0
    for members in by_event.values():
        witnesses = [w for w in map(_witness, members) if w is not None]
        if not witnesses:
            continue
        for art in members:
            bounds = _own_bounds(art)
            if bounds is None:
                continue
            try:
                changed += _refine(art, bounds, [w for w in witnesses if w.article_id != art.id])
            except Exception as exc:  # a defect here must not cost the batch its other corpus steps
                log.warning("%s: corpus dating failed: %s", art.id, exc)
                art.meta["date_refine_reason"] = f"error: {type(exc).__name__}: {exc}"
    return changed


def _witness(art: Article) -> _Witness | None:
    """The article as a sibling witness: a day-precise date, sure enough, not itself learnt from a sibling."""
    anchor = anchor_from(art.date)
    if anchor is None or anchor.precision != "day" or "date_own" in art.meta:
        return None
    confidence = art.date_confidence
    if confidence is None:
        confidence = 1.0 if art.date_source == "metadata" else 0.0
    if confidence < MIN_SIBLING_CONFIDENCE:
        return None
    return _Witness(anchor.date, confidence, art.id, art.date_source)


def _own_bounds(art: Article) -> tuple[dt.date | None, dt.date | None] | None:
    """The span the article's own evidence allows, when its date is coarser than a day (else ``None``)."""
    anchor = anchor_from(art.date)
    if anchor is not None and anchor.precision == "day":
        return None
    earliest, latest = anchor_from(art.date_earliest), anchor_from(art.date_latest)
    if anchor is None and (earliest is None or latest is None):
        return None  # an undated article without both bounds has nothing to check a sibling's day against
    lo = [d for d in (anchor.date if anchor else None, earliest.date if earliest else None) if d]
    hi = [d for d in (anchor.last if anchor else None, latest.last if latest else None) if d]
    return (max(lo) if lo else None), (min(hi) if hi else None)


def _refine(art: Article, bounds: tuple[dt.date | None, dt.date | None], witnesses: list[_Witness]) -> int:
    lo, hi = bounds
    inside = [w for w in witnesses if (lo is None or w.day >= lo) and (hi is None or w.day <= hi)]
    if not inside:
        return 0
    exprs = expressions(art)
    own_times = resolve_all(art.text, exprs, anchor_from(art.date))
    named = _named_weekdays(exprs)
    ranked = []
    for day in sorted({w.day for w in inside}):
        why = _contradiction(day, named, exprs, own_times)
        if why:
            art.meta["date_refine_reason"] = f"{day.isoformat()} from a sibling: {why}"
            continue
        support = [w for w in inside if w.day == day]
        ranked.append((day.isoweekday() in named, len(support), max(w.confidence for w in support), day, support))
    if not ranked:
        return 0
    ranked.sort(key=lambda r: r[:3], reverse=True)
    if len(ranked) > 1 and ranked[0][:3] == ranked[1][:3]:
        art.meta["date_refine_reason"] = "siblings of the event give different days"
        return 0
    confirmed, _, confidence, day, support = ranked[0]
    _apply(art, day, confirmed, confidence, support[0], exprs, bounds)
    return 1


def _named_weekdays(exprs: list[Expr]) -> set[int]:
    """ISO weekdays the article names for what it reports: "on Monday", not "next/last Monday" or a future one."""
    return {e.weekday for e in exprs
            if e.weekday is not None and e.month is None and e.offset is None and e.tense != "future"}


def _contradiction(day: dt.date, named: set[int], exprs: list[Expr], own_times: list[TimeRef]) -> str:
    """Why the article's own words rule ``day`` out ('' when they do not)."""
    if named and day.isoweekday() not in named:
        return "the article names another weekday"
    for e, t in zip(exprs, own_times, strict=True):
        if not t.value or not _ISO_VALUE.match(t.value):
            continue
        span = anchor_from(t.value)
        if span is None:
            continue
        tense = t.direction or e.tense
        if tense == "past" and span.date > day:
            return f"it reports {t.text!r} ({t.value}) as past"
        if tense == "future" and span.last < day:
            return f"it announces {t.text!r} ({t.value})"
    return ""


def _apply(art: Article, day: dt.date, confirmed: bool, confidence: float, witness: _Witness,
           exprs: list[Expr], bounds: tuple[dt.date | None, dt.date | None]) -> None:
    """Set the inferred day, keep the own date, and re-resolve times and figure periods against the day."""
    art.meta["date_own"] = {
        "date": art.date, "precision": art.date_precision, "source": art.date_source,
        "confidence": art.date_confidence, "earliest": art.date_earliest, "latest": art.date_latest,
    }
    own_confidence = art.date_confidence if art.date_confidence is not None else 1.0
    factor = CONFIRMED_FACTOR if confirmed else UNCONFIRMED_FACTOR
    art.date = day.isoformat()
    art.date_precision = "day"
    art.date_source = "inferred"
    art.date_confidence = round(min(confidence, own_confidence) * factor, 2)
    lo, hi = bounds
    art.date_earliest = lo.isoformat() if lo else None
    art.date_latest = hi.isoformat() if hi else None
    art.meta["date_reason"] = (
        f"same event as {witness.article_id} ({witness.source}, {day.isoformat()}), inside the article's own date"
        + (", on the weekday it names" if confirmed else ""))
    art.meta.pop("date_refine_reason", None)
    if [(t.start, t.end) for t in art.times] != [(e.start, e.end) for e in exprs]:
        return  # the times were not this analysis's (no time stage, or edited since): leave them alone
    new_times = resolve_all(art.text, exprs, Anchor(day, "day"))
    if [t.value for t in new_times] != [t.value for t in art.times]:
        art.times = new_times
        if art.quantities:
            reassign_periods(art)
