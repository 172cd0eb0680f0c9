"""Aliases and within-article coreference: group mentions into entity clusters."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from crimegraph.extract import doc as cg
from crimegraph.extract.doc import EntityCluster
from crimegraph.extract.lexicons import rows


@Language.factory("crimegraph_aliases", default_config={"language": "en"})
def make_aliases(nlp: Language, name: str, language: str) -> AliasResolver:
    return AliasResolver(language)


class AliasResolver:
    """Sets doc._.cg_entities: one cluster per real-world entity, canonical name first."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.canonical = {r[0].lower(): r[2] for r in rows("actors.tsv") if len(r) >= 3}

    def __call__(self, doc: Doc) -> Doc:
        clusters: list[EntityCluster] = []
        by_key: dict[str, int] = {}
        for ent in doc.ents:
            text = ent.text
            key = self.canonical.get(text.lower(), text).lower()
            if ent.label_ == "PERSON":
                key = self.person_key(text, clusters, by_key)
            if key not in by_key:
                name = self.canonical.get(text.lower(), text)
                by_key[key] = len(clusters)
                clusters.append(EntityCluster(name, ent.label_))
            cluster = clusters[by_key[key]]
            cluster.add_alias(text)
            cluster.mentions.append((ent.start, ent.end))
        doc._.cg_entities = clusters
        cg.index_tokens(doc)
        return doc

    @staticmethod
    def person_key(text: str, clusters: list[EntityCluster], by_key: dict[str, int]) -> str:
        """A surname-only mention joins the full name that ends with it."""
        words = text.lower().split()
        for key, index in by_key.items():
            if clusters[index].type != "PERSON":
                continue
            known = key.split()
            if len(words) < len(known) and known[-len(words):] == words:
                return key
        return text.lower()
