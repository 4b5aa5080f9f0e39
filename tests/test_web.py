"""Server-rendered pages over the seeds and the sample corpus, and the HTML pieces they are built from."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from fastapi.testclient import TestClient

from newsweave.model import Article, Event, Mention, Quantity, Quote, Story, TimeRef
from newsweave.store import Store
from newsweave.web.app import create_app
from newsweave.web.render import annotate, coverage_chart, figure, timeline_chart


def test_web_annotate_marks_every_kind_and_escapes_the_rest() -> None:
    text = 'Putin met <b>Tokayev</b> in Moscow on 28 November, trade: $24.5 billion. "We agree," he said.'
    art = Article(id="a", text=text)

    def at(part: str) -> tuple[int, int, str]:
        return text.index(part), text.index(part) + len(part), part

    art.mentions = [Mention(*at("Putin"), "PER", "per-putin", "Vladimir Putin"), Mention(*at("Moscow"), "LOC")]
    art.times = [TimeRef(*at("28 November"), "2022-11-28")]
    art.quantities = [Quantity(*at("$24.5 billion"), 24.5e9, "USD", "money")]
    art.quotes = [Quote(*at('"We agree,"'), "he")]
    fig, quote = f"fig-{text.index('$')}", f"quote-{text.index(chr(34))}"
    html = str(annotate(art))
    doc = lxml.html.fromstring(f"<div>{html}</div>")
    assert doc.text_content() == text
    link = doc.xpath("//a[@href='/entities/per-putin']")[0]
    assert link.text_content() == "Putin" and "Vladimir Putin" in link.get("title")
    assert doc.xpath("//mark[contains(@class, 'ent-LOC')]")[0].text_content() == "Moscow"
    assert doc.xpath("//time")[0].text_content() == "28 November"
    assert doc.get_element_by_id(fig).text_content() == "$24.5 billion"
    assert doc.get_element_by_id(quote).text_content() == '"We agree,"'
    assert "<b>" not in html and "&lt;b&gt;Tokayev&lt;/b&gt;" in html


def test_web_annotate_keeps_an_anchor_for_a_figure_inside_a_longer_mention() -> None:
    art = Article(id="a", text="The G20 summit opened.")
    art.mentions = [Mention(4, 14, "G20 summit", "EVT")]
    art.quantities = [Quantity(5, 7, "20", 20.0, None, "count")]
    doc = lxml.html.fromstring(f"<div>{annotate(art)}</div>")
    assert doc.text_content() == art.text
    assert doc.get_element_by_id("fig-5") is not None


def test_web_annotate_survives_offsets_outside_the_text() -> None:
    art = Article(id="a", text="short")
    art.mentions = [Mention(3, 99, "x", "PER")]
    art.quotes = [Quote(-1, 2, "sh"), Quote(2, 50, "ort")]
    assert lxml.html.fromstring(f"<div>{annotate(art)}</div>").text_content() == "short"


def test_web_figure_is_written_out_in_full() -> None:
    assert figure(24.5e9) == "24,500,000,000"
    assert figure(5.0) == "5"
    assert figure(2.75) == "2.75"
    assert figure(None) == "?"


def test_web_charts_are_inline_svg_with_escaped_labels() -> None:
    cov = str(coverage_chart([("2022-11-28", "hi"), ("2022-11", "pl"), ("2023-01-02", "<x>"), (None, "de")]))
    assert cov.startswith("<svg") and "&lt;x&gt;" in cov and "<x>" not in cov
    events = [Event("ev-1", "Visit <b>", "2022-11-28"), Event("ev-2", "Talks", "2023", kind="mentioned"),
              Event("ev-3", "Undated")]
    tl = str(timeline_chart(events))
    assert tl.startswith("<svg") and 'href="/events/ev-1"' in tl and "ev-3" not in tl and "&lt;b&gt;" in tl
    assert "No dated" in str(timeline_chart([])) and "No dated" in str(coverage_chart([]))


@pytest.fixture(scope="module")
def client(web_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(web_store)) as c:
        yield c


def _html(client: TestClient, url: str, status: int = 200) -> lxml.html.HtmlElement:
    resp = client.get(url)
    assert resp.status_code == status, (url, resp.text[:300])
    assert resp.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(resp.text)


def test_web_home_shows_counts_by_language_events_and_stories(client: TestClient, web_store: Store) -> None:
    doc = _html(client, "/")
    stats = web_store.stats()
    rows = doc.xpath("//table[@id='languages']//tr[td]")
    assert len(rows) == len(stats.by_lang)
    shown = {r.xpath(".//span[@class='code']")[0].text: int(r.xpath("./td")[1].text) for r in rows}
    assert shown == stats.by_lang
    assert doc.xpath("//ul[@id='latest-events']//a[starts-with(@href, '/events/')]")
    assert doc.xpath("//ul[@id='stories']//a[starts-with(@href, '/stories/')]")


def test_web_home_language_links_list_that_language(client: TestClient) -> None:
    doc = _html(client, "/search?q=&lang=de")
    langs = [li.get("data-lang") for li in doc.xpath("//li[@class='result']")]
    assert langs and set(langs) == {"de"}


def test_web_article_page_links_mentions_figures_and_quotes(client: TestClient, web_store: Store) -> None:
    seed = next(a for a in web_store.list_articles(limit=100).items if a.id.startswith("001_"))
    art = web_store.get_article(seed.id)
    doc = _html(client, f"/articles/{seed.id}")
    assert doc.get_element_by_id("text").text_content().replace("\n", "") == art.text.replace("\n", "")
    for q in art.quantities:
        assert doc.get_element_by_id(f"fig-{q.start}") is not None, q
        assert doc.xpath(f"//aside//a[@href='#fig-{q.start}']")
    linked = {a.get("href") for a in doc.xpath("//div[@id='text']//a[contains(@class, 'ent')]")}
    assert linked and linked <= {f"/entities/{m.entity_id}" for m in art.mentions if m.entity_id}, linked
    for q in art.quotes:
        assert doc.get_element_by_id(f"quote-{q.start}") is not None


def test_web_event_entity_story_and_facts_pages_render(client: TestClient, web_store: Store) -> None:
    event = web_store.list_events(kind="reported", limit=1).items[0]
    doc = _html(client, f"/events/{event.id}")
    shown = {a.get("href") for a in doc.xpath("//div[@id='coverage']//article//h4/a")}
    assert shown == {f"/articles/{i}" for i in event.article_ids[:40]}
    entity = web_store.list_entities(limit=1).items[0]
    doc = _html(client, f"/entities/{entity.id}")
    assert doc.xpath("//h1")[0].text_content().startswith(entity.name)
    assert len(doc.xpath("//table[@id='variants']//span[@class='variant']")) == len(entity.variants)
    story = web_store.list_stories(limit=1).items[0]
    doc = _html(client, f"/stories/{story.id}")
    assert len(doc.xpath("//svg[contains(@class, 'chart')]")) == 2
    assert len(doc.xpath("//ol[@id='timeline']/li")) == len(story.event_ids)
    doc = _html(client, "/facts")
    assert doc.xpath("//section[starts-with(@id, 'measure-')]")
    for link in doc.xpath("//section[starts-with(@id, 'measure-')]//td/a[starts-with(@href, '/articles/')]"):
        assert "#fig-" in link.get("href")


def test_web_entities_listing_filters_by_name_in_any_script(client: TestClient) -> None:
    doc = _html(client, "/entities?name=" + "Тўқаев")
    names = [a.text_content() for a in doc.xpath("//table[@class='list']//a")]
    assert names, "a Cyrillic variant finds its entity"
    doc = _html(client, "/entities?type=LOC")
    types = {td.text for td in doc.xpath("//table[@class='list']//tr/td[2]")}
    assert types == {"LOC"}


def test_web_search_page_highlights_and_pages(client: TestClient) -> None:
    doc = _html(client, "/search?q=Tokayev")
    assert doc.xpath("//ol[@id='results']/li") and doc.xpath("//p[@class='snippet']/mark")
    assert doc.xpath("//p[@class='entities']/a[starts-with(@href, '/entities/')]")
    empty = _html(client, "/search")
    assert not empty.xpath("//ol[@id='results']")


def test_web_errors_are_pages(client: TestClient) -> None:
    for url in ("/events/no-such-event", "/articles/nope", "/entities/nope", "/stories/nope", "/no/such/page"):
        doc = _html(client, url, 404)
        assert "Error 404" in doc.xpath("//h1")[0].text_content()
    doc = _html(client, "/search?q=x&offset=-1", 422)
    assert "offset" in doc.text_content()
    assert client.get("/healthz").text == "ok"


def test_web_pages_use_only_local_assets(client: TestClient) -> None:
    doc = _html(client, "/")
    refs = [e.get("href") for e in doc.xpath("//link")] + [e.get("src") for e in doc.xpath("//script")]
    assert refs and all(r.startswith("/static/") for r in refs), refs
    for ref in refs:
        assert client.get(ref).status_code == 200


def test_web_facts_pages_a_long_series_in_whole_periods(tmp_path: Path) -> None:
    import random

    from newsweave.store import open_store

    rng = random.Random(5)
    words = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=7)) for _ in range(3000)]
    arts = []
    for i in range(130):
        text = f"Trade reached {i + 1} billion dollars. " + " ".join(rng.choices(words, k=40)) + "."
        art = Article(id=f"t{i:03d}", text=text, date="2024-03-01", lang="en")
        art.quantities = [Quantity(14, 14 + len(str(i + 1)), str(i + 1), (i + 1) * 1e9, "USD", "money",
                                   str(2000 + i // 15), measure="trade", measure_key="trade_turnover:AA-BB")]
        arts.append(art)
    with open_store(tmp_path / "facts.db") as store:
        store.add_articles(arts)
        store.save_analysis(arts)
        client = TestClient(create_app(store))
        seen: list[str] = []
        url = "/facts"
        while url:
            doc = _html(client, url)
            rows = doc.xpath("//section[@id='measure-trade_turnover:AA-BB']//tr[td]")
            seen += [r.xpath("td[4]/a")[0].text_content() for r in rows]
            periods = [r.xpath("td[1]")[0].text_content().strip() for r in rows]
            assert periods == sorted(periods), "a page is in period order"
            more = doc.xpath("//p[@class='pager']/a[starts-with(@href, '/facts?measure=')]")
            url = more[0].get("href") if more else ""
        assert sorted(seen) == [a.id for a in arts], "every figure on exactly one page"
        first = _html(client, "/facts").xpath("//section[@id='measure-trade_turnover:AA-BB']//tr[td]")
        assert len(first) == 30, "20 figures, run on to the end of the period they cut (15 figures a period)"
        assert all(f.get("class") == "flagged" for f in first), "same period, different figures: all disagree"


def test_web_merged_event_id_moves_to_its_survivor(tmp_path: Path) -> None:
    from newsweave.corpus import CorpusPicture
    from newsweave.store import open_store

    arts = [Article(id=f"a{i}", text=f"Floods closed the river port on day {i}.", date="2024-05-02", lang="en")
            for i in range(2)]
    with open_store(tmp_path / "r.db") as store:
        store.add_articles(arts)
        events = [Event(id=f"ev-{i}", label="Floods", article_ids=[f"a{i}"], story_id=f"st-{i}") for i in range(2)]
        for art, ev in zip(arts, events, strict=True):
            art.event_id, art.story_id = ev.id, ev.story_id
        stories = [Story(id=f"st-{i}", label="Floods", event_ids=[f"ev-{i}"]) for i in range(2)]
        store.save_analysis(arts, CorpusPicture([], events, stories))

        def merge(state: Any, _load: Any) -> tuple[CorpusPicture, dict[str, str]]:
            survivor = Event(id="ev-0", label="Floods", article_ids=["a0", "a1"], story_id="st-0")
            story = Story(id="st-0", label="Floods", event_ids=["ev-0"])
            return CorpusPicture([], [survivor], [story]), {"ev-1": "ev-0", "st-1": "st-0"}

        assert store.rewrite_corpus(merge) == {"ev-1": "ev-0", "st-1": "st-0"}
        client = TestClient(create_app(store))
        moved = client.get("/events/ev-1", follow_redirects=False)
        assert moved.status_code == 308 and moved.headers["location"] == "/events/ev-0"
        assert client.get("/events/ev-0").status_code == 200
        assert client.get("/api/events/ev-1").json()["event"]["id"] == "ev-0"
        listed = client.get("/api/articles", params={"event": "ev-1"}).json()
        assert sorted(a["id"] for a in listed["items"]) == ["a0", "a1"]
        assert client.get("/events/nope", follow_redirects=False).status_code == 404
        moved = client.get("/stories/st-1", follow_redirects=False)
        assert moved.status_code == 308 and moved.headers["location"] == "/stories/st-0"
        assert client.get("/api/stories/st-1").json()["id"] == "st-0"
