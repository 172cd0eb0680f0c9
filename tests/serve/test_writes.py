"""Writes need the token: uploads to ingest, merge and split judgements. Reads stay open."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from crimegraph.serve.app import make_app
from crimegraph.settings import Settings
from tests.serve.conftest import entity_id

NEW = [{"id": "note-5", "title": "A short note", "text": "Nothing much happened in the harbour today.",
        "date": "2024-05-01", "language": "en"}]


def test_writes_refused_without_token(client: TestClient) -> None:
    assert client.post("/api/articles", json=NEW).status_code == 401
    bad = client.post("/api/articles", json=NEW, headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401
    assert client.post("/api/judgements", json={"action": "split", "left": "x"}).status_code == 401


def test_writes_off_when_no_token_is_set(engine: Engine, db_url: str) -> None:
    with TestClient(make_app(Settings(db=db_url), engine)) as open_client:
        response = open_client.post("/api/articles", json=NEW, headers={"Authorization": "Bearer "})
        assert response.status_code == 403
        assert open_client.get("/api/entities").status_code == 200


def test_post_articles_ingests(client: TestClient, auth: dict[str, str]) -> None:
    response = client.post("/api/articles", json=NEW, headers=auth)
    assert response.status_code == 200
    assert response.json()["new"] == 1
    assert client.get("/api/articles/note-5").json()["title"] == "A short note"
    again = client.post("/api/articles", json=NEW, headers=auth).json()
    assert again["new"] == 0 and again["skipped"] == 1


def test_post_articles_reports_bad_records(client: TestClient, auth: dict[str, str]) -> None:
    body = client.post("/api/articles", json=[{"id": "x"}], headers=auth).json()
    assert body["new"] == 0 and "no 'text' field" in body["failed"][0]["reason"]


def test_upload_a_file(client: TestClient, auth: dict[str, str], tmp_path: Path) -> None:
    page = b"<html><head><title>Harbour report</title></head><body><p>Fishing boats left the harbour.</p></body></html>"
    response = client.post("/api/articles/upload", headers=auth,
                           files={"file": ("../../harbour report.html", page, "text/html")})
    assert response.status_code == 200, response.text
    assert response.json()["new"] == 1
    assert client.get("/api/search", params={"q": "fishing"}).json()["articles"]


def test_merge_then_split(client: TestClient, auth: dict[str, str]) -> None:
    rivera, mendez = entity_id(client, "Tomas Rivera"), entity_id(client, "Lucia Mendez")
    merged = client.post("/api/judgements", headers=auth, json={"action": "merge", "left": rivera, "right": mendez})
    assert merged.status_code == 200, merged.text
    canonical = merged.json()["canonical"]
    body = client.get(f"/api/entities/{rivera}").json()
    assert {m["name"] for m in body["members"]} == {"Tomas Rivera", "Lucia Mendez"}
    assert body["entity"]["id"] == canonical
    assert any(j["decided_by"] == "user" for j in body["judgements"])
    again = client.post("/api/judgements", headers=auth, json={"action": "merge", "left": rivera, "right": mendez})
    assert again.status_code == 409
    split = client.post("/api/judgements", headers=auth, json={"action": "split", "left": mendez})
    assert split.status_code == 200 and split.json()["others"] == [rivera]
    assert {m["name"] for m in client.get(f"/api/entities/{rivera}").json()["members"]} == {"Tomas Rivera"}


def test_merge_needs_both_sides(client: TestClient, auth: dict[str, str]) -> None:
    rivera = entity_id(client, "Tomas Rivera")
    assert client.post("/api/judgements", headers=auth, json={"action": "merge", "left": rivera}).status_code == 422
    unknown = client.post("/api/judgements", headers=auth, json={"action": "merge", "left": "nope", "right": rivera})
    assert unknown.status_code == 409


def test_article_ids_with_slashes_and_hashes_round_trip(client: TestClient, auth: dict[str, str]) -> None:
    odd = [{"id": "feeds/2024#7 ?x", "text": "A quiet day at the border crossing.", "language": "en"}]
    assert client.post("/api/articles", json=odd, headers=auth).json()["new"] == 1
    assert client.get("/api/articles/feeds%2F2024%237%20%3Fx").json()["id"] == "feeds/2024#7 ?x"
    page = client.get("/search", params={"q": "border crossing"}).text
    assert 'href="/articles/feeds%2F2024%237%20%3Fx"' in page
    assert client.get("/articles/feeds%2F2024%237%20%3Fx").status_code == 200


def test_cached_answers_follow_writes(client: TestClient, auth: dict[str, str]) -> None:
    assert client.get("/api/overview").json()["counts"]["articles"] == 4
    names = {n["name"] for n in client.get("/api/graph").json()["nodes"]}
    client.post("/api/articles", json=NEW, headers=auth)
    assert client.get("/api/overview").json()["counts"]["articles"] == 5
    rivera, mendez = entity_id(client, "Tomas Rivera"), entity_id(client, "Lucia Mendez")
    assert [m["name"] for m in client.get(f"/api/entities/{rivera}").json()["members"]] == ["Tomas Rivera"]
    assert "Lucia Mendez" not in client.get(f"/entities/{rivera}").text
    client.post("/api/judgements", headers=auth, json={"action": "merge", "left": rivera, "right": mendez})
    merged = {n["name"] for n in client.get("/api/graph").json()["nodes"]}
    assert merged != names and len(merged & {"Tomas Rivera", "Lucia Mendez"}) == 1
    members = {m["name"] for m in client.get(f"/api/entities/{rivera}").json()["members"]}
    assert members == {"Tomas Rivera", "Lucia Mendez"}
    assert "Lucia Mendez" in client.get(f"/entities/{rivera}").text
