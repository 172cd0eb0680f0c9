"""Strings and values that always encode: lone surrogates and NULs replaced, anything made JSON-safe."""

from __future__ import annotations

import json
import re
from typing import Any

REPLACEMENT = "\ufffd"
MAX_DEPTH = 32  # nesting kept in free-form values; deeper parts become their text
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def scrub(value: str) -> str:
    """The string with every surrogate code point and NUL replaced by U+FFFD, one for one (offsets stay true)."""
    if value.isascii() and "\x00" not in value:
        return str(value)
    return _UNSAFE.sub(REPLACEMENT, str(value))


def decode(value: bytes | bytearray | memoryview) -> str:
    """Bytes read as UTF-8, undecodable bytes replaced by U+FFFD."""
    return scrub(bytes(value).decode("utf-8", errors="replace"))


def json_safe(value: Any, depth: int = 0) -> Any:
    """A copy of a free-form value that json.dumps can write as UTF-8: strings scrubbed, bytes decoded,
    tuples and sets as lists, keys as strings, anything else (or nested too deep) as its text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return decode(value)
    if depth < MAX_DEPTH and isinstance(value, dict):
        return {_key(k): json_safe(v, depth + 1) for k, v in value.items()}
    if depth < MAX_DEPTH and isinstance(value, list | tuple | set | frozenset):
        return [json_safe(v, depth + 1) for v in value]
    return scrub(_text(value))


def _key(key: Any) -> str:
    return decode(key) if isinstance(key, bytes) else scrub(key if isinstance(key, str) else _text(key))


def _text(value: Any) -> str:
    try:
        return str(value)
    except Exception:  # noqa: BLE001 - an object whose str() fails still gets a name
        return f"<{type(value).__name__}>"


def json_line(record: Any) -> str:
    """One JSON line (no newline) for a record, non-ASCII kept as is; never raises and always encodes as UTF-8."""
    try:
        line = json.dumps(record, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        line = json.dumps(json_safe(record), ensure_ascii=False)
    return scrub(line) if _UNSAFE.search(line) else line
