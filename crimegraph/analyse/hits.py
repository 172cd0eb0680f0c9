"""Screening hits in the knowledge base: possible matches with list entries, never facts.

The table lives in its own metadata (created on first use), so the core schema does not depend on
screening; profiles and the API read it through `possible_matches` and `all_matches`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, Connection, DateTime, Float, Index, MetaData, String, Table, Text, inspect, select

from crimegraph.store.db import Bind, connect
from crimegraph.store.keys import make_id
from crimegraph.store.tables import entities

metadata = MetaData()
ID = String(64)
POSSIBLE = "possible_match"

screening_hits = Table(
    "screening_hits", metadata,
    Column("id", ID, primary_key=True),
    Column("list_name", String(400), nullable=False, index=True),
    Column("entry_id", String(400), nullable=False),
    Column("entry_name", Text, nullable=False),
    Column("entry_schema", String(40), nullable=False),
    Column("entry", JSON, nullable=False),
    Column("entity_id", ID, nullable=False, index=True),
    Column("kb_name", Text, nullable=False),
    Column("matched_name", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("features", JSON, nullable=False),
    Column("status", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_screening_hits_entry", "list_name", "entry_id"),
)


def ensure_table(conn: Connection) -> None:
    """Create the hits table when the knowledge base has none yet."""
    metadata.create_all(conn, checkfirst=True)


def has_table(conn: Connection) -> bool:
    """Whether the knowledge base has ever been screened."""
    return bool(inspect(conn).has_table("screening_hits"))


def replace_hits(bind: Bind, list_name: str, rows: Iterable[dict[str, Any]]) -> int:
    """Store one list's hits, replacing that list's earlier screening; how many were stored."""
    now = datetime.now(UTC)
    batch = [{**row, "id": make_id("h", list_name, row["entry_id"], row["entity_id"]), "list_name": list_name,
              "status": POSSIBLE, "created_at": now} for row in rows]
    with connect(bind) as conn:
        ensure_table(conn)
        conn.execute(screening_hits.delete().where(screening_hits.c.list_name == list_name))
        if batch:
            conn.execute(screening_hits.insert(), batch)
    return len(batch)


def _row(row: Any, canonical: str | None = None) -> dict[str, Any]:
    return {
        "id": row.entry_id, "name": row.entry_name, "schema": row.entry_schema, "list": row.list_name,
        "score": row.score, "features": row.features, "status": row.status, "matched_name": row.matched_name,
        "kb_name": row.kb_name, "entity_id": canonical or row.entity_id, "entry": row.entry,
        "screened_at": row.created_at.isoformat() if row.created_at else None,
    }


def possible_matches(bind: Bind, entity_id: str) -> list[dict[str, Any]]:
    """List entries an entity (any node of its cluster) possibly matches, best first; [] if never screened."""
    with connect(bind) as conn:
        if not has_table(conn):
            return []
        canonical = conn.execute(select(entities.c.canonical_id).where(entities.c.id == entity_id)).scalar()
        if canonical is None:
            return []
        members = select(entities.c.id).where(entities.c.canonical_id == canonical)
        rows = conn.execute(select(screening_hits).where(screening_hits.c.entity_id.in_(members))
                            .order_by(screening_hits.c.score.desc(), screening_hits.c.entry_id))
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for row in rows:
            found.setdefault((row.list_name, row.entry_id), _row(row, canonical))
        return list(found.values())


def all_matches(bind: Bind, min_score: float = 0.0, limit: int = 1000) -> list[dict[str, Any]]:
    """Every recorded possible match at or above a score, best first, with entities' current canonical ids."""
    with connect(bind) as conn:
        if not has_table(conn):
            return []
        rows = conn.execute(
            select(screening_hits, entities.c.canonical_id)
            .join(entities, entities.c.id == screening_hits.c.entity_id, isouter=True)
            .where(screening_hits.c.score >= min_score)
            .order_by(screening_hits.c.score.desc(), screening_hits.c.entry_id).limit(limit))
        return [_row(row, row.canonical_id) for row in rows]
