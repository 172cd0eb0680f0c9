"""Settling: resolution as a function of what is stored, whatever the order or batches it came in.

Per-batch resolution links a batch's names to what is already stored, so its merges depend on which
articles came first. `settle` re-decides every resolver pair of the whole knowledge base from scratch, in
one fixed order, from names and mentions alone: the same articles always give the same merges, and a
second run changes nothing. A person's judgements are kept and never re-decided. A resolver merge that no
longer holds is superseded by a 'possible' judgement (a match to review, not a merge); a weak link
skipped because it would tie a name to two clusters is recorded as 'possible' too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, func, select, update

from crimegraph.resolve import clusters
from crimegraph.resolve.blocking import candidates, index_keys
from crimegraph.resolve.events import WINDOW_DAYS
from crimegraph.resolve.features import Node
from crimegraph.resolve.resolver import (
    STRONG,
    THRESHOLD,
    Decision,
    Resolver,
    articles_of,
    load_nodes,
    name_score,
    needs_context,
    relatives,
)
from crimegraph.resolve.roles import position_countries
from crimegraph.resolve.settle_events import settle_events
from crimegraph.store.db import in_chunks
from crimegraph.store.tables import POSSIBLE, RESOLVER, SAME, USER, entities, mentions


@dataclass(slots=True)
class Settled:
    """What a settle pass changed: merges made and withdrawn, possible matches recorded, nodes and (with
    settle_all) event reports moved."""

    merged: list[Decision]
    withdrawn: int = 0
    possible: int = 0
    moved: int = 0
    reports_moved: int = 0


def settle_all(conn: Connection, threshold: float = THRESHOLD, window: int = WINDOW_DAYS) -> Settled:
    """Settle entities, then events with the settled clusters: how `ingest`, `load` and `resolve` end."""
    settled = settle(conn, threshold)
    settled.reports_moved = settle_events(conn, window)
    return settled


def settle(conn: Connection, threshold: float = THRESHOLD) -> Settled:
    """Re-decide every resolver pair from the stored names and mentions; record what changed."""
    settle_names(conn)
    every = sorted(conn.execute(select(entities.c.id)).scalars())
    pool = candidates(conn, index_keys(conn, every))
    found = clusters.effective(conn)
    pairs = sorted({clusters.pair(a, b) for a, others in pool.items() for b in others}
                   - {key for key, j in found.items() if j.decided_by == USER})
    resolver = Resolver(conn, threshold)
    resolver._nodes = nodes = load_nodes(conn, {n for p in pairs for n in p})
    pairs = [p for p in pairs if p[0] in nodes and p[1] in nodes]
    first = {p: name_score(nodes[p[0]], nodes[p[1]]) for p in pairs}
    resolver._canonical = strong_clusters(found, [d for d in first.values() if d.score >= STRONG])
    people = {n for p, d in first.items() if d.score > 0.0 for n in p if nodes[n].family == "person"}
    resolver._articles = articles_of(conn, people)
    resolver._relatives = relatives(conn, people)
    resolver._roles = position_countries(conn, people)
    resolver._context = contexts(conn, _needing_context(first, nodes, threshold), resolver._canonical)
    decisions = [resolver.score(nodes[a], nodes[b]) for a, b in pairs]
    resolver._canonical = {n: n for n in nodes}
    wanted = [d for d in decisions if d.score >= threshold]
    accepted = resolver.accept(list(wanted))
    return record(conn, found, accepted, [d for d in wanted if d not in accepted])


def settle_names(conn: Connection) -> int:
    """Give every node its most mentioned form and type (then the longest form, then the first in order), not
    those of whichever article came first; how many nodes changed."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for node, name, type_, count in conn.execute(
            select(mentions.c.entity_id, mentions.c.name, mentions.c.type, func.count())
            .group_by(mentions.c.entity_id, mentions.c.name, mentions.c.type)):
        forms[node][name] += int(count)
        types[node][type_] += int(count)
    changes = []
    for node, name, type_ in conn.execute(select(entities.c.id, entities.c.name, entities.c.type)):
        if node in forms:
            best = (_most(forms[node], by_length=True), _most(types[node]))
            if best != (name, type_):
                changes.append({"node": node, "form": best[0], "kind": best[1]})
    if changes:
        conn.execute(update(entities).where(entities.c.id == bindparam("node"))
                     .values(name=bindparam("form"), type=bindparam("kind")), changes)
    return len(changes)


def _most(counts: Counter[str], by_length: bool = False) -> str:
    """The most counted value; ties go to the longest (when asked), then the first in order."""
    return min(counts, key=lambda value: (-counts[value], -len(value) if by_length else 0, value))


def strong_clusters(found: dict[tuple[str, str], clusters.Judgement], strong: list[Decision]) -> dict[str, str]:
    """Node -> root of the clusters that a person's merges and the strongest name matches alone give."""
    components = clusters.UnionFind({})
    for judgement in sorted(found.values(), key=lambda j: (j.left, j.right)):
        if judgement.decided_by == USER and judgement.judgement == SAME:
            components.union(judgement.left, judgement.right, checked=False)
    for decision in sorted(strong, key=lambda d: (-d.score, d.left, d.right)):
        components.union(decision.left, decision.right)
    return {node: min(members) for members in components.members.values() for node in members}


def _needing_context(first: dict[tuple[str, str], Decision], nodes: dict[str, Node], threshold: float) -> set[str]:
    """Nodes of pairs whose name score alone is not decisive (the ones Resolver.score adds context to)."""
    return {n for (a, b), decision in first.items() if needs_context(decision, nodes[a], threshold) for n in (a, b)}


def contexts(conn: Connection, wanted: Collection[str], canon: dict[str, str]) -> dict[str, set[str]]:
    """Per node, the clusters (by `canon`) of the non-place nodes mentioned in the same articles."""
    articles = articles_of(conn, wanted)
    beside: dict[str, set[str]] = defaultdict(set)
    for part in in_chunks({a for found in articles.values() for a in found}):
        for article, node in conn.execute(
                select(mentions.c.article_id, mentions.c.entity_id).distinct()
                .join(entities, entities.c.id == mentions.c.entity_id)
                .where(mentions.c.article_id.in_(part), entities.c.type != "LOCATION")):
            beside[article].add(canon.get(node, node))
    return {node: set().union(*(beside[a] for a in found)) for node, found in articles.items()}


def record(conn: Connection, found: dict[tuple[str, str], clusters.Judgement], accepted: list[Decision],
           skipped: list[Decision]) -> Settled:
    """Append the judgements that make the recorded state equal the settled one; recompute clusters."""
    settled = Settled([])
    done: set[tuple[str, str]] = set()
    target = {clusters.pair(d.left, d.right): d for d in accepted}
    for key, decision in sorted(target.items()):
        known = found.get(key)
        if known is None or known.judgement != SAME or known.score != decision.score:
            clusters.record(conn, decision.left, decision.right, SAME, RESOLVER, decision.score, decision.features)
            if known is None or known.judgement != SAME:
                settled.merged.append(decision)
    for key, known in sorted(found.items()):
        if known.decided_by == RESOLVER and known.judgement == SAME and key not in target:
            clusters.record(conn, key[0], key[1], POSSIBLE, RESOLVER, known.score, {"withdrawn_by_settle": 1.0})
            settled.withdrawn += 1
            done.add(key)
    for decision in sorted(skipped, key=lambda d: clusters.pair(d.left, d.right)):
        key = clusters.pair(decision.left, decision.right)
        known = found.get(key)
        if key not in target and key not in done and (known is None or known.judgement != POSSIBLE):
            clusters.record(conn, decision.left, decision.right, POSSIBLE, RESOLVER, decision.score,
                            {**decision.features, "ambiguous": 1.0})
            settled.possible += 1
    settled.moved = clusters.recompute(conn)
    return settled
