"""Matchers that propose entities the model misses: lexicon actors, governments, national forces, units."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from crimegraph.extract.entities.names import fold
from crimegraph.extract.entities.spans import Candidate
from crimegraph.extract.entities.types import GROUP, STATE, Lexicon, country_code

GOVERNMENT = {"en": ["government", "regime", "administration"], "es": ["gobierno", "régimen", "regimen"]}
FORCES = {
    "en": ["military", "army", "navy", "police", "marines", "armed forces", "air force", "national guard",
           "national police", "security forces", "coast guard", "intelligence services", "intelligence service"],
    "es": ["ejército", "ejercito", "armada", "policía", "policia", "fuerzas armadas", "fuerza aérea",
           "fuerza aerea", "guardia nacional", "policía nacional", "policia nacional", "fuerza pública",
           "fuerzas militares"],
}
CAPITAL_FORCES = ["Army", "Navy", "Air Force", "National Guard", "National Police", "Coast Guard", "Marines",
                  "Marine Corps", "Armed Forces", "Ejército", "Armada", "Fuerza Aérea", "Policía Nacional",
                  "Guardia Nacional", "Fuerzas Armadas", "Infantería de Marina", "Fuerzas Militares"]
UNITS = {"zone": STATE, "brigade": STATE, "battalion": STATE, "division": STATE, "front": GROUP,
         "bloc": GROUP, "block": GROUP, "column": GROUP, "frente": GROUP, "bloque": GROUP, "columna": GROUP,
         "zona": STATE, "brigada": STATE, "batallón": STATE, "batallon": STATE, "división": STATE}
ORDINAL = re.compile(r"^\d+(st|nd|rd|th|º|°|o|a)?$")
PLACE_LABELS = frozenset({"GPE", "LOC"})
NAMED = frozenset({"PERSON", "PER", "ORG", "NORP", "MISC"})
POSSESSIVES = frozenset({"'s", "’s"})
MAX_NAME = 3


def ent_start(doc: Doc, i: int) -> int:
    """First token of the model entity that token i is in (at most MAX_NAME tokens back)."""
    start = i
    while start > 0 and i - start < MAX_NAME and doc[start].ent_iob_ == "I":
        start -= 1
    return start


def ent_end(doc: Doc, i: int) -> int:
    """End of the model entity that starts at token i."""
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


class PatternFinder:
    """Proposes lexicon, government, force and unit candidates for a Doc."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.lex = lex
        self.language = lex.language
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        for form in lex.actors_forms():
            self.lower.add("ACTOR", [nlp.make_doc(v) for v in {form, fold(form)}])
        for form in lex.cased:
            self.cased.add("ACTOR", [nlp.make_doc(form)])
        self.cased.add("FORCE", [nlp.make_doc(f) for f in CAPITAL_FORCES])
        self.anchors = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.anchors.add("GOV", [nlp.make_doc(w) for w in GOVERNMENT[self.language]])
        self.anchors.add("FORCE", [nlp.make_doc(f) for f in FORCES[self.language]])
        self.anchors.add("UNIT", [nlp.make_doc(u) for u in UNITS])

    def __call__(self, doc: Doc, dominant: str | None) -> list[Candidate]:
        found = []
        for _, start, end in [*self.lower(doc), *self.cased(doc)]:
            found.extend(self.actor(doc[start:end]))
        for match_id, start, end in self.anchors(doc):
            for rule, s, e in self.rule_spans(doc, doc.vocab.strings[match_id], start, end):
                cand = self.rule_candidate(rule, doc[s:e], dominant)
                if cand is not None:
                    found.append(cand)
        return found

    def rule_spans(self, doc: Doc, label: str, start: int, end: int) -> list[tuple[str, int, int]]:
        """Government, force and unit phrases around an anchor word ("Venezuelan [government]",
        "[regime] in Syria", "Colombia's [army]", "[Front] 48", "[gobierno] venezolano")."""
        if label == "UNIT":
            found = [("UNIT", start, end + 1)] if end < len(doc) and doc[end].like_num else []
            if start > 0 and ORDINAL.match(doc[start - 1].text):
                found.append(("UNIT", start - 1, end))
            return found
        if self.language == "en":
            return self.english_spans(doc, label, start, end)
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and self.is_adjective(nxt):
            return [(label + "_ADJ", start, end + 1)]
        if nxt is not None and nxt.lower_ == "de" and end + 1 < len(doc):
            after = doc[end + 1]
            if after.ent_type_ in PLACE_LABELS:
                return [(label + "_PLACE", start, ent_end(doc, end + 1))]
            if label == "GOV" and after.ent_type_ in NAMED and after.is_title:
                return [("GOV_LEADER", start, ent_end(doc, end + 1))]
        return []

    def english_spans(self, doc: Doc, label: str, start: int, end: int) -> list[tuple[str, int, int]]:
        found = []
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and self.is_adjective(prev):
            found.append((label + "_ADJ", start - 1, end))
        elif prev is not None and prev.lower_ in POSSESSIVES and start >= 2:
            owner = doc[start - 2]
            if owner.ent_type_ in PLACE_LABELS:
                found.append((label + "_PLACE", ent_start(doc, start - 2), end))
            elif label == "GOV" and owner.ent_type_ in NAMED and owner.is_title:
                found.append(("GOV_LEADER", ent_start(doc, start - 2), end))
        elif label == "GOV" and prev is not None and prev.ent_type_ in NAMED and prev.is_title:
            found.append(("GOV_LEADER", ent_start(doc, start - 1), end))
        if label == "GOV" and end + 1 < len(doc) and doc[end].lower_ in ("of", "in") and (
                doc[end + 1].ent_type_ in PLACE_LABELS):
            found.append(("GOV_PLACE", start, ent_end(doc, end + 1)))
        return found

    def is_adjective(self, token: Token) -> bool:
        """A country adjective or short name ("Venezuelan", "US", "colombiano")."""
        if self.language == "en" and not token.text[:1].isupper():
            return False
        return fold(token.text) in self.lex.demonyms

    def actor(self, span: Span) -> list[Candidate]:
        known = self.lex.actor(span.text)
        lower_ok = fold(span.text) in self.lex.lowercase or same_capitals(
            span.text, self.lex.form_of(span.text), self.lex.heads)
        if known is not None and lower_ok and (span.text in self.lex.cased or not is_cased_form_text(span.text)):
            return [Candidate(span.start, span.end, known[0], known[1], "lexicon")]
        if span.text in CAPITAL_FORCES and not span[0].is_sent_start:
            return [Candidate(span.start, span.end, STATE, None, "pattern")]
        return []

    def rule_candidate(self, rule: str, span: Span, dominant: str | None) -> Candidate | None:
        if rule == "UNIT":
            unit = next(t for t in span if t.lower_ in UNITS)
            if span.start > 0 and span.doc[span.start - 1].lower_ in UNITS and span[0].like_num:
                return None
            if self.language == "en" and not unit.text[0].isupper():
                return None
            return Candidate(span.start, span.end, UNITS[unit.lower_], None, "pattern")
        country = self.country(rule, span, dominant)
        if country is None:
            return None
        if rule.startswith("GOV"):
            template = "Government of {}" if self.language == "en" else "Gobierno de {}"
            gov = next(t for t in span if t.lower_ in GOVERNMENT[self.language])
            if gov.ent_iob_ == "I" and self.language == "en":  # "Drug Enforcement Administration"
                return None
            if rule == "GOV_LEADER":  # "the Maduro government": the leader stays a person of his own
                return Candidate(gov.i, gov.i + 1, STATE, template.format(country), "pattern")
            return Candidate(span.start, span.end, STATE, template.format(country), "pattern")
        known = self.lex.actor(span.text)
        canonical = known[1] if known else self.force_name(span, country)
        return Candidate(span.start, span.end, STATE, canonical, "pattern")

    def country(self, rule: str, span: Span, dominant: str | None) -> str | None:
        """The country a government or force pattern names."""
        if rule.endswith("ADJ"):
            word = next(t for t in span if fold(t.text) in self.lex.demonyms)
            return self.lex.country_of_adjective(word.text)
        if rule.endswith("PLACE"):
            names = [t for t in span if t.ent_type_ in PLACE_LABELS]
            text = span.doc[names[0].i : names[-1].i + 1].text if names else ""
            code = country_code(text)
            return self.lex.countries.get(code) if code else None
        named = [t for t in span if t.lower_ not in GOVERNMENT[self.language] and t.lower_ not in ("'s", "’s", "de")]
        text = " ".join(t.text for t in named)
        code = self.lex.leaders.get(fold(text)) or (self.lex.leaders.get(fold(named[-1].text)) if named else None)
        if code is None and len(named) == 1 and named[0].ent_type_ in ("PERSON", "PER"):
            code = dominant
        return self.lex.countries.get(code) if code else None

    def force_name(self, span: Span, country: str) -> str:
        """ "Colombia's army" -> "Colombian army"; Spanish forms are kept as written."""
        words = [t.text for t in span if t.lower_ not in ("'s", "’s")]
        if self.language != "en":
            return " ".join(words)
        adjective = self.lex.adjective_of(country)
        force = [t.text for t in span if t.lower_ in FORCE_WORDS]
        return " ".join([adjective, *force]) if adjective and force else " ".join(words)


FORCE_WORDS = frozenset(w for phrase in FORCES["en"] for w in phrase.split())


def is_cased_form_text(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z0-9.\-]+", text))


def same_capitals(text: str, form: str | None, heads: dict[str, str]) -> bool:
    """True when every word the lexicon form capitalises is capitalised in the text too
    (head nouns may be lower case: "cártel de Sinaloa", "Attorney General's office")."""
    if form is None:
        return any(c.isupper() for c in text)
    words, wanted = text.split(), form.split()
    return len(words) == len(wanted) and any(c.isupper() for c in text) and all(
        not w[:1].isupper() or t[:1].isupper() or fold(t) in heads
        for t, w in zip(words, wanted, strict=True))
