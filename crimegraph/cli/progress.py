"""Progress bars on stderr, shown only when there is enough work to watch."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

stderr = Console(stderr=True)
HANDFUL = 5


def progress_bar(enabled: bool) -> Progress:
    """A rich Progress on stderr; disabled ones print nothing."""
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=stderr,
        disable=not enabled,
        transient=False,
    )


def print_error(message: str) -> None:
    """A red 'error:' line on stderr; the message is shown as written (no markup, no wrapping)."""
    stderr.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True, highlight=False)
