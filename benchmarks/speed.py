"""Speed and memory benchmark: crimegraph's pipeline against the bare spaCy model.

    .venv/bin/python benchmarks/speed.py [--n 300] [--memory 1000] [--lang en]
    .venv/bin/python benchmarks/speed.py --growth          # only the growth check
    .venv/bin/python benchmarks/speed.py --slowest 10      # only: every corpus article timed, the 10 slowest

Reads English (or --lang) articles of ../shared/corpus/articles.jsonl. Each measurement runs in a
fresh subprocess so peak memory (ru_maxrss) belongs to that run alone. Wall and CPU seconds both count
the articles only; loading the model and warming it up is its own column (load CPU s).

The growth check (also run after the default comparison) times one extract() of a name repeated 250,
500, 1,000 and 2,000 times ("John Smith " in English, "Juan Pérez " in Spanish) and of a ~200 KB text of
concatenated corpus articles, each with its ratio to the 250 case (linear: 2x, 4x, 8x; target: 1,000
names within 6x). --slowest targets no corpus article slower than 10 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "articles.jsonl"


def load(n: int, language: str, corpus: Path) -> list[dict[str, str]]:
    records = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("language") == language:
                records.append(record)
    return list(islice(cycle(records), n)) if records else []


def cpu_seconds() -> float:
    """User plus system CPU time of this process: steadier than wall time on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_mode(mode: str, n: int, language: str, corpus: Path) -> dict[str, object]:
    """One measurement, in this process: 'bare', 'pipeline' or 'memory'."""
    from crimegraph.extract.pipeline import bare_model, build_pipeline, extract_many
    from crimegraph.model import Article

    records = load(n, language, corpus)
    articles = [Article(id=f"{r['id']}#{i}", text=r["text"], date=r.get("date"), language=language)
                for i, r in enumerate(records)]
    words = sum(len(a.text.split()) for a in articles)
    warm = articles[:5]
    samples: list[tuple[int, float]] = []
    load_start = cpu_seconds()
    if mode == "bare":
        nlp = bare_model(language)
        list(nlp.pipe(a.text for a in warm))
        load_cpu, cpu_start = cpu_seconds() - load_start, cpu_seconds()
        start = time.perf_counter()
        for _ in nlp.pipe((a.text for a in articles), batch_size=16):
            pass
    else:
        build_pipeline(language)
        list(extract_many(warm))
        load_cpu, cpu_start = cpu_seconds() - load_start, cpu_seconds()
        start = time.perf_counter()
        for i, _ in enumerate(extract_many(articles), 1):
            if mode == "memory" and i % 100 == 0:
                samples.append((i, round(rss_mb(), 1)))
    seconds = time.perf_counter() - start
    cpu = cpu_seconds() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "docs": len(articles), "words": words, "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2), "load_cpu_seconds": round(load_cpu, 2),
            "docs_per_s": round(len(articles) / seconds, 2), "words_per_s": round(words / seconds),
            "peak_mb": round(peak), "rss_samples": samples}


GROWTH_REPEATS = (250, 500, 1000, 2000)
GROWTH_NAMES = {"en": "John Smith ", "es": "Juan Pérez "}
BIG_CHARS = 200_000


def timed_extract(text: str, language: str, name: str) -> tuple[float, int]:
    """Wall seconds of one extract() and the warnings it gave."""
    from crimegraph.extract.pipeline import extract
    from crimegraph.model import Article

    start = time.perf_counter()
    extraction = extract(Article(id=name, text=text, language=language))
    return time.perf_counter() - start, len(extraction.warnings)


def big_text(corpus: Path, language: str, size: int = BIG_CHARS) -> str:
    """Corpus articles joined by blank lines until `size` characters: one long real-looking article."""
    parts, total = [], 0
    for record in load(10_000, language, corpus):
        parts.append(record["text"])
        total += len(record["text"]) + 2
        if total >= size:
            break
    return "\n\n".join(parts)


def run_growth(corpus: Path) -> list[dict[str, object]]:
    """The growth rows, in this process (each pipeline warmed up first)."""
    rows: list[dict[str, object]] = []
    for language, name in GROWTH_NAMES.items():
        timed_extract("Hello world. " * 3, language, "warm")
        for repeats in GROWTH_REPEATS:
            seconds, warned = timed_extract(name * repeats, language, f"{repeats}")
            rows.append({"case": f"{language} {name.strip()!r} x{repeats}", "group": language,
                         "seconds": round(seconds, 3), "warnings": warned})
    text = big_text(corpus, "en")
    seconds, warned = timed_extract(text, "en", "big")
    rows.append({"case": f"en corpus text {len(text) // 1000} KB", "group": "en", "seconds": round(seconds, 3),
                 "warnings": warned})
    return rows


def print_growth(rows: list[dict[str, object]]) -> None:
    print(f"{'growth':34}{'seconds':>10}{'ratio':>8}{'warnings':>10}")
    base: dict[object, float] = {}
    for row in rows:
        seconds = float(str(row["seconds"]))
        first = base.setdefault(row["group"], seconds)
        print(f"{row['case']:34}{seconds:>10.2f}{seconds / max(first, 1e-6):>8.1f}{row['warnings']:>10}")
    print("ratios are to the 250 case (linear: 2, 4, 8; target: x1000 within 6)")


def run_slowest(corpus: Path, top: int) -> list[dict[str, object]]:
    """Every corpus article extracted alone and timed; the slowest `top`, slowest first."""
    from crimegraph.extract.pipeline import extract
    from crimegraph.model import Article

    for language in ("en", "es"):  # load both pipelines first: the first article must not pay for it
        extract(Article(id="warm", text="Hello world. " * 3, language=language))
    times = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            article = Article(id=record["id"], text=record["text"], date=record.get("date"),
                              language=record.get("language"))
            start = time.perf_counter()
            extract(article)
            times.append({"id": record["id"], "chars": len(record["text"]),
                          "seconds": round(time.perf_counter() - start, 3)})
    times.sort(key=lambda row: -float(str(row["seconds"])))
    return [{"count": len(times), "total": round(sum(float(str(t["seconds"])) for t in times), 1)}, *times[:top]]


def print_slowest(rows: list[dict[str, object]]) -> None:
    summary, slowest = rows[0], rows[1:]
    print(f"{summary['count']} corpus articles, {summary['total']} s; the slowest (target: none over 10 s):")
    for row in slowest:
        print(f"  {row['seconds']:>8} s  {row['chars']:>7} chars  {row['id']}")


def measure_json(args: list[str]) -> list[dict[str, object]]:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    rows: list[dict[str, object]] = json.loads(done.stdout.strip().splitlines()[-1])
    return rows


def measure(mode: str, n: int, language: str, corpus: Path) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", mode, "--n", str(n), "--lang", language,
               "--corpus", str(corpus)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=300, help="articles for the speed comparison")
    parser.add_argument("--memory", type=int, default=1000, help="articles for the memory run (0: skip)")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--growth", action="store_true", help="only the growth check")
    parser.add_argument("--slowest", type=int, default=0, help="only: time every corpus article, list the N slowest")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if args.child == "growth":
        print(json.dumps(run_growth(corpus)))
        return
    if args.child == "slowest":
        print(json.dumps(run_slowest(corpus, args.slowest)))
        return
    if args.child:
        print(json.dumps(run_mode(args.child, args.n, args.lang, corpus)))
        return
    if not corpus.exists():
        sys.exit(f"no corpus at {corpus}: the speed benchmark needs ../shared/corpus")
    if args.slowest:
        print_slowest(measure_json(["--child", "slowest", "--slowest", str(args.slowest), "--corpus", str(corpus)]))
        return
    growth_run = ["--child", "growth", "--corpus", str(corpus)]
    if args.growth:
        print_growth(measure_json(growth_run))
        return
    bare = measure("bare", args.n, args.lang, corpus)
    ours = measure("pipeline", args.n, args.lang, corpus)
    print(f"{args.n} {args.lang} corpus articles, {bare['words']} words")
    print(f"{'':12}{'seconds':>10}{'CPU s':>10}{'docs/s':>10}{'words/s':>10}{'peak MB':>10}{'load CPU s':>12}")
    for row in (bare, ours):
        print(f"{row['mode']:12}{row['seconds']:>10}{row['cpu_seconds']:>10}{row['docs_per_s']:>10}"
              f"{row['words_per_s']:>10}{row['peak_mb']:>10}{row['load_cpu_seconds']:>12}")
    wall = float(str(ours["seconds"])) / float(str(bare["seconds"]))
    cpu = float(str(ours["cpu_seconds"])) / float(str(bare["cpu_seconds"]))
    print(f"ratio pipeline/bare: wall time {wall:.2f}, CPU time {cpu:.2f} (target <= 1.5)")
    if args.memory:
        memory = measure("memory", args.memory, args.lang, corpus)
        samples = memory["rss_samples"]
        assert isinstance(samples, list)
        print(f"memory over {args.memory} articles (RSS MB every 100): "
              + " ".join(str(mb) for _, mb in samples))
        if len(samples) >= 3:
            grown = samples[-1][1] - samples[1][1]
            per_doc = grown / (samples[-1][0] - samples[1][0])
            print(f"growth from article {samples[1][0]} to {samples[-1][0]}: {grown:+.1f} MB "
                  f"({per_doc * 1024:+.1f} KB/article)")
    print_growth(measure_json(growth_run))


if __name__ == "__main__":
    main()
