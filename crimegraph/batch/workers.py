"""Extraction of a shard on a worker, and a local process pool that shares the extraction code."""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from crimegraph.batch.parquet import write_shard
from crimegraph.batch.records import to_rows
from crimegraph.batch.shards import article_of
from crimegraph.exc import InputError
from crimegraph.extract import build_pipeline, extract_many
from crimegraph.model import Article, Extraction
from crimegraph.model.clean import scrub
from crimegraph.model.validate import validated


def extract_shard(articles: list[dict[str, Any]], errors: list[str], folder: str) -> dict[str, int]:
    """Extract one shard's articles and write its Parquet files; returns counts.

    Runs on a Dask worker: the spaCy pipeline is built once per worker process (build_pipeline caches it).
    """
    batch, errors = admitted(articles, errors)
    pairs = list(zip(batch, extract_many(batch), strict=True))
    rows = to_rows(pairs)
    for message in errors:
        ident = message.split(": ", 1)[0]
        rows["articles"].append({"id": ident, "text": "", "error": message, "content_hash": None})
    write_shard(Path(folder), rows)
    failed = sum(1 for _, result in pairs if result.error) + len(errors)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return {"articles": len(batch) + len(errors), "failed": failed, "entities": len(rows["entities"]),
            "events": len(rows["events"]), "claims": len(rows["claims"]), "worker_peak_mb": peak_mb}


def admitted(records: list[dict[str, Any]], errors: list[str]) -> tuple[list[Article], list[str]]:
    """The shard's records as validated Articles, and its errors plus one for each record that is refused."""
    batch: list[Article] = []
    refused = list(errors)
    for number, record in enumerate(records, 1):
        try:
            batch.append(validated(article_of(record), f"record {number}"))
        except InputError as error:
            refused.append(scrub(str(error)))
    return batch, refused


def _warm(languages: tuple[str, ...]) -> None:
    for language in languages:
        build_pipeline(language)


def _extract_list(articles: list[Article]) -> list[Extraction]:
    return list(extract_many(articles))


class ExtractorPool:
    """Worker processes that each hold the spaCy pipelines and extract chunks of articles, in order.

    With one worker it extracts in this process. Use it as a context manager; an instance is an
    extractor callable (articles in, extractions out) as `crimegraph.ingest.runner` expects.
    """

    def __init__(self, workers: int, chunk: int = 8, languages: tuple[str, ...] = ("en", "es")) -> None:
        self.workers = workers
        self.chunk = chunk
        self.pool: ProcessPoolExecutor | None = None
        if workers > 1:
            for language in languages:  # built before forking, so the workers share the loaded models
                build_pipeline(language)
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_warm, initargs=(languages,))

    def __call__(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        if self.pool is None:
            yield from extract_many(articles)
            return
        stream = iter(articles)
        pending: list[Future[list[Extraction]]] = []
        while True:
            while len(pending) < self.workers * 2 and (part := list(islice(stream, self.chunk))):
                pending.append(self.pool.submit(_extract_list, part))
            if not pending:
                return
            yield from pending.pop(0).result()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def extract_parallel(articles: Iterable[Article], workers: int, chunk: int = 8,
                     languages: tuple[str, ...] = ("en",)) -> Iterator[Extraction]:
    """Extractions in input order from `workers` processes (a pool for this one call)."""
    with ExtractorPool(workers, chunk, languages) as pool:
        yield from pool(articles)
