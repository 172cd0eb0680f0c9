"""An entity's dossier: names, type, positions, memberships, activities, sanctions, alliances, events, ties."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, FromClause, and_, func, select

from crimegraph.analyse.refs import Citation, EntityRef, article_meta, cite, entity_refs, find_entities
from crimegraph.analyse.ties import Tie, ties
from crimegraph.analyse.timeline import EventLine, counted_timeline
from crimegraph.exc import CrimegraphError
from crimegraph.store.db import Bind, connect, in_chunks
from crimegraph.store.latest import recent_articles
from crimegraph.store.queries import article_count, canonical_of, members
from crimegraph.store.tables import articles, claims, entities, mentions, names

OUTGOING = {"holds_position": "positions", "member_of": "memberships", "involved_in": "activities",
            "sanctioned_by": "sanctions", "supports": "supports", "opposes": "opposes"}
INCOMING = {"holds_position": "officials", "member_of": "members", "sanctioned_by": "sanctioned",
            "supports": "supported_by", "opposes": "opposed_by"}
SECTIONS = ("positions", "memberships", "activities", "sanctions", "supports", "opposes",
            "officials", "members", "sanctioned", "supported_by", "opposed_by")
STATUS_ORDER = {"asserted": 0, "alleged": 1, "denied": 2}
CITATIONS = 3  # per fact: its latest claims' citations (citation_count says how many claims state it)
EVENTS = 100  # events listed by default: the latest (event_count says how many there are)
NAME_SAMPLE = 500  # the latest articles whose mentions count the names and give the type

__all__ = ["Fact", "NotFound", "Profile", "Tie", "profile", "resolve_target"]


class NotFound(CrimegraphError):
    """No entity has that name or id."""


@dataclass(slots=True)
class Fact:
    """One relation as the articles state it: the other side, status, who alleges it, and where it is said."""

    predicate: str
    value: str
    status: str
    other: EntityRef | None = None
    alleged_by: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    citation_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"predicate": self.predicate, "value": self.value, "status": self.status,
                "other": self.other.to_dict() if self.other else None, "alleged_by": self.alleged_by,
                "citations": [c.to_dict() for c in self.citations], "citation_count": self.citation_count}


@dataclass(slots=True)
class Profile:
    """Everything the knowledge base says about one entity, every fact cited."""

    entity: EntityRef
    names: list[tuple[str, int]]
    nodes: list[str]
    facts: dict[str, list[Fact]]
    events: list[EventLine]
    ties: list[Tie]
    others: list[EntityRef] = field(default_factory=list)
    event_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.entity.to_dict(),
            "names": [{"name": n, "count": c} for n, c in self.names],
            "nodes": self.nodes,
            **{section: [f.to_dict() for f in self.facts.get(section, [])] for section in SECTIONS},
            "events": [e.to_dict() for e in self.events],
            "event_count": self.event_count,
            "ties": [t.to_dict() for t in self.ties],
            "other_matches": [o.to_dict() for o in self.others],
        }


def sample_mentions(conn: Connection, nodes: Collection[str], sample: list[str]) -> list[Any]:
    """The entity's mentions (name, aliases, type) in the sample articles."""
    found: list[Any] = []
    for part in in_chunks(sample):
        found.extend(conn.execute(select(mentions.c.name, mentions.c.aliases, mentions.c.type).where(
            mentions.c.article_id.in_(part), mentions.c.entity_id.in_(sorted(nodes)))))
    return found


def name_counts(conn: Connection, nodes: Collection[str], sampled: list[Any]) -> list[tuple[str, int]]:
    """Every name and alias recorded for the entity, with how many of the sampled articles use it."""
    counts: Counter[str] = Counter()
    for part in in_chunks(nodes):
        for name in conn.execute(select(names.c.name).where(names.c.entity_id.in_(part))).scalars():
            counts[name] += 0
    for name, aliases, _ in sampled:
        counts.update(set([name, *(aliases or [])]))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


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


def facts(conn: Connection, nodes: Collection[str], cited: int = CITATIONS) -> dict[str, list[Fact]]:
    """Claims about the entity (as subject) and about others in relation to it (as object), grouped and
    counted in SQL; each fact cites its latest `cited` claims (citation_count: how many claims state it)."""
    groups, clusters, chosen = fact_groups(conn, sorted(nodes), cited)
    rows: dict[str, Any] = {}
    for part in in_chunks(chosen):
        rows.update({r.id: r for r in conn.execute(select(claims.c.id, claims.c.article_id, claims.c.evidence)
                                                     .where(claims.c.id.in_(part)))})
    meta = article_meta(conn, {r.article_id for r in rows.values()})
    for claim_id, ident in chosen.items():  # newest first: the ranks came in order
        groups[ident].citations.extend(cite(meta, [(rows[claim_id].article_id, rows[claim_id].evidence)]))
    refs = entity_refs(conn, set(clusters.values()))
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
    return dict(sections)


def resolve_target(conn: Connection, name_or_id: str) -> tuple[str, list[EntityRef]]:
    """The canonical id for a name or id (the most mentioned match), and the other matches."""
    canonical = canonical_of(conn, name_or_id.strip())
    if canonical:
        return canonical, []
    found = find_entities(conn, name_or_id)
    if not found:
        raise NotFound(f"no entity named {name_or_id!r}")
    return found[0].id, found[1:]


def profile(bind: Bind, name_or_id: str, events_limit: int | None = EVENTS, ties_limit: int = 10) -> Profile:
    """The dossier of the entity with this id, or the most mentioned one with this name.

    Facts are complete (counted in SQL, each citing its latest CITATIONS claims); events are the latest
    `events_limit` (None: all) with `event_count`; names are counted, and the type voted, over the latest
    NAME_SAMPLE articles; ties are weighed over the entity's latest claims, reports and articles."""
    with connect(bind) as conn:
        canonical, others = resolve_target(conn, name_or_id)
        nodes = members(conn, canonical)
        head = entity_refs(conn, [canonical], counted=False)[canonical]
        mentioned_in = article_count(conn, nodes)
        sampled = sample_mentions(conn, nodes, recent_articles(conn, nodes, NAME_SAMPLE, mentioned_in))
        types = Counter(type_ for _, _, type_ in sampled)
        type_ = types.most_common(1)[0][0] if types else head.type
        events, event_count = counted_timeline(conn, nodes, events_limit)
        return Profile(
            entity=EntityRef(head.id, head.name, type_, mentioned_in),
            names=name_counts(conn, nodes, sampled),
            nodes=nodes,
            facts=facts(conn, nodes),
            events=events,
            ties=ties(conn, canonical, nodes, mentioned_in, ties_limit),
            others=others,
            event_count=event_count,
        )
