"""ICU segmentation: sentences and words for every script, Python offsets, tweet attributions."""

from __future__ import annotations

from newsweave.stages.segment import attributions, has_post_link, paragraphs, sentences, words


def _pieces(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_segment_sentences_keep_abbreviations() -> None:
    text = "Mr. Smith went to Washington. He met the president."
    assert _pieces(text, sentences(text, "en")) == ["Mr. Smith went to Washington.", "He met the president."]


def test_segment_sentences_keep_initials_inside_names() -> None:
    text = "Prize goes to Philip H. Dybvig and Ben S. Bernanke. Next year again."
    assert _pieces(text, sentences(text, "en")) == ["Prize goes to Philip H. Dybvig and Ben S. Bernanke.",
                                                    "Next year again."]
    ru = "Президент В. В. Путин заявил. Это всё."
    assert _pieces(ru, sentences(ru, "ru")) == ["Президент В. В. Путин заявил.", "Это всё."]
    assert len(sentences("The U.S. Army left. Then it rained.", "en")) == 2


def test_segment_sentences_run_on_after_titles_street_words_and_company_forms() -> None:
    for text, lang in (("Rozmawiał z prof. Janem Zelkinem przy ul. Długiej.", "pl"),
                       ("Muzeum im. Jana Zelkina otwarto.", "pl"),
                       ("Prof. Dr. Ahmet Zelkan, Zelmorra Ltd. Şti. adına konuştu.", "tr"),
                       ("Firma Zelmorra Sp. z o.o. z Radomia upadła.", "pl")):
        assert _pieces(text, sentences(text, lang)) == [text], text
    # a sentence that really ends after a name stays apart
    text = "Rozmawiał z dr. Zelkinem. Potem wyszedł."
    assert _pieces(text, sentences(text, "pl")) == ["Rozmawiał z dr. Zelkinem.", "Potem wyszedł."]


def test_segment_sentences_other_scripts() -> None:
    hi = "मोदी ने कहा कि भारत तैयार है। उन्होंने रूस का दौरा किया।"
    assert len(sentences(hi, "hi")) == 2
    zh = "今天天气很好。我们去公园吧！"
    assert _pieces(zh, sentences(zh, "zh")) == ["今天天气很好。", "我们去公园吧！"]


def test_segment_words_in_scripts_without_spaces() -> None:
    th = "ประเทศไทยมีประชากรมาก"
    assert len(words(th, "th")) >= 3
    zh = "我们今天去北京"
    assert len(words(zh, "zh")) >= 3
    assert "".join(_pieces(zh, words(zh, "zh"))) == zh


def test_segment_words_skip_punctuation_and_keep_numbers() -> None:
    text = "Putin, Tokayev: 2022!"
    assert _pieces(text, words(text, "en")) == ["Putin", "Tokayev", "2022"]


def test_segment_offsets_are_python_indices_with_astral_characters() -> None:
    text = "📺📺 First sentence here. Second one 🙂 follows."
    spans = sentences(text, "en")
    assert _pieces(text, spans) == ["📺📺 First sentence here.", "Second one 🙂 follows."]
    assert _pieces(text, words(text, "en"))[:2] == ["First", "sentence"]


def test_segment_paragraphs_are_trimmed_lines() -> None:
    text = "  First line \n\n\tSecond line\n"
    assert _pieces(text, paragraphs(text)) == ["First line", "Second line"]


def test_segment_empty_text() -> None:
    assert sentences("") == [] and words("") == [] and paragraphs("") == []


def test_segment_attribution_line_parsed() -> None:
    text = "Some tweet text\n— Samuel Ramani (@SamRamani2) November 28, 2022\nmore"
    (post,) = attributions(text)
    assert text[post.start:post.end] == "— Samuel Ramani (@SamRamani2) November 28, 2022"
    assert post.meta["author"] == "Samuel Ramani" and post.meta["handle"] == "SamRamani2"
    assert post.meta["date"] == "2022-11-28"


def test_segment_attribution_with_unparsable_date_has_no_date() -> None:
    (post,) = attributions("— Someone (@someone) yesterday-ish")
    assert post.meta["date"] is None and post.meta["date_text"] == "yesterday-ish"


def test_segment_instagram_attribution_line_parsed() -> None:
    text = "Caption text\nA post shared by City of Almaty (@almaty.city) on Nov 28, 2022 at 3:15am PST\nmore"
    (post,) = attributions(text)
    assert text[post.start:post.end].startswith("A post shared by City of Almaty")
    assert post.meta["handle"] == "almaty.city" and post.meta["platform"] == "instagram"
    assert post.meta["date"] == "2022-11-28"
    (undated,) = attributions("A post shared by Someone (@someone)")
    assert undated.meta["date"] is None and undated.meta["author"] == "Someone"


def test_segment_post_links() -> None:
    assert has_post_link("look pic.twitter.com/nQxq1CtRRD")
    assert has_post_link("https://x.com/user/status/123456")
    assert has_post_link("https://www.instagram.com/p/CabcDEF123/")
    assert not has_post_link("https://example.com/status")
