"""Two writers on one knowledge base (two `crimegraph ingest` runs at once): no lock errors, no duplicates."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import Engine, func, select, text

from crimegraph.model import Extraction
from crimegraph.store.db import make_engine, open_db
from crimegraph.store.tables import articles
from crimegraph.store.writer import store_articles
from tests.kb import doc, url_of


def test_a_writer_that_read_first_waits_instead_of_failing_on_sqlite(tmp_path: Path) -> None:
    # With a deferred BEGIN, a transaction that read before another process committed could not take the
    # write lock afterwards ("database is locked" at once, whatever the busy timeout).
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    first, second = make_engine(url), make_engine(url)
    with first.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    errors: list[Exception] = []

    def other_writer() -> None:
        try:
            with second.begin() as conn:
                conn.execute(text("INSERT INTO t VALUES (2)"))
        except Exception as error:  # noqa: BLE001 - the failure this test is about
            errors.append(error)

    with first.begin() as conn:
        conn.execute(text("SELECT count(*) FROM t")).scalar_one()
        thread = threading.Thread(target=other_writer)
        thread.start()
        time.sleep(0.3)  # the other writer commits here when it need not wait for the lock
        conn.execute(text("INSERT INTO t VALUES (1)"))
    thread.join(20)
    assert errors == []
    with first.connect() as conn:
        assert sorted(conn.execute(text("SELECT x FROM t")).scalars()) == [1, 2]
    first.dispose()
    second.dispose()


def test_write_transactions_take_turns_and_reads_do_not_wait(engine: Engine) -> None:
    url = url_of(engine)
    other = open_db(url)
    entered = threading.Event()

    def other_writer() -> None:
        with other.begin():
            entered.set()

    with engine.begin() as conn:
        conn.execute(select(func.count()).select_from(articles)).scalar_one()
        thread = threading.Thread(target=other_writer)
        thread.start()
        with other.connect() as reader:  # a read is not held up by the writer
            assert reader.execute(select(func.count()).select_from(articles)).scalar_one() == 0
        assert not entered.wait(0.5)
    assert entered.wait(20)
    thread.join(20)
    other.dispose()


def test_an_article_another_writer_stored_first_is_skipped(engine: Engine) -> None:
    # The ingest checks for known articles before extracting; another run may store one in between.
    article = doc("a-1", "The navy seized a boat in Cartagena.")
    with engine.begin() as conn:
        assert store_articles(conn, [(article, Extraction("a-1"))]).article_ids == ["a-1"]
    late = doc("a-1-again", "The navy seized a boat in Cartagena.", title=article.title)
    with engine.begin() as conn:
        written = store_articles(conn, [(late, Extraction("a-1-again")), (doc("b-2", "Other news."),
                                                                           Extraction("b-2"))])
    assert written.article_ids == ["b-2"] and written.known == ["a-1-again"]
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == 2
