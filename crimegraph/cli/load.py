"""`crimegraph load`: bulk load of `batch` Parquet shards into the knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from crimegraph.cli.ingest import finish
from crimegraph.cli.kb import DbOption, FormatOption, check_format, handled, open_knowledge_base
from crimegraph.cli.progress import print_error, progress_bar


def load_command(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Output folder of `crimegraph batch`.")],
    db: DbOption = None,
    format: FormatOption = "text",
) -> None:
    """Load the Parquet shards of `crimegraph batch` into the knowledge base; reruns skip what is stored."""
    try:
        from crimegraph.batch.load import load_shards
        from crimegraph.batch.parquet import finished_shards
    except ImportError as error:
        print_error(f"load needs the batch extra (pip install 'crimegraph[batch]'): {error}")
        raise typer.Exit(2) from None

    check_format(format)
    if not folder.is_dir():
        raise typer.BadParameter(f"{folder} is not a folder")
    shards = finished_shards(folder)
    total = sum(int((shard / "_SUCCESS").read_text() or 0) for shard in shards)
    with handled():
        engine = open_knowledge_base(db, create=True)
        with progress_bar(enabled=True) as bar:
            task = bar.add_task("loading", total=total)
            summary = load_shards(folder, engine, on_progress=lambda n: bar.advance(task, n))
    finish(summary, format)
