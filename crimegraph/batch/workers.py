"""Extraction of a shard on a worker, and a local process pool that shares it."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any

from crimegraph.batch.parquet import write_shard
from crimegraph.batch.records import to_rows
from crimegraph.batch.shards import article_of
from crimegraph.extract import build_pipeline, extract_many
from crimegraph.model import Article, Extraction


def extract_shard(articles: list[dict[str, Any]], errors: list[str], folder: str) -> dict[str, int]:
    """Extract one shard's articles and write its Parquet files; returns counts.

    Runs on a Dask worker: the spaCy pipeline is built once per worker process (build_pipeline caches it).
    """
    batch = [article_of(record) for record in articles]
    pairs = list(zip(batch, extract_many(batch), strict=True))
    rows = to_rows(pairs)
    for message in errors:
        ident = message.split(": ", 1)[0]
        rows["articles"].append({"id": ident, "text": "", "error": message, "content_hash": None})
    write_shard(Path(folder), rows)
    failed = sum(1 for _, result in pairs if result.error) + len(errors)
    return {"articles": len(batch) + len(errors), "failed": failed,
            "entities": len(rows["entities"]), "events": len(rows["events"]), "claims": len(rows["claims"])}


def _warm(languages: tuple[str, ...]) -> None:
    for language in languages:
        build_pipeline(language)


def _extract_list(articles: list[Article]) -> list[Extraction]:
    return list(extract_many(articles))


def extract_parallel(articles: Iterable[Article], workers: int, chunk: int = 16,
                     languages: tuple[str, ...] = ("en",)) -> Iterator[Extraction]:
    """Extractions in input order, from `workers` processes (in this process when workers <= 1)."""
    if workers <= 1:
        yield from extract_many(articles)
        return
    context = multiprocessing.get_context("fork")
    stream = iter(articles)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm, initargs=(languages,)) as pool:
        pending: list[Future[list[Extraction]]] = []
        while True:
            while len(pending) < workers * 2:
                part = list(islice(stream, chunk))
                if not part:
                    break
                pending.append(pool.submit(_extract_list, part))
            if not pending:
                return
            yield from pending.pop(0).result()
