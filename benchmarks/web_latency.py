"""Web latency benchmark: median time of a profile page and a graph query over a corpus-sized knowledge base.

    .venv/bin/python benchmarks/web_latency.py [--db URL] [--repeat 20] [--entities 20]

Every request is timed cold (the app's caches emptied first: the answer is computed) and warm (answered
from the cache, valid until the knowledge base changes). Uses the knowledge base at --db (default
benchmarks/out/web.db); when it holds no article, builds it first by ingesting ../shared/corpus/articles.jsonl
(1,780 articles) with crimegraph's ingest. Requests go through the app from make_app() in process (FastAPI
TestClient: routing, queries, templates, JSON; no network). The entities measured are the most mentioned ones
(the heaviest dossiers) plus a seeded random sample.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine, distinct, func, select

from crimegraph.ingest.files import read_path
from crimegraph.ingest.runner import ingest
from crimegraph.serve.app import make_app
from crimegraph.settings import Settings
from crimegraph.store.db import open_db
from crimegraph.store.tables import articles, entities, mentions

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "articles.jsonl"
DEFAULT_DB = f"sqlite:///{HERE / 'out' / 'web.db'}"


def ready(url: str, corpus: Path) -> Engine:
    """The knowledge base at `url`, built from the corpus when it holds no article."""
    engine = open_db(url)
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(articles)).scalar() or 0
    if count:
        print(f"knowledge base {url}: {count} articles", file=sys.stderr)
        return engine
    print(f"building {url} from {corpus} ...", file=sys.stderr)
    started = time.perf_counter()
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        if done % 320 < n:
            print(f"  {done} articles, {time.perf_counter() - started:.0f} s", file=sys.stderr)

    summary = ingest(read_path(str(corpus)), engine, Settings(db=url), on_progress=progress)
    print(f"built: {summary.new} new, {len(summary.failed)} failed, {summary.events} events, "
          f"{summary.seconds:.0f} s", file=sys.stderr)
    return engine


def sample(engine: Engine, size: int, seed: int = 7) -> list[str]:
    """The most mentioned entities (half) and a random sample of the others mentioned twice or more."""
    counted = func.count(distinct(mentions.c.article_id))
    with engine.connect() as conn:
        rows = conn.execute(select(entities.c.canonical_id, counted)
                            .join(mentions, mentions.c.entity_id == entities.c.id)
                            .group_by(entities.c.canonical_id).order_by(counted.desc())).all()
    top = [node for node, _ in rows[: size // 2]]
    rest = [node for node, n in rows[size // 2:] if n >= 2]
    return top + random.Random(seed).sample(rest, min(len(rest), size - len(top)))


def forget(client: TestClient) -> None:
    """Empty the app's caches, so that the next request computes its answer (a cold request)."""
    state = client.app.state  # type: ignore[attr-defined]
    for memo in (getattr(state, "memo", None), getattr(state, "dossiers", None)):
        if memo is not None:
            with memo.lock:
                memo.found.clear()


def timed(client: TestClient, url: str) -> tuple[float, float]:
    started, cpu_started = time.perf_counter(), time.process_time()
    response = client.get(url)
    assert response.status_code == 200, url
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu_started) * 1000


def timings(client: TestClient, urls: list[str], repeat: int) -> dict[str, list[float]]:
    """Milliseconds per request, each URL `repeat` times: cold (the caches emptied before each request, so
    the answer is computed) and warm (as a reader coming back finds it: cached until the knowledge base
    changes), wall and CPU. CPU time (this process: app, queries and SQLite alike) is steadier than wall
    time on a shared machine."""
    found: dict[str, list[float]] = {"cold": [], "cold CPU": [], "warm": [], "warm CPU": []}
    for url in urls:
        for _ in range(repeat):
            forget(client)
            wall, cpu = timed(client, url)
            found["cold"].append(wall)
            found["cold CPU"].append(cpu)
        for _ in range(repeat):
            wall, cpu = timed(client, url)
            found["warm"].append(wall)
            found["warm CPU"].append(cpu)
    return found


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(int(len(ordered) * 0.9) - 1, 0)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=DEFAULT_DB, help="SQLAlchemy URL (built from the corpus when empty).")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=10, help="Requests per URL.")
    parser.add_argument("--entities", type=int, default=20, help="Entities measured.")
    args = parser.parse_args()
    engine = ready(args.db, args.corpus)
    client = TestClient(make_app(Settings(db=args.db), engine))
    chosen = sample(engine, args.entities)
    cases = {
        "profile page  /entities/{id}": [f"/entities/{e}" for e in chosen],
        "profile JSON  /api/entities/{id}": [f"/api/entities/{e}" for e in chosen],
        "graph depth 1 /api/graph?entity=": [f"/api/graph?entity={e}" for e in chosen],
        "graph depth 2 /api/graph?entity=&depth=2": [f"/api/graph?entity={e}&depth=2" for e in chosen],
        "graph overview /api/graph": ["/api/graph"],
        "front page    /": ["/"],
        "timeline page /timeline": ["/timeline"],
    }
    print(f"{'request (median ms; p90)':44} {'cold':>6} {'p90':>6} {'CPU':>6} {'warm':>6} {'p90':>6} {'CPU':>6} "
          f"{'n':>5}")
    for name, urls in cases.items():
        got = timings(client, urls, args.repeat)
        cells = [f"{statistics.median(got[k]):6.1f} {p90(got[k]):6.1f}" if "CPU" not in k
                 else f"{statistics.median(got[k]):6.1f}" for k in ("cold", "cold CPU", "warm", "warm CPU")]
        print(f"{name:44} {' '.join(cells)} {len(got['cold']):5d}")


if __name__ == "__main__":
    main()
