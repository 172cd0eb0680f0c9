"""Claims of the six predicates, with status and source."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("crimegraph_claims", default_config={"language": "en"})
def make_claims(nlp: Language, name: str, language: str) -> ClaimExtractor:
    return ClaimExtractor(language)


class ClaimExtractor:
    """Sets doc._.cg_claims."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        doc._.cg_claims = []
        return doc
