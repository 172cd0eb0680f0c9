"""Quality benchmark: extract ../shared/eval/dev and print score.py's table, per language.

    .venv/bin/python benchmarks/quality.py [--explain] [--lang en|es] [--eval DIR] [--train] [--cv]

With --train it scores the annotated training articles (data/train/annotations.jsonl, texts from
../shared/corpus) with the shipped model, which has seen them: an optimistic figure. With --cv it
scores them 5-fold cross-validated: `crimegraph train` into a temporary folder, each article's claims
from the model trained on the other four folds (the honest estimate for unseen articles). Dev is
never trained on.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from crimegraph.extract import extract_many
from crimegraph.ingest.jsonl import read_jsonl
from crimegraph.model import Article
from crimegraph.train.annotations import corpus, load

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", default=str(DEFAULT_EVAL), help="folder with score.py and dev/")
    parser.add_argument("--lang", action="append", help="only these languages (default: en and es)")
    parser.add_argument("--explain", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--train", action="store_true", help="score the annotated training articles")
    parser.add_argument("--cv", action="store_true", help="score the training articles 5-fold cross-validated")
    args = parser.parse_args()
    eval_dir = Path(args.eval)
    if not (eval_dir / "score.py").exists():
        sys.exit(f"no score.py in {eval_dir}: the quality benchmark needs ../shared/eval")
    articles, gold = training_set(eval_dir.parent) if args.train or args.cv else dev_set(eval_dir)
    outputs = cross_validated(eval_dir.parent) if args.cv else extracted(articles)
    for language in args.lang or ["en", "es", "all"]:
        ids = [a.id for a in articles if language == "all" or a.language == language]
        if not ids:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            gold_path, sys_path = Path(tmp, "gold.jsonl"), Path(tmp, "sys.jsonl")
            gold_path.write_text("".join(gold[i] for i in ids if i in gold), encoding="utf-8")
            sys_path.write_text("".join(outputs[i] + "\n" for i in ids), encoding="utf-8")
            command = [sys.executable, str(eval_dir / "score.py"), str(gold_path), str(sys_path)]
            if args.explain:
                command.append("--explain")
            print(f"== {language}: {len(ids)} documents")
            print(subprocess.run(command, capture_output=True, text=True, check=False).stdout)


def extracted(articles: list[Article]) -> dict[str, str]:
    """Each article's extraction with the shipped pipeline, as an eval line."""
    results = zip(articles, extract_many(articles), strict=True)
    return {a.id: json.dumps(x.to_eval(), ensure_ascii=False) for a, x in results}


def cross_validated(shared: Path) -> dict[str, str]:
    """Each training article's extraction with the claims of a model trained without its fold."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "cv.jsonl")
        command = [sys.executable, "-m", "crimegraph", "train", "--out", tmp, "--cv-output", str(out),
                   "--annotations", str(HERE.parent / "data" / "train" / "annotations.jsonl"),
                   "--corpus", str(shared / "corpus" / "articles.jsonl")]
        subprocess.run(command, check=True)
        lines = [line for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {json.loads(line)["id"]: line for line in lines}


def dev_set(eval_dir: Path) -> tuple[list[Article], dict[str, str]]:
    """The dev articles and their gold lines by id."""
    with open(eval_dir / "dev" / "docs.jsonl", encoding="utf-8") as handle:
        articles = [a for a in read_jsonl(handle) if isinstance(a, Article)]
    gold = {}
    with open(eval_dir / "dev" / "gold.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                gold[json.loads(line)["id"]] = line
    return articles, gold


def training_set(shared: Path) -> tuple[list[Article], dict[str, str]]:
    """The annotated training articles and their gold lines (evidence sentences restored) by id."""
    pairs = load(HERE.parent / "data" / "train" / "annotations.jsonl", corpus(shared / "corpus" / "articles.jsonl"))
    articles = [Article(a["id"], a["text"], a.get("title"), a.get("date"), a.get("language")) for a, _ in pairs]
    return articles, {g["id"]: json.dumps(g, ensure_ascii=False) + "\n" for _, g in pairs}


if __name__ == "__main__":
    main()
