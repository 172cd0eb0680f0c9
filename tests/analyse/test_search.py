"""Full-text search: accents and case aside, over article text and entity names."""

from __future__ import annotations

from sqlalchemy import Engine

from crimegraph.analyse.refs import find_entities
from crimegraph.analyse.search import search, snippet
from crimegraph.model import Extraction
from tests.kb import doc, load, person, place

TEXT = ("Police in Cúcuta detained the trader Joaquín Ordóñez on Tuesday. "
        "Investigators said he moved fuel across the border with Venezuela.")


def filled(engine: Engine) -> None:
    load(engine, [
        (doc("s1", TEXT, title="Trader held in Cúcuta"),
         Extraction("s1", [person("Joaquín Ordóñez", "Ordóñez"), place("Cúcuta")])),
        (doc("s2", "A quiet week in the capital, with no arrests reported."), Extraction("s2")),
    ])


def test_articles_match_without_accents_or_case(engine: Engine) -> None:
    filled(engine)
    for query in ("cucuta", "CÚCUTA", "ordonez fuel"):
        results = search(engine, query)
        assert [a.id for a in results.articles] == ["s1"], query
    assert "Ordóñez" in search(engine, "ordonez").articles[0].snippet


def test_entity_names_match_and_point_to_the_resolved_entity(engine: Engine) -> None:
    filled(engine)
    results = search(engine, "joaquin ordonez")
    assert [hit.entity.name for hit in results.entities] == ["Joaquín Ordóñez"]
    assert results.to_dict()["entities"][0]["articles"] == 1
    assert [r.name for r in find_entities(engine, "ORDOÑEZ")] == ["Joaquín Ordóñez"]


def test_query_syntax_cannot_break_the_search(engine: Engine) -> None:
    filled(engine)
    for query in ('"', "AND OR NOT (", "fuel*:", "'; DROP TABLE articles; --", ""):
        search(engine, query)
    assert search(engine, "fuel").articles


def test_prefixes_match_and_unknown_words_do_not(engine: Engine) -> None:
    filled(engine)
    assert search(engine, "investig").articles
    assert not search(engine, "zzzunknown").articles


def test_snippet_keeps_the_original_accents() -> None:
    assert "Joaquín" in snippet(TEXT, ["joaquin"])
