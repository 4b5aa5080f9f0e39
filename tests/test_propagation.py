"""Cross-document propagation (``corpus.propagation``) on articles whose mentions are given, so that only the
propagation step is under test: the type a batch gives a name, and ordinary words that must not spread."""

from __future__ import annotations

from newsweave.corpus.propagation import propagate_mentions
from newsweave.model import Article, Mention
from newsweave.stages.entities import KnownName, KnownNames


def _article(n: int, text: str, lang: str, found: dict[str, tuple[str, float]] | None = None) -> Article:
    """An article with one mention (layer ``tagger``) at the first occurrence of each word of ``found``."""
    art = Article(id=str(n), text=text, lang=lang)
    for word, (type_, confidence) in (found or {}).items():
        start = text.index(word)
        art.mentions.append(Mention(start, start + len(word), word, type_, confidence=confidence, layer="tagger",
                                    lemma=word))
    art.mentions.sort(key=lambda m: m.start)
    return art


def _propagated(arts: list[Article]) -> list[tuple[str, str, str]]:
    propagate_mentions(arts)
    return [(a.id, m.text, m.type) for a in arts for m in a.mentions if m.layer == "propagation"]


def test_propagation_type_is_the_vote_of_the_batch() -> None:
    arts = [_article(0, "Wczoraj Zephyrair odwołał loty.", "pl", {"Zephyrair": ("PER", 0.9)}),
            _article(1, "Linia Zephyrair odwołała loty.", "pl", {"Zephyrair": ("ORG", 0.7)}),
            _article(2, "Potem Zephyrair przeprosił klientów.", "pl", {"Zephyrair": ("ORG", 0.7)}),
            _article(3, "Pasażerowie czekali, a Zephyrair milczał.", "pl")]
    assert _propagated(arts) == [("3", "Zephyrair", "ORG")]  # 1.4 for ORG beats one confident PER (0.9)


def test_propagation_place_reading_stops_a_person() -> None:
    arts = [_article(0, "Rząd prowincji Quarzistan ogłosił.", "pl", {"Quarzistan": ("LOC", 0.8)}),
            _article(1, "Władze Quarzistan ogłosiły.", "pl", {"Quarzistan": ("LOC", 0.8)}),
            _article(2, "Wczoraj Quarzistan powiedział.", "pl", {"Quarzistan": ("PER", 0.9)}),
            _article(3, "Demonstranci w mieście, a Quarzistan milczy.", "pl")]
    assert _propagated(arts) == []


def test_propagation_sentence_first_word_without_other_evidence_does_not_spread() -> None:
    # Kazakh has no frequency list: a capital at a sentence's start says nothing, one inside a sentence does
    arts = [_article(0, "Барлық адамдар келді.", "kk", {"Барлық": ("PER", 0.8)}),
            _article(1, "Ол келді. Барлық адамдар қуанды.", "kk"),
            _article(2, "Кеше Жомартбек келді.", "kk", {"Жомартбек": ("PER", 0.8)}),
            _article(3, "Ол айтты. Бүгін Жомартбек кетті.", "kk")]
    assert _propagated(arts) == [("3", "Жомартбек", "PER")]


def test_propagation_word_written_in_lower_case_is_ordinary() -> None:
    arts = [_article(0, "Wczoraj Grzmotnik ogłosił podwyżki.", "pl", {"Grzmotnik": ("PER", 0.8)}),
            _article(1, "Potem Grzmotnik odpowiedział, a grzmotnika nikt nie słuchał.", "pl"),
            _article(2, "Rano Grzmotnik odpowiedział krótko.", "pl")]
    assert _propagated(arts) == [("2", "Grzmotnik", "PER")]  # not where the text writes it as a common noun
    source = [_article(0, "Wczoraj Grzmotnik ogłosił, że grzmotnik to zawód.", "pl", {"Grzmotnik": ("PER", 0.8)}),
              _article(1, "Rano Grzmotnik odpowiedział krótko.", "pl")]
    assert _propagated(source) == []  # nor anywhere when its own text does


def test_propagation_piece_of_longer_organisation_names_does_not_spread_alone() -> None:
    arts = [_article(0, "Linie Zephyr Airlines i Boreal Airlines latają.", "pl",
                     {"Zephyr Airlines": ("ORG", 0.8), "Boreal Airlines": ("ORG", 0.8)}),
            _article(1, "Wczoraj Airlines ogłosiły strajk.", "pl", {"Airlines": ("ORG", 0.7)}),
            _article(2, "Potem Airlines odpowiedziały.", "pl")]
    assert _propagated(arts) == []


def test_propagation_known_names_vote_in_any_order() -> None:
    names = [KnownName(("zephyrair",), "PER", 0.9, "Zephyrair"), KnownName(("zephyrair",), "ORG", 0.7, "Zephyrair"),
             KnownName(("zephyrair",), "ORG", 0.7, "Zephyrair")]
    for order in (names, names[::-1]):
        known = KnownNames()
        for name in order:
            known.add(name)
        entry = known.single["zephyrair"]
        assert (entry.type, entry.confidence, len(known)) == ("ORG", 0.9, 1)
        assert known.spreads(entry)


def test_propagation_retypes_a_mention_the_batch_reads_otherwise() -> None:
    arts = [_article(n, text, "pl", {"Zephyrair": ("ORG", 0.8)}) for n, text in enumerate(
        ["Linia Zephyrair odwołała loty.", "Przewoźnik Zephyrair przeprosił.", "Tanie linie Zephyrair rosną."])]
    arts.append(_article(3, "Wczoraj Zephyrair powiedział, że loty wrócą.", "pl", {"Zephyrair": ("PER", 0.7)}))
    guess = _article(4, "Pasażerowie pytali, czy Zephyrair odda pieniądze.", "pl", {"Zephyrair": ("MISC", 0.35)})
    guess.mentions[0].layer = "capitalisation"
    place = _article(5, "Samolot wylądował w Zephyrair wieczorem.", "pl", {"Zephyrair": ("LOC", 0.9)})
    place.mentions[0].layer = "gazetteer"
    arts += [guess, place]
    propagate_mentions(arts)
    assert [(m.text, m.type) for a in arts[3:] for m in a.mentions] == [
        ("Zephyrair", "ORG"), ("Zephyrair", "ORG"), ("Zephyrair", "LOC")]  # a gazetteer's place stays a place
    assert all(len(a.mentions) == 1 for a in arts)  # retyped or replaced, never doubled


def test_propagation_retypes_a_name_spelt_otherwise_by_its_sound() -> None:
    # Devanagari spells one name several ways (त/ट): the unsure organisation is the person the batch found.
    arts = [_article(n, text, "hi", {"टोकायव": ("PER", 0.9)}) for n, text in enumerate(
        ["राष्ट्रपति टोकायव ने कहा।", "बाद में टोकायव ने घोषणा की।"])]
    arts.append(_article(2, "मंगलवार को तोकायव मास्को पहुंचे।", "hi", {"तोकायव": ("ORG", 0.45)}))
    propagate_mentions(arts)
    assert [(m.text, m.type) for m in arts[2].mentions] == [("तोकायव", "PER")]


def test_propagation_without_the_token_memo_gives_the_same_mentions(monkeypatch) -> None:
    # Each article's document is built twice (names, then spreading); a batch larger than the entity stage's token
    # memo tokenises again in the second pass, and must find exactly what the memo's pieces give.
    from newsweave.stages import entities

    stage = entities.EntityStage()

    def batch() -> list[Article]:
        arts = []
        for n, text in enumerate(["Prezydent Zbigniew Wąsowski przyjechał do Gdańska.",
                                  "Rozmowy z Wąsowskim trwały długo.", "Wąsowski wyjechał wieczorem."]):
            art = Article(id=str(n), text=text, lang="pl")
            art.mentions = stage.recognise(text, "pl")
            arts.append(art)
        return arts

    with_memo = batch()
    propagate_mentions(with_memo)
    monkeypatch.setattr(entities._TOKEN_MEMO, "limit", 0)
    without = batch()
    propagate_mentions(without)
    assert [a.mentions for a in without] == [a.mentions for a in with_memo]
    assert any(m.layer == "propagation" for a in with_memo for m in a.mentions)
