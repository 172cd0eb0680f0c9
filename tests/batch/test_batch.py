"""Batch extraction: shards, Parquet round trip, Dask run and resume, local process pool."""

from __future__ import annotations

import json
from pathlib import Path

from crimegraph.batch import extract_parallel, run_batch
from crimegraph.batch.parquet import finished_shards, read_shard, write_shard
from crimegraph.batch.records import from_rows, to_rows
from crimegraph.batch.shards import make_shards
from crimegraph.batch.workers import extract_shard
from crimegraph.exc import InputError
from crimegraph.extract import extract_many
from crimegraph.model import Article

TEXTS = [
    "Mexican soldiers arrested 14 suspected members of the Sinaloa Cartel in Culiacán on Tuesday.",
    "The US Treasury sanctioned Venezuela's Defense Minister Vladimir Padrino López.",
    "Colombian police seized three tonnes of cocaine in the port of Buenaventura.",
]


def articles() -> list[Article]:
    return [Article(id=f"a{i}", text=t, date="2022-06-01", language="en", title=f"T{i}")
            for i, t in enumerate(TEXTS)]


def test_shards_are_deterministic_and_keep_errors() -> None:
    items: list[Article | InputError] = [*articles(), InputError("bad.jsonl:4: not JSON")]
    shards = list(make_shards(items, 2))
    assert [s.name for s in shards] == ["shard-000000", "shard-000001"]
    assert [len(s) for s in shards] == [2, 2]
    assert shards[1].errors == ["bad.jsonl:4: not JSON"]


def test_parquet_round_trip_keeps_everything(tmp_path: Path) -> None:
    pairs = list(zip(articles(), extract_many(articles()), strict=True))
    write_shard(tmp_path / "shard-000000", to_rows(pairs))
    back = from_rows(read_shard(tmp_path / "shard-000000"))
    assert [a.id for a, _ in back] == ["a0", "a1", "a2"]
    for (article, result), (article2, result2) in zip(pairs, back, strict=True):
        assert article2.text == article.text and article2.content_hash == article.content_hash
        assert result2.to_full() == result.to_full()


def test_local_pool_gives_the_same_results_in_order() -> None:
    serial = [x.to_full() for x in extract_many(articles())]
    parallel = [x.to_full() for x in extract_parallel(articles(), workers=2, chunk=1)]
    assert parallel == serial


def test_dask_batch_writes_shards_and_resumes(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in articles()) + "oops\n", encoding="utf-8")
    out = tmp_path / "out"
    first = run_batch([str(source)], out, workers=1, shard_size=2)
    assert first.shards == 2 and first.skipped == 0
    assert first.counts["articles"] == 4 and first.counts["failed"] == 1
    assert len(finished_shards(out)) == 2
    again = run_batch([str(source)], out, workers=1, shard_size=2)
    assert again.shards == 0 and again.skipped == 2


def test_ingest_with_workers_and_batch_then_load_match_plain_ingest(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from crimegraph.cli import app

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in articles()), encoding="utf-8")
    runner = CliRunner()
    counts = []
    for name, command in [
        ("plain", ["ingest", str(source)]),
        ("workers", ["ingest", str(source), "--workers", "2"]),
    ]:
        db = f"sqlite:///{tmp_path / name}.db"
        assert runner.invoke(app, [*command, "--db", db]).exit_code == 0
        counts.append(runner.invoke(app, ["stats", "--db", db, "--format", "json"]).stdout)
    out = tmp_path / "shards"
    run_batch([str(source)], out, workers=1, shard_size=2)
    db = f"sqlite:///{tmp_path / 'loaded'}.db"
    assert runner.invoke(app, ["load", str(out), "--db", db]).exit_code == 0
    counts.append(runner.invoke(app, ["stats", "--db", db, "--format", "json"]).stdout)
    assert json.loads(counts[0]) == json.loads(counts[1]) == json.loads(counts[2])
    assert json.loads(counts[0])["articles"] == 3


def test_a_bad_record_costs_its_shard_nothing(tmp_path: Path) -> None:
    good = articles()
    records = [{**a.to_dict(), "source": None, "url": None, "extra": {}} for a in good]
    records[1] = {**records[1], "id": "s\udc80", "title": "t\ud800", "extra": {"k": b"\xff"}}
    records.insert(1, {"id": "n", "text": TEXTS[0], "language": 5})
    records.insert(2, {"id": ["x"], "text": TEXTS[0]})
    counts = extract_shard(records, [], str(tmp_path / "shard-000000"))
    assert counts["articles"] == 5 and counts["failed"] == 2
    back = {a.id: r for a, r in from_rows(read_shard(tmp_path / "shard-000000"))}
    assert [i for i, r in back.items() if not r.error] == ["a0", "s\ufffd", "a2"]
    assert all(back[i].entities for i in ("a0", "s\ufffd", "a2"))
    assert back["n"].error == "n: 'language' must be a string, not int"
    assert back["record 3"].error == "record 3: 'id' must be a string or an integer, not list"
