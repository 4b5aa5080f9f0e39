"""REST API over the seeds and the sample corpus: shapes, pagination, errors, token-protected writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsweave.store import Store, open_store
from newsweave.web.app import create_app

PAGE_KEYS = {"items", "total", "limit", "offset"}
ARTICLE_SUMMARY_KEYS = {"id", "title", "source", "url", "lang", "script", "date", "event_id", "story_id", "status"}
TOKEN = "s3cret-for-tests"


@pytest.fixture(scope="module")
def client(web_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(web_store)) as c:
        yield c


def _ok(client: TestClient, url: str, **params: Any) -> Any:
    resp = client.get(url, params=params)
    assert resp.status_code == 200, (url, resp.text[:500])
    assert resp.headers["content-type"].startswith("application/json")
    return resp.json()


def _page(client: TestClient, url: str, **params: Any) -> dict[str, Any]:
    body = _ok(client, url, **params)
    assert set(body) >= PAGE_KEYS, body.keys()
    assert isinstance(body["items"], list) and len(body["items"]) <= body["limit"]
    return body


def _error(resp: Any, status: int) -> str:
    assert resp.status_code == status, resp.text[:500]
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["code"] == status and body["error"]["message"]
    return body["error"]["message"]


def test_api_articles_listing_shape_filters_and_pagination(client: TestClient, web_store: Store) -> None:
    total = web_store.stats().articles
    first = _page(client, "/api/articles", limit=5)
    assert first["total"] == total and len(first["items"]) == 5 and first["offset"] == 0
    assert all(set(a) >= ARTICLE_SUMMARY_KEYS for a in first["items"])
    second = _page(client, "/api/articles", limit=5, offset=5)
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    everything = _page(client, "/api/articles", limit=500)
    assert len(everything["items"]) == total
    german = _page(client, "/api/articles", lang="de", limit=500)
    assert german["total"] >= 1 and all(a["lang"] == "de" for a in german["items"])
    dated = _page(client, "/api/articles", date_from="2022-11", date_to="2022-11", limit=500)
    assert dated["items"] and all(a["date"].startswith("2022-11") for a in dated["items"])
    past_end = _page(client, "/api/articles", offset=total + 10)
    assert past_end["items"] == [] and past_end["total"] == total


def test_api_article_is_the_contract_record_with_text(client: TestClient, web_store: Store) -> None:
    some = web_store.list_articles(limit=1).items[0]
    body = _ok(client, f"/api/articles/{some.id}")
    assert body["id"] == some.id and isinstance(body["text"], str) and body["text"]
    for key in ("entities", "times", "quantities", "quotes", "segments", "lang"):
        assert key in body, key
    for m in body["entities"]:
        assert body["text"][m["start"]:m["end"]] == m["text"]


def test_api_entities_listing_detail_and_mentions(client: TestClient) -> None:
    listing = _page(client, "/api/entities", limit=3)
    assert listing["total"] >= 3
    ent = listing["items"][0]
    assert {"id", "name", "type", "variants", "article_count"} <= set(ent)
    people = _page(client, "/api/entities", type="PER", limit=50)
    assert people["items"] and all(e["type"] == "PER" for e in people["items"])
    detail = _ok(client, f"/api/entities/{ent['id']}")
    assert set(detail) == {"entity", "co_occurring", "timeline", "events", "quotes_by"}
    assert detail["entity"]["id"] == ent["id"]
    assert all({"entity", "articles"} == set(c) for c in detail["co_occurring"])
    mentions = _page(client, f"/api/entities/{ent['id']}/mentions", limit=2)
    assert mentions["total"] >= 1
    assert all(m["mention"]["entity_id"] == ent["id"] for m in mentions["items"])


def test_api_entity_name_filter_matches_variants_in_other_scripts(client: TestClient) -> None:
    found = _page(client, "/api/entities", name="Tokayev", limit=5)["items"]
    assert found, "no entity has a variant containing 'Tokayev'"
    scripts = {v["script"] for e in found for v in e["variants"]}
    assert {"Latn", "Cyrl", "Deva"} <= scripts, scripts


def test_api_events_listing_detail_and_filters(client: TestClient) -> None:
    events = _page(client, "/api/events", limit=50)
    assert events["total"] >= 1
    dates = [e["date"] for e in events["items"] if e["date"]]
    assert dates == sorted(dates, reverse=True), "events are newest first"
    ev = next(e for e in events["items"] if e["article_ids"])
    detail = _ok(client, f"/api/events/{ev['id']}")
    assert set(detail) == {"event", "sources", "figures", "quotes"}
    assert {a for s in detail["sources"] for a in s["articles"]} == set(ev["article_ids"][:40])
    assert all({"lang", "source", "articles", "only_here"} == set(s) for s in detail["sources"])
    assert "by_lang" in ev["meta"] and not {"centroid", "keys", "hashes"} & set(ev["meta"]), \
        "events show their coverage, not the clustering's internal state"
    reported = _page(client, "/api/events", kind="reported", limit=50)
    assert all(e["kind"] == "reported" for e in reported["items"])
    by_date = _page(client, "/api/events", date_from="2022", date_to="2022", limit=50)
    assert all(e["date"].startswith("2022") for e in by_date["items"])


def test_api_stories_and_timeline(client: TestClient) -> None:
    stories = _page(client, "/api/stories", limit=10)
    assert stories["total"] >= 1
    st = stories["items"][0]
    assert "centroid" not in st["meta"], "a story's centroid vector is clustering state, not API content"
    assert _ok(client, f"/api/stories/{st['id']}")["id"] == st["id"]
    timeline = _ok(client, f"/api/stories/{st['id']}/timeline")
    assert [e["id"] for e in timeline] and {e["id"] for e in timeline} <= set(st["event_ids"])
    dated = [e["date"] for e in timeline if e["date"]]
    assert dated == sorted(dated), "a timeline is in time order"


def test_api_facts_and_quotes(client: TestClient) -> None:
    facts = _ok(client, "/api/facts")
    measures = facts["items"]
    assert measures and facts["total"] >= len({x["key"] for x in measures}) and facts["offset"] == 0
    m = measures[0]
    assert {"key", "unit", "points", "flags"} <= set(m)
    assert all({"article_id", "value", "text", "sentence", "start", "end"} <= set(p) for p in m["points"])
    one = _ok(client, "/api/facts", measure=m["key"])
    assert [x["key"] for x in one["items"]] == [m["key"]]
    assert one["total"] >= len(one["items"][0]["points"])
    if one["next_offset"] is not None:
        assert one["next_offset"] > 0
    past = _ok(client, "/api/facts", offset=facts["total"])
    assert past["items"] == [] and past["next_offset"] is None
    quotes = _page(client, "/api/quotes", limit=5)
    assert quotes["total"] >= 1
    q = quotes["items"][0]
    assert {"article_id", "article_title", "quote"} == set(q) and q["quote"]["text"]
    by_article = _page(client, "/api/quotes", article=q["article_id"], limit=500)
    assert all(x["article_id"] == q["article_id"] for x in by_article["items"])


def test_api_search_shape_and_highlights(client: TestClient) -> None:
    body = _ok(client, "/api/search", q="Tokayev", limit=10)
    assert set(body) == PAGE_KEYS | {"entities"}
    assert body["items"] and body["total"] >= len(body["items"])
    hit = body["items"][0]
    assert {"article", "snippet", "score", "matched_by"} == set(hit)
    assert any(is_match for _text, is_match in hit["snippet"]), "the snippet highlights the match"
    second = _ok(client, "/api/search", q="Tokayev", limit=2, offset=2)
    assert [h["article"]["id"] for h in second["items"]] == [h["article"]["id"] for h in body["items"][2:4]]
    only_de = _ok(client, "/api/search", q="Tokayev", lang="de")
    assert only_de["items"] and all(h["article"]["lang"] == "de" for h in only_de["items"])


@pytest.mark.parametrize("url", ["/api/articles/no-such-article", "/api/entities/no-such-entity",
                                 "/api/events/no-such-event", "/api/stories/no-such-story",
                                 "/api/stories/no-such-story/timeline", "/api/nothing-here"])
def test_api_unknown_ids_are_404_with_the_error_shape(client: TestClient, url: str) -> None:
    _error(client.get(url), 404)


@pytest.mark.parametrize("url", ["/api/articles?limit=0", "/api/articles?limit=501", "/api/articles?offset=-1",
                                 "/api/articles?limit=many", "/api/search", "/api/search?q=",
                                 "/api/search?q=" + "x" * 501, "/api/events?limit=-5"])
def test_api_bad_parameters_are_422_with_the_error_shape(client: TestClient, url: str) -> None:
    _error(client.get(url), 422)


@pytest.mark.parametrize("ident", ["../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc",
                                   "' OR '1'='1", "%00", "x" * 3000])
def test_api_ids_are_lookups_not_paths(client: TestClient, ident: str) -> None:
    """Path-like or hostile ids reach no file and no SQL: answered 404 with the error shape (or a plain 404)."""
    for base in ("/api/articles/", "/api/entities/", "/api/events/", "/api/stories/"):
        resp = client.get(base + ident)
        assert resp.status_code == 404, (base, ident, resp.status_code)
        assert "root:" not in resp.text
    resp = client.get("/static/" + ident)
    assert resp.status_code == 404 and "root:" not in resp.text


def test_api_static_files_cannot_escape_their_folder(client: TestClient) -> None:
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                 "/static/%2e%2e%2f%2e%2e%2fweb/app.py"):
        resp = client.get(path)
        assert resp.status_code == 404 or "create_app" not in resp.text, path
    assert client.get("/static/style.css").status_code == 200


def test_api_openapi_is_served_and_lists_the_endpoints(client: TestClient) -> None:
    spec = _ok(client, "/api/openapi.json")
    assert spec["openapi"].startswith("3.")
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/events", "/api/events/{event_id}", "/api/stories", "/api/stories/{story_id}/timeline",
                 "/api/facts", "/api/quotes", "/api/search", "/api/ingest"):
        assert path in spec["paths"], path
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "openapi.json" in docs.text


@pytest.fixture
def write_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[TestClient, Store]]:
    """A fresh store (writes must not change the shared one) with the operator's token configured."""
    monkeypatch.setenv("NEWSWEAVE_API_TOKEN", TOKEN)
    with open_store(tmp_path / "writes.db") as store, TestClient(create_app(store)) as c:
        yield c, store


ONE = {"articles": [{"id": "api-1", "lang": "en", "date": "2024-05-02", "source": "Test Wire",
                     "text": "Kazakhstan and Russia signed a grain transit agreement in Astana on Monday."}]}


def test_api_ingest_without_or_with_a_wrong_token_is_401(write_client: tuple[TestClient, Store]) -> None:
    client, store = write_client
    _error(client.post("/api/ingest", json=ONE), 401)
    _error(client.post("/api/ingest", json=ONE, headers={"Authorization": "Bearer wrong"}), 401)
    _error(client.post("/api/ingest", json=ONE, headers={"X-API-Token": TOKEN + "x"}), 401)
    _error(client.post("/api/ingest", json=ONE, headers={"Authorization": TOKEN}), 401)
    assert store.stats().articles == 0


def test_api_ingest_is_refused_when_no_token_is_configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSWEAVE_API_TOKEN", raising=False)
    with open_store(tmp_path / "open.db") as store, TestClient(create_app(store)) as client:
        _error(client.post("/api/ingest", json=ONE, headers={"Authorization": "Bearer "}), 401)
        _error(client.post("/api/ingest", json=ONE), 401)
        assert store.stats().articles == 0


def test_api_ingest_with_the_token_stores_and_analyses(write_client: tuple[TestClient, Store]) -> None:
    client, store = write_client
    resp = client.post("/api/ingest", json=ONE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert [r["status"] for r in body["results"]] == ["added"] and body["analysed"] == 1
    article = client.get("/api/articles/api-1").json()
    assert article["lang"] == "en" and article["source"] == "Test Wire" and article["entities"]
    again = client.post("/api/ingest", json=ONE, headers={"X-API-Token": TOKEN}).json()
    assert [r["status"] for r in again["results"]] == ["duplicate"] and again["analysed"] == 0
    assert store.stats().articles == 1


def test_api_ingest_rejects_malformed_bodies_with_422(write_client: tuple[TestClient, Store]) -> None:
    client, _store = write_client
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for body in ({}, {"articles": []}, {"articles": [{"id": "x"}]}, {"articles": [{"id": "", "text": "t"}]}):
        _error(client.post("/api/ingest", json=body, headers=auth), 422)
    _error(client.post("/api/ingest", content=b"{not json", headers={**auth, "content-type": "application/json"}),
           422)
