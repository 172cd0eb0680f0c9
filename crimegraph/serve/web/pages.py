"""The HTML pages; each calls the same query function as its JSON twin under /api."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse

from crimegraph.analyse.articles import article
from crimegraph.analyse.entities import list_entities
from crimegraph.analyse.events import timeline
from crimegraph.analyse.facts import LABELS
from crimegraph.analyse.overview import overview
from crimegraph.analyse.search import search
from crimegraph.model import ENTITY_TYPES, EVENT_TYPES, PREDICATES, STATUSES
from crimegraph.serve.api.articles import parse_span
from crimegraph.serve.api.entities import dossier_answer
from crimegraph.serve.api.params import EventParam, PageParam
from crimegraph.serve.api.paths import find_paths
from crimegraph.serve.deps import Cache, Conn, DossierCache
from crimegraph.serve.web.templating import STATIC, make_templates

router = APIRouter(include_in_schema=False)
templates = make_templates()
CHOICES = {"entity_types": ENTITY_TYPES, "event_types": EVENT_TYPES, "predicates_all": PREDICATES,
           "statuses": STATUSES}


def page(request: Request, name: str, json_url: str, **context: Any) -> HTMLResponse:
    """Render a template with the request, the JSON twin's URL and the choice lists."""
    twin = json_url + (f"?{request.url.query}" if request.url.query else "")
    return templates.TemplateResponse(request, name, {"json_url": twin, **CHOICES, **context})


@router.get("/", response_class=HTMLResponse)
def index(request: Request, conn: Conn, memo: Cache) -> HTMLResponse:
    data = memo.get(conn, ("overview",), lambda: overview(conn).to_dict())
    return page(request, "index.html", "/api/overview", data=data)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, conn: Conn, q: str = "") -> HTMLResponse:
    return page(request, "search.html", "/api/search", q=q, data=search(conn, q).to_dict())


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, conn: Conn, paging: PageParam, q: str | None = None,
                  type: str | None = None) -> HTMLResponse:
    data = list_entities(conn, q or None, type or None, paging).to_dict()
    return page(request, "entities.html", "/api/entities", data=data, q=q or "", type=type or "")


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, conn: Conn, memo: DossierCache, entity_id: str) -> HTMLResponse:
    data = dossier_answer(conn, memo, entity_id)
    return page(request, "entity.html", f"/api/entities/{entity_id}", data=data, labels=LABELS)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, conn: Conn, article_id: str, span: str | None = None) -> HTMLResponse:
    data = article(conn, article_id, parse_span(span))
    if data is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return page(request, "article.html", f"/api/articles/{article_id}", data=data.to_dict())


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, entity: str | None = None,
               depth: Annotated[int, Query(ge=1, le=4)] = 1) -> HTMLResponse:
    return page(request, "graph.html", "/api/graph", entity=entity or "", depth=depth)


@router.get("/path", response_class=HTMLResponse)
def path_page(request: Request, conn: Conn, source: str = "", target: str = "") -> HTMLResponse:
    data = find_paths(conn, source, target) if source.strip() and target.strip() else None
    return page(request, "path.html", "/api/path", data=data, source=source, target=target)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, conn: Conn, where: EventParam, paging: PageParam,
                  bucket: Literal["year", "month", "day"] = "month") -> HTMLResponse:
    data = timeline(conn, where, bucket, paging).to_dict()
    return page(request, "timeline.html", "/api/timeline", data=data, where=where, chart=chart(data["series"]))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, where: EventParam) -> HTMLResponse:
    return page(request, "map.html", "/api/map", where=where)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    return page(request, "upload.html", "/api/articles/upload")


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    return page(request, "docs.html", "/openapi.json")


def chart(series: list[dict[str, Any]], width: int = 900, height: int = 160) -> dict[str, Any]:
    """SVG bar geometry (attributes, not inline styles) for the timeline: one stacked bar per period."""
    if not series:
        return {"bars": [], "width": width, "height": height}
    peak = max(s["total"] for s in series) or 1
    step = width / len(series)
    bars = []
    for index, point in enumerate(series):
        y = float(height)
        stack = []
        for type_, count in sorted(point["counts"].items()):
            h = count / peak * (height - 20)
            y -= h
            stack.append({"type": type_, "count": count, "y": round(y, 1), "h": round(h, 1)})
        wide = min(max(step - 2, 1), 48)
        bars.append({"x": round(index * step + (step - wide) / 2, 1), "w": round(wide, 1),
                     "period": point["period"], "total": point["total"], "stack": stack})
    return {"bars": bars, "width": width, "height": height, "peak": peak}
