"""Validation at the boundary: odd field values become clean strings or an InputError naming the field."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crimegraph.exc import InputError
from crimegraph.model import Article, Entity, Evidence, Extraction
from crimegraph.model.clean import json_line, json_safe, scrub
from crimegraph.model.validate import validated
from tests.fuzzing import FAST, bad_articles, good_article, odd_strings, odd_values


def encodes(value: str | None) -> bool:
    """True when the value writes as UTF-8 (encode raises otherwise)."""
    return value is None or isinstance(value.encode("utf-8"), bytes)


def test_good_articles_come_through_unchanged() -> None:
    article = good_article(1)
    article.extra = {"section": "Justicia", "tags": ["a", 1, None]}
    assert validated(article) == article


def test_surrogates_and_nuls_become_replacement_characters_one_for_one() -> None:
    clean = validated(Article(id="a\udc80", text="x\x00y\ud800", title="\udfff"))
    assert (clean.id, clean.text, clean.title) == ("a\ufffd", "x\ufffdy\ufffd", "\ufffd")


def test_bytes_are_read_as_utf8_and_integer_ids_written_out() -> None:
    clean = validated(Article(id=7, text=b"caf\xc3\xa9 \xff", date=date(2024, 1, 2)))  # type: ignore[arg-type]
    assert (clean.id, clean.text, clean.date) == ("7", "café \ufffd", "2024-01-02")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("id", True, "doc: 'id' must be a string or an integer, not bool"),
    ("id", [1], "doc: 'id' must be a string or an integer, not list"),
    ("id", None, "doc: no 'id'"),
    ("text", None, "x: no 'text' field"),
    ("text", 3, "x: 'text' must be a string, not int"),
    ("title", 1.5, "x: 'title' must be a string, not float"),
    ("url", {"a": 1}, "x: 'url' must be a string, not dict"),
    ("extra", [1], "x: 'extra' must be a dict, not list"),
])
def test_each_bad_field_is_named(field: str, value: Any, message: str) -> None:
    article = Article(id="x", text="t")
    setattr(article, field, value)
    with pytest.raises(InputError) as caught:
        validated(article, "doc")
    assert str(caught.value) == message


def test_something_that_is_no_article_is_refused() -> None:
    with pytest.raises(InputError, match="document 4: expected an Article, not dict"):
        validated({"id": "x", "text": "t"}, "document 4")


@FAST
@given(bad_articles())
def test_validation_gives_an_encodable_article_or_an_input_error(article: Article) -> None:
    try:
        clean = validated(article)
    except InputError as error:
        assert str(error).encode("utf-8")
        return
    for value in (clean.id, clean.text, clean.title, clean.date, clean.language, clean.source, clean.url):
        assert value is None or isinstance(value, str)
        assert encodes(value)
    assert json_line(clean.extra).encode("utf-8")
    assert validated(clean) == clean  # idempotent


@FAST
@given(odd_strings)
def test_scrub_keeps_length_and_always_encodes(value: str) -> None:
    clean = scrub(value)
    assert len(clean) == len(value)
    assert encodes(clean)


@FAST
@given(st.recursive(odd_values, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.one_of(odd_strings, st.integers(), st.binary(max_size=3)), inner, max_size=3), max_leaves=12))
def test_json_safe_values_write_as_utf8_json(value: Any) -> None:
    line = json.dumps(json_safe(value), ensure_ascii=False)
    assert line.encode("utf-8")


@FAST
@given(odd_values, odd_strings, odd_strings)
def test_the_json_lines_writer_never_raises(ident: Any, name: str, error: str) -> None:
    result = Extraction(ident, [Entity(name, "PERSON", [name], [Evidence(0, 1, name)])], error=error,
                        warnings=[name])
    for record in (result.to_eval(), result.to_full()):
        line = json_line(record)
        assert "\n" not in line
        assert json.loads(line.encode("utf-8"))["entities"][0]["type"] == "PERSON"


def test_the_writer_keeps_good_records_byte_for_byte() -> None:
    record = {"id": "é", "entities": [{"name": "Nicolás", "n": 1.5}], "x": None}
    assert json_line(record) == json.dumps(record, ensure_ascii=False)
