"""ACLED benchmark: short ACLED-style event notes (ours) extracted and exported.

    .venv/bin/python benchmarks/acled.py [--notes FILE] [--explain]

Two sets, scored apart: data/acled_notes.jsonl (28 notes the rules were developed on: an optimistic
figure) and data/acled_heldout.jsonl (25 held-out notes, written after the extractor and first scored
before any change for them: the honest estimate). --notes scores one file instead.

Prints score.py's event figures (events P/R/F1; date, place and fatalities accuracy over matched events)
and, from the ACLED export of a knowledge base built from the notes, how often each note's row agrees
with its ACLED coding (event_type, sub_event_type, location, admin1, geo_precision, fatalities).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from crimegraph.export import load_snapshot
from crimegraph.export.acled import acled_rows
from crimegraph.extract import extract_many
from crimegraph.ingest.runner import ingest
from crimegraph.model import Article, Extraction
from crimegraph.settings import Settings
from crimegraph.store.db import open_db

HERE = Path(__file__).resolve().parent
SCORE = HERE.parent.parent / "shared" / "eval" / "score.py"
SETS = (("developed on (data/acled_notes.jsonl)", HERE / "data" / "acled_notes.jsonl"),
        ("HELD-OUT (data/acled_heldout.jsonl)", HERE / "data" / "acled_heldout.jsonl"))
FIELDS = ("event_type", "sub_event_type", "location", "admin1", "geo_precision", "fatalities")


def load_notes(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def article(note: dict[str, Any]) -> Article:
    return Article(note["id"], note["text"], note.get("title") or None, note["date"], note["language"],
                   source="crimegraph ACLED benchmark")


def event_scores(notes: list[dict[str, Any]], outputs: list[Extraction], explain: bool) -> str:
    """score.py's table for the events of the notes."""
    with tempfile.TemporaryDirectory() as tmp:
        gold, system = Path(tmp, "gold.jsonl"), Path(tmp, "sys.jsonl")
        gold.write_text("".join(json.dumps({"id": n["id"], "entities": [], "claims": [], **n["gold"]},
                                           ensure_ascii=False) + "\n" for n in notes), encoding="utf-8")
        system.write_text("".join(json.dumps(x.to_eval(), ensure_ascii=False) + "\n" for x in outputs),
                          encoding="utf-8")
        command = [sys.executable, str(SCORE), str(gold), str(system), "--parts=events"]
        if explain:
            command.append("--explain")
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def export_rows(notes: list[dict[str, Any]], outputs: list[Extraction]) -> dict[str, list[dict[str, Any]]]:
    """The ACLED rows of a fresh knowledge base of the notes, by note id."""
    by_id = {x.article_id: x for x in outputs}
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_db(f"sqlite:///{tmp}/acled.db")
        settings = Settings.from_env(db=f"sqlite:///{tmp}/acled.db")
        ingest([article(n) for n in notes], engine, settings,
               extractor=lambda articles: (by_id[a.id] for a in articles))
        snap = load_snapshot(engine)
        rows: dict[str, list[dict[str, Any]]] = {}
        for event, row in zip(snap.events, acled_rows(snap, sort=False), strict=True):
            for article_id in event.article_ids:
                rows.setdefault(article_id, []).append(row)
        engine.dispose()
    return rows


def best_row(note: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The row that agrees with the note's coding on most fields."""
    gold = note["acled"]
    return max(rows, key=lambda r: sum(str(r.get(f)) == str(gold[f]) for f in FIELDS), default=None)


def export_scores(notes: list[dict[str, Any]], rows: dict[str, list[dict[str, Any]]], explain: bool) -> str:
    right = dict.fromkeys(FIELDS, 0)
    lines = []
    for note in notes:
        row = best_row(note, rows.get(note["id"], []))
        for field in FIELDS:
            ok = row is not None and str(row.get(field)) == str(note["acled"][field])
            right[field] += ok
            if explain and not ok:
                lines.append(f"{note['id']}\t{field}\tgold={note['acled'][field]!r}\t"
                             f"export={None if row is None else row.get(field)!r}")
    lines.append(f"ACLED export agreement over {len(notes)} notes (best row per note)")
    lines.extend(f"{field:22}{right[field] / len(notes):8.3f}" for field in FIELDS)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", help="one notes file (default: both sets)")
    parser.add_argument("--explain", action="store_true", help="list every miss")
    args = parser.parse_args()
    if not SCORE.exists():
        sys.exit(f"no {SCORE}: the ACLED benchmark scores with the shared score.py")
    sets = [(Path(args.notes).name, Path(args.notes))] if args.notes else list(SETS)
    for label, path in sets:
        notes = load_notes(path)
        outputs = list(extract_many([article(n) for n in notes]))
        print(f"== {label}: {len(notes)} ACLED-style notes")
        print(event_scores(notes, outputs, args.explain))
        print(export_scores(notes, export_rows(notes, outputs), args.explain))
        print()


if __name__ == "__main__":
    main()
