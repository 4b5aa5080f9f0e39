"""Script-level sound data for the loose cross-script name key (:func:`newsweave.kb.names.loose_key`).

``anyascii`` romanises Latin and Cyrillic names almost letter for letter, but loses information for
other scripts: abjads (Arabic, Hebrew) omit most vowels and have no *p* or *v*; Hangul, kana and Chinese
characters add syllable vowels to consonant clusters and have one letter for *r*/*l*; Thai and Lao write
some vowels before the consonant they follow in speech; Tamil has one letter for *k*/*g* and for
*s*/*ch*. The loose key therefore keeps only coarse consonant classes, which these writings preserve.

Everything here is data, read by :mod:`newsweave.kb.names` and :mod:`newsweave.corpus.entities`.
"""

from __future__ import annotations

#: Thai and Lao vowels written before the consonant they are pronounced after (เป = "pe", not "ep").
LEADING_VOWELS: frozenset[str] = frozenset("เแโใไເແໂໃໄ")

#: Consonant classes (letters after the phonetic rules: sh/ch/zh -> s, kh/q -> k, ph -> f, th -> t, w -> v)
#: that some scripts do not tell apart; each class folds onto its first letter.
SOUND_CLASSES: dict[str, str] = {
    "labial": "bpfv",  # Arabic has no p or v; Hangul and Chinese one letter for p/f; Greek β is v
    "velar": "kg",  # Tamil, Hangul, Chinese: one letter; Arabic writes g as k, j or gh
    "sibilant": "sz",  # Hangul, Chinese, Tamil, Thai
    "dental": "td",  # Tamil, Hangul, Chinese; Greek δ is dh
    "liquid": "rl",  # Hangul, kana, Chinese: one r/l
    "nasal": "nm",  # Indic anusvara, final nasals of Chinese syllables
}

#: The classes each script (ISO 15924 code) leaves undistinguished when romanised by anyascii. A pair of
#: names is compared with the classes of both their scripts folded; scripts not listed lose none.
SCRIPT_LOSSES: dict[str, frozenset[str]] = {
    "Arab": frozenset({"labial", "velar"}),
    "Hebr": frozenset({"labial", "velar"}),
    "Syrc": frozenset({"labial", "velar"}),
    "Thaa": frozenset({"labial", "velar"}),
    "Grek": frozenset({"labial", "dental"}),
    "Hani": frozenset(SOUND_CLASSES),
    "Jpan": frozenset(SOUND_CLASSES),
    "Hang": frozenset(SOUND_CLASSES),
    "Thai": frozenset({"labial", "velar", "dental", "liquid"}),
    "Laoo": frozenset({"labial", "velar", "dental", "liquid"}),
    "Khmr": frozenset({"labial", "velar", "dental"}),
    "Mymr": frozenset({"labial", "velar", "dental"}),
    "Taml": frozenset({"labial", "velar", "sibilant", "dental", "nasal"}),
    "Mlym": frozenset({"nasal"}),
    "Deva": frozenset({"nasal"}),
    "Beng": frozenset({"nasal"}),
    "Guru": frozenset({"nasal"}),
    "Gujr": frozenset({"nasal"}),
    "Telu": frozenset({"nasal"}),
    "Knda": frozenset({"nasal"}),
    "Sinh": frozenset({"nasal"}),
}

#: Scripts whose anyascii romanisation uses letters in senses of its own, respelled (longest match first)
#: before the phonetic rules so that a transcribed name keeps the consonant classes of its source; as
#: (first code point, last code point, rules). Chinese characters come back in Hanyu Pinyin, whose *j* is the
#: /tɕ/ that transcribes English *g*, *j* and *k* (金 *jin* for *-gin*, *kin*), *q* an aspirated *ch* (奇 *qi*
#: for *chi*), *x* a palatal *s* (西 *xi* for *si*) and *c* a *ts*; Tamil's ச comes back as *c* but stands
#: for *s* and *ch* (சுவான்டே *cuvante* for *Svante*). Other caseless scripts' *j* is English-like (*dzh*).
SCRIPT_RESPELL: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("\u4e00", "\u9fff", (("ch", "ch"), ("zh", "zh"), ("sh", "sh"), ("j", "g"), ("q", "ch"), ("x", "s"), ("c", "ts"))),
    ("\u3400", "\u4dbf", (("ch", "ch"), ("zh", "zh"), ("sh", "sh"), ("j", "g"), ("q", "ch"), ("x", "s"), ("c", "ts"))),
    ("\u0b80", "\u0bff", (("c", "s"), ("j", "dzh"))),
)

#: How names written in a lossy script may also be read (ISO 15924 code -> (letters of the name key, reading)):
#: Arabic ج writes English *j* (جورج George) and, as Egyptian usage transcribes foreign names, *g* (جوجل Google,
#: an invented جونار بيرجليند Gunnar Berglind). Loose linking compares a name under each reading too.
LOSSY_READINGS: dict[str, tuple[tuple[str, str], ...]] = {"Arab": (("dzh", "g"),)}

#: How names written in Cyrillic in a language may also be read as Russian writes them (language -> (letters of
#: the name key, reading)): Ukrainian and Belarusian г is the *h* that Russian writes х in foreign names (*Гарріс*,
#: *Нетаньягу*: Russian *Харрис*, *Нетаньяху*). Compared only against names in other spellings, as the Latin
#: readings are.
CYRILLIC_READINGS: dict[str, tuple[tuple[str, str], ...]] = {"uk": (("g", "kh"),), "be": (("g", "kh"),)}

#: What a Latin *j* left in a name key (a language without a respelling for it, such as Spanish or Swedish, or a
#: foreign name written as it is: an English *James* in a Spanish article) may stand for besides the *y* of the
#: phonetic rules: English /dʒ/ (Cyrillic *Дж*) and Spanish /x/ (*José*, Cyrillic *Хосе*). Given names are
#: compared under each reading.
LATIN_J_READINGS: tuple[str, ...] = ("dzh", "kh")

#: Cyrillic spellings of an English *w* before a vowel at the start of a word (Russian *Уэбб* for Webb,
#: *Уильям*, *Уоррен*): name keys read the *у* as *в*, as Ukrainian writes *Вебб*, so the phonetic rules'
#: *w* = *v* applies. No Russian word starts with these pairs, so native names are not touched.
CYRILLIC_W_BEFORE: frozenset[str] = frozenset("эио")

#: Dropped from the romanised name before the phonetic rules: the semivowels that abjads also use as vowel
#: letters (Arabic و is *w*, *u* or *o*; ي is *y*, *i* or *e*), so that *w* does not become the consonant *v*.
LOOSE_SEMIVOWELS: frozenset[str] = frozenset("wy")
#: Dropped after the phonetic rules: vowels, *y* (from *j*) and *h*.
LOOSE_DROP: frozenset[str] = frozenset("aeiouyh")

#: Scripts romanised closely enough for the stricter keys; the loose key links a name only when at least
#: one side is written in another script (ISO 15924 codes, see ``newsweave.corpus.entities.script_of``).
EXACT_SCRIPTS: frozenset[str] = frozenset({"Latn", "Cyrl", "Zyyy"})

#: Scripts in which two languages spell one name with different optional letters (Arabic, Persian, Urdu and
#: Kurdish vowel letters): loose linking also compares two names of the same such script. Two different
#: strings of Chinese characters, Hangul or Thai are different names, not respellings, and stay apart.
SAME_SCRIPT_LOOSE: frozenset[str] = frozenset({"Arab", "Hebr", "Syrc", "Thaa"})

#: How transcriptions into Cyrillic read a Latin name, one reading per rule set: as English (*George Hollins* ->
#: *Джордж Холлинс*, *Gemma* -> *Джемма*, *James* -> *Джеймс*: a soft *g* and *j* as *дж*, an initial *h* as *х*),
#: and with *h* as *г* (Russian for German, Arabic and Ukrainian *h*: *Ibrahim* -> *Ибрагим*, *Hamburg* ->
#: *Гамбург*; not the *h* of *ch*, *sh*, *kh*, *zh*, *th*, *ph*), and with a word's first *v* as *ф* (German and
#: Dutch *v*: *Verstappen* -> *Ферстаппен*, *Vogel* -> *Фогель*; a *v* inside a word, as in the many Slavic *-ov*,
#: is left alone: each reading is one more key to compare), and as a South Slavic name written without its
#: diacritics (*dj* for *đ* and *-ic* for *-ić*: *Djokovic* -> *Джокович*, *Vucic* -> *Вучич*; a reading only for
#: names with those letters). Regular-expression rules over a Latin name key;
#: canonicalisation tries the readings only against names in other scripts, never against Latin ones (*Hanna*
#: is not *Khanna*).
LATIN_READINGS: tuple[tuple[tuple[str, str], ...], ...] = (
    ((r"(?<![a-z])h", "kh"), (r"g(?=[eiy])", "dzh"), (r"j", "dzh")),
    ((r"(?<![cskztp])h", "g"),),
    ((r"(?<![a-z])v", "f"),),
    ((r"d(?:j|dzh)", "dzh"), (r"ic(?![a-z])", "ich")),  # "ddzh": an English key's reading of dj
)

#: How transcriptions into other scripts read a Latin name written in the orthography of its language (one rule set
#: per language code, tried besides :data:`LATIN_READINGS` on names seen in that language, against names in other
#: scripts only). French: final consonants that are not pronounced (*Ernaux* -> *Эрно*, *Aspect* -> *Аспе*,
#: *Hollande* -> *Олланд*), vowel digraphs (*au*, *eau*, *ai*, *ou*, *oi*) and *ch*, *j*, *qu*, a silent *h*.
LATIN_READINGS_BY_LANG: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (
        (r"(?<![a-z])h", ""), (r"e?aux?(?![a-z])", "o"), (r"e?au", "o"), (r"ain(?![a-z])", "en"), (r"ai", "e"),
        (r"oi", "ua"), (r"ou", "u"), (r"eu", "e"), (r"ch", "sh"), (r"qu", "k"), (r"g(?=[eiy])", "zh"), (r"j", "zh"),
        (r"(?<=[a-z]{3})e?s(?![a-z])", ""), (r"(?<=[a-z]{3})e(?![a-z])", ""),
        (r"(?<=[aeiouyr])(?:ct|[txdz])(?![a-z])", ""),
    ),
}

#: How English writes what a name transcribed into Cyrillic comes back as letter by letter (*Байден* -> *Bayden*,
#: *Макрон* -> *Makron*, *Харрис* -> *Kharris*, *Хиллари* -> *Khillari*, *Дженнифер* -> *Dzhennifer*, *Кенни* ->
#: *Kenni*): regular-expression rules over a lower-case word, tried in every combination for the display name
#: (:func:`newsweave.corpus.entities.english_spelling`). Vowels English spells in many ways stay as they are: *ey*
#: as *a* made *Джеймс* the word *Jams*.
ENGLISH_RESPELLINGS: tuple[tuple[str, str], ...] = (
    (r"kh", "h"), (r"dzh", "j"), (r"ay", "i"), (r"a", "u"), (r"k", "c"), (r"i$", "y"),
)

#: Hanyu Pinyin initials (longest first when parsing) and how the Palladius system writes them in Cyrillic, the way
#: Russian, Ukrainian, Belarusian and Kazakh news transcribe Chinese names (*Xi Jinping* -> *Си Цзиньпин*).
PINYIN_INITIALS: dict[str, str] = {
    "zh": "чж", "ch": "ч", "sh": "ш", "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н",
    "l": "л", "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}
#: Pinyin finals after an initial -> Palladius. After *j*, *q*, *x* a written *u* is *ü* (:data:`PINYIN_U_UMLAUT`).
PINYIN_FINALS: dict[str, str] = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь",
    "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй",
    "uan": "уань", "un": "унь", "uang": "уан",
}
#: Finals after *j*, *q*, *x* (where *u* is *ü*), and the *i* after *z*, *c*, *s* (a Cyrillic *ы*).
PINYIN_U_UMLAUT: dict[str, str] = {"u": "юй", "ue": "юэ", "uan": "юань", "un": "юнь"}
PINYIN_DENTAL_I: dict[str, str] = {"z": "ы", "c": "ы", "s": "ы"}
#: Syllables without an initial (*y*, *w* and bare vowels) -> Palladius.
PINYIN_ZERO_INITIAL: dict[str, str] = {
    "a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй", "en": "энь", "eng": "эн",
    "er": "эр", "o": "о", "ou": "оу", "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь",
    "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь",
    "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
    "weng": "вэн",
}
