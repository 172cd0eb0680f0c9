"""`crimegraph ingest`: read articles, extract, store and resolve them into the knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from crimegraph.cli.kb import DbOption, FormatOption, check_format, handled, open_knowledge_base, print_json
from crimegraph.cli.progress import HANDFUL, progress_bar
from crimegraph.ingest.feeds import FEED_SUFFIXES
from crimegraph.ingest.files import JSONL_SUFFIXES, SUFFIXES, read_paths
from crimegraph.ingest.runner import IngestSummary, ingest
from crimegraph.ingest.web import is_url
from crimegraph.settings import Settings


def count_items(inputs: list[str]) -> int | None:
    """How many articles the inputs hold, when cheap to tell (None with feeds, URLs or stdin)."""
    total = 0
    for name in inputs:
        path = Path(name)
        if name == "-" or is_url(name) or path.suffix.lower() in FEED_SUFFIXES:
            return None
        files = [path] if path.is_file() else sorted(
            p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES) if path.is_dir() else []
        for file in files:
            if file.suffix.lower() in FEED_SUFFIXES:
                return None
            if file.suffix.lower() in JSONL_SUFFIXES or file.suffix.lower() not in SUFFIXES:
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total


def ingest_command(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...", help="JSON-lines, .txt, .md, .html, RSS/Atom files or URLs, folders, or - for stdin.")],
    db: DbOption = None,
    batch_size: Annotated[int | None, typer.Option("--batch-size", help="Articles per commit (default 32).")] = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Extraction processes (the same extraction code as `batch`).")] = 1,
    format: FormatOption = "text",
) -> None:
    """Ingest articles into the knowledge base; known articles are skipped, so a rerun completes an interrupted run."""
    check_format(format)
    settings = Settings.from_env(batch_size=batch_size)
    with handled():
        engine = open_knowledge_base(db, create=True)
        total = count_items(inputs)
        with progress_bar(enabled=total is None or total > HANDFUL) as bar:
            task = bar.add_task("ingesting", total=total)
            from crimegraph.batch.workers import ExtractorPool

            with ExtractorPool(workers) as pool:
                summary = ingest(read_paths(inputs), engine, settings, lambda n: bar.advance(task, n),
                                 extractor=pool if workers > 1 else None)
    finish(summary, format)


def finish(summary: IngestSummary, format: str) -> None:
    """Print the summary (JSON on stdout, or the report on stderr); exit 1 when anything failed."""
    if format == "json":
        print_json(summary.to_dict())
    else:
        report(summary, Console(stderr=True))
    if summary.failed:
        raise typer.Exit(1)


def report(summary: IngestSummary, console: Console) -> None:
    """New, skipped and failed counts, the reasons for failures, and the speed."""
    rate = summary.new / summary.seconds if summary.seconds else 0.0
    console.print(f"[green]{summary.new} new[/green], {summary.skipped} skipped (already stored), "
                  f"[red]{len(summary.failed)} failed[/red] · {summary.merges} name merge(s), "
                  f"{summary.events} new event(s) · {summary.seconds:.1f} s ({rate:.2f} articles/s; "
                  f"extraction {summary.extract_seconds:.0f} s, storing and resolving {summary.store_seconds:.0f} s)",
                  highlight=False)
    for failure in summary.failed[:50]:
        console.print(f"  [red]failed[/red] {escape(failure.item)}: {escape(failure.reason)}", highlight=False,
                      soft_wrap=True)
    if len(summary.failed) > 50:
        console.print(f"  … and {len(summary.failed) - 50} more")
