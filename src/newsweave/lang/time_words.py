"""Per-language time lexicons: generated CLDR words (``time_words.json``) merged with ``time_extra.EXTRA``.

A lexicon maps token sequences to categories (one letter each, see ``CATEGORY``) with a value, plus the
suffixes, tense markers and other tables the time stage needs. Lexicons are built once per language set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from newsweave.lang.orthography import APOSTROPHE_FOLD
from newsweave.lang.time_extra import EXTRA

#: One-letter categories the time grammar is written in.
CATEGORY = {
    "months": "M", "homographs": "x", "month_abbr": "x", "weekdays": "W", "units": "U", "numbers": "n",
    "ordinals": "O", "first": "I", "past": "P", "this": "T", "next": "X", "relative": "R", "ago_post": "A",
    "ago_pre": "B", "in_pre": "F", "in_post": "G", "year_words": "y", "month_words": "m", "month_markers": "k",
    "day_markers": "j", "determiners": "D", "connectors": "o", "edges": "E", "fuzzy": "S", "seasons": "V",
    "sets": "K", "each": "e", "vague_units": "u", "dayparts": "H", "range_words": "r", "decade_marks": "z",
    "holidays": "J",
}
#: When one token belongs to several categories, the first in this order wins (relative phrases over parts).
PRIORITY = "RJSKMxWVUqPTXAIOnBFGymkjEDoeuHrz"

#: Tokens: numbers (with ./:, separators kept for dates), single Han characters, words (letters + marks,
#: apostrophe-suffixed as in "Kasım’da"), any other non-space character.
TOKEN_RE = regex.compile(
    r"\d{4}-\d{1,2}(?:-\d{1,2})?(?![\d-])|\d{1,2}\.\d{1,2}\.(?![\d.])|\d+['’]\p{L}+|\d+(?:[.,:/]\d+)*|\p{Han}|[\p{L}\p{M}]+(?:['’‘][\p{L}\p{M}]+)?|[^\s\p{L}\p{M}\d]")

_DATA_PATH = Path(__file__).with_name("time_words.json")


#: Devanagari's nukta, alone and inside the precomposed letters: Hindi news writes *फरवरी* and *फ़रवरी* alike.
_NUKTA_FOLD = str.maketrans({"\u093c": None, "\u0958": "क", "\u0959": "ख", "\u095a": "ग", "\u095b": "ज",
                             "\u095c": "ड", "\u095d": "ढ", "\u095e": "फ", "\u095f": "य",
                             # Uzbek oʻ, gʻ however typed (*oʻtgan*, *o‘tgan*) as the lexicon writes them, *o'tgan*
                             "ʻ": APOSTROPHE_FOLD["ʻ"], "‘": APOSTROPHE_FOLD["‘"]})


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased token) triples, the Devanagari nukta folded away and Uzbek's marks for *oʻ*, *gʻ*
    read as an apostrophe."""
    # Turkish "İ" lower-cases to "i" + combining dot; the dot is dropped so that "İki" reads as "iki"
    return [(m.start(), m.end(), m.group().lower().replace("i\u0307", "i").translate(_NUKTA_FOLD))
            for m in TOKEN_RE.finditer(text)]


@dataclass
class Lexicon:
    """Everything the time grammar knows about a set of languages."""

    langs: tuple[str, ...]
    entries: dict[tuple[str, ...], list[tuple[str, Any]]] = field(default_factory=dict)
    max_len: int = 1
    vocab: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    first_max: dict[str, int] = field(default_factory=dict)
    suffixes: tuple[str, ...] = ()
    future: list[regex.Pattern] = field(default_factory=list)
    past: list[regex.Pattern] = field(default_factory=list)
    reporting: list[regex.Pattern] = field(default_factory=list)
    plans: regex.Pattern | None = None
    dotted_day_month: bool = False

    def add(self, phrase: str, cat: str, value: Any) -> None:
        toks = tuple(t for _, _, t in tokenize(phrase))
        if not toks:
            return
        values = self.entries.setdefault(toks, [])
        if all(c != cat for c, _ in values):
            values.append((cat, value))
        self.max_len = max(self.max_len, len(toks))
        self.vocab.update(toks)
        self.prefixes.update(t[:3] for t in toks)
        self.first_max[toks[0]] = max(self.first_max.get(toks[0], 0), len(toks))

    def key(self, token: str) -> str:
        """The lexicon form of a token: itself, or with an agglutinative suffix or apostrophe ending removed."""
        if token in self.vocab:
            return token
        for sep in ("'", "’"):
            if sep in token:
                head, tail = token.split(sep, 1)
                if head in self.vocab and len(head) > 2:  # Turkish suffix after an apostrophe: "kasım'da"
                    return head
                if tail in self.vocab:  # French/Italian elision: "l'an", "nell'ottobre"
                    return tail
        if token[:3] not in self.prefixes:
            return token
        for suffix in self.suffixes:
            if token.endswith(suffix) and len(token) > len(suffix) + 1:
                stem = token[: -len(suffix)]
                if stem in self.vocab:
                    return stem
        return token


@lru_cache(maxsize=1)
def generated() -> dict[str, dict[str, Any]]:
    """The generated CLDR tables, keyed by language."""
    return json.loads(_DATA_PATH.read_text(encoding="utf-8"))


def languages() -> tuple[str, ...]:
    """Languages with time words."""
    return tuple(generated())


@lru_cache(maxsize=64)
def lexicon(langs: tuple[str, ...]) -> Lexicon:
    """The merged lexicon of some languages (first language wins where a word means different things)."""
    lex = Lexicon(langs=langs)
    suffixes: set[str] = set()
    for lang in langs:
        gen = generated().get(lang, {})
        extra = EXTRA.get(lang, {})
        homographs = set(extra.get("homographs", ()))
        for key in ("months", "month_abbr"):
            for word, n in {**gen.get(key, {}), **extra.get(key, {})}.items():
                lex.add(word, "x" if (key == "month_abbr" or word in homographs) else "M", n)
        for word, n in {**gen.get("weekdays", {}), **extra.get("weekdays", {})}.items():
            lex.add(word, "W", n)
        for word, unit in {**gen.get("units", {}), **extra.get("units", {})}.items():
            lex.add(word, "q" if unit == "Q" else "U", unit)
        for word, n in {**gen.get("numbers", {}), **extra.get("numbers", {})}.items():
            lex.add(word, "n", n)
        for word, n in {**gen.get("ordinals", {}), **extra.get("ordinals", {})}.items():
            lex.add(word, "O", n)
        for word, value in {**gen.get("relative", {}), **extra.get("relative", {})}.items():
            lex.add(word, "R", tuple(value))
        drop = set(extra.get("drop", ()))
        for key in ("ago_pre", "ago_post", "in_pre", "in_post"):
            for word in {*gen.get(key, ()), *extra.get(key, ())} - drop:
                lex.add(word, CATEGORY[key], None)
        for key in ("first", "past", "this", "next", "year_words", "month_words", "month_markers", "day_markers",
                    "determiners", "connectors"):
            for word in extra.get(key, ()):
                lex.add(word, CATEGORY[key], {"past": -1, "this": 0, "next": 1}.get(key))
        for word in extra.get("vague_units", ()):
            lex.add(word, "u", None)
        for word in extra.get("each", ()):
            lex.add(word, "e", None)
        for word in extra.get("range_words", ()):
            lex.add(word, "r", None)
        for word in extra.get("weekend", ()):
            lex.add(word, "U", "WE")
        for word in extra.get("decade_marks", ()):
            lex.add(word, "z", None)
        lex.dotted_day_month = lex.dotted_day_month or bool(extra.get("dotted_day_month"))
        for key in ("edges", "fuzzy", "seasons", "sets", "dayparts", "holidays"):
            for word, value in extra.get(key, {}).items():
                lex.add(word, CATEGORY[key], value)
        suffixes.update(extra.get("suffixes", ()))
        for key, target in (("future", lex.future), ("past_tense", lex.past), ("reporting", lex.reporting)):
            if extra.get(key):
                target.append(regex.compile(extra[key], regex.IGNORECASE))
    lex.suffixes = tuple(sorted(suffixes, key=len, reverse=True))
    stems = sorted({w for lang in langs for w in EXTRA.get(lang, {}).get("plan_words", ())}, key=len, reverse=True)
    if stems:
        lex.plans = regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(w) for w in stems) + ")", regex.IGNORECASE)
    return lex
