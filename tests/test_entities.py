"""Unit tests of the entity stage's layers on small made-up texts (no seed names needed)."""

from __future__ import annotations

import pytest

from newsweave.corpus.entities import canonicalize
from newsweave.corpus.propagation import propagate_mentions
from newsweave.model import Article, Segment
from newsweave.pipeline import STAGES, Pipeline
from newsweave.stages.entities import EntityStage


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage(use_natasha=False)


def _found(stage: EntityStage, text: str, lang: str) -> dict[str, str]:
    return {m.text: m.type for m in stage.recognise(text, lang)}


def test_entities_stage_is_registered_after_time() -> None:
    names = list(STAGES)
    assert names.index("entities") == names.index("time") + 1
    assert STAGES["entities"] == "newsweave.stages.entities:EntityStage"


def test_entities_inflected_country_names_match_the_gazetteer(stage: EntityStage) -> None:
    pl = stage.recognise("Delegacja przyleciała do Kazachstanu, a potem do Rosji i Moskwy.", "pl")
    assert {(m.text, m.kb_id) for m in pl} >= {("Kazachstanu", "iso:KZ"), ("Rosji", "iso:RU")}
    assert {m.lemma for m in pl} >= {"Kazachstan", "Rosja", "Moskwa"}
    tr = _found(stage, "Heyet dün Rusya'nın başkentine ve Kazakistan’ın güneyine gitti.", "tr")
    assert tr == {"Rusya'nın": "LOC", "Kazakistan’ın": "LOC"}
    de = _found(stage, "Die Wirtschaft Kasachstans wächst.", "de")
    assert de == {"Kasachstans": "LOC"}


def test_entities_title_before_name_gives_a_person(stage: EntityStage) -> None:
    assert _found(stage, "Wczoraj prezydent Jan Kowalczykowski spotkał się z dziennikarzami.", "pl") == {
        "Jan Kowalczykowski": "PER"}
    assert _found(stage, "Gestern sagte Präsident Hannes Brümmerstedt nichts.", "de")["Hannes Brümmerstedt"] == "PER"
    assert _found(stage, "Вчера президент Иван Кукушкин выступил.", "ru")["Иван Кукушкин"] == "PER"


def test_entities_title_after_name_gives_a_person(stage: EntityStage) -> None:
    found = _found(stage, "Ahmet Yıldızoğlu, Kazakistan Başkanı:\n- Teşekkür ederim.", "tr")
    assert found["Ahmet Yıldızoğlu"] == "PER"


def test_entities_caseless_name_before_reporting_verb(stage: EntityStage) -> None:
    text = "बैठक के बाद राष्ट्रपति रामलाखन ने कहा कि संबंध अच्छे हैं। बाद में रामलाखन ने घोषणा की।"
    found = stage.recognise(text, "hi")
    assert [m.text for m in found if m.type == "PER"] == ["रामलाखन", "रामलाखन"]


def test_entities_spelled_acronym_in_brackets_is_an_organisation(stage: EntityStage) -> None:
    text = "देश सामूहिक सुरक्षा संधि संगठन (सीएसटीओ) का सदस्य है।"
    found = _found(stage, text, "hi")
    assert found["सीएसटीओ"] == "ORG"
    assert found["सामूहिक सुरक्षा संधि संगठन"] == "ORG"
    pl = _found(stage, "Kraj należy do Organizacji Współpracy Gospodarczej (OWG) od lat.", "pl")
    assert pl["OWG"] == "ORG" and pl["Organizacji Współpracy Gospodarczej"] == "ORG"


def test_entities_a_listed_acronym_spelled_out_alone_is_linked(stage: EntityStage) -> None:
    """Hindi spells acronyms letter by letter: a lone सीएसटीओ, यूएन, डब्ल्यूएचओ is the listed CSTO, UN and WHO,
    though the lists write none of them so; a word of letter names no list has (जीडीपी, GDP) is none."""
    got = {m.text: (m.type, m.kb_id) for m in stage.recognise(
        "सूची में सीएसटीओ, यूएन और डब्ल्यूएचओ के नाम हैं। जीडीपी बढ़ी।", "hi")}
    assert got["सीएसटीओ"] == ("ORG", "org:CSTO")
    assert got["यूएन"] == ("ORG", "iso:UN")
    assert got["डब्ल्यूएचओ"] == ("ORG", "org:WHO")
    assert "जीडीपी" not in got


def test_entities_acronym_spelled_by_words_a_language_writes_in_lower_case(stage: EntityStage) -> None:
    """Czech capitalises a name's first word only: the lower-case words before an acronym still spell it."""
    found = _found(stage, "Podnik Moravské vodní elektrárny (MVE) oznámil zisk.", "cs")
    assert found["Moravské vodní elektrárny"] == "ORG" and found["MVE"] == "ORG"
    found = _found(stage, "Podnik Moravské vodní sklady (MVE) oznámil zisk.", "cs")
    assert "Moravské vodní sklady" not in found  # the initials spell no MVE


def test_entities_acronym_expansion_takes_the_place_its_acronym_starts_with(stage: EntityStage) -> None:
    found = _found(stage, "Türkiye Deniz Araştırmaları Kurumu (TÜDAK) raporu yayımladı.", "tr")
    assert found["Türkiye Deniz Araştırmaları Kurumu"] == "ORG" and "Türkiye" not in found
    found = _found(stage, "Officials in Kazakhstan Zelmorra Exchange (ZE) said.", "en")
    assert found["Kazakhstan"] == "LOC"  # the acronym starts with the expansion's own initial


def test_entities_acronym_expansion_starts_where_its_initials_do(stage: EntityStage) -> None:
    text = "The minister met Kolwyn at the Zentral Treaty Organization (ZTO) in Brussels."
    found = _found(stage, text, "en")
    assert found["Zentral Treaty Organization"] == "ORG" and found["ZTO"] == "ORG"
    assert not any("Kolwyn at" in name for name in found)


def test_entities_propagation_finds_inflected_and_respelt_names(stage: EntityStage) -> None:
    pl = stage.recognise("Prezydent Zbigniew Wąsowicz przyjechał. Rozmowy z Wąsowiczem trwały długo.", "pl")
    assert any(m.text == "Wąsowiczem" and m.type == "PER" and m.lemma == "Wąsowicz" for m in pl)
    hi = stage.recognise("राष्ट्रपति टोकायव ने कहा। बाद में तोकायेव और टोकायेव चले गए।", "hi")
    assert {m.text for m in hi if m.type == "PER"} >= {"टोकायव", "तोकायेव", "टोकायेव"}


def _staged(stage: EntityStage, lang: str, *texts: str) -> list[Article]:
    """One article per text, in ``lang``, through the entity stage (not yet propagated)."""
    arts = []
    for n, text in enumerate(texts):
        art = Article(id=str(n), text=text)
        art.lang = lang
        arts.append(stage(art))
    return arts


def test_entities_cross_document_propagation_adds_layer_propagation(stage: EntityStage) -> None:
    # a surname with no telltale ending (a -wicz one is a person on its own), opening the second article
    arts = _staged(stage, "pl", "Prezydent Zbigniew Wąsowski przyjechał do Warszawy.",
                   "Wąsowski i goście rozmawiali o handlu.")
    assert not any(m.text == "Wąsowski" for m in arts[1].mentions)
    added = propagate_mentions(arts)
    assert added >= 1
    found = [m for m in arts[1].mentions if m.text == "Wąsowski"]
    assert found and found[0].layer == "propagation" and found[0].type == "PER"


def test_entities_per_segment_language_is_used(stage: EntityStage) -> None:
    text = "राष्ट्रपति टोकायव ने कहा।\nPresident Barnaby Quillfeather said nothing."
    art = Article(id="x", text=text)
    art.lang = "hi"
    art.segments = [Segment(0, 25, "paragraph", "hi"), Segment(26, len(text), "paragraph", "en")]
    found = {m.text: m.type for m in stage(art).mentions}
    assert found["Barnaby Quillfeather"] == "PER"


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "!!! ??? ... —— «»",
    "МоскваMoscowमॉस्को Kazakhstan-Қазақстан-कज़ाख़स्तान",
    "Pоссия и Кaзахстан",  # Latin P and a inside Cyrillic words
    "PRESIDENT PUTIN MEETS TOKAYEV IN MOSCOW AS RUSSIA AND KAZAKHSTAN SIGN DEAL\nThe rest is normal.",
    "Prezydent " + "A" * 10_000 + " przyjechał.",
    "Präsident " + " ".join(["Xaver"] * 2_000),
    "(" * 500 + "ABC" + ")" * 500,
    "\u200b\u200d\ufeff Rosji \u0301\u0301",
])
def test_entities_bad_input_never_raises(stage: EntityStage, text: str) -> None:
    art = Article(id="bad", text=text)
    art.lang = "pl"
    out = stage(art)
    for m in out.mentions:
        assert out.text[m.start:m.end] == m.text
        assert len(m.text) <= 2_000


def test_entities_all_caps_headline_still_finds_places(stage: EntityStage) -> None:
    found = _found(stage, "RUSSIA AND KAZAKHSTAN SIGN A NEW DEAL IN MOSCOW\nTalks went on.", "en")
    assert found.get("RUSSIA") == "LOC" and found.get("KAZAKHSTAN") == "LOC" and found.get("MOSCOW") == "LOC"


def test_entities_all_caps_headline_words_are_no_names_of_their_own(stage: EntityStage) -> None:
    """A headline in capitals gives no word a capital of its own: only listed names come out of it, not a verb
    after a title (*MINISTER ANNOUNCES*), a run of common words or what a tagger learnt from case."""
    cases = [("PRIME MINISTER ANNOUNCES £20BN PLAN FOR SMALL NUCLEAR REACTORS\nThe plan was shown in London.", "en",
              {"London": "LOC"}),
             ("KOCAELİ'DE KİMYA FABRİKASINDA YANGIN: 3 İŞÇİ YARALANDI\nFabrikada yangın çıktı.", "tr",
              {"KOCAELİ": "LOC"}),
             ("BUNDESTAG BESCHLIESST NEUES GESETZ ZUR RENTE IN BERLIN\nDie Abgeordneten stimmten zu.", "de",
              {"BUNDESTAG": "ORG", "BERLIN": "LOC"})]
    for text, lang, want in cases:
        assert _found(stage, text, lang) == want, lang
    # so is an English headline in title case; a list of names is none
    title_case = "Thames Water Faces Fresh Fines After Sewage Spills In Oxfordshire\nThe company said it would appeal."
    assert _found(stage, title_case, "en") == {"Oxfordshire": "LOC"}
    names = _found(stage, "Angela Zelkin, Boris Zelmorr and Olaf Zelkanov met in Paris.", "en")
    assert names == {"Angela Zelkin": "PER", "Boris Zelmorr": "PER", "Olaf Zelkanov": "PER", "Paris": "LOC"}


def test_entities_soft_hyphens_inside_words_neither_split_them_nor_reach_the_lemma(stage: EntityStage) -> None:
    text = "Der langjährige Fuß\u00adball\u00adspieler Zelkan Yavaş hat seine Kar\u00adriere in Ber\u00adlin beendet."
    found = {m.text: m for m in stage.recognise(text, "de")}
    assert found["Zelkan Yavaş"].type == "PER"
    berlin = found["Ber\u00adlin"]
    assert (berlin.type, berlin.lemma, text[berlin.start:berlin.end]) == ("LOC", "Berlin", "Ber\u00adlin")
    assert berlin.kb_id and berlin.kb_id.startswith("geonames:")


def test_entities_an_apostrophe_inside_a_cyrillic_word_is_part_of_it(stage: EntityStage) -> None:
    """Ukrainian writes an apostrophe inside words (*Слов'янськ*, *В'ячеслав*, *Об'єднані*), typographic or plain;
    Russian and Bulgarian transcribe *O'Leary* so. The word is one piece: the town is found whole, and as the town
    whose own name it is (GeoNames also lists it as a former name of Nikopol, a town of the same size)."""
    found = {m.text: m for m in stage.recognise(
        "Карта показує Слов’янська околиці, де жив В'ячеслав Зелмірко. Він працював в Об'єднаних Арабських Еміратах.",
        "uk")}
    assert (found["Слов’янська"].type, found["Слов’янська"].kb_id) == ("LOC", "geonames:693468")
    assert found["В'ячеслав Зелмірко"].type == "PER"
    assert found["Об'єднаних Арабських Еміратах"].kb_id == "iso:AE"
    people = {m.text for m in stage.recognise("Глава компании Зелкин О'Лири заявил об этом.", "ru") if m.type == "PER"}
    assert people == {"Зелкин О'Лири"}


def test_entities_pipeline_runs_after_the_language_stage() -> None:
    pipe = Pipeline(["language", "entities"])
    art = pipe(Article(id="p", text="Prezydent Zbigniew Wąsowicz przyjechał wczoraj do Kazachstanu na rozmowy."))
    assert not art.meta.get("errors")
    assert {(m.text, m.type) for m in art.mentions} >= {("Zbigniew Wąsowicz", "PER"), ("Kazachstanu", "LOC")}


def test_entities_role_or_nationality_word_before_a_name_is_not_part_of_it(stage: EntityStage) -> None:
    found = _found(stage, "Gestern sagte die Physiklehrerin Meera Iyer, dass die Schule schließt.", "de")
    assert found.get("Meera Iyer") == "PER" and "Physiklehrerin Meera Iyer" not in found
    found = _found(stage, "Wczoraj Niemiec Angela Merkel spotkała się z nim, a Włoch Matteo Renzi milczał.", "pl")
    assert found.get("Angela Merkel") == "PER" and found.get("Matteo Renzi") == "PER"
    found = _found(stage, "Kenijczyk Zelkan Kiprotich pobił rekord, a Argentyńczyk Zelkan Nowak strzelił gola.", "pl")
    assert found.get("Zelkan Kiprotich") == "PER" and found.get("Zelkan Nowak") == "PER"


def test_entities_title_case_common_words_are_not_names(stage: EntityStage) -> None:
    found = _found(stage, "Daha sonra ikisi Basın Yayın temsilcilerine ortak bir açıklama yaptı.", "tr")
    assert "Basın Yayın" not in found


def test_entities_turkish_dotted_capital_meets_its_word_frequency(stage: EntityStage) -> None:
    found = _found(stage, "Kazakistan ve Rusya’nın 20. Bölgelerarası İş birliği Forumu yapıldı.", "tr")
    assert found.get("Bölgelerarası İş") != "PER"


def test_entities_role_word_taken_by_a_span_is_trimmed_from_the_person(stage: EntityStage) -> None:
    found = _found(stage, "Im Finale gewann Hochspringer Sebastian Fels vor Coach Andy Ibbott.", "de")
    assert "Hochspringer Sebastian Fels" not in found and "Coach Andy Ibbott" not in found
    assert found.get("Andy Ibbott") == "PER"


def test_entities_organisation_head_word_alone_is_no_organisation(stage: EntityStage) -> None:
    found = _found(stage, "Toplantı bitti. Forumun ardından iki lider basına konuştu.", "tr")
    assert "Forumun" not in found


def test_entities_first_name_before_a_town_name_makes_a_person(stage: EntityStage) -> None:
    found = _found(stage, "Im Film spielt auch der Schauspieler und Regisseur Sean Penn mit.", "de")
    assert found.get("Penn") != "LOC"


@pytest.mark.parametrize(("text", "lang", "person"), [
    ("Gestern sprach die Biologin Greta Holland über Ameisen.", "de", "Greta Holland"),
    ("Wczoraj minister Marek Hollande przyjechał do Lublina.", "pl", "Marek Hollande"),
])
def test_entities_country_name_after_a_given_name_is_a_surname(stage: EntityStage, text, lang, person) -> None:
    assert _found(stage, text, lang).get(person) == "PER"


@pytest.mark.parametrize(("text", "lang", "country"), [
    ("भारत में चुनाव हुए।", "hi", "भारत"),
    ("پاکستان میں انتخابات ہوئے۔", "ur", "پاکستان"),
])
def test_entities_country_among_the_commonest_words_is_still_the_country(stage: EntityStage, text, lang,
                                                                       country) -> None:
    assert _found(stage, text, lang).get(country) == "LOC"


def test_entities_town_name_alone_after_a_title_is_the_person(stage: EntityStage) -> None:
    assert _found(stage, "Coach Stanley praised the team after the match.", "en").get("Stanley") == "PER"
    assert _found(stage, "Prezydent Warszawy powiedział, że plan jest dobry.", "pl").get("Warszawy") == "LOC"


def test_entities_country_in_its_own_words_after_a_given_name_stays_a_place(stage: EntityStage) -> None:
    found = _found(stage, "Dün Başkan Yusuf Rusya ile görüştü.", "tr")
    assert found.get("Rusya") == "LOC"


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Engineers finished the Zelmarsky Base Tunnel on Monday.", "en", "Zelmarsky Base Tunnel"),
    ("İşçiler yıllarca Zelmorra Tüneli üzerinde çalıştı.", "tr", "Zelmorra Tüneli"),
])
def test_entities_name_ending_in_a_place_head_word_is_a_place(stage: EntityStage, text, lang, place) -> None:
    assert _found(stage, text, lang).get(place) == "LOC"


def test_entities_name_after_a_word_for_a_kind_of_place_is_a_place(stage: EntityStage) -> None:
    found = _found(stage, "Mieszkańcy wsi Brechtowo Dolne protestowali wczoraj.", "pl")
    assert found.get("Brechtowo Dolne") == "LOC"


@pytest.mark.parametrize("text", [
    "美国总统拜登周二在白宫会见了德国总理朔尔茨。",
    "日本の首相は月曜日に東京で記者会見を行った。",
    "대통령은 서울에서 기자회견을 열었다.",
])
def test_entities_cjk_text_is_analysed_without_stage_errors(text):
    article = Pipeline(["language", "time", "entities"])(Article(id="cjk", text=text))
    assert "errors" not in article.meta


def test_ner_tagger_decode_bio_runs() -> None:
    from newsweave.stages.ner_tagger import decode

    assert decode(["O", "B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG"]) == [
        (1, 3, "PER"), (4, 5, "LOC"), (5, 6, "ORG"), (6, 7, "ORG")]
    assert decode(["B-PER", "I-LOC"]) == [(0, 1, "PER"), (1, 2, "LOC")]


def _train_crf(path, sentences: list[tuple[str, list[str]]], lexical: bool = True):
    """Train a CRF in a moment on made-up (text, labels) sentences, over the rule layers' cues as the stage
    gives them to its tagger; ``lexical=False`` leaves words and affixes out, as the universal model does."""
    import pycrfsuite

    from newsweave.stages.entities import _Doc
    from newsweave.stages.ner_tagger import features

    trainer = pycrfsuite.Trainer(verbose=False)
    rules = EntityStage(use_natasha=False, use_tagger=False)
    for text, labels in sentences:
        doc = _Doc(text, "en", [])
        rules.run_layers(doc, until="tagger")
        xseq = [features(doc, k, lexical=lexical) for k in range(len(doc.toks))]
        if not lexical:
            assert not any(f.startswith(("w=", "s3=", "p2=", "-1:w=")) for x in xseq for f in x)  # no words
        trainer.append(xseq, labels)
    trainer.set_params({"max_iterations": 30, "feature.possible_transitions": True})
    trainer.train(str(path))
    return path


_MET = ("Zorbak", "Quenta", "Villux", "Moravek", "Tessaly", "Brondal")


def _tiny_tagger(tmp_path, mode: str):
    """A stage whose English tagger learnt that capitalised words after "met" are people."""
    from newsweave.stages.ner_tagger import CRFTagger

    path = _train_crf(tmp_path / "en.crfsuite", [(f"We met {name} today.", ["O", "O", "B-PER", "O"]) for name in _MET])
    stage = EntityStage(use_natasha=False, use_tagger=False)
    stage.tagger = CRFTagger({"en": path}, {"en": ["LATIN"]}, {"en": mode})
    return stage


def test_ner_tagger_override_mode_decides_its_sentences(tmp_path) -> None:
    stage = _tiny_tagger(tmp_path, "override")
    found = {(m.text, m.type, m.layer) for m in stage.recognise("We met Kolwyn today.", "en")}
    assert found == {("Kolwyn", "PER", "tagger")}
    # A sentence in a script the model never saw is left to the rules.
    assert all(m.layer != "tagger" for m in stage.recognise("Мы встретили Колвина в Москве.", "en"))


def test_ner_tagger_fill_mode_only_claims_free_pieces(tmp_path) -> None:
    stage = _tiny_tagger(tmp_path, "fill")
    mentions = stage.recognise("We met Kolwyn in Moscow today.", "en")
    assert ("Moscow", "gazetteer") in {(m.text, m.layer) for m in mentions}


def test_ner_tagger_places_mode_keeps_gazetteer_countries(tmp_path) -> None:
    stage = _tiny_tagger(tmp_path, "places")
    found = {(m.text, m.type, m.layer) for m in stage.recognise("We met Kolwyn in Kazakhstan today.", "en")}
    assert {("Kolwyn", "PER", "tagger"), ("Kazakhstan", "LOC", "gazetteer")} <= found


def test_ner_tagger_places_mode_keeps_places_named_in_several_words(tmp_path) -> None:
    """A small town's name of several words (*Weil am Rhein*, 30,000 people) is no chance sequence: the tagger's
    mode keeps it as it keeps a big city."""
    stage = _tiny_tagger(tmp_path, "places")
    found = {(m.text, m.layer) for m in stage.recognise("We met Kolwyn in Weil am Rhein today.", "en")}
    assert ("Weil am Rhein", "gazetteer") in found


def test_ner_tagger_keeps_organisations_the_gazetteer_lists(tmp_path) -> None:
    # the tiny model knows no organisations: in its sentences it would withdraw the gazetteer's finding
    for mode in ("override", "places"):
        stage = _tiny_tagger(tmp_path, mode)
        found = {(m.text, m.type, m.kb_id) for m in stage.recognise("We met Kolwyn at Gazprom today.", "en")}
        assert ("Gazprom", "ORG", "org:Gazprom") in found, mode


def test_ner_tagger_claims_alone_only_spans_it_finds_likely(tmp_path, monkeypatch) -> None:
    from newsweave.stages import ner_tagger

    stage = _tiny_tagger(tmp_path, "fill")
    assert ("Kolwyn", "tagger") in {(m.text, m.layer) for m in stage.recognise("We met Kolwyn today.", "en")}
    monkeypatch.setattr(ner_tagger, "MIN_MARGINAL", 1.01)  # no marginal reaches it
    assert all(m.layer != "tagger" for m in stage.recognise("We met Kolwyn today.", "en"))


def test_ner_tagger_decided_sentences_get_no_acronym_guesses(tmp_path) -> None:
    from newsweave.stages.ner_tagger import CRFTagger

    codes = (("Zorbak", "QWER"), ("Quenta", "ASDF"), ("Villux", "ZXCV"), ("Moravek", "TYUI"))
    path = _train_crf(tmp_path / "en.crfsuite", [
        (f"We met {name} today. The {code} said no.", ["O", "O", "B-PER", "O"] + ["O"] * 4) for name, code in codes])
    text = "We met Kolwyn today. The GHJK said no."
    rules = EntityStage(use_natasha=False, use_tagger=False)
    assert ("GHJK", "ORG") in {(m.text, m.type) for m in rules.recognise(text, "en")}
    stage = EntityStage(use_natasha=False, use_tagger=False)
    stage.tagger = CRFTagger({"en": path}, {"en": ["LATIN"]}, {"en": "override"})
    assert {m.text for m in stage.recognise(text, "en")} == {"Kolwyn"}


def test_ner_tagger_override_mode_keeps_acronyms_the_text_explains(tmp_path) -> None:
    stage = _tiny_tagger(tmp_path, "override")
    text = "The Zentral Treaty Organization (ZTO) met Kolwyn today."
    found = {(m.text, m.type, m.layer) for m in stage.recognise(text, "en")}
    assert {("Zentral Treaty Organization", "ORG", "acronym"), ("ZTO", "ORG", "acronym")} <= found


def test_ner_tagger_universal_model_types_untyped_capitalised_names(tmp_path) -> None:
    from newsweave.stages.ner_tagger import CRFTagger

    path = _train_crf(tmp_path / "xx.crfsuite", [(f"We met {name} today.", ["O", "O", "B-PER", "O"]) for name in _MET],
                      lexical=False)
    text = "We met Kolwyn today."
    rules = EntityStage(use_natasha=False, use_tagger=False)
    assert ("Kolwyn", "MISC") in {(m.text, m.type) for m in rules.recognise(text, "en")}
    stage = EntityStage(use_natasha=False, use_tagger=False)
    stage.tagger = CRFTagger({}, {}, {}, universal=path)
    # The capitalisation layer still finds the name; the model only gives it a type.
    assert {(m.text, m.type, m.layer) for m in stage.recognise(text, "en")} == {("Kolwyn", "PER", "capitalisation")}


def test_entities_repeated_name_opening_a_sentence_keeps_its_reading() -> None:
    stage = EntityStage(use_natasha=False, use_tagger=False)
    # "Kwintex" opening a sentence is found because "Kwintexa" (its genitive) was named mid-sentence.
    found = {(m.text, m.type) for m in stage.recognise("Historia Kwintexa pełna jest konfliktów. Kwintex zamknął bazę.",
                                                       "pl")}
    assert found == {("Kwintexa", "MISC"), ("Kwintex", "MISC")}
    # A word the text also writes in lower case is a common word, even where it once stands capitalised.
    found = {m.text for m in stage.recognise("Rozmowa o Kwintexie trwała. Kwintex to kwintex.", "pl")}
    assert "Kwintex" not in found


def test_entities_model_suffix_after_its_number_is_no_organisation() -> None:
    stage = EntityStage(use_natasha=False, use_tagger=False)
    found = {(m.text, m.type) for m in stage.recognise("Letala 737 MAX so ostala na tleh, je sporočila FAA.", "sl")}
    assert ("MAX", "ORG") not in found and ("FAA", "ORG") in found
    # A count before an acronym is no model number.
    assert ("QXZR", "ORG") in {(m.text, m.type) for m in stage.recognise("Vseh 12 QXZR je glasovalo proti.", "sl")}


def test_entities_cjk_gazetteer_names_inside_unspaced_text(stage: EntityStage) -> None:
    zh = stage.recognise("哈萨克斯坦总统在阿斯塔纳会见了俄罗斯总统。", "zh")
    assert {(m.text, m.type, m.kb_id) for m in zh} >= {("哈萨克斯坦", "LOC", "iso:KZ"), ("俄罗斯", "LOC", "iso:RU")}
    ja = stage.recognise("日本の首相はカザフスタンを訪問した。", "ja")
    assert {m.kb_id for m in ja} >= {"iso:JP", "iso:KZ"}
    ko = stage.recognise("대통령은 러시아의 수도를 방문했다.", "ko")
    assert [(m.text, m.lemma, m.kb_id) for m in ko] == [("러시아의", "러시아", "iso:RU")]


def test_entities_shouting_lines_from_the_words_of_each_line() -> None:
    from newsweave.kb.gazetteer import PIECE_RE
    from newsweave.stages.entities import _shouting_lines

    text = "x\nPRESIDENT MEETS PRESS\n\nTWO big WORDS HERE\nNOT ENOUGH\nAB CD EF"
    words = [(m.start(), m.end(), m.group()) for m in PIECE_RE.finditer(text)]
    first, second, last = text.index("PRESIDENT"), text.index("TWO"), text.index("AB CD")
    assert _shouting_lines(text, words) == [first, first + 21, second, second + 18, last, len(text)]
    assert _shouting_lines("", []) == []


def test_entities_token_memo_is_bounded_and_each_entry_taken_once() -> None:
    from newsweave.stages.entities import _TokenMemo, tokenize

    memo = _TokenMemo(limit=6)
    keys = [(f"Text number {n} here", "en", ()) for n in range(3)]
    for key in keys:
        memo.put(key, tokenize(key[0], "en"))  # 4 pieces each: only the newest fits
    assert len(memo) == 1 and memo.take(keys[0]) is None
    assert [t.text for t in memo.take(keys[2])] == ["Text", "number", "2", "here"]
    assert memo.take(keys[2]) is None and len(memo) == 0


def test_entities_propagation_reuses_the_stage_pieces_with_the_same_result(stage: EntityStage) -> None:
    from newsweave.stages import entities

    texts = ["Prezydent Zbigniew Wąsowski przyjechał do Warszawy.\nWĄSOWSKI I GOŚCIE ROZMAWIALI",
             "Wąsowski i goście rozmawiali o handlu z Wąsowskim."]
    results = []
    for reuse in (True, False):
        arts = []
        for n, text in enumerate(texts):
            art = Article(id=str(n), text=text)
            art.lang = "pl"
            art.segments = [Segment(0, len(text), "paragraph", "pl")]
            arts.append(stage(art))
        keys = [(a.text, a.lang, ((0, len(a.text), "pl"),)) for a in arts]
        if reuse:
            assert all(k in entities._TOKEN_MEMO._entries for k in keys)
        else:
            for key in keys:
                entities._TOKEN_MEMO.take(key)
        assert propagate_mentions(arts) >= 1
        assert not any(k in entities._TOKEN_MEMO._entries for k in keys)  # taken: nothing kept after use
        results.append([[(m.start, m.end, m.type, m.layer, m.confidence, m.lemma) for m in a.mentions] for a in arts])
    assert results[0] == results[1]


def test_entities_capital_inside_a_sentence_names_a_word_known_abroad(stage: EntityStage) -> None:
    # Biden is common in Turkish news too (Zipf > 3) but also in most other languages' lists: a name that travels
    assert "Biden" in _found(stage, "Heyet dün Ankara'da Biden ile görüştü.", "tr")
    # English capitalises months and title-case words, which other languages list too: none is a name
    assert _found(stage, "May Day rallies were held on 1 May in November.", "en") == {}


def test_entities_listed_given_name_needs_more_than_a_common_word(stage: EntityStage) -> None:
    # Czech "sama" (herself) is an Arabic given name, and Bibiová is no listed surname: no person "Sama Bibiová"
    assert "Sama Bibiová" not in _found(stage, "Sama Bibiová to odmítla.", "cs")


def test_entities_person_name_lists_hold_names_of_many_scripts() -> None:
    from newsweave.kb.person_names import given_names, surnames

    assert {"ahmet", "олег", "राम"} <= given_names() and {"yılmaz", "иванов"} <= surnames()
    # the given names Faker lacks (kb/data/given_names.tsv), folded as the text's pieces are
    assert {"mansur", "bülent", "шавкат", "ulug'bek"} <= given_names()


def test_entities_own_given_names_are_the_curated_ones_of_the_language() -> None:
    from newsweave.kb.person_names import own_given_names

    # Faker's Turkish list lacks Ahmet and holds ordinary words (ortak "joint"): only the curated names count
    assert "ahmet" in own_given_names("tr") and "ortak" not in own_given_names("tr")
    assert "sama" not in own_given_names("cs") and own_given_names(None) == frozenset()


def test_entities_national_bodies_and_companies_are_listed_organisations(stage: EntityStage) -> None:
    """National bodies, banks, clubs and companies the region's news names most link across languages and scripts,
    also inflected (*Генштабу ЗСУ* is the General Staff, not a bare word and the armed forces)."""
    cases = (("Про це повідомили в СБУ та в Генштабу ЗСУ.", "uk", {"СБУ": "org:SBU",
                                                                "Генштабу ЗСУ": "org:GeneralStaffUkraine"}),
             ("Zprávu zveřejnil Nejvyšší kontrolní úřad včera.", "cs", {"Nejvyšší kontrolní úřad": "org:NKU"}),
             ("Der Deutsche Wetterdienst warnte vor Sturm.", "de", {"Deutsche Wetterdienst": "org:DWD"}),
             ("Maçta Qarabağ FK ile Neftçi PFK karşılaştı.", "tr", {"Qarabağ FK": "org:QarabagFK",
                                                                    "Neftçi PFK": "org:NeftciPFK"}),
             ("Arsenal FC beat Tottenham Hotspur, and the Los Angeles Lakers won.", "en",
              {"Tottenham Hotspur": "org:TottenhamHotspur", "Los Angeles Lakers": "org:LALakers"}))
    for text, lang, want in cases:
        got = {m.text: (m.type, m.kb_id) for m in stage.recognise(text, lang)}
        for name, kb_id in want.items():
            assert got.get(name) == ("ORG", kb_id), (lang, name, got)


def test_entities_political_parties_and_broadcasters_are_listed_organisations(stage: EntityStage) -> None:
    """The organisations list names parties in their own languages and others: one KB id across languages,
    also inflected (*Prawa i Sprawiedliwości*) and where a country's name is part of the party's."""
    cases = (("Die Abgeordneten der Grünen und der AfD stimmten dagegen, berichtete das ZDF.", "de",
              {"Grünen": "org:Greens_DE", "AfD": "org:AfD", "ZDF": "org:ZDF"}),
             ("Posłowie Prawa i Sprawiedliwości oraz Platformy Obywatelskiej głosowali.", "pl",
              {"Prawa i Sprawiedliwości": "org:PiS", "Platformy Obywatelskiej": "org:PO"}),
             ("Депутаты от «Единой России» поддержали закон.", "ru", {"Единой России": "org:UnitedRussia"}),
             ("CHP ve MHP milletvekilleri oyladı.", "tr", {"CHP": "org:CHP", "MHP": "org:MHP"}),
             ("बैठक में भाजपा के नेता मौजूद थे।", "hi", {"भाजपा": "org:BJP"}))
    for text, lang, want in cases:
        got = {m.text: (m.type, m.kb_id) for m in stage.recognise(text, lang)}
        for name, kb_id in want.items():
            assert got.get(name) == ("ORG", kb_id), (lang, name, got)


def test_entities_a_camel_case_acronym_is_not_read_into_an_ordinary_word(stage: EntityStage) -> None:
    """*PiS* is written so; Czech *Pisy* is the genitive of Pisa, also in a text that names the party."""
    got = {m.text: (m.type, m.kb_id) for m in stage.recognise("Turisté z Pisy přijeli. Strana PiS mlčela.", "cs")}
    assert got["PiS"] == ("ORG", "org:PiS")
    assert got["Pisy"][0] == "LOC"


def test_entities_a_long_acronym_written_as_a_word_inside_a_sentence_is_the_acronym(stage: EntityStage) -> None:
    """German, British and Nordic news write *Nato*, *Opec*, *Unesco*: inside a sentence that is the acronym; opening
    one it may be an ordinary word (Italian *Nato* "born"), and after a capitalised word part of another name."""
    def ids(text: str, lang: str) -> dict[str, str | None]:
        return {m.text: m.kb_id for m in stage.recognise(text, lang)}

    assert ids("Der Bericht erwähnt die Nato.", "de")["Nato"] == "org:NATO"
    assert ids("Der Bericht nennt die Opec und die Unesco.", "de") == {"Opec": "org:OPEC", "Unesco": "org:UNESCO"}
    assert ids("El informe menciona a la Otan.", "es")["Otan"] == "org:NATO"
    assert ids("Nato a Zelmorra nel 1950, insegna storia.", "it").get("Nato") != "org:NATO"
    assert ids("Nur Otan partiyasi yig'ildi.", "uz").get("Otan") is None
    assert ids("Turisté z Pisy přijeli. Strana PiS mlčela.", "cs")["Pisy"] != "org:PiS"


def test_entities_a_word_some_list_writes_in_capitals_is_no_acronym(stage: EntityStage) -> None:
    """countrynames writes *ALASKA* and *MACAU* under a country, as a database field would; the state and the
    company written as words are still found and linked, while a short acronym keeps needing its capitals."""
    got = {m.text: (m.type, m.kb_id) for m in stage.recognise(
        "The list names Alaska, Hawaii, Macau and Nvidia.", "en")}
    assert got["Alaska"] == ("LOC", "iso3166-2:US-AK")
    assert got["Hawaii"] == ("LOC", "iso3166-2:US-HI")
    assert got["Macau"] == ("LOC", "iso:MO")
    assert got["Nvidia"] == ("ORG", "org:Nvidia")
    lukoil = {m.text: m.kb_id for m in stage.recognise("В списке есть компания Лукойл.", "ru")}
    assert lukoil["Лукойл"] == "org:Lukoil"
    assert {m.text: m.kb_id for m in stage.recognise("The report names the ILO.", "en")} == {"ILO": "org:ILO"}
    assert {m.text: m.kb_id for m in stage.recognise("The map shows Ilo, Peru.", "en")}.get("Ilo") is None


def test_entities_city_governments_are_organisations_named_by_their_place(stage: EntityStage) -> None:
    """A town before words that end in an organisation's head word names it; it is no person's first name."""
    found = _found(stage, "Dün Zelmorra Büyükşehir Belediyesi toplantı yaptı. Zelmorra Valiliği uyardı.", "tr")
    assert found["Zelmorra Büyükşehir Belediyesi"] == "ORG" and found["Zelmorra Valiliği"] == "ORG"
    assert _found(stage, "Dün Ankara Büyükşehir Belediyesi toplantı yaptı.", "tr") == {
        "Ankara Büyükşehir Belediyesi": "ORG"}


def test_entities_a_name_of_three_inflected_words_is_read_through_all_their_readings(stage: EntityStage) -> None:
    """Each Polish word has up to a dozen candidate base forms; the right reading of the third is no longer cut off
    by the first sixteen readings of the first two. Soft *-ś* stems decline too (*z Białorusią*)."""
    got = {m.text: (m.type, m.kb_id) for m in stage.recognise(
        "Według Polskiej Agencji Prasowej rozmowy z Białorusią utknęły.", "pl")}
    assert got["Polskiej Agencji Prasowej"] == ("ORG", "org:PAP")
    assert got["Białorusią"] == ("LOC", "iso:BY")


def test_ner_tagger_that_reads_the_same_span_keeps_the_earlier_finding_and_its_link(stage: EntityStage) -> None:
    """Where the German tagger (``places`` mode) labels a town the gazetteer found, the mention keeps the
    gazetteer's id and layer: it was re-claimed as an unlinked tagger finding, so the town merged with no other
    language's spelling of it."""
    found = {m.text: (m.type, m.layer, m.kb_id) for m in stage.recognise("Das Werk in Wetzlar schließt.", "de")}
    assert found["Wetzlar"][0] == "LOC" and found["Wetzlar"][1] == "gazetteer"
    assert (found["Wetzlar"][2] or "").startswith("geonames:")


def test_entities_a_town_in_another_case_after_a_titled_name_is_no_surname(stage: EntityStage) -> None:
    """*premier Imran Khan*: a town's name right after a first name is the surname; *Андижонда* (in Andijan), in a
    case the name before it does not share, is where the person was."""
    found = _found(stage, "Президент Зелкан Каримов Андижонда учрашув ўтказди.", "uz")
    assert found["Зелкан Каримов"] == "PER" and found["Андижонда"] == "LOC"


@pytest.mark.parametrize(("text", "person"), [
    ("Keniyalik Zelkan Kiprotich Berlin marafonida yangi rekord oʻrnatdi.", "Zelkan Kiprotich"),
    ("Кениялик Зелкан Кипротич Берлин марафонида янги рекорд ўрнатди.", "Зелкан Кипротич"),
])
def test_entities_uzbek_demonym_before_a_name_is_neither_place_nor_part_of_the_name(stage: EntityStage, text: str,
                                                                                   person: str) -> None:
    found = _found(stage, text, "uz")
    assert found.get(person) == "PER" and not any(name.startswith(("Keniya", "Кения")) for name in found)


def test_entities_a_quotation_opening_in_capitals_and_going_on_in_lower_case_is_a_sentence(stage: EntityStage) -> None:
    found = _found(stage, "Başkan Zelkan Yavaş, 'İşbirliğimizi derinleştireceğiz' dedi.", "tr")
    assert found == {"Zelkan Yavaş": "PER"}
    found = _found(stage, "Der Verein „Zelmorra“ und die Gruppe „Zelmorra Nord“ luden ein.", "de")
    assert "Zelmorra" in found and "Zelmorra Nord" in found


@pytest.mark.parametrize(("text", "lang"), [
    ("On Monday Giorgia Zelmorra was elected.", "en"),
    ("W poniedziałek Giorgia Zelmorra została premierem.", "pl"),
    ("Giorgia Zelmorra İtalya başbakanı seçildi.", "tr"),
])
def test_entities_another_languages_name_for_a_country_before_a_name_is_a_given_name(stage: EntityStage, text: str,
                                                                                     lang: str) -> None:
    """Italian *Giorgia* is Georgia in the gazetteer; before a capitalised word, where the text's language does not
    name the country so, it is a given name. A weekday before the name is not part of it."""
    assert _found(stage, text, lang).get("Giorgia Zelmorra") == "PER"


def test_entities_a_regnal_number_is_part_of_the_name_but_never_looked_for_alone(stage: EntityStage) -> None:
    arts = _staged(stage, "pl", "Papież Zelkan XVI przyjechał do Warszawy.",
                   "Kościół zbudowano w XVI wieku, a Zelkan XVI go odwiedził.")
    propagate_mentions(arts)
    assert ("Zelkan XVI", "PER") in {(m.text, m.type) for m in arts[0].mentions}
    assert [m.start for m in arts[1].mentions if m.text == "XVI"] == []


def test_entities_russian_given_name_read_as_a_towns_case_and_adjective_after_a_title(stage: EntityStage) -> None:
    """*Карим* is a listed given name, though it also reads as a case of the town *Кара*; after *лидером* (leader),
    a capitalised adjective before a lower-case head word names a party, not a person."""
    found = _found(stage, "Футболист Карим Зелморра получил приз, а Зелкан Каримов стал лидером Консервативной "
                          "партии.", "ru")
    assert found.get("Карим Зелморра") == "PER"
    assert "PER" not in {found.get("Консервативной"), found.get("Консервативной партии")}


def test_entities_russian_nationality_noun_before_a_name_is_no_part_of_it(stage: EntityStage) -> None:
    found = _found(stage, "Норвежец Зелкан Тиннес Каримов выиграл гонку, а Зелкан Шведов стал вторым.", "ru")
    assert found.get("Зелкан Тиннес Каримов") == "PER" and not any(name.startswith("Норвежец") for name in found)
    assert found.get("Зелкан Шведов") == "PER"  # a surname made from a nationality noun stays a name


def test_entities_uzbek_and_turkish_everyday_names_of_korea_are_the_country(stage: EntityStage) -> None:
    """*Koreya* was read as the Korean language's name (a block, no mention)."""
    for text, lang in (("Koreya Respublikasining poytaxtida uchrashuv boʻldi.", "uz"),
                       ("Kore'de seçim yapıldı.", "tr")):
        assert [m.kb_id for m in stage.recognise(text, lang) if m.type == "LOC"] == ["iso:KR"]


def test_entities_kazakh_tagger_keeps_a_city_written_with_a_case_ending(stage: EntityStage) -> None:
    """The Kazakh tagger decides its sentences (KazNERD reads *Ресей Президенті* as one office, so countries there
    are its to call), but a big city with a case ending (*Мәскеуде*, in Moscow) is where something happened."""
    found = _found(stage, "Қазақстан Президенті Зелкан Каримов Мәскеуде Ресей Президенті Зелкан Путовпен кездесті.",
                   "kk")
    assert found.get("Мәскеуде") == "LOC"


@pytest.mark.parametrize(("text", "lang", "name", "kind"), [
    # a name goes on over the period of an initial
    ("The award went to Zelkan P. Kiprotich for his work.", "en", "Zelkan P. Kiprotich", "PER"),
    ("Le prix est attribué à K. Zelkan Kiprotich pour ses travaux.", "fr", "K. Zelkan Kiprotich", "PER"),
    ("The prize went to Z. Zelmorra yesterday.", "en", "Z. Zelmorra", "PER"),
    # a listed given name beside a regnal number is a monarch, the number after it or (tr, kk) before
    ("Greta III, the last queen of Zelmorra, dies at the age of 82.", "en", "Greta III", "PER"),
    ("Zelmorra qirolichasi vafot etdi, oʻgʻli Mateo III qirol boʻldi.", "uz", "Mateo III", "PER"),
    ("Zelmorra Kralı III. Mateo ve oğlu konuştu.", "tr", "III. Mateo", "PER"),
    # embassies, and Portuguese and Italian institutions
    ("An attack on the Zelmorra Embassy in Iran left one person dead.", "en", "Zelmorra Embassy", "ORG"),
    ("Ontem o Supremo Tribunal Federal decidiu o caso.", "pt", "Supremo Tribunal Federal", "ORG"),
    ("Ieri il Consiglio Zelmorra ha votato.", "it", "Consiglio Zelmorra", "ORG"),
    # a function word opening the sentence is no part of the organisation
    ("The Supreme Court ruled on Monday.", "en", "Supreme Court", "ORG"),
    ("If Supreme Court judges agree, the law passes.", "en", "Supreme Court", "ORG"),
    ("Jeśli Sąd Najwyższy się zgodzi, ustawa przejdzie.", "pl", "Sąd Najwyższy", "ORG"),
    # a head word opening both the sentence and the name stays in it
    ("Urząd Lotnictwa Zelmorry ogłosił decyzję.", "pl", "Urząd Lotnictwa Zelmorry", "ORG"),
    ("Trybunał Europejski orzekł wczoraj.", "pl", "Trybunał Europejski", "ORG"),
    # a contest's, show's or meeting's name is an event, with the place that names it
    ("Zelkan Kiprotich set a record at the Berlin Marathon.", "en", "Berlin Marathon", "EVT"),
    ("She won the Australian Open twice.", "en", "Australian Open", "EVT"),
    ("At the Zelmorra Awards, the film won twice.", "en", "Zelmorra Awards", "EVT"),
])
def test_entities_names_found_whole(stage: EntityStage, text: str, lang: str, name: str, kind: str) -> None:
    assert _found(stage, text, lang).get(name) == kind


def test_entities_a_capital_letter_before_a_function_word_still_ends_a_sentence(stage: EntityStage) -> None:
    assert _found(stage, "They chose Plan B. The team left for Zelmorra.", "en").get("Zelmorra") is not None
    assert not any("Plan" in name for name in _found(stage, "They chose Plan B. The team left.", "en"))


def test_entities_a_frequent_listed_first_name_or_an_initial_before_a_town_makes_a_person(stage: EntityStage) -> None:
    """*David* (Zipf 5.1 in English) is too frequent to read as a first name by its frequency alone; the name lists
    say it is one, so the town *Barry* after it is a surname. An initial before a town does the same."""
    assert _found(stage, "Yesterday David Barry met the mayor.", "en") == {"David Barry": "PER"}
    assert _found(stage, "Yesterday Zelkan W. Barry met the mayor.", "en") == {"Zelkan W. Barry": "PER"}


@pytest.mark.parametrize(("text", "lang", "person"), [
    ("Präsident Alexander Van der Zelmorra sagte der Zeitung, dass Van der Zelmorra bleibt.", "de",
     "Alexander Van der Zelmorra"),
    ("En Autriche, Alexander Van der Zelmorra est réélu président.", "fr", "Alexander Van der Zelmorra"),
])
def test_entities_a_particle_written_with_a_capital_opens_the_next_particle(stage: EntityStage, text: str, lang: str,
                                                                            person: str) -> None:
    """*Van der*: the capitalised particle is no town (*Van*, Turkey), and the name, also where the German tagger
    stops at the lower-case *der*, runs on to the surname."""
    found = _found(stage, text, lang)
    assert found.get(person) == "PER" and "Van" not in found


def test_entities_a_particle_that_is_a_function_word_keeps_a_listed_name_whole(stage: EntityStage) -> None:
    """Portuguese *da* is one of the language's commonest words; inside a name it is a particle, and the listed
    first name that opens the sentence stays part of the name."""
    assert _found(stage, "Maria Zelmorra da Silva venceu a eleição.", "pt") == {"Maria Zelmorra da Silva": "PER"}


def test_entities_a_small_town_read_through_a_case_ending_before_a_name_is_a_first_name(stage: EntityStage) -> None:
    """Ukrainian *Джорджа* reads as a case of the small town *George*; with no preposition before it and a
    capitalised word after, it is the first name."""
    found = _found(stage, "Лідер партії Джорджа Зелморра стала головою уряду.", "uk")
    assert found.get("Джорджа Зелморра") == "PER"


def test_entities_ukrainian_locative_softening_is_undone(stage: EntityStage) -> None:
    found = {m.text: m.kb_id for m in stage.recognise("Ураган пройшов у Південній Америці, а виставка була в Празі.",
                                                       "uk")}
    assert found.get("Південній Америці") == "geonames:6255150" and found.get("Празі", "").startswith("geonames:")


def test_entities_french_nationality_nouns_stand_before_names_and_stay_inside_organisations(
        stage: EntityStage) -> None:
    found = _found(stage, "Le prix va aux Américaines Zelkan Karimova et Greta Zelmorra. La Banque Française a réagi.",
                   "fr")
    assert found.get("Zelkan Karimova") == "PER" and not any(name.startswith("Américaines") for name in found)
    assert found.get("Banque Française") == "ORG"


def test_entities_german_player_compounds_are_titles(stage: EntityStage) -> None:
    """*Torhüter*, *-spieler*: a German noun for a player stands before a name, which the tagger alone misses."""
    assert _found(stage, "Der Torhüter Ümit Toprak hat seine Karriere beendet.", "de") == {"Ümit Toprak": "PER"}


def test_entities_german_compounds_ending_in_a_title_are_titles(stage: EntityStage) -> None:
    """*Finanzchef*, *Sozialsenatorin*, *Richter*: no part of the name after them."""
    assert _found(stage, "Der Umsatz sei gestiegen, sagte Finanzchef Thorsten Zelmer am Dienstag.", "de") == {
        "Thorsten Zelmer": "PER"}
    assert _found(stage, "Der Vorsitzende Richter Hauke Zelmer verkündete das Urteil.", "de") == {
        "Hauke Zelmer": "PER"}
    assert _found(stage, "Die Sozialsenatorin Anna Zelmer kritisierte den Plan.", "de") == {"Anna Zelmer": "PER"}


def test_entities_a_regnal_number_makes_no_person_of_other_words(stage: EntityStage) -> None:
    assert "PER" not in _found(stage, "After World War II the economy grew.", "en").values()


def test_entities_a_common_listed_first_name_opening_a_sentence_keeps_a_rare_surname(stage: EntityStage) -> None:
    assert _found(stage, "Chris Zelmorra (pictured) succeeds Greta Holland as prime minister.", "en").get(
        "Chris Zelmorra") == "PER"


@pytest.mark.parametrize(("text", "place"), [
    ("In Zelmorra Regency, at least 125 people are killed.", "Zelmorra Regency"),
    ("After an explosion damages the Zelmorra Bridge, traffic stops.", "Zelmorra Bridge"),
])
def test_entities_english_place_head_words(stage: EntityStage, text: str, place: str) -> None:
    assert _found(stage, text, "en").get(place) == "LOC"


def test_entities_acronyms_written_with_periods_are_read_as_written_without(stage: EntityStage) -> None:
    """*U.S.*, *U.K.*, *E.U.*: one piece spanning the periods, matched like *US* (which is only read in capitals:
    *us* is a pronoun). The acronym's period may still end a sentence before a function word."""
    text = "The U.S. and the E.U. met in the U.K. The US team and the U.N. agreed. Let us go."
    found = {m.text: m.kb_id for m in stage.recognise(text, "en")}
    assert found == {"U.S.": "iso:US", "E.U.": "iso:EU", "U.K.": "iso:GB", "US": "iso:US", "U.N.": "iso:UN"}


def test_entities_initials_written_with_periods_open_a_name(stage: EntityStage) -> None:
    found = _found(stage, "The novel by J.R. Zelmorra sold well, an editor (V.L.) noted.", "en")
    assert found == {"J.R. Zelmorra": "PER"}


@pytest.mark.parametrize(("text", "lang", "person"), [
    ("Presiden Zelkan Karimov dan Wakil Presiden Greta Zelmorra bertemu.", "id", "Zelkan Karimov"),
    ("Perdana Menteri Zelkan Karimov tiba di Zelmorra.", "ms", "Zelkan Karimov"),
])
def test_entities_indonesian_and_malay_titles_stand_before_names(stage: EntityStage, text: str, lang: str,
                                                                  person: str) -> None:
    found = _found(stage, text, lang)
    assert found.get(person) == "PER" and not any(name.startswith(("Presiden", "Perdana")) for name in found)


@pytest.mark.parametrize(("text", "lang", "kb_ids"), [
    ("Premierul Regatului Unit al Marii Britanii a vizitat capitala Ucrainei.", "ro", ["iso:GB", "iso:GB", "iso:UA"]),
    ("Zelkan Karimov går av som New Zealands statsminister.", "no", ["iso:NZ"]),
    ("Hon blev Sveriges statsminister.", "sv", ["iso:SE"]),
])
def test_entities_romanian_articles_and_scandinavian_genitives_are_undone(stage: EntityStage, text: str, lang: str,
                                                                          kb_ids: list[str]) -> None:
    assert [m.kb_id for m in stage.recognise(text, lang) if m.type == "LOC"] == kb_ids


def test_entities_finnish_stem_changes_are_undone(stage: EntityStage) -> None:
    found = {m.text: m.kb_id for m in stage.recognise("Moni kuoli Kreikassa, ja Zelkan valittiin Kyproksen "
                                                       "presidentiksi.", "fi")}
    assert found.get("Kreikassa") == "iso:GR" and found.get("Kyproksen") == "iso:CY"


@pytest.mark.parametrize(("text", "person"), [
    ("استقالة رئيسة وزراء المملكة المتحدة زيلمورا هولاند (في الصورة) إثر أزمة حكومية.", "زيلمورا هولاند"),
    ("الرئيس البرازيلي السابق زيلكان كاريموف (في الصورة) يفوز في الانتخابات.", "زيلكان كاريموف"),
])
def test_entities_arabic_feminine_and_qualified_titles(stage: EntityStage, text: str, person: str) -> None:
    """*رئيسة وزراء* (prime minister, feminine) and *السابق* (former) before the name: no word of the title is
    read as the name."""
    assert [name for name, kind in _found(stage, text, "ar").items() if kind == "PER"] == [person]


def test_entities_the_english_possessive_stays_outside_the_name(stage: EntityStage) -> None:
    assert set(_found(stage, "An earthquake struck Zelmorra's west, and NASA's rocket flew.", "en")) == {
        "Zelmorra", "NASA"}


@pytest.mark.parametrize(("text", "lang", "storm", "name"), [
    ("Hurricane Zelmorra impacts Cuba and Florida.", "en", "Hurricane Zelmorra", "Zelmorra"),
    ("Furacão Zelmorra atinge Cuba.", "pt", "Furacão Zelmorra", "Zelmorra"),
    ("Циклон «Зелморра» обрушился на Кубу.", "ru", "Зелморра", "Зелморра"),
    ("Orkan Zelmorra przeszedł nad Polską.", "pl", "Orkan Zelmorra", "Zelmorra"),
])
def test_entities_a_storms_name_is_an_event_with_the_name_as_its_lemma(stage: EntityStage, text: str, lang: str,
                                                                         storm: str, name: str) -> None:
    """The lemma is the name alone, so the storm's mentions merge across languages."""
    events = [(m.text, m.lemma) for m in stage.recognise(text, lang) if m.type == "EVT"]
    assert events == [(storm, name)]


def test_entities_a_storm_word_before_a_weekday_names_no_storm(stage: EntityStage) -> None:
    assert "EVT" not in _found(stage, "The storm Monday flooded the town of Zelmorra.", "en").values()


def test_entities_a_storm_merges_across_languages(stage: EntityStage) -> None:
    articles = []
    for aid, lang, text in (("a", "en", "Hurricane Zelmorra impacts Cuba."),
                            ("b", "pt", "Furacão Zelmorra atinge Cuba."),
                            ("c", "ru", "Ураган «Зелморра» обрушился на Кубу.")):
        art = Article(id=aid, text=text, lang=lang)
        art.mentions = stage.recognise(text, lang)
        articles.append(art)
    canonicalize(articles, [])
    ids = {m.entity_id for a in articles for m in a.mentions if m.type == "EVT"}
    assert len(ids) == 1 and None not in ids


@pytest.mark.parametrize(("text", "lang", "company"), [
    ("Die Volkswagen AG kündigte gestern Stellenabbau an.", "de", "Volkswagen AG"),
    ("Gestern meldete die Siemens Energy GmbH einen Gewinn.", "de", "Siemens Energy GmbH"),
    ("Shares of the Zelmorra Holdings Ltd fell on Monday.", "en", "Zelmorra Holdings Ltd"),
    ("Das Wörterbuch erschien im Hirzel Verlag. Die Verlagerung der Produktion begann.", "de", "Hirzel Verlag"),
])
def test_legal_form_joins_the_company_name(stage: EntityStage, text: str, lang: str, company: str) -> None:
    found = _found(stage, text, lang)
    assert found.get(company) == "ORG", found
    assert not any(name != company and name in company for name in found)


@pytest.mark.parametrize(("text", "lang", "org"), [
    # "according to" opening the sentence is no part of the name; Urzędu is a case of the head word urząd
    ("Według Głównego Urzędu Statystycznego inflacja spadła.", "pl", "Głównego Urzędu Statystycznego"),
    # a dative adjective before the head word belongs to the institution's name
    ("Laut Statistischem Bundesamt stieg die Inflation.", "de", "Statistischem Bundesamt"),
])
def test_institution_after_according_to(stage: EntityStage, text: str, lang: str, org: str) -> None:
    assert _found(stage, text, lang) == {org: "ORG"}


def test_legal_form_before_a_name_is_no_organisation_but_makes_one(stage: EntityStage) -> None:
    found = _found(stage, "ПАО «Газпром» подписало соглашение. ТОО «Зелморра» сообщило о росте выручки.", "ru")
    assert found == {"Газпром": "ORG", "Зелморра": "ORG"}


@pytest.mark.parametrize("text", ["Глава Минобороны Андрей Зелкин прибыл в Астану.",
                                  "Представитель Кремля Дмитрий Зелкин заявил."])
def test_title_complement_before_a_listed_first_name_is_no_part_of_the_person(stage: EntityStage, text: str) -> None:
    people = {name for name, kind in _found(stage, text, "ru").items() if kind == "PER"}
    assert people == {text.split()[2] + " Зелкин"}


@pytest.mark.parametrize(("text", "expected"), [
    # only the first word is capitalised, the head word (a case of vazirlik) ends the name; the country stays apart
    ("Oʻzbekiston Respublikasi Tashqi ishlar vazirligi bayonot berdi.",
     {"Oʻzbekiston Respublikasi": "LOC", "Tashqi ishlar vazirligi": "ORG"}),
    ("Jahon banki va Xalqaro valyuta jamgʻarmasi vakillari keldi.",
     {"Jahon banki": "ORG", "Xalqaro valyuta jamgʻarmasi": "ORG"}),
])
def test_entities_uzbek_institutions_named_by_their_first_word(stage: EntityStage, text: str,
                                                              expected: dict[str, str]) -> None:
    assert _found(stage, text, "uz") == expected


def test_compass_point_before_a_place_is_a_part_of_it(stage: EntityStage) -> None:
    found = _found(stage, "Die Kämpfe in der Ostukraine gehen weiter. Nicht nur in Nordhessen regnete es. "
                          "Zu Ostern kamen viele Gäste aus dem Westen.", "de")
    assert found == {"Ostukraine": "LOC", "Nordhessen": "LOC"}
    assert {m.kb_id for m in stage.recognise("Im Nordirak regnete es.", "de")} == {None}


def test_region_named_by_a_suffix_after_its_town_is_a_place(stage: EntityStage) -> None:
    found = _found(stage, "Кореспондент поїхав на Донеччину, а потім на Харківщину. Батьківщина понад усе.", "uk")
    assert found == {"Донеччину": "LOC", "Харківщину": "LOC"}  # from Донецьк, Харків; "homeland" names no town
    assert {m.kb_id for m in stage.recognise("Кореспондент поїхав на Донеччину.", "uk")} == {None}


def test_town_adjective_before_a_place_head_word_names_one_place(stage: EntityStage) -> None:
    found = _found(stage, "Am Frankfurter Hauptbahnhof fielen Züge aus. Der Lehrter Bahnhof wurde umgebaut.", "de")
    assert found == {"Frankfurter Hauptbahnhof": "LOC", "Lehrter Bahnhof": "LOC"}


def test_leading_article_of_a_gazetteer_name_is_left_out(stage: EntityStage) -> None:
    assert _found(stage, "The European Union and the United Kingdom signed it.", "en") == {
        "European Union": "ORG", "United Kingdom": "LOC"}
    assert _found(stage, "Judges in The Hague ruled.", "en") == {"The Hague": "LOC"}


def test_caseless_name_after_a_title_ends_at_a_postposition_or_conjunction() -> None:
    rules = EntityStage(use_natasha=False, use_tagger=False)
    text = "राष्ट्रपति ज़ेलकान नियमित रूप से मिलते हैं और मंत्री ज़ेलमोरा कुमार ने कहा।"  # "regularly", "and"
    assert {m.text for m in rules.recognise(text, "hi") if m.type == "PER"} == {"ज़ेलकान", "ज़ेलमोरा कुमार"}


def test_lone_capitalised_word_rarer_than_common_words_is_a_name(stage: EntityStage) -> None:
    # Tatrach (the Tatra mountains, locative) has Zipf 3.4 in Polish: no common word there, so a name
    assert "Tatrach" in _found(stage, "Turyści wędrowali latem po Tatrach.", "pl")


def test_head_word_before_a_place_names_an_organisation(stage: EntityStage) -> None:
    assert _found(stage, "Flights of Air India were cancelled.", "en") == {"Air India": "ORG"}


def test_country_opening_another_name_is_no_institution_s_country(stage: EntityStage) -> None:
    # "the plane of the company British Airways": no institution "Letalo družbe" of the United Kingdom
    assert _found(stage, "Letalo družbe British Airways je pristalo.", "sl") == {"British Airways": "ORG"}


def test_name_a_knowledge_list_writes_in_lower_case_is_matched_so(stage: EntityStage) -> None:
    found = {(m.text, m.kb_id) for m in stage.recognise("Po poročanju agencije dpa je letalo pristalo.", "sl")}
    assert found == {("dpa", "org:DPA")}
    # CLDR's lower-case language names are not meant so: Polish "polski" (Polish) is an ordinary word
    assert _found(stage, "To jest polski samolot.", "pl") == {}


def test_person_span_loses_a_weekday_or_relative_day_opening_the_sentence() -> None:
    from newsweave.stages.entities import _Doc, person_start

    doc = _Doc("Бүгін Зелкан Зелмор Астанаға келді.", "kk", [])  # "today Zelkan Zelmor came to Astana"
    assert person_start(doc, 0, 3) == 1
    assert person_start(_Doc("Зелкан Зелмор келді.", "kk", []), 0, 2) == 0


def test_three_letter_head_word_in_a_short_case_and_not_in_a_first_name(stage: EntityStage) -> None:
    assert _found(stage, "W środę ogłoszono decyzję Sądu Najwyższego.", "pl") == {"Sądu Najwyższego": "ORG"}
    assert _found(stage, "Včera Radek Zelmorra přiletěl do Prahy.", "cs") == {"Radek Zelmorra": "PER", "Prahy": "LOC"}


def test_town_in_a_case_after_a_title_is_the_title_s_town(stage: EntityStage) -> None:
    found = _found(stage, "Решение мэра Москвы Ивана Зелкина было отменено.", "ru")
    assert found == {"Москвы": "LOC", "Ивана Зелкина": "PER"}


def test_news_site_with_its_domain_is_one_organisation(stage: EntityStage) -> None:
    found = _found(stage, "Wynika to z badania Zelmorra.org. Jan Zelkan napisał w serwisie Onet.pl.", "pl")
    assert found == {"Zelmorra.org": "ORG", "Jan Zelkan": "PER", "Onet.pl": "ORG"}


def test_natasha_organisations_of_common_words_or_with_a_legal_form_before() -> None:
    russian = EntityStage(use_tagger=False)
    found = {(m.text, m.type) for m in russian.recognise(
        "По данным СМИ, рейс отменён. Если Вы хотите узнать больше, звоните. Об этом сообщает ИА REGNUM.", "ru")}
    assert found == {("REGNUM", "ORG")}


def test_natasha_title_alone_opening_a_sentence_is_no_name() -> None:
    russian = EntityStage(use_tagger=False)
    found = {(m.text, m.type) for m in russian.recognise("Аким Зелморрской области выступил с докладом.", "ru")}
    assert found == {("Зелморрской области", "LOC")}


def test_natasha_names_the_quoted_words_without_those_before_the_quotes() -> None:
    russian = EntityStage(use_tagger=False)
    found = {(m.text, m.type) for m in russian.recognise("Омский «Авангард» на домашнем льду уступил гостям.", "ru")}
    assert ("Авангард", "ORG") in found and not any("«" in text for text, _ in found)


def test_listed_people_link_in_every_script_and_keep_another_given_name_apart() -> None:
    stage = EntityStage(use_natasha=False)  # with the Hindi tagger, which must not withdraw a listed person
    lukashenko = "per:AlexanderLukashenko"
    polish = {(m.text, m.kb_id) for m in stage.recognise("Nazwiska: Łukaszenką, Aleksander Łukaszenka.", "pl")}
    assert polish == {("Łukaszenką", lukashenko), ("Aleksander Łukaszenka", lukashenko)}  # a spelling not listed
    hindi = {(m.text, m.kb_id) for m in stage.recognise("सूची में लुकाशेंको और मोदी के नाम हैं।", "hi")}
    assert hindi == {("लुकाशेंको", lukashenko), ("मोदी", "per:NarendraModi")}
    english = {(m.text, m.type, m.kb_id) for m in stage.recognise("Names: Zelkan Biden, Joe Biden, Biden.", "en")}
    assert english == {("Zelkan Biden", "PER", None), ("Joe Biden", "PER", "per:JoeBiden"),
                       ("Biden", "PER", "per:JoeBiden")}  # another given name makes another person


def test_surname_found_again_after_given_names_takes_them(stage: EntityStage) -> None:
    found = [(m.text, m.type) for m in stage.recognise("Hunter Zelkin met Joe Zelkin. Zelkin said so.", "en")]
    assert found == [("Hunter Zelkin", "PER"), ("Joe Zelkin", "PER"), ("Zelkin", "PER")]


def test_entities_russian_adjectives_of_place_names_in_a_case(stage: EntityStage) -> None:
    """The prepositional of a name's adjective reads back to its nominative (*Петропавловске-Камчатском*, *Нижнем
    Тагиле*); a language's adjective so read opens a name rather than blocking it as a language (*Японском море*)."""
    assert _found(stage, "Митинг прошёл в Петропавловске-Камчатском.", "ru") == {
        "Петропавловске-Камчатском": "LOC"}
    assert _found(stage, "Завод стоит в Нижнем Тагиле.", "ru") == {"Нижнем Тагиле": "LOC"}
    assert _found(EntityStage(), "Учения прошли в Японском море.", "ru") == {"Японском море": "LOC"}  # natasha's
