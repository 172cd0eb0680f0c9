"""Epistemic status of a claim (asserted, alleged, denied) and who makes it, read off the trigger's context."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from crimegraph.extract.arguments import SUBJECTS, agent, clause_head, is_negated, is_passive, path_up, subject
from crimegraph.extract.entities.referents import Referents
from crimegraph.extract.lexicons import rows

NAME_DEPS = frozenset({"compound", "amod", "nmod", "flat", "nummod"})
SPECULATIVE = frozenset("may might could poder".split())
UNDER = frozenset({"under", "bajo"})
SOURCE_PREPS = frozenset({"by", "from", "of", "por", "de"})


@dataclass(frozen=True, slots=True)
class Assessment:
    """A claim's status and source; `negated` when the text says it is not so."""

    status: str = "asserted"
    source: str | None = None
    negated: bool = False


ASSERTED = Assessment()


class Hedger:
    """Finds the hedge, report or denial that governs a trigger word."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.kinds: dict[str, dict[str, str]] = {}
        for row in rows(f"{language}/hedges.tsv"):
            if len(row) >= 3:
                self.kinds.setdefault(row[2], {})[row[0].lower()] = row[1]

    def word(self, kind: str, token: Token) -> str | None:
        table = self.kinds.get(kind, {})
        return table.get(token.lower_) or table.get(token.lemma_.lower())

    def assess(self, trigger: Token, refs: Referents, reports: bool = False, governed: bool = True) -> Assessment:
        """The status of a claim whose trigger word is `trigger`.

        `reports`: whether a neutral "X said" makes the claim X's allegation (yes for what an actor
        is involved in; no for offices, memberships and stances, which news reports as fact).
        `governed`: whether verbs and nouns above the trigger count at all; an office named in an
        accusation ("investigate the governor of X") is presupposed, not alleged.
        """
        if is_negated(trigger) or is_negated(clause_head(trigger)):
            return Assessment(negated=True)
        came_from = trigger
        for current in path_up(trigger):
            found = self.local(current, refs)
            if found is None and current != trigger and governed:
                found = self.governing(current, came_from, refs, reports)
            if found is not None:
                return found
            came_from = current
        return ASSERTED

    def local(self, token: Token, refs: Referents) -> Assessment | None:
        """Hedges attached to the token itself: "reportedly", "alleged", "according to X", "habría"."""
        for child in token.children:
            if child.dep_ == "advmod" and self.word("adverb", child):
                return Assessment("alleged")
            if child.dep_ in ("amod", "acl") and self.word("adjective", child):
                return Assessment("alleged")
            source = self.according_to(child)
            if source is not None:
                return Assessment("alleged", name_of(source, refs))
            if child.dep_ == "prep" and child.lower_ in UNDER or any(
                    c.dep_ == "case" and c.lower_ in UNDER for c in child.children):
                if any(self.word("noun", t) for t in child.subtree):
                    return Assessment("alleged", self.noun_source(child, refs))
            if child.dep_ in ("aux", "cop") and "Cnd" in child.morph.get("Mood", []) and self.language == "es":
                return Assessment("alleged")
            if child.dep_ == "aux" and child.lemma_.lower() in SPECULATIVE:
                return Assessment("alleged")  # "may have been X's work", "podría estar detrás"
        return None

    def according_to(self, child: Token) -> Token | None:
        """The X of "according to X" / "según X" when `child` introduces it."""
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if any(c.dep_ == "case" and self.word("prep", c) for c in child.children):
            return child
        return None

    def governing(self, current: Token, came_from: Token, refs: Referents, reports: bool) -> Assessment | None:
        """A reporting verb or claim noun above the trigger: "X said ...", "accusations that ..."."""
        if current.pos_ in ("VERB", "AUX", "ADJ") and came_from.dep_ not in SUBJECTS:
            status = self.word("verb", current) or (self.word("report", current) if reports else None)
            speaker = subject(current)
            if speaker is not None and (speaker == came_from or came_from.is_ancestor(speaker)):
                return None  # the speaker's own title: "the spokesman of X, Y, said"
            if status is not None:
                return Assessment(status, self.verb_source(current, refs))
        if current.pos_ == "NOUN":
            status = self.word("noun", current)
            if status is not None:
                return Assessment(status, self.noun_source(current, refs))
        return None

    def verb_source(self, verb: Token, refs: Referents) -> str | None:
        doers = agent(verb) if is_passive(verb) else []
        if doers:
            return name_of(doers[0], refs)
        found = subject(verb)
        if found is None or is_passive(verb):
            return None
        return name_of(found, refs)

    def noun_source(self, noun: Token, refs: Referents) -> str | None:
        for child in noun.subtree:
            if child.dep_ == "poss" or child.dep_ in ("pobj", "nmod") and child.head.lower_ in SOURCE_PREPS:
                if child.dep_ == "pobj" and child.head.lower_ == "of" and child.head.head == noun:
                    continue  # "accusations of corruption": the charge, not the accuser
                name = name_of(child, refs)
                if name:
                    return name
        return None


def name_of(token: Token, refs: Referents) -> str | None:
    """The entity a token refers to, else its short noun phrase ("US prosecutors"), else None."""
    cluster = refs.resolve(token)
    if cluster is not None:
        return cluster.name
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    words = [c for c in token.lefts if c.dep_ in NAME_DEPS and c.pos_ != "DET"]
    start = min([token.i, *(w.i for w in words)])
    text: str = token.doc[start : token.i + 1].text
    if start == token.i and token.pos_ == "NOUN" and "Plur" not in token.morph.get("Number", []):
        return None  # "the institution", "el jefe": too vague to name a source ("prosecutors" will do)
    return text
