"""Candidate claim pairs of a sentence and their features."""

from __future__ import annotations

from crimegraph.extract.claims.claimmodel import ClaimPairs, allowed
from crimegraph.extract.entities.referents import Referents
from crimegraph.extract.phrases import DocWords
from tests.extract.claim_docs import annotate


def pairs_of(text: str, entities: dict[str, str]) -> list[tuple[str, str, str]]:
    doc = annotate(text, entities)
    found = ClaimPairs("en")(doc, DocWords(doc), {}, Referents(doc))
    return [(p.subject.name, p.object, p.object_type) for p in found]


def test_actors_activities_and_states_make_pairs() -> None:
    found = pairs_of("OFAC sanctioned Rafael Prieto for drug trafficking.",
                     {"OFAC": "STATE_ACTOR", "Rafael Prieto": "PERSON"})
    assert ("Rafael Prieto", "OFAC", "STATE_ACTOR") in found
    assert ("OFAC", "Rafael Prieto", "PERSON") in found
    assert ("Rafael Prieto", "drug_trafficking", "ACTIVITY") in found
    assert ("Rafael Prieto", "United States", "STATE") in found


def test_a_pronoun_subject_stands_for_the_person_named_before() -> None:
    found = pairs_of("Marta Gil spoke on Monday. She leads the Frente Sur.",
                     {"Marta Gil": "PERSON", "Frente Sur": "ILLEGAL_GROUP"})
    assert ("Marta Gil", "Frente Sur", "ILLEGAL_GROUP") in found


def test_features_name_the_words_between_and_the_rules() -> None:
    doc = annotate("Rafael Prieto is the leader of the Frente Sur.",
                   {"Rafael Prieto": "PERSON", "Frente Sur": "ILLEGAL_GROUP"})
    sent = next(iter(doc.sents))
    keys = {sent.start_char: {("Rafael Prieto", "holds_position", "Frente Sur")}}
    pair = next(p for p in ClaimPairs("en")(doc, DocWords(doc), keys, Referents(doc))
                if p.subject.name == "Rafael Prieto")
    assert "b:leader" in pair.features and "r:holds_position" in pair.features
    assert "t:PERSON>ILLEGAL_GROUP" in pair.features


def test_only_activities_are_what_an_actor_is_involved_in() -> None:
    doc = annotate("Rafael Prieto ran extortion.", {"Rafael Prieto": "PERSON"})
    pair = next(iter(ClaimPairs("en")(doc, DocWords(doc), {}, Referents(doc))))
    assert pair.object_type == "ACTIVITY"
    assert allowed(pair, "involved_in") and not allowed(pair, "supports")


def test_many_names_in_one_sentence_are_capped() -> None:
    names = {f"Person {chr(65 + n)}{chr(97 + n)}": "PERSON" for n in range(20)}
    found = pairs_of(", ".join(names) + " were charged.", names)
    assert len(found) <= 14 * 13 * 2 + 14
