"""Claims: who is said to hold what post, belong to what, take part in what, and who says so."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, or_, select, true

from crimegraph.analyse.common import (
    FIRST_PAGE,
    Listing,
    Page,
    article_refs,
    citation,
    entity_names,
    listing,
    nodes_named,
)
from crimegraph.store.latest import count_claims, latest_claim_ids
from crimegraph.store.tables import articles, claims

COLUMNS = (claims.c.id, claims.c.article_id, claims.c.subject, claims.c.subject_id, claims.c.predicate,
           claims.c.object, claims.c.object_id, claims.c.status, claims.c.source, claims.c.source_id,
           claims.c.evidence, claims.c.confidence)


def party(ref: dict[str, str] | None, written: str | None) -> dict[str, Any] | None:
    """One side of a claim: the resolved entity (id, name, type) when linked, and the words used."""
    if ref is None and not written:
        return None
    if ref is None:
        return {"id": None, "name": written, "type": None, "as_written": written}
    return {**ref, "as_written": written}


def claim_dicts(conn: Connection, rows: list[Any]) -> list[dict[str, Any]]:
    """JSON-ready claims with resolved parties and their citation."""
    nodes = {n for r in rows for n in (r.subject_id, r.object_id, r.source_id) if n}
    refs = entity_names(conn, nodes)
    papers = article_refs(conn, {r.article_id for r in rows})
    return [{
        "id": r.id, "predicate": r.predicate, "status": r.status, "confidence": r.confidence,
        "subject": party(refs.get(r.subject_id), r.subject),
        "object": party(refs.get(r.object_id) if r.object_id else None, r.object),
        "source": party(refs.get(r.source_id) if r.source_id else None, r.source),
        "citation": citation(papers.get(r.article_id), r.article_id, r.evidence),
    } for r in rows]


def claims_where(conn: Connection, condition: ColumnElement[bool], limit: int = 200,
                 offset: int = 0) -> list[dict[str, Any]]:
    """Claims matching a condition, newest article first."""
    rows = conn.execute(select(*COLUMNS).join(articles, articles.c.id == claims.c.article_id).where(condition)
                        .order_by(articles.c.date.desc(), claims.c.id).limit(limit).offset(offset)).all()
    return claim_dicts(conn, list(rows))


def entity_claims(conn: Connection, nodes: Collection[str], sides: Collection[str],
                  limit: int = 100) -> tuple[list[dict[str, Any]], int]:
    """The latest `limit` claims with one of the nodes on one of the `sides` (subject, object, source), newest
    article first, and how many there are."""
    count = count_claims(conn, or_(*(claims.c[f"{side}_id"].in_(sorted(nodes)) for side in sides)))
    rank = {claim_id: i for i, claim_id in enumerate(latest_claim_ids(conn, nodes, sides, limit, count))}
    rows = conn.execute(select(*COLUMNS).where(claims.c.id.in_(list(rank)))).all()
    return claim_dicts(conn, sorted(rows, key=lambda r: rank[r.id])), count


def claim_filter(conn: Connection, predicate: str | None = None, status: str | None = None,
                 entity: str | None = None) -> ColumnElement[bool]:
    """The condition for the claim filters; `entity` (id or name) matches subject, object or source."""
    parts: list[ColumnElement[bool]] = []
    if predicate:
        parts.append(claims.c.predicate == predicate)
    if status:
        parts.append(claims.c.status == status)
    if entity:
        nodes = nodes_named(conn, entity)
        parts.append(or_(claims.c.subject_id.in_(nodes), claims.c.object_id.in_(nodes),
                         claims.c.source_id.in_(nodes)))
    return and_(true(), *parts)


def list_claims(conn: Connection, predicate: str | None = None, status: str | None = None,
                entity: str | None = None, page: Page = FIRST_PAGE) -> Listing:
    """A page of claims with the filters applied, and how many match."""
    condition = claim_filter(conn, predicate, status, entity)
    return listing(claims_where(conn, condition, page.limit, page.offset), count_claims(conn, condition), page)
