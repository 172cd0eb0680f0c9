"""The front page: counts, the latest events and the most connected actors."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, func, select, true

from crimegraph.serve.queries.events import events_where
from crimegraph.store.queries import entity_refs, stats
from crimegraph.store.tables import claims, entities, event_actors


def connected(conn: Connection, limit: int = 10) -> list[dict[str, Any]]:
    """Actors (not places) with the most claims and event participations."""
    degree: Counter[str] = Counter()
    joins = [(claims, claims.c.subject_id == entities.c.id), (claims, claims.c.object_id == entities.c.id),
             (event_actors, event_actors.c.entity_id == entities.c.id)]
    for table, on in joins:
        rows = conn.execute(select(entities.c.canonical_id, func.count()).join(table, on)
                            .group_by(entities.c.canonical_id))
        degree.update({node: int(count) for node, count in rows})
    refs = entity_refs(conn, [n for n, _ in degree.most_common(limit * 3)])
    ranked = [{**refs[n].to_dict(), "links": d} for n, d in degree.most_common(limit * 3)
              if n in refs and refs[n].type != "LOCATION"]
    return ranked[:limit]


def overview(conn: Connection) -> dict[str, Any]:
    """Counts of the knowledge base, its latest events and its most connected actors."""
    return {"counts": stats(conn), "latest_events": events_where(conn, true(), 10),
            "most_connected": connected(conn)}
