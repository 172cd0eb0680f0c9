"""The knowledge base schema (SQLAlchemy Core): articles, entities, mentions, claims, events, judgements."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()
ID = String(64)

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(400), primary_key=True),
    Column("content_hash", String(40), nullable=False, unique=True),
    Column("title", Text),
    Column("date", String(10)),
    Column("language", String(8)),
    Column("source", Text),
    Column("url", Text),
    Column("text", Text, nullable=False),
    Column("extra", JSON),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_date_id", "date", "id"),  # the newest articles first, in index order
)

# A node: one name (case, spacing and punctuation folded) of one type family. Resolution links nodes
# by setting canonical_id; every node of a cluster shares it. Nothing is deleted.
entities = Table(
    "entities", metadata,
    Column("id", ID, primary_key=True),
    Column("key", String(600), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("canonical_id", ID, nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

names = Table(
    "names", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", ID, ForeignKey("entities.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    UniqueConstraint("entity_id", "name", name="uq_names_entity_name"),
)

name_keys = Table(
    "name_keys", metadata,
    Column("key", String(600), primary_key=True),
    Column("entity_id", ID, ForeignKey("entities.id"), primary_key=True, index=True),
)

mentions = Table(
    "mentions", metadata,
    Column("id", ID, primary_key=True),
    Column("article_id", String(400), ForeignKey("articles.id"), nullable=False),
    Column("entity_id", ID, ForeignKey("entities.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("component", String(100), nullable=False),
    # Both directions covered: an entity's articles (counted, listed) and the entities of an article.
    Index("ix_mentions_entity_article", "entity_id", "article_id"),
    Index("ix_mentions_article_entity", "article_id", "entity_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", ID, primary_key=True),
    Column("article_id", String(400), ForeignKey("articles.id"), nullable=False),
    Column("subject", Text, nullable=False),
    Column("subject_id", ID, ForeignKey("entities.id"), nullable=False, index=True),
    Column("predicate", String(40), nullable=False),
    Column("object", Text, nullable=False),
    Column("object_id", ID, ForeignKey("entities.id"), index=True),
    Column("status", String(20), nullable=False),
    Column("source", Text),
    Column("source_id", ID, ForeignKey("entities.id"), index=True),
    Column("evidence", JSON, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("component", String(100), nullable=False),
    # An article's claims and who they name, without reading the (wide) claim rows.
    Index("ix_claims_article_parties", "article_id", "subject_id", "object_id", "source_id", "id"),
)

events = Table(
    "events", metadata,
    Column("id", ID, primary_key=True),
    Column("type", String(20), nullable=False),
    Column("date", String(10)),
    Column("location", Text),
    Column("location_id", ID, ForeignKey("entities.id"), index=True),
    Column("fatalities", Integer),
    Column("arrested", Integer),
    Index("ix_events_type_date", "type", "date"),
    Index("ix_events_date_id", "date", "id", "location_id"),  # the newest events first; places read off it
)

event_reports = Table(
    "event_reports", metadata,
    Column("id", ID, primary_key=True),
    Column("article_id", String(400), ForeignKey("articles.id"), nullable=False, index=True),
    Column("event_id", ID, ForeignKey("events.id"), nullable=False),
    Column("type", String(20), nullable=False),
    Column("date", String(10)),
    Column("location", Text),
    Column("location_id", ID, ForeignKey("entities.id")),
    Column("actors", JSON, nullable=False),
    Column("fatalities", Integer),
    Column("arrested", Integer),
    Column("evidence", JSON, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("component", String(100), nullable=False),
    Column("match", JSON),
    # Report <-> event (and the report's date) without reading the (wide) report rows.
    Index("ix_event_reports_event_report", "event_id", "id"),
    Index("ux_event_reports_id_event", "id", "event_id", "date", unique=True),  # unique: preferred to the key
)

event_actors = Table(
    "event_actors", metadata,
    Column("report_id", ID, ForeignKey("event_reports.id"), primary_key=True),
    Column("entity_id", ID, ForeignKey("entities.id"), primary_key=True),
    Column("name", Text, nullable=False),
    Index("ix_event_actors_entity_report", "entity_id", "report_id"),
)

# Resolution decisions, append-only: the latest user judgement on a pair wins, then the resolver's.
judgements = Table(
    "judgements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("left_id", ID, ForeignKey("entities.id"), nullable=False, index=True),
    Column("right_id", ID, ForeignKey("entities.id"), nullable=False, index=True),
    Column("judgement", String(10), nullable=False),
    Column("score", Float),
    Column("features", JSON),
    Column("decided_by", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

SAME = "same"
DIFFERENT = "different"
POSSIBLE = "possible"
RESOLVER = "resolver"
USER = "user"
