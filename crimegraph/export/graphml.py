"""The actor network as a networkx graph with typed, sourced edges; written as GraphML or GEXF (Gephi)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import IO, Any

import networkx as nx

from crimegraph.export.context import article_countries, context_of, place_of
from crimegraph.export.snapshot import ClaimRecord, EventRecord, Snapshot, group_claims

MAX_EVENT_ACTORS = 12
ACTIVITY = "ACTIVITY"


def _joined(values: Iterable[str | None]) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def actor_graph(snap: Snapshot) -> nx.MultiDiGraph:
    """Entities (and criminal activities) as nodes; claims and shared events as directed, typed edges."""
    graph = nx.MultiDiGraph(name="crimegraph actor network")
    countries = article_countries(snap)
    for entity in snap.entities.values():
        attrs: dict[str, Any] = {"label": entity.name, "type": entity.type, "aliases": _joined(entity.aliases),
                                 "mentions": entity.mentions, "articles": len(entity.articles)}
        if entity.type == "LOCATION":
            place = place_of(entity, None, context_of(entity.articles, countries))
            if place is not None:
                attrs.update(country=place.country, latitude=place.latitude, longitude=place.longitude)
        graph.add_node(entity.id, **attrs)
    for (subject_id, predicate, object_key), group in group_claims(snap).items():
        target = group[0].object_id or _activity(graph, object_key)
        if subject_id in graph and target in graph:
            graph.add_edge(subject_id, target, key=f"{predicate}:{subject_id}:{target}",
                           **_claim_edge(predicate, group, snap))
    for event in snap.events:
        _event_edges(graph, event, snap)
    return graph


def _activity(graph: nx.MultiDiGraph, name: str) -> str:
    node = f"activity:{name}"
    if node not in graph:
        graph.add_node(node, label=name.replace("_", " "), type=ACTIVITY, aliases="", mentions=0, articles=0)
    return node


def _claim_edge(predicate: str, group: list[ClaimRecord], snap: Snapshot) -> dict[str, Any]:
    articles = [snap.articles.get(c.article_id) for c in group]
    return {
        "kind": "claim", "label": predicate, "predicate": predicate,
        "status": _joined(c.status for c in group), "source": _joined(c.source for c in group),
        "articles": _joined(c.article_id for c in group), "publishers": _joined(a.source for a in articles if a),
        "dates": _joined(a.date for a in articles if a), "claims": len(group), "weight": float(len(group)),
        "evidence": _joined(e.get("text") for c in group for e in c.evidence[:1])[:1000],
    }


def _event_edges(graph: nx.MultiDiGraph, event: EventRecord, snap: Snapshot) -> None:
    actors = [a for a in event.actor_ids if a in graph]
    if not 2 <= len(actors) <= MAX_EVENT_ACTORS:
        return
    articles = [snap.articles.get(a) for a in event.article_ids]
    attrs = {
        "kind": "event", "label": f"event:{event.type}", "predicate": f"event:{event.type}", "status": "reported",
        "source": "", "articles": _joined(event.article_ids), "publishers": _joined(a.source for a in articles if a),
        "dates": event.date or "", "claims": 0, "weight": 1.0, "event": event.id,
        "evidence": _joined(e.get("text") for r in event.reports for e in r.evidence[:1])[:1000],
    }
    for a, b in combinations(actors, 2):
        graph.add_edge(a, b, key=f"{event.id}:{a}:{b}", **attrs)


def edge_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """How many edges of each label the graph has."""
    counts: dict[str, int] = defaultdict(int)
    for _, _, label in graph.edges(data="label"):
        counts[str(label)] += 1
    return dict(counts)


def write_graphml(snap: Snapshot, out: IO[bytes]) -> int:
    """Write the actor network as GraphML; how many edges it has."""
    graph = actor_graph(snap)
    nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True)
    return int(graph.number_of_edges())


def write_gexf(snap: Snapshot, out: IO[bytes]) -> int:
    """Write the actor network as GEXF 1.2 for Gephi; how many edges it has."""
    graph = actor_graph(snap)
    nx.write_gexf(graph, out, encoding="utf-8", prettyprint=True, version="1.2draft")
    return int(graph.number_of_edges())
