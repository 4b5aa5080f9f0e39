"""Facts across articles: quote speakers as canonical entities, and figures aligned by measure and period.

Two corpus steps:

* :func:`attach_speakers` runs after entity canonicalisation: a quotation's speaker span (set by the quote
  stage, for back-references the span of the person they stand for) is looked up among the article's
  mentions, and the mention's canonical entity becomes the speaker.
* :func:`align` groups the figures of many articles by ``measure_key`` (and currency), orders them by the
  period they refer to, and flags (a) sources that disagree on the same measure and period beyond a
  tolerance, (b) one article giving two different values for the same measure and period. Every figure
  keeps its provenance: article id, character offsets and the sentence it was read from.

A figure whose sentence names no period is taken to be about the article's own date ("19 agreements were
signed" in a report of the visit); such periods are marked ``period_stated=False``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsweave.model import Article, Quantity
from newsweave.stages.facttext import SpanIndex, sentences

#: Relative tolerance for two exact figures of money or percentages to agree (rounding: "24,5" vs "24.46").
TOLERANCE = 0.02
#: Relative spread a figure qualified "about" ("rund", "yaklaşık") is allowed.
ABOUT_TOLERANCE = 0.10
_UNSPECIFIED = re.compile(r"(-(?:W)?XX)+$")


@dataclass(slots=True)
class FactPoint:
    """One figure with its provenance."""

    article_id: str
    value: float
    unit: str | None
    kind: str
    period: str | None
    period_stated: bool
    qualifier: str | None
    text: str
    start: int
    end: int
    sentence: str | None
    sentence_start: int | None
    lang: str | None
    measure: str | None


@dataclass(slots=True)
class FactFlag:
    """A disagreement between sources or an inconsistency inside one article."""

    kind: str  # "disagreement" | "inconsistency"
    period: str | None
    points: list[FactPoint]
    detail: str


@dataclass(slots=True)
class Measure:
    """All figures about one measure (e.g. ``trade_turnover:KZ-RU`` in USD), ordered by period."""

    key: str
    unit: str | None
    points: list[FactPoint] = field(default_factory=list)
    flags: list[FactFlag] = field(default_factory=list)

    @property
    def article_ids(self) -> list[str]:
        return sorted({p.article_id for p in self.points})


def attach_speakers(articles: Iterable[Article]) -> None:
    """Set ``speaker_entity_id``/``speaker_name`` of every quotation from the mention at its speaker span."""
    for art in articles:
        if not art.quotes:
            continue
        mentions = sorted(art.mentions, key=lambda m: m.start)
        for quote in art.quotes:
            if quote.speaker_start is None or quote.speaker_end is None:
                if quote.speaker_text and not quote.speaker_name:
                    quote.speaker_name = quote.speaker_text
                continue
            s, e = quote.speaker_start, quote.speaker_end
            covering = [m for m in mentions if m.start < e and s < m.end]
            # a person mention at the span, or any mention holding the whole span ("@handle" tagged MISC);
            # a part of a longer written name ("Velasco-Ruiz" of "Marta Velasco-Ruiz") does not replace it
            person = [m for m in covering if m.type == "PER"] or [
                m for m in covering if m.start <= s and e <= m.end]
            if person:
                best = min(person, key=lambda m: abs(m.start - s) + abs(m.end - e))
                quote.speaker_entity_id = best.entity_id
                quote.speaker_name = best.entity_name or best.text
            else:
                quote.speaker_name = quote.speaker_text


def normalize_period(period: str | None) -> str | None:
    """Drop unspecified trailing parts ("2023-XX-XX" -> "2023"); relative markers (PAST_REF) count as none."""
    if not period:
        return None
    period = _UNSPECIFIED.sub("", period)
    return period if period[:1].isdigit() else None


def _records(records: Iterable[Article | dict]) -> Iterable[tuple[str, str | None, str | None, str | None,
                                                                 list[Quantity]]]:
    """(id, text, date, lang, quantities) of Articles or of contract records (with an optional "text" key)."""
    for rec in records:
        if isinstance(rec, Article):
            if rec.duplicate_of:
                continue
            yield rec.id, rec.text, rec.date, rec.lang, rec.quantities
        else:
            if rec.get("duplicate_of"):
                continue
            qs = [q if isinstance(q, Quantity) else Quantity(**q) for q in rec.get("quantities", [])]
            yield str(rec["id"]), rec.get("text"), rec.get("date"), rec.get("lang"), qs


def align(records: Iterable[Article | dict], tolerance: float = TOLERANCE) -> list[Measure]:
    """Group figures by measure across articles, ordered by period, with disagreements and inconsistencies."""
    groups: dict[tuple[str, str | None], Measure] = {}
    for art_id, text, date, lang, quantities in _records(records):
        index = SpanIndex(sentences(Article(id=art_id, text=text))) if text else None
        for q in quantities:
            if not q.measure_key or q.value is None or not math.isfinite(q.value):
                continue
            stated = normalize_period(q.period)
            # a figure with no period is about the article's date; "FUTURE_REF" targets and "PAST_REF" hints
            # name no known period
            period = stated or (normalize_period(date) if q.period in (None, "PRESENT_REF") else None)
            sent = index.at(q.start) if index and text else None
            unit = q.unit if q.kind in ("money", "percent") else None
            measure = groups.setdefault((q.measure_key, unit), Measure(key=q.measure_key, unit=unit))
            measure.points.append(FactPoint(
                article_id=art_id, value=q.value, unit=q.unit, kind=q.kind, period=period,
                period_stated=stated is not None, qualifier=q.qualifier, text=q.text, start=q.start, end=q.end,
                sentence=text[sent.start:sent.end] if sent and text else None,
                sentence_start=sent.start if sent else None, lang=lang, measure=q.measure))
    for measure in groups.values():
        measure.points.sort(key=lambda p: (p.period is None, p.period or "", p.article_id, p.start))
        measure.flags = _flags(measure, tolerance)
    return sorted(groups.values(), key=lambda m: (-len(m.article_ids), m.key))


def _interval(p: FactPoint, tolerance: float) -> tuple[float, float]:
    """The values a figure allows: "over 300" is [300, inf), "about 21.4" is ±10 %, a count is exact."""
    v = p.value
    tol = 0.0 if p.kind == "count" else tolerance
    if p.qualifier == "about":
        tol = max(tol, ABOUT_TOLERANCE)
    if p.qualifier == "over":
        return v, math.inf
    if p.qualifier in ("under", "up_to"):
        return 0.0 if v >= 0 else -math.inf, v
    return v - abs(v) * tol, v + abs(v) * tol


def _flags(measure: Measure, tolerance: float) -> list[FactFlag]:
    by_period: dict[str, list[FactPoint]] = defaultdict(list)
    for p in measure.points:
        if p.period:
            by_period[p.period].append(p)
    flags: list[FactFlag] = []
    for period, points in sorted(by_period.items()):
        for i, a in enumerate(points):
            for j in range(i + 1, len(points)):
                b = points[j]
                if a.article_id == b.article_id and a.sentence_start is not None and \
                        a.sentence_start == b.sentence_start:
                    continue  # figures of one sentence are parallel ("24 bn …, 8.5 bn …"), not restatements
                lo_a, hi_a = _interval(a, tolerance)
                lo_b, hi_b = _interval(b, tolerance)
                if lo_a <= hi_b and lo_b <= hi_a:
                    continue
                kind = "inconsistency" if a.article_id == b.article_id else "disagreement"
                where = f"article {a.article_id}" if kind == "inconsistency" else (
                    f"articles {a.article_id} and {b.article_id}")
                flags.append(FactFlag(kind=kind, period=period, points=[a, b],
                                      detail=f"{measure.key} {period}: {a.text!r} vs {b.text!r} in {where}"))
    return flags
