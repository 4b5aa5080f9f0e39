"""Data views: what each page and API endpoint shows, gathered from the store as plain objects.

As in datasette, a view returns data; the API renders it as JSON and the web app as HTML, so the two
can never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsweave.corpus.facts import Measure, align
from newsweave.model import Article, Entity, Event, Story
from newsweave.store import Store


class NotFound(LookupError):
    """The thing a URL names is not in the store."""

    def __init__(self, kind: str, ident: str) -> None:
        super().__init__(f"no {kind} with id {ident!r}")
        self.kind = kind
        self.ident = ident


#: Most articles an event or entity page loads in full.
_PAGE_ARTICLES = 40


def home(store: Store) -> dict[str, Any]:
    """Latest events, active stories and counts by language."""
    stats = store.stats()
    return {
        "stats": stats,
        "events": store.list_events(kind="reported", limit=15).items,
        "stories": store.list_stories(limit=10).items,
    }


def _entity_names(store: Store, ids: set[str]) -> dict[str, Entity]:
    return {e.id: e for e in store.get_entities(sorted(ids))}


@dataclass
class SourceColumn:
    """One source's articles about an event, with what only it mentions."""

    lang: str
    source: str
    articles: list[Article]
    only_here: list[str] = field(default_factory=list)  # entity names no other source of the event mentions


def event_page(store: Store, event_id: str) -> dict[str, Any]:
    """An event: what/when/where/who, its articles by language and source, figures, quotes, omissions."""
    event = store.get_event(event_id)
    if event is None:
        raise NotFound("event", event_id)
    articles = store.get_articles(event.article_ids[:_PAGE_ARTICLES])
    mentioning = store.get_articles(event.mentioned_in[:_PAGE_ARTICLES])
    groups: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for art in articles:
        groups[(art.lang or "und", art.source or art.id)].append(art)
    entity_sets = {key: {m.entity_id for a in arts for m in a.mentions if m.entity_id} for key, arts in groups.items()}
    names = _entity_names(store, set().union(*entity_sets.values()) | set(event.participants) | set(event.places)
                          if entity_sets else set(event.participants) | set(event.places))
    columns = []
    for key in sorted(groups):
        others = set().union(*(ids for k, ids in entity_sets.items() if k != key)) if len(groups) > 1 else set()
        only = sorted(names[i].name for i in entity_sets[key] - others if i in names) if len(groups) > 1 else []
        columns.append(SourceColumn(key[0], key[1], groups[key], only))
    figures = [(a, q) for a in articles for q in a.quantities]
    quotes = [(a, q) for a in articles for q in a.quotes]
    story = store.get_story(event.story_id) if event.story_id else None
    return {"event": event, "columns": columns, "figures": figures, "quotes": quotes, "names": names,
            "mentioned_in": mentioning, "story": story}


def entity_page(store: Store, entity_id: str) -> dict[str, Any]:
    """An entity: variants by language and script, mentions over time, co-occurring entities, quotes."""
    entity = store.get_entity(entity_id)
    if entity is None:
        raise NotFound("entity", entity_id)
    variants: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for v in entity.variants:
        variants[(v.lang or "und", v.script or "Zyyy")].append((v.name, v.count))
    listing = store.list_articles(entity_id=entity_id, limit=200)
    shown = [a.id for a in listing.items[:_PAGE_ARTICLES]]
    co = store.co_occurring(entity_id, shown, limit=15)
    names = _entity_names(store, {eid for eid, _ in co})
    return {
        "entity": entity,
        "variants": dict(sorted(variants.items())),
        "articles": listing,
        "timeline": store.entity_timeline(entity_id),
        "co_occurring": [(names[eid], n) for eid, n in co if eid in names],
        "quotes_by": store.quotes(speaker_entity_id=entity_id, limit=50).items,
        "quotes_about": store.quotes_about(entity_id, shown),
        "events": store.list_events(entity_id=entity_id, limit=20).items,
    }


def story_page(store: Store, story_id: str) -> dict[str, Any]:
    """A story: its events in time order (reported and mentioned) and its coverage by language."""
    story: Story | None = store.get_story(story_id)
    if story is None:
        raise NotFound("story", story_id)
    events: list[Event] = store.get_events(story.event_ids)
    events.sort(key=lambda e: (e.date is None, e.date or "", e.id))
    articles = store.list_articles(story_id=story_id, limit=500).items
    return {"story": story, "events": events, "articles": articles,
            "coverage": [(a.date, a.lang) for a in articles]}


def article_page(store: Store, article_id: str) -> dict[str, Any]:
    """An article with its analysis, its event and story."""
    article = store.get_article(article_id)
    if article is None:
        raise NotFound("article", article_id)
    event = store.get_event(article.event_id) if article.event_id else None
    return {"article": article, "event": event}


#: Measures per facts page, figures per measure on the overview, and figures per page of one measure. A page
#: runs on to the end of the period it would cut, by at most as many figures again: disagreements are looked
#: for between every two figures of a period, so a page's cost grows with the square of its length.
_MEASURES_PER_PAGE = 10
_OVERVIEW_FIGURES = 20
_MEASURE_FIGURES = 100


@dataclass
class MeasureSeries:
    """One page of a measure's figures, aligned (``measures``: one per currency), and where the next starts."""

    key: str
    figures: int
    articles: int
    measures: list[Measure]
    offset: int
    next_offset: int | None

    @staticmethod
    def flagged(measure: Measure) -> set[tuple[str, int]]:
        """(article id, start) of every figure in one of the measure's flags: the rows to highlight."""
        return {(p.article_id, p.start) for f in measure.flags for p in f.points}


def facts_page(store: Store, measure_key: str | None = None, offset: int = 0) -> dict[str, Any]:
    """Figures about the same measure aligned across articles, with disagreements and inconsistencies.

    Without ``measure_key``: a page of measures (most articles first, ``offset`` counts measures), each
    with the first figures of its series. With it: one page of that measure's series (``offset`` counts
    figures). Disagreements are found among the figures of a page, and a page holds whole periods.
    """
    per_measure = _MEASURE_FIGURES if measure_key else _OVERVIEW_FIGURES
    listing = store.measures(measure_key=measure_key, limit=1 if measure_key else _MEASURES_PER_PAGE,
                             offset=0 if measure_key else offset)
    series = []
    for m in listing.items:
        start = offset if measure_key else 0
        page = store.measure_series(m.key, limit=per_measure, offset=start, whole_periods=per_measure)
        texts = store.article_texts([h.article_id for h in page.items])
        records: dict[str, dict[str, Any]] = {}
        for h in page.items:
            records.setdefault(h.article_id, {"id": h.article_id, "text": texts.get(h.article_id),
                                              "date": h.article_date, "lang": h.article_lang,
                                              "quantities": []})["quantities"].append(h.quantity)
        end = start + len(page.items)
        series.append(MeasureSeries(m.key, m.figures, m.articles, align(records.values()), start,
                                    end if end < page.total else None))
    return {"series": series, "listing": listing, "measure_key": measure_key, "offset": offset}
