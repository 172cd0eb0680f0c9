"""GET /api/graph: the network around an entity, or the most connected part of the knowledge base."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from crimegraph.analyse.network import GraphFilter, graph
from crimegraph.serve.api.respond import DirectJSON, json_object
from crimegraph.serve.deps import Cache, Conn

router = APIRouter(tags=["graph"])


@router.get("/graph", response_class=DirectJSON, response_model=None,
            responses=json_object("Nodes and edges."))
def get_graph(conn: Conn, memo: Cache,
              entity: Annotated[str | None, Query(description="Centre entity id; none for an overview.")] = None,
              depth: Annotated[int, Query(ge=1, le=4, description="Edges away from the centre.")] = 1,
              predicate: Annotated[list[str] | None, Query(description="Edge types to keep (repeatable): "
                                                                       "claim predicates or same_event.")] = None,
              status: Annotated[list[str] | None, Query(description="Claim statuses to keep (repeatable).")] = None,
              type: Annotated[list[str] | None, Query(description="Node types to keep (repeatable).")] = None,
              limit: Annotated[int, Query(ge=1, le=1000, description="Most nodes returned.")] = 150,
              ) -> DirectJSON:
    """Nodes (entities, activities) and typed edges (predicate, status, count, claim or event ids)."""
    keep = GraphFilter(frozenset(p for p in predicate or [] if p), frozenset(s for s in status or [] if s),
                       frozenset(t for t in type or [] if t))
    if entity:
        return DirectJSON(graph(conn, entity, depth, keep, limit).to_dict())
    found: dict[str, Any] = memo.get(conn, ("graph", keep, limit),
                                     lambda: graph(conn, None, depth, keep, limit).to_dict())
    return DirectJSON(found)
