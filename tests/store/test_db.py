"""The schema, its migrations, and storing facts with their provenance."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select, text

from crimegraph.model import Extraction
from crimegraph.store.db import make_engine
from crimegraph.store.migrations import MIGRATIONS, current_version, migrate
from crimegraph.store.queries import stats
from crimegraph.store.tables import articles, claims, mentions
from tests.kb import actor, claim, doc, load, person, place

SENTENCE = "Prosecutors say the smuggler Ana Ruiz ran cocaine through the port of Callao for the Norte cartel."


def sample() -> list[tuple[object, Extraction]]:
    first = doc("a1", SENTENCE, "2021-02-03")
    extraction = Extraction("a1", [
        person("Ana Ruiz", "Ruiz", sentence=SENTENCE),
        actor("Norte cartel", "ILLEGAL_GROUP", sentence=SENTENCE),
        place("Callao"),
    ], [], [
        claim("Ana Ruiz", "involved_in", "drug_trafficking", "alleged", "prosecutors", SENTENCE),
        claim("Ana Ruiz", "member_of", "Norte cartel", sentence=SENTENCE),
    ])
    return [(first, extraction)]


def test_migrations_are_recorded_once(engine: Engine) -> None:
    assert current_version(engine) == MIGRATIONS[-1].version
    assert migrate(engine) == []
    with engine.connect() as conn:
        names = list(conn.execute(text("SELECT name FROM schema_migrations ORDER BY version")).scalars())
    assert names == [m.name for m in MIGRATIONS]


def test_sqlite_runs_in_wal_mode(tmp_path: object) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/wal.db")
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_facts_keep_their_provenance(engine: Engine) -> None:
    load(engine, sample())  # type: ignore[arg-type]
    with engine.connect() as conn:
        row = conn.execute(select(claims).where(claims.c.predicate == "involved_in")).mappings().one()
        assert row["article_id"] == "a1"
        assert row["status"] == "alleged"
        assert row["source"] == "prosecutors"
        assert row["component"] == "test"
        assert row["evidence"][0]["text"] == SENTENCE
        mention = conn.execute(select(mentions).where(mentions.c.name == "Ana Ruiz")).mappings().one()
        assert mention["aliases"] == ["Ruiz"]
        assert mention["evidence"][0]["start"] == 0


def test_the_same_article_twice_adds_nothing(engine: Engine) -> None:
    first = load(engine, sample())  # type: ignore[arg-type]
    before = stats(engine)
    second = load(engine, sample())  # type: ignore[arg-type]
    assert (first.new, second.new, second.skipped) == (1, 0, 1)
    assert stats(engine) == before
    assert {"articles", "entities", "events", "claims"} <= set(before)
    assert before["articles"] == 1 and before["claims"] == 2


def test_an_id_reused_for_other_text_gets_its_own_row(engine: Engine) -> None:
    load(engine, [(doc("same", "One text about Callao."), Extraction("same"))])
    load(engine, [(doc("same", "Another text about Lima."), Extraction("same"))])
    with engine.connect() as conn:
        ids = sorted(conn.execute(select(articles.c.id)).scalars())
    assert len(ids) == 2 and ids[0] == "same" and ids[1].startswith("same#")


def test_a_crash_mid_run_keeps_committed_batches_and_a_rerun_completes(engine: Engine) -> None:
    from crimegraph.ingest.runner import ingest
    from crimegraph.settings import Settings
    from tests.kb import Canned

    docs = [doc(f"d{i}", f"Report number {i} on the border.") for i in range(10)]

    class Crashing(Canned):
        def __call__(self, batch):  # type: ignore[no-untyped-def]
            if self.calls >= 4:
                raise RuntimeError("killed")
            yield from super().__call__(batch)

    settings = Settings(batch_size=2)
    try:
        ingest(docs, engine, settings, extractor=Crashing({}))
    except RuntimeError:
        pass
    assert stats(engine)["articles"] == 4
    summary = ingest(docs, engine, settings, extractor=Canned({}))
    assert (summary.new, summary.skipped) == (6, 4)
    assert stats(engine)["articles"] == 10


def test_a_batch_is_committed_whole_or_not_at_all(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from crimegraph.ingest import runner

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(runner, "place_reports", broken)
    with pytest.raises(RuntimeError):
        load(engine, sample())  # type: ignore[arg-type]
    assert stats(engine)["articles"] == 0 and stats(engine)["claims"] == 0
