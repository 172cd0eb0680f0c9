"""The `crimegraph` command and its subcommands."""

from __future__ import annotations

import typer

from crimegraph.cli.batch import batch_command
from crimegraph.cli.extract import extract_command

app = typer.Typer(
    name="crimegraph",
    help="Turn reporting on organized crime and conflict into an evidence-linked knowledge base.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract_command)
app.command("batch")(batch_command)


@app.callback()
def root() -> None:
    """crimegraph: build and query an evidence-linked knowledge base of crime and conflict reporting."""


def main() -> None:
    """Console-script entry point."""
    app()
