"""Facts on the five seeds through the registered pipeline: figures, aligned measures, flags and speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.corpus import link_corpus
from newsweave.corpus.facts import align
from newsweave.model import Article
from newsweave.pipeline import STAGES, Pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Article]:
    if "entities" not in STAGES or "quotes" not in STAGES:
        pytest.skip("entity and quote stages not registered")
    names = [n for n in STAGES if n != "embed"]
    pipeline = Pipeline(names)
    paths = sorted(seeds_dir.glob("*.txt"))
    arts = [pipeline(Article(id=p.stem[:3], text=p.read_text(encoding="utf-8"))) for p in paths]
    link_corpus(arts)
    return {a.id: a for a in arts}


def _money(art: Article) -> list[tuple[float, str | None, str | None, str | None]]:
    return [(q.value, q.unit, q.qualifier, q.measure_key) for q in art.quantities if q.kind == "money"]


def test_facts_seeds_money_and_percentages(seeds: dict[str, Article]) -> None:
    pl, de, tr = seeds["001"], seeds["003"], seeds["004"]
    assert (24.5e9, "USD", None, "trade_turnover:KZ-RU") in _money(pl)
    assert [(q.value, q.measure_key) for q in pl.quantities if q.kind == "percent"] == [(5.0, "trade_growth:KZ-RU")]
    assert (21.4e9, "USD", "about", "trade_turnover:KZ-RU") in _money(de)
    tr_money = _money(tr)
    assert (27e9, "USD", None, "trade_turnover:KZ-RU") in tr_money
    assert (24e9, "USD", "over", "investment_stock:KZ-RU") in tr_money
    assert (8.5e9, "USD", "over", "investment_stock:KZ-RU") in tr_money
    assert [(q.value, q.qualifier) for q in tr.quantities if q.kind == "percent"] == [(20.0, "about")]
    counts = {(q.value, q.measure_key) for q in tr.quantities if q.kind == "count"}
    assert {(20, "agreements_signed:KZ-RU"), (19, "agreements_signed:KZ-RU"), (23000, "companies:KZ-RU")} <= counts
    periods = {q.value: q.period for q in pl.quantities + tr.quantities}
    assert (periods[24.5e9], periods[27e9]) == ("2021", "2022")


def test_facts_seeds_trade_turnover_aligns_across_languages(seeds: dict[str, Article]) -> None:
    measures = {m.key: m for m in align(list(seeds.values()))}
    trade = measures["trade_turnover:KZ-RU"]
    assert {"001", "003", "004"} <= set(trade.article_ids)
    dated = [p.period for p in trade.points if p.period_stated]
    assert dated == sorted(dated) and dated[:2] == ["2021", "2022"]
    agreements = measures["agreements_signed:KZ-RU"]
    flagged = [(f.kind, sorted(p.value for p in f.points)) for f in agreements.flags]
    assert ("inconsistency", [19, 20]) in flagged


_SPEAKERS = [
    ("001", "Dzisiejsza wizyta", "Putin"), ("001", "Wysoko to cenimy", "Putin"), ("001", "Zawsze", "Putin"),
    ("001", "Rzeczywiście", "Tokajew"), ("001", "Są bardzo duże", "Tokajew"),
    ("003", "Hauptpartner", "Tokajew"), ("003", "der hochrangige", "Tokajew"),
    ("000", "रूस एक प्रमुख", "टोकायव"),
    ("002", "Остонада", "Тўқаев"), ("002", "Қозоғистонда у", "Тўқаев"), ("002", "Уларнинг", "Тўқаев"),
    ("004", "Ziyaretinizin", "Tokayev"), ("004", "Gerçekten de", "Putin"),
]


def _entity_of(art: Article, name: str) -> str | None:
    """The canonical entity of the article's person mentions that contain ``name`` (the expected speaker)."""
    ids = {m.entity_id for m in art.mentions if m.type == "PER" and name in m.text and m.entity_id}
    assert len(ids) == 1, (name, ids)
    return ids.pop()


@pytest.mark.parametrize(("aid", "opening", "name"), _SPEAKERS)
def test_facts_seeds_quote_speakers(seeds: dict[str, Article], aid: str, opening: str, name: str) -> None:
    art = seeds[aid]
    quote = next(q for q in art.quotes if q.text.startswith(opening))
    assert quote.speaker_entity_id == _entity_of(art, name)


def test_facts_seeds_speakers_are_one_entity_across_languages(seeds: dict[str, Article]) -> None:
    by_person: dict[str, set[str | None]] = {}
    for aid, opening, name in _SPEAKERS:
        quote = next(q for q in seeds[aid].quotes if q.text.startswith(opening))
        by_person.setdefault("Putin" if name == "Putin" else "Tokayev", set()).add(quote.speaker_entity_id)
    assert len(by_person["Putin"]) == 1 and len(by_person["Tokayev"]) == 1
    assert by_person["Putin"] != by_person["Tokayev"]
