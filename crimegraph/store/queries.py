"""Read the knowledge base: plain dataclasses for the CLI, a web app or an API."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, Table, distinct, func, literal_column, select, text

from crimegraph.resolve.names import fold
from crimegraph.store.db import Bind, connect, is_sqlite
from crimegraph.store.tables import (
    articles,
    claims,
    entities,
    event_reports,
    events,
    judgements,
    mentions,
)

CHUNK = 500


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


def in_chunks(items: Collection[str]) -> Iterable[list[str]]:
    """Items in lists short enough for an IN clause."""
    ordered = sorted(items)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


def stats(bind: Bind) -> dict[str, int]:
    """Counts: articles, entities (resolved), events (de-duplicated), claims, and the raw layers under them."""
    with connect(bind) as conn:
        def count(column: Any) -> int:
            return int(conn.execute(select(func.count(column))).scalar() or 0)

        return {
            "articles": count(articles.c.id),
            "entities": int(conn.execute(select(func.count(distinct(entities.c.canonical_id)))).scalar() or 0),
            "events": count(events.c.id),
            "claims": count(claims.c.id),
            "entity_names": count(entities.c.id),
            "mentions": count(mentions.c.id),
            "event_reports": count(event_reports.c.id),
            "merged_names": int(conn.execute(select(func.count()).where(
                entities.c.canonical_id != entities.c.id)).scalar() or 0),
            "judgements": count(judgements.c.id),
        }


def canonical_of(conn: Connection, node: str) -> str | None:
    """The canonical id of a node id (itself when unmerged); None when unknown."""
    return conn.execute(select(entities.c.canonical_id).where(entities.c.id == node)).scalar()


def members(conn: Connection, canonical: str) -> list[str]:
    """Every node id of an entity."""
    return list(conn.execute(select(entities.c.id).where(entities.c.canonical_id == canonical)
                             .order_by(entities.c.id)).scalars())


def canonical_map(conn: Connection, nodes: Collection[str]) -> dict[str, str]:
    """Node id -> canonical id, for many nodes."""
    found: dict[str, str] = {}
    for part in in_chunks(nodes):
        found.update(list(conn.execute(select(entities.c.id, entities.c.canonical_id)
                                       .where(entities.c.id.in_(part)))))
    return found


def entity_refs(conn: Connection, canonicals: Collection[str], counted: bool = True) -> dict[str, EntityRef]:
    """EntityRefs of canonical ids, with article counts over all their nodes (0 when not `counted`)."""
    found: dict[str, EntityRef] = {}
    for part in in_chunks(canonicals):
        counts: dict[str, int] = {}
        if counted:
            counts = dict(list(conn.execute(
                select(entities.c.canonical_id, func.count(distinct(mentions.c.article_id)))
                .join(mentions, mentions.c.entity_id == entities.c.id)
                .where(entities.c.canonical_id.in_(part)).group_by(entities.c.canonical_id))))
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
        from crimegraph.store.search import name_hits

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


def article_count(conn: Connection, nodes: Collection[str]) -> int:
    """How many articles mention any of the nodes (index-only: a node has one mention per article).

    The largest node's mentions are counted as they are; each other node adds its articles that no larger
    node mentions, so a cluster costs the size of its smaller nodes, not a sort of all its mentions."""
    sizes: dict[str, int] = {}
    for part in in_chunks(nodes):
        sizes.update(list(conn.execute(select(mentions.c.entity_id, func.count()).where(
            mentions.c.entity_id.in_(part)).group_by(mentions.c.entity_id))))
    ranked = sorted(sizes, key=lambda n: (-sizes[n], n))
    total = sizes[ranked[0]] if ranked else 0
    other = mentions.alias("other")
    for index, node in enumerate(ranked[1:], 1):
        larger = ranked[:index]
        elsewhere = select(other.c.entity_id).where(other.c.article_id == mentions.c.article_id,
                                                    other.c.entity_id.in_(larger))
        total += int(conn.execute(select(func.count()).where(mentions.c.entity_id == node,
                                                             ~elsewhere.exists())).scalar() or 0)
    return total


def row_estimate(conn: Connection, table: Table) -> int:
    """About how many rows a table has: its highest rowid on SQLite (rows of these tables are not deleted),
    the planner's statistics on PostgreSQL when it has them, else a count."""
    if is_sqlite(conn):
        return int(conn.execute(select(func.max(literal_column("rowid"))).select_from(table)).scalar() or 0)
    estimate = conn.execute(text("SELECT reltuples FROM pg_class WHERE relname = :name"),
                            {"name": table.name}).scalar()
    if estimate is not None and float(estimate) > 0:
        return int(float(estimate))
    return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)


def recent_articles(conn: Connection, nodes: Collection[str], limit: int,
                    mentioned_in: int | None = None) -> list[str]:
    """The ids of the latest `limit` articles (date, then id, descending) mentioning any of the nodes.

    An entity in few articles sorts its own articles. One in many (count squared above `limit` times all
    articles) walks the article date index from the newest instead, probing each article's mentions until it
    has `limit` of them: at worst a pass over the index, cheaper than sorting that many articles.
    `mentioned_in` is the entity's article count, when already known."""
    nodes = sorted(nodes)
    count = article_count(conn, nodes) if mentioned_in is None else mentioned_in
    if count == 0 or limit <= 0 or not nodes:
        return []
    if count * count > limit * row_estimate(conn, articles):
        mentioned = select(mentions.c.entity_id).where(mentions.c.article_id == articles.c.id,
                                                       mentions.c.entity_id.in_(nodes))
        newest = (articles.c.date.desc().nulls_last(), articles.c.id.desc())
        return list(conn.execute(select(articles.c.id).where(mentioned.exists()).order_by(*newest)
                                 .limit(limit)).scalars())
    # The expression first keeps the planner off the date index (a walk would pass most articles).
    return list(conn.execute(
        select(mentions.c.article_id).join(articles, articles.c.id == mentions.c.article_id)
        .where(mentions.c.entity_id.in_(nodes)).group_by(mentions.c.article_id, articles.c.date)
        .order_by(articles.c.date.is_(None), articles.c.date.desc(), mentions.c.article_id.desc())
        .limit(limit)).scalars())


def judgement_log(bind: Bind, node: str) -> list[dict[str, Any]]:
    """Every judgement on a node, oldest first (for review and undo)."""
    with connect(bind) as conn:
        rows = conn.execute(select(judgements).where(
            (judgements.c.left_id == node) | (judgements.c.right_id == node)).order_by(judgements.c.id))
        return [{**dict(r), "created_at": str(r["created_at"])} for r in rows.mappings()]


def accent_fold(text: str) -> str:
    """Lower case without accents, one character per character (positions stay valid)."""
    return "".join(unicodedata.normalize("NFD", c)[0].lower() if c else c for c in text)

