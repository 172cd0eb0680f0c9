"""Training the claim classifier end to end on a handful of invented articles (no ../shared needed)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from crimegraph.cli import app
from crimegraph.extract.linear import LinearModel
from crimegraph.model import Article
from crimegraph.train import claims, trainer

TEXTS = [
    "Rafael Prieto leads the Frente Sur. Police said Rafael Prieto ran extortion in Tumaco.",
    "Marta Gil is a member of the Frente Sur. The Frente Sur fights the Clan del Golfo.",
    "Luis Peña heads the Clan del Golfo. Prosecutors accused Luis Peña of drug trafficking.",
    "Ana Ríos commands the Frente Sur. The Clan del Golfo is allied with the Frente Sur.",
    "Rafael Prieto met Luis Peña in Cali. Both men deny links to the Clan del Golfo.",
    "Marta Gil leads the Clan del Golfo. Marta Gil ran kidnapping rings in Cali.",
]
GOLD = [
    [("Rafael Prieto", "holds_position", "Frente Sur", 0), ("Rafael Prieto", "involved_in", "extortion", 1)],
    [("Marta Gil", "member_of", "Frente Sur", 0), ("Frente Sur", "opposes", "Clan del Golfo", 1)],
    [("Luis Peña", "holds_position", "Clan del Golfo", 0), ("Luis Peña", "involved_in", "drug_trafficking", 1)],
    [("Ana Ríos", "holds_position", "Frente Sur", 0), ("Clan del Golfo", "supports", "Frente Sur", 1)],
    [],
    [("Marta Gil", "holds_position", "Clan del Golfo", 0), ("Marta Gil", "involved_in", "kidnapping", 1)],
]


def items() -> list[tuple[Article, dict[str, object]]]:
    out = []
    for n, (text, gold) in enumerate(zip(TEXTS, GOLD, strict=True)):
        sentences = [s if s.endswith(".") else s + "." for s in text.split(". ")]
        record = {"id": f"t{n}", "entities": [], "events": [],
                  "claims": [{"subject": s, "predicate": p, "object": o, "status": "asserted", "source": None,
                              "evidence": sentences[k]} for s, p, o, k in gold]}
        out.append((Article(f"t{n}", text, None, "2024-05-01", "en"), record))
    return out


def test_pairs_are_labelled_from_the_evidence_sentence() -> None:
    parsed = claims.parse(items()[:1])
    labelled = {(p.subject.name, p.object): lab for p, lab in zip(parsed[0].pairs, parsed[0].labels, strict=True)}
    assert labelled[("Rafael Prieto", "extortion")] == claims.claimmodel.CLASSES.index("involved_in")
    assert labelled[("Tumaco", "Rafael Prieto")] == 0


def test_run_writes_weights_settings_and_a_report(tmp_path: Path) -> None:
    cv = tmp_path / "not yet made" / "cv.jsonl"
    report = trainer.run(items(), tmp_path, seed=5, cv_output=cv)
    assert report["articles"] == 6 and report["folds"] == 5
    assert set(report["claims"]["cross_validated"]) == {"rules only", "chosen"}
    assert set(report["events"]["cross_validated"]) == {"rules only", "chosen"}
    assert LinearModel.load(tmp_path / "claims.npz").classes[0] == "none"
    assert LinearModel.load(tmp_path / "events.npz").classes[1] == "protest"
    assert "threshold" in json.loads((tmp_path / "claims.json").read_text())
    assert "add" in json.loads((tmp_path / "events.json").read_text())
    assert LinearModel.load(tmp_path / "types.npz").classes[0] == "PERSON"
    assert set(report["types"]["cross_validated"]) == {"rules only", "chosen"}
    assert [json.loads(line)["id"] for line in cv.read_text().splitlines()] == [f"t{n}" for n in range(6)]


def test_folds_are_balanced_and_stable() -> None:
    parsed = claims.parse(items())
    assert sorted(p.fold for p in parsed) == [0, 0, 1, 2, 3, 4]


def test_train_command_says_what_is_missing(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "--annotations", str(tmp_path / "none.jsonl"),
                                      "--out", str(tmp_path)])
    assert result.exit_code != 0 and "no annotations file" in result.output
