"""Write and read one shard of extraction results as Parquet files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from crimegraph.batch.records import TABLES

EVIDENCE = pa.string()
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", pa.string()), ("title", pa.string()), ("date", pa.string()), ("language", pa.string()),
        ("text", pa.string()), ("source", pa.string()), ("url", pa.string()), ("content_hash", pa.string()),
        ("extra", pa.string()), ("extracted_language", pa.string()), ("error", pa.string()),
        ("warnings", pa.string()),
    ]),
    "entities": pa.schema([
        ("article_id", pa.string()), ("entity", pa.int32()), ("name", pa.string()), ("type", pa.string()),
        ("aliases", pa.list_(pa.string())), ("evidence", EVIDENCE), ("confidence", pa.float64()),
        ("component", pa.string()),
    ]),
    "mentions": pa.schema([
        ("article_id", pa.string()), ("entity", pa.int32()), ("name", pa.string()), ("start", pa.int64()),
        ("end", pa.int64()), ("sentence", pa.string()),
    ]),
    "events": pa.schema([
        ("article_id", pa.string()), ("type", pa.string()), ("date", pa.string()), ("location", pa.string()),
        ("actors", pa.list_(pa.string())), ("fatalities", pa.int64()), ("arrested", pa.int64()),
        ("evidence", EVIDENCE), ("confidence", pa.float64()), ("component", pa.string()),
    ]),
    "claims": pa.schema([
        ("article_id", pa.string()), ("subject", pa.string()), ("predicate", pa.string()),
        ("object", pa.string()), ("status", pa.string()), ("source", pa.string()), ("evidence", EVIDENCE),
        ("confidence", pa.float64()), ("component", pa.string()),
    ]),
}
DONE = "_SUCCESS"


def write_shard(folder: Path, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Write the five tables of a shard, then its completion marker (written last, so a killed run redoes it)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        schema = SCHEMAS[name]
        table = pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in rows[name]], schema=schema)
        pq.write_table(table, folder / f"{name}.parquet")
    (folder / DONE).write_text(str(len(rows["articles"])), encoding="utf-8")


def read_shard(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """The rows of a finished shard's five tables."""
    return {name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in TABLES}


def is_done(folder: Path) -> bool:
    return (folder / DONE).exists()


def finished_shards(out: Path) -> list[Path]:
    """Finished shard folders under an output folder, in name order."""
    return sorted(p.parent for p in out.glob(f"shard-*/{DONE}"))
