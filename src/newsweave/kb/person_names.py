"""Given names and surnames of many countries: evidence that a capitalised run of words is a person's name.

A people's names are frequent words of its language: on wordfreq's Zipf scale Turkish *Ahmet* is 5.4, *Mehmet* 5.4
and the surname *Yılmaz* 5.1, and many are ordinary words too (*Demir* "iron", *Barış* "peace"). Read by frequency
alone, *Ahmet Yılmaz ile Mehmet Demir* is title case, not two people. These lists say that such words are names.

The lists are Faker's person providers (MIT licence; ~31,000 given names and ~26,000 surnames from ~90 locales, in
their own scripts: Latin, Cyrillic, Devanagari, Arabic, Greek, Georgian, Hangul …), plus the given names common in
Turkish, Azerbaijani and Uzbek news that Faker lacks (``kb/data/given_names.tsv``: *Mansur*, *Bülent*,
*Шавкат*). They are samples, not complete, so a missing name proves nothing.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

from anyascii import anyascii

from newsweave.kb.cache import load_or_build
from newsweave.kb.gazetteer import fold, script_of

#: Bump when what the lists hold changes, so cached copies are rebuilt.
SCHEMA = 5

#: Given names Faker lacks: a language code, a tab and the names separated by spaces per line; ``#`` comments.
EXTRA_GIVEN_NAMES = Path(__file__).with_name("data") / "given_names.tsv"

#: Provider attributes that list given names (a tuple, or a mapping of name to weight).
GIVEN_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
#: Provider attributes that list surnames.
SURNAME_ATTRIBUTES = ("last_names", "last_names_male", "last_names_female", "last_names_nonbinary")


def _listed(attributes: Iterable[str]) -> frozenset[str]:
    """The folded one-word names under ``attributes`` of every Faker person provider."""
    import faker.providers.person as person

    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        if provider is None:
            continue
        for attribute in attributes:
            # a class attribute, looked up on the class itself: some providers shadow it with a property
            listed = next((base.__dict__[attribute] for base in provider.__mro__ if attribute in base.__dict__), ())
            if isinstance(listed, (tuple, list, dict)):
                names.update(fold(name) for name in listed if isinstance(name, str) and " " not in name.strip())
    names.discard("")
    return frozenset(names)


def _extra_given() -> dict[str, frozenset[str]]:
    """The folded names of :data:`EXTRA_GIVEN_NAMES`, by language."""
    names: dict[str, set[str]] = {}
    for line in EXTRA_GIVEN_NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, listed_names = line.split("\t", 1)
            names.setdefault(lang, set()).update(fold(name) for name in listed_names.split())
    return {lang: frozenset(own) for lang, own in names.items()}


def _build() -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    """(all given names, all surnames, the curated given names by language)."""
    curated = _extra_given()
    return _listed(GIVEN_ATTRIBUTES).union(*curated.values()), _listed(SURNAME_ATTRIBUTES), curated


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    """(given names, surnames, curated given names by language), from the user cache: importing ~90 provider
    modules takes ~0.5 s, loading ~10 ms."""
    source = f"{SCHEMA}|faker={metadata.version('faker')}|".encode() + EXTRA_GIVEN_NAMES.read_bytes()
    return load_or_build("person-names", source, _build, tuple)


def given_names() -> frozenset[str]:
    """Folded given names (``ahmet``, ``олег``, ``राम``) of every country."""
    return _lists()[0]


def own_given_names(lang: str | None) -> frozenset[str]:
    """Folded given names of ``lang``'s people that :data:`EXTRA_GIVEN_NAMES` lists, none of them an ordinary word:
    Turkish *ahmet*. Faker's per-locale lists cannot say this: its Turkish one holds *özel* "private" and *ortak*
    "joint", its English one *will* and *may*."""
    return _lists()[2].get(lang or "", frozenset())


def surnames() -> frozenset[str]:
    """Folded surnames (``yılmaz``, ``иванов``) of every country."""
    return _lists()[1]


def listed(form: str, names: frozenset[str]) -> bool:
    """Whether a folded word is among ``names``, also in its spelling without marks where it is written in Latin
    letters: the lists write many a people's names in another's plain letters (*Ayse* and *Baris*, Turkish names
    of the German list; Faker's Turkish list lacks both)."""
    return form in names or _plain_latin(form) in names


@lru_cache(maxsize=100_000)
def _plain_latin(form: str) -> str:
    """A Latin-script word in plain letters (*ayşe* -> *ayse*, *barış* -> *baris*); other scripts unchanged."""
    return anyascii(form) if not form.isascii() and script_of(form) == "LATIN" else form
