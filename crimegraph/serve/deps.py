"""Request dependencies: a database connection per request, and the token check for writes."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request
from sqlalchemy import Connection, Engine

from crimegraph.serve.cache import Memo


def engine_of(request: Request) -> Engine:
    """The app's engine."""
    engine: Engine = request.app.state.engine
    return engine


def get_conn(request: Request) -> Iterator[Connection]:
    """A read connection for the length of one request."""
    with engine_of(request).connect() as conn:
        yield conn


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Allow a write only with 'Authorization: Bearer <CRIMEGRAPH_TOKEN>'; no token set means no writes."""
    token: str = request.app.state.token
    if not token:
        raise HTTPException(403, "writes are turned off: set CRIMEGRAPH_TOKEN to allow them")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "a write needs 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


def get_memo(request: Request) -> Memo:
    """The app's cache of whole-knowledge-base answers (front page, graph overview)."""
    memo: Memo = request.app.state.memo
    return memo


def get_dossiers(request: Request) -> Memo:
    """The app's cache of dossiers (one per entity id asked for)."""
    memo: Memo = request.app.state.dossiers
    return memo


Conn = Annotated[Connection, Depends(get_conn)]
Cache = Annotated[Memo, Depends(get_memo)]
DossierCache = Annotated[Memo, Depends(get_dossiers)]
Writer = Depends(require_token)
