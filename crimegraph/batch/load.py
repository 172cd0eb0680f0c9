"""`load`: bulk load of batch Parquet shards into the knowledge base, then resolution."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from crimegraph.batch.parquet import finished_shards, read_shard
from crimegraph.batch.records import from_rows
from crimegraph.ingest.runner import Failure, Ingester, IngestSummary
from crimegraph.settings import Settings
from crimegraph.store.bulk import refresh_statistics


def load_shards(out: Path, engine: Engine, settings: Settings | None = None,
                on_progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Store every finished shard under `out`, one transaction per shard, skipping known articles.

    The same set-based storing, resolution and event placing as `ingest`, fed from Parquet instead of the
    extractor, so `batch` + `load` and `ingest` give the same knowledge base. A rerun skips what is stored.
    Table statistics are refreshed at the end, so the query planner sees the new sizes.
    """
    started = time.perf_counter()
    ingester = Ingester(engine, settings)
    summary = ingester.summary
    for folder in finished_shards(out):
        pairs = []
        for article, result in from_rows(read_shard(folder)):
            if not article.text and result.error:  # an input that could not be read at all
                summary.failed.append(Failure(article.id, result.error.split(": ", 1)[-1]))
            else:
                pairs.append((article, result))
        with engine.connect() as conn:
            fresh, skipped = ingester.dedupe.new(conn, [(a.content_hash, a) for a, _ in pairs])
        summary.skipped += len(skipped)
        stored = time.perf_counter()
        with engine.begin() as conn:
            ingester.store(conn, [pairs[i] for i in fresh])
        summary.store_seconds += round(time.perf_counter() - stored, 3)
        if on_progress:
            on_progress(len(pairs))
    ingester.settle()
    if summary.new:
        refresh_statistics(engine)
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary
