"""Scale benchmark: batch throughput on 1 and 2 Dask workers, load time, and query latency.

    .venv/bin/python benchmarks/scale.py [--n 200] [--copies 0]

Extracts the first --n English corpus articles with `batch` on 1 and then 2 worker processes (prints
articles/s, the speed-up and peak memory per worker), loads the shards into a fresh SQLite knowledge
base with `load`, and, with --copies K, adds K re-dated and re-identified copies of every article
(synthetic scale: same texts, new ids and dates) before timing profile and graph queries.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from itertools import islice
from pathlib import Path

from crimegraph.batch import run_batch
from crimegraph.batch.load import load_shards
from crimegraph.batch.parquet import finished_shards, read_shard, write_shard
from crimegraph.batch.records import from_rows, to_rows
from crimegraph.store.db import open_db

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "articles.jsonl"


def corpus_subset(n: int, folder: Path) -> Path:
    path = folder / "input.jsonl"
    with CORPUS.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        english = (line for line in source if json.loads(line).get("language") == "en")
        out.writelines(islice(english, n))
    return path


def timed_batch(source: Path, out: Path, workers: int) -> tuple[float, dict[str, int]]:
    started = time.perf_counter()
    summary = run_batch([str(source)], out, workers=workers, shard_size=25)
    return time.perf_counter() - started, summary.counts


def replicate(out: Path, copies: int) -> None:
    """Write `copies` re-identified, re-dated copies of every finished shard (synthetic scale)."""
    shards = finished_shards(out)
    for k in range(1, copies + 1):
        for shard in shards:
            pairs = []
            for article, result in from_rows(read_shard(shard)):
                day = date.fromisoformat(article.date) if article.date else date(2020, 1, 1)
                new_id = f"{article.id}~copy{k}"
                text = f"{article.text}\n\n[copy {k}]"  # a new content hash, so it is stored again
                pairs.append((replace(article, id=new_id, text=text,
                                      date=(day + timedelta(days=7 * k)).isoformat()),
                              replace(result, article_id=new_id)))
            write_shard(out / f"{shard.name}-copy{k:04d}", to_rows(pairs))


def latency(url: str, repeat: int = 10) -> None:
    from fastapi.testclient import TestClient
    from sqlalchemy import func, select

    from crimegraph.serve.app import make_app
    from crimegraph.settings import Settings
    from crimegraph.store.tables import mentions

    engine = open_db(url)
    with engine.connect() as conn:
        top = list(conn.execute(select(mentions.c.entity_id).group_by(mentions.c.entity_id)
                                .order_by(func.count().desc()).limit(10)).scalars())
    client = TestClient(make_app(Settings(db=url), engine=engine))
    for label, template in (("profile", "/api/entities/{}"), ("graph", "/api/graph?entity={}&depth=1")):
        times = []
        for entity in top:
            for _ in range(repeat):
                started = time.perf_counter()
                client.get(template.format(entity))
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(f"{label:8} median {statistics.median(times):6.1f} ms, p95 {times[int(len(times) * 0.95)]:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--copies", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = corpus_subset(args.n, folder)
        one, counts1 = timed_batch(source, folder / "w1", 1)
        two, counts2 = timed_batch(source, folder / "w2", 2)
        print(f"batch, {args.n} English corpus articles:")
        print(f"  1 worker : {args.n / one:6.2f} articles/s ({one:.0f} s), peak {counts1['worker_peak_mb']} MB/worker")
        print(f"  2 workers: {args.n / two:6.2f} articles/s ({two:.0f} s), peak {counts2['worker_peak_mb']} MB/worker")
        print(f"  speed-up : {one / two:.2f}x (target >= 1.7)")
        if args.copies:
            replicate(folder / "w2", args.copies)
        total = args.n * (args.copies + 1)
        url = f"sqlite:///{folder / 'kb.db'}"
        started = time.perf_counter()
        summary = load_shards(folder / "w2", open_db(url))
        seconds = time.perf_counter() - started
        print(f"load: {summary.new} articles ({total} in the shards; copies are re-dated and re-identified"
              f" corpus articles) in {seconds:.0f} s = {summary.new / seconds:.1f} articles/s")
        latency(url)


if __name__ == "__main__":
    main()
