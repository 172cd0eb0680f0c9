"""Read articles from JSON lines, one object per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from crimegraph.exc import InputError
from crimegraph.model import Article
from crimegraph.model.validate import validated

FIELDS = ("id", "title", "date", "language", "text", "source", "url")


def article_from_record(record: Any, fallback_id: str) -> Article:
    """An Article from one decoded JSON object; InputError naming the record and field when it cannot be one.

    A missing or empty id becomes `fallback_id` (where the record came from); the fields are checked by
    crimegraph.model.validate (an integer id is written out, any other non-string value is refused).
    """
    if not isinstance(record, dict):
        raise InputError(f"{fallback_id}: expected a JSON object, got {type(record).__name__}")
    values: dict[str, Any] = {k: record.get(k) for k in FIELDS}
    if values["id"] in (None, ""):
        values["id"] = fallback_id
    extra = {k: v for k, v in record.items() if k not in FIELDS}
    return validated(Article(**values, extra=extra), fallback_id)


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
        except (ValueError, RecursionError) as error:  # an integer too long, arrays nested too deep
            yield InputError(f"{where}: not JSON ({type(error).__name__})")
            continue
        try:
            yield article_from_record(record, where)
        except InputError as error:
            yield error
