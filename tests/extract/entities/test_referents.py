"""Tokens resolve to the article's entities through names, parts, pronouns and definite nouns."""

from __future__ import annotations

from crimegraph.extract.entities.referents import Referents
from tests.extract.claim_docs import annotate


def resolve(text: str, entities: dict[str, str], word: str, part_whole: bool = False) -> str | None:
    doc = annotate(text, entities)
    token = [t for t in doc if t.text == word][-1]
    found = Referents(doc).resolve(token, part_whole)
    return found.name if found else None


def test_parts_stand_for_the_whole_only_when_asked() -> None:
    text = "Commanders of the Delta Front met in the hills."
    assert resolve(text, {"Delta Front": "ILLEGAL_GROUP"}, "Commanders", part_whole=True) == "Delta Front"
    assert resolve(text, {"Delta Front": "ILLEGAL_GROUP"}, "Commanders") is None


def test_named_and_example_groups() -> None:
    groups = {"Los Lobos": "ILLEGAL_GROUP"}
    assert resolve("Armed groups known as Los Lobos patrol the port.", groups, "groups") == "Los Lobos"
    assert resolve("Gangs like Los Lobos patrol the port.", groups, "Gangs") == "Los Lobos"


def test_definite_nouns_and_pronouns() -> None:
    entities = {"Green Party": "ORGANIZATION", "Los Lobos": "ILLEGAL_GROUP", "Ana Gil": "PERSON"}
    text = "Ana Gil joined the Green Party. The party backed her. Los Lobos threatened the town. The gang left."
    assert resolve(text, entities, "party") == "Green Party"
    assert resolve(text, entities, "her") == "Ana Gil"
    assert resolve(text, entities, "gang") == "Los Lobos"


def test_a_reported_they_is_the_speaker() -> None:
    entities = {"Los Lobos": "ILLEGAL_GROUP", "Los Toros": "ILLEGAL_GROUP"}
    text = "Los Toros fled. Members of Los Lobos said they paid the police."
    assert resolve(text, entities, "they") == "Los Lobos"


def test_he_is_the_subject_before_not_the_nearest_person() -> None:
    people = {"Pedro Gil": "PERSON", "Luis Mora": "PERSON", "Alba Norte": "PERSON"}
    text = "Pedro Gil received money from Luis Mora. He was investigated for fraud."
    assert resolve(text, people, "He") == "Pedro Gil"  # Luis Mora is the nearest person, but an object
    assert resolve("Money came from Luis Mora. He was investigated.", people, "He") is None
    text = "Luis Mora received money from Ana Gil. He was investigated for fraud."
    assert resolve(text, people, "He") == "Luis Mora"
    text = "Luis Mora met ministers. He said he received money from Alba Norte. He was investigated."
    assert resolve(text, people, "He") == "Luis Mora"  # through the previous sentence's subject pronoun


def test_the_group_is_the_group_named_as_subject_not_the_nearest() -> None:
    groups = {"Los Lobos": "ILLEGAL_GROUP", "Delta Cartel": "ILLEGAL_GROUP", "Ana Gil": "PERSON"}
    text = ("Los Lobos, which emerged from the ranks of the Delta Cartel, control the port. "
            "Ana Gil was the group's military chief.")
    assert resolve(text, groups, "group") == "Los Lobos"
    ambiguous = "Ana Gil left Los Lobos for the Delta Cartel. She was the group's military chief."
    assert resolve(ambiguous, groups, "group") is None
    alone = "Ana Gil joined the Delta Cartel in 2010. She was the group's military chief."
    assert resolve(alone, groups, "group") == "Delta Cartel"
