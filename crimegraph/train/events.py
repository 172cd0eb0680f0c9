"""Train the event typer: each sentence labelled with the types of the gold events whose evidence it is.

Settings are chosen by 5-fold cross-validation with the event stage re-run on each held-out article:
the probability above which a type the triggers missed is added.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from crimegraph.extract.doc import entities, text
from crimegraph.extract.events import eventmodel
from crimegraph.extract.events.events import EventExtractor
from crimegraph.extract.linear import LinearModel
from crimegraph.model import Event
from crimegraph.train.claims import FOLDS, Parsed, scores, spaced
from crimegraph.train.fit import fit
from crimegraph.train.match import event_counts

PRECISION_FLOOR = 0.6
# The typer only adds events: rule events always stand. Dropping those it doubts (keep 0.02) gained 0.03
# precision in cross-validation but cost 6 of 61 right events on dev, where the rules were written.
KEEPS = (0.0,)
ADDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.8, 1.01)


def unit_labels(item: Parsed) -> list[tuple[list[str], set[int]]]:
    """(features, gold type indices) of each sentence the event stage saw."""
    gold = [(spaced(str(e.get("evidence") or "")), e.get("type")) for e in item.gold.get("events", [])]
    out = []
    whole = text(item.doc)
    for start, end, feats in item.doc.user_data.get(eventmodel.UNITS_KEY, []):
        unit = spaced(whole[start:end])
        types = {eventmodel.CLASSES.index(t) for ev, t in gold
                 if t in eventmodel.TYPES and ev and unit and (unit in ev or ev in unit)}
        out.append((feats, types))
    return out


def examples(parsed: Sequence[Parsed]) -> list[tuple[list[str], int]]:
    return [(feats, label) for item in parsed for feats, types in unit_labels(item)
            for label in (sorted(types) or [0])]


def train(parsed: Sequence[Parsed], seed: int = 11) -> LinearModel:
    return fit(examples(parsed), eventmodel.CLASSES, seed=seed, positive=1.0)


def cross_validate(parsed: Sequence[Parsed], seed: int = 11) -> Iterator[tuple[int, LinearModel]]:
    for fold in range(FOLDS):
        yield fold, train([p for p in parsed if p.fold != fold], seed)


_STAGES: dict[str, EventExtractor] = {}


def predict(item: Parsed, model: LinearModel, settings: eventmodel.Settings) -> list[Event]:
    """The events the event stage gives this article with this model (the Doc keeps its entities)."""
    language = item.article.language or "en"
    stage = _STAGES.setdefault(language, EventExtractor(language))
    stage.model, stage.record = (model, settings), False
    return list(stage(item.doc)._.cg_events or [])


def totals(parsed: Sequence[Parsed], events_of: Any) -> dict[str, dict[str, float]]:
    """Events precision, recall and F1 per language and overall."""
    def counts(item: Parsed) -> tuple[int, int, int]:
        names = {c.name: c.names for c in entities(item.doc)}
        return event_counts(item.gold, [e.to_eval() for e in events_of(item)], names)
    return scores(parsed, counts)


def choose(parsed: Sequence[Parsed], models: dict[int, LinearModel]) -> tuple[eventmodel.Settings, dict[str, Any]]:
    """The keep threshold, then the add threshold, with the best cross-validated events F1 at the floor."""
    tried: dict[str, Any] = {"rules only": totals(parsed, lambda item: item.extraction.events)}
    best = eventmodel.Settings()
    score = -1.0
    for keep, add in [(k, 1.01) for k in KEEPS] + [(None, a) for a in ADDS]:
        settings = eventmodel.Settings(best.keep if keep is None else keep, add)
        result = totals(parsed, lambda item, s=settings: predict(item, models[item.fold], s))
        tried[key(settings)] = result
        if result["all"]["precision"] >= PRECISION_FLOOR and result["all"]["f1"] > score:
            best, score = settings, result["all"]["f1"]
    return best, tried


def key(settings: eventmodel.Settings) -> str:
    return f"keep {settings.keep} add {settings.add}"
