"""The JSON API, in process: lists with data and count, the dossier, filters, graph, timeline, map."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.serve.conftest import entity_id


def test_entities_list_has_data_and_count(client: TestClient) -> None:
    body = client.get("/api/entities").json()
    assert body["count"] == 12
    assert body["data"][0]["name"] == "Red Harbor Cartel"
    assert body["data"][0]["articles"] == 4


def test_entities_filtered_by_name_and_type(client: TestClient) -> None:
    body = client.get("/api/entities", params={"q": "rivera"}).json()
    assert [e["name"] for e in body["data"]] == ["Tomas Rivera"]
    assert body["count"] == 1
    people = client.get("/api/entities", params={"type": "PERSON"}).json()
    assert {e["name"] for e in people["data"]} == {"Lucia Mendez", "Tomas Rivera", "Mario Quintero"}


def test_entities_are_paged(client: TestClient) -> None:
    body = client.get("/api/entities", params={"limit": 5, "offset": 10}).json()
    assert body["count"] == 12 and len(body["data"]) == 2 and body["offset"] == 10


def test_profile_separates_asserted_and_alleged_with_who_alleges(client: TestClient) -> None:
    cartel = entity_id(client, "Red Harbor Cartel")
    body = client.get(f"/api/entities/{cartel}").json()
    assert body["entity"]["name"] == "Red Harbor Cartel"
    assert {"name": "Cartel del Puerto Rojo", "count": 1} in body["names"]
    found = [f for listed in body["facts"].values() for f in listed]
    alleged = [f for f in found if f["status"] == "alleged"]
    assert {(f["predicate"], *f["alleged_by"]) for f in alleged} == {
        ("involved_in", "Attorney General's Office"), ("member_of", "Policía Nacional de Colombia")}
    assert [f["value"] for f in body["facts"]["members"]] == ["Mario Quintero"]  # a claim with it as object
    asserted = [f for f in found if f["status"] == "asserted"]
    assert [(f["other"]["name"], f["predicate"]) for f in asserted] == [("Tomas Rivera", "opposes")]
    assert body["facts"]["opposed_by"] == asserted
    assert all(f["citation_count"] == len(f["citations"]) == 1 for f in found)
    citation = body["facts"]["activities"][0]["citations"][0]
    assert citation["article"]["id"] == "seizure-1"
    assert citation["evidence"][0]["text"]
    assert {e["type"] for e in body["events"]} == {"seizure", "attack"}
    assert len(body["mentions"]) == 4
    assert {t["name"] for t in body["ties"]} >= {"Tomas Rivera", "Mario Quintero"}
    assert all(t["citations"] and t["citations"][0]["evidence"] for t in body["ties"])


def test_profile_lists_what_an_entity_alleges(client: TestClient) -> None:
    office = entity_id(client, "Attorney General's Office")
    body = client.get(f"/api/entities/{office}").json()
    assert [c["subject"]["name"] for c in body["alleges"]] == ["Red Harbor Cartel"]


def test_unknown_entity_is_404(client: TestClient) -> None:
    response = client.get("/api/entities/nope")
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]


def test_events_filters(client: TestClient) -> None:
    assert client.get("/api/events").json()["count"] == 3
    assert [e["type"] for e in client.get("/api/events", params={"type": "attack"}).json()["data"]] == ["attack"]
    march = client.get("/api/events", params={"date_from": "2024-03", "date_to": "2024-03"}).json()
    assert {e["date"] for e in march["data"]} == {"2024-03-05", "2024-03-20"}
    at = client.get("/api/events", params={"place": "cartagena"}).json()
    assert [e["type"] for e in at["data"]] == ["seizure"]
    quintero = entity_id(client, "Mario Quintero")
    by = client.get("/api/events", params={"actor": quintero}).json()
    assert [e["type"] for e in by["data"]] == ["arrest"]
    by_name = client.get("/api/events", params={"actor": "Red Harbor Cartel"}).json()
    assert by_name["count"] == 2


def test_event_has_actors_place_and_reports(client: TestClient) -> None:
    attack = client.get("/api/events", params={"type": "attack"}).json()["data"][0]
    assert attack["fatalities"] == 2
    assert attack["place"]["name"] == "Barranquilla"
    assert [a["name"] for a in attack["actors"]] == ["Red Harbor Cartel"]
    assert attack["reports"][0]["article"]["id"] == "attack-2"


def test_claims_filters(client: TestClient) -> None:
    assert client.get("/api/claims").json()["count"] == 5
    alleged = client.get("/api/claims", params={"status": "alleged"}).json()
    assert alleged["count"] == 2
    members = client.get("/api/claims", params={"predicate": "member_of"}).json()
    assert {c["subject"]["name"] for c in members["data"]} == {"Tomas Rivera", "Mario Quintero"}
    rivera = client.get("/api/claims", params={"entity": entity_id(client, "Tomas Rivera")}).json()
    assert rivera["count"] == 2


def test_article_has_segments_mentions_claims(client: TestClient) -> None:
    body = client.get("/api/articles/seizure-1").json()
    assert body["title"] == "Navy seizes cocaine in Cartagena"
    assert "".join(s["text"] for s in body["segments"]) == body["text"]
    marked = {s["text"] for s in body["segments"] if s["entity"]}
    assert {"Colombian Navy", "Cartagena", "Red Harbor Cartel", "Lucia Mendez"} <= marked
    statuses = {s["claim"] for s in body["segments"] if s["claim"]}
    assert statuses == {"alleged", "asserted"}
    assert [e["type"] for e in body["events"]] == ["seizure"]


def test_article_marks_a_cited_span(client: TestClient) -> None:
    start = client.get("/api/articles/seizure-1").json()["text"].index("The Attorney")
    body = client.get("/api/articles/seizure-1", params={"span": f"{start}-{start + 20}"}).json()
    cited = [s for s in body["segments"] if s["cited"]]
    assert "".join(s["text"] for s in cited) == body["text"][start:start + 20]


def test_unknown_article_is_404(client: TestClient) -> None:
    assert client.get("/api/articles/missing").status_code == 404


def test_search_finds_entities_and_articles_accent_insensitive(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "bogota"}).json()
    assert [e["name"] for e in body["entities"]] == ["Bogotá"]
    assert [a["id"] for a in body["articles"]] == ["arrest-3"]
    assert body["count"] == 2
    assert client.get("/api/search", params={"q": ""}).json()["count"] == 0


def test_graph_around_an_entity_has_typed_edges(client: TestClient) -> None:
    rivera = entity_id(client, "Tomas Rivera")
    body = client.get("/api/graph", params={"entity": rivera}).json()
    names = {n["name"] for n in body["nodes"]}
    assert names == {"Tomas Rivera", "Civic Renewal Party", "Red Harbor Cartel"}
    assert {(e["predicate"], e["status"]) for e in body["edges"]} == {("member_of", "asserted"),
                                                                       ("opposes", "asserted")}
    seed = next(n for n in body["nodes"] if n["seed"])
    assert seed["id"] == rivera


def test_graph_depth_and_filters(client: TestClient) -> None:
    rivera = entity_id(client, "Tomas Rivera")
    deeper = client.get("/api/graph", params={"entity": rivera, "depth": 2}).json()
    assert {"Mario Quintero", "drug trafficking"} <= {n["name"] for n in deeper["nodes"]}
    alleged = client.get("/api/graph", params={"entity": rivera, "depth": 2, "status": "alleged",
                                                "predicate": ["member_of", "involved_in"]}).json()
    assert all(e["status"] == "alleged" for e in alleged["edges"])
    people = client.get("/api/graph", params={"entity": rivera, "depth": 2, "type": "PERSON"}).json()
    assert {n["type"] for n in people["nodes"]} == {"PERSON"}


def test_graph_overview_without_entity(client: TestClient) -> None:
    body = client.get("/api/graph").json()
    assert body["entity"] is None
    assert body["nodes"][0]["name"] == "Red Harbor Cartel"
    assert any(e["predicate"] == "same_event" for e in body["edges"])
    assert client.get("/api/graph", params={"entity": "nope"}).json()["nodes"] == []


def test_timeline_series_and_filter(client: TestClient) -> None:
    body = client.get("/api/timeline").json()
    assert [(p["period"], p["total"]) for p in body["series"]] == [("2024-02", 1), ("2024-03", 2)]
    assert body["types"] == ["arrest", "attack", "seizure"]
    arrests = client.get("/api/timeline", params={"type": "arrest", "bucket": "day"}).json()
    assert arrests["series"] == [{"period": "2024-03-20", "counts": {"arrest": 1}, "total": 1}]
    assert arrests["count"] == 1


def test_map_points_are_geocoded(client: TestClient) -> None:
    body = client.get("/api/map").json()
    places = {p["location"]: p for p in body["data"]}
    assert set(places) == {"Cartagena", "Barranquilla", "Bogotá"}
    bogota = places["Bogotá"]
    assert abs(bogota["lat"] - 4.6) < 0.5 and abs(bogota["lon"] + 74.1) < 0.5
    assert bogota["precision"] == "city" and bogota["types"] == {"arrest": 1}


def test_overview_counts_latest_and_connected(client: TestClient) -> None:
    body = client.get("/api/overview").json()
    assert body["counts"]["articles"] == 4
    assert body["latest_events"][0]["date"] == "2024-03-20"
    assert body["most_connected"][0]["name"] == "Red Harbor Cartel"


def test_security_headers_on_every_response(client: TestClient) -> None:
    for url in ("/", "/api/entities", "/static/js/graph.js", "/missing"):
        headers = client.get(url).headers
        policy = headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/entities", "/api/entities/{entity_id}", "/api/events", "/api/claims",
                 "/api/articles/{article_id}", "/api/search", "/api/graph", "/api/timeline", "/api/map"):
        assert path in paths


def test_path_between_two_entities(client: TestClient) -> None:
    body = client.get("/api/path", params={"source": "Mario Quintero", "target": "Tomas Rivera"}).json()
    [path] = body["paths"]
    assert [step["target"]["name"] for step in path] == ["Red Harbor Cartel", "Tomas Rivera"]
    assert path[0]["citations"][0]["article_id"] == "arrest-3"
    missing = client.get("/api/path", params={"source": "Nobody Known", "target": "Tomas Rivera"})
    assert missing.status_code == 404
