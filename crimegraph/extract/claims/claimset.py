"""Candidate claims found in sentences, merged into one Claim per (subject, predicate, object)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from crimegraph.extract import doc as cg
from crimegraph.extract.entities.types import country_code, lexicon
from crimegraph.model import Claim, Evidence

COMPONENT = "crimegraph_claims"
# When one article both states and reports a relation, the statement wins; a reported denial
# outranks a bare allegation ("X was accused of ...; X denied it").
STATUS_RANK = {"asserted": 3, "denied": 2, "alleged": 1}


@dataclass(slots=True)
class Candidate:
    """One claim as found in one sentence; `token` is any token index of that sentence."""

    subject: str
    predicate: str
    object: str
    token: int
    status: str = "asserted"
    source: str | None = None
    confidence: float = 0.7


def merge(doc: Doc, candidates: list[Candidate]) -> list[Claim]:
    """One Claim per (subject, predicate, object), with every evidence sentence, in first-seen order."""
    merged: dict[tuple[str, str, str], Claim] = {}
    for found in candidates:
        if not found.subject or not found.object or found.subject == found.object:
            continue
        key = (found.subject, found.predicate, found.object)
        sent = doc[found.token].sent
        evidence = Evidence(sent.start_char, sent.end_char, sent.text)
        claim = merged.get(key)
        if claim is None:
            merged[key] = Claim(found.subject, found.predicate, found.object, found.status, found.source,
                                [evidence], found.confidence, COMPONENT)
            continue
        if evidence not in claim.evidence:
            claim.evidence.append(evidence)
        if STATUS_RANK[found.status] > STATUS_RANK[claim.status]:
            claim.status, claim.source = found.status, found.source
        elif found.status == claim.status and claim.source is None:
            claim.source = found.source
        claim.confidence = max(claim.confidence, found.confidence)
    for claim in merged.values():
        if claim.status == "asserted":
            claim.source = None
    return list(merged.values())


def held_in_bodies(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """The claims without a position held in a country as a place ("Obama holds_position United States"):
    a position is held in a body, and the country's government is claimed beside it when it is meant."""
    places = {c.name for c in cg.entities(doc) if c.type == "LOCATION" and country_code(c.name)}
    return [c for c in claims if not (c.predicate == "holds_position" and c.object in places)]


def not_reporters(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """The claims without a news outlet involved in the crimes it reports ("El Tiempo involved_in
    drug_trafficking" read off "El Tiempo reported that the cartel ...")."""
    media = lexicon(doc._.cg_language or "en").media
    return [c for c in claims if not (c.predicate == "involved_in" and c.subject in media)]


def fitting(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """The claims that fit their predicate: no position in a country as a place, no outlet in the crimes
    it reports (the last step of the rules' claims and of the model's alike)."""
    return not_reporters(doc, held_in_bodies(doc, claims))
