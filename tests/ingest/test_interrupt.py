"""SIGKILL in the middle of an ingest loses nothing committed, and a rerun completes it without duplicates."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import Engine, func, select

from crimegraph.store.tables import articles, claims, event_reports, mentions
from tests.kb import url_of

TOTAL = 120
SCRIPT = f"""
import sys, time
from crimegraph.ingest.runner import ingest
from crimegraph.model import Article, Claim, Entity, Event, Evidence, Extraction
from crimegraph.settings import Settings
from crimegraph.store.db import open_db

def extractor(batch):
    for article in batch:
        time.sleep(float(sys.argv[2]))
        found = [Evidence(0, 5, "River")]
        yield Extraction(article.id, [Entity("River Port", "LOCATION", [], found)],
                         [Event("seizure", "2020-01-01", "River Port", [], evidence=found)],
                         [Claim("River Port", "involved_in", "contraband", evidence=found)])

docs = [Article(f"d{{i}}", f"Dispatch {{i}} from the river port.", language="en") for i in range({TOTAL})]
summary = ingest(docs, open_db(sys.argv[1]), Settings(batch_size=5), extractor=extractor)
print(summary.new, summary.skipped)
"""


def count(engine: Engine, column: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count(column))).scalar() or 0)  # type: ignore[arg-type]


def test_sigkill_then_rerun(engine: Engine) -> None:
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    process = subprocess.Popen([sys.executable, "-c", SCRIPT, url_of(engine), "0.02"], env=env)
    deadline = time.monotonic() + 60
    while count(engine, articles.c.id) < 30 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    kept = count(engine, articles.c.id)
    assert 30 <= kept < TOTAL and kept % 5 == 0
    assert count(engine, event_reports.c.id) == count(engine, claims.c.id) == kept
    rerun = subprocess.run([sys.executable, "-c", SCRIPT, url_of(engine), "0"], env=env, capture_output=True,
                           text=True, check=True)
    assert rerun.stdout.split() == [str(TOTAL - kept), str(kept)]
    assert count(engine, articles.c.id) == count(engine, articles.c.content_hash) == TOTAL
    assert count(engine, mentions.c.id) == count(engine, event_reports.c.id) == count(engine, claims.c.id) == TOTAL
