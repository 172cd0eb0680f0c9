"""Docs for claim tests: parsed by the bare model, with entity clusters given by the test."""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from crimegraph.extract import doc as cg
from crimegraph.extract.doc import EntityCluster, Role
from crimegraph.extract.pipeline import bare_model


@cache
def model(language: str) -> Language:
    return bare_model(language)


def annotate(text: str, entities: dict[str, str], language: str = "en",
             aliases: dict[str, str] | None = None) -> Doc:
    """Parse `text` and mark every occurrence of each entity name (and alias -> name) as a mention."""
    doc = model(language)(text)
    doc._.cg_language = language
    clusters: dict[str, EntityCluster] = {name: EntityCluster(name, type_) for name, type_ in entities.items()}
    forms = [(name, name) for name in entities] + list((aliases or {}).items())
    for form, name in sorted(forms, key=lambda f: -len(f[0])):
        start = 0
        while (found := text.find(form, start)) >= 0:
            start = found + len(form)
            span = doc.char_span(found, found + len(form), alignment_mode="expand")
            taken = {i for c in clusters.values() for s, e in c.mentions for i in range(s, e)}
            if span is not None and not taken & set(range(span.start, span.end)):
                clusters[name].mentions.append((span.start, span.end))
                clusters[name].add_alias(form)
    doc._.cg_entities = list(clusters.values())
    cg.index_tokens(doc)
    doc._.cg_roles = []
    return doc


def add_role(doc: Doc, person: str, body: str, title: str) -> None:
    """Record a role as the entity stage would: the title's token span points the person at the body."""
    names = [c.name for c in cg.entities(doc)]
    start = doc.text.find(title)
    span = doc.char_span(start, start + len(title), alignment_mode="expand")
    assert span is not None
    doc._.cg_roles = [*cg.roles(doc), Role(names.index(person), names.index(body), span.start, span.end)]
