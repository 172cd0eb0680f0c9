"""Events: what happened, when and where, who took part, and which articles report it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select, true

from crimegraph.analyse.common import (
    FIRST_PAGE,
    Listing,
    Page,
    article_refs,
    citation,
    entity_names,
    listing,
    nodes_named,
)
from crimegraph.store.db import in_chunks
from crimegraph.store.latest import count_events, latest_event_ids, latest_reports, took_part
from crimegraph.store.tables import event_actors, event_reports, events

BUCKETS = {"year": 4, "month": 7, "day": 10}
REPORTS = 5  # reports listed per event, newest first


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Event filters: type, date range (ISO prefixes, inclusive), place and actor (id or name)."""

    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    actor: str | None = None

    def condition(self, conn: Connection) -> ColumnElement[bool]:
        """The WHERE clause for these filters."""
        parts: list[ColumnElement[bool]] = []
        if self.type:
            parts.append(events.c.type == self.type)
        if self.date_from:
            parts.append(events.c.date >= self.date_from)
        if self.date_to:
            parts.append(events.c.date <= self.date_to + "\uffff")
        if self.place:
            nodes = nodes_named(conn, self.place)
            parts.append(or_(events.c.location_id.in_(nodes),
                             func.lower(events.c.location).contains(self.place.strip().lower(), autoescape=True)))
        if self.actor:
            nodes = nodes_named(conn, self.actor)
            parts.append(events.c.id.in_(select(event_reports.c.event_id).join(
                event_actors, event_actors.c.report_id == event_reports.c.id)
                .where(event_actors.c.entity_id.in_(nodes))))
        return and_(true(), *parts)


ANY_EVENT = EventFilter()


@dataclass(slots=True)
class Timeline:
    """Event counts per period (`bucket`) and type, and a page of the events."""

    events: Listing
    bucket: str
    types: list[str]
    series: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {**self.events.to_dict(), "bucket": self.bucket, "types": self.types, "series": self.series}


def event_dicts(conn: Connection, rows: list[Any], reports_per_event: int = REPORTS) -> list[dict[str, Any]]:
    """JSON-ready events with their actors (resolved, from every report), place and latest reporting articles
    (`report_count` says how many report it)."""
    ids = [r.id for r in rows]
    reports, counts = latest_reports(conn, ids, reports_per_event)
    actor_nodes: dict[str, list[str]] = defaultdict(list)
    for part in in_chunks(ids):
        for event_id, node in conn.execute(
                select(event_reports.c.event_id, event_actors.c.entity_id)
                .join(event_actors, event_actors.c.report_id == event_reports.c.id)
                .where(event_reports.c.event_id.in_(part)).order_by(event_reports.c.id, event_actors.c.entity_id)):
            actor_nodes[event_id].append(node)
    refs = entity_names(conn, {n for found in actor_nodes.values() for n in found}
                        | {r.location_id for r in rows if r.location_id})
    papers = article_refs(conn, {r.article_id for found in reports.values() for r in found})
    found_events: list[dict[str, Any]] = []
    for row in rows:
        actors: dict[str, dict[str, str]] = {}
        for node in actor_nodes[row.id]:
            if node in refs:
                actors.setdefault(refs[node]["id"], refs[node])
        found_events.append({
            "id": row.id, "type": row.type, "date": row.date, "location": row.location,
            "place": refs.get(row.location_id) if row.location_id else None,
            "fatalities": row.fatalities, "arrested": row.arrested, "actors": list(actors.values()),
            "reports": [citation(papers.get(r.article_id), r.article_id, r.evidence) for r in reports[row.id]],
            "report_count": counts.get(row.id, 0),
        })
    return found_events


def events_where(conn: Connection, condition: ColumnElement[bool], limit: int = 100,
                 offset: int = 0) -> list[dict[str, Any]]:
    """Events matching a condition, latest first (undated last)."""
    rows = conn.execute(select(events).where(condition)
                        .order_by(events.c.date.is_(None), events.c.date.desc(), events.c.id)
                        .limit(limit).offset(offset)).all()
    return event_dicts(conn, list(rows))


def entity_events(conn: Connection, nodes: Collection[str], limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """The latest `limit` events an entity took part in or that happened at it (date, then id, descending;
    undated last), and how many there are."""
    nodes = sorted(nodes)
    count = count_events(conn, or_(events.c.id.in_(took_part(nodes)), events.c.location_id.in_(nodes)))
    rank = {event_id: i for i, event_id in enumerate(latest_event_ids(conn, nodes, limit, count))}
    rows = sorted(conn.execute(select(events).where(events.c.id.in_(list(rank)))).all(), key=lambda r: rank[r.id])
    return event_dicts(conn, rows), count


def list_events(conn: Connection, where: EventFilter = ANY_EVENT, page: Page = FIRST_PAGE) -> Listing:
    """A page of events with the filters applied, and how many match."""
    condition = where.condition(conn)
    return listing(events_where(conn, condition, page.limit, page.offset), count_events(conn, condition), page)


def timeline(conn: Connection, where: EventFilter = ANY_EVENT, bucket: str = "month",
             page: Page = FIRST_PAGE) -> Timeline:
    """Event counts per period and type, plus a page of the events themselves (latest first)."""
    width = BUCKETS.get(bucket, 7)
    condition = where.condition(conn)
    period = func.substr(events.c.date, 1, width)
    rows = conn.execute(select(period, events.c.type, func.count()).where(condition, events.c.date.is_not(None))
                        .group_by(period, events.c.type).order_by(period)).all()
    buckets: dict[str, dict[str, int]] = {}
    for when, type_, count in rows:
        if len(when or "") == width:
            buckets.setdefault(when, {})[type_] = int(count)
    series = [{"period": when, "counts": counts, "total": sum(counts.values())} for when, counts in buckets.items()]
    types = sorted({t for counts in buckets.values() for t in counts})
    return Timeline(list_events(conn, where, page), bucket if bucket in BUCKETS else "month", types, series)
