"""Generated bad input through the extraction boundary: no crash, and good neighbours keep their output."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from hypothesis import given

from crimegraph.exc import InputError
from crimegraph.extract import extract, extract_many
from crimegraph.model import Article
from tests.fuzzing import FUZZ, bad_articles, good_article, mixed_batches


@cache
def alone(number: int) -> dict[str, Any]:
    """The full output of good article `number` extracted on its own."""
    return extract(good_article(number)).to_full()


@FUZZ
@given(bad_articles())
def test_no_exception_but_input_error_escapes_extract(article: Article) -> None:
    try:
        result = extract(article)
    except InputError:
        return
    assert isinstance(result.article_id, str)
    assert json.dumps(result.to_full(), ensure_ascii=False).encode("utf-8")  # any writer can write it


@FUZZ
@given(mixed_batches())
def test_extract_many_keeps_order_and_good_neighbours_output(items: list[tuple[bool, Article]]) -> None:
    results = list(extract_many([article for _, article in items], batch_size=4))
    assert len(results) == len(items)
    for (good, article), result in zip(items, results, strict=True):
        assert json.dumps(result.to_full(), ensure_ascii=False).encode("utf-8")
        if good:
            assert result.to_full() == alone(int(article.id.split("-")[1]))
        elif result.error is None:
            assert isinstance(result.article_id, str)


def test_the_crashes_the_tester_found_are_now_named_errors_or_clean_output() -> None:
    text = "Colombian police arrested twelve members of the Clan del Golfo in Medellín on Monday."
    surrogate, as_bytes, number, bad = extract_many([
        Article(id="s\udc80", text=text + "\udc80", language="en"),
        Article(id=b"b\xff", text=text, language="en"),  # type: ignore[arg-type]
        Article(id=12, text=text, language="en"),  # type: ignore[arg-type]
        Article(id="n", text=text, language=True),  # type: ignore[arg-type]
    ])
    assert (surrogate.article_id, as_bytes.article_id, number.article_id) == ("s\ufffd", "b\ufffd", "12")
    assert surrogate.entities and as_bytes.entities and number.entities and not surrogate.error
    assert bad.error == "n: 'language' must be a string, not bool"


def test_an_unusable_id_is_named_by_position() -> None:
    first, second = extract_many([good_article(0), Article(id=[1], text="x")])  # type: ignore[arg-type]
    assert first.error is None
    assert second.article_id == "document 2"
    assert second.error == "document 2: 'id' must be a string or an integer, not list"
