"""The actor graph (networkx): claims and shared events between resolved entities; cited shortest paths."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations, islice
from typing import Any

import networkx as nx
from sqlalchemy import Connection, select

from crimegraph.analyse.profile import resolve_target
from crimegraph.store.db import Bind, connect
from crimegraph.store.queries import Citation, EntityRef, citations, entity_refs
from crimegraph.store.tables import claims, entities, event_actors, event_reports, events

MAX_EVENT_ACTORS = 12


@dataclass(slots=True)
class Step:
    """One hop: from one entity to the next, by a claim or a shared event, with its citations."""

    source: EntityRef
    target: EntityRef
    relation: str
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source.to_dict(), "target": self.target.to_dict(), "relation": self.relation,
                "citations": [c.to_dict() for c in self.citations]}


@dataclass(slots=True)
class PathResult:
    """Shortest paths between two entities (empty when they are not connected)."""

    source: EntityRef
    target: EntityRef
    paths: list[list[Step]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source.to_dict(), "target": self.target.to_dict(),
                "paths": [[s.to_dict() for s in path] for path in self.paths]}


def build_graph(conn: Connection) -> nx.Graph:
    """Resolved entities as nodes; an edge holds the claims and events linking two of them."""
    canonical = dict(list(conn.execute(select(entities.c.id, entities.c.canonical_id))))
    graph = nx.Graph()
    links: dict[tuple[str, str], list[tuple[str, Any]]] = defaultdict(list)
    for row in conn.execute(select(claims.c.subject_id, claims.c.object_id, claims.c.predicate, claims.c.status,
                                   claims.c.article_id, claims.c.evidence).where(claims.c.object_id.is_not(None))):
        a, b = canonical[row.subject_id], canonical[row.object_id]
        if a != b:
            links[(a, b) if a < b else (b, a)].append(
                ("claim", (a, row.predicate, b, row.status, row.article_id, row.evidence)))
    actors: dict[str, set[str]] = defaultdict(set)
    reports: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for event_id, node in conn.execute(select(event_reports.c.event_id, event_actors.c.entity_id)
                                       .join(event_actors, event_actors.c.report_id == event_reports.c.id)):
        actors[event_id].add(canonical[node])
    for event_id, type_, date, article_id, evidence in conn.execute(
            select(events.c.id, events.c.type, events.c.date, event_reports.c.article_id, event_reports.c.evidence)
            .join(event_reports, event_reports.c.event_id == events.c.id)):
        reports[event_id].append((article_id, evidence))
        graph.graph.setdefault("event_types", {})[event_id] = (type_, date)
    for event_id, members in actors.items():
        if 2 <= len(members) <= MAX_EVENT_ACTORS:
            for a, b in combinations(sorted(members), 2):
                links[(a, b)].append(("event", event_id))
    graph.graph["reports"] = reports
    for (a, b), items in links.items():
        graph.add_edge(a, b, links=items)
    return graph


def describe(graph: nx.Graph, conn: Connection, a: str, b: str, refs: dict[str, EntityRef]) -> Step:
    """The step from a to b: its best link (a claim before an event), cited."""
    items: list[tuple[str, Any]] = graph.edges[a, b]["links"]
    claims_ = [item for kind, item in items if kind == "claim"]
    if claims_:
        subject, predicate, obj, status, article_id, evidence = claims_[0]
        relation = f"{refs[subject].name} {predicate.replace('_', ' ')} {refs[obj].name}"
        if status != "asserted":
            relation += f" ({status})"
        cited = citations(conn, [(c[4], c[5]) for c in claims_[:3]])
        return Step(refs[a], refs[b], relation, cited)
    event_id = next(item for kind, item in items if kind == "event")
    type_, date = graph.graph["event_types"][event_id]
    relation = f"both in the {type_} event of {date or 'unknown date'}"
    return Step(refs[a], refs[b], relation, citations(conn, graph.graph["reports"][event_id][:3]))


def shortest_paths(bind: Bind, source: str, target: str, limit: int = 3) -> PathResult:
    """Up to `limit` shortest paths between two entities (names or ids), every step cited."""
    with connect(bind) as conn:
        a, _ = resolve_target(conn, source)
        b, _ = resolve_target(conn, target)
        graph = build_graph(conn)
        found: list[list[str]] = []
        if a in graph and b in graph and a != b:
            try:
                found = list(islice(nx.all_shortest_paths(graph, a, b), limit))
            except nx.NetworkXNoPath:
                found = []
        refs = entity_refs(conn, {a, b} | {n for path in found for n in path})
        result = PathResult(refs[a], refs[b])
        for path in found:
            result.paths.append([describe(graph, conn, x, y, refs) for x, y in zip(path, path[1:], strict=False)])
        return result
