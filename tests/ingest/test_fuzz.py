"""Generated bad input through the readers and ingest: bad lines become named errors, good lines stay."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from crimegraph.exc import InputError
from crimegraph.ingest.jsonl import read_jsonl
from crimegraph.ingest.runner import ingest
from crimegraph.model import Article
from crimegraph.model.clean import scrub
from crimegraph.settings import Settings
from crimegraph.store.tables import articles
from tests.fuzzing import FAST, GOOD_TEXTS, good_article, odd_strings

FIELDS = ("id", "title", "date", "language", "text", "source", "url")
json_values: st.SearchStrategy[Any] = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), odd_strings,
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=4), st.integers(), max_size=2))


@st.composite
def bad_records(draw: st.DrawFn) -> str:
    """A JSON line whose fields hold odd values (strings with surrogates are escaped, as other tools write)."""
    record = {name: draw(st.one_of(st.just("x"), json_values)) for name in FIELDS if draw(st.booleans())}
    record["text"] = draw(st.one_of(st.sampled_from(GOOD_TEXTS), json_values))
    return json.dumps(record)


garbage = st.one_of(
    st.text(min_size=1, max_size=30).filter(lambda s: bool(s.strip()) and "\n" not in s and "\r" not in s),
    st.sampled_from(["[" * 5000, "1" * 5000, '{"id": 1e999, "text": "x"}', "[1, 2]", '"text"', "null"]),
)
lines = st.lists(st.one_of(st.integers(0, 3).map(lambda n: ("good", n)), bad_records().map(lambda r: ("bad", r)),
                           garbage.map(lambda g: ("bad", g))), min_size=1, max_size=10)


def line_of(kind: str, value: Any) -> str:
    return json.dumps(good_article(value).to_dict()) if kind == "good" else str(value)


def label_of(line: str, where: str) -> str:
    """How an error should name a line: by its record's id when usable, else by its place."""
    try:
        ident = json.loads(line).get("id")
    except Exception:  # noqa: BLE001 - not JSON, or not an object: named by its place
        return where
    if isinstance(ident, int) and not isinstance(ident, bool):
        return str(ident)
    return scrub(ident) if isinstance(ident, str) and ident.strip() else where


@FAST
@given(lines)
def test_reader_names_bad_lines_and_keeps_good_ones(drawn: list[tuple[str, Any]]) -> None:
    items = list(read_jsonl([line_of(kind, value) + "\n" for kind, value in drawn], "in.jsonl"))
    assert len(items) == len(drawn)
    for number, ((kind, value), item) in enumerate(zip(drawn, items, strict=True), 1):
        if kind == "good":
            assert item == good_article(value)
        elif isinstance(item, InputError):
            assert str(item).startswith(label_of(str(value), f"in.jsonl:{number}") + ": ")
        else:
            assert json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")


def test_reader_messages_name_the_line_or_id_and_the_field() -> None:
    found = list(read_jsonl([
        json.dumps({"id": "a", "text": "x", "date": 20240102}),
        json.dumps({"text": "x", "source": ["AP"]}),
        json.dumps({"id": 7, "text": "x\udc80"}),
        "[" * 5000,
    ], "in.jsonl"))
    assert [str(e) for e in found[:2]] == [
        "a: 'date' must be a string, not int", "in.jsonl:2: 'source' must be a string, not list"]
    assert isinstance(found[2], Article) and (found[2].id, found[2].text) == ("7", "x\ufffd")
    assert str(found[3]).startswith("in.jsonl:4: not JSON")


def test_a_bad_record_costs_its_batch_nothing_in_the_knowledge_base(engine: Engine) -> None:
    text = GOOD_TEXTS[0]
    items: list[Any] = [
        good_article(0),
        Article(id="s\udc80", text=text + " \udc80", title="t\udfff", extra={"k\ud800": b"\xff"}),
        Article(id=b"b", text="Otra " + GOOD_TEXTS[1], language="es"),  # type: ignore[arg-type]
        Article(id=[1], text=text),  # type: ignore[arg-type]
        Article(id="n", text=text, language=3),  # type: ignore[arg-type]
        {"id": "d", "text": text},
        Article(id="z", text="Zeta: " + text, source=b"AP\xff"),  # type: ignore[arg-type]
    ]
    summary = ingest(items, engine, Settings(batch_size=8))
    with engine.connect() as conn:
        stored = sorted(conn.execute(select(articles.c.id)).scalars())
    assert stored == ["b", "good-0", "s\ufffd", "z"]
    assert sorted(f.item for f in summary.failed) == ["input 4", "input 6", "n"]
