"""End-to-end acceptance in Debian's Chromium (Playwright) over the seeds and the sample corpus.

The app is served by uvicorn in a thread on a random loopback port; every test saves a full-page
screenshot under ``artifacts/screenshots/`` or ``$NEWSWEAVE_SCREENSHOTS`` (CI keeps that folder as an artifact).
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import uvicorn

from newsweave.store import Store
from newsweave.web.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("NEWSWEAVE_SCREENSHOTS")
             or Path(__file__).resolve().parents[1] / "artifacts" / "screenshots")
SEED_LANGS = {"000": "hi", "001": "pl", "002": "uz", "003": "de", "004": "tr"}
DEVANAGARI, CYRILLIC, LATIN = re.compile("[\u0900-\u097f]"), re.compile("[\u0400-\u04ff]"), re.compile("[A-Za-z]")


def _require_browser() -> None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright is not installed"
    else:
        missing = "" if CHROMIUM.exists() else f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if missing:
        if os.environ.get("NEWSWEAVE_REQUIRE_SHARED") == "1":
            pytest.fail(missing)
        pytest.skip(missing)


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # a thread cannot install them; the test process owns signals
        pass


def serve(store: Store) -> Iterator[str]:
    """Run the app over ``store`` on a free loopback port until the generator is closed."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = _Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(web_store: Store) -> Iterator[str]:
    yield from serve(web_store)


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh page; its final state is saved as a screenshot named after the test, pass or fail."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=True)
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield pg
    assert dialogs == [], dialogs
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    try:
        pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    finally:
        context.close()


def _seed_id(store: Store, prefix: str) -> str:
    ids = [a.id for a in store.list_articles(limit=500).items if a.id.startswith(prefix + "_")]
    assert len(ids) == 1, f"seed {prefix} not found once among the stored articles: {ids}"
    return ids[0]


def test_browser_search_tokayev_finds_all_five_seed_languages(page: object, base_url: str,
                                                             web_store: Store) -> None:
    page.goto(base_url + "/")
    page.fill("header form.search input[name=q]", "Tokayev")
    page.click("header form.search button")
    page.wait_for_selector("#results li.result")
    results = page.locator("#results li.result")
    langs = {results.nth(i).get_attribute("data-lang") for i in range(results.count())}
    assert set(SEED_LANGS.values()) <= langs, f"languages found: {sorted(langs)}"
    links = {page.locator("#results li.result > a").nth(i).get_attribute("href") for i in range(results.count())}
    for prefix in SEED_LANGS:
        assert f"/articles/{_seed_id(web_store, prefix)}" in links, f"seed {prefix} is not among the results"
    assert page.locator("#results mark").count() >= 1, "matches are highlighted in the snippets"


def test_browser_event_of_28_nov_2022_shows_both_articles_side_by_side(page: object, base_url: str,
                                                                       web_store: Store) -> None:
    hindi, polish = _seed_id(web_store, "000"), _seed_id(web_store, "001")
    event_id = web_store.get_article(hindi).event_id
    assert event_id, "the Hindi seed (the 28 Nov 2022 visit) belongs to no event"
    event = web_store.get_event(event_id)
    assert event.date and event.date[:10] <= "2022-11-28" <= (event.date_end or event.date)[:10] + "\uffff", \
        f"the event is dated {event.date}..{event.date_end}, not around 28 Nov 2022"
    page.goto(base_url + "/")
    page.click(f"#latest-events a[href='/events/{event_id}']")
    page.wait_for_selector("#coverage .column")
    columns = page.locator("#coverage .column")
    by_article = {}
    for i in range(columns.count()):
        col = columns.nth(i)
        for j in range(col.locator("article.card h4 a").count()):
            by_article[col.locator("article.card h4 a").nth(j).get_attribute("href")] = col
    hi_col, pl_col = by_article.get(f"/articles/{hindi}"), by_article.get(f"/articles/{polish}")
    assert hi_col is not None and pl_col is not None, f"articles shown: {sorted(by_article)}"
    hi_box, pl_box = hi_col.bounding_box(), pl_col.bounding_box()
    assert abs(hi_box["y"] - pl_box["y"]) < 5 and abs(hi_box["x"] - pl_box["x"]) > 100, (hi_box, pl_box)
    assert hi_col.get_attribute("lang") == "hi" and pl_col.get_attribute("lang") == "pl"


def test_browser_tokayev_entity_page_lists_variants_in_three_scripts(page: object, base_url: str) -> None:
    page.goto(base_url + "/search?q=Tokayev")
    page.click("p.entities a >> nth=0")
    page.wait_for_selector("#variants")
    variants = [page.locator("#variants .variant").nth(i).inner_text()
                for i in range(page.locator("#variants .variant").count())]
    for script, pattern in (("Devanagari", DEVANAGARI), ("Cyrillic", CYRILLIC), ("Latin", LATIN)):
        assert any(pattern.search(v) for v in variants), f"no {script} variant among {variants}"
    assert any("tokayev" in v.casefold() for v in variants)


def test_browser_facts_page_shows_trade_turnover_figures(page: object, base_url: str) -> None:
    page.goto(base_url + "/")
    page.click("header nav a[href='/facts']")
    section = page.locator("section.measure[id^='measure-trade_turnover']").first
    section.wait_for()
    rows = section.locator("table tr:has(td)")
    assert rows.count() >= 3, f"{rows.count()} trade-turnover figures"
    cells = [rows.nth(i).inner_text() for i in range(rows.count())]
    text = "\n".join(cells)
    for written, value in (("24,5 miliarda dolarów", "24,500,000,000"), ("27 milyar dolar", "27,000,000,000"),
                           ("21,4 Milliarden", "21,400,000,000")):
        assert written in text and value in text, f"{written} ({value}) missing from:\n{text}"
    first_link = rows.first.locator("a").first
    href = first_link.get_attribute("href")
    assert re.fullmatch(r"/articles/[^#]+#fig-\d+", href), href
    first_link.click()
    target = page.locator(f"[id='{href.split('#')[1]}']")
    assert target.count() >= 1, "a figure links to its place in the article"


def test_browser_pages_work_without_javascript(browser: object, base_url: str, web_store: Store) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    try:
        pg.goto(base_url + "/search?q=" + quote("Tokayev"))
        assert pg.locator("#results li.result").count() >= 5
        pg.goto(base_url + f"/articles/{_seed_id(web_store, '003')}")
        assert pg.locator("#text a.ent").count() >= 1, "names are linked in the article text"
        story = web_store.list_stories(limit=1).items[0]
        pg.goto(base_url + f"/stories/{story.id}")
        assert pg.locator("svg.chart").count() == 2, "timeline and coverage charts are inline SVG"
    finally:
        context.close()


def test_browser_every_asset_is_served_locally(page: object, base_url: str, web_store: Store) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    story = web_store.list_stories(limit=1).items[0]
    for path in ("/", f"/stories/{story.id}", "/facts", "/entities"):
        page.goto(base_url + path)
    outside = [u for u in requested if not u.startswith(base_url)]
    assert requested and not outside, outside


def test_browser_hostile_corpus_fires_no_script(browser: object, tmp_path: Path) -> None:
    from test_web_security import build_hostile_store, hostile_pages

    store = build_hostile_store(tmp_path)
    server = serve(store)
    base = next(server)
    context = browser.new_context()
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for path in hostile_pages(store):
            pg.goto(base + path)
            for y in range(60, 900, 40):  # sweep the pointer over the page: mouseover handlers would fire
                pg.mouse.move(300, y)
                pg.mouse.move(900, y)
            assert pg.evaluate("() => window.pwned === undefined"), path
        SHOTS.mkdir(parents=True, exist_ok=True)
        pg.goto(base + "/articles/" + quote(store.list_articles(limit=1).items[0].id, safe=""))
        pg.screenshot(path=str(SHOTS / "hostile_article.png"), full_page=True)
    finally:
        context.close()
        server.close()
        store.close()
    assert dialogs == [], dialogs
