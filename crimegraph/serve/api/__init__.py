"""The JSON API: a router per resource, all under /api."""

from __future__ import annotations

from fastapi import APIRouter

from crimegraph.serve.api import (
    articles,
    claims,
    entities,
    events,
    graph,
    judgements,
    overview,
    paths,
    places,
    search,
)


def api_router() -> APIRouter:
    """Every API router under /api."""
    router = APIRouter(prefix="/api")
    for module in (overview, entities, events, claims, articles, search, graph, paths, places, judgements):
        router.include_router(module.router)
    return router
