"""Train the claim classifier from annotated articles, choosing its settings by 5-fold cross-validation.

Every candidate pair of a sentence (extract/claims/pairs.py) is labelled with the gold claim whose evidence
is that sentence and whose subject and object it names, 'none' when no gold claim of the article
joins the two, and left out when one does but cites another sentence.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from crimegraph.extract.claims import claimmodel
from crimegraph.extract.claims.pairs import Pair
from crimegraph.extract.doc import entities
from crimegraph.extract.entities.referents import Referents
from crimegraph.extract.linear import LinearModel
from crimegraph.extract.phrases import DocWords
from crimegraph.extract.pipeline import _make_doc, build_pipeline, prepare, to_extraction
from crimegraph.extract.status.hedging import Hedger
from crimegraph.model import Article, Claim, Extraction
from crimegraph.train.fit import fit
from crimegraph.train.match import GoldNames, any_same, claim_counts, f1

log = logging.getLogger(__name__)
FOLDS = 5
# A dossier line pinned on the wrong actor costs more than a missing one: settings whose cross-validated
# precision falls below this floor are not chosen, whatever their F1.
PRECISION_FLOOR = 0.65
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8)
Record = dict[str, Any]


@dataclass(slots=True)
class Parsed:
    """One annotated article run through the pipeline with the model off."""

    article: Article
    gold: Record
    doc: Doc
    extraction: Extraction
    rules: list[Claim]
    pairs: list[Pair] = field(default_factory=list)
    labels: list[int | None] = field(default_factory=list)
    fold: int = 0


def parse(items: Sequence[tuple[Article, Record]], typer: tuple[LinearModel, Any] | None = None) -> list[Parsed]:
    """Run each article's language pipeline with the learned claims and events switched off, and the
    entity typer off unless `typer` (model, settings) is given; the typer and event stage record
    their features in doc.user_data."""
    parsed: list[Parsed] = []
    for language in sorted({a.language or "en" for a, _ in items}):
        nlp = build_pipeline(language)
        stages = [nlp.get_pipe(name) for name in ("crimegraph_typer", "crimegraph_events", "crimegraph_claims")]
        saved = [stage.model for stage in stages]  # type: ignore[attr-defined]
        for stage, model in zip(stages, (typer, None, None), strict=True):
            stage.model = model  # type: ignore[attr-defined]
            stage.record = True  # type: ignore[attr-defined]
        try:
            group = [(a, g) for a, g in items if (a.language or "en") == language]
            docs = [_make_doc(nlp, prepare(a)[0], a, language) for a, _ in group]
            for (article, gold), doc in zip(group, nlp.pipe(docs), strict=True):
                rules = list(doc._.cg_claims or [])
                parsed.append(Parsed(article, gold, doc, to_extraction(doc, article.id), rules))
            pairs = claimmodel.ClaimPairs(language)
            for item in parsed[-len(group):]:
                item.pairs = pairs(item.doc, DocWords(item.doc), claimmodel.rule_keys(item.rules), Referents(item.doc))
                names = GoldNames(item.gold)
                item.labels = [label(item, pair, names) for pair in item.pairs]
        finally:
            for stage, model in zip(stages, saved, strict=True):
                stage.model, stage.record = model, False  # type: ignore[attr-defined]
    assign_folds(parsed)
    return parsed


def assign_folds(parsed: list[Parsed]) -> None:
    """Folds by article, dealt round-robin in id order within each language (stable, balanced)."""
    for language in {p.article.language for p in parsed}:
        group = sorted((p for p in parsed if p.article.language == language), key=lambda p: p.article.id)
        for n, item in enumerate(group):
            item.fold = n % FOLDS


def spaced(text: str) -> str:
    """Letters and digits only, lower case: a sentence compared whatever its markup and spacing."""
    return "".join(c for c in text.lower() if c.isalnum())


def object_names(item: Parsed, pair: Pair) -> list[str]:
    if pair.object_type in ("ACTIVITY", "STATE"):
        return [pair.object]
    for cluster in entities(item.doc):
        if cluster.name == pair.object:
            return cluster.names
    return [pair.object]


def label(item: Parsed, pair: Pair, names: GoldNames) -> int | None:
    """The class index of a pair, or None when the article relates the two elsewhere only."""
    sentence = spaced(pair.sent.text)
    objects = object_names(item, pair)
    elsewhere = False
    for claim in item.gold.get("claims", []):
        if not any_same(names.expand(claim["subject"]), pair.subject.names):
            continue
        if not any_same(names.expand(claim["object"]), objects):
            continue
        evidence = spaced(str(claim.get("evidence") or ""))
        if evidence and (sentence in evidence or evidence in sentence):
            return claimmodel.CLASSES.index(claim["predicate"])
        elsewhere = True
    return None if elsewhere else 0


def examples(parsed: Sequence[Parsed]) -> list[tuple[list[str], int]]:
    return [(pair.features, lab) for item in parsed for pair, lab in zip(item.pairs, item.labels, strict=True)
            if lab is not None]


def train(parsed: Sequence[Parsed], seed: int = 11) -> LinearModel:
    return fit(examples(parsed), claimmodel.CLASSES, seed=seed)


def predict(item: Parsed, model: LinearModel, settings: claimmodel.Settings) -> list[Claim]:
    """The claims the full component would give this article with this model."""
    language = item.article.language or "en"
    return claimmodel.decide(item.doc, item.pairs, copy.deepcopy(item.rules), model, settings,
                             hedger(language), Referents(item.doc))


_HEDGERS: dict[str, Hedger] = {}


def hedger(language: str) -> Hedger:
    if language not in _HEDGERS:
        _HEDGERS[language] = Hedger(language)
    return _HEDGERS[language]


def named(item: Parsed, claims: Sequence[Claim]) -> list[tuple[str, str, str, list[str], list[str]]]:
    clusters = {c.name: c.names for c in entities(item.doc)}
    return [(c.subject, c.predicate, c.object, clusters.get(c.subject, [c.subject]),
             clusters.get(c.object, [c.object])) for c in claims]


def cross_validate(parsed: Sequence[Parsed], seed: int = 11) -> Iterator[tuple[int, LinearModel]]:
    """(fold, model trained on the other folds), fold by fold."""
    for fold in range(FOLDS):
        yield fold, train([p for p in parsed if p.fold != fold], seed)


def choose(parsed: Sequence[Parsed], models: dict[int, LinearModel]) -> tuple[claimmodel.Settings, dict[str, Any]]:
    """The settings with the best cross-validated claims F1 at PRECISION_FLOOR or above (`models`: one per
    fold), and every setting's scores."""
    tried: dict[str, Any] = {}
    best: tuple[float, claimmodel.Settings] = (-1.0, claimmodel.Settings(0.9, keep_rules=True))
    rules = totals(parsed, lambda item: item.rules)
    tried["rules only"] = rules
    for keep in (False, True):
        for threshold in THRESHOLDS:
            settings = claimmodel.Settings(threshold, keep)
            result = totals(parsed, lambda item, s=settings: predict(item, models[item.fold], s))
            tried[key(settings)] = result
            if result["all"]["precision"] >= PRECISION_FLOOR and result["all"]["f1"] > best[0]:
                best = (result["all"]["f1"], settings)
    return best[1], tried


def totals(parsed: Sequence[Parsed], claims_of: Any) -> dict[str, dict[str, float]]:
    """Claims precision, recall and F1 per language and overall."""
    return scores(parsed, lambda item: claim_counts(item.gold, named(item, claims_of(item))))


Scores = dict[str, dict[str, float]]


def scores(parsed: Sequence[Parsed], counts_of: Callable[[Parsed], tuple[int, int, int]]) -> Scores:
    """Precision, recall and F1 per language and overall from each article's (hits, found, wanted)."""
    counts: dict[str, list[int]] = {}
    for item in parsed:
        found = counts_of(item)
        for key in (item.article.language or "en", "all"):
            bucket = counts.setdefault(key, [0, 0, 0])
            for n in range(3):
                bucket[n] += found[n]
    return {key: {"precision": round(h / s, 3) if s else 0.0, "recall": round(h / g, 3) if g else 0.0,
                  "f1": round(f1(h, s, g), 3)} for key, (h, s, g) in counts.items()}


def key(settings: claimmodel.Settings) -> str:
    return f"threshold {settings.threshold} keep_rules {settings.keep_rules}"
