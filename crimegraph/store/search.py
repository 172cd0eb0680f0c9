"""Full-text matching of articles and entity names, accent- and case-insensitive (FTS5 or PostgreSQL)."""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

from crimegraph.store.db import is_sqlite

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


def terms(query: str) -> list[str]:
    """The words of a query (everything else is dropped, so no query syntax can break the search)."""
    return _TERM.findall(query)


def match_expression(words: list[str], sqlite: bool) -> str:
    """All words, each also as a prefix: FTS5 '"w"*' or tsquery 'w:*'."""
    if sqlite:
        return " ".join(f'"{w}"*' for w in words)
    return " & ".join(f"{w}:*" for w in words)


def name_hits(conn: Connection, query: str, limit: int = 500) -> list[tuple[str, str]]:
    """(node id, name) pairs whose name holds every query word."""
    words = terms(query)
    if not words:
        return []
    sqlite = is_sqlite(conn)
    statement = SQLITE_NAMES if sqlite else POSTGRES_NAMES
    rows = conn.execute(statement, {"query": match_expression(words, sqlite), "limit": limit})
    return [(str(node), str(name)) for node, name in rows]


def article_matches(conn: Connection, words: list[str], limit: int) -> list[tuple[str, str | None, str | None,
                                                                                 str | None, str]]:
    """(id, title, date, language, text) of the articles holding every word, best first."""
    sqlite = is_sqlite(conn)
    statement = SQLITE_ARTICLES if sqlite else POSTGRES_ARTICLES
    rows = conn.execute(statement, {"query": match_expression(words, sqlite), "limit": limit})
    return [(article_id, title, date, language, body) for article_id, title, date, language, body, _ in rows]
