"""The map: events grouped by place, each place geocoded offline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from crimegraph.analyse.common import Answer, entity_names
from crimegraph.analyse.events import ANY_EVENT, EventFilter
from crimegraph.analyse.geo import geocode
from crimegraph.store.tables import events

LATEST = 5


@dataclass(slots=True)
class MapPoints(Answer):
    """Places with events (`data`), how many, how many events they hold, and how many could not be placed."""

    data: list[dict[str, Any]]
    count: int
    events: int
    unplaced: int


def map_points(conn: Connection, where: EventFilter = ANY_EVENT, limit: int = 20000) -> MapPoints:
    """Places with events (filters applied): position, precision, counts per type, latest events."""
    rows = conn.execute(select(events.c.id, events.c.type, events.c.date, events.c.location, events.c.location_id)
                        .where(where.condition(conn), events.c.location.is_not(None))
                        .order_by(events.c.date.is_(None), events.c.date.desc()).limit(limit)).all()
    places = entity_names(conn, {r.location_id for r in rows if r.location_id})
    points: dict[str, dict[str, Any]] = {}
    unplaced = 0
    for row in rows:
        place = places.get(row.location_id) if row.location_id else None
        spot = geocode(row.location) or (geocode(place["name"]) if place else None)
        if spot is None:
            unplaced += 1
            continue
        key = f"{spot.lat:.3f},{spot.lon:.3f}"
        point = points.setdefault(key, {"lat": spot.lat, "lon": spot.lon, "precision": spot.precision,
                                        "location": row.location, "place": place, "count": 0,
                                        "types": Counter(), "latest": []})
        point["count"] += 1
        point["types"][row.type] += 1
        if len(point["latest"]) < LATEST:
            point["latest"].append({"id": row.id, "type": row.type, "date": row.date, "location": row.location})
    data = sorted(points.values(), key=lambda p: -p["count"])
    for point in data:
        point["types"] = dict(point["types"])
    return MapPoints(data, len(data), len(rows) - unplaced, unplaced)
