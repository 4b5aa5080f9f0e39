"""Quote stage: quotation styles, speakers by reporting verbs, headers, back-references and posts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.model import Article, Mention, Segment
from newsweave.stages.quotes import QuoteStage, extract_quotes, quote_spans


def _article(text: str, lang: str, people: list[str], segments: list[Segment] | None = None) -> Article:
    """An article whose PER mentions are every occurrence of the given names (as the entity stage would give)."""
    art = Article(id="t", text=text, lang=lang)
    for name in people:
        pos = text.find(name)
        while pos >= 0:
            art.mentions.append(Mention(start=pos, end=pos + len(name), text=name, type="PER"))
            pos = text.find(name, pos + 1)
    art.mentions.sort(key=lambda m: m.start)
    art.segments = segments or []
    return art


def _speakers(art: Article) -> list[tuple[str, str | None]]:
    return [(q.text.split()[0], q.speaker_text) for q in extract_quotes(art)]


def test_quotes_every_mark_style_pairs() -> None:
    text = ("„eins zwei drei“ „jeden dwa trzy” “one two three” «bir iki üç» »uno dos tres« ‚un deux trois‘ "
            "「一 二 三」 \"ek do teen\"")
    inner = [text[o + 1:c] for o, c in quote_spans(text)]
    assert inner == ["eins zwei drei", "jeden dwa trzy", "one two three", "bir iki üç", "uno dos tres",
                     "un deux trois", "一 二 三", "ek do teen"]


def test_quotes_unbalanced_marks_do_not_swallow_text() -> None:
    text = "„Das ist offen.\n" + "Ein langer Text ohne Ende. " * 200 + "\n«ещё одна открытая"
    art = _article(text, "de", [])
    assert QuoteStage()(art).quotes == []


def test_quotes_polish_verb_after_and_backreference_to_last_speaker() -> None:
    text = ("Jan Kowalski spotkał się z Pierre Dupontem. „Współpraca rozwija się bardzo dobrze” – powiedział "
            "Pierre Dupont. „Bardzo to cenimy” – dodał francuski przywódca.")
    art = _article(text, "pl", ["Jan Kowalski", "Pierre Dupontem", "Pierre Dupont"])
    assert _speakers(art) == [("Współpraca", "Pierre Dupont"), ("Bardzo", "Pierre Dupont")]
    q = extract_quotes(art)[1]
    assert text[q.speaker_start:q.speaker_end] == "Pierre Dupont"


def test_quotes_backreference_with_country_picks_the_person_of_that_country() -> None:
    text = ("Prezydent Francji Pierre Dupont rozmawiał z prezydentem Niemiec Hansem Müllerem. "
            "„Nasze kraje potrzebują siebie nawzajem” – powiedział Hans Müller. "
            "„Musimy działać razem w Europie” – ocenił prezydent Francji.")
    art = _article(text, "pl", ["Pierre Dupont", "Hansem Müllerem", "Hans Müller"])
    assert _speakers(art)[1] == ("Musimy", "Pierre Dupont")


def test_quotes_uzbek_dash_deb_and_verb_final_before() -> None:
    text = ("«Биз ҳамкорликни давом эттирамиз ва кенгайтирамиз», — деб ёзган Алишер Каримов. "
            "Алишер Каримов шундай деди: «иқтисодиёт тез ўсмоқда ва бу яхши».")
    art = _article(text, "uz", ["Алишер Каримов"])
    assert [s for _, s in _speakers(art)] == ["Алишер Каримов", "Алишер Каримов"]


def test_quotes_german_pronoun_and_same_sentence_continuation() -> None:
    text = ("Anna Schmidt bezeichnete den Plan als „großen Schritt nach vorn“ und fügte hinzu, er sei "
            "„gut für alle Beteiligten“. „Wir bleiben dabei sehr vorsichtig“, betonte sie.")
    art = _article(text, "de", ["Anna Schmidt"])
    assert [s for _, s in _speakers(art)] == ["Anna Schmidt"] * 3


def test_quotes_hindi_speaker_before_kaha_ki() -> None:
    text = 'रमेश शर्मा ने ज़ोर देकर कहा कि "यह योजना सभी के लिए अच्छी है।"'
    art = _article(text, "hi", ["रमेश शर्मा"])
    assert _speakers(art) == [("यह", "रमेश शर्मा")]


def test_quotes_turkish_header_and_dash_speech_paragraphs() -> None:
    text = ("Ahmet Yılmaz, Türkiye Dışişleri Bakanı:\n\n- Bugün iki ülke arasında önemli belgeler imzalanacak.\n\n"
            "- İş birliğimiz güçlenmeye devam ediyor.\n\nToplantı akşam sona erdi.\n\n- Bu bir liste öğesi.")
    art = _article(text, "tr", ["Ahmet Yılmaz"])
    quotes = extract_quotes(art)
    assert [(q.text.split()[0], q.speaker_text) for q in quotes] == [("Bugün", "Ahmet Yılmaz"),
                                                                      ("İş", "Ahmet Yılmaz")]


def test_quotes_header_without_person_mention_uses_the_name_before_the_comma() -> None:
    text = "Maria Rossi, Italian minister:\n- We will sign the agreement next week in Rome."
    quotes = extract_quotes(_article(text, "en", []))
    assert [(q.speaker_text, q.speaker_start) for q in quotes] == [("Maria Rossi", 0)]


def test_quotes_embedded_post_is_a_quote_of_its_author() -> None:
    text = "Intro line.\nBig news today from the summit\n— Jane Doe (@janedoe) May 1, 2023\nMore text."
    start = text.index("Big")
    end = text.index("2023") + 4
    post = Segment(start=start, end=end, kind="post", lang="en", meta={"author": "Jane Doe", "handle": "@janedoe"})
    quotes = extract_quotes(_article(text, "en", [], [post]))
    assert len(quotes) == 1
    assert quotes[0].speaker_text == "Jane Doe"
    assert text[quotes[0].speaker_start:quotes[0].speaker_end] == "Jane Doe"


def test_quotes_short_quoted_names_are_not_quotations() -> None:
    text = "Er schrieb in der Zeitung «Российская газета» über das Projekt „Nord Stream“."
    assert extract_quotes(_article(text, "de", [])) == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("„“”«»‚‘’\"「」-— \nabc. ,:Ahmet")), max_size=300))
def test_quotes_random_marks_never_raise_and_stay_inside_lines(text: str) -> None:
    art = _article(text, "de", ["Ahmet"])
    for q in QuoteStage()(art).quotes:
        assert art.text[q.start:q.end] == q.text
        assert "\n" not in q.text


def test_quotes_apostrophes_inside_words_are_not_quotation_marks() -> None:
    text = "O‘zbekiston va Qozog‘iston 5 mlrd so’m ajratdi, dedi vazir. Rusya’nın ‘bu çok önemli bir adım’ dediği."
    inner = [text[o + 1:c] for o, c in quote_spans(text)]
    assert inner == ["bu çok önemli bir adım"]


def test_quotes_attribution_in_the_next_sentence() -> None:
    text = ('Both states managed to keep "trade growing despite all the sanctions" this year. '
            "Ivan Petrov stated this view in an interview.")
    assert _speakers(_article(text, "en", ["Ivan Petrov"])) == [("trade", "Ivan Petrov")]
    quoted_next = ('They kept "trade growing despite all sanctions" this year. Ivan Petrov said "it will go on".')
    assert _speakers(_article(quoted_next, "en", ["Ivan Petrov"]))[0] == ("trade", None)
