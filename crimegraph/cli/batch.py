"""`crimegraph batch`: extraction on Dask, shard by shard, to Parquet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from crimegraph.cli.extract import count_inputs
from crimegraph.cli.progress import print_error, progress_bar, stderr
from crimegraph.exc import CrimegraphError


def batch_command(
    inputs: Annotated[list[str], typer.Argument(help="JSON-lines files, text/HTML files or folders.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet shards.")],
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address (default: a LocalCluster here).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Local worker processes.")] = 2,
    shard_size: Annotated[int, typer.Option("--shard-size", min=1, help="Articles per shard.")] = 200,
) -> None:
    """Extract articles on Dask into Parquet shards under --out; a rerun skips finished shards."""
    try:
        from crimegraph.batch import run_batch
    except ImportError as error:
        print_error(f"batch needs the batch extra (pip install 'crimegraph[batch]'): {error}")
        raise typer.Exit(2) from None

    total = sum(count_inputs(path) or 0 for path in inputs)
    try:
        with progress_bar(enabled=True) as bar:
            task = bar.add_task("extracting", total=total or None)
            summary = run_batch(inputs, out, scheduler=scheduler, workers=workers, shard_size=shard_size,
                                progress=lambda n: bar.advance(task, n))
    except CrimegraphError as error:
        print_error(str(error))
        raise typer.Exit(2) from None
    counts = ", ".join(f"{key} {value:,}" for key, value in summary.counts.items())
    stderr.print(f"{summary.shards} shard(s) extracted, {summary.skipped} already done. {counts}")
    if summary.counts.get("failed"):
        raise typer.Exit(1)
