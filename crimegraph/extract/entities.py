"""Entity typing: spaCy's entities, retyped into crimegraph's five types and repaired with lexicons."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from crimegraph.extract.lexicons import rows

LABELS = {"PERSON": "PERSON", "PER": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION",
          "FAC": "LOCATION", "ORG": "ORGANIZATION"}
STATE_HEADS = frozenset(
    "ministry ministries government army navy police guard forces military court congress "
    "assembly senate department office prosecutor treasury administration".split()
)
GROUP_HEADS = frozenset("cartel clan gang gangs colectivos mafia front frente".split())
DROP_FIRST = frozenset("the a an".split())


@Language.factory("crimegraph_entities", default_config={"language": "en"})
def make_entities(nlp: Language, name: str, language: str) -> EntityTyper:
    return EntityTyper(nlp, language)


class EntityTyper:
    """Sets doc.ents to spans labelled PERSON, STATE_ACTOR, ILLEGAL_GROUP, ORGANIZATION, LOCATION."""

    def __init__(self, nlp: Language, language: str) -> None:
        self.language = language
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lexicon: dict[str, tuple[str, str]] = {}
        for form, type_, canonical in (r[:3] for r in rows("actors.tsv") if len(r) >= 3):
            self.lexicon[form.lower()] = (type_, canonical)
            self.matcher.add(type_, [nlp.make_doc(form)])

    def __call__(self, doc: Doc) -> Doc:
        spans = [s for s in (self.retype(ent) for ent in doc.ents) if s is not None]
        matched = [Span(doc, start, end, label=doc.vocab.strings[key])
                   for key, start, end in self.matcher(doc)]
        doc.ents = filter_spans(matched + spans)
        return doc

    def retype(self, ent: Span) -> Span | None:
        """The span in crimegraph's types, trimmed of a leading article, or None to drop it."""
        label = LABELS.get(ent.label_)
        if label is None:
            return None
        start = ent.start + (ent[0].lower_ in DROP_FIRST and len(ent) > 1)
        span = ent.doc[start : ent.end]
        words = {t.lower_ for t in span}
        if label in ("ORGANIZATION", "LOCATION") and words & GROUP_HEADS:
            label = "ILLEGAL_GROUP"
        elif label == "ORGANIZATION" and words & STATE_HEADS:
            label = "STATE_ACTOR"
        return Span(ent.doc, span.start, span.end, label=label)
