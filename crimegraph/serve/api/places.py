"""GET /api/map and /api/map/countries: events as points, and the offline country outlines."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from crimegraph.analyse.geo import outlines
from crimegraph.analyse.places import map_points
from crimegraph.serve.api.params import EventParam
from crimegraph.serve.api.respond import errors
from crimegraph.serve.deps import Conn

router = APIRouter(tags=["map"])


@router.get("/map")
def get_map(conn: Conn, where: EventParam) -> dict[str, Any]:
    """Places with events: position, precision (city or country), counts per type, latest events."""
    return map_points(conn, where).to_dict()


@router.get("/map/countries", responses=errors(404))
def get_countries() -> dict[str, Any]:
    """Country outlines as GeoJSON (world-atlas, from Natural Earth), with ISO codes and centroids."""
    found = outlines()
    if found is None:
        raise HTTPException(404, "country outlines are not installed (run scripts/assets.sh)")
    return found
