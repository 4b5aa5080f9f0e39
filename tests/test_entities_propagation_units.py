"""Propagation of known names into units they only form a piece of: quoted titles and particle-joined names."""

from __future__ import annotations

import pytest

from newsweave.corpus.propagation import propagate_mentions
from newsweave.model import Article, Mention
from newsweave.stages.entities import (
    EntityStage,
    Found,
    _Doc,
    _hyphened_particle_before,
    _join_adjacent_people,
    known_from,
    tokenize,
)


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage(use_natasha=False)


def _batch(stage: EntityStage, lang: str, *texts: str) -> list[list[Mention]]:
    arts = []
    for n, text in enumerate(texts):
        art = Article(id=str(n), text=text)
        art.lang = lang
        arts.append(stage(art))
    propagate_mentions(arts)
    return [art.mentions for art in arts]


def test_entities_propagation_skips_a_name_inside_a_quoted_title(stage: EntityStage) -> None:
    # a surname with no telltale ending, which only propagation makes a person (a -wicz one is one on its own)
    found = _batch(stage, "pl", "Prezydent Zbigniew Wąsowski przyjechał do Warszawy.",
                   "Wczoraj wieczorem dzieci czytały książkę „Wąsowski i morze” w szkole.",
                   "Wczoraj wieczorem dzieci spotkały Wąsowskiego w szkole.")
    assert not any(m.text.startswith("Wąsowski") and m.type == "PER" for m in found[1])  # a piece of a title
    assert any(m.text == "Wąsowskiego" and m.type == "PER" for m in found[2])


def test_entities_propagation_keeps_a_quoted_phrase_that_is_the_name(stage: EntityStage) -> None:
    found = _batch(stage, "pl", "Prezydent Zbigniew Wąsowicz przyjechał do Warszawy.",
                   "Wczoraj wieczorem dzieci wołały „Wąsowicz” w szkole.")
    assert any(m.text == "Wąsowicz" and m.type == "PER" for m in found[1])


def test_entities_propagation_takes_a_hyphened_name_particle_along(stage: EntityStage) -> None:
    found = _batch(stage, "pl", "Prezydent Omar Kasrani przyjechał do Warszawy.",
                   "Wczoraj wieczorem delegacja spotkała al-Kasraniego w szkole.")
    assert any(m.text == "al-Kasraniego" and m.type == "PER" for m in found[1])
    assert not any(m.text == "Kasraniego" for m in found[1])


def test_entities_kazakh_arabic_article_is_a_hyphened_name_particle() -> None:
    toks = tokenize("Студенттер әл-Фараби туралы айтты.", "kk")
    at = next(k for k, tok in enumerate(toks) if tok.text == "Фараби")
    assert _hyphened_particle_before(toks, at)


def _people(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    doc = _Doc(text, "pl", [])
    for i, j, layer in spans:
        doc.claim(Found(i, j, "PER", 0.7, layer))
    _join_adjacent_people(doc)
    return [doc.surface(f.i, f.j) for f in doc.found if f.emit]


def test_entities_propagated_one_word_person_joins_the_one_word_person_beside_it() -> None:
    assert _people("Wczoraj Aleksander Brod przyjechał.", [(1, 2, "pattern"), (2, 3, "propagation")]) == [
        "Aleksander Brod"]


def test_entities_full_name_beside_a_propagated_word_stays_whole() -> None:
    found = _people("Pracownik Ryanairu Juan Fernández przyjechał.", [(1, 2, "propagation"), (2, 4, "pattern")])
    assert found == ["Ryanairu", "Juan Fernández"]
    assert _people("Wczoraj Brod Brod przyjechał.", [(1, 2, "pattern"), (2, 3, "propagation")]) == ["Brod", "Brod"]


def test_entities_propagation_seeds_from_a_tagger_s_full_name_below_even_odds() -> None:
    # a tagger gives a two-word person 0.43 (its surname an English word): still known, so "Hook betonte" is found
    doc = _Doc("Bundeskanzler traf Premier Dorota Hook in Warschau.", "de", [])
    doc.claim(Found(3, 5, "PER", 0.43, "tagger"))
    doc.claim(Found(6, 7, "LOC", 0.3, "tagger"))
    assert [k.pieces for k in known_from(doc.found, doc)] == [("dorota", "hook")]


def test_entities_inflected_big_place_is_split_off_a_kazakh_person() -> None:
    from newsweave.kb.gazetteer import load_gazetteer
    from newsweave.stages.entities import _place_ending_person

    # a tagger's "Сарыбаев Мәскеуде" (invented: "Sarybayev in Moscow") is a person and Moscow
    doc = _Doc("Ерлан Сарыбаев Мәскеуде сөз сөйледі.", "kk", [])
    doc.claim(Found(0, 3, "PER", 0.8, "tagger"))
    _place_ending_person(doc, load_gazetteer())
    kept = [(doc.surface(f.i, f.j), f.type, f.kb_id) for f in doc.found if f.emit]
    assert kept == [("Ерлан Сарыбаев", "PER", None), ("Мәскеуде", "LOC", "geonames:524901")]
    polish = _Doc("Wczoraj Jan Kalisza odwiedził.", "pl", [])  # not a language that marks case once per phrase
    polish.claim(Found(1, 3, "PER", 0.8, "tagger"))
    _place_ending_person(polish, load_gazetteer())
    assert [(polish.surface(f.i, f.j), f.type) for f in polish.found if f.emit] == [("Jan Kalisza", "PER")]


def test_entities_words_from_listed_given_name_to_surname_are_a_person_where_capitals_say_nothing() -> None:
    from newsweave.stages.entities import _listed_people

    doc = _Doc("कल अमित कुमार शाह ने राम से बात की।", "hi", [])  # invented: Amit Kumar Shah spoke to Ram
    _listed_people(doc)
    assert [(doc.surface(f.i, f.j), f.type) for f in doc.found] == [("अमित कुमार शाह", "PER")]  # "राम" alone: no
    german = _Doc("Am Abend sprach Hans Meier mit Journalisten.", "de", [])  # German capitalises every noun
    _listed_people(german)
    assert [(german.surface(f.i, f.j), f.type) for f in german.found] == [("Hans Meier", "PER")]
    polish = _Doc("Wczoraj Jan Kowalski przyjechał.", "pl", [])  # capitals already say it: left to that layer
    _listed_people(polish)
    assert polish.found == []


def test_entities_propagation_a_known_surname_that_is_a_frequent_word_capitalised_inside_a_sentence(
        stage: EntityStage) -> None:
    """Turkish *yavaş* ("slow", Zipf 5.1) is a surname too: written with a capital inside a sentence after the
    person was named in full, it is that person; a still more frequent one (*Özel* "special", 5.8) is not looked for."""
    found = [(m.text, m.type) for m in stage.recognise(
        "Başkan Zelkan Yavaş açıklama yaptı. Daha sonra Yavaş, basına konuştu.", "tr")]
    assert found == [("Zelkan Yavaş", "PER"), ("Yavaş", "PER")]
    found = [(m.text, m.type) for m in stage.recognise(
        "Başkan Zelkan Özel açıklama yaptı. Daha sonra Özel, basına konuştu.", "tr")]
    assert ("Özel", "PER") not in found
