"""A small knowledge base for the web tests: articles written for these tests, with hand-made extractions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Engine

from crimegraph.ingest.runner import ingest
from crimegraph.model import Article, Claim, Entity, Event, Evidence, Extraction
from crimegraph.settings import Settings
from crimegraph.store.db import open_db

SEIZURE = ("The Colombian Navy seized two tonnes of cocaine in Cartagena on Saturday. "
           "The Attorney General's Office alleges that the Red Harbor Cartel owned the shipment. "
           "Admiral Lucia Mendez, commander of the Colombian Navy, said the cargo was bound for Europe.")
ATTACK = ("Gunmen from the Red Harbor Cartel attacked a police station in Barranquilla on Tuesday, killing two "
          "officers.\n\nMayor Tomas Rivera, of the Civic Renewal Party, condemned the attack. "
          "Tomas Rivera has long opposed the Red Harbor Cartel.")
ARREST = ("La Policía Nacional de Colombia detuvo en Bogotá a Mario Quintero. "
          "Según la Policía Nacional de Colombia, Quintero es miembro del Cartel del Puerto Rojo.")
HOSTILE_TITLE = "<script>alert('title')</script> Hostile <b>markup</b>"
HOSTILE = ("A note on <script>alert('x')</script> and <img src=x onerror=alert(1)> found in a leaflet. "
           "The leaflet praised the Evil <b>Group</b> and the Red Harbor Cartel.")


def evidence(text: str, sentence: str) -> list[Evidence]:
    """The evidence span of a sentence of `text`."""
    start = text.index(sentence)
    return [Evidence(start, start + len(sentence), sentence)]


@dataclass
class Spec:
    """What the fake extractor returns for one article."""

    entities: list[tuple[str, str, list[str], str]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def first(text: str) -> str:
    return text.split(". ")[0] + "."


def specs() -> dict[str, Spec]:
    """Extractions by article id; each entity is (name, type, aliases, evidence sentence)."""
    s1, s2, s3 = (sentence if sentence.endswith(".") else sentence + "." for sentence in SEIZURE.split(". "))
    a1 = ATTACK.split("\n\n")[0]
    a2, a3 = ATTACK.split("\n\n")[1].split(". ")
    a2 += "."
    r1, r2 = ARREST.split(". ")
    r1 += "."
    h2 = HOSTILE.split(". ")[1]
    return {
        "seizure-1": Spec(
            entities=[("Colombian Navy", "STATE_ACTOR", [], s1), ("Cartagena", "LOCATION", [], s1),
                      ("Attorney General's Office", "STATE_ACTOR", [], s2),
                      ("Red Harbor Cartel", "ILLEGAL_GROUP", [], s2), ("Lucia Mendez", "PERSON", [], s3)],
            events=[Event("seizure", "2024-02-10", "Cartagena", ["Colombian Navy", "Red Harbor Cartel"],
                          evidence=evidence(SEIZURE, s1))],
            claims=[Claim("Red Harbor Cartel", "involved_in", "drug_trafficking", "alleged",
                          "Attorney General's Office", evidence(SEIZURE, s2)),
                    Claim("Lucia Mendez", "holds_position", "Colombian Navy", "asserted", None,
                          evidence(SEIZURE, s3))]),
        "attack-2": Spec(
            entities=[("Red Harbor Cartel", "ILLEGAL_GROUP", [], a1), ("Barranquilla", "LOCATION", [], a1),
                      ("Tomas Rivera", "PERSON", [], a2), ("Civic Renewal Party", "ORGANIZATION", [], a2)],
            events=[Event("attack", "2024-03-05", "Barranquilla", ["Red Harbor Cartel"], fatalities=2,
                          evidence=evidence(ATTACK, a1))],
            claims=[Claim("Tomas Rivera", "member_of", "Civic Renewal Party", "asserted", None, evidence(ATTACK, a2)),
                    Claim("Tomas Rivera", "opposes", "Red Harbor Cartel", "asserted", None, evidence(ATTACK, a3))]),
        "arrest-3": Spec(
            entities=[("Policía Nacional de Colombia", "STATE_ACTOR", [], r1), ("Bogotá", "LOCATION", [], r1),
                      ("Mario Quintero", "PERSON", ["Quintero"], r1),
                      ("Red Harbor Cartel", "ILLEGAL_GROUP", ["Cartel del Puerto Rojo"], r2)],
            events=[Event("arrest", "2024-03-20", "Bogotá", ["Policía Nacional de Colombia", "Mario Quintero"],
                          arrested=1, evidence=evidence(ARREST, r1))],
            claims=[Claim("Mario Quintero", "member_of", "Red Harbor Cartel", "alleged", "Policía Nacional de Colombia",
                          evidence(ARREST, r2))]),
        "hostile-4": Spec(entities=[("Evil <b>Group</b>", "ORGANIZATION", [], h2),
                                    ("Red Harbor Cartel", "ILLEGAL_GROUP", [], h2)]),
    }


ARTICLES = [
    Article(id="seizure-1", title="Navy seizes cocaine in Cartagena", date="2024-02-10", language="en", text=SEIZURE),
    Article(id="attack-2", title="Cartel gunmen attack police station", date="2024-03-05", language="en", text=ATTACK),
    Article(id="arrest-3", title="Detenido un presunto miembro del cartel", date="2024-03-20", language="es",
            text=ARREST),
    Article(id="hostile-4", title=HOSTILE_TITLE, date="2024-04-01", language="en", text=HOSTILE),
]


def fake_extractor(articles: Iterable[Article]) -> Iterator[Extraction]:
    """Extractions from the specs (an unknown article yields one with nothing found)."""
    table = specs()
    for article in articles:
        spec = table.get(article.id, Spec())
        yield Extraction(
            article.id,
            entities=[Entity(name, type_, aliases, evidence(article.text, sentence), 0.9, "test")
                      for name, type_, aliases, sentence in spec.entities],
            events=spec.events, claims=spec.claims, language=article.language)


def fill(engine: Engine) -> Engine:
    """Ingest the test articles into the knowledge base at `engine`."""
    url = engine.url.render_as_string(hide_password=False)
    ingest(list(ARTICLES), engine, Settings(db=url), extractor=fake_extractor)
    return engine


def build(url: str) -> Engine:
    """A fresh knowledge base at `url` holding the test articles."""
    return fill(open_db(url))
