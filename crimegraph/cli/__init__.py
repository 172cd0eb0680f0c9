"""The command-line interface: thin commands over the library."""

from crimegraph.cli.main import app

__all__ = ["app"]
