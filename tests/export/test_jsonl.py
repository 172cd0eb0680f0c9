"""JSON lines: every article, entity, event and claim, with provenance."""

from __future__ import annotations

import io
import json
from collections import Counter

from crimegraph.export import Snapshot
from crimegraph.export.jsonl import write_jsonl


def test_every_record_with_provenance(snap: Snapshot) -> None:
    out = io.StringIO()
    count = write_jsonl(snap, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(records)
    kinds = Counter(r["kind"] for r in records)
    assert kinds == {"article": 3, "entity": len(snap.entities), "event": 3, "claim": 10}
    assert all("text" not in r for r in records if r["kind"] == "article")
    claim = next(r for r in records if r["kind"] == "claim" and r["predicate"] == "involved_in"
                 and r["subject"] == "Vladimir Padrino López")
    assert (claim["status"], claim["source"], claim["article_id"]) == ("alleged", "prosecutors", "kb-one")
    assert claim["evidence"][0]["text"].startswith("Washington said")
    entity = next(r for r in records if r["kind"] == "entity" and r["name"] == "Vladimir Padrino López")
    assert {p["article_id"] for p in entity["provenance"]} == {"kb-one", "kb-two"}
    event = next(r for r in records if r["kind"] == "event" and r["type"] == "sanction")
    assert event["article_ids"] == ["kb-one", "kb-two"] and len(event["reports"]) == 2
