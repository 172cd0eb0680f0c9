"""`python -m crimegraph.train import BATCHES OUT`: store annotated batches as offsets."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from crimegraph.exc import CrimegraphError
from crimegraph.train.annotations import import_batches


def main(argv: list[str]) -> int:
    """Import the batch folders under argv[1] (those with a gold.jsonl) into the file argv[2].

    Articles already in argv[2] stay; an imported article replaces the record with its id.
    """
    if len(argv) != 3 or argv[0] != "import":
        print("usage: python -m crimegraph.train import BATCHES_DIR OUT.jsonl", file=sys.stderr)
        return 2
    folders = [p for p in Path(argv[1]).iterdir() if (p / "gold.jsonl").exists()]
    try:
        records = list(import_batches(folders))
    except CrimegraphError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    out_path = Path(argv[2])
    new = {record["id"] for record in records}
    kept = [record for record in existing(out_path) if record["id"] not in new]
    with out_path.open("w", encoding="utf-8") as out:
        for record in [*kept, *records]:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(records)} annotated articles from {len(folders)} batches -> {argv[2]} "
          f"({len(kept) + len(records)} in all)")
    return 0


def existing(path: Path) -> list[dict[str, object]]:
    """The records already in the annotations file (none when it does not exist)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
