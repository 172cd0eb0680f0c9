"""Choosing the place of an event."""

from __future__ import annotations

from spacy.language import Language

from crimegraph.extract.events.divisions import place_kind
from crimegraph.extract.events.places import best_place


def test_place_kinds() -> None:
    assert place_kind("Peru") == "country"
    assert place_kind("EE.UU.") == "country"
    assert place_kind("Latin America") == "region"
    assert place_kind("Cúcuta") == "place"


def test_city_beats_country(nlp: Language) -> None:
    doc = nlp("Soldiers clashed with smugglers in Cúcuta, Colombia, on Sunday.")
    trigger = next(t for t in doc if t.lemma_ == "clash")
    names = {c.name for c in doc._.cg_entities if c.type == "LOCATION"}
    if "Cúcuta" in names:
        assert best_place(doc, doc[:], trigger.i) == "Cúcuta"


def test_country_as_actor_is_not_the_place(nlp: Language) -> None:
    doc = nlp("Brazil sanctioned the company on Friday.")
    trigger = next(t for t in doc if t.lemma_ == "sanction")
    assert best_place(doc, doc[:], trigger.i) is None
