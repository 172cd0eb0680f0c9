"""Annotations kept without the articles' text: each evidence sentence becomes character offsets.

A training annotation (the format of ../shared/train) gives every event and claim its evidence sentence
verbatim. The sentences are the outlets' words, so the repository keeps only where they are:
`{"field": "text" | "title", "start": int, "end": int}`, and `restore` reads them back from the corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from crimegraph.exc import InputError

Record = dict[str, Any]
FIELDS = ("text", "title")


def locate(evidence: str, article: Record) -> dict[str, Any] | None:
    """Where a sentence sits in the article, whatever its whitespace; None when it is not there."""
    words = evidence.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    for field in FIELDS:
        found = pattern.search(article.get(field) or "")
        if found:
            return {"field": field, "start": found.start(), "end": found.end()}
    return None


def quote(where: dict[str, Any], article: Record) -> str:
    """The sentence at an offset record."""
    source = article.get(where["field"]) or ""
    return str(source[where["start"]:where["end"]])


def strip(gold: Record, article: Record) -> Record:
    """A gold record with each evidence sentence replaced by its offsets; InputError if one is missing."""
    out = {key: value for key, value in gold.items() if key not in ("events", "claims")}
    for kind in ("events", "claims"):
        out[kind] = []
        for item in gold.get(kind, []):
            where = locate(item.get("evidence") or "", article)
            if where is None:
                raise InputError(f"{gold['id']}: {kind[:-1]} evidence is not in the article: "
                                 f"{str(item.get('evidence'))[:60]!r}")
            out[kind].append({**item, "evidence": where})
    return out


def restore(record: Record, article: Record) -> Record:
    """A stored record with its evidence sentences read back from the article."""
    out = dict(record)
    for kind in ("events", "claims"):
        out[kind] = [{**item, "evidence": quote(item["evidence"], article)} for item in record.get(kind, [])]
    return out


def read_jsonl(path: Path) -> Iterator[Record]:
    """JSON objects, one per non-empty line."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"{path}:{number}: not JSON ({error.msg})") from error


def corpus(path: Path) -> dict[str, Record]:
    """The corpus articles by id."""
    return {article["id"]: article for article in read_jsonl(path)}


def import_batches(folders: Iterable[Path]) -> Iterator[Record]:
    """Stripped records of annotated batch folders (docs.jsonl + gold.jsonl), in batch order."""
    for folder in sorted(folders):
        articles = {a["id"]: a for a in read_jsonl(folder / "docs.jsonl")}
        for gold in read_jsonl(folder / "gold.jsonl"):
            article = articles[gold["id"]]
            yield {"batch": folder.name, "language": article.get("language"), **strip(gold, article)}


def load(path: Path, texts: dict[str, Record]) -> list[tuple[Record, Record]]:
    """(article, gold with evidence sentences) pairs for the stored annotations whose article is known."""
    pairs = []
    for record in read_jsonl(path):
        article = texts.get(record["id"])
        if article is not None:
            pairs.append((article, restore(record, article)))
    return pairs
