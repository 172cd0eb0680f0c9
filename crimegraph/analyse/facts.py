"""An entity's claims grouped into facts (predicate, other side, status), counted in SQL and cited."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, FromClause, and_, func, select

from crimegraph.analyse.common import article_refs, citation
from crimegraph.analyse.refs import EntityRef, entity_refs
from crimegraph.store.db import in_chunks
from crimegraph.store.tables import articles, claims, entities

OUTGOING = {"holds_position": "positions", "member_of": "memberships", "involved_in": "activities",
            "sanctioned_by": "sanctions", "supports": "supports", "opposes": "opposes"}
INCOMING = {"holds_position": "officials", "member_of": "members", "sanctioned_by": "sanctioned",
            "supports": "supported_by", "opposes": "opposed_by"}
LABELS = {
    "positions": "Positions", "memberships": "Memberships", "activities": "Criminal activities",
    "sanctions": "Sanctioned by", "supports": "Supports", "opposes": "Opposes",
    "officials": "Officials (hold positions in it)", "members": "Members", "sanctioned": "Has sanctioned",
    "supported_by": "Supported by", "opposed_by": "Opposed by",
}
SECTIONS = tuple(LABELS)
STATUS_ORDER = {"asserted": 0, "alleged": 1, "denied": 2}
CITATIONS = 3  # per fact: its latest claims' citations (citation_count says how many claims state it)

__all__ = ["CITATIONS", "LABELS", "SECTIONS", "Fact", "facts"]


@dataclass(slots=True)
class Fact:
    """One relation as the articles state it: the other side (id, name, type; its article total not counted),
    status, who alleges it, and where it is said (citations: {article, evidence} of its latest claims;
    citation_count: how many claims state it)."""

    predicate: str
    value: str
    status: str
    other: EntityRef | None = None
    alleged_by: list[str] = field(default_factory=list)
    citations: list[dict[str, Any]] = field(default_factory=list)
    citation_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        other = {"id": self.other.id, "name": self.other.name, "type": self.other.type} if self.other else None
        return {"predicate": self.predicate, "value": self.value, "status": self.status, "other": other,
                "alleged_by": self.alleged_by, "citations": self.citations, "citation_count": self.citation_count}


def fact_source(nodes: list[str], incoming: bool) -> tuple[FromClause, ColumnElement[bool], Any, Any, Any]:
    """For claims with the nodes as subject (or, `incoming`, as object of an INCOMING predicate): the tables,
    the condition, the other side's key (its cluster, else its words folded), its cluster, its words."""
    other = entities.alias("other")
    if incoming:
        return (claims.join(other, other.c.id == claims.c.subject_id),
                and_(claims.c.object_id.in_(nodes), claims.c.predicate.in_(sorted(INCOMING))),
                other.c.canonical_id, other.c.canonical_id, claims.c.subject)
    return (claims.outerjoin(other, other.c.id == claims.c.object_id), claims.c.subject_id.in_(nodes),
            func.coalesce(other.c.canonical_id, func.lower(claims.c.object)), other.c.canonical_id, claims.c.object)


FactKey = tuple[str, str, str, bool]


def fact_groups(conn: Connection, nodes: list[str], cited: int) -> tuple[dict[FactKey, Fact], dict[FactKey, str],
                                                                        dict[str, FactKey]]:
    """Facts grouped and counted in SQL (predicate, other side, status; and direction), the other side's
    cluster per fact, and the ids of each fact's latest `cited` claims."""
    groups: dict[FactKey, Fact] = {}
    clusters: dict[FactKey, str] = {}
    chosen: dict[str, FactKey] = {}
    for incoming in (False, True):
        source, where, key, cluster, words = fact_source(nodes, incoming)
        part = (claims.c.predicate, key, claims.c.status)
        for predicate, other, status, count, canonical, value in conn.execute(
                select(*part, func.count(), func.min(cluster), func.min(words)).select_from(source).where(where)
                .group_by(*part)):
            groups[(predicate, other, status, incoming)] = Fact(predicate, value, status, citation_count=int(count))
            if canonical:
                clusters[(predicate, other, status, incoming)] = canonical
        for predicate, other, status, alleger in conn.execute(
                select(*part, claims.c.source).select_from(source).where(where, claims.c.source.is_not(None))
                .group_by(*part, claims.c.source)):
            groups[(predicate, other, status, incoming)].alleged_by.append(alleger)
        newest = func.row_number().over(partition_by=part, order_by=(
            articles.c.date.desc().nulls_last(), claims.c.article_id.desc(), claims.c.id))
        ranked = (select(claims.c.id, *part, newest.label("n"))
                  .select_from(source.join(articles, articles.c.id == claims.c.article_id)).where(where).subquery())
        for claim_id, predicate, other, status, _ in conn.execute(
                select(ranked).where(ranked.c.n <= cited).order_by(ranked.c.n)):
            chosen[claim_id] = (predicate, other, status, incoming)
    return groups, clusters, chosen


def facts(conn: Connection, nodes: Collection[str], cited: int | None = None) -> dict[str, list[Fact]]:
    """Claims about the entity (as subject) and about others in relation to it (as object), grouped and
    counted in SQL; each fact cites its latest `cited` (default CITATIONS) claims, newest first."""
    groups, clusters, chosen = fact_groups(conn, sorted(nodes), CITATIONS if cited is None else cited)
    rows: dict[str, Any] = {}
    for part in in_chunks(chosen):
        rows.update({r.id: r for r in conn.execute(select(claims.c.id, claims.c.article_id, claims.c.evidence)
                                                     .where(claims.c.id.in_(part)))})
    papers = article_refs(conn, {r.article_id for r in rows.values()})
    for claim_id, ident in chosen.items():  # newest first: the ranks came in order
        row = rows[claim_id]
        groups[ident].citations.append(citation(papers.get(row.article_id), row.article_id, row.evidence))
    refs = entity_refs(conn, set(clusters.values()), counted=False)
    sections: dict[str, list[Fact]] = defaultdict(list)
    for ident, fact in groups.items():
        section = (INCOMING if ident[3] else OUTGOING).get(fact.predicate)
        if section is None:
            continue
        other = refs.get(clusters.get(ident, ""))
        if other:
            fact.other, fact.value = other, other.name
        fact.alleged_by.sort()
        sections[section].append(fact)
    for listed in sections.values():
        listed.sort(key=lambda f: (STATUS_ORDER.get(f.status, 9), -f.citation_count, f.value))
    return {section: sections[section] for section in SECTIONS if section in sections}
