"""ACLED-style CSV of events: ACLED's columns, event types mapped from ours, places located offline."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import IO, Any

from crimegraph.export.acled_actors import acled_region, coded_sides, iso_number
from crimegraph.export.context import article_countries, context_of
from crimegraph.export.places import Place, candidates, country_name, is_admin1, locate
from crimegraph.export.snapshot import EntityRecord, EventRecord, Snapshot

# The columns of ACLED's data export, named and ordered as its Codebook names them.
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
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


def acled_type(event: EventRecord, actors: list[EntityRecord], text: str = "") -> AcledType:
    """The ACLED types of an event: the first row for its type whose condition holds (words of its evidence,
    a death toll, two armed sides, or the default)."""
    armed = sum(1 for a in actors if a.type in ARMED)
    holds = {"default": True, "fatalities": bool(event.fatalities), "armed_clash": armed >= 2}
    for row in type_table():
        if row.ours != event.type:
            continue
        if row.condition.startswith("text:"):
            if _pattern(row.condition[5:]).search(text):
                return row
        elif holds.get(row.condition, False):
            return row
    return AcledType(event.type, "default", "Strategic developments", "Strategic developments", "Other")


@cache
def _pattern(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE)


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


def geography(event: EventRecord, snap: Snapshot, context: list[str], regions: list[str]) -> tuple[Place | None, str]:
    """Where the event was (None when the place is unknown) and its country code (else the reports' main one):
    a town in a division its reports name first ("Guadalupe" beside "Zacatecas")."""
    entity = snap.entity(event.location_id)
    names = ([entity.name, *entity.aliases] if entity else []) + ([event.location] if event.location else [])
    found = [(p, name != event.location) for name in dict.fromkeys(names)
             if (p := locate(name, context, regions)) is not None]
    if found:  # the most precise, the event's own spelling on ties: the town, not the state its entity joined
        place = min(found, key=lambda f: (f[0].geo_precision, f[1]))[0]
        return place, place.country
    common = Counter(context).most_common(1)
    return None, common[0][0] if common else ""


def division_of(name: str | None, regions: list[str]) -> Place | None:
    """For a town the gazetteer does not know, the one first-level division its reports name ("El Plateado"
    in a note that names Cauca): the division's name and centre, the town's own name kept."""
    divisions = list(dict.fromkeys(regions))
    if not name or len(divisions) != 1:
        return None
    place = next((p for p in candidates(divisions[0]) if p.kind == "admin1"), None)
    if place is None:
        return None
    return replace(place, name=name, kind="admin2", admin1=place.admin1 or place.name)


def article_regions(snap: Snapshot) -> dict[str, list[str]]:
    """Article id -> the first-level divisions (states, departments) it names."""
    found: dict[str, list[str]] = {}
    for entity in snap.entities.values():
        if entity.type == "LOCATION" and is_admin1(entity.name):
            for article_id in entity.articles:
                found.setdefault(article_id, []).append(entity.name)
    return found


# "near X", "outskirts of X", "rural X", "cerca de X": ACLED's geo_precision 2 (near or part of a place).
NEAR = re.compile(r"\b(?:near|nearby|close to|outskirts of|outside|rural(?: area of| areas of| parts of)?|"
                  r"countryside of|surroundings of|environs of|cerca de|en las afueras de|afueras de|"
                  r"zona rural de|área rural de|en las inmediaciones de|inmediaciones de|en los alrededores de|"
                  r"alrededores de|vereda .{0,40}? de)\s+(?:the\s+|la\s+|el\s+|los\s+)?(?:\w+\s+){0,2}?$",
                  re.IGNORECASE)


def geo_precision(place: Place, notes: str, spelled: str | None = None) -> int:
    """ACLED's geo_precision: the place's own (1 town, 2 municipality, 3 state or country), 2 for a town the
    notes say the event was near or in the rural part of."""
    level = place.geo_precision
    if level != 1:
        return level
    for name in {place.name, spelled or place.name}:
        for match in re.finditer(re.escape(name), notes, re.IGNORECASE):
            if NEAR.search(notes[max(0, match.start() - 60): match.start()]):
                return 2
    return level


def acled_row(event: EventRecord, snap: Snapshot, countries: dict[str, list[str]],
              regions: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """One CSV row for an event."""
    actors = [a for a in (snap.entity(i) for i in event.actor_ids) if a is not None]
    notes = _notes(event)
    kind = acled_type(event, actors, notes)
    places_named = [r for a in event.article_ids for r in (regions or {}).get(a, [])]
    place, code = geography(event, snap, context_of(event.article_ids, countries), places_named)
    division = division_of(event.location, places_named) if place is None or place.admin1 is None else None
    if place is None and division is not None:
        place, code = division, division.country
    elif place is not None and division is not None and place.kind != "country" and division.country == place.country:
        place = replace(place, admin1=division.admin1)
    date, precision = event_date(event, snap)
    country = country_name(code)
    sides = coded_sides(kind, actors, country)
    location = (place.name if place and place.kind != "country" else event.location) or ""
    row: dict[str, Any] = {
        "event_id_cnty": event.id, "event_date": date, "year": date[:4], "time_precision": precision,
        "disorder_type": kind.disorder_type, "event_type": kind.event_type, "sub_event_type": kind.sub_event_type,
        **sides, "iso": iso_number(code), "region": acled_region(code), "country": country,
        "admin1": (place.admin1 or "") if place else "", "admin2": "", "admin3": "", "location": location,
        "latitude": place.latitude if place else "", "longitude": place.longitude if place else "",
        "geo_precision": geo_precision(place, notes, event.location) if place else "",
        "source": "; ".join(dict.fromkeys(_source(snap, a) for a in event.article_ids)), "source_scale": "",
        "notes": notes, "fatalities": event.fatalities or 0, "tags": _tags(event, actors),
        "timestamp": _timestamp(event, snap),
    }
    return row


def _source(snap: Snapshot, article_id: str) -> str:
    article = snap.articles.get(article_id)
    return (article.source or article.title or article_id) if article else article_id


def _notes(event: EventRecord) -> str:
    texts = list(dict.fromkeys(e.get("text", "").strip() for r in event.reports for e in r.evidence))
    return " ".join(t for t in texts if t)[:NOTES_LIMIT]


def _tags(event: EventRecord, actors: list[EntityRecord]) -> str:
    tags = [f"crimegraph_type={event.type}", f"reports={len(event.reports)}"]
    if event.arrested is not None:
        tags.append(f"arrested={event.arrested}")
    if actors:
        tags.append("actors_as_named=" + " | ".join(a.name for a in actors))
    return "; ".join(tags)


def _timestamp(event: EventRecord, snap: Snapshot) -> int | str:
    """When the event was last reported (its latest article's date, midnight UTC), as ACLED's Unix timestamp."""
    dates = sorted(d[:10] for d in (snap.articles[a].date for a in event.article_ids if a in snap.articles)
                   if d and len(d) >= 10)
    if not dates:
        return ""
    try:
        day = dt.datetime.fromisoformat(dates[-1]).replace(tzinfo=dt.UTC)
    except ValueError:
        return ""
    return int(day.timestamp())


def acled_rows(snap: Snapshot, sort: bool = True) -> list[dict[str, Any]]:
    """Every event as an ACLED-style row, oldest first (in the snapshot's order with sort=False)."""
    countries, regions = article_countries(snap), article_regions(snap)
    rows = [acled_row(event, snap, countries, regions) for event in snap.events]
    return sorted(rows, key=lambda r: (r["event_date"], r["event_id_cnty"])) if sort else rows


def write_acled(snap: Snapshot, out: IO[str]) -> int:
    """Write the CSV (header first); how many events were written."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = acled_rows(snap)
    writer.writerows(rows)
    return len(rows)
