"""Large JSON answers written straight to the response (no per-field validation or re-encoding)."""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import Response


class DirectJSON(Response):
    """A JSON response whose content is serialised once with json.dumps (dates and the like as strings)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
