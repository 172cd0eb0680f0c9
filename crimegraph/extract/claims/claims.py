"""Claims of the six predicates, with status and source."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from crimegraph.extract.claims import claimmodel
from crimegraph.extract.claims.claimset import Candidate, fitting, merge
from crimegraph.extract.claims.involvement import InvolvementFinder
from crimegraph.extract.claims.positions import PositionFinder
from crimegraph.extract.claims.sanctions import SanctionFinder
from crimegraph.extract.claims.stances import StanceFinder
from crimegraph.extract.entities.referents import Referents
from crimegraph.extract.entities.referred import named_or_referred
from crimegraph.extract.phrases import DocWords
from crimegraph.extract.status.hedging import Hedger


@Language.factory("crimegraph_claims", default_config={"language": "en"})
def make_claims(nlp: Language, name: str, language: str) -> ClaimExtractor:
    return ClaimExtractor(language)


class ClaimExtractor:
    """Sets doc._.cg_claims: one Claim per (subject, predicate, object), each with its evidence."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.hedger = Hedger(language)
        self.involvement = InvolvementFinder(language)
        self.positions = PositionFinder(language)
        self.sanctions = SanctionFinder(language)
        self.stances = StanceFinder(language)
        self.pairs = claimmodel.ClaimPairs(language)
        self.model = claimmodel.load()

    def __call__(self, doc: Doc) -> Doc:
        refs = Referents(doc)
        words = DocWords(doc)
        found: list[Candidate] = []
        found.extend(self.positions.find(words, refs, self.hedger))
        found.extend(self.involvement.find(words, refs, self.hedger))
        found.extend(self.sanctions.find(words, refs))
        found.extend(self.stances.find(words, refs, self.hedger))
        ruled = named_or_referred(doc, merge(doc, found))
        if self.model is None:
            doc._.cg_claims = fitting(doc, ruled)
            return doc
        pairs = self.pairs(doc, words, claimmodel.rule_keys(ruled), refs)
        doc._.cg_claims = claimmodel.decide(doc, pairs, ruled, *self.model, self.hedger, refs)
        return doc
