"""Text helpers shared by the facts stages (quantities, quotes): sentences, words and country names.

Kept apart from the stages so both read a sentence and a word the same way. Sentences come from the
language stage's ``sentence`` segments when present; otherwise a light splitter on sentence-final
punctuation (followed by space and an upper-case letter, digit or quote mark) and line breaks is used,
so the stages also work on articles the language stage has not seen.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from newsweave.lang.numbers import territory_names
from newsweave.lang.orthography import APOSTROPHE_FOLD
from newsweave.model import Article

#: A word: letters with their combining marks (Devanagari vowel signs), digits, inner hyphens/apostrophes.
WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’ʼ‘\-][\p{L}\p{M}\p{N}]+)*")
_SENT_END = regex.compile(r"(?<=[.!?।。…])[\"'”»“]?\s+(?=[\p{Lu}\p{N}\"'„“«»‚\-—–(\[]|[^\p{L}\p{N}\s])|\n+")
_APOSTROPHE_FOLD = str.maketrans(APOSTROPHE_FOLD)
_SUFFIX = regex.compile(r"(?<=\w\w)['’ʼ‘]")


@dataclass(slots=True, frozen=True)
class Span:
    """A sentence or paragraph: its character range."""

    start: int
    end: int


def lang_key(lang: str | None) -> str:
    """The table key for a language tag: "uz-Cyrl" and "uz_Latn" both read the "uz" tables."""
    return (lang or "und").replace("_", "-").split("-")[0].lower()


def sentences(article: Article) -> list[Span]:
    """Sentence spans of the article, from the language stage or the fallback splitter."""
    segs = [Span(s.start, s.end) for s in article.segments if s.kind == "sentence"]
    if segs:
        return sorted(segs, key=lambda s: s.start)
    return split_sentences(article.text)


def split_sentences(text: str) -> list[Span]:
    """Fallback sentence splitter (see module docstring); spans cover non-blank text only."""
    out: list[Span] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        _add_span(out, text, pos, m.start())
        pos = m.end()
    _add_span(out, text, pos, len(text))
    return out


def paragraphs(text: str) -> list[Span]:
    """Line-separated paragraphs (news text uses one line per paragraph)."""
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        _add_span(out, text, pos, pos + len(line))
        pos += len(line) + 1
    return out


def _add_span(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


class SpanIndex:
    """Find the span (sentence, paragraph) that holds a character offset, by binary search."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]

    def index(self, offset: int) -> int:
        """Index of the span holding ``offset`` (the nearest one before it when between spans); -1 before all."""
        return bisect.bisect_right(self._starts, offset) - 1

    def at(self, offset: int) -> Span | None:
        i = self.index(offset)
        return self.spans[i] if i >= 0 else None


class Overlaps:
    """Whether a range overlaps any of many (possibly nested) spans, in O(log n): a long article has thousands
    of dates and thousands of numbers, and testing every pair made the quantity stage quadratic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each one
        for _, end in ordered:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def hit(self, start: int, end: int) -> bool:
        """True when some span (s, e) has s < end and start < e."""
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start


def strip_suffix(word: str) -> str:
    """The word before a Turkish-style apostrophe case ending ("Rusya’nın" -> "Rusya")."""
    if "'" not in word and "’" not in word and "ʼ" not in word and "‘" not in word:
        return word
    m = _SUFFIX.search(word)
    return word[:m.start()] if m else word


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case, drop Devanagari nukta and unify apostrophes (and the marks Uzbek types for *oʻ*, *gʻ*) so
    spelling variants compare equal."""
    word = unicodedata.normalize("NFD", word.lower()).replace("\u093c", "")
    return unicodedata.normalize("NFC", word).translate(_APOSTROPHE_FOLD)


@lru_cache(maxsize=64)
def _country_index(lang: str) -> dict[str, tuple[tuple[str, str], ...]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for name, code in territory_names(lang):
        key = fold(name)
        index.setdefault(key[:3], []).append((key, code))
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=65536)
def country_of(word: str, lang: str, *, loose: bool = False) -> str | None:
    """ISO code of the country a word names, tolerating case endings ("Kazachstanu", "Rusya’nın").

    The word must start with the name less its last letter (names of up to six letters) or last two letters. ``loose``
    also accepts adjectives sharing four letters with the name and going on for two more ("russische" ~
    "Russland", but not "słowa" ~ "Słowacja"), for the words
    right next to a title, where an adjective of nationality is what the text writes.
    """
    key = fold(strip_suffix(word))
    if len(key) < 3:
        return None
    best: tuple[int, str] | None = None
    for name, code in _country_index(lang).get(key[:3], ()):
        common = _common_prefix(key, name)
        need = max(3, len(name) - (1 if len(name) <= 6 else 2))
        fits = common >= need or common == len(name) or (loose and common >= min(4, need) and len(key) - common >= 2)
        if fits and (best is None or common > best[0]):
            best = (common, code)
    return best[1] if best else None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def countries_in(text: str, start: int, end: int, lang: str) -> list[str]:
    """Countries named by capitalised (or caseless-script) words in ``text[start:end]``, in order, distinct."""
    found: list[str] = []
    for m in WORD.finditer(text, start, end):
        w = m.group()
        if w[0].islower():
            continue
        for part in w.split("-"):
            code = country_of(part, lang)
            if code and code not in found:
                found.append(code)
    return found


def top_countries(text: str, lang: str, n: int = 2) -> list[str]:
    """The ``n`` countries the whole text names most often (the article's subject countries)."""
    counts: Counter[str] = Counter()
    for m in WORD.finditer(text):
        w = m.group()
        if w[0].islower():
            continue
        for part in w.split("-"):
            code = country_of(part, lang)
            if code:
                counts[code] += 1
    return [c for c, _ in counts.most_common(n)]


class Forms:
    """A word table compiled for fast lookup: exact words in a dict, ``*`` stems in a tuple, phrases by first word.

    Built once per (table, language) by :func:`compiled`; the stages call it for every word they read.
    """

    def __init__(self, entries: list[tuple[str, object]]) -> None:
        self.exact: dict[str, object] = {}
        stems: list[tuple[str, object]] = []
        self.phrases: list[tuple[tuple[str, ...], object]] = []
        for form, value in entries:
            form = form.lower()
            parts = tuple(form.split())
            if len(parts) > 1:
                self.phrases.append((parts, value))
            elif form.endswith("*"):
                stems.append((form[:-1], value))
            else:
                self.exact.setdefault(form, value)
        stems.sort(key=lambda sv: -len(sv[0]))
        self.stems = stems
        self.stem_prefixes = tuple(s for s, _ in stems)
        self.phrases.sort(key=lambda pv: -len(pv[0]))

    def word(self, w: str) -> object | None:
        """The value of a single word (exact form first, then the longest stem), or None."""
        if w in self.exact:
            return self.exact[w]
        if self.stem_prefixes and w.startswith(self.stem_prefixes):
            for stem, value in self.stems:
                if w.startswith(stem):
                    return value
        return None

    def at(self, words: list[str], i: int) -> tuple[int, object] | None:
        """Longest entry starting at ``words[i]``: (number of words, value)."""
        for parts, value in self.phrases:
            if i + len(parts) <= len(words) and all(_part(words[i + k], p) for k, p in enumerate(parts)):
                return len(parts), value
        value = self.word(words[i]) if i < len(words) else None
        return (1, value) if value is not None else None

    def ending_at(self, words: list[str]) -> tuple[int, object] | None:
        """Longest entry that ends with the last of ``words``."""
        for parts, value in self.phrases:
            n = len(parts)
            if n <= len(words) and all(_part(words[len(words) - n + k], p) for k, p in enumerate(parts)):
                return n, value
        value = self.word(words[-1]) if words else None
        return (1, value) if value is not None else None


def _part(word: str, form: str) -> bool:
    return word.startswith(form[:-1]) if form.endswith("*") else word == form


_COMPILED: dict[tuple[int, str], Forms] = {}


def compiled(table: dict, lang: str) -> Forms:
    """The language's entries of a word table plus its ``"*"`` entries, compiled (cached per table and language).

    Tables map a language to a dict ``form -> value`` or a tuple of ``(form, value)`` pairs or of bare forms
    (the value is then the form itself).
    """
    key = (id(table), lang)
    found = _COMPILED.get(key)
    if found is None:
        entries: list[tuple[str, object]] = []
        for part in (table.get(lang), table.get("*")):
            if isinstance(part, dict):
                entries.extend(part.items())
            elif part:
                entries.extend(e if isinstance(e, tuple) else (e, e) for e in part)
        found = _COMPILED[key] = Forms(entries)
    return found
