"""Name keys: fold inflection, transliterate to Latin, and reduce names to comparable keys.

Canonicalisation and cross-document propagation compare names across languages and scripts:
an invented *Sarajewem* (pl), *Сараевнинг* (uz), *सरायेव* (hi) and *Sarayev* (en) must meet. Three keys, from
strict to loose:

* :func:`name_key` — inflection folded (:func:`fold`), respelled from the language's orthography into
  one romanisation, transliterated to ASCII, lowercased: *Sarajewem* (pl) and *Sarayev* -> ``sarayev``.
* :func:`spelling_key` — the name key with sounds that romanisations spell differently collapsed
  (sibilants, velars, w/v, j/y), vowels kept: for fuzzy similarity.
* :func:`phonetic_key` — the spelling key without vowels: a consonant skeleton (``srv``) that indexes
  candidates cheaply; never a merge decision on its own.

All functions are pure, cached and accept any string: very long inputs are cut to
:data:`MAX_NAME_CHARS` so that a 10,000-character "name" costs no more than a long real one.
Per-language knowledge lives in :mod:`newsweave.lang.name_folding` and :mod:`newsweave.lang.orthography`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import alifbo
from anyascii import anyascii
from rapidfuzz.distance import Indel
from wordfreq import zipf_frequency

from newsweave.kb import frequency
from newsweave.kb.devanagari import romanize_word
from newsweave.lang.name_folding import (
    APOSTROPHE_SUFFIX,
    BASE_FORM_ENDINGS,
    DEFAULT_MIN_STEM,
    KEEP_AFTER,
    LAST_TOKEN_ONLY,
    MIN_STEM,
    POSTPOSITIONS,
    SUFFIXES,
)
from newsweave.lang.orthography import (
    APOSTROPHES,
    NOT_UZBEK_CYRILLIC,
    NUKTA_PRECOMPOSED,
    PHONETIC_DROP,
    PHONETIC_RULES,
    RESPELL,
    ROMANISED_J,
    UZBEK_CYRILLIC_MARKERS,
    UZBEK_CYRILLIC_SHARED,
)
from newsweave.lang.script_sounds import (
    CYRILLIC_W_BEFORE,
    LEADING_VOWELS,
    LOOSE_DROP,
    LOOSE_SEMIVOWELS,
    PINYIN_DENTAL_I,
    PINYIN_FINALS,
    PINYIN_INITIALS,
    PINYIN_U_UMLAUT,
    PINYIN_ZERO_INITIAL,
    SCRIPT_RESPELL,
    SOUND_CLASSES,
)

#: Longest name considered; real names are far shorter, and the cap bounds the cost of junk input.
MAX_NAME_CHARS = 200
_CACHE = 1 << 18

_APOS_RE = re.compile(f"[{re.escape(APOSTROPHES)}]")
_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")
_NUKTA_RE = re.compile("|".join(map(re.escape, NUKTA_PRECOMPOSED)))
_LEADING_RE = re.compile(f"([{''.join(sorted(LEADING_VOWELS))}])(\\w)")
_WORD_START_RE = re.compile(r"(?:^|(?<=[\s\-]))[a-z]")
_CYRILLIC_W_RE = re.compile(f"(?<!\\w)у(?=[{''.join(sorted(CYRILLIC_W_BEFORE))}])")
_SORTED_SUFFIXES = {lang: tuple(sorted(set(sufs), key=lambda s: (-len(s), s))) for lang, sufs in SUFFIXES.items()}


def _rewriter(rules: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex that applies all rules in a single left-to-right pass, longest match first.

    A single pass keeps rules from feeding each other (German *tsch* -> *ch* must not then become *kh*).
    """
    table = dict(rules)
    return re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))), table


_RESPELL = {lang: _rewriter(rules) for lang, rules in RESPELL.items()}
_PHONETIC = _rewriter(PHONETIC_RULES)
_SCRIPT_RESPELL = [(lo, hi, _rewriter(rules)) for lo, hi, rules in SCRIPT_RESPELL]


def _script_rewriter(text: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The respelling of :data:`SCRIPT_RESPELL` for the script of the text's first letter it covers, if any."""
    for c in text:
        for lo, hi, rewriter in _SCRIPT_RESPELL:
            if lo <= c <= hi:
                return rewriter
    return None


@lru_cache(maxsize=4096)
def base_lang(lang: str | None) -> str | None:
    """The primary language subtag, lowercased (``uz-Cyrl`` -> ``uz``), or None when unknown."""
    if not lang:
        return None
    return re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0] or None


def _apostrophe_stem(token: str) -> str | None:
    """The word before an apostrophe suffix (``Üniversitesi’nin``, ``Sarayev's``), or None when it has none."""
    match = _APOS_RE.search(token)
    if match and match.start() >= 2 and token[match.end():].isalpha() and len(token) - match.end() <= 8:
        return token[:match.start()]
    return None


def without_apostrophe_suffixes(name: str, lang: str | None) -> str:
    """``name`` with every word's apostrophe suffix cut, in a language that writes case endings after an
    apostrophe (Turkish *Anadolu Teknik Üniversitesi’nin*, English *Sarayev's*); other endings stay.

    For display: unlike :func:`fold`, nothing is guessed, so a name in any case reads as its base form.
    """
    if base_lang(lang) not in APOSTROPHE_SUFFIX:
        return name
    return " ".join(_apostrophe_stem(word) or word for word in name.split(" "))


def _fold_token(token: str, lang: str) -> str:
    """Strip one inflectional ending (or apostrophe suffix) from a single word."""
    if len(token) <= 1:
        return token
    if lang in APOSTROPHE_SUFFIX and (stem := _apostrophe_stem(token)) is not None:
        return stem
    if token.isupper() and len(token) <= 5:  # acronyms (NATO, OBWE) do not inflect by ending
        return token
    low = token.lower()
    min_stem = MIN_STEM.get(lang, DEFAULT_MIN_STEM)
    keep_after = KEEP_AFTER.get(lang, "")
    for suffix in _SORTED_SUFFIXES.get(lang, ()):
        if low.endswith(suffix) and len(low) - len(suffix) >= min_stem:
            stem = low[: len(low) - len(suffix)]
            if stem[-1] in keep_after or not stem[-1].isalpha():
                return token
            return token[: len(stem)]
    return token


@lru_cache(maxsize=_CACHE)
def fold(name: str, lang: str | None) -> str:
    """Fold the inflection of a name in language ``lang``; the surface form when nothing applies.

    Every word (every hyphen part) loses at most one ending from the language's table; German-like
    languages inflect only the last word; trailing postpositions (Hindi *के*) are dropped. The result
    keeps the original letters and case of the stem, so it is still a readable name.
    """
    text = " ".join((name or "")[:MAX_NAME_CHARS].split())
    code = base_lang(lang)
    if not text or code is None:
        return text
    tokens = text.split(" ")
    posts = POSTPOSITIONS.get(code)
    while posts and len(tokens) > 1 and tokens[-1] in posts:
        tokens.pop()
    if code not in SUFFIXES and code not in APOSTROPHE_SUFFIX:
        return " ".join(tokens)
    first = len(tokens) - 1 if code in LAST_TOKEN_ONLY else 0
    for i in range(first, len(tokens)):
        tokens[i] = "-".join(_fold_token(part, code) for part in tokens[i].split("-"))
    return " ".join(tokens)


@lru_cache(maxsize=_CACHE)
def display_fold(name: str, lang: str | None) -> str:
    """:func:`fold` for showing a name: a name of several words in a language that declines every word is
    shown unfolded when its last word is in a base form (:data:`BASE_FORM_ENDINGS`, or no ending to strip).

    Keys must fold every form of a name alike, so *Мира* and *Миры* both become *Мир*; a display name must
    not: *Мира Айер* is a nominative (the surname carries no case ending, and the words of a name agree in
    case), so *Мира* is a whole feminine given name, not an inflected *Мир*. Names of one word, and names
    whose last word carries a case ending (*Андрея Соколова*), are folded as for keys.
    """
    text = " ".join((name or "")[:MAX_NAME_CHARS].split())
    code = base_lang(lang)
    tokens = text.split(" ")
    if len(tokens) < 2 or code is None or code in LAST_TOKEN_ONLY or code not in SUFFIXES:
        return fold(text, lang)
    base = BASE_FORM_ENDINGS.get(code, ())
    if all(part.lower().endswith(base) or _fold_token(part, code) == part for part in tokens[-1].split("-") if part):
        return text
    return fold(text, lang)


def is_uzbek_cyrillic(name: str, lang: str | None = None) -> bool:
    """Whether ``name`` is Uzbek in Cyrillic script (so alifbo, not generic tables, should romanise it)."""
    code = base_lang(lang)
    chars = set(name)
    has_cyrillic = any("\u0400" <= c <= "\u04ff" for c in chars)
    if not has_cyrillic:
        return False
    if code is not None:
        return code == "uz"
    if chars & UZBEK_CYRILLIC_MARKERS:
        return True
    return bool(chars & UZBEK_CYRILLIC_SHARED) and not chars & NOT_UZBEK_CYRILLIC


def _uzbek_latin(text: str) -> str:
    """Uzbek Cyrillic -> Uzbek Latin in the (still dominant) pre-2026 orthography: sh, ch, oʻ, gʻ."""
    return alifbo.to_old_latin(alifbo.from_cyrillic(text).text).text


@lru_cache(maxsize=_CACHE)
def uzbek_latin(word: str) -> str | None:
    """An Uzbek Cyrillic word in Uzbek Latin (*Тошкентда* -> *Toshkentda*), None for other words: GeoNames gives
    many Uzbek places only their Latin names, so the recogniser looks those up too."""
    return _uzbek_latin(word) if is_uzbek_cyrillic(word, "uz") else None


def _spoken_order(text: str) -> str:
    """Thai and Lao vowels written before their consonant moved after it (เปเล่ -> ปเลเ่), so that anyascii
    romanises in spoken order (*pele*, not *epel*)."""
    return _LEADING_RE.sub(r"\2\1", text) if any(c in LEADING_VOWELS for c in text) else text


@lru_cache(maxsize=_CACHE)
def translit(name: str, lang: str | None = None) -> str:
    """The name in Latin letters, for display and keys: alifbo for Uzbek Cyrillic, anyascii otherwise.

    Apostrophe-like marks (ʻ ’ ʼ ...) become ASCII ``'``; names from caseless scripts (Devanagari,
    Arabic) come back capitalised word by word, as Latin names are written.
    """
    text = " ".join((name or "")[:MAX_NAME_CHARS].split())
    if not text:
        return ""
    text = _spoken_order(_NUKTA_RE.sub(lambda m: NUKTA_PRECOMPOSED[m.group(0)], text))
    if is_uzbek_cyrillic(text, lang):
        text = _uzbek_latin(text)
    out = _APOS_RE.sub("'", anyascii(_APOS_RE.sub("'", text)))
    out = " ".join(out.split())
    if not any(c.isalpha() and (c.isupper() or c.islower()) and c != c.swapcase() for c in text):
        out = _WORD_START_RE.sub(lambda m: m.group(0).upper(), out.lower())  # anyascii's LiZi-TeLaSi -> Lizi-Telasi
    return out[:2 * MAX_NAME_CHARS]  # one CJK character can romanise to six letters


_DEVANAGARI_WORD = re.compile(r"[\u0900-\u097F]+")


def display_latin(name: str, lang: str | None = None) -> str:
    """:func:`translit` for showing a name: Devanagari words read with the vowels Hindi speaks
    (:func:`newsweave.kb.devanagari.romanize_word`: *नरेंद्र मोदी* -> *Narendra Modi*, where anyascii's letters
    give *Nremdr Modi*); other scripts as :func:`translit` writes them."""
    if not _DEVANAGARI_WORD.search(name or ""):
        return translit(name, lang)

    def spoken(m: re.Match[str]) -> str:
        word = romanize_word(m.group(0))
        return word.capitalize() if word else m.group(0)

    return translit(_DEVANAGARI_WORD.sub(spoken, name), lang)


@lru_cache(maxsize=_CACHE)
def name_key(name: str, lang: str | None = None) -> str:
    """Strict comparison key: fold, respell the language's orthography, transliterate (which also strips
    diacritics), lowercase.

    *Sarajewem* (pl), *Sarajews* (de), *Сараевнинг* (uz) and *Sarayev* (en) all give ``sarayev``; words
    are separated by single spaces, punctuation and apostrophes are gone.
    """
    code = base_lang(lang)
    text = fold(name, lang)
    text = _spoken_order(_NUKTA_RE.sub(lambda m: NUKTA_PRECOMPOSED[m.group(0)], text))
    if is_uzbek_cyrillic(text, lang):
        text, code = _uzbek_latin(text), "uz"
    text = _CYRILLIC_W_RE.sub("в", text.lower())  # Уэбб reads as Вэбб (Webb)
    if code in _RESPELL:
        pattern, table = _RESPELL[code]
        text = pattern.sub(lambda m: table[m.group(0)], text)
    other_script = not any(c.isascii() or "\u0400" <= c <= "\u04ff" or c in "ʻʼ" for c in text if c.isalpha())
    respell = _script_rewriter(text) if other_script else None
    text = anyascii(_APOS_RE.sub("", text)).lower()
    if respell is not None:  # Pinyin's or Tamil's letters are not those of European spellings
        pattern, table = respell
        text = pattern.sub(lambda m: table[m.group(0)], text)
    elif other_script:
        text = text.replace("j", ROMANISED_J)
    text = _APOS_RE.sub("", text)
    return " ".join(_NON_ALNUM_RE.sub(" ", text).split())


@lru_cache(maxsize=_CACHE)
def unrespelled_key(name: str, lang: str | None) -> str | None:
    """:func:`name_key` with the language's inflection folded but its orthography not respelled; None where the
    language respells nothing (then it is :func:`name_key` itself).

    A foreign name inflected in a language keeps its own spelling: Polish *Brechtholza* and Turkish *Marcelon'un*
    are *Brechtholz* and *Marcelon*, which :func:`name_key` reads by Polish and Turkish rules (*brekhtholz*,
    *mardzhelon*). Neither that key nor the whole surface (*brechtholza*, *marcelonun*) meets the name written
    elsewhere.
    """
    if base_lang(lang) not in _RESPELL:
        return None
    return name_key(fold(name, lang), None)


def _sound(token: str) -> str:
    pattern, table = _PHONETIC
    return pattern.sub(lambda m: table[m.group(0)], token)


_REPEAT_RE = re.compile(r"(.)\1+")


def _collapse(text: str) -> str:
    """Runs of one letter as one letter (a function replacement: re's template expansion costs twice as much)."""
    return _REPEAT_RE.sub(_first_group, text) if len(text) > 1 else text


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


@lru_cache(maxsize=_CACHE)
def spelling_key(name: str, lang: str | None = None) -> str:
    """Name key with spelling variation collapsed (sh/sch/ş -> s, kh/ch/q -> k, w -> v, j/y -> i), vowels kept.

    Meant for fuzzy similarity (rapidfuzz) between two names whose phonetic keys already agree:
    *Sarajew* and *Sarayev* become identical, *Saraev* and *Saraiev* differ by one letter.
    """
    out = []
    for token in name_key(name, lang).split(" "):
        sound = _sound(token).replace("y", "i").replace("h", "")
        if sound:
            out.append(_collapse(sound))
    return " ".join(out)


@lru_cache(maxsize=_CACHE)
def phonetic_key(name: str, lang: str | None = None) -> str:
    """Cross-script consonant skeleton, robust to vowel and consonant spelling variation.

    *Sarayev*, *Sarajew*, *Saraev*, *Saraiev* and *Sarayv* -> ``srv``; *Tajikistan*, *Tadżykistan* (pl),
    *Tacikistan* (tr) -> ``tskstn``; *Morozov*, *Morozowa* (pl) -> ``mrsv``. A word that starts with a vowel
    keeps an ``a`` marker, so *Aliyev* (``alv``) stays apart from *Lev* (``lv``).
    """
    out = []
    for token in name_key(name, lang).split(" "):
        sound = _sound(token)
        if not sound:
            continue
        head = "a" if sound[0] in "aeiouy" else ""
        skeleton = _collapse(head + "".join(c for c in sound if c not in PHONETIC_DROP))
        if skeleton:
            out.append(skeleton)
    return " ".join(out)


@lru_cache(maxsize=_CACHE)
def sound_skeleton(name: str, lang: str | None = None) -> str:
    """The consonants of the whole name after the phonetic rules, words run together, vowels and the
    semivowels *w*/*y* dropped: what survives romanisation from abjads, syllabaries and Chinese characters
    (which also run a name's words together: 시진핑-like spellings)."""
    return _skeleton_of(name_key(name, lang))


def _skeleton_of(key: str) -> str:
    text = "".join(c for c in key if c not in LOOSE_SEMIVOWELS and c != " ")
    return _collapse("".join(c for c in _sound(text) if c not in LOOSE_DROP))


_CODA_R_RE = re.compile(r"(?<=[aeiouy])r+(?![aeiouy])")


@lru_cache(maxsize=_CACHE)
def coda_free_skeleton(name: str, lang: str | None = None) -> str:
    """The :func:`sound_skeleton` of the name read without an *r* after a vowel and before no vowel, "" when it has
    none: transcriptions into Chinese characters, kana and Sinhala follow a non-rhotic (British) pronunciation and
    write no such *r* (*Morten*, *Kristersson*, *Charles*: 莫滕, 克里斯特松, 查理斯), while Latin and Cyrillic
    spellings keep it."""
    key = name_key(name, lang)
    free = _CODA_R_RE.sub("", key)
    return _skeleton_of(free) if free != key else ""


def _class_table(classes: frozenset[str]) -> dict[int, str]:
    return {ord(c): members[0] for cls in classes for members in [SOUND_CLASSES[cls]] for c in members}


_CLASS_TABLES: dict[frozenset[str], dict[int, str]] = {}


def fold_classes(skeleton: str, classes: frozenset[str]) -> str:
    """A :func:`sound_skeleton` with the letters of each of ``classes`` (names of
    :data:`newsweave.lang.script_sounds.SOUND_CLASSES`) folded together: how a pair of names is compared
    when one is written in a script that does not tell those sounds apart."""
    table = _CLASS_TABLES.get(classes)
    if table is None:
        table = _CLASS_TABLES[classes] = _class_table(classes)
    return _collapse(skeleton.translate(table)) if classes else skeleton


#: Every consonant class of :data:`SOUND_CLASSES`: what :func:`loose_key` folds.
ALL_SOUND_CLASSES = frozenset(SOUND_CLASSES)


@lru_cache(maxsize=_CACHE)
def loose_key(name: str, lang: str | None = None) -> str:
    """The :func:`sound_skeleton` with every consonant class folded: a blocking key under which a name and
    its spellings in lossy scripts (an invented *Valid Rostam*, ولید رستم, 발리드 로스탐) come within one edit
    of each other. Too loose to decide a merge: canonicalisation checks a candidate pair with only the
    classes its scripts lose folded (:func:`fold_classes`)."""
    return fold_classes(sound_skeleton(name, lang), ALL_SOUND_CLASSES)


@lru_cache(maxsize=_CACHE)
def romanize(word: str) -> str:
    """One word's :func:`spelling_key` as a single run of letters, whatever its language.

    Used where the language of a spelling is not known (gazetteer skeleton index, a name seen in
    another article): सरायव, Sarayev, Sarajew and Сараев come out close.
    """
    return spelling_key(word).replace(" ", "")


@lru_cache(maxsize=_CACHE)
def skeleton(word: str) -> str:
    """One word's :func:`phonetic_key` as a single run of letters: the cheap index for :func:`same_name`."""
    return phonetic_key(word).replace(" ", "")


def same_name(a: str, b: str, min_ratio: float = 0.8) -> bool:
    """Whether two single-word spellings are variants of one name (same skeleton, similar romanisation)."""
    ska, skb = skeleton(a), skeleton(b)
    if len(ska) < 3 or ska != skb:
        return False
    return Indel.normalized_similarity(romanize(a), romanize(b)) >= min_ratio


#: Longest pinyin word (letters) read by :func:`palladius`: Chinese given names have one or two syllables.
MAX_PINYIN_WORD = 12
_INITIALS_LONGEST = sorted(PINYIN_INITIALS, key=len, reverse=True)


def _syllable_palladius(initial: str, final: str) -> str | None:
    """Palladius spelling of one pinyin syllable, None when the initial and final do not make one."""
    if not initial:
        return PINYIN_ZERO_INITIAL.get(final)
    if final == "i" and initial in PINYIN_DENTAL_I:
        vowel = PINYIN_DENTAL_I[initial]
    elif initial in "jqx" and final in PINYIN_U_UMLAUT:
        vowel = PINYIN_U_UMLAUT[final]
    elif initial in "jqx" and not final.startswith("i"):
        return None  # j, q and x only come before i and ü
    else:
        vowel = PINYIN_FINALS.get(final)
    return None if vowel is None else PINYIN_INITIALS[initial] + vowel


@lru_cache(maxsize=_CACHE)
def _pinyin_word(word: str) -> str | None:
    """One lower-case word parsed into pinyin syllables (longest first, backtracking), in Palladius; else None."""
    if not word:
        return ""
    for initial in [*(i for i in _INITIALS_LONGEST if word.startswith(i)), ""]:
        rest = word[len(initial):]
        for n in range(min(len(rest), 4), 0, -1):
            syllable = _syllable_palladius(initial, rest[:n])
            if syllable is not None and (tail := _pinyin_word(rest[n:])) is not None:
                return syllable + tail
    return None


#: Pinyin initials that a Palladius spelling shares: *цз* is *j* before *i* and *ü*, else *z* (and *ц* q/c, *с* x/s).
_PALATAL_BEFORE_I = {"z": "j", "c": "q", "s": "x"}
#: Initials before which a Palladius *о* is pinyin *o* (*bo*, *po*); after the others it is *uo* (*guo*, *zhuo*).
_LABIAL_INITIALS = frozenset("bpmf")


def _pinyin_syllables() -> dict[str, str]:
    """Palladius syllable -> the pinyin syllable it writes: the inverse of :func:`_syllable_palladius`, keeping for
    each spelling the pinyin reading that exists (*цзинь* is *jin*, not *zin*; *го* is *guo*, *бо* is *bo*)."""
    table = {pal: final for final, pal in PINYIN_ZERO_INITIAL.items()}
    finals = {*PINYIN_FINALS, *PINYIN_U_UMLAUT}
    for initial in PINYIN_INITIALS:
        for final in sorted(finals):
            pal = _syllable_palladius(initial, final)
            if pal is None:
                continue
            front = final.startswith("i") or (initial in "jqx" and final in PINYIN_U_UMLAUT)
            if initial in _PALATAL_BEFORE_I and front and final != "i":
                continue  # zin, cin, sin are no syllables: the same Cyrillic is jin, qin, xin
            if initial in "jqx" and not front:
                continue
            if (final == "o" and initial not in _LABIAL_INITIALS) or (final == "uo" and initial in _LABIAL_INITIALS):
                continue
            table.setdefault(pal, initial + final)
    return table


_PALLADIUS_SYLLABLES = _pinyin_syllables()
_PALLADIUS_LONGEST = max(len(p) for p in _PALLADIUS_SYLLABLES)
#: A Chinese name in Palladius: a one-syllable surname, then a given name of one or two syllables (one word).
_CHINESE_NAME_SYLLABLES = ((1, 1), (1, 2))
#: A two-syllable given name at least this frequent in Russian (Zipf) is a Russian word or name, not Chinese
#: (*Ли Анна*); the most written Chinese ones stay below it (*Цзиньпин* 2.8).
PALLADIUS_COMMON_ZIPF = 3.5


def _palladius_parses(word: str) -> list[list[str]]:
    """Every way a lower-case Cyrillic word splits into Palladius syllables, each as pinyin syllables."""
    if not word:
        return [[]]
    out = []
    for n in range(min(len(word), _PALLADIUS_LONGEST), 0, -1):
        syllable = _PALLADIUS_SYLLABLES.get(word[:n])
        if syllable is not None:
            out.extend([syllable, *tail] for tail in _palladius_parses(word[n:]))
    return out


def _palladius_word(word: str) -> list[str] | None:
    """The likeliest split of a Cyrillic word into Palladius syllables, as pinyin; None when there is none.

    Palladius writes *Hongying* and *Huning* alike (*хунин*); a syllable without an initial inside a word is the
    rarer reading, so the split with fewest such syllables wins (*Huning*), then the one with fewest syllables."""
    parses = _palladius_parses(word[:MAX_PINYIN_WORD])
    if not parses or len(word) > MAX_PINYIN_WORD:
        return None
    return min(parses, key=lambda p: (sum(s[0] in "aeiouwy" for s in p[1:]), len(p)))


#: Languages whose masculine names take *-a* in the genitive and accusative (*Donalda Tuska*, *Emmanuela
#: Macrona*), which wordfreq knows well enough to tell such a form from a feminine name (*Anna*, *Olga*).
GENITIVE_A_LANGS = frozenset({"pl", "cs"})
_CONSONANT_A = re.compile(r"[^\W\daeiouyáéíóúýąęěůų]a$", re.IGNORECASE)


@lru_cache(maxsize=_CACHE)
def without_genitive_a(name: str, lang: str | None) -> str:
    """A Polish or Czech person's name in the genitive/accusative back in the nominative, for display: every word
    ends in *-a* after a consonant and, without it, is more frequent in the language (*Donalda Tuska* -> *Donald
    Tusk*; *Emmanuela Macrona* -> *Emmanuel Macron*; a rare name whose bare form wordfreq lists and the inflected
    one not). A feminine name keeps its *-a*: *Anna*, *Olga* and *Zacharowa* are more frequent than *Ann*, *Olg* and
    *Zacharow*. Other names and languages are returned as they are. Names are rare words: this reads wordfreq's full
    list (:func:`~wordfreq.zipf_frequency`), which the shared table of :mod:`newsweave.kb.frequency` cuts at Zipf 2."""
    code = base_lang(lang)
    words = name.split(" ")
    if code not in GENITIVE_A_LANGS or not all(_CONSONANT_A.search(w) for w in words):
        return name
    if all(zipf_frequency(w[:-1], code) > zipf_frequency(w, code) for w in words):
        return " ".join(w[:-1] for w in words)
    return name


@lru_cache(maxsize=_CACHE)
def pinyin_of_palladius(name: str) -> str | None:
    """A Chinese person's name written in Cyrillic by the Palladius system, in pinyin as English news writes it
    (*Си Цзиньпин* -> *Xi Jinping*, *Ли Цян* -> *Li Qiang*); None unless the name has that shape: a one-syllable
    surname and a given name of one or two syllables, every piece a Palladius syllable, the given name no common
    Russian word. The shape keeps out Slavic names that happen to split into such syllables (*Иванова*:
    и-ван-о-ва; *Ли Анна*)."""
    words = name.lower().split()
    parsed = [_palladius_word(w) for w in words]
    if any(p is None for p in parsed) or tuple(len(p) for p in parsed) not in _CHINESE_NAME_SYLLABLES:
        return None
    if len(parsed[-1]) > 1 and frequency.zipf(words[-1], "ru") >= PALLADIUS_COMMON_ZIPF:
        return None
    return " ".join("".join(p).capitalize() for p in parsed)


@lru_cache(maxsize=_CACHE)
def palladius(key: str) -> str | None:
    """A Latin name key read as Hanyu Pinyin and written in Cyrillic by the Palladius system (*xi jinping* ->
    *си цзиньпин*, *jiang zemin* -> *цзян цзэминь*), as Russian, Ukrainian and Kazakh news write Chinese names;
    None unless every word is a run of pinyin syllables."""
    words = key.split()
    if not words or any(len(w) > MAX_PINYIN_WORD or not w.isascii() or not w.isalpha() for w in words):
        return None
    read = [_pinyin_word(w) for w in words]
    return None if any(r is None for r in read) else " ".join(r for r in read if r)
