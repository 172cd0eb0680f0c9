"""Lexicon data files: tab-separated, '#' lines are comments.

Every file starts with a `# source:` line saying where its facts come from.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of lexicon `name` (e.g. "en/actors.tsv"), split on tabs."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        found.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(found)


def words(name: str) -> frozenset[str]:
    """The first column of lexicon `name`, lower-cased, as a set."""
    return frozenset(row[0].lower() for row in rows(name) if row and row[0])


def mapping(name: str) -> dict[str, str]:
    """First column (lower-cased) -> second column of lexicon `name`."""
    return {row[0].lower(): row[1] for row in rows(name) if len(row) >= 2}
