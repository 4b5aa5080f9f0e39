"""URL ingestion against a loopback HTTP server the test starts itself: SSRF guard, redirects, limits."""

from __future__ import annotations

import gzip
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsweave.ingest import IngestError, read_sources
from newsweave.ingest import fetch as fetch_mod
from newsweave.ingest.base import stable_id
from newsweave.model import Article

PARAGRAPH = ("The port authority said on Friday that container traffic grew by 11 percent last year, "
             "the strongest rise since the new terminal opened, and announced a second expansion phase.")
PAGE = (f"<html><head><title>Port traffic grows</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Port traffic grows</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>")
FEED = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour News</title>"
        f"<item><title>One</title><link>https://harbour.example/1</link><description>{PARAGRAPH}</description>"
        f"</item><item><title>Two</title><link>https://harbour.example/2</link><description>Second item text."
        f"</description></item></channel></rss>")


ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/page": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode()),
    "/feed": (200, {"Content-Type": "application/rss+xml"}, FEED.encode()),
    "/plain": (200, {"Content-Type": "text/plain; charset=utf-8"}, PARAGRAPH.encode()),
    "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG" + bytes(100)),
    "/hop1": (302, {"Location": "/hop2"}, b""),
    "/hop2": (301, {"Location": "/page"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/big": (200, {"Content-Type": "text/plain"}, b"a" * 5000),
    "/bomb": (200, {"Content-Type": "text/plain", "Content-Encoding": "gzip"}, gzip.compress(b"b" * 200_000)),
    "/to-internal": (302, {"Location": "http://internal.invalid/secret"}, b""),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body = ROUTES.get(self.path, (404, {"Content-Type": "text/plain"}, b"missing"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _read(url: str, **kwargs: object) -> list[Article | IngestError]:
    return list(read_sources([url], **kwargs))  # type: ignore[arg-type]


def test_fetch_loopback_refused_by_default(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSWEAVE_FETCH_ALLOW_PRIVATE", raising=False)
    (err,) = _read(server + "/page")
    assert isinstance(err, IngestError)
    assert err.reason.startswith("refused: 127.0.0.1 resolves to non-public address")


def test_fetch_setting_allows_private(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWEAVE_FETCH_ALLOW_PRIVATE", "1")
    (art,) = _read(server + "/plain")
    assert isinstance(art, Article) and art.text == PARAGRAPH


def test_fetch_html_page_after_redirects(server: str) -> None:
    (art,) = _read(server + "/hop1", allow_private=True)
    assert isinstance(art, Article)
    assert art.title == "Port traffic grows"
    assert art.id == stable_id(server + "/page")
    assert art.raw_type == "html" and "container traffic grew" in art.text


def test_fetch_feed_entries(server: str) -> None:
    arts = _read(server + "/feed", allow_private=True)
    assert [a.id for a in arts] == [stable_id("https://harbour.example/1"), stable_id("https://harbour.example/2")]
    assert all(isinstance(a, Article) and a.source == "Harbour News" for a in arts)


def test_fetch_path_object_url_spelling(server: str) -> None:
    (art,) = list(read_sources([Path(server + "/plain")], allow_private=True))  # Path collapses "//"
    assert isinstance(art, Article)


@pytest.mark.parametrize(("path", "reason"), [
    ("/loop", "too many redirects (more than 5)"),
    ("/missing", "HTTP 404 Not Found"),
    ("/image", "unsupported content type 'image/png'"),
])
def test_fetch_errors_are_one_line(server: str, path: str, reason: str) -> None:
    (err,) = _read(server + path, allow_private=True)
    assert isinstance(err, IngestError) and err.reason == reason and err.origin == server + path


def test_fetch_size_limits(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWEAVE_MAX_ARTICLE_BYTES", "1000")
    (big,) = _read(server + "/big", allow_private=True)
    assert isinstance(big, IngestError) and big.reason == "too large (5000 bytes > 1000)"
    (bomb,) = _read(server + "/bomb", allow_private=True)  # small on the wire, 200 KB decoded
    assert isinstance(bomb, IngestError) and bomb.reason.startswith("too large (")


def test_fetch_redirect_to_private_host_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each hop is checked: the loopback test server counts as public here, the redirect target does not."""
    real_getaddrinfo = socket.getaddrinfo

    def fake_getaddrinfo(host: str, *args: object, **kwargs: object) -> list:
        if host == "internal.invalid":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 80))]
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fetch_mod.socket, "getaddrinfo", fake_getaddrinfo)
    monkeypatch.setattr(fetch_mod, "_forbidden", lambda address: address.startswith("10."))
    (err,) = _read(server + "/to-internal", allow_private=False)
    assert isinstance(err, IngestError)
    assert err.reason.startswith("refused: internal.invalid resolves to non-public address 10.1.2.3")


@pytest.mark.parametrize(("address", "forbidden"), [
    ("127.0.0.1", True), ("10.0.0.8", True), ("192.168.1.1", True), ("172.16.0.1", True),
    ("169.254.169.254", True), ("100.64.0.1", True), ("0.0.0.0", True), ("::1", True), ("fe80::1%eth0", True),
    ("::ffff:127.0.0.1", True), ("fd00::1", True), ("224.0.0.1", True), ("93.184.216.34", False),
    ("2606:4700::1111", False),
])
def test_fetch_forbidden_addresses(address: str, forbidden: bool) -> None:
    assert fetch_mod._forbidden(address) is forbidden


def test_fetch_non_http_scheme_refused() -> None:
    with pytest.raises(fetch_mod.FetchRefused, match="only http and https"):
        fetch_mod.fetch("ftp://example.org/file")
