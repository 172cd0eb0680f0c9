"""Events of the nine types, from trigger words plus syntax."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("crimegraph_events", default_config={"language": "en"})
def make_events(nlp: Language, name: str, language: str) -> EventExtractor:
    return EventExtractor(language)


class EventExtractor:
    """Sets doc._.cg_events."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        doc._.cg_events = []
        return doc
