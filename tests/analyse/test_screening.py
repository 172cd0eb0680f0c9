"""Screening: name features, list formats, precision and recall on the fixture, recorded possible matches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from crimegraph.analyse.hits import all_matches, possible_matches
from crimegraph.analyse.namematch import compare_organisations, compare_persons
from crimegraph.analyse.screening import Candidate, screen, screen_list
from crimegraph.analyse.watchlist import read_list
from crimegraph.cli import app
from crimegraph.exc import InputError
from tests.export.kb import build_kb
from tests.kb import url_of

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sanctions"
LIST = FIXTURES / "us_venezuela.ftm.jsonl"
runner = CliRunner()


def cases() -> list[tuple[str, str, str]]:
    lines = (FIXTURES / "cases.tsv").read_text(encoding="utf-8").splitlines()
    return [(n, t, e) for n, t, e in (line.split("\t") for line in lines if line and not line.startswith("#"))]


def test_precision_and_recall_on_the_fixture() -> None:
    entries = read_list(LIST)
    rows = cases()
    candidates = [Candidate(f"q{i}", name, type_, [name]) for i, (name, type_, _) in enumerate(rows)]
    found = {(h.entity.id, h.entry.id) for h in screen(candidates, entries)}
    expected = {(f"q{i}", e) for i, (_, _, e) in enumerate(rows) if e != "-"}
    true = len(found & expected)
    precision, recall = true / len(found), true / len(expected)
    print(f"screening fixture: {len(expected)} positives, {len(rows) - len(expected)} near misses, "
          f"{len(found)} hits, precision {precision:.3f}, recall {recall:.3f}")
    near_misses = {f"q{i}" for i, (_, _, e) in enumerate(rows) if e == "-"}
    assert not {q for q, _ in found} & near_misses
    assert precision == 1.0
    assert recall >= 0.95


@pytest.mark.parametrize(("query", "listed", "feature"), [
    ("Nicolas Maduro Moros", "Nicolás Maduro Moros", "accents_or_case"),
    ("Padrino López, Vladimir", "Vladimir Padrino López", "reordered"),
    ("Diosdado Cabello", "Diosdado Cabello Rondón", "missing_parts"),
    ("N. Maduro Moros", "Nicolás Maduro Moros", "initial"),
    ("Tarek El Aissami", "Tareck Zaidan El Aissami Maddah", "spelling"),
])
def test_person_features_fire(query: str, listed: str, feature: str) -> None:
    match = compare_persons(query, listed)
    assert match.score >= 0.7
    assert feature in match.features


def test_person_near_misses_and_lone_surnames_stay_low() -> None:
    assert compare_persons("Vladimir Padrón Lozano", "Vladimir Padrino López").score < 0.5
    assert "unmatched_query_parts" in compare_persons("Néstor Revilla Torres", "Néstor Luis Reverol Torres").features
    assert compare_persons("Maduro", "Nicolás Maduro Moros").score == 0.0


@pytest.mark.parametrize(("query", "listed", "feature"), [
    ("Shanghai Saint Logistics Ltd", "Shanghai Saint Logistics Limited", "legal_form_or_accents"),
    ("GNB", "Guardia Nacional Bolivariana", "acronym"),
    ("Cartel de los Soles", "Cartel of the Suns", "translation"),
])
def test_organisation_features_fire(query: str, listed: str, feature: str) -> None:
    match = compare_organisations(query, listed)
    assert match.score >= 0.8 and feature in match.features


def test_organisations_need_every_word() -> None:
    assert compare_organisations("Dirección General de Inteligencia Militar",
                                 "Dirección General de Contrainteligencia Militar").score == 0.0


def test_reads_ftm_with_sanctions_and_simple_csv() -> None:
    entries = {e.id: e for e in read_list(LIST)}
    assert len(entries) == 28
    assert entries["fx-ofac-padrino"].sanctions == ["US Office of Foreign Assets Control / VENEZUELA"]
    assert entries["fx-ofac-dgcim"].aliases == ["DGCIM", "General Directorate of Military Counterintelligence"]
    simple = {e.id: e for e in read_list(FIXTURES / "targets.simple.csv")}
    assert set(simple) == {"fx-sim-padrino", "fx-sim-cabello", "fx-sim-eln"}
    assert simple["fx-sim-eln"].aliases == ["ELN", "National Liberation Army"]


def test_unreadable_list(tmp_path: Path) -> None:
    bad = tmp_path / "list.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_list(bad)
    with pytest.raises(InputError):
        read_list(tmp_path / "missing.jsonl")


def test_hits_are_recorded_as_possible_matches(engine: Engine) -> None:
    build_kb(engine)
    hits = screen_list(engine, LIST)
    assert {(h.entity.name, h.entry.id) for h in hits} == {
        ("Vladimir Padrino López", "fx-ofac-padrino"), ("Néstor Reverol", "fx-ofac-reverol"),
        ("Nicolás Maduro", "fx-ofac-maduro"), ("ELN", "fx-ofac-eln")}
    padrino = next(h for h in hits if h.entry.id == "fx-ofac-padrino")
    found = possible_matches(engine, padrino.entity.id)
    assert [(m["id"], m["status"], m["list"]) for m in found] == [
        ("fx-ofac-padrino", "possible_match", "us_venezuela.ftm.jsonl")]
    assert found[0]["score"] == 1.0 and found[0]["entry"]["sanctions"]
    screen_list(engine, LIST)  # screening again replaces the list's hits
    assert len(all_matches(engine)) == 4


def test_never_screened_knowledge_base_has_no_matches(engine: Engine) -> None:
    build_kb(engine)
    assert all_matches(engine) == [] and possible_matches(engine, "nothing") == []


def test_screen_command_json(engine: Engine) -> None:
    build_kb(engine)
    result = runner.invoke(app, ["screen", str(FIXTURES / "targets.simple.csv"), "--db", url_of(engine),
                                 "--format", "json", "--no-record"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    hits = {(h["id"], h["name"], h["entity"]["name"]) for h in data["hits"]}
    assert hits == {("fx-sim-padrino", "Vladimir Padrino López", "Vladimir Padrino López"),
                    ("fx-sim-eln", "Ejército de Liberación Nacional", "ELN")}
    assert all(h["status"] == "possible_match" and h["features"] for h in data["hits"])
    assert all_matches(engine) == []
    text = runner.invoke(app, ["screen", str(LIST), "--db", url_of(engine), "--threshold", "0.99"])
    assert text.exit_code == 0 and "possible match" in text.stdout
