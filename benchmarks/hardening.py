"""Security and fault figures (issue 15): API fuzzing, XSS in a browser, write tokens, SIGKILL, concurrent ingests.

    .venv/bin/python benchmarks/hardening.py [all|api|xss|auth|kill|concurrent] [--examples 25] [--n 60]
                                             [--trials 20] [--pg-trials 5] [--seed 15] [--no-pg]

api         schemathesis over the app's OpenAPI (a knowledge base of the bundled examples): operations, cases,
            5xx responses, schema mismatches (response body, status code, content type)
xss         a knowledge base whose titles, texts, URLs and entity names carry XSS payloads, every page type
            opened in headless Chromium: pages, dialogs, console errors, javascript: links, pages without CSP
auth        every non-GET route with no token, a wrong one, a malformed header and the right one
kill        `crimegraph ingest` killed with SIGKILL at random moments (--trials on SQLite, --pg-trials on
            PostgreSQL): integrity, committed articles lost, reruns completed, stats unlike an unbroken run
concurrent  two `crimegraph ingest` processes on one knowledge base (disjoint and overlapping sets): failures,
            "database is locked", duplicate articles or entities, stats unlike one sequential run

Articles for kill/concurrent: the first --n short articles of ../shared/corpus/articles.jsonl, or, without
../shared, the bundled examples repeated under new ids and titles. PostgreSQL comes from scripts/pg.sh
(skipped when no server is installed, or with --no-pg).
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url

from crimegraph.model import Article, Claim, Entity, Event, Evidence, Extraction
from crimegraph.serve.local import served
from crimegraph.settings import Settings
from crimegraph.store.db import open_db
from crimegraph.store.tables import articles as articles_table
from crimegraph.store.tables import entities as entities_table
from crimegraph.store.tables import metadata

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from determinism import CG, cli_stats  # noqa: E402

SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles.jsonl"
TOKEN = "hardening-token-0123456789"


# ---------------------------------------------------------------------------------------------- articles


def read_articles(path: Path) -> list[Article]:
    found = []
    for line in path.open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            found.append(Article(r["id"], r["text"], r.get("title"), r.get("date"), r.get("language"),
                                 r.get("source"), r.get("url")))
    return found


def sample(n: int) -> list[Article]:
    """n distinct short corpus articles, or the bundled examples repeated under new ids and titles."""
    corpus = SHARED / "corpus" / "articles.jsonl"
    found: list[Article] = []
    hashes: set[str] = set()
    if corpus.is_file():
        for article in read_articles(corpus):
            if not 300 <= len(article.text) <= 2500 or article.content_hash in hashes:
                continue
            hashes.add(article.content_hash)
            found.append(article)
            if len(found) == n:
                return found
    examples = read_articles(EXAMPLES)
    found = []
    for index in range(n):
        base = examples[index % len(examples)]
        copy = index // len(examples)
        found.append(base if not copy else Article(f"{base.id}-copy{copy}", base.text,
                                                   f"{base.title} (copy {copy})", base.date, base.language))
    return found


def write_jsonl(items: list[Article], path: Path) -> Path:
    path.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in items), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------- databases


@contextmanager
def postgres(folder: Path, wanted: bool) -> Iterator[str | None]:
    """A throwaway PostgreSQL server's URL (scripts/pg.sh), or None when there is none."""
    if not wanted:
        yield None
        return
    import shutil

    base = Path(tempfile.mkdtemp(prefix="hardening-pg-"))
    base.chmod(0o755)  # the server runs as the postgres user when we are root (scripts/pg.sh)
    data = base / "pg"
    started = subprocess.run(["bash", str(ROOT / "scripts" / "pg.sh"), "start", str(data)], capture_output=True,
                             text=True)
    if started.returncode:
        log = data / "initdb.log"
        print(f"  (no PostgreSQL: {started.stderr.strip() or (log.read_text()[-300:] if log.exists() else '')})")
        shutil.rmtree(base, ignore_errors=True)
        yield None
        return
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(ROOT / "scripts" / "pg.sh"), "stop", str(data)], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def new_database(server: str | None, folder: Path, name: str) -> str:
    """The URL of a new, empty database: a SQLite file in folder, or a database on the PostgreSQL server."""
    if server is None:
        return f"sqlite:///{folder / name}.db"
    database = f"hard_{name.replace('-', '_')}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    admin.dispose()
    return make_url(server).set(database=database).render_as_string(hide_password=False)


def committed_ids(url: str) -> set[str]:
    """Ids of the articles committed so far, read without creating or migrating anything."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        if not path.exists():
            return set()
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as conn:
                return {row[0] for row in conn.execute("SELECT id FROM articles")}
        except sqlite3.OperationalError:  # the schema is not there yet
            return set()
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return set(conn.execute(text("SELECT id FROM articles")).scalars())
    except Exception:  # noqa: BLE001 - the schema is not there yet
        return set()
    finally:
        engine.dispose()


def consistency_problems(url: str) -> int:
    """Integrity errors (SQLite's integrity_check) plus rows whose foreign key points at nothing."""
    problems = 0
    if make_url(url).get_backend_name() == "sqlite":
        with sqlite3.connect(make_url(url).database or "", timeout=30) as conn:
            check = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            problems += 0 if check == ["ok"] else len(check)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            for table in metadata.sorted_tables:
                for key in table.foreign_keys:
                    target = key.column
                    orphan = select(func.count()).select_from(table).where(
                        key.parent.is_not(None), ~key.parent.in_(select(target)))
                    try:
                        problems += int(conn.execute(orphan).scalar_one())
                    except Exception:  # noqa: BLE001 - a table not created (the run died before migrating)
                        conn.rollback()
                        break
    finally:
        engine.dispose()
    return problems


def ingest_command(source: Path, url: str, batch_size: int = 8) -> list[str]:
    return [CG, "ingest", str(source), "--db", url, "--batch-size", str(batch_size)]


# ---------------------------------------------------------------------------------------------- 1. api


def example_kb(folder: Path, count: int) -> tuple[str, Engine]:
    """A knowledge base of the first `count` bundled example articles (real extraction)."""
    from crimegraph.ingest.runner import ingest

    url = f"sqlite:///{folder / 'examples.db'}"
    engine = open_db(url)
    ingest(read_articles(EXAMPLES)[:count], engine, Settings(db=url))
    return url, engine


def check_api(folder: Path, examples_per_operation: int, count: int) -> dict[str, int]:
    """schemathesis against the OpenAPI of the app over the examples knowledge base."""
    import schemathesis
    from hypothesis import HealthCheck, Phase, given
    from hypothesis import settings as hsettings
    from hypothesis.errors import Unsatisfiable
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    from crimegraph.serve.app import make_app

    url, engine = example_kb(folder, count)
    app = make_app(Settings(db=url, token=TOKEN), engine)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    figures = {"operations": 0, "cases": 0, "5xx": 0, "schema mismatches": 0, "operations without negative cases": 0}
    seen: dict[str, str] = {}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    checks = [response_schema_conformance, status_code_conformance, content_type_conformance]
    for result in schema.get_all_operations():
        operation = result.ok()
        figures["operations"] += 1
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):

            def make(label: str, kind: str) -> Callable[[Any], None]:
                def run(case: Any) -> None:
                    figures["cases"] += 1
                    try:
                        response = case.call(headers=auth)
                    except Exception as error:  # noqa: BLE001 - the app raised: a 500 for a real client
                        figures["5xx"] += 1
                        seen.setdefault(f"5xx {label} ({kind})", f"{error!r} {case.as_curl_command()}")
                        return
                    if response.status_code >= 500:
                        figures["5xx"] += 1
                        seen.setdefault(f"5xx {label} ({kind})", f"{response.status_code} {case.as_curl_command()}")
                        return
                    try:
                        case.validate_response(response, checks=checks)
                    except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - a failed check: count it
                        figures["schema mismatches"] += 1
                        first = str(error).strip().splitlines()
                        seen.setdefault(f"mismatch {label} ({kind})",
                                        f"{response.status_code} {first[:8]} {case.as_curl_command()}")
                return run

            case_test = make(operation.label, mode.value)
            test = hsettings(max_examples=examples_per_operation, deadline=None, database=None,
                             phases=[Phase.explicit, Phase.generate],
                             suppress_health_check=list(HealthCheck))(given(operation.as_strategy(mode))(case_test))
            try:
                test()
            except Unsatisfiable:  # nothing to negate (an operation without parameters or body)
                figures["operations without negative cases"] += 1
            except Exception as error:  # noqa: BLE001 - a strategy that cannot generate: say so, go on
                seen.setdefault(f"error {operation.label} ({mode.value})", repr(error)[:300])
    for key, example in seen.items():
        print(f"  {key}: {example[:600]}")
    engine.dispose()
    return figures


# ---------------------------------------------------------------------------------------------- 2. xss

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "'><svg onload=alert(3)>",
    "</script><script>alert(4)</script>",
    "javascript:alert(5)",
    '<iframe src="javascript:alert(6)"></iframe>',
    "<b onmouseover=alert(7)>{{7*7}}</b>",
    "\u2028\u2029</SCRIPT><SCRIPT>alert(8)</SCRIPT>",
    '<a href="javascript:alert(9)">click</a>',
    "'-alert(10)-'",
    '";alert(11);//',
    "<details open ontoggle=alert(12)>",
    '<math><mi xlink:href="data:x,<script>alert(13)</script>">m</mi></math>',
    "${alert(14)}<style>*{background:url(javascript:alert(15))}</style>",
    '<object data="data:text/html,<script>alert(16)</script>"></object>',
]


def hostile_articles() -> tuple[list[Article], dict[str, Extraction]]:
    """Articles carrying the payloads in every field, and extractions naming payload entities."""
    found: list[Article] = []
    extractions: dict[str, Extraction] = {}
    for index, payload in enumerate(PAYLOADS):
        group = f"Cartel {payload}"
        person = f"Boss {payload} Smith"
        place = ("Bogotá", "Caracas", "Medellín")[index % 3] if index % 2 else f"Town {payload}"
        day = (date(2023, 1, 1) + timedelta(days=10 * index)).isoformat()  # events too far apart to merge
        sentences = [f"Police say {group} trafficked cocaine from {place}.",
                     f"{person} leads {group}, according to prosecutors.",
                     f"Soldiers arrested {person} in {place} on Monday {payload}."]
        body = " ".join(sentences)

        def spans(sentence: str, body: str = body) -> list[Evidence]:
            start = body.index(sentence)
            return [Evidence(start, start + len(sentence), sentence)]

        article = Article(f"xss-{index}/{payload}"[:300], body, f"Report {payload}", day,
                          "en", f"source {payload}", payload if payload.startswith("javascript:")
                          else f"javascript:alert({100 + index})")
        found.append(article)
        extractions[article.id] = Extraction(article.id, entities=[
            Entity(group, "ILLEGAL_GROUP", [f"G{index} {payload}"], spans(sentences[0]), 0.9, "hardening"),
            Entity(place, "LOCATION", [], spans(sentences[0]), 0.9, "hardening"),
            Entity(person, "PERSON", [], spans(sentences[1]), 0.9, "hardening"),
        ], events=[
            Event("arrest", day, place, [person], None, 1, spans(sentences[2]),
                  0.8, "hardening"),
        ], claims=[
            Claim(group, "involved_in", "drug_trafficking", "alleged", "Police", spans(sentences[0]), 0.8,
                  "hardening"),
            Claim(person, "member_of", group, "alleged", f"prosecutors {payload}", spans(sentences[1]), 0.8,
                  "hardening"),
        ], language="en")
    return found, extractions


def hostile_kb(folder: Path) -> tuple[str, Engine]:
    from crimegraph.ingest.runner import ingest

    items, table = hostile_articles()
    url = f"sqlite:///{folder / 'hostile.db'}"
    engine = open_db(url)

    def extractor(batch: Iterable[Article]) -> Iterator[Extraction]:
        return (table.get(a.id, Extraction(a.id)) for a in batch)

    ingest(items, engine, Settings(db=url), extractor=extractor)
    return url, engine


def page_urls(base: str, engine: Engine) -> list[tuple[str, str]]:
    """(kind, url) of every page type over the hostile knowledge base."""
    from urllib.parse import quote, urlencode

    with engine.connect() as conn:
        ids = list(conn.execute(select(articles_table.c.id).order_by(articles_table.c.id)).scalars())
        canonical = entities_table.c.id == entities_table.c.canonical_id
        nodes = list(conn.execute(select(entities_table.c.id).where(canonical).order_by(entities_table.c.id)).scalars())
    urls = [("home", "/"), ("entities", "/entities"), ("timeline", "/timeline"), ("graph", "/graph"),
            ("map", "/map"), ("upload", "/upload"), ("docs", "/docs")]
    urls += [("article", f"/articles/{quote(i, safe='')}") for i in ids]
    urls += [("article-span", f"/articles/{quote(i, safe='')}?span=0-40#cited") for i in ids[:3]]
    urls += [("entity", f"/entities/{quote(n, safe='')}") for n in nodes]
    urls += [("graph-entity", f"/graph?{urlencode({'entity': n, 'depth': 2})}") for n in nodes[:4]]
    if len(nodes) > 1:
        urls.append(("path", f"/path?{urlencode({'source': nodes[0], 'target': nodes[1]})}"))
    for payload in PAYLOADS:
        query = urlencode({"q": payload})
        urls += [("search", f"/search?{query}"), ("entities-q", f"/entities?{query}"),
                 ("timeline-q", f"/timeline?{urlencode({'place': payload, 'type': payload})}"),
                 ("map-q", f"/map?{urlencode({'place': payload})}"),
                 ("path-q", f"/path?{urlencode({'source': payload, 'target': payload})}"),
                 ("not-found", f"/entities/{quote(payload, safe='')}")]
    return [(kind, base + url) for kind, url in urls]


def check_xss(folder: Path) -> dict[str, int]:
    """Every page type over the hostile knowledge base in headless Chromium."""
    import shutil

    from crimegraph.serve.app import make_app

    chromium = shutil.which("chromium")
    if not chromium:
        print("  Chromium is not installed (scripts/system.sh): xss check skipped")
        return {}
    from urllib.parse import unquote

    from playwright.sync_api import sync_playwright

    url, engine = hostile_kb(folder)
    app = make_app(Settings(db=url, token=TOKEN), engine, extractor=lambda batch: (Extraction(a.id) for a in batch))
    figures = {"pages": 0, "page types": 0, "dialogs": 0, "console errors": 0, "javascript: links": 0,
               "pages without CSP": 0, "map popups opened": 0}
    problems: list[str] = []
    with served(app) as base, sync_playwright() as playwright:
        urls = page_urls(base, engine)
        figures["page types"] = len({kind for kind, _ in urls})
        browser = playwright.chromium.launch(executable_path=chromium, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        where = {"url": "", "kind": ""}

        def dialog(d: Any) -> None:
            figures["dialogs"] += 1
            problems.append(f"dialog {d.message!r} on {where['url']}")
            d.dismiss()

        def console(message: Any) -> None:
            source = unquote(message.location.get("url", ""))
            # the document itself (Chromium reports its URL with a trailing %2F%2F cut off)
            expected = where["kind"] == "not-found" and bool(source) and unquote(where["url"]).startswith(source)
            if message.type == "error" and not expected:  # not the 404 status of a not-found page itself
                figures["console errors"] += 1
                problems.append(f"console {message.text[:200]!r} on {where['url']}")

        def page_error(error: Any) -> None:
            figures["console errors"] += 1
            problems.append(f"page error {str(error)[:200]!r} on {where['url']}")

        page.on("dialog", dialog)
        page.on("console", console)
        page.on("pageerror", page_error)
        for kind, address in urls:
            where["url"], where["kind"] = address, kind
            response = page.goto(address, wait_until="networkidle")
            figures["pages"] += 1
            if response is None or "content-security-policy" not in response.headers:
                figures["pages without CSP"] += 1
                problems.append(f"no CSP on {address}")
            if kind.startswith("graph"):
                page.wait_for_selector("#graph[data-ready]", timeout=10000)
            if kind == "map":
                page.wait_for_selector("#map[data-ready]", timeout=10000)
                for marker in page.locator("path.leaflet-interactive").all():
                    marker.click(force=True)
                    figures["map popups opened"] += 1
                    page.wait_for_timeout(100)
            links = page.eval_on_selector_all(
                "a[href], iframe[src], object[data]",
                "els => els.filter(e => /^\\s*javascript:/i.test(e.getAttribute('href') || "
                "e.getAttribute('src') || e.getAttribute('data') || '')).length")
            figures["javascript: links"] += int(links)
            if links:
                problems.append(f"{links} javascript: link(s) on {address}")
            page.mouse.move(300, 300)
        browser.close()
    for problem in problems[:20]:
        print(f"  {problem}")
    engine.dispose()
    return figures


# ---------------------------------------------------------------------------------------------- 3. auth


def non_get_routes(app: Any) -> list[tuple[str, str]]:
    """(method, path) of every route that is not a read, however FastAPI nests included routers."""
    found: set[tuple[str, str]] = set()

    def walk(routes: Iterable[Any]) -> None:
        for route in routes:
            contexts = route.effective_route_contexts() if hasattr(route, "effective_route_contexts") else [route]
            for context in contexts:
                original = getattr(context, "original_route", context)
                for method in getattr(original, "methods", None) or ():
                    if method not in ("GET", "HEAD", "OPTIONS"):
                        found.add((method, str(getattr(context, "path", original.path))))
                if hasattr(original, "routes") and not hasattr(original, "methods"):
                    walk(original.routes)

    walk(app.routes)
    return sorted(found)


def write_request(method: str, path: str, entity_ids: list[str]) -> dict[str, Any]:
    """A well-formed request for a write route (an unknown route gets an empty JSON body)."""
    if path == "/api/articles":
        return {"json": [{"text": "A harmless test article about nothing.", "title": "auth check"}]}
    if path == "/api/articles/upload":
        line = json.dumps({"text": "An uploaded test article.", "title": "auth upload"}) + "\n"
        return {"files": {"file": ("auth.jsonl", line.encode(), "application/x-ndjson")}}
    if path == "/api/judgements":
        return {"json": {"action": "merge", "left": entity_ids[0], "right": entity_ids[1]}}
    return {"json": {}}


def check_auth(folder: Path) -> dict[str, int]:
    """Every non-GET route refused without the right token, accepted with it; writes off without a token."""
    from fastapi.testclient import TestClient

    from crimegraph.serve.app import make_app

    url, engine = hostile_kb(folder)

    def extractor(batch: Iterable[Article]) -> Iterator[Extraction]:
        return (Extraction(a.id) for a in batch)

    with engine.connect() as conn:
        entity_ids = list(conn.execute(select(entities_table.c.id).where(entities_table.c.type == "PERSON")
                                       .order_by(entities_table.c.id)).scalars())
    figures = {"write routes": 0, "refused, no token": 0, "refused, wrong token": 0,
               "refused, malformed header": 0, "refused, writes off": 0, "accepted, right token": 0,
               "articles written while refused": 0}
    wrong = {"none": {}, "wrong": {"Authorization": "Bearer not-the-token"},
             "malformed": {"Authorization": f"Basic {TOKEN}"}}
    names = {"none": "refused, no token", "wrong": "refused, wrong token", "malformed": "refused, malformed header"}

    def count_articles() -> int:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(articles_table)).scalar_one())

    for token, cases in ((TOKEN, wrong), ("", {"off": {"Authorization": f"Bearer {TOKEN}"}})):
        app = make_app(Settings(db=url, token=token), engine, extractor=extractor)
        routes = non_get_routes(app)
        with TestClient(app) as client:
            for method, path in routes:
                if token:
                    figures["write routes"] += 1
                before = count_articles()
                for case, headers in cases.items():
                    response = client.request(method, path, headers=headers,
                                              **write_request(method, path, entity_ids))
                    if response.status_code in (401, 403):
                        figures[names.get(case, "refused, writes off")] += 1
                    else:
                        print(f"  NOT refused ({case}): {method} {path} -> {response.status_code}")
                figures["articles written while refused"] += count_articles() - before
                if token:
                    response = client.request(method, path, headers={"Authorization": f"Bearer {TOKEN}"},
                                              **write_request(method, path, entity_ids))
                    if response.status_code < 400:
                        figures["accepted, right token"] += 1
                    else:
                        print(f"  refused with the right token: {method} {path} -> {response.status_code} "
                              f"{response.text[:200]}")
    engine.dispose()
    return figures


# ---------------------------------------------------------------------------------------------- 4. kill


def killed_trial(source: Path, url: str, at: float) -> tuple[int, int, bool]:
    """Ingest killed with SIGKILL `at` seconds in: (committed articles lost, consistency problems, finished)."""
    process = subprocess.Popen(ingest_command(source, url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + at
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    finished = process.poll() is not None
    before = committed_ids(url)  # read first: everything seen here was committed before the kill
    if not finished:
        process.send_signal(signal.SIGKILL)
    process.wait()
    after = committed_ids(url)
    return len(before - after), consistency_problems(url), finished


def check_kill(folder: Path, items: list[Article], trials: int, pg_trials: int, seed: int,
               server: str | None) -> dict[str, int]:
    source = write_jsonl(items, folder / "kill.jsonl")
    rng = random.Random(seed)
    figures = {"trials": 0, "killed mid-run": 0, "lost committed articles": 0, "consistency problems": 0,
               "reruns completed": 0, "stats mismatches": 0}
    backends: list[tuple[str | None, int]] = [(None, trials)]
    if server and pg_trials:
        backends.append((server, pg_trials))
    for backend, count in backends:
        if not count:
            continue
        name = "postgresql" if backend else "sqlite"
        reference = new_database(backend, folder, f"{name}-reference")
        started = time.perf_counter()
        subprocess.run(ingest_command(source, reference), check=True, capture_output=True)
        took = time.perf_counter() - started
        expected = cli_stats(reference)
        print(f"  {name} uninterrupted: {took:.1f} s {json.dumps(expected)}")
        for trial in range(count):
            url = new_database(backend, folder, f"{name}-kill-{trial}")
            at = rng.uniform(0.5, took)
            lost, problems, finished = killed_trial(source, url, at)
            stored = len(committed_ids(url))
            rerun = subprocess.run(ingest_command(source, url), capture_output=True, text=True)
            found = cli_stats(url) if rerun.returncode == 0 else {}
            same = found == expected
            figures["trials"] += 1
            figures["killed mid-run"] += not finished
            figures["lost committed articles"] += lost
            figures["consistency problems"] += problems
            figures["reruns completed"] += rerun.returncode == 0
            figures["stats mismatches"] += not same
            print(f"  {name} trial {trial + 1}: kill at {at:.1f} s, {stored} articles kept, lost {lost}, "
                  f"problems {problems}, rerun {'ok' if rerun.returncode == 0 else rerun.stderr[-300:]}, "
                  f"stats {'same' if same else 'DIFFER ' + json.dumps(found)}")
    return figures


# ---------------------------------------------------------------------------------------------- 5. concurrent


def check_concurrent(folder: Path, items: list[Article], server: str | None) -> dict[str, int]:
    """Two ingests at once on one knowledge base, with disjoint and with overlapping article sets."""
    half, third = len(items) // 2, len(items) // 3
    plans = {"disjoint": (items[:half], items[half:]), "overlapping": (items[:2 * third], items[third:])}
    figures = {"runs": 0, "failed processes": 0, "database is locked": 0, "duplicate articles": 0,
               "duplicate entities": 0, "stats mismatches": 0}
    whole = write_jsonl(items, folder / "all.jsonl")
    for backend in [None, server] if server else [None]:
        name = "postgresql" if backend else "sqlite"
        reference = new_database(backend, folder, f"{name}-sequential")
        subprocess.run(ingest_command(whole, reference), check=True, capture_output=True)
        expected = cli_stats(reference)
        for plan, (left, right) in plans.items():
            url = new_database(backend, folder, f"{name}-{plan}")
            open_db(url).dispose()  # created and migrated first, as a team's shared database is
            sources = [write_jsonl(left, folder / f"{plan}-a.jsonl"), write_jsonl(right, folder / f"{plan}-b.jsonl")]
            processes = [subprocess.Popen(ingest_command(s, url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                          text=True) for s in sources]
            errors = [p.communicate()[1] for p in processes]
            figures["runs"] += 1
            for process, error in zip(processes, errors, strict=True):
                figures["failed processes"] += process.returncode != 0
                figures["database is locked"] += "database is locked" in error or "OperationalError" in error
                if process.returncode:
                    print(f"  {name} {plan}: exit {process.returncode}: {error.strip()[-400:]}")
            engine = create_engine(url)
            with engine.connect() as conn:
                figures["duplicate articles"] += int(conn.execute(text(
                    "SELECT count(*) FROM (SELECT title, text FROM articles GROUP BY title, text "
                    "HAVING count(*) > 1) d")).scalar_one())
                figures["duplicate entities"] += int(conn.execute(text(
                    "SELECT count(*) FROM (SELECT key FROM entities GROUP BY key HAVING count(*) > 1) d"
                )).scalar_one())
            engine.dispose()
            found = cli_stats(url)
            same = found == expected
            figures["stats mismatches"] += not same
            print(f"  {name} {plan}: stats {'same as sequential' if same else 'DIFFER ' + json.dumps(found)}"
                  f"{'' if same else ' vs ' + json.dumps(expected)}")
    return figures


# ---------------------------------------------------------------------------------------------- main

CHECKS = ("api", "xss", "auth", "kill", "concurrent")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checks", nargs="*", help=f"any of {', '.join(CHECKS)} or all (the default)")
    parser.add_argument("--examples", type=int, default=25, help="generated cases per API operation and mode")
    parser.add_argument("--kb-examples", type=int, default=29, help="example articles in the API's knowledge base")
    parser.add_argument("--n", type=int, default=60, help="articles ingested by the kill and concurrent checks")
    parser.add_argument("--trials", type=int, default=20, help="SIGKILL trials on SQLite")
    parser.add_argument("--pg-trials", type=int, default=5, help="SIGKILL trials on PostgreSQL")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--no-pg", action="store_true", help="leave PostgreSQL out")
    args = parser.parse_args()
    if unknown := set(args.checks) - {*CHECKS, "all"}:
        parser.error(f"unknown check(s): {', '.join(sorted(unknown))}")
    chosen = CHECKS if not args.checks or "all" in args.checks else tuple(c for c in CHECKS if c in args.checks)
    results: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        needs_pg = bool({"kill", "concurrent"} & set(chosen)) and not args.no_pg
        with postgres(folder, needs_pg) as server:
            items = sample(args.n) if {"kill", "concurrent"} & set(chosen) else []
            runs: dict[str, Callable[[], dict[str, int]]] = {
                "api": lambda: check_api(folder, args.examples, args.kb_examples),
                "xss": lambda: check_xss(folder),
                "auth": lambda: check_auth(folder / "auth"),
                "kill": lambda: check_kill(folder, items, args.trials, args.pg_trials, args.seed, server),
                "concurrent": lambda: check_concurrent(folder, items, server),
            }
            for check in chosen:
                print(f"== {check}")
                (folder / "auth").mkdir(exist_ok=True)
                started = time.perf_counter()
                results[check] = runs[check]()
                print(f"{check}: {json.dumps(results[check])}  ({time.perf_counter() - started:.0f} s)")
    print("\n== figures")
    for check, figures in results.items():
        print(f"{check:>10}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
