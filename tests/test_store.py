"""Store tests, run against SQLite and (when ``NEWSWEAVE_TEST_PG_URL`` is set) PostgreSQL."""

from __future__ import annotations

import io
import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from newsweave.model import Article, Entity, Event, Mention, Quantity, Quote, Story, TimeRef, Variant
from newsweave.store import CorpusState, MeasureCount, Store, StoreError, open_store
from newsweave.store.backup import export_records, import_jsonl, write_export
from newsweave.store.schema import metadata

BASE = ("The president of Kazakhstan met his Russian counterpart in Moscow on Tuesday to discuss trade, "
        "energy and the future of the Caspian pipeline consortium, officials said after the talks.")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def location(request: pytest.FixtureRequest, fresh_store: Callable[[str, str], str]) -> str:
    """Where a fresh, empty store lives for one test."""
    return fresh_store(request.param, "store.db")


@pytest.fixture
def store(location: str) -> Store:
    with open_store(location) as opened:
        yield opened


def _analysed(art: Article) -> Article:
    """Give an article a small but complete analysis, as the stages would."""
    art.lang, art.script, art.date, art.date_precision, art.date_source = "en", "Latn", "2024-05-14", "day", "metadata"
    art.lang_confidence = 0.93
    start = max(art.text.find("Kazakhstan"), 0)
    art.mentions = [Mention(start, start + 10, art.text[start:start + 10], "LOC", entity_id="E-KZ", confidence=0.9,
                            layer="gazetteer")]
    art.times = [TimeRef(0, 3, "The", "2024-05-14")]
    art.quantities = [Quantity(4, 13, "president", 1.5e9, "USD", "money", measure="trade",
                               measure_key="trade_turnover:KZ-RU")]
    art.quotes = [Quote(10, 20, art.text[10:20], speaker_text="officials", speaker_entity_id="E-KZ")]
    art.embedding = [0.25, -0.5, 1.0]
    return art


def _picture(article_ids: list[str]) -> CorpusState:
    return CorpusState(
        entities=[Entity("E-KZ", "Kazakhstan", "LOC", [Variant("Kazakhstan", "en", "Latn", 2),
                                                       Variant("Казахстан", "ru", "Cyrl", 1)],
                         kb_ids={"wikidata": "Q232"}, article_count=len(article_ids))],
        events=[Event("V1", "Talks in Moscow", "2024-05-14", places=["E-KZ"], article_ids=article_ids,
                      story_id="S1", mentioned_in=[])],
        stories=[Story("S1", "Kazakhstan–Russia relations", ["V1"])],
    )


def test_store_add_recognises_exact_duplicates(store: Store) -> None:
    first = store.add_articles([Article(id="a", text=BASE), Article(id="copy", text=BASE + "\n")])
    assert [r.status for r in first] == ["added", "duplicate"]
    assert first[1].id == "a" and first[1].duplicate_of == "a"
    again = store.add_articles([Article(id="a", text=BASE)])
    assert [(r.status, r.id) for r in again] == [("duplicate", "a")]
    assert store.stats().articles == 1


def test_store_add_links_near_duplicates_without_analysing_them(store: Store) -> None:
    edited = BASE.replace("Tuesday", "Wednesday")
    results = store.add_articles([Article(id="orig", text=BASE), Article(id="edit", text=edited)])
    assert [(r.status, r.duplicate_of) for r in results] == [("added", None), ("near_duplicate", "orig")]
    later = store.add_articles([Article(id="edit2", text=BASE.replace("officials", "diplomats"))])
    assert later[0].status == "near_duplicate" and later[0].duplicate_of == "orig"
    assert [a.id for a in store.pending_articles(10)] == ["orig"]
    assert store.article_status("edit") == "duplicate"
    assert store.get_article("edit").duplicate_of == "orig"


def test_store_add_gives_taken_ids_a_stable_suffix(store: Store) -> None:
    store.add_articles([Article(id="index.html", text=BASE)])
    other = Article(id="index.html", text="Completely different words about football, rain and harvests in the north.")
    first = store.add_articles([other])
    assert first[0].status == "added" and first[0].id.startswith("index.html~")
    assert store.add_articles([other])[0].id == first[0].id
    long_id = "x" * 400
    assert len(store.add_articles([Article(id=long_id, text="A third text entirely.")])[0].id) <= 255


def test_store_keeps_raw_input_and_metadata_exactly(store: Store) -> None:
    raw = "Le président du Kazakhstan\r\n".encode("latin-1")
    store.add_articles([Article(id="r", text=raw.decode("latin-1"), raw=raw, raw_type="text", title="T",
                                url="https://example.org/a", source="example", author="A. B.",
                                origin="/in/r.txt", date="2024-05", date_precision="month")])
    got = store.get_article("r")
    assert got.raw == raw and got.raw_type == "text" and got.origin == "/in/r.txt"
    assert (got.title, got.url, got.source, got.author, got.date, got.date_precision) == (
        "T", "https://example.org/a", "example", "A. B.", "2024-05", "month")


def test_store_save_analysis_round_trips_and_is_idempotent(store: Store) -> None:
    store.add_articles([Article(id="a", text=BASE)])
    art = _analysed(store.pending_articles(10)[0])
    store.save_analysis([art])
    store.save_analysis([art])
    got = store.get_article("a")
    assert got.to_contract() == art.to_contract()
    assert got.embedding == [0.25, -0.5, 1.0] and got.lang_confidence == 0.93
    assert [(i, v.tolist()) for i, v in store.embeddings(["a"])] == [("a", [0.25, -0.5, 1.0])]
    assert [x.to_contract() for x in store.iter_articles(batch=1)] == [art.to_contract()]
    assert store.pending_articles(10) == [] and store.article_status("a") == "analysed"
    counts = store.stats()
    assert (counts.mentions, counts.quantities, counts.quotes) == (1, 1, 1)


def test_store_save_analysis_rejects_unknown_article_atomically(store: Store) -> None:
    store.add_articles([Article(id="a", text=BASE)])
    good = _analysed(store.pending_articles(10)[0])
    with pytest.raises(StoreError):
        store.save_analysis([good, Article(id="ghost", text="never stored")])
    assert store.article_status("a") == "pending" and store.stats().mentions == 0


def test_store_corpus_picture_round_trips_and_marks_articles(store: Store) -> None:
    store.add_articles([Article(id="a", text=BASE), Article(id="b", text="Другой текст о встрече в Москве.")])
    arts = [_analysed(a) for a in store.pending_articles(10)]
    store.save_analysis(arts, _picture(["a", "b"]))
    state = store.load_corpus()
    assert state == _picture(["a", "b"])
    assert store.get_article("b").event_id == "V1" and store.get_article("b").story_id == "S1"
    store.save_corpus(_picture(["b"]))
    assert store.get_article("a").event_id is None
    assert store.get_event("V1").article_ids == ["b"]
    assert store.get_entity("E-KZ").variants[1].name == "Казахстан"
    assert store.get_story("S1").event_ids == ["V1"]
    assert store.check() == []


def test_store_commit_analysis_skips_articles_saved_meanwhile(store: Store) -> None:
    store.add_articles([Article(id="a", text=BASE)])
    art = _analysed(store.pending_articles(10)[0])
    seen: list[list[str]] = []

    def link(articles: list[Article], known: CorpusState) -> CorpusState:
        seen.append([a.id for a in articles])
        return _picture([a.id for a in articles])

    assert store.commit_analysis([art], link) == 1
    assert store.commit_analysis([art], link) == 0
    assert seen == [["a"]] and store.load_corpus().events[0].article_ids == ["a"]


def test_store_corpus_writes_only_what_changed_and_keeps_links(store: Store) -> None:
    store.add_articles([Article(id="a", text=BASE), Article(id="b", text="Zweiter Text über Handel und Energie."),
                        Article(id="c", text="Третий текст о торговле и энергетике.")])
    arts = store.pending_articles(10)
    first = CorpusState(
        entities=[Entity("E1", "One", "PER"), Entity("E2", "Two", "ORG", [Variant("Two", "en")])],
        events=[Event("V1", "first", article_ids=["a"], story_id="S1"), Event("V2", "second", article_ids=["b"],
                                                                            story_id="S1")],
        stories=[Story("S1", "saga", ["V1", "V2"])])
    store.save_analysis(arts[:2], first)

    def link(new: list[Article], known: CorpusState) -> CorpusState:
        known.events[1].article_ids.append("c")  # V2 grows
        known.events.append(Event("V3", "third", mentioned_in=["a"]))
        known.entities = [e for e in known.entities if e.id != "E1"]
        known.entities[0].variants.append(Variant("Zwei", "de"))
        return known

    assert store.commit_analysis(arts[2:], link) == 1
    state = store.load_corpus()
    assert [e.id for e in state.entities] == ["E2"] and [v.name for v in state.entities[0].variants] == ["Two", "Zwei"]
    assert [(e.id, e.article_ids, e.mentioned_in, e.story_id) for e in state.events] == [
        ("V1", ["a"], [], "S1"), ("V2", ["b", "c"], [], "S1"), ("V3", [], ["a"], None)]
    assert state.stories == [Story("S1", "saga", ["V1", "V2"])]
    assert [(x.id, x.event_id, x.story_id) for x in store.list_articles().items] == [
        ("a", "V1", "S1"), ("b", "V2", "S1"), ("c", "V2", "S1")]
    store.import_corpus(CorpusState(events=[Event("V9", "imported")]))
    assert [e.id for e in store.load_corpus().events] == ["V1", "V2", "V3", "V9"]
    assert store.check() == []


def test_store_list_articles_filters_and_pages(store: Store) -> None:
    arts = [Article(id=f"n{i}", text=f"Story number {i} about item{i} and other words {i * 7}.", source=src,
                    lang=lang, date=date)
            for i, (src, lang, date) in enumerate([("tass", "ru", "2024-05-01"), ("dw", "de", "2024-05-20"),
                                                   ("dw", "de", "2023-01-02"), ("trt", "tr", None)])]
    store.add_articles(arts)
    assert [a.id for a in store.list_articles().items] == ["n1", "n0", "n2", "n3"]
    assert [a.id for a in store.list_articles(source="dw").items] == ["n1", "n2"]
    assert [a.id for a in store.list_articles(date_from="2024-05", date_to="2024-05").items] == ["n1", "n0"]
    page = store.list_articles(limit=2, offset=2)
    assert page.total == 4 and [a.id for a in page.items] == ["n2", "n3"]
    assert store.list_articles(lang="xx").total == 0
    first = store.pending_articles(10)
    store.save_analysis([_analysed(Article(id="n0", text=first[0].text + " Kazakhstan"))])
    assert [a.id for a in store.list_articles(entity_id="E-KZ").items] == ["n0"]


def test_store_search_finds_words_in_any_script_with_snippets(store: Store) -> None:
    store.add_articles([
        Article(id="ru", text="Президент Казахстана прибыл в Москву для переговоров.", title="Визит", lang="ru"),
        Article(id="hi", text="कज़ाख़स्तान के राष्ट्रपति मास्को पहुंचे।", lang="hi"),
        Article(id="de", text="Der Präsident Kasachstans reiste nach Moskau.", title="Besuch", lang="de"),
    ])
    hits = store.search("Москву")
    assert [h.article.id for h in hits.items] == ["ru"] and hits.total == 1
    assert ("Москву", True) in hits.items[0].snippet
    assert "".join(piece for piece, _ in hits.items[0].snippet).startswith("Президент")
    assert [h.article.id for h in store.search("मास्को").items] == ["hi"]
    assert [h.article.id for h in store.search("Besuch Moskau").items] == ["de"]
    assert store.search("Moskau", lang="ru").total == 0
    assert store.search('"; DROP TABLE articles; --').total == 0
    assert store.search("   ").total == 0


def test_store_facts_queries(store: Store) -> None:
    store.add_articles([Article(id="a", text=BASE, title="Talks")])
    store.save_analysis([_analysed(store.pending_articles(1)[0])], _picture(["a"]))
    quantities = store.quantities(measure_key="trade_turnover:KZ-RU")
    assert quantities.total == 1 and quantities.items[0].quantity.value == 1.5e9
    assert quantities.items[0].article_title == "Talks"
    assert store.quotes(speaker_entity_id="E-KZ").items[0].quote.speaker_text == "officials"
    mentions = store.entity_mentions("E-KZ")
    assert mentions.total == 1 and mentions.items[0].mention.text == "Kazakhstan"
    assert [e.id for e in store.list_entities(name="казах").items] == ["E-KZ"]
    assert [e.id for e in store.list_events(entity_id="E-KZ").items] == ["V1"]
    assert [e.id for e in store.list_events(date_from="2025").items] == []
    assert [s.id for s in store.list_stories().items] == ["S1"]


def test_store_entity_name_lookup_folds_case_in_every_script(store: Store) -> None:
    people = [Entity("E-T", "Kassym-Jomart Tokayev", "PER", [Variant("TOKAYEV", "en", "Latn", 3),
                                                              Variant("Тўқаев", "uz", "Cyrl", 2),
                                                              Variant("टोकायव", "hi", "Deva", 1)], article_count=3),
              Entity("E-S", "Große Straße", "LOC", [], article_count=2),
              Entity("E-P", "100%_Club", "ORG", [], article_count=1)]
    store.save_corpus(CorpusState(people, [], []))

    def named(name: str) -> list[str]:
        return [e.id for e in store.list_entities(name=name).items]

    assert named("tokayev") == named("ТЎҚАЕВ") == named("टोका") == named("jomart t") == ["E-T"]
    assert named("STRASSE") == ["E-S"], "ß folds to ss"
    assert named("ß") == ["E-T", "E-S"], "too short for the trigram index: Kassym and Straße, most reported first"
    assert named("%") == named("0%_") == ["E-P"], "LIKE wildcards in a name are literal"
    assert named("Tokajew") == []
    assert named("toka\x00yev") == named("00\x00") == [], "a NUL cannot end the full-text query early"
    assert [e.id for e in store.get_entities(["E-S", "missing", "E-T"])] == ["E-S", "E-T"]
    people[0] = Entity("E-T", "Kassym-Jomart Tokayev", "PER", [Variant("Tokaev", "en", "Latn", 3)], article_count=3)
    store.save_corpus(CorpusState(people, [], []))
    assert named("Тўқаев") == [] and named("tokaev") == ["E-T"], "a rewritten entity's old names are gone"


def test_store_migration_folds_names_of_entities_stored_before_it(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from newsweave.store.core import _MIGRATIONS

    path = tmp_path / "old.db"
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    engine.dispose()
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO entities (id, name, type, article_count) VALUES ('E-T', 'Tokayev', 'PER', 1)")
    raw.execute("INSERT INTO entity_variants (entity_id, name, count) VALUES ('E-T', 'ТОҚАЕВ', 1)")
    raw.commit()
    raw.close()
    with open_store(path) as store:
        assert [e.id for e in store.list_entities(name="тоқаев").items] == ["E-T"]
        assert store.check() == []


#: Texts different enough not to be near-duplicates of each other.
_DISTINCT = ["Grain exports rose sharply after the harvest in the northern provinces last autumn.",
             "A new railway bridge opened to traffic across the river on Monday morning.",
             "The central bank kept its key interest rate unchanged for a third month.",
             "Voters queued for hours outside polling stations in the capital city.",
             "Engineers finished boring the mountain tunnel two months ahead of schedule.",
             "Fishermen protested against the quota cuts announced by the ministry."]


def _with_figure(i: int, period: str | None, value: float, date: str) -> Article:
    art = Article(id=f"f{i}", text=f"{_DISTINCT[i]} Figure {i}: {value} dollars.", title=f"T{i}", date=date,
                  lang="en")
    start = art.text.index("Figure")
    art.quantities = [Quantity(start, start + 6, "Figure", value, "USD", "money", period, measure="trade",
                               measure_key="trade_turnover:AA-BB")]
    return art


def test_store_listings_are_newest_first_with_undated_last(store: Store) -> None:
    dates = ["2024-01-01", None, "2024-03-01", "2024-03-01", "2023-12-31", None]
    store.add_articles([Article(id=f"d{i}", text=_DISTINCT[i], date=date, lang="tr" if i % 2 else "en")
                        for i, date in enumerate(dates)])
    assert [a.id for a in store.list_articles().items] == ["d2", "d3", "d0", "d4", "d1", "d5"]
    assert [a.id for a in store.list_articles(lang="tr").items] == ["d3", "d1", "d5"]
    assert [a.id for a in store.list_articles(lang="en", limit=1, offset=1).items] == ["d0"]


def test_store_measure_series_pages_keep_periods_whole(store: Store) -> None:
    arts = [_with_figure(0, "2020", 1e9, "2024-01-01"), _with_figure(1, "2021-XX-XX", 2e9, "2024-01-02"),
            _with_figure(2, "2021", 3e9, "2024-01-03"), _with_figure(3, "2021", 4e9, "2024-01-04"),
            _with_figure(4, "PRESENT_REF", 5e9, "2022-06-01"), _with_figure(5, "FUTURE_REF", 6e9, "2024-01-05")]
    store.add_articles(arts)
    store.save_analysis(arts)
    assert store.measures().items == [MeasureCount("trade_turnover:AA-BB", 6, 6)]
    assert store.measures(measure_key="nothing").total == 0
    first = store.measure_series("trade_turnover:AA-BB", limit=2)
    assert first.total == 6
    assert [h.article_id for h in first.items] == ["f0", "f1", "f2", "f3"], "runs on to the end of period 2021"
    rest = store.measure_series("trade_turnover:AA-BB", limit=2, offset=len(first.items))
    assert [h.article_id for h in rest.items] == ["f4", "f5"], "the article date stands in; no period comes last"
    assert rest.items[0].article_date == "2022-06-01" and rest.items[0].quantity.value == 5e9
    assert store.article_texts(["f1", "missing"]) == {"f1": arts[1].text}


def test_store_entity_page_queries(store: Store) -> None:
    text = 'Kazakhstan and Russia met. "Kazakhstan trades with Russia," said Ivanov. '
    arts = [Article(id=f"e{i}", text=text + _DISTINCT[i], date=f"2024-0{i + 1}-10", title=f"E{i}") for i in range(3)]
    for art in arts:
        kz = [Mention(0, 10, "Kazakhstan", "LOC", "E-KZ"), Mention(28, 38, "Kazakhstan", "LOC", "E-KZ")]
        ru = [Mention(15, 21, "Russia", "LOC", "E-RU")] if art.id != "e2" else []
        art.mentions = kz + ru + [Mention(65, 71, "Ivanov", "PER", "E-IV")]
        art.quotes = [Quote(27, 60, text[27:60], "Ivanov", 65, 71, "E-IV", "Ivanov")]
    store.add_articles(arts)
    store.save_analysis(arts)
    ids = ["e2", "e0", "e1"]
    assert store.co_occurring("E-KZ", ids) == [("E-IV", 3), ("E-RU", 2)]
    assert store.co_occurring("E-KZ", ids, limit=1) == [("E-IV", 3)]
    assert [(h.article_id, h.article_title) for h in store.quotes_about("E-KZ", ids)] == [
        ("e2", "E2"), ("e0", "E0"), ("e1", "E1")], "in the order of the articles given"
    assert store.quotes_about("E-IV", ids) == [], "a speaker's own words are quotes by, not about"
    assert store.entity_timeline("E-RU") == [("2024-01", 1), ("2024-02", 1)]
    assert store.first_mentions(["e0", "e1"], ["E-RU", "E-IV"]) == {"e0": (15, 21), "e1": (15, 21)}
    assert [a.id for a in store.get_articles(["e1", "nope", "e0"])] == ["e1", "e0"]
    assert store.get_articles(["e1"])[0].mentions == arts[1].mentions
    assert set(store.article_summaries(["e1", "nope"])) == {"e1"}


def test_store_check_reports_dangling_references(store: Store) -> None:
    store.add_articles([Article(id="a", text=BASE)])
    assert store.check() == []
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE articles SET event_id = 'missing-event' WHERE id = 'a'"))
    problems = store.check()
    assert len(problems) == 1 and "events" in problems[0]


def test_store_check_reports_sqlite_orphans_and_fts_drift(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.add_articles([Article(id="a", text=BASE)])
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO mentions(article_id, start, \"end\", text, type) VALUES ('ghost', 0, 1, 'x', 'PER')")
    raw.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (999, 'x', 'phantom words')")
    raw.commit()
    raw.close()
    with open_store(path) as store:
        problems = store.check()
    assert any(p.startswith("foreign key: mentions") for p in problems)
    assert any("full-text index" in p for p in problems)


def test_store_migrations_match_schema_definitions(store: Store) -> None:
    def include(obj: object, name: str | None, kind: str, reflected: bool, _other: object) -> bool:
        # full-text and trigram indexes are backend-specific, made by the migrations outside the table definitions
        return not (name or "").startswith(("articles_fts", "entity_names_fts")) and name not in (
            "tsv", "ix_articles_tsv", "ix_entity_names_trgm", "alembic_version")

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include, "compare_type": True})
        assert compare_metadata(ctx, metadata) == []


def test_store_opens_concurrently_and_migrates_once(tmp_path: Path) -> None:
    errors: list[BaseException] = []

    def opener() -> None:
        try:
            with open_store(tmp_path / "c.db") as s:
                s.add_articles([Article(id=threading.current_thread().name, text=threading.current_thread().name)])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=opener, name=f"t{i}") for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    with open_store(tmp_path / "c.db") as s:
        assert s.stats().articles == 4


def test_store_open_reports_unusable_location(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open store"):
        open_store(tmp_path / "no" / "such" / "dir" / "x.db")


def test_store_open_error_names_the_server_but_not_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://reader:s3cret-pw@127.0.0.1:1/news")
    assert "s3cret-pw" not in str(caught.value) and "reader:***@127.0.0.1:1/news" in str(caught.value)


def test_store_export_import_round_trip_is_lossless(store: Store, tmp_path: Path) -> None:
    raw = b"<html>raw \xff bytes</html>"
    store.add_articles([Article(id="a", text=BASE, raw=raw, raw_type="html", title="Talks"),
                        Article(id="b", text="Другой текст о встрече в Москве и о торговле."),
                        Article(id="c", text=BASE.replace("Tuesday", "Friday"))])
    store.save_analysis([_analysed(a) for a in store.pending_articles(10)], _picture(["a", "b"]))
    dump = io.StringIO()
    assert write_export(store, "all", "jsonl", dump) == 3 + 3
    with open_store(tmp_path / "restored.db") as restored:
        report = import_jsonl(restored, io.StringIO(dump.getvalue()))
        assert (report.articles, report.entities, report.events, report.stories) == (3, 1, 1, 1)
        assert list(export_records(restored, "all")) == [json.loads(line) for line in dump.getvalue().splitlines()]
        assert restored.get_article("a").raw == raw and restored.check() == []
        assert restored.get_article("a").lang_confidence == 0.93
        assert restored.stats() == store.stats()
        again = import_jsonl(restored, io.StringIO(dump.getvalue()))
        assert (again.articles, again.skipped_articles) == (0, 3)


def test_store_exports_csv_and_parquet(store: Store, tmp_path: Path) -> None:
    store.add_articles([Article(id="a", text=BASE, raw=b"\x00\x01", title="Talks"), Article(id="b", text="Zwei.")])
    store.save_analysis([_analysed(store.get_article("a"))], _picture(["a"]))
    assert write_export(store, "articles", "csv", tmp_path / "a.csv") == 2
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()[0].startswith("id,content_hash,text")
    assert write_export(store, "articles", "parquet", tmp_path / "a.parquet") == 2
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.num_rows == 2 and table.column("raw")[0].as_py() == b"\x00\x01"
    assert json.loads(table.column("analysis")[0].as_py())["entities"][0]["text"] == "Kazakhstan"
    assert write_export(store, "entities", "parquet", tmp_path / "e.parquet") == 1
    with pytest.raises(ValueError):
        write_export(store, "all", "csv", tmp_path / "x.csv")


def test_store_readers_never_see_half_an_analysis(location: str) -> None:
    per_article, articles = 7, 30
    with open_store(location) as writer_store, open_store(location) as reader_store:
        writer_store.add_articles([Article(id=f"r{i}", text=f"Report {i}: " + BASE) for i in range(articles)])
        pending = writer_store.pending_articles(articles)
        done = threading.Event()
        seen: list[tuple[int, int]] = []
        failures: list[BaseException] = []

        def write() -> None:
            try:
                for art in pending:
                    art.mentions = [Mention(k, k + 1, art.text[k], "PER", entity_id="E-R") for k in range(per_article)]
                    writer_store.save_analysis([art])
            except BaseException as exc:
                failures.append(exc)
            finally:
                done.set()

        thread = threading.Thread(target=write)
        thread.start()
        while not done.is_set():
            page = reader_store.entity_mentions("E-R", limit=10_000)
            seen.append((page.total, len(page.items)))
        thread.join()
    assert failures == []
    assert all(total == items and total % per_article == 0 for total, items in seen), seen
    assert seen and seen[-1][0] <= articles * per_article
