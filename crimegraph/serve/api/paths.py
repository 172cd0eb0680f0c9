"""GET /api/path: the shortest cited chains of claims and shared events between two entities."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from crimegraph.analyse.graph import shortest_paths
from crimegraph.analyse.profile import NotFound
from crimegraph.serve.api.respond import errors
from crimegraph.serve.deps import Conn

router = APIRouter(tags=["graph"])


def find_paths(conn: Conn, source: str, target: str, limit: int = 3) -> dict[str, Any]:
    """Paths between two entities (ids or names); HTTP 404 when either is unknown."""
    try:
        return shortest_paths(conn, source, target, limit).to_dict()
    except NotFound as error:
        raise HTTPException(404, str(error)) from None


@router.get("/path", responses=errors(404))
def get_path(conn: Conn,
             source: Annotated[str, Query(description="Entity id or name.")],
             target: Annotated[str, Query(description="Entity id or name.")],
             limit: Annotated[int, Query(ge=1, le=10, description="Most paths returned.")] = 3) -> dict[str, Any]:
    """Up to `limit` shortest paths; every step is a claim or a shared event, with citations."""
    return find_paths(conn, source, target, limit)
