"""Spelling tables that bring names written in different orthographies onto one romanisation.

The same sound is written *w* in Polish and German and *v* in English; *j* in Polish, Czech and German
and *y* in English; *ch* is /x/ in Polish, Czech and German but /tʃ/ in English. Name keys respell each
language's Latin orthography into the romanisation that ``anyascii`` produces for Cyrillic (itself
close to English news usage: *kh*, *zh*, *ch*, *sh*, *y*, *v*), so that *Jakowlew* (pl, de) and
*Yakovlev* (en, from Cyrillic) get the same key. Rules apply in order to the lowercased name.
"""

from __future__ import annotations

#: Ordered (written, respelled) pairs per language, applied to lowercase text.
RESPELL: dict[str, tuple[tuple[str, str], ...]] = {
    "pl": (("ch", "kh"), ("cz", "ch"), ("sz", "sh"), ("rz", "zh"), ("ż", "zh"), ("ś", "sh"), ("ć", "ch"),
           ("ź", "zh"), ("ł", "l"), ("w", "v"), ("j", "y")),
    "cs": (("ch", "kh"), ("č", "ch"), ("š", "sh"), ("ž", "zh"), ("ř", "rzh"), ("c", "ts"), ("j", "y"), ("w", "v")),
    "sk": (("ch", "kh"), ("č", "ch"), ("š", "sh"), ("ž", "zh"), ("c", "ts"), ("j", "y"), ("w", "v")),
    "sl": (("č", "ch"), ("š", "sh"), ("ž", "zh"), ("c", "ts"), ("j", "y")),
    "hr": (("dž", "j"), ("č", "ch"), ("ć", "ch"), ("š", "sh"), ("ž", "zh"), ("đ", "dj"), ("c", "ts"), ("j", "y")),
    "bs": (("dž", "j"), ("č", "ch"), ("ć", "ch"), ("š", "sh"), ("ž", "zh"), ("đ", "dj"), ("c", "ts"), ("j", "y")),
    "sr": (("dž", "j"), ("č", "ch"), ("ć", "ch"), ("š", "sh"), ("ž", "zh"), ("đ", "dj"), ("c", "ts"), ("j", "y")),
    "de": (("tsch", "ch"), ("sch", "sh"), ("ch", "kh"), ("ß", "ss"), ("w", "v"), ("j", "y"), ("z", "ts")),
    "nl": (("sch", "skh"), ("ch", "kh"), ("oe", "u"), ("j", "y"), ("w", "v")),
    "tr": (("c", "dzh"), ("ç", "ch"), ("ş", "sh"), ("ğ", ""), ("ı", "i"), ("j", "zh")),
    "az": (("c", "dzh"), ("ç", "ch"), ("ş", "sh"), ("ğ", "g"), ("ı", "i"), ("x", "kh"), ("ə", "a"), ("j", "zh")),
    "uz": (("oʻ", "o"), ("gʻ", "g"), ("o'", "o"), ("g'", "g"), ("x", "kh"), ("j", "dzh"), ("ʼ", "")),
    "en": (("j", "dzh"),),
    "fr": (("j", "zh"), ("ch", "sh"), ("ou", "u")),
    "it": (("gli", "ly"), ("gn", "ny"), ("sci", "sh"), ("sce", "she"), ("cia", "cha"), ("cio", "cho"), ("ciu", "chu"),
           ("ci", "chi"), ("ce", "che"), ("gia", "dzha"), ("gio", "dzho"), ("giu", "dzhu"), ("gi", "dzhi"),
           ("ge", "dzhe"), ("ch", "k"), ("gh", "g")),
    "be": (("ў", "в"),),  # the non-syllabic u of Belarusian names is Russian в: Сараеў, Пятроў are Сараев, Петров
    "kk": (("ş", "sh"), ("ç", "ch"), ("ǵ", "g"), ("j", "zh"), ("ı", "y")),
    "lv": (("č", "ch"), ("š", "sh"), ("ž", "zh"), ("c", "ts"), ("j", "y")),
    "lt": (("č", "ch"), ("š", "sh"), ("ž", "zh"), ("c", "ts"), ("j", "y")),
    "ro": (("ș", "sh"), ("ş", "sh"), ("ț", "ts"), ("ţ", "ts")),
    "hu": (("cs", "ch"), ("sz", "s"), ("zs", "zh"), ("s", "sh"), ("gy", "dy"), ("j", "y"), ("c", "ts")),
}

#: In names romanised from scripts other than Latin and Cyrillic (Devanagari जोमार्ट, Arabic جمال), anyascii's
#: "j" is the English /dʒ/: respelled like English *j* so that it meets Cyrillic *Дж*/*Ж* romanisations.
ROMANISED_J = "dzh"

#: Devanagari consonant + nukta sequences (NFC keeps them decomposed) and their precomposed letters,
#: which transliterate as the borrowed sounds (ज़ -> z, ख़ -> kh) instead of the plain consonant.
NUKTA_PRECOMPOSED: dict[str, str] = {
    "\u0915\u093c": "\u0958",  # क़ qa
    "\u0916\u093c": "\u0959",  # ख़ khha
    "\u0917\u093c": "\u095a",  # ग़ ghha
    "\u091c\u093c": "\u095b",  # ज़ za
    "\u0921\u093c": "\u095c",  # ड़ dddha
    "\u0922\u093c": "\u095d",  # ढ़ rha
    "\u092b\u093c": "\u095e",  # फ़ fa
    "\u092f\u093c": "\u095f",  # य़ yya
}

#: Letters only the Uzbek Cyrillic alphabet uses (among Cyrillic alphabets written in the news).
UZBEK_CYRILLIC_MARKERS = frozenset("ўЎ")
#: Letters Uzbek shares with Kazakh and Tajik; Uzbek when none of the others' own letters occur.
UZBEK_CYRILLIC_SHARED = frozenset("қҚғҒҳҲ")
NOT_UZBEK_CYRILLIC = frozenset("әӘөӨүҮұҰіІңҢһҺӣӢӯӮҷҶ")

#: Apostrophe-like characters (typographic quotes, modifier letters) unified to ASCII "'".
APOSTROPHES = "'’‘ʼʻ`´′ʹ"

#: Ordered rules of the cross-script phonetic key, applied to a romanised lowercase token: sounds
#: that romanisations spell differently collapse into one class (sibilants and affricates -> s,
#: velars -> k, w -> v, j -> y); vowels and h are dropped afterwards.
PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    ("shch", "s"), ("tsch", "s"), ("sch", "s"), ("dzh", "s"), ("sh", "s"), ("zh", "s"), ("ch", "s"),
    ("ts", "s"), ("tz", "s"), ("dz", "s"), ("kh", "k"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("gh", "g"),
    ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("c", "k"), ("x", "ks"), ("q", "k"), ("z", "s"), ("w", "v"),
    ("j", "y"),
)
#: Letters dropped from the phonetic key after the rules (vowels, y as a vowel, h).
PHONETIC_DROP = frozenset("aeiouyh")

#: Marks typed for an apostrophe, each read as the plain one wherever words are matched: typographic apostrophes,
#: and the turned comma and left quotation mark of Uzbek *oʻ*, *gʻ*, however typed (*Fargʻona*, *Farg‘ona*, *Farg'ona*).
APOSTROPHE_FOLD: dict[str, str] = {"’": "'", "ʼ": "'", "ʻ": "'", "‘": "'"}
