"""`batch`: extraction on Dask distributed, shard by shard, to Parquet; resumable."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from crimegraph.batch.parquet import is_done
from crimegraph.batch.shards import make_shards, read_inputs
from crimegraph.batch.workers import extract_shard

DEFAULT_SHARD_SIZE = 200


@dataclass(slots=True)
class BatchSummary:
    """What a batch run did."""

    shards: int = 0
    skipped: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, counts: dict[str, int]) -> None:
        self.shards += 1
        for key, value in counts.items():
            if key.endswith("_peak_mb"):  # a peak is not a sum
                self.counts[key] = max(self.counts.get(key, 0), value)
            else:
                self.counts[key] = self.counts.get(key, 0) + value


def run_batch(inputs: Iterable[str], out: Path, scheduler: str | None = None, workers: int = 2,
              shard_size: int = DEFAULT_SHARD_SIZE,
              progress: Callable[[int], None] | None = None) -> BatchSummary:
    """Extract every input article on Dask and write Parquet shards under `out`.

    `scheduler` is a Dask scheduler address; without one a LocalCluster of `workers` single-threaded
    processes runs here. Finished shards (those with a _SUCCESS marker) are skipped, so a rerun resumes.
    `progress` is called with the number of articles each finished or skipped shard held.
    """
    from distributed import Client, LocalCluster, as_completed

    out.mkdir(parents=True, exist_ok=True)
    summary = BatchSummary()
    cluster = None if scheduler else LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(scheduler or cluster) as client:
        try:
            futures = as_completed()
            in_flight = 0
            for shard in make_shards(read_inputs(inputs), shard_size):
                folder = out / shard.name
                if is_done(folder):
                    summary.skipped += 1
                    if progress:
                        progress(len(shard))
                    continue
                futures.add(client.submit(extract_shard, shard.articles, shard.errors, str(folder),
                                          key=f"extract-{shard.name}-{out.name}", pure=False))
                in_flight += 1
                while in_flight >= workers * 2:
                    in_flight -= _collect(next(futures), summary, progress)
            for future in futures:
                _collect(future, summary, progress)
        finally:
            if cluster is not None:
                cluster.close()
    return summary


def _collect(future: object, summary: BatchSummary, progress: Callable[[int], None] | None) -> int:
    counts: dict[str, int] = future.result()  # type: ignore[attr-defined]
    summary.add(counts)
    if progress:
        progress(counts["articles"])
    return 1
