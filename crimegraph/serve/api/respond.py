"""Large JSON answers written straight to the response (no per-field validation or re-encoding)."""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import Response
from pydantic import BaseModel


class DirectJSON(Response):
    """A JSON response whose content is serialised once with json.dumps (dates and the like as strings)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


class ErrorOut(BaseModel):
    """An error answer: what went wrong, in words."""

    detail: str


ERRORS = {
    400: "The request body is not well-formed (broken multipart data).",
    401: "No token, or a wrong one: a write needs 'Authorization: Bearer <CRIMEGRAPH_TOKEN>'.",
    403: "Writes are turned off (no CRIMEGRAPH_TOKEN set).",
    404: "Not found.",
    409: "The judgement contradicts the clusters (say, splitting an entity that stands alone).",
    413: "The upload is too large.",
}
WRITE_ERRORS = (400, 401, 403)


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` documenting the error statuses an operation can answer with."""
    return {code: {"model": ErrorOut, "description": ERRORS[code]} for code in codes}


def json_object(description: str, *codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for a DirectJSON operation: a JSON object on 200, and its error statuses."""
    return {200: {"description": description, "content": {"application/json": {"schema": {"type": "object"}}}},
            **errors(*codes)}
