"""Rule and gazetteer layers on made-up sentences: inflection, shouted words, names repeated in other forms."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsweave.stages.entities import EntityStage


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage(use_natasha=False, use_tagger=False)


def _found(stage: EntityStage, text: str, lang: str) -> set[tuple[str, str, str | None]]:
    return {(m.text, m.type, m.kb_id) for m in stage.recognise(text, lang)}


def _typed(stage: EntityStage, lang: str) -> Callable[[str], set[tuple[str, str]]]:
    """(text, type) of each mention ``stage`` finds in a text of ``lang``."""
    return lambda text: {(m.text, m.type) for m in stage.recognise(text, lang)}


def test_entities_rules_polish_stem_alternations_reach_the_base_name(stage: EntityStage) -> None:
    text = "Spotkanie odbyło się w Kanadzie, a potem w Polsce i we Włoszech. Wizyta w Wielkiej Brytanii trwała dwa dni."
    assert _found(stage, text, "pl") == {("Kanadzie", "LOC", "iso:CA"), ("Polsce", "LOC", "iso:PL"),
                                         ("Włoszech", "LOC", "iso:IT"), ("Wielkiej Brytanii", "LOC", "iso:GB")}


def test_entities_rules_czech_and_ukrainian_alternations(stage: EntityStage) -> None:
    cs = _found(stage, "Ministr přiletěl z Velké Británie a mluvil o Velké Británii.", "cs")
    assert {(t, k) for t, _, k in cs} == {("Velké Británie", "iso:GB"), ("Velké Británii", "iso:GB")}
    uk = _found(stage, "Делегація прибула до Львова з Нідерландів, а потім поїхала до Києва.", "uk")
    assert {(t, k) for t, _, k in uk} == {("Львова", "geonames:702550"), ("Нідерландів", "iso:NL"),
                                          ("Києва", "geonames:703448")}


def test_entities_rules_given_name_before_a_surname_is_no_place(stage: EntityStage) -> None:
    """A place's name that is also a given name, before a surname, opens a person's name (Victoria in Australia,
    Sofia, Alexandria had been found in the given names)."""
    text = "Слова Виктора Зелкина подтвердила сестра Софии Зелкиной."
    assert {(m.text, m.type) for m in stage.recognise(text, "ru")} == {("Виктора Зелкина", "PER"),
                                                                       ("Софии Зелкиной", "PER")}
    assert ("Victoria", "LOC") in {(m.text, m.type) for m in stage.recognise("Zelkin landed in Victoria.", "en")}


def test_entities_rules_shouted_common_word_is_no_organisation(stage: EntityStage) -> None:
    assert _found(stage, "ПІДТРИМКА\nУряд ухвалив рішення про бюджет.", "uk") == set()


def test_entities_rules_known_full_name_wins_over_an_inflected_place(stage: EntityStage) -> None:
    text = ("Ve středu přiletěla Sofia Dvořáková do Brna. Novináři se Sofii Dvořákové ptali na cestu. "
            "Sofia Dvořáková odpověděla.")
    people = [m.text for m in stage.recognise(text, "cs") if m.type == "PER"]
    assert people == ["Sofia Dvořáková", "Sofii Dvořákové", "Sofia Dvořáková"]


def test_entities_rules_name_particles_stay_inside_the_name(stage: EntityStage) -> None:
    pl = _found(stage, "Wczoraj z dziennikarzami rozmawiała Ursula von der Leyen, a potem Baszar al-Asad.", "pl")
    assert {(t, k) for t, k, _ in pl} >= {("Ursula von der Leyen", "PER"), ("Baszar al-Asad", "PER")}
    # an article after a name is no particle, and Turkish "de" ("too") separates two names
    de = {m.text for m in stage.recognise("Das sagte gestern Hannes Brümmerstedt der Zeitung.", "de")}
    assert not any("der" in t for t in de)
    tr = {m.text for m in stage.recognise("Toplantıya Ahmet Yıldızoğlu de Mehmet Karaçelik de katıldı.", "tr")}
    assert not any(" de " in t for t in tr)


def test_entities_rules_country_case_form_beats_a_language_name(stage: EntityStage) -> None:
    found = _found(stage, "Wiele osób wróciło do Polski w tym roku.", "pl")
    assert found == {("Polski", "LOC", "iso:PL")}


def test_entities_rules_word_also_written_in_lower_case_is_no_town(stage: EntityStage) -> None:
    text = "Sami mieszkańcy nie wiedzieli. Przyszli sami, bez nikogo."
    assert not [m for m in stage.recognise(text, "pl") if m.type == "LOC"]


def test_entities_rules_regnal_number_belongs_to_the_name(stage: EntityStage) -> None:
    people = {m.text for m in stage.recognise("Wczoraj papież Benedykt XVI przyjął gości.", "pl") if m.type == "PER"}
    assert people == {"Benedykt XVI"}


def test_entities_rules_currency_codes_and_codes_with_digits_are_no_organisations(stage: EntityStage) -> None:
    found = _found(stage, "Bilet kosztował 20 EUR, a lot FR1234 był opóźniony.", "pl")
    assert not [t for t, k, _ in found if k == "ORG"]


def test_entities_rules_inflected_country_with_title_case_words(stage: EntityStage) -> None:
    found = _found(stage, "Wrócił z Włoch, a potem pojechał do Wrocławia i z Węgier do Poznania.", "pl")
    assert {(t, k) for t, _, k in found} == {("Włoch", "iso:IT"), ("Wrocławia", "geonames:3081368"),
                                             ("Węgier", "iso:HU"), ("Poznania", "geonames:3088171")}


def test_entities_rules_polish_adjectives_in_the_instrumental_and_locative(stage: EntityStage) -> None:
    """*-ym*, *-im* end a Polish adjective in two cases: *w Nowym Jorku* is New York, *nad Morzem Bałtyckim* the
    Baltic Sea (*Morze Bałtyckie*), not the town *Jork* or a person."""
    found = _found(stage, "Obrady w Nowym Jorku, a potem rejs nad Morzem Bałtyckim.", "pl")
    assert {(t, k) for t, _, k in found} == {("Nowym Jorku", "geonames:5128581"),
                                             ("Morzem Bałtyckim", "region:baltic-sea")}


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("Mapa ukazuje trasu ve Spojených státech a v Černém moři.", "cs", {("Spojených státech", "iso:US"),
                                                                       ("Černém moři", "region:black-sea")}),
    ("Zpráva zmiňuje zástupce Evropského parlamentu.", "cs", {("Evropského parlamentu", "org:EP")}),
    ("Mapa ukazuje cestu z Jižní Koreje do Spojených států.", "cs", {("Jižní Koreje", "iso:KR"),
                                                                   ("Spojených států", "iso:US")}),
    ("На карті є кордони Сполучених Штатів і прапор Європейського Союзу.", "uk", {
        ("Сполучених Штатів", "iso:US"), ("Європейського Союзу", "iso:EU")}),
    ("Na zemljevidu so mesta v Združenih državah in v Združenih arabskih emiratih.", "sl", {
        ("Združenih državah", "iso:US"), ("Združenih arabskih emiratih", "iso:AE")}),
    ("На картата са Съединените щати.", "bg", {("Съединените щати", "iso:US")}),
])
def test_entities_rules_slavic_adjectives_decline_to_their_nominative(
        stage: EntityStage, text: str, lang: str, want: set[tuple[str, str]]) -> None:
    """A name opening with an adjective is listed in the nominative (*Spojené státy*, *Сполучені Штати*): its cases
    (*-ých*, *-ém*, *-ého*; *-их*, *-ого*; Slovene *-ih*, *-ah*) and the Bulgarian plural article *-те* read back to
    the ending the list writes, and so do Czech *Koreje*, *států*."""
    assert {(t, k) for t, _, k in _found(stage, text, lang)} == want


def test_entities_rules_a_turkish_apostrophe_ending_marks_a_name_however_frequent(stage: EntityStage) -> None:
    """Turkish writes a case ending after an apostrophe only on names: a word as frequent as the surname *Bozkurt*
    (Zipf 4.2, also a common noun) is a name when so written, also opening a sentence and after a listed given
    name."""
    for text, want in (("Ayten, Bozkurt'un sözlerine yanıt verdi.", "Bozkurt'un"),
                       ("Bozkurt'un sözlerine yanıt verdi.", "Bozkurt'un"),
                       ("Kemal Bozkurt'un sözleri tartışıldı.", "Kemal Bozkurt'un")):
        assert want in {t for t, _, _ in _found(stage, text, "tr")}, text


def test_entities_rules_a_surname_built_on_a_title_is_no_title(stage: EntityStage) -> None:
    """*-oğlu* ("son of") makes a surname of any word: *Valioğlu* is no inflected *vali* (governor), so the name
    after the title runs on over it, as the title *Vali* before a name still opens none."""
    assert {t for t, k, _ in _found(stage, "Belediye Başkanı Ekrem Valioğlu konuştu.", "tr")
            if k == "PER"} == {"Ekrem Valioğlu"}
    assert {t for t, _, _ in _found(stage, "Vali Zelkan Yavaş konuştu.", "tr")} == {"Zelkan Yavaş"}


def test_entities_rules_the_uzbek_title_for_prime_minister_is_no_company(stage: EntityStage) -> None:
    """Uzbek *Бош вазир* ("prime minister", *бош* "head") opens a title, written with a capital: no listed
    company's name (Russian writes Bosch *Бош*, which the list therefore leaves out)."""
    found = _found(stage, "Қозоғистон Бош вазири Зелкан Зелмиров Тошкентга келди.", "uz")
    assert not [t for t, k, _ in found if k == "ORG"]


def test_entities_rules_news_agencies_are_organisations(stage: EntityStage) -> None:
    found = _found(stage, "Jak podała agencja Reutera, a za nią Associated Press i AFP, rozmowy trwały.", "pl")
    assert {(t, k) for t, k, _ in found} == {("Reutera", "ORG"), ("Associated Press", "ORG"), ("AFP", "ORG")}


def test_entities_rules_title_before_an_organisation_and_a_person(stage: EntityStage) -> None:
    text = "Wczoraj przewodniczący Parlamentu Europejskiego Antonio Tajani przyjechał do Rzymu."
    found = {(t, k) for t, k, _ in _found(stage, text, "pl")}
    assert {("Parlamentu Europejskiego", "ORG"), ("Antonio Tajani", "PER")} <= found
    # an office named past a run's first four words: the person opens with the given name
    text = "Wczoraj prezes Urzędu Regulacji Energetyki Adam Zelkowski zabrał głos."
    found = {(t, k) for t, k, _ in _found(stage, text, "pl")}
    assert {("Urzędu Regulacji Energetyki", "ORG"), ("Adam Zelkowski", "PER")} <= found


def test_entities_rules_an_office_after_a_title_is_no_person(stage: EntityStage) -> None:
    found = _found(stage, "Wczoraj Rzecznik Praw Obywatelskich skierował pismo.", "pl")
    assert not {t for t, k, _ in found if k == "PER"}
    found = _found(stage, "Wczoraj Minister Zdrowia Adam Zelkowski ogłosił plan, a minister Kot go poparł.", "pl")
    assert {(t, k) for t, k, _ in found if k == "PER"} == {("Adam Zelkowski", "PER"), ("Kot", "PER")}


def test_entities_rules_particle_joined_name_is_no_town(stage: EntityStage) -> None:
    found = _found(stage, "Wczoraj przemawiał generał Zia-ul-Haq przed tłumem.", "pl")
    assert {(t, k) for t, k, _ in found} == {("Zia-ul-Haq", "PER")}


def test_entities_rules_world_regions_from_cldr(stage: EntityStage) -> None:
    uz = _found(stage, "Марказий Осиё давлатлари Европа ва Осиё бозорларига чиқмоқда.", "uz")
    assert {(t, k) for t, _, k in uz} == {("Марказий Осиё", "region:143"), ("Европа", "geonames:6255148"),
                                          ("Осиё", "geonames:6255147")}
    tr = _found(stage, "Orta Asya ülkeleri ve Latin Amerika arasında ticaret büyüyor.", "tr")
    assert {(t, k) for t, _, k in tr} == {("Orta Asya", "region:143"), ("Latin Amerika", "region:419")}


def test_entities_rules_quoted_name_with_a_head_word_is_an_organisation(stage: EntityStage) -> None:
    found = _found(stage, "Jak pisze „Gazeta Wyborcza”, rozmowy trwały długo.", "pl")
    assert {(t, k) for t, k, _ in found} == {("Gazeta Wyborcza", "ORG")}


def test_entities_rules_quoted_name_after_an_organisation_word(stage: EntityStage) -> None:
    ru = _found(stage, "Договор подписала компания «Северный поток» в понедельник.", "ru")
    assert ("Северный поток", "ORG", None) in ru
    bg = _found(stage, "Договорът беше подписан от компанията „Северен поток“ в понеделник.", "bg")
    assert ("Северен поток", "ORG", None) in bg


def test_entities_rules_role_word_before_a_name_is_left_out(stage: EntityStage) -> None:
    hi = [(m.text, m.type) for m in stage.recognise("दिल्ली में शिक्षिका मीरा अय्यर ने कहा कि स्कूल बंद रहेगा।", "hi")]
    assert ("मीरा अय्यर", "PER") in hi and not any("शिक्षिका" in t for t, _ in hi)
    pl = _found(stage, "Wczoraj trener Jan Urban powiedział, że drużyna jest gotowa.", "pl")
    assert {(t, k) for t, k, _ in pl} == {("Jan Urban", "PER")}


def test_entities_rules_surname_with_an_elided_prefix_stays_whole(stage: EntityStage) -> None:
    cs = _found(stage, "Podle něj to uvedl generální ředitel Michael O'Leary ve svém projevu.", "cs")
    assert {(t, k) for t, k, _ in cs} == {("Michael O'Leary", "PER")}


def test_entities_rules_bare_name_after_a_company_noun_is_an_organisation(stage: EntityStage) -> None:
    sl = _found(stage, "Letalska družba Ryanair je odpovedala lete. Pri Ryanairu pravijo, da ni kriva.", "sl")
    assert {(t, k) for t, k, _ in sl} == {("Ryanair", "ORG"), ("Ryanairu", "ORG")}
    fr = _found(stage, "Francouzský dopravce Air France navíc oznámil stávku.", "cs")
    assert {(t, k) for t, k, _ in fr} == {("Air France", "ORG")}


def test_entities_rules_name_after_a_role_and_a_company_noun_stays_a_person(stage: EntityStage) -> None:
    cs = _found(stage, "Podle něj to uvedl šéf společnosti Michael O'Leary na tiskové konferenci.", "cs")
    assert [t for t, _, _ in cs] == ["Michael O'Leary"] and all(k != "ORG" for _, k, _ in cs)


def test_entities_rules_place_named_like_a_persons_first_name_is_that_person(stage: EntityStage) -> None:
    text = ("Wczoraj sąd uwolnił kobietę Asia Bibi. Mówi się, że Asia przebywa w ukryciu. "
            "Samolot poleciał do Azji.")
    assert {(t, k) for t, k, _ in _found(stage, text, "pl")} == {("Asia Bibi", "PER"), ("Asia", "PER"),
                                                                 ("Azji", "LOC")}


def test_entities_rules_foreign_organisation_head_words(stage: EntityStage) -> None:
    text = "Bilety sprzedaje także Wizz Air, a piloci zrzeszeni w Vereinigung Cockpit strajkują."
    assert {(t, k) for t, k, _ in _found(stage, text, "pl")} == {("Wizz Air", "ORG"), ("Vereinigung Cockpit", "ORG")}


def test_entities_rules_one_sense_per_text_company_cue_beats_person_cue(stage: EntityStage) -> None:
    text = "Przewoźnik Wizzlot odwołał loty. Rzecznik Wizzlotu powiedział, że Wizzlot nie zapłaci."
    types = {(m.text, m.type) for m in stage.recognise(text, "pl")}
    assert types == {("Wizzlot", "ORG"), ("Wizzlotu", "ORG")}


def test_entities_rules_city_named_like_a_common_word_is_a_place_outside_that_language(stage: EntityStage) -> None:
    polish = _found(stage, "Pojechał do Porto, a potem do Frankfurtu i Essen.", "pl")
    assert {t for t, ty, _ in polish if ty == "LOC"} == {"Porto", "Frankfurtu", "Essen"}
    german = _found(stage, "Nach dem Essen fuhren sie weiter.", "de")
    assert german == set()


def test_entities_rules_continent_opening_a_sentence_is_a_place(stage: EntityStage) -> None:
    # *Europas*, *Afrikas*: frequent inflected words opening a sentence, but a continent is as sure as a country
    found = _found(stage, "Europas größte Fluglinie wächst. Afrikas Bevölkerung auch.", "de")
    assert {(t, ty) for t, ty, _ in found} == {("Europas", "LOC"), ("Afrikas", "LOC")}


def test_entities_rules_english_language_name_is_no_place(stage: EntityStage) -> None:
    # English writes a language's name, also its people's adjective, with a capital: neither names the country
    found = _found(stage, "Zelmorran troops left, a Kazakh official said in Russia, speaking Russian.", "en")
    assert {(t, ty) for t, ty, _ in found} == {("Russia", "LOC")}
    assert ("Kazakh", "LOC") not in {(t, ty) for t, ty, _ in _found(stage, "Kazakh oil exports grew.", "en")}
    # a name made with it stays whole
    assert {(t, ty) for t, ty, _ in _found(stage, "He lives in the Russian Federation.", "en")} == {
        ("Russian Federation", "LOC")}


def test_entities_rules_place_preposition_admits_a_city_named_like_a_common_word(stage: EntityStage) -> None:
    # Marseille and Essen are among their language's commonest words; after "à"/"nach" they are the city.
    french = _found(stage, "Le ministre est arrivé lundi à Marseille.", "fr")
    assert {(t, ty) for t, ty, _ in french} == {("Marseille", "LOC")}
    german = _found(stage, "Nach dem Essen fuhren sie nach Essen.", "de")
    assert {(t, ty) for t, ty, _ in german} == {("Essen", "LOC")}



def test_entities_rules_own_language_common_city_name_inside_a_sentence_is_a_place(stage: EntityStage) -> None:
    # Bologna, Brno, Ostrava and Trabzon are among their own language's commonest words for being big cities: a
    # language that capitalises names, not nouns, writes them so inside a sentence as the city
    italian = _found(stage, "La mappa mostra Bologna.", "it")
    assert {(t, ty) for t, ty, _ in italian} == {("Bologna", "LOC")}
    czech = _found(stage, "Na mapě jsou Ostrava a Brno.", "cs")
    assert {(t, ty) for t, ty, _ in czech} == {("Ostrava", "LOC"), ("Brno", "LOC")}
    # Turkish writes a case ending after an apostrophe on names alone, also opening a sentence
    turkish = _found(stage, "Trabzon'un adı listede geçiyor. Haritada Trabzon'un yeri görülüyor.", "tr")
    assert {(t, ty) for t, ty, _ in turkish} == {("Trabzon'un", "LOC")}
    # opening a longer name, the word is that name's (Portuguese "Serra da Estrela", a mountain range)
    assert ("Serra", "LOC") not in {(t, ty) for t, ty, _ in _found(stage, "A Serra da Estrela teve neve.", "pt")}
    # where nouns take capitals too it stays a word (German "Essen", food)
    assert _found(stage, "Sie kochten das Essen zusammen.", "de") == set()

def test_entities_rules_states_and_provinces_are_places(stage: EntityStage) -> None:
    hindi = _found(stage, "गुजरात और केरल में चुनाव हुए।", "hi")
    assert hindi == {("गुजरात", "LOC", "iso3166-2:IN-GJ"), ("केरल", "LOC", "iso3166-2:IN-KL")}
    polish = _found(stage, "Powódź w Kerali i w Pendżabie.", "pl")
    assert polish == {("Kerali", "LOC", "iso3166-2:IN-KL"), ("Pendżabie", "LOC", "iso3166-2:IN-PB")}


def test_entities_rules_regions_and_seas_are_one_place_in_every_language(stage: EntityStage) -> None:
    # Neither GeoNames' cities nor ISO 3166-2 names Crimea or the Black Sea as news does: data/regions.tsv.
    polish = _found(stage, "Okręty wypłynęły z Krymu na Morze Czarne, a na Krymie trwały ćwiczenia.", "pl")
    assert polish == {("Krymu", "LOC", "iso3166-2:UA-43"), ("Morze Czarne", "LOC", "region:black-sea"),
                      ("Krymie", "LOC", "iso3166-2:UA-43")}
    russian = _found(stage, "Мост соединяет материк с Крымом через Азовское море.", "ru")
    assert russian == {("Крымом", "LOC", "iso3166-2:UA-43"), ("Азовское море", "LOC", "region:sea-of-azov")}
    turkish = _found(stage, "Rusya Kırım’ı ilhak etti; Karadeniz ve Orta Doğu gündemde.", "tr")
    assert turkish == {("Rusya", "LOC", "iso:RU"), ("Kırım’ı", "LOC", "iso3166-2:UA-43"),
                       ("Karadeniz", "LOC", "region:black-sea"), ("Orta Doğu", "LOC", "region:middle-east")}
    german = _found(stage, "Die Schiffe fuhren über das Schwarze Meer in die Ostsee.", "de")
    assert german == {("Schwarze Meer", "LOC", "region:black-sea"), ("Ostsee", "LOC", "region:baltic-sea")}
    hindi = _found(stage, "रूस ने क्रीमिया पर कब्जा किया।", "hi")
    assert ("क्रीमिया", "LOC", "iso3166-2:UA-43") in hindi
    kazakh = _found(stage, "Ертіс өзені тасыды.", "kk")
    assert ("Ертіс", "LOC", "region:irtysh") in kazakh


def test_entities_rules_provinces_under_a_geographical_grouping_are_places(stage: EntityStage) -> None:
    # ISO 3166-2 puts Indonesia's provinces under its islands ("geographical units"): they are still the first
    # administrative level.
    indonesian = _found(stage, "Banjir melanda Jawa Barat pekan ini.", "id")
    assert indonesian == {("Jawa Barat", "LOC", "iso3166-2:ID-JB")}
    polish = _found(stage, "Powódź na Jawie Zachodniej.", "pl")
    assert polish == {("Jawie Zachodniej", "LOC", "iso3166-2:ID-JB")}


def test_entities_rules_inflected_state_before_an_agreeing_surname_is_a_first_name(stage: EntityStage) -> None:
    found = _found(stage, "Встреча с Виктором Януковичем прошла в Киеве.", "ru")
    assert not any(kb and kb.startswith("iso3166-2:") for _, _, kb in found)
    assert any(t == "Виктором Януковичем" for t, _, _ in found)


def test_entities_rules_institution_of_a_country_is_one_organisation() -> None:
    stage = EntityStage(use_tagger=False)
    found = {(m.text, m.type) for m in stage.recognise("Решение принял Верховный суд Пакистана в среду.", "ru")}
    assert ("Верховный суд Пакистана", "ORG") in found
    assert not any(t == "Пакистана" for t, _ in found)


def test_entities_rules_title_with_an_organisation_before_the_person(stage: EntityStage) -> None:
    found = {(m.text, m.type) for m in stage.recognise("Szef Wizzlotu Michael Kowalsky powiedział to wczoraj.", "pl")}
    assert ("Michael Kowalsky", "PER") in found
    assert not any(t.startswith("Wizzlotu ") for t, _ in found)


def test_entities_rules_elided_prefix_surname_opening_a_sentence(stage: EntityStage) -> None:
    found = {(m.text, m.type) for m in stage.recognise("Prevoznik je odpovedal lete. O’Leary je povedal.", "sl")}
    assert ("O’Leary", "PER") in found


def test_entities_rules_first_word_capitalised_institution_with_its_country(stage: EntityStage) -> None:
    found = {(m.text, m.type) for m in stage.recognise("Върховният съд на Пакистан оправда жената.", "bg")}
    assert found == {("Върховният съд на Пакистан", "ORG")}
    for text, lang, bank in [("Говорихме за Централната банка на Русия.", "bg", "Централната банка на Русия"),
                             ("Ми писали про Національний банк України.", "uk", "Національний банк України")]:
        assert (bank, "ORG") in {(m.text, m.type) for m in stage.recognise(text, lang)}
    generic = {(m.text, m.type) for m in stage.recognise("Rozhodnutí potvrdil Nejvyšší soud včera.", "cs")}
    assert ("Nejvyšší soud", "ORG") not in generic  # a description without its country


def test_entities_rules_first_word_capitalised_institution_with_its_town(stage: EntityStage) -> None:
    """Capitalised adjectives, the lower-case head word and the town it serves, in the genitive or after a place
    preposition: one body (the town had been the only mention)."""
    for text, lang, body in [("Rozsudek vynesl Krajský soud v Brně minulý týden.", "cs", "Krajský soud v Brně"),
                             ("Запобіжний захід обрав Печерський районний суд Києва у вівторок.", "uk",
                              "Печерський районний суд Києва"),
                             ("Делото се гледа от Районния съд в Лахор.", "bg", "Районния съд в Лахор")]:
        found = {(m.text, m.type) for m in stage.recognise(text, lang)}
        assert found == {(body, "ORG")}, (lang, found)
    # a verb between a surname and the head word makes no body; nor does a common adjective opening a sentence
    for text in ("Podle zprávy Novotný řídí společnost v Praze.", "Nová společnost v Praze vznikla loni."):
        assert not any(m.type == "ORG" for m in stage.recognise(text, "cs")), text


def test_entities_rules_known_surname_with_elided_prefix_keeps_it(stage: EntityStage) -> None:
    text = "Direktor Michael O'Leary je dejal, da ga skrbi. Pozneje je povedal tudi O'Leary sam."
    texts = [m.text for m in stage.recognise(text, "sl") if m.type == "PER"]
    assert texts == ["Michael O'Leary", "O'Leary"]


def test_entities_rules_caseless_acronym_of_a_concept_is_no_organisation(stage: EntityStage) -> None:
    text = ("पिछले साल विदेशी प्रत्यक्ष निवेश ( एफडीआई ) बढ़ा । गांव अब ओडीएफ ( खुले में शौच से मुक्ति ) हैं । "
            "राष्ट्रीय आवास बैंक ( एनएचबी ) ने ऋण दिया ।")
    found = {(t, k) for t, k, _ in _found(stage, text, "hi")}
    assert ("एफडीआई", "ORG") not in found and ("ओडीएफ", "ORG") not in found
    assert ("एनएचबी", "ORG") in found


def test_entities_rules_latin_gloss_in_urdu_is_judged_as_english(stage: EntityStage) -> None:
    text = "شہروں میں کئی فوڈ اسٹریٹ ( Food Streets ) ابھر آئی ہیں اور جسامت ( Body Frame ) کے تین زمرے ہیں ۔"
    assert not {(t, k) for t, k, _ in _found(stage, text, "ur") if k == "PER"}


def test_entities_rules_name_honorific_opens_the_name_office_title_does_not(stage: EntityStage) -> None:
    found = _found(stage, "इस अवसर पर नवाब वाजिद अली शाह और प्रधानमंत्री नरेन्द्र मोदी पहुंचे ।", "hi")
    names = {t for t, k, _ in found if k == "PER"}
    assert "नवाब वाजिद अली शाह" in names
    assert not any(t.startswith("प्रधानमंत्री") for t in names)


def test_entities_rules_what_an_office_holder_became_is_no_name(stage: EntityStage) -> None:
    # "was elected the new president": the word between the office and "be" is a predicate, not a person
    for text, lang in (("वह देश के नए राष्ट्रपति निर्वाचित हुए हैं ।", "hi"), ("وہ ملک کے نئے صدر منتخب ہوئے ہیں۔", "ur")):
        assert not {t for t, k, _ in _found(stage, text, lang) if k == "PER"}, text
    assert ("रामलाखन", "PER") in {(t, k) for t, k, _ in _found(stage, "राष्ट्रपति रामलाखन ने कहा ।", "hi")}


def test_entities_rules_caseless_place_naming_an_institution_is_part_of_it(stage: EntityStage) -> None:
    found = {(t, k) for t, k, _ in _found(stage, "कल दिल्ली विश्वविद्यालय ने नतीजे जारी किए ।", "hi")}
    assert ("दिल्ली विश्वविद्यालय", "ORG") in found and ("दिल्ली", "LOC") not in found


def test_entities_rules_label_of_a_number_code_is_no_organisation(stage: EntityStage) -> None:
    found = _found(stage, "Stuttgart 1990, ISBN 3-7776-0477-1. Vgl. PMID 17117481. Die UNO hat 193 Mitglieder.", "de")
    assert {t for t, k, _ in found if k == "ORG"} == {"UNO"}


def test_entities_rules_name_before_postposed_honorific_not_letter_g(stage: EntityStage) -> None:
    hi = _found(stage, "इस पर गांधी जी के विचार अलग थे । जी-20 की बैठक हुई ।", "hi")
    assert {(t, k) for t, k, _ in hi if k == "PER"} == {("गांधी", "PER")}
    ur = _found(stage, "گزشتہ برسوں کے دوران جی آئی ٹیگ دیا گیا ۔", "ur")
    assert not {t for t, k, _ in ur if k == "PER"}


def test_entities_rules_post_author_on_a_byline_is_a_person_and_the_handle_no_name(stage: EntityStage) -> None:
    text = ("Die Gespräche dauerten zwei Stunden.\n"
            "The talks were frank and long\n"
            "— Marta Velasco-Ruiz (@MVelascoR7) March 3, 2023\n"
            "Heavy rain in the north\n"
            "— NewsDeskTv (@NewsDeskTv) March 3, 2023\n"
            "Markets closed early\n"
            "— Harbour Daily News (@HarbourDN) March 3, 2023\n")
    found = _found(stage, text, "de")
    assert ("Marta Velasco-Ruiz", "PER", None) in found
    assert not any(t == "MVelascoR7" for t, _, _ in found)
    # an account of one word, or of common English words, may be an outlet: the byline does not make it a person
    assert not any(ty == "PER" and t in ("NewsDeskTv", "Harbour Daily News") for t, ty, _ in found)
    # in a caseless script the author's whole name is kept, vowel signs included (मोदी ends in the mark ी)
    hindi = _found(stage, "बात हुई।\nThe talks were frank\n— रामलाखन वर्मा (@rlverma) March 3, 2023\n", "hi")
    assert ("रामलाखन वर्मा", "PER", None) in hindi


def test_entities_rules_another_languages_country_name_that_is_a_common_word_starts_no_place(
        stage: EntityStage) -> None:
    # Portuguese "Benim" (Benin) is Turkish "my"; Turkish calls the country "Benin"
    assert _found(stage, "Benim için bu ziyaret çok önemli, dedi bakan.", "tr") == set()
    assert _found(stage, "Benin ile anlaşma imzalandı.", "tr") == {("Benin", "LOC", "iso:BJ")}
    # a frequent acronym and a country's own name stay places at a sentence start
    assert ("США", "LOC", "iso:US") in _found(stage, "США і Канада домовилися.", "uk")
    assert ("İran", "LOC", "iso:IR") in _found(stage, "İran ve Irak görüştü.", "tr")


def test_entities_rules_turkish_two_word_compound_and_ordinal_period_inside_a_name(stage: EntityStage) -> None:
    # "iş birliği" (cooperation) keeps its second half in lower case inside names; "20." is an ordinal, no
    # sentence end, and a sentence's first word before a name found elsewhere is no part of it
    text = ("Bakanlar 20. Kıyıkent İş birliği Forumu oturumuna katıldı. Şanghay İş birliği Örgütü de "
            "davet edildi. Düzenlenen Kıyıkent İş birliği Forumu başarılı geçti; kıyıkent bağları güçlendi.")
    orgs = [t for t, ty, _ in sorted(_found(stage, text, "tr")) if ty == "ORG"]
    assert orgs == ["Kıyıkent İş birliği Forumu", "Şanghay İş birliği Örgütü"]
    assert _found(stage, "İki ülke iş birliği yapacak.", "tr") == set()


def test_entities_rules_russian_adjectives_of_place_names_read_back_to_the_nominative(stage: EntityStage) -> None:
    found = _found(stage, "Учения прошли в Херсонской области и у Нижнего Новгорода.", "ru")
    assert ("Херсонской области", "LOC", "iso3166-2:UA-65") in found


def test_entities_rules_german_institution_with_its_joined_tail_is_one_organisation(stage: EntityStage) -> None:
    found = _found(stage, "Er arbeitete im Bayerischen Staatsministerium für Unterricht und Kultus, dann beim "
                          "Landesamt für Umwelt und bei der Bundesstiftung zur Erforschung der Alpenflora.", "de")
    assert {t for t, ty, _ in found if ty == "ORG"} == {
        "Bayerischen Staatsministerium für Unterricht und Kultus", "Landesamt für Umwelt",
        "Bundesstiftung zur Erforschung der Alpenflora"}
    # a head word with a lower-case tail is no name
    assert _found(stage, "Die Stiftung für die Kinder sammelt Geld.", "de") == set()


def test_entities_rules_german_capitalised_adjective_before_a_head_names_an_institution(stage: EntityStage) -> None:
    """German writes adjectives in lower case: a capitalised one inside a sentence before an organisation's head
    word names it, with the town after it; the same words opening a sentence or in lower case do not."""
    found = _found(stage, "Laut dem Statistischen Landesamt und der Zelmorrischen Hochschule Hannover stieg sie.",
                   "de")
    assert {t for t, ty, _ in found if ty == "ORG"} == {"Statistischen Landesamt", "Zelmorrischen Hochschule Hannover"}
    assert not any(ty == "ORG" for _, ty, _ in _found(stage, "Die statistischen Ämter melden Zahlen.", "de"))


def test_entities_rules_german_head_word_before_its_town_names_an_institution(stage: EntityStage) -> None:
    # German names a body after its seat with no adjective: the head word and the town are one organisation
    found = _found(stage, "Er lehrte an der Universität Gießen, bis das Landgericht Bremen entschied.", "de")
    assert {(t, ty) for t, ty, _ in found} == {("Universität Gießen", "ORG"), ("Landgericht Bremen", "ORG")}
    # a country after the head word is the body's country, not part of its name
    assert ("Kasachstans", "LOC") in {(t, ty) for t, ty, _ in _found(stage, "Die Regierung Kasachstans reagierte.",
                                                                       "de")}


def test_entities_rules_english_institution_of_a_place_is_one_organisation(stage: EntityStage) -> None:
    found = _found(stage, "Later the Bank of England cut rates, the Ministry of Foreign Affairs of Kazakhstan "
                          "protested and shares fell on the Moscow Exchange.", "en")
    orgs = {t for t, ty, _ in found if ty == "ORG"}
    assert {"Bank of England", "Ministry of Foreign Affairs of Kazakhstan", "Moscow Exchange"} <= orgs
    assert not any(ty == "LOC" for _t, ty, _ in found)
    # an organisation the gazetteer knows keeps its link
    assert ("National Bank of Kazakhstan", "ORG", "org:NBK") in _found(
        stage, "He said the National Bank of Kazakhstan raised its rate.", "en")


def test_entities_rules_adjective_sharing_a_names_head_noun_is_that_kind_of_name(stage: EntityStage) -> None:
    found = _found(stage, "Rozmawiano o Zachodniej i Wschodniej Republice Ludowej wczoraj.", "pl")
    assert ("Zachodniej", "LOC", None) in found and ("Wschodniej Republice Ludowej", "LOC", None) in found
    # another case ending: a person's name beside it, not a shared head
    found = _found(stage, "Rozmawiał z Kowalskim i Wschodniej Republiki Ludowej.", "pl")
    assert not any(t == "Kowalskim" and ty == "LOC" for t, ty, _ in found)


def test_entities_rules_turkish_ministries_and_gaza(stage: EntityStage) -> None:
    # "Bakanlığı" (ministry) starts like the title "Bakan" (minister) but heads an institution
    found = _found(stage, "Dışişleri Bakanlığı, Gazze’deki durumdan endişe duyduğunu açıkladı.", "tr")
    assert ("Dışişleri Bakanlığı", "ORG", None) in found
    assert ("Gazze’deki", "LOC", "geonames:281133") in found  # the city, not Mozambique's Gaza province


def test_entities_rules_uzbek_cyrillic_places_found_by_their_latin_spelling(stage: EntityStage) -> None:
    # GeoNames gives Tashkent no Uzbek Cyrillic name: Тошкентда is read as Toshkent + -da
    found = _found(stage, "Делегация Тошкентда меҳмонларни кутиб олди.", "uz")
    assert ("Тошкентда", "LOC", "geonames:1512569") in found


def test_entities_rules_of_two_base_forms_the_more_important_place_is_read(stage: EntityStage) -> None:
    # "Francji" folds to "Franca" (a Brazilian city) as well as to "Francja" (France): the country is meant
    found = _found(stage, "Rozmawiał z prezydentem Francji o handlu.", "pl")
    assert ("Francji", "LOC", "iso:FR") in found


def test_entities_rules_word_with_a_capital_inside_is_an_organisation(stage: EntityStage) -> None:
    text = "Umowę podpisał wczoraj kazachski PetroZelmor, a potem McZelkin i konto @ZelmoNews."
    found = {(t, ty) for t, ty, _ in _found(stage, text, "pl")}
    assert ("PetroZelmor", "ORG") in found
    assert not any(ty == "ORG" and t in ("McZelkin", "ZelmoNews") for t, ty in found)
    english = {(t, ty) for t, ty, _ in _found(stage, "Shares of ZelmoTech rose while AoA fell.", "en")}
    assert ("ZelmoTech", "ORG") in english and ("AoA", "ORG") not in english


def test_entities_rules_listed_company_with_a_model_number_is_a_product(stage: EntityStage) -> None:
    text = "Pisano o Boeingu, o Boeingach 737 MAX i o Airbusie A320, a potem o Gazpromie 16 maja i Gazpromie 2024."
    found = {(t, ty) for t, ty, _ in _found(stage, text, "pl")}
    assert {("Boeingu", "ORG"), ("Boeingach 737 MAX", "PRO"), ("Airbusie A320", "PRO")} <= found
    assert not any(ty == "PRO" and "Gazprom" in t for t, ty in found)  # a day and a year are no models


def test_entities_rules_religious_office_before_a_name_is_a_title(stage: EntityStage) -> None:
    text = "Wypowiedział się wczoraj imam Zelkan Yavaş, a biskup Zelkin milczał, jak prorok Zelmorra."
    found = {(t, ty) for t, ty, _ in _found(stage, text, "pl")}
    assert {("Zelkan Yavaş", "PER"), ("Zelkin", "PER"), ("Zelmorra", "PER")} <= found


def test_entities_rules_name_after_a_word_for_a_province_or_state_is_a_place(stage: EntityStage) -> None:
    for text, lang, place in [("Incident se stal v provincii Zelmorrá.", "cs", "Zelmorrá"),
                              ("Инцидентът стана в провинция Зелмора.", "bg", "Зелмора"),
                              ("Wybory odbyły się w prowincji Zelmorra.", "pl", "Zelmorra")]:
        assert (place, "LOC") in {(t, ty) for t, ty, _ in _found(stage, text, lang)}, text


def test_entities_rules_compass_point_written_apart_names_part_of_a_place(stage: EntityStage) -> None:
    # Russian "Северный" is also a town's name; the state word keeps the country's id only with nothing between
    russian = stage.recognise("Он был на Северном Кавказе и в Северной Италии.", "ru")
    assert {(m.text, m.type, m.kb_id) for m in russian} == {
        ("Северном Кавказе", "LOC", None), ("Северной Италии", "LOC", None)}
    polish = _found(stage, "Na mapie widać granice we Wschodniej Ukrainie.", "pl")
    assert {(t, ty) for t, ty, _ in polish} == {("Wschodniej Ukrainie", "LOC")}
    turkish = stage.recognise("Listede Kazakistan Cumhuriyeti ve Kıbrıs Türk Cumhuriyeti geçiyor.", "tr")
    assert {(m.text, m.kb_id) for m in turkish} == {
        ("Kazakistan Cumhuriyeti", "iso:KZ"), ("Kıbrıs Türk Cumhuriyeti", None)}


def test_entities_rules_listed_given_name_and_surname_shaped_word_are_a_person(stage: EntityStage) -> None:
    # Jarosław (the lists write it Jaroslaw) is also a town; the surname ends as Polish surnames do and is frequent
    # enough in news to read as a common word, yet the two open the sentence as a person's name
    from newsweave.stages.entities import frequency

    assert frequency.zipf("kowalski", "pl") >= 3.5
    found = _found(stage, "Jarosław Kowalski skrytykował Unię Europejską.", "pl")
    assert {(t, ty) for t, ty, _ in found} == {("Jarosław Kowalski", "PER"), ("Unię Europejską", "ORG")}
    # a given name as common as "herself" (Czech Sama) does not make the pair a person
    assert ("Sama Bibiová", "PER") not in {(t, ty) for t, ty, _ in _found(stage, "Sama Bibiová to řekla.", "cs")}


def test_entities_rules_polish_head_word_in_the_locative_is_an_organisation(stage: EntityStage) -> None:
    # "trybunał" writes its locative with l (o Trybunale): the body, not a person
    found = _found(stage, "Dokument wymienia sędziów w Trybunale Konstytucyjnym.", "pl")
    assert {(t, ty) for t, ty, _ in found} == {("Trybunale Konstytucyjnym", "ORG")}


def test_entities_rules_lone_word_shaped_as_a_foreign_surname_is_a_person(stage: EntityStage) -> None:
    # Turkish and English have no words of their own that end so
    assert _found(stage, "Bakan dün Zelmorenko ile görüştü.", "tr") == {("Zelmorenko", "PER", None)}
    assert _found(stage, "The talks between Zelkinov and the minister ended.", "en") == {("Zelkinov", "PER", None)}
    # also opening a sentence, where a rare word shaped so is still a name (not Turkish "Görev", duty)
    assert _found(stage, "Zelkinov, dün Zelmorra'ya döndü.", "tr") >= {("Zelkinov", "PER", None)}
    assert _found(stage, "Görev yerine döndü.", "tr") == set()


def test_entities_rules_title_that_starts_as_an_institution_is_a_title(stage: EntityStage) -> None:
    # Czech "ministr" and Polish "ambasador" start as "minist|erstvo" and "ambasad|a" (the ministry, the embassy) do
    from newsweave.stages.entities import _is_title_word

    assert _is_title_word("ministr", "cs") and _is_title_word("ministra", "cs")
    assert _is_title_word("ambasadorem", "pl") and _is_title_word("gazeteci", "tr")
    assert not _is_title_word("ministerstvo", "cs") and not _is_title_word("bakanlığı", "tr")
    # German heads take only a noun's endings: the ambassador's is a title, the embassy none
    assert _is_title_word("botschafters", "de") and not _is_title_word("botschaft", "de")



def test_entities_rules_surname_joined_to_a_person_by_and_is_a_person(stage: EntityStage) -> None:
    # Braun is a listed surname and a German word; beside a person it is the other person of the pair
    found = _found(stage, "Gestern trafen sich Präsident Zelkan Meier und Braun.", "de")
    assert {(t, ty) for t, ty, _ in found} == {("Zelkan Meier", "PER"), ("Braun", "PER")}
    # a capitalised noun is no surname there
    found = _found(stage, "Gestern trafen sich Präsident Zelkan Meier und Europa.", "de")
    assert ("Europa", "PER") not in {(t, ty) for t, ty, _ in found}


def test_entities_rules_town_after_a_title_is_the_titled_ones_place(stage: EntityStage) -> None:
    # Russian does not inflect Сочи or Алматы, so "the mayor of Sochi" writes the base form; "аким" is the
    # Kazakh title of a city's head. A town that is a given name is the person's (Florence).
    russian = _found(stage, "Мэр Сочи Зелкан Зелкинов указан в списке. Аким Алматы Зелкан Зелмурат тоже.", "ru")
    assert {(t, ty) for t, ty, _ in russian} == {
        ("Сочи", "LOC"), ("Зелкан Зелкинов", "PER"), ("Алматы", "LOC"), ("Зелкан Зелмурат", "PER")}
    english = _found(stage, "Coach Florence Zelmorra praised the team.", "en")
    assert {(t, ty) for t, ty, _ in english} == {("Florence Zelmorra", "PER")}


def test_entities_rules_european_bodies_in_slovene_and_bulgarian(stage: EntityStage) -> None:
    slovene = _found(stage, "Dokument omenja Evropsko komisijo in Evropski parlament.", "sl")
    assert slovene == {("Evropsko komisijo", "ORG", "org:EC"), ("Evropski parlament", "ORG", "org:EP")}
    assert _found(stage, "Документът споменава Европейската комисия.", "bg") == {
        ("Европейската комисия", "ORG", "org:EC")}


def test_entities_rules_airlines_are_listed_organisations(stage: EntityStage) -> None:
    found = _found(stage, "The list names Emirates, Wizz Air and Qatar Airways.", "en")
    assert found == {("Emirates", "ORG", "org:Emirates"), ("Wizz Air", "ORG", "org:WizzAir"),
                     ("Qatar Airways", "ORG", "org:QatarAirways")}


def test_entities_rules_word_for_a_kind_of_place_after_a_name(stage: EntityStage) -> None:
    # Uzbek and Kazakh put the word for a district after the name, as Turkish does
    assert _found(stage, "Zelmorra tumanida suv toshqini boʻldi.", "uz") == {("Zelmorra", "LOC", None)}
    assert _found(stage, "Зелморра ауданында су тасқыны болды.", "kk") == {("Зелморра", "LOC", None)}


def test_entities_rules_function_word_opening_a_sentence_yields_to_a_longer_name(stage: EntityStage) -> None:
    # Spanish "La Unión" is a town's name; "La Unión Europea" opening a sentence is the EU
    assert _found(stage, "La Unión Europea figura en la lista.", "es") == {("Unión Europea", "ORG", "iso:EU")}
    assert {(t, ty) for t, ty, _ in _found(stage, "La Unión es una ciudad.", "es")} == {("La Unión", "LOC")}


def test_entities_rules_listed_given_name_opening_a_sentence_opens_the_name(stage: EntityStage) -> None:
    # "Michael" is frequent enough in Polish news to read as a common word there; before a surname it opens the name
    found = _found(stage, "Michael O’Zelmorra wezwał również Komisję Europejską.", "pl")
    assert {(t, ty) for t, ty, _ in found} == {("Michael O’Zelmorra", "PER"), ("Komisję Europejską", "ORG")}


def test_entities_rules_country_with_a_case_ending_after_a_body_in_uzbek(stage: EntityStage) -> None:
    # Uzbek marks a phrase's case on its last word: "to Uzbekistan" is its own phrase, no "bank of Uzbekistan"
    found = _found(stage, "Дўконда Зелморра банки Ўзбекистонга ҳужжат юборди.", "uz")
    assert {(t, ty) for t, ty, _ in found} == {("Зелморра банки", "ORG"), ("Ўзбекистонга", "LOC")}


def test_entities_rules_listed_body_opens_the_name_of_its_chamber_in_uzbek(stage: EntityStage) -> None:
    found = _found(stage, "Рўйхатда Олий Мажлис Қонунчилик палатаси бор.", "uz")
    assert {(t, ty) for t, ty, _ in found} == {("Олий Мажлис Қонунчилик палатаси", "ORG")}


def test_entities_rules_international_bodies_in_other_languages(stage: EntityStage) -> None:
    french = _found(stage, "L'Organisation du traité de sécurité collective figure dans la liste.", "fr")
    assert french == {("Organisation du traité de sécurité collective", "ORG", "org:CSTO")}
    # the Polish and German acronyms of the CSTO
    assert _found(stage, "Dokument wymienia OUBZ.", "pl") == {("OUBZ", "ORG", "org:CSTO")}
    assert _found(stage, "Die Liste nennt die OVKS.", "de") == {("OVKS", "ORG", "org:CSTO")}
    spanish = _found(stage, "La lista menciona el Fondo Monetario Internacional y la Comisión Europea.", "es")
    assert spanish == {("Fondo Monetario Internacional", "ORG", "org:IMF"), ("Comisión Europea", "ORG", "org:EC")}


def test_entities_rules_a_group_of_companies_is_an_organisation(stage: EntityStage) -> None:
    # "group" heads a company's name: Polish *Grupa*, inflected *Grupę*; Turkish *Grubu*, after the name
    polish = _found(stage, "Dokument wymienia Grupę Zelmorra.", "pl")
    assert {(t, ty) for t, ty, _ in polish} == {("Grupę Zelmorra", "ORG")}
    turkish = _found(stage, "Listede Zelkan Grubu'nun adı var.", "tr")
    assert {(t, ty) for t, ty, _ in turkish} == {("Zelkan Grubu'nun", "ORG")}


def test_entities_rules_a_region_adjective_and_its_kind_are_one_place(stage: EntityStage) -> None:
    # Russian, Ukrainian and Bulgarian regions: adjective + "region/territory/district"; hyphened parts go with the
    # adjective, and a title before the region takes no person from it
    russian = _found(stage, "Список называет губернатора Зелморрской области Зелкана Зелкинова, "
                            "жителей Восточно-Зелморрского края и Зелморрский район.", "ru")
    assert {(t, ty) for t, ty, _ in russian} == {
        ("Зелморрской области", "LOC"), ("Зелкана Зелкинова", "PER"), ("Восточно-Зелморрского края", "LOC"),
        ("Зелморрский район", "LOC")}
    assert {kb for _, ty, kb in russian if ty == "LOC"} == {None}
    ukrainian = _found(stage, "Документ називає мешканців Зелморрської області.", "uk")
    assert {(t, ty) for t, ty, _ in ukrainian} == {("Зелморрської області", "LOC")}
    bulgarian = _found(stage, "Списъкът посочва Зелморска област.", "bg")
    assert {(t, ty) for t, ty, _ in bulgarian} == {("Зелморска област", "LOC")}


def test_entities_rules_a_body_between_a_title_and_a_listed_given_name_is_no_part_of_the_person(
        stage: EntityStage) -> None:
    # "head of the transport ministry Anton …": a word as frequent as first names that no name list has
    found = _found(stage, "Глава Минтранса Антон Зелкинов выступил с докладом.", "ru")
    assert ("Антон Зелкинов", "PER") in {(t, ty) for t, ty, _ in found}
    assert not any("Минтранса" in t for t, ty, _ in found if ty == "PER")


def test_entities_rules_german_genitive_s_of_a_place(stage: EntityStage) -> None:
    # the genitive -s of a place's name, also opening a sentence before the noun it governs; German writes no
    # name's genitive with -ns, so Bayerns is no inflected company Bayer, Sachsens no town Sachse
    found = _found(stage, "Berlins Name steht in der Liste. Sachsens Name auch. Die Liste nennt den Namen Bayerns.",
                   "de")
    assert found == {("Berlins", "LOC", "geonames:2950159"), ("Sachsens", "LOC", "iso3166-2:DE-SN"),
                     ("Bayerns", "LOC", "iso3166-2:DE-BY")}


def test_entities_rules_uzbek_letters_typed_with_any_apostrophe(stage: EntityStage) -> None:
    # Uzbek oʻ, gʻ typed with the keyboard's apostrophe or quotation marks are one word, read as GeoNames writes it
    found = _found(stage, "Ro'yxatda O'zbekiston, Farg‘ona va Qo’qon bor.", "uz")
    assert found == {("O'zbekiston", "LOC", "iso:UZ"), ("Farg‘ona", "LOC", "geonames:1514019"),
                     ("Qo’qon", "LOC", "geonames:1512979")}
    # a Turkish apostrophe before a case ending stays a separator
    turkish = _found(stage, "Harita Tokyo'yu ve Hamburg'u gösteriyor.", "tr")
    assert {(t, ty) for t, ty, _ in turkish} == {("Tokyo'yu", "LOC"), ("Hamburg'u", "LOC")}


def test_entities_rules_central_banks_parliaments_and_armed_forces_of_the_region(stage: EntityStage) -> None:
    # only their first word is capitalised, so no head-word rule reads them without a country after them
    czech = _found(stage, "Seznam uvádí Českou národní banku a Poslaneckou sněmovnu.", "cs")
    assert czech == {("Českou národní banku", "ORG", "org:CNB"),
                     ("Poslaneckou sněmovnu", "ORG", "org:CzechChamberOfDeputies")}
    ukrainian = _found(stage, "Документ називає Збройні сили України та ЗСУ.", "uk")
    assert ukrainian == {("Збройні сили України", "ORG", "org:ArmedForcesUkraine"),
                         ("ЗСУ", "ORG", "org:ArmedForcesUkraine")}
    bulgarian = _found(stage, "Списъкът посочва Българската народна банка и Народното събрание.", "bg")
    assert bulgarian == {("Българската народна банка", "ORG", "org:BNB"),
                         ("Народното събрание", "ORG", "org:NarodnoSabranie")}


def test_entities_rules_a_run_before_a_lower_case_title_heads_it_and_is_no_person(stage: EntityStage) -> None:
    # Azerbaijani "foreign affairs minister", the portfolio capitalised before the lower-case title
    azerbaijani = _found(stage, "Siyahıda Zelmorra Xarici İşlər naziri var.", "az")
    assert not {t for t, ty, _ in azerbaijani if ty == "PER"}
    # a Turkish club named by its head word, its chairman after it
    turkish = _found(stage, "Listede Zelmorra Kulübü başkanı Zelkan Yavaş var.", "tr")
    assert {(t, ty) for t, ty, _ in turkish} == {("Zelmorra Kulübü", "ORG"), ("Zelkan Yavaş", "PER")}


def test_entities_rules_a_clipped_ministry_after_a_reporting_verb_is_no_speaker(stage: EntityStage) -> None:
    # Russian and Ukrainian clipped names of public bodies, in any case; a country's only agencies are linked
    russian = _found(stage, "Об этом сообщил Минтранс, а по данным Минфина и Росстата цены выросли.", "ru")
    assert russian == {("Минтранс", "ORG", None), ("Минфина", "ORG", None), ("Росстата", "ORG", "org:Rosstat")}
    # the last letter replaced by the case ending; a body's deputies are no person
    assert _found(stage, "Депутаты Мосгордумы и Генпрокуратуры ответили.", "ru") == {
        ("Мосгордумы", "ORG", None), ("Генпрокуратуры", "ORG", None)}
    ukrainian = _found(stage, "Про це повідомив Мін'юст.", "uk")
    assert ukrainian == {("Мін'юст", "ORG", None)}
    # a town and a surname that begin the same way stay what they are
    assert ("Минск", "LOC") in {(t, ty) for t, ty, _ in _found(stage, "Делегация прибыла в Минск.", "ru")}
    assert ("Минаев", "PER") in {(t, ty) for t, ty, _ in _found(stage, "Депутат Минаев выступил.", "ru")}


def test_entities_rules_a_title_reaches_its_holder_past_the_body_it_heads(stage: EntityStage) -> None:
    for text in ("Глава Минобороны Андрей Зелкин прибыл.", "Глава МИД России Андрей Зелкин прибыл.",
                 "Глава Росстата Андрей Зелкин прибыл."):
        assert ("Андрей Зелкин", "PER") in {(t, ty) for t, ty, _ in _found(stage, text, "ru")}, text
    assert ("Adam Zelkin", "PER") in {(t, ty) for t, ty, _ in _found(stage, "Prezes Orlenu Adam Zelkin mówi.", "pl")}
    # a common word after the body is part of a name, not a person ("Generalna Konfederacja Pracy", of labour)
    polish = _found(stage, "Związek Generalna Konfederacja Pracy ogłosił strajk.", "pl")
    assert not {t for t, ty, _ in polish if ty == "PER"}


def test_entities_rules_polish_o_of_an_opened_syllable_is_the_base_names_o_acute(stage: EntityStage) -> None:
    found = _found(stage, "Dokument wymienia spotkania w Łodzi i na Bliskim Wschodzie.", "pl")
    assert {(t, ty) for t, ty, _ in found} == {("Łodzi", "LOC"), ("Bliskim Wschodzie", "LOC")}
    assert next(k for t, _, k in found if t == "Łodzi") == "geonames:3093133"


def test_entities_rules_a_frequent_german_noun_is_no_inflected_place(stage: EntityStage) -> None:
    # "Wein" (wine) read as a town "Wei" with an ending; a place's genitive stays one
    assert _found(stage, "Der Bericht lobt den Wein der Gegend.", "de") == set()
    assert {t for t, _, _ in _found(stage, "Die Zukunft Berlins ist offen.", "de")} == {"Berlins"}


def test_entities_rules_everyday_names_of_regions_and_landscapes(stage: EntityStage) -> None:
    russian = _found(stage, "Документ называет Якутию, Кубань и Подмосковье.", "ru")
    assert russian == {("Якутию", "LOC", "iso3166-2:RU-SA"), ("Кубань", "LOC", "iso3166-2:RU-KDA"),
                       ("Подмосковье", "LOC", "iso3166-2:RU-MOS")}
    german = _found(stage, "Der Bericht nennt den Schwarzwald und die Mosel.", "de")
    assert german == {("Schwarzwald", "LOC", "region:black-forest"), ("Mosel", "LOC", "region:moselle")}
    polish = _found(stage, "Dokument wymienia burze na Mazurach.", "pl")
    assert polish == {("Mazurach", "LOC", "region:masuria")}
    # a given name's case form is no region
    assert not {ty for _, ty, _ in _found(stage, "Документ подписан Анатолием.", "ru")} & {"LOC"}


def test_entities_rules_a_concepts_acronym_is_no_organisation(stage: EntityStage) -> None:
    assert _found(stage, "Dokument podaje, że PKB wzrósł, a VAT spadł.", "pl") == set()
    assert _found(stage, "Список называет ВВП и ДТП.", "ru") == set()


def test_entities_rules_a_month_or_weekday_with_a_case_ending_is_no_name(stage: EntityStage) -> None:
    found = _found(stage, "Toplantı Eylül'de Ankara'da yapılacak, seçim ise Pazartesi'ye ertelendi.", "tr")
    assert {(t, ty) for t, ty, _ in found} == {("Ankara'da", "LOC")}
    # a given name spelt like a month still opens a person's name
    assert ("Nisan Zelkanoğlu", "PER") in {(t, ty) for t, ty, _ in _found(stage, "Listede Nisan Zelkanoğlu var.", "tr")}


def test_entities_rules_football_clubs_named_after_their_towns(stage: EntityStage) -> None:
    polish = _found(stage, "Dokument wymienia mecz Rakowa Częstochowa z Lechem Poznań.", "pl")
    assert polish == {("Rakowa Częstochowa", "ORG", "org:RakowCzestochowa"), ("Lechem Poznań", "ORG", "org:LechPoznan")}
    german = _found(stage, "Der Bericht nennt Eintracht Frankfurt und Hertha BSC.", "de")
    assert german == {("Eintracht Frankfurt", "ORG", "org:EintrachtFrankfurt"), ("Hertha BSC", "ORG", "org:HerthaBSC")}


def test_entities_rules_a_hindi_title_before_an_office_or_house_is_no_person(stage: EntityStage) -> None:
    found = _found(stage, "सूची में मुख्यमंत्री कार्यालय, प्रधानमंत्री राहत कोष और राष्ट्रपति भवन का नाम है।", "hi")
    assert not {t for t, ty, _ in found if ty == "PER"}
    assert ("ज़ेलकर", "PER") in {(t, ty) for t, ty, _ in _found(stage, "सूची में राष्ट्रपति ज़ेलकर का नाम है।", "hi")}


def test_entities_rules_national_bodies_and_companies_without_a_head_word(stage: EntityStage) -> None:
    turkish = _found(stage, "Listede Yargıtay, Aselsan'ın ve Türk Telekom'un adı var.", "tr")
    assert turkish == {("Yargıtay", "ORG", "org:Yargitay"), ("Aselsan'ın", "ORG", "org:Aselsan"),
                       ("Türk Telekom'un", "ORG", "org:TurkTelekom")}
    german = _found(stage, "Der Bericht nennt den Bundesgerichtshof und das Deutsche Rote Kreuz.", "de")
    assert german == {("Bundesgerichtshof", "ORG", "org:BGH"), ("Deutsche Rote Kreuz", "ORG", "org:DRK")}
    polish = _found(stage, "Dokument wymienia Straż Graniczną i Pocztę Polską.", "pl")
    assert polish == {("Straż Graniczną", "ORG", "org:StrazGraniczna"), ("Pocztę Polską", "ORG", "org:PocztaPolska")}


def test_entities_rules_legal_forms_spelt_in_several_pieces(stage: EntityStage) -> None:
    assert _found(stage, "Listede Zelmorra Enerji Sanayi ve Ticaret A.Ş. var.", "tr") == {
        ("Zelmorra Enerji Sanayi ve Ticaret A.Ş.", "ORG", None)}
    assert ("Zelmorra Sp. z o.o.", "ORG") in {
        (t, ty) for t, ty, _ in _found(stage, "Dokument wymienia firmę Zelmorra Sp. z o.o. z Radomia.", "pl")}
    assert _found(stage, "Der Bericht nennt die Zelmorra Bau GmbH & Co. KG aus Essen.", "de") >= {
        ("Zelmorra Bau GmbH & Co. KG", "ORG", None)}
    # a form whose letters the tokenizer reads as one acronym (S.A. -> SA), Czech and Italian forms
    assert _found(stage, "Umowę podpisała Zelmorra Żegluga S.A. w piątek.", "pl") >= {
        ("Zelmorra Żegluga S.A.", "ORG", None)}
    assert _found(stage, "Smlouvu podepsala firma Zelmorra Stavby a.s. a Zelkan s.r.o. včera.", "cs") >= {
        ("Zelmorra Stavby a.s.", "ORG", None), ("Zelkan s.r.o.", "ORG", None)}
    assert _found(stage, "Il contratto con Zelmorra Costruzioni S.p.A. è firmato.", "it") >= {
        ("Zelmorra Costruzioni S.p.A.", "ORG", None)}


def test_entities_rules_a_legal_form_takes_in_the_town_and_the_name_before_it(stage: EntityStage) -> None:
    assert _found(stage, "Die Zelmorra Berlin GmbH hat Insolvenz angemeldet.", "de") >= {
        ("Zelmorra Berlin GmbH", "ORG", None)}
    assert _found(stage, "Auch die Zelkan Logistik SE meldete Verluste.", "de") >= {("Zelkan Logistik SE", "ORG", None)}
    assert _found(stage, "Akcje spółki Zelmorra SA zdrożały.", "pl") >= {("Zelmorra SA", "ORG", None)}


def test_entities_rules_a_turkish_competition_is_an_event(stage: EntityStage) -> None:
    assert _found(stage, "Zelmorraspor Avrupa Ligi'nde oynadı.", "tr") >= {("Avrupa Ligi'nde", "EVT", None)}


def test_entities_rules_a_towns_russian_adjective_is_no_place(stage: EntityStage) -> None:
    # "Томского" is the adjective (of Tomsk) opening an institution's name; the town's genitive is "Томска"
    found = _found(stage, "Список называет студентов Томского университета из Томска.", "ru")
    assert ("Томского", "LOC", "geonames:1489425") not in found
    assert ("Томска", "LOC", "geonames:1489425") in found
    # nor is it the person a title names
    assert not {t for t, ty, _ in _found(stage, "Директор Красноярского аэропорта уволен.", "ru") if ty == "PER"}


def test_entities_rules_a_frequent_common_noun_s_case_is_no_town(stage: EntityStage) -> None:
    # "Совета" is the genitive of "совет" (council), not a case of "Совето" (Soweto); "Вони" (they) is no town
    assert not {kb for _, _, kb in _found(stage, "Решение Совета глав правительств приняли в Минске.", "ru")
                if kb == "geonames:953781"}
    assert ("Минске", "LOC", "geonames:625144") in _found(stage, "Решение приняли в Минске.", "ru")
    assert _found(stage, "Вони приїхали до Львова.", "uk") == {("Львова", "LOC", "geonames:702550")}


def test_entities_rules_a_hindi_town_only_latin_names_list_is_read_unless_a_title(stage: EntityStage) -> None:
    found = _found(stage, "हरियाणा के पानीपत ज़िले में बारिश हुई।", "hi")
    assert ("पानीपत", "LOC", "geonames:1260476") in found
    # कर्नल (colonel) reads as Karnal too: a title, no town
    assert not {t for t, ty, _ in _found(stage, "कर्नल राजेश ज़ेलकान ने बयान दिया।", "hi") if ty == "LOC"}


def test_entities_rules_german_bodies_named_by_places_of_several_words_clubs_and_forms(stage: EntityStage) -> None:
    typed = _typed(stage, "de")
    assert ("Landgericht Frankfurt am Main", "ORG") in typed("Das Landgericht Frankfurt am Main verurteilte ihn.")
    assert ("Landespolizei Schleswig-Holstein", "ORG") in typed("Die Landespolizei Schleswig-Holstein warnte.")
    assert ("Amtsgericht Bad Segeberg", "ORG") in typed("Das Amtsgericht Bad Segeberg tagte.")
    # a club's ordinal, a compound's half before "und"
    assert ("1. FC Köln", "ORG") in typed("Trainer Max Zelkowski bleibt beim 1. FC Köln.")
    assert ("Deutschen Zentrum für Luft- und Raumfahrt", "ORG") in typed(
        "Forscher vom Deutschen Zentrum für Luft- und Raumfahrt starteten den Satelliten.")


def test_entities_rules_a_rare_hindi_word_before_a_district_road_or_ghat_names_it(stage: EntityStage) -> None:
    typed = _typed(stage, "hi")
    assert ("ज़ेलकाम", "LOC") in typed("तूफ़ान ज़ेलकाम जिले में आया।")  # the kind of area stays out of the name
    assert ("ज़ेलकाम रोड", "LOC") in typed("ज़ेलकाम रोड पर जाम लगा।")
    assert ("ज़ेलकाम घाट", "LOC") in typed("श्रद्धालुओं ने ज़ेलकाम घाट पर स्नान किया।")
    # an adjective before "district" is no name
    assert not {t for t, ty in typed("सीमावर्ती जिले में चौकसी बढ़ी।") if ty == "LOC"}


def test_entities_rules_hindi_judges_artists_and_players_are_titles_and_a_common_word_no_variant(
        stage: EntityStage) -> None:
    typed = _typed(stage, "hi")
    assert typed("अतिरिक्त सत्र न्यायाधीश सुधा ज़ेलकान ने कहा।") == {("सुधा ज़ेलकान", "PER")}
    assert ("अनिरुद्ध ज़ेलकान", "PER") in typed("सितार वादक अनिरुद्ध ज़ेलकान की जुगलबंदी हुई।")
    # संग्रहालय (museum) sounds like Singrauli: a common word is read as no name spelt another way
    assert typed("संग्रहालय में प्रदर्शनी लगी।") == set()


def test_entities_rules_an_untyped_name_after_a_polish_preposition_of_where_is_a_place(stage: EntityStage) -> None:
    typed = _typed(stage, "pl")
    assert ("Zelmorowie", "LOC") in typed("Dwóch mężczyzn zatrzymano w Zelmorowie.")
    assert ("Lidze Narodów", "LOC") not in typed("Zagrał w Lidze Narodów.")  # a competition's name
    assert ("Małopolsce", "LOC") in typed("Ulewy przejdą nad regionem, a najwięcej spadnie w Małopolsce.")


def test_entities_rules_uzbek_services_theatres_and_quoted_clubs(stage: EntityStage) -> None:
    typed = _typed(stage, "uz")
    assert ("Йўл ҳаракати хавфсизлиги хизмати", "ORG") in typed(
        "Бу ҳақда Йўл ҳаракати хавфсизлиги хизмати маълум қилди.")
    # a place's kind after it counts apart from the two lower-case words before the head
    assert ("Самарқанд вилояти ички ишлар бошқармаси", "ORG") in typed(
        "Самарқанд вилояти ички ишлар бошқармаси маълумот берди.")
    # a quoted name nothing else types is a club or a company's, not a place
    found = typed("Кеча «Зелмор» ўз майдонида «Зелкор»ни 2:1 ҳисобида мағлуб этди.")
    assert ("Зелмор", "ORG") in found and ("Зелкор", "ORG") in found
    # "central" begins as "centre" does: no head word
    assert not {t for t, ty in typed("Ўзбекистон Марказий банки фоизни оширди.") if t == "Ўзбекистон Марказий"}


def test_entities_rules_a_hindi_word_with_a_towns_ending_is_a_place(stage: EntityStage) -> None:
    typed = _typed(stage, "hi")
    assert ("ज़ेलकानपुर", "LOC") in typed("ज़ेलकानपुर के जिलाधिकारी ने बयान दिया।")
    assert ("ज़ेलमोराबाद", "LOC") in typed("बारिश ज़ेलमोराबाद में हुई।")
    # "long live", "not out" (cricket): common words with a town's ending
    assert typed("जिंदाबाद के नारे लगे और वह 45 रन पर नाबाद रहे।") == set()


def test_entities_rules_hindi_bodies_an_acronym_in_brackets_explains(stage: EntityStage) -> None:
    typed = _typed(stage, "hi")
    # frequent words count where the brackets say "name"; a force, a cell, a group are head words
    assert {("विशेष कार्य बल", "ORG"), ("एसटीएफ़", "ORG")} <= typed("विशेष कार्य बल (एसटीएफ़) ने छापा मारा।")
    assert ("आर्थिक अपराध प्रकोष्ठ", "ORG") in typed("जांच आर्थिक अपराध प्रकोष्ठ (ईओडब्ल्यू) कर रहा है।")
    # a generic force or group named by common words is no body
    assert typed("मुठभेड़ में सुरक्षा बल के दो जवान घायल हुए।") == set()


def test_entities_rules_a_legal_form_keeps_the_listed_company_s_link(stage: EntityStage) -> None:
    assert ("टाटा मोटर्स लिमिटेड", "ORG", "org:TataMotors") in _found(
        stage, "टाटा मोटर्स लिमिटेड ने संयंत्र लगाया।", "hi")
    assert ("Siemens AG", "ORG", "org:Siemens") in _found(stage, "Die Siemens AG meldete Gewinne.", "de")


def test_entities_rules_given_names_no_list_had_and_polish_museums(stage: EntityStage) -> None:
    typed = _typed(stage, "pl")
    assert ("Bartłomiej Zelkowski", "PER") in typed("Minister cyfryzacji Bartłomiej Zelkowski zapowiedział zmiany.")
    assert ("Teatr Wielki w Warszawie", "ORG") in typed("Teatr Wielki w Warszawie wystawi operę.")
    # and Kazakh and Hindi ones
    from newsweave.stages.entities import _Doc, listed_given_name

    for text, lang in (("Нұрлан Бауыржан", "kk"), ("नीरज मीनाक्षी", "hi")):
        assert all(listed_given_name(t) for t in _Doc(text, lang, []).toks), text


def test_entities_rules_indian_bodies_named_in_hindi(stage: EntityStage) -> None:
    found = _found(stage, "सूची में एयर इंडिया, सीबीआई और स्टेट बैंक ऑफ इंडिया का नाम है।", "hi")
    assert found == {("एयर इंडिया", "ORG", "org:AirIndia"), ("सीबीआई", "ORG", "org:CBI"),
                     ("स्टेट बैंक ऑफ इंडिया", "ORG", "org:SBI")}


def test_entities_rules_a_quoted_name_before_the_word_that_describes_it(stage: EntityStage) -> None:
    assert _found(stage, "Тізімде «Зелмор» футбол клубы бар.", "kk") == {("Зелмор", "ORG", None)}
    assert _found(stage, 'Listede "Zelmorra" şirketi var.', "tr") == {("Zelmorra", "ORG", None)}


def test_entities_rules_a_polish_body_named_by_its_head_and_place(stage: EntityStage) -> None:
    found = _found(stage, "Politechnika Gdańska i Prokuratura Krajowa są w dokumencie, a Straż Miejska też.", "pl")
    assert {(t, ty) for t, ty, _ in found} == {("Politechnika Gdańska", "ORG"), ("Prokuratura Krajowa", "ORG"),
                                               ("Straż Miejska", "ORG")}


def test_entities_rules_the_people_between_two_of_a_hindi_list() -> None:
    stage = EntityStage(use_natasha=False)
    text = "राजेश ज़ेलकर, सुनीता मोरवाल, अजय तिवरेकर और विनोद ज़ेलमोर ने बैठक की।"
    people = [m.text for m in stage.recognise(text, "hi") if m.type == "PER"]
    assert "सुनीता मोरवाल" in people and "अजय तिवरेकर" in people


def test_entities_rules_a_german_federal_compound_is_a_body(stage: EntityStage) -> None:
    found = _found(stage, "Der Bericht des Bundesgesundheitsministeriums ist da.", "de")
    assert found == {("Bundesgesundheitsministeriums", "ORG", None)}


def test_entities_rules_a_slavic_surname_ending_no_adjective_has_is_a_person(stage: EntityStage) -> None:
    assert _found(stage, "Dokument podaje, że propozycja Tarnicza upadła.", "pl") == {("Tarnicza", "PER", None)}
    assert _found(stage, "Документ називає пропозицію Зелкенка.", "uk") == {("Зелкенка", "PER", None)}
    # a Polish adjective shaped as -ski stays untyped
    assert ("Polska", "PER") not in {(t, ty) for t, ty, _ in _found(stage, "Dokument wymienia: Polska.", "pl")}


def test_entities_rules_uzbek_body_named_after_its_town(stage: EntityStage) -> None:
    """A town, lower-case words and the head word are one body, also opening a sentence (the town had been the only
    mention); a determiner opens none (*Бу вазирлик*, "this ministry")."""
    for text, body in [("Тошкент шаҳар ҳокимлиги янги режани эълон қилди.", "Тошкент шаҳар ҳокимлиги"),
                       ("Миробод туман суди ишни кўриб чиқди.", "Миробод туман суди"),
                       ("Ички ишлар вазирлиги маълумот берди.", "Ички ишлар вазирлиги")]:
        assert {(t, ty) for t, ty, _ in _found(stage, text, "uz")} == {(body, "ORG")}, text
    assert _found(stage, "Бу вазирлик маълумот берди.", "uz") == set()


def test_entities_rules_uzbek_names_end_where_a_phrase_does(stage: EntityStage) -> None:
    """The Cyrillic country name is the text's own (a given name elsewhere), what a title after it heads is no
    name, a sentence's first word with a case ending opens no name, and a case ending after a surname closes it."""
    found = {(t, ty) for t, ty, _ in _found(stage, "Ўзбекистон Ташқи ишлар вазири Баҳодир Зелкинов Анқарада "
                                                   "музокаралар ўтказди.", "uz")}
    assert found == {("Ўзбекистон", "LOC"), ("Баҳодир Зелкинов", "PER"), ("Анқарада", "LOC")}
    found = {(t, ty) for t, ty, _ in _found(stage, "Голларни Азиз Зелкинов ва Жасур Зелмораев киритди.", "uz")}
    assert found == {("Азиз Зелкинов", "PER"), ("Жасур Зелмораев", "PER")}
    people = {t for t, ty, _ in _found(stage, "Vazir Bahodir Zelkinov Zelmorrada gapirdi.", "uz") if ty == "PER"}
    assert people == {"Bahodir Zelkinov"}
    # a word between a name and a title closes nothing where a name capitalises every word (Turkish)
    assert ("Zelkan Yavaşoğlu", "PER") in {(t, ty) for t, ty, _ in _found(
        stage, "Zelkan Yavaşoğlu bugün bakan olarak atandı.", "tr")}
    # the surname's own case ending stays in it
    assert ("Баҳодир Зелкиновга", "PER") in {(t, ty) for t, ty, _ in _found(
        stage, "Вазир Баҳодир Зелкиновга савол берилди.", "uz")}


def test_entities_rules_a_country_named_in_either_script_of_its_language() -> None:
    from newsweave.kb.gazetteer import own_country_name

    assert {"ўзбекистон", "o'zbekiston"} <= own_country_name("iso:UZ", "uz")
    assert {"србија", "srbija"} <= own_country_name("iso:RS", "sr")


def test_entities_rules_a_legal_form_after_a_quoted_name(stage: EntityStage) -> None:
    """Uzbek and Kazakh news write a company's legal form after its name: the name is the organisation, the form
    none of its own (*AJ* had been an organisation, the name a loose word)."""
    for text, name in (("Vazirlik “Zelmorrasanoat” AJ bilan shartnoma tuzdi.", "Zelmorrasanoat"),
                       ("\"Зелморрагидро\" АЖ ҳолатни маълум қилди.", "Зелморрагидро")):
        assert {(t, ty) for t, ty, _ in _found(stage, text, "uz")} == {(name, "ORG")}, text


def test_entities_rules_a_name_ends_before_a_place_and_its_kind(stage: EntityStage) -> None:
    # the word before a word for a kind of place ("district") is that place's name, not the titled person's
    found = {(t, ty) for t, ty, _ in _found(
        stage, "Вилоят ҳокими Улуғбек Зелкинов Зелморра туманида фермерлар билан учрашди.", "uz")}
    assert ("Улуғбек Зелкинов", "PER") in found and ("Зелморра", "LOC") in found
    found = {(t, ty) for t, ty, _ in _found(stage, "Vali Zelkan Yavaşoğlu Zelmorra ilçesinde inceleme yaptı.", "tr")}
    assert ("Zelkan Yavaşoğlu", "PER") in found and ("Zelmorra", "LOC") in found
    # bare, the word names a place of its own ("in the city"): the body's name before it stays whole
    found = {t for t, _, _ in _found(stage, "Zelmorra Şəhər İcra Hakimiyyəti şəhərdə yeni məktəb açıb.", "az")}
    assert "Zelmorra Şəhər İcra Hakimiyyəti" in found


def test_entities_rules_a_towns_name_in_its_own_countrys_script(stage: EntityStage) -> None:
    """A town under GeoNames' 100,000 people is named in its own country's Cyrillic too (Kherson, Pokrovsk had been
    found only in Latin letters); a smaller one, more often a given name or a word, is not (Kazakh *Абай*)."""
    found = _found(stage, "Ракети влучили в Херсоні та Покровську.", "uk")
    assert {(t, ty) for t, ty, _ in found} == {("Херсоні", "LOC"), ("Покровську", "LOC")}
    assert all((kb or "").startswith("geonames:") for _, _, kb in found)
    assert not any(ty == "LOC" for _, ty, _ in _found(stage, "Абайдың өлеңдері бүгін де оқылады.", "kk"))


def test_entities_rules_english_bench_and_police_titles(stage: EntityStage) -> None:
    # the title is no part of the name (Justice Harold … had been one person)
    for text, person in [("Mr Justice Harold Zelkin-Fyfe said the case was closed.", "Harold Zelkin-Fyfe"),
                         ("Detective Inspector Angela Zelkwater told reporters.", "Angela Zelkwater")]:
        assert {t for t, ty, _ in _found(stage, text, "en") if ty == "PER"} == {person}, text
    # acronyms of concepts are no organisation
    assert _found(stage, "The AI model and DNA tests were discussed.", "en") == set()
    assert _found(stage, "Сили ППО збили ракети.", "uk") == set()


def test_entities_rules_the_nations_of_the_united_kingdom(stage: EntityStage) -> None:
    """Wales had been the Welsh language's name (never emitted) and Scotland no place at all."""
    found = _found(stage, "Flooding hit parts of Wales and Scotland, and Northern Ireland was spared.", "en")
    assert found == {("Wales", "LOC", "iso3166-2:GB-WLS"), ("Scotland", "LOC", "iso3166-2:GB-SCT"),
                     ("Northern Ireland", "LOC", "iso3166-2:GB-NIR")}
    assert _found(stage, "W Szkocji i Walii padało.", "pl") == {("Szkocji", "LOC", "iso3166-2:GB-SCT"),
                                                                 ("Walii", "LOC", "iso3166-2:GB-WLS")}
    # Northern Ireland is a nation of its own, not the north of Ireland
    assert _found(stage, "Он был в Северной Ирландии.", "ru") == {("Северной Ирландии", "LOC", "iso3166-2:GB-NIR")}


def test_entities_rules_a_town_after_a_hyphen_ends_a_double_barrelled_surname(stage: EntityStage) -> None:
    # Moore (Oklahoma), Russo (Portuguese "Russian") had cut the surname; two big places stay a route
    for text, person in [("Foreign Secretary Edward Zelkvist-Moore said the talks would go on.",
                          "Edward Zelkvist-Moore"),
                         ("President Giorgio Zelmorrina-Russo arrived.", "Giorgio Zelmorrina-Russo")]:
        assert {t for t, ty, _ in _found(stage, text, "en") if ty == "PER"} == {person}, text
    route = _found(stage, "The Berlin-Moscow route and Zelmorra-Paris flights were cancelled.", "en")
    assert {("Berlin", "LOC", "geonames:2950159"), ("Moscow", "LOC", "geonames:524901")} <= route
    assert ("Paris", "LOC", "geonames:2988507") in route


def test_entities_rules_czech_names_in_eň_lose_their_e(stage: EntityStage) -> None:
    # Vídeň: do Vídně, ve Vídni (the genitive had been no place)
    assert _found(stage, "Spoje do Vídně budou obnoveny.", "cs") == {("Vídně", "LOC", "geonames:2761369")}
    assert _found(stage, "Konference se konala ve Vídni.", "cs") == {("Vídni", "LOC", "geonames:2761369")}


def test_entities_rules_regions_and_mountains_of_central_europe(stage: EntityStage) -> None:
    found = _found(stage, "У Закарпатті та на Волині і в Карпатах пройшли дощі.", "uk")
    assert found == {("Закарпатті", "LOC", "iso3166-2:UA-21"), ("Волині", "LOC", "iso3166-2:UA-07"),
                     ("Карпатах", "LOC", "region:carpathians")}
    assert _found(stage, "Na Moravě a na Šumavě sněžilo.", "cs") == {("Moravě", "LOC", "region:moravia"),
                                                                      ("Šumavě", "LOC", "region:sumava")}


def test_entities_rules_turkish_and_azerbaijani_bodies_and_facilities(stage: EntityStage) -> None:
    """Head words of bodies and facilities make the run before them an organisation or a place, not a person."""
    cases = [("Zelmorra Nükleer Güç Santrali'nin ilk ünitesi açıldı.", "tr",
              ("Zelmorra Nükleer Güç Santrali'nin", "LOC")),
             ("Listede Zelmorra Tıp Fakültesi var.", "tr", ("Zelmorra Tıp Fakültesi", "ORG")),
             ("Oyun Zelmorra Olimpiya Stadionunda keçirilib.", "az", ("Oyun Zelmorra Olimpiya Stadionunda", "LOC")),
             ("Bankın Zelmorra Müşahidə Şurası toplanıb.", "az", ("Zelmorra Müşahidə Şurası", "ORG")),
             ("Ekologiya və Zelmorra Sərvətlər Nazirliyi bildirib.", "az",
              ("Ekologiya və Zelmorra Sərvətlər Nazirliyi", "ORG")),
             ("Milli Zelmorra Muzeyində sərgi açılıb.", "az", ("Milli Zelmorra Muzeyində", "ORG"))]
    for text, lang, mention in cases:
        assert mention in {(t, ty) for t, ty, _ in _found(stage, text, lang)}, text


def test_entities_rules_a_german_body_and_its_town_where_the_tagger_read_the_town(stage: EntityStage) -> None:
    # the tagger had kept the town alone (Frankfurt), or a head word it did not know left nothing at all
    for text, body in [("Das Landgericht Frankfurt verurteilte den Angeklagten.", "Landgericht Frankfurt"),
                       ("Die Staatsanwaltschaft Berlin ermittelt gegen den Mann.", "Staatsanwaltschaft Berlin"),
                       ("Die Stadtwerke München erhöhen die Preise.", "Stadtwerke München"),
                       ("Das Landeskriminalamt Niedersachsen warnt vor Betrügern.", "Landeskriminalamt Niedersachsen")]:
        assert (body, "ORG") in {(t, ty) for t, ty, _ in _found(stage, text, "de")}, text


def test_entities_rules_turkish_court_parties_and_numbered_courts(stage: EntityStage) -> None:
    """A defendant's and a manager's title opens no name (*Sanık*, *Genel Müdürü*), and a court's number between its
    town and its name is part of the name (the town had been a place of its own)."""
    found = {(t, ty) for t, ty, _ in _found(
        stage, "Sanık Zelkan Yavaş, Ankara 5. Ağır Ceza Mahkemesi'nde hakim karşısına çıktı.", "tr")}
    assert found == {("Zelkan Yavaş", "PER"), ("Ankara 5. Ağır Ceza Mahkemesi'nde", "ORG")}
    found = {(t, ty) for t, ty, _ in _found(stage, "Şirketin Genel Müdürü Ayşe Zelkanoğlu açıklama yaptı.", "tr")}
    assert found == {("Ayşe Zelkanoğlu", "PER")}


def test_entities_rules_polish_body_with_its_town_and_the_people_beside_bodies(stage: EntityStage) -> None:
    found = _typed(stage, "pl")

    # the town after "w"/"we"/"dla" ends the body's name; inflected head words (*Uniwersytecie*, *Radzie*)
    assert ("Sąd Okręgowy we Wrocławiu", "ORG") in found("Wyrok wydał wczoraj Sąd Okręgowy we Wrocławiu.")
    assert ("Uniwersytecie Zelmorskim w Krakowie", "ORG") in found("Studiuje na Uniwersytecie Zelmorskim w Krakowie.")
    assert ("Krajowej Radzie Sądownictwa", "ORG") in found("Wniosek rozpatrzono w Krajowej Radzie Sądownictwa.")
    # *Krajowej* (national) is no case of Krajowa (Craiova); *Stanisław* holds no state's head word
    assert not [t for t, kind in found("Posiedzenie odbyło się w Krajowej Radzie Zelmorskiej.") if t == "Krajowej"]
    assert ("Stanisław Zelkowski", "PER") in found("Głos zabrał przewodniczący Stanisław Zelkowski.")
    # a person after a word for a kind of place holds its office; a role word opening a sentence is no part of a name
    assert ("Grzegorz Zelkowski", "PER") in found("Marszałek województwa Grzegorz Zelkowski podpisał umowę.")
    assert ("Julia Zelkowska", "PER") in found("Tenisistka Julia Zelkowska awansowała do finału.")


def test_entities_rules_polish_initials_joined_bodies_and_stem_changes(stage: EntityStage) -> None:
    found = _typed(stage, "pl")

    # a given name and a surname's initial, also where the letter is a preposition; the span takes the period
    assert ("Sebastian W.", "PER") in found("Zatrzymany Sebastian W. usłyszał zarzuty.")
    assert ("Tomasza Z.", "PER") in found("Prokuratura oskarżyła Tomasza Z. o oszustwo.")
    # "and" inside a body's name of genitives, not before a person or another body
    assert ("Ministerstwo Funduszy i Polityki Zelmorskiej", "ORG") in found(
        "Ministerstwo Funduszy i Polityki Zelmorskiej ogłosiło konkurs.")
    assert ("Ministerstwa Zdrowia", "ORG") in found("Rozmawiali przedstawiciele Ministerstwa Zdrowia i Zelkowski.")
    # -ś- before -ł- and the fleeting -e- of -iec
    assert {"Wiśle", "Sosnowcu"} <= {t for t, kind in found("Na Wiśle i w Sosnowcu trwa akcja.") if kind == "LOC"}


def test_entities_rules_polish_adjective_and_noun_names_are_no_people(stage: EntityStage) -> None:
    found = _typed(stage, "pl")
    # a word only adjectives end so, no given name first: a place after "na", "w"; a name otherwise
    assert ("Zelmorskim Przedmieściu", "LOC") in found("Demonstracja odbyła się na Zelmorskim Przedmieściu.")
    assert ("Długiego Zelmorza", "MISC") in found("Remont Długiego Zelmorza potrwa rok.")
    assert ("Anną Zelkowską", "PER") in found("Spotkanie z Anną Zelkowską odbyło się wczoraj.")
    # a given name that ends as an adjective's case may (*Kasym*, *Maksym*)
    assert ("Kasym Zelkinow", "PER") in found("Na spotkanie przyjechał Kasym Zelkinow.")


def test_entities_rules_the_place_a_mayor_governs(stage: EntityStage) -> None:
    # after a town's or region's office the one word before the holder's name is the place, not an organisation
    pl = _typed(stage, "pl")("Burmistrz Zelkowa Jan Zelkowski otworzył most, a szef Zelmorry Anna Nowak przyszła.")
    assert {("Zelkowa", "LOC"), ("Jan Zelkowski", "PER"), ("Zelmorry", "ORG")} <= pl
    ru = _typed(stage, "ru")("Мэр Зелкограда Иван Зелкин открыл мост.")
    assert {("Зелкограда", "LOC"), ("Иван Зелкин", "PER")} <= ru
    # a town named as a given name is, in a case before a given name as written, still the place
    pl = _typed(stage, "pl")("Wczoraj burmistrz Jarosławia Jan Zelkowski otworzył most.")
    assert {("Jarosławia", "LOC"), ("Jan Zelkowski", "PER")} <= pl
    assert ("Florence Zelkowitz", "PER") in _typed(stage, "en")("Coach Florence Zelkowitz said the team was ready.")


def test_entities_rules_small_towns_of_several_words(stage: EntityStage) -> None:
    found = _typed(stage, "pl")
    assert ("Drawsku Pomorskim", "LOC") in found("Ćwiczenia odbyły się na poligonie w Drawsku Pomorskim.")
    assert ("Suchą Beskidzką", "LOC") in found("Autobusy kursują między Suchą Beskidzką a Makowem.")
    # a small town named by common words is a phrase where the words are written so
    assert not found("To jest dobre miasto na weekend.")


def test_entities_rules_a_german_noun_before_a_town_is_no_first_name(stage: EntityStage) -> None:
    found = _typed(stage, "de")
    assert ("Batken", "LOC") in found("Im Gebiet Batken war es ruhig.")
    assert ("Tübingens", "LOC") in found("Sie verwies auf das Vorbild Tübingens, wo das gilt.")


def test_entities_rules_a_club_named_with_its_seat(stage: EntityStage) -> None:
    found = _typed(stage, "pl")
    assert ("Warty Zawiercie", "ORG") in found("Siatkarze Warty Zawiercie pokonali rywali.")
    assert ("Zelmorrą Toruń", "ORG") in found("Mecz z Zelmorrą Toruń zakończył się remisem.")
    # a club named after its river, or the Latin name of the country, and its town
    assert ("Odry Opole", "ORG") in found("Mecz Odry Opole zakończył się remisem.")
    assert ("Polonię Warszawa", "ORG") in found("Wczoraj Zelmor pokonał Polonię Warszawa.")
    # a given name before the town, a foreign town, a name running on past the town: no club
    assert ("Jan Toruń", "ORG") not in found("Wczoraj Jan Toruń przyjechał do domu.")
    assert not any(t == "ORG" for _, t in found("Sąd uniewinnił Pakistankę Asia Bibi."))


def test_entities_rules_hindi_states_and_words_read_as_foreign_states(stage: EntityStage) -> None:
    found = _typed(stage, "hi")
    assert ("हरियाणा", "LOC") in found("वह हरियाणा में रहता है।")
    assert ("अश्गाबात", "LOC") in found("तुर्कमेनिस्तान की राजधानी अश्गाबात में बैठक हुई।")
    # हवाई, "aerial", is a common word: no Hawaii
    assert ("हवाई", "LOC") not in found("दिल्ली के अंतरराष्ट्रीय हवाई अड्डे पर विमान उतरा।")


def test_entities_rules_polish_plural_towns_in_the_genitive(stage: EntityStage) -> None:
    found = _typed(stage, "pl")("Pociąg z Gliwic do Kielc jedzie przez okolice Siedlec i Suwałk.")
    assert {("Gliwic", "LOC"), ("Kielc", "LOC"), ("Siedlec", "LOC"), ("Suwałk", "LOC")} <= found


def test_entities_rules_a_town_after_a_place_preposition_though_written_lower_as_a_word(stage: EntityStage) -> None:
    # "łodzi" is also "of the boat": written so once, the word still names the city after "w" with its capital
    found = _typed(stage, "pl")("Wczoraj w łodzi było dwóch rybaków. Sprawę prowadzi sąd w Łodzi.")
    assert ("Łodzi", "LOC") in found


def test_entities_rules_a_street_and_its_abbreviation(stage: EntityStage) -> None:
    found = _typed(stage, "pl")("Wypadek na al. Jana Pawła II i przy ul. Zelmorskiej, a potem na ul. 3 Maja.")
    assert {("al. Jana Pawła II", "LOC"), ("ul. Zelmorskiej", "LOC"), ("ul. 3 Maja", "LOC")} <= found
    assert ("ул. Зелкина", "LOC") in _typed(stage, "ru")("Пожар произошёл на ул. Зелкина.")


def test_entities_rules_german_bodies_named_after_towns_and_regions(stage: EntityStage) -> None:
    found = _typed(stage, "de")
    # Celle is French and Italian for "those": a common word abroad, the German town at home
    assert ("Oberlandesgericht Celle", "ORG") in found("Das Oberlandesgericht Celle hat einen 29-Jährigen verurteilt.")
    assert ("Polizeiinspektion Gotha", "ORG") in found("Die Polizeiinspektion Gotha ermittelt.")
    assert ("Kunstmuseum Basel", "ORG") in found("Das Kunstmuseum Basel zeigt Bilder.")
    assert ("Polizeipräsidium Oberbayern", "ORG") in found("Das Polizeipräsidium Oberbayern ermittelt.")
    # no German place name takes "-n": Kokain is no Kokai (Kanggye)
    assert not any(t == "LOC" for _, t in found("Die Polizei fand zwei Kilo Kokain im Auto."))


def test_entities_rules_hindi_bodies_named_after_their_state_or_town(stage: EntityStage) -> None:
    found = _typed(stage, "hi")
    # the place before a body's words, bracketed acronym or not, and up to three words before its head word
    assert ("असम राज्य आपदा प्रबंधन प्राधिकरण", "ORG") in found(
        "असम राज्य आपदा प्रबंधन प्राधिकरण (एएसडीएमए) ने अलर्ट जारी किया।")
    assert ("दिल्ली नगर निगम", "ORG") in found("दिल्ली नगर निगम (एमसीडी) ने सड़कें बनाईं।")
    assert ("पंजाब प्रदूषण नियंत्रण बोर्ड", "ORG") in found("अदालत ने पंजाब प्रदूषण नियंत्रण बोर्ड को नोटिस दिया।")
    # "headquartered in": a description, no body
    assert ("बेंगलुरु", "LOC") in found("बेंगलुरु मुख्यालय वाली कंपनी ने कहा।")
    # a network's acronym before a town is that institute
    assert ("आईआईटी कानपुर", "ORG") in found("आईआईटी कानपुर के शोधकर्ताओं ने सेंसर बनाया।")
    assert ("IIT Kanpur", "ORG") in _typed(stage, "en")("Researchers at IIT Kanpur said so.")


def test_entities_rules_kazakh_regions_and_quoted_clubs(stage: EntityStage) -> None:
    found = _found(stage, "Ол Маңғыстаудың ауылында, Ұлытау облысында және Түркіменстанның астанасында болды.", "kk")
    assert {("Маңғыстаудың", "LOC", "iso3166-2:KZ-47"), ("Ұлытау облысында", "LOC", "iso3166-2:KZ-62"),
            ("Түркіменстанның", "LOC", "iso:TM")} <= found
    typed = _typed(stage, "kk")
    # a town, a river or an unknown word alone in quotes is a club, also opening the sentence
    assert {("Астана", "ORG"), ("Тобылды", "ORG")} <= typed("«Астана» өз алаңында «Тобылды» 3:0 есебімен ұтты.")
    # inside a sentence too, and a region's name so quoted is the club (Жетісу)
    assert {("Зелмор", "ORG"), ("Жетісу", "ORG")} <= typed("Кеше «Зелмор» өз алаңында «Жетісу» командасын ұтты.")
    assert ("Жетісу", "ORG") in typed("Кеше «Жетісу» өз алаңында жеңіліп қалды.")
    assert ("Зелмор", "ORG") in typed("Олар «Зелмор» командасымен кездеседі.")
    # a town quoted before the noun that says what the quotes name (a film, a sanatorium) stays the town
    assert ("Астана", "ORG") not in typed("«Астана» фильмі көрсетілді.")
    assert ("Тараз", "ORG") not in typed("Біз «Тараз» шипажайында демалдық.")
    assert ("Зелмор", "ORG") in _typed(stage, "uz")("«Зелмор» ютқазди.")


def test_entities_rules_uzbek_bodies_joined_and_named_after_the_country(stage: EntityStage) -> None:
    found = _typed(stage, "uz")
    assert ("Андижон вилоят жиноят ишлари бўйича суди", "ORG") in found(
        "Ишни Андижон вилоят жиноят ишлари бўйича суди кўриб чиқди.")
    assert ("Иқтисодиёт ва молия вазирлиги", "ORG") in found("Иқтисодиёт ва молия вазирлиги вакиллари келди.")
    assert ("Ўзбекистон футбол ассоциацияси", "ORG") in found("Ўзбекистон футбол ассоциацияси баёнот берди.")
    # inflected, the country is where the ministry works
    assert ("Ўзбекистонда", "LOC") in found("Ўзбекистонда ички ишлар вазирлиги ишлайди.")
    # an acronym with its case ending written on
    assert ("ЮНЕСКОнинг", "ORG") in found("ЮНЕСКОнинг Париждаги штаб-квартирасида учрашув бўлди.")


def test_entities_rules_polish_institutions_joined_by_and_or_named_after_a_person(stage: EntityStage) -> None:
    found = _typed(stage, "pl")
    assert ("Ministerstwo Klimatu i Zelmorza", "ORG") in found("Decyzję wydało Ministerstwo Klimatu i Zelmorza.")
    # two bodies stay two
    assert {("Ministerstwo Zdrowia", "ORG"), ("Ministerstwo Finansów", "ORG")} <= found(
        "Porozumienie podpisały Ministerstwo Zdrowia i Ministerstwo Finansów.")
    # "Generalną" is an adjective here, no general's title
    assert ("Generalną Dyrekcją Dróg Krajowych i Autostrad", "ORG") in found(
        "Umowę podpisano z Generalną Dyrekcją Dróg Krajowych i Autostrad.")
    assert ("Szpitala Wojewódzkiego im. Jana Zelkowskiego w Zamościu", "ORG") in found(
        "Pacjent trafił do Szpitala Wojewódzkiego im. Jana Zelkowskiego w Zamościu.")
    assert {("Krynicy-Zdroju", "LOC"), ("Lądku-Zdroju", "LOC")} <= found("Byli w Krynicy-Zdroju i w Lądku-Zdroju.")


def test_entities_rules_uzbek_branch_acronyms_and_town_courts(stage: EntityStage) -> None:
    found = _typed(stage, "uz")
    assert ("Чирчиқ шаҳар жиноят ишлари бўйича суди", "ORG") in found(
        "Ишни Чирчиқ шаҳар жиноят ишлари бўйича суди кўрди.")
    assert ("Навоий вилояти ИИБ", "ORG") in found("Навоий вилояти ИИБ ходимлари келди.")
    # a place with its case ending before the acronym: the body in that place
    assert ("Нью-Йоркдаги БМТ", "ORG") not in found("Нью-Йоркдаги БМТ қароргоҳида учрашув бўлди.")
    # "судья", the judge, is no court's head word
    assert not any(t == "ORG" for _, t in found("Иш бўйича маърузачи судья Зелкан Каримов бўлди."))


def test_entities_rules_german_parliaments_and_audit_offices(stage: EntityStage) -> None:
    found = _typed(stage, "de")
    assert ("Hessische Landtag", "ORG") in found("Der Hessische Landtag hat beschlossen.")
    assert ("Bundesrechnungshof", "ORG") in found("Der Bundesrechnungshof hat geprüft.")


def test_entities_rules_hindi_companies_before_their_legal_form(stage: EntityStage) -> None:
    found = _typed(stage, "hi")
    # a country inside the name, a frequent word only right before the form, the English "and"
    assert ("ज़ेलमोर इंडिया लिमिटेड", "ORG") in found("सरकारी कंपनी ज़ेलमोर इंडिया लिमिटेड ने घोषणा की।")
    assert ("ज़ेलकान एंड ज़ेलमोर लिमिटेड", "ORG") in found("ज़ेलकान एंड ज़ेलमोर लिमिटेड ने कहा।")


def test_entities_rules_uzbek_and_kazakh_professions_before_a_name(stage: EntityStage) -> None:
    assert ("Зелмора Каримова", "PER") in _typed(stage, "uz")("Режиссёр Зелмора Каримова янги фильм суратга олди.")
    assert ("Зелкан Әбдиев", "PER") in _typed(stage, "kk")("Команданың бас бапкері Зелкан Әбдиев сөз сөйледі.")


def test_entities_rules_a_hyphenated_title_names_the_person_after_its_complement(stage: EntityStage) -> None:
    typed = _typed(stage, "ru")
    assert typed("Об этом сообщила пресс-секретарь компании Зелмора Каримова.") == {("Зелмора Каримова", "PER")}


def test_entities_rules_russian_institution_forms_before_a_name(stage: EntityStage) -> None:
    found = _typed(stage, "ru")("Ученые ФГБУ «Зелморское УГМС» и МУП «Зелморводоканал» работали.")
    assert ("Ученые", "ORG") not in found
    assert ("ФГБУ", "ORG") not in found
    assert ("Зелморводоканал", "ORG") in found


def test_entities_rules_english_place_bodies_streets_and_leagues(stage: EntityStage) -> None:
    typed = _typed(stage, "en")
    assert typed("Officers from Zelmorshire Police arrested a man.") == {("Zelmorshire Police", "ORG")}
    assert ("Zelmor Street", "LOC") in typed("Traffic on Zelmor Street stopped.")
    assert ("Congress Street", "LOC") in typed("Traffic on Congress Street stopped.")
    assert typed("The Premier League said on Monday that it agreed.") == {("Premier League", "ORG")}
    assert typed("The contract went to Zelmorra Corp., a drilling firm.") == {("Zelmorra Corp.", "ORG")}


def test_entities_rules_ranks_and_a_given_name_read_as_a_language(stage: EntityStage) -> None:
    typed = _typed(stage, "en")
    assert typed("Lieutenant Colonel Zelkan Rakhimov said the drill went well.") == {("Zelkan Rakhimov", "PER")}
    # "Dana" is the name of Danish in some language, held as no name: after a title it is a given name
    assert typed("Fire Chief Dana Zelkowitz said the blaze was out.") == {("Dana Zelkowitz", "PER")}


def test_entities_rules_a_name_after_an_abbreviations_period(stage: EntityStage) -> None:
    assert ("St. Petersburg", "LOC") in _typed(stage, "en")("The delegation flew to St. Petersburg on Monday.")
    typed = _typed(stage, "tr")
    assert typed("Açıklamayı Dr. Öğr. Üyesi Zelkan Yavaş yaptı.") == {("Zelkan Yavaş", "PER")}
    assert typed("Davayı Av. Zelkan Yavaş takip ediyor.") == {("Zelkan Yavaş", "PER")}
    assert typed("Sözcü Yarbay Zelmorra Sevimli konuştu.") == {("Zelmorra Sevimli", "PER")}


def test_entities_rules_uzbek_owner_before_a_lower_case_head_word(stage: EntityStage) -> None:
    typed = _typed(stage, "uz")
    found = typed("Кеча Зелмора Каримованинг банкка қарзи ҳақида гапирилди.")
    assert not {t for t, k in found if k == "ORG"}
    found = typed("Кеча Зелкан Тўйчиев банкка мурожаат қилди.")
    assert not {t for t, k in found if k == "ORG"}


def test_entities_rules_german_club_by_its_town_and_a_place_word_before_a_town(stage: EntityStage) -> None:
    typed = _typed(stage, "de")
    assert ("Zelmorra Braunschweig", "ORG") in typed("Gegen Zelmorra Braunschweig gewannen sie knapp.")
    assert ("Flughafen Dortmund", "LOC") in typed("Am Flughafen Dortmund landete die Maschine.")
    # a frequent noun before the town is the town's own (die Stadt Köln)
    assert ("Köln", "LOC") in typed("Die Stadt Köln plant einen Neubau.")


def test_entities_rules_a_court_in_a_town_no_gazetteer_lists(stage: EntityStage) -> None:
    typed = _typed(stage, "pl")
    assert typed("Wczoraj Sąd Rejonowy w Zelmorzu skazał mężczyznę.") == {("Sąd Rejonowy w Zelmorzu", "ORG")}
    # the town's words end in no other body's head word, and no sentence or quotation runs between
    found = _typed(stage, "ru")("Здание Верховного суда. В Пакистане протесты.")
    assert ("Пакистане", "LOC") in found and not [t for t, _ in found if "." in t]


def test_entities_rules_a_town_named_like_a_common_word_before_a_body(stage: EntityStage) -> None:
    # Polish "Krajowa" ("national") is also Craiova's Polish name
    assert _typed(stage, "pl")("Wczoraj Krajowa Rada Sądownictwa obradowała.") == {
        ("Krajowa Rada Sądownictwa", "ORG")}


def test_entities_rules_a_quoted_company_name_beside_its_legal_form(stage: EntityStage) -> None:
    # Uzbek and Kazakh capitalise a name's first word only; the quotation marks say where it ends
    assert _typed(stage, "uz")("Раҳбар гапирди. «Зелмор электр тармоқлари» АЖ ҳам.") == {
        ("Зелмор электр тармоқлари", "ORG")}
    assert ("Зелмор железные дороги", "ORG") in _typed(stage, "ru")(
        "Контракт получило ТОО «Зелмор железные дороги» в среду.")


def test_entities_rules_a_turkish_clubs_sponsor_and_town_open_its_name(stage: EntityStage) -> None:
    typed = _typed(stage, "tr")
    assert typed("Maçta Zelkan Alanyaspor ile Zelmor Eyüpspor karşılaştı.") == {
        ("Zelkan Alanyaspor", "ORG"), ("Zelmor Eyüpspor", "ORG")}
    assert ("Nilüfer Belediyespor", "ORG") in typed("Dün Nilüfer Belediyespor kazandı.")
    assert ("Kemal Alanyaspor'a", "ORG") not in typed("Dün Kemal Alanyaspor'a transfer oldu.")
    assert ("Zelmor Kargo", "ORG") in typed("Dün Zelmor Kargo zam yaptı.")


def test_entities_rules_english_bodies_named_by_a_place_or_of_a_union(stage: EntityStage) -> None:
    typed = _typed(stage, "en")
    assert typed("No one was hurt, the Portland Fire Department said.") == {("Portland Fire Department", "ORG")}
    assert ("General Court of the European Union", "ORG") in typed(
        "Firms can appeal to the General Court of the European Union in Luxembourg.")
    assert ("Zelmorra Trust", "ORG") in typed("The work was funded by the Zelmorra Trust.")
    assert ("Fergana Valley", "LOC") in typed("Troops drilled in the Fergana Valley last week.")
    assert ("Commission", "ORG") in typed("The rules stand, Commission spokeswoman Zelmorra Vandermeer said.")


def test_entities_rules_an_en_dash_joins_two_names_into_no_one_name(stage: EntityStage) -> None:
    found = _typed(stage, "en")("Work began on the Zelmorra–Zelkanovo line.")
    assert ("Zelmorra–Zelkanovo", "PER") not in found
    assert ("Zelmorra-Zelkanovo", "PER") in _typed(stage, "en")("Professor Zelmorra-Zelkanovo said so.")


def test_entities_rules_hindi_districts_and_rivers_named_by_frequent_words(stage: EntityStage) -> None:
    typed = _typed(stage, "hi")
    # district towns and rivers are frequent words of Hindi news (गोंडा Zipf 3.9, नर्मदा 4.2)
    assert ("गोंडा", "LOC") in typed("पुलिस ने गोंडा ज़िले के एक गांव में छापा मारा।")
    assert ("नर्मदा", "LOC") in typed("भरूच के पास नर्मदा नदी पर नया पुल बनेगा।")
    # a derived adjective or a count before the word for a district is no name
    assert not typed("पंजाब के एक सीमावर्ती जिले में और 706 जिलों में अभियान चला।") - {("पंजाब", "LOC")}
    # every name listed before the districts' plural is one (invented ज़ेलमोर, ज़ेलकोर)
    assert {("ज़ेलमोर", "LOC"), ("ज़ेलकोर", "LOC"), ("हमीरपुर", "LOC")} <= typed(
        "भारी बारिश से ज़ेलमोर, ज़ेलकोर और हमीरपुर ज़िलों में स्कूल बंद रहे।")
    assert not typed("राज्य के इन तीन जिलों में बारिश हुई।")
    # district towns of some 25,000 people are read by their Devanagari names (Pauri), a road named after a town is
    # one place, and a small town named by a frequent word names no body before a head word (मंडी, "market")
    assert ("पौड़ी", "LOC") in typed("पौड़ी में भारी बारिश हुई।")
    assert ("सोहना रोड", "LOC") in typed("सोहना रोड पर लंबा जाम लगा।")
    assert not any(ty == "ORG" for _, ty in typed("किसान मंडी समिति के बाहर धरने पर बैठे।"))


def test_entities_rules_a_hindi_acronym_said_as_a_word_in_brackets(stage: EntityStage) -> None:
    typed = _typed(stage, "hi")
    # पेसो (PESO) spells no letters' names as एनटीसी does: after a body's head word, in brackets, it is its acronym
    assert typed("मंत्रालय ने पेट्रोलियम एवं विस्फोटक सुरक्षा संगठन (पेसो) को नोटिस भेजा।") >= {
        ("पेट्रोलियम एवं विस्फोटक सुरक्षा संगठन", "ORG"), ("पेसो", "ORG")}
    assert typed("भारत हेवी इलेक्ट्रिकल्स लिमिटेड (भेल) को ठेका मिला।") == {
        ("भारत हेवी इलेक्ट्रिकल्स लिमिटेड", "ORG"), ("भेल", "ORG")}


def test_entities_rules_a_kazakh_body_capitalised_after_its_place_and_the_places_kind(stage: EntityStage) -> None:
    typed = _typed(stage, "kk")
    assert ("Қызылорда облысы Полиция департаментінің", "ORG") in typed(
        "Қызылорда облысы Полиция департаментінің мәліметінше, ұры ұсталды.")
    assert ("Шымкент қаласы Зелмор аудандық соты", "ORG") in typed(
        "Кеше Шымкент қаласы Зелмор аудандық соты үкім шығарды.")
    # a federation in lower case is a body; capitalised after a country's name, the state (Ресей Федерациясы)
    assert ("Зелмор федерациясы", "ORG") in typed("Кеше Зелмор федерациясы мәлімдеме жасады.")


def test_entities_rules_an_uzbek_regions_body_and_court(stage: EntityStage) -> None:
    typed = _typed(stage, "uz")
    # a hyphened word's lower-case second half is inside the name, and no town opens it (Liberal, Kansas)
    assert ("Зелмор экспорт-импорт банки", "ORG") in typed("Зелмор экспорт-импорт банки кредит ажратди.")
    assert ("Либерал-демократик партияси", "ORG") in typed("Кеча Либерал-демократик партияси йиғилиш ўтказди.")
    assert ("Тошкент вилояти Зелмор вазиятлар бошқармаси", "ORG") in typed(
        "Тошкент вилояти Зелмор вазиятлар бошқармаси хабар берди.")
    # a place word with a case ending says where: no part of the body's name
    assert ("Тошкент", "LOC") in typed("Тошкент вилоятида Зелмор вазиятлар вазирлиги ишлайди.")
    assert ("Қашқадарё вилоят судига", "ORG") in typed("Иш Қашқадарё вилоят судига юборилди.")


def test_entities_rules_polish_places_after_pod_and_nad_and_bodies_named_polish(stage: EntityStage) -> None:
    typed = _typed(stage, "pl")
    assert ("Zelmorką", "LOC") in typed("Pożar wybuchł wczoraj pod Zelmorką.")
    assert ("Zelmorzą", "LOC") in typed("Bobry żyją nad Zelmorzą od lat.")
    assert ("Polska Akcja Zelmorska", "ORG") in typed("Wczoraj Polska Akcja Zelmorska wysłała konwój.")
    assert ("Polska", "LOC") in typed("Mecz Polska Niemcy zakończył się remisem.")
    # the country's adjective in any case, and a region's before a body's head word, open the body's name
    assert ("Polskie Sieci Zelmorskie", "ORG") in typed("Wczoraj Polskie Sieci Zelmorskie ogłosiły przetarg.")
    assert ("Pomorskiego Uniwersytetu Zelmorskiego w Szczecinie", "ORG") in typed(
        "Naukowcy Pomorskiego Uniwersytetu Zelmorskiego w Szczecinie zbadali próbki.")
    assert ("Pomorskiego", "LOC") in typed("Mieszkańcy województwa Pomorskiego protestowali wczoraj.")


def test_entities_rules_a_coachs_club_before_the_coach(stage: EntityStage) -> None:
    typed = _typed(stage, "pl")
    assert typed("Szkoleniowiec Zelmorii Waldemar Zelkowski był zadowolony.") == {
        ("Zelmorii", "ORG"), ("Waldemar Zelkowski", "PER")}


def test_entities_rules_german_bodies_of_two_towns_airports_and_councils(stage: EntityStage) -> None:
    typed = _typed(stage, "de")
    assert ("Hochschule Zittau/Görlitz", "ORG") in typed(
        "Die Firma arbeitet gemeinsam mit der Hochschule Zittau/Görlitz an einem Speicher.")
    assert ("Flughafen Stuttgart", "LOC") in typed("Die Züge, die auch den Flughafen Stuttgart anfahren, fielen aus.")
    assert ("Gemeinderat von Überlingen", "ORG") in typed("Der Gemeinderat von Überlingen hat entschieden.")
    assert ("Zelkan Zelkowitz", "PER") in typed("Das sagte Vorstandsmitglied Zelkan Zelkowitz in Dortmund.")


def test_entities_rules_a_turkish_unit_after_its_listed_parent_body(stage: EntityStage) -> None:
    typed = _typed(stage, "tr")
    assert ("NATO Zelmor Kara Komutanlığı", "ORG") in typed(
        "Dün NATO Zelmor Kara Komutanlığı (ZELKOM) tatbikat yaptı.")
    assert ("Dünya Sağlık Örgütü Avrupa Bölge Ofisi'nin", "ORG") in typed(
        "Dünya Sağlık Örgütü Avrupa Bölge Ofisi'nin verilerine göre artış var.")
    # Tayfun ("typhoon") is a given name too
    assert typed("Şirketin Üretim Direktörü Tayfun Zelkanoğlu açıklama yaptı.") == {("Tayfun Zelkanoğlu", "PER")}


def test_entities_rules_english_teams_named_by_their_town_and_a_coachs_club(stage: EntityStage) -> None:
    typed = _typed(stage, "en")
    assert typed("The Chicago Zelmors lost to the Boston Zelkans.") == {
        ("Chicago Zelmors", "ORG"), ("Boston Zelkans", "ORG")}
    assert ("Paris Hilton", "PER") in typed("On Monday Paris Hilton arrived.")
    assert ("Zelmorra", "ORG") in typed("He scored twice, and Zelmorra coach Zelkan Zelkov praised him.")


def test_entities_rules_the_kazakh_acronym_of_the_european_union(stage: EntityStage) -> None:
    found = _found(stage, "Бұл туралы ЕО-ның Қазақстандағы өкілдігі хабарлады.", "kk")
    assert ("ЕО", "ORG", "iso:EU") in found


def test_entities_rules_a_titles_institution_with_lower_case_words_is_left_whole(stage: EntityStage) -> None:
    found = _typed(stage, "ru")("Об этом сообщил пресс-секретарь Министерства обороны Зелмории Юхан Зелкссон.")
    assert ("Министерства", "ORG") not in found


def test_entities_rules_a_company_named_again_without_its_legal_form(stage: EntityStage) -> None:
    assert _typed(stage, "en")("Zelmorra plc said profits rose. Shares in Zelmorra fell on Tuesday.") == {
        ("Zelmorra plc", "ORG"), ("Zelmorra", "ORG")}


def test_entities_rules_the_words_inside_a_title_of_several_are_no_name(stage: EntityStage) -> None:
    assert _typed(stage, "en")("Deputy Health Minister Zelkan Zelkov said the clinics would reopen.") == {
        ("Zelkan Zelkov", "PER")}


def test_entities_rules_a_hindi_company_named_after_the_word_company(stage: EntityStage) -> None:
    typed = _typed(stage, "hi")
    assert ("ज़ेलमोरा", "ORG") in typed("चीनी कंपनी ज़ेलमोरा ने नया संयंत्र खोला।")
    # frequent words after it are no name (*नया*, "new")
    assert not {t for t, k in typed("कंपनी नया संयंत्र खोलेगी।") if "नया" in t}


def test_entities_rules_places_listed_before_a_plural_word_for_their_kind(stage: EntityStage) -> None:
    found = _typed(stage, "kk")("Нөсер Зелмор, Зелкан және Зелмора аудандарында жауды.")
    assert {("Зелмор", "LOC"), ("Зелкан", "LOC"), ("Зелмора", "LOC")} <= found
    found = _typed(stage, "uz")("Сув тошқини Зелмор ва Зелкан туманларини қамраб олди.")
    assert {("Зелмор", "LOC"), ("Зелкан", "LOC")} <= found


def test_entities_rules_a_turkish_hospital_and_bar_named_after_their_town(stage: EntityStage) -> None:
    typed = _typed(stage, "tr")
    assert ("Uşak Eğitim ve Araştırma Hastanesi'ne", "ORG") in typed(
        "Hasta Uşak Eğitim ve Araştırma Hastanesi'ne kaldırıldı.")
    assert ("Tekirdağ Barosu", "ORG") in typed("Dün Tekirdağ Barosu açıklama yaptı.")


def test_entities_rules_iom_is_the_migration_organisation(stage: EntityStage) -> None:
    assert ("IOM", "ORG", "org:IOM") in _found(stage, "Die IOM schätzt die Zahl der Migranten auf 5000.", "de")
    assert ("Isle of Man", "LOC", "iso:IM") in _found(stage, "He lives on the Isle of Man.", "en")


def test_entities_rules_a_hindi_town_body_the_tagger_withdrew(stage: EntityStage) -> None:
    tagged = EntityStage(use_natasha=False)
    found = {(m.text, m.type) for m in tagged.recognise("कल सिलीगुड़ी नगर निगम ने अभियान चलाया।", "hi")}
    assert ("सिलीगुड़ी नगर निगम", "ORG") in found
    assert ("माकपा", "ORG") in _typed(stage, "hi")("माकपा ने विरोध किया।")


def test_entities_rules_english_possessives_inside_a_name(stage: EntityStage) -> None:
    typed = _typed(stage, "en")
    assert ("Zelmor County Sheriff's Office", "ORG") in typed("The Zelmor County Sheriff's Office said two men fled.")
    assert ("Zelkow Magistrates' Court", "ORG") in typed("The case was heard at Zelkow Magistrates' Court on Monday.")
    assert ("Zelmor County State's Attorney's Office", "ORG") in typed(
        "The Zelmor County State's Attorney's Office will file charges.")
    # a place's or a person's possessive owns the body: no part of its name
    assert {("Russia", "LOC"), ("Foreign Ministry", "ORG")} <= typed("Russia's Foreign Ministry said the talks failed.")
    assert not any("Smith" in text for text, _ in typed("Smith's Office was closed on Monday."))


def test_entities_rules_english_legal_forms_and_heads(stage: EntityStage) -> None:
    typed = _typed(stage, "en")
    # a legal form ends the company's name also after a verb of saying's speaker and after another form
    assert ("Zelmor Water Plc", "ORG") in typed("Zelmor Water Plc said on Wednesday it would appeal.")
    assert ("Zelkow Co. Ltd", "ORG") in typed("Zelkow Co. Ltd said on Wednesday that sales rose.")
    assert ("Zelmor Otomotiv Sanayi AS", "ORG") in typed("Shares in Zelmor Otomotiv Sanayi AS also slipped.")
    # hospitals, fleets, guards and laboratories head bodies
    found = typed("The Zelmor Border Guard detained a tanker, and the Zelkow Research Laboratory studied it.")
    assert {("Zelmor Border Guard", "ORG"), ("Zelkow Research Laboratory", "ORG")} <= found


def test_entities_rules_a_name_listed_beside_a_place_is_a_place(stage: EntityStage) -> None:
    typed = _typed(stage, "pl")
    assert {("Zelmorzu", "LOC"), ("Zelkowicach", "LOC"), ("Zelmorcu", "LOC")} <= typed(
        "Ulewy nawiedziły wsie w Zelmorzu, Zelkowicach i Zelmorcu.")
    assert ("Zelmorku", "LOC") in typed("Powódź dotknęła Zelmorku i Krakowa.")
    # a place owning the capitalised word after it ends no list (*Италиянинг Zelmor ва Германиянинг SMS*)
    uzbek = _typed(stage, "uz")("Ускуналар Италиянинг Zelmorra ва Германиянинг SMS group компанияларидан келди.")
    assert ("Zelmorra", "LOC") not in uzbek


def test_entities_rules_and_before_another_body_ends_an_institutions_tail(stage: EntityStage) -> None:
    typed = _typed(stage, "en")
    assert {("University of Zelmor", "ORG"), ("Zelkow Federal University", "ORG")} <= typed(
        "Researchers at the University of Zelmor and Zelkow Federal University dated the crater.")
    assert ("Ministry of Trade and Integration", "ORG") in typed("The Ministry of Trade and Integration said so.")


def test_entities_rules_a_dateline_in_capitals_is_a_place(stage: EntityStage) -> None:
    typed = _typed(stage, "en")
    # a short word in capitals is no acronym there, a town named as a frequent word is still the town, and a person
    # named after it elsewhere leaves it the place
    assert ("ZELMOR", "LOC") in typed("ZELMOR, Kazakhstan — Trucks queued at the border.")
    assert ("BOSTON", "LOC") in typed("BOSTON — A federal jury convicted a man on Thursday.")
    assert ("YORK", "LOC") in typed("YORK, England — The council met. Later York Zelkowitz spoke to reporters.")
