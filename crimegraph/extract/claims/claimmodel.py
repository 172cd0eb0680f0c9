"""The learned claim classifier: weighs every candidate pair of a sentence, the rules' findings among its features.

Trained by `crimegraph train` (crimegraph/train/claims.py) on annotated real articles; its weights
ship in `extract/models/claims.npz`. The rules stay where the model cannot see: claims whose subject
is a pronoun or title, or whose object the sentence does not name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from crimegraph.extract import limits
from crimegraph.extract.claims.activities import ActivityFinder
from crimegraph.extract.claims.claimset import fitting
from crimegraph.extract.claims.pairs import Pair, View, candidate_pairs, describe, head_of
from crimegraph.extract.claims.sanctions import SanctionFinder
from crimegraph.extract.doc import entities, warn
from crimegraph.extract.entities.referents import Referents
from crimegraph.extract.entities.referred import named_or_referred
from crimegraph.extract.linear import LinearModel, shipped
from crimegraph.extract.phrases import DocWords
from crimegraph.extract.status.hedging import Hedger
from crimegraph.model import Claim, Evidence

COMPONENT = "crimegraph_claim_model"
NONE = "none"
CLASSES = (NONE, "holds_position", "member_of", "involved_in", "sanctioned_by", "supports", "opposes")
REPORTS = frozenset({"involved_in"})  # "X said" makes these an allegation (as in the rules)
RuleKeys = dict[int, set[tuple[str, str, str]]]


@dataclass(slots=True)
class Settings:
    """How the model's answers are used; chosen by cross-validation and saved beside the weights."""

    threshold: float = 0.5
    keep_rules: bool = False  # True: the rules' claims stand even where the model says no


@cache
def load(name: str = "claims") -> tuple[LinearModel, Settings] | None:
    """The shipped model and its settings, or None when none is shipped."""
    return shipped(name, Settings)


def rule_keys(claims: list[Claim]) -> RuleKeys:
    """(subject, predicate, object) of the rules' claims by the start character of each evidence sentence."""
    keys: RuleKeys = {}
    for claim in claims:
        for evidence in claim.evidence:
            keys.setdefault(evidence.start, set()).add(claim.key)
    return keys


class ClaimPairs:
    """Candidate pairs of a Doc with their features (shared by training and prediction)."""

    def __init__(self, language: str) -> None:
        self.activities = ActivityFinder(language)
        self.sanctions = SanctionFinder(language)

    def __call__(self, doc: Doc, words: DocWords, keys: RuleKeys, refs: Referents) -> list[Pair]:
        clusters = entities(doc)
        states = {c.name: s for c in clusters if (s := self.sanctions.state_of_cluster(c))}
        index: dict[int, int] = doc._.cg_token_entity or {}
        pairs = bounded(doc, candidate_pairs(doc, words, self.activities, states, refs))
        if not pairs:
            return pairs
        view = View(doc)
        for pair in pairs:
            found = keys.get(pair.sent.start_char, set())
            rules = [p for s, p, o in found if s == pair.subject.name and o == pair.object]
            rules += [f"s:{p}" for s, p, o in found if s == pair.subject.name and o != pair.object]
            describe(pair, view, index, clusters, rules)
        return pairs


def bounded(doc: Doc, pairs: list[Pair]) -> list[Pair]:
    """The first limits.MAX_DOC_PAIRS pairs, in text order (with a warning when there are more)."""
    if len(pairs) <= limits.MAX_DOC_PAIRS:
        return pairs
    warn(doc, f"{len(pairs):,} candidate claim pairs (over {limits.MAX_DOC_PAIRS:,}): the claim model weighed "
              f"the first {limits.MAX_DOC_PAIRS:,}, the rules alone read the rest")
    return pairs[: limits.MAX_DOC_PAIRS]


def allowed(pair: Pair, label: str) -> bool:
    """Activities are only ever what an actor is involved in; nothing else is."""
    return (label == "involved_in") == (pair.object_type == "ACTIVITY")


def best(classes: list[str], pair: Pair, probs: Sequence[float]) -> tuple[str, float]:
    """The most probable relation the pair may have, and its probability."""
    label, prob = NONE, 0.0
    for name, value in zip(classes, probs, strict=True):
        if name != NONE and allowed(pair, name) and value > prob:
            label, prob = name, float(value)
    return label, prob


def decide(doc: Doc, pairs: list[Pair], rule_claims: list[Claim], model: LinearModel, settings: Settings,
           hedger: Hedger, refs: Referents) -> list[Claim]:
    """The final claims: the model's over its candidate pairs, the rules' where the model has none."""
    covered = {(p.sent.start_char, p.subject.name, p.object) for p in pairs}
    by_key = {c.key: c for c in rule_claims}
    kept: dict[tuple[str, str, str], Claim] = {}
    for claim in rule_claims:
        outside = [e for e in claim.evidence if (e.start, claim.subject, claim.object) not in covered]
        if settings.keep_rules or outside:
            kept[claim.key] = claim
    for pair, probs in zip(pairs, model.batch([p.features for p in pairs]), strict=True):
        label, prob = best(model.classes, pair, probs)
        if prob < settings.threshold:
            continue
        key = (pair.subject.name, label, pair.object)
        evidence = Evidence(pair.sent.start_char, pair.sent.end_char, pair.sent.text)
        found = kept.get(key) or by_key.get(key) or new_claim(doc, pair, label, prob, hedger, refs)
        if found is None:
            continue
        claim = kept[key] = found
        if evidence not in claim.evidence:
            claim.evidence.append(evidence)
        claim.confidence = max(claim.confidence, round(prob, 3))
    return fitting(doc, named_or_referred(doc, list(kept.values())))


def new_claim(doc: Doc, pair: Pair, label: str, prob: float, hedger: Hedger, refs: Referents) -> Claim | None:
    """A claim the rules did not find, its status read off the object's context like theirs."""
    start, end = pair.object_span
    trigger = doc[head_of([t.head.i for t in doc[start:end]], pair.object_span, start)]
    assessment = hedger.assess(trigger, refs, reports=label in REPORTS)
    if assessment.negated:
        return None
    evidence = Evidence(pair.sent.start_char, pair.sent.end_char, pair.sent.text)
    source = assessment.source if assessment.status != "asserted" else None
    return Claim(pair.subject.name, label, pair.object, assessment.status, source, [evidence], round(prob, 3),
                 COMPONENT)
