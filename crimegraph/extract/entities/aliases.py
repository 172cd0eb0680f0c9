"""Aliases and within-article coreference: doc._.cg_entities clusters and doc._.cg_roles."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from crimegraph.extract import doc as cg
from crimegraph.extract.entities.coref import cluster_mentions
from crimegraph.extract.entities.roles import RoleReader
from crimegraph.extract.entities.titles import Title
from crimegraph.extract.entities.types import lexicon


@Language.factory("crimegraph_aliases", default_config={"language": "en"})
def make_aliases(nlp: Language, name: str, language: str) -> AliasResolver:
    return AliasResolver(language)


class AliasResolver:
    """Groups doc.ents into one cluster per real-world entity (canonical name first, other forms
    as aliases), adds the bodies that titles imply and records each person's roles."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.roles = RoleReader(lexicon(language))

    def __call__(self, doc: Doc) -> Doc:
        clusters = cluster_mentions(doc, self.language)
        titles: list[Title] = doc.user_data.get("cg_titles") or []
        doc._.cg_roles = self.roles(doc, clusters, titles)
        doc._.cg_entities = clusters
        cg.index_tokens(doc)
        return doc
