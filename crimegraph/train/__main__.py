"""`python -m crimegraph.train import BATCHES OUT`: store annotated batches as offsets."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from crimegraph.exc import CrimegraphError
from crimegraph.train.annotations import import_batches


def main(argv: list[str]) -> int:
    """Import the batch folders under argv[1] (those with a gold.jsonl) into the file argv[2]."""
    if len(argv) != 3 or argv[0] != "import":
        print("usage: python -m crimegraph.train import BATCHES_DIR OUT.jsonl", file=sys.stderr)
        return 2
    folders = [p for p in Path(argv[1]).iterdir() if (p / "gold.jsonl").exists()]
    try:
        records = list(import_batches(folders))
    except CrimegraphError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    with Path(argv[2]).open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(records)} annotated articles from {len(folders)} batches -> {argv[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
