"""Roles: the countries whose state bodies a person is said to serve, for the conflicting-roles veto.

A Colombian senator and a Venezuelan general who share a name are two people: when both nodes (or both
clusters) hold positions and no country of one is a country of the other, they are never merged.
Positions in bodies of no known country ("the Bolivarian National Guard" unqualified) count for nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from sqlalchemy import Connection, select

from crimegraph.extract.entities.types import lexicon
from crimegraph.resolve.names import country_of
from crimegraph.store.db import in_chunks
from crimegraph.store.tables import claims, entities

WORD = re.compile(r"[^\W\d_][\w.'’-]*")
LONGEST = 3  # words in a country name scanned for ("United States", "Estados Unidos de América")


@cache
def demonym_country(word: str) -> str | None:
    """ISO code of the country an adjective names ('Venezuelan', 'colombiano'), else None."""
    for language in ("en", "es"):
        country = lexicon(language).demonyms.get(word.casefold())
        if country:
            return country_of(country)
    return None


def body_country(name: str, key: str) -> str | None:
    """ISO code of the country of a state body: its key's country, else the first country or demonym
    its name carries ('Government of Colombia', 'Venezuelan Army'); None when it names none."""
    if "@" in key:
        return key.rsplit("@", 1)[1] or None
    words = WORD.findall(name)
    for start in range(len(words)):
        for size in range(min(LONGEST, len(words) - start), 0, -1):
            phrase = " ".join(words[start:start + size])
            named = country_of(phrase) if phrase[0].isupper() and len(phrase) > 2 else None
            code = named or (demonym_country(phrase) if size == 1 else None)
            if code:
                return code
    return None


def position_countries(conn: Connection, nodes: Collection[str]) -> dict[str, frozenset[str]]:
    """Per node asked for, the countries of the bodies its position claims name (empty when none)."""
    found: dict[str, set[str]] = {node: set() for node in nodes}
    for part in in_chunks(nodes):
        rows = conn.execute(
            select(claims.c.subject_id, entities.c.name, entities.c.key)
            .join(entities, entities.c.id == claims.c.object_id)
            .where(claims.c.subject_id.in_(part), claims.c.predicate == "holds_position"))
        for node, name, key in rows:
            code = body_country(name, key)
            if code:
                found[node].add(code)
    return {node: frozenset(codes) for node, codes in found.items()}


def roles_conflict(left: Collection[str], right: Collection[str]) -> bool:
    """Whether two sets of position countries are both known and share no country."""
    return bool(left) and bool(right) and not set(left) & set(right)
