"""`crimegraph stats`: how many articles, entities, events and claims the knowledge base holds."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from crimegraph.cli.kb import DbOption, FormatOption, check_format, handled, open_knowledge_base, print_json
from crimegraph.store.queries import stats


def stats_command(db: DbOption = None, format: FormatOption = "text") -> None:
    """Counts of articles, entities, events and claims."""
    check_format(format)
    with handled():
        counts = stats(open_knowledge_base(db))
    if format == "json":
        print_json(counts)
        return
    table = Table(show_header=False, box=None)
    for key, value in counts.items():
        table.add_row(key.replace("_", " "), f"{value:,}")
    Console().print(table)
