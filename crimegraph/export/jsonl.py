"""JSON lines for pipelines: every article, entity, event and claim, each with its provenance."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import IO, Any

from crimegraph.export.snapshot import Snapshot


def records(snap: Snapshot) -> Iterator[dict[str, Any]]:
    """One dict per article (without text), entity (with its mentions), event (with its reports) and claim."""
    for article in snap.articles.values():
        data = asdict(article)
        data.pop("text", None)
        yield {"kind": "article", **data}
    for entity in snap.entities.values():
        yield {"kind": "entity", **asdict(entity)}
    for event in snap.events:
        yield {"kind": "event", **asdict(event), "actor_ids": event.actor_ids, "article_ids": event.article_ids}
    for claim in snap.claims:
        yield {"kind": "claim", **asdict(claim)}


def write_jsonl(snap: Snapshot, out: IO[str]) -> int:
    """Write the records as JSON lines; how many lines were written."""
    count = 0
    for record in records(snap):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
