"""Ingest into the knowledge base: read, skip known articles, extract, store, resolve; commit per batch."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from crimegraph.exc import InputError
from crimegraph.extract.text.language import detect
from crimegraph.ingest.dedupe import Deduplicator
from crimegraph.model import Article, Extraction
from crimegraph.model.clean import scrub
from crimegraph.model.validate import validated
from crimegraph.resolve.events import place_reports
from crimegraph.resolve.resolver import Resolver
from crimegraph.resolve.settle import settle_all
from crimegraph.settings import Settings
from crimegraph.store.writer import Written, store_articles

# A database error, or a value the driver cannot write (a string it cannot encode, an odd type): either
# costs only the article that carries it.
STORE_ERRORS = (SQLAlchemyError, ValueError, TypeError)
Extractor = Callable[[Iterable[Article]], Iterator[Extraction]]


@dataclass(slots=True)
class Failure:
    """An input that was not stored, and why."""

    item: str
    reason: str


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did."""

    new: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    merges: int = 0
    withdrawn: int = 0
    events: int = 0
    seconds: float = 0.0
    extract_seconds: float = 0.0
    store_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def prepared(article: Article) -> Article:
    """The article with its language detected when the input did not say."""
    if not (article.language or "").strip():
        article.language = detect(article.text)
    return article


def _default_extractor(articles: Iterable[Article]) -> Iterator[Extraction]:
    from crimegraph.extract import extract_many

    return extract_many(articles)


class Ingester:
    """Runs batches: each batch is extracted, then stored, resolved and committed in one transaction."""

    def __init__(self, engine: Engine, settings: Settings | None = None,
                 extractor: Extractor | None = None) -> None:
        self.engine = engine
        self.settings = settings or Settings.from_env()
        self.extractor = extractor or _default_extractor
        self.dedupe = Deduplicator()
        self.summary = IngestSummary()
        self.seen = 0  # inputs so far: names an input that has no usable id

    def run(self, items: Iterable[Article | InputError],
            on_progress: Callable[[int], None] | None = None) -> IngestSummary:
        """Ingest every item; on_progress gets the number of inputs each batch handled."""
        started = time.perf_counter()
        stream = iter(items)
        while batch := list(islice(stream, self.settings.batch_size)):
            self.batch(batch)
            if on_progress:
                on_progress(len(batch))
        self.settle()
        self.summary.seconds = round(time.perf_counter() - started, 2)
        return self.summary

    def batch(self, batch: list[Article | InputError]) -> None:
        """Extract the new articles of a batch and commit them together."""
        found: list[Article] = []
        for item in batch:
            if (article := self.admit(item)) is not None:
                found.append(article)
        with self.engine.connect() as conn:
            fresh, skipped = self.dedupe.new(conn, [(a.content_hash, a) for a in found])
        self.summary.skipped += len(skipped)
        todo = [found[i] for i in fresh]
        if not todo:
            return
        started = time.perf_counter()
        results = list(self.extractor(todo))
        extracted = time.perf_counter()
        with self.engine.begin() as conn:
            self.store(conn, list(zip(todo, results, strict=True)))
        self.summary.extract_seconds += round(extracted - started, 3)
        self.summary.store_seconds += round(time.perf_counter() - extracted, 3)

    def admit(self, item: Article | InputError) -> Article | None:
        """The validated article, its language detected; None, with the failure recorded, for a bad input."""
        self.seen += 1
        error = item if isinstance(item, InputError) else None
        if not isinstance(item, InputError):
            try:
                return prepared(validated(item, f"input {self.seen}"))
            except InputError as bad:
                error = bad
        self.summary.failed.append(Failure(*_split(scrub(str(error)))))
        return None

    def store(self, conn: Connection, pairs: list[tuple[Article, Extraction]]) -> None:
        """Store extractions set-based, resolve the nodes they touched, and place their event reports.

        When the batch cannot be stored whole, each article is stored on its own so the failing one is named.
        """
        good: list[tuple[Article, Extraction]] = []
        for article, extraction in pairs:
            if extraction.error:
                self.summary.failed.append(Failure(article.id, extraction.error))
            else:
                good.append((article, extraction))
        try:
            with conn.begin_nested():
                written = store_articles(conn, good)
        except STORE_ERRORS:
            written = self.store_each(conn, good)
        self.summary.new += len(written.article_ids)
        self.summary.merges += len(Resolver(conn, self.settings.match_threshold).resolve(written.touched))
        self.summary.events += place_reports(conn, written.reports, self.settings.event_window_days)

    def settle(self) -> None:
        """End a run with the whole-base resolution pass, so the knowledge base does not depend on batching."""
        started = time.perf_counter()
        with self.engine.begin() as conn:
            settled = settle_all(conn, self.settings.match_threshold, self.settings.event_window_days)
        self.summary.merges += len(settled.merged)
        self.summary.withdrawn += settled.withdrawn
        self.summary.store_seconds += round(time.perf_counter() - started, 3)

    def store_each(self, conn: Connection, pairs: list[tuple[Article, Extraction]]) -> Written:
        """Store articles one by one, each in a savepoint; failures are recorded and skipped."""
        written = Written()
        for pair in pairs:
            try:
                with conn.begin_nested():
                    one = store_articles(conn, [pair])
            except STORE_ERRORS as error:
                self.summary.failed.append(Failure(pair[0].id, f"cannot store: {error.__class__.__name__}"))
                continue
            written.article_ids.extend(one.article_ids)
            written.touched |= one.touched
            written.reports.extend(one.reports)
        return written


def _split(message: str) -> tuple[str, str]:
    item, _, reason = message.partition(": ")
    return (item, reason) if reason else ("input", message)


def ingest(items: Iterable[Article | InputError], engine: Engine, settings: Settings | None = None,
           on_progress: Callable[[int], None] | None = None, extractor: Extractor | None = None) -> IngestSummary:
    """Ingest articles into the knowledge base at `engine`: new ones stored, known ones skipped."""
    return Ingester(engine, settings, extractor).run(items, on_progress)
