"""Search: entities and articles matching every word of a query, accents and case aside."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from crimegraph.analyse.refs import EntityRef, display_title, entity_refs
from crimegraph.store.db import Bind, connect
from crimegraph.store.queries import canonical_map
from crimegraph.store.search import article_matches, name_hits, terms


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """An article that matches, with a snippet around the first match."""

    id: str
    title: str
    date: str | None
    language: str | None
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class EntityHit:
    """An entity one of whose names matches."""

    entity: EntityRef
    matched: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {**self.entity.to_dict(), "matched": self.matched}


@dataclass(slots=True)
class SearchResults:
    """Entities first (by articles), then articles (by rank)."""

    query: str
    entities: list[EntityHit] = field(default_factory=list)
    articles: list[ArticleHit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "entities": [e.to_dict() for e in self.entities],
                "articles": [a.to_dict() for a in self.articles]}


def accent_fold(text: str) -> str:
    """Lower case without accents, one character per character (positions stay valid)."""
    return "".join(unicodedata.normalize("NFD", c)[0].lower() if c else c for c in text)


def snippet(body: str, words: list[str], width: int = 160) -> str:
    """The text around the first occurrence of a query word, accents and case aside."""
    folded = accent_fold(body)
    positions = [p for p in (folded.find(accent_fold(w)) for w in words) if p >= 0]
    start = max(min(positions, default=0) - width // 3, 0)
    piece = " ".join(body[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(body) else "")


def search(bind: Bind, query: str, limit: int = 20) -> SearchResults:
    """Articles and entities matching every word of `query`, accents and case aside."""
    results = SearchResults(query)
    words = terms(query)
    if not words:
        return results
    with connect(bind) as conn:
        for article_id, title, date, language, body in article_matches(conn, words, limit):
            results.articles.append(ArticleHit(article_id, display_title(title, body), date, language,
                                               snippet(body, words)))
        hits = name_hits(conn, query)
        canonical = canonical_map(conn, {node for node, _ in hits})
        matched: dict[str, list[str]] = defaultdict(list)
        for node, name in hits:
            if name not in matched[canonical[node]]:
                matched[canonical[node]].append(name)
        refs = entity_refs(conn, matched)
        ranked = sorted(refs.values(), key=lambda r: (-r.articles, r.name))[:limit]
        results.entities = [EntityHit(ref, matched[ref.id]) for ref in ranked]
    return results
