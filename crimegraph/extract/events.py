"""Events of the nine types, from trigger words plus syntax."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from crimegraph.extract import doc as cg
from crimegraph.extract.counts import argument_count, noun_counts
from crimegraph.extract.dates import DateMention, finder
from crimegraph.extract.event_actors import event_actors, sentence_actors
from crimegraph.extract.event_merge import Candidate, merge
from crimegraph.extract.modality import is_factual
from crimegraph.extract.places import best_place, dateline_place
from crimegraph.extract.triggers import Trigger, TriggerFinder, group
from crimegraph.model import Evidence

COMPONENT = "crimegraph_events"
SUBJECTS = frozenset("nsubj nsubj:pass csubj".split())
OBJECTS = frozenset("dobj obj nsubjpass nsubj:pass attr oprd".split())
MAX_ACTORS = 8


@Language.factory("crimegraph_events", default_config={"language": "en"})
def make_events(nlp: Language, name: str, language: str) -> EventExtractor:
    return EventExtractor(language)


class EventExtractor:
    """Sets doc._.cg_events: one Event per occurrence the article reports as having happened."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.triggers = TriggerFinder(language)
        self.dates = finder(language)
        self.lethal = group(language, "lethal")
        self.lethal_subject = group(language, "lethal_subject")
        self.fatality_nouns = group(language, "fatality")
        self.arrest_nouns = group(language, "arrested")

    def __call__(self, doc: Doc) -> Doc:
        language = doc._.cg_language or self.language
        mentions = self.dates.find(doc.text, cg.article_date(doc))
        context = Context(dateline_place(doc))
        candidates: list[Candidate] = []
        for number, sent in enumerate(doc.sents):
            context.enter(sent)
            dates = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
            found = self.sentence_events(doc, sent, number, dates, context, language)
            candidates.extend(found)
            context.leave(dates)
        doc._.cg_events = [c.to_event(COMPONENT) for c in merge(candidates) if not c.empty]
        return doc

    def sentence_events(self, doc: Doc, sent: Span, number: int, dates: list[DateMention],
                        context: Context, language: str) -> list[Candidate]:
        """One candidate per event type triggered in the sentence."""
        by_type: dict[str, Candidate] = {}
        for trigger in self.triggers.find(sent):
            if not is_factual(trigger.token, language):
                continue
            date = nearest_date(trigger.token, dates)
            if date is not None and date.future:
                continue
            candidate = self.candidate(doc, sent, number, trigger, date, context, language)
            known = by_type.get(trigger.type)
            if known is None:
                by_type[trigger.type] = candidate
            else:
                _fold(known, candidate)
        return list(by_type.values())

    def candidate(self, doc: Doc, sent: Span, number: int, trigger: Trigger, date: DateMention | None,
                  context: Context, language: str) -> Candidate:
        token = trigger.token
        actors = [c.name for c in event_actors(doc, token, language)]
        if not actors:
            actors = [c.name for c in sentence_actors(doc, sent.start, sent.end)]
        place = best_place(doc, sent, token.i) or context.place
        value = date.value if date is not None else context.date
        candidate = Candidate(trigger.type, number, value, place, actors[:MAX_ACTORS],
                              evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
                              confidence=confidence(trigger, date, place, actors))
        self.add_counts(candidate, token, sent, language)
        return candidate

    def add_counts(self, candidate: Candidate, token: Token, sent: Span, language: str) -> None:
        lemma = token.lemma_.lower()
        if candidate.type == "attack":
            value = None
            if lemma in self.lethal:
                value = argument_count(token, OBJECTS, language)
            elif lemma in self.lethal_subject:
                value = argument_count(token, SUBJECTS, language)
            candidate.fatalities = value if value is not None else self.sentence_fatalities(sent, language)
        elif candidate.type == "arrest":
            value = argument_count(token, OBJECTS, language) if token.pos_ == "VERB" else None
            candidate.arrested = value if value is not None else noun_counts(sent, self.arrest_nouns, language)

    def sentence_fatalities(self, sent: Span, language: str) -> int | None:
        """Deaths stated anywhere in the sentence ("killing two", "17 dead")."""
        for token in sent:
            lemma = token.lemma_.lower()
            if lemma in self.lethal and token.pos_ == "VERB":
                value = argument_count(token, OBJECTS, language)
            elif lemma in self.lethal_subject:
                value = argument_count(token, SUBJECTS, language)
            else:
                continue
            if value is not None:
                return value
        return noun_counts(sent, self.fatality_nouns, language)


class Context:
    """What the surrounding paragraph says: the last date mentioned, the dateline place."""

    def __init__(self, dateline: str | None) -> None:
        self.dateline = dateline
        self.place: str | None = dateline
        self.date: str | None = None
        self.paragraph_end = -1

    def enter(self, sent: Span) -> None:
        if "\n" in sent.doc.text[self.paragraph_end: sent.start_char]:
            self.date = None
        self.paragraph_end = sent.end_char

    def leave(self, dates: list[DateMention]) -> None:
        resolved = [m.value for m in dates if m.value and not m.future]
        if resolved:
            self.date = resolved[-1]


def nearest_date(token: Token, dates: list[DateMention]) -> DateMention | None:
    """The date mention of the sentence closest to the trigger."""
    if not dates:
        return None
    return min(dates, key=lambda m: abs(m.start - token.idx))


def confidence(trigger: Trigger, date: DateMention | None, place: str | None, actors: list[str]) -> float:
    score = 0.45 + 0.15 * (not trigger.nominal)
    score += 0.1 * (date is not None and date.value is not None) + 0.1 * bool(place) + 0.15 * bool(actors)
    return min(score, 0.95)


def _fold(into: Candidate, other: Candidate) -> None:
    """Combine two triggers of one type in one sentence."""
    into.date = into.date or other.date
    into.location = into.location or other.location
    into.actors.extend(a for a in other.actors if a not in into.actors)
    del into.actors[MAX_ACTORS:]
    into.fatalities = into.fatalities if into.fatalities is not None else other.fatalities
    into.arrested = into.arrested if into.arrested is not None else other.arrested
    into.confidence = max(into.confidence, other.confidence)
