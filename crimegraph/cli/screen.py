"""`crimegraph screen`: match the knowledge base's people and organisations against a sanctions list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from crimegraph.analyse.screening import THRESHOLD, Hit, screen_list
from crimegraph.cli.kb import DbOption, FormatOption, check_format, handled, open_knowledge_base, print_json


def screen_command(
    list_path: Annotated[str, typer.Argument(
        metavar="LIST", help="Sanctions or watch list: FtM JSON lines or OpenSanctions targets.simple.csv.")],
    db: DbOption = None,
    format: FormatOption = "text",
    threshold: Annotated[float, typer.Option(
        "--threshold", min=0.0, max=1.0, help="Lowest name-match score reported (0-1).")] = THRESHOLD,
    record: Annotated[bool, typer.Option(
        "--record/--no-record", help="Store the hits as possible matches (replacing this list's earlier ones).")
    ] = True,
) -> None:
    """Screen people and organisations against a list; hits are possible matches to review, never facts."""
    check_format(format)
    with handled():
        hits = screen_list(open_knowledge_base(db), list_path, threshold, record)
    if format == "json":
        print_json({"list": Path(list_path).name, "threshold": threshold, "recorded": record,
                    "hits": [h.to_dict() for h in hits]})
        return
    print_table(hits)


def print_table(hits: list[Hit]) -> None:
    """Hits for people: score, entity, list entry and the features that fired."""
    console = Console()
    if not hits:
        console.print("no possible matches")
        return
    table = Table(title=f"{len(hits)} possible match(es) — to review, not facts")
    for column in ("score", "knowledge base", "list entry", "why"):
        table.add_column(column)
    for hit in hits:
        why = "; ".join(f"{k} {' '.join(v)}".strip() for k, v in hit.features.items())
        table.add_row(f"{hit.score:.2f}", f"{hit.entity.name} ({hit.entity.type.lower()})",
                      f"{hit.entry.name} [{hit.entry.id}]", why)
    console.print(table)
