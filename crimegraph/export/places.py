"""Offline place lookup for exports: country, first-level division and coordinates from data/places.tsv."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import countrynames

from crimegraph.resolve.names import fold

# Words that qualify a place name without changing the place ('Zulia state', 'southern Bolívar').
QUALIFIERS = frozenset(
    "state estado department departamento province provincia municipality municipio region region "
    "city ciudad of de del northern southern eastern western north south east west central sur norte "
    "oriente occidente".split())
PRECISION = {"site": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}


@dataclass(frozen=True, slots=True)
class Place:
    """A known place: its canonical name, kind, country code, first-level division and coordinates."""

    name: str
    kind: str
    country: str
    admin1: str | None
    latitude: float
    longitude: float
    qualified: bool = False

    @property
    def geo_precision(self) -> int:
        """ACLED's geo_precision: 1 a town or site, 2 part of a region, 3 a region or country."""
        level = PRECISION.get(self.kind, 3)
        return max(level, 2) if self.qualified else level


def _rows() -> list[list[str]]:
    text = resources.files("crimegraph.export").joinpath("data", "places.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def gazetteer() -> dict[str, tuple[Place, ...]]:
    """Every folded name variant -> the places it can be, in file order."""
    found: dict[str, list[Place]] = {}
    for names, kind, country, admin1, lat, lon in _rows():
        variants = names.split("|")
        place = Place(variants[0], kind, country, admin1 or None, float(lat), float(lon))
        for variant in variants:
            found.setdefault(fold(variant), []).append(place)
    return {key: tuple(places) for key, places in found.items()}


@cache
def countries() -> dict[str, Place]:
    """Country code -> the country's entry."""
    return {p.country: p for places in gazetteer().values() for p in places if p.kind == "country"}


def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name in English or Spanish, or None."""
    if not name:
        return None
    for place in gazetteer().get(fold(name), ()):
        if place.kind == "country":
            return place.country
    code: str | None = countrynames.to_code(name)
    return code


def candidates(name: str) -> tuple[Place, ...]:
    """The places a name can be: by name, then as a country, then without qualifier words."""
    key = fold(name)
    found = gazetteer().get(key)
    if found:
        return found
    code = countrynames.to_code(name)
    if code and code in countries():
        return (countries()[code],)
    words = [w for w in key.split() if w not in QUALIFIERS]
    if words and len(words) < len(key.split()):
        bare = gazetteer().get(" ".join(words), ())
        return tuple(replace(p, qualified=True) for p in bare)
    return ()


def locate(name: str | None, context: Iterable[str] = ()) -> Place | None:
    """The place a name most likely is, preferring the countries of its article(s); None when unknown."""
    if not name or not name.strip():
        return None
    found = candidates(name)
    if not found:
        return None
    weights = Counter(context)
    return max(found, key=lambda p: (weights[p.country], -found.index(p)))
