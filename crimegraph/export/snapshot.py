"""A read-only snapshot of the knowledge base as plain records, resolved to canonical entities, for exporters."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from crimegraph.resolve.names import fold
from crimegraph.store.db import Bind, connect
from crimegraph.store.tables import (
    articles,
    claims,
    entities,
    event_actors,
    event_reports,
    events,
    mentions,
    names,
)


@dataclass(slots=True)
class ArticleRecord:
    """A source article: what a fact's provenance points to."""

    id: str
    title: str | None = None
    date: str | None = None
    language: str | None = None
    source: str | None = None
    url: str | None = None
    content_hash: str | None = None
    text: str | None = None


@dataclass(slots=True)
class EntityRecord:
    """A resolved entity (a cluster of nodes): main name, type, other names, the articles that mention it."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    nodes: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    mentions: int = 0
    provenance: list[dict[str, Any]] = field(default_factory=list)
    weights: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class ClaimRecord:
    """One claim as one article states it, with subject and object resolved to entities."""

    id: str
    article_id: str
    subject: str
    subject_id: str
    predicate: str
    object: str
    object_id: str | None
    status: str
    source: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    confidence: float = 1.0
    component: str = ""


@dataclass(slots=True)
class ReportRecord:
    """One article's account of an event."""

    id: str
    article_id: str
    date: str | None
    location: str | None
    actors: list[str]
    actor_ids: list[str]
    fatalities: int | None = None
    arrested: int | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    confidence: float = 1.0
    component: str = ""


@dataclass(slots=True)
class EventRecord:
    """A real-world event joined from one or more reports."""

    id: str
    type: str
    date: str | None
    location: str | None
    location_id: str | None
    fatalities: int | None
    arrested: int | None
    reports: list[ReportRecord] = field(default_factory=list)

    @property
    def actor_ids(self) -> list[str]:
        """Every actor entity of every report, in order of first appearance."""
        return list(dict.fromkeys(a for r in self.reports for a in r.actor_ids))

    @property
    def article_ids(self) -> list[str]:
        """The articles that report the event."""
        return list(dict.fromkeys(r.article_id for r in self.reports))


@dataclass(slots=True)
class Snapshot:
    """Everything an exporter needs, keyed by id."""

    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    entities: dict[str, EntityRecord] = field(default_factory=dict)
    claims: list[ClaimRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)

    def entity(self, entity_id: str | None) -> EntityRecord | None:
        """The entity with this canonical id, if any."""
        return self.entities.get(entity_id) if entity_id else None


def group_claims(snap: Snapshot) -> dict[tuple[str, str, str], list[ClaimRecord]]:
    """Claims grouped by relation: subject entity, predicate, object entity (or folded object text)."""
    groups: dict[tuple[str, str, str], list[ClaimRecord]] = defaultdict(list)
    for claim in snap.claims:
        groups[(claim.subject_id, claim.predicate, claim.object_id or fold(claim.object))].append(claim)
    return groups


def load_snapshot(bind: Bind, with_text: bool = True, with_mentions: bool = False) -> Snapshot:
    """Read the whole knowledge base into plain records (every node mapped to its canonical entity).

    `with_mentions` adds each entity's mentions (article, name as written, evidence) as its provenance.
    """
    with connect(bind) as conn:
        canonical = dict(list(conn.execute(select(entities.c.id, entities.c.canonical_id))))
        snap = Snapshot(articles=_articles(conn, with_text))
        snap.entities = _entities(conn, canonical)
        snap.claims = _claims(conn, canonical)
        snap.events = _events(conn, canonical)
        if with_mentions:
            _mentions(conn, canonical, snap.entities)
    return snap


def _mentions(conn: Connection, canonical: dict[str, str], found: dict[str, EntityRecord]) -> None:
    columns = (mentions.c.entity_id, mentions.c.article_id, mentions.c.name, mentions.c.type, mentions.c.evidence,
               mentions.c.confidence, mentions.c.component)
    for row in conn.execute(select(*columns).order_by(mentions.c.article_id, mentions.c.id)).mappings():
        entity = found.get(canonical[row["entity_id"]])
        if entity is not None:
            entity.provenance.append({
                "article_id": row["article_id"], "node": row["entity_id"], "name": row["name"],
                "type": row["type"], "evidence": list(row["evidence"] or []), "confidence": row["confidence"],
                "component": row["component"]})


def _articles(conn: Connection, with_text: bool) -> dict[str, ArticleRecord]:
    columns = [articles.c.id, articles.c.title, articles.c.date, articles.c.language, articles.c.source,
               articles.c.url, articles.c.content_hash]
    if with_text:
        columns.append(articles.c.text)
    found: dict[str, ArticleRecord] = {}
    for row in conn.execute(select(*columns).order_by(articles.c.id)).mappings():
        found[row["id"]] = ArticleRecord(**dict(row))
    return found


def _entities(conn: Connection, canonical: dict[str, str]) -> dict[str, EntityRecord]:
    rows = conn.execute(select(entities.c.id, entities.c.name, entities.c.type).order_by(entities.c.id))
    node_name: dict[str, str] = {}
    node_type: dict[str, str] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for node, name, type_ in rows:
        node_name[node], node_type[node] = name, type_
        members[canonical[node]].append(node)
    forms: dict[str, list[str]] = defaultdict(list)
    for node, form in conn.execute(select(names.c.entity_id, names.c.name).order_by(names.c.id)):
        forms[canonical[node]].append(form)
    seen: dict[str, list[str]] = defaultdict(list)
    counts: Counter[str] = Counter()
    weights: dict[str, Counter[str]] = defaultdict(Counter)
    for node, article_id, evidence in conn.execute(
            select(mentions.c.entity_id, mentions.c.article_id, mentions.c.evidence)):
        seen[canonical[node]].append(article_id)
        counts[canonical[node]] += 1
        weights[canonical[node]][article_id] += max(len(evidence or []), 1)
    found: dict[str, EntityRecord] = {}
    for cluster, nodes in members.items():
        main = cluster if cluster in node_name else nodes[0]
        name = node_name[main]
        aliases = [f for f in dict.fromkeys([*(node_name[n] for n in nodes), *forms[cluster]]) if f != name]
        found[cluster] = EntityRecord(cluster, name, _type(node_type[main], [node_type[n] for n in nodes]),
                                      aliases, sorted(nodes), sorted(set(seen[cluster])), counts[cluster],
                                      weights=dict(weights[cluster]))
    return found


def _type(main: str, types: Iterable[str]) -> str:
    """The canonical node's type (the resolver only merges nodes of one type family)."""
    return main or Counter(types).most_common(1)[0][0]


def _claims(conn: Connection, canonical: dict[str, str]) -> list[ClaimRecord]:
    found: list[ClaimRecord] = []
    for row in conn.execute(select(claims).order_by(claims.c.article_id, claims.c.id)).mappings():
        found.append(ClaimRecord(
            id=row["id"], article_id=row["article_id"], subject=row["subject"],
            subject_id=canonical[row["subject_id"]], predicate=row["predicate"], object=row["object"],
            object_id=canonical.get(row["object_id"]) if row["object_id"] else None, status=row["status"],
            source=row["source"], evidence=list(row["evidence"] or []), confidence=row["confidence"],
            component=row["component"]))
    return found


def _events(conn: Connection, canonical: dict[str, str]) -> list[EventRecord]:
    actors: dict[str, list[str]] = defaultdict(list)
    for report_id, node in conn.execute(select(event_actors.c.report_id, event_actors.c.entity_id)):
        actors[report_id].append(canonical[node])
    reports: dict[str, list[ReportRecord]] = defaultdict(list)
    for row in conn.execute(select(event_reports).order_by(event_reports.c.article_id, event_reports.c.id)).mappings():
        reports[row["event_id"]].append(ReportRecord(
            id=row["id"], article_id=row["article_id"], date=row["date"], location=row["location"],
            actors=list(row["actors"] or []), actor_ids=list(dict.fromkeys(actors[row["id"]])),
            fatalities=row["fatalities"], arrested=row["arrested"], evidence=list(row["evidence"] or []),
            confidence=row["confidence"], component=row["component"]))
    found: list[EventRecord] = []
    for row in conn.execute(select(events).order_by(events.c.date, events.c.id)).mappings():
        found.append(EventRecord(
            id=row["id"], type=row["type"], date=row["date"], location=row["location"],
            location_id=canonical.get(row["location_id"]) if row["location_id"] else None,
            fatalities=row["fatalities"], arrested=row["arrested"], reports=reports[row["id"]]))
    return found
