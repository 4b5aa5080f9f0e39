"""Safe HTML pieces the templates need: annotated article text and small SVG charts.

Everything that comes from an article is untrusted: it is escaped here, piece by piece, and only the
markup this module writes itself is marked safe.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from newsweave.model import Article, Event

#: URL schemes a link taken from an article may use; anything else (``javascript:``, ``data:``) is not linked.
_LINK_SCHEMES = frozenset({"http", "https"})


def web_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) link, else None: escaping alone leaves ``javascript:`` live."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in _LINK_SCHEMES and parts.netloc else None


def figure(value: float | None) -> str:
    """A figure as people write it (24,500,000,000 and 2.5, never 2.45e+10)."""
    if value is None:
        return "?"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    open_tag: str
    close_tag: str
    figure: bool = False


def _inner_spans(article: Article) -> list[_Span]:
    """Mentions, times and figures, without overlaps (the longer span wins)."""
    spans: list[_Span] = []
    for m in article.mentions:
        title = escape(f"{m.type}: {m.entity_name or m.text}")
        if m.entity_id:
            href = escape("/entities/" + quote(m.entity_id, safe=""))
            open_tag = f'<a class="ent ent-{escape(m.type)}" href="{href}" title="{title}">'
            spans.append(_Span(m.start, m.end, open_tag, "</a>"))
        else:
            spans.append(_Span(m.start, m.end, f'<mark class="ent ent-{escape(m.type)}" title="{title}">', "</mark>"))
    for t in article.times:
        spans.append(_Span(t.start, t.end, f'<time class="time" title="{escape(t.value or "")}">', "</time>"))
    for q in article.quantities:
        label = escape(f"{q.kind}: {q.value} {q.unit or ''} {q.period or ''}".strip())
        spans.append(_Span(q.start, q.end, f'<mark class="qty" id="fig-{q.start}" title="{label}">', "</mark>", True))
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[_Span] = []
    for s in spans:
        if not kept or s.start >= kept[-1].end:
            kept.append(s)
    return kept


def annotate(article: Article) -> Markup:
    """The article text as HTML with mentions, times, figures and quotes highlighted and linked.

    Every figure gets the anchor ``fig-<start offset>`` (what the facts and event pages link to), also
    when a longer mention hides its highlight.
    """
    text = article.text
    inner = _inner_spans(article)
    hidden = {q.start for q in article.quantities if 0 <= q.start < len(text)} - {s.start for s in inner if s.figure}
    quotes = sorted((q.start, q.end) for q in article.quotes if 0 <= q.start < q.end <= len(text))
    cuts = {0, len(text)} | hidden
    for s in inner:
        cuts.update((s.start, s.end))
    for start, end in quotes:
        cuts.update((start, end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[str] = []
    qi = si = 0
    for lo, hi in itertools.pairwise(bounds):
        while si < len(inner) and inner[si].end <= lo:
            si += 1
        while qi < len(quotes) and quotes[qi][1] <= lo:
            qi += 1
        piece = str(escape(text[lo:hi]))
        span = inner[si] if si < len(inner) and inner[si].start <= lo else None
        if span is not None:
            piece = span.open_tag + piece + span.close_tag
        if lo in hidden:
            piece = f'<span id="fig-{lo}"></span>' + piece
        if qi < len(quotes) and quotes[qi][0] <= lo:
            piece = f'<q class="quote" id="quote-{quotes[qi][0]}">{piece}</q>'
        out.append(piece)
    return Markup("".join(out).replace("\n", "<br>\n"))


def coverage_chart(rows: Iterable[tuple[str, str]], width: int = 640, height: int = 180) -> Markup:
    """Stacked bars of articles per month and language, as inline SVG (``rows`` are (date, lang))."""
    counts: Counter[tuple[str, str]] = Counter()
    for date, lang in rows:
        if date:
            counts[(date[:7], lang or "und")] += 1
    if not counts:
        return Markup("<p class='muted'>No dated articles.</p>")
    months = sorted({m for m, _ in counts})
    langs = sorted({lang for _, lang in counts})
    peak = max(sum(counts[(m, lang)] for lang in langs) for m in months)
    bar_w = max(8, (width - 60) // max(1, len(months)))
    parts = [f'<svg class="chart" role="img" aria-label="coverage by language over time" '
             f'viewBox="0 0 {width} {height + 40}" width="{width}" height="{height + 40}">']
    for i, month in enumerate(months):
        y = height
        for j, lang in enumerate(langs):
            n = counts[(month, lang)]
            if not n:
                continue
            h = n * (height - 10) / peak
            y -= h
            parts.append(f'<rect x="{40 + i * bar_w}" y="{y:.1f}" width="{bar_w - 2}" height="{h:.1f}" '
                         f'class="c{j % 8}"><title>{escape(month)} {escape(lang)}: {n}</title></rect>')
        parts.append(f'<text x="{40 + i * bar_w}" y="{height + 14}" class="axis">{escape(month)}</text>')
    for j, lang in enumerate(langs):
        parts.append(f'<rect x="{40 + j * 60}" y="{height + 24}" width="10" height="10" class="c{j % 8}"/>'
                     f'<text x="{54 + j * 60}" y="{height + 33}" class="axis">{escape(lang)}</text>')
    parts.append(f'<text x="0" y="12" class="axis">{peak}</text></svg>')
    return Markup("".join(parts))


def timeline_chart(events: Sequence[Event], width: int = 640) -> Markup:
    """Events placed on a time axis (reported filled, mentioned hollow), as inline SVG with links."""
    dated = [e for e in events if e.date]
    if not dated:
        return Markup("<p class='muted'>No dated events.</p>")
    keys = sorted(e.date[:10] for e in dated)
    first, last = keys[0], keys[-1]

    def num(d: str) -> float:
        parts = [int(x) for x in re.findall(r"\d+", d)[:3]] + [6, 15]
        return parts[0] * 372 + parts[1] * 31 + parts[2]

    def pos(date: str) -> float:
        lo, hi = num(first), num(last)
        return 30 + (width - 60) * ((num(date[:10]) - lo) / (hi - lo) if hi > lo else 0.5)

    height = 40 + 22 * len(dated)
    parts = [f'<svg class="chart" role="img" aria-label="timeline" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}"><line x1="30" y1="20" x2="{width - 30}" y2="20" class="axis-line"/>']
    for i, ev in enumerate(sorted(dated, key=lambda e: e.date or "")):
        x = pos(ev.date or "")
        y = 40 + 22 * i
        fill = "reported" if ev.kind == "reported" else "mentioned"
        parts.append(f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{y - 5}" class="tick"/>'
                     f'<a href="/events/{escape(quote(ev.id, safe=""))}">'
                     f'<circle cx="{x:.1f}" cy="{y - 5}" r="5" class="{fill}"/>'
                     f'<text x="{min(x + 9, width - 200):.1f}" y="{y}" class="label">'
                     f'{escape((ev.date or "")[:10])} {escape(ev.label[:60])}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))
