"""Corpus dating: coarse articles take the day of a same-event sibling when their own words agree."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.corpus.dating import refine_dates
from newsweave.model import Article
from newsweave.stages.quantities import QuantityStage
from newsweave.stages.time import TimeStage

SIBLING_EN = "The two presidents met in Moscow on Monday, officials said. Exports rose by 5% last week."
COARSE_PL = "Data: 2022-11\nPrezydenci spotkali się w poniedziałek w Moskwie. Tydzień temu eksport wzrósł o 5 proc."


def _article(aid: str, lang: str, text: str, date: str | None = None, event: str = "ev-1") -> Article:
    art = Article(id=aid, text=text, lang=lang, date=date)
    QuantityStage()(TimeStage()(art))
    art.event_id = event
    return art


def _values(art: Article) -> dict[str, str | None]:
    return {t.text: t.value for t in art.times}


def test_dating_month_article_takes_sibling_day_and_reresolves_times() -> None:
    sibling = _article("en", "en", SIBLING_EN, "2022-11-28")
    coarse = _article("pl", "pl", COARSE_PL)
    assert _values(coarse)["poniedziałek"] == "2022-WXX-1"
    assert refine_dates([sibling, coarse]) == 1
    assert (coarse.date, coarse.date_precision, coarse.date_source) == ("2022-11-28", "day", "inferred")
    assert coarse.meta["date_own"]["date"] == "2022-11" and coarse.meta["date_own"]["source"] == "header"
    assert coarse.date_confidence is not None and coarse.date_confidence < 0.9
    assert (coarse.date_earliest, coarse.date_latest) == ("2022-11-01", "2022-11-30")
    values = _values(coarse)
    assert values["poniedziałek"] == "2022-11-28"
    assert values["Tydzień temu"] == "2022-W47"
    assert [q.period for q in coarse.quantities] == ["2022-W47"]
    assert sibling.date_source == "metadata" and sibling.date == "2022-11-28"


def test_dating_other_weekday_keeps_own_date() -> None:
    sibling = _article("en", "en", SIBLING_EN, "2022-11-28")
    coarse = _article("de", "de", "Datum: 2022-11\nDie Präsidenten trafen sich am Mittwoch in Moskau.")
    assert refine_dates([sibling, coarse]) == 0
    assert (coarse.date, coarse.date_source) == ("2022-11", "header")
    assert _values(coarse)["Mittwoch"] == "2022-WXX-3"
    assert "weekday" in coarse.meta["date_refine_reason"]


def test_dating_same_weekday_in_german_confirms() -> None:
    sibling = _article("en", "en", SIBLING_EN, "2022-11-28")
    coarse = _article("de", "de", "Datum: 2022-11\nAm Montag trafen sich die Präsidenten in Moskau.")
    assert refine_dates([coarse, sibling]) == 1
    assert coarse.date == "2022-11-28" and _values(coarse)["Montag"] == "2022-11-28"
    assert "weekday" in coarse.meta["date_reason"]


def test_dating_past_event_after_the_day_contradicts() -> None:
    sibling = _article("pl", "pl", "Prezydenci spotkali się w poniedziałek w Moskwie.", "2022-11-28")
    coarse = _article("en", "en", "Date: 2022-11\nOn 30 November the minister announced new tariffs.")
    assert refine_dates([sibling, coarse]) == 0
    assert coarse.date == "2022-11" and "past" in coarse.meta["date_refine_reason"]


def test_dating_sibling_outside_own_month_is_ignored() -> None:
    sibling = _article("en", "en", SIBLING_EN, "2022-12-05")
    coarse = _article("pl", "pl", COARSE_PL)
    assert refine_dates([sibling, coarse]) == 0
    assert coarse.date == "2022-11" and "date_own" not in coarse.meta


def test_dating_needs_same_event_and_a_sure_sibling() -> None:
    other_event = _article("en", "en", SIBLING_EN, "2022-11-28", event="ev-2")
    coarse = _article("pl", "pl", COARSE_PL)
    assert refine_dates([other_event, coarse]) == 0
    weak = _article("en", "en", SIBLING_EN, "2022-11-28")
    weak.date_source, weak.date_confidence = "inferred", 0.4
    assert refine_dates([weak, coarse]) == 0
    assert coarse.date == "2022-11"


def test_dating_inferred_day_does_not_date_others() -> None:
    sibling = _article("en", "en", SIBLING_EN, "2022-11-28")
    first = _article("pl", "pl", COARSE_PL)
    assert refine_dates([sibling, first]) == 1
    later = _article("pl2", "pl", COARSE_PL)
    assert refine_dates([first, later]) == 0
    assert later.date == "2022-11"


def test_dating_disagreeing_siblings_leave_it_alone() -> None:
    a = _article("a", "en", "The presidents met in Moscow, officials said.", "2022-11-28")
    b = _article("b", "en", "The presidents met in Moscow, officials said.", "2022-11-29")
    coarse = _article("de", "de", "Datum: 2022-11\nDie Präsidenten trafen sich in Moskau.")
    assert refine_dates([a, b, coarse]) == 0
    assert coarse.date == "2022-11" and "different days" in coarse.meta["date_refine_reason"]


def test_dating_seeds_polish_dated_from_hindi_sibling(seeds_dir: Path) -> None:
    result = CliRunner().invoke(app, ["analyze", str(seeds_dir), "--jsonl"])
    assert result.exit_code == 0, result.output
    recs = {r["id"][:3]: r for r in map(json.loads, result.stdout.splitlines())}
    hi, pl = recs["000"], recs["001"]
    assert hi["event_id"] == pl["event_id"]
    assert (hi["date"], hi["date_source"]) == ("2022-11-28", "embedded_post")
    assert (pl["date"], pl["date_precision"], pl["date_source"]) == ("2022-11-28", "day", "inferred")
    assert pl["date_confidence"] < hi["date_confidence"]
    values = {t["text"].lower(): t["value"] for t in pl["times"]}
    assert values["poniedziałek"] == "2022-11-28"
    assert values["tydzień temu"] == "2022-W47"
    assert values["dziś"] == "2022-11-28"
    assert all(not (r["date_source"] == "inferred" and r["date_precision"] == "day")
               for k, r in recs.items() if k != "001")
