"""Write one article and its extraction into the knowledge base, every fact with its provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from crimegraph.model import Article, Claim, Event, Evidence, Extraction
from crimegraph.resolve.names import fold
from crimegraph.store.db import insert_ignore
from crimegraph.store.keys import country_code, entity_id, main_country, make_id, node_key
from crimegraph.store.tables import articles, claims, entities, mentions, names

IMPLIED = "store:implied"
OBJECT_TYPES = {"holds_position": "STATE_ACTOR", "member_of": "ORGANIZATION"}


@dataclass(slots=True)
class PendingReport:
    """An event report waiting for entity resolution before it joins (or starts) an event."""

    id: str
    article_id: str
    event: Event
    actor_ids: list[str]
    location_id: str | None


@dataclass(slots=True)
class Written:
    """What storing one article changed: its id, nodes to resolve, event reports to place."""

    article_id: str
    touched: set[str] = field(default_factory=set)
    reports: list[PendingReport] = field(default_factory=list)


def evidence_json(evidence: list[Evidence]) -> list[dict[str, Any]]:
    """Evidence spans as JSON-ready dicts."""
    return [e.to_dict() for e in evidence]


def free_article_id(conn: Connection, article: Article) -> str:
    """The article's own id, or that id plus a hash suffix when another article already has it."""
    taken = conn.execute(select(articles.c.content_hash).where(articles.c.id == article.id)).first()
    if taken is None or taken[0] == article.content_hash:
        return article.id
    return f"{article.id}#{article.content_hash[:8]}"


def article_row(article: Article, article_id: str, now: datetime) -> dict[str, Any]:
    """The articles row of an Article."""
    return {
        "id": article_id, "content_hash": article.content_hash, "title": article.title,
        "date": (article.date or None) and str(article.date)[:10], "language": article.language,
        "source": article.source, "url": article.url, "text": article.text,
        "extra": article.extra or None, "ingested_at": now,
    }


class ArticleWriter:
    """Stores the facts of one article; names resolve to this article's entities first."""

    def __init__(self, conn: Connection, article_id: str, country: str | None, now: datetime) -> None:
        self.conn = conn
        self.article_id = article_id
        self.country = country
        self.now = now
        self.local: dict[str, str] = {}
        self.written = Written(article_id)

    def node(self, name: str, type_: str) -> str:
        """The node id for a name and type, created when new."""
        key = node_key(name, type_, self.country)
        node = entity_id(key)
        created = insert_ignore(self.conn, entities, [{
            "id": node, "key": key, "name": name, "type": type_, "canonical_id": node, "created_at": self.now}])
        if created:
            self.written.touched.add(node)
        return node

    def add_names(self, node: str, forms: list[str]) -> None:
        """Record surface forms of a node; a node with a new form needs resolving again."""
        wanted = list(dict.fromkeys(f for f in forms if f.strip()))
        known = set(self.conn.execute(select(names.c.name).where(
            names.c.entity_id == node, names.c.name.in_(wanted))).scalars())
        fresh = [{"entity_id": node, "name": f} for f in wanted if f not in known]
        if fresh:
            insert_ignore(self.conn, names, fresh)
            self.written.touched.add(node)
        for form in wanted:
            self.local.setdefault(fold(form), node)

    def mention(self, name: str, type_: str, aliases: list[str], evidence: list[Evidence],
                confidence: float, component: str) -> str:
        """Store one entity of the article; its node id."""
        node = self.node(name, type_)
        insert_ignore(self.conn, mentions, [{
            "id": make_id("m", self.article_id, node), "article_id": self.article_id, "entity_id": node,
            "name": name, "type": type_, "aliases": aliases, "evidence": evidence_json(evidence),
            "confidence": confidence, "component": component}])
        self.add_names(node, [name, *aliases])
        return node

    def lookup(self, name: str | None, type_: str, evidence: list[Evidence]) -> str | None:
        """The node a name in a claim or event refers to: the article's entity, else an implied one."""
        if not name or not name.strip():
            return None
        found = self.local.get(fold(name))
        if found:
            return found
        guessed = "LOCATION" if country_code(name) else type_
        return self.mention(name, guessed, [], evidence, 0.5, IMPLIED)

    def claim(self, claim: Claim) -> None:
        """Store one claim with its subject, object and source linked to nodes."""
        subject_type = "PERSON" if claim.predicate == "holds_position" else "ORGANIZATION"
        subject_id = self.lookup(claim.subject, subject_type, claim.evidence)
        if subject_id is None:
            return
        object_id = None
        if claim.predicate != "involved_in":
            object_id = self.lookup(claim.object, OBJECT_TYPES.get(claim.predicate, "ORGANIZATION"),
                                    claim.evidence)
        source_id = self.local.get(fold(claim.source)) if claim.source else None
        insert_ignore(self.conn, claims, [{
            "id": make_id("c", self.article_id, claim.subject, claim.predicate, claim.object,
                          claim.status, claim.source),
            "article_id": self.article_id, "subject": claim.subject, "subject_id": subject_id,
            "predicate": claim.predicate, "object": claim.object, "object_id": object_id,
            "status": claim.status, "source": claim.source, "source_id": source_id,
            "evidence": evidence_json(claim.evidence), "confidence": claim.confidence,
            "component": claim.component}])

    def event(self, index: int, event: Event) -> None:
        """Hold an event report until entities are resolved."""
        actor_ids = [a for a in (self.lookup(n, "ORGANIZATION", event.evidence) for n in event.actors) if a]
        location_id = self.lookup(event.location, "LOCATION", event.evidence)
        report_id = make_id("r", self.article_id, index, event.type, event.date, event.location)
        self.written.reports.append(PendingReport(report_id, self.article_id, event,
                                                  list(dict.fromkeys(actor_ids)), location_id))


def store_article(conn: Connection, article: Article, extraction: Extraction,
                  now: datetime | None = None) -> Written:
    """Insert an article and its entities and claims; events come back pending (see resolve.events)."""
    now = now or datetime.now(UTC)
    article_id = free_article_id(conn, article)
    conn.execute(articles.insert().values(article_row(article, article_id, now)))
    writer = ArticleWriter(conn, article_id, main_country(extraction.entities), now)
    for entity in extraction.entities:
        writer.mention(entity.name, entity.type, list(entity.aliases), entity.evidence,
                       entity.confidence, entity.component)
    for claim in extraction.claims:
        writer.claim(claim)
    for index, event in enumerate(extraction.events):
        writer.event(index, event)
    return writer.written
