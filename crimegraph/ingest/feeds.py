"""RSS and Atom feeds: one Article per entry, with its title, link, date and language (feedparser)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser

from crimegraph.exc import InputError
from crimegraph.ingest.html import html_to_text
from crimegraph.model import Article

FEED_SUFFIXES = {".rss", ".atom", ".xml"}


def looks_like_feed(raw: bytes) -> bool:
    """Whether a document's start reads like RSS or Atom."""
    head = raw[:2000].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_feed(raw: bytes, name: str) -> Iterator[Article | InputError]:
    """Articles from the entries of a feed; an InputError when it is no feed at all."""
    parsed: Any = feedparser.parse(raw)
    if not parsed.entries and parsed.get("bozo"):
        yield InputError(f"{name}: not an RSS or Atom feed ({parsed.get('bozo_exception')})")
        return
    language = _language(parsed.feed.get("language"))
    source = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        text = _entry_text(entry)
        if not text.strip():
            yield InputError(f"{name}#{number}: entry has no text")
            continue
        yield Article(
            id=str(entry.get("id") or entry.get("link") or f"{name}#{number}"),
            text=text,
            title=entry.get("title"),
            date=_date(entry),
            language=_language(entry.get("language")) or language,
            source=source,
            url=entry.get("link"),
        )


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    body = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
    return html_to_text(body) if "<" in body else body


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _language(value: Any) -> str | None:
    return str(value).strip().lower()[:2] or None if value else None
