"""Read articles from paths and URLs: JSON lines, text, Markdown, HTML, RSS/Atom feeds, or folders of them."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from crimegraph.exc import InputError
from crimegraph.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed
from crimegraph.ingest.html import read_html
from crimegraph.ingest.jsonl import read_jsonl
from crimegraph.ingest.web import fetch, is_url
from crimegraph.model import Article
from crimegraph.model.validate import validated

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".json", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


def read_path(path: str) -> Iterator[Article | InputError]:
    """Articles from a file, a folder (recursively), a URL, or '-' for JSON lines on stdin.

    Raises InputError at once when the path does not exist.
    """
    if path == "-":
        return read_jsonl(stdin_lines(), "<stdin>")
    if is_url(path):
        return read_url(path)
    source = Path(path)
    if not source.exists():
        raise InputError(f"{path}: no such file or folder")
    return _read_existing(source)


def stdin_lines() -> Iterator[str]:
    """Lines of standard input read as UTF-8, bad bytes replaced (never a UnicodeDecodeError)."""
    binary = getattr(sys.stdin, "buffer", None)
    if binary is None:
        yield from sys.stdin
        return
    for raw in binary:
        yield raw.decode("utf-8", errors="replace")


def checked(items: Iterable[Article | InputError], fallback: str) -> Iterator[Article | InputError]:
    """Items with every Article validated (crimegraph.model.validate); one that fails becomes its InputError."""
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield validated(item, fallback)
        except InputError as error:
            yield error


def read_paths(paths: Iterable[str]) -> Iterator[Article | InputError]:
    """Articles from several inputs in turn; a missing one becomes an InputError and reading goes on."""
    for path in paths:
        try:
            yield from read_path(path)
        except InputError as error:
            yield error


def read_url(url: str) -> Iterator[Article | InputError]:
    """Articles from a feed URL (one per entry) or a web page URL (one)."""
    try:
        body, content_type = fetch(url)
    except InputError as error:
        yield error
        return
    if looks_like_feed(body) or ("xml" in content_type and "html" not in content_type):
        yield from checked(read_feed(body, url), url)
        return
    yield from checked([read_html(body.decode("utf-8", errors="replace"), url, url=url)], url)


def _read_existing(source: Path) -> Iterator[Article | InputError]:
    if source.is_dir():
        for child in sorted(p for p in source.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
            yield from read_file(child)
    else:
        yield from read_file(source)


def read_file(path: Path) -> Iterator[Article | InputError]:
    """Articles from one file, chosen by its suffix (JSON lines when unknown)."""
    suffix = path.suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES:
            yield from checked(_read_document(path, suffix), str(path))
        else:
            with path.open(encoding="utf-8", errors="replace") as handle:
                yield from read_jsonl(handle, str(path))
    except OSError as error:
        yield InputError(f"{path}: cannot read ({error.strerror})")


def _read_document(path: Path, suffix: str) -> Iterator[Article | InputError]:
    if suffix in TEXT_SUFFIXES:
        text = path.read_bytes().decode("utf-8", errors="replace")
        yield Article(id=path.stem, text=text, title=title_of(text))
    elif suffix in HTML_SUFFIXES:
        yield read_html(path.read_bytes().decode("utf-8", errors="replace"), path.stem)
    else:
        yield from read_feed(path.read_bytes(), str(path))


def html_text(raw: str) -> str:
    """Main text of an HTML page (trafilatura, else the tags stripped)."""
    from crimegraph.ingest.html import html_to_text

    return html_to_text(raw)


def title_of(text: str) -> str | None:
    """The first non-empty line, when it is short enough to be a headline."""
    for line in text.splitlines():
        if line.strip():
            return line.strip() if len(line) < 200 else None
    return None
