"""Split inputs into shards of articles, deterministically, so a rerun finds the same shards."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from crimegraph.exc import InputError
from crimegraph.ingest.files import read_path
from crimegraph.ingest.jsonl import FIELDS
from crimegraph.model import Article


@dataclass(slots=True)
class Shard:
    """A numbered slice of the input: articles as dicts, plus inputs that could not be read."""

    number: int
    articles: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"shard-{self.number:06d}"

    def __len__(self) -> int:
        return len(self.articles) + len(self.errors)


def read_inputs(inputs: Iterable[str]) -> Iterator[Article | InputError]:
    """Articles (and unreadable inputs) from every path, in order."""
    for path in inputs:
        yield from read_path(path)


def make_shards(items: Iterable[Article | InputError], size: int) -> Iterator[Shard]:
    """Consecutive shards of `size` inputs each (the last may be smaller)."""
    shard = Shard(0)
    for item in items:
        if isinstance(item, InputError):
            shard.errors.append(str(item))
        else:
            shard.articles.append({**item.to_dict(), "source": item.source, "url": item.url, "extra": item.extra})
        if len(shard) >= size:
            yield shard
            shard = Shard(shard.number + 1)
    if len(shard):
        yield shard


def article_of(record: dict[str, Any]) -> Article:
    """The Article a shard record holds."""
    values: dict[str, Any] = {k: record.get(k) for k in FIELDS}
    return Article(**values, extra=record.get("extra") or {})
