"""`crimegraph export` through typer's runner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from crimegraph.cli import app
from tests.kb import url_of

runner = CliRunner()


@pytest.mark.parametrize("fmt", ["ftm", "acled", "jsonl", "graphml", "gexf"])
def test_export_each_format_to_a_file(kb: Engine, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"kb.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--db", url_of(kb), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    if fmt == "graphml":
        assert nx.read_graphml(out).number_of_nodes() > 10


def test_export_to_stdout(kb: Engine) -> None:
    result = runner.invoke(app, ["export", "--format", "ftm", "--db", url_of(kb)])
    assert result.exit_code == 0, result.output
    assert all(json.loads(line)["schema"] for line in result.stdout.splitlines())


def test_unknown_format_and_missing_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "xml", "--db", f"sqlite:///{tmp_path}/kb.db"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["export", "--db", f"sqlite:///{tmp_path}/missing.db"])
    assert result.exit_code == 1
    assert "no knowledge base" in result.output


def test_commands_load_without_followthemoney() -> None:
    code = ("import sys; sys.modules['followthemoney'] = None; import crimegraph.cli.main; "
            "import crimegraph.export; import crimegraph.analyse.screening")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
