"""Lookups over the tables that writing, resolution and analyse share: clusters, article counts, row counts."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, distinct, func, select

from crimegraph.store.db import Bind, connect, in_chunks
from crimegraph.store.judgements import effective
from crimegraph.store.tables import SAME, articles, claims, entities, event_reports, events, mentions


def stats(bind: Bind) -> dict[str, int]:
    """Counts: articles, entities (resolved), events (de-duplicated), claims, and the raw layers under them."""
    with connect(bind) as conn:
        def count(column: Any) -> int:
            return int(conn.execute(select(func.count(column))).scalar() or 0)

        return {
            "articles": count(articles.c.id),
            "entities": int(conn.execute(select(func.count(distinct(entities.c.canonical_id)))).scalar() or 0),
            "events": count(events.c.id),
            "claims": count(claims.c.id),
            "entity_names": count(entities.c.id),
            "mentions": count(mentions.c.id),
            "event_reports": count(event_reports.c.id),
            "merged_names": int(conn.execute(select(func.count()).where(
                entities.c.canonical_id != entities.c.id)).scalar() or 0),
            "merge_decisions": merge_decisions(conn),
        }


def merge_decisions(conn: Connection) -> int:
    """Pairs judged the same by the judgements in force (the log itself grows with every re-decision)."""
    return sum(1 for j in effective(conn).values() if j.judgement == SAME)


def canonical_of(conn: Connection, node: str) -> str | None:
    """The canonical id of a node id (itself when unmerged); None when unknown."""
    return conn.execute(select(entities.c.canonical_id).where(entities.c.id == node)).scalar()


def members(conn: Connection, canonical: str) -> list[str]:
    """Every node id of an entity."""
    return list(conn.execute(select(entities.c.id).where(entities.c.canonical_id == canonical)
                             .order_by(entities.c.id)).scalars())


def canonical_map(conn: Connection, nodes: Collection[str], of_clusters: bool = False) -> dict[str, str]:
    """Node id -> canonical id, for many nodes (or, with `of_clusters`, for every node of these clusters)."""
    key = entities.c.canonical_id if of_clusters else entities.c.id
    found: dict[str, str] = {}
    for part in in_chunks(nodes):
        found.update(list(conn.execute(select(entities.c.id, entities.c.canonical_id).where(key.in_(part)))))
    return found


def node_sizes(conn: Connection, nodes: Collection[str]) -> dict[str, int]:
    """Node id -> how many articles mention it (index-only: a node has one mention per article)."""
    sizes: dict[str, int] = {}
    for part in in_chunks(nodes):
        sizes.update(list(conn.execute(select(mentions.c.entity_id, func.count()).where(
            mentions.c.entity_id.in_(part)).group_by(mentions.c.entity_id))))
    return sizes


def article_count(conn: Connection, nodes: Collection[str], sizes: dict[str, int] | None = None) -> int:
    """How many articles mention any of the nodes (`sizes`: node_sizes, when known).

    The largest node's mentions are counted as they are; each other node adds its articles that no larger
    node mentions, so a cluster costs the size of its smaller nodes, not a sort of all its mentions."""
    sizes = node_sizes(conn, nodes) if sizes is None else {n: sizes[n] for n in nodes if n in sizes}
    ranked = sorted(sizes, key=lambda n: (-sizes[n], n))
    total = sizes[ranked[0]] if ranked else 0
    other = mentions.alias("other")
    for index, node in enumerate(ranked[1:], 1):
        larger = ranked[:index]
        elsewhere = select(other.c.entity_id).where(other.c.article_id == mentions.c.article_id,
                                                    other.c.entity_id.in_(larger))
        total += int(conn.execute(select(func.count()).where(mentions.c.entity_id == node,
                                                             ~elsewhere.exists())).scalar() or 0)
    return total
