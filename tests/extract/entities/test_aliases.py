"""Roles and implied bodies (aliases.py, roles.py, titles.py) on sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from crimegraph.extract import doc as cg


def roles(doc: Doc) -> list[tuple[str, str, str, bool]]:
    """(person, body, title text, past) for each role."""
    found = cg.entities(doc)
    return [(found[r.person].name, found[r.body].name, doc[r.start : r.end].text, r.past) for r in cg.roles(doc)]


def test_minister_implies_ministry(en: Language) -> None:
    doc = en("Interior Minister Néstor Reverol was charged in New York.")
    assert roles(doc) == [("Néstor Reverol", "Interior Ministry", "Interior Minister", False)]
    ministry = next(c for c in cg.entities(doc) if c.name == "Interior Ministry")
    assert ministry.type == "STATE_ACTOR"
    start, end = ministry.mentions[0]
    assert doc[start:end].text == "Interior Minister"


def test_president_implies_government_of_country(en: Language) -> None:
    doc = en("US President Donald Trump recognised the opposition leader.")
    assert roles(doc) == [("Donald Trump", "Government of the United States", "President", False)]


def test_former_title_is_past(en: Language) -> None:
    doc = en("The offensive began under former Colombian President Álvaro Uribe in Antioquia.")
    assert roles(doc) == [("Álvaro Uribe", "Government of Colombia", "President", True)]


def test_bare_president_uses_leader_or_main_country(en: Language) -> None:
    doc = en("Venezuela was in crisis. President Nicolás Maduro blamed Colombia and Venezuela's neighbours.")
    assert ("Nicolás Maduro", "Government of Venezuela", "President", False) in roles(doc)


def test_secretary_joins_the_department_named(en: Language) -> None:
    doc = en("The U.S. Department of the Treasury acted today. The Treasury froze assets, said Secretary Janet Yellen.")
    assert roles(doc) == [("Janet Yellen", "U.S. Department of the Treasury", "Secretary", False)]


def test_explicit_body_after_title(en: Language) -> None:
    doc = en("Ana Torres, director of the National Civil Police, resigned.")
    assert roles(doc) == [("Ana Torres", "Policía Nacional Civil", "director", False)]


def test_same_body_named_and_implied_is_one_entity(en: Language) -> None:
    doc = en("The Defense Ministry issued a statement. Defense Minister Ana Torres signed it.")
    ministries = [c for c in cg.entities(doc) if "Ministry" in c.name]
    assert len(ministries) == 1


def test_no_body_without_person_or_country(en: Language) -> None:
    doc = en("The president spoke to reporters about the economy.")
    assert not any(c.type == "STATE_ACTOR" for c in cg.entities(doc))


def test_spanish_minister(es: Language) -> None:
    doc = es("El ministro de Defensa, Diego Molano, visitó la base militar de Tolemaida.")
    assert ("Diego Molano", "Ministerio de Defensa", "ministro de Defensa", False) in roles(doc)


def test_spanish_prosecutor_joins_named_office(es: Language) -> None:
    doc = es("La Fiscalía abrió una investigación, informó la fiscal general Luisa Ortega Díaz.")
    offices = [c for c in cg.entities(doc) if c.name.startswith("Fiscalía")]
    assert len(offices) == 1
    assert roles(doc) and roles(doc)[0][0] == "Luisa Ortega Díaz"
