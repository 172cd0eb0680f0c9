"""Web latency benchmark: median time of a profile page and a graph query over a corpus-sized knowledge base.

    .venv/bin/python benchmarks/web_latency.py [--db URL] [--repeat 20] [--entities 20]

Uses the knowledge base at --db (default benchmarks/out/web.db); when it holds no article, builds it first by
ingesting ../shared/corpus/articles.jsonl (1,780 articles) with crimegraph's ingest. Requests go through the
app from make_app() in process (FastAPI TestClient: routing, queries, templates, JSON; no network). The
entities measured are the most mentioned ones (the heaviest dossiers) plus a seeded random sample.
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


def timings(client: TestClient, urls: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds per request, each URL `repeat` times (after one warm-up request each).

    CPU time (this process: app, queries and SQLite alike) is steadier than wall time on a shared machine.
    """
    wall: list[float] = []
    cpu: list[float] = []
    for url in urls:
        assert client.get(url).status_code == 200, url
        for _ in range(repeat):
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
            assert response.status_code == 200, url
    return wall, cpu


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
    print(f"{'request':44} {'median ms':>10} {'p90 ms':>8} {'CPU median':>11} {'CPU p90':>8} {'n':>5}")
    for name, urls in cases.items():
        wall, cpu = timings(client, urls, args.repeat)
        print(f"{name:44} {statistics.median(wall):10.1f} {p90(wall):8.1f} {statistics.median(cpu):11.1f} "
              f"{p90(cpu):8.1f} {len(wall):5d}")


if __name__ == "__main__":
    main()
