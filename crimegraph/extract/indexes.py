"""Small indexes that keep extraction linear (or n log n) in the tokens and mentions of a document.

Each replaces an all-pairs loop with a lookup and answers exactly what the loop answered.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Iterable, Sequence
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span

K = TypeVar("K", bound=Hashable)


class Cover:
    """Which positions of 0..size-1 some range covers; marking skips positions already covered, so
    marking any number of ranges costs about the positions covered, not the ranges' total length."""

    def __init__(self, size: int) -> None:
        self.covered = bytearray(size)
        self.next_free = list(range(size + 1))  # path-compressed: the first uncovered position >= i

    def _free(self, i: int) -> int:
        root = i
        while self.next_free[root] != root:
            root = self.next_free[root]
        while self.next_free[i] != root:
            self.next_free[i], i = root, self.next_free[i]
        return root

    def mark(self, start: int, end: int) -> None:
        """Cover positions start..end-1."""
        i = self._free(max(start, 0))
        while i < min(end, len(self.covered)):
            self.covered[i] = 1
            self.next_free[i] = i + 1
            i = self._free(i + 1)

    def __contains__(self, i: int) -> bool:
        return 0 <= i < len(self.covered) and bool(self.covered[i])


class Containment:
    """Intervals added one by one; whether a new one lies inside any added so far (O(log n) each)."""

    def __init__(self, size: int) -> None:
        self.tree = [-1] * (size + 2)  # Fenwick tree of the largest end per start, prefix maxima

    def add(self, start: int, end: int) -> None:
        i = start + 1
        while i < len(self.tree):
            self.tree[i] = max(self.tree[i], end)
            i += i & -i

    def inside(self, start: int, end: int) -> bool:
        """Whether some added (s, e) has s <= start and end <= e."""
        best, i = -1, min(start + 1, len(self.tree) - 1)
        while i > 0:
            best = max(best, self.tree[i])
            i -= i & -i
        return best >= end


def nearest_at_or_before(flags: Sequence[bool]) -> list[int]:
    """For each position, the last flagged position at or before it (-1 when none)."""
    found, last = [], -1
    for i, flag in enumerate(flags):
        if flag:
            last = i
        found.append(last)
    return found


def nearest_at_or_after(flags: Sequence[bool]) -> list[int]:
    """For each position (and one past the end), the first flagged position at or after it (len when none)."""
    found, first = [len(flags)] * (len(flags) + 1), len(flags)
    for i in range(len(flags) - 1, -1, -1):
        if flags[i]:
            first = i
        found[i] = first
    return found


class Postings(Generic[K]):
    """Items (numbered in the order added) listed under each of their words."""

    def __init__(self) -> None:
        self.lists: dict[str, list[K]] = {}

    def add(self, item: K, words: Iterable[str]) -> None:
        for word in dict.fromkeys(words):
            self.lists.setdefault(word, []).append(item)

    def sharing_all(self, words: Sequence[str]) -> list[K]:
        """Items listed under every word (at least), taken from the shortest list: a superset to filter."""
        if not words:
            return []
        shortest = self.lists.get(words[0], [])
        for word in words[1:]:
            items = self.lists.get(word, [])
            if len(items) < len(shortest):
                shortest = items
        return list(shortest)


def last_below(sorted_items: Sequence[int], limit: int) -> int | None:
    """The largest item < limit of a sorted sequence, or None."""
    i = bisect_left(sorted_items, limit)
    return sorted_items[i - 1] if i else None


class Sentences:
    """The sentence of a token, as `Span.sent` finds it for a span starting there (from the sentence start at
    or before the token to the next sentence start after it), read off arrays made once per Doc: `Span.sent`
    walks the sentence on every call, which is quadratic over one very long sentence."""

    def __init__(self, doc: Doc) -> None:
        if len(doc) and not doc.has_annotation("SENT_START"):
            raise ValueError("the Doc has no sentence boundaries (spaCy E030)")
        self.doc = doc
        starts = [t.is_sent_start is True for t in doc]
        self.before = nearest_at_or_before(starts)
        self.after = nearest_at_or_after(starts)
        self.texts: dict[int, str] = {}

    def bounds(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence of token i."""
        return max(self.before[i], 0), self.after[i + 1]

    def span(self, i: int) -> Span:
        start, end = self.bounds(i)
        return self.doc[start:end]

    def text(self, i: int) -> str:
        """The text of the sentence of token i (made once per sentence)."""
        start, end = self.bounds(i)
        if start not in self.texts:
            self.texts[start] = self.doc[start:end].text
        return self.texts[start]
