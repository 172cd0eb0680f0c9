"""Shared pieces of the web queries: pages of results, entity and article references, filters."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, fields
from typing import Any, cast

from sqlalchemy import Connection, func, select

from crimegraph.analyse.refs import display_title
from crimegraph.store.db import in_chunks
from crimegraph.store.queries import canonical_map
from crimegraph.store.tables import articles, entities, names

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000  # far past any knowledge base, well inside a 64-bit integer


@dataclass(frozen=True, slots=True)
class Page:
    """A window of results: at most `limit` rows after skipping `offset`."""

    limit: int = 50
    offset: int = 0

    @classmethod
    def of(cls, limit: int | None, offset: int | None, default: int = 50) -> Page:
        """A page with the limit clamped to 1..MAX_LIMIT and the offset to 0..MAX_OFFSET."""
        return cls(min(max(limit or default, 1), MAX_LIMIT), min(max(offset or 0, 0), MAX_OFFSET))


FIRST_PAGE = Page()


class Answer:
    """An answer of JSON-ready fields: to_dict() gives them in order, as they are (no copy)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(cast(Any, self))}


@dataclass(slots=True)
class Listing:
    """A page of rows: data, count (all matches), limit and offset, and the filters echoed (`extra`)."""

    data: list[dict[str, Any]]
    count: int
    page: Page
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"data": self.data, "count": self.count, "limit": self.page.limit, "offset": self.page.offset,
                **self.extra}


def listing(rows: list[dict[str, Any]], count: int, page: Page, **extra: Any) -> Listing:
    """The shape of every list answer: data, count (all matches), limit and offset."""
    return Listing(rows, count, page, extra)


def entity_names(conn: Connection, ids: Collection[str]) -> dict[str, dict[str, str]]:
    """Canonical id -> {id, name, type} for node ids (each mapped to its cluster's canonical node)."""
    canon = canonical_map(conn, ids)
    found: dict[str, dict[str, str]] = {}
    for part in in_chunks(set(canon.values())):
        for node, name, type_ in conn.execute(
                select(entities.c.id, entities.c.name, entities.c.type).where(entities.c.id.in_(part))):
            found[node] = {"id": node, "name": name, "type": type_}
    return {node: found[canonical] for node, canonical in canon.items() if canonical in found}


def article_refs(conn: Connection, ids: Collection[str]) -> dict[str, dict[str, Any]]:
    """Article id -> {id, title, date, language, url} (a title made from the text when there is none)."""
    found: dict[str, dict[str, Any]] = {}
    for part in in_chunks(set(ids)):
        for article_id, title, start, date, language, url in conn.execute(
                select(articles.c.id, articles.c.title, func.substr(articles.c.text, 1, 200), articles.c.date,
                       articles.c.language, articles.c.url).where(articles.c.id.in_(part))):
            found[article_id] = {"id": article_id, "title": display_title(title, start), "date": date,
                                 "language": language, "url": url}
    return found


def citation(article: dict[str, Any] | None, article_id: str, evidence: Any,
             spans: int | None = None) -> dict[str, Any]:
    """Where a fact comes from: the article and the evidence spans (start, end, text); with `spans`, the first
    that many and `evidence_count`, how many there are."""
    found = [e for e in (evidence or []) if isinstance(e, dict)]
    shown = [{"start": int(e.get("start", 0)), "end": int(e.get("end", 0)), "text": " ".join(
        str(e.get("text", "")).split())} for e in found[:spans]]
    ref = article or {"id": article_id, "title": article_id, "date": None, "language": None, "url": None}
    cited: dict[str, Any] = {"article": ref, "evidence": shown}
    if spans is not None:
        cited["evidence_count"] = len(found)
    return cited


def cluster_of(conn: Connection, node: str) -> list[str]:
    """Every node id in the cluster of `node` (empty when unknown)."""
    canonical = conn.execute(select(entities.c.canonical_id).where(entities.c.id == node)).scalar()
    if canonical is None:
        return []
    return list(conn.execute(select(entities.c.id).where(entities.c.canonical_id == canonical)).scalars())


def nodes_named(conn: Connection, value: str, limit: int = 200) -> list[str]:
    """Node ids for an entity id (its cluster) or else a name (case-insensitive, whole name)."""
    value = value.strip()
    if not value:
        return []
    cluster = cluster_of(conn, value)
    if cluster:
        return cluster
    hits = conn.execute(select(names.c.entity_id).where(func.lower(names.c.name) == value.lower())
                        .limit(limit)).scalars()
    canon = set(canonical_map(conn, set(hits)).values())
    found: list[str] = []
    for part in in_chunks(canon):
        found.extend(conn.execute(select(entities.c.id).where(entities.c.canonical_id.in_(part))).scalars())
    return found

