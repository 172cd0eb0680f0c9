"""Flatten Articles and Extractions into table rows, and back: the Parquet layout of `batch`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from crimegraph.model import Article, Claim, Entity, Event, Evidence, Extraction

TABLES = ("articles", "entities", "mentions", "events", "claims")


def _evidence(items: list[Evidence]) -> str:
    return json.dumps([e.to_dict() for e in items], ensure_ascii=False)


def _parse_evidence(value: str | None) -> list[Evidence]:
    return [Evidence(int(e["start"]), int(e["end"]), str(e["text"])) for e in json.loads(value or "[]")]


def to_rows(pairs: Iterable[tuple[Article, Extraction]]) -> dict[str, list[dict[str, Any]]]:
    """Rows of the five tables for (article, extraction) pairs; every row names its article."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for article, result in pairs:
        rows["articles"].append({
            **article.to_dict(), "source": article.source, "url": article.url,
            "content_hash": article.content_hash, "extra": json.dumps(article.extra, ensure_ascii=False),
            "extracted_language": result.language, "error": result.error,
            "warnings": json.dumps(result.warnings, ensure_ascii=False),
        })
        for number, entity in enumerate(result.entities):
            rows["entities"].append({
                "article_id": article.id, "entity": number, "name": entity.name, "type": entity.type,
                "aliases": list(entity.aliases), "evidence": _evidence(entity.evidence),
                "confidence": entity.confidence, "component": entity.component,
            })
            for item in entity.evidence:
                rows["mentions"].append({"article_id": article.id, "entity": number, "name": entity.name,
                                         "start": item.start, "end": item.end, "sentence": item.text})
        for event in result.events:
            rows["events"].append({**event.to_eval(), "article_id": article.id,
                                   "evidence": _evidence(event.evidence), "confidence": event.confidence,
                                   "component": event.component})
        for claim in result.claims:
            rows["claims"].append({**claim.to_eval(), "article_id": article.id,
                                   "evidence": _evidence(claim.evidence), "confidence": claim.confidence,
                                   "component": claim.component})
    return rows


def from_rows(rows: dict[str, list[dict[str, Any]]]) -> list[tuple[Article, Extraction]]:
    """The (article, extraction) pairs that `to_rows` flattened, in article order."""
    pairs: dict[str, tuple[Article, Extraction]] = {}
    for row in rows["articles"]:
        article = Article(id=row["id"], text=row["text"], title=row.get("title"), date=row.get("date"),
                          language=row.get("language"), source=row.get("source"), url=row.get("url"),
                          extra=json.loads(row.get("extra") or "{}"))
        result = Extraction(row["id"], language=row.get("extracted_language"), error=row.get("error"),
                            warnings=json.loads(row.get("warnings") or "[]"))
        pairs[row["id"]] = (article, result)
    for row in sorted(rows["entities"], key=lambda r: (r["article_id"], r["entity"])):
        pairs[row["article_id"]][1].entities.append(Entity(
            row["name"], row["type"], list(row["aliases"] or []), _parse_evidence(row["evidence"]),
            row["confidence"], row["component"]))
    for row in rows["events"]:
        pairs[row["article_id"]][1].events.append(Event(
            row["type"], row.get("date"), row.get("location"), list(row.get("actors") or []),
            _int(row.get("fatalities")), _int(row.get("arrested")), _parse_evidence(row["evidence"]),
            row["confidence"], row["component"]))
    for row in rows["claims"]:
        pairs[row["article_id"]][1].claims.append(Claim(
            row["subject"], row["predicate"], row["object"], row["status"], row.get("source"),
            _parse_evidence(row["evidence"]), row["confidence"], row["component"]))
    return list(pairs.values())


def _int(value: Any) -> int | None:
    if value is None or value != value:  # None or NaN
        return None
    return int(value)
