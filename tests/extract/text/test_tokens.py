"""A question or exclamation mark glued to the next sentence is split off; the text is unchanged."""

import re

from spacy.language import Language

from crimegraph.extract.text.tokens import GLUED_MARK


def test_a_glued_mark_ends_the_sentence(nlp: Language) -> None:
    text = "Did Mexico Arrest the Capo's Daughter?The detention of a woman surprised Mexico City."
    doc = nlp(text)
    assert doc.text == text
    assert "?" in [t.text for t in doc]
    assert [s.text for s in doc.sents][0].endswith("Daughter?")


def test_marks_between_lower_case_words_stay() -> None:
    assert re.search(GLUED_MARK, "Daughter?The")
    assert re.search(GLUED_MARK, "así?La") and re.search(GLUED_MARK, "dijo!¿Qué")
    assert not re.search(GLUED_MARK, "what?really") and not re.search(GLUED_MARK, "US?The")
