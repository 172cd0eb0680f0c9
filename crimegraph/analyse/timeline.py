"""An entity's events in time order, each with its latest reports' citations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, or_, select

from crimegraph.analyse.refs import Citation, article_meta, cite, entity_refs
from crimegraph.store.db import in_chunks
from crimegraph.store.latest import event_count, latest_event_ids, latest_reports, took_part
from crimegraph.store.queries import canonical_map
from crimegraph.store.tables import event_actors, event_reports, events

REPORTS = 3  # citations per event: its latest reports (report_count says how many there are)


@dataclass(slots=True)
class EventLine:
    """One de-duplicated event: what, when, where, who, counts, and the latest reports behind it."""

    id: str
    type: str
    date: str | None
    location: str | None
    actors: list[str] = field(default_factory=list)
    fatalities: int | None = None
    arrested: int | None = None
    citations: list[Citation] = field(default_factory=list)
    report_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "date": self.date, "location": self.location,
                "actors": self.actors, "fatalities": self.fatalities, "arrested": self.arrested,
                "citations": [c.to_dict() for c in self.citations], "report_count": self.report_count}


def event_ids(conn: Connection, nodes: Collection[str]) -> set[str]:
    """Events in which any of these nodes is an actor or the place."""
    found: set[str] = set()
    for part in in_chunks(nodes):
        found.update(conn.execute(select(events.c.id).where(or_(
            events.c.id.in_(took_part(part)), events.c.location_id.in_(part)))).scalars())
    return found


def event_lines(conn: Connection, ids: Collection[str], reports: int = REPORTS) -> list[EventLine]:
    """EventLines for event ids, in time order (undated last), each citing its latest `reports` reports."""
    lines: dict[str, EventLine] = {}
    actors: dict[str, list[str]] = defaultdict(list)
    for part in in_chunks(ids):
        for row in conn.execute(select(events).where(events.c.id.in_(part))).mappings():
            lines[row["id"]] = EventLine(row["id"], row["type"], row["date"], row["location"],
                                         fatalities=row["fatalities"], arrested=row["arrested"])
        for event_id, node in conn.execute(
                select(event_reports.c.event_id, event_actors.c.entity_id)
                .join(event_actors, event_actors.c.report_id == event_reports.c.id)
                .where(event_reports.c.event_id.in_(part)).order_by(event_reports.c.id, event_actors.c.entity_id)):
            actors[event_id].append(node)
    cited, counts = latest_reports(conn, ids, reports)
    meta = article_meta(conn, {r.article_id for found in cited.values() for r in found})
    canonical = canonical_map(conn, {n for nodes in actors.values() for n in nodes})
    refs = entity_refs(conn, set(canonical.values()), counted=False)
    for event_id, line in lines.items():
        names = [refs[canonical[n]].name for n in actors.get(event_id, []) if canonical.get(n) in refs]
        line.actors = list(dict.fromkeys(names))
        line.citations = cite(meta, [(r.article_id, r.evidence) for r in cited.get(event_id, [])])
        line.report_count = counts.get(event_id, 0)
    return sorted(lines.values(), key=lambda e: (e.date is None, e.date or "", e.type, e.id))


def counted_timeline(conn: Connection, nodes: Collection[str],
                     limit: int | None = None) -> tuple[list[EventLine], int]:
    """The events of an entity (all its nodes; an actor or the place), oldest first: all of them, or with
    `limit` its latest `limit`; and how many there are."""
    count = event_count(conn, nodes)
    if limit is None or count <= limit:
        return event_lines(conn, event_ids(conn, nodes)), count
    return event_lines(conn, latest_event_ids(conn, nodes, limit, count)), count


def timeline(conn: Connection, nodes: Collection[str], limit: int | None = None) -> list[EventLine]:
    """The events of an entity, oldest first: all of them, or with `limit` its latest `limit`."""
    return counted_timeline(conn, nodes, limit)[0]
