"""Inflection folding tables: which endings a name may carry in each language, for name keys.

Names inflect (the persons here are invented): Polish *Sarajewem*, *Tadżykistanu*; Russian *Морозова*,
*Франции*; Uzbek *Сараевнинг*, *Францияга*; Kazakh *Тәжікстанның*; Turkish *Fransa'nın*; German
*Morozows*. Canonicalisation compares names by a folded key, so every inflected form of one name must fold
to the same stem. The stems are keys, not dictionary lemmas (*Франция* and *Франции* both fold to *Франц*):
what matters is that the forms of one language agree; cross-language matching goes through transliteration
and phonetic keys.
(:mod:`newsweave.lang.inflection` serves the recogniser instead: it matches a word against a known base.)

Everything here is data, read by :func:`newsweave.kb.names.fold`. A language missing from a table
simply folds nothing for that rule.
"""

from __future__ import annotations

#: The Arabic article as place names romanise it, assimilated to the letter after it (*Ar Riyāḑ*, *Az Zarqā'*,
#: *Ash Shāriqah*): a piece that adds nothing to the name it opens, unlike *New* in *New Delhi*.
ARABIC_ARTICLES: frozenset[str] = frozenset({
    "al", "el", "ul", "at", "ath", "ad", "adh", "ar", "az", "as", "ash", "an", "ed", "er", "es", "esh", "et"})

#: Endings stripped from each token of a name (longest match first, at most one per token).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "pl": (
        "iego", "iemu", "owi", "ami", "ach", "iem", "ze", "iej", "ego", "emu", "ów", "om", "em", "ie", "ej", "ym", "im",
        "ą", "ę", "u", "a", "y", "i", "o",
    ),
    "cs": (
        "ovou", "ové", "ová", "ovi", "ami", "ách", "ého", "ému", "ými", "em", "ou", "ám", "ém", "ým", "ím",
        "ě", "e", "u", "a", "y", "i", "í", "o",
    ),
    "sk": (
        "ovou", "ovej", "ová", "ovi", "ami", "ách", "ého", "ému", "om", "ou", "ej", "ým", "ím",
        "e", "u", "a", "y", "i", "í", "o",
    ),
    "sl": ("ega", "emu", "om", "em", "ih", "ov", "u", "a", "i", "e", "o"),
    "hr": ("ima", "om", "em", "u", "a", "i", "e", "o"),
    "ru": (
        "ией", "ами", "ями", "ого", "его", "ому", "ему", "еем", "ия", "ии", "ию", "ья", "ьи", "ью",
        "ой", "ей", "ий", "ый", "ая", "яя", "ую", "юю", "ом", "ем", "ым", "им", "ах", "ях", "ея", "ею",
        "а", "я", "у", "ю", "е", "ы", "и", "ь",
    ),
    "uk": (
        "ією", "ами", "ями", "ого", "ому", "ові", "еві", "ою", "ею", "єю", "ія", "ії", "ію",
        "ий", "ій", "им", "ім", "ої", "ей", "ем", "ом", "ах", "ях",
        "а", "я", "у", "ю", "е", "и", "і", "ї", "ь",
    ),
    "be": ("ія", "іі", "ію", "ай", "ам", "ым", "ім", "а", "я", "у", "ю", "е", "ы", "і"),
    "bg": ("ия", "ът", "ят", "та", "то", "те"),
    "kk": (
        "тың", "тің", "дың", "дің", "ның", "нің", "ға", "ге", "қа", "ке", "нда", "нде", "дан", "ден",
        "тан", "тен", "нан", "нен", "мен", "бен", "пен", "ды", "ді", "ты", "ті", "ны", "ні", "да", "де",
        "та", "те", "на", "не",
        "tyń", "tiń", "dyń", "diń", "nyń", "niń", "ǵa", "ge", "qa", "ke", "nda", "nde", "dan", "den",
        "tan", "ten", "nan", "nen", "men", "ben", "pen", "da", "de", "ta", "te", "na", "ne",
    ),
    "uz": (
        "ларнинг", "ларни", "ларга", "ларда", "нинг", "даги", "дан", "лар", "ни", "га", "ка", "қа", "да",
        "larning", "larni", "larga", "larda", "ning", "dagi", "dan", "lar", "ni", "ga", "ka", "qa", "da",
    ),
    "ky": ("нын", "нин", "дын", "дин", "тын", "тин", "га", "ге", "ка", "ке", "да", "де", "та", "те", "дан", "ден"),
    "de": ("s",),
}

#: Endings that a name's base (nominative) form itself ends in, though :data:`SUFFIXES` strips them so that
#: the oblique forms meet it (Russian *Коваль*/*Коваля*, *Дмитрий*/*Дмитрия*). The words of one name agree in
#: case, so a name of several words whose last word ends in one of these, or in no ending of the table at all
#: (*Соколов*, *Айер*), is a nominative: :func:`newsweave.kb.names.display_fold` leaves its words whole, so that
#: a given name such as *Мира* or *Андрей* is not shown cut to *Мир*, *Андр*. Endings that are also oblique
#: case endings (Russian *-ой*, *-ей* of *Соколовой*) are left out: those names keep being folded.
BASE_FORM_ENDINGS: dict[str, tuple[str, ...]] = {
    "ru": ("ь", "ий", "ый", "ский"),
    "uk": ("ь", "ий", "ський"),
}

#: Shortest stem (in characters) a token may keep after an ending is stripped.
MIN_STEM: dict[str, int] = {"kk": 4, "uz": 4, "ky": 4}
DEFAULT_MIN_STEM = 3

#: A stem ending in one of these letters keeps its ending (German *Paris*, *Markus*: the -s is no genitive).
KEEP_AFTER: dict[str, str] = {"de": "sxzßiuä"}

#: Languages whose names inflect only on the last word (German *Marek Morozows*).
LAST_TOKEN_ONLY: frozenset[str] = frozenset({"de", "en", "nl", "sv", "da", "no"})

#: Languages that attach case endings to proper names after an apostrophe (Turkish *Fransa'nın*,
#: English *Morozov's*): everything from the apostrophe on is dropped when the stem is long enough.
APOSTROPHE_SUFFIX: frozenset[str] = frozenset({"tr", "az", "en", "tk", "gag", "crh"})

#: Of those, the languages whose spelling rules require that apostrophe: a word read as a name only through a case
#: ending written without one is a common word (Turkish *Maliye* "finance", not *Mali'ye*; Azerbaijani writes
#: *Bakıda* without one, so it is not here).
APOSTROPHE_REQUIRED: frozenset[str] = frozenset({"tr"})

#: lang -> case endings that put a name in a place's role, "in" or "at" it, written after its apostrophe in Turkish
#: (*Zelmorra'da*, *Zelmorra'daki*: people are seldom so inflected, so a word so written is no person by its shape)
#: and onto the word in Kazakh (*Мәскеудегі елшілігі*, "the embassy in Moscow": a located thing, no body's name).
PLACE_CASE_ENDINGS: dict[str, tuple[str, ...]] = {
    "tr": ("da", "de", "ta", "te", "nda", "nde", "daki", "deki", "taki", "teki", "ndaki", "ndeki"),
    "kk": ("да", "де", "та", "те", "дағы", "дегі", "тағы", "тегі"),
}

#: Postpositions written as separate words after a name (Hindi *मोरोज़ोव ने*, *फ़्रांस के*): dropped when trailing.
POSTPOSITIONS: dict[str, frozenset[str]] = {
    "hi": frozenset({"का", "की", "के", "को", "ने", "से", "में", "पर", "तक", "वाले", "वाली", "वाला", "द्वारा"}),
    "mr": frozenset({"चा", "ची", "चे", "ला", "ने", "नी", "त", "मध्ये"}),
    "ur": frozenset({"کا", "کی", "کے", "کو", "نے", "سے", "میں", "پر", "تک"}),
    "bn": frozenset({"এর", "কে", "তে", "থেকে"}),
}

#: lang -> conjunctions that end a name in a caseless script as a postposition does (Hindi *ज़ेलकान और ज़ेलमोरा*).
NAME_ENDING_CONJUNCTIONS: dict[str, frozenset[str]] = {
    "hi": frozenset({"और", "तथा", "एवं", "व"}),
    "ur": frozenset({"اور", "و"}),
}

#: Endings of East Slavic and Kazakh patronymics (lowercase), in Cyrillic and common romanisations. A full name
#: of three or more words may carry one (*Pyotr Ilyich Tchaikovsky*, reference order *Tchaikovsky Pyotr
#: Ilyich*); other languages' spellings of the person leave it out, so names are compared without it. Only
#: words between a given name and a surname, or after both, are taken for patronymics: two-word names
#: ending in *-ovich* (*Roman Abramovich*) keep their surname.
PATRONYMIC_ENDINGS: tuple[str, ...] = (
    "ович", "евич", "ёвич", "овна", "евна", "ична", "інічна", "ївна", "івна", "авіч", "евіч", "аўна", "еўна",
    "ұлы", "қызы", "ovich", "evich", "ovych", "ievich", "ovna", "evna", "ivna", "ichna", "uly", "qyzy",
)

#: Styles written before a regnal name (*Pope Benedict XVI*, *Papa Benedict al XVI-lea*, *Queen Elizabeth II*,
#: *교황 베네딕토 16세*), lowercase. Other languages' spellings of the person leave the style out, so a name
#: that ends in a regnal number is compared without a leading style word; names without a number keep it
#: (*King* is also a surname, *Papa* a nickname).
REGNAL_STYLES: frozenset[str] = frozenset({
    "pope", "pape", "papa", "paus", "pous", "papst", "papież", "paavi", "påve", "pave", "papež", "pápež",
    "папа", "교황", "البابا", "پاپ", "پاپا", "教皇", "king", "könig", "roi", "rey", "re", "rei",
    "koning", "kung", "konge", "kuningas", "król", "král", "kral", "raja", "regele", "король", "крал", "краль",
    "queen", "königin", "reine", "reina", "regina", "rainha", "koningin", "drottning", "dronning", "kuningatar",
    "królowa", "královna", "kraliçe", "ratu", "королева", "кралица", "emperor", "kaiser", "empereur",
    "emperador", "imperatore", "imperador", "cesarz", "император", "sultan", "султан", "tsar", "царь", "цар",
    "saint", "święty", "святой", "святий",
})

#: Endings a language writes after a regnal number's digits (Korean *16세*, Japanese and Chinese *16世*).
REGNAL_NUMBER_SUFFIXES: tuple[str, ...] = ("세", "世")

#: Regnal ordinals written as words after a name (Arabic *إليزابيث الثانية*, Persian *بندیکت شانزدهم*, Kurdish
#: *ئێلیزابێتی دووەم*), one or two words -> number; other spellings of the name write the number (*Elizabeth II*).
REGNAL_ORDINAL_WORDS: dict[str, int] = {
    "الأول": 1, "الأولى": 1, "الثاني": 2, "الثانية": 2, "الثالث": 3, "الثالثة": 3, "الرابع": 4, "الخامس": 5,
    "السادس": 6, "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12,
    "الثالث عشر": 13, "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17,
    "اول": 1, "یکم": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8, "نهم": 9,
    "دهم": 10, "یازدهم": 11, "دوازدهم": 12, "سیزدهم": 13, "چهاردهم": 14, "پانزدهم": 15, "شانزدهم": 16,
    "هفدهم": 17, "یەکەم": 1, "دووەم": 2, "سێیەم": 3, "چوارەم": 4, "پێنجەم": 5, "شەشەم": 6, "حەوتەم": 7,
    "هەشتەم": 8, "نۆیەم": 9, "دەیەم": 10, "یازدەیەم": 11, "دوازدەیەم": 12, "سێزدەیەم": 13, "چواردەیەم": 14,
    "پازدەیەم": 15, "شازدەیەم": 16, "حەڤدەیەم": 17,
}
#: Chinese and Japanese numerals before 世 (*伊莉莎白二世*, *本篤十六世*: Elizabeth II, Benedict XVI).
CJK_NUMERALS: dict[str, int] = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}
