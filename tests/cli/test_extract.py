"""The `crimegraph extract` command, through typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from crimegraph.cli import app

runner = CliRunner()


def write_jsonl(path: Path, records: list[object]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_eval_format_one_line_per_document(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_jsonl(source, [
        {"id": "a", "date": "2021-03-02", "language": "en",
         "text": "Colombian police arrested twelve members of the Clan del Golfo in Medellín on Monday."},
        {"id": "b", "date": "2021-03-02", "language": "en", "text": ""},
    ])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in lines] == ["a", "b"]
    assert set(lines[0]) == {"id", "entities", "events", "claims"}
    assert lines[1]["entities"] == []


def test_bad_lines_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        'not json\n'
        + json.dumps({"id": "ok", "language": "en", "text": "Venezuela expelled the diplomats."}) + "\n"
        + json.dumps({"id": "junk", "language": "en", "text": "\x00\x01\x02\x03\x04" * 50}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(source), "-o", str(out)])
    assert result.exit_code == 1
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 3
    assert records[1]["id"] == "ok"
    assert "not JSON" in result.output
    assert "junk" in result.output


def test_full_format_carries_evidence(tmp_path: Path) -> None:
    text = "Venezuelan President Nicolás Maduro spoke in Caracas."
    source = tmp_path / "note.txt"
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(source), "--format", "full"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[-1])
    entity = next(e for e in record["entities"] if e["type"] == "LOCATION")
    evidence = entity["evidence"][0]
    assert text[evidence["start"]:evidence["end"]] == evidence["text"]
    assert entity["component"]


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_odd_values_from_other_tools_never_cost_the_good_lines(tmp_path: Path) -> None:
    text = "Colombian police arrested twelve members of the Clan del Golfo in Medellín on Monday."
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(line.encode("utf-8") + b"\n" for line in [
        json.dumps({"id": "s\udc80", "language": "en", "text": text + "\udc80"}),
        json.dumps({"id": 12, "language": "en", "text": text}),
        json.dumps({"id": "n", "language": True, "text": text}),
        json.dumps({"id": "u", "language": "en", "text": text}).replace("Monday", "Mon\\u0000day"),
    ]) + b'{"id": "raw", "language": "en", "text": "bad \xff byte"}\n')
    for args in (["extract", str(source)], ["extract", "-"]):
        result = runner.invoke(app, args, input=source.read_bytes() if args[1] == "-" else None)
        assert result.exit_code == 1
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r["id"] for r in records] == ["s\ufffd", "12", "n", "u", "raw"]
        assert all(records[i]["entities"] for i in (0, 1, 3))
        assert "n: 'language' must be a string, not bool" in result.output
