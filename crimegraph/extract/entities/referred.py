"""Claims whose subject the sentence does not name: kept only when a pronoun or anaphor can mean it.

A sentence that names none of the subject's forms got its subject from a referring word. Precision first:
a person needs a personal pronoun there ("he", "she", "his", "él") or a head-of-state title ("el
mandatario"), an illegal group needs "its" or a group noun ("the gang", "el grupo"), a government needs
its own noun with its owner ("el gobierno del presidente Santos", "the Colombian government") or, for
a stance or sanction but never a crime, its head ("anunció el presidente"); "they", a
bare "the government" or a title read as a body ("the president of X's association") are too often
someone else, so those claims are dropped.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from crimegraph.extract import doc as cg
from crimegraph.extract.entities.referents import ANAPHORIC_NOUNS, PERSON_PRONOUNS, TITLE_ANAPHORS
from crimegraph.model import Claim

GROUP_WORDS = ANAPHORIC_NOUNS | {"its", "su", "sus"}
OWNED_GOVERNMENT = re.compile(r"\b(?:government|gobierno|administration|administración)\s+(?:of|de|del)\s+\w"
                              r"|\b[A-Z][a-zé]+(?:an|ian|ese|ino|ano|eño)\s+(?:government|administration)\b")
HEAD_TITLE = re.compile(r"\b(?i:the|el|la)\s+(?:president|presidente|presidenta|mandatario|mandataria)\b"
                        r"(?!\s+(?:of|de|del)\b)")


def named_or_referred(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """The claims whose subject is named in one of their sentences, or referred to as above."""
    clusters = {c.name: c for c in cg.entities(doc)}
    kept = []
    for claim in claims:
        cluster = clusters.get(claim.subject)
        forms = [f.lower() for f in (cluster.names if cluster else [claim.subject]) if f]
        sentences = [e.text.lower() for e in claim.evidence]
        if not sentences or any(form in s for form in forms for s in sentences):
            kept.append(claim)
            continue
        if referred(cluster.type if cluster else "", claim.predicate, [e.text for e in claim.evidence]):
            kept.append(claim)
    return kept


def referred(kind: str, predicate: str, sentences: list[str]) -> bool:
    """Whether the sentences hold a word that can mean a subject of this type (see the module docstring)."""
    words = {w.strip(".,;:'\"’()").lower() for s in sentences for w in s.split()}
    if kind == "PERSON":
        return bool(words & (PERSON_PRONOUNS | TITLE_ANAPHORS))
    if kind == "ILLEGAL_GROUP":
        return bool(words & GROUP_WORDS)
    if kind == "STATE_ACTOR":
        heads = predicate != "involved_in" and any(HEAD_TITLE.search(s) for s in sentences)
        return heads or any(OWNED_GOVERNMENT.search(s) for s in sentences)
    return False
