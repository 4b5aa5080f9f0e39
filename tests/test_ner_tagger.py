"""Unit tests of the CRF tagger's features, its don't-care label and the shipped models' metadata."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from newsweave.stages.entities import EntityStage, _Doc
from newsweave.stages.ner_tagger import (
    DONT_CARE,
    META_PATH,
    TYPES,
    CRFTagger,
    Cues,
    _gazetteer_cue,
    _without_lowercase_tail,
    features,
    load_tagger,
    model_path,
)


@pytest.fixture(scope="module")
def rules() -> EntityStage:
    return EntityStage(use_natasha=False, use_tagger=False)


def _prepared(rules: EntityStage, text: str, lang: str) -> _Doc:
    doc = _Doc(text, lang, [])
    rules.run_layers(doc, until="tagger")
    return doc


def test_ner_tagger_gazetteer_cue_knows_countries_and_their_inflections() -> None:
    assert _gazetteer_cue("Kazakhstan", "kazakhstan", "en") == "gaz=LOC6"
    assert _gazetteer_cue("Kasachstans", "kasachstans", "de").startswith("gaz=LOC")
    assert _gazetteer_cue("Zorbakwyn", "zorbakwyn", "en") == ""


def test_ner_tagger_features_mark_words_capitalised_elsewhere_in_the_document(rules: EntityStage) -> None:
    doc = _prepared(rules, "We met Kolwyn today. Later the Kolwyn family left.", "en")
    cues = Cues(doc)
    second = max(k for k, t in enumerate(doc.toks) if t.text == "Kolwyn")
    assert "capseen" in features(doc, second, cues)
    assert "capseen" not in features(doc, 0, cues)  # "We" opens a sentence: not evidence of a name
    assert features(doc, second, cues) == features(doc, second)  # the memo changes nothing


def test_ner_tagger_never_claims_dont_care_words(rules: EntityStage, tmp_path) -> None:
    """Words taught as DONT_CARE (adjectives derived from names) are neither names nor released to others."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for name, adjective in (("Zorbak", "zorbakisch"), ("Quenta", "quentisch"), ("Villux", "villuxisch"),
                            ("Moravek", "moravekisch"), ("Tessaly", "tessalisch")):
        doc = _prepared(rules, f"Wir trafen {name} und {adjective} Leute.", "de")
        trainer.append([features(doc, k) for k in range(len(doc.toks))],
                       ["O", "O", "B-PER", "O", f"B-{DONT_CARE}", "O"])
    path = tmp_path / "de.crfsuite"
    trainer.set_params({"max_iterations": 40, "feature.possible_transitions": True})
    trainer.train(str(path))
    stage = EntityStage(use_natasha=False, use_tagger=False)
    stage.tagger = CRFTagger({"de": path}, {"de": ["LATIN"]}, {"de": "override"})
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    doc = _prepared(rules, "Wir trafen Brondal und brondalisch Leute.", "de")
    labels = tagger.tag([features(doc, k) for k in range(len(doc.toks))])
    assert labels[4] == f"B-{DONT_CARE}"  # the model does predict the label ...
    found = {(m.text, m.type) for m in stage.recognise("Wir trafen Brondal und brondalisch Leute.", "de")}
    assert found == {("Brondal", "PER")}  # ... and the stage claims nothing for it


def test_ner_tagger_shipped_models_match_their_metadata() -> None:
    """Every language the metadata lists has a model in a mode the tagger knows; together under 25 MB."""
    meta = json.loads(META_PATH.read_text(encoding="utf-8"))
    assert set(meta["languages"]) == set(meta["modes"])
    assert all(model_path(lang).exists() for lang in meta["languages"])
    assert sum(model_path(lang).stat().st_size for lang in meta["languages"]) < 25e6
    assert "slavicner" not in json.dumps(meta["trained_on"]).lower()
    tagger = load_tagger()
    assert tagger is not None and tagger.languages == frozenset(meta["languages"])
    assert DONT_CARE not in TYPES


def test_ner_tagger_span_ends_in_no_lower_case_word_where_nouns_are_capitalised() -> None:
    """A German name ends in a capitalised word: the verb a tagger's span ran on into is cut off, while an English
    span keeps its lower-case words (no language capitalises every noun there)."""
    de = _Doc("Die Gewerkschaft Zelmorra rief zum Streik auf.", "de", [])
    assert [t.text for t in de.toks[2:4]] == ["Zelmorra", "rief"]
    assert _without_lowercase_tail(de, 2, 4) == 3
    en = _Doc("The Zelmorra league of nations met.", "en", [])
    assert _without_lowercase_tail(en, 1, 5) == 5


def test_ner_tagger_reads_english_head_words_as_hindi_writes_them() -> None:
    """"कोर्ट" (court), as Hindi news writes the English word, is an organisation's head word, also among the
    Hindi tagger's features: without it the tagger left the court's name out."""
    stage = EntityStage(use_natasha=False)
    found = {(m.text, m.type) for m in stage.recognise("सूची में इंटरनेशनल कोर्ट ऑफ जस्टिस का नाम है।", "hi")}
    assert found == {("इंटरनेशनल कोर्ट ऑफ जस्टिस", "ORG")}


def test_ner_tagger_claims_no_name_inside_a_german_compound() -> None:
    """*Drei-Meter-Brett* is a diving board: the tagger had read its last word as the given name *Brett*."""
    stage = EntityStage(use_natasha=False)
    assert stage.recognise("Sie sprang vom Drei-Meter-Brett und vom Ein-Meter-Brett.", "de") == []


def test_ner_tagger_keeps_a_big_city_a_withdrawn_organisation_had_taken_in(rules: EntityStage) -> None:
    """The rules read a town's police as an organisation; where the Hindi tagger, deciding the sentence, withdraws
    that reading and claims nothing over it, the city (which its mode keeps) is read again on its own, and after
    the tagger the city and the head word after it are the body again."""
    text = "सूची में दिल्ली पुलिस का नाम है।"
    assert {(m.text, m.type) for m in rules.recognise(text, "hi")} == {("दिल्ली पुलिस", "ORG")}
    stage = EntityStage(use_natasha=False)
    doc = _Doc(text, "hi", [])
    stage.run_layers(doc)
    restored = [f for f in doc.found if f.type == "LOC" and f.layer == "gazetteer" and f.kb_id]
    assert restored and not restored[0].emit  # read again on its own, then taken into the body
    assert {(m.text, m.type) for m in stage.recognise(text, "hi")} == {("दिल्ली पुलिस", "ORG")}


def test_ner_tagger_leaves_a_concepts_acronym_alone() -> None:
    stage = EntityStage(use_natasha=False)
    assert not [m for m in stage.recognise("Der Bericht sagt, das BIP stieg um zwei Prozent.", "de") if m.text == "BIP"]


def test_ner_tagger_a_lone_surname_it_left_unlabelled_is_a_person() -> None:
    stage = EntityStage(use_natasha=False)
    found = {(m.text, m.type) for m in stage.recognise(
        "Велкенбаевтің айтуынша, жоба биыл аяқталады. Министр Тұрлыбековпен кездесті.", "kk")}
    assert found == {("Велкенбаевтің", "PER"), ("Тұрлыбековпен", "PER")}
    # "Ұлы" (great) ends as a patronymic does, and is no name
    assert not [m for m in stage.recognise("Ұлы Отан соғысы туралы кітап шықты.", "kk") if m.type == "PER"]


def test_ner_tagger_an_unseen_name_before_the_agent_marker_is_a_person() -> None:
    stage = EntityStage(use_natasha=False)
    found = {(m.text, m.type) for m in stage.recognise("मोरवाल ने बजट में नई योजनाओं का ऐलान किया।", "hi")}
    assert found == {("मोरवाल", "PER")}
    # a common noun before it ("the government") is no name, nor a title in a rare form ("the presidents")
    assert not stage.recognise("सरकार ने नई नीति का ऐलान किया।", "hi")
    assert not stage.recognise("दोनों राष्ट्रपतियों ने बैठक की।", "hi")


def test_ner_tagger_a_persons_surname_read_as_a_place_elsewhere_is_the_person() -> None:
    stage = EntityStage(use_natasha=False)
    text = "Finanzminister Klaus Wendeburg legte den Haushalt vor. Wendeburg sagte, die Lage sei ernst."
    assert [(m.text, m.type) for m in stage.recognise(text, "de")] == [("Klaus Wendeburg", "PER"),
                                                                       ("Wendeburg", "PER")]


def test_ner_tagger_a_person_span_of_common_words_or_ending_in_an_organisations_head_is_no_person() -> None:
    stage = EntityStage(use_natasha=False)
    assert not [m for m in stage.recognise("राज्य में राष्ट्रपति शासन लागू कर दिया गया।", "hi") if m.type == "PER"]
    found = {(m.text, m.type) for m in stage.recognise("गाज़ियाबाद पुलिस ने दो युवकों को पकड़ा।", "hi")}
    assert ("गाज़ियाबाद पुलिस", "PER") not in found


@pytest.fixture(scope="module")
def tagged() -> EntityStage:
    return EntityStage(use_natasha=False)


def _types(stage: EntityStage, lang: str) -> Callable[[str], set[tuple[str, str]]]:
    """(text, type) of each mention ``stage`` finds in a text of ``lang``."""
    return lambda text: {(m.text, m.type) for m in stage.recognise(text, lang)}


def test_ner_tagger_kazakh_bodies_named_by_their_place_are_organisations(tagged: EntityStage) -> None:
    found = _types(tagged, "kk")

    # a listed town, a compound and the head word; an unlisted place before "regional"; a company's legal form
    assert ("Павлодар мұнай-химия зауыты", "ORG") in found("Павлодар мұнай-химия зауыты жөндеуге тоқтады.")
    assert ("Зелморра облыстық сотының", "ORG") in found("Істі Зелморра облыстық сотының алқасы қарады.")
    assert ("Зелкара", "ORG") in found("«Зелкара» ЖШС директоры кінәлі деп танылды.")
    # a capitalised word inside a sentence the model left, lower-case words and the head; a company's name without
    # the word that describes it after the name ("the Zelmorra Power company")
    assert ("Жоғарғы сотқа", "ORG") in found("Іс Жоғарғы сотқа жіберілді.")
    assert ("ZELM Power", "ORG") in found("Келісімге ZELM Power компаниясы қол қойды.")
    # "in Moscow, the embassy's": a located thing, no body
    assert not [t for t, kind in found("Мәскеудегі елшілігінің өкілі келді.") if kind == "ORG"]
    # a city's assembly and metro, and a bureau, are bodies named by their head word
    assert ("Шымкент қалалық мәслихаты", "ORG") in found("Шымкент қалалық мәслихаты бюджетті бекітті.")
    assert ("Алматы метрополитені", "ORG") in found("Алматы метрополитені жаңа желі салады.")


def test_ner_tagger_kazakh_region_before_its_possessed_word_is_a_place(tagged: EntityStage) -> None:
    found = {(m.text, m.type) for m in tagged.recognise("Зелморра облысының әкімі жаңа жоспарды мақұлдады.", "kk")}
    assert ("Зелморра облысының", "LOC") in found
    # "and in the region", "the city of peace": no possessed kind of place after a name
    assert not tagged.recognise("Ал облыста жаңа мектеп ашылды.", "kk")
    assert not [m for m in tagged.recognise("Бейбітшіліктің қаласы туралы кітап шықты.", "kk") if m.type == "LOC"]


def test_ner_tagger_kazakh_acronym_in_brackets_and_the_body_it_explains_stay(tagged: EntityStage) -> None:
    found = {(m.text, m.type) for m in tagged.recognise(
        "Зелморра мониторинг агенттігі (ЗМА) тексеру жүргізді. Кейін ЗМА хабарлады.", "kk")}
    assert {("Зелморра мониторинг агенттігі", "ORG"), ("ЗМА", "ORG")} <= found


def test_ner_tagger_hindi_places_by_head_word_roles_and_own_towns(tagged: EntityStage) -> None:
    found = _types(tagged, "hi")

    # a river by the word before "river"; a dam with its head word
    assert ("ज़ेलमोरा", "LOC") in found("लखनऊ में ज़ेलमोरा नदी के किनारे मेला लगा।")
    assert ("ज़ेलकुंड बांध", "LOC") in found("ओडिशा के ज़ेलकुंड बांध में पानी बढ़ा।")
    # a role before the name is a title, no part of it
    assert ("ज़ेलकान मेहरोत्रा", "PER") in found("बाजार विश्लेषक ज़ेलकान मेहरोत्रा ने कहा कि बाजार गिरेगा।")
    # a town's team; the lower house by its Hindi name
    assert ("मैनचेस्टर यूनाइटेड", "ORG") in found("मैनचेस्टर यूनाइटेड ने मैच जीता।")
    assert {m.kb_id for m in tagged.recognise("विधेयक लोकसभा में पारित हुआ।", "hi")} == {"org:LokSabha"}
    # a town of the text's own country, frequent in Hindi for being named
    assert ("देहरादून", "LOC") in found("आरोपी देहरादून में छिपा था।")


def test_ner_tagger_hindi_initial_with_its_period_opens_the_name(tagged: EntityStage) -> None:
    found = {m.text for m in tagged.recognise(
        "न्यायमूर्ति आर. ज़ेलकान और न्यायमूर्ति एस. ज़ेलमोरा ने फैसला सुनाया।", "hi")}
    assert {"आर. ज़ेलकान", "एस. ज़ेलमोरा"} <= found


def test_ner_tagger_german_listed_person_the_model_left_and_inflected_compound_heads(tagged: EntityStage) -> None:
    found = _types(tagged, "de")

    assert ("Bernd Zelkowski", "PER") in found("Das teilte Bernd Zelkowski am Montag mit.")
    # a head word with a noun's ending, also ending a compound; a town after it
    assert ("Oberlandesgerichts Hamm", "ORG") in found("Das Urteil des Oberlandesgerichts Hamm ist rechtskräftig.")
    assert ("Polizei Köln", "ORG") in found("Die Polizei Köln ermittelt.")
    # any six letters after a head word made a head of "Polizeichef" before: no body opens the person's name
    assert not [t for t, kind in found("Der Polizeichef Thomas Zelkowski sagte, es gebe keine Spur.") if kind == "ORG"]


def test_ner_tagger_kazakh_case_endings_close_places_and_forms_written_after_the_name(tagged: EntityStage) -> None:
    found = _types(tagged, "kk")

    # "from Tashkent to Moscow": two places, no person's name
    assert {("Ташкенттен", "LOC"), ("Мәскеуге", "LOC")} <= found("Пойыз Ташкенттен Мәскеуге аттанды.")
    # the form closes the company's name before it, the town after it is a town
    assert {("Зелморра", "ORG"), ("Шымкенттен", "LOC")} <= found("«Зелморра» АҚ Шымкенттен кеңсе ашты.")
    # a place with a case ending opening the tagger's organisation is split off
    assert ("Брюссельде", "LOC") in found("Брюссельде Еуропалық комиссияның өкілі мәлімдеді.")
    # a quoted name before its club's word
    assert ("Зелморра", "ORG") in found("«Зелморра» клубының жанкүйерлері қуанды.")


def test_ner_tagger_german_institution_with_its_hyphened_and_suspended_opening(tagged: EntityStage) -> None:
    found = _types(tagged, "de")
    assert ("Zelmorra-Institut für Biochemie", "ORG") in found("Forscher am Zelmorra-Institut für Biochemie forschen.")
    assert ("Industrie- und Handelskammer Chemnitz", "ORG") in found(
        "Die Industrie- und Handelskammer Chemnitz warnte vor Engpässen.")
    # the number of the town's court district ends the court's name
    assert ("Landgericht München I", "ORG") in found("Das Landgericht München I verurteilte den Mann.")


def test_ner_tagger_german_regions_and_a_towns_cathedral(tagged: EntityStage) -> None:
    found = {(m.text, m.type) for m in tagged.recognise(
        "Wanderer in der Schwäbischen Alb, im Bayerischen Wald und am Kölner Dom.", "de")}
    assert {("Schwäbischen Alb", "LOC"), ("Bayerischen Wald", "LOC"), ("Kölner Dom", "LOC")} <= found


def test_ner_tagger_hindi_body_named_by_its_town_stays_one_organisation(tagged: EntityStage) -> None:
    found = _types(tagged, "hi")

    assert ("मुंबई पुलिस", "ORG") in found("मुंबई पुलिस ने दो लोगों को गिरफ्तार किया।")
    assert ("लखनऊ नगर निगम", "ORG") in found("लखनऊ नगर निगम ने टैक्स बढ़ाया।")
    # "a Bengaluru-based company" is a description; the country stays a place
    assert not [t for t, kind in found("बेंगलुरु स्थित कंपनी ने शेयर बेचे।") if kind == "ORG"]
    assert ("भारत", "LOC") in found("भारत सरकार ने फैसला किया।")


def test_ner_tagger_kazakh_body_named_after_a_person_is_one_organisation(tagged: EntityStage) -> None:
    found = {(m.text, m.type) for m in tagged.recognise(
        "Зелкан Зелкинов атындағы Батыс Қазақстан медицина университеті жаңа корпус ашты.", "kk")}
    assert ("Зелкан Зелкинов атындағы Батыс Қазақстан медицина университеті", "ORG") in found


def test_ner_tagger_a_legal_form_the_tagger_reads_alone_joins_the_name_before_it(tagged: EntityStage) -> None:
    found = {(m.text, m.type) for m in tagged.recognise("Die BSH Hausgeräte GmbH baut Stellen ab.", "de")}
    assert ("BSH Hausgeräte GmbH", "ORG") in found and ("GmbH", "ORG") not in found


def test_ner_tagger_an_acronym_in_brackets_after_an_organisation_is_one(tagged: EntityStage) -> None:
    # Hindi spells the English letters (DGCA), which no initials of the Hindi name give
    found = {(m.text, m.type) for m in tagged.recognise(
        "नागर विमानन महानिदेशालय (डीजीसीए) ने घने कोहरे के मद्देनज़र निर्देश जारी किए।", "hi")}
    assert ("डीजीसीए", "ORG") in found


def test_ner_tagger_a_body_takes_in_the_town_the_tagger_read_as_the_body() -> None:
    # the German model reads "Celle" after a court as an organisation: the court's name is the whole
    stage = EntityStage(use_natasha=False)
    found = {(m.text, m.type) for m in stage.recognise("Das Oberlandesgericht Celle hat einen 29-Jährigen verurteilt.",
                                                        "de")}
    assert ("Oberlandesgericht Celle", "ORG") in found
