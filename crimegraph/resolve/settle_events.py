"""Settling events: every stored report placed again from scratch, in one fixed order.

Reports join events as batches arrive, so which reports make one event can depend on the order articles
came in (and on the merges known at the time). `settle_events` re-places every report in date order,
with today's clusters, and writes only what differs: the same articles always give the same events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from crimegraph.model import Event
from crimegraph.resolve.events import WINDOW_DAYS, EventPlacer, Known, search_range
from crimegraph.store.bulk import bulk_insert
from crimegraph.store.db import in_chunks
from crimegraph.store.tables import event_actors, event_reports, events
from crimegraph.store.writer import PendingReport


class Replacer(EventPlacer):
    """An EventPlacer over the whole knowledge base: no stored events, candidates found by month."""

    def __init__(self, conn: Connection, window: int = WINDOW_DAYS) -> None:
        super().__init__(conn, window)
        self.buckets: dict[tuple[str, str], dict[str, Known]] = defaultdict(dict)
        self.order: dict[str, int] = {}

    def candidates(self, report: PendingReport) -> list[Known]:
        span = search_range(report, self.window)
        if span is None:
            return []
        low, high = span
        found = {k.id: k for key in months(low, high) for k in self.buckets[(report.event.type, key)].values()}
        return sorted((k for k in found.values() if k.date is not None and low <= k.date <= high),
                      key=lambda k: self.order[k.id])

    def place(self, report: PendingReport) -> tuple[str, dict[str, Any] | None]:
        event_id, why = super().place(report)
        known = self.created[event_id]
        self.order.setdefault(event_id, len(self.order))
        if known.date:
            self.buckets[(known.type, bucket(known.date))][event_id] = known
        return event_id, why


def bucket(value: str) -> str:
    """The month of a date ('2019-05'), or its year when that is all it says."""
    return value[:7] if len(value) >= 7 else value[:4]


def months(low: str, high: str) -> Iterator[str]:
    """Every year and month key from the start of low's year to high's month."""
    first, last = int(low[:4]), int(high[:4])
    end = high[:7] if len(high) >= 7 else f"{last}-12"
    for year in range(first, last + 1):
        yield str(year)
        for month in range(1, 13):
            key = f"{year}-{month:02d}"
            if key > end:
                return
            yield key


def stored_reports(conn: Connection) -> list[tuple[PendingReport, str]]:
    """Every stored report as a pending one, with the event it is in now; in placing order."""
    actors: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for report, entity, name in conn.execute(select(event_actors.c.report_id, event_actors.c.entity_id,
                                                    event_actors.c.name)):
        actors[report].append((entity, name))
    found = []
    for row in conn.execute(select(event_reports)).mappings():
        pairs = sorted(actors.get(row["id"], []))
        event = Event(row["type"], row["date"], row["location"], [n for _, n in pairs], row["fatalities"],
                      row["arrested"])
        found.append((PendingReport(row["id"], row["article_id"], event, [e for e, _ in pairs],
                                    row["location_id"]), row["event_id"]))
    found.sort(key=lambda pair: (pair[0].event.type, pair[0].event.date or "9999", pair[0].id))
    return found


def settle_events(conn: Connection, window: int = WINDOW_DAYS) -> int:
    """Place every report again in date order and write what differs; how many reports moved."""
    reports = stored_reports(conn)
    placer = Replacer(conn, window)
    placer.load_canonical({i for r, _ in reports for i in [*r.actor_ids, r.location_id] if i})
    moved = []
    for report, current in reports:
        event_id, why = placer.place(report)
        if event_id != current:
            moved.append({"report": report.id, "event": event_id, "why": why})
    rows = {k.id: {"id": k.id, "type": k.type, **k.row} for k in placer.created.values()}
    write(conn, rows, moved)
    return len(moved)


def write(conn: Connection, rows: dict[str, dict[str, Any]], moved: list[dict[str, Any]]) -> None:
    """Insert new events, update changed ones, move reports, drop events left without reports."""
    stored = {row["id"]: dict(row) for row in conn.execute(select(events)).mappings()}
    bulk_insert(conn, events, [row for key, row in rows.items() if key not in stored])
    for key, row in rows.items():
        if key in stored and stored[key] != row:
            conn.execute(update(events).where(events.c.id == key).values(row))
    if moved:
        conn.execute(update(event_reports).where(event_reports.c.id == bindparam("report"))
                     .values(event_id=bindparam("event"), match=bindparam("why")), moved)
    for part in in_chunks(sorted(set(stored) - set(rows))):
        conn.execute(delete(events).where(events.c.id.in_(part)))

