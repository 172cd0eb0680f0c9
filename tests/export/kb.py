"""A small knowledge base built fresh for export and screening tests: articles and extractions written here."""

from __future__ import annotations

from sqlalchemy import Engine

from crimegraph.model import Article, Claim, Entity, Event, Evidence, Extraction
from tests.kb import load

ONE = ("Washington said on Friday that it had sanctioned Defense Minister Vladimir Padrino López, "
       "whom prosecutors accuse of helping drug traffickers. Soldiers of the GNB detained 27 people in Caracas.")
TWO = ("El ministro del Interior, Néstor Reverol, fue sancionado por Estados Unidos. "
       "Padrino López respaldó a Nicolás Maduro, y Juan Guaidó rechazó al gobierno.")
THREE = ("Three soldiers of the Colombian Army died in a clash with the ELN near Tibú, "
         "a town in Norte de Santander. The ELN is said to run cocaine routes.")


def ev(text: str, sentence: int = 0) -> list[Evidence]:
    """Evidence covering the n-th sentence of a text."""
    start = 0
    for _ in range(sentence):
        start = text.index(". ", start) + 2
    end = text.find(". ", start) + 1 or len(text)
    return [Evidence(start, end, text[start:end])]


def corpus() -> list[tuple[Article, Extraction]]:
    """Three articles and what an extractor would find in them."""
    one = Article("kb-one", ONE, title="Defense minister sanctioned", date="2019-01-25", language="en",
                  source="Example Wire", url="https://example.org/one")
    two = Article("kb-two", TWO, title="Sanciones a ministro", date="2019-01-26", language="es",
                  source="Diario Ejemplo")
    three = Article("kb-three", THREE, title="Clash in Catatumbo", date="2021-03-02", language="en",
                    source="Example Wire")
    e1 = Extraction("kb-one", language="en", entities=[
        Entity("Vladimir Padrino López", "PERSON", ["Padrino López"], ev(ONE)),
        Entity("Defense Ministry", "STATE_ACTOR", [], ev(ONE)),
        Entity("United States", "LOCATION", ["Washington"], ev(ONE)),
        Entity("Guardia Nacional Bolivariana", "STATE_ACTOR", ["GNB"], ev(ONE, 1)),
        Entity("Caracas", "LOCATION", [], ev(ONE, 1)),
        Entity("Venezuela", "LOCATION", [], ev(ONE)),
    ], events=[
        Event("sanction", "2019-01-25", None, ["United States", "Vladimir Padrino López"], evidence=ev(ONE)),
        Event("arrest", "2019-01-24", "Caracas", ["Guardia Nacional Bolivariana"], arrested=27,
              evidence=ev(ONE, 1)),
    ], claims=[
        Claim("Vladimir Padrino López", "holds_position", "Defense Ministry", evidence=ev(ONE)),
        Claim("Vladimir Padrino López", "sanctioned_by", "United States", evidence=ev(ONE)),
        Claim("Vladimir Padrino López", "involved_in", "drug_trafficking", "alleged", "prosecutors", ev(ONE)),
        Claim("Guardia Nacional Bolivariana", "member_of", "Defense Ministry", evidence=ev(ONE, 1)),
    ])
    e2 = Extraction("kb-two", language="es", entities=[
        Entity("Néstor Reverol", "PERSON", [], ev(TWO)),
        Entity("Ministerio del Interior", "STATE_ACTOR", [], ev(TWO)),
        Entity("Estados Unidos", "LOCATION", [], ev(TWO)),
        Entity("Padrino López", "PERSON", [], ev(TWO, 1)),
        Entity("Nicolás Maduro", "PERSON", [], ev(TWO, 1)),
        Entity("Juan Guaidó", "PERSON", [], ev(TWO, 1)),
        Entity("Venezuela", "LOCATION", [], ev(TWO)),
    ], claims=[
        Claim("Néstor Reverol", "holds_position", "Ministerio del Interior", evidence=ev(TWO)),
        Claim("Néstor Reverol", "sanctioned_by", "Estados Unidos", evidence=ev(TWO)),
        Claim("Padrino López", "supports", "Nicolás Maduro", evidence=ev(TWO, 1)),
        Claim("Juan Guaidó", "opposes", "Nicolás Maduro", evidence=ev(TWO, 1)),
    ], events=[
        Event("sanction", "2019-01-25", None, ["Estados Unidos", "Néstor Reverol"], evidence=ev(TWO)),
    ])
    e3 = Extraction("kb-three", language="en", entities=[
        Entity("Colombian Army", "STATE_ACTOR", [], ev(THREE)),
        Entity("ELN", "ILLEGAL_GROUP", [], ev(THREE)),
        Entity("Tibú", "LOCATION", [], ev(THREE)),
        Entity("Norte de Santander", "LOCATION", [], ev(THREE)),
        Entity("Colombia", "LOCATION", [], ev(THREE)),
    ], events=[
        Event("attack", "2021-03-01", "Tibú", ["Colombian Army", "ELN"], fatalities=3, evidence=ev(THREE)),
    ], claims=[
        Claim("ELN", "involved_in", "drug_trafficking", "alleged", None, ev(THREE, 1)),
        Claim("ELN", "opposes", "Colombian Army", evidence=ev(THREE)),
    ])
    return [(one, e1), (two, e2), (three, e3)]


def build_kb(engine: Engine) -> Engine:
    """Ingest the three articles (with their hand-made extractions) into a fresh knowledge base."""
    load(engine, corpus())
    return engine
