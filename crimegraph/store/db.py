"""Open the knowledge base: an engine for a SQLAlchemy URL (SQLite in WAL mode, or PostgreSQL), migrated."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from crimegraph.exc import CrimegraphError
from crimegraph.settings import database_url

Bind = Engine | Connection
CHUNK = 500  # ids per IN list
WRITE = "crimegraph_write"  # execution option of the connections `engine.begin()` opens
WRITER_LOCK = 7_150_015  # PostgreSQL advisory lock key: one knowledge-base writer at a time


class DatabaseError(CrimegraphError):
    """A database that cannot be opened or used."""


class WriterEngine(Engine):
    """An engine whose `begin()` opens a write transaction that holds the knowledge base's write lock from its
    first statement: BEGIN IMMEDIATE on SQLite (a deferred transaction that has read cannot wait for the lock
    when another process commits first, and fails with "database is locked"), and a transaction-scoped
    advisory lock on PostgreSQL (two writers reading the same missing key would both insert it). Reads
    (`engine.connect()`) take no lock; two ingests still extract in parallel and store in turn."""

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with self.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn


def writer(engine: Engine) -> Engine:
    """The engine, its `begin()` taking the write lock (see WriterEngine)."""
    engine.__class__ = WriterEngine

    @event.listens_for(engine, "begin")
    def _lock(conn: Connection) -> None:
        if conn.dialect.name == "postgresql" and conn.get_execution_options().get(WRITE):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")

    return engine


def make_engine(url: str | None = None) -> Engine:
    """An engine for `url` (default CRIMEGRAPH_DB, else sqlite:///crimegraph.db); not yet migrated."""
    text = database_url(url)
    try:
        parsed = make_url(text)
    except ArgumentError as error:
        raise DatabaseError(f"not a database URL: {text!r} ({error})") from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed.render_as_string(hide_password=False))
    try:
        return writer(create_engine(parsed, pool_pre_ping=True))
    except Exception as error:  # noqa: BLE001 - a missing driver or bad option, said plainly
        raise DatabaseError(f"cannot use {parsed.render_as_string()}: {error}") from None


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # The sqlite3 driver's own transaction handling would let a SAVEPOINT commit on release; SQLAlchemy
        # says BEGIN itself instead, so a batch is committed whole or not at all.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=30000",
                       "cache_size=-65536", "mmap_size=1073741824"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

    return writer(engine)


def open_db(url: str | None = None) -> Engine:
    """An engine for `url` with every pending migration applied."""
    from crimegraph.store.migrations import migrate

    engine = make_engine(url)
    try:
        migrate(engine)
    except OperationalError as error:
        raise DatabaseError(f"cannot open {engine.url.render_as_string()}: {error.orig}") from None
    return engine


@contextmanager
def connect(bind: Bind) -> Iterator[Connection]:
    """A connection from an engine (in a transaction, committed at the end) or the connection itself.

    Read-only callers use this, so it takes no write lock (see WriterEngine); a write goes through
    `engine.begin()`."""
    if isinstance(bind, Connection):
        yield bind
        return
    with bind.connect() as connection:
        yield connection
        connection.commit()


def is_sqlite(conn: Connection) -> bool:
    """Whether the connection talks to SQLite."""
    return conn.dialect.name == "sqlite"


def insert_ignore(conn: Connection, table: Table, rows: Iterable[Mapping[str, Any]]) -> int:
    """Insert rows, skipping those whose key already exists; how many were inserted."""
    batch = list(rows)
    if not batch:
        return 0
    module: Any = sqlite if is_sqlite(conn) else postgresql
    statement = module.insert(table).on_conflict_do_nothing()
    result = conn.execute(statement, batch)
    return max(result.rowcount, 0)


def in_chunks(items: Iterable[str], size: int = CHUNK) -> Iterator[list[str]]:
    """Distinct items, sorted, in lists short enough for an IN clause."""
    ordered = sorted(set(items))
    for start in range(0, len(ordered), size):
        yield ordered[start:start + size]
