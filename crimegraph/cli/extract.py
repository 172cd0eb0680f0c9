"""`crimegraph extract`: articles in, one JSON line of entities, events and claims per article out."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.markup import escape

from crimegraph.cli.progress import HANDFUL, print_error, progress_bar, stderr
from crimegraph.exc import InputError
from crimegraph.ingest.files import read_path
from crimegraph.model import Article, Extraction
from crimegraph.model.clean import json_line, scrub


def count_inputs(path: str) -> int | None:
    """How many articles a path holds, cheaply (lines of a JSON-lines file), or None when unknown."""
    if path == "-":
        return None
    source = Path(path)
    if source.is_file() and source.suffix.lower() in {".jsonl", ".ndjson", ".json"}:
        with source.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    if source.is_dir():
        return sum(1 for p in source.rglob("*") if p.is_file())
    return 1


def extract_command(
    input: Annotated[str, typer.Argument(help="JSON-lines file, .txt/.html file, folder, or - for stdin.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output file (default: stdout).")] = "-",
    format: Annotated[str, typer.Option(
        "--format", help="eval: the GUIDELINES.md format; full: adds evidence, confidence, component.")] = "eval",
) -> None:
    """Extract entities, events and claims from articles."""
    if format not in ("eval", "full"):
        raise typer.BadParameter("--format must be 'eval' or 'full'")
    try:
        total = count_inputs(input)
        items = list(read_path(input)) if total is None else read_path(input)
    except InputError as error:
        print_error(str(error))
        raise typer.Exit(2) from None
    failed = 0
    with ExitStack() as stack:
        out: IO[str] = sys.stdout if output == "-" else stack.enter_context(open(output, "w", encoding="utf-8"))
        bar = stack.enter_context(progress_bar(enabled=(total or 0) > HANDFUL))
        task = bar.add_task("extracting", total=total)
        for result in run(items):
            failed += report(result)
            record = result.to_eval() if format == "eval" else result.to_full()
            out.write(json_line(record) + "\n")
            bar.advance(task)
    if failed:
        stderr.print(f"{failed} article(s) failed")
        raise typer.Exit(1)


def report(result: Extraction) -> int:
    """Name a failed document and every warning on stderr; 1 when the document failed, else 0."""
    ident = scrub(result.article_id)
    if result.error:
        error = scrub(result.error)
        message = error if error.startswith(ident) else f"{ident}: {error}"
        stderr.print(f"[red]failed[/red] {escape(message)}", soft_wrap=True, highlight=False)
    for warning in result.warnings:
        stderr.print(f"[yellow]warning[/yellow] {escape(ident)}: {escape(scrub(warning))}",
                     soft_wrap=True, highlight=False)
    return 1 if result.error else 0


def run(items: Iterator[Article | InputError] | list[Article | InputError]) -> Iterator[Extraction]:
    """Extractions in input order; unreadable inputs become empty records with an error."""
    from crimegraph.extract import extract_many
    pending: list[Article] = []
    for item in items:
        if isinstance(item, InputError):
            yield from extract_many(pending)
            pending = []
            yield Extraction(_id_of(item), error=str(item))
        else:
            pending.append(item)
            if len(pending) >= 64:
                yield from extract_many(pending)
                pending = []
    yield from extract_many(pending)


def _id_of(error: InputError) -> str:
    """The article id or place an InputError names (text before the first ': ')."""
    return str(error).split(": ", 1)[0]
