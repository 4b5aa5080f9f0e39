"""Canonical entities: merge every mention of every article into entities with stable ids.

The same (invented) person is *Rustam Sarayev*, *Sarajewem*, *Сараевнинг* and *सरायेव*; the same
organisation is *OSCE* and *ओएससीई* (its Latin letters spelled in Devanagari). :func:`canonicalize` gives
each such group one :class:`~newsweave.model.Entity` and writes its id on every mention. It works in two passes:

1. **Within an article**, mentions with the same name key (or the same KB id) form a *unit*; a bare
   surname (else a bare given name) joins the one full name of the article it fits; an acronym joins
   the expansion it abbreviates or stands next to in parentheses ("Organizacja ... (OBWE)").
2. **Across articles**, units and the known entities their keys reach are clustered by a constrained
   union-find (:class:`_Clustering`), strongest evidence first: same KB id (the recogniser's, else the
   gazetteer's for a whole name it left unlinked: *Kroatien*, *크로아티아*); same name key (or the same bag of
   institution concepts, :func:`concept_key`, or the same year, places and kind of happening of a translated
   event title, :mod:`newsweave.corpus.entities_titles`); same phonetic key *and* similar spelling
   (rapidfuzz); a spelling in a lossy script (Arabic, Chinese, Hangul, Thai, Tamil...) and a similar
   consonant skeleton once the classes that script does not tell apart are folded (:func:`_loose_ratio`);
   for persons, same surname with compatible given names; then bare surnames join their one bearer (or
   the bearer the article's other entities point to). Names are compared without what languages add or
   leave out: a patronymic, one middle initial, the reference order (*Surname, Given*), the form of a
   regnal number (*II*, *a II-a*).

Wrong merges are worse than missed ones: every link is refused when the two clusters disagree (types,
KB ids, given names, two entities already known, Latin or Cyrillic names that sound different on both
sides of a loose link), so chains of fuzzy links cannot pull different entities together; a bare
surname that fits two persons ("Aliyev" with both an Ilham and a Heydar Aliyev about) joins neither
unless the context clearly says which. Ids are ``type-slug-hash`` built from the founding unit's key,
so the same founder gives the same id in every run, and an id once given is kept. Everything is found
through key indexes (dict look-ups), never compared all-pairs, so a store of 100,000 entities costs little
per article.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

from newsweave.corpus.entities_titles import (
    TitleParts,
    flight_key,
    load_kb,
    named_kind_key,
    named_kind_sound_keys,
    title_keys,
    title_name_key,
    title_parts,
    title_sound_keys,
    title_words,
    title_year,
    undated_title_parts,
    whole_name_kb,
)
from newsweave.kb import frequency
from newsweave.kb.gazetteer import data_file_names, without_marks
from newsweave.kb.gazetteer import fold as gaz_fold
from newsweave.kb.names import (
    ALL_SOUND_CLASSES,
    MAX_NAME_CHARS,
    base_lang,
    coda_free_skeleton,
    display_fold,
    display_latin,
    fold_classes,
    loose_key,
    name_key,
    palladius,
    phonetic_key,
    pinyin_of_palladius,
    sound_skeleton,
    spelling_key,
    translit,
    unrespelled_key,
    without_apostrophe_suffixes,
    without_genitive_a,
)
from newsweave.kb.person_names import given_names, surnames
from newsweave.kb.places import Place, home_countries, own_name, place, place_country, places_named
from newsweave.lang.acronym_letters import ACRONYM_SKIP, LETTER_NAMES, spelled_latin
from newsweave.lang.institution_words import INSTITUTION_WORDS, LINK_WORDS
from newsweave.lang.name_folding import (
    CJK_NUMERALS,
    PATRONYMIC_ENDINGS,
    REGNAL_NUMBER_SUFFIXES,
    REGNAL_ORDINAL_WORDS,
    REGNAL_STYLES,
    SUFFIXES,
)
from newsweave.lang.orgwords import ORG_HEADS
from newsweave.lang.script_sounds import (
    CYRILLIC_READINGS,
    ENGLISH_RESPELLINGS,
    EXACT_SCRIPTS,
    LATIN_J_READINGS,
    LATIN_READINGS,
    LATIN_READINGS_BY_LANG,
    LOSSY_READINGS,
    SAME_SCRIPT_LOOSE,
    SCRIPT_LOSSES,
)
from newsweave.lang.scripts import UNICODE_SCRIPT_CODES
from newsweave.model import Article, Entity, Mention, Variant
from newsweave.pipeline import freeze_long_lived

#: Languages that decline names by case: an organisation's expansion seen in one may not be its base form.
INFLECTING_LANGS = frozenset(SUFFIXES)
#: Spelling similarity (rapidfuzz ratio of spelling keys, 0-100) two names need when their phonetic keys
#: agree but their name keys differ: *Saraev*/*Saraiev* (92) merge, *Mali*/*Mila* (50) do not.
MERGE_RATIO = 84.0
#: Given names are compatible at this similarity (*Dzhamil*/*Jamil*), or when one is an initial.
GIVEN_RATIO = 70.0
#: Names whose spelling key is shorter than this merge only on identical keys (no fuzzy matching).
MIN_FUZZY_LEN = 4
#: Loose cross-script links (:func:`newsweave.kb.names.loose_key`): both folded skeletons need this many
#: consonants, plus this many per consonant class folded (a skeleton over fewer classes tells less), and this
#: rapidfuzz ratio. Tuned on half A of ``name_variants`` (``newsweave eval merge``), measured on half B.
LOOSE_MIN_LEN = 4
LOOSE_LEN_PER_CLASS = 0.25
LOOSE_RATIO = 85.0
#: Loose keys this long are also blocked two deletions apart (:func:`_deletions`).
LOOSE_TWO_EDIT_LEN = 7
#: Scripts whose transcriptions of Latin names follow a non-rhotic (British) pronunciation and drop an *r* after a
#: vowel (Chinese characters, kana, Sinhala): a name in an exact script is also compared with them without such *r*.
NON_RHOTIC_SCRIPTS = frozenset({"Hani", "Jpan", "Sinh"})
#: Names compared with this many consonant classes folded (Chinese, Hangul, Thai, Tamil) need as many words.
SHAPE_CLASSES = 4
#: The LOOSE_RATIO of two names in two different lossy scripts (neither Latin nor Cyrillic), which keep fewer
#: classes apart between them than either does with Latin.
LOSSY_PAIR_RATIO = 92.0
#: A loose link joins two clusters that both hold Latin or Cyrillic names only when two of those names have
#: sound skeletons this similar (rapidfuzz ratio, classes unfolded); at most MAX_AGREE names of each are compared.
EXACT_AGREE_RATIO = 60.0
MAX_AGREE = 16
#: Letters an acronym has (NATO, UN, OSCE, OBWE, ASEAN...).
ACRONYM_MIN, ACRONYM_MAX = 2, 6
#: Concepts an institution's name needs to be matched across languages by its bag of concepts; one fewer
#: when the article also gives its acronym (a sign of a proper institution, not a generic phrase).
MIN_CONCEPTS = 4
#: Context decides between bearers of a bare surname when the bare surname's article shares at least this many
#: entities with one bearer's articles, and this many times more of those no other bearer is seen with.
CONTEXT_MIN_SHARED, CONTEXT_MARGIN = 2, 2
#: KB namespaces (of the gazetteer) and the mention types their ids never denote.
KB_NAMESPACE_NOT: dict[str, frozenset[str]] = {
    "geonames": frozenset({"PER", "ORG"}), "iso3166-2": frozenset({"PER", "ORG"}), "iso": frozenset({"PER"}),
    "lang": frozenset({"PER", "ORG", "LOC"}), "per": frozenset({"ORG", "LOC"}),
}
#: GeoNames city links of names of at most this many letters must agree with the article (:func:`_place_link`),
#: unless the city has this many people and the name sounds like its own. The vowel signs of abugidas count as
#: letters (Hindi *मॉस्को* is six: three consonants, two vowel signs and a virama).
SHORT_PLACE_LETTERS = 4
BIG_PLACE_POPULATION = 1_000_000
#: A longer name's city link moves to a town of that name in a country the article names or writes the language
#: of when that town has at least 1/this of the city's people (:func:`_place_link`).
HOME_TOWN_MAX_RATIO = 50
#: ... and a state's link to such a town of at least this many people (a state outranks any town of its name).
HOME_TOWN_OVER_STATE_POPULATION = 100_000
#: Type that agrees with every other type (recognisers use it when unsure).
WILDCARD_TYPE = "MISC"
#: Longest name (characters) given a pinyin key (:func:`_pinyin_key`): Chinese names are short.
MAX_PINYIN_NAME = 24
#: The language whose inflection a Palladius reading of a pinyin name is folded by (:func:`latin_readings`): the
#: Cyrillic spellings it must meet are mostly Russian.
PALLADIUS_LANG = "ru"
#: Variants kept per entity: the most frequent; bounds junk input ("no runaway").
MAX_VARIANTS = 300

log = logging.getLogger(__name__)

_WORD_SPLIT = re.compile(r"[\s\-–—,.;:()\[\]\"«»„“”]+")
#: A trailing parenthesised qualifier (reference-work style: *Memorial (society)*, *Ian (hurricane)*).
_QUALIFIER_RE = re.compile(r"\s*\([^()]*\)\s*$")


def _concept_tables() -> dict[str, tuple[dict[str, str], dict[str, list[tuple[str, str]]]]]:
    """lang -> (whole word -> concept, first two letters -> [(stem, concept)] longest first)."""
    tables: dict[str, tuple[dict[str, str], dict[str, list[tuple[str, str]]]]] = {}
    for concept, by_lang in INSTITUTION_WORDS.items():
        for lang, stems in by_lang.items():
            exact, prefixes = tables.setdefault(lang, ({}, defaultdict(list)))
            for stem in stems:
                exact[stem] = concept
                if len(stem) >= 4:
                    prefixes[stem[:2]].append((stem, concept))
    for _exact, prefixes in tables.values():
        for bucket in prefixes.values():
            bucket.sort(key=lambda sc: -len(sc[0]))
    return tables


_CONCEPTS = _concept_tables()


def script_of(name: str) -> str:
    """ISO 15924 code of the script of the name's letters (the most frequent among its first 32), ``Zyyy``
    when it has none. Latin, Cyrillic and Devanagari are recognised by code-point range, the rest by name."""
    counts = _script_counts(name)
    return max(counts, key=lambda k: (counts[k], k)) if counts else "Zyyy"


@lru_cache(maxsize=1 << 16)
def _script_counts(name: str) -> Counter[str]:
    """ISO 15924 code -> letters among the name's first 32 letters."""
    counts: Counter[str] = Counter()
    for ch in [c for c in name[:MAX_NAME_CHARS] if c.isalpha()][:32]:
        code = ord(ch)
        if code < 0x250 or 0x1E00 <= code < 0x1F00:
            counts["Latn"] += 1
        elif 0x400 <= code < 0x530:
            counts["Cyrl"] += 1
        elif 0x900 <= code < 0x980:
            counts["Deva"] += 1
        else:
            counts[UNICODE_SCRIPT_CODES.get(unicodedata.name(ch, "").split(" ", 1)[0], "Zzzz")] += 1
    return counts


def acronym_key(name: str) -> str | None:
    """Latin letters of an acronym (*OSCE*, *ОБСЕ* -> ``OBSE``, *ओएससीई* -> ``OSCE``), None for other names."""
    text = "".join(name.split())
    if not text or len(text) > 4 * ACRONYM_MAX * 3 or text != text.upper():  # lower-case letters: a word
        return None
    script = script_of(text)
    if script in LETTER_NAMES:
        key = spelled_latin(text, script)
        if key is None:
            return None
    else:
        if not all(ch.isupper() or ch.isdigit() or ch in "&." for ch in text) or sum(
                ch.isalpha() for ch in text) < ACRONYM_MIN:
            return None  # capitals of any cased script (*ŁKS*, *TÜİK*, *ČEZ*), never a caseless word
        key = "".join(ch for ch in translit(text).upper() if ch.isalnum())
    return key if ACRONYM_MIN <= len(key) <= ACRONYM_MAX else None


def initials(name: str, lang: str | None) -> str | None:
    """Initials of a multi-word name's content words (*Shanghai Cooperation Organisation* -> ``SCO``)."""
    skip = ACRONYM_SKIP.get(base_lang(lang) or "", frozenset())
    words = [w for w in re.split(r"[\s\-]+", name[:MAX_NAME_CHARS]) if w and w.lower() not in skip]
    if not ACRONYM_MIN <= len(words) <= ACRONYM_MAX:
        return None
    key = "".join(translit(w[0]).upper()[:1] for w in words if w[0].isalpha())
    return key if len(key) == len(words) else None


def concept_key(name: str, lang: str | None) -> str | None:
    """The bag of institution concepts a name is made of (``@bank+development+eurasian``).

    None unless every word of the name (bar function words) is an institution word of the language and
    there are at least three concepts: *Eurasian Development Bank* and *Eurazjatycki Bank Rozwoju* get the
    same key, *Sąd Najwyższy Pakistanu* gets none.
    """
    code = base_lang(lang) or ""
    if code not in _CONCEPTS:
        return None
    exact, prefixes = _CONCEPTS[code]
    skip = ACRONYM_SKIP.get(code, frozenset()) | LINK_WORDS.get(code, frozenset())
    concepts = set()
    for word in _WORD_SPLIT.split(name[:MAX_NAME_CHARS].lower()):
        if not word or word in skip:
            continue
        concept = exact.get(word) or next((c for stem, c in prefixes.get(word[:2], ()) if word.startswith(stem)),
                                          None)
        if concept is None:
            return None
        concepts.add(concept)
    return "@" + "+".join(sorted(concepts)) if len(concepts) >= MIN_CONCEPTS - 1 else None


def _types_agree(a: str, b: str) -> bool:
    return a == b or WILDCARD_TYPE in (a, b)


def _kb_contradicts(kb_id: str, etype: str) -> bool:
    """Whether a KB link cannot be right for a mention of this type (a person linked to a place, the
    continent *Asia* for *Asia* Bibi): such links are ignored rather than allowed to merge entities."""
    return etype in KB_NAMESPACE_NOT.get(_kb_pair(kb_id)[0], frozenset())


def _kb_pair(kb_id: str) -> tuple[str, str]:
    """Split ``"iso:KZ"`` into (``"iso"``, ``"KZ"``); an id without namespace goes under ``"kb"``."""
    ns, sep, value = kb_id.partition(":")
    return (ns, value) if sep and ns and value else ("kb", kb_id)


@dataclass
class _Name:
    """All the keys of one written form in one language."""

    surface: str
    lang: str | None
    keys: frozenset[str]  # name keys: folded, unfolded, from the recogniser's lemma
    spelling: str
    phonetic: str
    tokens: tuple[str, ...]  # name-key tokens of the folded form
    acronym: str | None
    concepts: str | None  # institution concept bag (concept_key)
    script: str  # ISO 15924 code (script_of)
    qualifier: str  # a trailing parenthesised qualifier (:func:`_qualifier_of`; "" without one)
    core: str  # the name without its qualifier, in given-name-first order
    year: int | None = None  # the one year an event title names (:func:`title_year`)
    title: TitleParts | None = None  # what an event title says (:func:`title_parts`)

    @cached_property
    def readings(self) -> tuple[tuple[str, str], ...]:
        """(phonetic key, spelling key) of a Latin name read as Cyrillic transcribes it (:func:`latin_readings`), or
        of a Ukrainian or Belarusian one read as Russian writes it (:data:`CYRILLIC_READINGS`: *Нетаньягу* as
        *Нетаньяху*)."""
        if self.acronym or self.script not in ("Latn", "Cyrl"):
            return ()
        key, lang = " ".join(self.tokens), base_lang(self.lang)
        if self.script == "Latn":
            return latin_readings(key, lang)
        reads = _letter_reads(key, CYRILLIC_READINGS.get(lang or "", ()))
        return tuple(dict.fromkeys((phonetic_key(read), spelling_key(read)) for read in reads))

    @cached_property
    def surname_forms(self) -> tuple[str, ...]:
        """The last word of the name, and for a Ukrainian or Belarusian one its reading as Russian writes it
        (:data:`CYRILLIC_READINGS`): the surnames a cluster's full names are compared by
        (:meth:`_Cluster.conflicts`)."""
        last = self.tokens[-1]
        rules = CYRILLIC_READINGS.get(base_lang(self.lang) or "", ()) if self.script == "Cyrl" else ()
        reads = _letter_reads(last, rules)
        return (last, *reads)

    @cached_property
    def last_words(self) -> tuple[str, ...]:
        """The last word of the name key, and of a Latin name's :func:`unrespelled_key` where that differs (Polish
        *Brechtholza*: *brekhtholz* and *brechtholz*): the surnames a person's name is linked by
        (:meth:`_Clustering._link_surnames`); none for a name without words."""
        if not self.tokens:
            return ()
        last = self.tokens[-1]
        other = unrespelled_key(self.core, self.lang) if self.script == "Latn" else None
        word = other.split()[-1] if other else last
        return (last,) if word == last else (last, word)

    @cached_property
    def unfolded(self) -> tuple[str, str] | None:
        """(phonetic key, spelling key) of a name outside the Latin script without its inflection folded, when
        folding changed them: *Ибрагим* folds to *Ибраг* (as if *-им* were a case ending) but is what a Latin
        *Ibrahim* reads as (:attr:`readings`); None otherwise."""
        if self.script == "Latn" or self.acronym or not self.lang:
            return None
        plain = (phonetic_key(self.core), spelling_key(self.core))
        return plain if plain[0] and plain[0] != self.phonetic else None

    @cached_property
    def sounds(self) -> str:
        """Consonant skeleton of the whole name (:func:`sound_skeleton`); computed only when needed."""
        return sound_skeleton(self.core, self.lang)

    @cached_property
    def sound_shape(self) -> Shape:
        """(:attr:`sounds`, script, :func:`_word_initials`, :func:`coda_free_skeleton`): what :func:`_loose_ratio`
        compares."""
        return _shape(self.core, self.lang, self.script, self.tokens)

    @cached_property
    def coda_free_loose(self) -> str:
        """The loose blocking key of the name read without its coda *r* (:func:`coda_free_skeleton`), "" when that
        is no other key: a name in an exact script also meets its spellings in :data:`NON_RHOTIC_SCRIPTS` by it."""
        free = _coda_free_loose(self.sound_shape)
        return free if free != self.loose else ""

    @cached_property
    def loose(self) -> str:
        """The loose blocking key (:func:`_loose_of`); computed only when needed."""
        return _loose_of(self.core, self.lang)

    @cached_property
    def reading_shapes(self) -> tuple[tuple[str, Shape], ...]:
        """(loose key, shape) of the name under its other readings (:func:`_reading_shapes`); computed only when
        needed."""
        return () if self.acronym else _reading_shapes(self.core, self.lang, self.script)

    @classmethod
    def of(cls, surface: str, lang: str | None, lemma: str | None = None, etype: str = WILDCARD_TYPE) -> _Name:
        """The keys of a written name; ``etype`` (the mention's type) decides whether *Surname, Given* may be
        a person's name in reference order: only for persons and untyped names (*Paris, Texas* is a place)."""
        surface = " ".join(surface[:MAX_NAME_CHARS].split())
        core = _QUALIFIER_RE.sub("", surface) or surface  # the qualifier says which bearer, not the name
        tail = surface[len(core):]
        qualifier = _qualifier_of(tail.strip(" ()"), lang) if tail else ""
        if core.count(",") == 1:  # "Abe, Shinzo" -> "Shinzo Abe" (reference-work order)
            last, first = (p.strip() for p in core.split(","))
            if (last and first and len(last.split()) <= 3 and len(first.split()) <= 2
                    and etype in ("PER", WILDCARD_TYPE) and _given_like(first, lang)):
                core = f"{first} {last}"
                surface = core + tail
        core = _regnal_last(_without_patronymic(core))
        folded = name_key(core, lang)
        keys = {folded, name_key(core, None)}
        script = script_of(core)
        if script == "Latn" and (unrespelled := unrespelled_key(core, lang)):  # Brechtholza (pl) meets Brechtholz
            keys.add(unrespelled)
        plain = _without_middle_initial(core)
        if plain != core:  # "Carla M. Ortiz" also meets "Carla Ortiz"
            keys.add(name_key(plain, lang))
        if etype in ("PER", WILDCARD_TYPE):  # "Carolyn Ruth Bertozzi" also meets "Carolyn Bertozzi"
            keys.update(_one_given_name_keys(core, lang))
        if lemma:
            keys.add(name_key(lemma, lang))
        pinyin = _pinyin_key(core, folded, script)
        if pinyin:  # 习近平 meets Xi Jinping
            keys.add(pinyin)
        acronym = acronym_key(surface)
        if acronym:  # एससीओ meets SCO
            keys.add(acronym.lower())
        dated = any(c.isdigit() for c in surface)
        title = None
        if title_words(surface)[2]:  # names a kind of happening: an event title (most names do not)
            title = title_parts(surface, lang) if dated else undated_title_parts(surface, lang)
            if title:  # a translated event title: its year (a qualifier's too: "... (2023)"), places and kind
                keys.update(title_keys(surface, lang))
            named = named_kind_key(surface) if len(folded.split()) < 4 else None
            if named:  # a storm: its kind and its own name (Hurricane Ian, Ян (ураган))
                keys.add(named)
                keys.update(named_kind_sound_keys(surface, lang))  # ... and its sound in any script (Циклон Зелморра)
            own = title_name_key(surface, lang) if len(folded.split()) > 1 else None
            if own:  # an event title's own rare name (Kanjuruhan Stadium disaster, Bousculade du stade Kanjuruhan)
                keys.add(own)
            keys.update(title_sound_keys(surface, lang))  # ... and its sound in any script (칸주루한 스타디움 참사)
        flight = flight_key(surface) if dated else None
        if flight:  # an air accident by its flight number (Norvane Air Flight 357, 诺万航空357号班机空难)
            keys.add(flight)
        year = title_year(surface) if dated else None
        keys.discard("")
        return cls(surface, lang, frozenset(keys), spelling_key(core, lang), phonetic_key(core, lang),
                   tuple(folded.split()), acronym, concept_key(core, lang) if len(folded) > 1 else None,
                   script, qualifier, core, year, title)


def _letter_reads(key: str, rules: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """A name key read with each rule's letters as its other sound, for each rule whose letters it has: the letter
    readings of :data:`CYRILLIC_READINGS` (Ukrainian *netanyag* -> *netanyakh*) and :data:`LOSSY_READINGS` (Arabic
    *dzhwnr* -> *gwnr*)."""
    return tuple(dict.fromkeys(key.replace(letters, sound) for letters, sound in rules if letters in key))


_INITIAL_RE = re.compile(r"[^\W\d_]\.?")
_READING_RULES = tuple(tuple((re.compile(pattern), sound) for pattern, sound in rules) for rules in LATIN_READINGS)
_LANG_READING_RULES = {lang: (tuple((re.compile(pattern), sound) for pattern, sound in rules),)
                       for lang, rules in LATIN_READINGS_BY_LANG.items()}


@lru_cache(maxsize=1 << 16)
def latin_reading_keys(key: str, lang: str | None = None) -> tuple[str, ...]:
    """Each reading of a Latin name key as other scripts transcribe it that changes something
    (:data:`LATIN_READINGS`: *george hollins* -> *dzhordzh khollins*, as *Джордж Холлинс*; *ibrahim* -> *ibragim*;
    for a name seen in a language of :data:`LATIN_READINGS_BY_LANG`, also as its orthography sounds: French
    *annie ernaux* -> *ani erno*, as *Анні Ерно*; for a name in pinyin, its Palladius transcription:
    *xi jinping* -> *si tszinpin*, as *Си Цзиньпин*)."""
    reads = _read(key)
    chinese = palladius(key)
    if chinese:  # a name in pinyin, as Russian and Ukrainian news write it (Xi Jinping, Си Цзиньпин)
        reads.append(name_key(chinese, PALLADIUS_LANG))
    for rules in _LANG_READING_RULES.get(lang or "", ()):
        read = key
        for pattern, sound in rules:
            read = pattern.sub(sound, read)
        reads.append(read)
    return tuple(dict.fromkeys(read for read in reads if read != key))


@lru_cache(maxsize=1 << 16)
def latin_readings(key: str, lang: str | None = None) -> tuple[tuple[str, str], ...]:
    """(phonetic key, spelling key) of each of :func:`latin_reading_keys`: what the stricter keys compare."""
    return tuple(dict.fromkeys((phonetic_key(read), spelling_key(read)) for read in latin_reading_keys(key, lang)))


def _read(key: str) -> list[str]:
    """The key under each rule set of :data:`LATIN_READINGS`."""
    out = []
    for rules in _READING_RULES:
        read = key
        for pattern, sound in rules:
            read = pattern.sub(sound, read)
        out.append(read)
    return out


def _pinyin_key(core: str, folded: str, script: str) -> str | None:
    """``py:`` + the pinyin letters of a name in Chinese characters (anyascii reads them in Hanyu Pinyin), or of a
    Latin name key that is a run of pinyin syllables (:func:`palladius`), words run together: 习近平 and *Xi
    Jinping* meet. None for other names."""
    if not core or len(core) > MAX_PINYIN_NAME or (core.isascii() and " " not in core):
        return None  # one Latin word: no Chinese name is given a key on a single pinyin word
    if script == "Hani":
        letters = "".join(c for c in anyascii(core).lower() if c.isalnum())
        return f"py:{letters}" if letters.isascii() and letters.isalpha() else None
    if script == "Latn" and 1 < len(folded.split()) <= 3 and palladius(folded):
        return "py:" + folded.replace(" ", "")
    return None


def _qualifier_of(text: str, lang: str | None) -> str:
    """The comparison form of a qualifier: ``!`` + name key for a name (*(Time)*, *(Financial Times)*), else
    ``lang:`` + name key for a descriptor (*(politician)*, *(місто)*, *(järjestö)*), which is translated."""
    key = name_key(text, None)
    if not key:
        return ""
    return f"!{key}" if text[:1].isupper() else f"{base_lang(lang) or ''}:{key}"


def _qualifiers_clash(a: set[str], b: set[str]) -> bool:
    """Whether two clusters' qualifiers say two bearers: they share none, and some pair of them is comparable
    (two names, or two descriptors of one language). Descriptors of two languages (*(місто)*, *(горад)*: one
    city) are translations, not disagreements."""
    if not a or not b or a & b:
        return False
    return any((x[0] == "!") == (y[0] == "!") and (x[0] == "!" or x.split(":", 1)[0] == y.split(":", 1)[0])
               for x in a for y in b)




@lru_cache(maxsize=256)
def _org_head_words(lang: str) -> frozenset[str]:
    """Words that head an organisation's name (:data:`ORG_HEADS`) in ``lang``, in English and in every language:
    asked of every name whose words may be a person's."""
    return ORG_HEADS["*"] | ORG_HEADS["en"] | ORG_HEADS.get(lang, frozenset())


def _given_like(part: str, lang: str | None) -> bool:
    """Whether the part after the comma of *Surname, Given* can be given names: initials (*J.*) or capitalised
    words that are not organisation words (:data:`ORG_HEADS`: *Inc*, *Ltd*, *GmbH*) and end in no period or
    capitals (*Apple, Inc.*, *Siemens, AG* are companies, not persons to turn round); words of caseless
    scripts only need to be letters."""
    heads = _org_head_words(base_lang(lang) or "")
    for word in part.split():
        if _INITIAL_RE.fullmatch(word):
            continue
        letters = word.replace("-", "").replace("'", "")
        if not letters or not all(unicodedata.category(c)[0] in "LM" for c in letters) or word.lower() in heads:
            return False
        if letters.lower() != letters.upper() and not (word[:1].isupper() and not letters.isupper()):
            return False
    return True


def _without_patronymic(core: str) -> str:
    """The name without a patronymic (:data:`PATRONYMIC_ENDINGS`): *Anna Pavlovna Sidorova* -> *Anna Sidorova*;
    a trailing one marks the reference order surname-given-patronymic (*Sidorova Anna Pavlovna* -> *Anna
    Sidorova*). Names of fewer than three words are returned as they are."""
    words = core.split(" ")
    if len(words) < 3:
        return core
    if words[-1].lower().endswith(PATRONYMIC_ENDINGS) and len(words) == 3:
        return f"{words[1]} {words[0]}"
    kept = [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and w.lower().endswith(PATRONYMIC_ENDINGS))]
    return " ".join(kept) if len(kept) >= 2 else core


_ROMAN = {"I": 1, "V": 5, "X": 10}
_REGNAL_SUFFIX = "|".join(map(re.escape, REGNAL_NUMBER_SUFFIXES))
_REGNAL_RE = re.compile(r"^(?:(X{0,3}(?:IX|IV|V?I{0,3}))(?:-[^\W\d_]{1,3})?|([1-9][0-9]?)(?:\.|"
                        + _REGNAL_SUFFIX + "))$")
_YEAR_LIKE_RE = re.compile(r"\d{3}")
_CJK_REGNAL_RE = re.compile(f"(.{{2,}}?)([{''.join(CJK_NUMERALS)}]{{1,3}})世")


def _regnal_last(core: str) -> str:
    """A regnal or serial number at either end of a name, as digits at its end: *Elisabeta a II-a*, *II Elisabet*,
    *Papa Benedict al XVI-lea*, *교황 베네딕토 16세* and *Elizabeth II* -> *Elizabeth 2*-like names, *Artemis I* ->
    *Artemis 1*. Some languages add what others leave out, and that is dropped too: the ordinal's article or
    suffix, a territorial tail after the number (*Elizabeth 2. af Storbritannien*, *Charles III van die Verenigde
    Koninkryk*: a lower-case word follows it) and a leading style (:data:`REGNAL_STYLES`: *Pope*, *Queen*).
    Names of one word are returned as they are."""
    core = _worded_regnal(core)
    words = core.split(" ")
    if len(words) < 2 or _YEAR_LIKE_RE.search(core):  # "6. helmikuuta 2023" is a date
        return core
    for k in (-1, 0, *range(1, len(words) - 1)):
        match = _REGNAL_RE.match(words[k])
        if not match or not (match.group(1) or match.group(2)):
            continue
        if 0 < k < len(words) - 1 and not words[k + 1][:1].islower():
            continue  # a number inside a name is regnal only before a territorial tail ("af Storbritannien")
        number = int(match.group(2)) if match.group(2) else _roman(match.group(1))
        rest = words[1:] if k == 0 else words[:k]
        if k != 0 and len(rest) > 1 and len(rest[-1]) <= 2 and rest[-1].islower():
            rest = rest[:-1]  # Romanian "a II-a", "al XVI-lea": the ordinal's article
        return _numbered(rest, number)
    return core


def _numbered(rest: list[str], number: int) -> str:
    """A regnal name as compared: its words without a leading style (:data:`REGNAL_STYLES`: *Pope*, *Queen*,
    *پاپ*), then the number."""
    if len(rest) > 1 and rest[0].lower() in REGNAL_STYLES:
        rest = rest[1:]
    return " ".join([*rest, str(number)])


def _worded_regnal(core: str) -> str:
    """A regnal ordinal written in words (:data:`REGNAL_ORDINAL_WORDS`: *إليزابيث الثانية*) or as Chinese numerals
    before 世 (*伊莉莎白二世*) written as a number after the name (*إليزابيث 2*, *伊莉莎白 2*); else the name."""
    words = core.split(" ")
    for n in (2, 1):
        if len(words) > n and (number := REGNAL_ORDINAL_WORDS.get(" ".join(words[-n:]))):
            return _numbered(words[:-n], number)  # پاپ بندیکت شانزدهم: Pope Benedict XVI
    match = _CJK_REGNAL_RE.fullmatch(core)
    if match:
        digits = [CJK_NUMERALS[c] for c in match.group(2)]
        number = digits[0] if len(digits) == 1 else (
            (digits[0] if digits[0] != 10 else 1) * 10 + (digits[-1] if digits[-1] != 10 else 0))
        return f"{match.group(1)} {number}"
    return core


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def _one_given_name_keys(core: str, lang: str | None) -> set[str]:
    """Name keys of a three-word personal name with one of its two given names left out (*Carolyn Ruth Bertozzi*
    -> *Carolyn Bertozzi*, *Ruth Bertozzi*): most spellings name a person by one given name and the surname, and
    which one varies (*Karl Barry Sharpless* is *Barry Sharpless* in Russian). Only for names of three capitalised
    words of letters none of which heads an organisation's name (:data:`ORG_HEADS`: *Silicon Valley Bank* is no
    *Valley Bank*); otherwise none. Places are not ruled out: given names often are towns' names too (*Barry*)."""
    words = core.split(" ")
    if len(words) != 3 or not all(len(w) > 1 and w.isalpha() and w[0].isupper() and not w.isupper() for w in words):
        return set()
    heads = _org_head_words(base_lang(lang) or "")
    if any(w.lower().startswith(h) for w in words for h in heads):
        return set()
    return {name_key(f"{words[0]} {words[2]}", lang), name_key(f"{words[1]} {words[2]}", lang)}


def _without_middle_initial(core: str) -> str:
    """The name without its one middle initial (*Carla M. Ortiz* -> *Carla Ortiz*), else the name itself.

    Two initials are kept: dropping them would make *George H. W. Bush* the *George Bush* that *George W. Bush*
    also becomes."""
    words = core.split(" ")
    middle = [k for k, w in enumerate(words[1:-1], 1) if len(w.rstrip(".")) == 1 and w[0].isupper()]
    if len(words) < 3 or len(middle) != 1 or len(words[0].rstrip(".")) == 1:
        return core
    return " ".join(w for k, w in enumerate(words) if k != middle[0])


def _loose_of(core: str, lang: str | None) -> str:
    """:func:`loose_key` of a name, "" when it mixes two lossy scripts (junk, not a spelling)."""
    if sum(script not in EXACT_SCRIPTS for script in _script_counts(core)) > 1:
        return ""
    return loose_key(core, lang)


@dataclass
class _Unit:
    """The mentions of one name (and its inflections) in one article."""

    article_id: str
    mentions: list[Mention] = field(default_factory=list)
    names: list[_Name] = field(default_factory=list)
    types: Counter[str] = field(default_factory=Counter)
    kb_ids: set[str] = field(default_factory=set)
    kb_names: Counter[str] = field(default_factory=Counter)  # recogniser lemmas of KB-linked mentions

    @property
    def type(self) -> str:
        return max(self.types, key=lambda t: (self.types[t], t)) if self.types else WILDCARD_TYPE

    @property
    def longest(self) -> _Name:
        """The fullest name; a given name with a patronymic (:func:`_patronymic_address`) only when the unit has
        no other: *Rustama Kajratowicza* is an address of *Rustam Sarajew*, not his full name."""
        return max(self.names, key=lambda n: (not _patronymic_address(n.tokens), len(n.tokens), len(n.spelling),
                                              n.spelling))

    def absorb(self, other: _Unit) -> None:
        self.mentions += other.mentions
        self.names += other.names
        self.types.update(other.types)
        self.kb_ids |= other.kb_ids
        self.kb_names.update(other.kb_names)


@dataclass
class _Record:
    """What the index knows about one entity beyond the :class:`Entity` itself."""

    entity: Entity
    spellings: set[str] = field(default_factory=set)  # spelling keys, for fuzzy checks on phonetic matches
    latin_spellings: set[str] = field(default_factory=set)  # those of its Latin names
    reading_spellings: set[str] = field(default_factory=set)  # of its Latin names' readings (_Name.readings)
    full_names: set[tuple[str, ...]] = field(default_factory=set)  # multi-word PER name-key tokens
    surnames: set[str] = field(default_factory=set)  # last words of full names in exact scripts (Latin, Cyrillic)
    surname_spellings: set[str] = field(default_factory=set)
    sounds: set[Shape] = field(default_factory=set)  # (sound skeleton, script, initials, coda-free), loose names
    scripted_names: set[tuple[tuple[str, ...], str]] = field(default_factory=set)  # PER full-name tokens, script
    years: set[int] = field(default_factory=set)  # years its event titles name (_Name.year)
    titles: set[TitleParts] = field(default_factory=set)  # what its event titles say (_Name.title)


class EntityIndex:
    """Entities indexed by KB id, name key, phonetic key and surname, for look-ups by key.

    Build it once from the known entities (``EntityIndex(known)``); a store may keep it between batches
    and pass it to :func:`canonicalize`, which adds the new entities and variants to it.
    """

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.records: dict[str, _Record] = {}
        self.by_kb: dict[str, str] = {}
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.by_phonetic: dict[str, set[str]] = defaultdict(set)
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        # loose key and its one-deletion variants -> ids, for names in lossy scripts and for the others apart:
        # a name in an exact script looks only among the (few) lossy ones; the exact ones are indexed on the
        # first look-up by a lossy name, so a Latin/Cyrillic-only corpus never pays for them
        self.by_loose: dict[bool, dict[str, set[str]]] = {True: defaultdict(set), False: defaultdict(set)}
        self._exact_loose_pending: list[tuple[str, str]] = []
        load_kb()  # unlinked names are looked up in the gazetteer (entities_titles): loaded with the index
        for entity in entities:
            self.add_entity(entity)
        # an index lives across batches (kept by the caller or by canonicalize): out of the collector's full
        # passes, which otherwise walk its records after every batch (store-like calls against 100,000
        # entities: 57 -> 79 articles/s in bench_canonical)
        freeze_long_lived()

    def add_entity(self, entity: Entity) -> _Record:
        """Index an entity and all its variants (re-adding a known id keeps the first)."""
        record = self.records.get(entity.id)
        if record is None:
            record = self.records[entity.id] = _Record(entity)
        for ns, value in entity.kb_ids.items():
            self.by_kb.setdefault(f"{ns}:{value}", entity.id)
        for variant in entity.variants:
            self.add_name(record, _Name.of(variant.name, variant.lang, etype=entity.type))
        return record

    def add_name(self, record: _Record, name: _Name) -> None:
        eid = record.entity.id
        if name.year:
            record.years.add(name.year)
        if name.title:
            record.titles.add(name.title)
        for key in name.keys:
            self.by_key[key].add(eid)
        if name.concepts:
            self.by_key[name.concepts].add(eid)
        if name.phonetic:
            self.by_phonetic[name.phonetic].add(eid)
            record.spellings.add(name.spelling)
            if name.script == "Latn":
                record.latin_spellings.add(name.spelling)
        if name.unfolded and _fuzzy_candidate(name, record.entity.type):
            self.by_phonetic[name.unfolded[0]].add(eid)
            record.spellings.add(name.unfolded[1])
        if name.readings and _fuzzy_candidate(name, record.entity.type):
            for phonetic, spelling in name.readings:
                self.by_phonetic[phonetic].add(eid)
                record.reading_spellings.add(spelling)
        if len(name.tokens) > 1 and record.entity.type == "PER":
            record.full_names.add(name.tokens)
            record.scripted_names.add((name.tokens, name.script))
            if name.script in EXACT_SCRIPTS:
                record.surnames.update(name.surname_forms)
        if record.entity.type == "PER":
            for surname in name.last_words:
                record.surname_spellings.add(spelling_key(surname))
                self.by_surname[phonetic_key(surname)].add(eid)
        if name.script in EXACT_SCRIPTS:
            if not name.acronym and not (record.entity.type == "PER" and len(name.tokens) == 1):
                self._exact_loose_pending.append((name.core, name.lang, eid))
        elif _loose_candidate(name, record.entity.type) and name.sound_shape not in record.sounds:
            record.sounds.add(name.sound_shape)
            for key in _deletions(name.loose):
                self.by_loose[True][key].add(eid)
            for loose, shape in name.reading_shapes:
                record.sounds.add(shape)
                for key in _deletions(loose):
                    self.by_loose[True][key].add(eid)

    def loose_table(self, lossy: bool) -> dict[str, set[str]]:
        """The loose-key index of names in lossy scripts (``lossy``) or in exact ones (built when first asked)."""
        if not lossy and self._exact_loose_pending:
            table = self.by_loose[False]
            for core, lang, eid in self._exact_loose_pending:
                loose = _loose_of(core, lang)
                script = script_of(core)
                sounds = _shape(core, lang, script, tuple(name_key(core, lang).split()))
                record = self.records[eid]
                if len(loose) >= LOOSE_MIN_LEN and sounds not in record.sounds:
                    record.sounds.add(sounds)
                    free = _coda_free_loose(sounds)
                    for key in {*_deletions(loose), *(_deletions(free) if free else ())}:
                        table[key].add(eid)
                for read_loose, read_sounds in _reading_shapes(core, lang, script):
                    if read_sounds not in record.sounds:
                        record.sounds.add(read_sounds)
                        for key in _deletions(read_loose):
                            table[key].add(eid)
            self._exact_loose_pending.clear()
        return self.by_loose[lossy]

    def add_kb(self, record: _Record, kb_id: str) -> None:
        ns, value = _kb_pair(kb_id)
        record.entity.kb_ids.setdefault(ns, value)
        self.by_kb.setdefault(kb_id, record.entity.id)


def _mention_lang(article: Article, mention: Mention) -> str | None:
    """The language around a mention: its segment's when known (tweets inside a Hindi article), else the article's."""
    for seg in article.segments:
        if seg.start <= mention.start < seg.end and seg.lang and seg.lang != "und" and seg.kind != "paragraph":
            return seg.lang
    return article.lang


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names' given names can be the same person's (*Dzhamil*/*Jamil*, *A.*/*Anna*)."""
    given_a, given_b = a[:-1], b[:-1]
    if not given_a or not given_b:
        return True
    for x in given_a:
        for y in given_b:
            if (len(x) == 1 or len(y) == 1) and x[0] == y[0]:
                return True
            if any(_given_alike(rx, ry) for rx in _j_readings(x) for ry in _j_readings(y)):
                return True
    return False


def _given_alike(x: str, y: str) -> bool:
    """Two given-name words (name-key tokens) spelled alike, or one's consonant skeleton starting the other's."""
    if fuzz.ratio(spelling_key(x), spelling_key(y)) >= GIVEN_RATIO or _skeleton_prefix(x, y):
        return True
    short, long_ = sorted((loose_key(x), loose_key(y)), key=len)
    if len(short) < 3:
        return False
    if short == long_:  # Marko and Hangul's maleuko
        return True
    # a syllabary drops a consonant of a cluster: Robert and Chinese luobote (rbrt, rbt)
    return len(long_) == len(short) + 1 and short in _deletions(long_)


@lru_cache(maxsize=1 << 16)
def _j_readings(token: str) -> tuple[str, ...]:
    """A name-key word, plus its readings with a Latin *j* as the other sounds it stands for
    (:data:`LATIN_J_READINGS`: a Spanish article's English *James* meets Cyrillic *Джеймс*), its English
    readings as Cyrillic transcribes Latin names (:data:`LATIN_READINGS`: *George* meets *Джордж*) and the readings
    of lossy scripts' letters (:data:`LOSSY_READINGS`: Arabic ج as *g*, *Gunnar* meets جونار)."""
    readings = [token, *(token.replace("j", sound) for sound in LATIN_J_READINGS if "j" in token)]
    readings += _letter_reads(token, (rule for rules in LOSSY_READINGS.values() for rule in rules))
    return tuple(dict.fromkeys([*readings, *_read(token)]))


@lru_cache(maxsize=1 << 16)
def _surnames_compatible(x: str, y: str) -> bool:
    """Whether two surnames (name-key words of exact-script full names) can be one person's: the same consonant
    skeleton, similar spellings, or one skeleton starting the other (an inflected or cut form), also with one of
    them read as Cyrillic transcribes it (:func:`_j_readings`: *Vierkotten* and *Фиркоттен*)."""
    return any(_surnames_alike(rx, y) for rx in _j_readings(x)) or any(_surnames_alike(x, ry) for ry in _j_readings(y))


def _surnames_alike(x: str, y: str) -> bool:
    return phonetic_key(x) == phonetic_key(y) or _similar(spelling_key(x), spelling_key(y)) or _skeleton_prefix(x, y)


def _skeleton_prefix(x: str, y: str) -> bool:
    """One given name's consonant skeleton starts the other's (*Rus*, an over-folded *Rustam*, and *Rostam*: rs/rstm).

    The shorter skeleton needs two consonants, so *Anna* (n) does not fit every *Andrzej* (ndrs).
    """
    px, py = phonetic_key(x).removeprefix("a"), phonetic_key(y).removeprefix("a")
    short, long_ = sorted((px, py), key=len)
    return len(short) >= 2 and long_.startswith(short)


def _fuzzy_candidate(name: _Name, etype: str) -> bool:
    """Whether a name takes part in the phonetic-key pass: not an acronym, not a bare surname."""
    return not name.acronym and not (etype == "PER" and len(name.tokens) == 1)


def _loose_candidate(name: _Name, etype: str) -> bool:
    """Whether a name takes part in loose cross-script linking: long enough, not an acronym, not a bare
    surname (those only join full names, :meth:`_Clustering._link_surnames`)."""
    return (len(name.loose) >= LOOSE_MIN_LEN and not name.acronym
            and not (etype == "PER" and len(name.tokens) == 1))


#: (sound skeleton, ISO 15924 script, word initials, coda-free skeleton or ""): what loose linking compares.
Shape = tuple[str, str, str, str]


def _shape(core: str, lang: str | None, script: str, tokens: tuple[str, ...]) -> Shape:
    """The :data:`Shape` of a name; the coda-free skeleton (:func:`coda_free_skeleton`) only for names in exact
    scripts, the only ones compared by it."""
    free = coda_free_skeleton(core, lang) if script in EXACT_SCRIPTS else ""
    return sound_skeleton(core, lang), script, _word_initials(tokens), free


@lru_cache(maxsize=1 << 16)
def _reading_shapes(core: str, lang: str | None, script: str) -> tuple[tuple[str, Shape], ...]:
    """(loose key, :data:`Shape`) of a name under each of its other readings whose loose key is long enough to block
    by: loose linking also compares those. A Latin name under :func:`latin_reading_keys`, so that a name written in
    its own orthography meets its transcriptions into abjads and syllabaries (an invented French *Jacques Giraud*
    read *zhak zhiro*: جاك جيرو; a Norwegian article's *Jamal Jabari* read as English reads its *j*: جمال جباري); a
    name in a lossy script under :data:`LOSSY_READINGS` (Arabic ج as *g*: بيرجليند, *Berglind*)."""
    key = name_key(core, lang)
    if script == "Latn":
        reads: Iterable[str] = latin_reading_keys(key, base_lang(lang))
    else:
        reads = _letter_reads(key, LOSSY_READINGS.get(script, ()))
    out = []
    for read in reads:
        shape = _shape(read, None, script, tuple(read.split()))
        loose = fold_classes(shape[0], ALL_SOUND_CLASSES)
        if len(loose) >= LOOSE_MIN_LEN:
            out.append((loose, shape))
    return tuple(out)


def _coda_free_loose(shape: Shape) -> str:
    """The loose blocking key of a shape's coda-free skeleton (every class folded, as :func:`loose_key`), "" when it
    has none or it is too short to block by."""
    free = fold_classes(shape[3], ALL_SOUND_CLASSES) if shape[3] else ""
    return free if len(free) >= LOOSE_MIN_LEN else ""


def _word_initials(tokens: Iterable[str]) -> str:
    """The first consonant of each word's :func:`sound_skeleton` ("_" for none): the shape of a name."""
    return "".join(sound_skeleton(t)[:1] or "_" for t in tokens)


def _loose_ratio(a: Shape, b: Shape) -> float:
    """:func:`_shape_ratio` of two shapes; when one is in an exact script and the other in a script of
    :data:`NON_RHOTIC_SCRIPTS`, also with the exact one's coda-free skeleton (*Metcalfe* as *Metcalfe*
    without its *r*: 罗伯特·梅特卡夫), whichever is higher."""
    ratio = _shape_ratio(a, b)
    for x, y in ((a, b), (b, a)):
        if x[3] and x[1] in EXACT_SCRIPTS and y[1] in NON_RHOTIC_SCRIPTS:
            ratio = max(ratio, _shape_ratio((x[3], *x[1:]), y))
    return ratio


def _shape_ratio(a: Shape, b: Shape) -> float:
    """Similarity (0-100) of two (sound skeleton, script, word initials) triples compared with the consonant classes
    their scripts lose folded; 0 when both scripts are romanised closely (the stricter keys decide those), when
    both are in one script that spells a name one way (:data:`SAME_SCRIPT_LOOSE`), when their digits differ
    (*2022* and *2023* events), when they start differently or when a folded skeleton is too short to tell:
    the more classes are folded, the longer it must be, unless one is in an exact script and both names have
    the same number of words (two or more) starting with the same consonant classes (*Svenna Pobo* and
    스벤나 포보), a shape chance seldom repeats; and 0 when :data:`SHAPE_CLASSES` or more classes are folded
    and the word counts differ (a folded Tamil skeleton fits too many names of another length)."""
    (sa, script_a, initials_a, _free_a), (sb, script_b, initials_b, _free_b) = a, b
    if script_a in EXACT_SCRIPTS and script_b in EXACT_SCRIPTS:
        return 0.0
    if script_a == script_b and script_a not in SAME_SCRIPT_LOOSE:
        return 0.0
    classes = SCRIPT_LOSSES.get(script_a, frozenset()) | SCRIPT_LOSSES.get(script_b, frozenset())
    digits_a, ka = _digits_and_folded(sa, classes)
    digits_b, kb = _digits_and_folded(sb, classes)
    if digits_a != digits_b or not ka or not kb or ka[0] != kb[0]:
        return 0.0
    shortest = min(len(ka), len(kb))
    if shortest < LOOSE_MIN_LEN + LOOSE_LEN_PER_CLASS * len(classes) and not (
            shortest >= LOOSE_MIN_LEN and _shaped_alike(a, b, classes)):
        return 0.0
    if len(classes) >= SHAPE_CLASSES and len(initials_a) != len(initials_b):
        return 0.0
    return fuzz.ratio(ka, kb)


def _shaped_alike(a: Shape, b: Shape, classes: frozenset[str]) -> bool:
    """Whether one of two names is in an exact script and both have as many words (two or more), starting with the
    same consonant classes once ``classes`` are folded: a shape chance seldom repeats, so a shorter folded skeleton
    may tell them (asked only of pairs too short for the plain bar)."""
    (_sa, script_a, initials_a, _free_a), (_sb, script_b, initials_b, _free_b) = a, b
    return bool(EXACT_SCRIPTS & {script_a, script_b}) and len(initials_a) == len(initials_b) > 1 and all(
        fold_classes(x, classes) == fold_classes(y, classes) for x, y in zip(initials_a, initials_b, strict=True))


@lru_cache(maxsize=1 << 18)
def _digits_and_folded(skeleton: str, classes: frozenset[str]) -> tuple[str, str]:
    """A sound skeleton's digits, and its letters with ``classes`` folded: what :func:`_shape_ratio` compares, worked
    out once per skeleton and script pair (a name in a lossy script meets thousands of known shapes in a large
    store, most of them again and again)."""
    return "".join(c for c in skeleton if c.isdigit()), fold_classes("".join(c for c in skeleton if not c.isdigit()),
                                                                      classes)


def _ratio_needed(a: Shape, b: Shape) -> float:
    """:data:`LOOSE_RATIO`, or :data:`LOSSY_PAIR_RATIO` when neither name is in an exact script: two lossy
    spellings of different scripts share only the classes both keep (a Tamil and an Arabic name, five)."""
    return LOOSE_RATIO if a[1] in EXACT_SCRIPTS or b[1] in EXACT_SCRIPTS else LOSSY_PAIR_RATIO


@lru_cache(maxsize=1 << 16)
def _deletions(key: str) -> tuple[str, ...]:
    """The key and every string one letter shorter, and for a key of :data:`LOOSE_TWO_EDIT_LEN` or more letters
    also every string two letters shorter: two keys within that many edits share one of these. Transcription into
    a syllabary adds a letter per consonant cluster (*Metcalfe*, 梅特卡夫: ``rbrtntkrb``, ``rbtntkb``), so a
    long name often lies two edits away; the folded-classes ratio (:func:`_loose_ratio`) still decides."""
    ones = dict.fromkeys(key[:k] + key[k + 1:] for k in range(len(key)))
    if len(key) < LOOSE_TWO_EDIT_LEN:
        return (key, *ones)
    twos = dict.fromkeys(one[:k] + one[k + 1:] for one in ones for k in range(len(one)))
    return (key, *ones, *twos)


def _transcribed_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names of one consonant skeleton, written in two scripts, are one name transcribed:
    as many words, compatible given names and surnames spelled alike at :data:`GIVEN_RATIO` (short surnames
    included). Transcription changes vowels more than spelling does (*Meera Iyer* and Russian *Мира Айер*:
    *mera ier* and *mir aier*, 75 as a whole), so the whole-name :data:`MERGE_RATIO` is not asked."""
    return (len(a) == len(b) > 1 and fuzz.ratio(spelling_key(a[-1]), spelling_key(b[-1])) >= GIVEN_RATIO
            and _given_compatible(a, b))


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_LEN:
        return False
    return fuzz.ratio(a, b) >= MERGE_RATIO


def check_place_links(article: Article) -> frozenset[str]:
    """Check the article's GeoNames city links against the countries it names and those of its language
    (:func:`_place_link`); returns the countries it names (ISO codes).

    A changed link replaces the recogniser's on the mention, lemma and all. It depends on the article alone
    and changing it again changes nothing (country links are never touched), so the distributed path
    (``newsweave.batch``) applies it to the articles it writes as :func:`article_units` does here.
    """
    countries = frozenset(value for m in article.mentions if m.kb_id
                          for ns, value in [_kb_pair(m.kb_id)] if ns == "iso")
    for mention in article.mentions:
        if mention.kb_id and not _kb_contradicts(mention.kb_id, mention.type or WILDCARD_TYPE):
            kb_id = _place_link(mention.kb_id, mention, countries, home_countries(_mention_lang(article, mention)))
            if kb_id != mention.kb_id:
                mention.kb_id, mention.lemma = kb_id, None
    return countries


def article_units(article: Article) -> list[_Unit]:
    """Group one article's mentions into units (pass 1): same key, surname -> full name, acronym -> expansion."""
    units: list[_Unit] = []
    by_key: dict[tuple[str, str], _Unit] = {}
    by_kb: dict[str, _Unit] = {}
    countries = check_place_links(article)
    for mention in sorted(article.mentions, key=lambda m: (m.start, m.end)):
        mtype = mention.type or WILDCARD_TYPE
        lang = _mention_lang(article, mention)
        kb_id = mention.kb_id or _unlinked_kb(mention, mtype, lang, countries)
        kb_id = kb_id if kb_id and not _kb_contradicts(kb_id, mtype) else None
        name = _Name.of(mention.text or "", lang, mention.lemma, mtype)
        folded = name_key(name.surface, lang) or f"#{hashlib.sha1(name.surface.encode()).hexdigest()[:12]}"
        unit = by_kb.get(kb_id) if kb_id else None
        unit = unit or by_key.get((folded, mtype))
        if unit is None:
            unit = _Unit(article.id)
            units.append(unit)
        unit.mentions.append(mention)
        unit.names.append(name)
        unit.types[mtype] += 1
        by_key[(folded, mtype)] = unit
        if kb_id:
            unit.kb_ids.add(kb_id)
            by_kb[kb_id] = unit
            if mention.lemma and script_of(mention.lemma) == "Latn":
                unit.kb_names[mention.lemma] += 1
    units = _join_surnames(units)
    return _join_acronyms(article, units)


def _unlinked_kb(mention: Mention, mtype: str, lang: str | None, countries: frozenset[str]) -> str | None:
    """The KB id of a mention no recogniser linked, when its whole name is a gazetteer name (:func:`whole_name_kb`:
    *Kroatien*, *Харватыя*, *크로아티아*), checked like the recogniser's short place links (:func:`_place_link`).
    Never for persons: a person named like a place (*Asia*, *Paris*) is no place. The mention itself is left
    as it is (the batch writes the recogniser's links); only the unit carries the id."""
    if mtype == "PER" or not mention.text:
        return None
    kb_id = whole_name_kb(mention.text, lang)
    return _place_link(kb_id, mention, countries, home_countries(lang)) if kb_id else None


def _place_link(kb_id: str, mention: Mention, countries: frozenset[str], homes: frozenset[str]) -> str | None:
    """A GeoNames city or state link checked against the article's ``countries`` and its language's ``homes``
    (:func:`~newsweave.kb.places.home_countries`), which the gazetteer, one place per name, cannot know.

    A link to a place of those countries is kept. A short name's (:data:`SHORT_PLACE_LETTERS`) other city link is
    kept when the city is big (:data:`BIG_PLACE_POPULATION`) and the name sounds like its own (*Киев*, Kyiv);
    else it moves to the town of those countries that GeoNames gives exactly this name, else it is dropped: a
    short word matches too many names of far-away towns (Cyrillic *Куру* beside French Guiana is Kourou there,
    not the Japanese city Kure whose dative it looks like). A longer name's link moves only to a town whose own
    name it is (:func:`~newsweave.kb.places.own_name`), one with at least 1/:data:`HOME_TOWN_MAX_RATIO` of the
    linked city's people (Kazakh *Ақсу*, Aksu of Pavlodar region, not of Xinjiang; Polish *Jarosław*, not
    Yaroslavl) or, from a foreign state, one of :data:`HOME_TOWN_OVER_STATE_POPULATION` (Hindi *रीवा*, Rewa in
    Madhya Pradesh, not Fiji's Rewa province); else it is kept (*Александрия* in Russian stays Egypt's; a city
    of a million always does)."""
    text = mention.text or ""
    where = countries | homes
    if kb_id.startswith("iso3166-2:"):
        if place_country(kb_id) in where:
            return kb_id
        towns = [p for p in _own_places(mention, where) if p.population >= HOME_TOWN_OVER_STATE_POPULATION]
        return towns[0].kb_id if towns else kb_id
    city = place(kb_id)
    if city is None or city.country in where:
        return kb_id
    short = sum(c.isalpha() or unicodedata.category(c)[0] == "M" for c in text) <= SHORT_PLACE_LETTERS
    if city.population >= BIG_PLACE_POPULATION and (
            not short or phonetic_key(translit(text)) == phonetic_key(city.name)):
        return kb_id
    if short:
        named = places_named(text, where) or places_named(mention.lemma or text, where)
        return named[0].kb_id if named else None
    towns = [p for p in _own_places(mention, where) if p.population * HOME_TOWN_MAX_RATIO >= city.population]
    return towns[0].kb_id if towns else kb_id


def _own_places(mention: Mention, countries: frozenset[str]) -> list[Place]:
    """The towns of ``countries`` whose own name the mention's text (else its lemma) spells, biggest first."""
    for name in dict.fromkeys((mention.text or "", mention.lemma or "")):
        own = [p for p in places_named(name, countries) if own_name(name, p)] if name else []
        if own:
            return own
    return []


#: Romanised endings of patronymics in name keys (*kemelevich*, *pavlovna* and its folded *pavlovn*, *-uly*).
PATRONYMIC_KEY_ENDINGS = ("vich", "vych", "vna", "ovn", "evn", "ichna", "ichn", "uly", "qyzy")


def _join_surnames(units: list[_Unit]) -> list[_Unit]:
    """A bare surname (else a bare given name) joins the article's one full name it fits; with two, none. So does
    a given name with a patronymic (:func:`_patronymic_address`) whose given name fits one full name.

    Articles name a person in full once and then by surname ("Sarajew"), sometimes by given name
    ("Asia" for Asia Bibi); within one article the full name that fits is almost always the referent.
    """
    full = [u for u in units if u.type == "PER" and len(u.longest.tokens) > 1]
    kept = []
    for unit in units:
        name = unit.longest
        if unit.type == "PER" and len(name.tokens) == 1 and not unit.kb_ids:
            host = _only_host(full, name, -1) or _only_host(full, name, 0)
            if host is not None:
                host.absorb(unit)
                continue
        if unit.type == "PER" and not unit.kb_ids and _patronymic_address(name.tokens):
            hosts = [u for u in full if u is not unit and not _patronymic_address(u.longest.tokens)
                     and _given_compatible(name.tokens, (*u.longest.tokens[:-1], ""))]
            if len({u.longest.tokens for u in hosts}) == 1:
                hosts[0].absorb(unit)
                continue
        kept.append(unit)
    return kept


def _patronymic_address(tokens: tuple[str, ...]) -> bool:
    """Whether a name is a given name and a patronymic without a surname (*Rustama Kajratowicza*, *Анна
    Павловна*): the polite address of a person the article names in full elsewhere, whom it joins."""
    return len(tokens) >= 2 and tokens[-1].endswith(PATRONYMIC_KEY_ENDINGS)


def _only_host(full: list[_Unit], name: _Name, position: int) -> _Unit | None:
    """The one full-name unit whose word at ``position`` (-1 surname, 0 given name) is spelled like ``name``."""
    hosts = [u for u in full if any(len(n.tokens) > 1 and phonetic_key(n.tokens[position]) == name.phonetic
                                    and _similar(name.spelling, spelling_key(n.tokens[position]))
                                    for n in u.names)]
    people = {tuple(h.longest.tokens) for h in hosts}
    if hosts and all(_given_compatible(a, b) and a[-1] == b[-1] for a in people for b in people):
        return hosts[0]
    return None


def _join_acronyms(article: Article, units: list[_Unit]) -> list[_Unit]:
    """An acronym joins the article's expansion with matching initials, or the name right before "(ACR)". An
    acronym the knowledge base linked joins only the name right before it, one linked nowhere else that reads like
    a name the KB gives the acronym's entry (:func:`_reads_like_kb_name`): *Shanghai Co-operation Organisation
    (SCO)* is the Shanghai Cooperation Organisation the link names, but *Tehreek-e-Insaf (PTI)* is no
    Press Trust of India, whatever the link guessed from the letters."""
    text = article.text
    kept: list[_Unit] = []
    for unit in units:
        acr = next((n.acronym for n in unit.names if n.acronym), None)
        host = None
        if acr:
            for other in units:
                if other is unit or other.type not in ("ORG", WILDCARD_TYPE) or len(other.longest.tokens) < 2:
                    continue
                if unit.kb_ids:
                    spelled = (other.kb_ids <= unit.kb_ids and _bracketed(text, other, unit)
                               and _reads_like_kb_name(other, unit.kb_ids))
                else:
                    spelled = any(initials(n.surface, n.lang) == acr for n in other.names) or _bracketed(
                        text, other, unit)
                if spelled:
                    host = other
                    break
        if host is not None and _types_agree(host.type, unit.type):
            host.absorb(unit)
        else:
            kept.append(unit)
    return [u for u in kept if u.mentions]


#: Letters of a word compared when an expansion is checked against a KB entry's names (:func:`_reads_like_kb_name`),
#: and the shortest word compared: the stem that inflection and derivation leave (*Szanghajskiej*, *Szanghajska*;
#: *Współpracy*, *Współpraca*).
KB_NAME_STEM = 5
KB_NAME_MIN_WORD = 4


@lru_cache(maxsize=1 << 12)
def _stems(name: str) -> frozenset[str]:
    words = re.findall(r"\w+", name.casefold())
    return frozenset(without_marks(w)[:KB_NAME_STEM] for w in words if len(w) >= KB_NAME_MIN_WORD)


def _reads_like_kb_name(expansion: _Unit, kb_ids: set[str]) -> bool:
    """Whether some name of ``expansion`` shares the stems of at least half its words, and of two when it has two,
    with a name the data files give one of ``kb_ids`` (:func:`newsweave.kb.gazetteer.data_file_names`)."""
    names = data_file_names()
    known = [_stems(alias) for kb_id in sorted(kb_ids) for alias in names.get(kb_id, ())]
    for name in expansion.names:
        stems = _stems(name.surface)
        need = max(min(2, len(stems)), (len(stems) + 1) // 2)
        if stems and any(len(stems & alias) >= need for alias in known):
            return True
    return False


def _bracketed(text: str, expansion: _Unit, acronym: _Unit) -> bool:
    """Whether some mention of ``acronym`` stands in parentheses right after a mention of ``expansion``."""
    for e in expansion.mentions:
        for a in acronym.mentions:
            if 0 <= a.start - e.end <= 3 and text[e.end:a.start].strip() == "(" and text[a.end:a.end + 1] == ")":
                return True
    return False


def unit_order(unit: _Unit) -> tuple:
    """Resolution order: KB-linked first, then longer names, then the key (fixed, whatever the batch order)."""
    name = unit.longest
    return (not unit.kb_ids, -len(name.tokens), -len(name.spelling), name.spelling, unit.article_id)


def blocking_keys(unit: _Unit) -> set[str]:
    """Every key through which pass 2 can link this unit to another unit, or number it beside one.

    Distributed canonicalisation (``newsweave batch``) clusters the connected components of the unit-key
    graph one at a time; that gives the entities of clustering all units at once only if every pair of
    units the clustering compares shares a key. Hence one key per bucket of :class:`_Clustering`: KB ids;
    name keys and concept bags (the exact and bare-surname buckets); phonetic keys (``_link_fuzzy``);
    surname phonetic keys of persons (``_link_surnames``: full names and bare surnames); the one-deletion
    variants of loose cross-script keys (``_link_loose``: :func:`loose_key` folds the consonant classes of
    ``newsweave.lang.script_sounds``, so a Latin name meets its Arabic or Hangul spelling); and the
    founding key of :func:`_new_id`, so that units founding the same base id are numbered -2, -3 in one
    component as in one batch. A key shared is a possible link, never a decision; a new kind of link in
    the clustering needs its key here.

    Loose keys are ``l:…`` for names in lossy scripts and ``le:…`` for names in exact scripts (Latin,
    Cyrillic, ...): the loose pass pairs a name in an exact script with names in lossy scripts only, so a
    caller may keep an ``le:`` key only where some unit holds the same key as ``l:`` (else two Latin
    names one edit apart under all-classes folding would share a component for nothing).
    """
    keys = {f"kb:{k}" for k in unit.kb_ids}
    person = unit.type == "PER"
    for name in unit.names:
        keys.update(f"x:{k}" for k in name.keys)
        if name.concepts:
            keys.add(f"x:{name.concepts}")
        if name.phonetic:
            keys.add(f"p:{name.phonetic}")
        if name.unfolded and _fuzzy_candidate(name, unit.type):
            keys.add(f"p:{name.unfolded[0]}")
        if name.readings and _fuzzy_candidate(name, unit.type):
            keys.update(f"p:{phonetic}" for phonetic, _spelling in name.readings)
        if person:
            keys.update(f"s:{phonetic_key(last)}" for last in name.last_words)
        if _loose_candidate(name, unit.type):
            prefix = "le" if name.script in EXACT_SCRIPTS else "l"
            keys.update(f"{prefix}:{k}" for k in _deletions(name.loose))
            if name.coda_free_loose:
                keys.update(f"le:{k}" for k in _deletions(name.coda_free_loose))
            keys.update(f"{prefix}:{k}" for loose, _shape in name.reading_shapes for k in _deletions(loose))
        keys.add(f"f:{unit.type}|{name_key(name.surface, name.lang) or name.surface}")
    return keys


@dataclass
class _Node:
    """A unit of this batch or a known entity, as a member of the clustering."""

    spellings: set[str]
    known: str | None = None  # entity id when the node is a known entity


@dataclass
class _Cluster:
    """What a cluster's members jointly say: checked before two clusters may merge."""

    types: set[str]
    kb: dict[str, str]
    full_names: set[tuple[str, ...]]
    known: str | None
    qualifiers: set[str] = field(default_factory=set)  # "Memorial (society)": which bearer of the name
    surnames: set[str] = field(default_factory=set)  # of full names in exact scripts, as in _Record
    exact_sounds: set[str] = field(default_factory=set)  # sound skeletons of names in exact scripts (loose pass)
    years: set[int] = field(default_factory=set)  # of its event titles: two years, two events
    titles: set[TitleParts] = field(default_factory=set)  # of its event titles: all must agree

    def conflicts(self, other: _Cluster) -> bool:
        if self.known and other.known and self.known != other.known:
            return True  # two entities already given ids stay apart: an id once given is kept
        if self.years and other.years and self.years.isdisjoint(other.years):
            return True  # "Kanjuruhan riot 2019" and "2022 Kanjuruhan Stadium disaster": an own name, two events
        if self.titles and other.titles and not _titles_agree(self.titles, other.titles):
            return True  # a title naming fewer places links two events only when it fits both
        if len(self.types | other.types) > 1:
            return True
        if any(other.kb.get(ns, value) != value for ns, value in self.kb.items()):
            return True
        if _qualifiers_clash(self.qualifiers, other.qualifiers):
            return True  # "Person of the Year (Time)" and "... (Financial Times)": two bearers
        if (self.surnames and other.surnames and self.surnames.isdisjoint(other.surnames)
                and not any(_surnames_compatible(a, b) for a in self.surnames for b in other.surnames)):
            return True  # loose cross-script links must not chain Delavini-like and Della Vigna-like names
        return any(not _given_compatible(a, b) for a in self.full_names for b in other.full_names)

    def absorb(self, other: _Cluster) -> None:
        self.types |= other.types
        for ns, value in other.kb.items():
            self.kb.setdefault(ns, value)
        self.full_names |= other.full_names
        self.known = self.known or other.known
        self.qualifiers |= other.qualifiers
        self.surnames |= other.surnames
        self.exact_sounds |= other.exact_sounds
        self.years |= other.years
        self.titles |= other.titles

    def exact_agree(self, other: _Cluster) -> bool:
        """Whether a loose cross-script link may join the two clusters: when both hold names in exact scripts,
        some pair of those must sound alike unfolded (:data:`EXACT_AGREE_RATIO`). A Chinese or Arabic
        spelling close to two different Latin names under folded classes must not bridge them."""
        if not self.exact_sounds or not other.exact_sounds:
            return True
        mine, theirs = sorted(self.exact_sounds)[:MAX_AGREE], sorted(other.exact_sounds)[:MAX_AGREE]
        return any(fuzz.ratio(a, b) >= EXACT_AGREE_RATIO for a in mine for b in theirs)


def _titles_agree(a: set[TitleParts], b: set[TitleParts]) -> bool:
    """Whether the event titles of two clusters can all name one event: one kind, at most one year and one month, and
    one title naming every place the others name (*Russian invasion* and *invasion of Ukraine* under *Russian
    invasion of Ukraine*; a title with fewer places never bridges two events that name different ones)."""
    titles = a | b
    if len({t.kind for t in titles}) > 1 or len({t.year for t in titles} - {None}) > 1:
        return False
    if len({t.month for t in titles} - {None}) > 1:
        return False
    return any(all(t.anchors <= reach for t in titles) for reach in (widest.reach for widest in titles))


class _Clustering:
    """Constrained union-find over this batch's units and the known entities their keys reach (pass 2).

    Links are tried strongest first (KB id, name key or concept bag, phonetic key + spelling, surname +
    given names, bare surname to its one bearer, bare surnames among themselves); a link is refused when
    the two clusters disagree (types, KB ids, given names, two known entities), which is what keeps
    transitive chains from merging different entities.
    """

    def __init__(self, units: list[_Unit], index: EntityIndex) -> None:
        self.units, self.index = units, index
        self.parent: list[int] = []
        self.nodes: list[_Node] = []
        self.clusters: dict[int, _Cluster] = {}
        self.known_node: dict[str, int] = {}
        for unit in units:
            full = {n.tokens for n in unit.names if unit.type == "PER" and len(n.tokens) > 1}
            kb = dict(_kb_pair(k) for k in sorted(unit.kb_ids, reverse=True))
            surnames = {form for n in unit.names
                        if unit.type == "PER" and len(n.tokens) > 1 and n.script in EXACT_SCRIPTS
                        for form in n.surname_forms}
            self._add(_Node({n.spelling for n in unit.names}),
                      _Cluster(_typed_set(unit.type), kb, full, None, {n.qualifier for n in unit.names} - {""},
                               surnames, years={n.year for n in unit.names if n.year},
                               titles={n.title for n in unit.names if n.title}))

    def _add(self, node: _Node, cluster: _Cluster) -> int:
        i = len(self.nodes)
        self.nodes.append(node)
        self.parent.append(i)
        self.clusters[i] = cluster
        return i

    def known(self, eid: str) -> int:
        """The node of a known entity (created on first reach)."""
        if eid not in self.known_node:
            rec = self.index.records[eid]
            self.known_node[eid] = self._add(
                _Node(rec.spellings, eid),
                _Cluster(_typed_set(rec.entity.type), dict(rec.entity.kb_ids), set(rec.full_names), eid,
                         surnames=set(rec.surnames),
                         exact_sounds={s for s, script, *_rest in rec.sounds if script in EXACT_SCRIPTS},
                         years=set(rec.years), titles=set(rec.titles)))
        return self.known_node[eid]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, bare_only: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ca, cb = self.clusters[ra], self.clusters[rb]
        if bare_only and (ca.full_names or cb.full_names):
            return False
        if ca.conflicts(cb):
            return False
        if rb < ra:
            ra, rb, ca, cb = rb, ra, cb, ca
        self.parent[rb] = ra
        ca.absorb(cb)
        del self.clusters[rb]
        return True

    def _link_buckets(self, buckets: dict[str, list[int]], bare_only: bool = False) -> None:
        for members in buckets.values():
            uniq = list(dict.fromkeys(members))
            for k in range(1, len(uniq)):
                for m in uniq[:k]:
                    if self.union(m, uniq[k], bare_only):
                        break

    def run(self) -> None:
        idx = self.index
        kb: dict[str, list[int]] = defaultdict(list)
        exact: dict[str, list[int]] = defaultdict(list)
        bare: dict[str, list[int]] = defaultdict(list)
        for i, unit in enumerate(self.units):
            min_concepts = MIN_CONCEPTS - any(n.acronym for n in unit.names)
            for name in unit.names:
                if name.concepts and name.concepts.count("+") + 1 >= min_concepts:
                    exact[name.concepts].append(i)
                    exact[name.concepts].extend(self.known(e) for e in sorted(idx.by_key.get(name.concepts, ()))
                                                if self._agree(e, unit))
            for kb_id in sorted(unit.kb_ids):
                kb[kb_id].append(i)
                if kb_id in idx.by_kb:
                    kb[kb_id].append(self.known(idx.by_kb[kb_id]))
            for name in unit.names:
                single_person = unit.type == "PER" and len(name.tokens) == 1
                for key in sorted(name.keys):
                    target = bare if single_person else exact
                    target[key].append(i)
                    target[key].extend(self.known(e) for e in sorted(idx.by_key.get(key, ())) if self._agree(e, unit))
        self._link_buckets(kb)
        self._link_buckets(exact)
        self._link_fuzzy()
        self._link_loose()
        self._link_surnames()  # bare surnames join a bearer one by one first ...
        self._link_buckets(bare, bare_only=True)  # ... and only the unattached ones join each other

    def _agree(self, eid: str, unit: _Unit) -> bool:
        return _types_agree(self.index.records[eid].entity.type, unit.type)

    def _link_fuzzy(self) -> None:
        """Same phonetic key and similar spelling (*Saraev*/*Saraiev*), within the batch and with known entities.

        A Latin name also takes part under its Cyrillic readings (:attr:`_Name.readings`: *George Hollins* as
        *Джордж Холлинс*), but only against names in other scripts: spellings are tagged ``R`` (a reading),
        ``L`` (a Latin name) or ``O`` (another script), and a reading pairs only with ``O``."""
        buckets: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        people: dict[str, list[tuple[int, tuple[str, ...], str]]] = defaultdict(list)
        for i, unit in enumerate(self.units):
            for name in unit.names:
                if name.phonetic and _fuzzy_candidate(name, unit.type):
                    buckets[name.phonetic].append((i, name.spelling, "L" if name.script == "Latn" else "O"))
                    if name.unfolded:  # unfolded as well: Анвар Ибрагим meets Anwar Ibrahim read as Cyrillic
                        buckets[name.unfolded[0]].append((i, name.unfolded[1], "O"))
                    for phonetic, spelling in name.readings:
                        buckets[phonetic].append((i, spelling, "R"))
                if unit.type == "PER" and len(name.tokens) > 1 and name.phonetic:
                    people[name.phonetic].append((i, name.tokens, name.script))
        for key, members in buckets.items():
            own = len(members)  # pairs of two known entities were decided before: only pairs with a unit
            for eid in sorted(self.index.by_phonetic.get(key, ())):
                node, record = self.known(eid), self.index.records[eid]
                members.extend((node, s, "L" if s in record.latin_spellings else "O")
                               for s in sorted(self.nodes[node].spellings))
                members.extend((node, s, "R") for s in sorted(record.reading_spellings))
            for a in range(own):
                for b in range(a + 1, len(members)):
                    (i, si, ti), (j, sj, tj) = members[a], members[b]
                    if ("R" in (ti, tj) and {ti, tj} != {"R", "O"}) or self.find(i) == self.find(j):
                        continue
                    if _similar(si, sj) and self._types_ok(i, j):
                        self.union(i, j)
        for key, people_members in people.items():
            own = len(people_members)
            for eid in sorted(self.index.by_phonetic.get(key, ())):
                record = self.index.records[eid]
                if record.entity.type == "PER":
                    people_members.extend((self.known(eid), tokens, script) for tokens, script
                                          in sorted(record.scripted_names) if phonetic_key(" ".join(tokens)) == key)
            for a in range(own):
                i, tokens_a, script_a = people_members[a]
                for j, tokens_b, script_b in people_members[a + 1:]:
                    if (script_a != script_b and self.find(i) != self.find(j)
                            and _transcribed_alike(tokens_a, tokens_b) and self._types_ok(i, j)):
                        self.union(i, j)

    def _link_loose(self) -> None:
        """Names within one edit under :func:`loose_key` and similar once the classes their scripts lose are
        folded (:func:`_loose_ratio`: *Liz Truss*-like names and their Arabic, Hangul or Thai spellings),
        within the batch and with known entities; strongest pairs first."""
        if not self.index.by_loose[True] and all(n.script in EXACT_SCRIPTS for u in self.units for n in u.names):
            return  # every name is in an exact script: the stricter keys decided
        entries: list[tuple[int, str, Shape]] = []
        for i, unit in enumerate(self.units):
            for name in unit.names:
                if _loose_candidate(name, unit.type):
                    entries.append((i, name.loose, name.sound_shape))
                    if name.coda_free_loose:  # Metcalfe-like names also under their non-rhotic key
                        entries.append((i, name.coda_free_loose, name.sound_shape))
                    entries += [(i, loose, shape) for loose, shape in name.reading_shapes]
                if name.script in EXACT_SCRIPTS and not name.acronym and name.sounds:
                    self.clusters[self.find(i)].exact_sounds.add(name.sounds)
        lossy_buckets: dict[str, list[int]] = defaultdict(list)
        for e, (_i, key, (_sounds, script, *_rest)) in enumerate(entries):
            if script not in EXACT_SCRIPTS:
                for k in _deletions(key):
                    lossy_buckets[k].append(e)
        pairs: set[tuple[int, int, Shape, Shape]] = set()
        scored: list[tuple[float, int, int]] = []
        # the known entities a (key, shape) reaches, with their best ratio: worked out once per batch, for the same
        # name recurs in many of its articles, and in a large store each reaches many candidates
        reached: dict[tuple[str, Shape], list[tuple[float, str]]] = {}
        for e, (i, key, sounds) in enumerate(entries):
            lossy = sounds[1] not in EXACT_SCRIPTS
            for f in {f for k in _deletions(key) for f in lossy_buckets.get(k, ())}:
                j, _kf, other = entries[f]
                if i != j and (not lossy or e < f):  # each pair once
                    pairs.add((i, j, sounds, other))
            hits = reached.get((key, sounds))
            if hits is None:
                hits = reached[(key, sounds)] = self._known_loose(key, sounds, lossy)
            scored += [(ratio, i, self.known(eid)) for ratio, eid in hits if self._agree(eid, self.units[i])]
        scored += [(r, i, j) for i, j, sa, sb in pairs if (r := _loose_ratio(sa, sb)) >= _ratio_needed(sa, sb)]
        for _ratio, i, j in sorted(scored, reverse=True):
            ri, rj = self.find(i), self.find(j)
            if ri != rj and self._types_ok(i, j) and self.clusters[ri].exact_agree(self.clusters[rj]):
                self.union(i, j)

    def _known_loose(self, key: str, sounds: Shape, lossy: bool) -> list[tuple[float, str]]:
        """(best ratio, id) of the known entities within the loose key's deletions whose sounds are similar enough,
        by id; a lossy name also looks among the names in exact scripts."""
        found = {eid for table in ((True, False) if lossy else (True,))
                 for k in _deletions(key) for eid in self.index.loose_table(table).get(k, ())}
        hits = []
        for eid in sorted(found):
            ratios = [r for known in self.index.records[eid].sounds
                      if (r := _loose_ratio(sounds, known)) >= _ratio_needed(sounds, known)]
            if ratios:
                hits.append((max(ratios), eid))
        return hits

    def _types_ok(self, i: int, j: int) -> bool:
        return len(self.clusters[self.find(i)].types | self.clusters[self.find(j)].types) <= 1

    def _surname_hosts(self, surname: str) -> list[int]:
        """Nodes whose full names end in a surname spelled like ``surname`` (a name-key token)."""
        spelling, key = spelling_key(surname), phonetic_key(surname)
        hosts = [i for i, s in self._unit_surnames.get(key, ()) if _similar(spelling, s)]
        records = self.index.records
        bearers = [eid for eid in self.index.by_surname.get(key, ()) if records[eid].full_names
                   and any(_similar(spelling, s) for s in records[eid].surname_spellings)]
        hosts += [self.known(eid) for eid in sorted(bearers)]  # sorted after filtering: a bucket may be large
        return hosts

    def _link_surnames(self) -> None:
        """Full names with the same surname and compatible given names; then bare surnames with one bearer."""
        by_surname: dict[str, list[int]] = defaultdict(list)
        self._unit_surnames: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for i, unit in enumerate(self.units):
            if unit.type == "PER":
                for name in unit.names:
                    for last in name.last_words:
                        by_surname[last].append(i)
                        if len(name.tokens) > 1:
                            self._unit_surnames[phonetic_key(last)].append((i, spelling_key(last)))
        hosts = {surname: self._surname_hosts(surname) for surname in sorted(by_surname)}
        n_units = len(self.units)
        for members in hosts.values():
            for i in members:
                if i >= n_units:
                    continue  # two known entities are never joined here: only through a unit of this batch
                for j in members:
                    if i < j and self.find(i) != self.find(j):
                        self.union(i, j)
        articles: dict[str, list[int]] = defaultdict(list)
        for i, unit in enumerate(self.units):
            articles[unit.article_id].append(i)
        members = self.groups()
        for surname in sorted(by_surname):
            for i in by_surname[surname]:
                if self.clusters[self.find(i)].full_names:
                    continue
                roots = {self.find(h) for h in hosts[surname]} - {self.find(i)}
                people = {r for r in roots if self.clusters[r].full_names}
                if len(people) > 1:
                    people = self._by_context(i, people, articles, members)
                if len(people) == 1:
                    self.union(i, people.pop())

    def _by_context(self, i: int, people: set[int], articles: dict[str, list[int]],
                    members: dict[int, list[int]]) -> set[int]:
        """Of several bearers of a bare surname, the one whose articles share clearly most entities with the
        bare surname's article (two Aliyevs: the one seen with the same places and people), else none: at least
        :data:`CONTEXT_MIN_SHARED` entities in all, and :data:`CONTEXT_MARGIN` times as many as any other bearer
        of those seen beside it alone. What every bearer is seen with (the country of the story, the agency
        credited in every byline) tells none of them apart."""
        def context(article_ids: Iterable[str]) -> set[int]:
            return {self.find(j) for a in article_ids for j in articles[a]}

        here = context([self.units[i].article_id]) - {self.find(i)}
        seen = {r: here & (context({self.units[j].article_id for j in members.get(r, ())}) - {r}) for r in people}
        scores = sorted(((len(seen[r] - set().union(*(seen[o] for o in people if o != r))), r) for r in people),
                        reverse=True)
        (best, person), runner_up = scores[0], scores[1][0]
        enough = len(seen[person]) >= CONTEXT_MIN_SHARED and best > 0
        return {person} if enough and best >= CONTEXT_MARGIN * runner_up else set()

    def groups(self) -> dict[int, list[int]]:
        """Root -> unit indices, for the units of this batch."""
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.units)):
            out[self.find(i)].append(i)
        return out


def _typed_set(etype: str) -> set[str]:
    return set() if etype == WILDCARD_TYPE else {etype}


def _slug(key: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", key.lower()).split()
    return "-".join(words)[:32].strip("-") or "x"


def _new_id(unit: _Unit, index: EntityIndex, kb_name: Callable[[str], str | None]) -> str:
    """``type-slug-hash`` from the founding unit's strongest key: the same founder gives the same id in every run.

    The slug is the KB's English name when the founder is KB-linked (``loc-france-…``, whatever language
    founded it), else the name key of its longest name.
    """
    name = unit.longest
    founding = sorted(unit.kb_ids)[0] if unit.kb_ids else (name_key(name.surface, name.lang) or name.surface)
    digest = hashlib.sha1(f"{unit.type}|{founding}".encode()).hexdigest()[:6]
    english = kb_name(founding) if unit.kb_ids else None
    slug = _slug(anyascii(english) if english else name_key(name.surface, name.lang) or translit(name.surface)
                 or founding)
    base = f"{unit.type.lower()}-{slug}-{digest}"
    eid, n = base, 2
    while eid in index.records:
        eid, n = f"{base}-{n}", n + 1
    return eid


def kb_display_name(kb_id: str) -> str | None:
    """The English (primary) name the knowledge bases give ``kb_id``: the user KB's, else the gazetteer's.

    Loaded once per process (the gazetteer is cached on disk by :mod:`newsweave.kb.gazetteer`); None when
    the id is unknown or the knowledge bases cannot be read.
    """
    return _kb_names().get(kb_id)


@lru_cache(maxsize=1)
def _kb_names() -> dict[str, str]:
    from newsweave.kb import userkb
    from newsweave.kb.gazetteer import load_gazetteer

    names: dict[str, str] = {}
    try:
        for entry in sorted(load_gazetteer().entries, key=lambda e: -e.priority):
            names.setdefault(entry.kb_id, entry.name)
        path = userkb.kb_path()
        if path.exists():
            names.update((kb_id, rec.name) for kb_id, rec in userkb.load(path).items())
    except (OSError, ValueError) as exc:
        log.warning("knowledge-base names not read (%s); display names come from the mentions", exc)
    return names


def kb_acronym_id(acronym: str, etype: str) -> str | None:
    """The KB id of the gazetteer entry (organisations list included) whose all-capital name is ``acronym``
    (Latin letters, as :func:`acronym_key` gives them) and whose type is ``etype``; None when there is none."""
    from newsweave.kb.gazetteer import load_gazetteer
    from newsweave.kb.gazetteer import name_key as gaz_key

    try:
        gaz = load_gazetteer()
    except (OSError, ValueError) as exc:
        log.warning("gazetteer not read (%s); acronyms are not looked up", exc)
        return None
    key = gaz_key(acronym)
    entry = gaz.lookup(key) if key in gaz.acronyms else None
    return entry.kb_id if entry is not None and entry.type == etype else None


#: Variants (the most frequent) a display name is worked out from; bounds the cost for popular entities.
DISPLAY_VARIANTS = 40
#: Letters an acronym of a place has at most (USA, UAE, USSR): longer words in capitals are shouted names.
PLACE_ACRONYM_MAX = 4
#: Dropped from Cyrillic names before romanising them for display, as English news spelling does (*Koval*,
#: *Igor*, not *Koval'*): the soft sign, which anyascii writes as an apostrophe.
_DISPLAY_DROP = str.maketrans("", "", "ьЬ")
_SEPARATORS = re.compile(r"([\s\-]+)")


@dataclass(frozen=True)
class _Form:
    """One variant as a Latin display candidate: ASCII-folded text, its language and script, how often seen."""

    text: str
    lang: str
    script: str
    count: int

    @property
    def tokens(self) -> list[str]:
        return _SEPARATORS.split(self.text)[::2]


#: Shortest word :func:`english_spelling` respells: short ones meet common English words by chance (*Kan*, *Can*).
ENGLISH_RESPELL_MIN_LETTERS = 5
#: How much more frequent in English (Zipf) a respelling must be than the word as transliterated, and how frequent
#: at least: *Harris* 4.4 against *Kharris* (unseen); *Macron* 3.0 against *Makron* (unseen).
ENGLISH_RESPELL_MARGIN = 1.0
ENGLISH_RESPELL_MIN_ZIPF = 2.5
_ENGLISH_RESPELLINGS = tuple((re.compile(pattern), sound) for pattern, sound in ENGLISH_RESPELLINGS)


@lru_cache(maxsize=1 << 16)
def english_spelling(word: str, original: str) -> str:
    """A word of a person's name transliterated from Cyrillic (``original``), spelt as English writes the name when
    that spelling is a much more frequent English word (:data:`ENGLISH_RESPELLINGS`: *Харрис* -> *Harris*, not
    *Kharris*; *Байден* -> *Biden*; *Макрон* -> *Macron*); else the word as it is. A name the Cyrillic-writing peoples
    bear themselves (the person-name lists: *Петко*, *Франко*, *Чайка*) is theirs and stays as transliterated.
    For showing a name an English reader knows; the keys that merge names are untouched."""
    low = word.lower()
    if len(low) < ENGLISH_RESPELL_MIN_LETTERS or not (low.isascii() and low.isalpha()):
        return word
    own = gaz_fold(original)
    if own in given_names() or own in surnames():
        return word
    rules = [(pattern, sound) for pattern, sound in _ENGLISH_RESPELLINGS if pattern.search(low)]
    best, bar = word, max(ENGLISH_RESPELL_MIN_ZIPF, frequency.zipf(low, "en") + ENGLISH_RESPELL_MARGIN)
    for mask in range(1, 1 << len(rules)):
        spelt = low
        for k, (pattern, sound) in enumerate(rules):
            if mask >> k & 1:
                spelt = pattern.sub(sound, spelt)
        zipf = frequency.zipf(spelt, "en")
        if spelt != low and zipf >= bar:
            best, bar = spelt if word.islower() else spelt.capitalize(), zipf
    return best


def _display_name(entity: Entity, kb_names: Counter[str], kb_name: Callable[[str], str | None],
                  kb_acronym: Callable[[str, str], str | None] = kb_acronym_id) -> str:
    """The English/KB form when known, else a Latin form an English reader can use (ASCII-folded).

    In order: the KB's English name of the entity's KB id; the recogniser's KB lemma; the KB's English name
    of an acronym a variant spells (*एससीओ* spells a Latin acronym the organisations list knows); the most
    used English full name; for an organisation known only by an expansion in a case-inflecting language
    (Polish genitive *Organizacji …*), its acronym; else the consensus spelling of all languages and scripts
    (:func:`_consensus_name`). A Chinese person's name in Cyrillic is read back into pinyin first, as English news
    writes it (*Си Цзиньпин* -> *Xi Jinping*, not the letter-by-letter *Si Tszinpin*), and a Polish or Czech
    masculine genitive into the nominative (*Emmanuela Macrona* -> *Emmanuel Macron*).
    """
    for ns, value in entity.kb_ids.items():
        known = kb_name(f"{ns}:{value}")
        if known:
            return known
    if kb_names:
        return max(kb_names.items(), key=lambda kv: (kv[1], -len(kv[0]), kv[0]))[0]
    variants = sorted(entity.variants, key=lambda v: (-v.count, v.name, v.lang or ""))[:DISPLAY_VARIANTS]
    if entity.type == "PER":  # an address by given name and patronymic lends no word to the full name shown
        variants = [v for v in variants if not _patronymic_address(tuple(name_key(v.name, v.lang).split()))] \
            or variants
    for acronym in sorted({a for v in variants if (a := acronym_key(v.name))}):
        kb_id = kb_acronym(acronym, entity.type)
        known = kb_name(kb_id) if kb_id else None
        if known:
            return known
    forms = []
    for v in variants:
        latin = v.script == "Latn"
        chinese = pinyin_of_palladius(v.name) if entity.type == "PER" and v.script == "Cyrl" else None
        folded = "" if latin or chinese else display_fold(v.name, v.lang)
        shown = without_apostrophe_suffixes(v.name, v.lang) if latin else chinese or display_latin(
            folded.translate(_DISPLAY_DROP), v.lang)
        if latin and entity.type == "PER":
            shown = without_genitive_a(shown, v.lang)
        elif v.script == "Cyrl" and entity.type == "PER" and not chinese:
            words, originals = shown.split(), folded.split()
            if len(words) == len(originals):
                shown = " ".join(english_spelling(w, o) for w, o in zip(words, originals, strict=True))
        text = " ".join(anyascii(shown).split())
        if text:
            forms.append(_Form(text, base_lang(v.lang) or "und", v.script, v.count))
    if not forms:
        return entity.name
    return _unshout(_form_name(forms, entity.type), entity.type, forms)


def _form_name(forms: list[_Form], etype: str) -> str:
    """The display name from the variants' Latin forms: the most used English full name; for an organisation
    known only by an expansion in a case-inflecting language, its acronym; else the consensus spelling."""
    english = [f for f in forms if f.lang == "en" and len(f.tokens) > 1]
    if english:
        return max(english, key=lambda f: (f.count, f.text)).text
    if etype == "ORG":
        acronym = _inflected_only_acronym(forms)
        if acronym:
            return acronym
    return _consensus_name(forms, etype == "PER")


def _unshout(name: str, etype: str, forms: list[_Form]) -> str:
    """The display name without words in capitals that only shout (datelines, headlines: *ERSTFELD*, *KOUROU*):
    such a word takes the casing another variant gives it, else capital-first. Acronyms stay: a lone word of
    at most :data:`ACRONYM_MAX` capitals (a place: :data:`PLACE_ACRONYM_MAX`; a person has none, but keeps a regnal
    number: *Zelkan III*), or a word without vowels in a name of several words all in capitals (*BBC NEWS* -> *BBC
    News*)."""
    parts = _SEPARATORS.split(name)
    words = parts[::2]
    if not any(_capitals(w) for w in words):
        return name
    cased = {w.casefold(): w for f in forms for w in f.tokens if not _capitals(w)}
    limit = 0 if etype == "PER" else PLACE_ACRONYM_MAX if etype == "LOC" else ACRONYM_MAX
    shouting = len(words) > 1 and all(_capitals(w) for w in words if sum(c.isalpha() for c in w) >= 2)
    for k, word in enumerate(words):
        spoken = any(c in "aeiouy" for c in anyascii(word).lower())
        if _capitals(word) and (len(word) > limit or (shouting and spoken)) and not (
                etype == "PER" and k > 0 and (regnal := _REGNAL_RE.match(word)) and regnal.group(1)):
            words[k] = cased.get(word.casefold(), word[:1] + word[1:].lower())
    parts[::2] = words
    return "".join(parts)


def _capitals(word: str) -> bool:
    """A word of two or more letters, all capitals."""
    return sum(c.isalpha() for c in word) >= 2 and word == word.upper() and word != word.lower()


def _inflected_only_acronym(forms: list[_Form]) -> str | None:
    """An organisation's Latin acronym when all its full names are in case-inflecting languages (whose base
    form is not known) and none is English."""
    full = [f for f in forms if len(f.tokens) > 1]
    acronyms = [f for f in forms if f.script == "Latn" and _is_acronym(f.text)]
    if acronyms and not any(f.lang == "en" for f in forms) and all(f.lang in INFLECTING_LANGS for f in full):
        return max(acronyms, key=lambda f: (f.count, f.text)).text
    return None


def _consensus_name(forms: list[_Form], person: bool) -> str:
    """The spelling that all languages and scripts agree on most, word by word.

    Each language's spelling of a name follows its own conventions (German *Dschamil*, Turkish *Cemil*,
    Polish *Dżamil*); romanisations of other scripts (``anyascii``, alifbo) follow English-like ones
    (*Jamil*). Per word position of the full names, the spelling with the highest summed similarity to
    every language's closest spelling wins (one vote per Latin-script language and one per other script, see
    :func:`_voter`, so one article's many mentions do not outvote the rest); a person's one-word variants
    (surnames) vote for the last word. Ties go to English, Latin-written, then frequent forms. Names of one
    word are chosen the same way.
    """
    full = [f for f in forms if len(f.tokens) > 1]
    pool = full or forms
    width_votes: Counter[int] = Counter()
    for lang in {_voter(f) for f in pool}:
        width_votes[max(len(f.tokens) for f in pool if _voter(f) == lang)] += 1
    width = max(width_votes, key=lambda w: (width_votes[w], w))
    shaped = [f for f in pool if len(f.tokens) == width]
    if len({f.text for f in shaped}) == 1 and not (person and full and any(len(f.tokens) == 1 for f in forms)):
        return shaped[0].text
    words: list[str] = []
    for position in range(width):
        voters: dict[tuple[str, str], set[str]] = defaultdict(set)
        weight: Counter[str] = Counter()
        english: set[str] = set()
        latin: set[str] = set()
        for f in shaped:
            word = f.tokens[position]
            voters[_voter(f)].add(word)
            weight[word] += f.count
            if f.lang == "en":
                english.add(word)
            if f.script == "Latn":
                latin.add(word)
        if person and full and position == width - 1:
            for f in forms:
                if len(f.tokens) == 1:
                    voters[_voter(f)].add(f.tokens[0])
                    if f.lang == "en":
                        english.add(f.tokens[0])
        support = {w: _support(w, voters.values()) for w in sorted({f.tokens[position] for f in shaped})}
        word = max(support, key=lambda w: (support[w], w in english, w in latin, weight[w], w))
        if word[:1].islower() and any(w[:1].isupper() for w in support):  # from a caseless script's romanisation
            word = word[:1].upper() + word[1:]
        words.append(word)
    template = max(shaped, key=lambda f: (sum(a == b for a, b in zip(f.tokens, words, strict=True)),
                                          f.script == "Latn", f.count, f.text))
    parts = _SEPARATORS.split(template.text)
    parts[::2] = words
    return "".join(parts)


def _voter(form: _Form) -> tuple[str, str]:
    """Who a form votes as in :func:`_consensus_name`: each Latin-script language on its own, each other script
    once. Every language written in Latin spells a name by its own conventions, which is independent evidence;
    the romanisations of one other script come from one scheme, so Russian, Ukrainian and Bulgarian *Dzheyms*
    are one opinion, not three against Spanish and English *James*."""
    return (form.lang, form.script) if form.script == "Latn" else ("", form.script)


def _support(word: str, votes: Iterable[set[str]]) -> float:
    """Summed similarity of ``word`` to each voter's closest spelling."""
    low = word.lower()
    return sum(max(fuzz.ratio(low, w.lower()) for w in spellings) for spellings in votes)


def _is_acronym(form: str) -> bool:
    """An all-capitals single word of 2 to 8 letters (OBWE, OSCE)."""
    return " " not in form and 2 <= len(form) <= 8 and form.isalpha() and form.isupper()


def canonicalize(articles: list[Article], known: list[Entity], index: EntityIndex | None = None,
                 kb_name: Callable[[str], str | None] = kb_display_name,
                 kb_acronym: Callable[[str, str], str | None] = kb_acronym_id) -> list[Entity]:
    """Set ``entity_id``/``entity_name`` on every mention of ``articles``; return all entities, updated.

    ``known`` are the entities saved so far (their ids are kept; they gain variants and counts); the result
    lists them first, then the new ones. Pass a kept ``index`` (built from ``known``) to skip re-indexing.
    ``kb_name`` gives the display name of a KB id (default: user KB and gazetteer); ``kb_acronym`` the KB id
    of a Latin acronym for an entity type (default: gazetteer and organisations list), for display names.

    Without ``index``, the index this function left behind last time is reused when ``known`` is that call's
    result again (as the store reloads it: same ids, types, variants and KB ids), else one is built.
    """
    with _no_gc():
        if index is not None:
            return _canonicalize(articles, known, index, kb_name, kb_acronym)
        index = _INDEX_CACHE.take(known) or EntityIndex(known)
        result = _canonicalize(articles, known, index, kb_name, kb_acronym)
        _INDEX_CACHE.keep(result, index)
        return result


class _IndexCache:
    """The last index built, keyed by a fingerprint of the entities it indexes (one slot, thread-safe).

    Building the index for 100,000 entities costs seconds; fingerprinting them costs milliseconds. A taken
    index leaves the slot, so two concurrent calls never mutate the same index.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._slot: tuple[bytes, EntityIndex] | None = None

    @staticmethod
    def fingerprint(entities: list[Entity]) -> bytes:
        """Ids, types and how many variants and KB ids each entity has: what indexing depends on, cheaply.

        A blake2b digest, not ``hash()``: the key must not depend on the process's hash salt.
        """
        digest = hashlib.blake2b(digest_size=16)
        for e in entities:
            digest.update(f"{e.id}\x1f{e.type}\x1f{len(e.variants)}\x1f{len(e.kb_ids)}\x1e".encode())
        return digest.digest()

    def take(self, known: list[Entity]) -> EntityIndex | None:
        with self._lock:
            slot, self._slot = self._slot, None
        if slot is None or not known or slot[0] != self.fingerprint(known) or len(slot[1].records) != len(known):
            return None
        index = slot[1]
        for entity in known:  # the caller's objects (reloaded from the store) replace the ones indexed
            index.records[entity.id].entity = entity
        return index

    def keep(self, entities: list[Entity], index: EntityIndex) -> None:
        if entities:
            slot = (self.fingerprint(entities), index)
            with self._lock:
                self._slot = slot


_INDEX_CACHE = _IndexCache()


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: with 100,000 known entities alive, its full passes over them
    (triggered by the many small objects a batch allocates) cost more than the canonicalisation itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _canonicalize(articles: list[Article], known: list[Entity], index: EntityIndex | None,
                  kb_name: Callable[[str], str | None],
                  kb_acronym: Callable[[str, str], str | None]) -> list[Entity]:
    units = sorted((u for art in articles for u in article_units(art)), key=unit_order)
    return canonicalize_units(units, known, index, kb_name, kb_acronym)


def canonicalize_units(units: list[_Unit], known: list[Entity], index: EntityIndex | None = None,
                       kb_name: Callable[[str], str | None] = kb_display_name,
                       kb_acronym: Callable[[str, str], str | None] = kb_acronym_id) -> list[Entity]:
    """:func:`canonicalize` over units already made by :func:`article_units` and sorted by :func:`unit_order`.

    Separate so that a distributed job (``newsweave.batch``) can make the units on its executors and run
    the clustering block by block: no link ever joins two units that share no key, so each connected
    block of units gives the entities the whole batch would.
    """
    index = index if index is not None else EntityIndex(known)
    created: list[Entity] = []
    clustering = _Clustering(units, index)
    clustering.run()
    kb_names: dict[str, Counter[str]] = defaultdict(Counter)
    touched: dict[str, set[str]] = defaultdict(set)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for root, members in sorted(clustering.groups().items(), key=lambda kv: kv[1][0]):
        eid = clustering.clusters[root].known
        if eid is None:
            founder = units[members[0]]
            eid = _new_id(founder, index, kb_name)
            created.append(index.add_entity(Entity(id=eid, name="", type=founder.type)).entity)
        record = index.records[eid]
        for unit in (units[m] for m in members):
            for kb_id in sorted(unit.kb_ids):
                index.add_kb(record, kb_id)
            for name in unit.names:
                index.add_name(record, name)
            _add_variants(record.entity, unit)
            kb_names[eid].update(unit.kb_names)
            touched[eid].add(unit.article_id)
            types[eid].update(unit.types)
            for mention in unit.mentions:
                mention.entity_id = eid
    for eid, arts in touched.items():
        entity = index.records[eid].entity
        entity.article_count += len(arts)
        entity.type = _settled_type(entity, types[eid])
        entity.name = _display_name(entity, kb_names[eid], kb_name, kb_acronym) or entity.name
    for unit in units:
        for mention in unit.mentions:
            if mention.entity_id in touched:
                mention.entity_name = index.records[mention.entity_id].entity.name
    return [*known, *created]


def _add_variants(entity: Entity, unit: _Unit) -> None:
    seen = {(v.name, v.lang): v for v in entity.variants}
    for name in unit.names:
        key = (name.surface, base_lang(name.lang))
        variant = seen.get(key)
        if variant is None:
            if len(seen) >= MAX_VARIANTS:
                continue
            variant = Variant(name.surface, key[1], script_of(name.surface), 0)
            entity.variants.append(variant)
            seen[key] = variant
        variant.count += 1


def _settled_type(entity: Entity, counts: Counter[str]) -> str:
    """The entity's type: kept once set, unless it was the wildcard and the mentions now say more."""
    if entity.type != WILDCARD_TYPE:
        return entity.type
    typed = Counter({t: n for t, n in counts.items() if t != WILDCARD_TYPE})
    return typed.most_common(1)[0][0] if typed else entity.type
