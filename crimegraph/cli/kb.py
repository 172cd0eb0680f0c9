"""Helpers the knowledge-base commands share: the --db option, opening it, JSON output, errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from crimegraph.cli.progress import print_error
from crimegraph.exc import CrimegraphError
from crimegraph.settings import database_url
from crimegraph.store.db import DatabaseError, open_db

DbOption = Annotated[str | None, typer.Option(
    "--db", help="SQLAlchemy URL of the knowledge base (default: $CRIMEGRAPH_DB, else sqlite:///crimegraph.db).")]
FormatOption = Annotated[str, typer.Option("--format", help="text (for people) or json.")]


def check_format(value: str) -> str:
    """The --format value, when it is text or json."""
    if value not in ("text", "json"):
        raise typer.BadParameter("--format must be 'text' or 'json'")
    return value


def open_knowledge_base(url: str | None, create: bool = False) -> Engine:
    """The migrated engine; a missing SQLite file is an error unless `create`."""
    text = database_url(url)
    try:
        parsed = make_url(text)
    except Exception:  # noqa: BLE001 - reported by open_db with a clear message
        parsed = None
    if not create and parsed is not None and parsed.get_backend_name() == "sqlite":
        from pathlib import Path

        database = parsed.database
        if database and database != ":memory:" and not Path(database).expanduser().exists():
            raise DatabaseError(f"no knowledge base at {database} (run `crimegraph ingest` first, or pass --db)")
    return open_db(text)


@contextmanager
def handled() -> Iterator[None]:
    """Turn crimegraph's errors into a red message on stderr and exit status 1."""
    try:
        yield
    except CrimegraphError as error:
        print_error(str(error))
        raise typer.Exit(1) from None


def print_json(value: Any) -> None:
    """Pretty JSON on stdout (UTF-8, accents kept)."""
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))
