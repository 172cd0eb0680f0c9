"""Titles of office and rank ("Defense Minister", "ministro de Defensa", "General"), found by a PhraseMatcher."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from crimegraph.extract.entities.names import fold
from crimegraph.extract.entities.types import Lexicon

PAST = frozenset("former ex then-former ex- then antiguo antigua expresidente".split())
SPANISH_EX = "ex"


@dataclass(frozen=True, slots=True)
class Title:
    """A title phrase: token span, its lexicon key, and whether it is held in the past."""

    start: int
    end: int
    key: str
    past: bool = False


def variants(form: str) -> set[str]:
    """A form and its accent-free spelling."""
    return {form, fold(form)}


class TitleFinder:
    """Finds title phrases in a Doc (longest match wins)."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.lex = lex
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns = []
        for title in lex.titles:
            for form in variants(title):
                patterns.append(nlp.make_doc(form))
                if lex.language == "es" and " " not in form:
                    patterns.append(nlp.make_doc(SPANISH_EX + form))
        self.matcher.add("TITLE", patterns)

    def __call__(self, doc: Doc) -> list[Title]:
        spans = filter_spans([doc[s:e] for _, s, e in self.matcher(doc)])
        found = []
        for span in sorted(spans, key=lambda s: s.start):
            text = fold(span.text)
            past = False
            if text not in self.lex.titles and text.startswith(SPANISH_EX):
                text, past = text[len(SPANISH_EX):], True
            past = past or self.is_past(doc, span.start)
            found.append(Title(span.start, span.end, text, past))
        return found

    def is_past(self, doc: Doc, start: int) -> bool:
        """True after "former", "ex-", "then-" (skipping a hyphen and a country: "former Colombian President")."""
        i = start - 1
        while i >= 0 and start - i <= 3 and (fold(doc[i].text) in self.lex.demonyms or doc[i].text in ("'s", "’s")
                                              or (doc[i].ent_type_ in ("GPE", "LOC") and doc[i].text[:1].isupper())):
            i -= 1
        if i >= 0 and doc[i].text in ("-", "–"):
            i -= 1
        return i >= 0 and doc[i].lower_ in PAST

    def body(self, title: Title) -> tuple[str, str]:
        """(body name template, type) the title implies; ("", "") for a rank or bare title."""
        return self.lex.titles.get(title.key, ("", ""))
