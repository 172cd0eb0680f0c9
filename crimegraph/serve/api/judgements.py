"""POST /api/judgements: a person's merge or split of entities (token needed); recorded, never deleting."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field, model_validator

from crimegraph.resolve.clusters import ResolutionError, merge, split
from crimegraph.serve.api.respond import WRITE_ERRORS, errors
from crimegraph.serve.deps import Writer

router = APIRouter(tags=["judgements"])


class JudgementIn(BaseModel):
    """Merge two entities (`left`, `right`), or split `left` off from the rest of its cluster."""

    action: Literal["merge", "split"]
    left: str = Field(description="An entity (node) id.")
    right: str | None = Field(None, description="The other entity id, for a merge.")

    @model_validator(mode="after")
    def merge_has_right(self) -> JudgementIn:
        """A merge names both entities (refused with the usual 422 validation answer otherwise)."""
        if self.action == "merge" and not self.right:
            raise ValueError("a merge needs 'right'")
        return self


@router.post("/judgements", dependencies=[Writer], responses=errors(*WRITE_ERRORS, 409))
def post_judgement(request: Request, judgement: JudgementIn) -> dict[str, Any]:
    """Record the judgement and recompute the clusters; the canonical id (merge) or the nodes left (split)."""
    with request.app.state.engine.begin() as conn:
        try:
            if judgement.action == "merge":
                assert judgement.right  # checked by JudgementIn
                return {"action": "merge", "canonical": merge(conn, judgement.left, judgement.right)}
            return {"action": "split", "left": judgement.left, "others": split(conn, judgement.left)}
        except ResolutionError as error:
            raise HTTPException(409, str(error)) from None
