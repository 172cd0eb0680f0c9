"""Entities: the list (with a name filter) and the dossier of one entity."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, distinct, func, or_, select

from crimegraph.serve.queries.claims import claims_where
from crimegraph.serve.queries.common import FIRST_PAGE, Page, article_refs, citation, cluster_of, listing
from crimegraph.serve.queries.events import count_events, events_where
from crimegraph.store.queries import canonical_map, entity_refs
from crimegraph.store.search import name_hits
from crimegraph.store.tables import (
    articles,
    claims,
    entities,
    event_actors,
    event_reports,
    events,
    judgements,
    mentions,
    names,
)

CLAIMS = 200
EVENTS = 50
MENTIONS = 50


def list_entities(conn: Connection, q: str | None = None, type_: str | None = None,
                  page: Page = FIRST_PAGE) -> dict[str, Any]:
    """Entities, most mentioned first; `q` keeps those with a name holding every word of it."""
    if q and q.strip():
        canon = set(canonical_map(conn, {node for node, _ in name_hits(conn, q)}).values())
        hits = sorted((r for r in entity_refs(conn, canon).values() if not type_ or r.type == type_),
                      key=lambda r: (-r.articles, r.name))
        rows = [r.to_dict() for r in hits[page.offset:page.offset + page.limit]]
        return listing(rows, len(hits), page, q=q)
    canonical = entities.alias("canonical")
    counted = func.count(distinct(mentions.c.article_id))
    query = (select(entities.c.canonical_id, counted).join(mentions, mentions.c.entity_id == entities.c.id)
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


def surface_names(conn: Connection, nodes: list[str]) -> list[str]:
    """Every name the entity's nodes were written as, most common first."""
    counts: Counter[str] = Counter()
    counts.update(conn.execute(select(names.c.name).where(names.c.entity_id.in_(nodes))).scalars())
    counts.update(conn.execute(select(mentions.c.name).where(mentions.c.entity_id.in_(nodes))).scalars())
    return [name for name, _ in counts.most_common()]


def mention_citations(conn: Connection, nodes: list[str], limit: int = MENTIONS) -> list[dict[str, Any]]:
    """The articles that mention the entity (latest first), each with the sentences that do."""
    rows = conn.execute(select(mentions.c.article_id, mentions.c.name, mentions.c.evidence)
                        .join(articles, articles.c.id == mentions.c.article_id)
                        .where(mentions.c.entity_id.in_(nodes))
                        .order_by(articles.c.date.desc(), articles.c.id).limit(limit)).all()
    papers = article_refs(conn, {r.article_id for r in rows})
    return [{**citation(papers.get(r.article_id), r.article_id, r.evidence), "name": r.name} for r in rows]


def event_condition(nodes: list[str]) -> Any:
    """Events the entity took part in or that happened at it."""
    took_part = select(event_reports.c.event_id).join(event_actors, event_actors.c.report_id == event_reports.c.id)
    return or_(events.c.id.in_(took_part.where(event_actors.c.entity_id.in_(nodes))),
               events.c.location_id.in_(nodes))


def connections(entity_id: str, found_claims: list[dict[str, Any]], found_events: list[dict[str, Any]],
                limit: int = 15) -> list[dict[str, Any]]:
    """Entities linked to this one by claims or shared events, strongest first."""
    weight: Counter[str] = Counter()
    refs: dict[str, dict[str, Any]] = {}
    for claim in found_claims:
        for side in ("subject", "object", "source"):
            other = claim[side]
            if other and other.get("id") and other["id"] != entity_id:
                weight[other["id"]] += 2
                refs[other["id"]] = {k: other[k] for k in ("id", "name", "type")}
    for event in found_events:
        for actor in event["actors"]:
            if actor["id"] != entity_id:
                weight[actor["id"]] += 1
                refs[actor["id"]] = actor
    return [{**refs[node], "weight": w} for node, w in weight.most_common(limit)]


def profile(conn: Connection, node: str) -> dict[str, Any] | None:
    """The dossier of an entity: names, claims about it and by it (with citations), events, mentions."""
    nodes = cluster_of(conn, node)
    if not nodes:
        return None
    canonical = canonical_map(conn, [node])[node]
    ref = entity_refs(conn, [canonical])[canonical]
    about = claims_where(conn, or_(claims.c.subject_id.in_(nodes), claims.c.object_id.in_(nodes)), CLAIMS)
    alleges = claims_where(conn, claims.c.source_id.in_(nodes), CLAIMS)
    condition = event_condition(nodes)
    found_events = events_where(conn, condition, EVENTS)
    return {
        "entity": ref.to_dict(),
        "names": surface_names(conn, nodes),
        "members": member_nodes(conn, nodes),
        "claims": {"asserted": [c for c in about if c["status"] != "alleged"],
                   "alleged": [c for c in about if c["status"] == "alleged"]},
        "alleges": alleges,
        "events": found_events,
        "event_count": count_events(conn, condition),
        "mentions": mention_citations(conn, nodes),
        "connections": connections(canonical, about + alleges, found_events),
        "judgements": judgements_of(conn, nodes),
    }


def judgements_of(conn: Connection, nodes: list[str], limit: int = 50) -> list[dict[str, Any]]:
    """The latest merge and split judgements touching the entity's nodes."""
    rows = conn.execute(select(judgements).where(or_(judgements.c.left_id.in_(nodes), judgements.c.right_id.in_(nodes)))
                        .order_by(judgements.c.id.desc()).limit(limit)).mappings()
    return [{**row, "created_at": str(row["created_at"])} for row in rows]


def member_nodes(conn: Connection, nodes: list[str]) -> list[dict[str, Any]]:
    """The nodes merged into the entity (each a name as first seen), for review and splitting."""
    rows = conn.execute(select(entities.c.id, entities.c.name, entities.c.type).where(entities.c.id.in_(nodes))
                        .order_by(entities.c.name, entities.c.id))
    return [{"id": r.id, "name": r.name, "type": r.type} for r in rows]
