"""member_of claims for coalitions: "the alliance X, formed by A, B and C"."""

from __future__ import annotations

from spacy.tokens import Token

from crimegraph.extract.claims.claimset import Candidate
from crimegraph.extract.doc import EntityCluster
from crimegraph.extract.entities.referents import ORG_TYPES, Referents
from crimegraph.extract.phrases import DocWords

COALITIONS = frozenset("alliance coalition bloc alianza coalición bloque frente".split())
FORMING = frozenset("form make comprise compose integrate join pact conformar conformado conformada formar formado "
                    "formada integrar integrado integrada componer compuesto compuesta pactar pactado pactada "
                    "constituir constituido constituida agrupar".split())


def coalition_members(words: DocWords, refs: Referents) -> list[Candidate]:
    """ "the alliance X, formed by A, B and C": each party named after the forming word is a member."""
    found: list[Candidate] = []
    for token in words.hits(FORMING):
        if token.pos_ not in ("VERB", "ADJ"):
            continue
        alliance = token.head if token.dep_ in ("acl", "amod", "appos", "acl:relcl") else None
        if alliance is None or alliance.lemma_.lower() not in COALITIONS and refs.at(alliance) is None:
            continue
        whole = refs.at(alliance) or named_after(alliance, token, refs)
        if whole is None or whole.type not in ORG_TYPES:
            continue
        for member in listed_after(token, refs):
            if member is not whole:
                found.append(Candidate(member.name, "member_of", whole.name, token.i, confidence=0.7))
    return found


def listed_after(token: Token, refs: Referents) -> list[EntityCluster]:
    """Organisations named after a token up to the next verb or the end of the sentence."""
    found: list[EntityCluster] = []
    for t in token.doc[token.i + 1 : token.sent.end]:
        if t.pos_ == "VERB" or t.text in (";", ":"):
            break
        cluster = refs.at(t)
        if cluster is not None and cluster.type in ORG_TYPES and all(cluster is not f for f in found):
            found.append(cluster)
    return found


def named_after(noun: Token, limit: Token, refs: Referents) -> EntityCluster | None:
    """The name right after a common noun ("the coalition 'Civic Front'"), before `limit`."""
    return refs.across_punct(noun.doc[noun.i + 1 : min(limit.i, noun.i + 4)])
