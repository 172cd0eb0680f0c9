"""Bounded dossier and graph answers: short lists, newest first, with totals beside them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import crimegraph.analyse.dossier as dossier
import crimegraph.analyse.facts as facts
import crimegraph.analyse.network as network
from tests.serve.test_api import entity_id


def test_profile_gives_totals_beside_its_lists(client: TestClient) -> None:
    body = client.get(f"/api/entities/{entity_id(client, 'Red Harbor Cartel')}").json()
    about = [f for listed in body["facts"].values() for f in listed]
    assert body["claim_count"] == {"about": sum(f["citation_count"] for f in about), "alleges": 0}
    assert body["event_count"] == len(body["events"]) == 2
    assert all(e["report_count"] == len(e["reports"]) == 1 for e in body["events"])
    assert all(m["evidence_count"] >= len(m["evidence"]) >= 1 for m in body["mentions"])
    assert body["entity"]["articles"] == len(body["mentions"]) == 4


def test_profile_lists_are_cut_to_the_newest(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    cartel = entity_id(client, "Red Harbor Cartel")
    monkeypatch.setattr(dossier, "EVENTS", 1)
    monkeypatch.setattr(dossier, "MENTIONS", 2)
    monkeypatch.setattr(facts, "CITATIONS", 0)
    body = client.get(f"/api/entities/{cartel}").json()
    about = [f for listed in body["facts"].values() for f in listed]
    assert len(about) == 3 and body["claim_count"]["about"] == 3  # facts are complete; their citations cut
    assert all(f["citations"] == [] and f["citation_count"] == 1 for f in about)
    assert [e["type"] for e in body["events"]] == ["attack"] and body["event_count"] == 2
    assert [m["article"]["id"] for m in body["mentions"]] == ["hostile-4", "arrest-3"]
    page = client.get(f"/entities/{cartel}").text
    assert "3 claims in 3 facts (1 asserted, 2 alleged or denied)" in page


def test_graph_says_when_a_level_was_cut(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    cartel = entity_id(client, "Red Harbor Cartel")
    whole = client.get("/api/graph", params={"entity": cartel}).json()
    assert whole["sampled"] is False
    monkeypatch.setattr(network, "CLAIMS_PER_LEVEL", 1)
    monkeypatch.setattr(network, "EVENTS_PER_LEVEL", 1)
    cut = client.get("/api/graph", params={"entity": cartel}).json()
    assert cut["sampled"] is True
    assert {n["id"] for n in cut["nodes"]} < {n["id"] for n in whole["nodes"]}
