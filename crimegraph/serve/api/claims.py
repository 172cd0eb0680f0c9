"""GET /api/claims: claims filtered by predicate, status and entity."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from crimegraph.analyse.claims import list_claims
from crimegraph.serve.api.params import PageParam
from crimegraph.serve.deps import Conn

router = APIRouter(tags=["claims"])


@router.get("/claims")
def get_claims(conn: Conn, page: PageParam,
               predicate: Annotated[str | None, Query(description="holds_position, member_of, involved_in...")]
               = None,
               status: Annotated[str | None, Query(description="asserted, alleged or denied.")] = None,
               entity: Annotated[str | None, Query(description="Entity id or name: subject, object or source.")]
               = None) -> dict[str, Any]:
    """Claims, newest article first, each with its parties and citation."""
    return list_claims(conn, predicate or None, status or None, entity or None, page).to_dict()
