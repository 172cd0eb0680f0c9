"""The indexes that keep extraction linear (indexes.py, names.FullNames, spans.NameGrowth): each answers
what the all-pairs loop it replaced answered."""

from __future__ import annotations

import itertools

import spacy
from spacy.language import Language

from crimegraph.extract.entities.names import FullNames, acronym_of, is_part_of_name, person_words, spellings
from crimegraph.extract.entities.spans import Candidate, outermost
from crimegraph.extract.indexes import (
    Containment,
    Cover,
    Postings,
    Sentences,
    last_below,
    nearest_at_or_after,
    nearest_at_or_before,
)


def test_cover_marks_ranges_once() -> None:
    cover = Cover(10)
    cover.mark(2, 5)
    cover.mark(0, 3)
    cover.mark(8, 20)
    assert [i for i in range(10) if i in cover] == [0, 1, 2, 3, 4, 8, 9]
    assert -1 not in cover and 10 not in cover


def test_containment_matches_the_all_pairs_check() -> None:
    spans = [(s, e) for s in range(6) for e in range(s + 1, 7)]
    for added in itertools.combinations(spans, 3):
        inside = Containment(7)
        for start, end in added:
            inside.add(start, end)
        for start, end in spans:
            assert inside.inside(start, end) == any(s <= start and end <= e for s, e in added)


def test_outermost_drops_the_contained_and_one_of_two_equal() -> None:
    cands = [Candidate(0, 2, "PERSON"), Candidate(0, 4, "PERSON"), Candidate(1, 3, "PERSON"),
             Candidate(5, 6, "LOCATION"), Candidate(5, 6, "PERSON")]
    kept = outermost(cands, 6)
    assert [(c.start, c.end, c.type) for c in kept] == [(0, 4, "PERSON"), (5, 6, "LOCATION")]


def test_nearest_flags() -> None:
    flags = [False, True, False, False, True]
    assert nearest_at_or_before(flags) == [-1, 1, 1, 1, 4]
    assert nearest_at_or_after(flags) == [1, 1, 4, 4, 4, 5]


def test_postings_and_last_below() -> None:
    words: Postings[int] = Postings()
    words.add(0, ["juan", "perez"])
    words.add(1, ["ana", "perez", "perez"])
    assert words.sharing_all(["perez", "ana"]) == [1] and words.sharing_all(["perez"]) == [0, 1]
    assert words.sharing_all(["luis"]) == [] and words.sharing_all([]) == []
    assert last_below([2, 5, 9], 6) == 5 and last_below([2, 5, 9], 2) is None


def test_full_names_agree_with_is_part_of_name() -> None:
    fulls = ["Vladimir Padrino López", "Nicolás Maduro Moros", "Nicolás Maduro Guerra", "Diosdado Cabello"]
    shorts = ["Padrino López", "Maduro", "Nicolás", "Cabello", "Nicolás Maduro", "López Padrino", "Diosdado Cabello"]
    index: FullNames[str] = FullNames()
    for full in fulls:
        index.add(full, person_words(full))
    for short in shorts:
        words = person_words(short)
        assert index.containing(words) == [f for f in fulls if is_part_of_name(words, person_words(f))]


def test_spellings_are_the_acronyms_a_name_has() -> None:
    assert spellings("Ejército de Liberación Nacional") == ("eln", "edln")
    assert spellings("Army") == ()
    for acronym, name in [("ELN", "Ejército de Liberación Nacional"), ("EDLN", "Ejército de Liberación Nacional"),
                          ("DEA", "Defense Ministry"), ("A", "Army Base")]:
        assert acronym_of(acronym, name) == (acronym.lower() in spellings(name))


def test_sentences_match_span_sent() -> None:
    nlp: Language = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Ana Ruiz spoke. Then Luis Soto left! He said so.")
    sentences = Sentences(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            expected = doc[start:end].sent
            assert sentences.span(start) == expected
            assert sentences.text(start) == expected.text


def test_names_grow_over_a_long_run_of_name_words(en: Language) -> None:
    doc = en("John Smith " * 300)
    assert [e.text for e in doc.ents] == [doc.text.strip()]
