"""Subjects, objects and prepositional arguments read off the dependency tree."""

from __future__ import annotations

from spacy.tokens import Token

from crimegraph.extract.arguments import agent, antecedent, coordinated, is_passive, prep_objects, subject
from tests.extract.claim_docs import model


def word(text: str, form: str, language: str = "en") -> Token:
    return next(t for t in model(language)(text) if t.text == form)


def test_relative_pronoun_subject_is_its_antecedent() -> None:
    verb = word("The mayor met Pablo Ruiz, who was accused of fraud.", "accused")
    found = subject(verb)
    assert found is not None and found.text == "Ruiz"
    assert antecedent(word("The boss, who fled, was caught.", "who")).text == "boss"


def test_passive_voice_and_agent() -> None:
    verb = word("The bank was sanctioned by the Treasury last week.", "sanctioned")
    assert is_passive(verb)
    assert [t.text for t in agent(verb)] == ["Treasury"]
    assert not is_passive(word("The Treasury sanctioned the bank last week.", "sanctioned"))


def test_object_control_gives_the_infinitive_its_subject() -> None:
    found = subject(word("The crisis pushed the soldiers to reject the government.", "reject"))
    assert found is not None and found.text == "soldiers"


def test_coordination_and_along_with() -> None:
    head = word("Pérez, along with Gómez and Ruiz, is under investigation.", "Pérez")
    assert [t.text for t in coordinated(head)] == ["Pérez", "Gómez", "Ruiz"]


def test_prepositional_objects_in_both_label_schemes() -> None:
    assert [t.text for t in prep_objects(word("the head of the police", "head"), ("of",))] == ["police"]
    assert [t.text for t in prep_objects(word("el jefe del cártel", "jefe", "es"), ("de",))] == ["cártel"]
