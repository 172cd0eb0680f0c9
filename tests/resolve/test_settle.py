"""Settling: the same articles give the same knowledge base whatever the batch size or order."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import Engine, select

from crimegraph.model import Article, Extraction
from crimegraph.resolve import clusters
from crimegraph.resolve.settle import settle
from crimegraph.resolve.settle_events import months, settle_events
from crimegraph.store.db import open_db
from crimegraph.store.queries import stats
from crimegraph.store.tables import POSSIBLE, entities, event_reports, judgements
from tests.kb import actor, doc, event, load, person, place


def articles() -> list[tuple[Article, Extraction]]:
    """Reports where the first-seen name, type and link of a node would differ by arrival order."""
    return [
        (doc("s1", "one"), Extraction("s1", [person("Nicolás Maduro Moros"), person("Maduro"),
                                             actor("Guardia Nacional Bolivariana", "STATE_ACTOR", "GNB")],
                                      [event("arrest", "2021-05-03", "Zulia", "GNB")])),
        (doc("s2", "two"), Extraction("s2", [person("Cilia Adela Flores de Maduro"), person("Maduro"),
                                             actor("GNB", "ORGANIZATION"), place("Zulia")],
                                      [event("arrest", "2021-05-04", "Zulia", "GNB")])),
        (doc("s3", "three"), Extraction("s3", [person("Nicolás Maduro"), actor("GNB", "STATE_ACTOR"),
                                               actor("Guardia Nacional Bolivariana")],
                                        [event("arrest", "2021-05-05", None, "Guardia Nacional Bolivariana")])),
        (doc("s4", "four"), Extraction("s4", [person("Cilia Flores"), person("Flores"), place("Zulia")])),
    ]


def snapshot(engine: Engine) -> tuple[dict[str, int], list[tuple[str, ...]]]:
    """Counts, plus who is merged with whom, every node's name and type, and every report's event."""
    with engine.connect() as conn:
        rows = sorted(tuple(r) for r in conn.execute(
            select(entities.c.id, entities.c.canonical_id, entities.c.name, entities.c.type)))
        rows += sorted(tuple(r) for r in conn.execute(select(event_reports.c.id, event_reports.c.event_id)))
    return stats(engine), rows


def test_batch_size_and_order_do_not_change_the_knowledge_base(tmp_path: Path) -> None:
    pairs = articles()
    found = []
    for number, (size, seed) in enumerate([(1, None), (2, None), (4, None), (1, 1), (1, 2), (3, 3)]):
        engine = open_db(f"sqlite:///{tmp_path}/kb{number}.db")
        ordered = list(pairs)
        if seed is not None:
            random.Random(seed).shuffle(ordered)
        load(engine, ordered, batch_size=size)
        found.append(snapshot(engine))
        engine.dispose()
    assert all(f == found[0] for f in found)


def test_settling_a_settled_base_changes_nothing(engine: Engine) -> None:
    load(engine, articles(), batch_size=1)
    before = snapshot(engine)
    with engine.begin() as conn:
        again = settle(conn)
        moved = settle_events(conn)
    assert (again.merged, again.withdrawn, again.possible, again.moved, moved) == ([], 0, 0, 0, 0)
    assert snapshot(engine) == before


def test_a_merge_that_no_longer_holds_is_withdrawn_as_possible(engine: Engine) -> None:
    load(engine, articles()[:1])
    with engine.begin() as conn:
        ids = dict(conn.execute(select(entities.c.name, entities.c.id)).all())
        clusters.record(conn, ids["Maduro"], ids["Guardia Nacional Bolivariana"], "same", "resolver", 0.8, {})
        clusters.recompute(conn)
        settled = settle(conn)
        verdicts = [r.judgement for r in conn.execute(select(judgements).order_by(judgements.c.id))]
        canonical = conn.execute(select(entities.c.canonical_id).where(entities.c.id == ids["Maduro"])).scalar()
    assert settled.withdrawn == 1 and verdicts[-1] == POSSIBLE
    assert canonical == ids["Maduro"] or canonical == ids["Nicolás Maduro Moros"]


def test_a_persons_merge_survives_settling(engine: Engine) -> None:
    load(engine, articles())
    with engine.begin() as conn:
        ids = dict(conn.execute(select(entities.c.name, entities.c.id)).all())
        clusters.merge(conn, ids["Flores"], ids["Cilia Adela Flores de Maduro"])
        settle(conn)
        found = clusters.members_of(conn, ids["Flores"])
    assert ids["Cilia Adela Flores de Maduro"] in found


def test_month_keys_cover_a_search_range() -> None:
    assert list(months("2020", "2020-02-10")) == ["2020", "2020-01", "2020-02"]
    assert list(months("2019", "2020-01-02")) == ["2019", *[f"2019-{m:02d}" for m in range(1, 13)], "2020",
                                                  "2020-01"]
