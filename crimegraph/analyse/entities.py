"""Entities: the list, most mentioned first, with a name filter (one entity's dossier: analyse/dossier.py)."""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from crimegraph.analyse.common import FIRST_PAGE, Listing, Page, listing
from crimegraph.analyse.refs import entity_refs
from crimegraph.store.queries import canonical_map
from crimegraph.store.search import name_hits
from crimegraph.store.tables import (
    entities,
    mentions,
)


def list_entities(conn: Connection, q: str | None = None, type_: str | None = None,
                  page: Page = FIRST_PAGE) -> Listing:
    """Entities, most mentioned first; `q` keeps those with a name holding every word of it."""
    if q and q.strip():
        canon = set(canonical_map(conn, {node for node, _ in name_hits(conn, q)}).values())
        hits = sorted((r for r in entity_refs(conn, canon).values() if not type_ or r.type == type_),
                      key=lambda r: (-r.articles, r.name))
        rows = [r.to_dict() for r in hits[page.offset:page.offset + page.limit]]
        return listing(rows, len(hits), page, q=q)
    # Ranked by mentions summed over a cluster's nodes (index-only: one mention per node and article);
    # the counts shown are exact articles (entity_refs).
    per_node = select(mentions.c.entity_id, func.count().label("n")).group_by(mentions.c.entity_id).subquery()
    canonical = entities.alias("canonical")
    counted = func.sum(per_node.c.n)
    query = (select(entities.c.canonical_id, counted).join(per_node, per_node.c.entity_id == entities.c.id)
             .join(canonical, canonical.c.id == entities.c.canonical_id))
    total = select(func.count()).select_from(entities).where(entities.c.id == entities.c.canonical_id)
    if type_:
        query = query.where(canonical.c.type == type_)
        total = total.where(entities.c.type == type_)
    ranked = conn.execute(query.group_by(entities.c.canonical_id)
                          .order_by(counted.desc(), entities.c.canonical_id)
                          .limit(page.limit).offset(page.offset)).all()
    refs = entity_refs(conn, [node for node, _ in ranked])
    rows = [refs[node].to_dict() for node, _ in ranked if node in refs]
    return listing(rows, int(conn.execute(total).scalar() or 0), page, q=q)
