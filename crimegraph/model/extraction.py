"""Extraction: entities, events and claims of one article, each with evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("PERSON", "STATE_ACTOR", "ILLEGAL_GROUP", "ORGANIZATION", "LOCATION")
EVENT_TYPES = (
    "protest", "mutiny", "attack", "arrest", "seizure",
    "sanction", "accusation", "diplomacy", "political",
)
PREDICATES = (
    "holds_position", "member_of", "involved_in",
    "sanctioned_by", "supports", "opposes",
)
ACTIVITIES = (
    "drug_trafficking", "illegal_mining", "fuel_smuggling", "contraband",
    "arms_trafficking", "human_trafficking", "migrant_smuggling", "extortion",
    "kidnapping", "homicide", "money_laundering", "corruption",
    "illegal_logging", "other",
)
STATUSES = ("asserted", "alleged", "denied")


@dataclass(slots=True, frozen=True)
class Evidence:
    """Character span of the sentence a fact came from, and its text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Entity:
    """A named actor or place, with every surface form the article uses."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0
    component: str = ""

    def to_eval(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "aliases": list(self.aliases)}

    def to_full(self) -> dict[str, Any]:
        return {
            **self.to_eval(),
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": self.confidence,
            "component": self.component,
        }


@dataclass(slots=True)
class Event:
    """Something that happened: type, date, place, actors, counts."""

    type: str
    date: str | None = None
    location: str | None = None
    actors: list[str] = field(default_factory=list)
    fatalities: int | None = None
    arrested: int | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0
    component: str = ""

    def to_eval(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "date": self.date,
            "location": self.location,
            "actors": list(self.actors),
            "fatalities": self.fatalities,
            "arrested": self.arrested,
        }

    def to_full(self) -> dict[str, Any]:
        return {
            **self.to_eval(),
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": self.confidence,
            "component": self.component,
        }


@dataclass(slots=True)
class Claim:
    """A lasting relation between actors, with its status and who makes it."""

    subject: str
    predicate: str
    object: str
    status: str = "asserted"
    source: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0
    component: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)

    def to_eval(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "status": self.status,
            "source": self.source,
        }

    def to_full(self) -> dict[str, Any]:
        return {
            **self.to_eval(),
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": self.confidence,
            "component": self.component,
        }


@dataclass(slots=True)
class Extraction:
    """What one article yielded; `error` is set when extraction failed."""

    article_id: str
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    language: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_eval(self) -> dict[str, Any]:
        """The output format of ../shared/eval/GUIDELINES.md."""
        return {
            "id": self.article_id,
            "entities": [e.to_eval() for e in self.entities],
            "events": [e.to_eval() for e in self.events],
            "claims": [c.to_eval() for c in self.claims],
        }

    def to_full(self) -> dict[str, Any]:
        """The eval format plus evidence, confidence and component per item."""
        record: dict[str, Any] = {
            "id": self.article_id,
            "language": self.language,
            "entities": [e.to_full() for e in self.entities],
            "events": [e.to_full() for e in self.events],
            "claims": [c.to_full() for c in self.claims],
        }
        if self.error:
            record["error"] = self.error
        if self.warnings:
            record["warnings"] = list(self.warnings)
        return record
