"""Cross-article event de-duplication: reports of one happening (type, dates, place, actors) join one event."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, select, update

from crimegraph.resolve.blocking import chunks
from crimegraph.store.db import insert_ignore
from crimegraph.store.keys import make_id
from crimegraph.store.tables import entities, event_actors, event_reports, events
from crimegraph.store.writer import PendingReport, evidence_json

WINDOW_DAYS = 3


def parse_when(value: str | None) -> tuple[date | None, str]:
    """A date and its precision ('day', 'month', 'year', or 'none')."""
    text = (value or "").strip()
    try:
        if len(text) >= 10:
            return date.fromisoformat(text[:10]), "day"
        if len(text) == 7:
            return date.fromisoformat(text + "-01"), "month"
        if len(text) == 4:
            return date(int(text), 1, 1), "year"
    except ValueError:
        pass
    return None, "none"


def dates_agree(a: str | None, b: str | None, window: int) -> tuple[bool, bool]:
    """Whether two event dates can be the same happening, and whether both are day-precise."""
    (da, pa), (db, pb) = parse_when(a), parse_when(b)
    if da is None or db is None:
        return False, False
    if pa == pb == "day":
        return abs((da - db).days) <= window, True
    prefix = min(len(a or ""), len(b or ""), 7)
    return (a or "")[:prefix] == (b or "")[:prefix], False


@dataclass(slots=True)
class Known:
    """What an existing event is: its reports' articles, actor clusters and place clusters."""

    id: str
    date: str | None
    articles: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)


class EventPlacer:
    """Puts each pending report into a matching event, or a new one."""

    def __init__(self, conn: Connection, window: int = WINDOW_DAYS) -> None:
        self.conn = conn
        self.window = window

    def canonical(self, ids: Iterable[str | None]) -> set[str]:
        wanted = [i for i in ids if i]
        if not wanted:
            return set()
        return set(self.conn.execute(select(entities.c.canonical_id).where(entities.c.id.in_(wanted))).scalars())

    def candidates(self, report: PendingReport) -> list[Known]:
        """Events of the same type whose date may agree."""
        when, precision = parse_when(report.event.date)
        if when is None:
            return []
        low = (when - timedelta(days=self.window)).isoformat()[:4]
        high = (when + timedelta(days=self.window + (31 if precision == "month" else 0))).isoformat()
        if precision == "year":
            high = f"{when.year}-12-31"
        rows = self.conn.execute(select(events.c.id, events.c.date).where(
            events.c.type == report.event.type, events.c.date >= low, events.c.date <= high))
        found = {event_id: Known(event_id, when_) for event_id, when_ in rows}
        self.describe(found)
        return list(found.values())

    def describe(self, found: dict[str, Known]) -> None:
        for part in chunks(found):
            for event_id, article_id, location_id in self.conn.execute(
                    select(event_reports.c.event_id, event_reports.c.article_id, event_reports.c.location_id)
                    .where(event_reports.c.event_id.in_(part))):
                found[event_id].articles.add(article_id)
                found[event_id].places |= self.canonical([location_id])
            rows = self.conn.execute(
                select(event_reports.c.event_id, entities.c.canonical_id)
                .select_from(event_actors.join(event_reports, event_reports.c.id == event_actors.c.report_id)
                             .join(entities, entities.c.id == event_actors.c.entity_id))
                .where(event_reports.c.event_id.in_(part)))
            for event_id, canonical in rows:
                found[event_id].actors.add(canonical)

    def match(self, report: PendingReport) -> tuple[Known, dict[str, Any]] | None:
        """The best event this report is another account of, with why; None when there is none."""
        actors = self.canonical(report.actor_ids)
        places = self.canonical([report.location_id])
        best: tuple[float, Known, dict[str, Any]] | None = None
        for known in self.candidates(report):
            if report.article_id in known.articles:
                continue
            agree, precise = dates_agree(report.event.date, known.date, self.window)
            shared = len(actors & known.actors)
            place = bool(places & known.places)
            evidence = shared + int(place)
            if not agree or evidence == 0 or (not precise and evidence < 2):
                continue
            score = evidence + (0.5 if precise else 0.0)
            why = {"score": score, "shared_actors": shared, "same_place": place, "dates": [report.event.date,
                                                                                       known.date]}
            if best is None or score > best[0]:
                best = (score, known, why)
        return (best[1], best[2]) if best else None

    def place(self, report: PendingReport) -> str:
        """Store a report in its event; the event id."""
        found = self.match(report)
        event = report.event
        if found is None:
            event_id = make_id("v", report.id)
            insert_ignore(self.conn, events, [{
                "id": event_id, "type": event.type, "date": event.date, "location": event.location,
                "location_id": report.location_id, "fatalities": event.fatalities, "arrested": event.arrested}])
            why = None
        else:
            known, why = found
            event_id = known.id
            self.enrich(event_id, report)
        insert_ignore(self.conn, event_reports, [{
            "id": report.id, "article_id": report.article_id, "event_id": event_id, "type": event.type,
            "date": event.date, "location": event.location, "location_id": report.location_id,
            "actors": list(event.actors), "fatalities": event.fatalities, "arrested": event.arrested,
            "evidence": evidence_json(event.evidence), "confidence": event.confidence,
            "component": event.component, "match": why}])
        names = dict(zip(report.actor_ids, event.actors, strict=False))
        insert_ignore(self.conn, event_actors, [
            {"report_id": report.id, "entity_id": a, "name": names.get(a, "")} for a in report.actor_ids])
        return event_id

    def enrich(self, event_id: str, report: PendingReport) -> None:
        """Fill an event's missing or coarser fields from a new report; counts keep the largest."""
        row = self.conn.execute(select(events).where(events.c.id == event_id)).mappings().one()
        values: dict[str, Any] = {}
        if len(report.event.date or "") > len(row["date"] or ""):
            values["date"] = report.event.date
        if row["location"] is None and report.event.location:
            values["location"], values["location_id"] = report.event.location, report.location_id
        for count in ("fatalities", "arrested"):
            new = getattr(report.event, count)
            if new is not None and (row[count] is None or new > row[count]):
                values[count] = new
        if values:
            self.conn.execute(update(events).where(events.c.id == event_id).values(values))


def place_reports(conn: Connection, reports: Collection[PendingReport], window: int = WINDOW_DAYS) -> int:
    """Store pending reports, each joining a matching event or starting one; how many events were new."""
    placer = EventPlacer(conn, window)
    before = set()
    new = 0
    for report in reports:
        event_id = placer.place(report)
        if event_id == make_id("v", report.id) and event_id not in before:
            new += 1
        before.add(event_id)
    return new
