"""Cross-article event de-duplication: reports of one happening (type, dates, place, actors) join one event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, select, update

from crimegraph.store.bulk import bulk_insert
from crimegraph.store.db import in_chunks
from crimegraph.store.keys import make_id
from crimegraph.store.queries import canonical_map
from crimegraph.store.tables import event_actors, event_reports, events
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
    """An event as placing sees it: its fields, its reports' articles, actor clusters and place clusters."""

    id: str
    type: str
    date: str | None
    row: dict[str, Any]
    articles: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)


def search_range(report: PendingReport, window: int) -> tuple[str, str] | None:
    """The (low, high) event dates, as compared strings, that may hold another account of the report."""
    when, precision = parse_when(report.event.date)
    if when is None:
        return None
    low = (when - timedelta(days=window)).isoformat()[:4]
    high = (when + timedelta(days=window + (31 if precision == "month" else 0))).isoformat()
    if precision == "year":
        high = f"{when.year}-12-31"
    return low, high


def merged(ranges: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Overlapping string ranges joined."""
    out: list[tuple[str, str]] = []
    for low, high in sorted(ranges):
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


class EventPlacer:
    """Puts each pending report of a batch into a matching event, or a new one, set-based.

    The candidate events of the whole batch are read at once, matching happens in memory (a report can
    join an event an earlier report of the batch started), and new events, changed events, reports and
    actors are written with the bulk path at the end.
    """

    FIELDS = ("date", "location", "location_id", "fatalities", "arrested")

    def __init__(self, conn: Connection, window: int = WINDOW_DAYS) -> None:
        self.conn = conn
        self.window = window
        self.canon: dict[str, str] = {}
        self.known: dict[str, list[Known]] = defaultdict(list)
        self.stored: dict[str, Known] = {}
        self.created: dict[str, Known] = {}
        self.changed: set[str] = set()

    def canonical(self, ids: Iterable[str | None]) -> set[str]:
        return {self.canon.get(i, i) for i in ids if i}

    def load_canonical(self, ids: Collection[str]) -> None:
        self.canon.update(canonical_map(self.conn, ids))

    def preload(self, reports: Collection[PendingReport]) -> None:
        """Every stored event of a report's type whose date falls in some report's search range."""
        wanted: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for report in reports:
            found = search_range(report, self.window)
            if found:
                wanted[report.event.type].append(found)
        loaded: dict[str, Known] = {}
        for type_, ranges in wanted.items():
            for low, high in merged(ranges):
                for row in self.conn.execute(select(events).where(
                        events.c.type == type_, events.c.date >= low, events.c.date <= high)).mappings():
                    loaded[row["id"]] = Known(row["id"], type_, row["date"], {f: row[f] for f in self.FIELDS})
        self.describe(loaded)
        self.stored.update(loaded)
        for known in sorted(loaded.values(), key=lambda k: (k.date or "", k.id)):
            self.known[known.type].append(known)

    def describe(self, found: dict[str, Known]) -> None:
        """Fill in the articles, places and actors of stored events."""
        pairs: list[tuple[str, str, str | None]] = []
        actors: list[tuple[str, str]] = []
        for part in in_chunks(found):
            pairs.extend((e, a, p) for e, a, p in self.conn.execute(
                select(event_reports.c.event_id, event_reports.c.article_id, event_reports.c.location_id)
                .where(event_reports.c.event_id.in_(part))))
            actors.extend((e, a) for e, a in self.conn.execute(
                select(event_reports.c.event_id, event_actors.c.entity_id)
                .join(event_reports, event_reports.c.id == event_actors.c.report_id)
                .where(event_reports.c.event_id.in_(part))))
        self.load_canonical(({p for _, _, p in pairs if p} | {a for _, a in actors}) - self.canon.keys())
        for event_id, article_id, place in pairs:
            found[event_id].articles.add(article_id)
            found[event_id].places |= self.canonical([place])
        for event_id, actor in actors:
            found[event_id].actors |= self.canonical([actor])

    def candidates(self, report: PendingReport) -> list[Known]:
        """Events of the same type whose date may agree."""
        span = search_range(report, self.window)
        if span is None:
            return []
        low, high = span
        return [k for k in self.known[report.event.type] if k.date is not None and low <= k.date <= high]

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

    def place(self, report: PendingReport) -> tuple[str, dict[str, Any] | None]:
        """The event a report joins (started when none matches), and why it matched."""
        found = self.match(report)
        event = report.event
        if found is None:
            known = Known(make_id("v", report.id), event.type, event.date, {
                "date": event.date, "location": event.location, "location_id": report.location_id,
                "fatalities": event.fatalities, "arrested": event.arrested})
            self.created[known.id] = known
            self.known[event.type].append(known)
            why = None
        else:
            known, why = found
            self.enrich(known, report)
        known.articles.add(report.article_id)
        known.actors |= self.canonical(report.actor_ids)
        known.places |= self.canonical([report.location_id])
        return known.id, why

    def enrich(self, known: Known, report: PendingReport) -> None:
        """Fill an event's missing or coarser fields from a new report; counts keep the largest."""
        row, event = known.row, report.event
        before = dict(row)
        if len(event.date or "") > len(row["date"] or ""):
            row["date"] = known.date = event.date
        if row["location"] is None and event.location:
            row["location"], row["location_id"] = event.location, report.location_id
        for count in ("fatalities", "arrested"):
            new = getattr(event, count)
            if new is not None and (row[count] is None or new > row[count]):
                row[count] = new
        if row != before and known.id not in self.created:
            self.changed.add(known.id)

    def place_all(self, reports: Sequence[PendingReport]) -> int:
        """Place and write every report of a batch; how many events were new."""
        self.load_canonical({i for r in reports for i in [*r.actor_ids, r.location_id] if i})
        self.preload(reports)
        report_rows: list[dict[str, Any]] = []
        actor_rows: list[dict[str, Any]] = []
        for report in reports:
            event_id, why = self.place(report)
            report_rows.append(report_row(report, event_id, why))
            names = dict(zip(report.actor_ids, report.event.actors, strict=False))
            actor_rows.extend({"report_id": report.id, "entity_id": a, "name": names.get(a, "")}
                              for a in report.actor_ids)
        bulk_insert(self.conn, events, [{"id": k.id, "type": k.type, **k.row} for k in self.created.values()])
        for event_id in sorted(self.changed):
            self.conn.execute(update(events).where(events.c.id == event_id).values(self.stored[event_id].row))
        bulk_insert(self.conn, event_reports, report_rows)
        bulk_insert(self.conn, event_actors, actor_rows)
        return len(self.created)


def report_row(report: PendingReport, event_id: str, why: dict[str, Any] | None) -> dict[str, Any]:
    """The event_reports row of a placed report."""
    event = report.event
    return {"id": report.id, "article_id": report.article_id, "event_id": event_id, "type": event.type,
            "date": event.date, "location": event.location, "location_id": report.location_id,
            "actors": list(event.actors), "fatalities": event.fatalities, "arrested": event.arrested,
            "evidence": evidence_json(event.evidence), "confidence": event.confidence,
            "component": event.component, "match": why}


def place_reports(conn: Connection, reports: Sequence[PendingReport], window: int = WINDOW_DAYS) -> int:
    """Store pending reports, each joining a matching event or starting one; how many events were new."""
    return EventPlacer(conn, window).place_all(reports)
