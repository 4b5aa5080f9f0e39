"""Quantities stage: money, percentages and counts on hand-written sentences in several languages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.model import Article, TimeRef
from newsweave.stages.quantities import QuantityStage, extract_quantities, parse_number


def _figures(text: str, lang: str, times: list[TimeRef] | None = None):
    art = Article(id="t", text=text, lang=lang)
    art.times = times or []
    return extract_quantities(art)


def _one(text: str, lang: str, times: list[TimeRef] | None = None):
    found = _figures(text, lang, times)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(("raw", "lang", "value"), [
    ("24,5", "pl", 24.5), ("2.000,352", "de", 2000.352), ("94.000", "de", 94000.0), ("1,000", "en", 1000.0),
    ("1,00,000", "hi", 100000.0), ("4.800", "hi", 4.8), ("300 000", "pl", 300000.0), (".08", "en", 0.08),
    ("१२", "hi", 12.0),
])
def test_quantities_parse_number_locale_separators(raw: str, lang: str, value: float) -> None:
    assert parse_number(raw, lang) == pytest.approx(value)


@pytest.mark.parametrize("raw", ["1.000.000,5,3", "9" * 400, "1,2,3,4", "12..5"])
def test_quantities_parse_number_rejects_malformed(raw: str) -> None:
    assert parse_number(raw, "de") is None


def test_quantities_polish_money_with_scale_and_period() -> None:
    text = "Obroty handlowe między Polską a Czechami osiągnęły w zeszłym roku 12,3 miliarda dolarów."
    when = TimeRef(start=text.index("w zeszłym"), end=text.index("w zeszłym") + 14, text="w zeszłym roku",
                   value="2019")
    q = _one(text, "pl", [when])
    assert (q.kind, q.unit, q.value, q.period) == ("money", "USD", pytest.approx(12.3e9), "2019")
    assert q.measure_key == "trade_turnover:CZ-PL"
    assert q.text == "12,3 miliarda dolarów"


def test_quantities_german_qualifier_and_compound_measure() -> None:
    q = _one("Der Handelsumsatz zwischen Frankreich und Spanien lag bei rund 7,2 Milliarden US-Dollar.", "de")
    assert (q.unit, q.value, q.qualifier) == ("USD", pytest.approx(7.2e9), "about")
    assert q.measure_key == "trade_turnover:ES-FR"


def test_quantities_turkish_percent_before_and_counts_with_scale() -> None:
    found = _figures("Bu yıl İtalya'da yüzde 15 artış oldu ve 12 bin şirket kuruldu.", "tr")
    assert [(q.kind, q.value, q.unit) for q in found] == [("percent", 15.0, "%"), ("count", 12000.0, "şirket")]
    assert found[1].measure_key.startswith("companies")


def test_quantities_turkish_counted_noun_unit_is_its_base_form() -> None:
    """*anlaşmadır* "it is ... agreements" and *anlaşmayı* count agreements, as *anlaşma* does."""
    for text in ("Bu yıl imzalanan belgelerin sayısı 14 anlaşmadır.", "Taraflar 14 anlaşmayı onayladı."):
        (found,) = _figures(text, "tr")
        assert (found.kind, found.value, found.unit) == ("count", 14.0, "anlaşma"), text
    assert _one("Şehirde 12 bin şirket var.", "tr").unit == "şirket"


def test_quantities_turkish_final_verb_qualifies_both_gapped_figures() -> None:
    found = _figures("Mısır yatırımlarının hacmi 3 milyar doları, Fas yatırımlarının ise 1,5 milyar doları aştı.", "tr")
    assert [(q.value, q.qualifier) for q in found] == [(3e9, "over"), (1.5e9, "over")]
    assert all(q.measure_key.startswith("investment_stock") for q in found)


def test_quantities_symbols_and_iso_codes() -> None:
    found = _figures("The deal is worth $4.5 bn, or about EUR 4 billion, up 12% on 2019.", "en")
    assert [(q.kind, q.unit, q.value) for q in found] == [
        ("money", "USD", pytest.approx(4.5e9)), ("money", "EUR", pytest.approx(4e9)), ("percent", "%", 12.0)]
    assert found[1].qualifier == "about"


def test_quantities_hindi_and_russian_scale_words() -> None:
    hi = _one("कंपनी ने 5 करोड़ रुपये का निवेश किया।", "hi")
    assert (hi.unit, hi.value) == ("INR", pytest.approx(5e7))
    ru = _one("Товарооборот превысил 3,2 млрд долларов.", "ru")
    assert (ru.unit, ru.value) == ("USD", pytest.approx(3.2e9))


def test_quantities_ordinals_years_and_durations_are_not_figures() -> None:
    assert _figures("W tym roku obchodziliśmy 25 rocznicę. Forum trwało 3 dni w 2019 roku.", "pl") == []
    assert _figures("Das 20. Forum der Regionen fand statt.", "de") == []
    assert _figures("यह 18वें मंच में हुआ।", "hi") == []


def test_quantities_elliptic_scale_takes_previous_currency() -> None:
    found = _figures("Ticaret hacmi 10 milyar dolara ulaştı. Bunu 15 milyara çıkarmak istiyoruz.", "tr")
    assert [(q.kind, q.unit, q.value) for q in found] == [("money", "USD", 1e10), ("money", "USD", 1.5e10)]
    assert found[1].measure_key == found[0].measure_key


def test_quantities_bad_input_never_raises() -> None:
    text = "Werte: 1.000.000,5,3 Euro und " + "7" * 400 + " Dollar sowie 12,5 Prozent."
    found = QuantityStage()(Article(id="bad", text=text, lang="de")).quantities
    assert [(q.kind, q.value) for q in found] == [("percent", 12.5)]


def test_quantities_offsets_index_the_text() -> None:
    text = "Über 40 Verträge wurden unterzeichnet, rund 3 Mrd. Euro investiert."
    found = _figures(text, "de")
    assert [(q.kind, q.qualifier) for q in found] == [("count", "over"), ("money", "about")]
    for q in found:
        assert text[q.start:q.end] == q.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,- %$€„“”«»\"\nabcmlnrdyüzdeMilliarden ")), max_size=200),
       st.sampled_from(["de", "pl", "tr", "hi", "en", "uz", "und"]))
def test_quantities_random_text_never_raises_and_offsets_hold(text: str, lang: str) -> None:
    art = Article(id="fuzz", text=text, lang=lang)
    for q in extract_quantities(art):
        assert art.text[q.start:q.end] == q.text
        assert q.value is None or abs(q.value) <= 1e16


def test_quantities_counted_thing_after_an_adjective() -> None:
    found = _figures("About 1,500 Chinese firms and 12 big companies operate there.", "en")
    assert [(q.value, q.unit) for q in found] == [(1500.0, "firms"), (12.0, "companies")]
    assert all(q.measure_key.startswith("companies") for q in found)
    ru = _one("В стране работают около 1,5 тыс. китайских компаний.", "ru")
    assert (ru.kind, ru.value, ru.qualifier) == ("count", 1500.0, "about")


def test_quantities_dimensions_in_base_units_and_connectors() -> None:
    found = _figures("Le tunnel mesure 57 kilomètres et a coûté environ 12 milliards de francs suisses.", "fr")
    assert [(q.kind, q.unit, q.value) for q in found] == [("dimension", "m", 57000.0), ("money", "CHF", 12e9)]
    ru = _one("Добыча составила около 1,5 млн баррелей в сутки.", "ru")
    assert (ru.kind, ru.unit, ru.value, ru.qualifier) == ("dimension", "bbl", 1.5e6, "about")


def test_quantities_numbers_inside_names_are_not_counts() -> None:
    assert _figures("The Ariane 5 rocket carried Chandrayaan-3 and Artemis 2 crews.", "en") == []


def test_quantities_period_prefers_dates_then_durations() -> None:
    text = "In den letzten 30 Jahren wurden mehr als 300 Verträge unterzeichnet."
    span = text.index("letzten 30 Jahren")
    duration = TimeRef(start=span, end=span + 17, text="letzten 30 Jahren", value="P30Y", type="DURATION")
    assert _one(text, "de", [duration]).period == "P30Y"
    text2 = "Im Jahr 2020 wurden in 12 Monaten 40 Verträge unterzeichnet."
    year = TimeRef(start=3, end=12, text="Jahr 2020", value="2020")
    months = TimeRef(start=text2.index("12 Monaten"), end=text2.index("12 Monaten") + 10, text="12 Monaten",
                     value="P12M", type="DURATION")
    assert _one(text2, "de", [year, months]).period == "2020"


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("कंपनी ने डेढ़ लाख रुपये कमाए।", "डेढ़ लाख रुपये", 150_000.0, "INR"),
    ("व्यापार ढाई करोड़ डॉलर रहा।", "ढाई करोड़ डॉलर", 25_000_000.0, "USD"),
    ("कंपनी ने साढ़े तीन हजार करोड़ रुपये लगाए।", "साढ़े तीन हजार करोड़ रुपये", 35_000_000_000.0, "INR"),
    ("बजट 1 लाख करोड़ रुपये का है।", "1 लाख करोड़ रुपये", 1e12, "INR"),
])
def test_quantities_hindi_fraction_words_and_scales_of_scales(text: str, span: str, value: float, unit: str) -> None:
    q = _one(text, "hi")
    assert (q.text, q.value, q.unit, q.kind) == (span, value, unit, "money")


def test_quantities_hindi_quarter_less_and_more() -> None:
    assert _one("पौने दो लाख लोग आए।", "hi").value == 175_000.0
    assert _one("सवा लाख लोग आए।", "hi").value == 125_000.0


@pytest.mark.parametrize(("text", "lang", "span", "value", "unit"), [
    ("Товарооборот составил полтора миллиарда долларов.", "ru", "полтора миллиарда долларов", 1.5e9, "USD"),
    ("Obroty wyniosły półtora miliarda dolarów.", "pl", "półtora miliarda dolarów", 1.5e9, "USD"),
    ("Der Handel erreichte zweieinhalb Milliarden Euro.", "de", "zweieinhalb Milliarden Euro", 2.5e9, "EUR"),
    ("Ticaret iki buçuk milyar dolara ulaştı.", "tr", "iki buçuk milyar dolara", 2.5e9, "USD"),
])
def test_quantities_and_a_half_in_words(text: str, lang: str, span: str, value: float, unit: str) -> None:
    q = _one(text, lang)
    assert (q.text, q.value, q.unit) == (span, value, unit)


@pytest.mark.parametrize("mark", ["ʻ", "'", "‘", "’"])
def test_quantities_uzbek_sum_typed_with_any_apostrophe(mark: str) -> None:
    # Uzbek *soʻm*: the keyboard's apostrophe or a quotation mark typed for the letter oʻ is no case ending
    q = _one(f"Hisobot 500 ming so{mark}m narxni koʻrsatadi.", "uz")
    assert (q.value, q.unit, q.kind) == (500000.0, "UZS", "money")
