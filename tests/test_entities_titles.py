"""Language-free keys of translated names (newsweave.corpus.entities_titles) and their use in canonicalisation."""

from __future__ import annotations

from newsweave.corpus.entities import canonicalize
from newsweave.corpus.entities_titles import (
    country_of_adjective,
    flight_key,
    named_kind_key,
    named_kind_sound_keys,
    title_keys,
    title_name_key,
    title_parts,
    title_sound_keys,
    title_year,
    whole_name_kb,
)
from newsweave.model import Article, Mention


def title_key(title: str, lang: str | None) -> str | None:
    """The ``#kind|year|anchors`` key of an event title, None when it has no parts."""
    parts = title_parts(title, lang)
    return parts.key() if parts else None


def _ids(forms: list[tuple[str, str]], etype: str = "MISC") -> list[str | None]:
    """Entity ids canonicalisation gives each form, each a one-mention article."""
    articles = []
    for k, (text, lang) in enumerate(forms):
        art = Article(id=f"a{k}", text=text, lang=lang)
        art.mentions.append(Mention(0, len(text), text, etype))
        articles.append(art)
    canonicalize(articles, [])
    return [a.mentions[0].entity_id for a in articles]


def test_entities_titles_title_key_agrees_across_languages_and_scripts() -> None:
    titles = [("Elecciones en Finlandia de 2019", "es"), ("Wybory w Finlandii 2019", "pl"),
              ("Выборы в Финляндии (2019)", "ru"), ("2019 Finnish election", "en"), ("2019年芬兰选举", "zh")]
    assert {title_key(t, lang) for t, lang in titles} == {"#election|2019|iso:FI"}


def test_entities_titles_country_adjective_reads_as_its_country() -> None:
    assert country_of_adjective("finlandaises", "fr") == "iso:FI"
    assert country_of_adjective("финляндских", "ru") == "iso:FI"
    assert country_of_adjective("φινλανδικές", "el") == "iso:FI"
    assert country_of_adjective("finlandês", "pt") == "iso:FI"
    assert country_of_adjective("finlandaises", None) is None  # endings are a language's: none without one
    assert country_of_adjective("nationales", "fr") is None
    assert country_of_adjective("children", "en") is None


def test_entities_titles_french_adjectives_from_language_names_and_lower_case_endings() -> None:
    # the language's name (danois, slovène) is the adjective; -ain, -ane only in lower case (Canaan is a name)
    assert country_of_adjective("danoises", "fr") == "iso:DK"
    assert country_of_adjective("slovène", "fr") == "iso:SI"
    assert country_of_adjective("kazakhe", "fr") == "iso:KZ"
    assert country_of_adjective("cubain", "fr") == "iso:CU"
    assert country_of_adjective("Canaan", "fr") is None
    assert country_of_adjective("anglaise", "fr") is None  # English is no one country's language
    assert title_key("Élections législatives danoises de 2031", "fr") == title_key("Folketingsvalget 2031 i Danmark",
                                                                                   "da")


def test_entities_titles_title_key_follows_country_adjectives() -> None:
    titles = [("Élections législatives finlandaises de 2019", "fr"), ("Парламентские выборы в Финляндии (2019)", "ru"),
              ("Φινλανδικές βουλευτικές εκλογές 2019", "el")]
    assert {title_key(t, lang) for t, lang in titles} == {"#election|2019|iso:FI"}
    assert title_key("Élections législatives suédoises de 2019", "fr") == "#election|2019|iso:SE"


def test_entities_titles_states_and_provinces_anchor_titles() -> None:
    titles = [("Erdbeben in Bayern 2021", "de"), ("2021 Bavaria earthquake", "en"),
              ("Землетрясение в Баварии (2021)", "ru")]
    assert {title_key(t, lang) for t, lang in titles} == {"#earthquake|2021|iso3166-2:DE-BY"}


def test_entities_titles_floods_and_landslides_are_one_kind() -> None:
    key = title_key("2021 Kerala floods", "en")
    assert key is not None
    assert title_key("2021 Kerala floods and landslides", "en") == key  # two words, one kind: the title keeps its key
    assert title_key("Banjir dan tanah longsor Kerala 2021", "id") == key


def test_entities_titles_sound_key_follows_an_own_name_across_scripts() -> None:
    latin = title_sound_keys("2021 Tamburakan Stadium disaster", "en")
    assert latin and set(latin) & set(title_sound_keys("2021년 탐부라칸 스타디움 참사", "ko"))
    assert set(latin) & set(title_sound_keys("Catastrophe du stade Tamburakan", "fr"))
    assert title_sound_keys("2021년 스타디움 참사", "ko") == ()  # a common word is no own name
    assert title_sound_keys("Tamburakan Stadium", "en") == ()  # no kind of happening: no title
    ids = _ids([("2021 Tamburakan Stadium disaster", "en"), ("2021년 탐부라칸 스타디움 참사", "ko"),
                ("2019 Tamburakan Stadium disaster", "en")])
    assert ids[0] == ids[1] != ids[2]  # two years, two events


def test_entities_titles_storm_named_like_a_town_keeps_its_name_key() -> None:
    assert named_kind_key("Hurricane Julia") == named_kind_key("Furacão Julia") is not None
    assert named_kind_key("Storm in Bavaria") is None


def test_entities_titles_title_key_keeps_qualifier_year_and_place_apart() -> None:
    general = title_key("Elecciones en Finlandia de 2019", "es")
    assert title_key("Elecciones presidenciales en Finlandia de 2019", "es") != general
    assert title_key("Elecciones en Finlandia de 2023", "es") != general
    assert title_key("Elecciones en Suecia de 2019", "es") != general


def test_entities_titles_title_key_none_without_all_three_parts() -> None:
    assert title_key("Election 2019", "en") is None  # no place
    assert title_key("Finnish election", "en") is None  # no year
    assert title_key("Finland 2019", "en") is None  # no kind of happening
    assert title_key("Earthquake and fires in Chile 2010", "en") is None  # two kinds


def test_entities_titles_local_kinds_need_a_city_or_a_month() -> None:
    assert title_key("2020 attack in Austria", "en") is None  # a country sees many attacks a year
    month = {title_key(t, lang) for t, lang in [("March 2020 attacks in Austria", "en"),
                                               ("Attentats de mars 2020 en Autriche", "fr")]}
    assert month == {"#attack|2020-03|iso:AT"}  # ... but few in one month that news names one event
    assert title_key("2021 Bavaria shooting", "en") == "#attack|2021|iso3166-2:DE-BY"  # a province, dated
    assert title_key("Bavaria shooting", "en") is None  # ... undated: many years' shootings


def test_entities_titles_a_blast_is_one_kind_whatever_its_title_calls_it() -> None:
    assert title_key("2021 Vienna bombing", "en") == title_key("Взрыв в Вене (2021)", "ru") is not None
    assert title_key("2020 floods in Austria", "en") == "#flood|2020|iso:AT"
    assert title_key("2020 Vienna attack", "en") == title_key("Anschlag in Wien 2020", "de") is not None


def test_entities_titles_kind_word_closing_a_compound() -> None:
    assert title_key("Ruotsin parlamenttivaalit 2018", "fi") == title_key("2018 Swedish election", "en") is not None
    assert title_key("Waldbrände in Griechenland 2021", "de") == "#fire|2021|iso:GR"


def test_entities_titles_flight_number_in_any_script() -> None:
    flights = ["Norvane Air Flight 357", "Vol Norvane Air 357", "Рейс 357 авиакомпании Norvane Air",
               "رحلة نورفان ۳۵۷", "노르반 항공 357편 추락 사고", "诺万航空357号班机空难"]
    assert {flight_key(t) for t in flights} == {"#flight|357"}
    assert flight_key("Norvane Air ATR 72 Flight 357") is None  # two numbers: which is the flight?
    assert flight_key("Norvane Air Flight 2021") is None  # a year
    assert flight_key("Flight of the Norvane 3") is None  # one digit: a sequel's number
    assert flight_key("Norvane Air 357") is None  # no flight word
    ids = _ids([("Norvane Air Flight 357", "en"), ("رحلة نورفان 357", "ar"),
                ("2019 Norvane Air Flight 357 crash", "en"), ("Norvane Air Flight 357 (2021)", "en")])
    assert ids[0] == ids[1] and ids[2] != ids[3]  # two years' accidents of one flight stay apart


def test_entities_titles_unspaced_title_about_something_within_an_event_is_not_it() -> None:
    assert title_key("2019年芬兰选举", "zh") is not None
    assert title_key("2019年芬兰选举期间的儿童", "zh") is None  # "children during the election"


def test_entities_titles_year_from_other_digits_and_eras() -> None:
    assert title_year("انتخابات ۲۰۲۲") == 2022
    assert title_year("พ.ศ. 2565") == 2022  # Buddhist era
    assert title_year("2019 and 2020") is None
    assert title_year("ES-11/4") is None


def test_entities_titles_whole_name_kb_links_translated_country_names() -> None:
    found = {whole_name_kb(n, lang) for n, lang in [("Kroatien", "de"), ("Хорватия", "ru"), ("Хорватии", "ru"),
                                                    ("크로아티아", "ko"), ("Croatia", "en")]}
    assert found == {"iso:HR"}
    assert whole_name_kb("Zzyzxqua Vorbelt", "en") is None
    assert whole_name_kb("NATO", "no") == whole_name_kb("OTAN", "fr") == "org:NATO"  # an acronym in capitals
    assert whole_name_kb("Nato", "sv") is None


def test_entities_titles_canonicalize_merges_translations_not_persons() -> None:
    ids = _ids([("Kroatien", "de"), ("Хорватия", "ru"), ("크로아티아", "ko")])
    assert len(set(ids)) == 1
    event = _ids([("Wybory w Finlandii 2019", "pl"), ("Elecciones en Finlandia de 2019", "es"),
                  ("Elecciones presidenciales en Finlandia de 2019", "es")])
    assert event[0] == event[1] != event[2]
    bracketed = _ids([("Выборы в Финляндии (2019)", "ru"), ("Wybory w Finlandii 2019", "pl")])
    assert bracketed[0] == bracketed[1]  # the year in a parenthesised qualifier still dates the title
    people = _ids([("Kroatien", "de"), ("Хорватия", "ru")], etype="PER")  # no KB link for a person
    assert people[0] != people[1]


def test_entities_titles_translated_qualifiers_do_not_part_one_name() -> None:
    ids = _ids([("Лиман (місто)", "uk"), ("Ліман (горад)", "be")])
    assert ids[0] == ids[1]
    named = _ids([("Person of the Year (Time)", "en"), ("Person of the Year (Financial Times)", "en")])
    assert named[0] != named[1]
    same_lang = _ids([("Memorial (society)", "en"), ("Memorial (building)", "en")])
    assert same_lang[0] != same_lang[1]


def test_entities_titles_month_parts_two_events_of_one_year() -> None:
    september = {title_key(t, lang) for t, lang in [("Golpe de Estado em Burquina Fasso em setembro de 2022", "pt"),
                                                    ("Военный переворот в Буркина-Фасо (сентябрь 2022)", "ru"),
                                                    ("2022年9月布基纳法索政变", "zh")]}
    assert september == {"#coup|2022-09|iso:BF"}
    assert title_key("Golpe de Estado em Burquina Fasso em janeiro de 2022", "pt") == "#coup|2022-01|iso:BF"


def test_entities_english_reading_meets_cyrillic_transcription_only() -> None:
    # English soft g and initial h as Cyrillic transcribes them (дж, х); the reading never pairs two Latin names
    for etype in ("PER", "MISC"):
        ids = _ids([("George Hollins", "en"), ("Джордж Холлинс", "ru")], etype)
        assert ids[0] == ids[1]
    ids = _ids([("Helen Garber", "en"), ("Khelen Garber", "en")], "MISC")
    assert ids[0] != ids[1]


def test_entities_latin_h_read_as_cyrillic_g() -> None:
    assert len(set(_ids([("Hamburg", "de"), ("Гамбург", "ru")]))) == 1
    assert len(set(_ids([("Ibrahim Traore", "fr"), ("Ибрагим Траоре", "ru")], "PER"))) == 1


def test_entities_latin_v_read_as_cyrillic_f_against_other_scripts_only() -> None:
    # invented: German and Dutch v as Cyrillic transcribes it (Vierkotten, Фиркоттен); never between Latin names
    assert len(set(_ids([("Jannik Vierkotten", "de"), ("Янник Фиркоттен", "ru")], "PER"))) == 1
    assert len(set(_ids([("Jannik Vierkotten", "de"), ("Jannik Fierkotten", "nl")], "PER"))) == 2  # no Cyrillic


def test_entities_french_reading_meets_cyrillic_transcription_of_french_names_only() -> None:
    # invented: a French name's silent endings and digraphs as Cyrillic transcribes them (Renaud Perrot, Рено Перро)
    assert len(set(_ids([("Renaud Perrot", "fr"), ("Рено Перро", "ru")]))) == 1
    assert len(set(_ids([("Renaud Perrot", "en"), ("Рено Перро", "ru")]))) == 2  # read as French only in French
    assert len(set(_ids([("Renaud Perrot", "fr"), ("Reno Perro", "it")]))) == 2  # never pairs two Latin names


def test_entities_storm_names_meet_by_kind_and_own_name() -> None:
    ids = _ids([("Hurricane Ottilie", "en"), ("Furacão Ottilie", "pt"), ("Оттилие (ураган)", "uk"),
                ("Hurricane Ottavia", "en")])
    assert ids[0] == ids[1] == ids[2] != ids[3]
    person = _ids([("Hurricane Ottilie", "en"), ("Ottilie", "en")])
    assert person[0] != person[1]


def test_entities_titles_own_name_of_an_event_joins_its_titles_of_any_kind_word_but_not_other_years() -> None:
    # invented stadium: no gazetteer knows it, so the title key cannot anchor these titles
    ids = _ids([("Vorzaquintal Stadium disaster", "en"), ("Bousculade du stade Vorzaquintal", "fr"),
                ("Tragedi Stadion Vorzaquintal 2022", "id"), ("Vorzaquintal Stadium riot 2019", "en"),
                ("Vorzaquintal Stadium", "en")])
    assert ids[0] == ids[1] == ids[2]
    assert len({ids[0], ids[3], ids[4]}) == 3
    assert title_name_key("Всеобщие выборы в Бразилии (2022)", "ru") is None  # a first word capitalised by position


def test_entities_pinyin_names_meet_chinese_characters_and_palladius_cyrillic() -> None:
    ids = _ids([("Mao Zedong", "en"), ("毛泽东", "zh"), ("Мао Цзэдун", "ru")])
    assert len(set(ids)) == 1
    assert len(set(_ids([("Mao Zedong", "en"), ("周恩来", "zh")]))) == 2


def test_entities_titles_a_title_naming_fewer_places_joins_the_event_it_fits() -> None:
    ids = _ids([("Venäjän hyökkäys Ukrainaan 2022", "fi"), ("Російське вторгнення в Україну (2022)", "uk"),
                ("Ruska invazija na Ukrajinu 2022.", "sh")])
    assert len(set(ids)) == 1
    # a title with fewer places fits two events that name different second places, and joins neither to the other
    apart = _ids([("2022 Russian invasion of Ukraine", "en"), ("2022 Russian invasion of Georgia", "en"),
                  ("Ruska invazija 2022.", "sh")])
    assert apart[0] != apart[1]
    months = _ids([("Golpe de Estado em Burquina Fasso em setembro de 2022", "pt"),
                   ("Golpe de Estado em Burquina Fasso em janeiro de 2022", "pt"), ("Kudeta Burkina Faso 2022", "id")])
    assert months[0] != months[1]


def test_entities_titles_something_within_an_event_is_not_the_event_in_spaced_scripts_too() -> None:
    assert title_key("Child abductions in the 2022 Russian invasion of Ukraine", "en") is None
    assert title_key("2022 Russian invasion of Ukraine", "en") == "#invasion|2022|iso:RU+iso:UA"


def test_entities_titles_thai_heads_first_and_greek_genitives_anchor() -> None:
    assert title_key("แผ่นดินไหวในประเทศตุรกีและประเทศซีเรีย พ.ศ. 2566", "th") == "#earthquake|2023|iso:SY+iso:TR"
    assert title_key("Σεισμός Τουρκίας-Συρίας (2023)", "el") == "#earthquake|2023|iso:SY+iso:TR"


def test_entities_titles_undated_title_with_a_city_joins_its_dated_titles() -> None:
    ids = _ids([("2020 Vienna attack", "en"), ("Vienna attack", "en"), ("Anschlag in Wien 2020", "de"),
                ("2017 Vienna attack", "en"), ("Finnish election", "en"), ("2019 Finnish election", "en")])
    assert ids[0] == ids[1] == ids[2] != ids[3]
    assert ids[4] != ids[5]  # a country without a year is not enough


def test_entities_titles_world_championships_meet_by_sport_not_place() -> None:
    keys = {title_key(t, lang) for t, lang in [("Mistrzostwa Świata w Piłce Nożnej 2022", "pl"),
                                               ("VM i fotball 2022", "no")]}
    assert keys == {"#world championship+football|2022|"}
    assert title_key("Mistrzostwa Świata w Koszykówce Kobiet 2022", "pl") not in keys
    assert title_key("Клубный чемпионат мира по футболу 2022", "ru") not in keys
    assert title_key("World Cup 2022", "en") is None  # which one: no sport


def test_entities_reading_meets_a_cyrillic_name_whose_ending_looks_like_a_case_ending() -> None:
    # Russian keys fold Ибрагим to Ибраг (-им as if instrumental); the unfolded spelling still meets the reading
    assert len(set(_ids([("Anwar Ibrahim", "id"), ("Анвар Ибрагим", "ru")]))) == 1


def test_entities_titles_every_word_of_a_place_may_be_inflected_and_country_acronyms_anchor() -> None:
    # Polish declines both words (Wielka Brytania -> w Wielkiej Brytanii); a country's acronym names it (США)
    assert title_key("Wybory parlamentarne w Wielkiej Brytanii w 2024 roku", "pl") == "#election|2024|iso:GB"
    assert title_key("2024 United Kingdom general election", "en") == "#election|2024|iso:GB"
    assert title_key("Powódź w Republice Czeskiej 2024", "pl") == "#flood|2024|iso:CZ"
    assert title_key("Выборы в США (2022)", "ru") == title_key("2022 United States elections", "en")


def test_entities_titles_the_longest_kind_entry_at_a_word_wins() -> None:
    # *Coupe* starts like *coup* and *hockey sur gazon* like *hockey*: the longer entry names the kind and the sport
    football = title_key("Coupe du monde de football 2030", "fr")
    assert football == title_key("2030 FIFA World Cup", "en") == "#world championship+football|2030|"
    field = title_key("Coupe du monde de hockey sur gazon 2030", "fr")
    assert field == title_key("Feldhockey-Weltmeisterschaft 2030", "de") is not None
    assert field != title_key("Championnat du monde de hockey sur glace 2030", "fr")


def test_entities_titles_protests_storms_and_shootings_in_more_languages() -> None:
    assert title_key("Пратэсты ў Іране (2031)", "be") == title_key("Protesty w Iranie (2031)", "pl")
    assert title_key("Iranin mielenosoitukset 2031", "fi") == title_key("2031 Iranian protests", "en")
    assert named_kind_key("Ribut Tropika Zelphine") == named_kind_key("Tropical Storm Zelphine") is not None
    assert title_parts("ہیمبرگ چرچ فائرنگ 2031ء", "ur") is not None


def test_entities_titles_a_country_title_joins_the_city_title_of_its_year_but_not_two_cities() -> None:
    # the country's title names no place the city's does not cover (the city lies in it); two cities stay apart
    ids = _ids([("Zugunglück in Portugal 2031", "de"), ("2031 Porto train crash", "en"),
                ("Accident ferroviaire de Porto en 2031", "fr"), ("2031 Braga train crash", "en")])
    assert ids[0] == ids[1] == ids[2]
    assert ids[3] != ids[1]
    other_year = _ids([("Zugunglück in Portugal 2031", "de"), ("2030 Porto train crash", "en")])
    assert other_year[0] != other_year[1]


def test_entities_titles_relations_of_two_parties_meet_without_a_year() -> None:
    titles = [("Mongolia–NATO relations", "en"), ("Relations entre la Mongolie et l'OTAN", "fr"),
              ("Hubungan Mongolia dengan NATO", "id"), ("Відносини Монголія — НАТО", "uk")]
    assert len({key for t, lang in titles for key in title_keys(t, lang)}) == 1
    assert title_keys("Peru–Bolivia relations", "en") == title_keys("秘鲁－玻利维亚关系", "zh") != ()
    assert title_keys("Mongolia–Japan relations", "en") != title_keys("Mongolia–NATO relations", "en")
    assert title_keys("Relations of Mongolia", "en") == ()  # one party is no pair
    assert title_keys("nato relations", "en") == ()  # a lower-case word is no acronym


def test_entities_titles_eclipses_meet_by_year_and_month_without_a_place() -> None:
    titles = [("Éclipse solaire du 14 mars 2031", "fr"), ("Солнечное затмение 14 марта 2031 года", "ru"),
              ("2031年3月14日日食", "zh"), ("Solar eclipse of March 14, 2031", "en")]
    assert {title_key(t, lang) for t, lang in titles} == {"#solar eclipse|2031-03|"}
    assert title_key("Lunar eclipse of March 14, 2031", "en") != title_key(*titles[3])
    assert title_key("Solar eclipse of September 7, 2031", "en") != title_key(*titles[3])
    assert title_key("2031 solar eclipse", "en") is None  # two a year: the month tells them apart


def test_entities_titles_bus_crashes_are_local_and_winter_storms_are_storms() -> None:
    assert title_key("Kecelakaan bus Kumasi 2031", "id") == title_key("2031 Kumasi bus crash", "en") is not None
    assert title_key("2031 Ghana bus crash", "en") is None  # many a year in one country: a city is needed
    assert named_kind_key("Tempestade de inverno Zelphine") == named_kind_key("Winter Storm Zelphine") is not None
    assert named_kind_key("Зелфин (тропический шторм, 2031)") == named_kind_key("Tropical Storm Zelfin") is not None


def test_entities_titles_a_big_city_of_two_han_characters_anchors_an_unspaced_title() -> None:
    assert title_key("2031年巴黎枪击案", "zh") == title_key("Fusillade de 2031 à Paris", "fr") is not None


def test_entities_titles_a_storm_s_name_meets_its_spellings_in_other_scripts_by_its_consonants() -> None:
    def shared(*titles: tuple[str, str]) -> set[str]:
        keys = [set(named_kind_sound_keys(t, lang)) for t, lang in titles]
        return set.intersection(*keys)

    assert shared(("Cyclone Zelmorra", "en"), ("Циклон Зелморра", "ru"), ("چرخند زلمورا", "fa"),
                  ("طوفان زلمورا 2031ء", "ur"))  # the Urdu year's era mark is no word of the name
    # two consonants are too few without the year, enough with it
    assert named_kind_sound_keys("Hurricane Zelia", "en") == ()
    assert shared(("Hurricane Zelia (2031)", "en"), ("Τυφώνας Ζέλια (2031)", "el"), ("Зелия (ураган, 2031)", "ru"))
    assert not shared(("Hurricane Zelia (2031)", "en"), ("Зелия (ураган, 2032)", "ru"))
    assert not shared(("Cyclone Zelmorra", "en"), ("Cyclone Zolvetta", "en"))
    assert named_kind_sound_keys("Zelmorra Stadium disaster", "en") == ()  # no storm


def test_entities_titles_kazakh_attributive_locatives_anchor_a_title() -> None:
    assert title_key("Қарағандыдағы жер сілкінісі 2031", "kk") == title_key("2031 Karaganda earthquake", "en")
    assert title_key("2031 Karaganda earthquake", "en") is not None
