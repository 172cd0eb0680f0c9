"""Fixtures for the web tests: a temp SQLite knowledge base and the app from the factory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from crimegraph.serve.app import make_app
from crimegraph.settings import Settings
from tests.serve.kb import build, fake_extractor

TOKEN = "test-token-123"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kb.db'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = build(db_url)
    yield engine
    engine.dispose()


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
    found = client.get("/api/entities", params={"q": name}).json()["data"]
    return next(e["id"] for e in found if e["name"] == name)
