"""GET /api/entities and /api/entities/{id}: the entity list and one entity's dossier."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import Connection

from crimegraph.analyse.dossier import dossier
from crimegraph.analyse.entities import list_entities
from crimegraph.serve.api.params import PageParam
from crimegraph.serve.api.respond import DirectJSON, json_object
from crimegraph.serve.cache import Memo
from crimegraph.serve.deps import Conn, DossierCache

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
def get_entity(conn: Conn, memo: DossierCache, entity_id: str) -> DirectJSON:
    """The dossier (the same answer as the page and `crimegraph profile`): the entity, names with counts,
    merged nodes, every claim about it grouped into facts per section (status, who alleges it, count, latest
    citations), the claims it makes, events, mentions, ties (cited) and resolution judgements."""
    return DirectJSON(dossier_answer(conn, memo, entity_id))


def dossier_answer(conn: Connection, memo: Memo, entity_id: str) -> dict[str, Any]:
    """The dossier as a dict (the page's and the API's), kept in `memo` until the knowledge base changes;
    404 for an unknown id."""
    def build() -> dict[str, Any] | None:
        found = dossier(conn, entity_id)
        return None if found is None else found.to_dict()

    answer: dict[str, Any] | None = memo.get(conn, ("dossier", entity_id), build)
    if answer is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return answer
