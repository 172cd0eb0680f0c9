"""Activity words map to the guideline codes; the phrase table matches forms and lemmas."""

from __future__ import annotations

from crimegraph.extract.claims.activities import ActivityFinder
from crimegraph.extract.phrases import DocWords, PhraseTable
from tests.extract.claim_docs import model


def found(text: str, language: str = "en") -> list[tuple[str, str, str]]:
    doc = model(language)(text)
    return [(doc[m.start:m.end].text, m.activity, m.kind) for m in ActivityFinder(language).find(doc)]


def test_longest_phrase_wins_over_its_parts() -> None:
    assert found("The gang moved into fuel smuggling last year.") == [("fuel smuggling", "fuel_smuggling", "noun")]


def test_plural_forms_match_through_lemmas() -> None:
    assert ("kidnappings", "kidnapping", "noun") in found("The kidnappings rose sharply in the province.")


def test_agent_nouns_name_who_does_it() -> None:
    assert found("The mayor was a notorious drug lord.") == [("drug lord", "drug_trafficking", "agent")]


def test_trade_verb_takes_its_activity_from_the_goods() -> None:
    assert found("Smugglers shipped weapons across the river.") == [("shipped", "arms_trafficking", "verb")]
    assert found("The network smuggled gasoline into the neighbouring country.")[-1][1] == "fuel_smuggling"


def test_trade_verb_without_goods_is_no_activity() -> None:
    assert found("The company shipped furniture to the coast.") == []


def test_activity_verbs_and_adjectives() -> None:
    assert ("launder", "money_laundering", "verb") in found("The bank helped the group launder its profits.")
    assert ("corrupt", "corruption", "adjective") in found("The corrupt judges were removed.")


def test_spanish_activities() -> None:
    kinds = {m[1] for m in found("La banda se dedica al narcotráfico y a la extorsión.", "es")}
    assert kinds == {"drug_trafficking", "extortion"}


def test_cartel_names_imply_drug_trafficking() -> None:
    finder = ActivityFinder("en")
    assert finder.in_name("Gulf Cartel") == "drug_trafficking"
    assert finder.in_name("Civic Union") is None


def test_phrase_table_longest_match_and_lookup() -> None:
    table = PhraseTable([("arms", "a"), ("arms trafficking", "b")])
    doc = model("en")("Arms trafficking and arms.")
    assert table.find(doc) == [(0, 2, "b"), (3, 4, "a")]
    assert table.lookup(doc[3]) == "a"


def test_fast_doc_path_agrees_with_span_path() -> None:
    doc = model("en")("The militia ran kidnapping rackets and smuggled weapons; its corrupt allies laundered money.")
    finder = ActivityFinder("en")
    assert finder.find_words(DocWords(doc)) == finder.find(doc)
    assert [t.text for t in DocWords(doc).hits({"militia", "ally"})] == ["militia", "allies"]
