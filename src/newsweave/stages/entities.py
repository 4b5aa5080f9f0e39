"""Find the names in an article (people, organisations, places) in any language and script.

No multilingual NER model can be used offline, so recognition is layered, each layer cheap and
measurable on its own (``newsweave eval ner``). A later layer does not override an earlier one's span,
except that a one-word GeoNames town may turn out to be part of a person's name (``Asia Bibi``,
``Paris Hilton``, see :func:`_release_place_pairs`), and that a tagger in a deciding mode overrules:

1. ``kb``/``gazetteer``: the user KB, then countries, places and organisations
   (:mod:`newsweave.kb.gazetteer`), with inflection-tolerant matching (``Kazachstanu``, ``Россияга``,
   ``Rusya'nın``), in caseless scripts spelling-tolerant matching (``कजाकिस्तान``), and inside unspaced
   Chinese/Japanese text or before Korean particles (``哈萨克斯坦总统``, ``러시아의``; see :func:`_cjk_layer`);
2. ``acronym``: an acronym in brackets and the name before it that it spells out (``परिषद (एनटीसी)``), or
   the acronym alone where nothing before it does, a definition in the text itself, so no tagger mode
   withdraws it;
   ``pattern``: organisation head words, titles and roles before or
   after a name (``prezydent Andrzej Duda``, ``Olaf Scholz, Almanya Başbakanı``) and names beside verbs of
   saying (``जयशंकर ने कहा``), all per-language data in :mod:`newsweave.lang`;
3. ``natasha`` for Russian;
4. ``tagger``: per-language CRFs trained on permissively licensed data (:mod:`newsweave.stages.ner_tagger`),
   which see the earlier layers' findings as features and, per language as measured on validation data,
   either only fill the gaps or decide the sentences they read (keeping the user KB and, in ``places``
   mode, the gazetteer's countries and big cities);
5. ``propagation``: names found confidently are looked for again in the rest of the article, inflected
   or spelt differently (``Dudzie`` after ``Andrzej Duda``, ``Zelensky`` after ``Zelenskyy``);
   :mod:`newsweave.corpus.propagation` does the same
   across a batch;
6. ``capitalisation``: remaining runs of capitalised words, typed by their shape.

The tokens are *pieces* (runs of letters, marks and digits; each Han character and each Katakana run is a
piece of its own); a mention always covers whole pieces, plus a Turkish-style apostrophe suffix (``Erdoğan’ın``).
"""

from __future__ import annotations

import bisect
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

import regex

from newsweave.kb import frequency, userkb
from newsweave.kb.gazetteer import (
    PIECE_RE,
    REGION_PRIORITY,
    SOFT_HYPHEN,
    WORLD_REGION_PRIORITY,
    GazEntry,
    Gazetteer,
    camel_case,
    data_file_names,
    fold,
    inflection_bases,
    is_cased,
    language_names,
    load_gazetteer,
    own_country_name,
    pieces,
    script_of,
)
from newsweave.kb.names import romanize, skeleton
from newsweave.kb.person_names import given_names, listed, own_given_names, surnames
from newsweave.kb.places import country_languages, place_country
from newsweave.kb.places import place as geonames_place
from newsweave.lang.abbreviations import NON_FINAL, STREETS
from newsweave.lang.acronym_letters import spelled_latin
from newsweave.lang.inflection import (
    ADJECTIVE_BASE_ENDINGS,
    ADJECTIVE_CASE_ENDINGS,
    APOSTROPHE_CLITICS,
    BARE_PLACE_MODIFIERS,
    COORDINATING_AND,
    DERIVED_ADJECTIVE_ENDINGS,
    GENITIVE_ENDINGS,
    INFLECTIONS,
    OF_WORDS,
    OPENER_ENDINGS,
    PHRASE_FINAL_CASE,
    PLACE_ADJECTIVE_ENDINGS,
    PLACE_PREPOSITIONS,
    POSSESSIVE_COMPOUND_ENDINGS,
    POSSESSIVE_OPENINGS,
    POSSESSOR_ENDINGS,
    UNMARKED_CASE_LANGS,
    WHERE_CASE_ENDINGS,
    WHERE_PREPOSITIONS,
)
from newsweave.lang.name_folding import (
    APOSTROPHE_REQUIRED,
    APOSTROPHE_SUFFIX,
    NAME_ENDING_CONJUNCTIONS,
    PLACE_CASE_ENDINGS,
    POSTPOSITIONS,
)
from newsweave.lang.orgwords import (
    ABBREVIATED_LEGAL_FORMS,
    AREA_PLURALS,
    AREA_WORDS_AFTER,
    CAPITALISED_COMPOUND_TAILS,
    CAPITALISED_INSTITUTION_TOWN,
    CLIPPED_ORG_WORDS,
    CLUB_ENDINGS,
    CLUB_FORMS_AFTER,
    COMPANY_AND,
    COMPANY_NOUNS_AFTER,
    COMPANY_WORDS_AFTER,
    COMPANY_WORDS_BEFORE,
    COMPASS_PREFIXES,
    COMPASS_WORDS,
    COMPETITION_STEMS,
    CONCEPT_ACRONYMS,
    EVENT_HEADS,
    FIRST_WORD_CAPITALISED,
    HEAD_FINAL_AND,
    HEAD_FIRST_AND,
    HEAD_LAST_FIRST_WORD_CAPITALISED,
    HEAD_LAST_GENITIVES,
    HEAD_LAST_JOINERS,
    HEAD_LAST_MAX_JOINERS,
    HEAD_LAST_NAMES,
    INSTITUTION_ADJECTIVE_ENDINGS,
    INSTITUTION_AND,
    INSTITUTION_ARTICLES,
    INSTITUTION_HEAD_ENDINGS,
    INSTITUTION_JOINERS,
    INSTITUTION_MODIFIER_ENDINGS,
    INSTITUTION_PLACE_PREPOSITIONS,
    LEGAL_FORMS,
    LEGAL_FORMS_AFTER_ONLY,
    LEGAL_FORMS_BEFORE,
    LOC_HEAD_ADJECTIVES,
    LOC_HEADS,
    LOCATED_WORDS,
    NAMED_AFTER_WORDS,
    NAMED_FOR_WORDS,
    NATIONAL_COMPOUND_PREFIXES,
    NEWS_SITE_DOMAINS,
    NOUN_HEAD_ENDINGS,
    NUMBERED_CLUB_LANGS,
    ORDINAL_MAX_DIGITS,
    ORDINAL_PERIOD_LANGS,
    ORG_HEADS,
    PLACE_AFTER_HEAD,
    PLACE_BODY_ADJECTIVES,
    PLACE_LIST_PLURALS,
    PLACE_NAME_ENDINGS,
    PLACE_SHAPED_WORDS,
    PLACE_WORDS_AFTER,
    PLACE_WORDS_BEFORE,
    QUOTED_NAME_FOLLOWERS,
    QUOTED_ORG_LANGS,
    REGION_ADJECTIVES,
    REGION_CASE_ENDINGS,
    REGION_STEM_ENDINGS,
    REGION_SUFFIXES,
    REGION_WORDS_IN_NAME,
    SEAT_AFTER_NAME_LANGS,
    SPELT_LEGAL_FORMS,
    STORM_WORDS,
    TOWN_ADJECTIVE_ENDINGS,
    VERB_ENDINGS,
    WORK_WORDS_AFTER,
)
from newsweave.lang.quotes import REPORTING_VERBS as QUOTE_CUES
from newsweave.lang.scripts import UNICODE_SCRIPT_CODES, lang_scripts, script_default_lang
from newsweave.lang.time_words import languages as time_languages
from newsweave.lang.time_words import lexicon as time_lexicon
from newsweave.lang.titles import (
    AFTER_PARTICLE,
    AGENT_MARKERS,
    CASE_MARKERS,
    DEMONYM_ENDINGS,
    HYPHEN_PARTICLES,
    LATIN_SURNAME_ENDINGS,
    NAME_TITLES,
    NOUN_CAPITALISING,
    NOUN_SURNAME_ENDINGS,
    PLACE_OFFICE_TITLES,
    PLURAL_ENDINGS,
    POSTPOSED_HONORIFICS,
    PREDICATE_AUXILIARIES,
    REPORTING_VERBS,
    SPACED_PARTICLES,
    SPEAKER_FIRST,
    SURNAME_ENDINGS,
    SURNAME_LIKE_ENDINGS,
    TITLE_AFTER_WHAT_IT_HEADS,
    TITLE_CASING,
    TITLE_ENDINGS,
    TITLES,
)
from newsweave.model import Article, Mention
from newsweave.stages.segment import attributions

log = logging.getLogger(__name__)

#: Longest name, in pieces, that a pattern or a capitalised run may produce.
MAX_NAME_PIECES = 6
#: Longest piece considered at all: longer "words" are junk (a pasted hash, a 10,000-letter "name").
MAX_PIECE_CHARS = 60
#: Pieces, in all texts together, that the entity stage keeps for cross-document propagation (see :class:`_TokenMemo`):
#: ~400 bytes each with their strings, so at most ~100 MB: the last ~450 articles of 600 words.
TOKEN_MEMO_PIECES = 250_000
#: A mention found with at least this confidence seeds propagation to the rest of the article. A German tagger
#: gives a news article's *Donald Tusk* 0.43 (*Tusk* is an English word), and its later *Tusk betonte* was lost
#: (`newsweave eval ner --full`: the same .823 overall as at 0.5; KazNERD .847 -> .849, IL-NER hi .682 -> .685).
PROPAGATION_MIN_CONFIDENCE = 0.4
#: How close two romanised spellings with the same consonant skeleton must be to count as one name.
PHONETIC_MIN_SIMILARITY = 0.8
#: Words at least this frequent (wordfreq Zipf) are not names when they start a sentence.
COMMON_ZIPF = 3.5
#: Words in capitals at least this frequent are common words, no organisation's acronym (*СМИ*, the media).
COMMON_ACRONYM_ZIPF = 5.0
#: A country's name in another language that is this frequent a word of the text's language (Zipf) is that word
#: when it starts a sentence (Turkish *Benim* "my", Portuguese for Benin; Italian *Bene*), unless it is also the
#: country's own name in the text's language or an acronym (*США*, 5.9 in Ukrainian). Other country names stay
#: below it (*USA* in German 5.3).
COUNTRY_COMMON_ZIPF = 5.5
#: A known person's name written exactly so, with a capital inside a sentence in a language that does not
#: capitalise nouns, is looked for up to this frequency (the most named people's surnames are frequent words:
#: Turkish *Yavaş* "slow", 5.1; *Özel* "special", 5.8, a surname too, stays out).
CAPITALISED_KNOWN_NAME_MAX_ZIPF = 5.5
#: Words this frequent are function words even outside the stop list (first names reach 5.4: Ahmet, John).
FUNCTION_WORD_ZIPF = 5.8
#: In noun-capitalising languages, capitalised words this frequent are nouns, not names.
NOUN_ZIPF = 4.3
#: Word frequencies (Zipf) of first names in news text: below are rare compounds, above function words.
GIVEN_NAME_ZIPF = (2.5, 5.0)
#: A word in capitals this frequent in lower case is a shouted word, not an organisation's acronym.
SHOUTED_WORD_ZIPF = 2.5
#: Openings of surnames written with a capital inside after three letters or more (*MacIntyre*, *FitzGerald*,
#: *VanDyke*): such a word is otherwise a company's or a brand's (:func:`_company_casing`; *McCain*, *DeSantis* have
#: too few small letters before the capital to be taken for one).
SURNAME_PREFIXES = frozenset({"mac", "fitz", "van", "von"})
#: Marks before a word that make it a social-media handle or hashtag (*@ZelmoNews*), not a name in the text.
HANDLE_MARKS = frozenset("@#")
#: A capitalised run of two or more words, each at least this frequent, is title case, not a name (without a head).
COMMON_RUN_ZIPF = 4.5
#: Languages that write a unit's name after its parent body's as one name (Turkish *Dünya Sağlık Örgütü Avrupa Bölge
#: Ofisi*, *NATO Müttefik Kara Komutanlığı*): a listed organisation right before the unit's name opens it.
PARENT_FIRST_LANGS = frozenset({"tr", "az"})
#: lang -> a country's name that is also the language's adjective for it (Polish *Polska*, Poland, and "Polish",
#: feminine): before other capitalised words it opens an organisation's name (*Polska Akcja Humanitarna*, *Polska
#: Grupa Zbrojeniowa*), as the country would stand apart (*Polska, Czechy i Słowacja*).
COUNTRY_NAMED_ADJECTIVES: dict[str, frozenset[str]] = {
    "pl": frozenset({"polska", "polskie", "polskiej", "polskiego", "polskim", "polskich", "polską"})}
#: lang -> how the adjectives a region's or a country's name is made of end (Polish *Pomorskie*, the voivodeship,
#: *Pomorskiego Uniwersytetu Medycznego*): before a capitalised body's name they open it (:func:`_classify_run`).
REGION_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "pl": tuple(f"{stem}{end}" for stem in ("sk", "ck") for end in ("ie", "iego", "iej", "im", "ich", "ą", "iemu")),
}
#: Languages whose names end in the word for the kind of thing named (*Congress Street*, *Union Square*, *Premier
#: League*): that word decides the type where an organisation's head word stands before it, a title word before an
#: organisation's head word is the organisation's first word, a place before a body is its first word and a town
#: before a plural names a team (*Chicago Bulls*).
HEAD_LAST_LANGS = frozenset({"en"})
#: A word capitalised inside a sentence and common in at least this many other languages' word lists is a name
#: that travels, however frequent in the text's own language (*Biden* has Zipf 3.3 in Turkish news).
ABROAD_NAME = 3
#: In caseless scripts, a single word this frequent is a common word unless it names a country, continent
#: or a city of more than a million people (gazetteer priority >= 1.6).
CASELESS_COMMON_ZIPF = 4.0
CASELESS_CITY_MIN_PRIORITY = 1.6
#: Shortest base form of a state or province that an inflected word may be read as (``Kerali`` -> ``Kerala``).
#: Not asked of the hand-written regions (``Krymie``, ``Крымом`` -> *Krym*, *Крым*), whose names are no
#: iso-codes translation noise.
INFLECTED_STATE_MIN_CHARS = 6
#: In a language that capitalises every noun, a word at least this frequent (Zipf) is not read as an inflected form of
#: a place other than a country anywhere in a sentence (German *Wein*, wine, is no *Wei* + *n*; genitives such as
#: *Berlins*, *Bayerns* stay below it).
INFLECTED_NOUN_ZIPF = 4.2
#: In caseless scripts a word this frequent ends a name (रूप); surnames can be frequent words too, and the most
#: frequent are left to other cues (मोदी, 6.02, is found with its given name: a bar of 6.1 took in more ordinary
#: words than names, ilner-hi F1 .682 -> .676).
CASELESS_NAME_MAX_ZIPF = 6.0
#: Fewest letters of the place's name inside a demonym (*Çinli*: three), so that *Veli* is no demonym of a *Ve*;
#: and of the noun inside a compound's possessive head (:func:`_possessive_compound`).
MIN_DEMONYM_STEM = 3
#: A possessive head's noun is a common word at least this frequent (Zipf): *maraton* 3.7, *zirve* 4.3.
POSSESSIVE_STEM_ZIPF = 3.0
_STOPWORDS_PER_LANGUAGE = 100
#: Han and Katakana are written without spaces: each Han character, and each Katakana run, is a piece of its own.
_CJK_RE = regex.compile(r"[\p{Han}\p{Katakana}ー]")
_CJK_PIECE_RE = regex.compile(r"\p{Han}|[\p{Katakana}ー]+|[^\p{Han}\p{Katakana}ー]+")
#: Korean particles written onto a name (서울에서, 러시아의): at most this many syllables follow a matched name.
HANGUL_PARTICLE_MAX = 2
#: Fewest characters of a CJK gazetteer name (two-character ones only for countries and big cities).
CJK_MIN_CHARS = 2
_SENTENCE_END = regex.compile(r"[.!?…\n।؟]")
_APOSTROPHES = frozenset("'’ʼ`")
_OPENING_QUOTES = frozenset("„«‚‹「『")
_CLOSING_QUOTES = frozenset("”»›」』")
_TOGGLING_QUOTES = frozenset('"“‘')  # “ opens in English, closes in German
_HYPHENS = frozenset("-‐‑")  # an en dash joins two names into a route or a range (*Dostyk–Moiynty*), no name
_OPEN_BRACKET = regex.compile(r"\(\s*$")
_CLOSE_BRACKET = regex.compile(r"^\s*\)")
_ROMAN_NUMERAL = regex.compile(r"^[IVXLCDM]+$")


@dataclass(slots=True)
class Tok:
    """One piece of the text with what the layers need to know about it."""

    start: int
    end: int
    text: str
    key: str
    lang: str
    cased: bool  # written in a script with case, outside all-caps lines
    cap: bool  # starts with a capital
    upper: bool  # an all-capitals word of 2+ letters outside all-caps lines
    sent_start: bool
    sep: str  # "space" | "hyphen" | "apos" | "break" | "join" (no gap: CJK): what joins it to the previous piece
    sep_text: str
    cjk: bool = False  # a Han character or Katakana run: glued to its neighbours, matched by the CJK layer
    shouted: bool = False  # in a line written in capitals (a headline): no cue to a name, never part of one alone
    title: int = -1  # how many pieces of a title start here (see _is_title); -1 until asked


@dataclass(slots=True)
class Found:
    """A mention while it is being built: piece range [i, j) and what it is."""

    i: int
    j: int
    type: str
    confidence: float
    layer: str
    lemma: str | None = None
    kb_id: str | None = None
    emit: bool = True  # False for matches that only block (language names)


@dataclass
class KnownName:
    """A name found confidently somewhere, to be looked for elsewhere (or, for a place, only a vote on its type)."""

    pieces: tuple[str, ...]  # folded base forms
    type: str
    confidence: float
    lemma: str
    kb_id: str | None = None
    #: Whether its last piece may be looked for alone: it was written as a name (a capital inside a sentence, a
    #: caseless or acronym spelling) or is rare in its language (see :func:`_spreads_alone`).
    alone: bool = True
    #: Whether its text also writes its last piece in lower case: then it is an ordinary word, never spread alone.
    ordinary: bool = False
    #: Whether it was written as an acronym (*NATO*, *PiS*): then it is not read into an inflected ordinary word.
    acronym: bool = False


#: Types propagation spreads; a place reading only votes (a name the batch knows as a place is not spread as a
#: person or organisation: gazetteer places are found in every text by the gazetteer itself).
SPREAD_TYPES = frozenset({"PER", "ORG"})
VOTING_TYPES = SPREAD_TYPES | {"LOC"}


@dataclass
class KnownNames:
    """Index of known names: full names by folded first piece, surnames by key and by skeleton.

    One entry per name (its pieces): its type is the reading with the highest summed confidence over every
    mention that added it (``votes``), so one article's person ``Ryanair`` yields to the organisation other
    articles found, and a place reading stops the spreading. ``parts`` sums the confidence of the longer
    organisation names a word stands in: a word found more often inside them than alone (``Air``, ``Airways``)
    is a piece of names, not one (``Tehreek`` of ``Tehreek-e-Labbaik``, as a person or not).
    """

    full: dict[str, list[KnownName]] = field(default_factory=dict)
    single: dict[str, KnownName] = field(default_factory=dict)
    by_skeleton: dict[str, list[tuple[str, KnownName]]] = field(default_factory=dict)
    votes: dict[tuple[str, ...], dict[str, float]] = field(default_factory=dict)
    parts: dict[str, float] = field(default_factory=dict)
    entries: dict[tuple[str, ...], KnownName] = field(default_factory=dict)

    def add(self, name: KnownName) -> None:
        """Count a name's reading and index it under its full form and, for people and single words, its last
        piece (order-independent: the same names added in any order give the same index)."""
        if not name.pieces:
            return
        self._vote(name.pieces, name.type, name.confidence)
        if len(name.pieces) > 1 and name.type == "ORG":
            for piece in set(name.pieces):
                self.parts[piece] = self.parts.get(piece, 0.0) + name.confidence
        if name.type not in SPREAD_TYPES:
            if len(name.pieces) > 1 and len(name.pieces[-1]) >= 3:
                self._vote(name.pieces[-1:], name.type, name.confidence)  # Britain of Great Britain
            return
        if len(name.pieces) > 1:
            self._index(name, full=True)
        if len(name.pieces) == 1 or name.type == "PER":
            last = name.pieces[-1]
            if len(last) < 3:
                return
            solo = KnownName((last,), name.type, name.confidence, last, name.kb_id if len(name.pieces) == 1 else None,
                             name.alone, name.ordinary, name.acronym)
            if len(name.pieces) > 1:
                self._vote(solo.pieces, solo.type, solo.confidence)
            self._index(solo, full=False)

    def spreads(self, cand: KnownName) -> bool:
        """Whether a known name is looked for: a person or organisation by the vote; a single word only when
        written as a name, never in lower case, and found as that name more than inside longer organisations'."""
        if cand.type not in SPREAD_TYPES:
            return False
        if len(cand.pieces) > 1:
            return True
        if cand.ordinary or not cand.alone:
            return False
        return self.votes[cand.pieces][cand.type] > self.parts.get(cand.pieces[0], 0.0)

    def _vote(self, pieces: tuple[str, ...], type_: str, confidence: float) -> None:
        votes = self.votes.setdefault(pieces, {})
        votes[type_] = votes.get(type_, 0.0) + confidence
        entry = self.entries.get(pieces)
        if entry is not None:
            entry.type = _winner(votes)

    def _index(self, name: KnownName, full: bool) -> None:
        entry = self.entries.get(name.pieces)
        if entry is None:
            entry = replace(name)
            self.entries[name.pieces] = entry
            if full:
                self.full.setdefault(name.pieces[0], []).append(entry)
            else:
                self.single[name.pieces[0]] = entry
                sk = skeleton(name.pieces[0])
                if len(sk) >= 3:
                    self.by_skeleton.setdefault(sk, []).append((romanize(name.pieces[0]), entry))
        else:
            if (name.confidence, name.lemma) > (entry.confidence, entry.lemma):
                entry.confidence, entry.lemma, entry.kb_id = name.confidence, name.lemma, name.kb_id
            entry.alone = entry.alone or name.alone
            entry.ordinary = entry.ordinary or name.ordinary
            entry.acronym = entry.acronym or name.acronym
        entry.type = _winner(self.votes[name.pieces])

    def __len__(self) -> int:
        return len(self.single) + sum(len(v) for v in self.full.values())


def _winner(votes: dict[str, float]) -> str:
    """The reading with the highest summed confidence (ties: the alphabetically first type, for determinism)."""
    return min(votes, key=lambda t: (-round(votes[t], 6), t))


@cache
def _own_titles(lang: str) -> frozenset[str]:
    """The single-word titles a language lists itself (not :data:`TITLES` ``"*"``), folded."""
    return frozenset(fold(w) for w in TITLES.get(lang, frozenset()) if len(w.split()) == 1)


@cache
def _titles(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(single-word titles, two-word titles) for a language, folded; a title written with a hyphen is two, as the
    text's pieces split it (*пресс-секретарь*)."""
    words = TITLES.get(lang, frozenset()) | TITLES["*"]
    one = frozenset(fold(w) for w in words if len(w.split()) == 1)
    two = frozenset(" ".join(fold(p) for p in pieces(w)) for w in words if len(pieces(w)) == 2)
    return one, two


@cache
def _name_titles(lang: str) -> frozenset[str]:
    """Honorifics that belong to the name they precede (``NAME_TITLES``), folded."""
    return frozenset(fold(w) for w in NAME_TITLES.get(lang, ()))


@cache
def _org_heads(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in ORG_HEADS.get(lang, frozenset()) | ORG_HEADS["*"])


@cache
def _clipped_org_words(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in CLIPPED_ORG_WORDS.get(lang, frozenset()))


def _national_compound(tok: Tok) -> bool:
    """Whether the word is one compound naming a body of the state: a national prefix, more, and an organisation's
    head word (:data:`NATIONAL_COMPOUND_PREFIXES`: *Bundesgesundheitsministeriums*, *Bundesamt*)."""
    prefixes = NATIONAL_COMPOUND_PREFIXES.get(tok.lang)
    return bool(prefixes) and tok.key.startswith(prefixes) and any(
        _head_match(form, tok.lang, _org_heads(tok.lang)) for form in bases(tok))


def _clipped_org_word(tok: Tok) -> bool:
    """Whether the word is a clipped name of a public body (:data:`CLIPPED_ORG_WORDS`) in any case its inflection
    bases read: with an ending added (*Минфина*) or in place of its last letter (*Генпрокуратуры*, *Мосгордумы*)."""
    words = _clipped_org_words(tok.lang)
    return bool(words) and any(form in words for form in bases(tok))


@cache
def _company_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(nouns that describe a company before its name, after it) for a language, folded."""
    return (frozenset(fold(w) for w in COMPANY_WORDS_BEFORE.get(lang, frozenset())),
            frozenset(fold(w) for w in COMPANY_WORDS_AFTER.get(lang, frozenset())))


@lru_cache(maxsize=200_000)
def _is_company_word(key: str, lang: str) -> bool:
    """Whether ``key`` is (an inflected form of) a noun that describes a company before its name: asked of
    nearly every word, so remembered like :func:`_is_title_word`."""
    return _word_match(key, lang, _company_words(lang)[0], 3)


@cache
def _loc_heads(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in LOC_HEADS.get(lang, frozenset()) | LOC_HEADS["*"])


@cache
def _reporting(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in REPORTING_VERBS.get(lang, frozenset()) if " " not in w)


@cache
def _name_breakers(lang: str) -> frozenset[str]:
    """Words no name has as a piece, so a run of name words ends before one: the verbs of saying (:func:`_reporting`)
    and the one-word cues of the quote stage's attribution (:data:`newsweave.lang.quotes.REPORTING_VERBS`, stems
    left out), so one opening a sentence opens no name (Polish *Według Głównego Urzędu Statystycznego*, "according
    to the Central Statistical Office")."""
    return _reporting(lang) | frozenset(fold(w) for w in QUOTE_CUES.get(lang, ()) if " " not in w
                                        and not w.endswith("*"))


@lru_cache(maxsize=1024)
def _base_lang(lang: str | None) -> str:
    return (lang or "und").split("-")[0].split("_")[0].lower()


def bases(tok: Tok) -> Mapping[str, str]:
    """Folded base forms the piece may inflect from -> the base spelt with the text's own case (read-only: the
    mapping is cached and shared by every later look at the same word)."""
    return inflection_bases(tok.text, tok.key, tok.lang)


def _is_title(toks: list[Tok], i: int) -> int:
    """How many pieces (0, 1 or 2) of a title start at piece ``i`` (remembered on the piece: layers ask often)."""
    tok = toks[i]
    if tok.title < 0:
        if i + 1 < len(toks) and (toks[i + 1].sep in ("space", "hyphen") or _after_abbreviation(toks, i + 1)) \
                and _is_title_pair(tok.key, toks[i + 1].key, tok.lang):
            tok.title = 2
        else:
            tok.title = 1 if _is_title_word(tok.key, tok.lang) else 0
    return tok.title


def _after_abbreviation(toks: list[Tok], k: int) -> bool:
    """Whether piece ``k`` follows an abbreviation's period inside its sentence (:data:`NON_FINAL`: *St. Petersburg*,
    *Dr. Öğr. Üyesi*): the two pieces may be one name or title, as two with a space between are."""
    return k > 0 and not toks[k].sent_start and toks[k].sep_text.strip() == "." and toks[k - 1].key in NON_FINAL


@lru_cache(maxsize=200_000)
def _is_title_pair(first: str, second: str, lang: str) -> bool:
    _, two = _titles(lang)
    pair = f"{first} {second}"
    return pair in two or any(pair.startswith(t) and len(pair) - len(t) <= 3 for t in two if t[:3] == pair[:3])


@lru_cache(maxsize=200_000)
def _is_title_word(key: str, lang: str) -> bool:
    """A title or role (an inflected form too), unless the word is an institution the title heads (Turkish
    *Bakanlığı* "ministry" starts like *Bakan* "minister"), the title in the plural (:data:`PLURAL_ENDINGS`) or a
    surname built on it (:data:`SURNAME_ENDINGS`: *Valioğlu*)."""
    titles = _titles(lang)[0]
    if lang in NOUN_CAPITALISING and _compound_title(key, titles) and not _head_match(key, lang, _org_heads(lang)):
        return True  # German *Finanzchef*, *Sozialsenatorin*: a compound ending in a title is one
    if not _word_match(key, lang, titles, 4) or _institution_not_title(key, lang, titles) or (
            key not in titles and key.endswith(SURNAME_ENDINGS.get(lang, ()))):
        return False
    if key not in titles and lang in TITLES and not _word_match(key, lang, _own_titles(lang), 4):
        return False  # an international title is matched as written where the language lists its own (Polish
        # "Generalną", "general" as an adjective, is no "general")
    endings = TITLE_ENDINGS.get(lang)
    if endings is not None and key not in titles and not any(
            key[:size] in titles and key[size:] in endings for size in range(3, len(key))):
        return False  # Turkish *papatya*, *Kralkızı*, *Hakimiyet*, *yazarlık*: a title's letters, not its case
    # the stem before a plural ending (*bakan|lar*, *başkan|ları*) is the title
    return not any((at := key.find(end, 1)) > 0 and key[:at] in titles for end in PLURAL_ENDINGS.get(lang, ()))


#: Shortest title, and shortest word before it, that end a compound read as a title (:func:`_compound_title`): *rat*
#: would make *Vorrat* ("stock") one.
COMPOUND_TITLE_MIN, COMPOUND_TITLE_PREFIX_MIN = 4, 3


def _compound_title(key: str, titles: frozenset[str]) -> bool:
    """Whether a word is a compound whose last part is a one-word title of :data:`COMPOUND_TITLE_MIN` letters or more
    (*finanz|chef*, *sozial|senatorin*)."""
    return any(key[at:] in titles for at in range(COMPOUND_TITLE_PREFIX_MIN, len(key) - COMPOUND_TITLE_MIN + 1))


def _institution_not_title(key: str, lang: str, titles: frozenset[str]) -> bool:
    """Whether a word that reads as a title is an organisation's head word instead: one the title only starts
    (Turkish *Bakanlığı* "ministry", *bakan* "minister"). A listed title stays one, and so does a word the title
    spells out as far as the head does (Czech *ministra* is the minister's, though *ministr|stvo* is a ministry in
    other languages; Polish *ambasadora*, Turkish *gazetecinin* "the journalist's"); where nouns compound, the head
    ends the word with a noun's ending at most (German *Botschaft*, *Botschaften* are the embassy, *Botschafters* the
    ambassador's)."""
    heads = _org_heads(lang)
    if key in titles or not _head_match(key, lang, heads):
        return False
    return lang in NOUN_CAPITALISING or _listed_prefix(key, heads) > _listed_prefix(key, titles)


def _listed_prefix(key: str, words: frozenset[str]) -> int:
    """Length of the longest of ``words`` that ``key`` starts with (0: none)."""
    return next((size for size in range(len(key), 0, -1) if key[:size] in words), 0)


def _has_head(tok: Tok, heads: frozenset[str]) -> bool:
    """Whether the piece is (an inflected form of, or in ``de`` a compound ending in) one of the head words."""
    return _head_match(tok.key, tok.lang, heads)


@lru_cache(maxsize=200_000)
def _head_match(key: str, lang: str, heads: frozenset[str]) -> bool:
    if lang in NOUN_CAPITALISING:
        return _noun_head_match(key, heads)
    return _word_match(key, lang, heads, 6)


def _noun_head_match(key: str, heads: frozenset[str]) -> bool:
    """Whether a noun is a head word or a compound ending in one (*Oberlandesgerichts*), with a case or plural
    ending (:data:`NOUN_HEAD_ENDINGS`)."""
    for ending in NOUN_HEAD_ENDINGS:
        if not key.endswith(ending):
            continue
        stem = key[:len(key) - len(ending)]
        if stem in heads or _compound_ending_in(stem, heads):
            return True
    return False


def _compound_ending_in(key: str, words: frozenset[str]) -> bool:
    """Whether a compound ends in one of ``words`` of five letters or more (German *Oberlandesgericht*)."""
    return any(key[len(key) - size:] in words for size in range(5, len(key)))


#: Words this short match an inflected form only with an ending of at most ``SHORT_WORD_ENDING`` letters.
SHORT_WORD, SHORT_WORD_ENDING = 3, 2


def _word_match(key: str, lang: str, words: frozenset[str], max_ending: int) -> bool:
    """``key`` is one of ``words``, an inflected form of one (an ending of at most ``max_ending`` letters),
    or, where nouns compound (de), a compound ending in one.

    Looks up the key's prefixes and suffixes in the set rather than scanning the words (hundreds of titles).
    """
    if key in words:
        return True
    n = len(key)
    for size in range(max(4, n - max_ending), n):
        if key[:size] in words:
            return True
    if n - SHORT_WORD_ENDING <= SHORT_WORD <= n and key[:SHORT_WORD] in words \
            and key not in given_names() and key not in surnames():
        return True  # a three-letter word's short ending (Polish "Sądu", Russian "суда"), not "судьба" (fate), nor
        # a person's name that starts so (Czech "Radek" is no "rada", council; "Bayer" no bay)
    return lang in NOUN_CAPITALISING and _compound_ending_in(key, words)


def _is_org_head(tok: Tok) -> bool:
    return _has_head(tok, _org_heads(tok.lang))


def _bare_head(tok: Tok) -> bool:
    """An organisation head word on its own, at most inflected (``Forum``, ``Forumu``), not an all-caps acronym."""
    return not tok.upper and any(tok.key.startswith(h) and len(tok.key) - len(h) <= 3
                                 for h in _org_heads(tok.lang))


def _is_loc_head(tok: Tok) -> bool:
    return _has_head(tok, _loc_heads(tok.lang)) and not tok.key.startswith(LOC_HEAD_ADJECTIVES)


@cache
def _event_heads(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in EVENT_HEADS.get(lang, frozenset()))


@cache
def _storm_words(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in STORM_WORDS.get(lang, frozenset()))


def _is_stop(tok: Tok) -> bool:
    return tok.key in frequency.top_words(tok.lang, _STOPWORDS_PER_LANGUAGE)


class _Doc:
    """The pieces of one text and which of them the layers have already claimed."""

    def __init__(self, text: str, lang: str | None, spans: list[tuple[int, int, str]],
                 toks: list[Tok] | None = None) -> None:
        """``toks``: the text's pieces when already made (``tokenize(text, lang, spans)``, from :class:`_TokenMemo`)."""
        self.text = text
        self.toks = tokenize(text, lang, spans) if toks is None else toks
        self.owner: list[int] = [-1] * len(self.toks)
        self.found: list[Found] = []
        self.keys = {t.key for t in self.toks}
        #: Pieces a statistical tagger has decided on (its ``override`` mode): the capitalisation guess skips them.
        self.decided: list[bool] = [False] * len(self.toks)
        #: The owners of the pieces when the tagger ran, kept where its universal model reads the text later.
        self.tagger_owner: list[int] | None = None
        self._lower: frozenset[str] | None = None
        self._lower_sorted: list[str] | None = None
        self._quoted: list[bool] | None = None

    @property
    def lower_keys(self) -> frozenset[str]:
        """Keys of the pieces written in lower case: a capitalised word also written so is a common word."""
        if self._lower is None:
            self._lower = frozenset(t.key for t in self.toks if t.cased and t.text.islower())
        return self._lower

    @property
    def lower_sorted(self) -> list[str]:
        """:attr:`lower_keys` in order, to find the lower-case words that start with a stem by bisection."""
        if self._lower_sorted is None:
            self._lower_sorted = sorted(self.lower_keys)
        return self._lower_sorted

    @property
    def quoted(self) -> list[bool]:
        """Whether each piece stands inside quotation marks opened on its line (titles of works, brands)."""
        if self._quoted is None:
            inside = False
            marks: list[bool] = []
            for tok in self.toks:
                if "\n" in tok.sep_text:
                    inside = False
                for ch in tok.sep_text:
                    if ch in _OPENING_QUOTES:
                        inside = True
                    elif ch in _CLOSING_QUOTES:
                        inside = False
                    elif ch in _TOGGLING_QUOTES:
                        inside = not inside
                marks.append(inside)
            self._quoted = marks
        return self._quoted

    def release(self, idx: int) -> None:
        """Withdraw a finding (a stronger layer has a better reading of its pieces)."""
        f = self.found[idx]
        f.emit = False
        for k in range(f.i, f.j):
            if self.owner[k] == idx:
                self.owner[k] = -1

    def free(self, i: int, j: int) -> bool:
        return 0 <= i < j <= len(self.toks) and all(o < 0 for o in self.owner[i:j])

    def claim(self, f: Found) -> bool:
        if not self.free(f.i, f.j):
            return False
        idx = len(self.found)
        self.found.append(f)
        for k in range(f.i, f.j):
            self.owner[k] = idx
        return True

    def replace(self, f: Found) -> bool:
        """Claim ``f`` in place of the findings wholly inside its span, which are withdrawn; nothing when a finding
        runs across its edge (a longer reading that ``f`` is no part of)."""
        inside = {self.owner[k] for k in range(f.i, f.j) if self.owner[k] >= 0}
        if any(self.found[idx].i < f.i or self.found[idx].j > f.j for idx in inside):
            return False
        for idx in inside:
            self.release(idx)
        return self.claim(f)

    def surface(self, i: int, j: int) -> str:
        return self.text[self.toks[i].start: self.toks[j - 1].end]


_MemoKey = tuple[str, str | None, tuple[tuple[int, int, str], ...]]


class _TokenMemo:
    """The pieces of the texts the entity stage tokenised last, for :func:`document` to take rather than tokenise
    the same text again: corpus propagation runs right after the stages, and tokenising was ~84% of its time.

    Keyed by everything :func:`tokenize` reads (text, language, spans), so a piece list taken is exactly what
    tokenising again would give; pieces are never changed after tokenising except ``Tok.title``, a memo of a
    function of the pieces. Bounded so that a long run (100k articles, or stages run without propagation) keeps
    little: at most ``limit`` pieces in all, the oldest texts dropped first, and an entry leaves when taken.
    A miss (dropped, another process, another text) only costs tokenising again. Locked: stages may run in threads.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._entries: OrderedDict[_MemoKey, list[Tok]] = OrderedDict()
        self._pieces = 0
        self._lock = threading.Lock()

    def put(self, key: _MemoKey, toks: list[Tok]) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._pieces -= len(old)
            self._entries[key] = toks
            self._pieces += len(toks)
            while self._pieces > self.limit:
                _, dropped = self._entries.popitem(last=False)
                self._pieces -= len(dropped)

    def take(self, key: _MemoKey) -> list[Tok] | None:
        with self._lock:
            toks = self._entries.pop(key, None)
            if toks is not None:
                self._pieces -= len(toks)
            return toks

    def __len__(self) -> int:
        return len(self._entries)


_TOKEN_MEMO = _TokenMemo(TOKEN_MEMO_PIECES)


def tokenize(text: str, lang: str | None, spans: list[tuple[int, int, str]] | None = None) -> list[Tok]:
    """Split text into pieces with their language (from ``spans`` of per-segment languages) and shape."""
    base = _base_lang(lang)
    spans = sorted(spans or [])
    starts = [s[0] for s in spans]
    span_langs = [_base_lang(s[2]) for s in spans]
    span_langs = [base if code == "und" else code for code in span_langs]
    toks: list[Tok] = []
    prev_end = 0
    words = _dotted_acronyms(text, [(m.start(), m.end(), m.group()) for m in PIECE_RE.finditer(text)])
    if "uz" in (base, *span_langs):
        words = _uzbek_apostrophes(text, words, lambda k: _lang_at(k, base, spans, starts, span_langs))
    shout_lines = _shouting_lines(text, words)
    for start, end, word, cjk in _pieces(text, words):
        word = word.replace(SOFT_HYPHEN, "")  # the piece's letters; its offsets still span the hyphens
        if len(word) > MAX_PIECE_CHARS:
            prev_end = end
            toks.append(Tok(start, end, word, "", base, False, False, False, True, "break", ""))
            continue
        sep_text = text[prev_end: start]
        if toks:
            sep, ends_sentence = _separator(sep_text)
        else:
            sep, ends_sentence = "break", True
        tok_lang = _lang_at(start, base, spans, starts, span_langs)
        if (ends_sentence and toks and tok_lang in ORDINAL_PERIOD_LANGS and sep_text.strip() == "."
                and toks[-1].text.isdigit() and len(toks[-1].text) <= ORDINAL_MAX_DIGITS):
            ends_sentence = False  # "20. Uluslararası ...": the period of an ordinal
        key, cased, first_upper, all_upper = _word_shape(word)
        if (toks and not ends_sentence and first_upper and _dotted(toks[-1])
                and frequency.zipf(key, tok_lang) >= FUNCTION_WORD_ZIPF):
            sep, ends_sentence = "break", True  # "... in the U.S. The next day": the acronym's period ends it
        if ends_sentence and toks and sep_text.strip() == "." and toks[-1].key in NON_FINAL:
            ends_sentence = False  # "Prof. Dr. Zelkan Yavaş", "przy ul. Bułgarskiej": periods of abbreviations
        if (ends_sentence and toks and sep_text[:1] == "." and sep_text[1:].isspace() and "\n" not in sep_text
                and _initial_before(toks[-1], key, first_upper, tok_lang)):
            sep, ends_sentence = "space", False  # "Zelkan P. Kiprotich": the name goes on after an initial
        # a line in capitals says nothing about which words are names: its words are read as a caseless script's,
        # where the gazetteer and knowledge base find names (the text below the headline repeats the others)
        shouted = cased and bool(shout_lines) and bisect.bisect_right(shout_lines, start) % 2 == 1
        cased = cased and not shouted
        cap = cased and first_upper
        if (cased and not cap and toks and sep == "space" and toks[-1].cap
                and _compound_tail(toks[-1].key, key, tok_lang)):
            cap = True  # "İş birliği": the lower-case half of a two-word compound inside a name
        upper = all_upper and cased
        toks.append(Tok(start, end, word, key, tok_lang, cased, cap, upper, ends_sentence, sep, sep_text, cjk,
                        shouted=shouted))
        prev_end = end
    _quoted_sentences(toks)
    return toks


def _lang_at(offset: int, base: str, spans: list[tuple[int, int, str]], starts: list[int],
             span_langs: list[str]) -> str:
    """The language of the segment the text's character at ``offset`` stands in (``base`` outside every span)."""
    k = bisect.bisect_right(starts, offset) - 1
    return span_langs[k] if k >= 0 and spans[k][0] <= offset < spans[k][1] else base


#: Marks Uzbek Latin is typed with inside a word for the turned comma of *oʻ*, *gʻ* and for the glottal stop's
#: apostrophe (*Fargʻona*, *Oʻzbekiston*, *maʼlumot*): the keyboard's apostrophe, quotation marks, accents.
UZBEK_WORD_APOSTROPHES = frozenset("'‘’`´")


def _uzbek_apostrophes(text: str, words: list[tuple[int, int, str]],
                       lang_at: Callable[[int], str]) -> list[tuple[int, int, str]]:
    """The text's pieces with two joined into one word where an Uzbek text types a letter's mark between them
    (:data:`UZBEK_WORD_APOSTROPHES`: *Farg'ona*, *O‘zbekiston*), as the modifier letters GeoNames writes
    (*Fargʻona*) are inside a piece; :func:`~newsweave.kb.gazetteer.fold` reads them all alike. Only in Uzbek: a
    Turkish or English apostrophe before a case ending or *'s* (*Tokyo'da*, *Tokyo's*) stays a separator."""
    out: list[tuple[int, int, str]] = []
    for start, end, word in words:
        if out and out[-1][1] == start - 1 and text[start - 1] in UZBEK_WORD_APOSTROPHES and lang_at(start) == "uz" \
                and out[-1][2][-1].isalpha() and word[0].isalpha():
            first, _, before = out[-1]
            out[-1] = (first, end, before + text[start - 1] + word)
        else:
            out.append((start, end, word))
    return out


#: One capital letter and a period, two or more times with nothing between (*U.S.*, *U.K.*, *E.U.*).
_DOTTED_ACRONYM = regex.compile(r"(?:\p{Lu}\.){2,}")


def _dotted_acronyms(text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The text's pieces with each acronym written with periods made one piece of its letters (*U.S.* -> ``US``,
    spanning the periods), so the gazetteer reads it as it reads *US*."""
    if ". " not in text and not text.endswith("."):
        return words
    spans = [(m.start(), m.end()) for m in _DOTTED_ACRONYM.finditer(text)
             if (m.start() == 0 or not text[m.start() - 1].isalnum())]
    if not spans:
        return words
    starts = {start: end for start, end in spans}
    out: list[tuple[int, int, str]] = []
    skip_to = -1
    for start, end, word in words:
        if start < skip_to:
            continue
        if start in starts:
            skip_to = starts[start]
            out.append((start, skip_to, text[start:skip_to].replace(".", "")))
            continue
        out.append((start, end, word))
    return out


def _initial_before(prev: Tok, key: str, first_upper: bool, lang: str) -> bool:
    """Whether the period after ``prev`` closes the initial of a name (*Zelkan P. Kiprotich*, *K. Zelmorra*): ``prev``
    is one capital letter and the next word is capitalised and no function word (*Plan B. The* ends a sentence); in
    a caseless script, ``prev`` spells one letter's name and the next word is no function word (Hindi *आर. ज़ेलकान*,
    R. Zelkan)."""
    if not prev.cased and prev.key and _spelled_letters(prev.key) == 1:
        return not is_cased(key) and frequency.zipf(key, lang) < FUNCTION_WORD_ZIPF
    return (first_upper and len(prev.text) == 1 and prev.cap
            and frequency.zipf(key, lang) < FUNCTION_WORD_ZIPF)


def _quoted_sentences(toks: list[Tok]) -> None:
    """A quotation that opens with a capitalised word and goes on in lower case is a sentence of its own (*'Bunu
    yapacağız' dedi*): its first word is read as a sentence's first, not as a name written inside a sentence."""
    for k in range(len(toks) - 1):
        tok, after = toks[k], toks[k + 1]
        if tok.sent_start or not tok.cap or tok.upper or after.sep != "space" or not after.cased or after.cap:
            continue
        before = tok.sep_text.rstrip()
        mark = before[-1:]
        if mark in _OPENING_QUOTES or ((mark in _TOGGLING_QUOTES or mark == "'") and before[-2:-1].isspace()):
            tok.sent_start = True


def _compound_tail(first: str, word: str, lang: str) -> bool:
    """Whether ``word`` continues the capitalised ``first`` as the lower-case half of a two-word compound
    (:data:`~newsweave.lang.orgwords.CAPITALISED_COMPOUND_TAILS`)."""
    tails = CAPITALISED_COMPOUND_TAILS.get(lang, {}).get(first)
    return bool(tails) and word.startswith(tails)


@lru_cache(maxsize=200_000)
def _word_shape(word: str) -> tuple[str, bool, bool, bool]:
    """(key, cased, starts with a capital, all capitals of 2+ letters) of a piece: words recur, folding is slow."""
    cased = is_cased(word)
    return fold(word), cased, cased and word[0].isupper(), cased and len(word) >= 2 and word.isupper()


@lru_cache(maxsize=20_000)
def _separator(sep_text: str) -> tuple[str, bool]:
    """How a piece joins the one before (see ``Tok.sep``) and whether a sentence starts at it."""
    if not sep_text:
        sep = "join"
    elif sep_text.isspace() and "\n" not in sep_text:
        sep = "space"
    elif all(ch in _HYPHENS for ch in sep_text):
        sep = "hyphen"
    elif all(ch in _APOSTROPHES for ch in sep_text):
        sep = "apos"
    else:
        sep = "break"
    return sep, bool(_SENTENCE_END.search(sep_text)) or (sep == "break" and "\n" in sep_text)


def _pieces(text: str, words: list[tuple[int, int, str]]) -> Iterable[tuple[int, int, str, bool]]:
    """(start, end, text, is_cjk) of each piece: the text's ``words`` (``PIECE_RE`` matches: runs of letters,
    marks and digits), Han and Katakana split off."""
    if not _CJK_RE.search(text):
        return ((start, end, word, False) for start, end, word in words)
    return _pieces_cjk(words)


def _pieces_cjk(words: list[tuple[int, int, str]]) -> Iterable[tuple[int, int, str, bool]]:
    """:func:`_pieces` of a text with Han or Katakana in it."""
    for start, end, word in words:
        if not _CJK_RE.search(word):
            yield start, end, word, False
            continue
        for sub in _CJK_PIECE_RE.finditer(word):
            part = sub.group()
            yield start + sub.start(), start + sub.end(), part, bool(_CJK_RE.match(part))


def _shouting_lines(text: str, words: list[tuple[int, int, str]]) -> list[int]:
    """Sorted [start, end, start, end, ...] of lines written in capitals (headlines in ALL CAPS).

    From the text's ``words`` (``PIECE_RE`` matches, which never hold a line break) rather than matching
    every line again: the words of a line are those between its bounds.
    """
    bounds: list[int] = []
    line_start, line_end = 0, -1
    cased: list[str] = []
    for start, _, word in words:
        if start > line_end:  # the first word of a later line
            _add_shouting_line(bounds, cased, line_start, line_end)
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            cased = []
        if len(word) > 1 and _word_shape(word)[1]:
            cased.append(word)
    _add_shouting_line(bounds, cased, line_start, line_end)
    return bounds


def _add_shouting_line(bounds: list[int], cased: list[str], start: int, end: int) -> None:
    """Add a line's bounds when most of its (3+) cased words of 2+ letters are in capitals, or when it is a headline in
    title case: (5+) words nearly all capitalised, a grammar word among them after the first (*Fines After Sewage
    Spills In Oxfordshire*), which a list of names has not."""
    shouted = len(cased) >= 3 and sum(w.isupper() for w in cased) >= 0.6 * len(cased)
    title_case = len(cased) >= TITLE_CASE_MIN_WORDS and sum(w[0].isupper() for w in cased) >= 0.9 * len(cased) \
        and any(w[0].isupper() and w.lower() in _title_case_grammar_words() for w in cased[1:])
    if shouted or title_case:
        bounds.extend((start, end))


#: Fewest cased words of a line read as a title-case headline.
TITLE_CASE_MIN_WORDS = 5


@cache
def _title_case_grammar_words() -> frozenset[str]:
    """Grammar words of the languages whose headlines are written in title case (:data:`TITLE_CASING`: English *In*,
    *After*, *For*, *Over*), which running text does not capitalise."""
    return frozenset(w for lang in TITLE_CASING for w in frequency.top_words(lang, _STOPWORDS_PER_LANGUAGE)
                     if len(w) >= 2)


# ---------------------------------------------------------------- layer 1: KB and gazetteer


def _gazetteer_layer(doc: _Doc, gaz: Gazetteer, layer: str, confidence: float) -> None:
    toks = doc.toks
    memo: dict[int, Mapping[str, str]] = {}

    def forms(k: int) -> Mapping[str, str]:
        if k not in memo:
            memo[k] = bases(toks[k])
        return memo[k]

    i = 0
    while i < len(toks):
        tok = toks[i]
        if doc.owner[i] >= 0 or not tok.key or (tok.cased and not tok.cap and (tok.key,) not in gaz.lowercase) \
                or tok.cjk:
            i += 1
            continue
        best: tuple[int, GazEntry, str] | None = None
        for first_key, first_text in forms(i).items():
            longest = gaz.longest.get(first_key, 0)
            for n in range(min(longest, len(toks) - i), 0, -1):
                if best and (n < best[0] - i or (n == best[0] - i and best[1].kb_id.startswith("iso:"))):
                    break  # a country read from one base form is not bettered by another (_better_reading)
                hit = _match_from(toks, i, n, first_key, first_text, forms, gaz)
                if n == 1 and _unwritten_acronym(toks, i, first_key, gaz):
                    hit = None  # Czech *Pisy* is Pisa's genitive, not *PiS* read in an ordinary word
                if hit is not None:
                    entry, lemma = hit
                    if best is None or n > best[0] - i or _better_reading(entry, best[1]):
                        best = (i + n, entry, lemma)
                    break
        if best is None and not tok.cased and len(tok.key) >= 4:
            entry = _listed_acronym(tok, gaz) or _spelling_variant(toks, i, gaz)
            if entry is not None:
                best = (i + 1, entry, tok.text)
        if best is None or _leading_article(doc, i, best, forms, gaz):
            i += 1
            continue
        j, entry, lemma = best
        if entry.kb_id.startswith("lang:") and tok.lang in ADJECTIVE_READ_LANGS and tok.key != fold(lemma):
            i += 1  # "Японском море": a language's adjective in a case opens a name, whose layers read it
            continue
        if _acceptable_gazetteer_hit(toks, i, j, entry, gaz, doc.lower_keys, fold(lemma)):
            # "Реджеп Эрдоган": the person's given name written before a listed surname is part of the name
            start = _given_names_start(doc, i, entry.kb_id) if entry.type == "PER" and j - i == 1 else i
            j = _with_apostrophe_suffix(toks, j)
            etype = "MISC" if j - i == 1 and _language_adjective(tok, entry) else entry.type
            (doc.replace if start < i else doc.claim)(Found(
                start, j, etype, confidence if etype != "LOC" or entry.kb_id.startswith("iso:") else confidence - 0.05,
                layer, lemma, entry.kb_id, emit=etype != "MISC"))
            i = j
        else:
            i += 1


#: lang -> articles that some gazetteer names open with (*The Netherlands*, *The European Union*) but news NER
#: leaves out of the name.
LEADING_ARTICLES: dict[str, frozenset[str]] = {"en": frozenset({"the"})}


def _leading_article(doc: _Doc, i: int, best: tuple[int, GazEntry, str], forms: Callable[[int], Mapping[str, str]],
                     gaz: Gazetteer) -> bool:
    """Whether the gazetteer name found at ``i`` opens with an article (:data:`LEADING_ARTICLES`) and the rest of it
    names the same thing, or opens a sentence with a function word and a longer name from the next piece reaches
    past it: the name is matched from the next piece (*The European Union* at a sentence's start is the organisation
    *European Union*, as it is mid-sentence; Spanish *La Unión Europea* is the EU, not the town *La Unión*)."""
    toks = doc.toks
    j, entry = best[0], best[1]
    if j - i < 2:
        return False
    if toks[i].sent_start and _is_stop(toks[i]) and any(
            _match_from(toks, i + 1, n, key, text, forms, gaz) is not None for key, text in forms(i + 1).items()
            for n in range(min(gaz.longest.get(key, 0), len(toks) - i - 1), j - i - 1, -1)):
        return True
    if toks[i].key not in LEADING_ARTICLES.get(_base_lang(toks[i].lang), ()) or (
            toks[i].cap and not toks[i].sent_start):
        return False  # "in The Hague": written with a capital inside a sentence, the article is the name's
    return any((hit := _match_from(toks, i + 1, j - i - 1, key, text, forms, gaz)) is not None
               and hit[0].kb_id == entry.kb_id for key, text in forms(i + 1).items())


def _language_adjective(tok: Tok, entry: GazEntry) -> bool:
    """Whether a word read as a country is the name of a language in a language that capitalises it as its people's
    adjective too (English *Russian*, *Kazakh*: :data:`TITLE_CASING`): a language or an adjective, no place. It keeps
    the country's id but is not emitted, as a language's name is not."""
    return tok.lang in TITLE_CASING and entry.kb_id.startswith("iso:") and tok.key in language_names(tok.lang)


def _listed_acronym(tok: Tok, gaz: Gazetteer) -> GazEntry | None:
    """The gazetteer's acronym a caseless-script word spells out letter by letter (Hindi सीएसटीओ, Urdu's
    letters for *IMF*): the lists write only some acronyms so (*एससीओ*), news writes them all. One in brackets is
    left to the acronym layer, which reads the name before it as what it stands for."""
    if _OPEN_BRACKET.search(tok.sep_text):
        return None
    letters = _spelled_acronym(tok.text)
    key = (letters.casefold(),) if letters else None
    return gaz.lookup(key) if key is not None and key in gaz.acronyms else None


#: Word frequency (Zipf) from which a caseless-script word is too common to be read as a name spelt another way.
SPELLING_VARIANT_MAX_ZIPF = 4.0


def _spelling_variant(toks: list[Tok], i: int, gaz: Gazetteer) -> GazEntry | None:
    """A caseless-script word read as a listed name spelt another way: by its sound skeleton
    (:meth:`~newsweave.kb.gazetteer.Gazetteer.lookup_skeleton`: *कजाकिस्तान*), or in Devanagari as Hindi speaks a
    town GeoNames names in Latin letters alone (:meth:`~newsweave.kb.gazetteer.Gazetteer.lookup_spoken`:
    *पानीपत*, Panipat); a place other than a country (frequent for being one: Persian *آذربایجان*) not from a common
    word unless it is shaped as a town (*संग्रहालय*, "museum", sounds like *Singrauli*; *कल्याण*, "welfare", is
    Kalyan's spoken name; *गोरखपुर* is as frequent) nor a title (*कर्नल*, "colonel", reads as *Karnal*)."""
    tok = toks[i]
    entry = gaz.lookup_skeleton(tok.text) or (
        gaz.lookup_spoken(tok.text) if script_of(tok.text) == "DEVANAGARI" else None)
    if entry is not None and not entry.kb_id.startswith("iso:") and (_is_title(toks, i) or (
            frequency.zipf(tok.key, tok.lang) >= SPELLING_VARIANT_MAX_ZIPF and not _town_shaped(tok))):
        return None
    return entry


def _town_shaped(tok: Tok) -> bool:
    """Whether the word ends as the language's towns do (Hindi *गोरखपुर*, frequent for being a city of a million)."""
    return _name_ending_kind(tok) == "LOC"


def _name_ending_kind(tok: Tok) -> str | None:
    """The kind of name the word's ending makes it (:data:`NAME_ENDINGS`: a club's, ``ORG``, Turkish *Zelmorraspor*;
    a place's, ``LOC``, *Zelmorraköy*, Hindi *हमीरपुर*), None where none does or the word is a common word so shaped
    (:data:`PLACE_SHAPED_WORDS`: *महानगर*, "metropolis")."""
    lang = _base_lang(tok.lang)
    if tok.key in PLACE_SHAPED_WORDS.get(lang, ()):
        return None
    return next((kind for kind, endings in NAME_ENDINGS if any(
        tok.key.endswith(e) and len(tok.key) - len(e) >= NAME_STEM_MIN_LETTERS for e in endings.get(lang, ()))),
        None)


def _better_reading(entry: GazEntry, best: GazEntry) -> bool:
    """Whether a name read from another base form of the same words beats the one found first: a place beats a
    language name (Polish *Polski* is "of Poland"), and a country any other place (Polish *Francji* is *Francja*,
    France, before it is *Franca*, a Brazilian city). Between two lesser places the first reading stays: a town's
    name read from an inflected given name (*Barry* as if from *Barra*) is no better than the first reading."""
    if entry.type == "MISC":
        return False
    return best.type == "MISC" or (entry.kb_id.startswith("iso:") and not best.kb_id.startswith("iso:"))


def cjk_names(gaz: Gazetteer) -> dict[str, GazEntry]:
    """The gazetteer's one-piece names written in Han, Katakana or Hangul, for matching inside unspaced text.

    Hiragana-only names (``ほんまち``) are left out: Hiragana is the script of Japanese grammar words. Two-character
    names only for countries and big cities: shorter strings meet common words by chance.
    """
    names: dict[str, GazEntry] = {}
    for key, idx in gaz.index.items():
        if len(key) != 1 or len(key[0]) < CJK_MIN_CHARS:
            continue
        name = key[0]
        if not (_CJK_RE.search(name) or _is_hangul(name)):
            continue
        entry = gaz.entries[idx]
        if len(name) == CJK_MIN_CHARS and not (entry.kb_id.startswith("iso:")
                                               or entry.priority >= CASELESS_CITY_MIN_PRIORITY):
            continue
        names[name] = entry
    return names


def _is_hangul(word: str) -> bool:
    return "\uac00" <= word[0] <= "\ud7a3"


def _cjk_layer(doc: _Doc, names: dict[str, GazEntry], layer: str, confidence: float) -> None:
    """Gazetteer names inside unspaced Han/Katakana text (``美国总统``) and before Korean particles (``서울에서``)."""
    if not names:
        return
    toks = doc.toks
    longest = max(len(n) for n in names)
    i = 0
    while i < len(toks):
        tok = toks[i]
        hit: tuple[int, GazEntry, str] | None = None
        if doc.owner[i] < 0 and tok.cjk:
            text = ""
            k = i
            while k < len(toks) and toks[k].cjk and (k == i or toks[k].sep == "join") and doc.owner[k] < 0:
                text += toks[k].key
                k += 1
                if len(text) > longest:
                    break
                if text in names:
                    hit = (k, names[text], text)
        elif doc.owner[i] < 0 and tok.key and not tok.cased and _is_hangul(tok.key):
            for cut in range(len(tok.key) - 1, max(CJK_MIN_CHARS, len(tok.key) - HANGUL_PARTICLE_MAX) - 1, -1):
                entry = names.get(tok.key[:cut])
                if entry is not None:
                    hit = (i + 1, entry, tok.text[:cut])
                    break
        if hit is None:
            i += 1
            continue
        j, entry, lemma = hit
        doc.claim(Found(i, j, entry.type, confidence, layer, lemma, entry.kb_id, emit=entry.type != "MISC"))
        i = j


def _match_from(toks: list[Tok], i: int, n: int, first_key: str, first_text: str, forms, gaz: Gazetteer
                ) -> tuple[GazEntry, str] | None:
    keys = [first_key]
    texts = [first_text]
    for k in range(i + 1, i + n):
        if toks[k].sep not in ("space", "hyphen") and not _after_abbreviation(toks, k):
            return None
        keys.append("")
        texts.append("")
    if n == 1:
        entry = gaz.lookup((first_key,))
        return None if entry is None else (entry, first_text)
    # Multi-piece names: every later piece may be inflected too ("Federacji Rosyjskiej"); of three pieces or more,
    # only readings some name starts with are followed ("Polskiej Agencji Prasowej": 8 x 12 x 7 readings).
    partial: list[tuple[list[str], list[str]]] = [([first_key], [first_text])]
    for k in range(i + 1, i + n):
        nxt = []
        for ks, ts in partial:
            for fk, ft in forms(k).items():
                if k + 1 == i + n or gaz.may_continue((*ks, fk)):
                    nxt.append(([*ks, fk], [*ts, ft]))
        partial = nxt[:16]
    for ks, ts in partial:
        entry = gaz.lookup(tuple(ks))
        if entry is not None:
            lemma = ""
            for k, t in zip(range(i, i + n), ts, strict=True):
                lemma += (toks[k].sep_text if k > i else "") + t
            return entry, lemma
    return None


def _acceptable_gazetteer_hit(toks: list[Tok], i: int, j: int, entry: GazEntry, gaz: Gazetteer,
                              doc_lower: frozenset[str] = frozenset(), base: str | None = None) -> bool:
    """Reject one-piece matches that are probably common words (countries excepted).

    Acronym names need capitals. A word the text also writes in lower case (``doc_lower``), or whose matched
    base form it writes so (``Sami`` read as ``Sam``, an alternate name of a city), is a common word there, unless
    capitalised mid-sentence after a place preposition (Polish *łodzi*, "of the boat", and *w Łodzi*, in Łódź).
    A city named like a common word of the text's language is read only after a place preposition (``nach Essen``).
    Sentence starts need rarity: a frequent word, unless a big place's name (frequent for being one: Київ);
    an inflected reading (``base`` is not the word itself) even a moderately frequent one (``Tanie`` "cheap");
    where a name's case ending needs an apostrophe (:data:`APOSTROPHE_REQUIRED`), an inflected reading none;
    a continent's or world region's name is exempt, as a country's is (``Europas``).
    """
    tok = toks[i]
    if j - i == 1:
        if _unwritten_acronym(toks, i, tok.key, gaz):
            return False
        country = entry.kb_id.startswith("iso:")
        if tok.cased and not country and (tok.key in doc_lower or (base or tok.key) in doc_lower) \
                and (tok.key,) not in gaz.lowercase and not _after_place_preposition(toks, i):
            return False
        if tok.cased and tok.lang in gaz.common_in.get((entry.kb_id, base or tok.key), ()) \
                and not _written_as_name(toks, i):
            return False  # a town named like a common word of the text's language (German "Essen")
        if tok.cased and entry.kb_id.startswith("geonames:") and entry.priority < CASELESS_CITY_MIN_PRIORITY \
                and tok.lang not in HEAD_LAST_LANGS | NOUN_CAPITALISING and i + 1 < len(toks) \
                and toks[i + 1].sep == "hyphen" and toks[i + 1].cased and not toks[i + 1].cap:
            return False  # "Либерал-демократик партияси": a compound adjective's first half, no town (Liberal, Kansas)
        if entry.kb_id.startswith("iso3166-2:") and entry.priority < REGION_PRIORITY and base is not None \
                and base != tok.key and len(base) < INFLECTED_STATE_MIN_CHARS:
            return False  # Polish "Komisji" is no inflected "Komis" (the Komi republic, in French)
        if base is not None and base != tok.key and not country and _adjective_case(tok) \
                and not base.endswith(ADJECTIVE_BASE_ENDINGS):
            return False  # Russian "Томского" is the adjective of Tomsk, not its case
        if tok.lang in NOUN_CAPITALISING and not country and base is not None and base != tok.key \
                and entry.priority < WORLD_REGION_PRIORITY and frequency.zipf(tok.key, tok.lang) >= INFLECTED_NOUN_ZIPF:
            return False  # German "Wein" (wine) is no "Wei" (Weifang) + n
        if tok.lang in NOUN_CAPITALISING and not country and entry.type == "LOC" and base is not None \
                and tok.key == base + "n":
            return False  # nor "Kokain" a "Kokai" (Kanggye) + n: German writes no place's name with "-n"
        if base is not None and base != tok.key and not country and entry.priority < WORLD_REGION_PRIORITY \
                and _common_noun_case(tok, base, gaz):
            return False  # Russian "Совета" is the genitive of "совет" (council), no case of "Совето" (Soweto)
        if base is not None and base != tok.key and _base_lang(tok.lang) in APOSTROPHE_REQUIRED:
            return False  # Turkish "Maliye Bakanlığı" (finance ministry) is no "Mali'ye": a name's ending follows
            # an apostrophe
        if entry.type == "PER" and (_another_given_name(toks, i, entry.kb_id) or _surname_after(toks, i, gaz)):
            return False  # "Hunter Biden" is not the listed Joe Biden, "Erdoğan Toprak" bears his name as a given one
        if entry.type == "LOC" and not country and listed_given_name(tok) and _surname_after(toks, i, gaz) \
                and (listed_surname(toks[i + 1]) or _surname_like(toks[i + 1])):
            return False  # "Виктора Зелкина", "Софии Зелкиной": a given name before a surname, no Victoria or Sofia
        if (i + 1 < len(toks) and toks[i + 1].sep == "hyphen" and _is_particle(toks, i + 1)) or (
                i > 0 and tok.sep == "hyphen" and _is_particle(toks, i - 1)):
            return False  # part of a name joined by a particle (``Sami-ul-Haq``), no town
        if (i + 1 < len(toks) and toks[i + 1].sep == "space" and _is_particle(toks, i + 1, True)
                and tok.key in SPACED_PARTICLES.get(tok.lang, SPACED_PARTICLES["*"])):
            return False  # "Van der Zelmorra": a particle written with a capital, no town
        if (tok.cased and tok.sent_start and country and not tok.upper
                and frequency.zipf(tok.key, tok.lang) >= COUNTRY_COMMON_ZIPF
                and tok.key not in own_country_name(entry.kb_id, tok.lang)):
            return False
        if tok.cased and tok.sent_start and not country and entry.priority < WORLD_REGION_PRIORITY \
                and not _name_case_ending(toks, i):
            zipf = frequency.zipf(tok.key, tok.lang)
            if zipf >= COMMON_ZIPF + 1.0 and entry.priority < CASELESS_CITY_MIN_PRIORITY:
                return False
            if zipf >= COMMON_ZIPF and base is not None and base != tok.key \
                    and not _genitive_before_noun(toks, i, base):
                return False
        # a country's own name in the text's language may be one of its hundred commonest words (Hindi भारत,
        # Urdu پاکستان): it is the country, not a stop word
        if not tok.cased and ((_is_stop(tok) and not (country and (base or tok.key) in own_country_name(
                entry.kb_id, tok.lang))) or ((entry.priority < CASELESS_CITY_MIN_PRIORITY
                                              or entry.kb_id.startswith("iso3166-2:"))
                                             and frequency.zipf(tok.key, tok.lang) >= CASELESS_COMMON_ZIPF
                                             and tok.lang not in country_languages(place_country(entry.kb_id)))):
            return False  # a town or state of the text's own country is frequent for being named (Hindi देहरादून,
            # नोएडा); another country's is a word (Hindi हवाई, "aerial", is no Hawaii)
    return True


def _common_noun_case(tok: Tok, base: str, gaz: Gazetteer) -> bool:
    """Whether a word read as a town through a case ending is as well a case of one of the language's frequent common
    nouns that names no place, a far more frequent word than the town's name (Russian *Совета*: *совет*, "council",
    before *Совето*, Soweto; Ukrainian *Львова* is Lviv's, whose *Львові* is frequent for being Lviv's)."""
    floor = max(COMMON_ZIPF + 1.0, frequency.zipf(base, tok.lang) + 1.0)
    return any(other not in (base, tok.key) and frequency.zipf(other, tok.lang) >= floor
               and not any((form,) in gaz.index for form in inflection_bases(other, other, tok.lang))
               for other in bases(tok))


def _genitive_before_noun(toks: list[Tok], i: int, base: str) -> bool:
    """Whether piece ``i`` is a name with the genitive *-s* before the noun it governs, in a language that capitalises
    nouns and writes the genitive so only on names (German *Zelmorras Bürgermeister*: "Zelmorra's mayor")."""
    tok = toks[i]
    return tok.lang in NOUN_CAPITALISING and tok.key == base + "s" and i + 1 < len(toks) \
        and toks[i + 1].sep == "space" and not toks[i + 1].sent_start and toks[i + 1].cap and not toks[i + 1].upper


def _written_as_name(toks: list[Tok], i: int) -> bool:
    """Whether a capitalised word, also a common word of its text's language, is written there as a name: after a
    place preposition (*nach Essen*); alone inside a sentence of a language that capitalises names, not its nouns
    (*il sindaco di Bologna*, *Primátor Brna*: a big city's name is among its own language's commonest words for
    being one), where the word opening a longer name is the common word (Portuguese *Feira do Livro*, *Serra da
    Estrela*); or with a case ending after an apostrophe, which Turkish writes on names alone (*Trabzon'un*)."""
    tok = toks[i]
    return _after_place_preposition(toks, i) \
        or (not tok.sent_start and tok.lang not in NOUN_CAPITALISING and not _runs_on_as_name(toks, i)) \
        or _name_case_ending(toks, i)


def _after_place_preposition(toks: list[Tok], i: int) -> bool:
    """Whether capitalised piece ``i`` stands mid-sentence right after a place preposition (*w Łodzi*, *nach Essen*)."""
    return i > 0 and not toks[i].sent_start and toks[i].sep == "space" \
        and toks[i - 1].key in PLACE_PREPOSITIONS.get(toks[i].lang, ())


def _runs_on_as_name(toks: list[Tok], i: int) -> bool:
    """Whether a capitalised piece ``i`` runs on into more of a name: a capitalised piece of its sentence next,
    or one after a name particle (*Serra da Estrela*)."""
    k = i + 1
    if k < len(toks) and toks[k].sep == "space" and _is_particle(toks, k):
        k += 1
    return k < len(toks) and toks[k].sep == "space" and not toks[k].sent_start and toks[k].cased and toks[k].cap


def _name_case_ending(toks: list[Tok], i: int) -> bool:
    """Whether piece ``i`` takes a case ending after an apostrophe in a language that writes one on names alone
    (:data:`APOSTROPHE_REQUIRED`: Turkish *Trabzon'un*), so is a name however common the word."""
    return _base_lang(toks[i].lang) in APOSTROPHE_REQUIRED and _with_apostrophe_suffix(toks, i + 1) > i + 1


def _name_piece_before(toks: list[Tok], i: int) -> Tok | None:
    """The piece right before piece ``i`` when the two may be one name: same sentence, a space or hyphen between
    (*Zelkan-Murat*), written with a capital where the script has them, no title or function word; else None."""
    tok = toks[i]
    if i == 0 or tok.sep not in ("space", "hyphen") or tok.sent_start:
        return None
    prev = toks[i - 1]
    if _is_title(toks, i - 1) or _is_stop(prev) or (prev.cased and (not prev.cap or prev.upper)):
        return None
    return prev


def _given_name_before(toks: list[Tok], i: int) -> Tok | None:
    """The piece right before piece ``i`` (:func:`_name_piece_before`) when it reads as a given name: a listed one,
    or a rare capitalised word; else None. Opening the sentence, a listed one must be rarer than a common word
    (Czech *Sama* "herself", Polish *Sam* "alone" are given names too), and a word of a language without
    frequencies must be listed (Kazakh *Өйткені* "because")."""
    prev = _name_piece_before(toks, i)
    if prev is None:
        return None
    zipf = frequency.zipf(prev.key, prev.lang)
    listed = listed_given_name(prev) and not (prev.sent_start and zipf >= GIVEN_NAME_ZIPF[1])
    rare = prev.cased and zipf < COMMON_ZIPF and not (
        prev.sent_start and _word_lang(prev) not in frequency.LANGS)
    return prev if listed or rare else None


def _given_names_start(doc: _Doc, i: int, kb_id: str | None = None) -> int:
    """Where a name whose surname is piece ``i`` starts: before the given names written right before it, at most
    :data:`MAX_NAME_PIECES` pieces in all. A given name is a free piece that reads as one
    (:func:`_given_name_before`), or, for a listed person (``kb_id``), one that sounds like theirs however common
    the word (Turkish *Hakan*, a listed person's, is also a common word); a one-word town that is a listed given
    name is taken too (Uzbek *Владимир Владимирович Зелкиннинг*), the caller withdrawing it (``_Doc.replace``)."""
    toks = doc.toks
    start = i
    while i - start < MAX_NAME_PIECES - 1 and start > 0 and (doc.owner[start - 1] < 0 or (
            _one_word_town(doc, start - 1) is not None and listed_given_name(toks[start - 1]))) and (
            _given_name_before(toks, start) is not None or _own_given_name(toks, start, kb_id)):
        start -= 1
    return start


def _own_given_name(toks: list[Tok], i: int, kb_id: str | None) -> bool:
    """Whether the piece before piece ``i`` (:func:`_name_piece_before`) sounds like a word of the listed person's
    names."""
    prev = _name_piece_before(toks, i) if kb_id else None
    return prev is not None and kb_id is not None and _sounds_own(prev, kb_id) is True


def _sounds_own(tok: Tok, kb_id: str) -> bool | None:
    """Whether a word's sound skeleton is, starts or opens one of the words before the surname in a listed person's
    names (*Siergiejem* for Sergey Lavrov), a skeleton of one sound only matching one alike (*Zelkan* is not
    *Джо*); None where the data files list no such name (the user's KB)."""
    own = _listed_given_skeletons(kb_id)
    mine = skeleton(tok.text)
    if not own or not mine:
        return None
    return any(s == mine or (min(len(s), len(mine)) > 1 and (s.startswith(mine) or mine.startswith(s)))
               for s in own)


def _another_given_name(toks: list[Tok], i: int, kb_id: str) -> bool:
    """Whether the listed person's surname at piece ``i`` follows a given name (:func:`_given_name_before`) that
    does not sound like theirs (:func:`_sounds_own`): *Hunter Biden* is no Joe Biden."""
    prev = _given_name_before(toks, i)
    return prev is not None and _sounds_own(prev, kb_id) is False


def _surname_after(toks: list[Tok], i: int, gaz: Gazetteer) -> bool:
    """Whether the listed person's surname at piece ``i`` is another person's given name: a surname follows it (same
    sentence, a space between), a listed one or a free capitalised word that is no place, title or function word and
    that a capital marks as a name there (:func:`_capital_says_name`; in a language whose headlines capitalise
    every word, only a rare one: not *Lavrov Says*)."""
    if i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    if nxt.sep != "space" or nxt.sent_start or _is_title(toks, i + 1) or _is_stop(nxt) \
            or (nxt.cased and (not nxt.cap or nxt.upper)) or any(gaz.lookup((b,)) for b in bases(nxt)):
        return False
    lang = _word_lang(nxt)
    return listed_surname(nxt) or (nxt.cased and _capital_says_name(nxt, lang) and (
        lang not in TITLE_CASING or frequency.zipf(nxt.key, lang) < COMMON_ZIPF))


@cache
def _listed_given_skeletons(kb_id: str) -> frozenset[str]:
    """Sound skeletons of the words before the surname in a data file's names of a person."""
    return frozenset(skeleton(word) for name in data_file_names().get(kb_id, ())
                     for word in PIECE_RE.findall(name)[:-1])


_VOWELS = frozenset("aeiouyąęóěůáéíúýаеёиоуыэюяіїє")
#: Ids of places below the country (towns, states): a one-word match of these may be a person's first name.
_SUB_COUNTRY_PLACES = ("geonames:", "iso3166-2:")


def _agreeing_endings(first: Tok, second: Tok) -> bool:
    """Two words with the same inflectional ending (``Виктором Януковичем``): a first name agreeing with a
    surname, not a place read from an inflected form (``Виктором`` as *Виктория*, the Australian state)."""
    a, b = first.key, second.key
    return first.lang in INFLECTIONS and len(a) > 4 and len(b) > 4 and a[-1] == b[-1] and (
        a[-2] == b[-2] or (a[-2] in _VOWELS and b[-2] in _VOWELS))  # -ом/-ем: hard and soft stems


def _team_after_town(doc: _Doc, k: int) -> int:
    """Where a team named by its town and a plural from piece ``k`` ends (English *Chicago Bulls*, *Mumbai Indians*,
    *Chennai Super Kings*: up to two free capitalised words, the last a plural in *-s* that is no listed surname),
    ``k`` where none is: a town's name before a person's (*Paris Hilton*) has no plural after it."""
    toks = doc.toks
    if toks[k].lang not in HEAD_LAST_LANGS:
        return k
    n = _name_run(doc, k, limit=2)
    last = toks[k + n - 1] if n else None
    if last is None or not last.key.endswith("s") or last.key.endswith("ss") or last.upper or listed_surname(last) \
            or any(listed_given_name(t) for t in toks[k:k + n]) or _name_goes_on(toks, k + n):
        return k
    return k + n


def _release_place_pairs(doc: _Doc, gaz: Gazetteer) -> None:
    """Two adjacent capitalised words that are not one place name are a person's name, not two places.

    ``Asia Bibi`` (a continent and a town) and ``Paris Hilton`` (a town and a free word): a one-word
    GeoNames match directly followed by another one-word GeoNames match, or written in its base form (or as a
    listed given name: Russian *Карим* reads as a case of the town *Кара*) and followed by a free capitalised word,
    is withdrawn so that the later layers read the pair as a name.
    Countries stay (``Kazakistan Cumhuriyeti``) where the text's language or English names them so (another
    language's name for a country is a given name there: *Giorgia Zelmorra*), and so do inflected places before a
    name (``W Warszawie Duda``), unless a small town read only through its case ending with no preposition before
    it (:func:`_inflected_small_town`).
    A first name or an initial before a one-word town (``Sean Penn``, :func:`_first_name_before`), or before a
    country's name that is a surname or another language's (:func:`_country_as_surname`), withdraws that place too.
    A place before a compound's possessive head (*Berlin Maratonu*, :func:`_compound_head_follows`) names that thing
    and stays.
    """
    toks = doc.toks
    for k in range(len(toks) - 1):
        a, b = doc.owner[k], doc.owner[k + 1]
        if a < 0 or not toks[k].cased or toks[k + 1].sep != "space" or toks[k + 1].sent_start or not toks[k + 1].cap:
            continue
        first = doc.found[a]
        kb_id = first.kb_id or ""
        if first.j != k + 1 or first.i != k or not (
                kb_id.startswith(_SUB_COUNTRY_PLACES) or _foreign_country_word(toks[k], kb_id)):
            continue
        if _base_lang(toks[k].lang) in UNMARKED_CASE_LANGS and toks[k].key != fold(first.lemma or ""):
            continue  # a case ending closes the place's phrase (Kazakh *Ташкенттен Мәскеуге*, "from Tashkent to
            # Moscow"; *Ақтөбедегі Марат*, "Marat in Aktobe"): no person's given name is written so
        if b >= 0:
            second = doc.found[b]
            if second.i == k + 1 and second.j == k + 2 and (second.kb_id or "").startswith("geonames:") \
                    and not _compound_head_follows(toks, k + 1):
                doc.release(a)
                doc.release(b)
        elif (toks[k].key == fold(first.lemma or "") or _agreeing_endings(toks[k], toks[k + 1])
              or toks[k].key in given_names() or _inflected_small_town(doc, k, first, gaz)) \
                and not _is_loc_head(toks[k + 1]) and not _org_head_follows(toks, k + 1) \
                and not _is_title(toks, k + 1) and not _compound_head_follows(toks, k) \
                and not _regnal_number(toks[k + 1]) \
                and not (k > 0 and toks[k].sep == "space" and _is_title(toks, k - 1)
                         and not _town_read_otherwise(toks, k)):
            team = _team_after_town(doc, k + 1)
            if team > k + 1:
                doc.replace(Found(k, team, "ORG", 0.6, "pattern", _lemma(doc, k, team)))
            else:
                doc.release(a)
    for k in range(1, len(toks)):
        b = doc.owner[k]
        if b >= 0 and toks[k].sep == "hyphen" and doc.owner[k - 1] < 0 and toks[k - 1].cased and toks[k - 1].cap \
                and not toks[k - 1].upper and _surname_half(doc.found[b], k, gaz):
            doc.release(b)  # "Lindqvist-Moore", "Valtellina-Russo": a town or language after a hyphen ends a surname
            continue
        if b < 0 or doc.owner[k - 1] >= 0 or toks[k].sep != "space":
            continue
        place = doc.found[b]
        if place.i != k or place.j != k + 1 or _compound_head_follows(toks, k):
            continue
        kb_id = place.kb_id or ""
        if (kb_id.startswith("geonames:") and _first_name_before(toks, k)) or (
                kb_id.startswith("iso:") and _country_as_surname(toks[k - 1], toks[k], kb_id)):
            doc.release(b)  # "Sean Penn", "Greta Holland": a first name before a town's or country's name, a person


def _seat_after_name_layer(doc: _Doc, gaz: Gazetteer, langs: frozenset[str]) -> None:
    """A town in its base form after one or two free capitalised words (:data:`SEAT_AFTER_NAME_LANGS`: *Stali
    Gorzów*, *Apatorem Toruń*) is the seat of the club or company they name: the whole is an organisation. The
    town must be one of a country that speaks the language (a club's or firm's seat is home: *Pakistance Asia Bibi*
    has none), the name must neither open the sentence (*Aglomeracja Karaczi*) nor run on past the town (*Brussels
    Airlines*, *Warszawa-Modlin*), and a listed given name as written (uninflected, as a first name before a
    nominative surname is) keeps the two a person's (*Jan Toruń*; not *Warty*, the club Warta's genitive). Only
    in ``langs``: the layer runs before a tagger decides the sentences of some and after it for others."""
    toks = doc.toks
    for f in list(doc.found):
        lang = toks[f.i].lang
        if not f.emit or f.type != "LOC" or f.i == 0 or lang not in langs \
                or toks[f.i].sep != "space" or toks[f.i].sent_start or not all(t.cap for t in toks[f.i:f.j]):
            continue
        town = _base_form_of(doc, f, gaz)
        if town is None or not town.kb_id.startswith("geonames:") \
                or lang not in country_languages(place_country(town.kb_id)) \
                or (f.j < len(toks) and toks[f.j].sep in ("space", "hyphen") and toks[f.j].cap):
            continue
        n = _name_run(doc, f.i - 1, limit=2, step=-1)
        if n == 2 and toks[f.i - 2].sent_start:
            n = 1  # "Siatkarze Warty Zawiercie": the sentence's first word is the players
        river = _river_before_town(doc, f.i)
        if not n and river is not None:
            doc.release(river)  # "Odry Opole", "Wisła Płock": a club named after its river and town
            n = 1
        start = f.i - n
        if not n or toks[start].sent_start or listed(toks[start].key, given_names()) or _is_loc_head(toks[f.i - 1]) \
                or not all(t.key.isalpha() for t in toks[start:f.i]):
            continue
        doc.replace(Found(start, f.j, "ORG", 0.6, "pattern", _lemma(doc, start, f.j)))


def _river_before_town(doc: _Doc, k: int) -> int | None:
    """The finding of a one-word river or sea (a ``region:`` of ``regions.tsv``: *Odry*, *Wisła*) or of a country's
    name in another language than the text's (*Polonię*, Latin for Poland) right before piece ``k``, inside a
    sentence, or None: before a town it names a club (*Odra Opole*, *Polonia Warszawa*)."""
    toks = doc.toks
    if k < 2 or doc.owner[k - 1] < 0 or toks[k - 1].sent_start or toks[k - 1].sep != "space":
        return None
    idx = doc.owner[k - 1]
    f = doc.found[idx]
    kb_id = f.kb_id or ""
    if f.i != k - 1 or f.j != k or not f.emit or f.type != "LOC":
        return None
    return idx if kb_id.startswith("region:") or _foreign_country_word(toks[k - 1], kb_id) else None


def _base_form_of(doc: _Doc, f: Found, gaz: Gazetteer) -> GazEntry | None:
    """The gazetteer entry a finding's words name as written, uninflected (*Gorzów*, not *Gorzowa*); None when
    they name it only through a case ending. A tagger's place has no link: the words' entry is its."""
    entry = gaz.lookup(tuple(t.key for t in doc.toks[f.i:f.j]))
    return entry if entry is not None and (entry.kb_id == f.kb_id or (f.layer == "tagger" and not f.kb_id)) else None


def _surname_half(f: Found, k: int, gaz: Gazetteer) -> bool:
    """Whether a finding at piece ``k`` alone is a one-word town of under a million people or a language's name (no
    country, region, organisation or big city: *Zelmorra-Paris* is a route): after a hyphen and a free capitalised
    word, the second half of a double-barrelled surname."""
    kb_id = f.kb_id or ""
    if f.i != k or f.j != k + 1:
        return False
    if kb_id.startswith("lang:"):
        return not f.emit
    entry = gaz.by_kb_id(kb_id) if kb_id.startswith("geonames:") else None
    return entry is not None and entry.priority < CASELESS_CITY_MIN_PRIORITY


#: Languages whose adjectives in a case are read back to the nominative (Russian *Камчатском*, *Камчатский*:
#: :data:`newsweave.lang.inflection.INFLECTIONS`), a language's name among them: one so read is no language but opens
#: a name the other layers read (*Японском море*, *Русского музея*; :func:`_gazetteer_layer`).
ADJECTIVE_READ_LANGS = frozenset({"ru"})


#: Most capitalised words of a street's name after its abbreviation (*al. Jana Pawła II*).
STREET_NAME_MAX_WORDS = 4


def _street_layer(doc: _Doc) -> None:
    """A street's abbreviation and its period before a capitalised name (:data:`newsweave.lang.abbreviations.STREETS`:
    *przy ul. Bułgarskiej*, *na al. Jana Pawła II*, *ul. 3 Maja*, *ул. Ленина*) are one place with the name:
    findings inside give way (the person *Jana Pawła II*, the town in *ul. Warszawskiej*)."""
    toks = doc.toks
    for k in range(len(toks) - 1):
        if toks[k].key not in STREETS or toks[k + 1].sep_text.strip() != "." or toks[k + 1].sent_start:
            continue
        j = k + 1
        if toks[j].key.isdigit() and j + 1 < len(toks) and toks[j + 1].sep == "space":
            j += 1  # "ul. 3 Maja": a date names the street
        end = j
        while end < len(toks) and end - j < STREET_NAME_MAX_WORDS and toks[end].cased and toks[end].cap \
                and (end == j or toks[end].sep == "space") and not toks[end].sent_start:
            end += 1
        if end > j:
            doc.replace(Found(k, end, "LOC", 0.7, "pattern", doc.surface(k, end)))


def _storm_layer(doc: _Doc) -> None:
    """A capitalised word after a word for a storm (:data:`STORM_WORDS`) is the storm's name, an event (EVT): the
    storm word is part of the name where it is written with a capital (*Hurricane Zelmorra*, *Orkan Zelmorra*), not
    where it is not (*ураган «Зелморра»*), but the lemma is the name alone, so that the storm's mentions in every
    language merge (*Furacão Zelmorra*, *Hurrikaani Zelmorra*). A town the name is spelt like is withdrawn; a
    country stays, and so does a weekday (*the storm Monday*)."""
    toks = doc.toks
    for i in range(len(toks) - 1):
        tok, k = toks[i], i + 1
        words = _storm_words(tok.lang)
        if not words or not tok.cased or doc.owner[i] >= 0 or not _has_head(tok, words) \
                or own_given_name(tok, tok.lang):
            continue  # Turkish *Tayfun* ("typhoon") is a given name too (*Direktörü Tayfun Zelkan*)
        name = toks[k]
        quoted = name.sep_text.strip() in _OPENING_QUOTES | _TOGGLING_QUOTES
        if not name.cap or name.upper or name.sent_start or not (name.sep == "space" or quoted) \
                or name.key in _day_words(name.lang):
            continue
        if doc.owner[k] >= 0:
            f = doc.found[doc.owner[k]]
            if f.i != k or f.j != k + 1 or not (f.kb_id or "").startswith(_SUB_COUNTRY_PLACES):
                continue
            doc.release(doc.owner[k])
        start = i if tok.cap and not quoted else k
        doc.claim(Found(start, k + 1, "EVT", 0.7, "pattern", _lemma(doc, k, k + 1)))


def _inflected_small_town(doc: _Doc, k: int, place: Found, gaz: Gazetteer) -> bool:
    """Whether piece ``k`` is a small town's name read only through a case ending, with no preposition before it
    (Ukrainian *партії Джорджа Зелморри*: *Джорджа* read as a case of the town *George*): before a capitalised word
    that is a given name's case, not the town; a big city so read stays (*Варшави Зелкан*)."""
    tok = doc.toks[k]
    if tok.key == fold(place.lemma or "") or not (place.kb_id or "").startswith("geonames:") or (
            k > 0 and doc.toks[k - 1].key in PLACE_PREPOSITIONS.get(tok.lang, ())):
        return False
    entry = gaz.by_kb_id(place.kb_id or "")
    return entry is not None and entry.priority < CASELESS_CITY_MIN_PRIORITY


#: Most words after a place that an organisation named by it runs on for, up to its head word.
PLACE_NAMED_ORG_WORDS = 3


def _org_head_follows(toks: list[Tok], k: int) -> bool:
    """Whether the capitalised words from ``k`` on reach an organisation's head word within
    ``PLACE_NAMED_ORG_WORDS``: the place before them names the organisation (*Ankara Büyükşehir Belediyesi*), no
    person's first name (the organisation itself is claimed by :func:`_classify_run`, with the same bound)."""
    for m in range(k, min(k + PLACE_NAMED_ORG_WORDS, len(toks))):
        if m > k and (toks[m].sep != "space" or not toks[m].cap):
            return False
        if _is_org_head(toks[m]):
            return True
    return False


def _compound_head_follows(toks: list[Tok], k: int) -> bool:
    """Whether a capitalised possessive head (:func:`_possessive_compound`) follows piece ``k``: the place there
    names a thing or happening (*Berlin Maratonu*), it is no person's first name or surname."""
    return k + 1 < len(toks) and toks[k + 1].sep == "space" and toks[k + 1].cap and _possessive_compound(toks[k + 1])


def _possessive_compound(tok: Tok) -> bool:
    """Whether the word is a common noun with a compound's possessive ending (:data:`POSSESSIVE_COMPOUND_ENDINGS`:
    *Maratonu*, *Zirvesi*), the head of a name made with the word before it; a listed given name never is."""
    endings = POSSESSIVE_COMPOUND_ENDINGS.get(tok.lang)
    if not endings or listed_given_name(tok):
        return False
    return any(tok.key.endswith(end) and len(tok.key) - len(end) >= MIN_DEMONYM_STEM
               and frequency.zipf(tok.key[:-len(end)], tok.lang) >= POSSESSIVE_STEM_ZIPF for end in endings)


def _foreign_country_word(tok: Tok, kb_id: str) -> bool:
    """Whether a word matched as a country is neither the text's language's nor the English name for it (Italian
    *Giorgia* for Georgia), and not written in capitals (*USA*)."""
    if not kb_id.startswith("iso:") or tok.upper:
        return False
    return not (own_country_name(kb_id, tok.lang) | own_country_name(kb_id, "en")).intersection(bases(tok))


def _country_as_surname(first: Tok, word: Tok, kb_id: str) -> bool:
    """A country's name after a listed given name is a surname where people bear it (*Greta Holland*, *Marek
    Jordan*) or where it is another language's name for the country (French *Hollande* in a Polish text): a
    country the text names in its own words stays one (Turkish *Başkan Yusuf Rusya ile*: *Rusya* is Turkish for
    Russia). The word itself must be the surname: its base forms are too loose (*Rusya* as if from *Rus*)."""
    if not (word.cap and _plain_name_word(first) and listed_given_name(first)
            and frequency.zipf(first.key, first.lang) < FUNCTION_WORD_ZIPF):
        return False
    return word.key in surnames() or not own_country_name(kb_id, word.lang).intersection(bases(word))


def _first_names_as_places(doc: _Doc) -> None:
    """A lone town or region whose name opens a person's name found in the same text is that person (``Asia Bibi``
    ... ``Asia``; ``Paris Hilton`` ... ``Paris``): the text calls her by her first name. Countries stay places."""
    firsts = {key for f in doc.found if f.emit and f.type == "PER" and f.j - f.i >= 2
              for key in (doc.toks[f.i].key, *bases(doc.toks[f.i]))}
    if not firsts:
        return
    toks = doc.toks
    for idx, f in enumerate(doc.found):
        if not (f.emit and f.type == "LOC" and f.j - f.i == 1 and (f.kb_id or "").startswith("geonames:") and (
                toks[f.i].key in firsts or fold(f.lemma or "") in firsts)):
            continue
        after_preposition = f.i > 0 and toks[f.i - 1].key in PLACE_PREPOSITIONS.get(toks[f.i].lang, ())
        if after_preposition or (f.j < len(toks) and toks[f.j].sep == "space" and toks[f.j].cap) \
                or _dateline(doc, f.i, f.j):
            continue  # "в Букурещ", "для Азії": a preposition makes it the place, as a dateline does ("YORK, England
            # —"); "Asii Bibiové": a longer name
        doc.release(idx)
        doc.claim(Found(f.i, f.j, "PER", f.confidence * 0.8, "propagation", f.lemma))


def _first_name_before(toks: list[Tok], k: int) -> bool:
    """Whether the word before ``k`` reads as a first name or an initial (*Zelkan Penn*, *Zelkan W. Barry*): a word
    shaped like one (:func:`_given_name_like`), a listed given name that opens the name and is as frequent as common
    words are (*George* has Zipf 5.0 in English) but no function word, or one capital letter whose period the name
    runs on over."""
    prev = toks[k - 1]
    if _is_initial(toks, k - 1):
        return True
    before = toks[k - 2] if k >= 2 else None  # "Zelkan Kiprotich Berlin" has its first name earlier
    opens = before is None or prev.sep != "space" or not before.cap or (
        before.sent_start and frequency.zipf(before.key, before.lang) >= COMMON_ZIPF)
    return _given_name_like(prev) or (opens and _plain_name_word(prev) and listed_given_name(prev)
                                      and frequency.zipf(prev.key, prev.lang) < FUNCTION_WORD_ZIPF)


def _is_initial(toks: list[Tok], k: int) -> bool:
    """Whether piece ``k`` is the initial of a name that goes on after its period (see :func:`tokenize`), or initials
    written with periods before a capitalised word (*J.R. Zelmorra*, one piece like *U.S.*)."""
    tok = toks[k]
    if k + 1 >= len(toks) or toks[k + 1].sep != "space":
        return False
    if len(tok.text) == 1:
        return tok.cap and toks[k + 1].sep_text[:1] == "."
    return _dotted(tok) and toks[k + 1].cap and not toks[k + 1].sent_start


def _dotted(tok: Tok) -> bool:
    """Whether the piece is letters written with periods (*U.S.*, *J.R.*, see :func:`_dotted_acronyms`)."""
    return tok.end - tok.start == 2 * len(tok.text)


def _given_name_like(tok: Tok) -> bool:
    """A free capitalised word that reads as a first name: mid-sentence, no title or head, moderately frequent.

    Compound nouns (``Maximilianmuseum``) are rarer and function words more frequent than first names. Where every
    noun is capitalised (German) a moderately frequent one is a noun as often (*im Gebiet Batken*, *das Vorbild
    Tübingens*): there only a listed given name reads so.
    """
    low, high = GIVEN_NAME_ZIPF
    return _plain_name_word(tok) and not tok.sent_start and low <= frequency.zipf(tok.key, tok.lang) < high and (
        tok.lang not in NOUN_CAPITALISING or listed_given_name(tok))


def _plain_name_word(tok: Tok) -> bool:
    """A capitalised word (not in capitals) that is no function word, title or head word: what a first name
    looks like before its frequency or the name lists are asked."""
    return tok.cased and tok.cap and not tok.upper and not _is_stop(tok) and not _is_title_word(tok.key, tok.lang) \
        and not _is_org_head(tok) and not _is_loc_head(tok)


def _with_apostrophe_suffix(toks: list[Tok], j: int) -> int:
    """Extend a name over a following apostrophe suffix (Turkish ``Rusya'nın``), where the suffix is a case ending
    of the word, not a clitic of the phrase that news NER leaves outside the name (:data:`APOSTROPHE_CLITICS`:
    English ``NASA's``)."""
    if j < len(toks) and toks[j].sep == "apos" and toks[j].cased and toks[j].text.islower() and len(toks[j].text) <= 6 \
            and toks[j].key not in APOSTROPHE_CLITICS.get(toks[j - 1].lang, ()):
        return j + 1
    return j


# ---------------------------------------------------------------- layer 2: patterns


def _case_phrase_after_surname(toks: list[Tok], k: int) -> bool:
    """Whether piece ``k`` opens a phrase of its own after a surname, in a language that marks a phrase's case once,
    on its last word, with no apostrophe (:data:`UNMARKED_CASE_LANGS`): ``k`` carries a case ending and is no surname,
    the word before it is shaped as one (*Bahodir Saidkarimov Bryusselda*; not *Bahodir Saidkarimovga*)."""
    tok = toks[k]
    return _base_lang(tok.lang) in UNMARKED_CASE_LANGS and _surname_like(toks[k - 1]) and _has_ending(tok) \
        and not _surname_like(tok) and not listed_surname(tok)


def _has_ending(tok: Tok) -> bool:
    """Whether the word is a base form with an ending of two letters or more on it (not only the same word in the
    other script, which :func:`bases` also gives for Uzbek; one letter, a vowel, ends many a word of its own:
    Azerbaijani *Milli* "national", Kazakh *Жаңа* "new")."""
    return any(len(tok.key) - len(base) >= 2 and tok.key.startswith(base) for base in bases(tok))


def _name_run(doc: _Doc, i: int, limit: int = 4, step: int = 1) -> int:
    """How many free name-like pieces run from ``i`` (forwards, or backwards with ``step=-1``)."""
    toks = doc.toks
    n = 0
    particles = 0
    k = i
    while 0 <= k < len(toks) and n - particles < limit and doc.owner[k] < 0:
        tok = toks[k]
        if not tok.key or tok.shouted or (_is_title(toks, k) and not _title_inside_org(doc, i, k, n, step)) \
                or tok.key in _name_breakers(tok.lang) or (
                n == 0 and tok.key in _day_words(tok.lang) and not _org_head_follows(toks, k + 1)):
            break  # a weekday or relative day opens no name ("On Monday Giorgia Zelmorra"), but "Sunday Times"
        if n >= 2 and step == 1 and (_case_phrase_after_surname(toks, k)
                                     or _before_place_word(doc, k + 1, possessed=True)):
            break  # "Bahodir Saidkarimov Bryusselda" (in Brussels): a case ending closes the name after its surname;
            # "Улуғбек Мирсаидхонов Пастдарғом туманида": the word before a word for a kind of place is the place's
        if n > 0 and ((step == 1 and (_particle_bridge(doc, k) or _head_first_and(doc, i, k)))
                      or _head_final_and(doc, k, step)):
            n += 1
            particles += 1
            k += step
            continue
        if tok.cased:
            if not tok.cap or (tok.sent_start and n > 0 and step == 1) or (
                    tok.upper and len(tok.text) <= 5 and not (n > 0 and step == 1 and _is_org_head(tok))
                    and not _is_initial(toks, k)):
                break  # an acronym ends a run, unless it is a head word (``Silk Way TV``) or initials
            if n == 0 and tok.lang in NOUN_CAPITALISING and frequency.zipf(tok.key, tok.lang) >= NOUN_ZIPF \
                    and not listed_given_name(tok):
                break  # a German noun, not a first name as frequent as one (Alexander, Zipf 4.7)
            if _is_stop(tok) and not tok.upper and not (k + 1 < len(toks) and _elided_prefix(toks, k + 1)):
                break
        elif _is_stop(tok) or tok.key in AGENT_MARKERS.get(tok.lang, ()) or any(ch.isdigit() for ch in tok.key) \
                or frequency.zipf(tok.key, tok.lang) >= CASELESS_NAME_MAX_ZIPF:
            break
        if n > 0:
            at = k if step == 1 else k + 1
            if toks[at].sep not in ("space", "hyphen") and not _elided_prefix(toks, at):
                break
            if tok.cased != toks[k - step].cased or script_of(tok.text) != script_of(toks[k - step].text):
                break
        n += 1
        k += step
    return n


def _head_final_and(doc: _Doc, k: int, step: int) -> bool:
    """Whether piece ``k`` is a conjunction inside an organisation's name whose head word ends it (Turkish *Hazine
    ve Maliye Bakanlığı*, :data:`HEAD_FINAL_AND`): a lone free capitalised word before it (no person's surname: not
    *Zelkan Yavaş ve Dışişleri Bakanlığı*), and capitalised words after it that reach the head word."""
    toks = doc.toks
    if toks[k].key not in HEAD_FINAL_AND.get(toks[k].lang, ()) or toks[k].sep != "space" or not 0 < k < len(toks) - 1 \
            or toks[k + 1].sep != "space" or toks[k + 1].sent_start or doc.owner[k - 1] >= 0 or not toks[k - 1].cap:
        return False
    if k >= 2 and not toks[k - 1].sent_start and toks[k - 2].cap and toks[k - 2].cased \
            and toks[k - 1].sep_text.strip() != ",":  # a list before "and" (*Çevre, Şehircilik ve …*) goes on
        opener = toks[k - 2]  # "Bugün Gençlik ve Spor Bakanlığı": a common word opening the sentence is no name
        if not (opener.sent_start and frequency.zipf(opener.key, opener.lang) >= COMMON_ZIPF
                and not listed_given_name(opener)) and not _town_read_at(doc, k - 2):
            return False  # "Uşak Eğitim ve Araştırma Hastanesi": a town opens the name
    return (step == 1 or doc.owner[k + 1] < 0) and _org_head_follows(toks, k + 1)


def _town_read_at(doc: _Doc, k: int) -> bool:
    """Whether the gazetteer read piece ``k`` alone as a town, kept or withdrawn since (*Uşak* before *Eğitim*, a
    pair of capitalised words, is withdrawn for a person's name)."""
    return any(f.i == k and f.j == k + 1 and f.type == "LOC" and (f.kb_id or "").startswith("geonames:")
               and f.layer == "gazetteer" for f in doc.found)


def _head_first_and(doc: _Doc, start: int, k: int) -> bool:
    """Whether piece ``k`` is a conjunction inside the name of an organisation whose head word stands between
    ``start`` and it (Polish *Ministerstwo Klimatu i Środowiska*, *Narodowe Centrum Badań i Rozwoju*,
    :data:`HEAD_FIRST_AND`): a free capitalised word after it that opens no other body (*Ministerstwo Zdrowia i
    Ministerstwo Finansów* are two) nor reads as a person's name (*Ministerstwa Zdrowia i Zelkowski*)."""
    toks = doc.toks
    if toks[k].key not in HEAD_FIRST_AND.get(toks[k].lang, ()) or toks[k].sep != "space" or k + 1 >= len(toks) \
            or not any(_is_org_head(toks[m]) for m in range(start, k)):
        return False
    after = toks[k + 1]
    return after.sep == "space" and not after.sent_start and after.cased and after.cap and not after.upper \
        and doc.owner[k + 1] < 0 and not _is_org_head(after) and not listed_given_name(after) \
        and not listed_surname(after) and not _surname_like(after)


def _listed_before_and(doc: _Doc, start: int, end: int) -> int:
    """Where a body's name joined by "and" (:data:`HEAD_FINAL_AND`) starts once the capitalised words listed before
    it with commas are taken in (Turkish *Çevre, Şehircilik ve İklim Değişikliği Bakanlığı*): each a free
    capitalised word right before a comma, while the name stays within ``MAX_NAME_PIECES`` pieces."""
    toks = doc.toks
    if not any(toks[k].key in HEAD_FINAL_AND.get(toks[k].lang, ()) for k in range(start, end)):
        return start
    while start >= 1 and end - start < MAX_NAME_PIECES and toks[start].sep_text.strip() == "," \
            and doc.owner[start - 1] < 0 and toks[start - 1].cap and toks[start - 1].cased \
            and not toks[start - 1].upper and not _is_stop(toks[start - 1]):
        start -= 1
    return start


def _title_inside_org(doc: _Doc, i: int, k: int, n: int, step: int) -> bool:
    """Whether the title word at ``k`` goes on a run that has an organisation's head word already: a nationality
    adjective inside the name (*Banque Française*), not a title before a person's name, neither before one the
    run started with (*Kommission Präsident Zelkan*) nor the organisation's own title before the person a layer
    found after it (Turkish *Avrupa Birliği Komisyonu Başkanı Zelkan Yavaş*, "the EU Commission's president")."""
    toks = doc.toks
    if not (n > 0 and step == 1 and any(_is_org_head(toks[m]) for m in range(i, k))):
        return False
    after = k
    while after < len(toks) and _is_title(toks, after):  # and the titles after it: *Rektörü Prof. Dr.*
        after += _is_title(toks, after)
    return not (after < len(toks) and doc.owner[after] >= 0 and doc.found[doc.owner[after]].type == "PER")


def _elided_prefix(toks: list[Tok], k: int) -> bool:
    """Whether piece ``k`` follows a one-letter capital and an apostrophe inside one surname (``O'Leary``)."""
    return 0 < k < len(toks) and toks[k].sep == "apos" and toks[k].cap and len(toks[k - 1].text) == 1 \
        and toks[k - 1].cap


def _is_particle(toks: list[Tok], k: int, after_particle: bool = False) -> bool:
    """Whether piece ``k`` is a lower-case name particle of its language: one written apart (``von``), one
    hyphened to a neighbour (``al-Asad``, ``Zia-ul-Haq``), or an article-like one after another (``von der``)."""
    tok = toks[k]
    if not (tok.cased and tok.text.islower()):
        return False
    spaced = SPACED_PARTICLES.get(tok.lang, SPACED_PARTICLES["*"])
    if tok.key in spaced or (after_particle and tok.key in AFTER_PARTICLE):
        return True
    return tok.key in HYPHEN_PARTICLES and (tok.sep == "hyphen" or (k + 1 < len(toks) and toks[k + 1].sep == "hyphen"))


def _particle_bridge(doc: _Doc, k: int) -> bool:
    """Whether piece ``k`` is a name particle inside a name: after a name piece, and before (at most one more
    particle and) a free capitalised piece of the same sentence and script (``von der Leyen``, ``al-Asad``)."""
    toks = doc.toks
    prev = toks[k - 1]  # "Van der Zelmorra": a particle written with a capital also opens "der"
    after_particle = _is_particle(toks, k - 1) or prev.key in SPACED_PARTICLES.get(prev.lang, SPACED_PARTICLES["*"])
    if toks[k].sep not in ("space", "hyphen") or not _is_particle(toks, k, after_particle):
        return False
    m = k + 1
    if m < len(toks) and toks[m].sep in ("space", "hyphen") and _is_particle(toks, m, True):
        m += 1
    if m >= len(toks):
        return False
    nxt = toks[m]
    return doc.owner[m] < 0 and nxt.cap and not nxt.sent_start and nxt.sep in ("space", "hyphen") \
        and script_of(nxt.text) == script_of(toks[k - 1].text)


def over_particles(doc: _Doc, j: int) -> int:
    """Where a name ending before piece ``j`` ends when it goes on over name particles (*Zelkan van der Zelmorra*
    found as *Zelkan*): a tagger trained on a few thousand sentences stops at the lower-case word."""
    toks = doc.toks
    while j < len(toks) and _particle_bridge(doc, j):
        j += 1
        while _is_particle(toks, j, True):
            j += 1
        j += 1
    return j


def _add_name(doc: _Doc, i: int, j: int, type_: str, confidence: float, layer: str = "pattern") -> bool:
    toks = doc.toks
    while i < j and toks[i].cased and toks[i].sent_start and (
            _is_stop(toks[i]) or frequency.zipf(toks[i].key, toks[i].lang) >= FUNCTION_WORD_ZIPF):
        i += 1  # "Jednak Duda powiedział": a sentence's first function word is no part of the name
    if i >= j:
        return False
    if type_ == "PER" and any(_is_org_head(toks[k]) for k in range(i, j)):
        type_ = "ORG"
        place = _place_before(doc, i) if toks[i].lang in HEAD_LAST_LANGS and _bare_head(toks[j - 1]) \
            and j - i <= PLACE_NAMED_ORG_WORDS and toks[i].sep == "space" else None
        if place is not None:  # "the Portland Fire Department said": the place names the body its head word ends
            doc.release(place)
            i = doc.found[place].i
    elif type_ == "PER" and any(_is_loc_head(toks[k]) for k in range(i, j)):
        type_ = "LOC"  # "premier Zjednoczonego Królestwa": the title's country, not a person
    j2 = _with_apostrophe_suffix(toks, j)
    return doc.claim(Found(i, j2, type_, confidence, layer, _lemma(doc, i, j)))


def person_start(doc: _Doc, i: int, j: int) -> int:
    """Where a person's name in pieces [i, j) really starts: leading titles and roles dropped, and a weekday or
    relative day opening the sentence (the Kazakh tagger's *Бүгін Сенаттың*, "today the Senate's").

    A statistical or capitalisation span often takes the capitalised role word before a name with it
    (``Hochspringer Sebastian Fels``, ``Physiklehrerin Meera Iyer``); at least one piece is kept.
    (Place adjectives such as ``Cottbuser`` are not dropped: place + "er" also reads first names and
    surnames as places, Peter/Perth, Hofer/Hof.)
    """
    toks = doc.toks
    while j - i >= 2:
        width = _is_title(toks, i) or int(toks[i].sent_start and toks[i].key in _day_words(_word_lang(toks[i])))
        if not width:
            break  # a weekday or relative day opening the sentence goes too: "Бүгін Зелкан ..." ("today")
        i += width
    return min(i, j - 1)


def _lemma(doc: _Doc, i: int, j: int) -> str:
    """The name with the last piece's case ending removed, when the bare form occurs in the same text.

    Only the document's own evidence is used (``Scholzem`` -> ``Scholz`` when ``Scholz`` is also
    written): stripping endings blindly turns ``Rosyjska`` into ``Rosyjsk``.
    """
    toks = doc.toks
    parts = []
    for k in range(i, j):
        text = toks[k].text
        if k == j - 1:
            for key, form in bases(toks[k]).items():
                if key != toks[k].key and key in doc.keys and len(form) < len(text):
                    text = form
                    break
        parts.append((toks[k].sep_text if k > i else "") + text)
    return "".join(parts)


def _demonym_layer(doc: _Doc, gaz: Gazetteer) -> None:
    """A capitalised word that is a place's name with a demonym ending (:data:`DEMONYM_ENDINGS`: *Kenyalı*,
    *Keniyalik*) is a title for the name after it and no name itself: no capitalisation guess takes it.

    The rest must be a place the gazetteer lists and the word itself must not be a name it lists (*Somali*), so
    that names which merely end so (*Ali*, *Halil*) stay names; after a first name it is a surname (*Levent
    Sarıkamışlı*)."""
    for i, tok in enumerate(doc.toks):
        endings = DEMONYM_ENDINGS.get(tok.lang)
        if not endings or not tok.cap or doc.owner[i] >= 0 or gaz.lookup((tok.key,)) is not None:
            continue
        if i > 0 and tok.sep == "space" and doc.toks[i - 1].cap and listed_given_name(doc.toks[i - 1]):
            continue  # "Levent Sarıkamışlı", "Elif Karasulu": after a first name, a surname built so
        for ending in endings:
            stem = tok.key[:-len(ending)]
            if tok.key.endswith(ending) and len(stem) >= MIN_DEMONYM_STEM:
                place = gaz.lookup((stem,))
                if place is not None and place.type == "LOC":
                    tok.title = 1
                    doc.decided[i] = True
                    break


def _title_layer(doc: _Doc) -> None:
    toks = doc.toks
    i = 0
    while i < len(toks):
        width = _is_title(toks, i) if doc.owner[i] < 0 or doc.found[doc.owner[i]].type == "MISC" else 0
        in_name = not width and doc.owner[i] < 0 and toks[i].key in _name_titles(toks[i].lang)
        if in_name:
            width = 1  # "नवाब वाजिद अली शाह": the honorific opens the name
        if not width:
            i += 1
            continue
        k = i + width
        _release_first_name(doc, k)
        past_body = _past_titled_body(doc, k)
        # "President of Russia X", "президент России X", "Präsident Russlands X": skip one place name.
        skipped = None
        if past_body > k:
            k = past_body
        elif k < len(toks) and doc.owner[k] >= 0 and doc.found[doc.owner[k]].type == "LOC":
            skipped, k = k, doc.found[doc.owner[k]].j
        if skipped is not None and (k >= len(toks) or _name_run(doc, k) == 0):
            town = _one_word_town(doc, skipped)
            if town is not None and toks[skipped].cap and toks[skipped].lang not in INFLECTIONS \
                    and toks[skipped].key == fold(doc.found[town].lemma or ""):
                # "Coach Stanley praised": a town's name alone after a title is the surname, where a town named
                # after a title is not in the genitive ("mluvčí Toronto", the spokesman of Toronto)
                doc.release(town)
                k = skipped
        if k < len(toks) and (toks[k].sep in ("space", "hyphen") or toks[k].sep_text.strip() == "."):
            n = _name_run(doc, k)
            if not toks[k].cased and toks[k].lang in POSTPOSITIONS:
                n = _caseless_name_after_title(doc, k, n)
                heads = [_is_org_head(toks[m]) or _is_loc_head(toks[m]) for m in range(k, k + n)]
                if any(heads) and all(head or frequency.zipf(toks[m].key, toks[m].lang) >= COMMON_ZIPF
                                      for m, head in zip(range(k, k + n), heads, strict=True)):
                    n = 0  # "मुख्यमंत्री कार्यालय", "प्रधानमंत्री राहत कोष": the office-holder's office or fund
            if n == 1 and k + 1 < len(toks) and toks[k + 1].key in PREDICATE_AUXILIARIES.get(toks[k].lang, ()):
                n = 0  # "... नए राष्ट्रपति निर्वाचित हुए": what the office-holder became, not a name
            if n == 1 and _adjective_case(toks[k]) and k + 1 < len(toks) and toks[k + 1].sep == "space" \
                    and toks[k + 1].cased and not toks[k + 1].cap:
                n = 0  # "Директор Красноярского аэропорта": the adjective of what the title heads
            if n and k + n < len(toks) and toks[k + n].sep == "space" and toks[k + n].cased \
                    and not toks[k + n].cap and (_is_org_head(toks[k + n]) or (
                        n == 1 and toks[k].lang in FIRST_WORD_CAPITALISED and _is_org_head(toks[k]))):
                n = 0  # "лидером Консервативной партии": the leader of what the words and a lower-case head name;
                # "пресс-секретарь Министерства обороны Швеции": an institution's first word, its lower-case rest
            town = _one_word_town(doc, k + n) if n and k + n < len(toks) else None
            if town is not None and toks[k + n].sep == "space" and toks[k + n].cased and \
                    not doc.found[town].kb_id.startswith("iso:") and not _compound_head_follows(toks, k + n) \
                    and not (n > 1 and toks[k + n].lang in BARE_PLACE_MODIFIERS) and (
                    toks[k + n].key == fold(doc.found[town].lemma or "")
                    or _agreeing_endings(toks[k + n - 1], toks[k + n])):
                # "premier Imran Khan": a town's name right after the first name is the surname; not one in a case
                # the name before it does not share ("Зелкан Каримов Андижонда", in Andijan), nor one after a full
                # name where places modify the noun after them bare ("Zelkan Kiprotich Berlin marafonida")
                doc.release(town)
                n += 1
            if n and k + n < len(toks) and toks[k + n].sep == "space" and _is_title(toks, k + n):
                n = 0  # "Deputy Health Minister Zelkan …": the words inside a title of several, no name
            office = _office_words(doc, k, n)
            if office == n and n >= 2:
                n = 0  # "Rzecznik Praw Obywatelskich": the office the title names (the ombudsman), no person
            if n and not (toks[k].cased and toks[k].sent_start):
                cut = _person_after_org(doc, k, k + n)
                if cut == k and 0 < office < n and listed_given_name(toks[k + office]):
                    cut = k + office  # "Minister Zdrowia Rafał Zelkowski": the office's words, then the person
                if cut == k and _name_before_first_name(toks, k, k + n):
                    cut = k + 1  # "szef Ryanaira Michael O'Leary": the title's organisation, then the person
                office_style = toks[i].cap and not toks[i].sent_start  # "…, a Minister Zdrowia Adam …"
                if cut > k and (cut != k + office or not office_style
                                or any(_is_org_head(toks[m]) for m in range(k, cut))):
                    kind = "LOC" if cut == k + 1 and _is_place_office(toks, i, width) else "ORG"
                    doc.claim(Found(k, cut, kind, 0.7, "pattern", _lemma(doc, k, cut)))
                if cut > k:
                    n = max(n, cut - k + _name_run(doc, cut))  # the name goes on past the run's first four pieces
                named = cut == k == i + width and (in_name or (
                    toks[i].cap and toks[k].sep == "space" and toks[k].lang in HEAD_LAST_LANGS
                    and _is_org_head(toks[k + n - 1])))  # "Premier League": a body the title word names
                _add_name(doc, i if named else cut, k + n, "PER", 0.85)
        _postposed_title(doc, i)
        i += width


#: Capitalised words after a title at least this frequent (Zipf) and no listed name name the office rather than
#: its holder (Polish *Rzecznik Praw Obywatelskich*, *Minister Zdrowia*): a surname that is a common word (*Kot*,
#: 4.5; *Kowalski*, 4.1, ends as the adjective *Obywatelskich* does) stands alone or after a given name.
OFFICE_WORD_ZIPF = 4.0


def _office_words(doc: _Doc, k: int, n: int) -> int:
    """How many of the ``n`` capitalised words from ``k`` after a title name its office (*Praw Dziecka* in *Rzecznik
    Praw Dziecka Zelmorra Kot*): frequent words (:data:`OFFICE_WORD_ZIPF`) that are no listed name, in a cased
    script that inflects (its genitives say "of"), up to the first word that is none."""
    toks = doc.toks
    m = k
    while m < k + n and toks[m].cased and toks[m].lang in INFLECTIONS and not listed_given_name(toks[m]) \
            and not listed_surname(toks[m]) and frequency.zipf(toks[m].key, toks[m].lang) >= OFFICE_WORD_ZIPF:
        m += 1
    return m - k


def _is_place_office(toks: list[Tok], i: int, width: int) -> bool:
    """Whether the one-word title at ``i`` is a place's office (:data:`PLACE_OFFICE_TITLES`: a mayor, a governor)."""
    return width == 1 and _word_match(toks[i].key, toks[i].lang, _place_offices(toks[i].lang), 4)


@cache
def _place_offices(lang: str) -> frozenset[str]:
    """A language's titles of a place's office (:data:`PLACE_OFFICE_TITLES`), folded."""
    return frozenset(fold(w) for w in PLACE_OFFICE_TITLES.get(lang, ()))


def _adjective_case(tok: Tok) -> bool:
    """Whether the word ends in a case ending only adjectives take (:data:`ADJECTIVE_CASE_ENDINGS`: *Томского*)."""
    return tok.key.endswith(ADJECTIVE_CASE_ENDINGS.get(tok.lang, ()))


def _past_titled_body(doc: _Doc, k: int) -> int:
    """Where the name after a title begins, past the organisation the title heads and its country, where a name
    follows them (*глава Минобороны Андрей Зелкин*, *глава МИД России Андрей Зелкин*, an acronym no layer has
    read yet), else ``k``. The country must be one (a town may be a first name: *директора Ryanair Питера Беллоу*,
    Peter's), and the name must open with a first name or a rare word."""
    toks = doc.toks
    if k >= len(toks):
        return k
    if doc.owner[k] < 0:
        if not (toks[k].cased and _is_acronym(toks[k])) or (k + 1 < len(toks) and toks[k + 1].upper):
            return k  # "President JOHN ZELKIN": a name in capitals
        after = k + 1
    elif doc.found[doc.owner[k]].type == "ORG" and doc.found[doc.owner[k]].i == k:
        after = doc.found[doc.owner[k]].j
    else:
        return k
    if after < len(toks) and doc.owner[after] >= 0 and doc.found[doc.owner[after]].type == "LOC" \
            and doc.found[doc.owner[after]].i == after and (doc.found[doc.owner[after]].kb_id or "").startswith("iso:"):
        after = doc.found[doc.owner[after]].j
    if after >= len(toks) or doc.owner[after] >= 0 or not _name_run(doc, after):
        return k
    first = toks[after]
    # the name opens with a first name or a rare word, not a common one ("Generalna Konfederacja Pracy", of labour)
    return after if listed_given_name(first) or frequency.zipf(first.key, first.lang) < COMMON_ZIPF else k


def _caseless_name_after_title(doc: _Doc, k: int, n: int) -> int:
    """How many of the ``n`` pieces of a run after a title at ``k`` are the name, in a caseless script whose names
    a postposition or conjunction ends (:data:`POSTPOSITIONS`, :data:`NAME_ENDING_CONJUNCTIONS`): the longest part
    of the run that one follows (*राष्ट्रपति ज़ेलकान नियमित रूप से*: *ज़ेलकान*, "regularly" is no part of it), else
    its first piece."""
    toks = doc.toks
    lang = toks[k].lang
    ends = POSTPOSITIONS[lang] | NAME_ENDING_CONJUNCTIONS.get(lang, frozenset())

    def closed(m: int) -> bool:
        return m >= len(toks) or toks[m].key in ends or toks[m].sep not in ("space", "hyphen") \
            or toks[m].sent_start
    return next((m for m in range(n, 0, -1) if closed(k + m)), min(n, 1))


def _honorific_layer(doc: _Doc) -> None:
    """The name right before a postposed honorific (``गांधी जी के विचार``, ``اقبال صاحب``) is a person: one
    word, the name it is most often written after. Not where the honorific is the letter G, before a number or
    hyphen (``जी-20``) or beside other letter names (``ایس ڈی جی``, SDG; a case marker such as ``के`` spells K
    too, but follows the name and its honorific)."""
    toks = doc.toks
    for k in range(1, len(toks)):
        tok = toks[k]
        if doc.owner[k] >= 0 or tok.sep != "space" or tok.key not in POSTPOSED_HONORIFICS.get(tok.lang, ()):
            continue
        after = toks[k + 1] if k + 1 < len(toks) else None
        letter_after = after is not None and bool(_spelled_letters(after.text)) \
            and after.key not in CASE_MARKERS.get(tok.lang, ())
        if letter_after or _spelled_letters(toks[k - 1].text) or (
                after is not None and (after.sep == "hyphen" or after.key[:1].isdigit())):
            continue
        n = _name_run(doc, k - 1, limit=1, step=-1)
        if n:
            _add_name(doc, k - n, k, "PER", 0.75)


def _name_before_first_name(toks: list[Tok], i: int, j: int) -> bool:
    """Whether a run of three or more capitalised pieces is one name (``Ryanairu``, ``Bibiové``, ``Кремля``)
    followed by a person's first name and surname: the first piece reads as no first name, the second does, by
    frequency (a rare word, then one as frequent as first names) or by the name lists (a word as frequent as first
    names that no list has, then a listed given name as listed, not in a case that a noun before it governs:
    *пресс-секретарь Кремля Зелкан Зелкин*, *глава Минтранса Антон Зелкин*, not *Letiště Václava Havla*)."""
    if j - i < 3 or _is_particle(toks, i + 1, True):
        return False
    first, second = toks[i], toks[i + 1]
    zipf = frequency.zipf(first.key, first.lang)
    if not _given_name_like(first) and _given_name_like(second) and zipf < GIVEN_NAME_ZIPF[0]:
        return True
    return zipf >= GIVEN_NAME_ZIPF[0] and _plain_name_word(first) and not first.sent_start \
        and not listed_given_name(first) and not listed_surname(first) and second.key in given_names()


def _person_after_org(doc: _Doc, i: int, j: int) -> int:
    """Where the person starts in a run after a title that opens with an organisation (``przewodniczący
    Parlamentu Europejskiego Antonio Tajani``): at a listed given name after the organisation's first two pieces,
    or else before its last two name pieces (particles between them included), when the run starts with a head
    word and has at least one more piece before them; else ``i``."""
    toks = doc.toks
    if not _is_org_head(toks[i]):
        return i
    given = next((m for m in range(i + 2, j) if listed_given_name(toks[m]) and not _is_org_head(toks[m])), None)
    if given is not None:
        return given  # "prezes Urzędu Regulacji Energetyki Adam Zelkowski": the person opens with a given name
    cut, names = j, 0
    while cut > i and names < 2:
        cut -= 1
        if not _is_particle(toks, cut, True):
            names += 1
    if names < 2 or cut - i < 2 or any(_is_org_head(toks[k]) or _is_loc_head(toks[k]) for k in range(cut, j)) \
            or (toks[cut].cased and not toks[cut].cap):
        return i  # nor where the would-be person opens with a lower-case word (*Dróg Krajowych i Autostrad*)
    return cut


def _release_first_name(doc: _Doc, k: int) -> None:
    """After a title, a one-word city in its base form followed by a free capitalised word is a first name where it
    reads so (:func:`_town_read_otherwise`: Florence Pugh); one in a case is the title's town (*мэра Москвы Зелкана
    Зелкина*, the mayor of Moscow), and so is any other (*Аким Алматы Зелкан Зелкинов*: Russian does not inflect the
    city's name). A word held as no name (a language's name in another language) that is a listed given name is
    one there too (*Fire Chief Dana Zelkowitz*)."""
    toks = doc.toks
    if not (k + 1 < len(toks) and doc.owner[k] >= 0 and doc.owner[k + 1] < 0):
        return
    f = doc.found[doc.owner[k]]
    if f.j != k + 1 or not toks[k].cased or not toks[k + 1].cap or toks[k + 1].sep != "space" \
            or toks[k + 1].sent_start:
        return
    if (f.type == "LOC" and (f.kb_id or "").startswith("geonames:") and toks[k].key == fold(f.lemma or "")
            and _town_read_otherwise(toks, k)) or (not f.emit and f.type == "MISC" and listed_given_name(toks[k])):
        doc.release(doc.owner[k])  # a language's name in some other language reads as a given name too (*Dana*)


def _town_read_otherwise(toks: list[Tok], k: int) -> bool:
    """Whether a one-word town right after a title reads as something else: a listed given name (*Coach Florence
    Pugh*) or, written in capitals, an acronym (*Глава МАУ*, the airline). Any other is the titled one's place
    (*Мэр Сочи Зелкан Зелкинов*), and so is a town read as a given name only through a case ending before a
    given name written as one (*burmistrz Jarosławia Jan Zelkowski*: a person's two given names take one case)."""
    tok = toks[k]
    if tok.upper:
        return True
    names = given_names()
    inflected_before_given = not listed(tok.key, names) and k + 1 < len(toks) and toks[k + 1].cap \
        and listed(toks[k + 1].key, names)
    return listed_given_name(tok) and not inflected_before_given


def _postposed_title(doc: _Doc, i: int) -> None:
    """``NAME, [country] TITLE`` (Turkish, Uzbek, English captions): the run before the comma is a person."""
    toks = doc.toks
    k = i
    hops = 0
    while k - 1 >= 0 and hops < 3 and toks[k].sep == "space" and (toks[k - 1].cap or doc.owner[k - 1] >= 0):
        k -= 1
        hops += 1
    if k == 0 or "," not in toks[k].sep_text or "\n" in toks[k].sep_text:
        return
    n = _name_run(doc, k - 1, step=-1)
    if n:
        _add_name(doc, k - n, k, "PER", 0.75)


def _reporting_layer(doc: _Doc) -> None:
    toks = doc.toks
    for i, tok in enumerate(toks):
        if tok.key not in _reporting(tok.lang) or doc.owner[i] >= 0:
            continue
        markers = AGENT_MARKERS.get(tok.lang)
        if markers:
            # "NAME ने (ज़ोर देकर) कहा": the agent marker may stand up to three pieces before the verb.
            for back in range(1, 4):
                m = i - back
                if m < 1 or toks[m].key not in markers:
                    continue
                n = _name_run(doc, m - 1, limit=3, step=-1)
                if n:
                    _add_name(doc, m - n, m, "PER", 0.7)
                break
            continue
        if tok.lang in SPEAKER_FIRST:
            _speaker_opening_sentence(doc, i)
        if i + 1 < len(toks) and toks[i + 1].sep == "space" and toks[i + 1].cased:
            n = _name_run(doc, i + 1)
            if n:
                _add_name(doc, i + 1, i + 1 + n, "PER", 0.65)
        if i >= 1 and tok.sep == "space" and toks[i - 1].cased:
            n = _name_run(doc, i - 1, step=-1)
            headed = _is_org_head(toks[i - 1]) or _is_loc_head(toks[i - 1])
            while n > 1 and (_opens_no_headed_name(doc, toks[i - n]) if headed
                             else _common_opener(toks[i - n])):
                n -= 1  # "Dün Zelkan Yavaş konuştu": "yesterday" opens the sentence, not the name
            if n and _name_before_first_name(toks, i - n, i):
                n -= 1  # "Кремля Зелкан Зелкин заявил": the speaker's organisation, then the speaker
            first = toks[i - n] if n else None
            if first and not (first.sent_start and n == 1 and frequency.zipf(first.key, first.lang) >= COMMON_ZIPF):
                _add_name(doc, i - n, i, "PER", 0.65)


def _speaker_opening_sentence(doc: _Doc, verb: int) -> None:
    """The capitalised name that opens a sentence and is closed by a comma, in a verb-final language whose sentence
    ends with the verb of saying at ``verb`` (one more word may follow it: *ifade etti*), is the speaker: *Zelkan
    Yavaş, ... olduğunu belirtti.* A lone word is left alone where it is common in the language (*Bakanlık, ...*)
    or the language has no word frequencies to tell (Uzbek *Шунингдек,*, "moreover")."""
    toks = doc.toks
    last = verb + 1 if verb + 1 < len(toks) and not toks[verb + 1].sent_start else verb
    if last + 1 < len(toks) and not toks[last + 1].sent_start:
        return
    start = verb
    while start > 0 and not toks[start].sent_start:
        start -= 1
    n = _name_run(doc, start, limit=3) if start < verb else 0
    if not n or start + n >= verb or not toks[start + n].sep_text.lstrip().startswith(","):
        return
    word = toks[start]
    if n == 1 and (word.lang not in frequency.LANGS or frequency.zipf(word.key, word.lang) >= COMMON_ZIPF):
        return
    _add_name(doc, start, start + n, "PER", 0.65)


def _org_layer(doc: _Doc) -> None:
    """Acronyms explained in brackets, clipped names of public bodies (*Минфин*, *Bundesinnenministerium*), and
    phrases ending in an organisation head word (caseless scripts)."""
    toks = doc.toks
    for i, tok in enumerate(toks):
        if doc.owner[i] >= 0:
            continue
        if _alone_in_brackets(toks, i) and (_is_acronym(tok) or _word_acronym(doc, i)):
            if _abbreviates_concept(doc, i):
                continue
            expansion = _spelt_lowercase_before(doc, i, tok.text)
            if expansion is None:
                expansion = _expansion_before(doc, i)
                if expansion and not _explains(doc, expansion, tok.text):
                    expansion = None
                if expansion:
                    expansion = _with_leading_place(doc, _spelt_suffix(doc, expansion, tok.text), tok.text)
            if expansion and _base_lang(tok.lang) in PARENT_FIRST_LANGS:
                # "Birleşmiş Milletler İnsani İşler Koordinasyon Ofisi (OCHA)": the listed body it is part of
                expansion = _taken_in(doc, _listed_org_before(doc, expansion[0]), expansion[0]), expansion[1]
            if expansion:
                doc.claim(Found(expansion[0], expansion[1], "ORG", 0.75, "acronym",
                                _lemma(doc, expansion[0], expansion[1])))
            doc.claim(Found(i, i + 1, "ORG", 0.7 if expansion else 0.55, "acronym", tok.text))
    for i, tok in enumerate(toks):
        if doc.owner[i] < 0 and tok.cap and (_clipped_org_word(tok) or _national_compound(tok)):
            doc.claim(Found(i, i + 1, "ORG", 0.7, "pattern", tok.text))
    for i, tok in enumerate(toks):
        if doc.owner[i] >= 0 or tok.cased or not _is_org_head(tok) or _town_body(doc, i):
            continue
        n = _caseless_phrase_before(doc, i, max_zipf=5.0)
        if n and any(frequency.zipf(toks[k].key, toks[k].lang) < 4.0 for k in range(i - n, i)):
            doc.claim(Found(i - n, i + 1, "ORG", 0.6, "pattern", _lemma(doc, i - n, i + 1)))


#: Most words between a town and the head word of the body it names in a caseless script (*पंजाब प्रदूषण नियंत्रण
#: बोर्ड*, *असम राज्य आपदा प्रबंधन प्राधिकरण*).
TOWN_BODY_MAX_GAP = 3


def _town_body(doc: _Doc, k: int) -> bool:
    """Claim the body a town or state names with the organisation head word at piece ``k``, in a caseless script,
    the town right before it or up to three words between, none but the one before the head as frequent as a
    function word (*दिल्ली विश्वविद्यालय*, *मुंबई पुलिस*, *लखनऊ नगर निगम*, *पंजाब प्रदूषण नियंत्रण बोर्ड*; not
    *बेंगलुरु स्थित कंपनी*, "a Bengaluru-based company", :data:`LOCATED_WORDS`); a country stays a place (*भारत
    सरकार*, *कज़ाख़स्तान अंतर्क्षेत्रीय मंच*). Whether it did."""
    toks = doc.toks
    if k == 0 or toks[k].sep != "space":
        return False
    place = _place_ending_at(doc, k - 1)
    gap = 0
    while place is None and gap < TOWN_BODY_MAX_GAP and k - gap >= 2 and doc.owner[k - 1 - gap] < 0 \
            and toks[k - 1 - gap].sep == "space" and not toks[k - 1 - gap].cased and not _is_stop(toks[k - 1 - gap]) \
            and toks[k - 1 - gap].key not in LOCATED_WORDS.get(toks[k - 1 - gap].lang, ()) \
            and (gap == 0 or frequency.zipf(toks[k - 1 - gap].key, toks[k - 1 - gap].lang) < CASELESS_NAME_MAX_ZIPF):
        gap += 1
        place = _place_ending_at(doc, k - 1 - gap)
    if place is None or (doc.found[place].kb_id or "").startswith("iso:") or _word_before_town(doc, place):
        return False
    start = doc.found[place].i
    doc.release(place)
    return doc.claim(Found(start, k + 1, "ORG", 0.6, "pattern", _lemma(doc, start, k + 1)))


#: Fewest people of a town named by a word as frequent as a common one (:data:`CASELESS_COMMON_ZIPF`) whose name
#: before a head word names a body (:func:`_word_before_town`).
FREQUENT_TOWN_BODY_MIN_POPULATION = 100_000


def _word_before_town(doc: _Doc, idx: int) -> bool:
    """Whether a one-word small town (under :data:`FREQUENT_TOWN_BODY_MIN_POPULATION`) is named by a word as frequent
    as a common one: before a head word it is that word (*मंडी समिति*, a market committee, not Mandi's)."""
    f = doc.found[idx]
    town = geonames_place(f.kb_id or "")
    tok = doc.toks[f.i]
    return f.j - f.i == 1 and town is not None and town.population < FREQUENT_TOWN_BODY_MIN_POPULATION \
        and frequency.zipf(tok.key, tok.lang) >= CASELESS_COMMON_ZIPF


def _caseless_place_body_layer(doc: _Doc) -> None:
    """:func:`_town_body` again after a tagger that decided the sentence kept the town and read nothing over the
    head word (*मुंबई पुलिस*: the Hindi model's places mode), or withdrew the body read before it and the town with it
    and read nothing there either (*सिलीगुड़ी नगर निगम*)."""
    for k, tok in enumerate(doc.toks):
        if tok.cased or doc.owner[k] >= 0 or not _is_org_head(tok) or _town_body(doc, k):
            continue
        town = _withdrawn_town_before(doc, k)
        if town is not None:
            doc.claim(replace(town, emit=True))
            if not _town_body(doc, k):
                doc.release(doc.owner[town.i])


def _withdrawn_town_before(doc: _Doc, k: int) -> Found | None:
    """A gazetteer town read before piece ``k`` (up to :data:`TOWN_BODY_MAX_GAP` words between) and withdrawn since,
    its pieces free again, or None."""
    for f in doc.found:
        if not f.emit and f.type == "LOC" and f.layer == "gazetteer" and k - 1 - TOWN_BODY_MAX_GAP <= f.j - 1 < k \
                and (f.kb_id or "").startswith(("geonames:", "iso3166-2:")) and doc.free(f.i, f.j):
            return f
    return None


#: Word frequency (Zipf) below which a word before a kind of area (:data:`AREA_WORDS_AFTER`) is the area's name:
#: district towns are frequent in Hindi news (*मुजफ्फरनगर* 4.1, *चमोली* 3.7), the adjectives before *जिले* more so
#: (*पड़ोसी* 4.6) or derived (:data:`DERIVED_ADJECTIVE_ENDINGS`).
AREA_NAME_MAX_ZIPF = 4.3
#: The same before the word for a natural place (:data:`PLACE_WORDS_AFTER`: a river, a lake, a valley): rivers'
#: names are frequent words (*नर्मदा* 4.2, *यमुना* 4.4), the adjectives before them more so (*पवित्र*, holy, 5.0;
#: *प्रमुख*, main, 5.3). Before a facility's (a road, a stadium) the words are as frequent as a caseless name may be.
PLACE_HEAD_NAME_MAX_ZIPF = 4.5


def _caseless_place_head_layer(doc: _Doc) -> None:
    """A rare word right before a place's head word, in a caseless script, names that place (*गोमती नदी*, a river:
    *गोमती*; *हीराकुंड बांध*, a dam; :data:`LOC_HEADS`; a rarer one before a kind of area, :data:`AREA_WORDS_AFTER`:
    *गंजाम जिले*), also in the sentences a tagger decided (trained on a few hundred sentences, the Hindi one left most
    such names unread, or read *बल्खश झील* as a person)."""
    toks = doc.toks
    for i, tok in enumerate(toks):
        area = tok.key in AREA_WORDS_AFTER.get(tok.lang, ())
        if tok.cased or i == 0 or tok.sep != "space" or not (area or tok.key in _loc_heads(tok.lang)):
            continue  # the head word itself, not a plural (*कज़ाख बंदरगाहों*, "Kazakh ports")
        word = toks[i - 1]
        natural = tok.key in PLACE_WORDS_AFTER.get(tok.lang, ())
        if not _caseless_place_word(
                word, AREA_NAME_MAX_ZIPF if area else PLACE_HEAD_NAME_MAX_ZIPF if natural else CASELESS_COMMON_ZIPF):
            continue  # "सीमावर्ती जिले" (a border district), "706 जिलों": no name
        if doc.owner[i - 1] >= 0 and doc.found[doc.owner[i - 1]].type == "PER" \
                and doc.found[doc.owner[i - 1]].layer == "tagger":
            doc.release(doc.owner[i - 1])  # no person's name ends in a place's head word
        # a kind of place names the place by the word before it (*गोमती*, the river); a facility's name takes its
        # head word in (*हीराकुंड बांध*, the Hirakud Dam)
        end = i if area or natural else i + 1
        town = _place_ending_at(doc, i - 1)
        if end > i and town is not None and doc.found[town].i == i - 1 \
                and (doc.found[town].kb_id or "").startswith("geonames:"):
            doc.release(town)  # a facility named after a town (*सोहना रोड*, the Sohna Road)
        if doc.free(i - 1, end):
            doc.claim(Found(i - 1, end, "LOC", 0.6, "pattern", _lemma(doc, i - 1, end)))
        if tok.key in AREA_PLURALS.get(tok.lang, ()):
            _caseless_area_list(doc, i - 1)


def _caseless_place_word(word: Tok, max_zipf: float) -> bool:
    """Whether a caseless word may be a place's name before its kind: no function word, number or derived adjective,
    rarer than ``max_zipf``."""
    return not word.cased and not _is_stop(word) and frequency.zipf(word.key, word.lang) < max_zipf \
        and not any(ch.isdigit() for ch in word.key) \
        and not word.key.endswith(DERIVED_ADJECTIVE_ENDINGS.get(word.lang, ()))


def _caseless_area_list(doc: _Doc, k: int) -> None:
    """The names listed before the last one at piece ``k``, which a plural kind of area follows, joined by commas and
    "and" (:data:`COORDINATING_AND`), are areas too where each is a rare word as :func:`_caseless_place_head_layer`
    asks (*सोलन, ऊना और हमीरपुर ज़िलों में*: Solan, Una and Hamirpur districts)."""
    toks = doc.toks
    while (before := _list_item_before(toks, k)) is not None:
        k = before
        word = toks[k]
        if not _caseless_place_word(word, AREA_NAME_MAX_ZIPF):
            return
        owner = doc.owner[k]
        if owner >= 0:
            f = doc.found[owner]
            if f.type == "LOC" and f.j == k + 1:
                k = f.i
                continue
            if not (f.i == k and f.j == k + 1 and f.type == "PER" and f.layer == "tagger"):
                return
            doc.release(owner)
        doc.claim(Found(k, k + 1, "LOC", 0.6, "pattern", word.text))


def _place_ending_at(doc: _Doc, k: int) -> int | None:
    """The gazetteer place (in a caseless script) whose last piece is ``k``, by its index in ``doc.found``."""
    idx = doc.owner[k]
    if idx < 0:
        return None
    f = doc.found[idx]
    return idx if f.j == k + 1 and f.type == "LOC" and f.layer == "gazetteer" and f.emit \
        and not doc.toks[k].cased else None


def _described_org_layer(doc: _Doc) -> None:
    """A bare capitalised name right after a noun that describes a company, club or brand (``przewoźnik Ryanair``,
    ``компания Apple``), or right before one where the language puts it after (``Galatasaray kulübü``), is an
    organisation: a single unknown word has no other cue to its type."""
    toks = doc.toks
    for i, tok in enumerate(toks):
        if not tok.cased or not tok.key or (tok.cap and not tok.sent_start and tok.lang not in NOUN_CAPITALISING):
            continue
        before, after = _company_words(tok.lang)
        if before and i + 1 < len(toks) and _is_company_word(tok.key, tok.lang):
            k = i + 1
            nxt = toks[k]
            # "šéf společnosti Michael O'Leary", "rzecznik firmy Robin Kiely": after a role, the noun is the
            # role's complement and the name a person's
            role = any(_is_title(toks, m) for m in range(max(0, i - 3), i))
            if doc.owner[k] < 0 and nxt.sep == "space" and nxt.cap and not nxt.sent_start and not role:
                n = _name_run(doc, k, limit=3)
                if n >= 2 and _given_name_like(nxt):
                    n = 0  # "фирмы Давид Мирианашвали": a first name and a surname
                m = k + n
                if n and m < len(toks) and toks[m].sep in ("space", "hyphen") and doc.owner[m] >= 0 and \
                        doc.found[doc.owner[m]].type == "LOC" and doc.found[doc.owner[m]].i == m:
                    n = doc.found[doc.owner[m]].j - k  # "dopravce Air France": a country's name ends the company's
                    doc.release(doc.owner[m])
                if n:
                    doc.claim(Found(k, k + n, "ORG", 0.7, "pattern", _lemma(doc, k, k + n)))
        elif after and i >= 1 and tok.sep == "space" and tok.key in after and toks[i - 1].cap:
            n = _name_run(doc, i - 1, limit=3, step=-1)
            while n and toks[i - n].sent_start and n > 1:
                n -= 1  # a sentence's first word before the name is no part of it unless it is the name
            if n:
                doc.claim(Found(i - n, i, "ORG", 0.7, "pattern", _lemma(doc, i - n, i)))


def _place_list_layer(doc: _Doc) -> None:
    """Where a word for a kind of place in the plural follows a list of capitalised words joined by commas and "and"
    (:data:`PLACE_LIST_PLURALS`: Kazakh *Мамлют және Тайынша аудандарында*, "in the Mamlyut and Tayynsha
    districts"), each is a place: one a name's reading left untyped, or a person's of one word, gives way, and a
    sentence's first word the tagger took with the first item is left out."""
    toks = doc.toks
    for k, tok in enumerate(toks):
        plurals = PLACE_LIST_PLURALS.get(tok.lang)
        if not plurals or k < 3 or not tok.cased or tok.cap or tok.sep != "space" or not any(
                tok.key.startswith(w) and tok.key[len(w):].startswith(plurals)
                for w in PLACE_WORDS_AFTER.get(tok.lang, ())):
            continue
        item: int | None = k - 1
        while item is not None and _list_place_item(doc, item):
            item = _list_item_before(toks, item)


def _list_place_item(doc: _Doc, k: int) -> bool:
    """Read the capitalised word at ``k`` as one place of a list (:func:`_place_list_layer`); whether it is one."""
    toks = doc.toks
    tok = toks[k]
    if not tok.cased or not tok.cap or tok.upper or _is_stop(tok):
        return False
    if doc.owner[k] < 0:
        doc.claim(Found(k, k + 1, "LOC", 0.55, "pattern", tok.text))
        return True
    f = doc.found[doc.owner[k]]
    if f.j != k + 1 or not f.emit:
        return False
    if f.type == "LOC":
        return True
    if f.layer not in ("capitalisation", "tagger", "pattern") or f.type not in ("MISC", "PER") \
            or (f.i < k and not (f.i == k - 1 and toks[f.i].sent_start)):
        return False
    doc.release(doc.owner[k])  # "Нөсер Целиноград": the sentence's first word ("downpour") and the first item
    doc.claim(Found(k, k + 1, "LOC", 0.55, "pattern", tok.text))
    return True


def _caseless_company_layer(doc: _Doc) -> None:
    """In a caseless script, the words right after a noun that describes a company are its name, an organisation
    (Hindi *कंपनी ज़ेलमोरा ने*, "the company Zelmorra"), read after the tagger: a person it or a verb of saying
    after them made of them gives way. Up to two words, no function word or title, none a place the gazetteer
    knows."""
    toks = doc.toks
    for i, tok in enumerate(toks[:-1]):
        if tok.cased or not tok.key or not _is_company_word(tok.key, tok.lang):
            continue
        k = i + 1
        owner = doc.owner[k]
        if owner >= 0:
            f = doc.found[owner]
            if f.i != k or f.type != "PER" or f.layer not in ("tagger", "pattern") or f.j - k > 2:
                continue
            doc.release(owner)
            doc.claim(Found(k, f.j, "ORG", 0.7, "pattern", f.lemma))
            continue
        end = k
        while end < len(toks) and end - k < 2 and doc.owner[end] < 0 and toks[end].sep == "space" \
                and not toks[end].cased and not _is_stop(toks[end]) and not _is_title(toks, end) \
                and frequency.zipf(toks[end].key, toks[end].lang) < CASELESS_COMMON_ZIPF:
            end += 1
        if end > k:
            doc.claim(Found(k, end, "ORG", 0.6, "pattern", _lemma(doc, k, end)))


def _one_sense_per_text(doc: _Doc) -> None:
    """A one-piece name that the text somewhere calls an organisation (``przewoźnik Ryanair``, a gazetteer's
    organisation) is that organisation wherever only a person cue typed it: a title or a verb of saying beside
    it (``rzecznik Ryanaira``, ``Ryanair řekl``) fits a company's name as well as a surname, and a company is
    named the same way throughout one article."""
    toks = doc.toks
    org_keys: set[str] = set()
    for f in doc.found:
        if f.emit and f.type == "ORG" and f.j - f.i == 1 and f.layer in ("pattern", "acronym", "gazetteer", "kb"):
            org_keys.update(bases(toks[f.i]))
    if not org_keys:
        return
    for f in doc.found:
        if f.emit and f.type == "PER" and f.j - f.i == 1 and f.layer == "pattern" and not org_keys.isdisjoint(
                bases(toks[f.i])):
            f.type = "ORG"


#: Lower-case words that may stand between an institution's capitalised first word and its head word
#: (``Nejvyšší správní soud``).
INSTITUTION_MAX_INNER = 1
#: The same where the head word ends the name: Uzbek *Xalqaro valyuta jamgʻarmasi*.
INSTITUTION_MAX_INNER_HEAD_LAST = 2


def _lowercase_head_layer(doc: _Doc) -> None:
    """Where only an institution's first word is capitalised (``FIRST_WORD_CAPITALISED``), that word with the
    lower-case head word after it and the country it belongs to is an organisation: ``Върховният съд на Пакистан``,
    ``Nejvyšší soud Pákistánu`` (:func:`_institution_of_country` joins the country). Without its country the phrase
    is a description ("the supreme court" of the story, ``Celkově dostala společnost``), left alone. Where the head
    word ends the name (``HEAD_LAST_FIRST_WORD_CAPITALISED``: Uzbek *Tashqi ishlar vazirligi*), a capitalised first
    word inside a sentence is enough, with up to ``INSTITUTION_MAX_INNER_HEAD_LAST`` lower-case words before the
    head, joiners not counted (``HEAD_LAST_JOINERS``: *Иқтисодиёт ва молия вазирлиги*), the first word no surname
    and not in the genitive (``HEAD_LAST_GENITIVES``: the head word's owner)."""
    toks = doc.toks
    for i, tok in enumerate(toks):
        head_last = tok.lang in HEAD_LAST_FIRST_WORD_CAPITALISED
        # where the head word ends the name, a place opens it (*Тошкент шаҳар ҳокимлиги*, *Миробод туман суди*),
        # also opening a sentence, as does a word the text never writes in lower case (*Ички ишлар вазирлиги*)
        place = _one_word_place(doc, i) if head_last else None
        if not (tok.lang in FIRST_WORD_CAPITALISED or (head_last and (
                not tok.sent_start or place is not None or tok.key not in doc.lower_keys))) \
                or (doc.owner[i] >= 0 and place is None) \
                or not tok.cased or not tok.cap or tok.upper or _is_stop(tok) or _is_org_head(tok) \
                or _is_title(toks, i) or (head_last and (
                    tok.key.endswith(HEAD_LAST_GENITIVES.get(tok.lang, ())) or (_surname_like(tok) and place is None))):
            continue
        head = None
        inner = INSTITUTION_MAX_INNER_HEAD_LAST if head_last else INSTITUTION_MAX_INNER
        if place is not None and _before_place_word(doc, i + 1):
            inner += 1  # the place's kind counts apart (*Самарқанд вилояти ички ишлар бошқармаси*)
        joiners = HEAD_LAST_JOINERS.get(tok.lang, frozenset()) if head_last else frozenset()
        joined = 0
        k = i + 1
        while k < min(i + 2 + inner + joined, len(toks)):
            if ((toks[k].key in joiners and toks[k].sep == "space") or (
                    head_last and toks[k].sep == "hyphen" and toks[k].cased and not toks[k].cap)) \
                    and joined < HEAD_LAST_MAX_JOINERS and doc.owner[k] < 0:
                joined += 1  # "Иқтисодиёт ва молия вазирлиги": a joiner is none of the inner words, nor a hyphened
                k += 1  # word's second half ("экспорт-импорт банки", "Либерал-демократик партияси")
                continue
            if toks[k].sep != "space" or doc.owner[k] >= 0 or not toks[k].cased or toks[k].cap or _is_stop(toks[k]):
                break
            if _is_org_head(toks[k]) and not _is_title(toks, k):
                head = k
                break
            k += 1
        if head is None:
            continue
        end = head + 1
        if not (head_last or _country_follows(doc, end)):
            # a town's body: adjectives before the head word, the town after it (*Krajský soud v Brně*); a common
            # adjective opening a sentence describes (*Nová společnost v Praze*)
            if (tok.sent_start and frequency.zipf(tok.key, tok.lang) >= COMMON_ZIPF) \
                    or not all(_institution_adjective(toks[k]) for k in range(i, head)):
                continue
            end = _place_of_institution(doc, end)
            if end == head + 1:
                continue
        if place is not None:
            doc.release(place)
        # the listed body a chamber belongs to opens its name (*Oliy Majlis Qonunchilik palatasi*), as in the
        # capitalised names (*Birleşmiş Milletler ...*)
        start = _taken_in(doc, _listed_org_before(doc, i) if head_last else None, i)
        if head_last and start == i and place is None:
            start = _region_of_body(doc, i)
        doc.claim(Found(start, end, "ORG", 0.6, "pattern", _lemma(doc, start, end)))


#: What may follow a word for a kind of place inside a body's name: nothing or a possessive ending (Uzbek *вилоят*,
#: *вилояти*, *шаҳри*).
BARE_OR_POSSESSED = frozenset({"", "и", "си", "i", "si"})


def _region_of_body(doc: _Doc, i: int) -> int:
    """Where a body's name whose own words start at piece ``i`` starts once the town or region written before it
    with the word for its kind is taken in (Uzbek *Тошкент вилояти Фавқулодда вазиятлар бошқармаси*, the Tashkent
    region's emergencies department): the place's finding gives way."""
    toks = doc.toks
    if i < 2 or toks[i].sep != "space" or toks[i - 1].sep != "space" or not toks[i - 1].cased or toks[i - 1].cap \
            or not any(toks[i - 1].key.startswith(w) and toks[i - 1].key[len(w):] in BARE_OR_POSSESSED
                       for w in PLACE_WORDS_AFTER.get(toks[i - 1].lang, ())):
        return i  # not a place word with a case ending (*Тошкент вилоятида …*, "in the Tashkent region")
    place = _one_word_place(doc, i - 2)
    if place is None:
        return i
    doc.release(place)
    return i - 2


def _one_word_place(doc: _Doc, i: int) -> int | None:
    """The finding of a one-piece place at piece ``i``, or None: a town or region whose name opens its body's
    (*Тошкент шаҳар ҳокимлиги*), or a country's name as written, uninflected (*Ўзбекистон футбол ассоциацияси*).
    Most of a country's bodies are named after *Республикаси* and a case ending (*Ўзбекистон Республикаси Бош
    прокуратураси*), which the capitalised run reads; an inflected country is the place (*Ўзбекистонда ички …*)."""
    if doc.owner[i] < 0:
        return None
    f = doc.found[doc.owner[i]]
    if f.i != i or f.j != i + 1 or f.type != "LOC":
        return None
    return doc.owner[i] if not (f.kb_id or "").startswith("iso:") or doc.toks[i].key == fold(f.lemma or "") \
        else None


def _institution_adjective(tok: Tok) -> bool:
    """Whether the word ends as the adjectives opening an institution's name do (:data:`INSTITUTION_ADJECTIVE_ENDINGS`)
    and is neither a listed given name nor a surname's: a person before a verb and a head word (*Novotný řídí
    společnost*) is no institution."""
    return tok.key.endswith(INSTITUTION_ADJECTIVE_ENDINGS.get(_base_lang(tok.lang), ())) \
        and not listed_given_name(tok) and not listed_surname(tok)


def _place_of_institution(doc: _Doc, end: int) -> int:
    """End of an institution's name at ``end`` (after its head word) taking in the town or country it serves,
    in the genitive or after a word for "in" (:data:`INSTITUTION_PLACE_PREPOSITIONS`: *Krajský soud v Brně*,
    *Печерський районний суд Києва*); after "in", also free capitalised words no gazetteer lists (*Sąd Rejonowy w
    Bochni*)."""
    toks = doc.toks
    k = end + 1 if end < len(toks) and toks[end].key in INSTITUTION_PLACE_PREPOSITIONS.get(toks[end].lang, ()) \
        and toks[end].sep == "space" else end
    if k >= len(toks) or toks[k].sep != "space" or toks[k].sent_start:
        return end
    if doc.owner[k] < 0:
        # after "in", a town no gazetteer lists (*Sąd Rejonowy w Bochni*): the capitalised words that end there
        n = _name_run(doc, k, limit=2) if k > end and toks[k].cased and toks[k].cap else 0
        return k + n if n and not _name_goes_on(toks, k + n) and not any(
            _is_org_head(t) or _is_loc_head(t) for t in toks[k:k + n]) else end
    f = doc.found[doc.owner[k]]
    if f.i != k or f.type != "LOC" or not f.kb_id or _name_goes_on(toks, f.j):
        return end
    doc.release(doc.owner[k])
    return f.j


def _country_follows(doc: _Doc, k: int) -> bool:
    """Whether a country stands at piece ``k`` in the genitive, or after a word for "of", and ends there: not the
    first word of another name (*družbe British Airways*), though a person's may follow."""
    toks = doc.toks
    if k < len(toks) and toks[k].key in OF_WORDS.get(toks[k].lang, ()):
        k += 1
    if k >= len(toks) or toks[k].sep != "space" or doc.owner[k] < 0:
        return False
    f = doc.found[doc.owner[k]]
    return f.i == k and f.type == "LOC" and (f.kb_id or "").startswith("iso:") and not (
        _name_goes_on(toks, f.j) and not listed_given_name(toks[f.j]))  # a person's may: "agencij Slovenije Zelkan"


#: Shortest adjective read as sharing a name's head noun, and how many of its last letters must be the name's
#: first word's (the case ending both take: *-iej*, *-ной*).
COORDINATED_MIN_LETTERS, COORDINATED_ENDING = 5, 3


def _coordinated_names(doc: _Doc) -> None:
    """A capitalised word joined by "and" (:data:`COORDINATING_AND`) to the first word of a place or organisation
    name, with the same ending, is the same kind of name sharing its head noun: *Zachodniej i Wschodniej Republiki
    Ludowej* (invented Western and Eastern People's Republics), *Северной и Южной Кореи*. It takes the name's
    type; a finding of its own that typed nothing (the capitalisation layer's MISC) gives way."""
    toks = doc.toks
    for f in list(doc.found):
        if not f.emit or f.type not in ("LOC", "ORG") or f.j - f.i < 2 or f.i < 2:
            continue
        first, conj, word = toks[f.i], toks[f.i - 1], toks[f.i - 2]
        if conj.key not in COORDINATING_AND.get(first.lang or "", ()) or conj.sep != "space" or first.sep != "space":
            continue
        if not (word.cap and word.cased) or word.sent_start or len(word.key) < COORDINATED_MIN_LETTERS \
                or word.key[-COORDINATED_ENDING:] != first.key[-COORDINATED_ENDING:]:
            continue
        owner = doc.owner[f.i - 2]
        if owner >= 0:
            own = doc.found[owner]
            if own.i != f.i - 2 or own.j != f.i - 1 or own.type != "MISC":
                continue
            doc.release(owner)
        doc.claim(Found(f.i - 2, f.i - 1, f.type, 0.6, "pattern", word.text))


def _coordinated_people(doc: _Doc) -> None:
    """A lone capitalised word joined by "and" (:data:`COORDINATING_AND`) to a person found already is a person too
    where it reads as a surname: a listed one, or one shaped as its language's surnames are (*Zelkinov und Zelkan
    Meier*, *Zelkan Han ile Zelkinov*). A finding of its own that typed nothing (MISC) gives way."""
    toks = doc.toks
    for f in list(doc.found):
        if not f.emit or f.type != "PER":
            continue
        for conj, word in ((f.i - 1, f.i - 2), (f.j, f.j + 1)):
            if word < 0 or word >= len(toks) or toks[conj].key not in COORDINATING_AND.get(toks[conj].lang or "", ()):
                continue
            w = toks[word]
            if toks[max(conj, word)].sep != "space" or toks[min(conj, word) + 1].sep != "space" \
                    or toks[max(conj, word)].sent_start or not (w.cased and w.cap and not w.upper) \
                    or _name_piece_before(toks, word) is not None \
                    or (word + 1 < len(toks) and toks[word + 1].sep in ("space", "hyphen") and toks[word + 1].cap
                        and word + 1 != f.i) \
                    or not (listed_surname(w) or _surname_like(w) or lone_surname(w)):
                continue
            owner = doc.owner[word]
            if owner >= 0:
                own = doc.found[owner]
                if own.i != word or own.j != word + 1 or own.type != "MISC":
                    continue
                doc.release(owner)
            doc.claim(Found(word, word + 1, "PER", 0.55, "pattern", w.text))


#: Words rarer than this (Zipf) inside a list of people, in a caseless script, are a name (*सुनीता मोरवाल*).
LISTED_PERSON_ZIPF = 3.0


def _listed_between_people(doc: _Doc) -> None:
    """In a caseless script, the words between two people of one list (after a comma, before "and" or another
    comma) are a person too where each is a listed given name or a rare word: *राजेश ज़ेलकर, सुनीता मोरवाल और
    अजय तिवरेकर* (the tagger found the first and the last)."""
    toks = doc.toks
    people = sorted((f for f in doc.found if f.emit and f.type == "PER"), key=lambda f: f.i)
    for a, b in pairwise(people):
        start, end = a.j, b.i
        if not 1 <= end - start <= 12 or toks[start].cased or "," not in toks[start].sep_text:
            continue
        if toks[end - 1].key in NAME_ENDING_CONJUNCTIONS.get(toks[end - 1].lang or "", ()):
            end -= 1
        elif "," not in toks[end].sep_text:
            continue
        cuts = [k for k in range(start, end) if k == start or "," in toks[k].sep_text] + [end]
        names = list(pairwise(cuts))
        if all(j - i <= 3 and all(
                doc.owner[k] < 0 and not toks[k].cased and not toks[k].sent_start
                and (listed_given_name(toks[k]) or frequency.zipf(toks[k].key, toks[k].lang) < LISTED_PERSON_ZIPF)
                for k in range(i, j)) for i, j in names):
            for i, j in names:
                doc.claim(Found(i, j, "PER", 0.55, "pattern", _lemma(doc, i, j)))


#: Most capitalised words a company's name before its legal form runs on for (*Zelmorra Enerji Sanayi ve Ticaret*).
LEGAL_FORM_NAME_WORDS = 6


def _legal_form_layer(doc: _Doc) -> None:
    """A company's legal form after its name (:data:`LEGAL_FORMS`: *Volkswagen AG*, *Zelmorra Energy GmbH*), or a
    noun that ends a company's name as one does (:data:`COMPANY_NOUNS_AFTER`: *Hirzel Verlag*), makes the
    capitalised words before it one organisation with it, also in the sentences a tagger decided (one trained on
    a few thousand sentences stops before the form). The name is the free capitalised words right before the form,
    and a finding that ends where they begin (*Siemens* from the gazetteer); a common word opening the sentence or a
    frequent noun where nouns are capitalised (*Der Autobauer*) is no part of it. In a caseless script the name is
    the words before the form that are no function word, title or frequent word (the one right before the form
    may be: *नेशनल एल्युमिनियम कंपनी लिमिटेड*), a country among them (*कोल इंडिया लिमिटेड*). Findings inside give
    way."""
    toks = doc.toks
    for k, tok in enumerate(toks):
        if k == 0 or not _form_joined(toks, k) or tok.sent_start:
            continue
        width = _legal_form_width(doc, k)
        if not width:
            continue
        owner = doc.owner[k]
        start = k
        kb_id = None  # the link of a listed company the form follows (*Siemens*, *टाटा मोटर्स*) stays
        if owner >= 0 and doc.found[owner].i == k and doc.found[owner].j <= k + width:
            doc.release(owner)  # the form read as a name of its own (a tagger's *GmbH*)
            owner = -1
        if owner >= 0 and doc.found[owner].i < k:
            f = doc.found[owner]
            if f.j >= k + width and (width == 1 or f.j > k + width) \
                    and not (f.j == k + width and ((f.layer == "pattern" and not tok.cased) or (
                        f.type in ("PER", "MISC") and f.layer in ("pattern", "capitalisation", "tagger")))):
                continue  # the form is inside a name found already, not a caseless head phrase ending in it nor a
                # person or an untyped name ending in it (*Severn Trent Plc said*, a verb of saying's speaker)
            start = f.i  # a reading that took in only part of the form ("Gıda Ltd" of Ltd. Şti., "Costruzioni S")
            doc.release(owner)
            owner = -1  # the name may go on before it ("… एंड ज़ेलमोर लिमिटेड", "Zelmorra Costruzioni S.p.A.")
        while start > 0 and owner < 0 and k - start < LEGAL_FORM_NAME_WORDS and _form_joined(toks, start) \
                and not toks[start].sent_start:
            prev = toks[start - 1]
            if doc.owner[start - 1] >= 0:
                f = doc.found[doc.owner[start - 1]]
                if f.j == start and f.emit and k - f.i <= LEGAL_FORM_NAME_WORDS:
                    start = f.i
                    kb_id = f.kb_id if f.type == "ORG" and f.j == k else None
                    if f.type == "LOC" and (not prev.cased or (
                            f.j == k and not any(t.sep == "apos" for t in toks[f.i:f.j]))):
                        continue  # "कोल इंडिया लिमिटेड", "Zelmorra Berlin GmbH": the name goes on before its place
                    start = _place_before_company(doc, start, k)
                break
            if not prev.cased:
                if prev.key in COMPANY_AND.get(prev.lang, ()) and start >= 2 and doc.owner[start - 2] < 0:
                    start -= 1  # "लार्सन एंड टुब्रो लिमिटेड": the name's "and"
                    continue
                if _is_stop(prev) or _is_title(toks, start - 1) or prev.key in AGENT_MARKERS.get(prev.lang, ()) \
                        or frequency.zipf(prev.key, prev.lang) >= (
                            CASELESS_NAME_MAX_ZIPF if start == k else CASELESS_COMMON_ZIPF + 1.0):
                    break
                start -= 1  # "नेशनल एल्युमिनियम कंपनी लिमिटेड": words no frequent one, but the one before the form
                continue
            if prev.key in HEAD_FINAL_AND.get(prev.lang, ()) and start >= 2 and toks[start - 2].cap \
                    and prev.sep == "space":
                start -= 1  # "Demirtepe Enerji Sanayi ve Ticaret A.Ş.": the name's joiner
                continue
            if not (prev.cap and prev.cased) or _is_stop(prev) or _common_opener(prev) or (
                    prev.lang in NOUN_CAPITALISING and frequency.zipf(prev.key, prev.lang) >= NOUN_ZIPF):
                break
            start -= 1
        if start < k:
            doc.replace(Found(start, k + width, "ORG", 0.6, "pattern", _lemma(doc, start, k + width), kb_id))


def _form_joined(toks: list[Tok], k: int) -> bool:
    """Whether piece ``k`` follows the one before it inside a company's name: after a space, or after an abbreviated
    legal form's period (*BYD Co. Ltd*)."""
    return toks[k].sep == "space" or (toks[k].sep_text.strip() == "." and toks[k - 1].text in ABBREVIATED_LEGAL_FORMS)


def _company_without_form(doc: _Doc) -> None:
    """A company named once with its legal form is that organisation where the text names it without the form and
    only the capitalisation layer or a copy of its reading typed it (*Greggs plc …*, *Shares in Greggs …*): the
    legal form is read after the names are spread (:func:`_legal_form_layer`)."""
    toks = doc.toks
    cores = set()
    for f in doc.found:
        form = _legal_form_start(doc, f) if f.emit and f.type == "ORG" else None
        if form is not None:
            cores.add(tuple(t.key for t in toks[f.i:form]))
    if not cores:
        return
    for f in doc.found:
        if f.emit and f.type == "MISC" and f.layer in ("capitalisation", "propagation") \
                and tuple(t.key for t in toks[f.i:f.j]) in cores:
            f.type = "ORG"


def _place_before_company(doc: _Doc, start: int, k: int) -> int:
    """Where a company's name before its legal form at ``k`` starts once the country or town written right before
    the words at ``start`` is taken in, as its first word (*Türkiye Petrol Rafinerileri A.Ş.*, *Polska Żegluga
    Bałtycka S.A.*); a place with a case ending stays apart (*Türkiye'de Zelmor A.Ş.*, "in Turkey")."""
    toks = doc.toks
    if start == 0 or doc.owner[start - 1] < 0 or toks[start].sep != "space":
        return start
    place = doc.found[doc.owner[start - 1]]
    if place.j != start or not place.emit or place.type != "LOC" or not place.kb_id \
            or any(t.sep == "apos" for t in toks[place.i:place.j]) \
            or (place.j - place.i == 1 and toks[place.i].key != fold(place.lemma or "")) \
            or k - place.i > LEGAL_FORM_NAME_WORDS:
        return start
    doc.release(doc.owner[start - 1])
    return place.i


def _numbered_club_layer(doc: _Doc) -> None:
    """An organisation's name opening with an acronym after an ordinal, in a language that writes one with a period
    (:data:`NUMBERED_CLUB_LANGS`: German clubs, *1. FC Köln*, *1. FC Nürnberg*), takes the ordinal in: the gazetteer
    lists *FC Köln*, and taggers stop after the number's period."""
    toks = doc.toks
    for f in list(doc.found):
        if not f.emit or f.type != "ORG" or f.i == 0 or toks[f.i].lang not in NUMBERED_CLUB_LANGS:
            continue
        first, number = toks[f.i], toks[f.i - 1]
        if (first.upper or camel_case(first.text)) and first.sep_text.strip() == "." and number.text.isdigit() \
                and len(number.text) <= ORDINAL_MAX_DIGITS and doc.owner[f.i - 1] < 0:
            doc.replace(Found(f.i - 1, f.j, "ORG", f.confidence, f.layer, _lemma(doc, f.i - 1, f.j), f.kb_id))


@cache
def _spelt_form_openings() -> frozenset[str]:
    """The first pieces of the legal forms spelt in several (*Ltd*, *Sp*, *GmbH*): only a piece that is one can open
    one, so the text is compared with the forms at those pieces alone."""
    return frozenset(pieces(form)[0] for form in SPELT_LEGAL_FORMS)


def _legal_form_width(doc: _Doc, k: int) -> int:
    """How many pieces of a company's legal form start at piece ``k``: one for a form in one word
    (:data:`LEGAL_FORMS`, :data:`COMPANY_NOUNS_AFTER`; a club's, :data:`CLUB_FORMS_AFTER`), those of the longest
    spelt in several (:data:`SPELT_LEGAL_FORMS`: *A.Ş.*, *Ltd. Şti.*), 0 for none."""
    toks = doc.toks
    tok = toks[k]
    dotted = doc.text[tok.start:tok.end] != tok.text  # an acronym's letters read as one piece (*S.A.* -> ``SA``)
    for form in SPELT_LEGAL_FORMS if tok.text in _spelt_form_openings() or dotted else ():
        if doc.text.startswith(form, tok.start):
            end = tok.start + len(form)
            width = 1
            while k + width < len(toks) and toks[k + width].end <= end:
                width += 1
            return width
    return int(tok.text in LEGAL_FORMS or tok.text in CLUB_FORMS_AFTER
               or tok.text in COMPANY_NOUNS_AFTER.get(_base_lang(tok.lang), ()))


def _institution_of_country(doc: _Doc) -> None:
    """An institution named by its head word, followed by its country in the genitive or after a word for "of",
    is one organisation with it: ``Верховный суд Пакистана``, ``Sąd Najwyższy Pakistanu``, ``Върховният съд на
    Пакистан``, ``Ministerstwo Spraw Wewnętrznych Pakistanu``. The country in its base form right after a name
    (``NATO Polska``) is left apart: a genitive ending or an "of" says the country belongs to the institution."""
    toks = doc.toks
    for idx, f in enumerate(doc.found):
        k = f.j
        if not f.emit or f.type != "ORG" or k >= len(toks) or toks[k].sep != "space" or toks[k].sent_start:
            continue
        if not any(_is_org_head(toks[m]) for m in range(f.i, f.j)):
            continue
        of = toks[k].key in OF_WORDS.get(toks[k].lang, ()) and k + 1 < len(toks) and toks[k + 1].sep == "space"
        c = k + 1 if of else k
        if doc.owner[c] < 0:
            continue
        country = doc.found[doc.owner[c]]
        if country.i != c or country.type != "LOC" or not (country.kb_id or "").startswith("iso:"):
            continue
        if not of and (toks[c].lang not in INFLECTIONS or _base_lang(toks[c].lang) in PHRASE_FINAL_CASE
                       or toks[c].key == fold(country.lemma or toks[c].text)):
            continue  # Uzbek *Jahon banki Oʻzbekistonga*: the case ends the country's own phrase ("to Uzbekistan")
        if of and doc.owner[k] >= 0:
            continue
        i, j = f.i, country.j
        doc.release(doc.owner[c])
        doc.release(idx)
        doc.claim(Found(i, j, "ORG", f.confidence, f.layer, (f.lemma or doc.surface(f.i, f.j)) + toks[f.j].sep_text
                        + doc.surface(f.j, j)))


def _explains(doc: _Doc, span: tuple[int, int], acronym: str) -> bool:
    """Whether a phrase can be what an acronym stands for: its initials spell the acronym, or it names an
    organisation (a head word and no title), since the acronym may come from another language (a Russian acronym
    beside a Polish name)."""
    toks = doc.toks[span[0]: span[1]]
    if any(_is_title(doc.toks, k) for k in range(*span)):
        return False
    initials = "".join(t.text[0] for t in toks if t.cap).casefold()
    letters = iter(initials)
    if acronym.isupper() and all(ch in letters for ch in acronym.casefold()):
        return True
    return any(_is_org_head(t) for t in toks)


#: Most pieces an acronym's bracketed spelling-out after it may have (``ओडीएफ ( खुले में शौच से मुक्ति )``).
SPELLED_OUT_MAX_PIECES = 8


#: Most frequent (Zipf) a caseless-script word in brackets after a body's head word may be to be read as the body's
#: acronym said as a word (Hindi *भेल*, BHEL; *सिडबी*, SIDBI; *इसिमोड*, ICIMOD).
WORD_ACRONYM_MAX_ZIPF = 3.5


def _word_acronym(doc: _Doc, i: int) -> bool:
    """Whether the caseless-script word at ``i`` (alone in brackets: :func:`_alone_in_brackets`), right after an
    organisation's head word, is the body's acronym said as a word (:data:`WORD_ACRONYM_MAX_ZIPF`: *पेट्रोलियम एवं
    विस्फोटक सुरक्षा संगठन (पेसो)*), though it spells no letters' names as *सीएसटीओ* does."""
    toks = doc.toks
    tok = toks[i]
    return not tok.cased and i > 0 and not toks[i - 1].cased and _is_org_head(toks[i - 1]) and not _is_stop(tok) \
        and not any(ch.isdigit() for ch in tok.key) and frequency.zipf(tok.key, tok.lang) < WORD_ACRONYM_MAX_ZIPF


def _alone_in_brackets(toks: list[Tok], i: int) -> bool:
    """Whether piece ``i`` stands alone in brackets (an acronym after the name it abbreviates)."""
    return bool(_OPEN_BRACKET.search(toks[i].sep_text)) and (
        i + 1 == len(toks) or bool(_CLOSE_BRACKET.search(toks[i + 1].sep_text)))


def _abbreviates_concept(doc: _Doc, i: int) -> bool:
    """Whether a caseless-script acronym stands beside its spelling-out in brackets, and those words name no
    organisation: ``विदेशी प्रत्यक्ष निवेश ( एफडीआई )`` ("foreign direct investment (FDI)") or ``ओडीएफ ( खुले में
    शौच से मुक्ति )`` abbreviate a concept, while ``राष्ट्रीय आवास बैंक ( एनएचबी )`` ends in a head word. Caseless
    scripts only: a cased language's capitals already tell names from concepts in the spelling-out."""
    toks = doc.toks
    if toks[i].cased:
        return False
    if i > 0 and _alone_in_brackets(toks, i):
        prev = toks[i - 1]
        return bool(prev.key) and not prev.cased and doc.owner[i - 1] < 0 and not _is_org_head(prev) \
            and not _is_acronym(prev)
    if i + 1 < len(toks) and _OPEN_BRACKET.search(toks[i + 1].sep_text):
        k = i + 1
        while k < len(toks) and not (k > i + 1 and _CLOSE_BRACKET.search(toks[k].sep_text)):
            if k - i > SPELLED_OUT_MAX_PIECES or toks[k].cased or doc.owner[k] >= 0 or _is_org_head(toks[k]) \
                    or _is_acronym(toks[k]):
                return False
            k += 1
        return True
    return False


def _is_acronym(tok: Tok) -> bool:
    if tok.cased:
        return tok.upper and 2 <= len(tok.text) <= 8 and not _ROMAN_NUMERAL.match(tok.text)
    return _spelled_letters(tok.text) >= 2


def _spelled_letters(word: str) -> int:
    """How many Latin letter names a caseless-script word is made of (एनटीसी -> 3), 0 if not only those."""
    return len(_spelled_acronym(word) or "")


def _spelled_acronym(word: str) -> str | None:
    """The Latin letters a caseless-script word spells out (:func:`spelled_latin`: सीएसटीओ -> ``CSTO``), or None."""
    return spelled_latin(word, UNICODE_SCRIPT_CODES.get(script_of(word), ""))


def _spelt_suffix(doc: _Doc, span: tuple[int, int], acronym: str) -> tuple[int, int]:
    """The longest end of an expansion whose capitalised words' initials spell the acronym exactly, else the whole.

    The capitalised run before an acronym can begin with words of the sentence (``met Kolwyn at the Zentral Treaty
    Organization (ZTO)``: the run takes in ``Kolwyn at the``); where the initials of a shorter end spell the acronym,
    that end is the name. Where none does (``Rada Handlu Nordyckiego (NTC)``, an acronym
    from another language), the run stays as found.
    """
    start, end = span
    if not acronym.isupper():
        return span
    toks = doc.toks
    wanted = acronym.casefold()
    for s in range(start, end):
        if toks[s].cap and "".join(t.text[0] for t in toks[s:end] if t.cap).casefold() == wanted:
            return s, end
    return span


def _with_leading_place(doc: _Doc, span: tuple[int, int], acronym: str) -> tuple[int, int]:
    """An expansion with the place found right before it, when the acronym starts with the place's initial and not
    with the expansion's own: the place is the name's first word (*Türkiye İstatistik Kurumu (TÜİK)*, *Kazakhstan
    Stock Exchange (KASE)*), and its finding gives way. In a caseless script, whose acronyms spell another
    language's initials (*दिल्ली नगर निगम (एमसीडी)*, the Municipal Corporation of Delhi), a town or state right before
    the expansion is its first word as it is before any body's head (:func:`_town_body`); a country stays a place."""
    toks = doc.toks
    start, end = span
    if start == 0 or doc.owner[start - 1] < 0 or toks[start].sep != "space":
        return span
    place = doc.found[doc.owner[start - 1]]
    if place.type != "LOC" or place.j != start:
        return span
    if not toks[start].cased:
        company = toks[end - 1].text in LEGAL_FORMS
        if place.layer != "gazetteer" or ((place.kb_id or "").startswith("iso:") and not company):
            return span
        if company:  # a country opens a company's name before its legal form (*भारत … लिमिटेड (भेल)*), or stands
            # after its first words (*ऑयल इंडिया लिमिटेड*)
            doc.release(doc.owner[start - 1])
            return place.i - _caseless_phrase_before(doc, place.i, CASELESS_COMMON_ZIPF), end
    elif not acronym.isupper() or acronym.casefold().startswith(toks[start].text[:1].casefold()) \
            or not acronym.casefold().startswith(toks[place.i].text[:1].casefold()):
        return span
    doc.release(doc.owner[start - 1])
    return place.i, end


def _spelt_lowercase_before(doc: _Doc, i: int, acronym: str) -> tuple[int, int] | None:
    """In a language that capitalises only a name's first word (``FIRST_WORD_CAPITALISED``), the words right before
    an acronym in brackets whose initials spell it, the first one capitalised: *České energetické závody (ČEZ)*,
    *Českého statistického úřadu (ČSÚ)* (function words in lower case spell nothing). What other layers found
    inside it gives way (*Slovenska* in *Národní banka Slovenska (NBS)*); None when nothing spells the acronym."""
    toks = doc.toks
    wanted = acronym.casefold()
    if i == 0 or toks[i - 1].lang not in FIRST_WORD_CAPITALISED or not acronym.isupper():
        return None
    letters, k = "", i
    while k > 0 and i - k <= len(wanted) * 2:
        k -= 1
        if not toks[k].cased or (k < i - 1 and toks[k + 1].sep not in ("space", "hyphen")):
            return None
        if _is_stop(toks[k]) and not toks[k].cap:
            continue
        letters = toks[k].text[0].casefold() + letters
        if letters == wanted:
            inside = {doc.owner[m] for m in range(k, i) if doc.owner[m] >= 0}
            if not toks[k].cap or any(doc.found[idx].i < k for idx in inside):
                return None
            for idx in inside:
                doc.release(idx)
            return k, i
        if not wanted.endswith(letters):
            return None
    return None


def _expansion_before(doc: _Doc, i: int) -> tuple[int, int] | None:
    """The name an acronym in brackets explains: capitalised words (with short joiners) or an org phrase; where
    names end in a lower-case head word (:data:`HEAD_LAST_NAMES`), a capitalised word, up to
    ``INSTITUTION_MAX_INNER_HEAD_LAST`` lower-case words and the head word."""
    toks = doc.toks
    end = i
    if end == 0:
        return None
    head = toks[end - 1]
    if head.cased and not head.cap and head.lang in HEAD_LAST_NAMES and _is_org_head(head):
        for k in range(end - 2, max(-1, end - 3 - INSTITUTION_MAX_INNER_HEAD_LAST), -1):
            if doc.owner[k] >= 0 or toks[k + 1].sep not in ("space", "hyphen") or not toks[k].cased \
                    or _is_stop(toks[k]):
                return None
            if toks[k].cap:
                return k, end
        return None
    if toks[end - 1].cased:
        k = end - 1
        while k >= 0 and end - k <= 8 and doc.owner[k] < 0 and (toks[k].cap or (len(toks[k].key) <= 3 and k < end - 1)):
            if k < end - 1 and toks[k + 1].sep not in ("space", "hyphen"):
                break
            k -= 1
        start = k + 1
        while start < end and not toks[start].cap:
            start += 1
        if (start < end and toks[start].sent_start and start + 1 < end
                and frequency.zipf(toks[start].key, toks[start].lang) >= 5):
            start += 1
        return (start, end) if end - start >= 1 and (end - start >= 2 or _is_org_head(toks[start])) else None
    if _is_org_head(toks[end - 1]):
        # the brackets say "name" as no capital can: frequent words count (*विशेष कार्य बल (एसटीएफ़)*), as many as
        # a spelt acronym has letters, head word included (not *जांच आर्थिक अपराध प्रकोष्ठ (ईओडब्ल्यू)*, "the probe")
        start = end - 1 - _caseless_phrase_before(doc, end - 1, BRACKETED_NAME_MAX_ZIPF)
        letters = _spelled_letters(toks[i].text)  # 0 for an acronym read as a word (*सिडबी*, SIDBI): no bound
        while letters and sum(not _is_stop(t) and t.key not in NAME_ENDING_CONJUNCTIONS.get(t.lang, ())
                              for t in toks[start:end]) > letters:
            start += 1  # "and" does not count: *कृषि पुनर्वित्त एवं विकास निगम (एआरडीसी)*
        return (start, end)
    return None


#: Most frequent word (Zipf) of a caseless-script name an acronym in brackets explains (*कार्य*, "work", 5.6;
#: *राज्य*, "state", 5.7; function words never count).
BRACKETED_NAME_MAX_ZIPF = 6.0


def _caseless_phrase_before(doc: _Doc, head: int, max_zipf: float = 5.5) -> int:
    """How many non-function words stand before an organisation head word in a caseless script (max 4)."""
    toks = doc.toks
    n = 0
    k = head - 1
    while k >= 0 and n < 4 and doc.owner[k] < 0 and toks[k + 1].sep == "space" and not toks[k].cased:
        if _is_stop(toks[k]) or frequency.zipf(toks[k].key, toks[k].lang) >= max_zipf or _is_title(toks, k):
            break
        n += 1
        k -= 1
    return n


def _concept_acronym_layer(doc: _Doc) -> None:
    """Acronyms of concepts (:data:`CONCEPT_ACRONYMS`: Polish *PKB*, Russian *ВВП*, gross domestic product) are held
    as no name, so neither the rules, natasha nor the tagger read them as an organisation."""
    for i, tok in enumerate(doc.toks):
        if doc.owner[i] < 0 and tok.text in CONCEPT_ACRONYMS:
            doc.claim(Found(i, i + 1, "MISC", 0.9, "concept", tok.text, emit=False))


def _acronym_layer(doc: _Doc) -> None:
    """Remaining all-capital words as organisations, except common words, titles (``CEO``), codes with digits
    (flight numbers, ``B2B``), currency codes (``EUR``) and letters written with periods (an editor's *V.L.*,
    *N.V.*: the gazetteer names the ones that are places or bodies, *U.S.*, *E.U.*). Pieces a tagger decided on are
    its to call (it saw ``DLR-Forscher`` and ``АҚШ доллары`` in context), except a company's legal form written
    before or after its name (:func:`_company_beside`: the Kazakh tagger reads *«Зелморра» ЖШС* as a place)."""
    for i, tok in enumerate(doc.toks):
        if doc.owner[i] < 0 and tok.cased and tok.text in LEGAL_FORMS_BEFORE:
            if tok.text not in LEGAL_FORMS_AFTER_ONLY:
                _company_beside(doc, i, 1)
            _company_beside(doc, i, -1)
            continue
        if doc.owner[i] < 0 and (not doc.decided[i] or _bracketed_after_org(doc, i)) and _is_acronym(tok) \
                and (not tok.cased or len(tok.text) <= 6) \
                and not _abbreviates_concept(doc, i) and not _is_title(doc.toks, i) and not _dotted(tok):
            if tok.cased and (frequency.zipf(tok.key, tok.lang) >= COMMON_ACRONYM_ZIPF
                              or any(ch.isdigit() for ch in tok.text)
                              or tok.text in _currency_codes() or _CODE_AFTER.match(doc.text, tok.end)):
                continue
            if tok.cased and i > 0 and _MODEL_NUMBER.fullmatch(doc.toks[i - 1].key) and tok.sep in ("space", "hyphen"):
                continue  # a model's suffix after its number (``737 MAX``, ``A320 NEO``): a product, no organisation
            doc.claim(Found(i, i + 1, "ORG", 0.5, "pattern", tok.text))


def _campus_layer(doc: _Doc) -> None:
    """An organisation's acronym right before the one-word town of one of its seats is that institute or branch
    (*IIT Kanpur*, *AIIMS Patna*, *आईआईटी कानपुर*, *एम्स पटना*): one organisation, not the network's name and a place.
    The acronym is written in capitals, or in a caseless script is a listed organisation's one word; the town is in
    its base form and no capitalised word runs on after it."""
    toks = doc.toks
    for k in range(len(toks) - 1):
        if doc.owner[k] < 0 or doc.owner[k + 1] < 0 or toks[k + 1].sep != "space" or toks[k + 1].sent_start:
            continue
        org, town = doc.found[doc.owner[k]], doc.found[doc.owner[k + 1]]
        if not (org.emit and org.type == "ORG" and org.i == k and org.j == k + 1) \
                or not (town.emit and town.type == "LOC" and town.i == k + 1 and town.j == k + 2
                        and (town.kb_id or "").startswith("geonames:")):
            continue
        if not (toks[k].upper if toks[k].cased else (org.kb_id or "").startswith("org:")):
            continue
        if toks[k + 1].cased and toks[k + 1].key != fold(town.lemma or ""):
            continue  # "IIT Kanpuru": a case ending is the sentence's, not the name's
        if k + 2 < len(toks) and toks[k + 2].sep == "space" and toks[k + 2].cased and toks[k + 2].cap \
                and not toks[k + 2].sent_start:
            continue
        doc.replace(Found(k, k + 2, "ORG", 0.6, "pattern", doc.surface(k, k + 2)))


def _place_acronym_layer(doc: _Doc) -> None:
    """Where a body's name ends in its head word (:data:`HEAD_LAST_NAMES`), a town or region, its kind and the
    body's acronym after them are one organisation (Uzbek *Навоий вилояти ИИБ*, *Қувасой шаҳар ИИБ*: the
    region's, the town's police): the place names the branch, as it opens a spelt-out body's name."""
    toks = doc.toks
    for f in list(doc.found):
        if not f.emit or f.type != "LOC" or not (f.kb_id or "").startswith(_BODY_PLACES) \
                or toks[f.i].lang not in HEAD_LAST_NAMES:
            continue
        k = f.j + 1 if _before_place_word(doc, f.j) else f.j
        if k >= len(toks) or doc.owner[k] < 0 or toks[k].sep != "space" or not toks[k].upper \
                or (k == f.j and _has_ending(toks[f.j - 1])):
            continue  # "Нью-Йоркдаги БМТ": the UN in New York, a place with its case, no branch
        org = doc.found[doc.owner[k]]
        if org.emit and org.type == "ORG" and org.i == k and org.j == k + 1:
            doc.replace(Found(f.i, k + 1, "ORG", 0.6, "pattern", _lemma(doc, f.i, k + 1)))


def _bracketed_after_org(doc: _Doc, i: int) -> bool:
    """Whether piece ``i`` stands alone in brackets right after an organisation found before them (*नागर विमानन
    महानिदेशालय (डीजीसीए)*): the text gives the body's acronym, whatever a tagger made of the sentence, even where
    its letters spell the body's name in another language."""
    if i == 0 or not _alone_in_brackets(doc.toks, i) or doc.owner[i - 1] < 0:
        return False
    f = doc.found[doc.owner[i - 1]]
    return f.emit and f.type == "ORG" and f.j == i


def _news_site_layer(doc: _Doc) -> None:
    """A capitalised name and a top-level domain after a period, no space between (*Interfax.ru*, *Kapitalni.org*,
    :data:`NEWS_SITE_DOMAINS`), is the site's name, an organisation: findings of its pieces give way."""
    toks = doc.toks
    for k in range(len(toks) - 1):
        site, domain = toks[k], toks[k + 1]
        if not site.cap or domain.sep_text != "." or domain.key not in NEWS_SITE_DOMAINS \
                or (k + 2 < len(toks) and toks[k + 2].sep_text == "." and toks[k + 2].key):
            continue  # "Zelmorra.co.uk", "a.b.ru": only a name and one domain
        doc.replace(Found(k, k + 2, "ORG", 0.6, "pattern", doc.surface(k, k + 2)))


def _company_beside(doc: _Doc, i: int, step: int) -> None:
    """The name right after a legal form written before it (``step`` 1, :data:`LEGAL_FORMS_BEFORE`: *ТОО
    «Зелморра»*), or right before one written after it, as Uzbek and Kazakh news write their companies' (``step``
    -1: *«Зелморра» АҚ*, *"Zelmorra" AJ*, *Zelmorrabank ATB*), is a company's: a finding that typed nothing there
    (the capitalisation layer's MISC) or that only guessed a type (a tagger's place, a capitalised run's person)
    becomes an organisation, and so do free capitalised words."""
    toks = doc.toks
    quoted = _quoted_beside(doc, i, step)
    if quoted is not None:
        for m in range(*quoted):
            if doc.owner[m] >= 0:
                doc.release(doc.owner[m])
        doc.claim(Found(*quoted, "ORG", 0.6, "pattern", _lemma(doc, *quoted)))
        return
    k = i + step
    if k < 0 or k >= len(toks) or not toks[k].cap:
        return
    if step == 1 and toks[k].sent_start:
        return
    between = set(toks[i].sep_text)
    if step == -1 and (toks[i].sent_start or " " not in between
                       or not between <= _CLOSING_QUOTES | _TOGGLING_QUOTES | {" "}):
        return  # a space, a closing quotation mark before it at most
    if doc.owner[k] >= 0:
        f = doc.found[doc.owner[k]]
        if (f.i if step == 1 else f.j - 1) == k and f.emit and f.type != "ORG" and (
                f.type == "MISC" or f.layer in ("tagger", "capitalisation")):
            doc.release(doc.owner[k])
            doc.claim(Found(f.i, f.j, "ORG", 0.55, "pattern", f.lemma, f.kb_id))
        return
    n = _name_run(doc, k, limit=3, step=step)
    if n and step == -1 and _common_opener(toks[k - n + 1]):
        n -= 1  # "Ученые ФГБУ …" ("scientists of the institution"): a sentence's common first word is no name
    if n:
        i0, j0 = (k, k + n) if step == 1 else (k - n + 1, k + 1)
        doc.claim(Found(i0, j0, "ORG", 0.55, "pattern", _lemma(doc, i0, j0)))


#: Most words of a company's name quoted beside its legal form (*«Миллий электр тармоқлари» АЖ*).
QUOTED_COMPANY_MAX_WORDS = 6


def _quoted_beside(doc: _Doc, i: int, step: int) -> tuple[int, int] | None:
    """The pieces of a quoted name right after (``step`` 1) or before (-1) the legal form at ``i``, quotation marks
    and all words between them, lower-case ones too (Uzbek and Kazakh capitalise a name's first word only: *«Миллий
    электр тармоқлари» АЖ*, *ТОО «Казахстанские железные дороги»*), where no findings run out of them; None where
    no quoted name of :data:`QUOTED_COMPANY_MAX_WORDS` words at most stands there."""
    toks = doc.toks
    if step == 1:
        if i + 1 >= len(toks) or toks[i + 1].sep_text.rstrip()[-1:] not in _OPENING_QUOTES | _TOGGLING_QUOTES:
            return None
        start = end = i + 1
        while end < len(toks) and end - start < QUOTED_COMPANY_MAX_WORDS and (
                end == start or toks[end].sep in ("space", "hyphen")):
            end += 1
        if end < len(toks) and toks[end].sep_text.lstrip()[:1] not in _CLOSING_QUOTES | _TOGGLING_QUOTES:
            return None
    else:
        if toks[i].sep_text.lstrip()[:1] not in _CLOSING_QUOTES | _TOGGLING_QUOTES:
            return None
        end = start = i
        while start > 0 and end - start < QUOTED_COMPANY_MAX_WORDS and (
                start == end or toks[start].sep in ("space", "hyphen")):
            start -= 1
            if toks[start].sep_text.rstrip()[-1:] in _OPENING_QUOTES | _TOGGLING_QUOTES:
                break
        else:
            return None
        if toks[start].sep_text.rstrip()[-1:] not in _OPENING_QUOTES | _TOGGLING_QUOTES:
            return None
    if end - start < 2 or not toks[start].cap or any(
            doc.owner[m] >= 0 and not start <= doc.found[doc.owner[m]].i <= doc.found[doc.owner[m]].j <= end
            for m in range(start, end)):
        return None  # one word is the capitalised name's own reading (:func:`_company_beside`)
    return start, end


#: A model number: three digits or more that are no year, or letters and digits (``737``, ``a320``; not ``2019``,
#: nor the count in ``12 EU states``).
_MODEL_NUMBER = regex.compile(r"(?!(?:19|20)\d\d$)(?:\p{L}{1,3}\d{2,}|\d{3,})\p{L}{0,2}")
#: A long number code right after a word: the word labels an identifier (``ISBN 3-7776-0477-1``, ``PMID 17117481``,
#: ``ISSN 0028-0836``), not an organisation.
_CODE_AFTER = regex.compile(r"[ \t:]*\d[\d\-‐ ]{5,}[\dX]\b")


@cache
def _currency_codes() -> frozenset[str]:
    """ISO 4217 codes as CLDR (babel) knows them: all capitals, but no organisations."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _roman_numeral_layer(doc: _Doc) -> None:
    """A person's name runs on over a following regnal number (``Benedykt XVI``, ``Karl III.``); a listed given name
    beside a regnal number is a monarch's or pope's name, after it (*Zelkan III*) or, as Kazakh and Turkish write
    it, before (*III Зелкан*, *III. Zelkan*), though no other layer read it as a person (a town, a lone word)."""
    toks = doc.toks
    for k, tok in enumerate(toks):
        if doc.owner[k] >= 0 or not _regnal_number(tok):
            continue
        if k > 0 and tok.sep == "space" and _monarch_name(doc, k - 1):
            _claim_over(doc, k - 1, k + 1)
        elif k + 1 < len(toks) and toks[k + 1].sep_text in (" ", ". ") and _monarch_name(doc, k + 1):
            _claim_over(doc, k, k + 2)
    for idx, f in enumerate(doc.found):
        k = f.j
        if not f.emit or f.type != "PER" or k >= len(toks) or doc.owner[k] >= 0 or toks[k].sep != "space":
            continue
        if _regnal_number(toks[k]):
            for m in range(f.i, f.j):
                doc.owner[m] = -1
            f.j = k + 1
            for m in range(f.i, f.j):
                doc.owner[m] = idx
            f.lemma = f"{f.lemma or doc.surface(f.i, k)} {toks[k].text}"


def _monarch_name(doc: _Doc, m: int) -> bool:
    """Whether piece ``m`` is a listed given name, free or read alone as a lesser place or an untyped name."""
    tok = doc.toks[m]
    if not (tok.cap and not tok.upper and listed_given_name(tok)):
        return False
    idx = doc.owner[m]
    if idx < 0:
        return True
    f = doc.found[idx]
    return f.i == m and f.j == m + 1 and (f.type == "MISC" or (f.kb_id or "").startswith(_SUB_COUNTRY_PLACES))


def _claim_over(doc: _Doc, i: int, j: int) -> None:
    """Claim a person from ``i`` to ``j``, withdrawing the one-word finding it replaces."""
    for k in range(i, j):
        if doc.owner[k] >= 0:
            doc.release(doc.owner[k])
    doc.claim(Found(i, j, "PER", 0.7, "pattern", _lemma(doc, i, j)))


def _regnal_number(tok: Tok) -> bool:
    """A Roman numeral written after a monarch's or pope's name (*Zelkan III*, *Zelmorra XVI*): part of the name,
    but never looked for alone elsewhere."""
    return tok.cased and bool(_ROMAN_NUMERAL.match(tok.text)) and (len(tok.text) > 1 or tok.text == "I")


# ---------------------------------------------------------------- layer 5: propagation


def known_from(found: Iterable[Found], doc: _Doc, min_confidence: float = PROPAGATION_MIN_CONFIDENCE
               ) -> list[KnownName]:
    """Known names from a document's confident person/organisation mentions (last piece in its base form), and
    its confident places as votes on the type of names spelt like them. Propagated findings are copies of
    names already known, no new evidence, and are left out; so are one-word towns (GeoNames holds a town for
    most surnames, and a person spelt like one is that person: see :func:`_propagation_layer`)."""
    toks = doc.toks
    names = []
    for f in found:
        if f.type not in VOTING_TYPES or f.confidence < min_confidence or not f.emit or f.layer == "propagation":
            continue
        if f.type == "LOC" and f.j - f.i == 1 and (f.kb_id or "").startswith("geonames:"):
            continue
        spans = [f]
        form = _legal_form_start(doc, f) if f.type == "ORG" else None
        if form is not None:  # "Greggs plc", then "Shares in Greggs": the company is named without its form too
            spans.append(replace(f, j=form, lemma=_lemma(doc, f.i, form), kb_id=None))
        for span in spans:
            keys = _name_keys(doc, span)
            last = span.i + len(keys) - 1
            names.append(KnownName(tuple(keys), span.type, span.confidence, span.lemma or "", span.kb_id,
                                   not _regnal_number(toks[last]) and (
                                       len(keys) > 1 or _spreads_alone(toks[last], keys[-1])),
                                   _written_lower(doc, toks[last], keys[-1]), _written_as_acronym(toks[last])))
    return names


def _legal_form_start(doc: _Doc, f: Found) -> int | None:
    """Where the legal form ending an organisation's mention starts (*plc* of *Greggs plc*), None where none ends
    it or nothing stands before it."""
    for k in range(f.i + 1, f.j):
        if k + _legal_form_width(doc, k) == f.j:
            return k
    return None


def _name_keys(doc: _Doc, f: Found) -> list[str]:
    """The folded pieces a finding is known by: up to an apostrophe suffix, the last piece in its base form."""
    toks = doc.toks
    keys = []
    for k in range(f.i, f.j):
        if k > f.i and toks[k].sep == "apos":
            break
        keys.append(fold(_lemma(doc, k, k + 1)) if k == f.j - 1 else toks[k].key)
    return keys


def _spreads_alone(tok: Tok, base: str) -> bool:
    """Whether a name found as one word may be looked for alone elsewhere: its spelling says it is a name.

    A capital is evidence only inside a sentence and in languages that do not capitalise nouns (a sentence's
    first word, ``Barlyq`` "all" or ``Adwokat``, and a German noun are capitalised anyway); a word in capitals
    is an acronym. Without that evidence the word must be rare in its language (Zipf below ``COMMON_ZIPF``, the
    bar for a sentence's first word; in caseless scripts below ``CASELESS_COMMON_ZIPF``); a cased word of a
    language without a frequency list then has no evidence.
    """
    lang = _word_lang(tok)
    if tok.cased:
        if _capital_says_name(tok, lang):
            return True
        if lang not in frequency.LANGS:
            return False
    bar = COMMON_ZIPF if tok.cased else CASELESS_COMMON_ZIPF
    return max(frequency.zipf(tok.key, lang), frequency.zipf(base, lang)) < bar


def _written_as_acronym(tok: Tok) -> bool:
    """Whether a word is written as an acronym: in capitals outside an all-capitals line, or in camel case
    (*NATO*, *PiS*, *AfD*)."""
    return tok.upper or camel_case(tok.text)


#: A listed acronym of this many letters or more may be written as a word inside a sentence (*Nato*, *Unesco*).
TITLED_ACRONYM_MIN = 4


def _unwritten_acronym(toks: list[Tok], i: int, key: str, gaz: Gazetteer) -> bool:
    """Whether reading piece ``i`` as the gazetteer's acronym ``key`` needs capitals the text does not write (a name
    the knowledge lists also write in lower case, *dpa*, may be written so; see also :func:`_titled_acronym`). The
    acronym in capitals with its case ending written on in lower case is written as one (Uzbek *ЮНЕСКОнинг*)."""
    tok = toks[i]
    return tok.cased and (key,) in gaz.acronyms and not _written_as_acronym(tok) \
        and not (tok.text.islower() and (key,) in gaz.lowercase) and not _titled_acronym(toks, i, key) \
        and not (len(key) < len(tok.text) and tok.text[:len(key)].isupper() and tok.text[len(key):].islower())


def _titled_acronym(toks: list[Tok], i: int, key: str) -> bool:
    """Whether piece ``i`` writes the acronym ``key`` of :data:`TITLED_ACRONYM_MIN` or more letters as a word, with
    only its first capital, alone inside a sentence, as German, British and Nordic news write them (*der Nato*,
    *la Otan*). Opening a sentence such a word may be an ordinary one (Italian *Nato a Roma*, "born in Rome"), after
    a piece of a name (:func:`_name_piece_before`) a part of another name (*Nur Otan*, the party), and inflected
    another name's case (Czech *Pisy*, of Pisa)."""
    tok = toks[i]
    return (key == tok.key and len(key) >= TITLED_ACRONYM_MIN and not tok.sent_start
            and tok.text[0].isupper() and tok.text[1:].islower() and _name_piece_before(toks, i) is None)


def _capital_says_name(tok: Tok, lang: str) -> bool:
    """Whether a cased word's capitals mark it as a name: an acronym, or a capital inside a sentence in a
    language that does not capitalise its nouns (and not in a line written all in capitals)."""
    return tok.upper or (tok.cap and not tok.sent_start and not tok.text.isupper() and lang not in NOUN_CAPITALISING)


#: Words of at least this many letters also count as written in lower case when a lower-case word of the text
#: differs only in its last ``LOWER_STEM_ENDING`` letters and at most ``LOWER_STEM_ENDING + 1`` new ones
#: (``Pakistańska`` opening a sentence, ``pakistańskiego`` inside one): an inflected ordinary word.
LOWER_STEM_MIN_CHARS = 7
LOWER_STEM_ENDING = 2


def _written_lower(doc: _Doc, tok: Tok, base: str = "") -> bool:
    """Whether the text also writes the word (its base form, or another inflection of a long word) in lower
    case, as ordinary words are; names are not (``Ryanair``, ``Bibi``)."""
    if not tok.cased:
        return False
    lower = doc.lower_keys
    if tok.key in lower or base in lower:
        return True
    if len(tok.key) < LOWER_STEM_MIN_CHARS:
        return False
    keys = doc.lower_sorted
    stem = tok.key[:-LOWER_STEM_ENDING]
    k = bisect.bisect_left(keys, stem)
    while k < len(keys) and keys[k].startswith(stem):
        if len(keys[k]) <= len(stem) + LOWER_STEM_ENDING + 1:
            return True
        k += 1
    return False


def _propagation_layer(doc: _Doc, known: KnownNames, confidence_factor: float = 0.9) -> int:
    """Claim free pieces that spell a known name (inflected, or the same name in another spelling)."""
    toks = doc.toks
    added = 0
    for i, tok in enumerate(toks):
        if not tok.key or (tok.cased and not tok.cap):
            continue
        town = _one_word_town(doc, i)
        guess = _one_word_guess(doc, i) if town is None else None
        if doc.owner[i] >= 0 and town is None and guess is None:
            continue
        forms = bases(tok)
        hit: tuple[int, KnownName] | None = None
        exact = False
        for key in forms:
            for cand in known.full.get(key, ()):
                n = len(cand.pieces)
                if (hit is None or n > hit[0]) and i + n <= len(toks) and cand.type in SPREAD_TYPES and all(
                        toks[i + m].sep in ("space", "hyphen") and _yields(doc, i + m)
                        and cand.pieces[m] in bases(toks[i + m]) for m in range(1, n)):
                    hit = (n, cand)
        if hit is None:
            for key in forms:
                if key in known.single:
                    hit = (1, known.single[key])
                    exact = key == tok.key
                    break
        if hit is None and len(tok.key) >= 4:
            hit = _phonetic_hit(tok, forms, known)
        if hit is None or (hit[0] == 1 and (not known.spreads(hit[1]) or _written_lower(doc, tok))):
            continue  # one word is spread only where the text does not write it in lower case as well
        if hit[0] == 1 and not exact and hit[1].acronym and not _written_as_acronym(tok):
            continue  # Czech *Pisy* (of Pisa) is no inflected *PiS*
        n, cand = hit
        if _inside_quoted_title(doc, i, i + n):
            continue
        # A word spelt exactly like a known name is that name unless it is a very common word (less common where
        # a capital inside a sentence marks it as a name: Turkish *Yavaş* 5.1); an inflected or differently
        # spelt one must be rarer, especially where capitals give no evidence.
        if exact:
            limit = CAPITALISED_KNOWN_NAME_MAX_ZIPF if cand.type == "PER" and _capital_says_name(tok, tok.lang) \
                else 5.0
        else:
            limit = COMMON_ZIPF if tok.sent_start else 4.5
        if n == 1 and frequency.zipf(tok.key, tok.lang) >= limit:
            continue
        if not tok.cased and _is_stop(tok):
            continue
        if town is not None:
            # A one-word town spelt exactly like a person or organisation found in the text is that name, and so is
            # one that starts a known full name (``Asii Bibiové`` after ``Asia Bibiová``).
            if cand.type not in ("PER", "ORG") or not (n > 1 or exact):
                continue
            doc.release(town)
        elif guess is not None:
            doc.release(guess)  # an unclassified capitalised word (MISC guess) that spells a known name is it
        elif n > 1 and not doc.free(i, i + 1):
            continue
        for m in range(i + 1, i + n):
            if doc.owner[m] >= 0:
                doc.release(doc.owner[m])  # the full name wins over a part of it guessed alone
        j = _with_apostrophe_suffix(toks, i + n)
        # the O' of O'Leary, the al- of al-Asad
        start = i - 1 if (_elided_prefix(toks, i) or _hyphened_particle_before(toks, i)) and doc.owner[i - 1] < 0 \
            else i
        kb_id = cand.kb_id
        if n == 1 and start == i and cand.type == "PER" and tok.cased:
            # "Hunter Zelkin" after "Zelkin said": the given names before the surname are part of this name, and
            # may make another person's
            start = _given_names_start(doc, i, kb_id)
            kb_id = None if kb_id and start < i and _another_given_name(toks, i, kb_id) else kb_id
        if (doc.replace if start < i else doc.claim)(Found(
                start, j, cand.type, round(cand.confidence * confidence_factor, 3), "propagation",
                _lemma(doc, start, i + n), kb_id)):
            added += 1
    _join_adjacent_people(doc)
    return added


def _join_adjacent_people(doc: _Doc) -> None:
    """Join a one-word person that propagation found to a one-word person right before or after it, with only a
    space between, into one person: ``Александр`` and ``Брод``, each known alone from other mentions, are the one
    ``Александр Брод`` (two people's names are never written side by side without a comma or a conjunction).
    A full name already found stays whole (``zaměstnanec Ryanairu Juan Fernández``: a word before it is an
    apposition, here an organisation one text took for a person), and a repeated word (``Greenberg Greenberg``,
    a heading run into its text) is no name."""
    toks = doc.toks
    k = 1
    while k < len(toks):
        left, right = doc.owner[k - 1], doc.owner[k]
        if left >= 0 and right >= 0 and left != right and toks[k].sep == "space" and not toks[k].sent_start:
            f, g = doc.found[left], doc.found[right]
            if f.type == g.type == "PER" and f.j == g.i == f.i + 1 == g.j - 1 and "propagation" in (f.layer, g.layer) \
                    and f.layer not in _KNOWN_TYPE_LAYERS and g.layer not in _KNOWN_TYPE_LAYERS \
                    and toks[f.i].key != toks[g.i].key:
                doc.release(left)
                doc.release(right)
                doc.claim(Found(f.i, g.j, "PER", max(f.confidence, g.confidence), "propagation",
                                _lemma(doc, f.i, g.j), None))
        k += 1


def _hyphened_particle_before(toks: list[Tok], i: int) -> bool:
    """Whether piece ``i`` follows a lower-case name particle hyphened to it (``al-Asad``, ``әл-Фараби``): the
    particle belongs to the name, as the elided ``O'`` does."""
    return i > 0 and toks[i].sep == "hyphen" and (i < 2 or toks[i - 1].sep != "hyphen") and _is_particle(toks, i - 1)


def _inside_quoted_title(doc: _Doc, i: int, j: int) -> bool:
    """Whether pieces [i, j) are only part of a short phrase in quotation marks (at most
    ``QUOTED_NAME_MAX_PIECES`` pieces on one line) that a lower-case word follows at once: a quoted title of a
    work, product or campaign is one unit (``« Абай жолы » романы``, ``« Лада Гранта » моделі``), so a known name
    inside it is a piece of another name, not a mention of its own. A quoted phrase that is exactly the name
    (``« Нұр Отан » партиясы``) is no bar."""
    toks = doc.toks
    k = i
    while k > 0 and i - k < QUOTED_NAME_MAX_PIECES and not _has_quote(toks[k].sep_text):
        k -= 1
    m = j
    while m < len(toks) and m - k <= QUOTED_NAME_MAX_PIECES and not _has_quote(toks[m].sep_text):
        m += 1
    if (k, m) == (i, j) or m - k > QUOTED_NAME_MAX_PIECES or m >= len(toks) \
            or "\n" in doc.text[toks[k].start:toks[m].start]:
        return False
    opening = [ch for ch in toks[k].sep_text if ch in _OPENING_QUOTES or ch in _TOGGLING_QUOTES]
    closing = toks[m].sep_text.rstrip()[-1:]
    # a title is named by the lower-case word right after it (``романы``, ``моделі``); a quoted slogan or sentence
    # ends in punctuation (``„Ryanair se musí změnit“.``) and keeps its names
    return bool(opening) and doc.quoted[i] and (closing in _CLOSING_QUOTES or closing in _TOGGLING_QUOTES) \
        and not (toks[m].cased and not toks[m].text.islower())


def _has_quote(sep: str) -> bool:
    return any(ch in _OPENING_QUOTES or ch in _CLOSING_QUOTES or ch in _TOGGLING_QUOTES for ch in sep)


def _yields(doc: _Doc, k: int) -> bool:
    """Whether piece ``k`` is free or held only by a one-word finding that a longer known name may replace:
    a town, a MISC guess, or a surname found alone (``Asia`` at a sentence start before a propagated ``Bibi``)."""
    idx = doc.owner[k]
    if idx < 0 or _one_word_town(doc, k) is not None or _one_word_guess(doc, k) is not None:
        return True
    f = doc.found[idx]
    return f.layer == "propagation" and f.i == k and f.j == k + 1


def _one_word_guess(doc: _Doc, i: int) -> int | None:
    """The finding that claims piece ``i`` when it is the capitalisation layer's one-word MISC guess, else None."""
    idx = doc.owner[i]
    if idx < 0:
        return None
    f = doc.found[idx]
    return idx if f.i == i and f.type == "MISC" and f.layer == "capitalisation" and (
        f.j == i + 1 or (f.j == i + 2 and doc.toks[i + 1].sep == "apos")) else None


def _one_word_town(doc: _Doc, i: int) -> int | None:
    """The finding that claims piece ``i`` when it is a one-word GeoNames place (not a country), else None."""
    idx = doc.owner[i]
    if idx < 0:
        return None
    f = doc.found[idx]
    return idx if f.i == i and f.j == i + 1 and (f.kb_id or "").startswith("geonames:") else None


@lru_cache(maxsize=200_000)
def _skeleton(form: str) -> str:
    """The consonant skeleton of a word form (memoised: every article asks again for its common words)."""
    return skeleton(form)


def _phonetic_hit(tok: Tok, forms: dict[str, str], known: KnownNames) -> tuple[int, KnownName] | None:
    """A known name of at least four letters that sounds like the word: another spelling (``शरायेव`` for
    ``सरायव``), an inflection the tables do not know (``Kadrího``), the same name in another script. Not for a
    cased word whose capital does not say it is a name (a sentence's first word, a German noun): sound-alikes
    of names are common among ordinary words (``Барлық`` "all" for ``Бірлік``, ``Pákistánská`` for
    ``Пакистанская``)."""
    from rapidfuzz.distance import Indel

    if not known.by_skeleton or (tok.cased and not _capital_says_name(tok, _word_lang(tok))):
        return None
    for form in forms:
        cands = known.by_skeleton.get(_skeleton(form), ())
        if not cands:
            continue
        rom = romanize(form)
        for cand_rom, cand in cands:
            if len(cand.pieces[0]) >= 4 and Indel.normalized_similarity(rom, cand_rom) >= PHONETIC_MIN_SIMILARITY:
                return 1, cand
    return None


# ---------------------------------------------------------------- layer 6: capitalised runs


#: Most pieces of a quoted organisation name (``«Российская газета»``, ``„Gazeta Wyborcza”``).
QUOTED_NAME_MAX_PIECES = 5


def _quoted_org_layer(doc: _Doc) -> None:
    """A short capitalised phrase in quotation marks with an organisation head word in it, in any case, or right
    before it, is an organisation's name: newspapers, parties and companies are quoted (``«Российская газета»``,
    ``компания «Роснефть»``)."""
    toks = doc.toks
    for i, tok in enumerate(toks):
        if not tok.cap or (doc.owner[i] >= 0 and _one_word_town(doc, i) is None) or not any(
                ch in _OPENING_QUOTES or ch in _TOGGLING_QUOTES for ch in tok.sep_text[-1:]):
            continue
        for j in range(i + 1, min(i + QUOTED_NAME_MAX_PIECES, len(toks)) + 1):
            after = toks[j].sep_text if j < len(toks) else ""
            if j < len(toks) and toks[j].sep in ("space", "hyphen"):
                continue
            closed = after[:1] in _CLOSING_QUOTES or after[:1] in _TOGGLING_QUOTES
            # the head word inside (``«Российская газета»``), right before the quotes (``компания «Роснефть»``) or,
            # where the language puts it after, right after them or one word on (``«Зелмор» футбол клубы``)
            described = (i > 0 and toks[i - 1].cased and toks[i - 1].text.islower() and _is_org_head(toks[i - 1])) \
                or any(_describes_after(toks[k]) for k in range(j, min(j + 2, len(toks))))
            towns = [_one_word_town(doc, k) for k in range(i, j)]
            free = all(doc.owner[k] < 0 or towns[k - i] is not None for k in range(i, j))
            if closed and free and (described or any(_is_org_head(toks[k]) for k in range(i, j))):
                for town in towns:
                    if town is not None:
                        doc.release(town)  # «Северный поток»: a town's name inside a quoted name is part of it
                doc.claim(Found(i, j, "ORG", 0.6, "pattern", doc.surface(i, j)))
            break


def _describes_after(tok: Tok) -> bool:
    """Whether a lower-case word describes the name before it as an organisation's, in a language that puts the
    describing noun after the name (:data:`COMPANY_WORDS_AFTER`: Kazakh *клубы*, Turkish *şirketi*)."""
    after = _company_words(tok.lang)[1]
    return bool(after) and tok.cased and tok.text.islower() and (tok.key in after or _is_org_head(tok))


def _place_ending_person(doc: _Doc, gaz: Gazetteer) -> None:
    """A person's name found ending in a big place's name with a case ending, in a language that marks a phrase's
    case once on its last word, is the person and the place (Kazakh *Сарыбаев Мәскеуде* "Sarybayev in Moscow",
    which a tagger reads as one name): the place is split off, unless its base form is a listed surname. So is a
    listed place with a case ending that opens a tagger's person or organisation (*Брюссельде Еуропалық
    комиссияның*, "in Brussels, the European Commission's")."""
    for idx in range(len(doc.found)):
        f = doc.found[idx]
        last = doc.toks[f.j - 1]
        if not f.emit or f.type != "PER" or f.j - f.i < 2 or _base_lang(last.lang) not in PHRASE_FINAL_CASE:
            continue
        place = next((entry for base in bases(last) if base != last.key and base not in surnames()
                      and (entry := gaz.lookup((base,))) is not None and entry.type == "LOC"
                      and entry.priority >= CASELESS_CITY_MIN_PRIORITY), None)
        if place is None:
            continue
        doc.release(idx)
        doc.claim(Found(f.i, f.j - 1, "PER", f.confidence, f.layer, _lemma(doc, f.i, f.j - 1)))
        doc.claim(Found(f.j - 1, f.j, "LOC", f.confidence, "gazetteer", _lemma(doc, f.j - 1, f.j), place.kb_id))
    for idx in range(len(doc.found)):
        f = doc.found[idx]
        first = doc.toks[f.i]
        if not f.emit or f.type not in ("PER", "ORG") or f.j - f.i < 2 or f.layer != "tagger" \
                or _base_lang(first.lang) not in PHRASE_FINAL_CASE:
            continue
        # "Брюссельде Еуропалық комиссияның" ("in Brussels, the European Commission's"): a place with a case ending
        # opening the span closes its own phrase
        place = next((entry for base in bases(first) if base != first.key and len(first.key) - len(base) >= 2
                      and base not in surnames() and (entry := gaz.lookup((base,))) is not None
                      and entry.type == "LOC"), None)
        if place is None:
            continue
        doc.release(idx)
        doc.claim(Found(f.i, f.i + 1, "LOC", f.confidence, "gazetteer", _lemma(doc, f.i, f.i + 1), place.kb_id))
        doc.claim(Found(f.i + 1, f.j, f.type, f.confidence, f.layer, _lemma(doc, f.i + 1, f.j)))


#: Most words of a person's name read from the name lists in a caseless script (given, middle, surname).
LISTED_NAME_MAX_WORDS = 3


def _listed_people(doc: _Doc) -> None:
    """Free words that run from a listed given name to a listed surname, every word a listed name (capitalised,
    where the script has capitals), are a person (*गोविन्द कुमार झा*, *Hans Meier*; :mod:`newsweave.kb.person_names`):
    the evidence the rules and a tagger trained on a few hundred sentences lack where capitals mark no name
    (caseless scripts, German nouns)."""
    toks = doc.toks

    def name_word(k: int) -> bool:
        tok = toks[k]
        if not tok.key or doc.owner[k] >= 0 or _is_stop(tok):
            return False
        return not tok.cased or (tok.cap and not tok.upper and _word_lang(tok) in NOUN_CAPITALISING)

    i = 0
    while i < len(toks) - 1:
        if not name_word(i) or not listed_given_name(toks[i]):
            i += 1
            continue
        end = i
        for k in range(i + 1, min(len(toks), i + LISTED_NAME_MAX_WORDS)):
            nxt = toks[k]
            surname = listed_surname(nxt)
            if nxt.cased != toks[i].cased or nxt.sep != "space" or nxt.sent_start or not name_word(k) \
                    or not (surname or listed_given_name(nxt)):
                break
            if surname:
                end = k + 1
        if end > i:
            doc.claim(Found(i, end, "PER", 0.6, "pattern", _lemma(doc, i, end)))
            i = end
        else:
            i += 1


@cache
def _time_words(lang: str, categories: str) -> frozenset[str]:
    """A language's one-word time words of the time stage's lexicon in ``categories``, folded."""
    if lang not in time_languages():
        return frozenset()
    return frozenset(fold(key[0]) for key, values in time_lexicon((lang,)).entries.items()
                     if len(key) == 1 and any(cat in categories for cat, _ in values))


def _day_words(lang: str) -> frozenset[str]:
    """A language's one-word relative days and weekdays (*dün*, *gestern*, *Monday*), folded: the time stage's
    words. Before a name (*Dün Zelmorra Belediyesi*, *On Monday Giorgia Zelmorra*), they are not part of it."""
    return _time_words(lang, "RW")


def _calendar_words(lang: str) -> frozenset[str]:
    """A language's one-word month and weekday names (the time stage's), folded: written alone with a capital and
    a case ending (Turkish *Mart'ta*, *Eylül'de*), they are dates, not names."""
    return _time_words(lang, "xMW")


def _given_name_opening(toks: list[Tok], start: int, end: int, lang: str) -> bool:
    """Whether a sentence's first word before more capitalised words is a listed given name rarer than the common
    words that are given names too (Turkish *Selahattin*, Zipf 4.3; not *Deniz* "sea", 5.4), or one of the
    language's own given names before one rare word (*Ahmet Zelkan ile*, :func:`own_given_name`): it opens the run,
    which is then judged whole."""
    tok = toks[start]
    return tok.cased and listed_given_name(tok) and (frequency.zipf(tok.key, lang) < GIVEN_NAME_ZIPF[1] or (
        end - start == 2 and own_given_name(tok, lang)
        and frequency.zipf(toks[start + 1].key, lang) < GIVEN_NAME_ZIPF[0]))


def _common_opener(tok: Tok) -> bool:
    """A word opening a sentence that opens no name there: a weekday or relative day, or a common word that is no
    listed given name."""
    lang = _word_lang(tok)
    return tok.sent_start and (tok.key in _day_words(lang) or (
        frequency.zipf(tok.key, lang) >= COMMON_ZIPF and not listed_given_name(tok)))


def _common_first_word(tok: Tok) -> bool:
    """A sentence's first word that is a common word and no given name of the language's own people: Faker's lists
    hold words as names (Turkish *Maç*, "match"; *Hasta*, "patient"), the curated ones do not."""
    return tok.sent_start and frequency.zipf(tok.key, tok.lang) >= COMMON_ZIPF and not own_given_name(tok, tok.lang)


def _opens_no_headed_name(doc: _Doc, tok: Tok) -> bool:
    """Whether a word opening a sentence is no part of the name of an organisation or place that a head word ends
    (*Dün Dışişleri Bakanlığı* "yesterday …"): a function word, a word the text also writes in lower case, a day or
    an inflected common word. A name's own first word may be as common as any (*Milli Eğitim Bakanlığı*)."""
    lang = _word_lang(tok)
    return _is_stop(tok) or tok.key in doc.lower_keys or frequency.zipf(tok.key, lang) >= FUNCTION_WORD_ZIPF \
        or tok.key in _day_words(lang) or _inflected_opener(tok, lang)


def _inflected_opener(tok: Tok, lang: str) -> bool:
    """An inflected common word (:func:`_inflected_common`) opening a sentence before an organisation's name
    (Turkish *Açıklamayı Dışişleri Bakanlığı yaptı*, "the ministry made the statement"): not itself one of the
    language's frequent words, as a name's first word read through a chance ending is (*Kültür*, *Sanayi*)."""
    return _inflected_common(tok, lang) and (frequency.zipf(tok.key, lang) < COMMON_ZIPF + 1.0 or tok.key.endswith(
        POSSESSOR_ENDINGS.get(_base_lang(lang), ())))


def _inflected_common(tok: Tok, lang: str) -> bool:
    """A word with a case ending and no apostrophe before it, in a language that writes one before a proper name's
    endings (Turkish *Görüşmede* "in the meeting", *Toplantıya* "to the meeting"): an inflected common word (its base
    is a common word), never a name."""
    if _base_lang(lang) in APOSTROPHE_SUFFIX and lang in frequency.LANGS:
        return any(base != tok.key and frequency.zipf(base, lang) >= COMMON_ZIPF
                   for base in (*bases(tok), *_plural_stems(tok)))
    # where no word list tells a common base, a sentence's first word with an ending, before more capitalised
    # words, is one (Uzbek *Голларни Азиз …* "the goals", *Учрашувда …* "at the meeting", Azerbaijani *Bankın*
    # "the bank's"): a phrase's case ends its last word, so no name's first word takes one
    # (:data:`UNMARKED_CASE_LANGS`; in Azerbaijani by the genitive alone: :data:`OPENER_ENDINGS`)
    base_lang = _base_lang(lang)
    openers = OPENER_ENDINGS.get(base_lang)
    return base_lang in UNMARKED_CASE_LANGS and lang not in frequency.LANGS and tok.sent_start and _has_ending(tok) \
        and (openers is None or tok.key.endswith(openers)) and not listed_given_name(tok) and not listed_surname(tok)


def _plural_stems(tok: Tok) -> tuple[str, ...]:
    """The stems before a plural ending (:data:`PLURAL_ENDINGS`) and at most a case ending after it (Turkish
    *Kazılar*, "the excavations": *kazı*; *Seferlerde*): a noun in the plural is a common word, never a name's first."""
    key, inflection = tok.key, INFLECTIONS.get(_base_lang(tok.lang))
    suffixes = inflection.suffixes if inflection else frozenset()
    return tuple(key[:at] for end in PLURAL_ENDINGS.get(_base_lang(tok.lang), ())
                 if (at := key.rfind(end)) >= NAME_STEM_MIN_LETTERS
                 and (not (tail := key[at + len(end):]) or tail in suffixes))


def _opens_before_person(toks: list[Tok], start: int, end: int) -> bool:
    """Whether a sentence's first word stands before a person's given name and more: a word no name list has
    before a listed given name, with a word after it, is what the person is (*Tenisistka Julia Zelkowska*, "the
    tennis player"; *Słowak Tomáš Zelko*), no part of the name."""
    first = toks[start]
    return end - start >= 3 and not first.upper and not listed_given_name(first) and not listed_surname(first) \
        and not _is_particle(toks, start, True) and listed_given_name(toks[start + 1])


def _listed_person_left(doc: _Doc, i: int) -> int:
    """In a sentence a tagger decided, free capitalised words from piece ``i`` that are a listed person, a listed
    given name and a listed or surname-shaped last word (:func:`_listed_person`), are that person, which the
    tagger left unread (German *Das teilte Bernd Lindemann am Montag mit*: a model trained on a few thousand
    sentences misses half the given names after an inverted verb); how many pieces were read (at least 1)."""
    toks = doc.toks
    n = _name_run(doc, i, limit=3)
    if n >= 2 and all(doc.decided[k] and (k == i or toks[k].sep == "space") for k in range(i, i + n)) \
            and frequency.zipf(toks[i + n - 1].key, toks[i].lang) < COMMON_ZIPF \
            and _listed_person(toks, i, i + n, toks[i].lang):  # not a compound's halves, nor a common noun last
        doc.claim(Found(i, i + n, "PER", 0.5, "capitalisation", _lemma(doc, i, i + n)))
        return n
    return 1


def _capitalised_layer(doc: _Doc) -> None:
    toks = doc.toks
    i = 0
    while i < len(toks):
        tok = toks[i]
        if doc.owner[i] >= 0 or not tok.cased or not tok.cap or (
                tok.upper and len(tok.text) <= 6 and not _is_initial(toks, i)):
            i += 1
            continue
        if doc.decided[i]:
            i += _listed_person_left(doc, i)  # what the tagger read as no name is none, but a listed person
            continue
        n = _name_run(doc, i, limit=MAX_NAME_PIECES)
        if not n:
            i += max(1, _is_title(toks, i))  # a title's second word opens no name (Teknik Direktörü)
            continue
        start, end = i, i + n
        lang = _word_lang(tok)
        # A sentence's first word is no name if it is common, except before a head word (``Anadolu Ajansı``) or
        # as the head opening a name, where only a function-like word is (one the text also writes in lower case,
        # or a very frequent one).
        headed = any(_is_org_head(toks[k]) or _is_loc_head(toks[k]) for k in range(start + 1, end)) or (
            end - start >= 2 and _is_org_head(toks[start])) or (  # "Grupo Zelmorra", a head that opens the name
            end - start == 1 and _bare_head(tok) and _place_after(doc, end) is not None)  # "Politechnika Gdańska"
        # a word for a kind of place after a lone word makes it a place's name, however common (Trabzon kentinde)
        placed = end - start == 1 and _before_place_word(doc, _with_apostrophe_suffix(toks, end))
        while start < end and toks[start].sent_start and not placed and not _elided_prefix(toks, start + 1) \
                and not _listed_person(toks, start, end, lang) and not _apostrophe_marks_name(toks, start, end) \
                and not (end - start >= 2 and _given_name_opening(toks, start, end, lang)) and (
                (not headed and (frequency.zipf(toks[start].key, lang) >= COMMON_ZIPF
                                 or toks[start].key in doc.lower_keys or _inflected_common(toks[start], lang)))
                or (end - start > 2 and _found_as_name(doc, start + 1, end))
                or (headed and _opens_no_headed_name(doc, toks[start]))
                or (not headed and _opens_before_person(toks, start, end))
                or (lang not in frequency.LANGS and end - start == 1)):
            start += 1
        if end - start == 1 and toks[start].key in _calendar_words(lang):
            start = end
        if start < end and not _extend_person(doc, start, end):
            if _name_before_first_name(toks, start, end) and not any(_is_org_head(toks[k]) or _is_loc_head(toks[k])
                                                                     for k in range(start, end)):
                _classify_run(doc, start, start + 1)  # "Bibiové Saif Mulúk": two names side by side
                start += 1
            _classify_run(doc, start, end)
        i = i + n


#: Most capitalised words an institution's name runs on for after its joiner (*für Unterricht und Kultus*).
INSTITUTION_TAIL_MAX = 5


def _institution_tail(doc: _Doc, k: int) -> int:
    """End of an institution name's tail starting at piece ``k`` (a joiner such as *für*, *der*): the capitalised
    words after it, two such runs joined by *und*; ``k`` when no capitalised word follows the joiner."""
    toks = doc.toks
    lang = toks[k].lang
    if toks[k].key not in INSTITUTION_JOINERS.get(lang, ()) or toks[k].sep != "space":
        return k
    end, m = k, k + 1
    if m < len(toks) and toks[m].key in INSTITUTION_ARTICLES.get(lang, ()) and toks[m].sep == "space":
        m += 1  # "of the European Union"
    while m < len(toks) and m - k <= INSTITUTION_TAIL_MAX and not toks[m].sent_start and (
            toks[m].sep in ("space", "hyphen") or _suspended_compound_and(toks, m)):
        if toks[m].cap and toks[m].cased:
            end = m + 1
        elif not (toks[m].key in INSTITUTION_AND.get(lang, ()) and end == m and m + 1 < len(toks)
                  and toks[m + 1].cap) or _another_body_after(toks, m + 1):
            break
        m += 1
    return end


def _another_body_after(toks: list[Tok], k: int) -> bool:
    """Whether the capitalised words from piece ``k`` (after an *and*) end in an organisation's head word of their own,
    naming another body (*University of Glasgow and Ural Federal University*), not the tail's second half (*Ministry
    of Trade and Integration*)."""
    m = k
    while m < len(toks) and m - k < INSTITUTION_TAIL_MAX and toks[m].cap and toks[m].cased \
            and (m == k or toks[m].sep == "space"):
        if _is_org_head(toks[m]) and m > k:
            return True
        m += 1
    return False


def _suspended_compound_and(toks: list[Tok], m: int) -> bool:
    """Whether piece ``m`` is *und* after a compound's first half written with a hyphen (*für Luft- und
    Raumfahrt*): the name goes on over it."""
    return toks[m].key in INSTITUTION_AND.get(toks[m].lang, ()) and toks[m].sep_text.strip() == "-"


#: Kinds of place a compass point may be written before as one word: countries, states and provinces, regions.
COMPASS_PLACES = ("iso:", "iso3166-2:", "region:")
#: Fewest letters of the place's name after the compass point (*Nordirak*; not *Westen*, *Ostern*).
COMPASS_PLACE_MIN_LETTERS = 4
#: Fewest letters of a town's stem before a region suffix (*Сум|щина* from Суми).
REGION_MIN_STEM = 3


def _derived_place_layer(doc: _Doc, gaz: Gazetteer) -> None:
    """A one-word place built on another place's name is a place, a part of that one (so it takes no id of it),
    also in the sentences a tagger decided: no gazetteer lists every such word. Two kinds: a compass point before
    a country's, state's or region's name (:func:`_compass_part`: German *Ostukraine*), and a region named by a
    suffix after its town's name (:func:`_region_of_town`: Ukrainian *Харківщина*). A compass point written apart
    makes such a place of two words or more (:func:`_compass_before_place`: Turkish *Kuzey Irak*)."""
    _compass_before_place(doc)
    toks = doc.toks
    for k, tok in enumerate(toks):
        lang = _base_lang(tok.lang)
        if (lang not in COMPASS_PREFIXES and lang not in REGION_SUFFIXES) or doc.owner[k] >= 0 or not tok.cased \
                or not tok.cap or tok.upper:
            continue
        if _compass_part(tok, lang, gaz) or _region_of_town(tok, lang, gaz):
            doc.claim(Found(k, k + 1, "LOC", 0.6, "pattern", tok.text))


def _region_adjective_layer(doc: _Doc) -> None:
    """A capitalised region's adjective and the lower-case word for its kind after it are one place
    (:data:`REGION_ADJECTIVES`: *Зелморрской области*, *Зелморрського району*), with capitalised pieces joined to the
    adjective by hyphens (*Восточно-Зелморрской области*). A town the gazetteer read in the adjective gives the region
    no id (the region around *Зелморрск* is not the town); a title before it takes no person from it."""
    toks = doc.toks
    for k in range(len(toks) - 1):
        tok, nxt = toks[k], toks[k + 1]
        endings, kinds = REGION_ADJECTIVES.get(_base_lang(tok.lang), ((), frozenset()))
        if nxt.key not in kinds or nxt.sep != "space" or nxt.cap or not tok.cap or tok.upper \
                or not tok.key.endswith(endings):
            continue
        start = k
        while start > 0 and toks[start].sep == "hyphen" and toks[start - 1].cap:
            start -= 1
        owners = {doc.owner[p] for p in range(start, k + 2)} - {-1}
        if any(doc.found[o].i < start or doc.found[o].j > k + 1 or doc.found[o].type != "LOC" for o in owners):
            continue
        for o in owners:
            doc.release(o)
        doc.claim(Found(start, k + 2, "LOC", 0.7, "pattern", _lemma(doc, start, k + 2)))


def _compass_before_place(doc: _Doc) -> None:
    """A capitalised compass point (:data:`COMPASS_WORDS`) right before a country's, state's or region's name joins
    it: the two name a part of that place (*Kuzey Irak'ta*, *Wschodniej Ukrainy*), with no id of its. The word is
    free, or a one-word town that bears its name alone (Russian *Северный*)."""
    toks = doc.toks
    for f in list(doc.found):
        if not f.emit or f.type != "LOC" or not (f.kb_id or "").startswith(COMPASS_PLACES) or f.i == 0 \
                or toks[f.i].sep != "space" or toks[f.i].sent_start:
            continue
        word, lang = toks[f.i - 1], _base_lang(toks[f.i - 1].lang)
        if (doc.owner[f.i - 1] < 0 or _one_word_town(doc, f.i - 1) is not None) and word.cap and not word.upper \
                and _word_match(word.key, lang, COMPASS_WORDS.get(lang, frozenset()), 3):
            doc.replace(Found(f.i - 1, f.j, "LOC", f.confidence, "pattern",
                              word.text + toks[f.i].sep_text + (f.lemma or doc.surface(f.i, f.j))))


def _compass_part(tok: Tok, lang: str, gaz: Gazetteer) -> bool:
    """Whether the word is a compass point and a country's, state's or region's name written as one
    (:data:`COMPASS_PREFIXES`: *Ostukraine*, *Nordirak*, *Nordhessen*; not *Westen*, *Ostern*)."""
    prefix = next((p for p in COMPASS_PREFIXES.get(lang, ()) if tok.key.startswith(p)
                   and len(tok.key) - len(p) >= COMPASS_PLACE_MIN_LETTERS), None)
    if prefix is None:
        return False
    rest = tok.text[len(prefix):]
    return any((entry := gaz.lookup((base,))) is not None and entry.type == "LOC"
               and entry.kb_id.startswith(COMPASS_PLACES) for base in inflection_bases(rest, fold(rest), tok.lang))


def _region_of_town(tok: Tok, lang: str, gaz: Gazetteer) -> bool:
    """Whether the word is a town's name with a region suffix and a case ending (:data:`REGION_SUFFIXES`:
    *Харківщину* from Харків, *Донеччині* from Донецьк, *Брянщину* from Брянск): the stem the suffix leaves, with
    one of the town-name endings it drops (:data:`REGION_STEM_ENDINGS`), is a GeoNames town; a common noun so built
    (*Батьківщина* "homeland") names none."""
    for suffix in REGION_SUFFIXES.get(lang, ()):
        at = tok.key.rfind(suffix)
        if at < REGION_MIN_STEM or tok.key[at + len(suffix):] not in REGION_CASE_ENDINGS:
            continue
        stem = tok.key[:at]
        return any((entry := gaz.lookup((stem + ending,))) is not None and entry.type == "LOC"
                   and entry.kb_id.startswith("geonames:") for ending in REGION_STEM_ENDINGS)
    return False


#: Most pieces of a model designation after its maker's name (*737*, *-*, *800*; *A320*; *737 MAX*).
MODEL_MAX_PIECES = 4
#: Most letters of a word in capitals that goes on a model designation (*MAX*, *NG*, *XWB*).
MODEL_SUFFIX_MAX_LETTERS = 4
#: Fewest digits of a model number written without letters (*737*; a *2* or *16* after a name is a count or a day).
MODEL_MIN_DIGITS = 3


#: Fewest letters of a name before a club's or place's ending (:data:`NAME_ENDINGS`): *Sivasspor*, *Yerköy*; not
#: *Espor*.
NAME_STEM_MIN_LETTERS = 3
#: Endings that make a one-word name an organisation's or a place's, per language, with the type they give.
NAME_ENDINGS: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (("ORG", CLUB_ENDINGS), ("LOC", PLACE_NAME_ENDINGS))


def _name_ending_layer(doc: _Doc) -> None:
    """A free capitalised word with a sports club's ending (:data:`CLUB_ENDINGS`: Turkish *Zelmorraspor*,
    *Zelmorraspor'un*) is the club, an organisation, and one with a place's (:data:`PLACE_NAME_ENDINGS`: Turkish
    *Zelmorraköy'de*; Hindi *रुद्रप्रयाग*, *हमीरपुर*) a place, however frequent the word is in the language's news. A
    word an organisation's head word follows is left to the capitalisation layer, which makes them one
    (*Zelmorraköy Belediyesi*)."""
    toks = doc.toks
    for k, tok in enumerate(toks):
        if doc.owner[k] >= 0 or (tok.cased and (not tok.cap or tok.upper)) or tok.cjk or (
                k + 1 < len(toks) and toks[k + 1].sep == "space" and _is_org_head(toks[k + 1])):
            continue
        if not tok.cased and (_is_stop(tok) or listed_given_name(tok) or listed_surname(tok)):
            continue  # a caseless script's word has no capital to say "name": no function word nor person's name
        kind = _name_ending_kind(tok)
        if kind is not None:
            start = _club_name_start(doc, k) if kind == "ORG" and tok.cased else k
            doc.claim(Found(start, _with_apostrophe_suffix(toks, k + 1), kind, 0.6, "pattern",
                            _lemma(doc, start, k + 1)))


#: Most pieces a possessive inside an English name may have before it (*Cook County State's Attorney's Office*)
#: and after it up to the head word (*Great Ormond Street Children's Hospital*, *Children's Mercy Hospital*).
POSSESSIVE_NAME_MAX_BEFORE, POSSESSIVE_NAME_MAX_AFTER = 4, 3


def _possessive_name_layer(doc: _Doc) -> None:
    """In English a possessive of a free capitalised word before a capitalised run ending in an organisation's or a
    place's head word is inside one name (:data:`HEAD_LAST_LANGS`: *Harris County Sheriff's Office*, *Reading
    Magistrates' Court*, *U.S. Attorney's Office for the District of Massachusetts*, *King's College*): the places
    and the head's body found in its pieces give way. A found place, organisation or person owning the possessive
    is the owner, no part of the name (*Russia's Foreign Ministry*, *Smith's Office*)."""
    toks = doc.toks
    for k in range(1, len(toks)):
        tok = toks[k]
        if tok.lang not in HEAD_LAST_LANGS:
            continue
        if tok.sep == "apos" and tok.key == "s":
            owner, after = k - 1, k + 1  # Sheriff's
        elif tok.sep == "break" and tok.cap and toks[k].sep_text == "' " and toks[k - 1].key.endswith("s"):
            owner, after = k - 1, k  # Magistrates' Court
        else:
            continue
        if after >= len(toks) or not _possessor_in_name(toks, owner):
            continue
        start = owner
        if doc.owner[owner] >= 0:  # the words before it read as a body of their own (*Reading Magistrates*)
            f = doc.found[doc.owner[owner]]
            if f.j != owner + 1 or f.type not in ("ORG", "LOC") or f.layer not in ("pattern", "capitalisation"):
                continue
            start = f.i
        end = _possessed_head_end(doc, after)
        if end is None:
            continue
        while start > 0 and owner - start < POSSESSIVE_NAME_MAX_BEFORE and toks[start].sep == "space":
            if start > 1 and toks[start - 1].sep == "apos" and toks[start - 1].key == "s" and doc.owner[start - 2] < 0 \
                    and _possessor_in_name(toks, start - 2):
                start -= 1  # another possessive before (*Cook County State's Attorney's Office*)
            if not (toks[start - 1].cap and toks[start - 1].cased) or toks[start - 1].sent_start \
                    or (_is_stop(toks[start - 1]) and not toks[start - 1].upper):
                start += 1 if toks[start].sep == "apos" else 0
                break
            before = doc.owner[start - 1]
            if before >= 0 and (doc.found[before].type != "LOC" or doc.found[before].j != start):
                break
            start = doc.found[before].i if before >= 0 else start - 1
        for idx in {doc.owner[m] for m in range(start, end) if doc.owner[m] >= 0}:
            doc.release(idx)
        kind = "LOC" if _is_loc_head(toks[end - 1]) and not _is_org_head(toks[end - 1]) else "ORG"
        doc.claim(Found(start, end, kind, 0.6, "pattern", _lemma(doc, start, end)))


def _possessor_in_name(toks: list[Tok], k: int) -> bool:
    """Whether the capitalised word at piece ``k`` before a possessive may be inside a name: not a person's (*Smith's
    Office*), unless a title (*King's College*)."""
    word = toks[k]
    return word.cased and word.cap and not word.upper and (
        not (listed_surname(word) or listed_given_name(word)) or _is_title(toks, k))


def _possessed_head_end(doc: _Doc, k: int) -> int | None:
    """Where the capitalised run from piece ``k`` that a possessive owns ends, at a body's or place's head word or at
    the end of a body found from ``k`` (*Office for the District of Massachusetts*); None where it ends otherwise."""
    toks = doc.toks
    if not (toks[k].cased and toks[k].cap) or toks[k].upper:
        return None
    if doc.owner[k] >= 0:
        f = doc.found[doc.owner[k]]
        return f.j if f.i == k and f.layer in ("pattern", "capitalisation") and (
            f.type in ("ORG", "LOC") or _is_org_head(toks[f.j - 1])) else None  # *Hospital said*: no person
    end = k
    while end < len(toks) and end - k < POSSESSIVE_NAME_MAX_AFTER and toks[end].cased and toks[end].cap \
            and (end == k or toks[end].sep == "space"):
        if doc.owner[end] >= 0:
            return _possessed_head_end(doc, end) if end > k else None
        end += 1
        if _is_org_head(toks[end - 1]) or _is_loc_head(toks[end - 1]):
            return end
    return None


def _club_name_start(doc: _Doc, k: int) -> int:
    """Where the name of a club whose last word has a club's ending at ``k`` starts: at its sponsor's or its town's
    name written before it (*Zelmorra Alanyaspor*, *Nilüfer Belediyespor*: up to two free capitalised words, not a
    sentence's common first word nor a listed given name, or a town in its base form)."""
    toks = doc.toks
    if k == 0 or toks[k].sep != "space" or toks[k].sent_start:
        return k
    if doc.owner[k - 1] >= 0:
        f = doc.found[doc.owner[k - 1]]
        if f.j == k and f.j - f.i == 1 and f.type == "LOC" and toks[f.i].key == fold(f.lemma or "") \
                and not toks[f.i].upper:
            doc.release(doc.owner[k - 1])
            return f.i
        return k
    n = _name_run(doc, k - 1, limit=2, step=-1)
    while n and toks[k - n].sent_start and (_opens_no_headed_name(doc, toks[k - n])
                                             or _common_first_word(toks[k - n])):
        n -= 1  # "Maçta Zelmorraspor ...": the sentence's first word is none of the name
    if any(listed_given_name(t) for t in toks[k - n:k]):
        return k  # "Kemal Zelmorraspor'a geldi": a person came to the club
    return k - n


def _product_layer(doc: _Doc) -> None:
    """A listed company's name followed by a model designation (a piece with digits, not a year, and the pieces in
    capitals or with digits after it) is a product (PRO): *Boeing 737 MAX*, *Airbus A320*, *Boeing 737-800*, while
    the company's name alone stays the company. Also in the sentences a tagger decided."""
    toks = doc.toks
    for f in list(doc.found):
        if not f.emit or f.type != "ORG" or f.layer != "gazetteer" or not (f.kb_id or "").startswith("org:"):
            continue
        end = f.j
        while end < len(toks) and end - f.j < MODEL_MAX_PIECES and doc.owner[end] < 0 \
                and toks[end].sep in ("space", "hyphen") and not toks[end].sent_start and _model_piece(
                    toks[end], first=end == f.j):
            end += 1
        if end > f.j:
            doc.replace(Found(f.i, end, "PRO", 0.6, "pattern", _lemma(doc, f.i, end)))


def _model_piece(tok: Tok, first: bool) -> bool:
    """Whether a piece goes on a model designation. The first has digits: letters with them (*A320*, *CS300*) or a
    number of at least :data:`MODEL_MIN_DIGITS` digits that is no year (*737*; not *2024*, nor the *16* of a date).
    After it, any piece with digits (*-800*, *-9*) or a short word in capitals (*MAX*, *NG*)."""
    if not any(ch.isdigit() for ch in tok.key):
        return not first and tok.upper and len(tok.key) <= MODEL_SUFFIX_MAX_LETTERS
    if not first or not tok.key.isdigit():
        return True
    return len(tok.key) >= MODEL_MIN_DIGITS and not (len(tok.key) == 4 and tok.key[:2] in ("19", "20"))


def _town_adjective_place_layer(doc: _Doc, gaz: Gazetteer) -> None:
    """A town's adjective before a place's head word (:data:`TOWN_ADJECTIVE_ENDINGS`: German *Frankfurter
    Hauptbahnhof*, *Lehrter Bahnhof*, *Kölner Flughafen*) names one place, also in the sentences a tagger decided
    (one trained on a few thousand sentences seldom saw the pair); so does the head word before the town's name in
    its base form (*Flughafen Dortmund*)."""
    toks = doc.toks
    for k in range(len(toks) - 1):
        tok, head = toks[k], toks[k + 1]
        endings = TOWN_ADJECTIVE_ENDINGS.get(_base_lang(tok.lang))
        if endings and doc.owner[k] < 0 and tok.cap and not tok.upper and _is_loc_head(tok) \
                and head.sep == "space" and not head.sent_start and (end := _town_end(doc, gaz, k + 1)) is not None \
                and not _name_goes_on(toks, end):
            doc.replace(Found(k, end, "LOC", 0.6, "pattern", _lemma(doc, k, end)))
            continue
        if not endings or doc.owner[k] >= 0 or doc.owner[k + 1] >= 0 or not tok.cap or tok.upper \
                or not head.cap or head.sep != "space" or head.sent_start or not _is_loc_head(head):
            continue
        if any(tok.key.endswith(e) and (entry := gaz.lookup((tok.key[:-len(e)],))) is not None
               and entry.type == "LOC" and entry.kb_id.startswith(_SUB_COUNTRY_PLACES) for e in endings):
            doc.claim(Found(k, k + 2, "LOC", 0.6, "pattern", _lemma(doc, k, k + 2)))


def _institution_layer(doc: _Doc, gaz: Gazetteer) -> None:
    """Institutions named by a head word and a tail joined by a preposition or article, in languages that
    capitalise the tail's nouns (German *Bundesamt für Kommunikation*, *Bayerisches Staatsministerium für Unterricht
    und Kultus*, *Verband der Automobilindustrie*): the whole name is one organisation, also in the sentences a
    tagger decided (a model trained on a few thousand sentences finds the head word at best). Capitalised adjectives
    right before the head belong to it (*Bayerischen*), and name it without a tail too where nouns are capitalised
    (*Statistischen Bundesamt*); findings inside the name are withdrawn."""
    toks = doc.toks
    for i, tok in enumerate(toks):
        if tok.lang not in INSTITUTION_JOINERS or not tok.cap or not tok.cased or i + 1 >= len(toks) \
                or not (_is_org_head(tok) or tok.key.endswith(INSTITUTION_HEAD_ENDINGS.get(tok.lang, ()))):
            continue
        end = _institution_tail(doc, i + 1)
        while end > i + 1 and end < len(toks) and (more := _institution_tail(doc, end)) > end:
            end = more  # "Bundesstiftung zur Aufarbeitung der SED-Diktatur": the tail may have a tail
        start = i
        while start > 0 and i - start < 2 and toks[start - 1].cap and toks[start - 1].cased \
                and toks[start].sep == "space" and not toks[start].sent_start \
                and toks[start - 1].key.endswith(INSTITUTION_MODIFIER_ENDINGS[tok.lang]) \
                and not _is_stop(toks[start - 1]):
            start -= 1
        if end == i + 1:
            if tok.lang not in NOUN_CAPITALISING:
                continue
            town = _town_end(doc, gaz, end) if end < len(toks) and toks[end].sep == "space" and toks[end].cap \
                else None
            if not town and (start == i or toks[start].sent_start):
                continue  # no tail: only where a capitalised adjective inside a sentence says "name" (des
                # Statistischen Bundesamtes): a language that capitalises nouns writes adjectives in lower case
            if town:
                end = town  # the town it is in ends the name (der Medizinischen Hochschule Hannover, Universität
                # Gießen, Landgericht Frankfurt am Main)
                if end < len(toks) and toks[end].sep == "space" and _regnal_number(toks[end]):
                    end += 1  # and the number of the town's court district (*Landgericht München I*)
        start = _compound_opening(toks, start)
        if any(doc.found[doc.owner[k]].type == "ORG" and doc.found[doc.owner[k]].kb_id
               and doc.found[doc.owner[k]].i <= start for k in range(start, end) if doc.owner[k] >= 0):
            continue  # an organisation the KB knows opens it (*National Bank of Kazakhstan*): its link stays; one in
            # the tail is what the institution belongs to (*General Court of the European Union*)
        doc.replace(Found(start, end, "ORG", 0.7, "pattern", _lemma(doc, start, end)))


def _compound_opening(toks: list[Tok], start: int) -> int:
    """Where an institution's name whose head word opens at piece ``start`` begins once the capitalised pieces
    hyphened to the head (*Max-Planck-Institut*, *Fraunhofer-Institut*) and a compound's half written before
    "and" (*Industrie- und Handelskammer*) are taken in."""
    while start > 0 and toks[start].sep == "hyphen" and toks[start - 1].cap and toks[start - 1].cased:
        start -= 1
    if start >= 2 and toks[start - 1].key in INSTITUTION_AND.get(toks[start - 1].lang, ()) \
            and toks[start - 1].sep_text.startswith("-") and toks[start - 2].cap and toks[start - 2].cased:
        start -= 2
    return start


#: Most pieces of a body's own capitalised name between the word for its place's kind and its head word (*Шымкент
#: қаласы Әл-Фараби аудандық соты*).
PLACE_BODY_NAME_WORDS = 2


def _place_body_layer(doc: _Doc, gaz: Gazetteer) -> None:
    """A body named by its place, lower-case words and a head word, in a language that writes them so and whose
    tagger decides its sentences (Kazakh *Алматы қалалық соты*, *Павлодар мұнай-химия зауыты*): one organisation,
    also where the tagger read the place alone or nothing (trained on KazNERD, it saw few such names).

    The place is a listed town or region (:func:`_town_at`), or any capitalised word before "regional", "district",
    "city" (:data:`PLACE_BODY_ADJECTIVES`: *Жамбыл облыстық соты*) or before a possessed word for a kind of place
    (:data:`PLACE_WORDS_AFTER`: *Маңғыстау облысының әкімдігі*; not *Ал облыста*, "and in the region"), itself not
    in the genitive (*Бейбітшіліктің қаласы*, "the city of peace"), or inside a sentence any capitalised word the
    tagger left with the words up to the head (*Іс Жоғарғы сотқа*). Up to ``INSTITUTION_MAX_INNER_HEAD_LAST``
    lower-case words stand between it and the head word; neither the place nor they say where a thing is
    (:data:`~newsweave.lang.name_folding.PLACE_CASE_ENDINGS`). Without a head word, a capitalised word the tagger
    left before such a word for a kind of place is that place, with the word where it names a region after its
    town (:data:`REGION_WORDS_IN_NAME`: *Маңғыстау облысының*, but *Зелморра* of *Зелморра ауданында*, as KazNERD
    writes them)."""
    toks = doc.toks
    for i, tok in enumerate(toks[:-1]):
        adjectives = PLACE_BODY_ADJECTIVES.get(tok.lang)
        if not adjectives or not tok.cap or not tok.cased or tok.upper or _is_org_head(tok) or _is_stop(tok) \
                or _is_title(toks, i) or (tok.key.endswith(PLACE_CASE_ENDINGS.get(tok.lang, ()))
                                          and gaz.lookup((tok.key,)) is None):
            continue  # "in Moscow, the embassy's" (*Мәскеудегі елшілігінің*): a located thing, no body's name; a
            # town's own name may end so (*Қызылорда облыстық соты*)
        after = toks[i + 1]
        kind_of_place = after.sep == "space" and after.cased and not after.cap and not tok.key.endswith(
            GENITIVE_ENDINGS.get(tok.lang, ())) and any(
            after.key.startswith(word) and after.key[len(word):].startswith(POSSESSIVE_OPENINGS)
            for word in PLACE_WORDS_AFTER.get(tok.lang, ()))
        head = None
        # after the word for the kind of place, the body's own name may be capitalised (*Қызылорда облысы Полиция
        # департаменті*, *Шымкент қаласы Әл-Фараби аудандық соты*)
        named = PLACE_BODY_NAME_WORDS if kind_of_place else 0
        for k in range(i + 1, min(i + 2 + INSTITUTION_MAX_INNER_HEAD_LAST + named, len(toks))):
            word = toks[k]
            if not (word.sep == "space" or (word.sep == "hyphen" and k > i + 1)) or not word.cased \
                    or (word.cap and not (named and k > i + 1)):
                break  # a hyphen joins the words of a compound (*мұнай-химия зауыты*), not the place to them
            if _is_org_head(word) and not word.key.endswith(DERIVED_ADJECTIVE_ENDINGS.get(tok.lang, ())):
                head = k  # not an adjective made of a head word (*академиялық кітапхана*, "academic library")
                break
            if _is_stop(word) or word.key.endswith(PLACE_CASE_ENDINGS.get(tok.lang, ())):
                break
        if head is not None and (toks[i + 1].key in adjectives or kind_of_place or _town_at(doc, gaz, i) or (
                not tok.sent_start and doc.free(i, head + 1))):
            start = i
            while start > 0 and i - start < 2 and toks[start].sep == "space" and doc.owner[start - 1] < 0 \
                    and toks[start - 1].cap and not _is_stop(toks[start - 1]) and not _is_org_head(toks[start - 1]) \
                    and (toks[start - 1].upper or not toks[start - 1].sent_start):
                start -= 1  # the name's other capitalised words (*ACWA Power компаниясы*)
            # a word that describes a company after its name is no part of it (*ACWA Power компаниясы*, "the ACWA
            # Power company"), a head word of its own is (*Отбасы банк*)
            end = head if head == i + 1 and toks[head].key.startswith(tuple(_company_words(tok.lang)[1])) \
                else head + 1
            doc.replace(Found(start, end, "ORG", 0.6, "pattern", _lemma(doc, start, end)))
        elif kind_of_place and doc.free(i, i + 1) and (not toks[i - 1].cap if not tok.sent_start else not (
                _has_ending(tok) or tok.key in doc.lower_keys)):  # *Кеншілер қаласы*: "the miners' town"
            end = i + 2 if after.key.startswith(REGION_WORDS_IN_NAME.get(tok.lang, ())) else i + 1
            doc.claim(Found(i, end, "LOC", 0.6, "pattern", _lemma(doc, i, end)))


def _surname_initial_layer(doc: _Doc) -> None:
    """A listed given name with a capital letter and a period after it is a person named by given name and surname
    initial, as crime and court news names the accused (Polish *Sebastian W.*, *Tomasza Z.*, German *Thomas M.*),
    also where the letter is a word of its own (Polish *w*, *z*: "in", "with") and in the sentences a tagger
    decided. A reading of the given name alone, or of both as an untyped name, gives way; a knowledge base's does
    not."""
    toks = doc.toks
    for k in range(len(toks) - 1):
        first, letter = toks[k], toks[k + 1]
        if not (first.cased and first.cap and not first.upper and len(letter.text) == 1 and letter.text.isupper()
                and letter.sep == "space" and doc.text[letter.end:letter.end + 1] == "."
                and listed_given_name(first)):
            continue
        owners = {doc.owner[m] for m in (k, k + 1) if doc.owner[m] >= 0}
        if any(doc.found[o].layer == "kb" or doc.found[o].i < k or doc.found[o].j > k + 2 for o in owners):
            continue
        doc.replace(Found(k, k + 2, "PER", 0.6, "pattern", _lemma(doc, k, k + 2)))


#: Most words between "named after" and the head word of the body so named (*атындағы Қазақ ұлттық университеті*).
NAMED_AFTER_MAX_WORDS = 4


def _named_after_layer(doc: _Doc) -> None:
    """A person or place, the word for "named after" and a body's name ending in its head word are one
    organisation (:data:`NAMED_AFTER_WORDS`: Kazakh *Әл-Фараби атындағы Қазақ ұлттық университеті*, where a tagger
    read a person and an organisation), as KazNERD writes them; findings inside give way."""
    toks = doc.toks
    for k in range(1, len(toks) - 1):
        if toks[k].key not in NAMED_AFTER_WORDS.get(toks[k].lang, ()) or toks[k].sep != "space":
            continue
        before = doc.owner[k - 1]
        if before >= 0:
            start = doc.found[before].i
        elif toks[k - 1].cap and toks[k - 1].cased:
            start = k - 1
        else:
            continue
        end = None
        for m in range(k + 1, min(k + 1 + NAMED_AFTER_MAX_WORDS, len(toks))):
            if toks[m].sep not in ("space", "hyphen"):
                break
            if doc.owner[m] >= 0 and doc.found[doc.owner[m]].type == "ORG":
                end = doc.found[doc.owner[m]].j
                break
            if _is_org_head(toks[m]) and not toks[m].key.endswith(DERIVED_ADJECTIVE_ENDINGS.get(toks[m].lang, ())):
                end = m + 1
                break
        if end is None or any(doc.found[doc.owner[m]].j > end for m in range(start, end) if doc.owner[m] >= 0):
            continue
        doc.replace(Found(start, end, "ORG", 0.6, "pattern", _lemma(doc, start, end)))


def _named_for_layer(doc: _Doc) -> None:
    """An organisation's name, the word for "named after" and a person's capitalised name after it are one
    organisation (:data:`NAMED_FOR_WORDS`: *Szpitala Wojewódzkiego im. Jana Pawła II*), with the town after it where
    the language names a body's town so (*… w Zamościu*, :func:`_place_of_institution`); findings inside give way."""
    toks = doc.toks
    for k in range(1, len(toks) - 1):
        if toks[k].key not in NAMED_FOR_WORDS.get(toks[k].lang, ()) or doc.owner[k - 1] < 0 or toks[k].sep != "space":
            continue
        org = doc.found[doc.owner[k - 1]]
        if not (org.emit and org.type == "ORG" and org.j == k):
            continue
        end = k + 1
        while end < len(toks) and end - k <= NAMED_AFTER_MAX_WORDS and toks[end].cased and toks[end].cap \
                and not toks[end].sent_start and (end == k + 1 or toks[end].sep in ("space", "hyphen")) \
                and (doc.owner[end] < 0 or doc.found[doc.owner[end]].type == "PER"):
            end += 1
        if end == k + 1 or any(doc.found[doc.owner[m]].j > end for m in range(k + 1, end) if doc.owner[m] >= 0):
            continue
        start = org.i
        for m in range(k + 1, end):
            if doc.owner[m] >= 0:
                doc.release(doc.owner[m])
        doc.release(doc.owner[k - 1])
        end = _place_of_institution(doc, end)
        doc.claim(Found(start, end, "ORG", 0.6, "pattern", _lemma(doc, start, end)))


def _town_end(doc: _Doc, gaz: Gazetteer, k: int) -> int | None:
    """Where the town or state opening at piece ``k`` ends: a listed place of several words found there
    (*Frankfurt am Main*, *Bad Segeberg*, *Schleswig-Holstein*), or a one-word one (:func:`_town_at`), or two
    written with a slash (*Zittau/Görlitz*)."""
    toks = doc.toks
    if doc.owner[k] >= 0:
        f = doc.found[doc.owner[k]]
        if f.i == k and f.j - f.i > 1 and f.type == "LOC" and (f.kb_id or "").startswith(_BODY_PLACES):
            return f.j
        if f.i == k and f.j == k + 2 and toks[k + 1].sep_text == "/" and all(
                (e := gaz.lookup((t.key,))) is not None and e.kb_id.startswith(_BODY_PLACES) for t in toks[k:k + 2]):
            return f.j  # a tagger's "Witten/Herdecke": two towns a body serves
    if not _town_at(doc, gaz, k):
        return None
    if k + 2 <= len(toks) - 1 and toks[k + 1].sep_text == "/" and _town_at(doc, gaz, k + 1):
        return k + 2  # *Hochschule Zittau/Görlitz*
    return k + 1


#: The kinds of place a body is named after, by KB id: towns, states and the regions of ``regions.tsv``
#: (*Polizeipräsidium Oberbayern*).
_BODY_PLACES = ("geonames:", "iso3166-2:", "region:")


def _town_at(doc: _Doc, gaz: Gazetteer, k: int) -> bool:
    """Whether piece ``k`` is a one-word town or state (GeoNames, ISO 3166-2: *Landeskriminalamt Niedersachsen*):
    found as one, or left free or read as a place of one word (a tagger may have decided the sentence: *Landgericht
    Frankfurt*, its *Frankfurt* a place without a link, or the body's town as the body, *Oberlandesgericht Celle*) and
    listed as one."""
    if _one_word_town(doc, k) is not None:
        return True
    kb_id = None
    if doc.owner[k] >= 0:
        f = doc.found[doc.owner[k]]
        if f.i != k or f.j != k + 1 or not (f.type == "LOC" or (f.type == "ORG" and f.layer == "tagger")):
            return False
        kb_id = f.kb_id
    if kb_id is None:
        entry = gaz.lookup((doc.toks[k].key,))
        kb_id = entry.kb_id if entry is not None else None
    return kb_id is not None and kb_id.startswith(_BODY_PLACES)


def _found_as_name(doc: _Doc, i: int, j: int) -> bool:
    """Whether pieces ``i:j`` are, word for word, a name already found elsewhere in the text: then a sentence's
    first word before them is no part of it (*Düzenlenen* "the organised" before a forum named mid-sentence)."""
    keys = [t.key for t in doc.toks[i:j]]
    return any(f.j - f.i == j - i and f.emit and [t.key for t in doc.toks[f.i:f.j]] == keys for f in doc.found)


def _type_untyped_names(doc: _Doc) -> None:
    """Types a capitalised name of one or two words that nothing typed by what stands around it: right after a
    preposition of where (:data:`WHERE_PREPOSITIONS`: *w Brześciu*, *z Bolechowa*, *na Podkarpaciu*), or one word
    with a case ending of where after its apostrophe (:data:`WHERE_CASE_ENDINGS`: *Bayraklı'da*), it is a place,
    unless it names a competition (:data:`COMPETITION_STEMS`) or reads as a person's name (Polish *z* is "with" too);
    alone in quotation marks, where the language's news quotes its organisations' names (:data:`QUOTED_ORG_LANGS`:
    *«Пахтакор»*), an organisation. No list holds every village, district, club and company."""
    toks = doc.toks
    for f in doc.found:
        if not f.emit or f.type != "MISC" or f.layer != "capitalisation" or f.kb_id or f.i == 0 or f.j - f.i > 2:
            continue
        lang = _base_lang(toks[f.i].lang)
        if toks[f.i].sep == "space" and toks[f.i - 1].key in WHERE_PREPOSITIONS.get(lang, ()) and not any(
                t.key.startswith(COMPETITION_STEMS.get(lang, ())) or listed_surname(t) or listed_given_name(t)
                or _surname_like(t) for t in toks[f.i:f.j]):
            f.type = "LOC"
        elif f.j - f.i == 2 and toks[f.j - 1].sep == "apos" and toks[f.j - 1].key in WHERE_CASE_ENDINGS.get(lang, ()) \
                and not (toks[f.i].sep == "space" and toks[f.i - 1].cap and not toks[f.i].sent_start) \
                and not (listed_surname(toks[f.i]) or listed_given_name(toks[f.i]) or _surname_like(toks[f.i])
                         or toks[f.i].key.endswith(SURNAME_ENDINGS.get(lang, ()))):
            f.type = "LOC"  # "Bayraklı'da": a case of where after the apostrophe, on no name's second word
        elif lang in QUOTED_ORG_LANGS and _alone_in_quotes(toks, f.i, f.j):
            f.type = "ORG"
    _places_listed_after_a_place(doc)


def _places_listed_after_a_place(doc: _Doc) -> None:
    """A capitalised name nothing typed, listed after a place with a comma or "and" (:data:`COORDINATING_AND`), is a
    place too: lists name things of one kind (*w Skołyszynie, Kołaczycach i Tarnowcu*, Turkish *Kumluca ve Demre'de*),
    and each place so typed types the next. Not a word that reads as a person's name."""
    toks = doc.toks
    for f in doc.found:
        if not f.emit or f.type != "MISC" or f.layer != "capitalisation" or f.kb_id or f.i < 2 or f.j - f.i > 2 \
                or toks[f.i].sent_start or toks[f.i].sep == "hyphen" or any(
                    listed_surname(t) or listed_given_name(t) or _surname_like(t) for t in toks[f.i:f.j]):
            continue
        if _listed_place(doc, _list_item_before(toks, f.i), -1) or _listed_place(doc, _list_item_after(toks, f.j), 1):
            f.type = "LOC"


def _list_item_before(toks: list[Tok], k: int) -> int | None:
    """The last piece of the list item before the one opening at piece ``k``, joined to it by a comma or an "and"
    (:data:`COORDINATING_AND`), or None."""
    if k >= 1 and toks[k].sep_text.strip() == ",":
        return k - 1
    if k >= 2 and toks[k - 1].key in COORDINATING_AND.get(_base_lang(toks[k - 1].lang), ()) \
            and toks[k - 1].sep == "space" and toks[k].sep == "space":
        return k - 2
    return None


def _list_item_after(toks: list[Tok], j: int) -> int | None:
    """The first piece of the list item after the one ending before piece ``j``, joined to it as
    :func:`_list_item_before` reads, or None."""
    if j < len(toks) and toks[j].sep_text.strip() == "," and not toks[j].sent_start:
        return j
    if j + 1 < len(toks) and toks[j].key in COORDINATING_AND.get(_base_lang(toks[j].lang), ()) \
            and toks[j].sep == "space" and toks[j + 1].sep == "space":
        return j + 1
    return None


def _listed_place(doc: _Doc, k: int | None, step: int) -> bool:
    """Whether a place's finding ends (``step`` -1) or opens (1) at piece ``k``, the list item beside a name."""
    if k is None or doc.owner[k] < 0:
        return False
    f = doc.found[doc.owner[k]]
    toks = doc.toks
    if step > 0 and f.j < len(toks) and toks[f.j].sep == "space" and toks[f.j].cap and not toks[f.j].sent_start:
        return False  # a place owning what follows, no list's last item (*Германиянинг SMS group*)
    return f.emit and f.type == "LOC" and (f.j == k + 1 if step < 0 else f.i == k)


#: Most words of a quoted name (:func:`_quoted_name_layer`).
QUOTED_NAME_MAX_WORDS = 3


def _quoted_name_layer(doc: _Doc) -> None:
    """One to three capitalised words alone in quotation marks, in a language whose news quotes its clubs' and
    companies' names (:data:`QUOTED_ORG_LANGS`), are an organisation, also opening a sentence and also where they
    spell a town, region or river (Kazakh *«Астана» өз алаңында «Тобылды» ұтып*: the clubs): news quotes no place.
    A person's name or an organisation found there stays, and the name must stand alone (:func:`_quoted_name_alone`)."""
    toks = doc.toks
    for k, tok in enumerate(toks):
        if _base_lang(tok.lang) not in QUOTED_ORG_LANGS or not tok.cased or not tok.cap:
            continue
        j = k + 1
        while j < len(toks) and j - k < QUOTED_NAME_MAX_WORDS and toks[j].sep == "space" and toks[j].cased \
                and toks[j].cap:
            j += 1
        if not _alone_in_quotes(toks, k, j) or (j < len(toks) and not _quoted_name_alone(toks, k, j)):
            continue
        owners = {doc.owner[m] for m in range(k, j)}
        if owners == {-1}:
            doc.claim(Found(k, j, "ORG", 0.55, "pattern", _lemma(doc, k, j)))
            continue
        if len(owners) != 1 or -1 in owners:
            continue
        f = doc.found[owners.pop()]
        if f.i == k and f.j == j and f.emit and (f.type == "MISC" or (
                f.type == "LOC" and (f.kb_id or "").startswith(_BODY_PLACES))):
            doc.release(doc.owner[k])
            doc.claim(Found(k, j, "ORG", 0.55, "pattern", f.lemma))


def _alone_in_quotes(toks: list[Tok], i: int, j: int) -> bool:
    """Whether pieces ``i:j`` stand alone in quotation marks (*«Пахтакор»*; spaces inside the marks allowed, as
    tokenised corpora write them: *« Хабар »*)."""
    return toks[i].sep_text.rstrip()[-1:] in _OPENING_QUOTES | _TOGGLING_QUOTES and (
        j == len(toks) or toks[j].sep_text.lstrip()[:1] in _CLOSING_QUOTES | _TOGGLING_QUOTES)


def _quoted_name_alone(toks: list[Tok], k: int, j: int) -> bool:
    """Whether quoted words ``k:j`` are a name on their own, not one before the common noun that says what they name
    (*«Зелмор» кен орны*, an oil field; *«Зелмор» мектебі*, a school; *«Зелмор» фильмі*): their last word takes a
    case ending itself (*«Тобылдың» бас бапкері*, the club's coach), or what follows is no noun of the language's
    own: a function word, a verb (:data:`VERB_ENDINGS`), a number, the sentence's end (*«Астана» өз алаңында*,
    *«Қайрат» пен «Ордабасы» ойнады*), or an organisation's head word (*«Зелмор» командасымен*). A work's kind
    after them makes them its title anyway (:data:`WORK_WORDS_AFTER`)."""
    after, last = toks[j], toks[j - 1]
    lang = _base_lang(last.lang)
    if after.key.startswith(tuple(WORK_WORDS_AFTER.get(lang, ()))):
        return False
    inflection = INFLECTIONS.get(lang)
    if inflection is not None and any(last.key.endswith(end) and len(end) > 1
                                      and len(last.key) - len(end) >= NAME_STEM_MIN_LETTERS
                                      for end in (*inflection.suffixes, *inflection.alternations)):
        return True
    return _is_org_head(after) or after.sent_start or not after.cased or after.cap or _is_stop(after) \
        or after.key in QUOTED_NAME_FOLLOWERS.get(lang, ()) or any(
        after.key.endswith(end) and len(after.key) - len(end) >= NAME_STEM_MIN_LETTERS
        for end in VERB_ENDINGS.get(lang, ()))


def _surnames_of_people(doc: _Doc) -> None:
    """A lone word a tagger or the capitalisation layer read as a place or an untyped name, with no list behind the
    reading, is a person where the text names a person with it as the last word (*Klaus Wendeburg ... Wendeburg
    sagte*: a German surname that is also a village's name)."""
    toks = doc.toks
    surnames = {base for f in doc.found if f.emit and f.type == "PER" and f.j - f.i >= 2
                for base in bases(toks[f.j - 1])}
    if not surnames:
        return
    for f in doc.found:
        if f.emit and f.j - f.i == 1 and f.type in ("LOC", "MISC") and not f.kb_id \
                and f.layer in ("tagger", "capitalisation") and toks[f.i].key in surnames:
            f.type = "PER"


def _repeated_names(doc: _Doc) -> None:
    """A capitalised word that the text uses, alone, as a name elsewhere (in any inflected form) is that name.

    The capitalisation layer drops a sentence's first word when it is common and a lone word of middling
    frequency anywhere (``Ryanair`` has Zipf 3.6 in Polish), and propagation carries only confident people and
    organisations: a word the text never writes in lower case keeps the reading its other mentions have.
    """
    toks = doc.toks
    named: dict[str, Found] = {}
    for f in doc.found:
        if f.emit and f.j - f.i == 1 and f.type in _REPEATED_TYPES and toks[f.i].cased:
            for base in bases(toks[f.i]):
                named.setdefault(base, f)
    if not named:
        return
    for k, tok in enumerate(toks):
        if tok.cap and tok.cased and not tok.upper and doc.owner[k] < 0 and not doc.decided[k] and \
                tok.key in named and tok.key not in doc.lower_keys and not _is_stop(tok):
            f = named[tok.key]
            doc.claim(Found(k, k + 1, f.type, round(f.confidence * 0.9, 3), "propagation", f.lemma, f.kb_id))


_REPEATED_TYPES = frozenset({"PER", "ORG", "LOC", "MISC"})


def _extend_person(doc: _Doc, start: int, end: int) -> bool:
    """A capitalised run right before a known person's name is its first names (``Frank-Walter`` Steinmeier)."""
    toks = doc.toks
    if end >= len(toks) or doc.owner[end] < 0 or toks[end].sep != "space" or toks[end].sent_start:
        return False
    idx = doc.owner[end]
    f = doc.found[idx]
    if f.type != "PER" or f.i != end or end - start > 3 or any(frequency.zipf(toks[k].key, toks[k].lang) >= 5.0
                                                               for k in range(start, end)) \
            or (end - start == 1 and _name_before_first_name(toks, start, f.j)):
        return False  # "Кремля Зелкан Зелкин": the organisation before a person, not a first name of theirs
    start = person_start(doc, start, f.j)
    if start >= end:  # only a role before the name (Landesvater Jürgen Rüttgers)
        return False
    doc.release(idx)
    return doc.claim(Found(start, f.j, "PER", f.confidence, f.layer, _lemma(doc, start, end) + toks[end].sep_text
                           + (f.lemma or doc.surface(end, f.j)), f.kb_id))


def _taken_in(doc: _Doc, owner: int | None, start: int) -> int:
    """Where a name starting at piece ``start`` starts once the finding ``owner`` right before it (a place, a
    country, a listed organisation) is made part of it and withdrawn; ``start`` when there is none."""
    if owner is None:
        return start
    doc.release(owner)
    return doc.found[owner].i


def _country_before(doc: _Doc, start: int) -> int | None:
    """The finding of a country written in its base form right before piece ``start`` (same sentence), or None."""
    idx = _place_before(doc, start)
    return idx if idx is not None and (doc.found[idx].kb_id or "").startswith("iso:") else None


def _listed_org_before(doc: _Doc, start: int) -> int | None:
    """The finding of a knowledge-base organisation written in its base form right before piece ``start`` (same
    sentence), or None."""
    idx = _finding_before(doc, start)
    if idx is None:
        return None
    f = doc.found[idx]
    pieces = PIECE_RE.findall(f.lemma or "")
    ok = f.type == "ORG" and f.kb_id and f.layer == "gazetteer" and pieces
    return idx if ok and doc.toks[start - 1].key == fold(pieces[-1]) else None


def _place_after(doc: _Doc, end: int) -> int | None:
    """The finding of a one-piece place written in its base form at piece ``end`` (same sentence) that ends a name
    there (no capitalised word after it), or None. Where a body's name puts its place after the head word in the
    genitive or as an adjective (:data:`PLACE_AFTER_HEAD`: Polish *Politechnika Gdańska*), any form does."""
    toks = doc.toks
    if end >= len(toks) or doc.owner[end] < 0 or toks[end].sep != "space" or toks[end].sent_start:
        return None
    idx = doc.owner[end]
    f = doc.found[idx]
    if f.i != end or f.j != end + 1 or f.type != "LOC" or not f.kb_id or (
            toks[end].key != fold(f.lemma or "") and toks[end].lang not in PLACE_AFTER_HEAD):
        return None
    return None if _name_goes_on(toks, f.j) else idx


def _name_goes_on(toks: list[Tok], k: int) -> bool:
    """Whether piece ``k`` is a capitalised word of the same sentence after a space: a name before it runs on."""
    return k < len(toks) and toks[k].cap and toks[k].cased and toks[k].sep == "space" and not toks[k].sent_start


def _finding_before(doc: _Doc, start: int) -> int | None:
    """The finding that ends right before piece ``start``, a space apart in the same sentence, or None."""
    k = start - 1
    if k < 0 or doc.owner[k] < 0 or doc.toks[start].sep != "space" or doc.toks[start].sent_start:
        return None
    idx = doc.owner[k]
    return idx if doc.found[idx].j == start else None


def _numbered(toks: list[Tok], start: int) -> bool:
    """Whether an ordinal written as digits and a period stands right before piece ``start`` in its sentence, as
    courts and other numbered bodies are named (Turkish *Ankara 5. Ağır Ceza Mahkemesi*, German *3. Strafkammer*)."""
    k = start - 1
    return k > 0 and toks[k].key.isdigit() and len(toks[k].key) <= ORDINAL_MAX_DIGITS \
        and toks[start].sep_text.strip() == "." and not toks[start].sent_start and toks[k].sep == "space"


def _place_before(doc: _Doc, start: int) -> int | None:
    """The finding of a place written in its base form (its last piece as the name's: *Orta Doğu*, not an
    inflected *Orta Doğu'da*) right before piece ``start`` (same sentence)."""
    idx = _finding_before(doc, start)
    if idx is None:
        return None
    f = doc.found[idx]
    pieces = PIECE_RE.findall(f.lemma or "")
    if f.type != "LOC" or not f.kb_id or not pieces:
        return None
    return idx if doc.toks[start - 1].key == fold(pieces[-1]) else None


def _common_word_town_before(doc: _Doc, start: int) -> int:
    """Where a name that a head word ends starts, taking in a town's name right before it that is a frequent word of
    the language (Polish *Krajowa*, "national", is also Craiova's Polish name: *Krajowa Rada Izb Rolniczych*)."""
    toks = doc.toks
    k = start - 1
    if k < 0 or doc.owner[k] < 0 or toks[start].sep != "space" or toks[start].sent_start or not toks[k].cap:
        return start
    f = doc.found[doc.owner[k]]
    if f.i != k or f.j != start or f.type != "LOC" or not (f.kb_id or "").startswith("geonames:") \
            or frequency.zipf(toks[k].key, toks[k].lang) < COMMON_ZIPF:
        return start
    doc.release(doc.owner[k])
    return k


def _adjectives_before(doc: _Doc, start: int, lang: str) -> int:
    """Where a name that a head word ends starts, taking in up to two capitalised words before it that are function
    words or language names (*Büyük Millet Meclisi*, *Kazak Milli Üniversitesi*, *Kıbrıs Türk Cumhuriyeti*); the
    language names' own findings are withdrawn."""
    toks = doc.toks
    for _ in range(2):
        k = start - 1
        if k < 0 or not toks[k].cap or toks[start].sep != "space" or toks[start].sent_start or toks[k].upper:
            break
        lang_name = doc.owner[k] >= 0 and doc.found[doc.owner[k]].type == "MISC" and not doc.found[
            doc.owner[k]].emit and doc.found[doc.owner[k]].i == k and doc.found[doc.owner[k]].j == k + 1
        if not (lang_name or (doc.owner[k] < 0 and _is_stop(toks[k]))) or (
                toks[k].sent_start and frequency.zipf(toks[k].key, lang) >= FUNCTION_WORD_ZIPF):
            break  # an article opening the sentence is no part of the name (*La Banque Française*)
        if lang_name:
            doc.release(doc.owner[k])
        start = k
    return start


def _join_country(doc: _Doc, start: int, end: int, keep_id: bool = True) -> bool:
    """``Kazakistan Cumhuriyeti``, ``Республика Казахстан``: a state word beside a country joins its mention, and
    keeps its id unless ``keep_id`` is false (a people's name between makes another state: *Kıbrıs Türk
    Cumhuriyeti*); a place word after a town, or after a place no list names (*Kuzey Kıbrıs*), makes a new place
    with it (``İstanbul Havalimanı``), and so does one after an organisation where the place word follows what it
    names (Turkish *Kızılay Meydanı*, the square named for the Red Crescent)."""
    toks = doc.toks
    for k, head_first in ((start - 1, False), (end, True)):
        if not 0 <= k < len(toks) or doc.owner[k] < 0:
            continue
        f = doc.found[doc.owner[k]]
        joint = toks[start] if not head_first else toks[k]
        named_for = f.type == "ORG" and not head_first and toks[end - 1].lang in TITLE_AFTER_WHAT_IT_HEADS
        if (f.type != "LOC" and not named_for) or joint.sep != "space" or end - start > 2:
            continue
        country = (f.kb_id or "").startswith("iso:")
        if not country and not named_for and (head_first or not (not f.kb_id or f.kb_id.startswith("geonames:"))):
            continue
        if (not head_first and f.j != start) or (head_first and f.i != end):
            continue
        idx = doc.owner[k]
        doc.release(idx)
        i, j = (f.i, end) if not head_first else (start, f.j)
        # "İstanbul Havalimanı" is a place of its own, not the city: only a state word keeps the country's id
        return doc.claim(Found(i, j, "LOC", f.confidence, f.layer, doc.surface(i, j),
                               f.kb_id if country and keep_id else None))
    return False


#: Scripts with capital letters: the capitalisation layer's only ones.
CASED_SCRIPTS = frozenset({"Latn", "Cyrl", "Grek", "Armn"})


@lru_cache(maxsize=1024)
def _judging_lang(lang: str, script: str) -> str:
    """The language whose word frequencies tell a capitalised word's commonness: its own, except in a language
    written only in caseless scripts, where a Latin phrase is a gloss in another language (``( Food Streets )``
    or ``( Body Frame )`` in Urdu) and is judged as the script's most likely language (English)."""
    code = UNICODE_SCRIPT_CODES.get(script)
    scripts = lang_scripts(lang)
    if code not in CASED_SCRIPTS or not scripts or scripts & CASED_SCRIPTS:
        return lang
    return script_default_lang(code) or UND_LANG


#: CLDR's likeliest language of all (``und`` -> ``en_Latn_US``), and so of the Latin script, which its table
#: therefore leaves out of the ``und_Latn`` entries.
UND_LANG = "en"


def _word_lang(tok: Tok) -> str:
    return _judging_lang(tok.lang, script_of(tok.text))


def _person_like(doc: _Doc, start: int, end: int, loose: bool = False) -> bool:
    """Whether a capitalised run reads as a person's name: rare words, at most one moderately common one.

    ``loose`` when other evidence says the run is a name (an apostrophe suffix): then only function words
    (Zipf >= ``FUNCTION_WORD_ZIPF``) rule it out, since famous people's names are frequent words (Kemal 5.3).
    """
    toks = doc.toks
    lang = _word_lang(toks[start])
    freqs = [frequency.zipf(toks[k].key, lang) for k in range(start, end)
             if not _is_particle(toks, k, True) and not _elided_prefix(toks, k + 1)  # the O of O'Leary
             and not _is_initial(toks, k)]
    if not freqs:
        return False
    loose = loose or any(_is_initial(toks, k) for k in range(start, end - 1))
    if any(any(ch.isdigit() for ch in toks[k].key) for k in range(start, end)):
        return False
    if loose:
        return max(freqs) < FUNCTION_WORD_ZIPF and not any(_is_stop(toks[k]) for k in range(start, end))
    return max(freqs) < 5.0 and freqs[-1] < 4.5 and sum(f >= 4.0 for f in freqs) <= 1


def listed_given_name(tok: Tok) -> bool:
    """The word, or a base form it inflects from, is a listed given name (:mod:`newsweave.kb.person_names`)."""
    names = given_names()
    return any(listed(form, names) for form in bases(tok))


def own_given_name(tok: Tok, lang: str) -> bool:
    """The word, or a base form it inflects from, is a given name of the language's own people in the curated list
    (:func:`newsweave.kb.person_names.own_given_names`): Turkish *Ahmet* is as frequent (Zipf 5.4) as a common word
    that some list holds as a name (Czech *Sama* "herself", 5.3), but no ordinary word is curated."""
    names = own_given_names(_base_lang(lang))
    return any(listed(form, names) for form in bases(tok))


def listed_surname(tok: Tok) -> bool:
    """The word, or a base form it inflects from, is a listed surname."""
    names = surnames()
    return any(listed(form, names) for form in bases(tok))


def _surname_like(tok: Tok) -> bool:
    """The word, or a base form it inflects from, ends as most of its language's surnames do
    (:data:`SURNAME_LIKE_ENDINGS`: Polish *Zelkińskiego*)."""
    return _ends_as(tok, SURNAME_LIKE_ENDINGS.get(_base_lang(tok.lang), ()))


def _ends_as(tok: Tok, endings: tuple[str, ...]) -> bool:
    """Whether the word, or a base form it inflects from, has one of ``endings``."""
    return bool(endings) and any(form.endswith(endings) for form in bases(tok))


def lone_surname(tok: Tok) -> bool:
    """Whether a capitalised word is shaped as a surname where no other word of its language is: Kazakh
    *Зелкинов* (:data:`SURNAME_LIKE_ENDINGS`), Turkish *Zelkanoğlu* (:data:`SURNAME_ENDINGS`), Turkish or English
    *Zelkinov*, *Zelmorenko* (:data:`LATIN_SURNAME_ENDINGS`). Slavic languages write adjectives so, and capitalise
    those that open a name (Czech *Pákistánská*, Polish *Polska*), so there only the endings no adjective has count
    (:data:`NOUN_SURNAME_ENDINGS`: Polish *Tarnicza*, Ukrainian *Зелкенка*)."""
    lang = _base_lang(tok.lang)
    if lang in FIRST_WORD_CAPITALISED or lang == "pl":
        return _ends_as(tok, NOUN_SURNAME_ENDINGS.get(lang, ()))
    return _ends_as(tok, SURNAME_ENDINGS.get(lang, ()) + SURNAME_LIKE_ENDINGS.get(lang, ()) + (
        LATIN_SURNAME_ENDINGS if script_of(tok.key) == "LATIN" else ()))


def _listed_person(toks: list[Tok], start: int, end: int, lang: str) -> bool:
    """A run that opens with a listed given name (or an inflection of one) and ends with a listed surname: a person,
    however frequent its words are in the language of its people (*Ahmet Yılmaz*, *Mehmet Demir*;
    :mod:`newsweave.kb.person_names`). A given name that is no common word (below :data:`COMMON_RUN_ZIPF`) may
    also end with any word that is none. A common word's listing as a name elsewhere does not make it one (Czech
    *Sama Bibiová* is "Bibi herself", Turkish *Ortak Bildiride* "in the joint statement"); a given name as common as
    English *Chris* (Zipf 4.8; not Czech *Sama*, 5.3), or one of the language's own however frequent
    (:func:`own_given_name`: Turkish *Ahmet*, 5.4), may end with a word rarer than any first name (*Chris Zelmorra*,
    *Ahmet Zelkan*); one as common as *Chris* also with one shaped as its language's surnames are
    (:func:`_surname_like`: Polish *Jarosław Zelkiński*); words as frequent as function words are never part of a
    name (*May Day*)."""
    if end - start < 2 or any((_is_stop(toks[k]) or frequency.zipf(toks[k].key, lang) >= FUNCTION_WORD_ZIPF)
                              and not _is_particle(toks, k, True) for k in range(start, end)):
        return False  # a particle may be a function word of the language (Portuguese *da Silva*)
    first, last = toks[start], toks[end - 1]
    if not listed_given_name(first):
        return False
    first_zipf, last_zipf = frequency.zipf(first.key, lang), frequency.zipf(last.key, lang)
    if listed_surname(last) or (_surname_like(last) and first_zipf < GIVEN_NAME_ZIPF[1]):
        return True
    return (first_zipf < COMMON_RUN_ZIPF and last_zipf < COMMON_RUN_ZIPF) or (last_zipf < GIVEN_NAME_ZIPF[0] and (
        first_zipf < GIVEN_NAME_ZIPF[1] or own_given_name(first, lang)))


def _dateline_layer(doc: _Doc, gaz: Gazetteer) -> None:
    """A dateline (:func:`_dateline`) is a place, read before the layers that would take its capitals for an
    acronym or its word for a common one (*BOSTON —*, *YORK, England —*, *HORGOS, Kazakhstan —*), linked where the
    gazetteer names a place so; one the gazetteer read already stays."""
    toks = doc.toks
    for i, tok in enumerate(toks):
        if not tok.upper or not (i == 0 or "\n" in tok.sep_text):
            continue
        end = i + 1
        while end < len(toks) and toks[end].upper and toks[end].sep in ("space", "hyphen"):
            end += 1
        if not doc.free(i, end) or not _dateline(doc, i, end):
            continue
        entry = gaz.lookup(tuple(t.key for t in toks[i:end]))
        place = entry is not None and entry.type == "LOC"
        doc.claim(Found(i, end, "LOC", 0.5, "gazetteer" if place else "capitalisation", _lemma(doc, i, end),
                        entry.kb_id if place else None))


def _dateline(doc: _Doc, start: int, end: int) -> bool:
    """A dateline: words in capitals opening a line and followed by a comma, a dash or a bracket (``ERSTFELD,
    Wednesday —``, ``GENEVA (Reuters) -``) name the place the story was filed from, not an acronym."""
    toks = doc.toks
    if not all(toks[k].upper for k in range(start, end)) or not (start == 0 or "\n" in toks[start].sep_text):
        return False
    return doc.text[toks[end - 1].end:toks[end - 1].end + 3].lstrip(" ")[:1] in (",", "—", "–", "-", "(")


#: Lower-case words (an adjective: Polish *tunel bazowy*) that may stand between a kind of place and its name.
PLACE_WORD_MAX_GAP = 1


def _after_place_word(doc: _Doc, start: int) -> bool:
    """Whether a capitalised run follows a lower-case word for a kind of place, at most ``PLACE_WORD_MAX_GAP``
    other lower-case words between (:data:`PLACE_WORDS_BEFORE`: Polish *tunel bazowy Zelmorry*, Russian
    *река Нева*): the run is that place's name, though its words read as a person's."""
    toks = doc.toks
    words = PLACE_WORDS_BEFORE.get(toks[start].lang)
    if not words or toks[start].sent_start:
        return False
    for k in range(start - 1, max(-1, start - 2 - PLACE_WORD_MAX_GAP), -1):
        tok = toks[k]
        if not tok.cased or tok.cap or doc.owner[k] >= 0 or toks[k + 1].sep != "space" or _is_stop(tok):
            return False
        if _word_match(tok.key, tok.lang, words, 3):
            return True
    return False


def _before_place_word(doc: _Doc, end: int, possessed: bool = False) -> bool:
    """Whether a capitalised run ending before piece ``end`` is followed by a lower-case word for a kind of place
    in a language that puts it after the name (:data:`PLACE_WORDS_AFTER`: Turkish *Zelmorra ilçesinde*): the run
    is that place's name. ``possessed``: only with a possessive ending on the word (:data:`POSSESSIVE_OPENINGS`:
    *ilçe|sinde*, *туман|ида*), which makes the place the name's; bare (*şəhər|də*, "in the city") it is a place of
    its own, and the run before it may be anything."""
    toks = doc.toks
    if end >= len(toks) or toks[end].sep != "space" or not toks[end].cased or toks[end].cap or doc.owner[end] >= 0:
        return False
    key = toks[end].key
    return any(key.startswith(word) and (not possessed or key == word
                                         or key[len(word):].startswith(POSSESSIVE_OPENINGS))
               for word in PLACE_WORDS_AFTER.get(_base_lang(toks[end].lang), ()))


def _classify_run(doc: _Doc, start: int, end: int) -> None:
    toks = doc.toks
    lang = _word_lang(toks[start])
    j = _with_apostrophe_suffix(toks, end)
    if all(toks[k].upper and frequency.zipf(toks[k].key, lang) >= SHOUTED_WORD_ZIPF for k in range(start, end)):
        return  # a word in capitals that the language uses (a site's "SPECIAL PROJECT" banner), no acronym
    adjective = start > 0 and doc.owner[start - 1] >= 0 and toks[start].sep == "space" \
        and not toks[start].sent_start and not any(listed_given_name(toks[k]) for k in range(start, end))
    if adjective and toks[start - 1].key in COUNTRY_NAMED_ADJECTIVES.get(lang, ()):
        doc.release(doc.owner[start - 1])  # "Polska Akcja Humanitarna": the country's adjective opens a body's name
        doc.claim(Found(start - 1, j, "ORG", 0.55, "capitalisation", _lemma(doc, start - 1, end)))
        return
    if adjective and toks[start - 1].key.endswith(REGION_ADJECTIVE_ENDINGS.get(lang, ("-",))) \
            and doc.found[doc.owner[start - 1]].type == "LOC" and doc.found[doc.owner[start - 1]].i == start - 1 \
            and any(_is_org_head(toks[k]) for k in range(start, end)):
        doc.release(doc.owner[start - 1])  # "Pomorskiego Uniwersytetu Medycznego": a region's adjective opens it
        start -= 1
    place_last = lang in HEAD_LAST_LANGS and _is_loc_head(toks[end - 1]) and not _is_org_head(toks[end - 1])
    if (any(_is_org_head(toks[k]) for k in range(start, end)) and not place_last) or toks[end - 1].upper:
        place = _place_before(doc, start - 1 if _numbered(toks, start) else start)
        if place is not None and end - start <= PLACE_NAMED_ORG_WORDS and _bare_head(toks[end - 1]):
            # "Asia News", "Geneva Forum", "Ankara Büyükşehir Belediyesi": a place in its base form names the
            # organisation its head word ends, also with the body's number between (Ankara 5. Ağır Ceza Mahkemesi)
            doc.release(place)
            first = doc.found[place].i
            if lang in PARENT_FIRST_LANGS:  # "Dünya Sağlık Örgütü Avrupa Bölge Ofisi": the listed body it is part of
                first = _taken_in(doc, _listed_org_before(doc, first), first)
            doc.claim(Found(first, j, "ORG", 0.55, "capitalisation", _lemma(doc, first, end)))
            return
        place = _place_after(doc, end) if end - start == 1 and _bare_head(toks[start]) else None
        if place is not None:
            doc.release(place)  # "Air India", "Air Canada": the head word and the place in its base form after it
            doc.claim(Found(start, doc.found[place].j, "ORG", 0.55, "capitalisation",
                            _lemma(doc, start, doc.found[place].j)))
            return
        titled = lang in HEAD_LAST_LANGS and not toks[start].sent_start and end < len(toks) \
            and toks[end].sep == "space" and _is_title(toks, end)  # "Commission spokeswoman Zelmorra Kiprotich"
        if end - start == 1 and _listed_org_before(doc, start) is None and not titled and (
                _bare_head(toks[start]) or (toks[start].sent_start and lang not in NOUN_CAPITALISING)):
            return  # "Forumu" (its forum), "Związkowcy" (unionists) opening a sentence; "Außenministerium" still is,
            # and so is "Avrupa Birliği Komisyonu" (the listed union's commission)
        start = _listed_before_and(doc, _adjectives_before(doc, _common_word_town_before(doc, start), lang), end)
        owner = _country_before(doc, start)
        # "Türkiye Büyük Millet Meclisi", "Birleşmiş Milletler Güvenlik Konseyi": the country or listed organisation
        # written before is part of the body's name
        start = _taken_in(doc, owner if owner is not None else _listed_org_before(
            doc, start - 1 if _numbered(toks, start) else start), start)  # *Yargıtay 3. Ceza Dairesi*
        if lang in CAPITALISED_INSTITUTION_TOWN and j == end and not toks[end - 1].upper:
            j = end = _place_of_institution(doc, _genitive_and(doc, start, end))
            # *Ministerstwo Nauki i Szkolnictwa Wyższego*; *Sąd Okręgowy w Warszawie*: the town it serves ends it
        if start + 1 < end and _common_first_word(toks[start]) and _town_read_at(doc, start + 1):
            start += 1  # "Hasta Uşak Eğitim ve Araştırma Hastanesi'ne …" ("the patient …"): the town opens the name
        doc.claim(Found(start, j, "ORG", 0.55, "capitalisation", _lemma(doc, start, end)))
        return
    if _has_head(toks[end - 1], _event_heads(lang)) and not toks[end - 1].upper:
        start = _taken_in(doc, _place_before(doc, start), start)  # "Zelmorra Marathon": the place names the event
        if end - start >= 2:
            doc.claim(Found(start, j, "EVT", 0.55, "capitalisation", _lemma(doc, start, end)))
        return
    loc_head = any(_is_loc_head(toks[k]) for k in range(start, end))
    if not loc_head and _before_place_word(doc, j):
        doc.claim(Found(start, j, "LOC", 0.55, "capitalisation", _lemma(doc, start, end)))
        return  # a place's own name before the word for its kind, no state word beside a country
    if loc_head or (_after_place_word(doc, start) and not _listed_person(toks, start, end, lang)):
        # a person after a word for a kind of place holds its office (*marszałek województwa Zelkan Zelkowski*)
        named = _adjectives_before(doc, start, lang)
        if not _join_country(doc, named, j, keep_id=named == start):
            doc.claim(Found(named, j, "LOC", 0.55, "capitalisation", _lemma(doc, named, end)))
        return
    if _listed_person(toks, start, end, lang):
        start = person_start(doc, start, end)
        doc.claim(Found(start, j, "PER", 0.55, "capitalisation", _lemma(doc, start, end)))
        return
    if lang in NOUN_CAPITALISING and (end - start < 2 or any(frequency.zipf(toks[k].key, lang) >= 3.0
                                                               for k in range(start, end))):
        return
    if end - start >= 2 and all(frequency.zipf(toks[k].key, lang) >= COMMON_RUN_ZIPF for k in range(start, end)):
        return  # title-case common words (Basın Yayın "press", Ortak Eylem): no name without a head word
    if _heads_title_after(toks, j) and not _company_casing(toks[start].text):
        return  # what an office's title after it heads (*Xarici İşlər naziri*, *Ташқи ишлар вазири*): no name
    if end - start >= 2:
        # a case suffix after an apostrophe is only written on proper names (Turkish ``Kılıçdaroğlu'nu``)
        adjectival = _adjective_phrase(toks, start, end)
        person = not adjectival and _person_like(doc, start, end, loose=j > end or lone_surname(toks[end - 1]))
        if person:
            start = person_start(doc, start, end)
        # an adjective's name after a word for "in", "on", "at" is a place's (*na Krakowskim Przedmieściu*)
        placed = adjectival and start > 0 and toks[start - 1].key in PLACE_PREPOSITIONS.get(lang, ())
        kind = "PER" if person else "LOC" if placed else "MISC"
        doc.claim(Found(start, j, kind, 0.4 if kind == "MISC" else 0.55, "capitalisation", _lemma(doc, start, end)))
    else:
        word = toks[start]
        rare, surname = frequency.zipf(word.key, lang) < COMMON_ZIPF, lone_surname(word)
        # a rare word shaped as a surname where the language has no such words names a person also opening a
        # sentence (Turkish *Zelkinov, dün ...*)
        if not (_apostrophe_marks_name(toks, start, end) or (lang not in NOUN_CAPITALISING and (
                (not word.sent_start and (
                    rare or (lang not in TITLE_CASING and frequency.abroad(word.key, lang) >= ABROAD_NAME)))
                or (rare and surname)))):
            return
        handle = doc.text[word.start - 1:word.start] in HANDLE_MARKS
        camel = _company_casing(word.text) and not handle
        in_place = j > end and toks[end].key in PLACE_CASE_ENDINGS.get(_base_lang(toks[end].lang), ())
        # "Kairat coach Zelkan Zelkov", "Zelmorra spokesman …": in English the word before a title is the body the
        # titled one serves
        affiliation = lang in HEAD_LAST_LANGS and not surname and end < len(toks) and toks[end].sep == "space" \
            and _is_title(toks, end) and not toks[end].cap
        kind = "ORG" if camel or affiliation else "PER" if surname and not in_place else "MISC"
        doc.claim(Found(start, _with_apostrophe_suffix(toks, end), kind, 0.35 if kind == "MISC" else 0.4,
                        "capitalisation", _lemma(doc, start, end)))


def _genitive_and(doc: _Doc, start: int, end: int) -> int:
    """End of a capitalised body's name of a head word and genitives (pieces ``start:end``) that runs on over "and"
    and the next genitives (:data:`INSTITUTION_AND`: Polish *Ministerstwo Funduszy i Polityki Regionalnej*): free
    capitalised words, no head word among them (*Sąd Najwyższy i Trybunał Konstytucyjny* are two bodies), no
    acronym, name of a person or sentence's first word."""
    toks = doc.toks
    if end - start < 2 or end + 1 >= len(toks) or toks[end].key not in INSTITUTION_AND.get(toks[end].lang, ()) \
            or not _is_org_head(toks[start]):
        return end
    m = end + 1
    while m < len(toks) and m - end <= 3 and doc.owner[m] < 0 and toks[m].sep == "space" and toks[m].cap \
            and toks[m].cased and not toks[m].upper and not toks[m].sent_start and not _is_org_head(toks[m]) \
            and not listed_given_name(toks[m]) and not listed_surname(toks[m]) \
            and not (_surname_like(toks[m]) and not _adjective_case(toks[m])):
        m += 1  # no person's name after "and" (*Ministerstwa Zdrowia i Kowalski*); an adjective in a case is none
    return m if m > end + 1 else end


def _adjective_phrase(toks: list[Tok], start: int, end: int) -> bool:
    """Whether a run opening with no listed given name has a word in a case only adjectives take (Polish
    *Długiego Targu*, *Kotlinie Kłodzkiej*, *Krakowskie Przedmieście*; :data:`PLACE_ADJECTIVE_ENDINGS`): a place's
    or thing's name, no person's, whose given name would come first."""
    endings = PLACE_ADJECTIVE_ENDINGS.get(_base_lang(toks[start].lang), ())
    return bool(endings) and not listed_given_name(toks[start]) \
        and any(toks[k].key.endswith(endings) for k in range(start, end))


def _heads_title_after(toks: list[Tok], j: int) -> bool:
    """Whether a lower-case title follows piece ``j`` in a language that writes it after what it heads
    (:data:`TITLE_AFTER_WHAT_IT_HEADS`: *Xarici İşlər naziri*), so that the run before it is no name; where only the
    name's first word is capitalised (:data:`PHRASE_FINAL_CASE`: Uzbek *Ташқи ишлар вазири*, "foreign affairs
    minister"), one lower-case word that is no function word may stand between."""
    for k in (j, j + 1):
        if k >= len(toks) or _base_lang(toks[k].lang) not in TITLE_AFTER_WHAT_IT_HEADS or toks[k].sep != "space" \
                or toks[k].sent_start or not toks[k].cased or toks[k].cap:
            return False
        if _is_title(toks, k) > 0:
            return True
        if _base_lang(toks[k].lang) not in PHRASE_FINAL_CASE or _is_stop(toks[k]):
            return False
    return False


def _apostrophe_marks_name(toks: list[Tok], start: int, end: int) -> bool:
    """Whether a run is a name by its last word's case ending after an apostrophe, in a language that writes one only
    on names (:data:`APOSTROPHE_REQUIRED`), however frequent its words, also opening a sentence: one word unless as
    frequent as a function word (Turkish *Bozkurt'un*, Zipf 4.2), or a listed given name and that word
    (*Kemal Bozkurt'un*)."""
    last = toks[end - 1]
    if _base_lang(last.lang) not in APOSTROPHE_REQUIRED or _with_apostrophe_suffix(toks, end) == end \
            or frequency.zipf(last.key, _word_lang(last)) >= FUNCTION_WORD_ZIPF:
        return False
    return end - start == 1 or (end - start == 2 and listed_given_name(toks[start]))


def _company_casing(word: str) -> bool:
    """Whether a capitalised word has a capital inside after two small letters or more (*EasyJet*,
    *KazMunajGazem*, *ФедералПресс*): companies, agencies and sites write their names so, people
    (:data:`SURNAME_PREFIXES`) and places seldom do; abbreviations with one small letter (*AoA*) name anything.
    Stricter than :func:`newsweave.kb.gazetteer.camel_case` (any capital after a small letter), which tells how
    an acronym is written (*PiS*), not whether a word is a company's."""
    inner = next((k for k in range(3, len(word)) if word[k].isupper() and word[k - 1].islower()
                  and word[k - 2].islower()), None)
    return inner is not None and word[0].isupper() and word[:inner].casefold() not in SURNAME_PREFIXES


# ---------------------------------------------------------------- the stage


class EntityStage:
    """Pipeline stage ``entities``: fills ``Article.mentions`` with the names the layers find."""

    name = "entities"
    requires = ("text", "lang", "segments")
    assigns = ("mentions",)

    def __init__(self, kb_file: Path | None = None, use_natasha: bool = True, use_tagger: bool = True) -> None:
        self.gazetteer = load_gazetteer()
        path = kb_file or userkb.kb_path()
        self.user_kb: Gazetteer | None = None
        if path.exists():
            try:
                self.user_kb = userkb.kb_gazetteer(userkb.load(path).values())
            except (OSError, UnicodeDecodeError) as exc:
                log.warning("user KB %s not read: %s", path, exc)
        self._cjk: dict[str, dict[str, GazEntry]] = {}
        self.use_natasha = use_natasha
        if use_natasha:
            _natasha_models()  # ~2 s: loaded with the other models, not inside the first Russian article
        self.tagger = _load_tagger(self.gazetteer) if use_tagger else None

    def __call__(self, article: Article) -> Article:
        try:
            article.mentions = self.recognise(article.text, article.lang,
                                              [(s.start, s.end, s.lang) for s in article.segments
                                               if s.lang and s.lang != "und"])
        except (ValueError, IndexError, KeyError, RecursionError) as exc:
            log.warning("%s: entity recognition failed (%s); no mentions", article.id, exc)
            article.mentions = []
            article.meta.setdefault("errors", []).append(f"entities: {type(exc).__name__}: {exc}")
        return article

    def recognise(self, text: str, lang: str | None, spans: list[tuple[int, int, str]] | None = None
                  ) -> list[Mention]:
        """All mentions in ``text`` (language ``lang``, per-segment languages in ``spans``), in text order."""
        spans = spans or []
        doc = _Doc(text, lang, spans)
        _TOKEN_MEMO.put((text, lang, tuple(spans)), doc.toks)
        self.run_layers(doc)
        return to_mentions(doc)

    def run_layers(self, doc: _Doc, until: str | None = None) -> None:
        """Run every layer over a tokenised document, in order of trust (stopping before ``until``)."""
        if self.user_kb is not None:
            _gazetteer_layer(doc, self.user_kb, "kb", 0.95)
        _post_author_layer(doc, self.gazetteer)
        _gazetteer_layer(doc, self.gazetteer, "gazetteer", 0.9)
        _dateline_layer(doc, self.gazetteer)
        if any(t.cjk or (t.key and not t.cased and _is_hangul(t.key)) for t in doc.toks):
            for layer, gaz in (("kb", self.user_kb), ("gazetteer", self.gazetteer)):
                if gaz is not None:
                    if layer not in self._cjk:
                        self._cjk[layer] = cjk_names(gaz)
                    _cjk_layer(doc, self._cjk[layer], layer, 0.95 if layer == "kb" else 0.85)
        _seat_after_name_layer(doc, self.gazetteer, SEAT_AFTER_NAME_LANGS - NOUN_CAPITALISING)
        _release_place_pairs(doc, self.gazetteer)
        _concept_acronym_layer(doc)
        _region_adjective_layer(doc)
        _storm_layer(doc)
        _street_layer(doc)
        _org_layer(doc)
        _demonym_layer(doc, self.gazetteer)
        _title_layer(doc)
        _honorific_layer(doc)
        _described_org_layer(doc)
        _lowercase_head_layer(doc)
        _reporting_layer(doc)
        _one_sense_per_text(doc)
        if until == "tagger":
            return
        if self.use_natasha:
            _natasha_layer(doc)
        if self.tagger is not None:
            self.tagger.tag(doc)
        _caseless_company_layer(doc)
        _place_list_layer(doc)
        _place_ending_person(doc, self.gazetteer)
        _listed_people(doc)
        _institution_layer(doc, self.gazetteer)
        _place_body_layer(doc, self.gazetteer)
        _named_after_layer(doc)
        _caseless_place_head_layer(doc)
        _caseless_place_body_layer(doc)
        _derived_place_layer(doc, self.gazetteer)
        _town_adjective_place_layer(doc, self.gazetteer)
        # German's tagger decides its sentences and would withdraw the pair with its town: it is read after it
        _seat_after_name_layer(doc, self.gazetteer, SEAT_AFTER_NAME_LANGS & NOUN_CAPITALISING)
        _product_layer(doc)
        _name_ending_layer(doc)
        _possessive_name_layer(doc)
        known = KnownNames()
        for name in known_from(doc.found, doc):
            known.add(name)
        _propagation_layer(doc, known)
        _quoted_org_layer(doc)
        _capitalised_layer(doc)
        for name in known_from(doc.found, doc):
            known.add(name)
        _propagation_layer(doc, known)
        if self.tagger is not None:
            self.tagger.guess_types(doc)  # what propagation left untyped
        _type_untyped_names(doc)
        _quoted_name_layer(doc)
        _named_for_layer(doc)
        _surnames_of_people(doc)
        _repeated_names(doc)
        _first_names_as_places(doc)
        _roman_numeral_layer(doc)
        _acronym_layer(doc)
        _campus_layer(doc)
        _place_acronym_layer(doc)
        _institution_of_country(doc)
        _coordinated_names(doc)
        _coordinated_people(doc)
        _listed_between_people(doc)
        _legal_form_layer(doc)
        _company_without_form(doc)
        _numbered_club_layer(doc)
        _surname_initial_layer(doc)
        _news_site_layer(doc)


#: Words a post author's display name may have to be read as a person's (*Marta Velasco-Ruiz*, *Sarah Al-Rashid*).
POST_AUTHOR_WORDS = (2, 3)
#: A last word at least this frequent in English (Zipf) makes a post author's name an outlet's, not a person's
#: (*Sky News*, *Financial Times*, *The Guardian*, *War Monitor*); a few persons (*John Smith*) are left to the
#: other layers too.
POST_AUTHOR_MAX_SURNAME_ZIPF = 4.0
#: A word of a person's name: capital first, then letters, marks, apostrophes and hyphens with some lower case
#: (*Velasco-Ruiz*, *O’Neil*, *al-Rashid* after a capital), or an initial (*J.*); not an acronym (*BBC*).
_PERSON_WORD = regex.compile(r"\p{Lu}(?=[\p{L}\p{M}'’-]*\p{Ll})[\p{L}\p{M}'’-]*|\p{Lu}\.")


def _gaz_type(gaz: Gazetteer, key: str) -> str | None:
    entry = gaz.lookup((key,))
    return entry.type if entry is not None else None


def _post_author_layer(doc: _Doc, gaz: Gazetteer) -> None:
    """The author of an embedded post, named on its byline (``— Marta Velasco-Ruiz (@MVelascoR7) March 3, 2023``):
    a person when the display name is shaped as one (two or three words, each capital-first, no organisation
    head word; in a caseless script any two or three words). The ``@handle`` beside it is claimed without a
    mention: it names the account, and other layers would take *MVelascoR7* for a name of its own.

    The byline says outright that the words are an account's name, where the rule layers see only a capitalised
    run in a foreign passage (they found *Velasco-Ruiz* alone, and *Marta* as a place); the quote stage gives
    the post's words to the author, so the person found here is the quote's speaker. Names shaped otherwise
    (*NewsDeskTv📺*, *BBC News*) are left to the other layers: an account of one word is as often an outlet, and so
    is one whose words are common English words, grammar words or organisations' names, or whose whole name the
    gazetteer knows (*Sky News*, *Kyiv Independent*, *Al Jazeera*)."""
    if "(@" not in doc.text:
        return
    starts = [t.start for t in doc.toks]
    for post in attributions(doc.text):
        author, handle = post.meta.get("author"), post.meta.get("handle")
        line_start, line_end = post.attribution
        at = doc.text.find(author, line_start, line_end) if author else -1
        if at < 0:
            continue
        words = author.split()
        cased = any(is_cased(w) for w in words)
        if len(words) not in POST_AUTHOR_WORDS or (cased and not all(_PERSON_WORD.fullmatch(w) for w in words)):
            continue
        i = bisect.bisect_left(starts, at)
        j = bisect.bisect_left(starts, at + len(author))
        if i >= j or doc.toks[j - 1].end > at + len(author):
            continue
        span = doc.toks[i:j]
        known = gaz.lookup(tuple(t.key for t in span))
        if (known is not None or any(_is_org_head(t) or _is_stop(t) or _gaz_type(gaz, t.key) == "ORG" for t in span)
                or (cased and frequency.zipf(span[-1].key, "en") >= POST_AUTHOR_MAX_SURNAME_ZIPF)):
            continue
        if not doc.claim(Found(i, j, "PER", 0.9, "post", author)):
            continue
        h = bisect.bisect_left(starts, doc.text.find(handle, at + len(author), line_end))
        if h < len(doc.toks) and doc.toks[h].text == handle:  # the account, not a name of its own: no mention
            doc.claim(Found(h, h + 1, "PER", 0.85, "post", author, emit=False))


def _mention_end(doc: _Doc, f: Found) -> int:
    """Where a finding's mention ends in the text: after its last piece, and after the period of a name that ends
    in a capital letter, a person's initial (*Tereza H.*, *Sebastian W.*), or in one letter of a legal form's
    (*S.p.A.*, *Sp. z o.o.*) or an abbreviated one (*Zelmorra Corp.*), which the pieces leave out
    (:func:`tokenize` keeps a period between pieces)."""
    last = doc.toks[f.j - 1]
    dotted = ((len(last.text) == 1 and (last.text.isupper() or (f.type == "ORG" and last.text.isalpha())))
              or (f.type == "ORG" and last.text in ABBREVIATED_LEGAL_FORMS)) \
        and f.j - f.i >= 2 and doc.text[last.end:last.end + 1] == "."
    return last.end + 1 if dotted else last.end


def _mention(doc: _Doc, f: Found) -> Mention:
    """A finding as the model's mention: its characters in the text and what it is."""
    start, end = doc.toks[f.i].start, _mention_end(doc, f)
    return Mention(start=start, end=end, text=doc.text[start:end], type=f.type, confidence=round(f.confidence, 3),
                   layer=f.layer, lemma=f.lemma, kb_id=f.kb_id)


def to_mentions(doc: _Doc) -> list[Mention]:
    """The document's emitted findings as model mentions, in text order."""
    return [_mention(doc, f) for f in sorted(doc.found, key=lambda f: f.i) if f.emit]


def remember_tokens(text: str, lang: str | None, spans: list[tuple[int, int, str]] | None, toks: list[Tok]) -> None:
    """Give the pieces of a document back to the memo (:class:`_TokenMemo`) for a later :func:`document` of the same
    text: corpus propagation builds each article's document twice rather than holding every one at once."""
    _TOKEN_MEMO.put((text, lang, tuple(spans or [])), toks)


def document(text: str, lang: str | None, spans: list[tuple[int, int, str]] | None = None,
             mentions: Iterable[Mention] = ()) -> _Doc:
    """A tokenised document with existing mentions claimed (for cross-document propagation): the pieces the
    entity stage made of the same text when it still holds them (:class:`_TokenMemo`)."""
    spans = spans or []
    doc = _Doc(text, lang, spans, _TOKEN_MEMO.take((text, lang, tuple(spans))))
    starts = {t.start: k for k, t in enumerate(doc.toks)}
    ends = {t.end: k for k, t in enumerate(doc.toks)}
    for m in mentions:
        i, j = starts.get(m.start), ends.get(m.end, ends.get(m.end - 1))  # a name's initial and its period
        if i is not None and j is not None and i <= j:
            doc.claim(Found(i, j + 1, m.type, m.confidence, m.layer, m.lemma, m.kb_id))
    return doc


#: A mention takes the type the batch gives its name when that reading has at least this many times the summed
#: confidence of the mention's own reading (and of the mention itself): a clear majority, not a close call.
RETYPE_MARGIN = 2.0
#: Layers whose type is knowledge, not a guess from context: the batch does not overrule them.
_KNOWN_TYPE_LAYERS = frozenset({"kb", "gazetteer", "acronym"})


def propagate_into(doc: _Doc, known: KnownNames) -> tuple[list[Mention], dict[tuple[int, int], str | None]]:
    """Cross-document propagation into one document built by :func:`document`: the new mentions for known names
    (layer ``propagation``, not overlapping others), and the changes to its existing mentions by (start, end):
    the batch's type for a name found here with another reading (:func:`_retype_by_batch`), or None for a
    mention withdrawn for a known name (a town or a MISC guess spelt like it, a piece of a longer name)."""
    before = len(doc.found)
    was = [(f.type, f.emit) for f in doc.found]
    _propagation_layer(doc, known, confidence_factor=0.85)
    _retype_by_batch(doc, known, before)
    changes: dict[tuple[int, int], str | None] = {}
    for f, (type_, emit) in zip(doc.found[:before], was, strict=True):
        if emit and (not f.emit or f.type != type_):
            changes[(doc.toks[f.i].start, _mention_end(doc, f))] = f.type if f.emit else None
    return [_mention(doc, f) for f in doc.found[before:] if f.emit], changes


def _retype_by_batch(doc: _Doc, known: KnownNames, before: int) -> None:
    """Give the first ``before`` findings (the article's own) the type the batch votes for their name, where the
    vote is clear (``RETYPE_MARGIN``): ``Ryanair`` that one article's verb of saying made a person, or that the
    capitalisation layer left untyped (MISC), is the organisation the other articles found; a one-word name spelt
    otherwise is matched by sound as propagation matches it (the tagger's organisation ``शरायेव`` is the person
    ``सरायेव``). Places and what a knowledge base or gazetteer typed keep their type."""
    for f in doc.found[:before]:
        if not f.emit or f.type not in ("PER", "ORG", "MISC") or f.layer in _KNOWN_TYPE_LAYERS:
            continue
        own = tuple(_name_keys(doc, f))
        entry = known.entries.get(own)
        if entry is None and f.j - f.i == 1 and len(doc.toks[f.i].key) >= 4:
            hit = _phonetic_hit(doc.toks[f.i], bases(doc.toks[f.i]), known)  # शरायेव of सरायेव
            entry = hit[1] if hit is not None else None
        if entry is None or entry.type == f.type or not known.spreads(entry):
            continue
        own_votes = known.votes.get(own, {})
        if known.votes[entry.pieces][entry.type] >= RETYPE_MARGIN * max(own_votes.get(f.type, 0.0), f.confidence) \
                and not _inside_quoted_title(doc, f.i, f.j):  # a piece of a quoted title is no mention of the name
            f.type = entry.type


# ---------------------------------------------------------------- natasha (Russian) and the CRF tagger


@cache
def _natasha_models():
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsNERTagger, Segmenter

    return Doc, Segmenter(), NewsNERTagger(NewsEmbedding()), MorphVocab()


@cache
def _blas_controller():
    """Controls OpenBLAS's threads: slovnet's matrices are small, and threads that spin waiting for a busy
    core made natasha cost 65 ms of CPU per article instead of 10 (2-core machine, shared)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


_NATASHA_LANGS = frozenset({"ru"})


def _natasha_lemma(vocab, words: list[str]) -> str:
    """Each word's dictionary form (pymorphy2 via natasha's MorphVocab), keeping the text's capitals.

    Word by word rather than natasha's span normalisation: that needs the morphology tagger, which costs
    four times the NER itself; adjectives then keep their own gender (``Тверской площадь``).
    """
    out = []
    for word in words:
        forms = vocab.parse(word)
        normal = forms[0].normal if forms else word
        if word.isupper() and len(word) > 1:
            normal = normal.upper()
        elif word[:1].isupper():
            normal = normal[:1].upper() + normal[1:]
        out.append(normal)
    return " ".join(out)


def _natasha_layer(doc: _Doc) -> None:
    """Russian NER by natasha (slovnet) on the Russian stretches of the text, with dictionary lemmas."""
    ru = [k for k, t in enumerate(doc.toks) if t.lang in _NATASHA_LANGS and t.key]
    if not ru:
        return
    lo, hi = doc.toks[ru[0]].start, doc.toks[ru[-1]].end
    doc_cls, segmenter, ner, vocab = _natasha_models()
    nd = doc_cls(doc.text[lo:hi])
    nd.segment(segmenter)
    with _blas_controller().limit(limits=1, user_api="blas"):
        nd.tag_ner(ner)
    starts = {t.start: k for k, t in enumerate(doc.toks)}
    ends = {t.end: k for k, t in enumerate(doc.toks)}
    for span in nd.spans:
        i, j = starts.get(span.start + lo), ends.get(span.stop + lo)
        if i is None or j is None:
            continue
        if span.type == "ORG" and all(frequency.zipf(t.key, t.lang) >= COMMON_ACRONYM_ZIPF for t in doc.toks[i: j + 1]):
            continue  # "СМИ" (the media), "Если Вы" (if you): common words, no organisation's name
        if i == j and doc.toks[i].sent_start and _is_title(doc.toks, i):
            continue  # a title alone opening a sentence, "Аким …" (a governor), is no place nor person
        if i < j and doc.toks[i].text in LEGAL_FORMS_BEFORE:
            i += 1  # "ИА REGNUM", "ООО «Зелморра»": the name without its legal form or kind
        opened = next((k for k in range(i + 1, j + 1) if doc.toks[k].sep_text.rstrip()[-1:] in _OPENING_QUOTES), None)
        if opened is not None and (j + 1 == len(doc.toks) or doc.toks[j + 1].sep_text.lstrip()[:1] in _CLOSING_QUOTES):
            i = opened  # "Омский «Авангард»", "МП «Зелморра»": the quoted name, not the words before its quotes
        lemma = _natasha_lemma(vocab, [t.text for t in doc.toks[i: j + 1]])
        doc.claim(Found(i, j + 1, span.type, 0.8, "natasha", lemma))


def _load_tagger(gazetteer: Gazetteer):
    from newsweave.stages.ner_tagger import load_tagger

    return load_tagger(gazetteer)
