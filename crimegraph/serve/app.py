"""The web app factory: `make_app(settings)` builds a FastAPI app (JSON API, HTML pages, static files)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.exceptions import HTTPException

from crimegraph.serve.api import api_router
from crimegraph.serve.cache import Memo
from crimegraph.serve.security import SecurityHeaders
from crimegraph.serve.web import pages
from crimegraph.serve.web.templating import STATIC
from crimegraph.settings import Settings
from crimegraph.store.db import open_db

if TYPE_CHECKING:
    from crimegraph.ingest.runner import Extractor

DESCRIPTION = """Read the crimegraph knowledge base: entities and their dossiers, events, claims (asserted or
alleged, and who alleges them), articles with their evidence, search, the network and the timeline.
Every HTML page has a JSON twin here. Writes (uploads, merge/split judgements) need
`Authorization: Bearer <CRIMEGRAPH_TOKEN>`."""
DOSSIERS = 128  # dossiers kept, each until the knowledge base changes (a busy one takes tens of ms to build)


async def http_error(request: Request, error: Exception) -> Response:
    """JSON errors under /api, a small HTML page elsewhere."""
    assert isinstance(error, HTTPException)
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": error.detail}, error.status_code, headers=error.headers)
    return pages.templates.TemplateResponse(request, "error.html", {"status": error.status_code,
                                                                    "detail": str(error.detail)},
                                            status_code=error.status_code)


def make_app(settings: Settings | None = None, engine: Engine | None = None,
             extractor: Extractor | None = None) -> FastAPI:
    """A web app over the knowledge base at settings.db (or `engine`), migrated on start."""
    settings = settings or Settings.from_env()
    app = FastAPI(title="crimegraph", description=DESCRIPTION, version="0.1.0",
                  docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.engine = engine or open_db(settings.db)
    app.state.token = settings.token
    app.state.extractor = extractor
    app.state.memo = Memo()
    app.state.dossiers = Memo(DOSSIERS)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(HTTPException, http_error)
    app.include_router(api_router())
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
