"""A fresh knowledge base of three hand-made articles for every export test (SQLite; PostgreSQL when set)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from crimegraph.export import Snapshot, load_snapshot
from tests.export.kb import build_kb
from tests.kb import BACKENDS, fresh_engine


@pytest.fixture(params=BACKENDS)
def kb(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    for engine in fresh_engine(request.param, tmp_path):
        yield build_kb(engine)


@pytest.fixture
def snap(kb: Engine) -> Snapshot:
    return load_snapshot(kb, with_mentions=True)
