"""`crimegraph path`: shortest paths between two actors through claims and shared events, each step cited."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from crimegraph.analyse.graph import PathResult, shortest_paths
from crimegraph.cli.kb import DbOption, FormatOption, check_format, handled, open_knowledge_base, print_json
from crimegraph.cli.profile import Sources, render_sources


def path_command(
    source: Annotated[str, typer.Argument(metavar="NAME", help="First actor (a name or id).")],
    target: Annotated[str, typer.Argument(metavar="NAME", help="Second actor (a name or id).")],
    db: DbOption = None,
    format: FormatOption = "text",
    limit: Annotated[int, typer.Option("--limit", help="Most paths to show.")] = 3,
) -> None:
    """How two actors are connected."""
    check_format(format)
    with handled():
        result = shortest_paths(open_knowledge_base(db), source, target, limit)
    if format == "json":
        print_json(result.to_dict())
    else:
        render(result, Console())


def render(result: PathResult, console: Console) -> None:
    """Each path as numbered steps with citation marks, then the sources."""
    a, b = escape(result.source.name), escape(result.target.name)
    if not result.paths:
        console.print(f"no path between {a} and {b} through claims or shared events")
        return
    sources = Sources()
    for number, path in enumerate(result.paths, 1):
        console.print(f"[bold]Path {number}[/bold] ({len(path)} step(s)): {a} → {b}")
        for step in path:
            console.print(f"  {escape(step.source.name)} → {escape(step.target.name)}: {escape(step.relation)} "
                          f"{escape(sources.marks(step.citations))}", highlight=False)
    render_sources(sources, console)
