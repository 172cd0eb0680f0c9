"""Read articles from JSON lines, one object per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from crimegraph.exc import InputError
from crimegraph.model import Article

FIELDS = ("id", "title", "date", "language", "text", "source", "url")


def article_from_record(record: Any, fallback_id: str) -> Article:
    """An Article from one decoded JSON object; InputError when it cannot be one."""
    if not isinstance(record, dict):
        raise InputError(f"{fallback_id}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise InputError(f"{record.get('id', fallback_id)}: no 'text' field")
    if not isinstance(text, str):
        raise InputError(f"{record.get('id', fallback_id)}: 'text' must be a string")
    values = {k: record.get(k) for k in FIELDS}
    return Article(
        id=str(values["id"] if values["id"] not in (None, "") else fallback_id),
        text=text,
        title=_str(values["title"]),
        date=_str(values["date"]),
        language=_str(values["language"]),
        source=_str(values["source"]),
        url=_str(values["url"]),
        extra={k: v for k, v in record.items() if k not in FIELDS},
    )


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def read_jsonl(lines: Iterable[str], name: str = "<input>") -> Iterator[Article | InputError]:
    """Articles from JSON lines; a bad line yields an InputError naming it, and reading goes on."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(f"{where}: not JSON ({error.msg})")
            continue
        try:
            yield article_from_record(record, where)
        except InputError as error:
            yield error
