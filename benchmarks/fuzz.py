"""Bad-input fuzz figure: generated bad articles, in batches mixed with good ones, through extract_many.

    .venv/bin/python benchmarks/fuzz.py [--n 10000] [--seed 15] [--batch 16] [--good 2]

Each bad input has one to three odd fields (None, numbers, booleans, bytes, lists, dicts, strings with
lone surrogates, control characters, NULs or huge whitespace), or is no Article at all. Every batch of
`--batch` inputs holds `--good` good articles at random places. Prints: crashes (an exception escaping
extract_many, or output that cannot be written as UTF-8 JSON with a string id), good neighbours that lost
output (missing, errored, different from the article extracted alone, or in a batch that crashed), bad
inputs rejected with InputError, accepted, and failed inside the pipeline (caught), with the time taken
and the crash classes. Texts are short: 10,000 inputs take about 20 seconds.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crimegraph.exc import InputError  # noqa: E402
from crimegraph.extract import extract, extract_many  # noqa: E402
from crimegraph.extract.pipeline import prepare  # noqa: E402
from crimegraph.model import Article  # noqa: E402

TEXTS = (
    "Colombian police arrested twelve members of the Clan del Golfo in Medellín on Monday.",
    "The US Treasury sanctioned Venezuela's Defense Minister Vladimir Padrino López.",
    "Mexican soldiers seized two tonnes of cocaine in Culiacán, the army said.",
    "La Fiscalía acusó al alcalde de Cúcuta de corrupción, según el diario El Tiempo.",
    "Manifestantes protestaron en Caracas contra el gobierno de Nicolás Maduro el martes.",
)
FIELDS = ("id", "text", "title", "date", "language", "source", "url", "extra")
ODD_CHARS = "\x00\x01\x07\x0b\x1b\x7f\x85\u200b\u202e\ufeff\ufffd\U0001f4a5"


def surrogates(rng: random.Random) -> str:
    return "".join(chr(rng.randint(0xD800, 0xDFFF)) for _ in range(rng.randint(1, 3)))


def odd_string(rng: random.Random) -> str:
    """A string that is hard to write or parse."""
    base = rng.choice(TEXTS)
    kind = rng.randrange(8)
    if kind == 0:
        return base[:20] + surrogates(rng) + base[20:]
    if kind == 1:
        return "".join(rng.choice(ODD_CHARS) for _ in range(rng.randint(1, 40)))
    if kind == 2:
        return "\x00" * rng.randint(1, 300)
    if kind == 3:
        return rng.choice(" \n\t\r\u00a0\u3000") * (150_000 if rng.random() < 0.01 else rng.randint(100, 5000))
    if kind == 4:
        return "".join(c + rng.choice(ODD_CHARS + surrogates(rng)) if rng.random() < 0.2 else c for c in base)
    if kind == 5:
        return rng.choice(["", " ", "2024-13-45", "zz", "EN", "e", "<p><b>", "\\u0000", "null", "x" * 3000])
    if kind == 6:
        return surrogates(rng)
    return base.encode("utf-8").decode("latin-1")  # mojibake


def odd_value(rng: random.Random) -> Any:
    """A value of a type no Article field should hold, or an odd string."""
    kind = rng.randrange(11)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([0, -1, 7, 2**70, rng.randint(-10**9, 10**9)])
    if kind == 2:
        return rng.choice([0.0, -0.0, 1.5, float("nan"), float("inf"), rng.random()])
    if kind == 3:
        return rng.choice([True, False])
    if kind == 4:
        return rng.choice([bytes(rng.randrange(256) for _ in range(rng.randint(0, 30))),
                           rng.choice(TEXTS).encode("utf-8"), b"\xff\xfe\xfd", b"\xed\xb2\x80"])
    if kind == 5:
        return rng.choice([[], [1, "a"], ["\udc80"], [[[]]]])
    if kind == 6:
        return rng.choice([{}, {"a": 1}, {"\udc80": b"\xff"}, {1: [None]}])
    if kind == 7:
        return rng.choice([object(), {1, 2}, (1, "x"), bytearray(b"ab\xff")])
    return odd_string(rng)


def good_value(name: str, number: int, rng: random.Random) -> Any:
    return {"id": f"bad-{number}", "text": rng.choice(TEXTS), "title": "Report", "date": "2024-01-02",
            "language": rng.choice(["en", "es", None]), "source": None, "url": None, "extra": {}}[name]


def bad_input(number: int, rng: random.Random) -> Any:
    """An Article with one to three odd fields (text and id most often), or now and then no Article at all."""
    if rng.random() < 0.02:
        return rng.choice([None, "text", {"id": "d", "text": TEXTS[0]}, 42, [Article("x", "y")]])
    odd = set(rng.choices(FIELDS, weights=(3, 4, 1, 1, 1, 1, 1, 1), k=rng.randint(1, 3)))
    values = {name: odd_value(rng) if name in odd else good_value(name, number, rng) for name in FIELDS}
    return Article(**values)


def good_article(number: int) -> Article:
    text = TEXTS[number % len(TEXTS)]
    return Article(id=f"good-{number}", text=text, date="2024-03-04", language="es" if number >= 3 else "en")


def write_error(result: Any) -> str | None:
    """Why an output record cannot be written as one UTF-8 JSON line with a string id, or None."""
    try:
        json.dumps(result.to_full(), ensure_ascii=False).encode("utf-8")
    except Exception as error:  # noqa: BLE001 - what the figure counts
        return f"writer {type(error).__name__}"
    if not isinstance(result.article_id, str):
        return f"id of type {type(result.article_id).__name__} in the output"
    return None


def refused(item: Any) -> bool:
    """Whether the boundary refuses an input with an InputError (an input that is no Article counts)."""
    try:
        prepare(item)
    except InputError:
        return True
    except Exception:  # noqa: BLE001 - not a refusal (older code: the crash is counted elsewhere)
        return False
    return False


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    classes: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, example: str = "") -> None:
        self.counts[key] += 1
        self.examples.setdefault(key, example)


def run_batch(items: list[tuple[int | None, Any]], alone: dict[int, dict[str, Any]], tally: Tally) -> None:
    """Extract one mixed batch; `items` pairs each input with its good-article number (None when bad)."""
    try:
        results = list(extract_many([item for _, item in items], batch_size=len(items)))
    except Exception as error:  # noqa: BLE001 - an error escaping extract_many costs the whole batch
        tally.add("crashes", f"extract_many: {type(error).__name__}: {error}"[:200])
        tally.classes[f"extract_many {type(error).__name__}"] += 1
        tally.counts["good neighbours that lost output"] += sum(g is not None for g, _ in items)
        tally.counts["bad inputs in crashed batches"] += sum(g is None for g, _ in items)
        return
    lost = len(results) != len(items)
    for (good, item), result in zip(items, results, strict=False):
        if (problem := write_error(result)) is not None:
            tally.add("crashes", f"{problem}: {result.article_id!r}"[:200])
            tally.classes[problem] += 1
            lost = True  # the run's writer stops here (a CLI run would end)
        if good is None:
            tally.add("rejected with InputError" if result.error and refused(item) else
                      "failed inside the pipeline (caught)" if result.error else "accepted", str(result.error))
    for (good, _), result in zip(items, results, strict=False):
        if good is not None and (lost or result.to_full() != alone[good]):
            tally.counts["good neighbours that lost output"] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="bad inputs")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--batch", type=int, default=16, help="inputs per mixed batch")
    parser.add_argument("--good", type=int, default=2, help="good articles per batch")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    alone = {n: extract(good_article(n)).to_full() for n in range(len(TEXTS))}
    tally = Tally()
    started = time.perf_counter()
    made = 0
    while made < args.n:
        size = min(args.batch - args.good, args.n - made)
        batch: list[tuple[int | None, Any]] = [(None, bad_input(made + i, rng)) for i in range(size)]
        made += size
        for _ in range(args.good):
            number = rng.randrange(len(TEXTS))
            batch.insert(rng.randint(0, len(batch)), (number, good_article(number)))
        tally.counts["good neighbours"] += args.good
        tally.counts["batches"] += 1
        run_batch(batch, alone, tally)
    seconds = time.perf_counter() - started
    report(args, tally, seconds)


def report(args: argparse.Namespace, tally: Tally, seconds: float) -> None:
    print(f"bad inputs: {args.n:,} (seed {args.seed}), in {tally.counts['batches']:,} batches of {args.batch} "
          f"with {args.good} good each")
    for key in ("crashes", "good neighbours that lost output", "rejected with InputError", "accepted",
                "failed inside the pipeline (caught)", "bad inputs in crashed batches", "good neighbours"):
        print(f"  {key:38} {tally.counts[key]:>7,}")
    print(f"  {'time':38} {seconds:>7.1f} s ({1000 * seconds / args.n:.1f} ms per bad input)")
    for name, count in tally.classes.most_common():
        print(f"    crash class {name}: {count:,}")
    for key in ("crashes", "failed inside the pipeline (caught)"):
        if tally.counts[key]:
            print(f"  first of {key}: {tally.examples[key]}")


if __name__ == "__main__":
    main()
