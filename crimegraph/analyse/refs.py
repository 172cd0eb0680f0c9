"""References every answer is made of: entities (id, name, type, articles) and citations, and finding them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from crimegraph.model.names import fold
from crimegraph.store.db import Bind, connect, in_chunks
from crimegraph.store.queries import article_count, canonical_map, canonical_of, node_sizes
from crimegraph.store.search import name_hits
from crimegraph.store.tables import articles, entities, judgements


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A resolved entity: its canonical id, display name, type and how many articles mention it."""

    id: str
    name: str
    type: str
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a fact comes from: the article (title, date, link) and the sentence."""

    article_id: str
    title: str
    date: str | None
    sentence: str
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def display_title(title: str | None, text: str | None, width: int = 90) -> str:
    """An article's title, or the start of its text when it has none."""
    if title and title.strip():
        return title.strip()
    first = " ".join((text or "").split())
    return first if len(first) <= width else first[: width - 1].rsplit(" ", 1)[0] + "…"


def entity_refs(conn: Connection, canonicals: Collection[str], counted: bool = True) -> dict[str, EntityRef]:
    """EntityRefs of canonical ids, with article counts over all their nodes (0 when not `counted`)."""
    found: dict[str, EntityRef] = {}
    for part in in_chunks(canonicals):
        counts: dict[str, int] = {}
        if counted:
            cluster: dict[str, list[str]] = defaultdict(list)
            for node, canonical in conn.execute(select(entities.c.id, entities.c.canonical_id)
                                                .where(entities.c.canonical_id.in_(part))):
                cluster[canonical].append(node)
            sizes = node_sizes(conn, [n for nodes in cluster.values() for n in nodes])
            counts = {canonical: sizes.get(nodes[0], 0) if len(nodes) == 1 else article_count(conn, nodes, sizes)
                      for canonical, nodes in cluster.items()}
        for node, name, type_ in conn.execute(select(entities.c.id, entities.c.name, entities.c.type)
                                              .where(entities.c.id.in_(part))):
            found[node] = EntityRef(node, name, type_, int(counts.get(node, 0)))
    return found


def entity(bind: Bind, node: str) -> EntityRef | None:
    """The resolved entity a node id belongs to."""
    with connect(bind) as conn:
        canonical = canonical_of(conn, node)
        return entity_refs(conn, [canonical]).get(canonical) if canonical else None


def find_entities(bind: Bind, name_or_id: str, limit: int = 10) -> list[EntityRef]:
    """Entities for an id, else for a name or alias (accents, case and punctuation aside), most mentioned first."""
    with connect(bind) as conn:
        canonical = canonical_of(conn, name_or_id.strip())
        if canonical:
            return list(entity_refs(conn, [canonical]).values())
        wanted = fold(name_or_id)
        found = name_hits(conn, name_or_id)
        exact = {node for node, name in found if fold(name) == wanted}
        hits = set(canonical_map(conn, exact or {node for node, _ in found}).values())
        refs = sorted(entity_refs(conn, hits).values(), key=lambda r: (-r.articles, r.name))
        return refs[:limit]


ArticleMeta = Mapping[str, tuple[str, str | None, str | None]]


def article_meta(conn: Connection, ids: Collection[str]) -> dict[str, tuple[str, str | None, str | None]]:
    """Article id -> (display title, date, url), in one query per chunk."""
    meta: dict[str, tuple[str, str | None, str | None]] = {}
    for part in in_chunks(set(ids)):
        for article_id, title, start, date, url in conn.execute(
                select(articles.c.id, articles.c.title, func.substr(articles.c.text, 1, 200), articles.c.date,
                       articles.c.url).where(articles.c.id.in_(part))):
            meta[article_id] = (display_title(title, start), date, url)
    return meta


def cite(meta: ArticleMeta, rows: Iterable[tuple[str, Any]]) -> list[Citation]:
    """Citations for (article id, evidence JSON) pairs with the articles already looked up: the first sentence."""
    found: list[Citation] = []
    for article_id, evidence in rows:
        title, date, url = meta.get(article_id, (article_id, None, None))
        sentences = [e.get("text", "") for e in (evidence or [])] or [""]
        found.append(Citation(article_id, title, date, " ".join(sentences[0].split()), url))
    return found


def citations(conn: Connection, rows: Iterable[tuple[str, Any]]) -> list[Citation]:
    """Citations for (article id, evidence JSON) pairs (the first evidence sentence), titles looked up once."""
    pairs = list(rows)
    return cite(article_meta(conn, {a for a, _ in pairs}), pairs)


def judgement_log(bind: Bind, node: str) -> list[dict[str, Any]]:
    """Every judgement on a node, oldest first (for review and undo)."""
    with connect(bind) as conn:
        rows = conn.execute(select(judgements).where(
            (judgements.c.left_id == node) | (judgements.c.right_id == node)).order_by(judgements.c.id))
        return [{**dict(r), "created_at": str(r["created_at"])} for r in rows.mappings()]
