"""Language stage: article language, script, segments, embedded posts, foreign quotes, bad input."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsweave.model import Article
from newsweave.pipeline import STAGES
from newsweave.stages.language import LanguageStage, _word_rules, dominant_script, identify


@pytest.fixture(scope="module")
def stage() -> LanguageStage:
    return LanguageStage()


def _run(stage: LanguageStage, text: str, **kw: str) -> Article:
    return stage(Article(id="t", text=text, **kw))


def test_language_stage_is_registered_first() -> None:
    assert next(iter(STAGES)) == "language"
    assert STAGES["language"] == "newsweave.stages.language:LanguageStage"


SEED_LANGS = {"000": ("hi", "Deva"), "001": ("pl", "Latn"), "002": ("uz", "Cyrl"), "003": ("de", "Latn"),
              "004": ("tr", "Latn")}


@pytest.mark.parametrize("prefix", sorted(SEED_LANGS))
def test_language_seed_language_and_script(stage: LanguageStage, seeds_dir: Path, prefix: str) -> None:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    art = _run(stage, path.read_text(encoding="utf-8"))
    assert (art.lang, art.script) == SEED_LANGS[prefix]
    assert art.lang_confidence is not None and art.lang_confidence > 0.8


def test_language_hindi_seed_tweets_are_english_posts(stage: LanguageStage, seeds_dir: Path) -> None:
    text = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    art = _run(stage, text)
    posts = [s for s in art.segments if s.kind == "post"]
    assert [p.meta["handle"] for p in posts] == ["OsintTv", "SamRamani2"]
    for post in posts:
        body = art.text[post.start:post.end]
        assert post.lang == "en" and post.script == "Latn"
        assert post.meta["date"] == "2022-11-28" and post.meta["date_text"] == "November 28, 2022"
        assert f"(@{post.meta['handle']}) November 28, 2022" in body
    assert "pic.twitter.com/nQxq1CtRRD" in art.text[posts[0].start:posts[0].end]
    assert posts[1].meta["author"] == "Samuel Ramani"
    # every English paragraph is inside a post, and no Hindi paragraph is
    for para in (s for s in art.segments if s.kind == "paragraph"):
        inside = any(p.start <= para.start and para.end <= p.end for p in posts)
        assert inside == (para.lang == "en"), art.text[para.start:para.end][:60]


def test_language_uzbek_cyrillic_seed_has_no_foreign_paragraphs(stage: LanguageStage, seeds_dir: Path) -> None:
    art = _run(stage, next(seeds_dir.glob("002_*.txt")).read_text(encoding="utf-8"))
    paras = [s for s in art.segments if s.kind == "paragraph"]
    assert paras and all(p.lang == "uz" and p.script == "Cyrl" for p in paras)


CONFUSABLE = {
    "uz": "Ўзбекистон Республикаси Президенти бугун Тошкентда хорижий инвесторлар билан учрашди ва ҳамкорлик "
          "масалаларини муҳокама қилди.",
    "kk": "Қазақстан Республикасының Президенті бүгін Астанада шетелдік инвесторлармен кездесіп, ынтымақтастық "
          "мәселелерін талқылады.",
    "ky": "Кыргыз Республикасынын Президенти бүгүн Бишкекте чет өлкөлүк инвесторлор менен жолугуп, кызматташтык "
          "маселелерин талкуулады.",
    "tg": "Президенти Ҷумҳурии Тоҷикистон имрӯз дар Душанбе бо сармоягузорони хориҷӣ мулоқот карда, масъалаҳои "
          "ҳамкориро муҳокима кард.",
    "ru": "Президент Российской Федерации сегодня встретился в Москве с иностранными инвесторами и обсудил вопросы "
          "сотрудничества.",
    "uk": "Президент України сьогодні зустрівся в Києві з іноземними інвесторами та обговорив питання співпраці.",
    "bg": "Президентът на България днес се срещна в София с чуждестранни инвеститори и обсъди въпросите на "
          "сътрудничеството.",
    "tr": "Türkiye Cumhurbaşkanı bugün Ankara'da yabancı yatırımcılarla bir araya gelerek işbirliği konularını "
          "görüştü.",
    "az": "Azərbaycan Respublikasının Prezidenti bu gün Bakıda xarici investorlarla görüşərək əməkdaşlıq "
          "məsələlərini müzakirə etdi.",
}


@pytest.mark.parametrize("lang", sorted(CONFUSABLE))
def test_language_identify_tells_confusable_set_apart(lang: str) -> None:
    assert identify(CONFUSABLE[lang]).lang == lang


def test_language_identify_uzbek_latin() -> None:
    guess = identify("Oʻzbekiston Respublikasi Prezidenti bugun Toshkentda xorijiy investorlar bilan uchrashdi va "
                     "hamkorlik masalalarini muhokama qildi.")
    assert (guess.lang, guess.script) == ("uz", "Latn")


@pytest.mark.parametrize(("text", "reason"), [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("2022 12:30 100% 3,14", "no letters"),
    ("🙂🙂🔥 👍", "no letters"),
    ("https://example.com/a/b?c=1 www.example.org", "no letters"),
    ("Мoсквa Рoссия Кaзaхстaн Укрaинa", "mixed scripts"),
])
def test_language_bad_input_is_und_with_reason(stage: LanguageStage, text: str, reason: str) -> None:
    guess = identify(text)
    assert guess.lang == "und" and guess.reason is not None and guess.reason.startswith(reason)
    art = _run(stage, text)
    assert art.lang == "und" and art.meta["lang_reason"].startswith(reason)


def test_language_identify_never_raises_on_odd_input() -> None:
    for text in ("\x00\x01", "\ud800", "a" * 100_000, "١٢٣", "\u200b\u200d"):
        assert identify(text).lang  # a defined answer


def test_language_metadata_language_is_kept_and_segments_computed(stage: LanguageStage) -> None:
    art = _run(stage, "Die Regierung hat heute neue Maßnahmen beschlossen.\nDer Minister sprach von einem Erfolg.",
               lang="de")
    assert art.lang == "de" and art.lang_confidence == 1.0
    assert [s.kind for s in art.segments if s.kind == "paragraph"] == ["paragraph", "paragraph"]
    assert all(s.lang == "de" for s in art.segments)


def test_language_metadata_tag_is_normalised(stage: LanguageStage) -> None:
    art = _run(stage, "Die Regierung hat heute neue Maßnahmen beschlossen.", lang="de-AT")
    assert art.lang == "de" and art.meta["lang_given"] == "de-AT"


def test_language_short_segment_backs_off_to_document(stage: LanguageStage) -> None:
    text = ("Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen.\n"
            "Ja.\n"
            "Der Bundestag soll noch vor der Sommerpause über den Entwurf abstimmen, sagte eine Sprecherin.")
    art = _run(stage, text)
    short = next(s for s in art.segments if s.kind == "paragraph" and art.text[s.start:s.end] == "Ja.")
    assert art.lang == "de" and short.lang == "de"


def test_language_foreign_paragraph_and_quote(stage: LanguageStage) -> None:
    text = ("Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. "
            "Der Minister sagte: „We will not accept any further delays in this important project.“ "
            "Danach verließ er den Saal ohne weitere Fragen zu beantworten.\n"
            "Die Opposition kritisierte den Entwurf als unzureichend und kündigte Widerstand im Bundesrat an.")
    art = _run(stage, text)
    assert art.lang == "de"
    quotes = [s for s in art.segments if s.kind == "quote"]
    assert len(quotes) == 1 and quotes[0].lang == "en"
    assert art.text[quotes[0].start:quotes[0].end].startswith("We will not accept")
    assert quotes[0].meta["outer_lang"] == "de"


def test_language_synthetic_tweet_block_becomes_post(stage: LanguageStage) -> None:
    text = ("Die Gespräche in Moskau dauerten nach Angaben beider Seiten mehr als drei Stunden und endeten ohne "
            "gemeinsame Erklärung.\n"
            "Talks in Moscow were constructive and we agreed to meet again next month pic.twitter.com/AbC123xyz\n"
            "— Jane Doe (@janedoe) March 3, 2024\n"
            "Beobachter rechnen nun mit einem weiteren Treffen noch vor dem Sommer, hieß es aus Diplomatenkreisen.")
    art = _run(stage, text)
    (post,) = [s for s in art.segments if s.kind == "post"]
    assert post.lang == "en"
    byline = text.index("— Jane Doe")
    assert post.meta == {"author": "Jane Doe", "handle": "janedoe", "date": "2024-03-03",
                         "date_text": "March 3, 2024", "platform": "twitter",
                         "byline_start": byline, "byline_end": text.index("\nBeobachter")}
    assert art.text[post.start:post.end].startswith("Talks in Moscow")
    assert art.text[post.start:post.end].endswith("March 3, 2024")


def test_language_segments_index_the_text(stage: LanguageStage, seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        art = _run(stage, path.read_text(encoding="utf-8"))
        kinds = {s.kind for s in art.segments}
        assert {"paragraph", "sentence"} <= kinds
        for s in art.segments:
            piece = art.text[s.start:s.end]
            assert 0 <= s.start < s.end <= len(art.text)
            assert piece == piece.strip() and s.lang and s.script and 0.0 <= s.confidence <= 1.0


@pytest.mark.parametrize(("text", "script"), [
    ("Москва", "Cyrl"), ("Berlin", "Latn"), ("नई दिल्ली", "Deva"), ("東京は日本の首都です", "Jpan"),
    ("서울은 한국의 수도", "Kore"), ("这是一个简单的测试", "Hans"), ("這是一個簡單的測試，國家發展", "Hant"),
    ("123 !?", "Zyyy"),
])
def test_language_dominant_script(text: str, script: str) -> None:
    assert dominant_script(text) == script


def test_language_eval_sample_prints_table_and_holds_accuracy(shared: Path) -> None:
    """The CI run of ``newsweave eval lang``: a stratified sample, with floors well under the full-run figures."""
    from typer.testing import CliRunner

    from newsweave.cli import app
    from newsweave.evaluate.lang import evaluate

    result = evaluate(shared, sample=12)
    assert result.sampled and result.docs.macro() >= 0.93 and result.sentences.macro() >= 0.95
    out = CliRunner().invoke(app, ["eval", "lang", "--sample", "5"])
    assert out.exit_code == 0, out.output
    assert "documents: macro" in out.output and "sentences (>= 40 chars): macro" in out.output


def test_language_post_in_article_language_keeps_its_text(stage: LanguageStage) -> None:
    text = ("Die Gespräche in Moskau dauerten nach Angaben beider Seiten mehr als drei Stunden.\n"
            "Wir hatten heute ein gutes und offenes Gespräch über die Zusammenarbeit beider Länder.\n"
            "— Max Mustermann (@maxm) 4. März 2024\n"
            "Beobachter rechnen nun mit einem weiteren Treffen noch vor dem Sommer.")
    art = _run(stage, text)
    (post,) = [s for s in art.segments if s.kind == "post"]
    assert post.lang == "de" and post.meta["date"] == "2024-03-04"
    assert art.text[post.start:post.end].startswith("Wir hatten heute")


def test_language_russian_quote_inside_uzbek_paragraph(stage: LanguageStage) -> None:
    text = ("Қозоғистон президенти Қосим-Жомарт Тўқаев Москвада журналистлар билан учрашувда шундай деди: "
            "«Россия и Казахстан всегда были и будут стратегическими партнёрами и союзниками». "
            "Шундан сўнг икки давлат раҳбарлари ҳамкорлик бўйича бир қатор ҳужжатларни имзоладилар.")
    art = _run(stage, text)
    assert art.lang == "uz"
    (quote,) = [s for s in art.segments if s.kind == "quote"]
    assert quote.lang == "ru" and art.text[quote.start:quote.end].startswith("Россия и Казахстан")


@pytest.mark.parametrize(("text", "lang"), [
    ("佢哋今日喺立法會講咗好多嘢，話政府唔應該再加稅。", "yue"),
    ("行政長官李家超上任，佢係香港特區第六任行政長官。", "yue"),
    ("兩國領導人會面，討論雙邊關係和地區安全問題。", "zh"),  # 係 inside 關係 is standard Chinese
    ("兩國領導人會面，雙方同意繼續加強經貿合作。", "zh"),  # no Cantonese word at all: not Cantonese
])
def test_language_cantonese_particles_and_copula_tell_yue_from_zh(text: str, lang: str) -> None:
    assert identify(text).lang == lang


@pytest.mark.parametrize(("text", "lang"), [
    ("لاہور دے وچ اج بہت گرمی سی تے لوکاں نے گھراں وچ رہنا پسند کیتا۔", "pnb"),
    ("لاہور میں آج بہت گرمی تھی اور لوگوں نے گھروں میں رہنا پسند کیا۔", "ur"),
    ("Polisi mengatakan kecelakaan itu menewaskan tiga orang karena mobil melaju terlalu cepat.", "id"),
    ("Polis berkata kemalangan itu mengorbankan tiga nyawa kerana kereta dipandu terlalu laju.", "ms"),
    ("Piala Dunia FIFA alah dimulai, dan tim tuan rumah manjadi tim patamo nan kalah di partandiangan pambukak.",
     "min"),
    ("The umwhile Prime Meenister o the Unitit Kinrick dees at 96 year auld efter a lang illness.", "sco"),
    ("The former Prime Minister of the United Kingdom died at 96 after a long illness, the palace said.", "en"),
    ("Помер «Король футболу» Пеле, повідомили 29 грудня.", "uk"),
    ("Умер «Король футбола» Пеле, сообщили 29 декабря.", "ru"),
    ("Почина «Кралят на футбола» Пеле, съобщиха на 29 декември.", "bg"),
    ("تبریزده بیر بؤیوک یانغین اولدو و ایکی نفر یارالاندی.", "azb"),
    ("در تبریز آتش‌سوزی بزرگی رخ داد و دو نفر زخمی شدند.", "fa"),
])
def test_language_function_words_tell_close_languages_apart(text: str, lang: str) -> None:
    assert identify(text).lang == lang


@pytest.mark.parametrize(("text", "lang"), [
    ("Pemain bola sepak terkenal itu meninggal dunia pada usia 82 tahun.", "ms"),
    ("Pemain sepak bola terkenal itu meninggal dunia pada usia 82 tahun.", "id"),
    ("Parlimen meluluskan belanjawan baharu dengan sokongan 60 peratus ahli dewan.", "ms"),
    ("Parlemen mengesahkan anggaran baru dengan dukungan 60 persen anggota dewan.", "id"),
])
def test_language_word_rules_count_word_order_and_loanword_spelling(text: str, lang: str) -> None:
    """Malay bola sepak / Indonesian sepak bola (a two-word mark) and peratus/persen tip an even vote."""
    scores: Counter[str] = Counter({"id": 0.5, "ms": 0.5})
    _word_rules(scores, text)
    assert scores.most_common(1)[0][0] == lang


def test_language_word_checks_leave_out_names_inside_sentences() -> None:
    from newsweave.stages.language import _common_words

    words = _common_words('Anwar Ibrahim diangkat menjadi Perdana Menteri Malaysia. "Dia" menang lagi.', 50)
    assert words == ["anwar", "diangkat", "menjadi", "dia", "menang", "lagi"]
    assert _common_words("Prime Minister Resigns After Vote", 50) == ["prime", "minister", "resigns", "after", "vote"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Qaraqalpaqstan Respublikasınıń paytaxtı Nókiste jańa mektep ashıldı hám oqıwshılar sabaqqa keldi.", "kaa"),
    ("Luiz Inácio Lula da Silva ikkinchi marta Braziliya prezidenti etib saylandi.", "uz"),  # one á is a name
    ("Türkiye Cumhurbaşkanı bugün Ankara'da yabancı yatırımcılarla bir araya geldi.", "tr"),
])
def test_language_karakalpak_latin_letters(text: str, lang: str) -> None:
    assert identify(text).lang == lang


@pytest.mark.parametrize(("text", "langs"), [
    ("Дагъистаналъул бетӀерас цӀияб закон къабул гьабуна ва гьелъул хӀакъалъулъ кицӀе гьабуна.", {"av"}),
    ("Нохчийн Республикин куьйгалхочо керла школа схьаелла, цу чохь берийн дешар дӀадолийна.", {"ce"}),
    ("Президент России подписал новый закон о поддержке семей с детьми.", {"ru"}),
])
def test_language_palochka_marks_caucasian_languages(text: str, langs: set[str]) -> None:
    assert identify(text).lang in langs


@pytest.mark.parametrize(("text", "lang"), [
    ("O presidente da Xunta dixo que non vai participar na cimeira cos ministros europeos.", "gl"),
    ("El president de la Generalitat va dir que no participarà en la cimera amb els ministres europeus.", "ca"),
    ("El presidente del Gobierno dijo que no participará en la cumbre con los ministros europeos.", "es"),
    ("O presidente do Brasil disse que não vai participar da cimeira com os ministros europeus.", "pt"),
    ("Descubren e inhabilitan dos tomas clandestinas en el norte del estado.", "es"),  # dos: two, not "of the"
])
def test_language_iberian_function_words(text: str, lang: str) -> None:
    assert identify(text).lang == lang


def test_language_mingrelian_schwa_letter() -> None:
    assert identify("ახალი პრემიერ-მინისტრი გინირთჷ დო ოსურეფიშ პარტიაშ ლიდერი დოღურჷ.").lang == "xmf"
    assert identify("საქართველოს მთავრობამ ახალი კანონპროექტი პარლამენტს განსახილველად წარუდგინა.").lang == "ka"


def test_language_word_frequencies_skip_acronyms() -> None:
    from newsweave.stages.language import _plain_words

    assert _plain_words("NATO og EU vedtager nye regler", 10) == ["og", "vedtager", "nye", "regler"]
    assert _plain_words("BREAKING: NATO SAYS NO", 10) == ["breaking", "nato", "says", "no"]  # all capitals: kept
    # "SI" lower-cased is Norwegian "si" (say); the acronym must not make Danish text Norwegian
    assert identify("For første gang i 21 år vedtages nye SI-præfikser: quetta og ronna.").lang == "da"


def test_language_article_vote_asks_langid_only_in_doubt(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article vote of 0.8 or more is enough, unless the letters rule its first choice out (Uzbek ў қ ғ ҳ
    against a Russian vote): then py3langid is asked and Uzbek wins."""
    import newsweave.stages.language as language

    real = language._langid()
    asked: list[str] = []

    class Spy:
        labels = real.labels

        def rank(self, text: str) -> list[tuple[str, float]]:
            asked.append(text)
            return real.rank(text)

    monkeypatch.setattr(language, "_langid", Spy)
    english = "The city council approved the new budget on Monday after a long debate about public transport."
    assert identify(english, {"en": 0.85, "sco": 0.1, "de": 0.05}).lang == "en"
    assert not asked
    uzbek = ("Қозоғистон президенти Москвада журналистлар билан учрашувда шундай деди: «Мы всегда были партнёрами». "
             "Шундан сўнг икки давлат раҳбарлари ҳамкорлик бўйича бир қатор ҳужжатларни имзоладилар.")
    assert identify(uzbek, {"ru": 0.87, "bg": 0.07, "sr": 0.03, "mk": 0.03}).lang == "uz"
    assert asked


def test_language_wordfreq_head_is_wordfreqs_own_list_down_to_the_floor() -> None:
    """The streamed head of a wordlist equals wordfreq's full list cut at 1e-7 (-700 cB); word_frequency() rounds."""
    import math

    import wordfreq

    from newsweave.stages.language import _WORDFREQ_FLOOR, _frequency_buckets, _wordfreq

    path = wordfreq.available_languages()["cs"]
    assert _frequency_buckets(path, 701) == wordfreq.get_frequency_list("cs")[:701]
    table = _wordfreq("cs")
    assert math.isclose(table["a"], math.log(wordfreq.word_frequency("a", "cs") + _WORDFREQ_FLOOR), abs_tol=0.01)
    assert min(table.values()) >= math.log(2 * _WORDFREQ_FLOOR) - 1e-9
    assert _wordfreq("min") == {}  # no Minangkabau list: wordfreq's nearest (Malay) must not stand in


def test_language_instagram_post_in_russian_article(stage: LanguageStage) -> None:
    text = ("В Алматы в понедельник была зафиксирована рекордная жара, сообщили в городской администрации.\n"
            "View this post on Instagram\n"
            "Record heat in the city today, please stay safe and drink plenty of water everyone!\n"
            "A post shared by City of Almaty (@almaty.city) on Nov 28, 2022 at 3:15am PST\n"
            "Синоптики ожидают, что жара продлится до конца недели, а ночью будет не ниже двадцати градусов.")
    art = _run(stage, text)
    (post,) = [s for s in art.segments if s.kind == "post"]
    assert art.lang == "ru" and post.lang == "en"
    assert post.meta["platform"] == "instagram" and post.meta["date"] == "2022-11-28"
    assert "Record heat" in art.text[post.start:post.end] and "Синоптики" not in art.text[post.start:post.end]


@pytest.mark.parametrize(("text", "lang"), [
    ("Die president het Dinsdag gesê dat die regering nie die belasting sal verhoog nie.", "af"),
    ("Twee mense is in 'n ongeluk op die snelweg dood, het die polisie gesê.", "af"),
    ("De minister-president heeft dinsdag gezegd dat het kabinet de belastingen niet zal verhogen.", "nl"),
    ("Die maatregel werd door de oppositie scherp bekritiseerd, maar de regering houdt voet bij stuk.", "nl"),
    ("उनकर कहनाम बा कि गाँव में नया सड़क बनावल गइल आ लोग खुस बाड़े।", "bho"),
    ("उन्होंने कहा कि गाँव में नई सड़क बनाई गई है और लोग खुश हैं।", "hi"),
])
def test_language_function_words_tell_afrikaans_and_bhojpuri_from_neighbours(text: str, lang: str) -> None:
    assert identify(text).lang == lang


def test_language_article_vote_for_english_still_hears_scots_words(stage: LanguageStage) -> None:
    """fastText is 0.95 sure of English here; the Scots spellings (selectit, efter, auld) must still be read."""
    text = "The umwhile heid o the kintra wis selectit efter a lang vote, an the auld cooncil wis sent hame."
    assert stage(Article(id="sco", text=text)).lang == "sco"


def test_language_foreign_letters_inside_names_do_not_rule_a_language_out() -> None:
    """A Russian sentence citing a Ukrainian brand (with і) stays Russian; the same letters in ordinary
    words still rule Russian out."""
    ru = ("Материалы Пресс-центра агентства «ЛІГАБізнесІнформ» основаны на содержании пресс-конференций "
          "и могут публиковаться на правах рекламы.")
    assert identify(ru).lang == "ru"
    assert identify("Президент Казахстана Қасым-Жомарт Тоқаев прибыл в Москву на переговоры.").lang == "ru"
    assert identify("Матеріали прес-центру агентства засновані на змісті прес-конференцій і публікуються "
                    "на правах реклами.").lang == "uk"


@pytest.mark.parametrize(("text", "lang"), [
    ("Aşgabatda geçirilen maslahatda ýurdumyzyň ykdysady ösüşi barada gürrüň edildi.", "tk"),
    ("Qırım tatar halqınıñ milliy meclisi bugün Aqmescitte yañı qararlar qabul etti.", "crh"),
    ("Ankara'da düzenlenen toplantıda ülkemizin ekonomik büyümesi hakkında konuşuldu.", "tr"),
    ("Türkmenistan Devlet Başkanı Serdar Berdimuhamedov'un Aşgabat'taki Ýaşlyk stadında yaptığı konuşma.", "tr"),
])
def test_language_turkmen_and_crimean_tatar_letters(text: str, lang: str) -> None:
    """Turkmen ň/ý and Crimean Tatar ñ are not Turkish letters; inside a name (Ýaşlyk) they prove nothing."""
    assert identify(text).lang == lang


@pytest.mark.parametrize(("text", "lang"), [
    ("El Govern català va aprovar ahir una nova llei sobre la protecció del medi ambient.", "ca"),
    ("El Gobierno aprobó ayer una nueva ley sobre la protección del medio ambiente.", "es"),
    ("O Governo aprovou ontem uma nova lei sobre a proteção do meio ambiente.", "pt"),
    ("O Goberno aprobou onte unha nova lei sobre a protección do medio ambiente.", "gl"),
])
def test_language_iberian_everyday_words(text: str, lang: str) -> None:
    """el/una are Catalan as much as Spanish: yesterday and law (ahir/ayer/ontem/onte, llei/ley/lei) decide."""
    assert identify(text).lang == lang


def test_language_words_keep_their_vowel_signs() -> None:
    """Devanagari and Bengali vowel signs are combining marks, not letters: a word must not fall apart at them."""
    from newsweave.stages.language import _common_words

    assert _common_words("प्रधानमंत्री ने कहा है कि क्षेत्र में शांति है।", 20) == [
        "प्रधानमंत्री", "ने", "कहा", "है", "कि", "क्षेत्र", "में", "शांति", "है"]


@pytest.mark.parametrize(("text", "lang"), [
    ("जर्जिया मेलोनी इटालीकी पहिलो महिला प्रधानमन्त्री बनिन् र उनले सरकार गठन गरिन्।", "ne"),
    ("जॉर्जिया मेलोनी इटलीच्या पहिल्या महिला पंतप्रधान झाल्या आणि त्यांनी सरकार स्थापन केले.", "mr"),
    ("जॉर्जिया मेलोनी इटली की पहली महिला प्रधानमंत्री बनीं और उन्होंने सरकार बनाई है।", "hi"),
    ("Si Giorgia Meloni nahimong unang babaye nga punong ministro sa Italya.", "ceb"),
    ("Si Giorgia Meloni ang naging kauna-unahang babaeng punong ministro ng Italya.", "tl"),
])
def test_language_devanagari_and_philippine_grammar_words(text: str, lang: str) -> None:
    assert identify(text).lang == lang


@pytest.mark.parametrize(("text", "lang"), [
    ("上海人讲闲话：侬好，阿拉是上海人，㑚从啥地方来？", "wuu"),
    ("今天上海天气很好，市民纷纷到公园散步。", "zh"),
    ("阿拉伯国家联盟峰会在开罗举行，伊朗外长出席。", "zh"),  # 阿拉, 伊 inside transliterated names
])
def test_language_shanghainese_words_tell_wuu_from_zh(text: str, lang: str) -> None:
    assert identify(text).lang == lang


def test_language_eval_table_lists_document_errors_on_request() -> None:
    from newsweave.evaluate.lang import DocError, LangEval, Scores, format_table

    docs = Scores()
    docs.add("yue", "zh")
    docs.add("yue", "yue")
    result = LangEval(docs, Scores(), sampled=True, errors=[DocError("yue", "zh", "Hant", 15, "俄羅斯入侵烏克蘭")])
    assert "document errors" not in format_table(result)
    table = format_table(result, errors=True)
    assert "document errors (1)" in table
    assert any(line.split()[:5] == ["yue", "->", "zh", "Hant", "15"] for line in table.splitlines())


@pytest.mark.parametrize(("text", "lang"), [
    ("Boma la Malawi lati anthu ambiri akhudzidwa ndi kusefukira kwa madzi chaka chino.", "ny"),
    ("Hurumende yeZimbabwe yati vanhu vazhinji vakakanganiswa nemafashama gore rino.", "sn"),
    ("Rais wa Tanzania amesema kwamba serikali itasaidia watu wote walioathirika na mafuriko mwaka huu.", "sw"),
])
def test_language_bantu_grammar_words_find_chichewa_which_no_model_knows(text: str, lang: str) -> None:
    assert identify(text).lang == lang
