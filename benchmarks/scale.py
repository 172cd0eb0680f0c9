"""Scale benchmark: batch throughput on 1 and 2 Dask workers, bulk load time, and query latency at 100k articles.

    .venv/bin/python benchmarks/scale.py [--n 200] [--kb-articles 100000] [--skip-batch] [--reuse-kb]

1. Extracts the first --n English corpus articles with `batch` on 1 and then 2 worker processes (prints
   articles/s, the speed-up and peak memory per worker).
2. Extracts the whole corpus once with `batch` (kept in benchmarks/out/corpus-shards, reused later), then
   writes re-identified, re-dated copies of every shard until --kb-articles is reached (synthetic scale:
   the same real texts under new ids, every date moved 28 years per copy so weekdays and leap days hold
   and copies never merge into each other's events; the entities are the real ones, so the most reported
   actors get one more copy's worth of mentions, claims and events with each copy).
3. Loads every shard with `load` into a fresh SQLite knowledge base (benchmarks/out/kb.db) and prints the
   time, articles/s and peak memory.
4. Times profile (JSON and HTML page) and graph queries through the web app on the 10 most mentioned
   entities (the worst case) and on 100 entities drawn at random: median and p95 once every entity has
   been asked for once (the database pages in memory, as on a server in use), and the first requests' median.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from itertools import islice
from pathlib import Path

from crimegraph.batch import run_batch
from crimegraph.batch.load import load_shards
from crimegraph.batch.parquet import finished_shards, read_shard, write_shard
from crimegraph.batch.records import from_rows, to_rows
from crimegraph.model import Article, Extraction
from crimegraph.store.db import open_db

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "articles.jsonl"
OUT = HERE / "out"
YEARS_PER_COPY = 28  # the calendar repeats every 28 years (between 1901 and 2099)


def corpus_subset(n: int, path: Path) -> Path:
    with CORPUS.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        english = (line for line in source if json.loads(line).get("language") == "en")
        out.writelines(islice(english, n))
    return path


def throughput(n: int) -> None:
    """Articles/s of `batch` on 1 and 2 workers over the same n English articles.

    Each cluster is started and its workers' pipelines loaded before the clock starts (printed apart):
    that start-up is paid once per cluster, not per article.
    """
    import shutil

    from distributed import Client, LocalCluster

    from crimegraph.batch.workers import _warm

    folder = OUT / "throughput"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    source = corpus_subset(n, folder / "input.jsonl")
    rates = {}
    for workers in (1, 2):
        started = time.perf_counter()
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            client.run(_warm, ("en",))
            ready = time.perf_counter()
            summary = run_batch([str(source)], folder / f"w{workers}", scheduler=cluster.scheduler_address,
                                workers=workers, shard_size=10)
            seconds = time.perf_counter() - ready
        rates[workers] = n / seconds
        print(f"  {workers} worker{'s' if workers > 1 else ' '}: {rates[workers]:6.2f} articles/s ({seconds:.0f} s;"
              f" cluster start and model load {ready - started:.0f} s before that),"
              f" peak {summary.counts['worker_peak_mb']} MB per worker")
    print(f"  speed-up : {rates[2] / rates[1]:.2f}x (target >= 1.7)")


def shifted(value: str | None, years: int) -> str | None:
    """A 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' date moved by whole years."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return value
    return f"{int(value[:4]) + years:04d}{value[4:]}"


def copy_pair(article: Article, result: Extraction, k: int) -> tuple[Article, Extraction]:
    """Copy k of an article: new id, new content hash, every date moved k * 28 years."""
    years = YEARS_PER_COPY * k
    new_id = f"{article.id}~copy{k}"
    text = f"{article.text}\n\n[synthetic copy {k}]"  # after the evidence offsets, so they hold
    events = [replace(e, date=shifted(e.date, years)) for e in result.events]
    return (replace(article, id=new_id, text=text, date=shifted(article.date, years)),
            replace(result, article_id=new_id, events=events))


def replicate(source: Path, target: Path, wanted: int) -> int:
    """Shards for the knowledge base: the source shards, then copies until `wanted` articles; how many."""
    shards = [(folder, from_rows(read_shard(folder))) for folder in finished_shards(source)]
    per_copy = len({a.content_hash for _, pairs in shards for a, _ in pairs})  # repeated texts are skipped
    total, k = 0, 0
    while total < wanted:
        for folder, pairs in shards:
            name = target / f"{folder.name}-copy{k:04d}"
            if not (name / "_SUCCESS").exists():
                write_shard(name, to_rows(copy_pair(a, r, k) if k else (a, r) for a, r in pairs))
        total += per_copy
        k += 1
    return total


def timed(get: Callable[[str], object], path: str, cpu: list[float] | None = None) -> float:
    """Wall-clock ms of one request; its CPU ms (this process: client and app) appended to `cpu`."""
    started, used = time.perf_counter(), time.process_time()
    get(path)
    if cpu is not None:
        cpu.append((time.process_time() - used) * 1000)
    return (time.perf_counter() - started) * 1000


def report(label: str, times: list[float], note: str) -> None:
    times.sort()
    print(f"  {label:14} median {statistics.median(times):6.1f} ms, p95 {times[int(len(times) * 0.95)]:6.1f} ms"
          f" ({len(times)} requests; {note})")


def latency(url: str, repeat: int = 5) -> None:
    """Profile and graph latency through the web app, on the top-10 and on 100 random entities."""
    from fastapi.testclient import TestClient
    from sqlalchemy import func, select

    from crimegraph.serve.app import make_app
    from crimegraph.settings import Settings
    from crimegraph.store.tables import entities, mentions

    engine = open_db(url)
    with engine.connect() as conn:
        top = list(conn.execute(select(mentions.c.entity_id).group_by(mentions.c.entity_id)
                                .order_by(func.count().desc()).limit(10)).scalars())
        every = sorted(conn.execute(select(entities.c.canonical_id).distinct()).scalars())
    drawn = random.Random(7).sample(every, min(100, len(every)))
    client = TestClient(make_app(Settings(db=url), engine=engine))
    queries = (("profile", "/api/entities/{}"), ("profile page", "/entities/{}"),
               ("graph depth 1", "/api/graph?entity={}&depth=1"))
    for group, chosen, times_each in (("top-10 entities", top, repeat), ("100 random entities", drawn, 1)):
        print(f" {group} (each asked once before the clock starts, as on a server in use):")
        for label, template in queries:
            cold = [timed(client.get, template.format(e)) for e in chosen]
            cpu: list[float] = []
            times = [timed(client.get, template.format(e), cpu) for e in chosen for _ in range(times_each)]
            report(label, times, f"CPU median {statistics.median(cpu):.1f} ms;"
                                 f" first request median {statistics.median(cold):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="articles for the 1- vs 2-worker run")
    parser.add_argument("--kb-articles", type=int, default=100_000, help="size of the knowledge base")
    parser.add_argument("--skip-batch", action="store_true", help="skip the 1- vs 2-worker run")
    parser.add_argument("--reuse-kb", action="store_true", help="time queries on the existing kb.db")
    parser.add_argument("--skip-kb", action="store_true", help="no knowledge base, no latency")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    if not args.skip_batch:
        print(f"batch, {args.n} English corpus articles, shards of 10:")
        throughput(args.n)
    url = f"sqlite:///{OUT / 'kb.db'}"
    if args.skip_kb:
        return
    if not args.reuse_kb:
        build_kb(args.kb_articles, url)
    print("query latency (web app, SQLite):")
    latency(url)


def build_kb(wanted: int, url: str) -> None:
    corpus = OUT / "corpus-shards"
    started = time.perf_counter()
    run_batch([str(CORPUS)], corpus, workers=2, shard_size=100)  # skipped shard by shard when already done
    print(f"corpus extracted with batch (2 workers) in {time.perf_counter() - started:.0f} s (0 when reused)")
    total = replicate(corpus, OUT / "kb-shards", wanted)
    for suffix in ("", "-wal", "-shm"):
        (OUT / f"kb.db{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    summary = load_shards(OUT / "kb-shards", open_db(url))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"load: {summary.new:,} articles stored (wanted {total:,} distinct texts: the real corpus and re-dated,"
          f" re-identified copies of it; {summary.skipped} repeated texts skipped) in {seconds:.0f} s ="
          f" {summary.new / seconds:.1f} articles/s (storing {summary.store_seconds:.0f} s);"
          f" {summary.merges} merges, {summary.events:,} events; peak memory {peak} MB;"
          f" {(OUT / 'kb.db').stat().st_size / 1e9:.2f} GB")


if __name__ == "__main__":
    main()
