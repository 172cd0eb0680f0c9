"""Tokenizer repairs: a question or exclamation mark glued to the next sentence ("Daughter?The
detention") is split off, so the two sentences and the names at their edges come apart. Headlines
run into the body this way in many feeds. A full stop is already split by spaCy's own rules."""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex

LOWER = "a-záéíóúüñç"
UPPER = "A-ZÁÉÍÓÚÜÑÇ¿¡"
GLUED_MARK = rf"(?<=[{LOWER}])[?!](?=[{UPPER}])"


def split_glued_marks(nlp: Language) -> Language:
    """Add the glued-mark infix to the model's tokenizer (in place; the Doc text is unchanged)."""
    infixes = [*(nlp.Defaults.infixes or ()), GLUED_MARK]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    return nlp
