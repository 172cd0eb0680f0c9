"""Ids and node keys: hashes of key parts, so storing the same fact twice gives the same row."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from crimegraph.model import Entity
from crimegraph.model.names import casefold, country_of, is_generic, translated

FAMILIES = {"PERSON": "person", "LOCATION": "place"}


def make_id(prefix: str, *parts: object) -> str:
    """A short stable id: prefix plus 16 hex digits of the SHA-1 of the parts."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:16]}"


def family(type_: str) -> str:
    """Type family: persons and places stand apart; state actors, groups and organisations mix freely."""
    return FAMILIES.get(type_, "actor")


def node_key(name: str, type_: str, country: str | None = None) -> str:
    """The identity of a node: family and folded name; a generic state-body name is keyed by its English
    words plus the country, so "Ministerio de Defensa" and "Defense Ministry" of one country are one node."""
    if family(type_) == "actor" and country and is_generic(name):
        return f"actor:{translated(name)}@{country}"
    return f"{family(type_)}:{casefold(name)}"


def entity_id(key: str) -> str:
    """The node id of a key."""
    return make_id("e", key)


def country_code(name: str) -> str | None:
    """ISO code of a country name in any common form ('Venezuela', 'Estados Unidos', 'U.S.'), else None.

    States, cities and capitals are not countries: 'Colorado' and 'Caracas' give None.
    """
    return country_of(name)


def main_country(found: Iterable[Entity]) -> str | None:
    """The country an article is mostly about: the country entity with the most evidence sentences."""
    weights: Counter[str] = Counter()
    for entity in found:
        if entity.type != "LOCATION":
            continue
        code = country_code(entity.name)
        if code:
            weights[code] += max(len(entity.evidence), 1)
    return weights.most_common(1)[0][0] if weights else None
