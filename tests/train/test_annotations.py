import json
from pathlib import Path

import pytest

from crimegraph.exc import InputError
from crimegraph.train.__main__ import main
from crimegraph.train.annotations import load, locate, restore, strip

ARTICLE = {"id": "a1", "title": "Police arrest a mayor", "language": "en",
           "text": "The mayor of Tumaco was arrested on Monday.\nHe is accused of\n extortion."}
GOLD = {"id": "a1", "entities": [], "events": [{"type": "arrest", "evidence": "Police arrest a mayor"}],
        "claims": [{"predicate": "involved_in", "evidence": "He is accused of extortion."}]}


def test_evidence_is_found_whatever_its_whitespace() -> None:
    where = locate("He is accused of extortion.", ARTICLE)
    assert where is not None and where["field"] == "text"
    assert ARTICLE["text"][where["start"]:where["end"]] == "He is accused of\n extortion."
    assert locate("Police arrest a mayor", ARTICLE) == {"field": "title", "start": 0, "end": 21}
    assert locate("Not in the article.", ARTICLE) is None


def test_stripped_records_hold_no_sentence_and_restore_them() -> None:
    stored = strip(GOLD, ARTICLE)
    assert "accused" not in json.dumps(stored)
    back = restore(stored, ARTICLE)
    assert back["events"][0]["evidence"] == "Police arrest a mayor"
    assert " ".join(back["claims"][0]["evidence"].split()) == "He is accused of extortion."


def test_missing_evidence_is_an_input_error() -> None:
    with pytest.raises(InputError, match="a1: claim evidence"):
        strip({**GOLD, "claims": [{"evidence": "Something else."}]}, ARTICLE)


def one_batch(tmp_path: Path, name: str) -> None:
    batch = tmp_path / "batches" / name
    batch.mkdir(parents=True)
    (batch / "docs.jsonl").write_text(json.dumps(ARTICLE) + "\n")
    (batch / "gold.jsonl").write_text(json.dumps(GOLD) + "\n")


def test_import_command_writes_offsets(tmp_path: Path) -> None:
    one_batch(tmp_path, "01")
    out = tmp_path / "annotations.jsonl"
    assert main(["import", str(tmp_path / "batches"), str(out)]) == 0
    pairs = load(out, {"a1": ARTICLE})
    assert pairs[0][1]["events"][0]["evidence"] == "Police arrest a mayor"
    assert json.loads(out.read_text())["batch"] == "01"


def test_import_keeps_the_articles_already_stored(tmp_path: Path) -> None:
    one_batch(tmp_path, "02")
    out = tmp_path / "annotations.jsonl"
    out.write_text(json.dumps({"id": "a0", "batch": "01", "entities": [], "events": [], "claims": []}) + "\n"
                   + json.dumps({"id": "a1", "batch": "00", "entities": [], "events": [], "claims": []}) + "\n")
    assert main(["import", str(tmp_path / "batches"), str(out)]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["id"], r["batch"]) for r in records] == [("a0", "01"), ("a1", "02")]
