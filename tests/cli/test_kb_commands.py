"""The knowledge-base commands through typer's runner: ingest, stats, search, profile, path, merge, split."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from crimegraph.cli import app
from crimegraph.ingest import runner as ingest_runner
from crimegraph.model import Extraction
from crimegraph.store.tables import entities
from tests.kb import BACKENDS, Canned, actor, claim, event, fresh_engine, person, place, url_of

cli = CliRunner()
ROBBERY = "Gunmen robbed a fuel truck near Puerto Ayacucho on Friday, police in Amazonas state said."
SANCTION = "Washington sanctioned the trader Rosa Quintero for laundering money for the Sur gang."


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    yield from fresh_engine(request.param, tmp_path)


def write_docs(path: Path) -> Path:
    records = [
        {"id": "c1", "title": "Truck robbed", "date": "2022-03-04", "language": "en", "text": ROBBERY},
        {"id": "c2", "title": "Trader sanctioned", "date": "2022-05-06", "language": "en", "text": SANCTION},
        {"id": "c3", "title": "Quintero named", "date": "2022-05-07", "language": "en",
         "text": "The Sur gang leader Rosa M. Quintero was named in a report on the port."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


CANNED = {
    "c2": Extraction("c2", [person("Rosa Quintero", sentence=SANCTION), actor("Sur gang", "ILLEGAL_GROUP"),
                            place("United States", "Washington")],
                     [event("sanction", "2022-05-06", None, "United States", "Rosa Quintero", sentence=SANCTION)],
                     [claim("Rosa Quintero", "sanctioned_by", "United States", sentence=SANCTION),
                      claim("Rosa Quintero", "involved_in", "money_laundering", sentence=SANCTION),
                      claim("Rosa Quintero", "member_of", "Sur gang", sentence=SANCTION)]),
    "c3": Extraction("c3", [person("Rosa M. Quintero"), actor("Sur gang", "ILLEGAL_GROUP")]),
}


@pytest.fixture
def canned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_runner, "_default_extractor", Canned(CANNED))




def test_ingest_twice_changes_no_count(engine: Engine, tmp_path: Path) -> None:
    source, db = write_docs(tmp_path / "docs.jsonl"), url_of(engine)
    first = cli.invoke(app, ["ingest", str(source), "--db", db])
    assert first.exit_code == 0, first.output
    assert "3 new" in first.output
    before = json.loads(cli.invoke(app, ["stats", "--db", db, "--format", "json"]).stdout)
    second = cli.invoke(app, ["ingest", str(source), "--db", db, "--format", "json"])
    assert json.loads(second.stdout)["skipped"] == 3
    after = json.loads(cli.invoke(app, ["stats", "--db", db, "--format", "json"]).stdout)
    assert before == after and after["articles"] == 3 and after["entities"] > 0


def test_ingest_reports_failures_and_goes_on(engine: Engine, tmp_path: Path) -> None:
    source = tmp_path / "mixed.jsonl"
    source.write_text('not json\n{"id": "ok", "language": "en", "text": "Soldiers left the base."}\n',
                      encoding="utf-8")
    result = cli.invoke(app, ["ingest", str(source), str(tmp_path / "missing.txt"), "--db", url_of(engine)])
    assert result.exit_code == 1
    assert "1 new" in result.output and "2 failed" in result.output and "not JSON" in result.output


@pytest.mark.usefixtures("canned")
def test_profile_search_and_path(engine: Engine, tmp_path: Path) -> None:
    db = url_of(engine)
    assert cli.invoke(app, ["ingest", str(write_docs(tmp_path / "d.jsonl")), "--db", db]).exit_code == 0
    text = cli.invoke(app, ["profile", "rosa quintero", "--db", db])
    assert text.exit_code == 0, text.output
    assert "Sanctioned by" in text.stdout and "United States [1]" in text.stdout
    assert "money laundering" in text.stdout and "Trader sanctioned, 2022-05-06" in text.stdout
    assert "“Washington sanctioned the trader" in text.stdout
    assert "Merged here: " in text.stdout and "Rosa M. Quintero" in text.stdout
    record = json.loads(cli.invoke(app, ["profile", "Quintero", "--db", db, "--format", "json"]).stdout)
    assert record["entity"]["name"] == "Rosa Quintero" and record["entity"]["articles"] == 2
    sanction = record["facts"]["sanctions"][0]
    assert (sanction["status"], sanction["citation_count"]) == ("asserted", 1)
    assert sanction["citations"][0]["evidence"][0]["text"] == SANCTION
    assert {n["name"] for n in record["names"]} >= {"Rosa Quintero", "Rosa M. Quintero"}
    assert record["other_matches"] == []
    hits = json.loads(cli.invoke(app, ["search", "QUINTERO", "--db", db, "--format", "json"]).stdout)
    assert {a["id"] for a in hits["articles"]} == {"c2", "c3"}
    assert hits["entities"][0]["name"] == "Rosa Quintero"
    path = cli.invoke(app, ["path", "Sur gang", "United States", "--db", db])
    assert path.exit_code == 0 and "member of" in path.stdout and "[1]" in path.stdout
    missing = cli.invoke(app, ["profile", "Nobody", "--db", db])
    assert missing.exit_code == 1 and "no entity named" in missing.output


def articles_of(entity_id: str, db: str) -> int:
    """How many articles `crimegraph profile --format json` says mention the entity."""
    record = json.loads(cli.invoke(app, ["profile", entity_id, "--db", db, "--format", "json"]).stdout)
    return int(record["entity"]["articles"])


@pytest.mark.usefixtures("canned")
def test_split_then_merge_by_id(engine: Engine, tmp_path: Path) -> None:
    db = url_of(engine)
    cli.invoke(app, ["ingest", str(write_docs(tmp_path / "d.jsonl")), "--db", db])
    with engine.connect() as conn:
        short = conn.execute(select(entities.c.id).where(entities.c.name == "Rosa M. Quintero")).scalar_one()
        full = conn.execute(select(entities.c.id).where(entities.c.name == "Rosa Quintero")).scalar_one()
    split = cli.invoke(app, ["split", short, "--db", db])
    assert split.exit_code == 0, split.output
    assert articles_of(full, db) == 1
    assert cli.invoke(app, ["resolve", "--db", db]).exit_code == 0
    assert articles_of(full, db) == 1
    merged = cli.invoke(app, ["merge", short, full, "--db", db])
    assert merged.exit_code == 0 and "Rosa Quintero" in merged.stdout
    assert articles_of(short, db) == 2
    again = cli.invoke(app, ["merge", short, full, "--db", db])
    assert again.exit_code == 1 and "already" in again.output


def test_reading_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = cli.invoke(app, ["stats", "--db", f"sqlite:///{tmp_path}/none.db"])
    assert result.exit_code == 1 and "crimegraph ingest" in result.output
    assert not (tmp_path / "none.db").exists()


def test_db_defaults_to_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRIMEGRAPH_DB", f"sqlite:///{tmp_path}/env.db")
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"id": "e1", "language": "en", "text": ROBBERY}) + "\n", encoding="utf-8")
    assert cli.invoke(app, ["ingest", str(source)]).exit_code == 0
    assert json.loads(cli.invoke(app, ["stats", "--format", "json"]).stdout)["articles"] == 1
