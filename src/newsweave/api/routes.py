"""REST API under ``/api``: JSON renderings of the shared views, plus writes that need a token.

Errors have one shape everywhere: ``{"error": {"code": ..., "message": ...}}``. Lists are paginated
with ``limit``/``offset`` and answer ``{"items", "total", "limit", "offset"}``.
"""

from __future__ import annotations

import dataclasses
import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from newsweave.api import views
from newsweave.config import setting
from newsweave.jobs import analyse_pending
from newsweave.model import Article, Event, Story
from newsweave.store import Page, Store

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=500)]
#: The largest offset a page may start at: the stores' 64-bit integers (a larger one was a 500 from SQLite).
MAX_OFFSET = 2**63 - 1
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


#: The parts of ``Event.meta`` / ``Story.meta`` that describe the event or story. The rest (running
#: centroid vectors, key counts, content hashes) is clustering state kept so that clustering can resume;
#: it would add kilobytes of numbers to every listing item and is no promise to clients.
PUBLIC_META = ("by_lang", "by_source", "figures", "quotes", "mentions", "dates", "n")


def jsonable(value: Any) -> Any:
    """Model objects, pages and dataclasses as plain JSON values (articles as their contract record)."""
    if isinstance(value, Article):
        record = value.to_contract()
        record["text"] = value.text
        return record
    if isinstance(value, Event | Story):
        record = {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "meta"}
        record["meta"] = jsonable({k: value.meta[k] for k in PUBLIC_META if k in value.meta})
        return record
    if isinstance(value, Page):
        return {"items": [jsonable(i) for i in value.items], "total": value.total, "limit": value.limit,
                "offset": value.offset}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, tuple) else "/".join(map(str, k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    return value


def get_store(request: Request) -> Store:
    """The store the app was built over."""
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]


def require_token(authorization: Annotated[str | None, Header()] = None,
                  x_api_token: Annotated[str | None, Header()] = None) -> None:
    """Write endpoints need the operator's token (``NEWSWEAVE_API_TOKEN``), as a Bearer or X-API-Token header."""
    expected = setting("NEWSWEAVE_API_TOKEN")
    given = x_api_token or (authorization[7:] if authorization and authorization.startswith("Bearer ") else None)
    if not expected or not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="a valid API token is required for writes")


def _found(call: Any, *args: Any) -> Any:
    try:
        return call(*args)
    except views.NotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None


@router.get("/articles")
def list_articles(store: StoreDep, lang: str | None = None, source: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, entity: str | None = None, event: str | None = None,
                  story: str | None = None, limit: Limit = 50, offset: Offset = 0) -> Any:
    """Articles filtered by language, source, date range, entity, event or story (a merged event's old id too)."""
    if event:
        event = store.resolve_event_id(event) or event
    return jsonable(store.list_articles(lang=lang, source=source, date_from=date_from, date_to=date_to,
                                        entity_id=entity, event_id=event, story_id=story, limit=limit,
                                        offset=offset))


@router.get("/articles/{article_id}")
def get_article(article_id: str, store: StoreDep) -> Any:
    """One article: text and the full analysis record (docs/contract.md)."""
    return jsonable(_found(views.article_page, store, article_id)["article"])


@router.get("/entities")
def list_entities(store: StoreDep, type: str | None = None, name: str | None = None, limit: Limit = 50,
                  offset: Offset = 0) -> Any:
    """Canonical entities; ``name`` matches any variant in any script."""
    return jsonable(store.list_entities(type=type, name=name, limit=limit, offset=offset))


@router.get("/entities/{entity_id}")
def get_entity(entity_id: str, store: StoreDep) -> Any:
    """One entity with its variants, co-occurring entities, events and quotes by and about it."""
    page = _found(views.entity_page, store, entity_id)
    return jsonable({"entity": page["entity"], "co_occurring": [{"entity": e, "articles": n}
                                                                 for e, n in page["co_occurring"]],
                     "timeline": page["timeline"], "events": page["events"], "quotes_by": page["quotes_by"]})


@router.get("/entities/{entity_id}/mentions")
def entity_mentions(entity_id: str, store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Any:
    """Every mention of an entity, with its article."""
    return jsonable(store.entity_mentions(entity_id, limit=limit, offset=offset))


@router.get("/events")
def list_events(store: StoreDep, date_from: str | None = None, date_to: str | None = None,
                entity: str | None = None, story: str | None = None, kind: str | None = None, limit: Limit = 50,
                offset: Offset = 0) -> Any:
    """Events, newest first."""
    return jsonable(store.list_events(date_from=date_from, date_to=date_to, entity_id=entity, story_id=story,
                                      kind=kind, limit=limit, offset=offset))


@router.get("/events/{event_id}")
def get_event(event_id: str, store: StoreDep) -> Any:
    """One event with its articles grouped by language and source, figures and quotes."""
    page = _found(views.event_page, store, event_id)
    return jsonable({"event": page["event"],
                     "sources": [{"lang": c.lang, "source": c.source, "articles": [a.id for a in c.articles],
                                  "only_here": c.only_here} for c in page["columns"]],
                     "figures": [{"article_id": a.id, "quantity": q} for a, q in page["figures"]],
                     "quotes": [{"article_id": a.id, "quote": q} for a, q in page["quotes"]]})


@router.get("/stories")
def list_stories(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Any:
    """Stories, largest first."""
    return jsonable(store.list_stories(limit=limit, offset=offset))


@router.get("/stories/{story_id}")
def get_story(story_id: str, store: StoreDep) -> Any:
    """One story."""
    return jsonable(_found(views.story_page, store, story_id)["story"])


@router.get("/stories/{story_id}/timeline")
def story_timeline(story_id: str, store: StoreDep) -> Any:
    """A story's events in time order, reported and mentioned."""
    return jsonable(_found(views.story_page, store, story_id)["events"])


@router.get("/facts")
def facts(store: StoreDep, measure: str | None = None, offset: Offset = 0) -> Any:
    """Figures aligned by measure across sources, ordered by period, with disagreements flagged.

    Without ``measure``: ten measures from ``offset`` (most articles first) with the first figures of
    each, ``total`` counting measure keys; with it: that measure's figures from ``offset``, a page at a
    time, ``total`` counting its figures. Pages differ in size (a page holds whole periods), so the
    answer says where the next one starts (``next_offset``, null at the end).
    """
    page = views.facts_page(store, measure, offset)
    series = page["series"]
    if measure:
        total = series[0].figures if series else 0
        nxt = series[0].next_offset if series else None
    else:
        total = page["listing"].total
        nxt = offset + len(series) if offset + len(series) < total else None
    return {"items": jsonable([m for s in series for m in s.measures]), "total": total, "offset": offset,
            "next_offset": nxt}


@router.get("/quotes")
def list_quotes(store: StoreDep, speaker: str | None = None, article: str | None = None, limit: Limit = 50,
                offset: Offset = 0) -> Any:
    """Quotations, by resolved speaker or article."""
    return jsonable(store.quotes(speaker_entity_id=speaker, article_id=article, limit=limit, offset=offset))


@router.get("/search")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)], lang: str | None = None,
           limit: Limit = 20, offset: Offset = 0) -> Any:
    """Hybrid search (full text, entity variants in every script, meaning) with highlighted snippets."""
    page = request.app.state.searcher.search(q, lang=lang, limit=limit, offset=offset)
    return jsonable({"items": page.results, "total": page.total, "limit": limit, "offset": offset,
                     "entities": page.entities})


class IngestItem(BaseModel):
    """One article to ingest through the API (the JSONL input shape)."""

    id: str = Field(min_length=1, max_length=500)
    text: str = Field(min_length=1)
    title: str | None = None
    date: str | None = None
    lang: str | None = None
    source: str | None = None
    url: str | None = None


class IngestBody(BaseModel):
    """A batch of articles."""

    articles: list[IngestItem] = Field(min_length=1, max_length=1000)


@router.post("/ingest", dependencies=[Depends(require_token)])
def ingest(body: IngestBody, request: Request, store: StoreDep) -> Any:
    """Store and analyse articles (needs the token). Duplicates are recognised and not stored twice."""
    arts = [Article(id=i.id, text=i.text, title=i.title, date=i.date, date_source="metadata" if i.date else None,
                    lang=i.lang, source=i.source, url=i.url, origin="api", raw=i.text.encode(), raw_type="text")
            for i in body.articles]
    results = store.add_articles(arts)
    analysed = analyse_pending(store, pipeline=request.app.state.pipeline())
    return {"results": [dataclasses.asdict(r) for r in results], "analysed": analysed}
