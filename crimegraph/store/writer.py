"""Write a batch of articles and their extractions into the knowledge base, every fact with its provenance.

Rows are built in memory first (one `ArticleWriter` per article), then written set-based: one lookup of
known nodes and names, then the database's bulk path per table (see store.bulk).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from crimegraph.model import Article, Claim, Event, Evidence, Extraction
from crimegraph.model.names import fold
from crimegraph.store.bulk import bulk_insert
from crimegraph.store.db import in_chunks, insert_ignore
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
    """What storing a batch changed: article ids, nodes to resolve, event reports to place."""

    article_ids: list[str] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    reports: list[PendingReport] = field(default_factory=list)
    known: list[str] = field(default_factory=list)  # ids of articles another writer stored first


@dataclass(slots=True)
class Rows:
    """A batch's rows before they are written; the first row for a key wins, as with INSERT … DO NOTHING."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    names: dict[str, dict[str, None]] = field(default_factory=dict)
    mentions: dict[str, dict[str, Any]] = field(default_factory=dict)
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)
    reports: list[PendingReport] = field(default_factory=list)


def evidence_json(evidence: list[Evidence]) -> list[dict[str, Any]]:
    """Evidence spans as JSON-ready dicts."""
    return [e.to_dict() for e in evidence]


def article_row(article: Article, article_id: str, now: datetime) -> dict[str, Any]:
    """The articles row of an Article."""
    return {
        "id": article_id, "content_hash": article.content_hash, "title": article.title,
        "date": (article.date or None) and str(article.date)[:10], "language": article.language,
        "source": article.source, "url": article.url, "text": article.text,
        "extra": article.extra or None, "ingested_at": now,
    }


def stored_hashes(conn: Connection, hashes: Sequence[str]) -> set[str]:
    """The content hashes already stored: an article another process committed after this one checked
    (inside the write transaction, so no writer can add one before this batch commits)."""
    found: set[str] = set()
    for part in in_chunks(hashes):
        found.update(conn.execute(select(articles.c.content_hash).where(articles.c.content_hash.in_(part))).scalars())
    return found


def free_article_ids(conn: Connection, batch: Sequence[Article]) -> list[str]:
    """Each article's own id, or that id plus a hash suffix when another article (stored or earlier in the
    batch) already has it."""
    taken: dict[str, str] = {}
    for part in in_chunks({a.id for a in batch}):
        taken.update((i, h) for i, h in conn.execute(
            select(articles.c.id, articles.c.content_hash).where(articles.c.id.in_(part))))
    found: list[str] = []
    for article in batch:
        owner = taken.setdefault(article.id, article.content_hash)
        found.append(article.id if owner == article.content_hash else f"{article.id}#{article.content_hash[:8]}")
    return found


class ArticleWriter:
    """Builds the rows of one article; names resolve to this article's entities first."""

    def __init__(self, rows: Rows, article_id: str, country: str | None, now: datetime) -> None:
        self.rows = rows
        self.article_id = article_id
        self.country = country
        self.now = now
        self.local: dict[str, str] = {}

    def node(self, name: str, type_: str) -> str:
        """The node id for a name and type (its row is written only when new)."""
        key = node_key(name, type_, self.country)
        node = entity_id(key)
        self.rows.entities.setdefault(node, {
            "id": node, "key": key, "name": name, "type": type_, "canonical_id": node, "created_at": self.now})
        return node

    def add_names(self, node: str, forms: list[str]) -> None:
        """Record surface forms of a node (written when new; a node with a new form is resolved again)."""
        known = self.rows.names.setdefault(node, {})
        for form in forms:
            if form.strip():
                known.setdefault(form, None)
                self.local.setdefault(fold(form), node)

    def mention(self, name: str, type_: str, aliases: list[str], evidence: list[Evidence],
                confidence: float, component: str) -> str:
        """Store one entity of the article; its node id."""
        node = self.node(name, type_)
        self.rows.mentions.setdefault(make_id("m", self.article_id, node), {
            "id": make_id("m", self.article_id, node), "article_id": self.article_id, "entity_id": node,
            "name": name, "type": type_, "aliases": aliases, "evidence": evidence_json(evidence),
            "confidence": confidence, "component": component})
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
        claim_id = make_id("c", self.article_id, claim.subject, claim.predicate, claim.object, claim.status,
                           claim.source)
        self.rows.claims.setdefault(claim_id, {
            "id": claim_id, "article_id": self.article_id, "subject": claim.subject, "subject_id": subject_id,
            "predicate": claim.predicate, "object": claim.object, "object_id": object_id,
            "status": claim.status, "source": claim.source, "source_id": source_id,
            "evidence": evidence_json(claim.evidence), "confidence": claim.confidence,
            "component": claim.component})

    def event(self, index: int, event: Event) -> None:
        """Hold an event report until entities are resolved."""
        actor_ids = [a for a in (self.lookup(n, "ORGANIZATION", event.evidence) for n in event.actors) if a]
        location_id = self.lookup(event.location, "LOCATION", event.evidence)
        report_id = make_id("r", self.article_id, index, event.type, event.date, event.location)
        self.rows.reports.append(PendingReport(report_id, self.article_id, event,
                                               list(dict.fromkeys(actor_ids)), location_id))

    def write(self, extraction: Extraction) -> None:
        """Every entity, claim and event of the extraction."""
        for entity in extraction.entities:
            self.mention(entity.name, entity.type, list(entity.aliases), entity.evidence,
                         entity.confidence, entity.component)
        for claim in extraction.claims:
            self.claim(claim)
        for index, event in enumerate(extraction.events):
            self.event(index, event)


def new_nodes(conn: Connection, rows: Rows) -> set[str]:
    """Write the nodes not stored yet; their ids."""
    known: set[str] = set()
    for part in in_chunks(rows.entities):
        known.update(conn.execute(select(entities.c.id).where(entities.c.id.in_(part))).scalars())
    fresh = [row for node, row in rows.entities.items() if node not in known]
    insert_ignore(conn, entities, fresh)
    return {row["id"] for row in fresh}


def new_names(conn: Connection, rows: Rows) -> set[str]:
    """Write the (node, name) pairs not stored yet; the nodes that got a new name."""
    known: set[tuple[str, str]] = set()
    for part in in_chunks(rows.names):
        known.update((n, s) for n, s in conn.execute(
            select(names.c.entity_id, names.c.name).where(names.c.entity_id.in_(part))))
    fresh = [{"entity_id": node, "name": name} for node, forms in rows.names.items() for name in forms
             if (node, name) not in known]
    insert_ignore(conn, names, fresh)
    return {row["entity_id"] for row in fresh}


def store_articles(conn: Connection, pairs: Sequence[tuple[Article, Extraction]],
                   now: datetime | None = None) -> Written:
    """Insert articles with their entities and claims; event reports come back pending (see resolve.events)."""
    now = now or datetime.now(UTC)
    rows = Rows()
    stored = stored_hashes(conn, [article.content_hash for article, _ in pairs])
    known = [article.id for article, _ in pairs if article.content_hash in stored]
    pairs = [(article, extraction) for article, extraction in pairs if article.content_hash not in stored]
    ids = free_article_ids(conn, [article for article, _ in pairs])
    for (article, extraction), article_id in zip(pairs, ids, strict=True):
        rows.articles.append(article_row(article, article_id, now))
        ArticleWriter(rows, article_id, main_country(extraction.entities), now).write(extraction)
    touched = new_nodes(conn, rows) | new_names(conn, rows)
    bulk_insert(conn, articles, rows.articles)
    bulk_insert(conn, mentions, list(rows.mentions.values()))
    bulk_insert(conn, claims, list(rows.claims.values()))
    return Written(ids, touched, rows.reports, known)
