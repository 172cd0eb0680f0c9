"""`crimegraph merge` and `crimegraph split`: a person's judgement on entity resolution, kept and respected."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from crimegraph.analyse.refs import entity
from crimegraph.cli.kb import DbOption, handled, open_knowledge_base
from crimegraph.resolve import clusters
from crimegraph.resolve.settle import settle_all
from crimegraph.settings import Settings


def merge_command(
    first: Annotated[str, typer.Argument(metavar="ID", help="An entity id (see `crimegraph search`).")],
    second: Annotated[str, typer.Argument(metavar="ID", help="Another entity id.")],
    db: DbOption = None,
) -> None:
    """Record that two entities are the same (nothing is deleted; undo with `crimegraph split`)."""
    with handled():
        engine = open_knowledge_base(db)
        with engine.begin() as conn:
            canonical = clusters.merge(conn, first, second)
        ref = entity(engine, canonical)
    name = escape(ref.name) if ref else canonical
    Console().print(f"merged: {escape(first)} and {escape(second)} are now {name} ({canonical})", highlight=False)


def split_command(
    node: Annotated[str, typer.Argument(metavar="ID", help="The id of a name to take out of its entity.")],
    db: DbOption = None,
) -> None:
    """Record that an entity id is not the same as the rest of the entity it was merged into."""
    with handled():
        engine = open_knowledge_base(db)
        with engine.begin() as conn:
            others = clusters.split(conn, node)
    Console().print(f"split: {escape(node)} is apart from {len(others)} other name(s)", highlight=False)


def resolve_command(
    db: DbOption = None,
    threshold: Annotated[float | None, typer.Option("--threshold", help="Merge score (default 0.7).")] = None,
) -> None:
    """Re-run entity resolution and event de-duplication over the whole knowledge base (respecting every
    recorded judgement of a person); on a finished knowledge base it changes nothing."""
    settings = Settings.from_env(match_threshold=threshold)
    with handled():
        engine = open_knowledge_base(db)
        with engine.begin() as conn:
            settled = settle_all(conn, settings.match_threshold, settings.event_window_days)
    Console().print(f"resolved: {len(settled.merged)} new merge(s), {settled.withdrawn} withdrawn, "
                    f"{settled.possible} possible match(es) to review")
