"""The web application: HTML pages and the REST API over one store, as one ASGI app.

``create_app`` is what ``newsweave serve`` runs and what the tests drive. Pages are server-rendered
(Jinja2, autoescaped) and readable without JavaScript; every asset is served from this package.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsweave import __version__
from newsweave.api import views
from newsweave.api.monitoring import router as monitoring_router
from newsweave.api.routes import Offset
from newsweave.api.routes import router as api_router
from newsweave.config import int_setting
from newsweave.pipeline import Pipeline
from newsweave.search import Result, Searcher, SearchPage
from newsweave.store import Store
from newsweave.watch.sources import list_sources
from newsweave.web.limits import BodyLimit, TimeLimit
from newsweave.web.render import annotate, coverage_chart, figure, timeline_chart, web_url

HERE = Path(__file__).parent
LANG_NAMES_LOCALE = "en"


def _lang_name(code: str | None) -> str:
    """An English language name for a code (CLDR via babel), the code itself when unknown."""
    if not code or code == "und":
        return "undetermined"
    try:
        return Locale.parse(code).get_display_name(LANG_NAMES_LOCALE) or code
    except (ValueError, UnknownLocaleError):
        return code


def create_app(store: Store, *, searcher: Searcher | None = None) -> FastAPI:
    """The whole app (pages + ``/api``) over an open store."""
    app = FastAPI(title="newsweave", version=__version__, docs_url="/api/docs", openapi_url="/api/openapi.json")
    app.state.store = store
    app.state.searcher = searcher or Searcher(store)
    app.state.pipeline = functools.cache(Pipeline)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["lang_name"] = _lang_name
    templates.env.filters.update(figure=figure, web_url=web_url)
    templates.env.globals.update(annotate=annotate, coverage_chart=coverage_chart, timeline_chart=timeline_chart)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api_router)
    app.include_router(monitoring_router)
    app.add_middleware(TimeLimit, seconds=int_setting("NEWSWEAVE_REQUEST_TIMEOUT"))
    app.add_middleware(BodyLimit, max_bytes=int_setting("NEWSWEAVE_MAX_REQUEST_BYTES"))  # outermost: refused early

    def page(request: Request, template: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    # Starlette's class, not FastAPI's subclass: unmatched routes (404, 405) get the same error shape
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if is_api(request):
            return JSONResponse({"error": {"code": exc.status_code, "message": str(exc.detail)}},
                                status_code=exc.status_code, headers=getattr(exc, "headers", None))
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code,
                                                                  "message": str(exc.detail)},
                                          status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Any:
        message = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        if is_api(request):
            return JSONResponse({"error": {"code": 422, "message": message}}, status_code=422)
        return templates.TemplateResponse(request, "error.html", {"status": 422, "message": message},
                                          status_code=422)

    def found(call: Any, *args: Any) -> dict[str, Any]:
        try:
            return call(*args)
        except views.NotFound as exc:
            raise HTTPException(status_code=404, detail=str(exc)) from None

    @app.get("/healthz", response_class=PlainTextResponse)
    def healthz() -> str:
        store.ping()
        return "ok"

    @app.get("/sources", response_class=HTMLResponse)
    def sources(request: Request) -> HTMLResponse:
        return page(request, "sources.html", sources=list_sources(store))

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        return page(request, "home.html", **views.home(store))

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: str) -> HTMLResponse:
        return page(request, "article.html", **found(views.article_page, store, article_id))

    @app.get("/entities", response_class=HTMLResponse)
    def entities(request: Request, name: str | None = None, type: str | None = None,
                 offset: Offset = 0) -> HTMLResponse:
        listing = store.list_entities(name=name, type=type, limit=50, offset=offset)
        return page(request, "entities.html", listing=listing, name=name or "", type=type or "")

    @app.get("/entities/{entity_id}", response_class=HTMLResponse)
    def entity(request: Request, entity_id: str) -> HTMLResponse:
        return page(request, "entity.html", **found(views.entity_page, store, entity_id))

    @app.get("/events/{event_id}", response_class=HTMLResponse)
    def event(request: Request, event_id: str) -> Response:
        # An id that re-clustering merged away moves permanently to its survivor, so bookmarks and
        # links in alerts land on the event's current address.
        current = store.resolve_event_id(event_id)
        if current is not None and current != event_id:
            return RedirectResponse(app.url_path_for("event", event_id=current), status_code=308)
        return page(request, "event.html", **found(views.event_page, store, event_id))

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(request: Request, story_id: str) -> Response:
        current = store.resolve_story_id(story_id)  # a story re-clustering emptied moves to its events' story
        if current is not None and current != story_id:
            return RedirectResponse(app.url_path_for("story", story_id=current), status_code=308)
        return page(request, "story.html", **found(views.story_page, store, story_id))

    @app.get("/facts", response_class=HTMLResponse)
    def facts(request: Request, measure: str | None = None, offset: Offset = 0) -> HTMLResponse:
        return page(request, "facts.html", **views.facts_page(store, measure or None, offset))

    @app.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: str = Query("", max_length=500), lang: str | None = None,
               offset: Offset = 0) -> HTMLResponse:
        if q.strip():
            result = app.state.searcher.search(q, lang=lang or None, limit=20, offset=offset)
        elif lang:  # the home page's language links: every article in that language, newest first
            listing = store.list_articles(lang=lang, limit=20, offset=offset)
            result = SearchPage([Result(a, [], 0.0, [f"language:{lang}"]) for a in listing.items], listing.total, [])
        else:
            result = None
        return page(request, "search.html", q=q, lang=lang or "", result=result, offset=offset)

    return app
