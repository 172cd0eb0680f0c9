"""The front page: counts, the latest events and the most connected actors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select, true, union_all

from crimegraph.analyse.common import Answer
from crimegraph.analyse.events import events_where
from crimegraph.analyse.refs import entity_refs
from crimegraph.store.queries import stats
from crimegraph.store.tables import claims, entities, event_actors


def connected(conn: Connection, limit: int = 10) -> list[dict[str, Any]]:
    """Actors (not places) with the most claims and event participations, counted in the database."""
    ends = union_all(select(claims.c.subject_id.label("node")),
                     select(claims.c.object_id.label("node")).where(claims.c.object_id.is_not(None)),
                     select(event_actors.c.entity_id.label("node"))).subquery()
    canonical = entities.alias("canonical")
    links = func.count().label("links")
    rows = conn.execute(select(entities.c.canonical_id, links).join(ends, ends.c.node == entities.c.id)
                        .join(canonical, canonical.c.id == entities.c.canonical_id)
                        .where(canonical.c.type != "LOCATION").group_by(entities.c.canonical_id)
                        .order_by(links.desc(), entities.c.canonical_id).limit(limit)).all()
    refs = entity_refs(conn, [node for node, _ in rows])
    return [{**refs[node].to_dict(), "links": int(count)} for node, count in rows if node in refs]


@dataclass(slots=True)
class Overview(Answer):
    """The front page: counts, the latest events, the most connected actors."""

    counts: dict[str, int]
    latest_events: list[dict[str, Any]]
    most_connected: list[dict[str, Any]]


def overview(conn: Connection) -> Overview:
    """Counts of the knowledge base, its latest events and its most connected actors."""
    return Overview(stats(conn), events_where(conn, true(), 10), connected(conn))
