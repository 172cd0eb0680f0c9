"""The learned event typer: which of the nine event types a sentence reports, the trigger rules among its features.

Trained by `crimegraph train` (crimegraph/train/events.py); its weights ship in `extract/models/events.npz`.
It drops a rule event whose type the sentence does not support and adds one the triggers missed; the
rules still give every event its date, place, actors and counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span

from crimegraph.extract.doc import EntityCluster
from crimegraph.extract.events.triggers import Trigger
from crimegraph.extract.linear import LinearModel, shipped

TYPES = ("protest", "mutiny", "attack", "arrest", "seizure", "sanction", "accusation", "diplomacy", "political")
CLASSES = ("none", *TYPES)
CONTENT = frozenset({"VERB", "NOUN", "ADJ", "AUX", "NUM"})
UNITS_KEY = "cg_event_units"  # doc.user_data key where training records each unit's features


@dataclass(slots=True)
class Settings:
    """Probabilities below `keep` drop a rule event; at or above `add` a missing type is added."""

    keep: float = 0.0
    add: float = 1.01


@cache
def load(name: str = "events") -> tuple[LinearModel, Settings] | None:
    """The shipped model and its settings, or None when none is shipped."""
    return shipped(name, Settings)


def unit_features(unit: Span, triggers: Iterable[Trigger], rule_types: Iterable[str],
                  token_entity: dict[int, int], clusters: list[EntityCluster], dated: bool) -> list[str]:
    """Words, triggers, entity types and the rules' types of one sentence."""
    feats = [f"r:{t}" for t in rule_types]
    for trigger in triggers:
        lemma = trigger.token.lemma_.lower()
        feats.extend([f"tr:{trigger.type}", f"tl:{trigger.type}:{lemma}", f"td:{trigger.type}:{trigger.token.dep_}"])
    types = set()
    for token in unit:
        number = token_entity.get(token.i)
        if number is not None:
            types.add(clusters[number].type)
            continue
        if token.pos_ in CONTENT and not token.is_stop:
            lemma = token.lemma_.lower()
            feats.append(f"l:{lemma}")
            if token.dep_ == "ROOT":
                feats.append(f"root:{lemma}")
            if token.pos_ == "VERB":
                feats.extend(f"vc:{lemma}:{c.dep_}:{clusters[token_entity[c.i]].type}"
                             for c in token.children if c.i in token_entity)
    feats.extend(f"e:{t}" for t in sorted(types))
    feats.append(f"dated:{dated}")
    feats.append(f"len:{min(len(unit) // 10, 5)}")
    return feats


def probabilities(model: LinearModel, feats: list[str]) -> dict[str, float]:
    return {name: float(p) for name, p in zip(model.classes, model.probabilities(feats), strict=True)}
