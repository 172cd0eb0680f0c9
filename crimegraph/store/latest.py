"""Newest-first selections of an entity's articles, claims and events that stay cheap at scale."""

# Each helper either sorts the entity's own rows (when it has few) or walks a date index from the newest
# row, probing covering indexes, until it has enough (when it has many): whichever reads less.

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, func, literal_column, or_, select, text

from crimegraph.store.db import in_chunks, is_sqlite
from crimegraph.store.queries import article_count
from crimegraph.store.tables import articles, claims, event_actors, event_reports, events, mentions

WALK_COST = 4  # sorting a claim by its article's date costs about this many steps of a date-index walk


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


def count_claims(conn: Connection, condition: ColumnElement[bool]) -> int:
    """How many claims match."""
    return int(conn.execute(select(func.count()).select_from(claims).where(condition)).scalar() or 0)


def latest_claim_ids(conn: Connection, nodes: Collection[str], sides: Collection[str], limit: int,
                     count: int) -> list[str]:
    """The ids of the latest `limit` claims (newest article first) with one of the nodes on one of the
    `sides` (subject, object, source); `count` is how many there are.

    Few claims are sorted by their article's date. Many (count squared above `limit` times all articles,
    over WALK_COST) are found by walking the article date index from the newest, keeping the articles that
    hold such a claim (read off the claims' article index), until `limit` of them hold enough claims."""
    nodes = sorted(nodes)
    columns = [claims.c[f"{side}_id"] for side in sides]
    condition = or_(*(column.in_(nodes) for column in columns))
    if count * count * WALK_COST <= limit * row_estimate(conn, articles):
        return list(conn.execute(  # the expression first keeps the planner off the date index
            select(claims.c.id).join(articles, articles.c.id == claims.c.article_id).where(condition)
            .order_by(articles.c.date.is_(None), articles.c.date.desc(), articles.c.id.desc(), claims.c.id)
            .limit(limit)).scalars())
    holds = select(claims.c.id).where(claims.c.article_id == articles.c.id, condition)
    newest = (articles.c.date.desc().nulls_last(), articles.c.id.desc())
    latest = list(conn.execute(select(articles.c.id).where(holds.exists()).order_by(*newest).limit(limit)).scalars())
    order = {article_id: i for i, article_id in enumerate(latest)}
    # coalesce() keeps the planner on the article index: the party indexes would read every claim
    named = or_(*(func.coalesce(column, "").in_(nodes) for column in columns))
    found = sorted((order[article_id], claim_id) for part in in_chunks(latest) for claim_id, article_id in
                   conn.execute(select(claims.c.id, claims.c.article_id).where(claims.c.article_id.in_(part), named)))
    return [claim_id for _, claim_id in found[:limit]]


def count_events(conn: Connection, condition: ColumnElement[bool]) -> int:
    """How many events match."""
    return int(conn.execute(select(func.count()).select_from(events).where(condition)).scalar() or 0)


def event_count(conn: Connection, nodes: Collection[str]) -> int:
    """How many events have one of the nodes among a report's actors or as the place."""
    nodes = sorted(nodes)
    return count_events(conn, or_(events.c.id.in_(took_part(nodes)), events.c.location_id.in_(nodes)))


def took_part(nodes: Collection[str]) -> Any:
    """The ids of events with one of the nodes among a report's actors."""
    return (select(event_reports.c.event_id).join(event_actors, event_actors.c.report_id == event_reports.c.id)
            .where(event_actors.c.entity_id.in_(nodes)))


def latest_event_ids(conn: Connection, nodes: Collection[str], limit: int, count: int,
                     places: bool = True) -> list[str]:
    """The ids of the latest `limit` events (date, then id, descending; undated last) with one of the nodes
    among a report's actors, or (with `places`) as the place; `count` is how many there are, or about.

    Few events are sorted; many (count squared above `limit` times all events) are found by walking the
    event date index from the newest, probing each event's actors, until there are `limit`."""
    nodes = sorted(nodes)
    if count * count > limit * row_estimate(conn, events):
        # coalesce() makes the probe read the report's few actors rather than seek every node
        named = func.coalesce(event_actors.c.entity_id, "").in_(nodes)
        actor = (select(event_actors.c.report_id).join(event_reports, event_reports.c.id == event_actors.c.report_id)
                 .where(event_reports.c.event_id == events.c.id, named))
        condition = or_(events.c.location_id.in_(nodes), actor.exists()) if places else actor.exists()
        order: tuple[Any, ...] = (events.c.date.desc().nulls_last(), events.c.id.desc())
    else:  # the expression first keeps the planner off the date index: a walk would pass most events
        condition = events.c.id.in_(took_part(nodes))
        if places:
            condition = or_(condition, events.c.location_id.in_(nodes))
        order = (events.c.date.is_(None), events.c.date.desc(), events.c.id.desc())
    return list(conn.execute(select(events.c.id).where(condition).order_by(*order).limit(limit)).scalars())


def count_reports(conn: Connection, nodes: Collection[str]) -> int:
    """How many event reports name one of the nodes as an actor (index-only)."""
    return int(conn.execute(select(func.count()).select_from(event_actors)
                            .where(event_actors.c.entity_id.in_(sorted(nodes)))).scalar() or 0)


def latest_reported(conn: Connection, nodes: Collection[str], limit: int,
                    reports: int | None = None) -> tuple[list[str], bool]:
    """The events with one of the nodes among a report's actors: all of them, or when there are more than
    `limit` reports (`reports`: count_reports, when known), the events of the latest `limit` reports (by
    the report's date); and whether cut.

    Read off covering indexes (actor -> report -> event and date); a frontier with very many reports walks
    the event date index instead (see latest_event_ids)."""
    nodes = sorted(nodes)
    reports = count_reports(conn, nodes) if reports is None else reports
    if reports <= limit:
        return list(dict.fromkeys(conn.execute(took_part(nodes)).scalars())), False
    if reports * reports > limit * row_estimate(conn, events):
        return latest_event_ids(conn, nodes, limit, reports, places=False), True
    dated = (select(event_reports.c.event_id).join(event_actors, event_actors.c.report_id == event_reports.c.id)
             .where(event_actors.c.entity_id.in_(nodes))
             .order_by(event_reports.c.date.is_(None), event_reports.c.date.desc(), event_reports.c.event_id.desc())
             .limit(limit))
    return list(dict.fromkeys(conn.execute(dated).scalars())), True


def latest_reports(conn: Connection, ids: Collection[str],
                   limit: int) -> tuple[dict[str, list[Any]], dict[str, int]]:
    """Event id -> its latest `limit` reports (id, event_id, article_id, evidence; newest article first), and
    event id -> how many reports it has."""
    newest = func.row_number().over(partition_by=event_reports.c.event_id,
                                    order_by=(articles.c.date.desc().nulls_last(), event_reports.c.article_id.desc()))
    reports: dict[str, list[Any]] = defaultdict(list)
    counts: dict[str, int] = {}
    for part in in_chunks(ids):
        ranked = (select(event_reports.c.id, event_reports.c.event_id, event_reports.c.article_id,
                         event_reports.c.evidence, newest.label("n"),
                         func.count().over(partition_by=event_reports.c.event_id).label("total"))
                  .join(articles, articles.c.id == event_reports.c.article_id, isouter=True)
                  .where(event_reports.c.event_id.in_(part)).subquery())
        for report in conn.execute(select(ranked).where(ranked.c.n <= limit).order_by(ranked.c.event_id,
                                                                                      ranked.c.n)):
            reports[report.event_id].append(report)
            counts[report.event_id] = int(report.total)
    return reports, counts
