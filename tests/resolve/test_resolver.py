"""Cross-article resolution through ingest: merges with recorded reasons, vetoes, and a person's judgements."""

from __future__ import annotations

from sqlalchemy import Engine, select

from crimegraph.analyse.refs import find_entities
from crimegraph.model import Extraction
from crimegraph.resolve import clusters
from crimegraph.resolve.settle import settle
from crimegraph.store.tables import entities, judgements
from tests.kb import actor, doc, load, person, place


def canonical(engine: Engine, name: str) -> str:
    with engine.connect() as conn:
        return str(conn.execute(select(entities.c.canonical_id).where(entities.c.name == name)).scalar_one())


def node_id(engine: Engine, name: str) -> str:
    with engine.connect() as conn:
        return str(conn.execute(select(entities.c.id).where(entities.c.name == name)).scalar_one())


def corpus(engine: Engine) -> None:
    load(engine, [
        (doc("r1", "text one"), Extraction("r1", [
            person("Vladimir Padrino López"), actor("Cartel of the Suns", "ILLEGAL_GROUP"),
            actor("Guardia Nacional Bolivariana", "STATE_ACTOR", "GNB"), person("Juan Pérez"), place("Venezuela")])),
        (doc("r2", "text two"), Extraction("r2", [
            person("Padrino López"), actor("Cartel de los Soles", "ILLEGAL_GROUP"), actor("GNB"),
            person("Pedro Pérez"), actor("Venezuela", "ORGANIZATION")])),
    ])


def test_names_of_one_actor_merge_with_their_reasons(engine: Engine) -> None:
    corpus(engine)
    assert canonical(engine, "Padrino López") == canonical(engine, "Vladimir Padrino López")
    assert canonical(engine, "Cartel de los Soles") == canonical(engine, "Cartel of the Suns")
    assert canonical(engine, "GNB") == canonical(engine, "Guardia Nacional Bolivariana")
    with engine.connect() as conn:
        reasons = [row.features for row in conn.execute(select(judgements))]
    assert {"translation": 0.9} in reasons
    assert all(row for row in reasons)


def test_different_people_and_kinds_stay_apart(engine: Engine) -> None:
    corpus(engine)
    assert canonical(engine, "Juan Pérez") != canonical(engine, "Pedro Pérez")
    with engine.connect() as conn:
        venezuela = conn.execute(select(entities.c.canonical_id).where(entities.c.name == "Venezuela")).all()
    assert len({row[0] for row in venezuela}) == 2


def test_the_profile_name_finds_the_merged_entity(engine: Engine) -> None:
    corpus(engine)
    found = find_entities(engine, "padrino lopez")
    assert [r.name for r in found] == ["Vladimir Padrino López"]
    assert found[0].articles == 2


def test_split_and_merge_are_recorded_respected_and_nothing_is_deleted(engine: Engine) -> None:
    corpus(engine)
    short, full = node_id(engine, "Padrino López"), node_id(engine, "Vladimir Padrino López")
    with engine.begin() as conn:
        clusters.split(conn, short)
    assert canonical(engine, "Padrino López") != canonical(engine, "Vladimir Padrino López")
    with engine.begin() as conn:
        settle(conn)
    assert canonical(engine, "Padrino López") != canonical(engine, "Vladimir Padrino López")
    with engine.begin() as conn:
        clusters.merge(conn, short, full)
        settle(conn)
    assert canonical(engine, "Padrino López") == canonical(engine, "Vladimir Padrino López")
    with engine.connect() as conn:
        verdicts = [(r.judgement, r.decided_by) for r in conn.execute(select(judgements).order_by(judgements.c.id))]
        names = {r.name for r in conn.execute(select(entities.c.name))}
    assert ("different", "user") in verdicts and ("same", "user") in verdicts
    assert {"Padrino López", "Vladimir Padrino López"} <= names


def test_merging_people_the_resolver_kept_apart(engine: Engine) -> None:
    corpus(engine)
    with engine.begin() as conn:
        clusters.merge(conn, node_id(engine, "Juan Pérez"), node_id(engine, "Pedro Pérez"))
    assert canonical(engine, "Juan Pérez") == canonical(engine, "Pedro Pérez")


def test_a_lone_surname_between_two_people_is_left_alone(engine: Engine) -> None:
    load(engine, [
        (doc("p1", "one"), Extraction("p1", [person("Ana María Rojas")])),
        (doc("p2", "two"), Extraction("p2", [person("Luis Rojas")])),
        (doc("p3", "three"), Extraction("p3", [person("Rojas")])),
    ])
    assert len({canonical(engine, n) for n in ("Ana María Rojas", "Luis Rojas", "Rojas")}) == 3


def test_relatives_sharing_a_surname_stay_apart(engine: Engine) -> None:
    load(engine, [
        (doc("m1", "text one"), Extraction("m1", [person("Nicolás Maduro Moros"), person("Maduro")])),
        (doc("m2", "text two"), Extraction("m2", [person("Cilia Adela Flores de Maduro"), person("Maduro")])),
        (doc("m3", "text three"), Extraction("m3", [person("Nicolás Maduro"), person("Cilia Flores")])),
    ])
    assert canonical(engine, "Cilia Adela Flores de Maduro") != canonical(engine, "Nicolás Maduro Moros")
    assert canonical(engine, "Nicolás Maduro") == canonical(engine, "Nicolás Maduro Moros")
    with engine.begin() as conn:
        settle(conn)
    assert canonical(engine, "Cilia Adela Flores de Maduro") != canonical(engine, "Nicolás Maduro Moros")


def test_two_full_names_one_article_keeps_apart_stay_apart(engine: Engine) -> None:
    load(engine, [
        (doc("k1", "one"), Extraction("k1", [person("Nicolás Maduro"), person("Nicolás Maduro Guerra")])),
        (doc("k2", "two"), Extraction("k2", [person("Nicolás Maduro Guerra")])),
        (doc("k3", "three"), Extraction("k3", [person("Nicolás Maduro")])),
    ])
    assert canonical(engine, "Nicolás Maduro") != canonical(engine, "Nicolás Maduro Guerra")


def test_a_relative_is_not_merged_with_a_namesake(engine: Engine) -> None:
    son = "Officials include the president's own son, Nicolás Maduro Guerra."
    load(engine, [
        (doc("q1", "one"), Extraction("q1", [person("Nicolás Maduro Guerra", sentence=son)])),
        (doc("q2", "two"), Extraction("q2", [person("Nicolás Maduro")])),
        (doc("q3", "three"), Extraction("q3", [person("Nicolás Maduro Guerra")])),
    ])
    assert canonical(engine, "Nicolás Maduro") != canonical(engine, "Nicolás Maduro Guerra")
    with engine.connect() as conn:
        reasons = [row.features for row in conn.execute(select(judgements))]
    assert not any(r and "relative_of_namesake" in r and r.get("same_name") for r in reasons)
