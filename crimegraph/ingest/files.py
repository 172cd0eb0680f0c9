"""Read articles from paths: JSON lines, text, Markdown, HTML, or folders of them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from crimegraph.exc import InputError
from crimegraph.extract.clean import strip_html
from crimegraph.ingest.jsonl import read_jsonl
from crimegraph.model import Article

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".json", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def read_path(path: str) -> Iterator[Article | InputError]:
    """Articles from a file, a folder (recursively) or '-' for JSON lines on stdin.

    Raises InputError at once when the path does not exist.
    """
    if path == "-":
        return read_jsonl(sys.stdin, "<stdin>")
    source = Path(path)
    if not source.exists():
        raise InputError(f"{path}: no such file or folder")
    return _read_existing(source)


def _read_existing(source: Path) -> Iterator[Article | InputError]:
    if source.is_dir():
        for child in sorted(p for p in source.rglob("*") if p.suffix.lower() in SUFFIXES):
            yield from read_file(child)
    else:
        yield from read_file(source)


def read_file(path: Path) -> Iterator[Article | InputError]:
    """Articles from one file, chosen by its suffix (JSON lines when unknown)."""
    suffix = path.suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
            raw = path.read_bytes().decode("utf-8", errors="replace")
            text = html_text(raw) if suffix in HTML_SUFFIXES else raw
            yield Article(id=path.stem, text=text, title=title_of(text))
            return
        with path.open(encoding="utf-8", errors="replace") as handle:
            yield from read_jsonl(handle, str(path))
    except OSError as error:
        yield InputError(f"{path}: cannot read ({error.strerror})")


def html_text(raw: str) -> str:
    """Main text of an HTML page (trafilatura when installed, else the tags stripped)."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        return strip_html(raw)
    text = trafilatura.extract(raw, include_comments=False, favor_recall=True)
    return text if text else strip_html(raw)


def title_of(text: str) -> str | None:
    """The first non-empty line, when it is short enough to be a headline."""
    for line in text.splitlines():
        if line.strip():
            return line.strip() if len(line) < 200 else None
    return None
