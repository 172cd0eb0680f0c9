"""A position is held in a body, never in a country as a place."""

import spacy

from crimegraph.extract import doc as cg
from crimegraph.extract.claims.claimset import held_in_bodies, not_reporters
from crimegraph.model import Claim


def test_a_position_in_a_country_as_a_place_is_dropped() -> None:
    doc = spacy.blank("en")("US President Barack Obama met the mayor of Caracas.")
    doc._.cg_entities = [cg.EntityCluster("United States", "LOCATION", []),
                         cg.EntityCluster("Caracas", "LOCATION", []),
                         cg.EntityCluster("Government of the United States", "STATE_ACTOR", [])]
    claims = [Claim("Barack Obama", "holds_position", "United States"),
              Claim("Barack Obama", "holds_position", "Government of the United States"),
              Claim("Juan Gil", "holds_position", "Caracas"),
              Claim("Barack Obama", "opposes", "United States")]
    kept = [(c.subject, c.object) for c in held_in_bodies(doc, claims) if c.predicate == "holds_position"]
    assert kept == [("Barack Obama", "Government of the United States"), ("Juan Gil", "Caracas")]


def test_a_news_outlet_is_not_involved_in_the_crimes_it_reports() -> None:
    doc = spacy.blank("en")("El Tiempo reported that the cartel trafficked cocaine.")
    claims = [Claim("El Tiempo", "involved_in", "drug_trafficking"),
              Claim("Clan del Golfo", "involved_in", "drug_trafficking"),
              Claim("Juan Gil", "member_of", "El Tiempo")]
    kept = [(c.subject, c.object) for c in not_reporters(doc, claims)]
    assert kept == [("Clan del Golfo", "drug_trafficking"), ("Juan Gil", "El Tiempo")]
