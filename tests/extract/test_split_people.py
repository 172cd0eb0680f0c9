"""A person mention that joins two people is cut in two."""

import spacy

from crimegraph.extract.entities.repairs import split_people
from crimegraph.extract.entities.spans import Candidate


def cut(text: str) -> list[str] | None:
    doc = spacy.blank("en")(text)
    parts = split_people(doc, Candidate(0, len(doc), "PERSON"))
    return [doc[a:b].text for a, b in parts] if parts else None


def test_two_people_joined_by_and_are_cut() -> None:
    assert cut('Joaquin " El Chapo " Guzman and Ismael " El Mayo') == ['Joaquin " El Chapo " Guzman',
                                                                      'Ismael " El Mayo']
    assert cut("Juan Pérez y María López") == ["Juan Pérez", "María López"]


def test_names_with_y_stay_whole() -> None:
    assert cut("Ortega y Gasset") is None
    assert cut("Juan Pérez") is None
