"""Shared helpers for exporters: stable ids, country context of articles, countries named inside names."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from crimegraph.export.places import Place, country_code, locate
from crimegraph.export.snapshot import EntityRecord, Snapshot


def short_hash(*parts: object) -> str:
    """16 hex digits of the SHA-1 of the parts: ids that stay the same from one export to the next."""
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def document_id(article_id: str) -> str:
    """The FtM id of a source article."""
    return f"cg-doc-{short_hash(article_id)}"


def entity_ref(entity_id: str) -> str:
    """The FtM id of a knowledge-base entity or event."""
    return f"cg-{entity_id}"


def article_countries(snap: Snapshot) -> dict[str, list[str]]:
    """Article id -> country codes of the places it mentions, once per sentence naming them (so the
    country an article is mostly about weighs most when a place name is ambiguous or missing)."""
    found: dict[str, list[str]] = defaultdict(list)
    for entity in snap.entities.values():
        if entity.type != "LOCATION":
            continue
        code = country_code(entity.name)
        if code:
            for article_id in entity.articles:
                found[article_id].extend([code] * entity.weights.get(article_id, 1))
    return found


def context_of(article_ids: Iterable[str], countries: dict[str, list[str]]) -> list[str]:
    """Country codes named by a set of articles."""
    return [code for article_id in article_ids for code in countries.get(article_id, [])]


def place_of(entity: EntityRecord | None, name: str | None, context: list[str]) -> Place | None:
    """Where a place entity (or, failing that, a place name) is."""
    for candidate in ([entity.name, *entity.aliases] if entity else []) + ([name] if name else []):
        place = locate(candidate, context)
        if place is not None:
            return place
    return None


def country_in_name(name: str) -> str | None:
    """The country a body's name names ('Government of Venezuela', 'Colombian Army', 'US Treasury'), if any."""
    words = name.replace(",", " ").split()
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            chunk = " ".join(words[start:start + size])
            if len(chunk) < 2 or (size == 1 and chunk.islower()):
                continue
            code = country_code(chunk)
            if code:
                return code
    return None
