"""Fixtures for the web tests: a temp SQLite knowledge base and the app from the factory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from crimegraph.serve.app import make_app
from crimegraph.settings import Settings
from tests.kb import BACKENDS, fresh_engine, url_of
from tests.serve.kb import fake_extractor, fill

TOKEN = "test-token-123"


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """The test knowledge base on SQLite, and on PostgreSQL when CRIMEGRAPH_TEST_PG_URL is set."""
    fresh = fresh_engine(request.param, tmp_path)
    yield fill(next(fresh))
    next(fresh, None)


@pytest.fixture
def db_url(engine: Engine) -> str:
    return url_of(engine)


@pytest.fixture
def client(engine: Engine, db_url: str) -> Iterator[TestClient]:
    app = make_app(Settings(db=db_url, token=TOKEN), engine, extractor=fake_extractor)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def entity_id(client: TestClient, name: str) -> str:
    """The id of the entity with exactly this name."""
    found = client.get("/api/entities", params={"limit": 500}).json()["data"]
    return next(e["id"] for e in found if e["name"] == name)
