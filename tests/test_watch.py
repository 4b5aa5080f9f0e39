"""Monitoring: conditional polling of feeds from a loopback server, backoff, health, folders, OPML, robots."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsweave.pipeline import Pipeline
from newsweave.store import Store, open_store
from newsweave.watch.alerts import add_watch
from newsweave.watch.poll import MAX_BACKOFF_S, Poller, backoff_s
from newsweave.watch.service import Service
from newsweave.watch.sources import (
    SourceError,
    add_source,
    find_source,
    get_source,
    import_opml,
    list_sources,
    remove_source,
)


def rss(items: list[tuple[str, str]], title: str = "Loopback News") -> bytes:
    """An RSS 2.0 document with one item per (slug, text)."""
    body = "".join(f"<item><title>{slug} headline</title><link>http://news.test/{slug}</link>"
                   f"<guid>http://news.test/{slug}</guid><description>{text}</description></item>"
                   for slug, text in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://news.test/</link><description>d</description>{body}</channel></rss>").encode()


@dataclass
class Route:
    """What the server answers for one path: a body with validators, or an error status."""

    body: bytes = b""
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = "application/rss+xml"


@dataclass
class FeedServer:
    """A threaded loopback HTTP server with changeable routes and a log of every request."""

    routes: dict[str, Route] = field(default_factory=dict)
    log: list[dict[str, str | int | None]] = field(default_factory=list)
    base: str = ""

    def requests(self, path: str) -> list[dict[str, str | int | None]]:
        return [r for r in self.log if r["path"] == path]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    state = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = state.routes.get(self.path)
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if route is None:
                status = 404
            elif route.status != 200:
                status = route.status
            elif (route.etag and inm == route.etag) or (not route.etag and route.last_modified
                                                         and ims == route.last_modified):
                status = 304
            else:
                status = 200
            state.log.append({"path": self.path, "if_none_match": inm, "if_modified_since": ims, "status": status})
            self.send_response(status)
            if status == 200 and route is not None:
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            else:
                self.send_header("Content-Length", "0")
                self.end_headers()

        def log_message(self, *_args: object) -> None:
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, fresh_store: Callable[[str, str], str]) -> Iterator[Store]:
    with open_store(fresh_store(request.param, "watch.db")) as st:
        yield st


def service(store: Store) -> Service:
    return Service(store, pipeline=Pipeline(["language"]), poller=Poller(allow_private=True, host_delay_s=0))


def stored_urls(store: Store) -> list[str]:
    return sorted(a.url or "" for a in store.iter_articles())


TEXT_A = "The parliament approved the new budget on Monday after a long debate about schools."
TEXT_B = "Farmers protested outside the ministry, demanding lower fuel prices and fair grain quotas."
TEXT_C = "The central bank raised its key interest rate by half a point to curb rising inflation."


def test_watch_polls_only_new_items_with_etag(server: FeedServer, store: Store) -> None:
    server.routes["/feed.xml"] = Route(rss([("a", TEXT_A), ("b", TEXT_B)]), etag='"v1"')
    src = add_source(store, server.base + "/feed.xml", interval_s=600)
    svc = service(store)
    first = svc.run_cycle(now=1000.0)
    assert (first.polled, first.added, first.changed) == (1, 2, 1)
    assert stored_urls(store) == ["http://news.test/a", "http://news.test/b"]

    # unchanged: the second poll is conditional and answered 304
    second = svc.run_cycle(now=1000.0 + 600)
    assert (second.polled, second.not_modified, second.added) == (1, 1, 0)
    assert server.requests("/feed.xml")[1]["if_none_match"] == '"v1"'
    assert server.requests("/feed.xml")[1]["status"] == 304

    # changed: exactly the new item is added
    server.routes["/feed.xml"] = Route(rss([("c", TEXT_C), ("a", TEXT_A), ("b", TEXT_B)]), etag='"v2"')
    third = svc.run_cycle(now=1000.0 + 1200)
    assert (third.added, third.duplicates) == (1, 2)
    assert stored_urls(store) == ["http://news.test/a", "http://news.test/b", "http://news.test/c"]
    health = get_source(store, src.id)
    assert health is not None
    assert (health.polls, health.not_modified, health.articles_gained, health.failures) == (3, 1, 3, 0)
    assert health.etag == '"v2"' and health.last_success_at and health.last_error is None
    assert store.count_pending() == 0


def test_watch_sends_if_modified_since(server: FeedServer, store: Store) -> None:
    stamp = formatdate(1_700_000_000, usegmt=True)
    server.routes["/lm.xml"] = Route(rss([("a", TEXT_A)]), last_modified=stamp)
    add_source(store, server.base + "/lm.xml", interval_s=60)
    svc = service(store)
    svc.run_cycle(now=0.0)
    report = svc.run_cycle(now=61.0)
    assert report.not_modified == 1
    second = server.requests("/lm.xml")[1]
    assert second["if_modified_since"] == stamp and second["status"] == 304


def test_watch_not_due_source_is_not_polled(server: FeedServer, store: Store) -> None:
    server.routes["/feed.xml"] = Route(rss([("a", TEXT_A)]), etag='"v1"')
    add_source(store, server.base + "/feed.xml", interval_s=600)
    svc = service(store)
    svc.run_cycle(now=0.0)
    assert svc.run_cycle(now=599.0).polled == 0
    assert len(server.requests("/feed.xml")) == 1


def test_watch_backs_off_on_server_errors_and_records_health(server: FeedServer, store: Store) -> None:
    server.routes["/down.xml"] = Route(status=500)
    src = add_source(store, server.base + "/down.xml", interval_s=100)
    svc = service(store)
    assert svc.run_cycle(now=0.0).failed == 1
    health = get_source(store, src.id)
    assert health is not None
    assert health.failures == 1 and health.last_error == "HTTP 500" and health.next_poll_at == 200.0
    # at the normal interval it is not retried: it backs off (twice the interval after one failure)
    assert svc.run_cycle(now=100.0).polled == 0
    assert svc.run_cycle(now=200.0).failed == 1
    health = get_source(store, src.id)
    assert health is not None and health.failures == 2 and health.next_poll_at == 200.0 + 400.0
    assert len(server.requests("/down.xml")) == 2
    # recovery resets the failure count and the schedule
    server.routes["/down.xml"] = Route(rss([("a", TEXT_A)]), etag='"ok"')
    assert svc.run_cycle(now=600.0).added == 1
    health = get_source(store, src.id)
    assert health is not None and health.failures == 0 and health.healthy and health.next_poll_at == 700.0


def test_watch_backoff_doubles_and_is_capped() -> None:
    assert [backoff_s(n, 60) for n in (1, 2, 3)] == [120, 240, 480]
    assert backoff_s(30, 60) == MAX_BACKOFF_S
    assert backoff_s(1, 60, retry_after=900) == 900


def test_watch_folder_source_reads_each_file_once(store: Store, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "one.txt").write_text(TEXT_A, encoding="utf-8")
    (drop / "two.txt.part").write_text(TEXT_B, encoding="utf-8")  # still being written: skipped
    src = add_source(store, str(drop), interval_s=10)
    assert src.kind == "folder"
    svc = service(store)
    assert svc.run_cycle(now=0.0).added == 1
    (drop / "two.txt.part").rename(drop / "two.txt")
    report = svc.run_cycle(now=10.0)
    assert (report.added, report.duplicates) == (1, 0)  # one.txt is not re-read
    health = get_source(store, src.id)
    assert health is not None and health.articles_gained == 2


def test_watch_missing_folder_is_a_recorded_failure(store: Store, tmp_path: Path) -> None:
    drop = tmp_path / "gone"
    drop.mkdir()
    src = add_source(store, str(drop))
    drop.rmdir()
    assert service(store).run_cycle(now=0.0).failed == 1
    health = get_source(store, src.id)
    assert health is not None and "missing" in (health.last_error or "")


def test_watch_page_source_respects_robots(server: FeedServer, store: Store) -> None:
    page = b"<html><head><title>Budget</title></head><body><article><p>" + TEXT_A.encode() * 3 + \
        b"</p></article></body></html>"
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.routes["/news/budget.html"] = Route(page, content_type="text/html")
    server.routes["/private/secret.html"] = Route(page, content_type="text/html")
    allowed = add_source(store, server.base + "/news/budget.html", kind="page")
    barred = add_source(store, server.base + "/private/secret.html", kind="page")
    service(store).run_cycle(now=0.0)
    assert not server.requests("/private/secret.html")
    assert len(server.requests("/robots.txt")) == 1  # cached per host
    assert (get_source(store, allowed.id) or allowed).articles_gained == 1
    assert (get_source(store, barred.id) or barred).last_error == "disallowed by robots.txt"


def test_watch_sources_add_list_remove(store: Store, tmp_path: Path) -> None:
    a = add_source(store, "https://example.org/feed.xml")
    assert add_source(store, "https://example.org/feed.xml").id == a.id  # adding twice keeps one
    assert [s.location for s in list_sources(store)] == ["https://example.org/feed.xml"]
    assert find_source(store, str(a.id)) == find_source(store, "https://example.org/feed.xml")
    with pytest.raises(SourceError):
        add_source(store, str(tmp_path / "nope"))
    with pytest.raises(SourceError):
        add_source(store, "ftp://example.org/x", kind="feed")
    assert remove_source(store, a.id) and not remove_source(store, a.id)
    assert list_sources(store) == []


def test_watch_opml_import(store: Store) -> None:
    opml = """<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
      <outline text="World"><outline type="rss" text="One" xmlUrl="https://one.example/rss"/>
      <outline type="rss" text="Two" xmlUrl="https://two.example/atom.xml"/></outline></body></opml>"""
    added = import_opml(store, opml, interval_s=900)
    assert [(s.location, s.title, s.interval_s) for s in added] == [
        ("https://one.example/rss", "One", 900), ("https://two.example/atom.xml", "Two", 900)]
    with pytest.raises(SourceError):
        import_opml(store, "<html>not opml</html>")


def _drop_directory(folder: Path, count: int) -> None:
    """``count`` distinct short articles (random word salad, so none is a near-duplicate of another)."""
    words = ["river", "mountain", "budget", "council", "farmer", "teacher", "bridge", "harbour", "election",
             "minister", "festival", "museum", "railway", "airport", "hospital", "village", "market", "factory"]
    folder.mkdir()
    for i in range(count):
        rng = random.Random(i)
        salad = " ".join(rng.choice(words) for _ in range(50))
        (folder / f"{i:05d}.txt").write_text(f"Item {i}. The interest rate story: {salad}.\n", encoding="utf-8")


def test_watch_sigterm_during_large_drop_directory_then_resume(tmp_path: Path) -> None:
    count = 300
    drop, db = tmp_path / "drop", tmp_path / "sig.db"
    _drop_directory(drop, count)
    with open_store(db) as st:
        add_source(st, str(drop))
        add_watch(st, "query", "interest rate")
    cmd = [str(Path(sys.executable).with_name("newsweave")), "watch", "--once", "--db", str(db), "--stages", "language"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with sqlite3.connect(db, timeout=30) as conn:
        while proc.poll() is None and conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0:
            time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert json.loads(out)["stopped"] is True
    assert '"message": "stop requested: finishing the current batch"' in err

    resumed = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(resumed.stdout)["stopped"] is False
    with sqlite3.connect(db) as conn:
        statuses = dict(conn.execute("SELECT status, count(*) FROM articles GROUP BY status").fetchall())
        assert statuses == {"analysed": count}  # nothing lost, nothing duplicated, nothing left pending
        assert conn.execute("SELECT count(DISTINCT origin) FROM articles").fetchone()[0] == count
        assert conn.execute("SELECT count(*) FROM source_files").fetchone()[0] == count
        assert conn.execute("SELECT count(*), count(DISTINCT article_id) FROM alerts").fetchone() == (count, count)


def test_watch_source_credentials_are_never_shown(server: FeedServer, store: Store) -> None:
    server.routes["/feed.xml"] = Route(rss([("a", TEXT_A)]), etag='"v1"')
    src = add_source(store, server.base.replace("http://", "http://reader:s3cret@") + "/feed.xml")
    assert "s3cret" in src.location and "s3cret" not in json.dumps(src.as_dict())
    service(store).run_cycle(now=0.0)
    art = next(store.iter_articles())
    assert "s3cret" not in (art.origin or "") and art.url == "http://news.test/a"
