"""Entity typing: spaCy's entities, repaired and retyped into crimegraph's five types with lexicons."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from crimegraph.extract.entities.echoes import echoes
from crimegraph.extract.entities.names import (
    FullNames,
    fold,
    is_acronym,
    person_words,
    strip_accents,
)
from crimegraph.extract.entities.patterns import PatternFinder
from crimegraph.extract.entities.repairs import (
    PLACE_NOUNS,
    appositive_place,
    conjoined_with,
    dominant_country,
    drop_boilerplate,
    drop_common_acronyms,
    drop_common_words,
    extend_groups,
    possessor,
    split_joined,
    title_persons,
)
from crimegraph.extract.entities.spans import (
    Candidate,
    NameGrowth,
    has_capital,
    outermost,
    pieces,
    resolve_overlaps,
    token_index,
    trim,
)
from crimegraph.extract.entities.titles import TitleFinder
from crimegraph.extract.entities.types import (
    GROUP,
    LOC,
    MODEL_LABELS,
    ORG,
    PERSON,
    STATE,
    classify,
    country_code,
    lexicon,
)
from crimegraph.extract.lexicons import rows
from crimegraph.extract.text import boilerplate

SKIP_LABELS = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY LAW LANGUAGE".split())
FUNCTION_POS = frozenset("VERB AUX ADP ADV PRON DET SCONJ CCONJ PART INTJ NUM".split())
PLACE_BEFORE = frozenset("in en near outside around from desde cerca".split())
SUBUNITS = frozenset(
    "unit units secretariat command wing branch cell council directorate division office bureau leadership "
    "staff front bloc column brigade battalion squad network structure".split()
)
ARTICLES = frozenset({"the", "el", "la", "los", "las"})
COMPANY_SUFFIXES = frozenset("s.a. s.a c.a. c.a inc. inc ltd. ltd llc corp. corp".split())
GENERIC_WORDS = frozenset(
    "state justice security defense defence interior finance s.a. s.a inc. ltd. estado justicia seguridad "
    "defensa interior hacienda".split()
)
LEADER_LABELS = frozenset({"ORG", "NORP", "PERSON", "PER", "MISC"})


@Language.factory("crimegraph_entities", default_config={"language": "en"})
def make_entities(nlp: Language, name: str, language: str) -> EntityTyper:
    return EntityTyper(nlp, language)


class EntityTyper:
    """Sets doc.ents to spans labelled PERSON, STATE_ACTOR, ILLEGAL_GROUP, ORGANIZATION, LOCATION
    (kb_id = lexicon or pattern canonical name); doc.user_data["cg_titles"] keeps the titles found."""

    def __init__(self, nlp: Language, language: str) -> None:
        self.language = language
        self.lex = lexicon(language)
        self.titles = TitleFinder(nlp, self.lex)
        self.patterns = PatternFinder(nlp, self.lex)
        self.gazetteer = PhraseMatcher(nlp.vocab, attr="ORTH")
        for row in rows("places.tsv"):
            self.gazetteer.add("PLACE", [nlp.make_doc(v) for v in {row[0], strip_accents(row[0])}])

    def __call__(self, doc: Doc) -> Doc:
        titles = self.titles(doc)
        title_tokens = {i for t in titles for i in range(t.start, t.end)}
        cands = self.model_candidates(doc, title_tokens)
        dominant = dominant_country(doc, cands)
        cands = resolve_overlaps(cands + self.patterns(doc, dominant) + title_persons(doc, titles, title_tokens))
        cands = resolve_overlaps(cands + self.places(doc, cands))
        cands = drop_common_words(doc, self.repair_persons(doc, cands, title_tokens))
        cands = split_joined(doc, cands)
        cands = drop_common_acronyms(doc, cands)
        extend_groups(doc, cands)
        self.context_types(doc, cands)
        cands = resolve_overlaps([c for c in drop_boilerplate(doc, cands) if c.type])
        cands = resolve_overlaps(cands + echoes(doc, cands))
        doc.user_data["cg_titles"] = titles
        doc.user_data["cg_country"] = dominant
        spans = [Span(doc, c.start, c.end, label=c.type or "", kb_id=c.canonical or "")
                 for c in cands if 0 <= c.start < c.end <= len(doc)]
        doc.ents = filter_spans(spans)  # a guard: spaCy refuses overlapping entities (E1010)
        return doc

    def model_candidates(self, doc: Doc, title_tokens: set[int]) -> list[Candidate]:
        found = []
        for ent in doc.ents:
            if ent.label_ in SKIP_LABELS:
                continue
            for start, end in pieces(ent):
                cand = self.model_candidate(doc, start, end, ent.label_, title_tokens)
                if cand is not None:
                    found.append(cand)
        return found

    def model_candidate(self, doc: Doc, start: int, end: int, label: str, titles: set[int]) -> Candidate | None:
        start, end = trim(doc, start, end, self.language)
        while start < end and (start in titles or doc[start].is_lower or self.not_name_start(doc, start, end)):
            start += 1
        while end > start and (end - 1 in titles or doc[end - 1].is_lower):
            end -= 1
        start, end = trim(doc, start, end, self.language)
        if start >= end or not has_capital(doc, start, end) or all(
                t.is_stop and not t.is_upper for t in doc[start:end]):
            return None
        if end - start == 1 and fold(doc[start].text) in GENERIC_WORDS:
            return None
        if end - start > 1 and doc[start].lower_ in ARTICLES and is_acronym(doc[start + 1 : end].text):
            start += 1  # "Las FARC"
        while (end - start > 1 and fold(doc[end - 1].text) in COMPANY_SUFFIXES
               and self.lex.actor(doc[start : end - 1].text)):
            end -= 1  # "Petróleos de Venezuela S.A."
        text = doc[start:end].text
        known = self.lex.actor(text)
        if known is not None:
            return Candidate(start, end, known[0], known[1], "lexicon", label)
        if label in LEADER_LABELS and fold(text) in self.lex.leaders:
            return Candidate(start, end, PERSON, None, "model", label)
        words = [fold(t.text) for t in doc[start:end]]
        type_ = classify(words, label, self.lex)
        if type_ == PERSON and any(c.isdigit() for c in text):
            return None  # a document number ("FIN-2019-A002"), never a person's name
        weak = type_ == MODEL_LABELS.get(label) and type_ in (ORG, LOC) and not country_code(text)
        return Candidate(start, end, type_, None, "model", label, weak and not self.lex.is_place(text))

    def is_place_name(self, text: str) -> bool:
        return self.lex.is_place(text) or country_code(text) is not None

    def not_name_start(self, doc: Doc, start: int, end: int) -> bool:
        """A verb, preposition or adverb cannot start a name ("Agregó", "Según"); nor can a
        sentence-initial common noun standing alone in Spanish ("Horas")."""
        token = doc[start]
        if token.pos_ in FUNCTION_POS and not token.text.isupper():
            return True
        starts = bool(token.is_sent_start) or (start > 0 and doc[start - 1].is_space)
        return self.language == "es" and end - start == 1 and starts and token.pos_ == "NOUN"

    def places(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Known places the model missed, where the context says place ("in X", "X, a town",
        "department of X") or at a dateline."""
        taken = token_index(cands)
        found = []
        line = boilerplate.dateline(doc)
        for _, start, end in self.gazetteer(doc):
            inside = {id(taken[i]): taken[i] for i in range(start, end) if i in taken}
            if inside and not (len(inside) > 1 and all(c.type in (LOC, None) for c in inside.values())
                               and all(start <= c.start and c.end <= end for c in inside.values())):
                continue
            cand = Candidate(start, end, LOC, None, "pattern")
            if inside:
                found.append(cand)
                continue
            if (line and line[0] <= start < line[1]) or self.place_context(doc, cand) or appositive_place(doc, end):
                found.append(cand)
        if line and not any(i in taken for i in range(*line)) and not found:
            text = doc[line[0] : line[1]].text
            if self.lex.is_place(text) or country_code(text):
                found.append(Candidate(line[0], line[1], LOC, None, "pattern"))
        return found

    def repair_persons(self, doc: Doc, cands: list[Candidate], titles: set[int]) -> list[Candidate]:
        """Surname-only mentions typed as something else become persons; person names grow over
        following or preceding name words; a lone 'person' that is a known place becomes a place."""
        full_names: FullNames[tuple[str, ...]] = FullNames()
        for c in cands:
            if c.type == PERSON and c.size > 1:
                words = person_words(c.span(doc).text)
                full_names.add(tuple(words), words)
        for cand in cands:
            words = person_words(cand.span(doc).text)
            if cand.source != "model":
                continue
            if cand.type != PERSON and (cand.weak or cand.type is None) and full_names.containing(words):
                cand.type, cand.weak = PERSON, False
            elif (cand.type == PERSON and self.is_place_name(cand.span(doc).text)
                  and not full_names.containing(words)):
                cand.type = LOC
        growth = NameGrowth(doc, cands, titles)
        for cand in cands:
            if cand.type == PERSON:
                growth.grow(cand)
        return outermost(cands, len(doc))

    def context_types(self, doc: Doc, cands: list[Candidate]) -> None:
        """Retype weakly typed mentions from their context: place nouns, coordination with places,
        possessors ("the FARC's Secretariat")."""
        index = token_index(cands)
        for cand in cands:
            if not cand.weak:
                continue
            if self.place_context(doc, cand) or conjoined_with(doc, cand, index, LOC):
                cand.type = LOC
                continue
            owner = possessor(doc, cand, index)
            if owner is not None and owner.type in (STATE, GROUP) and fold(doc[cand.end - 1].text) in SUBUNITS:
                cand.type = owner.type

    def place_context(self, doc: Doc, cand: Candidate) -> bool:
        after = doc[cand.end] if cand.end < len(doc) else None
        if after is not None and after.is_lower and after.lower_ in PLACE_NOUNS:
            return True
        before = [t.lower_ for t in doc[max(0, cand.start - 2) : cand.start]]
        if len(before) == 2 and before[1] in ("of", "de", "del") and before[0] in PLACE_NOUNS:
            return True
        if before and before[-1] in PLACE_NOUNS and self.language == "es":
            return True
        return bool(before) and before[-1] in PLACE_BEFORE and cand.size == 1 and cand.type in (ORG, LOC)
