"""ACLED-style CSV of events: ACLED's columns, event types mapped from ours, places located offline."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import IO, Any

from crimegraph.export.context import article_countries, context_of, place_of
from crimegraph.export.places import Place, countries
from crimegraph.export.snapshot import EntityRecord, EventRecord, Snapshot

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities", "tags",
)
ARMED = frozenset({"STATE_ACTOR", "ILLEGAL_GROUP"})
NOTES_LIMIT = 1500


@dataclass(frozen=True, slots=True)
class AcledType:
    """One row of data/acled_types.tsv."""

    ours: str
    condition: str
    disorder_type: str
    event_type: str
    sub_event_type: str


@cache
def type_table() -> tuple[AcledType, ...]:
    """The event type mapping, in file order."""
    text = resources.files("crimegraph.export").joinpath("data", "acled_types.tsv").read_text(encoding="utf-8")
    return tuple(AcledType(*line.split("\t")) for line in text.splitlines()
                 if line.strip() and not line.startswith("#"))


def acled_type(event: EventRecord, actors: list[EntityRecord]) -> AcledType:
    """The ACLED types of an event: the first row for its type whose condition holds."""
    armed = sum(1 for a in actors if a.type in ARMED)
    holds = {"default": True, "fatalities": bool(event.fatalities), "armed_clash": armed >= 2}
    for row in type_table():
        if row.ours == event.type and holds.get(row.condition, False):
            return row
    return AcledType(event.type, "default", "Strategic developments", "Strategic developments", "Other")


def event_date(event: EventRecord, snap: Snapshot) -> tuple[str, int]:
    """ACLED's event_date and time_precision (1 day, 3 month or coarser; a report's date when none is known)."""
    when = event.date or ""
    if len(when) >= 10:
        return when[:10], 1
    if len(when) == 7:
        return f"{when}-01", 3
    if len(when) == 4:
        return f"{when}-01-01", 3
    dates = sorted(d for d in (snap.articles[a].date for a in event.article_ids if a in snap.articles) if d)
    return (dates[0][:10], 3) if dates else ("", 3)


def country_name(code: str | None) -> str:
    """The English name of a country code (the gazetteer's, else FollowTheMoney's, else the code)."""
    if not code:
        return ""
    if code in countries():
        return countries()[code].name
    try:
        from followthemoney.types import registry
    except ImportError:
        return code
    return str(registry.country.caption(code.lower()) or code)


def sides(kind: AcledType, actors: list[EntityRecord], country: str) -> dict[str, str]:
    """actor1/assoc_actor_1/actor2/assoc_actor_2: agents (state forces, groups, states) before targets."""
    agents = [a.name for a in actors if a.type in ARMED or a.type == "LOCATION"]
    others = [a.name for a in actors if a.name not in agents]
    where = f" ({country})" if country else ""
    if kind.event_type == "Protests":
        side1, side2 = [f"Protesters{where}", *others], [a.name for a in actors if a.type == "STATE_ACTOR"]
    elif kind.sub_event_type == "Armed clash":
        armed = [a.name for a in actors if a.type in ARMED]
        side1, side2 = armed[:1], armed[1:] + others
    else:
        side1, side2 = (agents, others) if agents else (others[:1], others[1:])
        if kind.event_type == "Violence against civilians" and not side2:
            side2 = [f"Civilians{where}"]
    return {"actor1": side1[0] if side1 else "", "assoc_actor_1": "; ".join(side1[1:]),
            "actor2": side2[0] if side2 else "", "assoc_actor_2": "; ".join(side2[1:])}


def geography(event: EventRecord, snap: Snapshot, context: list[str]) -> tuple[Place | None, str]:
    """Where the event was (None when the place is unknown) and its country code (else the reports' main one)."""
    place = place_of(snap.entity(event.location_id), event.location, context)
    if place is not None:
        return place, place.country
    common = Counter(context).most_common(1)
    return None, common[0][0] if common else ""


def acled_row(event: EventRecord, snap: Snapshot, countries: dict[str, list[str]]) -> dict[str, Any]:
    """One CSV row for an event."""
    actors = [a for a in (snap.entity(i) for i in event.actor_ids) if a is not None]
    kind = acled_type(event, actors)
    place, code = geography(event, snap, context_of(event.article_ids, countries))
    date, precision = event_date(event, snap)
    country = country_name(code)
    row: dict[str, Any] = {
        "event_id_cnty": event.id, "event_date": date, "year": date[:4], "time_precision": precision,
        "disorder_type": kind.disorder_type, "event_type": kind.event_type, "sub_event_type": kind.sub_event_type,
        **sides(kind, actors, country), "country": country,
        "admin1": (place.admin1 or "") if place else "",
        "location": (place.name if place and place.kind != "country" else event.location) or "",
        "latitude": place.latitude if place else "", "longitude": place.longitude if place else "",
        "geo_precision": place.geo_precision if place else "",
        "source": "; ".join(dict.fromkeys(_source(snap, a) for a in event.article_ids)),
        "notes": _notes(event), "fatalities": event.fatalities or 0, "tags": _tags(event),
    }
    return row


def _source(snap: Snapshot, article_id: str) -> str:
    article = snap.articles.get(article_id)
    return (article.source or article.title or article_id) if article else article_id


def _notes(event: EventRecord) -> str:
    texts = list(dict.fromkeys(e.get("text", "").strip() for r in event.reports for e in r.evidence))
    return " ".join(t for t in texts if t)[:NOTES_LIMIT]


def _tags(event: EventRecord) -> str:
    tags = [f"crimegraph_type={event.type}", f"reports={len(event.reports)}"]
    if event.arrested is not None:
        tags.append(f"arrested={event.arrested}")
    return "; ".join(tags)


def acled_rows(snap: Snapshot, sort: bool = True) -> list[dict[str, Any]]:
    """Every event as an ACLED-style row, oldest first (in the snapshot's order with sort=False)."""
    countries = article_countries(snap)
    rows = [acled_row(event, snap, countries) for event in snap.events]
    return sorted(rows, key=lambda r: (r["event_date"], r["event_id_cnty"])) if sort else rows


def write_acled(snap: Snapshot, out: IO[str]) -> int:
    """Write the CSV (header first); how many events were written."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = acled_rows(snap)
    writer.writerows(rows)
    return len(rows)
