"""Events of the nine types, from trigger words plus syntax."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from crimegraph.extract import doc as cg
from crimegraph.extract import limits
from crimegraph.extract.entities.types import lexicon
from crimegraph.extract.events import eventmodel
from crimegraph.extract.events.event_actors import event_actors, sentence_actors
from crimegraph.extract.events.event_dates import DateAnchor, pick_date
from crimegraph.extract.events.event_merge import Candidate, merge
from crimegraph.extract.events.places import best_place, coded_place, dateline_place
from crimegraph.extract.events.triggers import Trigger, TriggerFinder, group
from crimegraph.extract.status.modality import is_factual, is_generic, is_realis
from crimegraph.extract.text.counts import (
    argument_count,
    conjoined_victims,
    entails_death,
    following_count,
    noun_counts,
    stated_fatalities,
    summary_fatalities,
    victims,
)
from crimegraph.extract.text.dates import DateMention, finder
from crimegraph.model import Evidence

COMPONENT = "crimegraph_events"
SUBJECTS = frozenset("nsubj nsubj:pass csubj".split())
OBJECTS = frozenset("dobj obj nsubjpass nsubj:pass attr oprd".split())
MAX_ACTORS = 8
MAX_NAME_TOKENS = 12  # a longer "name" is a runaway span, not a name


@Language.factory("crimegraph_events", default_config={"language": "en"})
def make_events(nlp: Language, name: str, language: str) -> EventExtractor:
    return EventExtractor(language)


def units(doc: Doc) -> list[Span]:
    """The sentences of a Doc, cut again at line breaks (a heading glued to the next paragraph)."""
    found = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    found.append(doc[start: token.i])
                start = token.i + 1
        if start < sent.end:
            found.append(doc[start: sent.end])
    return [span for span in found if not all(t.is_space or t.is_punct for t in span)]


class EventExtractor:
    """Sets doc._.cg_events: one Event per occurrence the article reports as having happened."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.triggers = TriggerFinder(language)
        self.dates = finder(language)
        self.lethal = group(language, "lethal")
        self.lethal_subject = group(language, "lethal_subject")
        self.lethal_always = self.lethal - group(language, "lethal_maybe")
        self.lethal_found = group(language, "lethal_found")
        self.fatality_nouns = group(language, "fatality")
        self.arrest_nouns = group(language, "arrested")
        self.reporting = group(language, "report")
        self.model = eventmodel.load()
        self.media = lexicon(language).media  # outlets report events; they are never actors
        self.record = False  # training: keep each sentence's features in doc.user_data

    def __call__(self, doc: Doc) -> Doc:
        language = doc._.cg_language or self.language
        mentions = self.dates.find(cg.text(doc), cg.article_date(doc))
        context = Context(dateline_place(doc), coded_place(doc))
        taken = taken_tokens(doc, mentions)
        candidates: list[Candidate] = []
        starts = [m.start for m in mentions]  # in order: DateFinder.find sorts them
        for number, unit in enumerate(units(doc)):
            inside = mentions[bisect_left(starts, unit.start_char) : bisect_left(starts, unit.end_char)]
            anchors = [DateAnchor.of(doc, m) for m in inside]
            found = self.unit_events(doc, unit, number, anchors, context, language, taken)
            if not found:
                self.follow_up_toll(candidates, unit, number, language)
            candidates.extend(found)
            context.leave(anchors, number, best_place(doc, unit, unit.root.i, language))
        doc._.cg_events = [c.to_event(COMPONENT) for c in merge(candidates, merge_window(doc, candidates))
                           if not c.empty]
        return doc

    def unit_events(self, doc: Doc, unit: Span, number: int, anchors: list[DateAnchor], context: Context,
                    language: str, taken: set[int]) -> list[Candidate]:
        """One candidate per event type triggered in a sentence."""
        by_type: dict[str, Candidate] = {}
        if unit.text.lstrip().startswith("#"):  # a section heading ("## KILLING THE BEAT:") reports nothing
            return []
        triggers = self.triggers.find(unit)
        for trigger in triggers:
            token = trigger.token
            if token.i in taken or not is_factual(token, language) or is_generic(token, language):
                continue
            if token.ent_type_ and token.ent_type_ != "LOCATION":  # "Dispossession and Theft of CITGO": a name
                continue
            anchor = pick_date(token, anchors, self.reporting)
            if anchor is not None and anchor.mention.future:
                continue
            date = anchor.mention.value if anchor is not None else context.date
            candidate = self.candidate(doc, unit, number, trigger, date, context, language, anchor is not None)
            known = by_type.get(trigger.type)
            if known is None:
                by_type[trigger.type] = candidate
            else:
                _fold(known, candidate)
        if self.model is not None or self.record:
            self.learned(doc, unit, number, anchors, context, language, triggers, by_type)
        return list(by_type.values())

    def learned(self, doc: Doc, unit: Span, number: int, anchors: list[DateAnchor], context: Context,
                language: str, triggers: list[Trigger], by_type: dict[str, Candidate]) -> None:
        """Let the event typer drop rule events and add the types the triggers missed (in place)."""
        feats = eventmodel.unit_features(unit, triggers, sorted(by_type), doc._.cg_token_entity or {},
                                         cg.entities(doc), bool(anchors))
        if self.record:
            doc.user_data.setdefault(eventmodel.UNITS_KEY, []).append((unit.start_char, unit.end_char, feats))
        if self.model is None:
            return
        model, settings = self.model
        probs = eventmodel.probabilities(model, feats)
        for kind in [k for k in by_type if probs.get(k, 0.0) < settings.keep]:
            del by_type[kind]
        for kind in eventmodel.TYPES:
            if kind in by_type or probs[kind] < settings.add:
                continue
            token = next((t.token for t in triggers if t.type == kind), unit.root)
            if not is_realis(token, language):
                continue  # no negated, planned or hypothetical event, whoever finds it
            anchor = pick_date(token, anchors, self.reporting)
            if anchor is not None and anchor.mention.future:
                continue
            date = anchor.mention.value if anchor is not None else context.date
            by_type[kind] = self.candidate(doc, unit, number, Trigger(token, kind), date, context, language,
                                           anchor is not None)

    def candidate(self, doc: Doc, unit: Span, number: int, trigger: Trigger, date: str | None,
                  context: Context, language: str, own_date: bool) -> Candidate:
        token = trigger.token
        actors = [c.name for c in event_actors(doc, token, language) if self.is_actor(c.name)]
        if not actors:
            actors = [c.name for c in sentence_actors(doc, unit.start, unit.end) if self.is_actor(c.name)]
        place = context.coded or best_place(doc, unit, token.i, language) or (
            context.place if datelined(doc, number, date) else None)
        candidate = Candidate(trigger.type, number, date, place, actors[:MAX_ACTORS],
                              evidence=[Evidence(unit.start_char, unit.end_char, unit.text)],
                              confidence=confidence(trigger, date, place, actors),
                              verbal=not trigger.nominal)
        candidate.own_date = own_date
        candidate.told_place = None if place else context.previous_place(number)
        self.add_counts(candidate, token, unit, language)
        return candidate

    def is_actor(self, name: str) -> bool:
        return plausible_name(name) and name not in self.media

    def add_counts(self, candidate: Candidate, token: Token, unit: Span, language: str) -> None:
        if candidate.type == "attack":
            value = self.lethal_count(token, language)
            candidate.fatalities = value if value is not None else self.unit_fatalities(unit, language)
        elif candidate.type == "protest":
            candidate.fatalities = self.unit_fatalities(unit, language)
        elif candidate.type == "arrest":
            value = None
            if token.pos_ == "VERB":
                value = argument_count(token, OBJECTS, language)
                value = value if value is not None else following_count(token, language)
            candidate.arrested = value if value is not None else noun_counts(unit, self.arrest_nouns, language)

    def lethal_count(self, token: Token, language: str) -> int | None:
        """Deaths a lethal verb states: "killed 17", "murieron seis rebeldes", "both were killed", "shot dead a
        police officer" (1); the lowest when the sentence also states another toll ("other sources: five dead")."""
        lemma = token.lemma_.lower()
        if (lemma in self.lethal or lemma in self.lethal_found and entails_death(token, frozenset())) \
                and token.pos_ == "VERB":
            deps = OBJECTS | SUBJECTS if is_passive(token) else OBJECTS
        elif lemma in self.lethal_subject:
            deps = SUBJECTS | OBJECTS  # a subject after the verb ("murieron seis rebeldes") is often an object
        else:
            return None
        value = argument_count(token, deps, language)
        value = value + conjoined_victims(token, deps, language) if value is not None else following_count(
            token, language)
        if value is None:
            single = lemma in self.lethal_subject or entails_death(token, self.lethal_always)
            value = victims(token, deps, language, single)
        if value is None:
            return None
        return min([value, *stated_fatalities(token.sent.text, language)])

    def follow_up_toll(self, candidates: list[Candidate], unit: Span, number: int, language: str) -> None:
        """Deaths told by a sentence that reports no event of its own go to the violent event just told:
        a closing toll ("2 fatalities.", "3 muertos.": ACLED's notes end so) replaces the counts read off
        the verbs; the next sentence's ("Ambos murieron en el lugar", "between 3 and 5 dead") fills a gap."""
        toll = summary_fatalities(unit, language)
        closing = toll is not None
        if toll is None:
            values = [v for v in (self.lethal_count(t, language) for t in unit) if v is not None]
            values = values or stated_fatalities(unit.text, language)
            toll = min(values) if values else None
        if toll is None:
            return
        for candidate in reversed(candidates):
            if number - candidate.sentence > (CLOSING_UNITS if closing else 1):
                return
            if candidate.type in VIOLENT:
                if closing or candidate.fatalities is None:
                    candidate.fatalities = toll
                return

    def unit_fatalities(self, unit: Span, language: str) -> int | None:
        """Deaths stated anywhere in the sentence ("killing two", "17 dead", "between 3 and 5 dead": 3)."""
        for token in unit:
            value = self.lethal_count(token, language)
            if value is not None:
                return value
        stated = stated_fatalities(unit.text, language)
        return min(stated) if stated else noun_counts(unit, self.fatality_nouns, language)


CLOSING_UNITS = 3
VIOLENT = frozenset({"attack", "protest", "mutiny"})


def plausible_name(name: str) -> bool:
    return "\n" not in name and 0 < len(name.split()) <= MAX_NAME_TOKENS


def merge_window(doc: Doc, candidates: list[Candidate]) -> int | None:
    """How many earlier events of its type a candidate is compared with: all (None) unless the Doc has
    more candidates than limits.MAX_EVENT_CANDIDATES (then a warning says so)."""
    if len(candidates) <= limits.MAX_EVENT_CANDIDATES:
        return None
    cg.warn(doc, f"{len(candidates):,} event candidates (over {limits.MAX_EVENT_CANDIDATES:,}): each merged "
                 f"only with the last {limits.MERGE_WINDOW} events of its type")
    return limits.MERGE_WINDOW


def taken_tokens(doc: Doc, mentions: list[DateMention]) -> set[int]:
    """Tokens that cannot be triggers: inside names of entities ("Marcha Patriótica") or dates ("March 5")."""
    taken: set[int] = set()
    for cluster in cg.entities(doc):
        for start, end in cluster.mentions:
            if end - start <= MAX_NAME_TOKENS:
                taken.update(range(start, end))
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            taken.update(range(span.start, span.end))
    return taken


DATELINE_UNITS = 1  # the dateline places events of the first two sentences, and later ones of its days
DATELINE_DAYS = 3


def datelined(doc: Doc, number: int, date: str | None) -> bool:
    """Whether the dateline's place is this event's: a lead event, or one of the days the report was filed
    (a release datelined WASHINGTON recalls sanctions of other years and places without placing them)."""
    if number <= DATELINE_UNITS:
        return True
    published = cg.article_date(doc)
    if published is None or not date or len(date) < 10:
        return False
    try:
        return abs((dt.date.fromisoformat(date[:10]) - published).days) <= DATELINE_DAYS
    except ValueError:
        return False


class Context:
    """What the article said before a sentence: the last date it mentioned (news keeps its time
    frame until it names another), and the dateline's place (given only to the lead's events: a press
    release datelined WASHINGTON does not place the sanctions it recalls there)."""

    def __init__(self, dateline: str | None, coded: str | None = None) -> None:
        self.place: str | None = dateline
        self.coded = coded  # "(coded to X)": where the note's own coder placed its events
        self.date: str | None = None
        self.last: tuple[int, str] | None = None  # the sentence before and the place it was set in

    def leave(self, anchors: list[DateAnchor], number: int = -1, place: str | None = None) -> None:
        resolved = [a.mention.value for a in anchors if a.mention.value and not a.mention.future]
        if resolved:
            self.date = resolved[-1]
        self.last = (number, place) if place else None

    def previous_place(self, number: int) -> str | None:
        """The setting of the sentence just before, which a sentence naming none goes on telling ("In
        Guadalupe, Nuevo León, two men shot at a taxi driver and his passenger. Both were killed.")."""
        return self.last[1] if self.last is not None and self.last[0] == number - 1 else None


def is_passive(token: Token) -> bool:
    """A passive verb whose subject the parser labels nsubj ("cuatro trabajadores fueron asesinados")."""
    return any(c.dep_ in ("aux", "aux:pass", "auxpass") and c.lemma_.lower() in ("ser", "be") for c in token.children)


def confidence(trigger: Trigger, date: str | None, place: str | None, actors: list[str]) -> float:
    score = 0.45 + 0.15 * (not trigger.nominal)
    score += 0.1 * bool(date) + 0.1 * bool(place) + 0.15 * bool(actors)
    return min(score, 0.95)


def _fold(into: Candidate, other: Candidate) -> None:
    """Combine two triggers of one type in one sentence."""
    if other.own_date and not into.own_date:
        into.date, into.own_date = other.date, True
    into.location = into.location or other.location
    into.told_place = into.told_place or other.told_place
    into.actors.extend(a for a in other.actors if a not in into.actors)
    del into.actors[MAX_ACTORS:]
    into.fatalities = into.fatalities if into.fatalities is not None else other.fatalities
    into.arrested = into.arrested if into.arrested is not None else other.arrested
    into.confidence = max(into.confidence, other.confidence)
    into.verbal = into.verbal or other.verbal
