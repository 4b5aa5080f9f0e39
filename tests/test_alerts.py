"""Watches fire exactly once per new matching article/figure, to a loopback webhook and SMTP server and to Atom."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import feedparser
import pytest
from aiosmtpd.controller import Controller

from newsweave.pipeline import Pipeline
from newsweave.store import Store, open_store
from newsweave.watch.alerts import WatchError, add_watch, atom_feed, deliver, list_alerts, list_watches, remove_watch
from newsweave.watch.poll import Poller
from newsweave.watch.service import Service
from newsweave.watch.sources import add_source

EN = ("Chancellor Olaf Scholz met Emmanuel Macron in Paris on Monday. Trade turnover between Germany and France "
      "reached 180 billion euros in 2023, Scholz said.")
DE = ("Bundeskanzler Olaf Scholz traf am Montag Emmanuel Macron in Paris. Der Handelsumsatz zwischen Deutschland "
      "und Frankreich erreichte 2023 180 Milliarden Euro.")
RU = ("Канцлер Олаф Шольц встретился с Эммануэлем Макроном в Париже. Товарооборот между Германией и Францией "
      "достиг 180 млрд евро.")
BANK = "The central bank of Brazil raised its key interest rate on Wednesday to curb inflation."
MEASURE = "trade_turnover:DE-FR"


class Receiver:
    """A loopback webhook receiver that keeps every JSON body; ``fail`` makes it answer 503."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.keys: list[str] = []
        self.fail = False
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if receiver.fail:
                    self.send_response(503)
                else:
                    receiver.bodies.append(json.loads(body))
                    receiver.keys.append(self.headers["Idempotency-Key"])
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *_args: object) -> None:
                return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def alerts(self) -> list[dict[str, Any]]:
        return [b["alert"] for b in self.bodies if "alert" in b]


class Mailbox:
    """aiosmtpd handler keeping every message received."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, _server: object, _session: object, envelope: Any) -> str:  # aiosmtpd's hook name
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    rec = Receiver()
    yield rec
    rec.httpd.shutdown()
    rec.httpd.server_close()


@pytest.fixture
def mailbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Mailbox]:
    box = Mailbox()
    port = _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("NEWSWEAVE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("NEWSWEAVE_SMTP_PORT", str(port))
    yield box
    controller.stop()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["language", "time", "entities", "quantities"])


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, fresh_store: Callable[[str, str], str],
          monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv("NEWSWEAVE_FETCH_ALLOW_PRIVATE", "1")  # the webhook receiver is on loopback
    with open_store(fresh_store(request.param, "alerts.db")) as st:
        yield st


def _drop(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def _service(store: Store, pipeline: Pipeline) -> Service:
    return Service(store, pipeline=pipeline, poller=Poller(allow_private=True, host_delay_s=0))


def test_alerts_fire_once_per_new_match_to_webhook_email_and_atom(
        store: Store, pipeline: Pipeline, receiver: Receiver, mailbox: Mailbox, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    _drop(drop, "en.txt", EN)
    add_source(store, str(drop), interval_s=10)
    svc = _service(store, pipeline)
    svc.run_cycle(now=0.0)  # the entity is known from here on; nothing is watched yet

    channels = [{"type": "webhook", "url": receiver.url}, {"type": "email", "to": "analyst@example.org"}]
    by_variant = add_watch(store, "entity", "scholz", channels=channels)  # a short variant, any case
    query = add_watch(store, "query", "central bank", channels=channels)
    measure = add_watch(store, "measure", MEASURE, channels=channels)
    assert by_variant.target.startswith("per-olaf-scholz") and by_variant.label == "Olaf Scholz"

    _drop(drop, "de.txt", DE)
    _drop(drop, "ru.txt", RU)
    _drop(drop, "bank.txt", BANK)
    report = svc.run_cycle(now=10.0)
    assert (report.added, report.analysed) == (3, 3)
    ids = {a.text: a.id for a in store.iter_articles()}
    # entity: the German and Russian articles (not the English one, analysed before the watch existed)
    assert {a["article_id"] for a in list_alerts(store, by_variant.id)} == {ids[DE], ids[RU]}
    assert [a["article_id"] for a in list_alerts(store, query.id)] == [ids[BANK]]
    figures = list_alerts(store, measure.id)
    assert sorted(a["article_id"] for a in figures) == sorted([ids[DE], ids[RU]])
    assert all(a["key"].startswith("figure:") and a["payload"]["figure"]["measure_key"] == MEASURE for a in figures)
    assert report.alerts == 5

    # every alert reached both channels once
    assert sorted((b["watch"]["id"], b["alert"]["article"]["id"]) for b in receiver.bodies) == sorted(
        [(by_variant.id, ids[DE]), (by_variant.id, ids[RU]), (query.id, ids[BANK]),
         (measure.id, ids[DE]), (measure.id, ids[RU])])
    assert len(set(receiver.keys)) == 5  # one idempotency key per alert
    assert len(mailbox.messages) == 5
    assert all(m["To"] == "analyst@example.org" and m["Subject"].startswith("newsweave: ") for m in mailbox.messages)

    # nothing new: no alert fires again, nothing is re-sent; re-adding the same files adds nothing
    _drop(drop, "bank-copy.txt", BANK)
    again = svc.run_cycle(now=20.0)
    assert (again.alerts, again.delivered, again.added) == (0, 0, 0)
    assert len(receiver.bodies) == 5 and len(mailbox.messages) == 5

    # the per-watch Atom feed validates with feedparser
    parsed = feedparser.parse(atom_feed(store, by_variant))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    prefix = f"urn:newsweave:alert:{by_variant.id}:article:"
    assert len(parsed.entries) == 2 and {e.id for e in parsed.entries} == {prefix + ids[DE], prefix + ids[RU]}


def test_alerts_failed_channel_is_retried_without_repeating_others(
        store: Store, pipeline: Pipeline, receiver: Receiver, mailbox: Mailbox, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    add_source(store, str(drop), interval_s=10)
    add_watch(store, "query", "interest rate", channels=[{"type": "webhook", "url": receiver.url},
                                                         {"type": "email", "to": "a@example.org"}])
    _drop(drop, "bank.txt", BANK)
    receiver.fail = True
    first = _service(store, pipeline).run_cycle(now=0.0)
    assert (first.alerts, first.delivered, first.delivery_failures) == (1, 1, 1)
    assert len(mailbox.messages) == 1 and receiver.bodies == []
    receiver.fail = False
    second = deliver(store)
    assert (second.sent, second.failed) == (1, 0)
    assert len(receiver.bodies) == 1 and len(mailbox.messages) == 1
    assert deliver(store).sent == 0
    assert list_alerts(store, 1)[0]["delivered_at"] is not None


def test_alerts_digest_groups_alerts_per_period(
        store: Store, pipeline: Pipeline, receiver: Receiver, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    add_source(store, str(drop), interval_s=10)
    watch = add_watch(store, "measure", MEASURE, channels=[{"type": "webhook", "url": receiver.url}],
                      digest="hourly")
    _drop(drop, "de.txt", DE)
    _drop(drop, "ru.txt", RU)
    _service(store, pipeline).run_cycle(now=0.0)
    created = datetime.fromisoformat(watch.created_at)
    assert receiver.bodies == []  # within the hour: held back
    assert deliver(store, now=created + timedelta(minutes=30)).sent == 0
    assert deliver(store, now=created + timedelta(minutes=61)).sent == 1
    assert len(receiver.bodies) == 1
    body = receiver.bodies[0]
    assert body["digest"] == "hourly" and len(body["alerts"]) == 2
    assert deliver(store, now=created + timedelta(hours=3)).sent == 0


def test_alerts_watch_validation_and_removal(store: Store) -> None:
    with pytest.raises(WatchError):
        add_watch(store, "weather", "x")
    with pytest.raises(WatchError):
        add_watch(store, "query", "  ")
    with pytest.raises(WatchError):
        add_watch(store, "query", "x", channels=[{"type": "webhook", "url": "file:///etc/passwd"}])
    with pytest.raises(WatchError):
        add_watch(store, "query", "x", digest="weekly")
    unknown = add_watch(store, "entity", "Nobody Known")  # followed by name until an entity carries it
    assert unknown.target == "Nobody Known" and unknown.meta == {"variants": ["Nobody Known"]}
    assert [w.id for w in list_watches(store)] == [unknown.id]
    assert remove_watch(store, unknown.id) and not remove_watch(store, unknown.id)


def test_alerts_api_sources_watches_atom_metrics_and_page(store: Store, monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsweave.web.app import create_app

    monkeypatch.setenv("NEWSWEAVE_API_TOKEN", "sekret")
    client = TestClient(create_app(store))
    auth = {"Authorization": "Bearer sekret"}
    assert client.post("/api/sources", json={"location": "https://example.org/rss"}).status_code == 401
    made = client.post("/api/sources", json={"location": "https://example.org/rss", "interval_s": 300}, headers=auth)
    assert made.status_code == 201 and made.json()["kind"] == "feed" and made.json()["healthy"] is True
    assert client.post("/api/sources", json={"location": str(tmp_path / "nope")}, headers=auth).status_code == 422
    assert [s["location"] for s in client.get("/api/sources").json()["items"]] == ["https://example.org/rss"]
    page = client.get("/sources")
    assert page.status_code == 200 and "https://example.org/rss" in page.text

    watch = client.post("/api/watches", json={"kind": "query", "target": "interest rate"}, headers=auth)
    assert watch.status_code == 201
    wid = watch.json()["id"]
    assert client.post("/api/watches", json={"kind": "nope", "target": "x"}, headers=auth).status_code == 422
    assert client.get(f"/api/watches/{wid}/alerts").json() == {"items": []}
    atom = client.get(f"/api/watches/{wid}/atom")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    assert not feedparser.parse(atom.content).bozo
    assert client.get("/api/watches/999/atom").status_code == 404

    metrics = client.get("/metrics")
    assert metrics.status_code == 200 and metrics.headers["content-type"].startswith("text/plain")
    assert 'newsweave_source_polls_total{kind="feed",location="https://example.org/rss",source="1"} 0.0' \
        in metrics.text
    assert client.get("/healthz").text == "ok"
    store_health_ok(store)
    assert "newsweave_source_last_success_timestamp_seconds{" in client.get("/metrics").text

    assert client.delete(f"/api/watches/{wid}", headers=auth).status_code == 204
    assert client.delete(f"/api/sources/{made.json()['id']}", headers=auth).status_code == 204
    assert client.delete("/api/sources/1", headers=auth).status_code == 404


def test_alerts_disagreement_fires_once_for_a_new_conflicting_figure(
        store: Store, pipeline: Pipeline, receiver: Receiver, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    _drop(drop, "en.txt", EN)
    _drop(drop, "de.txt", DE)  # two sources that agree (180 billion)
    add_source(store, str(drop), interval_s=10)
    svc = _service(store, pipeline)
    svc.run_cycle(now=0.0)
    watch = add_watch(store, "disagreement", "*", channels=[{"type": "webhook", "url": receiver.url}])
    _drop(drop, "low.txt", "Trade turnover between Germany and France reached 120 billion euros in 2023, "
                           "the ministry said on Friday.")
    svc.run_cycle(now=10.0)
    low = next(a.id for a in store.iter_articles() if a.text.startswith("Trade turnover"))
    alerts = list_alerts(store, watch.id)
    assert [a["article_id"] for a in alerts] == [low]
    assert alerts[0]["payload"]["disagreement"]["measure_key"] == MEASURE
    assert [b["alert"]["article"]["id"] for b in receiver.bodies] == [low]
    assert svc.run_cycle(now=20.0).alerts == 0


def test_alerts_watch_matches_articles_pending_when_it_was_saved(store: Store, pipeline: Pipeline,
                                                                 tmp_path: Path) -> None:
    from newsweave.jobs import store_sources

    drop = tmp_path / "drop"
    drop.mkdir()
    _drop(drop, "bank.txt", BANK)
    store_sources([drop], store)  # stored, not yet analysed
    watch = add_watch(store, "query", "interest rate")
    _service(store, pipeline).run_cycle(now=0.0)
    assert [a["key"].split(":")[0] for a in list_alerts(store, watch.id)] == ["article"]


def test_alerts_service_logs_are_json_lines() -> None:
    import logging

    from newsweave.watch.service import JsonFormatter

    record = logging.makeLogRecord({"name": "newsweave.watch", "levelname": "INFO", "msg": "polled",
                                    "source": "https://example.org/rss", "added": 2})
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "polled" and entry["source"] == "https://example.org/rss" and entry["added"] == 2
    assert entry["level"] == "info" and entry["time"].endswith("+00:00")


def _story_watch_alerts(store: Store, pipeline: Pipeline, tmp_path: Path, recluster_emptied: str | None) -> list[str]:
    """Articles a watch on the story of one English report alerts on, once its German report and an unrelated
    article arrive; with ``recluster_emptied``, the watch is on that id, which a recluster pass redirected to the
    story (as ``newsweave recluster`` records it when it empties a story into another one)."""
    from newsweave.corpus import CorpusPicture

    drop = tmp_path / "drop"
    drop.mkdir()
    _drop(drop, "en.txt", EN)
    add_source(store, str(drop), interval_s=10)
    svc = _service(store, pipeline)
    svc.run_cycle(now=0.0)
    story_id = next(store.iter_articles()).story_id
    assert story_id
    if recluster_emptied:
        store.rewrite_corpus(lambda state, _load: (CorpusPicture(state.entities, state.events, state.stories),
                                                   {recluster_emptied: story_id}))
    watch = add_watch(store, "story", recluster_emptied or story_id)
    _drop(drop, "de.txt", DE)
    _drop(drop, "bank.txt", BANK)  # another story
    svc.run_cycle(now=10.0)
    return [a["article_id"] for a in list_alerts(store, watch.id)]


def test_alerts_story_watch_fires_for_new_articles_in_the_story(store: Store, pipeline: Pipeline,
                                                                tmp_path: Path) -> None:
    assert _story_watch_alerts(store, pipeline, tmp_path, None) == ["de.txt"]


def test_alerts_story_watch_follows_the_story_a_recluster_merged_it_into(store: Store, pipeline: Pipeline,
                                                                          tmp_path: Path) -> None:
    assert _story_watch_alerts(store, pipeline, tmp_path, "st-emptied") == ["de.txt"]


def store_health_ok(store: Store) -> None:
    """Record a successful poll of every source, as a cycle would."""
    from newsweave.watch.sources import list_sources, record_health

    for src in list_sources(store):
        record_health(store, src, last_success_at="2026-11-22T06:00:00+00:00")
