"""Blocking for screening: list entries indexed by the keys of their name parts.

A person's name only scores above a threshold when two of its parts agree with the list name, so a
person is compared only with entries that share keys with two of its parts. A part's keys are the part
and its metaphone (spelling variants mostly sound alike).
Organisations need two shared words (one for a one-word name), or a shared acronym, or their
translated words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import combinations

from rigour.text import metaphone

from crimegraph.analyse.namematch import name_parts
from crimegraph.analyse.watchlist import ListEntry
from crimegraph.model.names import acronym, fold, is_acronym, translated


@lru_cache(maxsize=200_000)
def part_keys(name: str, person: bool) -> tuple[frozenset[str], ...]:
    """For each comparable part of a name, the keys it can be found by."""
    keys: list[frozenset[str]] = []
    for part in name_parts(name, person):
        own = {part}
        if len(part) > 3:
            own.add(f"~{metaphone(part)}")
        keys.append(frozenset(own))
    return tuple(keys)


@lru_cache(maxsize=200_000)
def whole_keys(name: str) -> frozenset[str]:
    """An organisation name's acronym and translated words."""
    found = {f"t:{w}" for w in translated(name).split()}
    short = fold(name).replace(" ", "") if is_acronym(name) else acronym(name)
    if short:
        found.add(f"a:{short}")
    return frozenset(found)


class ListIndex:
    """List entries by blocking key, persons and organisations apart."""

    def __init__(self, entries: Iterable[ListEntry]) -> None:
        self.entries = list(entries)
        self.postings: dict[tuple[bool, str], set[int]] = defaultdict(set)
        for index, entry in enumerate(self.entries):
            for person in self._sides(entry):
                for name in entry.names():
                    for keys in part_keys(name, person):
                        for key in keys:
                            self.postings[(person, key)].add(index)
                    if not person:
                        for key in whole_keys(name):
                            self.postings[(person, key)].add(index)

    @staticmethod
    def _sides(entry: ListEntry) -> tuple[bool, ...]:
        if entry.schema == "LegalEntity":
            return (True, False)
        return (entry.is_person,)

    def _found(self, person: bool, keys: Iterable[str]) -> set[int]:
        found: set[int] = set()
        for key in keys:
            found |= self.postings.get((person, key), set())
        return found

    def candidates(self, name: str, person: bool) -> set[int]:
        """Entries worth comparing with a name."""
        sets = [self._found(person, keys) for keys in part_keys(name, person)]
        if len(sets) >= 2:
            found = set().union(*(a & b for a, b in combinations(sets, 2)))
        else:
            found = set(sets[0]) if sets and not person else set()
        if not person:
            whole = whole_keys(name)
            found |= self._found(person, {k for k in whole if k.startswith("a:")})
            words = [self.postings.get((person, k), set()) for k in whole if k.startswith("t:")]
            if len(words) >= 2:
                found |= set().union(*(a & b for a, b in combinations(words, 2)))
            elif words:
                found |= words[0]
        return found
