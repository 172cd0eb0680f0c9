"""Knowledge-base test helpers: fresh databases (SQLite; PostgreSQL when configured) and hand-made extractions."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from crimegraph.ingest.runner import IngestSummary, ingest
from crimegraph.model import Article, Claim, Entity, Event, Evidence, Extraction
from crimegraph.settings import Settings
from crimegraph.store.db import open_db

PG_ENV = "CRIMEGRAPH_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


def fresh_engine(backend: str, tmp_path: object) -> Iterator[Engine]:
    """A migrated engine on a new, empty database; PostgreSQL ones are dropped afterwards."""
    if backend == "sqlite":
        engine = open_db(f"sqlite:///{tmp_path}/kb.db")
        yield engine
        engine.dispose()
        return
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"{PG_ENV} is not set")
    name = f"cg_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(make_url(server).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(drivername="postgresql+psycopg", database=name)
    engine = open_db(url.render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def url_of(engine: Engine) -> str:
    """The URL to pass to --db."""
    return engine.url.render_as_string(hide_password=False)


def said(sentence: str) -> list[Evidence]:
    """Evidence for a sentence that opens its article."""
    return [Evidence(0, len(sentence), sentence)]


def person(name: str, *aliases: str, sentence: str = "") -> Entity:
    return Entity(name, "PERSON", list(aliases), said(sentence or name), 0.9, "test")


def actor(name: str, type_: str = "STATE_ACTOR", *aliases: str, sentence: str = "") -> Entity:
    return Entity(name, type_, list(aliases), said(sentence or name), 0.9, "test")


def place(name: str, *aliases: str) -> Entity:
    return Entity(name, "LOCATION", list(aliases), said(name), 0.9, "test")


def claim(subject: str, predicate: str, obj: str, status: str = "asserted", source: str | None = None,
          sentence: str = "") -> Claim:
    return Claim(subject, predicate, obj, status, source, said(sentence or f"{subject} {predicate} {obj}"),
                 0.8, "test")


def event(type_: str, date: str | None, location: str | None, *actors: str, sentence: str = "",
          arrested: int | None = None, fatalities: int | None = None) -> Event:
    return Event(type_, date, location, list(actors), fatalities, arrested,
                 said(sentence or f"{type_} in {location}"), 0.8, "test")


def doc(article_id: str, text_: str, date: str = "2020-01-01", title: str | None = None,
        language: str = "en") -> Article:
    return Article(article_id, text_, title or f"Report {article_id}", date, language)


class Canned:
    """An extractor that returns hand-made extractions by article id (empty ones otherwise)."""

    def __init__(self, by_id: dict[str, Extraction]) -> None:
        self.by_id = by_id
        self.calls = 0

    def __call__(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for article in articles:
            self.calls += 1
            yield self.by_id.get(article.id, Extraction(article.id))


def load(engine: Engine, pairs: list[tuple[Article, Extraction]], batch_size: int = 32) -> IngestSummary:
    """Ingest articles whose extractions are given."""
    extractor = Canned({e.article_id: e for _, e in pairs})
    settings = Settings.from_env(db=url_of(engine), batch_size=batch_size)
    return ingest([a for a, _ in pairs], engine, settings, extractor=extractor)
