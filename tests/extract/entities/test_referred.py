"""Claims whose subject is not named in the sentence survive only through a fitting pronoun or anaphor."""

import spacy

from crimegraph.extract import doc as cg
from crimegraph.extract.entities.referred import named_or_referred
from crimegraph.model import Claim, Evidence


def kept(sentence: str, subject: str, type_: str, predicate: str = "involved_in") -> bool:
    doc = spacy.blank("en")(sentence)
    doc._.cg_entities = [cg.EntityCluster(subject, type_, []), cg.EntityCluster("Sinaloa Cartel", "ILLEGAL_GROUP")]
    claim = Claim(subject, predicate, "extortion", evidence=[Evidence(0, len(sentence), sentence)])
    return bool(named_or_referred(doc, [claim]))


def test_named_subjects_and_fitting_referents_are_kept() -> None:
    assert kept("Ana Gil ran an extortion ring.", "Ana Gil", "PERSON")
    assert kept("She ran an extortion ring.", "Ana Gil", "PERSON")
    assert kept("El mandatario cuestionó a las FARC.", "Rafael Correa", "PERSON")
    assert kept("The gang also extorts shopkeepers.", "Los Lobos", "ILLEGAL_GROUP")
    assert kept("The Colombian government opposes the ELN.", "Government of Colombia", "STATE_ACTOR")


def test_loose_referents_lose_the_claim() -> None:
    assert not kept("They do it anyway.", "Los Lobos", "ILLEGAL_GROUP")
    assert not kept("The government has struck heavy blows.", "Government of Colombia", "STATE_ACTOR")
    assert not kept("He ran an extortion ring.", "Los Lobos", "ILLEGAL_GROUP")


def test_a_head_of_state_stands_for_the_government_unless_he_heads_something_else() -> None:
    assert kept("Quince militares murieron, anunció el presidente.", "Gobierno de Colombia", "STATE_ACTOR",
                "opposes")
    assert not kept("The president of Mexico's Association of Missing Children said so.", "Government of Mexico",
                    "STATE_ACTOR", "member_of")


def test_a_head_of_state_never_makes_the_government_a_criminal() -> None:
    assert not kept("Aunque el mandatario no dio detalles, sostuvo que hubo un plan.", "Gobierno de Venezuela",
                    "STATE_ACTOR")
