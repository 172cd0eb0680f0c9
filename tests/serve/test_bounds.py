"""Bounded dossier and graph answers: short lists, newest first, with totals beside them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import crimegraph.analyse.entities as dossier
import crimegraph.analyse.network as network
from tests.serve.test_api import entity_id


def test_profile_gives_totals_beside_its_lists(client: TestClient) -> None:
    body = client.get(f"/api/entities/{entity_id(client, 'Red Harbor Cartel')}").json()
    about = body["claims"]["asserted"] + body["claims"]["alleged"]
    assert body["claim_count"] == {"about": len(about), "alleges": 0}
    assert body["event_count"] == len(body["events"]) == 2
    assert all(e["report_count"] == len(e["reports"]) == 1 for e in body["events"])
    assert all(m["evidence_count"] >= len(m["evidence"]) >= 1 for m in body["mentions"])
    assert body["entity"]["articles"] == len(body["mentions"]) == 4


def test_profile_lists_are_cut_to_the_newest(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    cartel = entity_id(client, "Red Harbor Cartel")
    monkeypatch.setattr(dossier, "CLAIMS", 1)
    monkeypatch.setattr(dossier, "EVENTS", 1)
    monkeypatch.setattr(dossier, "MENTIONS", 2)
    body = client.get(f"/api/entities/{cartel}").json()
    about = body["claims"]["asserted"] + body["claims"]["alleged"]
    assert len(about) == 1 and body["claim_count"]["about"] == 3
    assert about[0]["citation"]["article"]["id"] == "arrest-3"  # the newest article's claim
    assert [e["type"] for e in body["events"]] == ["attack"] and body["event_count"] == 2
    assert [m["article"]["id"] for m in body["mentions"]] == ["hostile-4", "arrest-3"]
    page = client.get(f"/entities/{cartel}").text
    assert "3 claims (latest 1:" in page


def test_graph_says_when_a_level_was_cut(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    cartel = entity_id(client, "Red Harbor Cartel")
    whole = client.get("/api/graph", params={"entity": cartel}).json()
    assert whole["sampled"] is False
    monkeypatch.setattr(network, "CLAIMS_PER_LEVEL", 1)
    monkeypatch.setattr(network, "EVENTS_PER_LEVEL", 1)
    cut = client.get("/api/graph", params={"entity": cartel}).json()
    assert cut["sampled"] is True
    assert {n["id"] for n in cut["nodes"]} < {n["id"] for n in whole["nodes"]}
