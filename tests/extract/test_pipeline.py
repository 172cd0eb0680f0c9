"""The extraction boundary: bad input gives a clear message or a sane result, never a crash."""

from __future__ import annotations

import pytest

from crimegraph.extract import extract, extract_many, pipeline
from crimegraph.extract.text.clean import chunks
from crimegraph.model import Article

TEXT = (
    "Venezuelan President Nicolás Maduro spoke in Caracas on Monday.\n\n"
    "The Colombian army said it had arrested 12 members of the Clan del Golfo in Antioquia."
)


def test_empty_text_gives_an_empty_record() -> None:
    result = extract(Article(id="e", text="", language="en"))
    assert result.error is None
    assert result.to_eval() == {"id": "e", "entities": [], "events": [], "claims": []}


def test_missing_date_and_language_are_sane() -> None:
    result = extract(Article(id="m", text=TEXT))
    assert result.error is None
    assert result.language == "en"
    assert any(e.name.endswith("Caracas") for e in result.entities)


def test_malformed_date_is_ignored() -> None:
    assert extract(Article(id="d", text=TEXT, date="someday", language="en")).error is None


def test_binary_junk_is_a_clear_error() -> None:
    result = extract(Article(id="j", text="\x00\x01\x02\xff\x10" * 200, language="en"))
    assert result.error is not None and "binary" in result.error
    assert result.to_eval()["entities"] == []


def test_unsupported_language_is_a_clear_error() -> None:
    result = extract(Article(id="fr", text=TEXT, language="fr"))
    assert result.error is not None and "unsupported language" in result.error


def test_odd_field_types_are_clear_errors_that_spare_the_batch() -> None:
    bad = Article(id="n", text=TEXT, language=3.0)  # type: ignore[arg-type]
    good = Article(id="g", text=TEXT, language="en")
    first, second = extract_many([bad, good])
    assert first.error is not None and "'language' must be a string, not float" in first.error
    assert second.error is None and second.entities


def test_html_where_text_was_expected_is_read_as_text() -> None:
    html = "<html><body><p>Venezuelan President Nicolás Maduro spoke in Caracas.</p><script>x()</script></body></html>"
    result = extract(Article(id="h", text=html, language="en"))
    assert result.error is None
    assert all("<" not in e.name for e in result.entities)
    assert any(e.name == "Caracas" for e in result.entities)


def test_a_huge_document_is_cut_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_CHARS", 2_000)
    huge = (TEXT + "\n\n") * 40_000  # about 5 MB
    assert len(huge) > 5_000_000
    result = extract(Article(id="big", text=huge, language="en"))
    assert result.error is None
    assert result.warnings and "cut" in result.warnings[0]
    assert result.entities


def test_long_documents_are_processed_in_chunks_with_true_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_CHUNK", 300)
    text = "\n\n".join([TEXT] * 6)
    result = extract(Article(id="long", text=text, language="en"))
    caracas = next(e for e in result.entities if e.name == "Caracas")
    assert len(caracas.evidence) == 6
    for evidence in caracas.evidence:
        assert text[evidence.start:evidence.end] == evidence.text


def test_chunks_cover_the_text_exactly() -> None:
    text = "word " * 5000
    pieces = chunks(text, 1000)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 1000 for _, piece in pieces)
    assert [offset for offset, _ in pieces] == sorted(offset for offset, _ in pieces)


def test_extracting_twice_gives_the_same_result() -> None:
    articles = [Article(id=str(i), text=TEXT, date="2021-05-04", language="en") for i in range(3)]
    first = [x.to_full() for x in extract_many(articles)]
    second = [x.to_full() for x in extract_many(articles)]
    assert first == second
    assert first[0]["entities"] == first[2]["entities"]


def test_one_bad_article_does_not_stop_the_others() -> None:
    articles = [
        Article(id="a", text=TEXT, language="en"),
        Article(id="b", text="\x00" * 500, language="en"),
        Article(id="c", text=TEXT, language="en"),
    ]
    results = list(extract_many(articles))
    assert [r.article_id for r in results] == ["a", "b", "c"]
    assert results[1].error and not results[0].error and not results[2].error
