"""Pronoun benchmark: how often a claim whose subject is not named in its sentence is right.

    .venv/bin/python benchmarks/pronouns.py [--show 20]

Extracts the annotated training articles (data/train/annotations.jsonl, texts from ../shared/corpus) and
takes every system claim whose evidence sentences name none of the subject's surface forms: its subject
came from a pronoun or a role noun ("he", "she", "the official", "el funcionario"). Such a claim is right
when the annotation has the same claim (subject, predicate, object as score.py matches them; status aside).
Prints the count and precision per language, and the first --show wrong ones to read.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType

from crimegraph.extract import extract_many
from crimegraph.model import Article, Extraction
from crimegraph.train.annotations import corpus, load

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
ANNOTATIONS = HERE.parent / "data" / "train" / "annotations.jsonl"


def scorer() -> ModuleType:
    """../shared/eval/score.py as a module (its name matching is the yardstick)."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unnamed(extraction: Extraction) -> list[int]:
    """Indexes of claims whose evidence sentences name none of the subject's forms."""
    forms: dict[str, list[str]] = {}
    for entity in extraction.entities:
        forms.setdefault(entity.name, []).extend([entity.name, *entity.aliases])
    found = []
    for index, claim in enumerate(extraction.claims):
        sentences = " ".join(e.text for e in claim.evidence).lower()
        names = forms.get(claim.subject, [claim.subject])
        if sentences and not any(name.lower() in sentences for name in names if name):
            found.append(index)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=20)
    parser.add_argument("--show-right", action="store_true", help="list the right ones too")
    args = parser.parse_args()
    score = scorer()
    pairs = load(ANNOTATIONS, corpus(SHARED / "corpus" / "articles.jsonl"))
    articles = [Article(a["id"], a["text"], a.get("title"), a.get("date"), a.get("language")) for a, _ in pairs]
    totals: Counter[str] = Counter()
    wrong: list[str] = []
    for (article, gold), extraction in zip(pairs, extract_many(articles), strict=True):
        language = article.get("language") or "?"
        gold_doc, system_doc = score.Doc(gold), score.Doc(extraction.to_eval())
        for index in unnamed(extraction):
            claim = extraction.to_eval()["claims"][index]
            right = any(score.claim_match(gold_doc, g, system_doc, claim) for g in gold_doc.claims)
            totals[f"{language} all"] += 1
            totals[f"{language} right"] += right
            sentence = extraction.claims[index].evidence[0].text if extraction.claims[index].evidence else ""
            line = f"{article['id']}: {claim['subject']} {claim['predicate']} {claim['object']} | {sentence[:160]}"
            if not right:
                wrong.append(line)
            elif args.show_right:
                print("  right:", " ".join(line.split()))
    for language in sorted({key.split()[0] for key in totals}):
        n, right = totals[f"{language} all"], totals[f"{language} right"]
        print(f"{language}: {n} claims from pronouns or role nouns, {right} right, precision "
              f"{right / n if n else 1.0:.3f}")
    n, right = sum(v for k, v in totals.items() if k.endswith("all")), sum(
        v for k, v in totals.items() if k.endswith("right"))
    print(f"all: {n} claims, precision {right / n if n else 1.0:.3f} over {len(pairs)} annotated articles")
    for line in wrong[:args.show]:
        print("  wrong:", " ".join(line.split()))
    print(json.dumps({"claims": n, "right": right}))


if __name__ == "__main__":
    main()
