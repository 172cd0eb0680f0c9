"""Query parameters shared by several endpoints."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from crimegraph.analyse.common import MAX_LIMIT, MAX_OFFSET, Page
from crimegraph.analyse.events import EventFilter


def page(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.")] = 50,
         offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0) -> Page:
    """The page of results asked for."""
    return Page(limit, offset)


def event_filter(
        type: Annotated[str | None, Query(description="Event type (attack, arrest, seizure...).")] = None,
        date_from: Annotated[str | None, Query(description="Earliest date, ISO (2024 or 2024-03 or 2024-03-01).")]
        = None,
        date_to: Annotated[str | None, Query(description="Latest date, ISO, inclusive.")] = None,
        place: Annotated[str | None, Query(description="Place: entity id or (part of) a place name.")] = None,
        actor: Annotated[str | None, Query(description="Actor: entity id or a name.")] = None) -> EventFilter:
    """The event filters asked for (empty values ignored)."""
    return EventFilter(type or None, date_from or None, date_to or None, place or None, actor or None)


PageParam = Annotated[Page, Depends(page)]
EventParam = Annotated[EventFilter, Depends(event_filter)]
