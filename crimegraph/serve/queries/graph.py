"""The network: entities as nodes, claims (typed by predicate and status) and shared events as edges."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from sqlalchemy import ColumnElement, Connection, or_, select, true

from crimegraph.serve.queries.common import chunked
from crimegraph.store.queries import canonical_of
from crimegraph.store.tables import claims, entities, event_actors, event_reports

SAME_EVENT = "same_event"
ACTIVITY = "ACTIVITY"
ACTORS_PER_EVENT = 8
FRONTIER = 40  # the strongest new neighbours whose own neighbours the next level adds


@dataclass(frozen=True, slots=True)
class GraphFilter:
    """Which edges and nodes to keep: predicates (claim predicates or 'same_event'), statuses, node types."""

    predicates: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()

    def edge(self, predicate: str, status: str) -> bool:
        return (not self.predicates or predicate in self.predicates) and (
            not self.statuses or status in self.statuses or predicate == SAME_EVENT)

    def wants_events(self) -> bool:
        return not self.predicates or SAME_EVENT in self.predicates


ANY_EDGE = GraphFilter()


@dataclass(slots=True)
class Edges:
    """Parallel edges folded into one per (source, target, predicate, status), with claim ids and a count."""

    found: dict[tuple[str, str, str, str], list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, source: str, target: str, predicate: str, status: str, ref: str) -> None:
        if source != target:
            self.found[(source, target, predicate, status)].append(ref)

    def touching(self, nodes: Collection[str]) -> Iterable[tuple[tuple[str, str, str, str], list[str]]]:
        return ((k, v) for k, v in self.found.items() if k[0] in nodes and k[1] in nodes)


def activity_id(name: str) -> str:
    return f"activity:{name}"


def claim_edges(conn: Connection, condition: ColumnElement[bool], keep: GraphFilter, edges: Edges) -> None:
    """Claims as edges between clusters (subject -> object; an activity when the object is not an entity)."""
    subject, target = entities.alias("s"), entities.alias("o")
    rows = conn.execute(select(subject.c.canonical_id, target.c.canonical_id, claims.c.object, claims.c.predicate,
                               claims.c.status, claims.c.id)
                        .join(subject, subject.c.id == claims.c.subject_id)
                        .outerjoin(target, target.c.id == claims.c.object_id).where(condition))
    for source, dest, obj, predicate, status, claim_id in rows:
        if keep.edge(predicate, status):
            edges.add(source, dest or activity_id(obj), predicate, status, claim_id)


def event_edges(conn: Connection, nodes: Collection[str] | None, keep: GraphFilter, edges: Edges) -> None:
    """Actors of the same event linked pairwise (events of `nodes`, or all events when None)."""
    if not keep.wants_events():
        return
    query = (select(event_reports.c.event_id, entities.c.canonical_id)
             .join(event_actors, event_actors.c.report_id == event_reports.c.id)
             .join(entities, entities.c.id == event_actors.c.entity_id))
    parts: Iterable[list[str] | None] = [None] if nodes is None else chunked(nodes)
    actors: dict[str, set[str]] = defaultdict(set)
    for part in parts:
        where = true() if part is None else event_reports.c.event_id.in_(
            select(event_reports.c.event_id).join(event_actors, event_actors.c.report_id == event_reports.c.id)
            .where(event_actors.c.entity_id.in_(part)))
        for event_id, canonical in conn.execute(query.where(where)):
            actors[event_id].add(canonical)
    for event_id, found in actors.items():
        for a, b in combinations(sorted(found)[:ACTORS_PER_EVENT], 2):
            edges.add(a, b, SAME_EVENT, "reported", event_id)


def node_rows(conn: Connection, ids: Collection[str]) -> dict[str, dict[str, Any]]:
    """Graph nodes for cluster ids and activity ids."""
    found: dict[str, dict[str, Any]] = {}
    for part in chunked(i for i in ids if not i.startswith("activity:")):
        for node, name, type_ in conn.execute(select(entities.c.id, entities.c.name, entities.c.type)
                                              .where(entities.c.id.in_(part))):
            found[node] = {"id": node, "name": name, "type": type_}
    for node in ids:
        if node.startswith("activity:"):
            found[node] = {"id": node, "name": node.split(":", 1)[1].replace("_", " "), "type": ACTIVITY}
    return found


def members_of(conn: Connection, canonicals: Collection[str]) -> list[str]:
    found: list[str] = []
    for part in chunked(canonicals):
        found.extend(conn.execute(select(entities.c.id).where(entities.c.canonical_id.in_(part))).scalars())
    return found


def assemble(conn: Connection, chosen: list[str], edges: Edges, keep: GraphFilter,
             seeds: Collection[str] = ()) -> dict[str, Any]:
    """Nodes (with degree) and edges among the chosen clusters, dropping nodes of unwanted types."""
    rows = node_rows(conn, chosen)
    kept = {n for n in chosen if n in rows and (n in seeds or not keep.types or rows[n]["type"] in keep.types)}
    out_edges, degree = [], Counter[str]()
    for (source, target, predicate, status), refs in edges.touching(kept):
        degree[source] += len(refs)
        degree[target] += len(refs)
        out_edges.append({"id": f"{source}|{target}|{predicate}|{status}", "source": source, "target": target,
                          "predicate": predicate, "status": status, "count": len(refs), "refs": refs[:20]})
    nodes = [{**rows[n], "degree": degree[n], "seed": n in seeds} for n in chosen if n in kept]
    return {"nodes": nodes, "edges": out_edges}


def neighbourhood(conn: Connection, entity: str, depth: int, keep: GraphFilter, limit: int) -> dict[str, Any]:
    """The clusters within `depth` edges of an entity (breadth first, at most `limit` nodes)."""
    seed = canonical_of(conn, entity)
    if seed is None:
        return {"nodes": [], "edges": [], "truncated": False, "entity": entity}
    edges, chosen, frontier, truncated = Edges(), [seed], {seed}, False
    for _ in range(max(depth, 1)):
        nodes = members_of(conn, frontier)
        for part in chunked(nodes):
            claim_edges(conn, or_(claims.c.subject_id.in_(part), claims.c.object_id.in_(part)), keep, edges)
        event_edges(conn, nodes, keep, edges)
        weight: Counter[str] = Counter()
        for (source, target, _, _), refs in edges.found.items():
            for node, other in ((source, target), (target, source)):
                if node in frontier and other not in chosen:
                    weight[other] += len(refs)
        fresh = [n for n, _ in weight.most_common()]
        room = limit - len(chosen)
        truncated = truncated or len(fresh) > room
        chosen.extend(fresh[:max(room, 0)])
        frontier = {n for n in fresh[:max(min(room, FRONTIER), 0)] if not n.startswith("activity:")}
        if not frontier:
            break
    return {**assemble(conn, chosen, edges, keep, {seed}), "truncated": truncated, "entity": seed}


def node_type(conn: Connection) -> dict[str, str]:
    """Type of every cluster (its canonical node), in one query."""
    rows = conn.execute(select(entities.c.id, entities.c.type).where(entities.c.id == entities.c.canonical_id))
    return {node: type_ for node, type_ in rows}


def overview(conn: Connection, keep: GraphFilter, limit: int) -> dict[str, Any]:
    """The most connected clusters and the edges among them."""
    edges = Edges()
    claim_edges(conn, true(), keep, edges)
    event_edges(conn, None, keep, edges)
    degree: Counter[str] = Counter()
    for (source, target, _, _), refs in edges.found.items():
        degree[source] += len(refs)
        degree[target] += len(refs)
    types = node_type(conn) if keep.types else {}

    def wanted(node: str) -> bool:
        kind = ACTIVITY if node.startswith("activity:") else types.get(node)
        return not keep.types or kind in keep.types

    ranked = [n for n, _ in degree.most_common() if wanted(n)]
    return {**assemble(conn, ranked[:limit], edges, keep), "truncated": len(ranked) > limit, "entity": None}


def graph(conn: Connection, entity: str | None = None, depth: int = 1, keep: GraphFilter = ANY_EDGE,
          limit: int = 150) -> dict[str, Any]:
    """The network around an entity, or the most connected part of the whole knowledge base."""
    limit = min(max(limit, 1), 1000)
    if entity:
        return neighbourhood(conn, entity, min(depth, 4), keep, limit)
    return overview(conn, keep, limit)
