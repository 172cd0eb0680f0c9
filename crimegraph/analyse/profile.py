"""An entity's dossier: names, type, positions, memberships, activities, sanctions, alliances, events, ties."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from crimegraph.analyse.timeline import EventLine, timeline
from crimegraph.exc import CrimegraphError
from crimegraph.store.db import Bind, connect
from crimegraph.store.queries import (
    Citation,
    EntityRef,
    canonical_map,
    canonical_of,
    citations,
    entity_refs,
    find_entities,
    in_chunks,
    members,
)
from crimegraph.store.tables import claims, event_actors, event_reports, mentions

OUTGOING = {"holds_position": "positions", "member_of": "memberships", "involved_in": "activities",
            "sanctioned_by": "sanctions", "supports": "supports", "opposes": "opposes"}
INCOMING = {"holds_position": "officials", "member_of": "members", "sanctioned_by": "sanctioned",
            "supports": "supported_by", "opposes": "opposed_by"}
SECTIONS = ("positions", "memberships", "activities", "sanctions", "supports", "opposes",
            "officials", "members", "sanctioned", "supported_by", "opposed_by")
STATUS_ORDER = {"asserted": 0, "alleged": 1, "denied": 2}


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

    def to_dict(self) -> dict[str, Any]:
        return {"predicate": self.predicate, "value": self.value, "status": self.status,
                "other": self.other.to_dict() if self.other else None, "alleged_by": self.alleged_by,
                "citations": [c.to_dict() for c in self.citations]}


@dataclass(slots=True)
class Tie:
    """Another actor and how strongly it is tied: shared claims, shared events, shared articles."""

    entity: EntityRef
    weight: int
    claims: int = 0
    events: int = 0
    articles: int = 0
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**self.entity.to_dict(), "weight": self.weight, "claims": self.claims,
                "events": self.events, "shared_articles": self.articles,
                "citations": [c.to_dict() for c in self.citations]}


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

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.entity.to_dict(),
            "names": [{"name": n, "count": c} for n, c in self.names],
            "nodes": self.nodes,
            **{section: [f.to_dict() for f in self.facts.get(section, [])] for section in SECTIONS},
            "events": [e.to_dict() for e in self.events],
            "ties": [t.to_dict() for t in self.ties],
            "other_matches": [o.to_dict() for o in self.others],
        }


def name_counts(conn: Connection, nodes: Collection[str]) -> list[tuple[str, int]]:
    """Every name and alias the articles use for the entity, with how many articles use it."""
    counts: Counter[str] = Counter()
    for part in in_chunks(nodes):
        for name, aliases in conn.execute(select(mentions.c.name, mentions.c.aliases)
                                          .where(mentions.c.entity_id.in_(part))):
            counts.update(set([name, *(aliases or [])]))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def claim_rows(conn: Connection, nodes: Collection[str], column: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for part in in_chunks(nodes):
        found.extend(dict(r) for r in conn.execute(select(claims).where(column.in_(part))).mappings())
    return found


def facts(conn: Connection, nodes: Collection[str]) -> dict[str, list[Fact]]:
    """Claims about the entity (as subject) and about others in relation to it (as object), grouped."""
    outgoing = claim_rows(conn, nodes, claims.c.subject_id)
    incoming = [r for r in claim_rows(conn, nodes, claims.c.object_id) if r["predicate"] in INCOMING]
    others = {r["object_id"] for r in outgoing if r["object_id"]} | {r["subject_id"] for r in incoming}
    canonical = canonical_map(conn, others)
    refs = entity_refs(conn, set(canonical.values()))
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for rows, table, side in ((outgoing, OUTGOING, "object"), (incoming, INCOMING, "subject")):
        for row in rows:
            other = canonical.get(row[f"{side}_id"] or "")
            groups[(table[row["predicate"]], other or row[side].lower(), row["status"])].append(
                {**row, "_other": refs.get(other or "")})
    sections: dict[str, list[Fact]] = defaultdict(list)
    for (section, _, status), rows in groups.items():
        other = rows[0]["_other"]
        value = other.name if other else rows[0]["object"]
        fact = Fact(rows[0]["predicate"], value, status, other,
                    sorted({r["source"] for r in rows if r["source"]}),
                    citations(conn, [(r["article_id"], r["evidence"]) for r in rows]))
        sections[section].append(fact)
    for listed in sections.values():
        listed.sort(key=lambda f: (STATUS_ORDER.get(f.status, 9), -len(f.citations), f.value))
    return dict(sections)


def ties(conn: Connection, canonical: str, nodes: Collection[str], limit: int = 10) -> list[Tie]:
    """The actors most tied to the entity: 3 per shared claim, 2 per shared event, 1 per shared article."""
    claim_pairs: list[tuple[str, str]] = []
    for row in claim_rows(conn, nodes, claims.c.subject_id) + claim_rows(conn, nodes, claims.c.object_id):
        claim_pairs.extend((node, row["id"]) for node in (row["subject_id"], row["object_id"]) if node)
    event_pairs: list[tuple[str, str]] = []
    article_pairs: list[tuple[str, str]] = []
    other = mentions.alias("other")
    for part in in_chunks(nodes):
        reports_of = select(event_actors.c.report_id).where(event_actors.c.entity_id.in_(part)).scalar_subquery()
        event_pairs.extend((str(n), str(e)) for n, e in conn.execute(
            select(event_actors.c.entity_id, event_reports.c.event_id).distinct()
            .join(event_reports, event_reports.c.id == event_actors.c.report_id)
            .where(event_actors.c.report_id.in_(reports_of))))
        article_pairs.extend((str(n), str(a)) for n, a in conn.execute(
            select(other.c.entity_id, other.c.article_id).distinct()
            .join(mentions, mentions.c.article_id == other.c.article_id)
            .where(mentions.c.entity_id.in_(part))))
    nodes_seen = {n for pairs in (claim_pairs, event_pairs, article_pairs) for n, _ in pairs}
    canonical_ids = canonical_map(conn, nodes_seen)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    shared: dict[str, set[str]] = defaultdict(set)
    for slot, pairs in enumerate((claim_pairs, event_pairs, article_pairs)):
        distinct_pairs = {(canonical_ids.get(n), item) for n, item in pairs}
        for target, item in distinct_pairs:
            if target and target != canonical:
                totals[target][slot] += 1
                if slot == 2:
                    shared[target].add(item)
    ranked = sorted(totals.items(), key=lambda kv: (-(3 * kv[1][0] + 2 * kv[1][1] + kv[1][2]), kv[0]))[:limit]
    refs = entity_refs(conn, [k for k, _ in ranked])
    return [Tie(refs[k], 3 * c + 2 * e + a, c, e, a, together(conn, nodes, k, sorted(shared[k])[:1]))
            for k, (c, e, a) in ranked if k in refs]


def together(conn: Connection, nodes: Collection[str], other: str, article_ids: list[str]) -> list[Citation]:
    """A sentence naming both entities in a shared article, else one naming the other entity there."""
    found: list[Citation] = []
    other_nodes = members(conn, other)
    for article_id in article_ids:
        rows = conn.execute(select(mentions.c.entity_id, mentions.c.evidence).where(
            mentions.c.article_id == article_id, mentions.c.entity_id.in_([*nodes, *other_nodes])))
        own: set[str] = set()
        theirs: list[dict[str, Any]] = []
        for node, evidence in rows:
            if node in other_nodes:
                theirs.extend(evidence or [])
            else:
                own.update(e.get("text", "") for e in evidence or [])
        both = [e for e in theirs if e.get("text") in own] or theirs
        found.extend(citations(conn, [(article_id, both[:1])]))
    return found


def resolve_target(conn: Connection, name_or_id: str) -> tuple[str, list[EntityRef]]:
    """The canonical id for a name or id (the most mentioned match), and the other matches."""
    canonical = canonical_of(conn, name_or_id.strip())
    if canonical:
        return canonical, []
    found = find_entities(conn, name_or_id)
    if not found:
        raise NotFound(f"no entity named {name_or_id!r}")
    return found[0].id, found[1:]


def profile(bind: Bind, name_or_id: str, events_limit: int | None = None, ties_limit: int = 10) -> Profile:
    """The dossier of the entity with this id, or the most mentioned one with this name."""
    with connect(bind) as conn:
        canonical, others = resolve_target(conn, name_or_id)
        nodes = members(conn, canonical)
        ref = entity_refs(conn, [canonical])[canonical]
        type_ = _majority_type(conn, nodes) or ref.type
        return Profile(
            entity=EntityRef(ref.id, ref.name, type_, ref.articles),
            names=name_counts(conn, nodes),
            nodes=nodes,
            facts=facts(conn, nodes),
            events=timeline(conn, nodes, events_limit),
            ties=ties(conn, canonical, nodes, ties_limit),
            others=others,
        )


def _majority_type(conn: Connection, nodes: Collection[str]) -> str | None:
    counts: Counter[str] = Counter()
    for part in in_chunks(nodes):
        counts.update(dict(list(conn.execute(select(mentions.c.type, func.count()).where(
            mentions.c.entity_id.in_(part)).group_by(mentions.c.type)))))
    return counts.most_common(1)[0][0] if counts else None

