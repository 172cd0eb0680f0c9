"""GET /api/events and /api/timeline: events with filters, and their counts over time."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from crimegraph.analyse.events import list_events, timeline
from crimegraph.serve.api.params import EventParam, PageParam
from crimegraph.serve.deps import Conn

router = APIRouter(tags=["events"])


@router.get("/events")
def get_events(conn: Conn, where: EventParam, page: PageParam) -> dict[str, Any]:
    """Events, latest first, filtered by type, date range, place and actor."""
    return list_events(conn, where, page).to_dict()


@router.get("/timeline")
def get_timeline(conn: Conn, where: EventParam, page: PageParam,
                 bucket: Annotated[Literal["year", "month", "day"], Query(description="Period length.")] = "month",
                 ) -> dict[str, Any]:
    """Event counts per period and type (`series`), plus a page of the events (`data`, `count`)."""
    return timeline(conn, where, bucket, page).to_dict()
