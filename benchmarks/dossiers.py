"""Dossier-precision benchmark: are the claims and merged names of the most connected actors right?

    .venv/bin/python benchmarks/dossiers.py [--n 132] [--top 20] [--dump FILE] [--wrong FILE] [--clusters 50]

Builds a fresh knowledge base from the determinism sample (the first --n distinct corpus articles naming
Venezuela, no dev document; extractions cached as in benchmarks/determinism.py), takes the --top actors
(not places) with the most claims and event reports, and for each prints the share of its claims (as
subject or object) and of its merged names that the judgements in benchmarks/data/dossiers.judged.jsonl
call right. Those judgements were made by reading each claim's sentence in its article: a claim is right
when the sentence states it of this actor (status aside); a merged name is right when it names the same
real-world actor. Items without a judgement (after a change of extraction) are counted apart; --dump writes
them, with their sentences, to a file to judge (outside the repository: the sentences are the outlets');
--wrong writes the items judged wrong the same way, to read for their causes. --clusters N prints the N
largest person clusters with every name in each, to check that none joins two different people.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from crimegraph.settings import Settings
from crimegraph.store.db import open_db
from crimegraph.store.tables import claims, entities, event_actors, mentions

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from determinism import extractions, sample  # noqa: E402

from crimegraph.ingest.runner import ingest  # noqa: E402

JUDGED = HERE / "data" / "dossiers.judged.jsonl"


def claim_key(row: Any, names: dict[str, str]) -> str:
    """A claim's identity that survives rebuilding: article, subject and object node names, predicate."""
    evidence = row.evidence[0] if row.evidence else {}
    return "|".join([row.article_id, names.get(row.subject_id, row.subject), row.predicate,
                     names.get(row.object_id, row.object) if row.object_id else row.object,
                     str(evidence.get("start", ""))])


def top_actors(conn: Connection, top: int) -> list[str]:
    """Canonical ids of the non-place actors with the most claims and event reports."""
    canon = dict(conn.execute(select(entities.c.id, entities.c.canonical_id)).all())
    kinds = dict(conn.execute(select(entities.c.id, entities.c.type)).all())
    counts: Counter[str] = Counter()
    for subject, obj in conn.execute(select(claims.c.subject_id, claims.c.object_id)):
        for node in {subject, obj} - {None}:
            counts[canon[node]] += 1
    for (node,) in conn.execute(select(event_actors.c.entity_id)):
        counts[canon[node]] += 1
    return [c for c, _ in counts.most_common() if kinds.get(c) != "LOCATION"][:top]


def dossier(conn: Connection, canonical: str) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    """An actor's display name, its claims and its merged names, as items to judge."""
    members = list(conn.execute(select(entities.c.id).where(entities.c.canonical_id == canonical)).scalars())
    names = dict(conn.execute(select(entities.c.id, entities.c.name)).all())
    items = []
    rows = conn.execute(select(claims).where(claims.c.subject_id.in_(members) | claims.c.object_id.in_(members)))
    for row in rows:
        evidence = row.evidence[0] if row.evidence else {}
        items.append({"kind": "claim", "actor": names[canonical], "key": claim_key(row, names),
                      "claim": f"{names.get(row.subject_id, row.subject)} {row.predicate} "
                               f"{names.get(row.object_id, row.object) if row.object_id else row.object} "
                               f"[{row.status}]",
                      "component": row.component, "article": row.article_id, "sentence": evidence.get("text", "")})
    merged = [{"kind": "name", "actor": names[canonical], "key": f"{names[canonical]}|{names[m]}",
               "name": names[m]} for m in members if m != canonical]
    return names[canonical], items, merged


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=132)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--dump", help="write the unjudged items, with sentences, to this file")
    parser.add_argument("--wrong", help="write the items judged wrong, with sentences, to this file")
    parser.add_argument("--clusters", type=int, default=0, help="print this many largest person clusters")
    args = parser.parse_args()
    articles = sample(args.n)
    cache = extractions(articles)
    judged: dict[str, bool] = {}
    if JUDGED.exists():
        for line in JUDGED.open():
            record = json.loads(line)
            judged[record["key"]] = bool(record["right"])
    todo: list[dict[str, Any]] = []
    judged_wrong: list[dict[str, Any]] = []
    totals: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/kb.db"
        engine = open_db(url)
        ingest(list(articles), engine, Settings(db=url), extractor=lambda batch: (cache[a.id] for a in batch))
        with engine.connect() as conn:
            print(f"{'actor':40} {'claims right':>14} {'names right':>12} {'unjudged':>9}")
            for canonical in top_actors(conn, args.top):
                name, items, merged = dossier(conn, canonical)
                line: dict[str, Counter[str]] = defaultdict(Counter)
                for item in items + merged:
                    verdict = judged.get(item["key"])
                    if verdict is None:
                        todo.append(item)
                        line[item["kind"]]["unjudged"] += 1
                    else:
                        line[item["kind"]]["right" if verdict else "wrong"] += 1
                        if not verdict:
                            judged_wrong.append(item)
                for kind in ("claim", "name"):
                    for k, v in line[kind].items():
                        totals[f"{kind} {k}"] += v
                print(f"{name[:40]:40} {share(line['claim']):>14} {share(line['name']):>12} "
                      f"{line['claim']['unjudged'] + line['name']['unjudged']:>9}")
            if args.clusters:
                print_clusters(conn, args.clusters)
        engine.dispose()
    for kind in ("claim", "name"):
        right, wrong = totals[f"{kind} right"], totals[f"{kind} wrong"]
        print(f"{kind}s: {right} right of {right + wrong} judged "
              f"({right / (right + wrong) if right + wrong else 1.0:.3f}); {totals[f'{kind} unjudged']} unjudged")
    if args.dump:
        Path(args.dump).write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in todo))
        print(f"{len(todo)} items to judge -> {args.dump}")
    if args.wrong:
        Path(args.wrong).write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in judged_wrong))
        print(f"{len(judged_wrong)} items judged wrong -> {args.wrong}")


def print_clusters(conn: Connection, top: int) -> None:
    """The `top` person clusters with the most mentions: canonical name, mentions, every member's name."""
    rows = conn.execute(select(entities.c.id, entities.c.name, entities.c.canonical_id)
                        .where(entities.c.type == "PERSON")).all()
    counts = Counter(dict(conn.execute(select(mentions.c.entity_id, func.count())
                                       .group_by(mentions.c.entity_id)).all()))
    groups: dict[str, list[str]] = defaultdict(list)
    size: Counter[str] = Counter()
    names = {node: name for node, name, _ in rows}
    for node, _, canonical in rows:
        groups[canonical].append(node)
        size[canonical] += counts[node]
    print(f"\n{top} largest person clusters (mentions; merged names):")
    ranked = sorted(groups, key=lambda c: (-len(groups[c]), -size[c], names.get(c, c)))[:top]
    for rank, canonical in enumerate(ranked, 1):
        others = sorted({names[n] for n in groups[canonical]} - {names.get(canonical, canonical)})
        print(f"{rank:3}. {names.get(canonical, canonical)} ({size[canonical]}; {len(groups[canonical])} nodes)"
              + (f": {'; '.join(others)}" if others else ""))


def share(counts: Counter[str]) -> str:
    judged = counts["right"] + counts["wrong"]
    return f"{counts['right']}/{judged}" if judged else "-"


if __name__ == "__main__":
    main()
