"""Feature functions and name normalisation, one behaviour each."""

from __future__ import annotations

from crimegraph.resolve import features as f
from crimegraph.resolve.features import VETO, Node
from crimegraph.resolve.names import acronym, fold, is_acronym, is_generic, translated
from crimegraph.resolve.resolver import name_score


def node(name: str, type_: str = "PERSON", *names: str, country: str | None = None) -> Node:
    return Node(name, name, type_, list(names), country)


def test_fold_drops_accents_case_punctuation_and_leading_articles() -> None:
    assert fold("  The Cártel-de los SOLES ") == "cartel de los soles"
    assert fold("U.S. Treasury") == "us treasury"


def test_translations_meet_in_one_bag_of_words() -> None:
    assert translated("Cartel de los Soles") == translated("Cartel of the Suns")
    assert translated("Ministerio de Defensa") == translated("Defense Ministry") == translated("Ministry of Defence")
    assert translated("Estados Unidos") == translated("United States") == translated("EE.UU.")


def test_acronyms() -> None:
    assert is_acronym("GNB") and is_acronym("E.L.N.") and not is_acronym("Gnb party")
    assert acronym("Guardia Nacional Bolivariana") == "gnb"
    assert acronym("Tren de Aragua") is None


def test_generic_body_names() -> None:
    assert is_generic("Defense Ministry") and is_generic("Policía Nacional")
    assert not is_generic("Venezuelan Defense Ministry") and not is_generic("Tren de Aragua")


def test_vetoes() -> None:
    assert f.type_conflict(node("Santa Marta"), node("Santa Marta", "LOCATION")) == VETO
    assert f.given_name_conflict(node("Juan Pérez"), node("Pedro Pérez")) == VETO
    assert f.given_name_conflict(node("Padrino López"), node("Vladimir Padrino López")) is None
    assert f.given_name_conflict(node("J. Pérez"), node("Juan Pérez")) is None
    ministry = "STATE_ACTOR"
    assert f.country_conflict(node("Defense Ministry", ministry, country="VE"),
                              node("Defense Ministry", ministry, country="CO")) == VETO


def test_name_features_fire_on_their_cases() -> None:
    assert f.accents(node("Nestor Reverol"), node("Néstor Reverol")) == 0.95
    assert f.name_parts(node("Padrino López"), node("Vladimir Padrino López")) == 0.75
    assert f.name_parts(node("Padrino"), node("Vladimir Padrino López")) == 0.5
    assert f.name_parts(node("López Padrino"), node("Vladimir Padrino López")) is None
    assert f.name_order(node("Padrino López Vladimir"), node("Vladimir Padrino López")) == 0.9
    group = "ILLEGAL_GROUP"
    assert f.translation(node("Cartel de los Soles", group), node("Cartel of the Suns", group)) == 0.9
    assert f.acronym_match(node("ELN", group), node("Ejército de Liberación Nacional", group)) == 0.8
    assert f.spelling(node("Tren del Aragua", group), node("Tren de Aragua", group)) == 0.8


def test_a_lone_surname_shared_through_an_alias_is_weak() -> None:
    assert f.same_name(node("Reverol"), node("Néstor Reverol", "PERSON", "Reverol")) == 0.5
    assert f.same_name(node("GNB", "STATE_ACTOR"), node("Guardia Nacional Bolivariana", "STATE_ACTOR", "GNB")) == 0.8
    assert f.same_name(node("Navy", "STATE_ACTOR"), node("Mexican Navy", "STATE_ACTOR", "Navy")) == 0.5
    assert f.same_name(node("Gulf Clan", "ILLEGAL_GROUP"), node("Gulf Clan", "ILLEGAL_GROUP")) == 1.0


def test_countries_in_names_keep_bodies_apart() -> None:
    assert f.country_conflict(node("Government of Bolivia", "STATE_ACTOR"),
                              node("Government of Peru", "STATE_ACTOR")) == VETO
    assert f.country_conflict(node("Supreme Court", "STATE_ACTOR", country="BR"),
                              node("Brazilian Supreme Court", "STATE_ACTOR")) is None
    assert f.surname_conflict(node("Miguel Ángel Treviño"), node("Miguel Ángel Félix Gallardo")) == VETO
    assert f.surname_conflict(node("Dilma Rousseff"), node("Dilma Roussef")) is None
    assert f.spelling(node("6th Front", "ILLEGAL_GROUP"), node("36th Front", "ILLEGAL_GROUP")) is None
    assert f.country_place_conflict(node("Mexico", "LOCATION"), node("Mexico State", "LOCATION")) == VETO
    assert f.country_place_conflict(node("Brasil", "LOCATION"), node("Brazil", "LOCATION")) is None
    assert f.country_place_conflict(node("Colorado", "LOCATION"), node("United States", "LOCATION")) == VETO
    assert f.country_place_conflict(node("Caracas", "LOCATION"), node("Venezuela", "LOCATION")) == VETO
    assert f.same_name(node("Manzanillo", "LOCATION", "Colima"), node("Colima", "LOCATION")) == 0.5


def test_lone_given_names_are_no_evidence() -> None:
    assert f.name_parts(node("Joaquín"), node("Joaquín Guzmán Loera")) is None
    assert f.name_parts(node("Vicente"), node("José Vicente Rangel Ávalos")) is None
    assert f.name_parts(node("Osorio Chong"), node("Miguel Ángel Osorio Chong")) == 0.75
    assert f.name_parts(node("Roberto Hernández"), node("Roberto Antonio Herrera Hernández")) == 0.6
    assert fold("LA Times") == "la times" and fold("La Nación") == "nacion"


def test_name_score_reports_the_features_that_fired() -> None:
    decision = name_score(node("Cartel de los Soles", "ILLEGAL_GROUP"), node("Cartel of the Suns", "ORGANIZATION"))
    assert decision.features == {"translation": 0.9, "type_mismatch": -0.1}
    assert decision.score == 0.8
    assert name_score(node("Juan Pérez"), node("Pedro Pérez")).score == 0.0
