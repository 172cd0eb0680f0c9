"""Schema migrations, applied in order and recorded in the schema_migrations table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.schema import CreateIndex

from crimegraph.store.tables import metadata, schema_migrations


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step; `apply` must be safe on a database that already has part of it."""

    version: int
    name: str
    apply: Callable[[Connection], None]


def create_tables(conn: Connection) -> None:
    """Every table of tables.py that does not exist yet."""
    metadata.create_all(conn, checkfirst=True)


SQLITE_SEARCH = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        title, text, content='articles', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS names_fts USING fts5(
        name, content='names', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS names_fts_insert AFTER INSERT ON names BEGIN
        INSERT INTO names_fts(rowid, name) VALUES (new.id, new.name); END""",
)

POSTGRES_UNACCENT = """CREATE OR REPLACE FUNCTION cg_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT lower(public.unaccent('public.unaccent', $1)) $$"""
POSTGRES_PLAIN = """CREATE OR REPLACE FUNCTION cg_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT lower($1) $$"""
POSTGRES_SEARCH = (
    """CREATE INDEX IF NOT EXISTS ix_articles_search ON articles USING gin (
        to_tsvector('simple', cg_unaccent(coalesce(title, '') || ' ' || text)))""",
    """CREATE INDEX IF NOT EXISTS ix_names_search ON names USING gin (
        to_tsvector('simple', cg_unaccent(name)))""",
)


def search_indexes(conn: Connection) -> None:
    """Accent- and case-insensitive full-text indexes: FTS5 on SQLite, unaccent + GIN on PostgreSQL."""
    if conn.dialect.name == "sqlite":
        for statement in SQLITE_SEARCH:
            conn.execute(text(statement))
        return
    try:
        with conn.begin_nested():
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
            conn.execute(text(POSTGRES_UNACCENT))
    except DBAPIError:  # no contrib package: case-insensitive only
        conn.execute(text(POSTGRES_PLAIN))
    for statement in POSTGRES_SEARCH:
        conn.execute(text(statement))


QUERY_INDEXES = (
    ("mentions", "ix_mentions_entity_article"), ("mentions", "ix_mentions_article_entity"),
    ("articles", "ix_articles_date_id"), ("claims", "ix_claims_source_id"), ("events", "ix_events_location_id"),
    ("events", "ix_events_date_id"), ("claims", "ix_claims_article_parties"),
    ("event_reports", "ix_event_reports_event_report"), ("event_reports", "ux_event_reports_id_event"),
    ("event_actors", "ix_event_actors_entity_report"),
)
REPLACED_INDEXES = ("ix_mentions_entity_id", "ix_mentions_article_id", "ix_articles_date", "ix_claims_article_id",
                    "ix_event_reports_event_id", "ix_event_actors_entity_id", "ix_event_reports_id_event")


def query_indexes(conn: Connection) -> None:
    """Covering indexes for the profile and graph queries; the one-column indexes they extend are dropped."""
    for table, name in QUERY_INDEXES:
        index = next(i for i in metadata.tables[table].indexes if i.name == name)
        conn.execute(CreateIndex(index, if_not_exists=True))
    for name in REPLACED_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


MIGRATIONS = (
    Migration(1, "create tables", create_tables),
    Migration(2, "full-text search indexes", search_indexes),
    Migration(3, "indexes for profile and graph queries", query_indexes),
)


def applied_versions(conn: Connection) -> set[int]:
    """Versions already recorded in the database."""
    if not inspect(conn).has_table("schema_migrations"):
        return set()
    return set(conn.execute(select(schema_migrations.c.version)).scalars())


def migrate(engine: Engine) -> list[int]:
    """Apply pending migrations, each in its own transaction; the versions applied."""
    with engine.begin() as conn:
        schema_migrations.create(conn, checkfirst=True)
    done: list[int] = []
    for migration in MIGRATIONS:
        with engine.begin() as conn:
            if migration.version in applied_versions(conn):
                continue
            migration.apply(conn)
            conn.execute(schema_migrations.insert().values(
                version=migration.version, name=migration.name, applied_at=datetime.now(UTC)))
            done.append(migration.version)
    return done


def current_version(engine: Engine) -> int:
    """The highest migration applied (0 for an empty database)."""
    with engine.connect() as conn:
        return max(applied_versions(conn), default=0)
