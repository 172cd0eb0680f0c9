"""GET /api/search: entities and articles matching every word of a query."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from crimegraph.analyse.search import search
from crimegraph.serve.deps import Conn

router = APIRouter(tags=["search"])


@router.get("/search")
def get_search(conn: Conn, q: Annotated[str, Query(description="Words to find (accents and case aside).")] = "",
               limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict[str, Any]:
    """Matching entities (most mentioned first) and articles (best first, with a snippet)."""
    found = search(conn, q, limit).to_dict()
    return {**found, "count": len(found["entities"]) + len(found["articles"])}
