"""Check an Article at the boundary: every field's type, lone surrogates and NULs replaced, bytes decoded.

The rules (README, "Extraction"): `text` must be a string; `title`, `date`, `language`, `source` and `url`
a string or None; `id` a string or an integer (made a string). Bytes are read as UTF-8 (bad bytes become
U+FFFD), a `date` may be a datetime.date, and `extra` is a dict whose contents are made JSON-safe. Anything
else is an InputError that names the document (its id, else where it came from) and the field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from crimegraph.exc import InputError
from crimegraph.model.article import Article
from crimegraph.model.clean import decode, json_safe, scrub

OPTIONAL = ("title", "date", "language", "source", "url")


def label_of(raw_id: Any, fallback: str) -> str:
    """How messages name a document: its id when that is usable text, else `fallback` (a place or position)."""
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | bytes | int):
        return fallback
    if isinstance(raw_id, int):
        return str(raw_id)
    ident = decode(raw_id) if isinstance(raw_id, bytes) else scrub(raw_id)
    return ident if ident.strip() else fallback


def validated(article: Any, fallback: str = "document") -> Article:
    """A clean copy of an article; InputError naming the document and field when a field cannot be one."""
    if not isinstance(article, Article):
        raise InputError(f"{fallback}: expected an Article, not {type(article).__name__}")
    label = label_of(article.id, fallback)
    fields = {name: optional_text(getattr(article, name), name, label) for name in OPTIONAL}
    return Article(id=id_text(article.id, label), text=required_text(article.text, "text", label),
                   extra=extra_dict(article.extra, label), **fields)


def id_text(value: Any, label: str) -> str:
    """An id as a string: integers are written out, bytes decoded, surrogates replaced."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is None:
        raise InputError(f"{label}: no 'id'")
    try:
        return required_text(value, "id", label)
    except InputError:
        raise InputError(f"{label}: 'id' must be a string or an integer, not {type(value).__name__}") from None


def required_text(value: Any, name: str, label: str) -> str:
    """A field that must be text."""
    if value is None:
        raise InputError(f"{label}: no {name!r} field")
    return _text(value, name, label)


def optional_text(value: Any, name: str, label: str) -> str | None:
    """A field that is text or None."""
    return None if value is None else _text(value, name, label)


def _text(value: Any, name: str, label: str) -> str:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, bytes | bytearray):
        return decode(value)
    if name == "date" and isinstance(value, date):
        return value.isoformat()
    raise InputError(f"{label}: {name!r} must be a string, not {type(value).__name__}")


def extra_dict(value: Any, label: str) -> dict[str, Any]:
    """Free-form extra fields: a dict (None for none) whose keys and values are made JSON-safe."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(f"{label}: 'extra' must be a dict, not {type(value).__name__}")
    safe: dict[str, Any] = json_safe(value)
    return safe
