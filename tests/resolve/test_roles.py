"""The conflicting-roles veto: people whose positions lie in different countries are never merged."""

from __future__ import annotations

from sqlalchemy import Engine, select

from crimegraph.model import Extraction
from crimegraph.resolve.roles import body_country, roles_conflict
from crimegraph.resolve.settle import settle
from crimegraph.store.tables import entities
from tests.kb import actor, claim, doc, load, person


def canonical(engine: Engine, name: str) -> str:
    with engine.connect() as conn:
        return str(conn.execute(select(entities.c.canonical_id).where(entities.c.name == name)).scalar_one())


def official(article: str, name: str, body: str) -> Extraction:
    return Extraction(article, [person(name), actor(body)], claims=[claim(name, "holds_position", body)])


def test_body_country_reads_keys_names_and_adjectives() -> None:
    assert body_country("Defense Ministry", "actor:defense ministry@VE") == "VE"
    assert body_country("Government of Colombia", "actor:government of colombia") == "CO"
    assert body_country("Venezuelan Army", "actor:venezuelan army") == "VE"
    assert body_country("Policía Nacional de Colombia", "actor:x") == "CO"  # "de" is no country
    assert body_country("National Assembly", "actor:national assembly") is None


def test_roles_conflict_needs_both_known_and_disjoint() -> None:
    assert roles_conflict({"CO"}, {"VE"})
    assert not roles_conflict({"CO", "VE"}, {"VE"})
    assert not roles_conflict(set(), {"VE"})


def test_namesakes_serving_two_countries_stay_apart(engine: Engine) -> None:
    load(engine, [
        (doc("p1", "one"), official("p1", "Carlos Rodríguez Torres", "Government of Colombia")),
        (doc("p2", "two"), official("p2", "Carlos Rodriguez Torres", "Venezuelan Army")),
    ])
    assert canonical(engine, "Carlos Rodriguez Torres") != canonical(engine, "Carlos Rodríguez Torres")
    with engine.begin() as conn:
        settle(conn)
    assert canonical(engine, "Carlos Rodriguez Torres") != canonical(engine, "Carlos Rodríguez Torres")


def test_same_country_roles_still_merge(engine: Engine) -> None:
    load(engine, [
        (doc("s1", "one"), official("s1", "Carlos Rodríguez Torres", "Government of Colombia")),
        (doc("s2", "two"), official("s2", "Carlos Rodriguez Torres", "Colombian Army")),
    ])
    assert canonical(engine, "Carlos Rodriguez Torres") == canonical(engine, "Carlos Rodríguez Torres")


def test_a_role_free_name_does_not_chain_two_countries(engine: Engine) -> None:
    load(engine, [
        (doc("c1", "one"), official("c1", "Carlos Rodríguez Torres", "Government of Colombia")),
        (doc("c2", "two"), Extraction("c2", [person("Carlos Rodriguez Torres")])),
        (doc("c3", "three"), official("c3", "Carlos Rodríguez Tórres", "Venezuelan Army")),
    ])
    with engine.begin() as conn:
        settle(conn)
    assert canonical(engine, "Carlos Rodríguez Tórres") != canonical(engine, "Carlos Rodríguez Torres")
