"""Unit tests of the time stage: recognition, TIMEX3 values, direction, document dating, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.model import Article, Segment
from newsweave.stages.time import TimeStage, analyse, anchor_from


def _times(text: str, lang: str | None, date: str | None = "2022-11-28") -> dict[str, str | None]:
    article = Article(id="t", text=text, lang=lang, date=date)
    times, _ = analyse(article)
    for t in times:
        assert text[t.start:t.end] == t.text
    return {t.text: t.value for t in times}


def test_time_english_relative_and_absolute_values() -> None:
    got = _times("Last year sales fell; on Monday, Nov. 21, 2022 they rose. Two weeks ago it was quiet. "
                 "Next year in September a plant opens.", "en")
    assert got["Last year"] == "2021"
    assert got["Monday, Nov. 21, 2022"] == "2022-11-21"
    assert got["Two weeks ago"] == "2022-W46"
    assert got["Next year in September"] == "2023-09"


def test_time_first_months_of_year_is_an_interval() -> None:
    assert _times("Sales rose in the first 9 months of this year.", "en")["the first 9 months of this year"] == \
        "2022-01/2022-09"
    de = _times("In den ersten zehn Monaten des vergangenen Jahres stieg der Umsatz.", "de", "2024-01-03")
    assert de["ersten zehn Monaten des vergangenen Jahres"] == "2023-01/2023-10"


def test_time_polish_inflected_relative_expressions() -> None:
    got = _times("Obroty wzrosły w zeszłym roku. Spotkali się tydzień temu, a w poniedziałek znowu. "
                 "W lipcu było inaczej.", "pl")
    assert got["w zeszłym roku"] == "2021"
    assert got["tydzień temu"] == "2022-W47"
    assert got["poniedziałek"] == "2022-11-28"
    assert got["lipcu"] == "2022-07"


def test_time_uzbek_suffixed_month_and_year_words() -> None:
    got = _times("Путин 2024 йил ноябрь ойида ташриф қилди. Ташриф 11 ноябрда бошланади.", "uz", "2025-11-03")
    assert got["2024 йил ноябрь ойида"] == "2024-11"
    assert got["11 ноябрда"] == "2025-11-11"


def test_time_turkish_next_year_genitive_and_kasim_as_a_name() -> None:
    got = _times("Kasım Comart Tokayev konuştu. Geçen yıl ticaret arttı. Başvurular gelecek yılın Eylül ayında "
                 "planlanıyor. 28 Kasım 2022 tarihinde imzalandı.", "tr", "2023-11-09")
    assert got["Geçen yıl"] == "2022"
    assert got["gelecek yılın Eylül ayında"] == "2024-09"
    assert got["28 Kasım 2022"] == "2022-11-28"
    assert "Kasım" not in got


def test_time_german_die_is_not_tuesday() -> None:
    got = _times("Die Regierung sagte, die Gespräche seien am Dienstag gewesen.", "de")
    assert list(got) == ["Dienstag"]
    assert got["Dienstag"] == "2022-11-22"


def test_time_hindi_weekday_week_ago_and_month_start() -> None:
    got = _times("सोमवार को बैठक हुई। एक सप्ताह पहले वे मिले थे। इस महीने की शुरुआत में उन्होंने कहा।", "hi")
    assert got["सोमवार"] == "2022-11-28"
    assert got["एक सप्ताह पहले"] == "2022-W47"
    assert got["इस महीने की शुरुआत"] == "2022-11"


def test_time_russian_and_chinese() -> None:
    ru = _times("В прошлом году товарооборот вырос, а в ноябре 2023 года был визит.", "ru")
    assert ru["В прошлом году"] == "2021"
    assert ru["ноябре 2023 года"] == "2023-11"
    zh = _times("双方于2022年11月28日签署协议，去年贸易增长。", "zh")
    assert zh["2022年11月28日"] == "2022-11-28"
    assert zh["去年"] == "2021"


def test_time_durations_ranges_and_quarters() -> None:
    got = _times("The plan covers 2024-2026. It took two weeks. Profit fell in the third quarter of 2021.", "en")
    assert got["2024-2026"] == "2024/2026"
    assert got["two weeks"] == "P2W"
    assert got["the third quarter of 2021"] == "2021-Q3"


def test_time_impossible_dates_give_no_invented_value() -> None:
    got = _times("It was signed on 31 February 2022 and again on 30 February. The year 20225 is far.", "en")
    assert got == {}


def test_time_direction_from_tense_and_modifiers() -> None:
    article = Article(id="t", text="The visit will take place in December. Last year it was in March 2021.",
                      lang="en", date="2022-11-28")
    times, _ = analyse(article)
    by_text = {t.text: t for t in times}
    assert by_text["December"].direction == "future"
    assert by_text["Last year"].direction == "past"
    assert by_text["March 2021"].direction is None


def test_time_coarse_anchor_keeps_only_what_is_certain() -> None:
    assert _times("Spotkali się w poniedziałek.", "pl", "2022-11")["poniedziałek"] == "2022-WXX-1"


def test_time_stage_dates_from_header_line() -> None:
    article = TimeStage()(Article(id="t", text=" date 2022-11 Tokajew przybył w poniedziałek.", lang="pl"))
    assert (article.date, article.date_precision, article.date_source) == ("2022-11", "month", "header")
    assert (article.date_earliest, article.date_latest) == ("2022-11-01", "2022-11-30")


def test_time_stage_dates_from_embedded_post_lines() -> None:
    text = ("On Monday the leaders met.\nThey met in Moscow\n— Someone (@someone) November 28, 2022\nMore text.")
    article = TimeStage()(Article(id="t", text=text, lang="en"))
    assert (article.date, article.date_precision, article.date_source) == ("2022-11-28", "day", "embedded_post")


def test_time_stage_dates_from_post_segments() -> None:
    article = Article(id="t", text="Statement posted.", lang="en")
    article.segments = [Segment(0, 17, "post", "en", meta={"date": "2021-05-04"})]
    article = TimeStage()(article)
    assert (article.date, article.date_source) == ("2021-05-04", "embedded_post")


def test_time_stage_keeps_metadata_date() -> None:
    article = TimeStage()(Article(id="t", text="Yesterday it rained.", lang="en", date="2020-03-02"))
    assert (article.date, article.date_source, article.date_precision) == ("2020-03-02", "metadata", "day")
    assert article.times[0].value == "2020-03-01"


def test_time_stage_infers_bounded_date_from_past_and_upcoming_events() -> None:
    text = "Путин 2024 йил ноябрь ойида Остонага ташриф қилганини эслатди. Ташриф 11 ноябрда бошланади."
    article = TimeStage()(Article(id="t", text=text, lang="uz"))
    assert article.date_source == "inferred"
    assert article.date == "2025-11"
    assert article.date_latest == "2025-11-10"
    assert article.date_earliest == "2024-11-01"


def test_time_stage_without_language_is_robust() -> None:
    article = TimeStage()(Article(id="t", text="Signed 2022-11-28 in Moscow.", lang=None))
    assert [t.value for t in article.times] == ["2022-11-28"]


def test_time_anchor_from_rejects_malformed_dates() -> None:
    assert anchor_from("2022-02-31") is None
    assert anchor_from("garbage") is None
    assert anchor_from("2022").precision == "year"


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "2022-13-45", "99999999", "— x (@y) Foo 99, 2022"])
def test_time_stage_bad_input_never_raises(text: str) -> None:
    article = TimeStage()(Article(id="t", text=text, lang="en"))
    assert "time_reason" not in article.meta


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -./,ayMJunéKasımноябрда年月日")), max_size=60),
       st.sampled_from(["en", "tr", "uz", "zh", None]))
def test_time_stage_random_text_never_fails(text: str, lang: str | None) -> None:
    article = TimeStage()(Article(id="t", text=text, lang=lang, date="2022-11-28"))
    assert "time_reason" not in article.meta
    for t in article.times:
        assert article.text[t.start:t.end] == t.text


def test_time_hindi_kal_direction_from_tense() -> None:
    assert _times("मैं कल वापस जाऊंगा", "hi", "2016-11-07")["कल"] == "2016-11-08"
    assert _times("वह कल आया था", "hi", "2016-11-07")["कल"] == "2016-11-06"


def test_time_elision_and_turkish_dotted_capital() -> None:
    assert _times("L'an dernier, les échanges ont crû.", "fr")["L'an dernier"] == "2021"
    assert _times("Nell'ottobre 2021 è cambiato.", "it")["Nell'ottobre 2021"] == "2021-10"
    assert _times("İki hafta önce imzalandı.", "tr")["İki hafta önce"] == "2022-W46"


def test_time_stage_bare_years_bound_but_do_not_place() -> None:
    article = TimeStage()(Article(id="t", text="It was the first such attack since 1932.", lang="en"))
    assert article.date is None
    assert (article.date_earliest, article.date_source) == ("1932-01-01", "inferred")


def test_time_stage_year_range_dates_only_as_a_plan() -> None:
    past = TimeStage()(Article(id="t", text="He led the church in the years 2005-2013.", lang="en"))
    assert past.date is None and past.date_latest is None
    plan = TimeStage()(Article(id="t", text="They adopted the 2024-2026 Joint Action Plan.", lang="en"))
    assert (plan.date, plan.date_earliest, plan.date_latest) == ("2023", "2023-01-01", "2026-12-31")


def test_time_stage_dates_from_latest_reported_event() -> None:
    text = "28 ноября 2022 года президент Казахстана заявил, что в прошлом году товарооборот вырос."
    article = TimeStage()(Article(id="t", text=text, lang="ru"))
    assert (article.date, article.date_precision, article.date_source) == ("2022-11-28", "day", "inferred")
    assert [t.value for t in article.times] == ["2022-11-28", "2021"]


@pytest.mark.parametrize(("lang", "text", "span"), [
    ("ru", "За 9 месяцев 2023 года товарооборот вырос.", "9 месяцев 2023 года"),
    ("tr", "2023'ün ilk dokuz ayında ticaret arttı.", "2023'ün ilk dokuz ayında"),
    ("kk", "2023 жылдың тоғыз айында тауар айналымы өсті.", "2023 жылдың тоғыз айында"),
    ("uz", "Жорий йилнинг январь-сентябрь ойларида савдо ўсди.", "Жорий йилнинг январь-сентябрь"),
    ("hi", "2023 के पहले नौ महीनों में व्यापार बढ़ा।", "2023 के पहले नौ महीनों"),
    ("zh", "今年前三季度贸易增长。", "今年前三季"),
])
def test_time_first_nine_months_in_many_languages(lang: str, text: str, span: str) -> None:
    assert _times(text, lang, "2023-12-14")[span] == "2023-01/2023-09"


@pytest.mark.parametrize(("lang", "text", "span"), [
    ("de", "Der Gipfel findet vom 12. bis 15. Juni statt.", "12. bis 15. Juni"),
    ("en", "The talks run June 12-15.", "June 12-15"),
    ("ru", "Саммит пройдет с 12 по 15 июня.", "12 по 15 июня"),
    ("pl", "Szczyt odbędzie się w dniach 12-15 czerwca.", "12-15 czerwca"),
    ("tr", "Zirve 12-15 Haziran tarihlerinde yapılacak.", "12-15 Haziran"),
])
def test_time_range_of_days_is_an_interval(lang: str, text: str, span: str) -> None:
    assert _times(text, lang, "2031-05-10") == {span: "2031-06-12/2031-06-15"}


def test_time_score_before_a_date_is_no_range() -> None:
    assert _times("The team won 3-1 on 12 May.", "en", "2031-05-20") == {"12 May": "2031-05-12"}


def test_time_decimal_durations() -> None:
    assert _times("Er war 3,5 Jahre im Amt.", "de")["3,5 Jahre"] == "P3.5Y"
    assert _times("The flight took 1.5 hours.", "en")["1.5 hours"] == "PT1.5H"


def test_time_weekend_by_tense_and_modifier() -> None:
    # 2031-05-14 is a Wednesday of ISO week 20
    assert _times("Am Wochenende trafen sich die Minister.", "de", "2031-05-14") == {"Wochenende": "2031-W19-WE"}
    assert _times("The ministers will meet this weekend.", "en", "2031-05-14") == {"this weekend": "2031-W20-WE"}
    assert _times("В прошлые выходные министры встретились.", "ru", "2031-05-14") == {
        "прошлые выходные": "2031-W19-WE"}
    assert _times("He works two weekends a month and every weekend.", "en", "2031-05-14") == {"a month": "P1M"}


def test_time_turkish_date_before_its_weekday_is_one_date() -> None:
    assert _times("Toplantı 13 Mayıs Salı günü yapıldı.", "tr", "2031-05-20") == {"13 Mayıs Salı günü": "2031-05-13"}
    assert _times("Monday week", "en", "2031-05-20") == {"Monday": "2031-05-19"}


@pytest.mark.parametrize(("lang", "text", "span"), [
    ("en", "In the 2030s the plant closed.", "the 2030s"),
    ("hi", "2030 के दशक में संयंत्र बंद हो गया।", "2030 के दशक"),
    ("tr", "2030'larda fabrika kapandı.", "2030'larda"),
    ("ru", "В 2030-х годах завод закрылся.", "2030-х годах"),
    ("de", "In den 2030er Jahren schloss das Werk.", "2030er Jahren"),
    ("es", "En la década de 2030 la planta cerró.", "la década de 2030"),
    ("kk", "2030 жылдары зауыт жабылды.", "2030 жылдары"),
])
def test_time_decades(lang: str, text: str, span: str) -> None:
    assert _times(text, lang, "2051-05-10") == {span: "203"}


def test_time_year_with_a_year_word_stays_a_year() -> None:
    assert _times("2030 жылы зауыт жабылды.", "kk", "2051-05-10") == {"2030 жылы": "2030"}
    assert _times("2030'da fabrika kapandı.", "tr", "2051-05-10") == {"2030'da": "2030"}


@pytest.mark.parametrize(("lang", "text", "span"), [
    ("en", "The plant will open by the end of the year.", "the end of the year"),
    ("de", "Das Werk soll bis Ende des Jahres öffnen.", "Ende des Jahres"),
    ("ru", "Завод откроется до конца года.", "конца года"),
    ("pl", "Fabryka ruszy do końca roku.", "końca roku"),
    ("tr", "Fabrika yıl sonuna kadar açılacak.", "yıl sonuna"),
    ("hi", "संयंत्र साल के अंत तक खुलेगा।", "साल के अंत"),
])
def test_time_edge_of_a_bare_unit_is_the_current_one(lang: str, text: str, span: str) -> None:
    assert _times(text, lang, "2031-05-14") == {span: "2031"}


def test_time_edge_of_a_day_or_a_plural_is_no_date() -> None:
    assert _times("It will be settled at the end of the day.", "en", "2031-05-14") == {}


@pytest.mark.parametrize(("lang", "text", "span", "value"), [
    ("de", "Nächste Woche Dienstag beginnt der Prozess.", "Nächste Woche Dienstag", "2031-05-20"),
    ("pl", "W przyszłym tygodniu we wtorek rusza proces.", "W przyszłym tygodniu we wtorek", "2031-05-20"),
    ("tr", "Geçen hafta Salı günü bakanlar görüştü.", "Geçen hafta Salı günü", "2031-05-06"),
    ("en", "Last week Tuesday he resigned.", "Last week Tuesday", "2031-05-06"),
])
def test_time_weekday_of_a_relative_week(lang: str, text: str, span: str, value: str) -> None:
    assert _times(text, lang, "2031-05-14") == {span: value}


def test_time_hindi_months_with_or_without_nukta() -> None:
    assert _times("बैठक फरवरी 2031 में हुई।", "hi", "2031-05-14") == {"फरवरी 2031": "2031-02"}
    assert _times("बैठक फ़रवरी 2031 में हुई।", "hi", "2031-05-14") == {"फ़रवरी 2031": "2031-02"}


@pytest.mark.parametrize(("lang", "text", "span", "value"), [
    ("de", "Ostern 2031 war kalt.", "Ostern 2031", "2031-04-13"),
    ("de", "An Ostern letzten Jahres war es kalt.", "Ostern letzten Jahres", "2031-04-13"),
    ("en", "Last Christmas the plant closed.", "Last Christmas", "2031-12-25"),
    ("en", "The bridge will open by Christmas.", "Christmas", "2032-12-25"),
    ("ru", "В День Победы прошел парад.", "День Победы", "2032-05-09"),
    ("ru", "На Пасху прошли службы.", "Пасху", "2032-05-02"),
    ("tr", "Nevruz'da kutlamalar yapıldı.", "Nevruz'da", "2032-03-21"),
])
def test_time_holidays(lang: str, text: str, span: str, value: str) -> None:
    assert _times(text, lang, "2032-05-20") == {span: value}


def test_time_english_simple_past_points_back_and_participles_do_not() -> None:
    assert _times("He took office on Aug. 6.", "en", "2031-05-20") == {"Aug. 6": "2030-08-06"}
    assert _times("The dividend will be paid Dec. 14.", "en", "2031-05-20") == {"Dec. 14": "2031-12-14"}


@pytest.mark.parametrize(("lang", "text", "span"), [
    ("ru", "Полтора года назад завод закрылся.", "Полтора года назад"),
    ("de", "Vor anderthalb Jahren schloss das Werk.", "Vor anderthalb Jahren"),
    ("pl", "Półtora roku temu fabrykę zamknięto.", "Półtora roku temu"),
    ("hi", "डेढ़ साल पहले कारखाना बंद हुआ।", "डेढ़ साल पहले"),
])
def test_time_a_year_and_a_half_ago_counts_months(lang: str, text: str, span: str) -> None:
    assert _times(text, lang, "2031-05-15") == {span: "2029-11"}


def test_time_a_year_and_a_half_long() -> None:
    assert _times("Переговоры длились полтора года.", "ru", "2031-05-15") == {"полтора года": "P1.5Y"}
    assert _times("Müzakereler iki buçuk yıl sürdü.", "tr", "2031-05-15") == {"iki buçuk yıl": "P2.5Y"}
    assert _times("The talks lasted two and a half years.", "en", "2031-05-15") == {
        "two and a half years": "P2.5Y"}


def test_time_homograph_month_beside_an_edge_word_or_another_month() -> None:
    assert _times("Kasım ortasında seçim yapılacak.", "tr", "2031-07-13") == {"Kasım ortasında": "2031-11"}
    assert _times("Ağustos ve Ekim arasında seçim yapılacak.", "tr", "2031-07-13") == {
        "Ağustos": "2031-08", "Ekim": "2031-10"}
    assert _times("Kasım ve Ahmet geldi.", "tr", "2031-07-13") == {}
    assert _times("He may end the talks.", "en", "2031-07-13") == {}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the day's and year's ordinal written with a hyphen (Uzbek, Kazakh)
    ("uz", "Hujjat 2024-yil 5-martda imzolandi.", {"2024-yil 5-martda": "2024-03-05"}),
    ("uz", "Hujjat 12-aprel kuni imzolandi.", {"12-aprel": "2022-04-12"}),
    ("uz", "Ҳужжат 2024 йил 5-мартда имзоланди.", {"2024 йил 5-мартда": "2024-03-05"}),
    ("kk", "Құжат 12-сәуірде қол қойылды.", {"12-сәуірде": "2022-04-12"}),
    # a month named like the holiday it holds (Nauryz) is the month beside a day or a year
    ("kk", "Құжат 2024 жылғы 5 наурызда қол қойылды.", {"2024 жылғы 5 наурызда": "2024-03-05"}),
    ("kk", "Құжат биыл наурыз айында жарияланды.", {"биыл наурыз айында": "2022-03"}),
    ("kk", "Наурыз мерекесі тойланды.", {"Наурыз": "2022-03-22"}),
    # Uzbek Latin: the spellings news uses beside CLDR's, and oʻ however typed
    ("uz", "Hujjat 2021 yil 1 sentyabrda imzolandi.", {"2021 yil 1 sentyabrda": "2021-09-01"}),
    ("uz", "Oʻtgan hafta hujjat imzolandi.", {"Oʻtgan hafta": "2022-W47"}),
    ("uz", "O‘tgan hafta hujjat imzolandi.", {"O‘tgan hafta": "2022-W47"}),
    # a hyphen between two numbers stays a range
    ("en", "Prices rose 5-7 March.", {"5-7 March": "2022-03-05/2022-03-07"}),
])
def test_time_hyphened_ordinals_homograph_holidays_and_uzbek_spellings(lang: str, text: str,
                                                                       expected: dict[str, str]) -> None:
    assert _times(text, lang) == expected


def test_time_a_quarter_after_its_years_genitive() -> None:
    assert _times("2024 yılının ilk çeyreğinde büyüme yavaşladı.", "tr") == {"2024 yılının ilk çeyreğinde": "2024-Q1"}
    assert _times("2024 жылдың бірінші тоқсанында өсім болды.", "kk") == {"2024 жылдың бірінші тоқсанында": "2024-Q1"}
    assert _times("2024-yilning birinchi choragida o'sish bo'ldi.", "uz") == {
        "2024-yilning birinchi choragida": "2024-Q1"}
    # the Kazakh quarter is also the number ninety: bare, it stays a number
    assert _times("Ол тоқсан жасқа толды.", "kk") == {}
