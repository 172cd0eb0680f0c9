"""Full-text search over articles and entity names, accent- and case-insensitive (FTS5 or PostgreSQL)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from crimegraph.store.db import Bind, connect, is_sqlite
from crimegraph.store.queries import EntityRef, accent_fold, canonical_map, display_title, entity_refs

_TERM = re.compile(r"\w+", re.UNICODE)

SQLITE_ARTICLES = text("""
    SELECT a.id, a.title, a.date, a.language, a.text, bm25(articles_fts) AS rank
    FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
    WHERE articles_fts MATCH :query ORDER BY rank LIMIT :limit""")
SQLITE_NAMES = text("""
    SELECT n.entity_id, n.name FROM names_fts JOIN names n ON n.id = names_fts.rowid
    WHERE names_fts MATCH :query LIMIT :limit""")
POSTGRES_ARTICLES = text("""
    SELECT a.id, a.title, a.date, a.language, a.text,
           -ts_rank(to_tsvector('simple', cg_unaccent(coalesce(a.title, '') || ' ' || a.text)), q) AS rank
    FROM articles a, to_tsquery('simple', cg_unaccent(:query)) q
    WHERE to_tsvector('simple', cg_unaccent(coalesce(a.title, '') || ' ' || a.text)) @@ q
    ORDER BY rank LIMIT :limit""")
POSTGRES_NAMES = text("""
    SELECT n.entity_id, n.name FROM names n
    WHERE to_tsvector('simple', cg_unaccent(n.name)) @@ to_tsquery('simple', cg_unaccent(:query))
    LIMIT :limit""")


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


def terms(query: str) -> list[str]:
    """The words of a query (everything else is dropped, so no query syntax can break the search)."""
    return _TERM.findall(query)


def match_expression(words: list[str], sqlite: bool) -> str:
    """All words, each also as a prefix: FTS5 '"w"*' or tsquery 'w:*'."""
    if sqlite:
        return " ".join(f'"{w}"*' for w in words)
    return " & ".join(f"{w}:*" for w in words)


def snippet(body: str, words: list[str], width: int = 160) -> str:
    """The text around the first occurrence of a query word, accents and case aside."""
    folded = accent_fold(body)
    positions = [p for p in (folded.find(accent_fold(w)) for w in words) if p >= 0]
    start = max(min(positions, default=0) - width // 3, 0)
    piece = " ".join(body[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(body) else "")


def name_hits(conn: Connection, query: str, limit: int = 500) -> list[tuple[str, str]]:
    """(node id, name) pairs whose name holds every query word."""
    words = terms(query)
    if not words:
        return []
    sqlite = is_sqlite(conn)
    statement = SQLITE_NAMES if sqlite else POSTGRES_NAMES
    rows = conn.execute(statement, {"query": match_expression(words, sqlite), "limit": limit})
    return [(str(node), str(name)) for node, name in rows]


def search(bind: Bind, query: str, limit: int = 20) -> SearchResults:
    """Articles and entities matching every word of `query`, accents and case aside."""
    results = SearchResults(query)
    words = terms(query)
    if not words:
        return results
    with connect(bind) as conn:
        sqlite = is_sqlite(conn)
        statement = SQLITE_ARTICLES if sqlite else POSTGRES_ARTICLES
        for article_id, title, date, language, body, _ in conn.execute(
                statement, {"query": match_expression(words, sqlite), "limit": limit}):
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
