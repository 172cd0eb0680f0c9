"""Per-document bounds (limits.py): past one, a component leaves out an optional step and warns."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from crimegraph.extract import doc as cg
from crimegraph.extract import limits
from crimegraph.extract.claims import claimmodel
from crimegraph.extract.claims.pairs import Pair
from crimegraph.extract.events import events
from crimegraph.extract.events.event_merge import Candidate, merge
from crimegraph.extract.pipeline import extract
from crimegraph.model import Article

NAMES = " ".join(f"{first} {last} met {other} in Bogotá." for first, last, other in
                 zip(["Ana", "Luis", "Marta", "Pedro", "Sofía", "Juan"] * 4, ["Ruiz", "Soto", "Gil", "Vega"] * 6,
                     ["Carlos Mejía", "Elena Prado", "Raúl Ortiz"] * 8, strict=False))


def test_many_mentions_skip_the_kinship_check_and_warn(monkeypatch: pytest.MonkeyPatch, en: Language) -> None:
    monkeypatch.setattr(limits, "MAX_DOC_MENTIONS", 10)
    doc = en(NAMES)
    assert len(doc.ents) > 10
    assert any("entity mentions (over 10)" in w for w in cg.warnings(doc))
    monkeypatch.setattr(limits, "MAX_DOC_MENTIONS", 100_000)
    assert cg.warnings(en(NAMES)) == []


def test_the_warning_reaches_the_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_DOC_MENTIONS", 10)
    monkeypatch.setattr(limits, "MAX_DOC_PAIRS", 5)
    result = extract(Article(id="many", text=NAMES, language="en"))
    assert result.error is None and result.entities
    assert any("entity mentions" in w for w in result.warnings)
    assert any("candidate claim pairs" in w and "the first 5" in w for w in result.warnings)


def test_pairs_are_cut_in_text_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_DOC_PAIRS", 3)
    doc = spacy.blank("en")("a b c d e f g")
    pairs = [Pair(cg.EntityCluster(f"P{i}", "PERSON"), "X", "PERSON", doc[i : i + 1], (i, i + 1), (6, 7))
             for i in range(6)]
    assert claimmodel.bounded(doc, pairs) == pairs[:3]
    assert len(cg.warnings(doc)) == 1
    assert claimmodel.bounded(doc, pairs[:2]) == pairs[:2]


def test_event_merging_is_by_type_and_windowed_past_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    found = [Candidate("ATTACK", i, location="Cali") for i in range(3)] + [Candidate("ARREST", 3, location="Cali")]
    assert [(c.type, c.sentence) for c in merge(found)] == [("ATTACK", 0), ("ARREST", 3)]
    dated = [Candidate("ATTACK", i, date=f"2020-01-{i % 28 + 1:02d}", own_date=True) for i in range(2_000)]
    assert len(merge(dated, window=100)) == 28  # 28 distinct days: the window still finds each day's event
    monkeypatch.setattr(limits, "MAX_EVENT_CANDIDATES", 1_000)
    doc = spacy.blank("en")("text")
    assert events.merge_window(doc, dated) == limits.MERGE_WINDOW
    assert "2,000 event candidates" in cg.warnings(doc)[0]
    assert events.merge_window(doc, dated[:10]) is None
