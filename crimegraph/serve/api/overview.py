"""GET /api/overview: the JSON twin of the front page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from crimegraph.analyse.overview import overview
from crimegraph.serve.deps import Cache, Conn

router = APIRouter(tags=["overview"])


@router.get("/overview")
def get_overview(conn: Conn, memo: Cache) -> dict[str, Any]:
    """Counts, the latest events and the most connected actors."""
    found: dict[str, Any] = memo.get(conn, ("overview",), lambda: overview(conn).to_dict())
    return found
