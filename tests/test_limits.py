"""Every limit is configurable and holds: request body, request time, article size, decompressed size."""

from __future__ import annotations

import gzip
import io
import json
import resource
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.ingest import IngestError, read_sources
from newsweave.model import Article
from newsweave.store import Store, open_store
from newsweave.web.app import create_app

TOKEN = "limits-token"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "limits.db") as opened:
        yield opened


def _client(store: Store, monkeypatch: pytest.MonkeyPatch, **settings: str) -> TestClient:
    monkeypatch.setenv("NEWSWEAVE_API_TOKEN", TOKEN)
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    return TestClient(create_app(store))


def _error(resp: httpx.Response, status: int) -> str:
    assert resp.status_code == status, resp.text[:300]
    body = resp.json()
    assert body["error"]["code"] == status
    return body["error"]["message"]


def _body(size: int) -> bytes:
    text = "x" * size
    return json.dumps({"articles": [{"id": "big", "text": text}]}).encode("utf-8")


def test_limits_request_body_refused_by_declared_length(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with _client(store, monkeypatch, NEWSWEAVE_MAX_REQUEST_BYTES="1000") as client:
        resp = client.post("/api/ingest", content=_body(5000), headers={"X-API-Token": TOKEN,
                                                                         "content-type": "application/json"})
        assert "NEWSWEAVE_MAX_REQUEST_BYTES" in _error(resp, 413)
    assert store.stats().articles == 0


def test_limits_request_body_refused_when_streamed_without_length(store: Store,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def chunks() -> Iterator[bytes]:  # chunked transfer: no Content-Length to trust
        data = _body(5000)
        for i in range(0, len(data), 512):
            yield data[i:i + 512]

    with _client(store, monkeypatch, NEWSWEAVE_MAX_REQUEST_BYTES="1000") as client:
        resp = client.post("/api/ingest", content=chunks(), headers={"X-API-Token": TOKEN,
                                                                     "content-type": "application/json"})
        _error(resp, 413)
    assert store.stats().articles == 0


def test_limits_request_body_under_the_limit_reaches_the_app(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with _client(store, monkeypatch, NEWSWEAVE_MAX_REQUEST_BYTES="1000") as client:
        auth = {"X-API-Token": TOKEN, "content-type": "application/json"}
        assert "articles" in _error(client.post("/api/ingest", content=b'{"articles": []}', headers=auth), 422)
        _error(client.post("/api/ingest", content=_body(500), headers={"content-type": "application/json"}), 401)


def test_limits_request_body_limit_off_with_zero(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with _client(store, monkeypatch, NEWSWEAVE_MAX_REQUEST_BYTES="0") as client:
        resp = client.post("/api/ingest", content=_body(5000), headers={"content-type": "application/json"})
        _error(resp, 401)  # the body was accepted; the missing token is what refuses it


def _slow_client(store: Store, monkeypatch: pytest.MonkeyPatch, timeout: str) -> TestClient:
    client = _client(store, monkeypatch, NEWSWEAVE_REQUEST_TIMEOUT=timeout)

    def slow() -> dict[str, str]:  # a synchronous handler, as the store-backed routes are
        time.sleep(3)
        return {"done": "yes"}

    client.app.add_api_route("/api/slow", slow)  # type: ignore[attr-defined]
    return client


def test_limits_request_time_answers_504(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with _slow_client(store, monkeypatch, "1") as client:
        assert "NEWSWEAVE_REQUEST_TIMEOUT" in _error(client.get("/api/slow"), 504)
        page = client.get("/healthz")  # the app still serves after a timed-out request
        assert page.status_code == 200 and page.text == "ok"


def test_limits_request_time_limit_lets_fast_and_unlimited_requests_finish(store: Store,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    with _slow_client(store, monkeypatch, "0") as client:
        assert client.get("/api/slow").json() == {"done": "yes"}
    with _client(store, monkeypatch, NEWSWEAVE_REQUEST_TIMEOUT="30") as client:
        assert client.get("/api/articles").status_code == 200


def test_limits_settings_are_validated(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWEAVE_REQUEST_TIMEOUT", "soon")
    with pytest.raises(ValueError, match="NEWSWEAVE_REQUEST_TIMEOUT"):
        create_app(store)


def _items(*sources: Path) -> tuple[list[Article], list[IngestError]]:
    items = list(read_sources(list(sources)))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


def test_limits_article_size_per_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWEAVE_MAX_ARTICLE_BYTES", "2000")
    words = "The minister said the harvest was good. " * 100  # 4 KB
    (tmp_path / "big.txt").write_text(words, encoding="utf-8")
    (tmp_path / "big.html").write_text(f"<html><body><article><p>{words}</p></article></body></html>", "utf-8")
    (tmp_path / "big.jsonl").write_text(json.dumps({"id": "j", "text": words}) + "\n", encoding="utf-8")
    (tmp_path / "small.txt").write_text(words[:500], encoding="utf-8")
    arts, errors = _items(*sorted(tmp_path.iterdir()))
    assert [a.id for a in arts] == ["small.txt"]
    assert len(errors) == 3 and all("too large" in e.reason for e in errors), errors


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bomb_warc(path: Path, inflated: int) -> int:
    """A WARC.gz whose one response record inflates to ``inflated`` bytes of zeros; returns its size on disk."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://bomb.example/", "response",
                                                  payload=io.BytesIO(bytes(inflated)), http_headers=headers))
    path.write_bytes(buf.getvalue())
    return len(buf.getvalue())


def test_limits_decompression_bombs_stop_early_in_bounded_memory(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWEAVE_MAX_DECOMPRESSED_BYTES", str(2 * 1024 * 1024))
    inflated = 128 * 1024 * 1024
    on_disk = _bomb_warc(tmp_path / "bomb.warc.gz", inflated)
    with gzip.open(tmp_path / "bomb.jsonl.gz", "wb", compresslevel=9) as out:  # one endless record
        out.write(b'{"id": "z", "text": "')
        for _ in range(inflated // (1024 * 1024)):
            out.write(b"a" * (1024 * 1024))
    assert on_disk < inflated // 500, "a real bomb: hundreds of times smaller on disk"
    before = _peak_mb()
    for name in ("bomb.warc.gz", "bomb.jsonl.gz"):
        items = list(read_sources([tmp_path / name]))
        assert isinstance(items[-1], IngestError) and "too large" in items[-1].reason, items[-1]
        assert "NEWSWEAVE_MAX_DECOMPRESSED_BYTES" in items[-1].reason or name.endswith("jsonl.gz")
    assert _peak_mb() - before < 48, "inflating stopped near the limit instead of at the bomb's full size"
