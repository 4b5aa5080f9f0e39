"""Facts corpus steps: speakers as entities, figures aligned across articles with disagreements flagged."""

from __future__ import annotations

import pytest

from newsweave.corpus.facts import align, attach_speakers, normalize_period
from newsweave.model import Article, Mention, Quantity, Quote


def _art(aid: str, text: str, date: str | None, *qs: Quantity) -> Article:
    art = Article(id=aid, text=text, date=date, lang="en")
    art.quantities = list(qs)
    return art


def _q(text: str, whole: str, value: float, key: str, *, period: str | None = None, kind: str = "money",
       unit: str | None = "USD", qualifier: str | None = None) -> Quantity:
    start = whole.index(text)
    return Quantity(start=start, end=start + len(text), text=text, value=value, unit=unit, kind=kind,
                    period=period, qualifier=qualifier, measure_key=key)


def test_facts_attach_speakers_from_covering_mention() -> None:
    art = Article(id="a", text="„Wir machen weiter“, sagte Anna Schmidt.", lang="de")
    art.mentions = [Mention(start=26, end=38, text="Anna Schmidt", type="PER", entity_id="E1",
                            entity_name="Anna Schmidt")]
    art.quotes = [Quote(start=1, end=18, text="Wir machen weiter", speaker_text="Anna Schmidt", speaker_start=26,
                        speaker_end=38), Quote(start=0, end=1, text="x", speaker_text="Someone")]
    attach_speakers([art])
    assert (art.quotes[0].speaker_entity_id, art.quotes[0].speaker_name) == ("E1", "Anna Schmidt")
    assert (art.quotes[1].speaker_entity_id, art.quotes[1].speaker_name) == (None, "Someone")


def test_facts_align_orders_by_period_and_flags_disagreement() -> None:
    t1, t2, t3 = "Trade reached $10 bn in 2020.", "Trade hit $12 bn in 2021.", "In 2021 trade was $9 bn."
    key = "trade_turnover:AA-BB"
    measures = align([
        _art("b", t2, "2022", _q("$12 bn", t2, 12e9, key, period="2021")),
        _art("a", t1, "2021", _q("$10 bn", t1, 10e9, key, period="2020")),
        _art("c", t3, "2022", _q("$9 bn", t3, 9e9, key, period="2021")),
    ])
    assert len(measures) == 1
    m = measures[0]
    assert [(p.period, p.article_id) for p in m.points] == [("2020", "a"), ("2021", "b"), ("2021", "c")]
    assert [(f.kind, f.period) for f in m.flags] == [("disagreement", "2021")]
    assert m.points[0].sentence == t1


def test_facts_align_qualifiers_widen_agreement() -> None:
    t1, t2 = "Trade was about $21 bn.", "Trade exceeded $20 bn."
    key = "trade_turnover:AA-BB"
    measures = align([_art("a", t1, "2021", _q("about $21 bn", t1, 21e9, key, qualifier="about")),
                      _art("b", t2, "2021", _q("$20 bn", t2, 20e9, key, qualifier="over"))])
    assert measures[0].flags == []
    assert all(not p.period_stated and p.period == "2021" for p in measures[0].points)


def test_facts_align_inside_article_inconsistency_but_not_within_one_sentence() -> None:
    text = "Today 20 agreements will be signed. In total 19 agreements were signed. A 3 and 4 deals."
    key = "agreements_signed:AA-BB"
    art = _art("x", text, "2023-11-09",
               _q("20 agreements", text, 20, key, period="2023-11-09", kind="count", unit="agreements"),
               _q("19 agreements", text, 19, key, kind="count", unit="agreements"))
    flags = align([art])[0].flags
    assert [(f.kind, [p.value for p in f.points]) for f in flags] == [("inconsistency", [20, 19])]
    para = "Investments reached 24 bn in A, and 8 bn in B."
    same = _art("y", para, "2023", _q("24 bn", para, 24e9, "investment_stock:AA-BB"),
                _q("8 bn", para, 8e9, "investment_stock:AA-BB"))
    assert align([same])[0].flags == []


def test_facts_align_accepts_contract_records_and_skips_unkeyed() -> None:
    rec = {"id": "r", "date": "2020", "quantities": [
        {"start": 0, "end": 3, "text": "5 %", "value": 5.0, "unit": "%", "kind": "percent", "measure_key": "k"},
        {"start": 4, "end": 7, "text": "7 x", "value": 7.0, "unit": "x", "kind": "count"}]}
    measures = align([rec])
    assert [(m.key, len(m.points), m.points[0].sentence) for m in measures] == [("k", 1, None)]


@pytest.mark.parametrize(("raw", "norm"), [("2023-XX-XX", "2023"), ("2022-01/2022-09", "2022-01/2022-09"),
                                           ("FUTURE_REF", None), (None, None), ("2022-WXX", "2022")])
def test_facts_normalize_period(raw: str | None, norm: str | None) -> None:
    assert normalize_period(raw) == norm
