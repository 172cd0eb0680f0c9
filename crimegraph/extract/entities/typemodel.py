"""The learned entity typer: re-types an entity when the model, reading its names and contexts, is confident.

Trained by `crimegraph train` (crimegraph/train/types.py); weights ship in `extract/models/types.npz`.
It runs after the alias stage, so events and claims see the types it gives; the rules' type is one of
its features, and it changes a type only above a threshold chosen by cross-validation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from crimegraph.extract import doc as cg
from crimegraph.extract.doc import EntityCluster
from crimegraph.extract.entities.types import TYPES, country_code, lexicon
from crimegraph.extract.linear import LinearModel, shipped
from crimegraph.model.names import fold

CLASSES = TYPES
FEATURES_KEY = "cg_type_features"  # doc.user_data key where training records each entity's features
MAX_MENTIONS = 6


@dataclass(slots=True)
class Settings:
    threshold: float = 1.01  # the probability the model needs to overrule the rules' type


@cache
def load(name: str = "types") -> tuple[LinearModel, Settings] | None:
    """The shipped model and its settings, or None when none is shipped."""
    return shipped(name, Settings)


@Language.factory("crimegraph_typer", default_config={"language": "en"})
def make_typer(nlp: Language, name: str, language: str) -> EntityTyper:
    return EntityTyper(language)


def features(doc: Doc, cluster: EntityCluster, language: str) -> list[str]:
    """What the typer reads: the rules' type, the words of the names, and each mention's context."""
    feats = [f"rule:{cluster.type}", f"lang:{language}", f"n:{min(len(cluster.name.split()), 5)}"]
    for name in cluster.names[:6]:
        words = name.split()
        if not words:
            continue
        feats.extend(f"w:{w.lower()}" for w in words[:6])
        feats.extend([f"w0:{words[0].lower()}", f"wl:{words[-1].lower()}", f"suf:{words[-1][-3:].lower()}"])
        if name.isupper() and len(name) <= 6:
            feats.append("acronym")
        if country_code(name):
            feats.append("country")
    feats.extend(gazetteer_features(cluster.names[:6], language))
    for start, end in cluster.mentions[:MAX_MENTIONS]:
        if start >= len(doc) or end > len(doc) or start >= end:
            continue
        span = doc[start:end]
        head = span.root
        feats.extend([f"ner:{doc[start].ent_type_}", f"dep:{head.dep_}", f"hd:{head.head.lemma_.lower()}"])
        if start > 0:
            feats.append(f"pre:{doc[start - 1].lemma_.lower()}")
        if end < len(doc):
            feats.append(f"post:{doc[end].lemma_.lower()}")
    return feats


def gazetteer_features(names: list[str], language: str) -> list[str]:
    """What the gazetteers say of the names: a GeoNames town (and its country), a place of ours, a
    first-level division, a given name first or last, an actor of our lexicon (and its type)."""
    from crimegraph.export.places import admin1_variants, gazetteer, world_cities  # the export's gazetteers

    lex = lexicon(language)
    cities, ours, divisions = world_cities(), gazetteer(), admin1_variants()
    found: set[str] = set()
    for name in names:
        folded = fold(name)
        if folded in cities:
            found.update(("gaz:city", f"gaz:city:{cities[folded][0].country}"))
        if folded in ours:
            found.add(f"gaz:ours:{ours[folded][0].kind}")
        if folded in divisions:
            found.add("gaz:admin1")
        words = name.split()
        if words and fold(words[0]) in lex.given_names:
            found.add("given0")
        if len(words) > 1 and fold(words[-1]) in lex.given_names:
            found.add("givenL")
        known = lex.actor(name)  # acronyms by their case, other forms folded
        if known is not None:
            found.add(f"lex:{known[0]}")
    return sorted(found)


class EntityTyper:
    """Re-types doc._.cg_entities in place where the model is confident."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.model = load()
        self.record = False  # training: keep each entity's features in doc.user_data

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None and not self.record:
            return doc
        language = doc._.cg_language or self.language
        recorded: dict[str, list[str]] = {}
        for cluster in cg.entities(doc):
            feats = features(doc, cluster, language)
            if self.record:
                recorded[cluster.name] = feats
            if self.model is not None:
                cluster.type = retype(self.model[0], self.model[1], cluster.type, feats)
        if self.record:
            doc.user_data[FEATURES_KEY] = recorded
        return doc


def retype(model: LinearModel, settings: Settings, current: str, feats: list[str]) -> str:
    """The model's type when it is at least `threshold` sure of it, else the current one."""
    probs = model.probabilities(feats)
    best = int(probs.argmax())
    return model.classes[best] if float(probs[best]) >= settings.threshold else current
