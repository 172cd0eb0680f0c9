"""`crimegraph search`: full-text search over articles and entity names, accents and case aside."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from crimegraph.analyse.search import SearchResults, search
from crimegraph.cli.kb import DbOption, FormatOption, check_format, handled, open_knowledge_base, print_json


def search_command(
    query: Annotated[str, typer.Argument(help="Words to find (all of them, as prefixes).")],
    db: DbOption = None,
    format: FormatOption = "text",
    limit: Annotated[int, typer.Option("--limit", help="Most results of each kind.")] = 20,
) -> None:
    """Search articles and entity names."""
    check_format(format)
    with handled():
        results = search(open_knowledge_base(db), query, limit)
    if format == "json":
        print_json(results.to_dict())
    else:
        render(results, Console())


def render(results: SearchResults, console: Console) -> None:
    """Entities, then articles, for a terminal."""
    if not results.entities and not results.articles:
        console.print(f"nothing matches {escape(results.query)!r}")
        return
    if results.entities:
        console.print("[bold]Entities[/bold]")
        for hit in results.entities:
            ref = hit.entity
            also = ", ".join(n for n in hit.matched if n != ref.name)
            console.print(f"  {escape(ref.name)} [dim]{ref.type} · {ref.articles} article(s) · {ref.id}[/dim]"
                          + (f" [dim](as {escape(also)})[/dim]" if also else ""), highlight=False)
    if results.articles:
        console.print("[bold]Articles[/bold]")
        for article in results.articles:
            console.print(f"  {escape(article.title)} [dim]{article.date or 'undated'} · {escape(article.id)}[/dim]",
                          highlight=False)
            console.print(f"    [italic]{escape(article.snippet)}[/italic]", highlight=False)
