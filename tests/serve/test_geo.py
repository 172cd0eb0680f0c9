"""Offline geography: TopoJSON decoding, centroids and the place geocoder."""

from __future__ import annotations

from crimegraph.analyse import geo

SQUARE = {
    "type": "Topology", "transform": {"scale": [1.0, 1.0], "translate": [10.0, 20.0]},
    "arcs": [[[0, 0], [4, 0], [0, 4], [-4, 0], [0, -4]]],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "862", "properties": {"name": "Venezuela"}, "arcs": [[0]]}]}},
}


def test_topology_decodes_to_geojson_with_centroid() -> None:
    [feature] = list(geo.features(SQUARE))
    assert feature["properties"]["iso"] == "VE"
    assert feature["properties"]["centroid"] == [22.0, 12.0]
    assert feature["geometry"]["coordinates"][0][0][:2] == [[10.0, 20.0], [14.0, 20.0]]


def test_reversed_arcs_are_stitched() -> None:
    arcs = [[[0.0, 0.0], [1.0, 0.0]], [[0.0, 1.0], [1.0, 0.0]]]
    assert geo.ring(arcs, [0, ~1]) == [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]


def test_abbreviated_country_names_are_expanded() -> None:
    topology = {**SQUARE, "objects": {"countries": {"geometries": [
        {"type": "Polygon", "properties": {"name": "Dominican Rep."}, "arcs": [[0]]}]}}}
    assert next(geo.features(topology))["properties"]["iso"] == "DO"


def test_geocode_cities_and_countries() -> None:
    medellin = geo.geocode("Medellín")
    assert medellin is not None and medellin.precision == "city" and abs(medellin.lat - 6.25) < 0.2
    assert geo.geocode("nowhere-at-all-land") is None
    if geo.centroids():  # outlines installed by scripts/assets.sh
        country = geo.geocode("Venezuela")
        assert country is not None and country.precision == "country"
