"""The one dossier (by name or id) and paths over a small hand-made knowledge base; every fact cited."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

import crimegraph.analyse.dossier as dossier
import crimegraph.analyse.graph as graph
from crimegraph.analyse.facts import facts
from crimegraph.analyse.graph import shortest_paths
from crimegraph.analyse.profile import NotFound, lookup, profile, resolve_target
from crimegraph.model import Extraction
from crimegraph.store.queries import members
from tests.kb import actor, claim, doc, event, load, person, place

SANCTION = "The US Treasury sanctioned Padrino López, the defence minister, in early 2018."
CHARGE = "US prosecutors charged Vladimir Padrino López with conspiring to traffic cocaine."
MINISTER = "Vladimir Padrino López has led the Defense Ministry since 2014."
DEAL = "The Defense Ministry signed a contract with the Norte Group."


def knowledge_base(engine: Engine) -> None:
    load(engine, [
        (doc("k1", SANCTION, "2018-01-05", "Treasury adds officials to list"), Extraction("k1", [
            person("Padrino López", sentence=SANCTION), actor("US Treasury"), place("United States")],
            [event("sanction", "2018-01-05", None, "US Treasury", "Padrino López", sentence=SANCTION)],
            [claim("Padrino López", "sanctioned_by", "United States", sentence=SANCTION)])),
        (doc("k2", CHARGE, "2020-03-26", "Charges filed"), Extraction("k2", [
            person("Vladimir Padrino López", "Padrino", sentence=CHARGE), actor("US prosecutors")],
            [event("accusation", "2020-03-26", None, "Vladimir Padrino López", sentence=CHARGE)],
            [claim("Vladimir Padrino López", "involved_in", "drug_trafficking", "alleged", "US prosecutors", CHARGE),
             claim("Vladimir Padrino López", "holds_position", "Defense Ministry", sentence=MINISTER)])),
        (doc("k3", DEAL, "2020-04-01", "Contract"), Extraction("k3", [
            actor("Defense Ministry"), actor("Norte Group", "ORGANIZATION")], [],
            [claim("Defense Ministry", "supports", "Norte Group", sentence=DEAL)])),
    ])


def test_profile_of_a_short_name_is_the_full_dossier(engine: Engine) -> None:
    knowledge_base(engine)
    found = profile(engine, "Padrino López")
    assert found.entity.name == "Vladimir Padrino López"
    assert found.entity.type == "PERSON" and found.entity.articles == 2
    assert {"Padrino López", "Padrino"} <= {name for name, _ in found.names}
    assert {m["name"] for m in found.members} == {"Padrino López", "Vladimir Padrino López"}
    sanction = found.facts["sanctions"][0]
    assert sanction.value == "United States" and sanction.status == "asserted"
    assert sanction.citations[0]["evidence"][0]["text"] == SANCTION
    assert sanction.citations[0]["article"]["title"] == "Treasury adds officials to list"
    activity = found.facts["activities"][0]
    assert (activity.value, activity.status, activity.alleged_by) == ("drug_trafficking", "alleged",
                                                                      ["US prosecutors"])
    assert found.facts["positions"][0].value == "Defense Ministry"


def test_events_come_newest_first_with_citations(engine: Engine) -> None:
    knowledge_base(engine)
    found = profile(engine, "Vladimir Padrino López")
    assert [(e["type"], e["date"]) for e in found.events] == [("accusation", "2020-03-26"),
                                                              ("sanction", "2018-01-05")]
    assert all(e["reports"] and e["reports"][0]["evidence"][0]["text"] for e in found.events)


def test_ties_rank_the_actors_most_linked(engine: Engine) -> None:
    knowledge_base(engine)
    ties = profile(engine, "Padrino").ties
    assert ties[0].entity.name in {"Defense Ministry", "United States"}
    assert "US Treasury" in {t.entity.name for t in ties}
    assert all(t.citations and t.citations[0]["evidence"] for t in ties)


def test_inverse_relations_and_json(engine: Engine) -> None:
    knowledge_base(engine)
    ministry = profile(engine, "defense ministry")
    assert ministry.facts["officials"][0].value == "Vladimir Padrino López"
    assert ministry.facts["supports"][0].value == "Norte Group"
    record = ministry.to_dict()
    assert record["facts"]["officials"][0]["citations"][0]["evidence"][0]["text"] == MINISTER
    assert record["entity"]["type"] == "STATE_ACTOR"


def test_unknown_names_are_a_clear_error(engine: Engine) -> None:
    knowledge_base(engine)
    with pytest.raises(NotFound):
        profile(engine, "Nobody Atall")
    with engine.connect() as conn:
        assert dossier.dossier(conn, "nobody") is None


def test_paths_go_through_claims_and_shared_events_each_step_cited(engine: Engine) -> None:
    knowledge_base(engine)
    result = shortest_paths(engine, "Norte Group", "US Treasury")
    assert result.paths
    steps = result.paths[0]
    assert [s.source.name for s in steps] == ["Norte Group", "Defense Ministry", "Vladimir Padrino López"]
    assert steps[-1].target.name == "US Treasury"
    assert "sanction event" in steps[-1].relation
    assert all(step.citations for step in steps)
    assert shortest_paths(engine, "Norte Group", "US prosecutors").paths == []


def test_a_fact_cites_its_newest_claims_and_counts_them_all(engine: Engine) -> None:
    said_by = [("m1", "2019-06-01"), ("m2", "2021-02-11"), ("m3", "2020-09-30")]
    load(engine, [(doc(ident, f"Rosa Vidal leads the Harbour Union ({ident}).", day), Extraction(ident, [
        person("Rosa Vidal"), actor("Harbour Union", "ORGANIZATION")],
        [], [claim("Rosa Vidal", "member_of", "Harbour Union", sentence=f"Rosa Vidal leads ({ident}).")]))
        for ident, day in said_by])
    with engine.connect() as conn:
        nodes = members(conn, resolve_target(conn, "Rosa Vidal")[0])
        membership = facts(conn, nodes, cited=2)["memberships"][0]
    assert membership.citation_count == 3
    assert [c["article"]["id"] for c in membership.citations] == ["m2", "m3"]
    assert membership.to_dict()["citation_count"] == 3


def test_events_are_the_latest_with_a_total(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    knowledge_base(engine)
    monkeypatch.setattr(dossier, "EVENTS", 1)
    found, others = lookup(engine, "Vladimir Padrino López")
    assert others == []
    assert [(e["type"], e["date"]) for e in found.events] == [("accusation", "2020-03-26")]
    record = found.to_dict()
    assert record["event_count"] == 2
    assert record["events"][0]["report_count"] == 1


def test_a_path_search_past_its_budget_says_so(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    knowledge_base(engine)
    assert shortest_paths(engine, "Norte Group", "US Treasury").to_dict()["complete"] is True
    monkeypatch.setattr(graph, "MAX_REACH", 0)
    cut = shortest_paths(engine, "Norte Group", "US Treasury")
    assert cut.paths == [] and cut.complete is False
