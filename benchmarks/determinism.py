"""Determinism benchmark: one set of articles, one knowledge base, whatever the batching or order.

    .venv/bin/python benchmarks/determinism.py [--n 132] [--sizes 8 32 64] [--shuffles 1] [--cli]

Takes the first --n distinct corpus articles that name Venezuela (English and Spanish, never a dev document),
extracts them once, then ingests the same extractions into fresh SQLite knowledge bases with each batch
size (and in --shuffles shuffled orders), prints each run's `stats` and whether all are identical, then
runs `resolve` on the last one and prints how many merges it made (0 is right). Besides the counts, a
fingerprint of every node's cluster and every report's event must agree. Extraction is cached in
benchmarks/out/determinism-extractions.pickle, so reruns only time storing and resolving.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy import Engine, select

from crimegraph.ingest.runner import ingest
from crimegraph.model import Article, Extraction
from crimegraph.settings import Settings
from crimegraph.store.db import open_db
from crimegraph.store.queries import stats
from crimegraph.store.tables import entities, event_reports

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
CACHE = HERE / "out" / "determinism-extractions.pickle"


def sample(n: int) -> list[Article]:
    """The first n corpus articles naming Venezuela, leaving out the dev documents."""
    dev = {json.loads(line)["text"][:200] for line in (SHARED / "eval" / "dev" / "docs.jsonl").open()}
    found: list[Article] = []
    hashes: set[str] = set()
    for line in (SHARED / "corpus" / "articles.jsonl").open():
        record = json.loads(line)
        if record["text"][:200] in dev or "Venezuela" not in record["text"]:
            continue
        article = Article(record["id"], record["text"], record.get("title"), record.get("date"),
                          record.get("language"))
        if article.content_hash in hashes:  # a copy: which one is kept would depend on the order
            continue
        hashes.add(article.content_hash)
        found.append(article)
        if len(found) == n:
            break
    return found


def extractions(articles: list[Article]) -> dict[str, Extraction]:
    """Every article's extraction, from the cache when it holds these articles."""
    if CACHE.exists():
        cached: dict[str, Extraction] = pickle.loads(CACHE.read_bytes())
        if set(cached) == {a.id for a in articles}:
            return cached
    from crimegraph.extract import extract_many

    started = time.perf_counter()
    done = {e.article_id: e for e in extract_many(articles)}
    print(f"extracted {len(done)} articles in {time.perf_counter() - started:.0f} s")
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_bytes(pickle.dumps(done))
    return done


def fingerprint(engine: Engine) -> str:
    """A digest of who is merged with whom and which reports make each event (ids are content-derived)."""
    with engine.connect() as conn:
        rows = sorted(conn.execute(select(entities.c.id, entities.c.canonical_id)).all())
        rows += sorted(conn.execute(select(event_reports.c.id, event_reports.c.event_id)).all())
    return hashlib.sha1(json.dumps([list(r) for r in rows]).encode()).hexdigest()[:12]


def run(articles: list[Article], cache: dict[str, Extraction], batch_size: int, folder: Path,
        name: str) -> tuple[dict[str, int | str], str]:
    """Stats of a fresh knowledge base built with one batch size; the database URL."""
    url = f"sqlite:///{folder / name}.db"
    engine = open_db(url)

    def extractor(batch: Iterable[Article]) -> Iterator[Extraction]:
        return (cache[a.id] for a in batch)

    started = time.perf_counter()
    ingest(list(articles), engine, Settings(db=url, batch_size=batch_size), extractor=extractor)
    took = time.perf_counter() - started
    found = {**stats(engine), "fingerprint": fingerprint(engine)}
    print(f"{name:>14}: {took:6.1f} s  {json.dumps(found)}")
    engine.dispose()
    return found, url


CG = str(HERE.parent / ".venv" / "bin" / "crimegraph")


def cli_stats(url: str) -> dict[str, int | str]:
    """`crimegraph stats --format json` of a knowledge base, plus its fingerprint."""
    out = subprocess.run([CG, "stats", "--db", url, "--format", "json"], check=True, capture_output=True, text=True)
    found: dict[str, int | str] = json.loads(out.stdout)
    engine = open_db(url)
    found["fingerprint"] = fingerprint(engine)
    engine.dispose()
    return found


def killed_run(source: Path, url: str) -> None:
    """An ingest killed with SIGKILL once 40 articles are stored, then run again to the end."""
    process = subprocess.Popen([CG, "ingest", str(source), "--db", url, "--batch-size", "8"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while process.poll() is None:
        time.sleep(0.5)
        try:
            engine = open_db(url)
            stored = stats(engine)["articles"]
            engine.dispose()
        except Exception:  # noqa: BLE001 - the database may not exist yet
            continue
        if stored >= 40:
            process.send_signal(signal.SIGKILL)
            process.wait()
            print(f"  killed at {stored} articles")
            break
    subprocess.run([CG, "ingest", str(source), "--db", url, "--batch-size", "8"], check=True,
                   capture_output=True)


def cli_runs(articles: list[Article], folder: Path) -> tuple[list[dict[str, int | str]], str]:
    """Stats of knowledge bases built by the real commands in each way; the last database URL."""
    source = folder / "sample.jsonl"
    source.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in articles))
    runs: dict[str, list[list[str]]] = {
        **{f"ingest-{n}": [["ingest", str(source), "--batch-size", str(n)]] for n in (8, 32, 64)},
        "workers-2": [["ingest", str(source), "--workers", "2"]],
        "batch+load": [["batch", str(source), "--out", str(folder / "shards"), "--shard-size", "20"],
                       ["load", str(folder / "shards")]],
    }
    results = []
    url = ""
    for name, commands in runs.items():
        url = f"sqlite:///{folder / name}.db"
        started = time.perf_counter()
        for command in commands:
            subprocess.run([CG, *command, "--db", url] if command[0] != "batch" else [CG, *command], check=True,
                           capture_output=True)
        found = cli_stats(url)
        print(f"{name:>14}: {time.perf_counter() - started:6.1f} s  {json.dumps(found)}")
        results.append(found)
    url = f"sqlite:///{folder / 'killed'}.db"
    killed_run(source, url)
    found = cli_stats(url)
    print(f"{'sigkill+rerun':>14}: {json.dumps(found)}")
    results.append(found)
    return results, url


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=132)
    parser.add_argument("--sizes", type=int, nargs="+", default=[8, 32, 64])
    parser.add_argument("--shuffles", type=int, default=1)
    parser.add_argument("--cli", action="store_true", help="run the real commands (extracting each time)")
    args = parser.parse_args()
    articles = sample(args.n)
    results: list[dict[str, int | str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.cli:
            results, url = cli_runs(articles, folder)
            report(results, url)
            return
        cache = extractions(articles)
        url = ""
        for size in args.sizes:
            found, url = run(articles, cache, size, folder, f"batch-{size}")
            results.append(found)
        for seed in range(args.shuffles):
            shuffled = list(articles)
            random.Random(seed).shuffle(shuffled)
            found, _ = run(shuffled, cache, args.sizes[0], folder, f"shuffled-{seed}")
            results.append(found)
        report(results, url)


def report(results: list[dict[str, int | str]], url: str) -> None:
    """Whether all runs agree, and what `resolve` then changes."""
    same = all(r == results[0] for r in results)
    print(f"identical stats across {len(results)} runs: {'yes' if same else 'NO'}")
    out = subprocess.run([CG, "resolve", "--db", url], check=True, capture_output=True, text=True)
    print(f"resolve afterwards: {out.stdout.strip()}")


if __name__ == "__main__":
    main()
