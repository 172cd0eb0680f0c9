"""The HTML pages: each renders from the same queries as its JSON twin; untrusted text is shown as text."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.serve.conftest import entity_id


def test_every_page_renders(client: TestClient) -> None:
    cartel = entity_id(client, "Red Harbor Cartel")
    for url in ("/", "/search?q=cartel", "/entities", f"/entities/{cartel}", "/articles/seizure-1", "/graph",
                f"/graph?entity={cartel}", "/timeline", "/timeline?type=attack", "/map", "/upload", "/docs"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
        assert "<script>" not in response.text, url  # every script is a static file


def test_pages_link_their_json_twin(client: TestClient) -> None:
    assert 'href="/api/timeline?type=attack"' in client.get("/timeline?type=attack").text
    assert 'href="/api/overview"' in client.get("/").text


def test_front_page_shows_counts_and_actors(client: TestClient) -> None:
    page = client.get("/").text
    assert re.search(r'<span class="n">4</span> articles', page)
    assert "Red Harbor Cartel" in page and "Barranquilla" in page


def test_dossier_shows_alleged_apart_with_who_alleges(client: TestClient) -> None:
    page = client.get(f"/entities/{entity_id(client, 'Red Harbor Cartel')}").text
    alleged = page[page.index('id="alleged"'):page.index('id="events"')]
    assert "according to" in alleged and "Attorney General&#39;s Office" in alleged
    assert "status-alleged" in alleged
    asserted = page[page.index('id="asserted"'):page.index('id="alleged"')]
    assert "Tomas Rivera" in asserted and "status-asserted" in asserted
    assert 'href="/articles/seizure-1?span=' in page


def test_article_page_highlights_mentions_and_claims(client: TestClient) -> None:
    page = client.get("/articles/seizure-1").text
    assert re.search(r'<a class="m-entity type-PERSON" href="/entities/\w+"[^>]*>Lucia Mendez</a>', page)
    assert 'class="m-claim claim-alleged"' in page and 'class="m-claim claim-asserted"' in page


def test_cited_span_is_anchored(client: TestClient) -> None:
    page = client.get("/articles/seizure-1?span=0-14").text
    assert page.count('id="cited"') == 1


def test_article_markup_is_shown_as_text(client: TestClient) -> None:
    page = client.get("/articles/hostile-4").text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>Group</b>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Hostile &lt;b&gt;markup&lt;/b&gt;" in page
    assert "Evil &lt;b&gt;Group&lt;/b&gt;" in page


def test_hostile_names_are_escaped_everywhere(client: TestClient) -> None:
    evil = entity_id(client, "Evil <b>Group</b>")
    for url in (f"/entities/{evil}", "/entities", "/search?q=evil", "/search?q=leaflet", "/"):
        page = client.get(url).text
        assert "<b>Group</b>" not in page and "<script>alert" not in page, url
    assert client.get("/api/entities/" + evil).json()["entity"]["name"] == "Evil <b>Group</b>"


def test_search_query_is_escaped(client: TestClient) -> None:
    page = client.get("/search", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in page
    assert "&#34;&gt;&lt;script&gt;" in page


def test_timeline_page_filters(client: TestClient) -> None:
    page = client.get("/timeline?type=attack").text
    assert "1 events of type attack" in page
    assert '<option value="attack" selected>' in page
    assert "Barranquilla" in page and "Cartagena" not in page.split("<tbody>")[1]


def test_missing_pages_are_html_404(client: TestClient) -> None:
    response = client.get("/entities/nope")
    assert response.status_code == 404
    assert "no entity" in response.text and response.headers["content-type"].startswith("text/html")


def test_path_page(client: TestClient) -> None:
    page = client.get("/path", params={"source": "Mario Quintero", "target": "Tomas Rivera"}).text
    assert "1 shortest paths" in page and "Detenido un presunto miembro del cartel" in page
    assert client.get("/path").status_code == 200
