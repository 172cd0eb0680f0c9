"""GET /api/entities and /api/entities/{id}: the entity list and one entity's dossier."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from crimegraph.analyse.dossier import dossier
from crimegraph.analyse.entities import list_entities
from crimegraph.serve.api.params import PageParam
from crimegraph.serve.api.respond import DirectJSON, json_object
from crimegraph.serve.deps import Conn

router = APIRouter(tags=["entities"])


@router.get("/entities")
def get_entities(conn: Conn, page: PageParam,
                 q: Annotated[str | None, Query(description="Words every listed name must hold.")] = None,
                 type: Annotated[str | None, Query(description="Entity type (PERSON, ILLEGAL_GROUP...).")] = None,
                 ) -> dict[str, Any]:
    """Entities, most mentioned first: `data` (this page) and `count` (all that match)."""
    return list_entities(conn, q, type, page).to_dict()


@router.get("/entities/{entity_id}", response_class=DirectJSON, response_model=None,
            responses=json_object("The dossier.", 404))
def get_entity(conn: Conn, entity_id: str) -> DirectJSON:
    """The dossier (the same answer as the page and `crimegraph profile`): the entity, names with counts,
    merged nodes, every claim about it grouped into facts per section (status, who alleges it, count, latest
    citations), the claims it makes, events, mentions, ties (cited) and resolution judgements."""
    found = dossier(conn, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return DirectJSON(found.to_dict())
