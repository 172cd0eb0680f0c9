"""Numbers in digits and words, and the counts events carry."""

from __future__ import annotations

import pytest
from spacy.language import Language

from crimegraph.extract.text.counts import argument_count, following_count, parse_number


@pytest.mark.parametrize(("text", "language", "value"), [
    ("27", "en", 27), ("1,200", "en", 1200), ("twelve", "en", 12), ("two hundred", "en", 200),
    ("seis", "es", 6), ("veintitrés", "es", 23), ("1.500", "es", 1500), ("dozens", "en", None),
    ("several", "en", None),
])
def test_parse_number(text: str, language: str, value: int | None) -> None:
    assert parse_number(text, language) == value


def test_count_of_an_object(nlp: Language) -> None:
    doc = nlp("Marines detained fourteen fishermen near the reef.")
    verb = next(t for t in doc if t.lemma_ == "detain")
    assert argument_count(verb, frozenset({"dobj"}), "en") == 14


def test_count_of_a_passive_subject(nlp: Language) -> None:
    doc = nlp("Nine villagers were killed in the raid.")
    verb = next(t for t in doc if t.lemma_ == "kill")
    assert argument_count(verb, frozenset({"nsubjpass"}), "en") == 9


def test_count_after_the_verb(nlp: Language) -> None:
    doc = nlp("The blast killed at least 31 miners.")
    verb = next(t for t in doc if t.lemma_ == "kill")
    assert following_count(verb, "en") == 31


def test_ages_are_not_counts(nlp: Language) -> None:
    doc = nlp("Gunmen killed a 19 year old student.")
    verb = next(t for t in doc if t.lemma_ == "kill")
    assert following_count(verb, "en") is None


def test_rates_are_not_counts(nlp: Language) -> None:
    doc = nlp("Gangs killed 40 people per 100,000 residents.")
    verb = next(t for t in doc if t.lemma_ == "kill")
    assert following_count(verb, "en") is None
