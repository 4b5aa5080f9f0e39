"""Language-free keys for names that are translated rather than transliterated: KB ids and event titles.

Canonicalisation (:mod:`newsweave.corpus.entities`) compares names by spelling and sound, which follows a name
across scripts (*Sarayev*, *Сараев*, *سارایف*) but not across translation. Two kinds of names are translated:

* names the knowledge bases list in many languages (*Croatia*, *Kroatien*, *Харватыя*, *크로아티아*): a mention
  the recogniser left unlinked whose whole name is a gazetteer name gets that id (:func:`whole_name_kb`);
* event titles (*2022 Swedish general election*, *Eleições gerais na Suécia em 2022*, *انتخابات سراسری سوئد
  (۲۰۲۲)*): a title is taken apart into a year, the places and organisations it names (gazetteer ids, any
  script, inflected forms included) and one kind of happening (:data:`newsweave.lang.title_types.TITLE_TYPES`);
  its key (:func:`title_parts`, ``.key()``: ``#election|2022|iso:SE``) is the three together, so titles that
  agree on all three are one event. A title with no
  year, no place, or two kinds of happening gets no key: a wrong merge is worse than a missed one. A country may be
  named by its adjective (*Élections législatives malaisiennes*: :func:`country_of_adjective`);
* event titles named after a place no gazetteer lists (*Kanjuruhan Stadium disaster*) are keyed by that own name's
  spelling (:func:`title_name_key`) and, across scripts, by its consonant skeleton (:func:`title_sound_keys`).

Both are pure functions of the name and its language (the batch path computes them on its executors exactly as
the embedded path does) and cost dict look-ups once the gazetteer is loaded.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations, product
from typing import TYPE_CHECKING

from newsweave.kb import frequency
from newsweave.kb.gazetteer import Gazetteer, inflection_bases, is_cased, load_gazetteer, script_of, without_marks
from newsweave.kb.gazetteer import fold as gaz_fold
from newsweave.kb.gazetteer import pieces as gaz_pieces
from newsweave.kb.names import MAX_NAME_CHARS, base_lang, loose_key, sound_skeleton, spelling_key
from newsweave.kb.places import place
from newsweave.lang.country_adjectives import COUNTRY_ADJECTIVE_ENDINGS, LANGUAGE_NAME_ENDINGS, LOWER_CASE_ENDINGS
from newsweave.lang.inflection import INFLECTIONS
from newsweave.lang.measures import COMPOUNDING
from newsweave.lang.title_types import (
    DATED_CONCEPTS,
    FLIGHT_WORDS,
    GLOBAL_CONCEPTS,
    LOCAL_CONCEPTS,
    MIN_STEM,
    PAIR_CONCEPTS,
    SPORTS,
    TITLE_QUALIFIERS,
    TITLE_TYPES,
)
from newsweave.stages.entities import CASELESS_CITY_MIN_PRIORITY

if TYPE_CHECKING:
    from babel import Locale

log = logging.getLogger(__name__)

#: KB namespaces a title's anchors and a whole-name link may come from: countries, states and provinces (ISO 3166-2),
#: GeoNames places, regions, organisations. Language names (``lang:``) are left out: *Russian* names a language as
#: often as a country.
ANCHOR_NAMESPACES = ("iso:", "iso3166-2:", "geonames:", "region:", "org:")
#: Readings of a name of several inflected words looked up at most (each word's base forms combined, those that
#: change the words least first), and how many of its last words are read as inflected.
MAX_INFLECTED_READINGS = 256
MAX_INFLECTED_WORDS = 3
#: Years a title's number is taken for; a Buddhist-era year (Thai *พ.ศ. 2565*) is this much later.
MIN_YEAR, MAX_YEAR = 1800, 2100
BUDDHIST_ERA_OFFSET = 543
#: Letters an inflected word may carry beyond a type entry (*eleições*, *землетрясения*), so that a longer word
#: that merely starts like one (*Brandenburg* and *brand*) is not taken for it.
MAX_TYPE_ENDING = 4
#: Shortest kind word (letters) read as the head of a compound, and shortest modifier before it (*Waldbrand*).
MIN_COMPOUND_HEAD = 5
MIN_COMPOUND_MODIFIER = 3
#: Flight numbers :func:`flight_key` reads (one digit is more often a sequel's or a list's number); a title's digits
#: before a flight word, and any number in it.
MIN_FLIGHT_NUMBER, MAX_FLIGHT_NUMBER = 10, 9999
_LEADING_NUMBER_RE = re.compile(r"^\d+号?-?")
_NUMBER_RE = re.compile(r"\d+")
#: A title piece that is a number, bare or with the mark Urdu and Korean write after a year (*2031ء*, *2031년*).
_NUMBER_PIECE_RE = re.compile(r"\d+[ء년]?")
#: Longest run of characters looked up as a place inside a word of a script written without spaces.
MAX_UNSPACED_NAME = 8
#: Shortest GeoNames name (letters) accepted inside unspaced text; countries and regions may be two characters, and
#: so may big cities (巴黎, Paris), by the recogniser's rule for unspaced text (:data:`CASELESS_CITY_MIN_PRIORITY`).
MIN_UNSPACED_PLACE = 3
#: Characters other than place names an unspaced title may have after its type word (*事件*, *案*).
MAX_UNSPACED_TAIL = 2
#: Characters a head-initial title may have before its kind word (Thai *เหตุ* incident, *การ*, *กรณี*).
MAX_HEAD_OFFSET = 6
#: Most pieces of one gazetteer name tried at each position of a title.
MAX_NAME_PIECES = 4
#: Titles naming at most this many places also get keys for their subsets of places (:func:`title_keys`).
MAX_SUBKEY_ANCHORS = 3
#: Longest function word (letters) of :func:`_inner_kind`.
MAX_FUNCTION_WORD = 3
#: Languages whose titles name the kind of happening as the head of a compound (*Riksdagsvalet*, *Waldbrand*,
#: *eduskuntavaalit*): those that compound measure words, and Finnish.
COMPOUND_TITLE_LANGS = COMPOUNDING | {"fi"}
#: Kinds of happening whose instances carry a given name of their own (*Hurricane Ian*, *Furacão Ian*, *Ян
#: (ураган)*): the kind and the name make a key without year or place (:func:`named_kind_key`).
NAMED_CONCEPTS = frozenset({"storm"})
#: Most words the own name of such a happening has (*Ian*, *Tropical Storm Alberto*: one).
MAX_OWN_NAME_WORDS = 2
#: Fewest consonants (:func:`newsweave.kb.names.sound_skeleton`) of a storm's own name matched by sound across
#: scripts without the year (:func:`named_kind_sound_keys`); with the year, one fewer (*Zelia*: two).
MIN_NAMED_SOUNDS = 3
#: A title word this frequent (``wordfreq`` Zipf scale) in the title's language or in English is a common word
#: (*Stadium*, *Stadion*, *Halloween*, *September*), not the event's own name (*Kanjuruhan*).
COMMON_ZIPF = 3.5
#: The first word of a title is capitalised whatever it is: it counts as an own name only when rarer than this
#: (*Kanjuruhan-stadionin mellakka*, not *Всеобщие выборы в Бразилии*).
FIRST_WORD_ZIPF = 1.0
#: Shortest own-name word (letters) of :func:`title_name_key`.
MIN_OWN_NAME_LETTERS = 4
#: Fewest consonant classes (:func:`newsweave.kb.names.loose_key` symbols) the own name of a title needs to be
#: matched by sound across scripts (:func:`title_sound_keys`): shorter skeletons are shared by too many words.
MIN_OWN_SOUNDS = 5
#: A Latin own name is also read as in English (besides its language and no language): other scripts mostly
#: transcribe a foreign name from its English reading (*Kanjuruhan* -> *칸주루한*, its *j* as in *jam*).
SOUND_READING_LANG = "en"
#: A country adjective (:func:`country_of_adjective`) keeps at least this many letters of the country's name, and
#: may drop up to this many of its last letters (*Malaisie* -> *malais-iennes*, *Σουηδία* -> *σουηδ-ικές*).
MIN_COUNTRY_STEM = 4
MAX_COUNTRY_STEM_CUT = 2
#: Letters a language's name and its country's name share at their start for the language's name to be read as the
#: country's adjective (*danois*, *Danemark*).
MIN_LANGUAGE_COUNTRY_SHARED = 3

_YEAR_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
#: A month written with digits before the month sign of Chinese, Japanese and Korean dates (*2022年9月*, *9월*).
_DIGIT_MONTH_RE = re.compile(r"(?<!\d)(1[0-2]|0?[1-9])\s*[月월]")
_UNSPACED = frozenset({"CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR"})
#: Unspaced scripts of head-initial languages, whose titles start with the kind of happening.
_HEAD_INITIAL = frozenset({"THAI", "LAO", "KHMER", "MYANMAR"})


@cache
def _gazetteer() -> Gazetteer | None:
    try:
        return load_gazetteer()
    except (OSError, ValueError) as exc:
        log.warning("gazetteer not read (%s); names are not linked to the KB by canonicalisation", exc)
        return None


def load_kb() -> None:
    """Load the gazetteer and the GeoNames cities links are checked against now (once per process; the gazetteer
    is cached on disk), so that the first batch does not pay for them."""
    _gazetteer()
    place("geonames:0")


def _unspaced(word: str) -> bool:
    """Whether a word is written in a script without spaces between words (Chinese, Japanese, Thai...)."""
    return not word.isascii() and script_of(word) in _UNSPACED


def _anchor_ok(kb_id: str) -> bool:
    return kb_id.startswith(ANCHOR_NAMESPACES)


def _inflected_lookup(gaz: Gazetteer, key: tuple[str, ...], lang: str | None) -> str | None:
    """The KB id of a folded name, or of a base form of its last piece under the case endings of ``lang`` (the
    recogniser's :func:`newsweave.kb.gazetteer.inflection_bases` over :data:`newsweave.lang.inflection.INFLECTIONS`:
    *Болгарии* -> *Болгария*). Shortest endings are tried first: the least change to a title's word is the likeliest
    reading (*Turcji* is *Turcja*, not a town *Turc*)."""
    entry = gaz.lookup(key)
    if entry is not None:  # an acronym only when it spells a country (США, ABD): others are too often something else
        return entry.kb_id if key not in gaz.acronyms or entry.kb_id.startswith("iso:") else None
    code = base_lang(lang) or ""
    if not key or code not in INFLECTIONS:
        return None
    # every piece may be inflected (Херсонской области -> Херсонская область), the last one first and the readings
    # that change a word least first (stable: the restores' order)
    options = [[(_shared_prefix(base, word), base) for base in inflection_bases(word, word, code)]
               for word in key[-MAX_INFLECTED_WORDS:]]
    readings = sorted(product(*options), key=lambda r: -sum(score for score, _ in r))  # stable: restores' order
    for scored in readings[:MAX_INFLECTED_READINGS]:
        tail = tuple(base for _, base in scored)
        reading = (*key[:-len(tail)], *tail)
        if reading != key and (entry := gaz.lookup(reading)) is not None:
            return entry.kb_id
    return None


def _shared_prefix(a: str, b: str) -> int:
    """Length of the common beginning of two words (the stem a base form keeps of an inflected word)."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


@lru_cache(maxsize=1 << 16)
def whole_name_kb(name: str, lang: str | None) -> str | None:
    """The KB id (country, place, region, organisation) whose gazetteer name the whole of ``name`` is, its case
    ending of ``lang`` allowed; None when there is none or the gazetteer cannot be read. An acronym matches
    only in capitals and then whatever it names (the recogniser's rule: a whole name *NATO* is the alliance, though
    a title's word *NATO* is no place the title happened in)."""
    gaz = _gazetteer()
    key = tuple(gaz_fold(p) for p in gaz_pieces(name[:MAX_NAME_CHARS]))
    if gaz is None or not key or len(key) > MAX_NAME_PIECES:
        return None
    if key in gaz.acronyms:
        entry = gaz.lookup(key) if name.isupper() else None
        return entry.kb_id if entry is not None and _anchor_ok(entry.kb_id) else None
    kb_id = _inflected_lookup(gaz, key, lang)
    return kb_id if kb_id and _anchor_ok(kb_id) else None


def title_year(title: str) -> int | None:
    """The one year a title names (any script's digits; Buddhist-era years converted), else None."""
    years = {year for match in _YEAR_RE.finditer(title) if (year := _as_year(int(match.group(1)))) is not None}
    return years.pop() if len(years) == 1 else None


def _as_year(number: int) -> int | None:
    """The year (common era) a title's number stands for, None when it is none: a Buddhist-era year converted."""
    if MAX_YEAR < number <= MAX_YEAR + BUDDHIST_ERA_OFFSET and number >= MIN_YEAR + BUDDHIST_ERA_OFFSET:
        number -= BUDDHIST_ERA_OFFSET
    return number if MIN_YEAR <= number <= MAX_YEAR else None


_Entries = tuple[dict[str, list[tuple[tuple[str, ...], str]]], list[tuple[str, str]], dict[str, set[str]]]


@lru_cache(maxsize=512)
def _locale(lang: str | None) -> Locale | None:
    """The CLDR locale (``babel``) of a language tag, None for one CLDR does not know: the month, country and
    language names titles are read with."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse((lang or "").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@lru_cache(maxsize=512)
def _month_names(lang: str | None) -> tuple[tuple[str, int], ...]:
    """(folded month name, month number) of ``lang`` from CLDR (``babel``): format and stand-alone, wide forms
    (*сентября*, *сентябрь*); empty for a language CLDR does not know."""
    locale = _locale(lang)
    if locale is None:
        return ()
    months = locale.months
    return tuple(sorted({(gaz_fold(name), number) for context in ("format", "stand-alone")
                         for number, name in months[context]["wide"].items()}))


def title_month(title: str, words: list[str], lang: str | None) -> int | None:
    """The one month a title names (*September 2022 ... coup*, *2022年9月...政变*), by a CLDR month name of its
    language (a case ending allowed: *сентябре*) or by digits before a month sign; else None."""
    found = {int(m.group(1)) for m in _DIGIT_MONTH_RE.finditer(title)}
    for name, number in _month_names(base_lang(lang)):
        stem = name[:-1] if len(name) >= MIN_STEM + 1 else name
        if any(w == name or (w.startswith(stem) and len(w) - len(name) <= 2 and stem != name) for w in words):
            found.add(number)
    return found.pop() if len(found) == 1 else None


@cache
def _entries(table: str) -> _Entries:
    """(an entry's first word -> [(entry words, concept)] for spaced scripts, [(entry, concept)] for unspaced ones,
    entry that may close a compound -> its concepts) of ``"types"`` or ``"qualifiers"``, all languages together: a
    title's language tag is often a dialect or a code the table lacks. Entries are split into pieces as titles are
    (*همه‌پرسی* is two words). Compound heads are the one-word entries of at least :data:`MIN_COMPOUND_HEAD` letters
    of the languages that write compounds (:data:`COMPOUND_TITLE_LANGS`)."""
    spaced: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    unspaced: list[tuple[str, str]] = []
    heads: dict[str, set[str]] = {}
    for concept, by_lang in (TITLE_TYPES if table == "types" else TITLE_QUALIFIERS).items():
        for lang, entries in by_lang.items():
            for entry in entries:
                words = tuple(gaz_fold(w) for w in gaz_pieces(entry))
                if _unspaced(entry):
                    unspaced.append((entry, concept))
                    continue
                spaced.setdefault(words[0], []).append((words, concept))
                if lang in COMPOUND_TITLE_LANGS and len(words) == 1 and len(words[0]) >= MIN_COMPOUND_HEAD:
                    heads.setdefault(words[0], set()).add(concept)
    return spaced, unspaced, heads


def _word_matches(word: str, entry: str, last: bool) -> bool:
    """Whether a title word is a type entry's word: the whole word for short entries and inner words of a
    several-word entry, else the entry plus at most :data:`MAX_TYPE_ENDING` letters of ending."""
    if len(entry) < MIN_STEM or not last:
        return word == entry
    return word.startswith(entry) and len(word) - len(entry) <= MAX_TYPE_ENDING


def title_concepts(words: list[str], table: str = "types") -> tuple[set[str], set[int]]:
    """The kinds of happening (concepts of :data:`TITLE_TYPES`; ``table="qualifiers"``: of
    :data:`TITLE_QUALIFIERS`) a title's folded words name, and the positions of the spaced-script words that
    name them (those are not looked up as places: *Hurricane*, Utah)."""
    spaced, unspaced, heads = _entries(table)
    found: set[str] = set()
    used: set[int] = set()
    for k, word in enumerate(words):
        if _unspaced(word):
            found.update(concept for entry, concept in unspaced if entry in word and _head_final(word, entry))
            continue
        if k in used:  # inside a longer entry (*Coupe du monde* is a championship, not a *coup*)
            continue
        candidates = [c for m in range(1, len(word) + 1) for c in spaced.get(word[:m], ())]  # entries it starts with
        matched = [(len(entry_words), concept) for entry_words, concept in candidates
                   if all(k + i < len(words) and _word_matches(words[k + i], w, i == len(entry_words) - 1)
                          for i, w in enumerate(entry_words))]
        longest = max((n for n, _ in matched), default=0)
        found.update(concept for n, concept in matched if n == longest)
        used.update(range(k, k + longest))
        if k not in used:
            closing = _compound_concepts(word, heads)
            if closing:
                found |= closing
                used.add(k)
    return found, used


def _compound_concepts(word: str, heads: dict[str, set[str]]) -> set[str]:
    """The concepts of the entries that head a compound ``word`` (*Busulykken*, *kunnallisvaalit*): the word ends
    in one and at most :data:`MAX_TYPE_ENDING` letters of ending, after at least :data:`MIN_COMPOUND_MODIFIER`
    letters of modifier. Each cut of the word is looked up (a few dozen dict look-ups) rather than each head
    searched for in it: every name of a large store passes here when its index is built."""
    found: set[str] = set()
    n = len(word)
    for ending in range(min(MAX_TYPE_ENDING, n - MIN_COMPOUND_MODIFIER - MIN_COMPOUND_HEAD) + 1):
        end = n - ending
        for start in range(MIN_COMPOUND_MODIFIER, end - MIN_COMPOUND_HEAD + 1):
            concepts = heads.get(word[start:end])
            if concepts:
                found |= concepts
    return found


def _head_final(word: str, entry: str) -> bool:
    """Whether a type entry heads an unspaced title. Chinese and Japanese put the head last: after its last
    occurrence come at most :data:`MAX_UNSPACED_TAIL` characters that are not place names (*事件*, *案*), so
    *...入侵烏克蘭期間的兒童綁架事件*, about something during an invasion, is no invasion. Thai, Lao, Khmer and
    Burmese put it first: it starts within :data:`MAX_HEAD_OFFSET` characters (*เหตุระเบิด...*)."""
    if script_of(word) in _HEAD_INITIAL:  # Thai puts the head first: an incident (เหตุ), then what happened
        return word.index(entry) <= MAX_HEAD_OFFSET
    gaz = _gazetteer()
    tail = word[word.rindex(entry) + len(entry):]
    covered = _unspaced_anchors(gaz, tail)[1] if gaz is not None else 0
    return len(tail) - covered <= MAX_UNSPACED_TAIL


def title_anchors(words: list[str | None], lang: str | None, written: tuple[str, ...] = ()) -> frozenset[str]:
    """The KB ids of the places and organisations a title's folded words name: longest names first, case
    endings allowed; inside words of unspaced scripts, every run of characters long enough to be told apart.
    A None word (a type word) is skipped and ends a name. ``written``: the words as the title writes them, whose
    case tells a country adjective from a name (:func:`country_of_adjective`)."""
    gaz = _gazetteer()
    if gaz is None:
        return frozenset()
    found: set[str] = set()
    k = 0
    while k < len(words):
        word = words[k]
        if word is None:
            k += 1
            continue
        if _unspaced(word):
            found |= _unspaced_anchors(gaz, word)[0]
            k += 1
            continue
        for n in range(min(MAX_NAME_PIECES, len(words) - k), 0, -1):
            key = tuple(w for w in words[k:k + n] if w is not None)
            if len(key) < n or any(_unspaced(w) for w in key):
                continue
            kb_id = _inflected_lookup(gaz, key, lang) or _capital_acronym(gaz, key, written[k] if written else "")
            if kb_id and _anchor_ok(kb_id):
                found.add(kb_id)
                k += n - 1
                break
        else:
            country = country_of_adjective(written[k] if written else word, lang)
            if country:
                found.add(country)
        k += 1
    return frozenset(found)


def _capital_acronym(gaz: Gazetteer, key: tuple[str, ...], written: str) -> str | None:
    """The KB id of an acronym the title writes in capitals (*Mongolia–NATO relations*); a folded word alone may be a
    common word (:func:`_inflected_lookup` takes only countries' acronyms)."""
    if len(key) != 1 or key not in gaz.acronyms or len(written) < 2 or not written.isupper():
        return None
    entry = gaz.lookup(key)
    return entry.kb_id if entry is not None else None


@lru_cache(maxsize=256)
def _country_stems(lang: str) -> dict[str, frozenset[str]]:
    """Country-name stem -> the ``iso:`` ids it may stand for, from CLDR's one-word country names in ``lang``
    (``babel``): the bare name, and it without its last one or two letters. Names of the title's own language
    only: a stem of another language's name would read that language's words as countries."""
    locale = _locale(lang)
    if locale is None:
        return {}
    territories = locale.territories
    stems: dict[str, set[str]] = {}
    for code, name in territories.items():
        words = gaz_pieces(name)
        if len(code) != 2 or not code.isalpha() or code in ("ZZ", "EU", "UN") or len(words) != 1:
            continue
        bare = without_marks(gaz_fold(words[0]))
        for cut in range(MAX_COUNTRY_STEM_CUT + 1):
            if len(bare) - cut >= MIN_COUNTRY_STEM:
                stems.setdefault(bare[:len(bare) - cut], set()).add(f"iso:{code}")
    return {stem: frozenset(ids) for stem, ids in stems.items()}


@lru_cache(maxsize=256)
def _language_countries(lang: str) -> dict[str, str]:
    """Language name -> the ``iso:`` id of its country, from CLDR's one-word language names in ``lang``: the
    language's likeliest territory (CLDR likely subtags), when its name in ``lang`` starts like the language's
    name (*slovène*, *Slovénie*; *danois*, *Danemark*; not *anglais*, *États-Unis*). Many countries' adjectives
    are their language's name (*kazakhe*, *danoises*), which no ending turns the country's own name into."""
    from babel.core import get_global

    locale = _locale(lang)
    if locale is None:
        return {}
    likely = get_global("likely_subtags")
    found: dict[str, str] = {}
    for code, name in locale.languages.items():
        territory = likely.get(code, "").split("_")[-1]
        country = locale.territories.get(territory, "") if len(territory) == 2 else ""
        words, country_words = gaz_pieces(name), gaz_pieces(country)
        if len(words) != 1 or not country_words:
            continue
        bare, country_bare = without_marks(gaz_fold(words[0])), without_marks(gaz_fold(country_words[0]))
        if _shared_prefix(bare, country_bare) >= MIN_LANGUAGE_COUNTRY_SHARED:
            found[bare] = f"iso:{territory}"
    return found


@cache
def _adjective_endings(lang: str, lower: bool) -> frozenset[str]:
    """The adjective endings of ``lang`` folded; those of :data:`LOWER_CASE_ENDINGS` too for a lower-case word."""
    endings = (*COUNTRY_ADJECTIVE_ENDINGS.get(lang, ()), *(LOWER_CASE_ENDINGS.get(lang, ()) if lower else ()))
    return frozenset(without_marks(gaz_fold(e)) for e in endings)


@lru_cache(maxsize=1 << 14)
def country_of_adjective(word: str, lang: str | None) -> str | None:
    """The ``iso:`` id of the country a title word is the adjective of in ``lang`` (*malaisiennes* ->
    ``iso:MY``, *китайским* -> ``iso:CN``): the word is a country's stem (:func:`_country_stems`) and one of the
    language's adjective endings (:data:`COUNTRY_ADJECTIVE_ENDINGS`), or the name of the country's language
    (:func:`_language_countries`) and one of :data:`LANGUAGE_NAME_ENDINGS`; None when no single country fits."""
    code = base_lang(lang) or ""
    endings = _adjective_endings(code, word.islower())
    if not endings or not is_cased(word):
        return None
    bare = without_marks(gaz_fold(word))
    stems = _country_stems(code)
    found: set[str] = set()
    for cut in range(1, len(bare) - MIN_COUNTRY_STEM + 1):
        if bare[len(bare) - cut:] in endings:
            found |= stems.get(bare[:len(bare) - cut], frozenset())
    languages = _language_countries(code)
    for ending in LANGUAGE_NAME_ENDINGS.get(code, ()):
        if bare.endswith(ending) and (country := languages.get(bare[:len(bare) - len(ending)])):
            found.add(country)
    return next(iter(found)) if len(found) == 1 else None


def _unspaced_anchors(gaz: Gazetteer, word: str) -> tuple[set[str], int]:
    """Places named inside one word of an unspaced script, longest first and without overlaps, and how many
    of the word's characters they cover."""
    found, i, covered = set(), 0, 0
    while i < len(word):
        for n in range(min(MAX_UNSPACED_NAME, len(word) - i), 1, -1):
            entry = gaz.lookup((word[i:i + n],))
            if entry is not None and _anchor_ok(entry.kb_id) and (
                    not entry.kb_id.startswith("geonames:") or n >= MIN_UNSPACED_PLACE
                    or entry.priority >= CASELESS_CITY_MIN_PRIORITY):
                found.add(entry.kb_id)
                covered += n
                i += n - 1
                break
        i += 1
    return found, covered


@dataclass(frozen=True, slots=True)
class TitleParts:
    """What an event title says: its kind of happening (with qualifiers), year and month (None when it names none)
    and the KB ids of the places and organisations it names."""

    kind: str
    year: int | None
    month: int | None
    anchors: frozenset[str]

    @property
    def reach(self) -> frozenset[str]:
        """The title's anchors and the countries its cities lie in: *Zugunglück in Portugal 2031* (Portugal) names
        no place that *2031 Porto train crash* does not cover."""
        return self.anchors | {f"iso:{p.country}" for a in self.anchors if (p := place(a)) is not None and p.country}

    def key(self, anchors: Iterable[str] | None = None, month: bool = True, year: bool = True) -> str:
        """``#kind|year[-month]|anchors`` (``anchors``: a subset of the title's, for :func:`title_keys`; ``year``,
        ``month`` False: without them)."""
        when = str(self.year) if self.year and year else ""
        if when and self.month and month:
            when += f"-{self.month:02d}"
        return f"#{self.kind}|{when}|{'+'.join(sorted(self.anchors if anchors is None else anchors))}"


@lru_cache(maxsize=1 << 16)
def title_parts(title: str, lang: str | None) -> TitleParts | None:
    """The :class:`TitleParts` of an event title, None unless it names exactly one year, one kind of happening and
    at least one place or organisation (a city or region for :data:`LOCAL_CONCEPTS`; a qualifier instead for
    :data:`GLOBAL_CONCEPTS`, a sport: *2022 FIFA World Cup*, *Mistrzostwa Świata w Piłce Nożnej 2022*)."""
    year = title_year(title[:MAX_NAME_CHARS])
    return _parts(title, lang, year) if year is not None else None


@lru_cache(maxsize=1 << 16)
def undated_title_parts(title: str, lang: str | None) -> TitleParts | None:
    """The :class:`TitleParts` of an event title that names no year but one kind of happening and a city or region
    (*Seoul Halloween crowd crush*, *Tempi train crash*): news names the same event with and without its year. A
    country is not enough without a year (*Finnish election*: one every few years)."""
    if title_year(title[:MAX_NAME_CHARS]) is not None or (parts := _parts(title, lang, None)) is None:
        return None
    return parts if _paired(parts) or (len(title.split()) > 1 and any(place(a) for a in parts.anchors)) else None


def _paired(parts: TitleParts) -> bool:
    """Whether a title of a kind between two parties (:data:`PAIR_CONCEPTS`) names exactly two."""
    return parts.kind in PAIR_CONCEPTS and len(parts.anchors) == 2


@lru_cache(maxsize=1 << 16)
def title_words(name: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[int]]:
    """(pieces, folded words, kinds of happening, positions of the kind words) of a name's pieces that are not
    numbers (nor years with their era or unit mark: Urdu *2031ء*, Korean *2031년*): worked out once per name for all
    its title keys. A name with no kind gets none of them."""
    pieces = tuple(p for p in gaz_pieces(name[:MAX_NAME_CHARS]) if not _NUMBER_PIECE_RE.fullmatch(p))
    words = tuple(gaz_fold(p) for p in pieces)
    concepts, used = title_concepts(list(words))
    return pieces, words, frozenset(concepts), frozenset(used)


def _parts(title: str, lang: str | None, year: int | None) -> TitleParts | None:
    """The :class:`TitleParts` of ``title`` with ``year`` already read (None: undated), shared by
    :func:`title_parts` and :func:`undated_title_parts` so that dated and undated titles are cut alike."""
    pieces, folded, concepts, used = title_words(title)
    words = list(folded)
    if len(concepts) != 1 or _inner_kind(title, lang, min(used, default=0)):
        return None
    (concept,) = concepts
    month = title_month(title[:MAX_NAME_CHARS], words, lang) if year else None
    qualifiers, qualifying = title_concepts(words, "qualifiers")
    anchors = title_anchors([None if k in used | qualifying else w for k, w in enumerate(words)], lang, pieces)
    if not (_anchored(concept, anchors, month) or (concept in GLOBAL_CONCEPTS and qualifiers & SPORTS and year)
            or (concept in DATED_CONCEPTS and month)):
        return None
    return TitleParts("+".join([concept, *sorted(qualifiers)]), year, month, anchors)


def _inner_kind(title: str, lang: str | None, first: int) -> bool:
    """Whether the kind word of a spaced title (at word ``first``, digits left out) names the event something
    happened in, not the title's own head: a content word that is no place comes before it, then a function word
    (*Child abductions in the 2022 Russian invasion of Ukraine*: a title about abductions). Function words are
    lower-case words of at most :data:`MAX_FUNCTION_WORD` letters (*in*, *the*, *w*, *во*)."""
    gaz = _gazetteer()
    pieces = [p for p in gaz_pieces(title[:MAX_NAME_CHARS]) if not p.isdigit()][:first]
    content = False
    for piece in pieces:
        if len(piece) <= MAX_FUNCTION_WORD and piece.islower():
            if content:
                return True
        elif gaz is not None and not _inflected_lookup(gaz, (gaz_fold(piece),), lang):
            content = True
    return False


def _anchored(concept: str, anchors: Iterable[str], month: int | None) -> bool:
    """Whether a dated title's places say where it happened: any for most kinds; for local ones a city, a state or
    province (*2021 Bavaria shooting*), or a country in a title that also names the month (*March 2020 attacks in
    Austria*, *Attentats de mars 2020 en Autriche*): titles of two months never merge. An undated title needs a
    city (:func:`undated_title_parts`)."""
    anchors = list(anchors)
    return bool(anchors) and (concept not in LOCAL_CONCEPTS or month is not None
                              or any(place(a) or a.startswith("iso3166-2:") for a in anchors))


@lru_cache(maxsize=1 << 16)
def title_keys(title: str, lang: str | None) -> tuple[str, ...]:
    """The title's key (:func:`title_parts`) and the keys of the same title with fewer of its places (each non-empty
    subset that still anchors it, at most :data:`MAX_SUBKEY_ANCHORS` places) or without its month: *Venäjän hyökkäys
    Ukrainaan 2022* (Russia, Ukraine) meets *Російське вторгнення в Україну* (Ukraine) and *Ruska invazija 2022*
    (Russia); and without the year for subsets with a city or region, which an undated title
    (:func:`undated_title_parts`) also gets. A shared key is a candidate link only: canonicalisation joins two
    titles' clusters only when all their titles can name one event (one kind, year and month, and one title naming
    all their places)."""
    parts = title_parts(title, lang) or undated_title_parts(title, lang)
    if parts is None:
        return ()
    if parts.kind in PAIR_CONCEPTS:
        return (parts.key(year=False),) if _paired(parts) else ()
    keys = [parts.key()] if parts.year else []
    concept = parts.kind.split("+")[0]
    if parts.year and (concept in GLOBAL_CONCEPTS or (concept in DATED_CONCEPTS and parts.month)):
        keys.append(parts.key(()))  # the world's championship, whichever organisation the title names; the eclipse
    anchors = sorted(parts.anchors)
    if parts.year:
        for country in sorted(parts.reach - parts.anchors):
            if _anchored(concept, (country,), parts.month):
                keys += [parts.key((country,)), parts.key((country,), month=False)]
    if len(anchors) <= MAX_SUBKEY_ANCHORS:
        for n in range(1, len(anchors) + 1):
            for subset in combinations(anchors, n):
                if parts.year and _anchored(concept, subset, parts.month):
                    keys += [parts.key(subset), parts.key(subset, month=False)]
                if any(place(a) for a in subset):
                    keys.append(parts.key(subset, year=False))
    return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=1 << 16)
def _named_kind_own(name: str) -> tuple[str, tuple[str, ...]] | None:
    """(kind, own name words) of a happening named by its kind and a given name of its own (:func:`named_kind_key`),
    None for other names; worked out once for both its keys."""
    found, words, concepts, used = title_words(name)
    if len(words) < 2 or not concepts or any(_unspaced(w) for w in words):
        return None
    own = tuple(p for k, p in enumerate(found) if k not in used)
    if len(concepts) != 1 or not concepts <= NAMED_CONCEPTS or not 0 < len(own) <= MAX_OWN_NAME_WORDS:
        return None
    if any(c.isdigit() for c in "".join(own)) or not _storm_name(own):
        return None
    return next(iter(concepts)), own


@lru_cache(maxsize=1 << 16)
def named_kind_key(name: str) -> str | None:
    """``#concept|spelling`` of a happening named by its kind and a name of its own, in any order and with the kind
    in a qualifier (*Hurricane Ian*, *Hurrikaani Ian*, *Ян (ураган)* -> ``#storm|ian``); None for other names.

    Storms are named from short lists of given names, so the kind is part of the key: *Ian* the person and
    *Hurricane Ian* stay apart. The name must be written in a spaced script and spelled alike (spelling key),
    the year is left out (news names one storm Ian at a time) and any digit or place word gives no key.
    """
    named = _named_kind_own(name)
    if named is None:
        return None
    key = spelling_key(" ".join(named[1]))
    return f"#{named[0]}|{key}" if key else None


@lru_cache(maxsize=1 << 16)
def named_kind_sound_keys(name: str, lang: str | None) -> tuple[str, ...]:
    """``#concept~|skeleton`` keys of a happening's own name (:func:`named_kind_key`) by its consonants, so that its
    spellings in other scripts meet: *Cyclone Zelmorra*, *چرخند زلمورا*, *Циклон Зелморра* -> ``#storm~|slmr``.

    A given name has few consonants, and one season names many storms: the skeleton (:func:`sound_skeleton`, no
    class folded) needs :data:`MIN_NAMED_SOUNDS` consonants, or one fewer in a key that also holds the title's
    year (*Τυφώνας Ζέλια (2031)* and *Зелия (ураган, 2031)*); titles of two years never merge (their years
    conflict in canonicalisation).
    """
    named = _named_kind_own(name)
    if named is None:
        return ()
    concept, own = named
    text = " ".join(own)
    readings = _sound_readings(own[0], lang)
    year = title_year(name)
    keys = []
    for skeleton in dict.fromkeys(sound_skeleton(text, reading) for reading in readings):
        if len(skeleton) >= MIN_NAMED_SOUNDS:
            keys.append(f"#{concept}~|{skeleton}")
        if year and len(skeleton) >= MIN_NAMED_SOUNDS - 1:
            keys.append(f"#{concept}~|{year}|{skeleton}")
    return tuple(keys)


def _storm_name(own: tuple[str, ...]) -> bool:
    """Whether the words beside a kind of happening can be its given name: no country, region or organisation, and
    a town only as one word (storms are named after people: *Hurricane Julia* is no town Julia; *Storm in Hesse* is
    no storm's name)."""
    anchors = title_anchors([gaz_fold(p) for p in own], None)
    return not anchors or (len(own) == 1 and all(a.startswith("geonames:") for a in anchors))


@cache
def _flight_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """(spaced entries, unspaced entries) of :data:`FLIGHT_WORDS`, all languages together, folded."""
    entries = {gaz_fold(e) for by_lang in FLIGHT_WORDS.values() for e in by_lang}
    unspaced = tuple(sorted(e for e in entries if _unspaced(e)))
    return frozenset(entries.difference(unspaced)), unspaced


def _names_flight(word: str) -> bool:
    """Whether a title's folded word is a flight word, also behind its number (*357편*, *357号班机*): a spaced
    entry whole or with at most :data:`MAX_TYPE_ENDING` letters of ending (*рейса*) when it is long enough for a
    stem; an unspaced one anywhere in the word, a one-character one (*便*) only right after the number."""
    spaced, unspaced = _flight_words()
    bare = _LEADING_NUMBER_RE.sub("", word)
    if bare in spaced or any(len(e) >= MIN_STEM and _word_matches(bare, e, True) for e in spaced if bare[:1] == e[:1]):
        return True
    return any(e in bare if len(e) > 1 else bool(re.search(rf"\d号?{re.escape(e)}", word)) for e in unspaced)


@lru_cache(maxsize=1 << 16)
def flight_key(title: str) -> str | None:
    """``#flight|number`` of a title that names a flight word (:data:`FLIGHT_WORDS`) and one flight number, in any
    script and digits (*Norvane Air Flight 357*, *رحلة نورفان 357*, *پرواز شماره ۳۵۷*); None for other names.

    An air accident is named after its flight in every language, and the airline's name is translated or spelled
    in the title's own script, so the number is what the titles share. Numbers in the range of years are read
    as years (a title's year is no flight number) and a title with two other numbers (an aircraft type: *ATR 72*)
    gets no key. Two airlines' flights of one number in one corpus would merge; dated titles of two years do not.
    """
    text = title[:MAX_NAME_CHARS]
    numbers = {int(m.group()) for m in _NUMBER_RE.finditer(text)}
    flights = [n for n in numbers if MIN_FLIGHT_NUMBER <= n <= MAX_FLIGHT_NUMBER and _as_year(n) is None]
    if len(flights) != 1 or not any(_names_flight(gaz_fold(p)) for p in gaz_pieces(text)):
        return None
    return f"#flight|{flights[0]}"


@lru_cache(maxsize=1 << 16)
def title_name_key(title: str, lang: str | None) -> str | None:
    """``#name|spellings`` of the rare proper words of an event title (*Kanjuruhan Stadium disaster*, *Desastre do
    estádio Kanjuruhan*, *Tragedi Stadion Kanjuruhan 2022* -> ``#name|kansuruan``-like), None for other names.

    Many events are named after a place no gazetteer lists (a stadium, a village, a ship), and titles with and
    without the year name one event. The key needs a kind of happening (:data:`TITLE_TYPES`) and takes the
    capitalised words of a cased script that are neither kind words, nor places or organisations the gazetteer
    knows (the title key says those), nor common words (:data:`COMMON_ZIPF`); at most :data:`MAX_OWN_NAME_WORDS`
    of them. The kind itself is left out (*riot*, *stampede* and *disaster* name one event); two titles of two
    different years never merge (canonicalisation compares the years of a cluster's titles).
    """
    gaz = _gazetteer()
    found, words, concepts, used = title_words(title)
    if gaz is None or len(words) < 2 or not concepts or any(_unspaced(w) for w in words):
        return None
    own = set()
    for k, piece in enumerate(found):
        word = words[k]
        zipf = FIRST_WORD_ZIPF if k == 0 else COMMON_ZIPF
        if (k in used or not piece[:1].isupper() or not is_cased(piece) or len(word) < MIN_OWN_NAME_LETTERS
                or any(c.isdigit() for c in word) or _common(word, base_lang(lang), zipf)
                or _inflected_lookup(gaz, (word,), lang)):
            continue
        own.add(spelling_key(piece))
    own.discard("")
    if not 0 < len(own) <= MAX_OWN_NAME_WORDS:
        return None
    return "#name|" + " ".join(sorted(own))


@lru_cache(maxsize=1 << 16)
def title_sound_keys(title: str, lang: str | None) -> tuple[str, ...]:
    """``#sound|skeleton`` keys of the own name of an event title in any spaced script, by sound: *Kanjuruhan Stadium
    disaster*, *칸주루한 스타디움 참사* -> ``#sound|knsrn``; *Longsor Batang Kali*, *பத்தாங்காலி நிலச்சரிவு* ->
    ``#sound|btnkr``.

    :func:`title_name_key` follows an own name through languages of one script; a title in Korean, Tamil or Arabic
    spells it in letters of its own, which only its consonant skeleton (:func:`newsweave.kb.names.loose_key`, every
    class folded) ties to the Latin one. Own words are as for :func:`title_name_key` (not a kind word, place, number
    or common word; capitalised in a cased script), in a caseless script not common in its language either, and
    only where ``wordfreq`` knows the language (else a common word could pass for a name). Keys are the skeleton of
    the own words together and of each word (a Latin one under three readings: its language's, none, English's),
    of at least :data:`MIN_OWN_SOUNDS` classes: a loose key is a weak
    match, so it needs a long skeleton, a kind of happening on both sides, and no two years in the cluster.
    """
    gaz = _gazetteer()
    found, words, concepts, used = title_words(title)
    if gaz is None or len(words) < 2 or not concepts or any(_unspaced(w) for w in words):
        return ()
    code = base_lang(lang)
    own = []
    for k, piece in enumerate(found):
        word = words[k]
        if k in used or len(word) < MIN_OWN_NAME_LETTERS or any(c.isdigit() for c in word):
            continue
        if is_cased(piece):
            if not piece[:1].isupper() or _common(word, code, FIRST_WORD_ZIPF if k == 0 else COMMON_ZIPF):
                continue
        elif code not in frequency.LANGS or _common(word, code, COMMON_ZIPF):
            continue
        if _inflected_lookup(gaz, (word,), lang) is None:
            own.append(piece)
    if not 0 < len(own) <= MAX_OWN_NAME_WORDS:
        return ()
    readings = _sound_readings(own[0], lang)
    keys = [loose_key(text, reading) for reading in readings for text in (" ".join(own), *own)]
    return tuple(dict.fromkeys(f"#sound|{k}" for k in keys if len(k) >= MIN_OWN_SOUNDS))


def _sound_readings(word: str, lang: str | None) -> tuple[str | None, ...]:
    """The languages an own name is read in for its sound keys: a Latin-like (cased) name in its language's,
    none and English's (:data:`SOUND_READING_LANG`) readings; a name in another script in its language's."""
    return (lang, None, SOUND_READING_LANG) if is_cased(word) else (lang,)


@lru_cache(maxsize=1 << 16)
def _common(word: str, lang: str | None, zipf: float) -> bool:
    """Whether a folded word is this frequent (Zipf scale) in ``lang`` (when ``wordfreq`` has it) or English."""
    langs = {"en", lang} & frequency.LANGS if lang else {"en"}
    return any(frequency.zipf(word, code) >= zipf for code in sorted(langs))
