"""An entity's events in time order, each with every report's citation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, or_, select

from crimegraph.store.queries import Citation, canonical_map, citations, entity_refs, in_chunks
from crimegraph.store.tables import event_actors, event_reports, events


@dataclass(slots=True)
class EventLine:
    """One de-duplicated event: what, when, where, who, counts, and the reports behind it."""

    id: str
    type: str
    date: str | None
    location: str | None
    actors: list[str] = field(default_factory=list)
    fatalities: int | None = None
    arrested: int | None = None
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "date": self.date, "location": self.location,
                "actors": self.actors, "fatalities": self.fatalities, "arrested": self.arrested,
                "citations": [c.to_dict() for c in self.citations]}


def event_ids(conn: Connection, nodes: Collection[str]) -> set[str]:
    """Events in which any of these nodes is an actor or the place."""
    found: set[str] = set()
    for part in in_chunks(nodes):
        found.update(conn.execute(
            select(event_reports.c.event_id).join(event_actors, event_actors.c.report_id == event_reports.c.id,
                                                  isouter=True)
            .where(or_(event_actors.c.entity_id.in_(part), event_reports.c.location_id.in_(part)))).scalars())
    return found


def event_lines(conn: Connection, ids: Collection[str]) -> list[EventLine]:
    """EventLines for event ids, in time order (undated last)."""
    lines: dict[str, EventLine] = {}
    for part in in_chunks(ids):
        for row in conn.execute(select(events).where(events.c.id.in_(part))).mappings():
            lines[row["id"]] = EventLine(row["id"], row["type"], row["date"], row["location"],
                                         fatalities=row["fatalities"], arrested=row["arrested"])
    actors: dict[str, list[str]] = defaultdict(list)
    evidence: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for part in in_chunks(ids):
        for event_id, article_id, found in conn.execute(
                select(event_reports.c.event_id, event_reports.c.article_id, event_reports.c.evidence)
                .where(event_reports.c.event_id.in_(part)).order_by(event_reports.c.article_id)):
            evidence[event_id].append((article_id, found))
        for event_id, node in conn.execute(
                select(event_reports.c.event_id, event_actors.c.entity_id)
                .join(event_actors, event_actors.c.report_id == event_reports.c.id)
                .where(event_reports.c.event_id.in_(part))):
            actors[event_id].append(node)
    canonical = canonical_map(conn, {n for nodes in actors.values() for n in nodes})
    refs = entity_refs(conn, set(canonical.values()))
    for event_id, line in lines.items():
        names = [refs[canonical[n]].name for n in actors.get(event_id, []) if canonical.get(n) in refs]
        line.actors = list(dict.fromkeys(names))
        line.citations = citations(conn, evidence.get(event_id, []))
    return sorted(lines.values(), key=lambda e: (e.date is None, e.date or "", e.type, e.id))


def timeline(conn: Connection, nodes: Collection[str], limit: int | None = None) -> list[EventLine]:
    """The events of an entity (all its nodes), oldest first."""
    lines = event_lines(conn, event_ids(conn, nodes))
    return lines if limit is None else lines[:limit]
