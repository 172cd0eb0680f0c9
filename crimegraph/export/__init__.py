"""Exports of the knowledge base: FollowTheMoney, ACLED-style CSV, GraphML, GEXF and JSON lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from crimegraph.exc import CrimegraphError
from crimegraph.export.acled import write_acled
from crimegraph.export.graphml import write_gexf, write_graphml
from crimegraph.export.jsonl import write_jsonl
from crimegraph.export.snapshot import Snapshot, load_snapshot
from crimegraph.store.db import Bind

TEXT_FORMATS = ("ftm", "acled", "jsonl")
BINARY_FORMATS = ("graphml", "gexf")
FORMATS = TEXT_FORMATS + BINARY_FORMATS


class ExportError(CrimegraphError):
    """An export that cannot be made (unknown format, unwritable output)."""


def write_text(snap: Snapshot, fmt: str, out: IO[str]) -> int:
    """Write a snapshot as FtM, ACLED CSV or JSON lines to a text stream; how many records were written."""
    if fmt == "ftm":
        try:
            from crimegraph.export.ftm import write_ftm
        except ImportError as error:
            message = f"the FtM export needs followthemoney: pip install 'crimegraph[interop]' ({error})"
            raise ExportError(message) from None
        return write_ftm(snap, out)
    writers = {"acled": write_acled, "jsonl": write_jsonl}
    if fmt not in writers:
        raise ExportError(f"{fmt!r} is not a text format ({', '.join(TEXT_FORMATS)})")
    return writers[fmt](snap, out)


def write_binary(snap: Snapshot, fmt: str, out: IO[bytes]) -> int:
    """Write a snapshot as GraphML or GEXF to a byte stream; how many edges were written."""
    writers = {"graphml": write_graphml, "gexf": write_gexf}
    if fmt not in writers:
        raise ExportError(f"{fmt!r} is not a graph format ({', '.join(BINARY_FORMATS)})")
    return writers[fmt](snap, out)


def export(bind: Bind, fmt: str, output: str | Path | None = None) -> int:
    """Export the knowledge base in `fmt` to a file (or standard output); how many records were written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose one of {', '.join(FORMATS)})")
    snap = load_snapshot(bind, with_text=fmt == "ftm", with_mentions=fmt == "jsonl")
    if output is None or str(output) == "-":
        if fmt in BINARY_FORMATS:
            count = write_binary(snap, fmt, sys.stdout.buffer)
        else:
            count = write_text(snap, fmt, sys.stdout)
        sys.stdout.flush()
        return count
    path = Path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt in BINARY_FORMATS:
            with path.open("wb") as binary:
                return write_binary(snap, fmt, binary)
        with path.open("w", encoding="utf-8", newline="") as text:
            return write_text(snap, fmt, text)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None


__all__ = ["FORMATS", "ExportError", "Snapshot", "export", "load_snapshot", "write_binary", "write_text"]
