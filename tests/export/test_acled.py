"""ACLED-style CSV: loads back with pandas; types, actors, places and dates mapped as documented."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from crimegraph.export import Snapshot
from crimegraph.export.acled import COLUMNS, type_table, write_acled
from crimegraph.model.extraction import EVENT_TYPES


def frame(snap: Snapshot, tmp_path: Path) -> pd.DataFrame:
    path = tmp_path / "events.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        assert write_acled(snap, out) == 3
    return pd.read_csv(path)


def test_loads_back_with_acled_columns(snap: Snapshot, tmp_path: Path) -> None:
    table = frame(snap, tmp_path)
    assert tuple(table.columns) == COLUMNS
    assert len(table) == 3
    assert list(table["event_date"]) == sorted(table["event_date"])


def test_clash_between_armed_actors_is_a_battle_with_coordinates(snap: Snapshot, tmp_path: Path) -> None:
    row = frame(snap, tmp_path).set_index("event_type").loc["Battles"]
    assert row["sub_event_type"] == "Armed clash"
    assert row["disorder_type"] == "Political violence"
    assert {row["actor1"], row["actor2"]} == {"Military Forces of Colombia", "ELN"}
    assert {row["inter1"], row["inter2"]} == {1, 2} and row["interaction"] == 12
    assert (row["country"], row["admin1"], row["location"]) == ("Colombia", "Norte de Santander", "Tibú")
    assert (row["iso"], row["region"]) == (170, "South America")
    # "near Tibú": ACLED's precision 2, a place near the town
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == (8.64, -72.74, 2)
    assert (row["fatalities"], row["time_precision"], row["year"]) == (3, 1, 2021)


def test_arrest_and_sanction_are_strategic_developments(snap: Snapshot, tmp_path: Path) -> None:
    table = frame(snap, tmp_path).set_index("sub_event_type")
    arrest = table.loc["Arrests"]
    assert arrest["actor1"] == "Military Forces of Venezuela" and arrest["inter1"] == 1
    assert arrest["tags"] == ("crimegraph_type=arrest; reports=1; arrested=27; "
                              "actors_as_named=Guardia Nacional Bolivariana")
    assert arrest["source"] == "Example Wire"
    sanction = table.loc["Other"]
    assert pd.isna(sanction["latitude"]) and pd.isna(sanction["geo_precision"]) and pd.isna(sanction["location"])
    assert sanction["source"] == "Example Wire; Diario Ejemplo"
    assert sanction["fatalities"] == 0


def test_mapping_covers_every_event_type() -> None:
    mapped = {row.ours for row in type_table()}
    assert mapped == set(EVENT_TYPES)
    assert all(row.condition in ("default", "fatalities", "armed_clash") or row.condition.startswith("text:")
               for row in type_table())
    for ours in EVENT_TYPES:
        assert [r.condition for r in type_table() if r.ours == ours][-1] == "default"
