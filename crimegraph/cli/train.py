"""`crimegraph train`: train the event typer and the claim classifier from the annotated training articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from crimegraph.extract.linear import MODELS
from crimegraph.model import Article
from crimegraph.train.annotations import corpus, load

AnnotationsOption = Annotated[Path, typer.Option(help="annotations keyed by article id (evidence as offsets)")]
CorpusOption = Annotated[Path, typer.Option(help="the corpus JSON lines that hold the articles' texts")]
OutOption = Annotated[Path, typer.Option(help="folder for the weights (claims.npz) and report")]
CvOption = Annotated[Path | None, typer.Option(help="also write each article's cross-validated extraction here")]


def train_command(annotations: AnnotationsOption = Path("data/train/annotations.jsonl"),
                  corpus_file: Annotated[Path, typer.Option("--corpus", help="the corpus JSON lines that hold "
                                                            "the articles' texts")]
                  = Path("../shared/corpus/articles.jsonl"),
                  out: OutOption = MODELS, cv_output: CvOption = None, seed: int = 11) -> None:
    """Train the event typer and claim classifier (5-fold cross-validated settings, fixed seed, CPU, minutes)."""
    from crimegraph.train import trainer  # heavy: only when training

    for path, what in ((annotations, "annotations"), (corpus_file, "corpus")):
        if not path.exists():
            raise typer.BadParameter(f"no {what} file at {path}", param_hint=f"--{what}")
    pairs = load(annotations, corpus(corpus_file))
    if not pairs:
        raise typer.BadParameter(f"none of the annotated articles is in {corpus_file}", param_hint="--corpus")
    items = [(Article(a["id"], a["text"], a.get("title"), a.get("date"), a.get("language")), g) for a, g in pairs]
    typer.echo(f"training on {len(items)} annotated articles (texts from {corpus_file})")
    report = trainer.run(items, out, seed=seed, cv_output=cv_output)
    for name, scores in report["types"]["cross_validated"].items():
        typer.echo(f"types, 5-fold CV, {name:10} share rightly typed: "
                   + ", ".join(f"{language} {value:.3f}" for language, value in sorted(scores.items())))
    for part in ("events", "claims"):
        for name, scores in report[part]["cross_validated"].items():
            for language, value in sorted(scores.items()):
                typer.echo(f"{part}, 5-fold CV, {name:10} {language:3}  P {value['precision']:.3f}  "
                           f"R {value['recall']:.3f}  F1 {value['f1']:.3f}")
        typer.echo(f"{part}: chosen settings {json.dumps(report[part]['chosen'])}; weights in {out / part}.npz")
    if cv_output is not None:
        typer.echo(f"cross-validated extractions -> {cv_output}")
