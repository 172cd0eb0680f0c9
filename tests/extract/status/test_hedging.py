"""Status and source of a claim from the words that govern its trigger."""

from __future__ import annotations

from crimegraph.extract.entities.referents import Referents
from crimegraph.extract.status.hedging import Assessment, Hedger
from tests.extract.claim_docs import annotate


def assess(text: str, trigger: str, entities: dict[str, str] | None = None, language: str = "en",
           reports: bool = True) -> Assessment:
    doc = annotate(text, entities or {}, language)
    token = next(t for t in doc if t.text == trigger)
    return Hedger(language).assess(token, Referents(doc), reports)


def test_plain_statement_is_asserted() -> None:
    assert assess("The Norte Clan runs cocaine routes through the port.", "routes") == Assessment()


def test_passive_accusation_names_its_agent_as_source() -> None:
    found = assess("Carlos Vega has been accused by federal prosecutors of money laundering.", "laundering")
    assert found == Assessment("alleged", "federal prosecutors")


def test_reporting_verb_names_its_subject() -> None:
    found = assess("Elena Ruiz said the Norte Clan controls the smuggling routes.", "routes",
                   {"Elena Ruiz": "PERSON", "Norte Clan": "ILLEGAL_GROUP"})
    assert found == Assessment("alleged", "Elena Ruiz")


def test_neutral_reports_leave_offices_asserted() -> None:
    found = assess("Elena Ruiz said the Norte Clan controls the smuggling routes.", "routes",
                   {"Elena Ruiz": "PERSON", "Norte Clan": "ILLEGAL_GROUP"}, reports=False)
    assert found == Assessment()
    found = assess("The spokesman of the Navy, Luis Paz, said the boat sank.", "spokesman",
                   {"Luis Paz": "PERSON", "Navy": "STATE_ACTOR"})
    assert found == Assessment()


def test_hedge_adverb_and_according_to() -> None:
    assert assess("The militia reportedly extorts shop owners.", "extorts").status == "alleged"
    found = assess("According to the Navy, the crew smuggled fuel.", "smuggled", {"Navy": "STATE_ACTOR"})
    assert found == Assessment("alleged", "Navy")


def test_claim_nouns_hedge_what_they_introduce() -> None:
    found = assess("There were rumors that the governor took bribes.", "bribes")
    assert found.status == "alleged"


def test_denial() -> None:
    found = assess("Mario Solis denied that he laundered money.", "laundered", {"Mario Solis": "PERSON"})
    assert found == Assessment("denied", "Mario Solis")


def test_negation_is_flagged() -> None:
    assert assess("The army is not involved in drug trafficking.", "trafficking").negated


def test_spanish_hedges() -> None:
    assert assess("El alcalde presuntamente recibió sobornos.", "sobornos", language="es").status == "alleged"
    found = assess("Según la Fiscalía, el grupo controla el contrabando.", "contrabando",
                   {"Fiscalía": "STATE_ACTOR"}, "es")
    assert found == Assessment("alleged", "Fiscalía")
