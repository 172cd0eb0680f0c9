"""Interop benchmark: build a knowledge base from ../shared/eval/dev, export it, load the exports back, screen it.

    .venv/bin/python benchmarks/interop.py [--eval DIR] [--list FILE]

Prints: FtM lines that load and validate (and dangling references), FtM schema counts, ACLED rows read
back by pandas, GraphML nodes/edges read back by networkx, and screening hits against the fixture list
with recall of the gold `sanctioned_by` subjects that the knowledge base holds.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
from followthemoney import model

from crimegraph.analyse.screening import screen_list
from crimegraph.export import load_snapshot, write_binary, write_text
from crimegraph.ingest.jsonl import read_jsonl
from crimegraph.ingest.runner import ingest
from crimegraph.resolve.names import fold
from crimegraph.store.db import open_db

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"
DEFAULT_LIST = HERE.parent / "tests" / "fixtures" / "sanctions" / "us_venezuela.ftm.jsonl"


def check_ftm(lines: list[dict[str, Any]]) -> tuple[int, int, Counter[str]]:
    """(valid lines, dangling or mistyped references, schema counts)."""
    valid = 0
    schemas = {d["id"]: model.get(d["schema"]) for d in lines}
    dangling = 0
    for data in lines:
        proxy = model.get_proxy(data, cleaned=False)
        if proxy.schema.validate(data) is None and proxy.to_dict()["properties"] == data["properties"]:
            valid += 1
        for name, values in data["properties"].items():
            prop = proxy.schema.get(name)
            if prop is not None and prop.type.name == "entity":
                dangling += sum(1 for v in values if v not in schemas or not schemas[v].is_a(prop.range))
    return valid, dangling, Counter(d["schema"] for d in lines)


def gold_sanctioned(eval_dir: Path) -> set[str]:
    """Folded names of every gold sanctioned_by subject."""
    found: set[str] = set()
    for line in (eval_dir / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        for claim in json.loads(line)["claims"]:
            if claim["predicate"] == "sanctioned_by":
                found.add(fold(claim["subject"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", default=str(DEFAULT_EVAL), help="folder with dev/docs.jsonl and dev/gold.jsonl")
    parser.add_argument("--list", default=str(DEFAULT_LIST), help="sanctions list to screen against")
    args = parser.parse_args()
    eval_dir = Path(args.eval)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_db(f"sqlite:///{tmp}/dev.db")
        started = time.perf_counter()
        docs = (eval_dir / "dev" / "docs.jsonl").read_text(encoding="utf-8").splitlines()
        summary = ingest(read_jsonl(docs, "docs.jsonl"), engine)
        print(f"ingested {summary.new} articles in {time.perf_counter() - started:.1f} s")
        snap = load_snapshot(engine)
        report(snap, engine, Path(args.list), eval_dir)


def report(snap: Any, engine: Any, list_path: Path, eval_dir: Path) -> None:
    text = io.StringIO()
    write_text(snap, "ftm", text)
    lines = [json.loads(line) for line in text.getvalue().splitlines()]
    valid, dangling, schemas = check_ftm(lines)
    print(f"FtM: {len(lines)} lines, {valid} load and validate, {dangling} dangling references")
    print("FtM schemas: " + ", ".join(f"{k} {v}" for k, v in schemas.most_common()))
    csv = io.StringIO()
    write_text(snap, "acled", csv)
    csv.seek(0)
    table = pd.read_csv(csv)
    print(f"ACLED: {len(table)} rows read back; {int(table['latitude'].notna().sum())} with coordinates; "
          + ", ".join(f"{k} {v}" for k, v in table["event_type"].value_counts().items()))
    graph_bytes = io.BytesIO()
    write_binary(snap, "graphml", graph_bytes)
    graph_bytes.seek(0)
    graph = nx.read_graphml(graph_bytes)
    print(f"GraphML: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges read back")
    hits = screen_list(engine, list_path, record=True)
    print(f"screening against {list_path.name}: {len(hits)} hits")
    for hit in hits:
        print(f"  {hit.score:.2f}  {hit.entity.name} -> {hit.entry.name} [{hit.entry.id}]")
    wanted = gold_sanctioned(eval_dir)
    hit_names = {fold(f) for h in hits for f in h.entity.forms}
    held = {fold(f) for e in snap.entities.values() for f in [e.name, *e.aliases]}
    present = {w for w in wanted if w in held}
    print(f"gold sanctioned_by subjects: {len(wanted)}; held by the knowledge base: {len(present)}; "
          f"screened as hits: {len(present & hit_names)}")


if __name__ == "__main__":
    main()
