"""Newest-first selections: walking a date index finds exactly what sorting the entity's own rows finds."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, inspect, select

import crimegraph.store.latest as latest
from crimegraph.analyse.refs import entity_refs
from crimegraph.model import Extraction
from crimegraph.resolve import clusters
from crimegraph.store.latest import latest_claim_ids, latest_event_ids, latest_reported, recent_articles
from crimegraph.store.migrations import QUERY_INDEXES, REPLACED_INDEXES
from crimegraph.store.queries import article_count, canonical_of, members
from crimegraph.store.tables import articles, claims, entities, events
from tests.kb import actor, claim, doc, event, load, place

DATES = ["2021-05-01", None, "2023-01-15", "2022-07-30", None, "2023-01-15", "2020-02-02", "2024-11-09",
         "2019-03-03", "2022-01-01"]


def knowledge_base(engine: Engine) -> None:
    """Ten reports: the port authority in all of them, the harbour guild in two; claims and events alike."""
    pairs = []
    for i, day in enumerate(DATES):
        ident = f"port-{i}"
        text = f"The Port Authority inspected the docks of Vela Bay, report number {i}."
        found = [actor("Port Authority"), place("Vela Bay")]
        made = [claim("Port Authority", "opposes", "Smugglers Ring", sentence=text)]
        happened = [event("seizure", day, "Vela Bay", "Port Authority", sentence=text)]
        if i in (3, 8):
            found.append(actor("Harbour Guild", "ORGANIZATION"))
            made.append(claim("Harbour Guild", "supports", "Port Authority", sentence=text))
        article = replace(doc(ident, text), date=day)
        pairs.append((article, Extraction(ident, found, happened, made)))
    load(engine, pairs)


def newest(conn: Connection, ids: set[str], table: Any) -> list[str]:
    """Brute force: ids by date descending (undated last), then id descending."""
    rows = conn.execute(select(table.c.id, table.c.date).where(table.c.id.in_(ids))).all()
    return [r.id for r in sorted(rows, key=lambda r: (r.date is not None, r.date or "", r.id), reverse=True)]


@pytest.mark.parametrize("rows", [1, 10**9])  # a tiny estimate forces the walk, a huge one the sort
def test_recent_articles_walk_and_sort_agree(engine: Engine, monkeypatch: pytest.MonkeyPatch, rows: int) -> None:
    knowledge_base(engine)
    monkeypatch.setattr(latest, "row_estimate", lambda conn, table: rows)
    with engine.connect() as conn:
        port = members(conn, entity_refs_named(conn, "Port Authority"))
        every = newest(conn, {f"port-{i}" for i in range(len(DATES))}, articles)
        assert recent_articles(conn, port, 4) == every[:4]
        assert recent_articles(conn, port, 50) == every
        guild = members(conn, entity_refs_named(conn, "Harbour Guild"))
        assert recent_articles(conn, guild, 5) == ["port-3", "port-8"]


@pytest.mark.parametrize("rows", [1, 10**9])
def test_latest_claims_and_events_walk_and_sort_agree(engine: Engine, monkeypatch: pytest.MonkeyPatch,
                                                      rows: int) -> None:
    knowledge_base(engine)
    monkeypatch.setattr(latest, "row_estimate", lambda conn, table: rows)
    with engine.connect() as conn:
        port = members(conn, entity_refs_named(conn, "Port Authority"))
        found = latest_claim_ids(conn, port, ("subject", "object"), 3, 12)
        article_of = dict(list(conn.execute(select(claims.c.id, claims.c.article_id))))
        assert [article_of[c] for c in found] == newest(conn, set(article_of.values()), articles)[:3]
        event_ids = set(conn.execute(select(events.c.id)).scalars())
        assert latest_event_ids(conn, port, 4, len(event_ids)) == newest(conn, event_ids, events)[:4]
        assert latest_event_ids(conn, port, 4, len(event_ids), places=False) == newest(conn, event_ids, events)[:4]
        reported, cut = latest_reported(conn, port, 4)  # the events of the latest 4 reports (two share one)
        assert cut and reported and set(reported) <= set(newest(conn, event_ids, events)[:4])
        everything, cut = latest_reported(conn, port, 100)
        assert not cut and set(everything) == event_ids


def test_article_count_counts_a_shared_article_once(engine: Engine) -> None:
    text = "Commander Ana Ruiz met Ana Ruiz Soto's staff."
    load(engine, [
        (doc("r1", "Ana Ruiz Soto spoke."), Extraction("r1", [actor("Ana Ruiz Soto", "PERSON")])),
        (doc("r2", text), Extraction("r2", [actor("Ana Ruiz Soto", "PERSON"), actor("Ana Ruiz", "PERSON")])),
        (doc("r3", "Ana Ruiz left."), Extraction("r3", [actor("Ana Ruiz", "PERSON")])),
    ])
    with engine.begin() as conn:  # r2 keeps them apart, so only a person's merge joins them
        ids = dict(conn.execute(select(entities.c.name, entities.c.id)).all())
        clusters.merge(conn, ids["Ana Ruiz"], ids["Ana Ruiz Soto"])
    with engine.connect() as conn:
        canonical = entity_refs_named(conn, "Ana Ruiz Soto")
        nodes = members(conn, canonical)
        assert len(nodes) == 2
        expected = len({a for a in conn.execute(select(articles.c.id)).scalars()})
        assert article_count(conn, nodes) == expected
        assert entity_refs(conn, [canonical])[canonical].articles == expected


def test_query_indexes_replace_the_one_column_ones(engine: Engine) -> None:
    with engine.connect() as conn:
        names = {index["name"] for table in {t for t, _ in QUERY_INDEXES} for index in
                 inspect(conn).get_indexes(table)}
    assert {name for _, name in QUERY_INDEXES} <= names
    assert not names & set(REPLACED_INDEXES)


def entity_refs_named(conn: Connection, name: str) -> str:
    """The canonical id of the entity with this display name."""
    node = conn.execute(select(entities.c.id).where(entities.c.name == name)).scalars().first()
    assert node is not None, name
    return canonical_of(conn, node) or ""
