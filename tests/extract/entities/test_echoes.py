"""Untagged repeats of a name the article gives in full become mentions of that entity."""

import spacy
from spacy.language import Language

from crimegraph.extract.entities.echoes import echoes
from crimegraph.extract.entities.spans import Candidate

BLANK = spacy.blank("en")


def found(text: str, names: list[tuple[str, str]]) -> list[tuple[str, str, str | None]]:
    """The echoes of the given (name, type) mentions, as (text, type, canonical)."""
    doc = BLANK(text)
    cands = []
    for name, type_ in names:
        start = text.index(name)
        span = doc.char_span(start, start + len(name))
        assert span is not None
        cands.append(Candidate(span.start, span.end, type_))
    return [(doc[c.start:c.end].text, c.type or "", c.canonical) for c in echoes(doc, cands)]


def test_a_surname_repeats_a_person() -> None:
    text = "Mario Antonio Rodriguez Espinoza was charged. Rodriguez denies it."
    assert found(text, [("Mario Antonio Rodriguez Espinoza", "PERSON")]) == [("Rodriguez", "PERSON", None)]


def test_a_short_company_name_joins_the_full_one() -> None:
    text = "Swissoil Trading SA was designated. Swissoil shipped crude."
    assert found(text, [("Swissoil Trading SA", "ORGANIZATION")]) == [
        ("Swissoil", "ORGANIZATION", "Swissoil Trading SA")]


def test_an_acronym_repeats_an_organisation() -> None:
    text = "The National Liberation Army attacked. Later the NLA withdrew."
    assert found(text, [("National Liberation Army", "ILLEGAL_GROUP")]) == [
        ("NLA", "ILLEGAL_GROUP", "National Liberation Army")]


def test_repeats_that_are_not_names_are_left_alone() -> None:
    people = [("Ana Maria Gil", "PERSON")]
    assert found("Ana Maria Gil spoke. Gil Street was closed.", people) == []  # part of a longer name
    assert found("Ana Maria Gil spoke. The gil is lower case here.", people) == []
    assert found("Pedro de la Cruz spoke. De is no surname.", [("Pedro de la Cruz", "PERSON")]) == []


def test_a_form_two_types_could_mean_is_dropped() -> None:
    text = "Juan Castillo spoke. Pedro Castillo Group answered. Castillo left."
    assert found(text, [("Juan Castillo", "PERSON"), ("Castillo Group", "ORGANIZATION")]) == []


def test_the_pipeline_links_a_sentence_initial_surname(nlp: Language) -> None:
    doc = nlp("Prosecutors charged Mario Antonio Rodriguez Espinoza in Miami. Rodriguez laundered money "
              "for the Sinaloa Cartel.")
    surnames = [e for e in doc.ents if e.text == "Rodriguez"]
    assert surnames and surnames[0].label_ == "PERSON"
