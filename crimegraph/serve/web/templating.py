"""The Jinja2 environment: autoescaping, URL helpers and labels shared by the templates."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Request
from fastapi.templating import Jinja2Templates

HERE = Path(__file__).parent
STATIC = HERE / "static"
VENDOR = STATIC / "vendor"
PREDICATES = {
    "holds_position": "holds position", "member_of": "member of", "involved_in": "involved in",
    "sanctioned_by": "sanctioned by", "supports": "supports", "opposes": "opposes", "same_event": "same event",
}


def path_part(value: Any) -> str:
    """A value quoted for use as one URL path segment (slashes and '#' included)."""
    return quote(str(value), safe="")


def with_query(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return f"{request.url.path}?{urlencode(params)}" if params else request.url.path


def article_url(article_id: str, span: dict[str, Any] | None = None) -> str:
    """Link to an article page, to the cited span when one is given."""
    url = f"/articles/{path_part(article_id)}"
    if span and int(span.get("end", 0)) > int(span.get("start", 0)):
        url += f"?span={int(span['start'])}-{int(span['end'])}#cited"
    return url


def web_url(value: Any) -> str:
    """An http(s) URL fit for a link, else '' (an article's `url` comes from its source: javascript: or data:
    links are not followed)."""
    url = str(value or "").strip()
    return url if urlsplit(url).scheme.lower() in ("http", "https") and "//" in url else ""


def predicate_label(value: str) -> str:
    return PREDICATES.get(value, value.replace("_", " "))


def make_templates() -> Jinja2Templates:
    """Templates from web/templates with the helpers as globals and filters."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.autoescape = True
    env.filters.update(path=path_part, predicate=predicate_label, web_url=web_url)
    env.globals.update(with_query=with_query, article_url=article_url, vendor_ok=VENDOR.is_dir,
                       predicates=PREDICATES)
    return templates
