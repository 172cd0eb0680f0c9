"""Set-based storing: a batch written at once gives what storing its articles one by one gives."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, Engine, func, select, text

from crimegraph.ingest import runner
from crimegraph.model import Article, Extraction
from crimegraph.store.bulk import bulk_insert, refresh_statistics
from crimegraph.store.db import in_chunks
from crimegraph.store.queries import stats
from crimegraph.store.tables import articles, event_reports, events, mentions, names
from crimegraph.store.writer import Written, store_articles
from tests.kb import actor, claim, doc, event, load, person, place


def story(article_id: str, day: str, arrested: int | None = None, town: str | None = "Maracaibo",
          text: str | None = None) -> tuple[Article, Extraction]:
    return doc(article_id, text or f"story {article_id}"), Extraction(article_id, [
        person("Néstor Reverol", "Reverol"), actor("Guardia Nacional Bolivariana"), place("Maracaibo")],
        [event("arrest", day, town, "Guardia Nacional Bolivariana", arrested=arrested)],
        [claim("Néstor Reverol", "holds_position", "Guardia Nacional Bolivariana")])


def counts(engine: Engine) -> dict[str, int]:
    found = stats(engine)
    with engine.connect() as conn:
        found["names"] = conn.execute(select(func.count()).select_from(names)).scalar_one()
    return found


def test_one_batch_equals_one_article_at_a_time(engine: Engine, tmp_path: object) -> None:
    batch = [story("a1", "2021-05-03", 10), story("a2", "2021-05-04", 12), story("a3", "2021-09-01")]
    load(engine, batch)  # type: ignore[arg-type]
    together = counts(engine)
    with engine.connect() as conn:
        joined = {r.article_id: r.event_id for r in conn.execute(select(event_reports))}
        arrested = conn.execute(select(events.c.arrested).where(events.c.id == joined["a1"])).scalar_one()
    assert joined["a1"] == joined["a2"] != joined["a3"]  # a report joins an event started earlier in the batch
    assert arrested == 12 and together["events"] == 2
    assert together["articles"] == 3 and together["claims"] == 3


def test_later_batches_join_and_enrich_stored_events(engine: Engine) -> None:
    load(engine, [story("b1", "2021-05-03", town=None)])  # type: ignore[list-item]
    load(engine, [story("b2", "2021-05-04", 7)])  # type: ignore[list-item]
    with engine.connect() as conn:
        row = conn.execute(select(events)).mappings().one()
    assert (row["date"], row["location"], row["arrested"]) == ("2021-05-03", "Maracaibo", 7)


def test_ids_taken_in_the_batch_or_the_store_get_a_suffix(engine: Engine) -> None:
    load(engine, [story("same", "2020-01-01", text="first text")])  # type: ignore[list-item]
    load(engine, [story("same", "2020-02-01", text="second text"),  # type: ignore[list-item]
                  story("same", "2020-03-01", text="third text")])
    with engine.connect() as conn:
        ids = sorted(conn.execute(select(articles.c.id)).scalars())
        per_article = conn.execute(select(func.count(func.distinct(mentions.c.article_id)))).scalar_one()
    assert len(ids) == 3 and ids[0] == "same" and all(i.startswith("same#") for i in ids[1:])
    assert per_article == 3


def test_new_names_mark_nodes_for_resolution(engine: Engine) -> None:
    with engine.begin() as conn:
        first = store_articles(conn, [story("c1", "2021-01-01")])
        again = store_articles(conn, [story("c2", "2021-01-02")])
        renamed_article, renamed = story("c3", "2021-01-03")
        renamed.entities[0].aliases.append("Néstor Luis Reverol")
        third = store_articles(conn, [(renamed_article, renamed)])
    assert len(first.touched) == 3 and again.touched == set() and len(third.touched) == 1


def test_a_failing_article_is_named_and_the_rest_of_the_batch_is_stored(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    real = runner.store_articles

    def picky(conn: Connection, pairs: list[tuple[Article, Extraction]], now: object = None) -> Written:
        if any(a.id == "bad" for a, _ in pairs):
            conn.execute(text("SELECT * FROM no_such_table"))
        return real(conn, pairs)

    monkeypatch.setattr(runner, "store_articles", picky)
    summary = load(engine, [story("ok", "2021-01-01"), story("bad", "2021-01-02", text="other"),
                            story("fine", "2021-01-03", text="more")])  # type: ignore[list-item]
    assert [f.item for f in summary.failed] == ["bad"] and "cannot store" in summary.failed[0].reason
    assert summary.new == 2 and counts(engine)["articles"] == 2 and counts(engine)["events"] == 1


def test_bulk_insert_and_chunks(engine: Engine) -> None:
    assert [len(c) for c in in_chunks([str(i) for i in range(1203)], 500)] == [500, 500, 203]
    with engine.begin() as conn:
        store_articles(conn, [story("d1", "2021-01-01")])
        node = conn.execute(select(mentions.c.entity_id)).scalars().first()
        assert bulk_insert(conn, names, [{"entity_id": node, "name": f"form {i}"} for i in range(3)]) == 3
        assert bulk_insert(conn, names, []) == 0
        assert conn.execute(select(func.count()).where(names.c.name.like("form %"))).scalar_one() == 3


def test_statistics_are_refreshed_after_a_bulk_load(engine: Engine) -> None:
    load(engine, [story("e1", "2021-01-01")])  # type: ignore[list-item]
    refresh_statistics(engine)
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_stat1").scalar_one() > 0
