"""Batch extraction beyond one process: Dask shards to Parquet, and a local process pool."""

from crimegraph.batch.run import BatchSummary, run_batch
from crimegraph.batch.workers import extract_parallel

__all__ = ["BatchSummary", "extract_parallel", "run_batch"]
