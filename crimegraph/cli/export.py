"""`crimegraph export`: the knowledge base as FollowTheMoney, ACLED-style CSV, GraphML, GEXF or JSON lines."""

from __future__ import annotations

from typing import Annotated

import typer

from crimegraph.cli.kb import DbOption, handled, open_knowledge_base
from crimegraph.cli.progress import stderr
from crimegraph.export import FORMATS, export

UNITS = {"ftm": "FtM entities", "acled": "events", "jsonl": "records", "graphml": "edges", "gexf": "edges"}


def export_command(
    format: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")] = "ftm",
    db: DbOption = None,
    output: Annotated[str, typer.Option("-o", "--output", help="Output file (default: stdout).")] = "-",
) -> None:
    """Export the knowledge base for FollowTheMoney tools, ACLED-style analysis, Gephi/networkx or pipelines."""
    if format not in FORMATS:
        raise typer.BadParameter(f"--format must be one of: {', '.join(FORMATS)}")
    with handled():
        count = export(open_knowledge_base(db), format, None if output == "-" else output)
    if output != "-":
        stderr.print(f"wrote {count:,} {UNITS[format]} to {output}", highlight=False)
