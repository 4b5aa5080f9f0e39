"""Monitoring API: sources with health, watches with their alerts and Atom feeds, and ``/metrics``.

Reads are open like the rest of the API; adding and removing sources or watches needs the API
token, since a watch's webhook makes the server send requests. ``/metrics`` is Prometheus text
built from the store on each scrape (not from in-process counters), so it is right whichever
process runs ``newsweave watch`` and however often it restarted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.core import CollectorRegistry, CounterMetricFamily, GaugeMetricFamily, Metric
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from newsweave.api.routes import StoreDep, require_token
from newsweave.store import Store
from newsweave.store import schema as t
from newsweave.watch.alerts import WatchError, add_watch, atom_feed, get_watch, list_alerts, list_watches, remove_watch
from newsweave.watch.sources import DEFAULT_INTERVAL_S, SourceError, add_source, list_sources, remove_source

router = APIRouter()


class SourceIn(BaseModel):
    """A source to add."""

    location: str = Field(min_length=1, max_length=2000)
    kind: str | None = None
    interval_s: int = Field(DEFAULT_INTERVAL_S, ge=1)


class WatchIn(BaseModel):
    """A watch to save; channels are ``{"type": "webhook", "url": ...}`` or ``{"type": "email", "to": ...}``."""

    kind: str
    target: str = Field(min_length=1, max_length=2000)
    channels: list[dict[str, str]] = []
    digest: str | None = None
    label: str | None = None


@router.get("/api/sources")
def sources(store: StoreDep) -> dict[str, Any]:
    """Every source with its health record."""
    return {"items": [s.as_dict() for s in list_sources(store)]}


@router.post("/api/sources", status_code=201, dependencies=[Depends(require_token)])
def sources_add(body: SourceIn, store: StoreDep) -> dict[str, Any]:
    """Add a source (needs the token); adding an existing location returns it."""
    try:
        return add_source(store, body.location, kind=body.kind, interval_s=body.interval_s).as_dict()
    except SourceError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


@router.delete("/api/sources/{source_id}", status_code=204, dependencies=[Depends(require_token)])
def sources_remove(source_id: int, store: StoreDep) -> Response:
    """Remove a source (needs the token); its articles stay."""
    if not remove_source(store, source_id):
        raise HTTPException(status_code=404, detail=f"no source {source_id}")
    return Response(status_code=204)


@router.get("/api/watches")
def watches(store: StoreDep) -> dict[str, Any]:
    """Every watch."""
    return {"items": [w.as_dict() for w in list_watches(store)]}


@router.post("/api/watches", status_code=201, dependencies=[Depends(require_token)])
def watches_add(body: WatchIn, store: StoreDep) -> dict[str, Any]:
    """Save a watch (needs the token)."""
    try:
        return add_watch(store, body.kind, body.target, channels=body.channels, digest=body.digest,
                         label=body.label).as_dict()
    except WatchError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


@router.delete("/api/watches/{watch_id}", status_code=204, dependencies=[Depends(require_token)])
def watches_remove(watch_id: int, store: StoreDep) -> Response:
    """Remove a watch and its alerts (needs the token)."""
    if not remove_watch(store, watch_id):
        raise HTTPException(status_code=404, detail=f"no watch {watch_id}")
    return Response(status_code=204)


def _watch_or_404(store: Store, watch_id: int) -> Any:
    found = get_watch(store, watch_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no watch {watch_id}")
    return found


@router.get("/api/watches/{watch_id}/alerts")
def watch_alerts(watch_id: int, store: StoreDep) -> dict[str, Any]:
    """A watch's latest alerts, newest first."""
    _watch_or_404(store, watch_id)
    return {"items": list_alerts(store, watch_id)}


@router.get("/api/watches/{watch_id}/atom")
def watch_atom(watch_id: int, request: Request, store: StoreDep) -> Response:
    """A watch's alerts as an Atom feed any feed reader can follow."""
    feed = atom_feed(store, _watch_or_404(store, watch_id), base_url=str(request.base_url).rstrip("/"))
    return Response(feed, media_type="application/atom+xml")


class StoreCollector:
    """Prometheus metrics read from the store at scrape time."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def collect(self) -> list[Metric]:
        """Articles by status, per-source poll counters, health and last success, per-watch alerts."""
        articles = GaugeMetricFamily("newsweave_articles", "Stored articles by status.", labels=["status"])
        a, al = t.articles, t.alerts
        with self.store.engine.connect() as conn:
            for status, count in conn.execute(select(a.c.status, func.count()).group_by(a.c.status)):
                articles.add_metric([status], count)
            alert_rows = conn.execute(select(al.c.watch_id, func.count(), func.count(al.c.delivered_at))
                                      .group_by(al.c.watch_id)).all()
        labels = ["source", "location", "kind"]
        polls = CounterMetricFamily("newsweave_source_polls", "Polls of a source.", labels=labels)
        unchanged = CounterMetricFamily("newsweave_source_not_modified", "Polls that found nothing new.",
                                        labels=labels)
        gained = CounterMetricFamily("newsweave_source_articles", "Articles a source brought.", labels=labels)
        failing = GaugeMetricFamily("newsweave_source_failures", "Consecutive failed polls (0: healthy).",
                                    labels=labels)
        last_ok = GaugeMetricFamily("newsweave_source_last_success_timestamp_seconds",
                                    "When a source was last polled successfully (Unix time).", labels=labels)
        for src in list_sources(self.store):
            key = [str(src.id), src.display, src.kind]
            if src.last_success_at:
                last_ok.add_metric(key, datetime.fromisoformat(src.last_success_at).timestamp())
            polls.add_metric(key, src.polls)
            unchanged.add_metric(key, src.not_modified)
            gained.add_metric(key, src.articles_gained)
            failing.add_metric(key, src.failures)
        alerts = CounterMetricFamily("newsweave_alerts", "Alerts raised by a watch.", labels=["watch"])
        undelivered = GaugeMetricFamily("newsweave_alerts_undelivered", "Alerts not yet delivered.", labels=["watch"])
        for watch_id, total, delivered in alert_rows:
            alerts.add_metric([str(watch_id)], total)
            undelivered.add_metric([str(watch_id)], total - delivered)
        return [articles, polls, unchanged, gained, failing, last_ok, alerts, undelivered]


@router.get("/metrics")
def metrics(store: StoreDep) -> Response:
    """Counters and health in the Prometheus text format."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(StoreCollector(store))
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
