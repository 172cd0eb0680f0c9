"""`crimegraph train`: parse the annotated articles once, then train and save the event typer and claim classifier."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crimegraph.extract.claims import claimmodel
from crimegraph.extract.entities import typemodel
from crimegraph.extract.events import eventmodel
from crimegraph.extract.linear import LinearModel
from crimegraph.model import Article, Extraction
from crimegraph.train import claims, events, types
from crimegraph.train.claims import FOLDS, Parsed, Record


def run(items: Sequence[tuple[Article, Record]], out: Path, seed: int = 11,
        cv_output: Path | None = None) -> dict[str, Any]:
    """Parse, choose each model's settings by cross-validation, train on everything, save to `out`.

    `cv_output` receives every article's extraction with events and claims from the models that did not see it.
    """
    for folder in (out, *(() if cv_output is None else (cv_output.parent,))):
        folder.mkdir(parents=True, exist_ok=True)  # before the minutes of work, not after: a bad path fails now
    untyped = claims.parse(items)
    type_models = dict(types.cross_validate(untyped, seed))
    type_settings, type_tried = types.choose(untyped, type_models)
    typer = types.train(untyped, seed)
    parsed = claims.parse(items, (typer, type_settings))
    event_models = dict(events.cross_validate(parsed, seed))
    event_settings, event_tried = events.choose(parsed, event_models)
    claim_models = dict(claims.cross_validate(parsed, seed))
    claim_settings, claim_tried = claims.choose(parsed, claim_models)
    if cv_output is not None:
        held = held_out(parsed, event_models, event_settings, claim_models, claim_settings)
        retype_held_out(held, untyped, type_models, type_settings)
        with cv_output.open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(held[p.article.id].to_eval(), ensure_ascii=False) + "\n" for p in parsed)
    save(out, "types", typer, type_settings)
    save(out, "events", events.train(parsed, seed), event_settings)
    save(out, "claims", claims.train(parsed, seed), claim_settings)
    report = {
        "articles": len(parsed), "languages": dict(Counter(p.article.language for p in parsed)), "seed": seed,
        "folds": FOLDS,
        "types": {"chosen": dataclasses.asdict(type_settings), "examples": label_counts(types.examples(untyped),
                                                                                        typemodel.CLASSES),
                  "cross_validated": {"rules only": type_tried["rules only"],
                                      "chosen": type_tried[types.key(type_settings)]}},
        "events": {"chosen": dataclasses.asdict(event_settings), "examples": label_counts(events.examples(parsed),
                                                                                          eventmodel.CLASSES),
                   "cross_validated": {"rules only": event_tried["rules only"],
                                       "chosen": event_tried[events.key(event_settings)]}},
        "claims": {"chosen": dataclasses.asdict(claim_settings), "examples": label_counts(claims.examples(parsed),
                                                                                          claimmodel.CLASSES),
                   "cross_validated": {"rules only": claim_tried["rules only"],
                                       "chosen": claim_tried[claims.key(claim_settings)]}},
    }
    (out / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return report


def save(out: Path, name: str, model: LinearModel, settings: object) -> None:
    model.save(out / f"{name}.npz")
    (out / f"{name}.json").write_text(json.dumps(dataclasses.asdict(settings), indent=1) + "\n", "utf-8")  # type: ignore[call-overload]


def label_counts(examples: Sequence[tuple[list[str], int]], classes: Sequence[str]) -> dict[str, int]:
    return dict(Counter(classes[label] for _, label in examples))


def held_out(parsed: Sequence[Parsed], event_models: dict[int, LinearModel], event_settings: eventmodel.Settings,
             claim_models: dict[int, LinearModel], claim_settings: claimmodel.Settings) -> dict[str, Extraction]:
    """Each article's extraction with events and claims of the models that did not see it (for score.py)."""
    return {item.article.id: dataclasses.replace(
        item.extraction, events=events.predict(item, event_models[item.fold], event_settings),
        claims=claims.predict(item, claim_models[item.fold], claim_settings)) for item in parsed}


def retype_held_out(held: dict[str, Extraction], untyped: Sequence[Parsed], models: dict[int, LinearModel],
                    settings: typemodel.Settings) -> None:
    """Give each held-out article's entities the types of the typer that did not see it (in place)."""
    for item in untyped:
        recorded: dict[str, list[str]] = item.doc.user_data.get(typemodel.FEATURES_KEY, {})
        rules = {c.name: c.type for c in item.extraction.entities}
        for entity in held[item.article.id].entities:
            feats = recorded.get(entity.name)
            if feats is not None and entity.name in rules:
                entity.type = typemodel.retype(models[item.fold], settings, rules[entity.name], feats)
