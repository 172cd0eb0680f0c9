"""The network: entities as nodes, claims (typed by predicate and status) and shared events as edges."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, or_, select, true

from crimegraph.analyse.common import Answer
from crimegraph.store.db import in_chunks
from crimegraph.store.latest import count_claims, count_reports, latest_claim_ids, latest_reported, took_part
from crimegraph.store.queries import canonical_map, canonical_of
from crimegraph.store.tables import claims, entities, event_actors, event_reports

SAME_EVENT = "same_event"
ACTIVITY = "ACTIVITY"
ACTORS_PER_EVENT = 8
FRONTIER = 40  # the strongest new neighbours whose own neighbours the next level adds
CLAIMS_PER_LEVEL = 500  # a level reads at most the latest this many claims of its frontier
EVENTS_PER_LEVEL = 1000  # and the events of at most the latest this many reports naming it


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
class Network(Answer):
    """Graph nodes and edges; whether nodes were left out (`truncated`) or edges counted over the latest
    claims and events only (`sampled`); the centre entity (None for an overview)."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    truncated: bool
    sampled: bool
    entity: str | None


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


def event_edges(conn: Connection, event_ids: Iterable[str] | Select[Any] | None, keep: GraphFilter,
                edges: Edges) -> None:
    """Actors of the same event linked pairwise (the events given, as ids or a query, or all when None)."""
    if not keep.wants_events():
        return
    query = (select(event_reports.c.event_id, event_actors.c.entity_id)
             .join(event_actors, event_actors.c.report_id == event_reports.c.id))
    if event_ids is None or isinstance(event_ids, Select):
        parts: Iterable[Any] = [query if event_ids is None else query.where(event_reports.c.event_id.in_(event_ids))]
    else:
        parts = (query.where(event_reports.c.event_id.in_(part)) for part in in_chunks(event_ids))
    actors: dict[str, set[str]] = defaultdict(set)
    for part in parts:
        for event_id, node in conn.execute(part):
            actors[event_id].add(node)
    canonical = canonical_map(conn, {node for found in actors.values() for node in found})
    for event_id, found in actors.items():
        clusters = sorted({canonical.get(node, node) for node in found})
        for a, b in combinations(clusters[:ACTORS_PER_EVENT], 2):
            edges.add(a, b, SAME_EVENT, "reported", event_id)


def frontier_claims(conn: Connection, nodes: list[str], keep: GraphFilter, edges: Edges) -> bool:
    """Edges of the claims naming the nodes (the latest CLAIMS_PER_LEVEL when there are more); whether cut."""
    condition = or_(claims.c.subject_id.in_(nodes), claims.c.object_id.in_(nodes))
    count = count_claims(conn, condition)
    if count <= CLAIMS_PER_LEVEL:
        claim_edges(conn, condition, keep, edges)
        return False
    for part in in_chunks(latest_claim_ids(conn, nodes, ("subject", "object"), CLAIMS_PER_LEVEL, count)):
        claim_edges(conn, claims.c.id.in_(part), keep, edges)
    return True


def frontier_events(conn: Connection, nodes: list[str], keep: GraphFilter, edges: Edges) -> bool:
    """Edges of the events the nodes took part in (those of their latest EVENTS_PER_LEVEL reports when
    there are more); whether cut."""
    if not keep.wants_events():
        return False
    reports = count_reports(conn, nodes)
    if reports <= EVENTS_PER_LEVEL:
        event_edges(conn, took_part(nodes), keep, edges)
        return False
    found, cut = latest_reported(conn, nodes, EVENTS_PER_LEVEL, reports)
    event_edges(conn, found, keep, edges)
    return cut


def node_rows(conn: Connection, ids: Collection[str]) -> dict[str, dict[str, Any]]:
    """Graph nodes for cluster ids and activity ids."""
    found: dict[str, dict[str, Any]] = {}
    for part in in_chunks(i for i in ids if not i.startswith("activity:")):
        for node, name, type_ in conn.execute(select(entities.c.id, entities.c.name, entities.c.type)
                                              .where(entities.c.id.in_(part))):
            found[node] = {"id": node, "name": name, "type": type_}
    for node in ids:
        if node.startswith("activity:"):
            found[node] = {"id": node, "name": node.split(":", 1)[1].replace("_", " "), "type": ACTIVITY}
    return found


def members_of(conn: Connection, canonicals: Collection[str]) -> list[str]:
    found: list[str] = []
    for part in in_chunks(canonicals):
        found.extend(conn.execute(select(entities.c.id).where(entities.c.canonical_id.in_(part))).scalars())
    return found


def assemble(conn: Connection, chosen: list[str], edges: Edges, keep: GraphFilter,
             seeds: Collection[str] = ()) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
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
    return nodes, out_edges


def neighbourhood(conn: Connection, entity: str, depth: int, keep: GraphFilter, limit: int) -> Network:
    """The clusters within `depth` edges of an entity (breadth first, at most `limit` nodes).

    Each level reads the claims and events of its frontier: at most the latest CLAIMS_PER_LEVEL claims and
    the events of the latest EVENTS_PER_LEVEL reports (`sampled` says when a level had more), so edge
    counts of very connected entities are over their latest claims and events."""
    seed = canonical_of(conn, entity)
    if seed is None:
        return Network([], [], False, False, entity)
    edges, chosen, frontier, truncated, sampled = Edges(), [seed], {seed}, False, False
    for _ in range(max(depth, 1)):
        nodes = sorted(members_of(conn, frontier))
        sampled = frontier_claims(conn, nodes, keep, edges) or sampled
        sampled = frontier_events(conn, nodes, keep, edges) or sampled
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
    return Network(*assemble(conn, chosen, edges, keep, {seed}), truncated, sampled, seed)


def node_type(conn: Connection) -> dict[str, str]:
    """Type of every cluster (its canonical node), in one query."""
    rows = conn.execute(select(entities.c.id, entities.c.type).where(entities.c.id == entities.c.canonical_id))
    return {node: type_ for node, type_ in rows}


def overview(conn: Connection, keep: GraphFilter, limit: int) -> Network:
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
    return Network(*assemble(conn, ranked[:limit], edges, keep), len(ranked) > limit, False, None)


def graph(conn: Connection, entity: str | None = None, depth: int = 1, keep: GraphFilter = ANY_EDGE,
          limit: int = 150) -> Network:
    """The network around an entity, or the most connected part of the whole knowledge base."""
    limit = min(max(limit, 1), 1000)
    if entity:
        return neighbourhood(conn, entity, min(depth, 4), keep, limit)
    return overview(conn, keep, limit)
