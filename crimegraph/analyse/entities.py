"""Entities: the list (with a name filter) and the dossier of one entity."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, or_, select

from crimegraph.analyse.claims import entity_claims
from crimegraph.analyse.common import FIRST_PAGE, Answer, Listing, Page, article_refs, citation, cluster_of, listing
from crimegraph.analyse.events import entity_events
from crimegraph.analyse.refs import EntityRef, entity_refs
from crimegraph.store.db import in_chunks
from crimegraph.store.latest import recent_articles
from crimegraph.store.queries import article_count, canonical_map
from crimegraph.store.search import name_hits
from crimegraph.store.tables import (
    entities,
    judgements,
    mentions,
    names,
)

CLAIMS = 50
EVENTS = 25
MENTIONS = 50
SPANS = 3  # sentences shown per mentioning article
NAME_SAMPLE = 50  # the latest articles whose mentions rank the names


@dataclass(slots=True)
class Dossier(Answer):
    """The web's dossier of an entity: names, merged nodes, claims about it and by it, events, mentions,
    connections and resolution judgements (bounded lists, newest first, with totals)."""

    entity: dict[str, Any]
    names: list[str]
    members: list[dict[str, Any]]
    claims: dict[str, list[dict[str, Any]]]
    claim_count: dict[str, int]
    alleges: list[dict[str, Any]]
    events: list[dict[str, Any]]
    event_count: int
    mentions: list[dict[str, Any]]
    connections: list[dict[str, Any]]
    judgements: list[dict[str, Any]]


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


def surface_names(conn: Connection, nodes: list[str], sample: list[str]) -> list[str]:
    """Every name the entity's nodes were recorded as, the most used in the `sample` articles first."""
    counts: Counter[str] = Counter()
    counts.update(conn.execute(select(names.c.name).where(names.c.entity_id.in_(nodes))).scalars())
    for part in in_chunks(sample):
        counts.update(conn.execute(select(mentions.c.name).where(mentions.c.article_id.in_(part),
                                                                 mentions.c.entity_id.in_(nodes))).scalars())
    return [name for name, _ in counts.most_common()]


def mention_citations(conn: Connection, nodes: list[str], latest: list[str]) -> list[dict[str, Any]]:
    """The `latest` articles that mention the entity (in that order), each with the sentences that do."""
    order = {article_id: i for i, article_id in enumerate(latest)}
    rows = sorted(conn.execute(select(mentions.c.article_id, mentions.c.entity_id, mentions.c.name,
                                      mentions.c.evidence)
                               .where(mentions.c.article_id.in_(latest), mentions.c.entity_id.in_(nodes))).all(),
                  key=lambda r: (order[r.article_id], r.entity_id))
    papers = article_refs(conn, set(latest))
    return [{**citation(papers.get(r.article_id), r.article_id, r.evidence, SPANS), "name": r.name} for r in rows]


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


def dossier(conn: Connection, node: str) -> Dossier | None:
    """The dossier of an entity: names, claims about it and by it (with citations), events, mentions.

    Lists are bounded, newest first, and come with totals: the latest CLAIMS claims about it and by it
    (`claim_count`), EVENTS events (`event_count`; each with its latest reports and `report_count`), the
    MENTIONS latest articles (`entity.articles`; SPANS sentences each and `evidence_count`); names are
    ranked by their use in the latest NAME_SAMPLE articles."""
    nodes = cluster_of(conn, node)
    if not nodes:
        return None
    canonical = canonical_map(conn, [node])[node]
    head = entity_refs(conn, [canonical], counted=False)[canonical]
    ref = EntityRef(head.id, head.name, head.type, article_count(conn, nodes))
    latest = recent_articles(conn, nodes, max(MENTIONS, NAME_SAMPLE), ref.articles)
    about, about_count = entity_claims(conn, nodes, ("subject", "object"), CLAIMS)
    alleges, alleges_count = entity_claims(conn, nodes, ("source",), CLAIMS)
    found_events, event_count = entity_events(conn, nodes, EVENTS)
    return Dossier(
        entity=ref.to_dict(),
        names=surface_names(conn, nodes, latest[:NAME_SAMPLE]),
        members=member_nodes(conn, nodes),
        claims={"asserted": [c for c in about if c["status"] != "alleged"],
                "alleged": [c for c in about if c["status"] == "alleged"]},
        claim_count={"about": about_count, "alleges": alleges_count},
        alleges=alleges,
        events=found_events,
        event_count=event_count,
        mentions=mention_citations(conn, nodes, latest[:MENTIONS]),
        connections=connections(canonical, about + alleges, found_events),
        judgements=judgements_of(conn, nodes),
    )


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
