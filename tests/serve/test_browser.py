"""Browser tests: Playwright drives Debian's headless Chromium against the app served on 127.0.0.1.

Skipped when Playwright, Chromium or the browser libraries (scripts/assets.sh) are missing, except in CI
(CI=true), where a missing piece fails the run. Screenshots go to tests/serve/screenshots/.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from crimegraph.serve.app import make_app
from crimegraph.serve.local import served
from crimegraph.serve.web.templating import VENDOR
from crimegraph.settings import Settings
from tests.serve.kb import build, fake_extractor

SHOTS = Path(__file__).parent / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    if not shutil.which("chromium"):
        return "Debian's chromium is not installed (scripts/system.sh)"
    if not (VENDOR / "cytoscape" / "cytoscape.min.js").is_file():
        return "the browser libraries are not installed (scripts/assets.sh)"
    return None


REASON = missing()
if REASON and os.environ.get("CI", "").lower() == "true":
    raise RuntimeError(f"browser tests cannot run in CI: {REASON}")
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Engine]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'kb.db'}"
    engine = build(url)
    app = make_app(Settings(db=url, token="browser-token"), engine, extractor=fake_extractor)
    with served(app) as base:
        yield base, engine
    engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    opened.problems = problems
    yield opened
    context.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def entity_id(base: str, page: Any, name: str) -> str:
    found = page.request.get(f"{base}/api/entities", params={"q": name}).json()["data"]
    return str(next(e["id"] for e in found if e["name"] == name))


def test_profile_then_follow_a_citation(server: tuple[str, Engine], page: Any) -> None:
    base, _ = server
    page.goto(f"{base}/entities/{entity_id(base, page, 'Red Harbor Cartel')}")
    assert page.locator("h1.entity-name").inner_text() == "Red Harbor Cartel"
    assert page.locator("#alleged li.claim").count() == 2
    shot(page, "profile")
    link = page.locator("#alleged li.claim a.cite").first
    link.click()
    page.wait_for_url("**/articles/**")
    cited = page.locator("#cited")
    assert cited.is_visible()
    passage = "".join(page.locator(".m-cited").all_inner_texts())  # the cited sentence, its entities included
    assert "alleges" in passage or "Según" in passage
    shot(page, "article-cited")
    assert page.problems == []


def test_click_a_node_in_the_graph(server: tuple[str, Engine], page: Any) -> None:
    base, _ = server
    rivera = entity_id(base, page, "Tomas Rivera")
    party = entity_id(base, page, "Civic Renewal Party")
    page.goto(f"{base}/graph?entity={rivera}&depth=2")
    page.wait_for_selector("#graph[data-ready]")
    assert "nodes" in page.locator("#graph-status").inner_text()
    shot(page, "graph")
    x, y = page.evaluate("id => { const p = window.crimegraphGraph.getElementById(id).renderedPosition();"
                         " return [p.x, p.y]; }", party)
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url(f"**/entities/{party}")
    assert page.locator("h1.entity-name").inner_text() == "Civic Renewal Party"
    assert page.problems == []


def test_graph_filters_change_the_network(server: tuple[str, Engine], page: Any) -> None:
    base, _ = server
    page.goto(f"{base}/graph")
    page.wait_for_selector("#graph[data-ready]")
    before = page.evaluate("() => window.crimegraphGraph.nodes().length")
    page.locator("input[name=predicate][value=same_event]").uncheck()
    page.wait_for_function(f"() => document.querySelector('#graph[data-ready]') && "
                           f"window.crimegraphGraph.nodes().length < {before}")
    assert "predicate=" in page.url
    shot(page, "graph-filtered")


def test_filter_the_timeline(server: tuple[str, Engine], page: Any) -> None:
    base, _ = server
    page.goto(f"{base}/timeline")
    assert page.locator("table.events tbody tr").count() == 3
    shot(page, "timeline")
    page.select_option("select[name=type]", "arrest")
    page.wait_for_url("**/timeline?*type=arrest*")
    assert page.locator("#timeline-count").inner_text().startswith("1 events")
    assert page.locator("table.events tbody tr").count() == 1
    assert page.locator("svg.timeline-chart rect").count() == 1
    shot(page, "timeline-arrests")
    assert page.problems == []


def test_map_shows_events(server: tuple[str, Engine], page: Any) -> None:
    base, _ = server
    page.goto(f"{base}/map")
    page.wait_for_selector("#map[data-ready]")
    page.wait_for_selector("path.leaflet-interactive")
    assert page.locator("path.leaflet-interactive").count() == 3
    page.wait_for_function("() => document.querySelectorAll('.leaflet-overlay-pane path').length > 100")
    shot(page, "map")
    assert page.problems == []


def test_hostile_article_text_stays_text(server: tuple[str, Engine], page: Any) -> None:
    base, _ = server
    page.goto(f"{base}/articles/hostile-4")
    body = page.locator("#article-text").inner_text()
    assert "<script>alert('x')</script>" in body and "<img src=x onerror=alert(1)>" in body
    assert page.locator("#article-text script, #article-text img, #article-text b").count() == 0
    assert "<b>markup</b>" in page.locator("h1").inner_text()
    shot(page, "hostile-article")
    assert page.problems == []


def test_front_page_and_api_docs(server: tuple[str, Engine], page: Any) -> None:
    base, _ = server
    page.goto(f"{base}/")
    assert page.locator(".count").count() == 4
    shot(page, "front")
    page.goto(f"{base}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    shot(page, "docs")
    assert page.problems == []


def test_merge_and_split_from_the_dossier(server: tuple[str, Engine], page: Any) -> None:
    base, _ = server
    rivera, mendez = entity_id(base, page, "Tomas Rivera"), entity_id(base, page, "Lucia Mendez")
    page.goto(f"{base}/entities/{rivera}")
    page.locator("details.judge summary").click()
    page.fill("#judge-form input[name=token]", "wrong")
    page.fill("#judge-form input[name=other]", mendez)
    page.click("#judge-form button[value=merge]")
    page.wait_for_function("() => document.getElementById('judge-result').textContent.includes('Not recorded')")
    page.fill("#judge-form input[name=token]", "browser-token")
    page.click("#judge-form button[value=merge]")
    page.wait_for_function("() => document.querySelectorAll('ul.members li').length === 2")
    shot(page, "merged")
    page.locator("details.judge summary").click()
    page.fill("#judge-form input[name=token]", "browser-token")
    page.select_option("#judge-form select[name=node]", mendez)
    page.click("#judge-form button[value=split]")
    page.wait_for_function("() => document.querySelectorAll('ul.members li').length === 1")
    assert page.problems == ["Failed to load resource: the server responded with a status of 401 (Unauthorized)"]
