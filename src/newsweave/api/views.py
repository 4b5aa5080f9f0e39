"""Data views: what each page and API endpoint shows, gathered from the store as plain objects.

As in datasette, a view returns data; the API renders it as JSON and the web app as HTML, so the two
can never disagree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsweave.corpus.facts import Measure, align
from newsweave.model import Article, Entity, Event, Quote, Story
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
    found = {}
    for eid in sorted(ids):
        ent = store.get_entity(eid)
        if ent is not None:
            found[eid] = ent
    return found


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
    articles = [a for a in (store.get_article(i) for i in event.article_ids[:_PAGE_ARTICLES]) if a is not None]
    mentioning = [a for a in (store.get_article(i) for i in event.mentioned_in[:_PAGE_ARTICLES]) if a is not None]
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
    by_month = Counter((s.date or "")[:7] for s in listing.items if s.date)
    co: Counter[str] = Counter()
    about: list[tuple[Article, Quote]] = []
    for summary in listing.items[:_PAGE_ARTICLES]:
        art = store.get_article(summary.id)
        if art is None:
            continue
        co.update({m.entity_id for m in art.mentions if m.entity_id and m.entity_id != entity_id})
        spans = [(m.start, m.end) for m in art.mentions if m.entity_id == entity_id]
        about += [(art, q) for q in art.quotes if q.speaker_entity_id != entity_id
                  and any(q.start <= s and e <= q.end for s, e in spans)]
    names = _entity_names(store, {eid for eid, _ in co.most_common(15)})
    return {
        "entity": entity,
        "variants": dict(sorted(variants.items())),
        "articles": listing,
        "timeline": sorted(by_month.items()),
        "co_occurring": [(names[eid], n) for eid, n in co.most_common(15) if eid in names],
        "quotes_by": store.quotes(speaker_entity_id=entity_id, limit=50).items,
        "quotes_about": about,
        "events": store.list_events(entity_id=entity_id, limit=20).items,
    }


def story_page(store: Store, story_id: str) -> dict[str, Any]:
    """A story: its events in time order (reported and mentioned) and its coverage by language."""
    story: Story | None = store.get_story(story_id)
    if story is None:
        raise NotFound("story", story_id)
    events: list[Event] = [e for e in (store.get_event(i) for i in story.event_ids) if e is not None]
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


#: Most figures the facts view aligns at once (the newest articles' figures are dropped beyond it).
_FACT_LIMIT = 2000


def facts_page(store: Store, measure_key: str | None = None) -> list[Measure]:
    """Figures about the same measure aligned across articles, with disagreements and inconsistencies."""
    hits = store.quantities(measure_key=measure_key, limit=_FACT_LIMIT).items
    ids = list(dict.fromkeys(h.article_id for h in hits if h.quantity.measure_key))
    measures = align(a for a in (store.get_article(i) for i in ids) if a is not None)
    # the articles holding the asked-for measure hold others too; align sees them all, the answer does not
    return [m for m in measures if m.key == measure_key] if measure_key else measures
