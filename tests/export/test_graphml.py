"""GraphML and GEXF: the actor network loads back with networkx, edges typed and sourced."""

from __future__ import annotations

import io

import networkx as nx

from crimegraph.export import Snapshot
from crimegraph.export.graphml import actor_graph, edge_counts, write_gexf, write_graphml


def test_graph_nodes_and_typed_edges(snap: Snapshot) -> None:
    graph = actor_graph(snap)
    assert graph.number_of_nodes() == len(snap.entities) + 1  # plus the drug-trafficking activity node
    counts = edge_counts(graph)
    assert counts["sanctioned_by"] == 2 and counts["holds_position"] == 2
    assert counts["involved_in"] == 2 and counts["event:sanction"] == 3 and counts["event:attack"] == 1


def test_graphml_round_trip_keeps_sources(snap: Snapshot) -> None:
    out = io.BytesIO()
    edges = write_graphml(snap, out)
    out.seek(0)
    graph = nx.read_graphml(out)
    assert graph.number_of_edges() == edges
    names = {data["label"]: node for node, data in graph.nodes(data=True)}
    padrino = names["Vladimir Padrino López"]
    assert graph.nodes[padrino]["type"] == "PERSON"
    claims = [d for _, _, d in graph.out_edges(padrino, data=True) if d["kind"] == "claim"]
    involved = next(d for d in claims if d["predicate"] == "involved_in")
    assert (involved["status"], involved["source"], involved["articles"]) == ("alleged", "prosecutors", "kb-one")
    assert "prosecutors accuse" in involved["evidence"]
    assert graph.nodes[names["Caracas"]]["latitude"] == 10.49


def test_gexf_round_trip(snap: Snapshot) -> None:
    out = io.BytesIO()
    edges = write_gexf(snap, out)
    out.seek(0)
    graph = nx.read_gexf(out)
    assert graph.number_of_edges() == edges
    assert {d["label"] for _, d in graph.nodes(data=True)} >= {"ELN", "Colombian Army", "drug trafficking"}
