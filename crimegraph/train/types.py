"""Train the entity typer: each entity the pipeline found labelled with the type of the gold entity it names.

The threshold above which the model overrules the rules' type is the one with the best cross-validated
share of rightly typed entities (entities no gold entity names are left out).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from crimegraph.extract.doc import entities
from crimegraph.extract.entities import typemodel
from crimegraph.extract.linear import LinearModel
from crimegraph.train.claims import FOLDS, Parsed
from crimegraph.train.fit import fit
from crimegraph.train.match import norm, same

THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def gold_type(names: list[str], gold: dict[str, Any]) -> str | None:
    """The type of the gold entity these names denote: an exact name first, else word containment."""
    keys = {norm(n) for n in names}
    found = None
    for entity in gold.get("entities", []):
        forms = [entity["name"], *(entity.get("aliases") or [])]
        if keys & {norm(f) for f in forms}:
            return str(entity["type"])
        if found is None and any(same(a, b) for a in names for b in forms):
            found = str(entity["type"])
    return found


def labelled(item: Parsed) -> list[tuple[list[str], str, str]]:
    """(features, rules' type, gold type) of each entity of the article that a gold entity names."""
    recorded: dict[str, list[str]] = item.doc.user_data.get(typemodel.FEATURES_KEY, {})
    out = []
    for cluster in entities(item.doc):
        feats = recorded.get(cluster.name)
        wanted = gold_type(cluster.names, item.gold)
        if feats is not None and wanted in typemodel.CLASSES:
            out.append((feats, cluster.type, wanted))
    return out


def examples(parsed: Sequence[Parsed]) -> list[tuple[list[str], int]]:
    return [(feats, typemodel.CLASSES.index(wanted)) for item in parsed for feats, _, wanted in labelled(item)]


def train(parsed: Sequence[Parsed], seed: int = 11) -> LinearModel:
    return fit(examples(parsed), typemodel.CLASSES, seed=seed, positive=1.0)


def cross_validate(parsed: Sequence[Parsed], seed: int = 11) -> Iterator[tuple[int, LinearModel]]:
    for fold in range(FOLDS):
        yield fold, train([p for p in parsed if p.fold != fold], seed)


def accuracy(parsed: Sequence[Parsed], type_of: Any) -> dict[str, float]:
    """Share of labelled entities typed as gold, per language and overall."""
    counts: dict[str, list[int]] = {}
    for item in parsed:
        for feats, rule, wanted in labelled(item):
            for key in (item.article.language or "en", "all"):
                bucket = counts.setdefault(key, [0, 0])
                bucket[0] += type_of(item, feats, rule) == wanted
                bucket[1] += 1
    return {key: round(right / total, 3) if total else 0.0 for key, (right, total) in counts.items()}


def choose(parsed: Sequence[Parsed], models: dict[int, LinearModel]) -> tuple[typemodel.Settings, dict[str, Any]]:
    tried: dict[str, Any] = {"rules only": accuracy(parsed, lambda item, feats, rule: rule)}
    best, score = typemodel.Settings(), tried["rules only"].get("all", 0.0)
    for threshold in THRESHOLDS:
        settings = typemodel.Settings(threshold)
        result = accuracy(parsed, lambda item, feats, rule, s=settings:
                          typemodel.retype(models[item.fold], s, rule, feats))
        tried[key(settings)] = result
        if result.get("all", 0.0) > score:
            best, score = settings, result["all"]
    return best, tried


def key(settings: typemodel.Settings) -> str:
    return f"threshold {settings.threshold}"
