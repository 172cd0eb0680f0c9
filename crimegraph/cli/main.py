"""The `crimegraph` command and its subcommands."""

from __future__ import annotations

import typer

from crimegraph.cli.batch import batch_command
from crimegraph.cli.export import export_command
from crimegraph.cli.extract import extract_command
from crimegraph.cli.ingest import ingest_command
from crimegraph.cli.load import load_command
from crimegraph.cli.merge import merge_command, resolve_command, split_command
from crimegraph.cli.path import path_command
from crimegraph.cli.profile import profile_command
from crimegraph.cli.screen import screen_command
from crimegraph.cli.search import search_command
from crimegraph.cli.serve import serve_command
from crimegraph.cli.stats import stats_command
from crimegraph.cli.train import train_command

app = typer.Typer(
    name="crimegraph",
    help="Turn reporting on organized crime and conflict into an evidence-linked knowledge base.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract_command)
app.command("batch")(batch_command)
app.command("load")(load_command)
app.command("ingest")(ingest_command)
app.command("profile")(profile_command)
app.command("search")(search_command)
app.command("stats")(stats_command)
app.command("path")(path_command)
app.command("merge")(merge_command)
app.command("split")(split_command)
app.command("resolve")(resolve_command)
app.command("export")(export_command)
app.command("screen")(screen_command)
app.command("serve")(serve_command)
app.command("train")(train_command)


@app.callback()
def root() -> None:
    """crimegraph: build and query an evidence-linked knowledge base of crime and conflict reporting."""


def main() -> None:
    """Console-script entry point."""
    app()
