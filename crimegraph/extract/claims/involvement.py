"""involved_in claims: tie each activity mention to the actor its clause makes responsible."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from crimegraph.extract.arguments import (
    agent,
    children,
    companions,
    is_passive,
    objects,
    possessors,
    prep_objects,
    subject,
)
from crimegraph.extract.claims.activities import ActivityFinder, Mention
from crimegraph.extract.claims.claimset import Candidate
from crimegraph.extract.doc import EntityCluster
from crimegraph.extract.entities.referents import ACTOR_TYPES, Referents
from crimegraph.extract.lexicons import rows
from crimegraph.extract.phrases import DocWords
from crimegraph.extract.status.hedging import Hedger

CLIMB = frozenset({"pobj", "prep", "conj", "appos", "compound", "dobj", "obj", "attr", "pcomp", "nmod", "obl",
                   "case", "acomp", "npadvmod", "dep", "oprd", "amod", "cc"})
ACTORS = ACTOR_TYPES | {"LOCATION"}
GROUP_TYPES = frozenset({"ILLEGAL_GROUP"})
MAX_CLIMB = 8
TYING_PREPS = frozenset("in of for with to into on behind over through from via like including as under "
                        "en de del por con a al sobre desde como incluido incluyendo bajo".split())
COPULAS = frozenset("be seem appear ser parecer".split())
ATTRIBUTION = frozenset("work way doing handiwork hand responsibility act obra responsabilidad mano".split())
AMBIVALENT = frozenset("control manage regulate controlar manejar regular".split())
CONFLICTS = frozenset("clash fight fighting war dispute battle struggle competition rivalry conflict "
                      "enfrentamiento disputa guerra lucha pugna conflicto".split())


class InvolvementFinder:
    """Finds involved_in claims sentence by sentence."""

    def __init__(self, language: str) -> None:
        self.activities = ActivityFinder(language)
        table = [r for r in rows(f"{language}/involvement.tsv") if len(r) >= 2]
        self.roles: dict[str, str] = {r[0].lower(): r[1] for r in table if r[1] != "carrier"}
        self.carriers = frozenset(r[0].lower() for r in table if r[1] == "carrier")
        self.victim_words = frozenset(r[0].lower() for r in table if r[1] == "victim")

    def role(self, token: Token) -> str | None:
        return self.roles.get(token.lower_) or self.roles.get(token.lemma_.lower())

    def find(self, words: DocWords, refs: Referents, hedger: Hedger) -> list[Candidate]:
        doc = words.doc
        found: list[Candidate] = []
        previous: tuple[Mention, list[tuple[EntityCluster, float]], Token] | None = None
        mentions = [m for m in self.activities.find_words(words) if not self.named(m, refs)]
        heads = frozenset(m.head for m in mentions)
        for mention in mentions:
            head = doc[mention.head]
            trigger = head  # the word whose context sets the status
            actors = self.actors(mention, head, refs, heads)
            if not actors and previous is not None and listed_together(doc, previous[0], mention):
                actors, trigger = previous[1], previous[2]  # "X traffics drugs, arms and fuel"
            if not actors and mention.kind == "noun":
                link = self.link_before(head)
                if link is not None:
                    actors, trigger = [(a, 0.5) for a in self.predicate_actors(link, head, refs, False)], link
            if not actors and mention.kind == "noun":
                actors = [(a, 0.4) for a in self.lone_group(head, refs)]
            previous = (mention, actors, trigger)
            if not actors:
                continue
            assessed = hedger.assess(trigger, refs, reports=True)
            if assessed.negated:
                continue
            found.extend(Candidate(actor.name, "involved_in", mention.activity, head.i, assessed.status,
                                   assessed.source, confidence) for actor, confidence in actors)
        found.extend(self.from_names(doc, refs))
        return found

    def lone_group(self, head: Token, refs: Referents) -> list[EntityCluster]:
        """The one armed group a sentence names, when nothing else there could be the activity's actor."""
        sent = head.sent
        named = {id(c): c for t in sent if (c := refs.at(t)) is not None and c.type in ACTOR_TYPES}
        groups = [c for c in named.values() if c.type == "ILLEGAL_GROUP"]
        return groups if len(groups) == 1 and len(named) == 1 else []

    def link_before(self, head: Token) -> Token | None:
        """A linking predicate earlier in the sentence: "X is involved in crime, mainly in A and B"."""
        for token in reversed(head.doc[head.sent.start : head.i]):
            if token.pos_ in ("VERB", "ADJ") and self.role(token) == "link":
                return token
        return None

    @staticmethod
    def named(mention: Mention, refs: Referents) -> bool:
        """A mention inside a name ("Anti-Money Laundering Unit") says nothing about anyone."""
        return any(i in refs.index for i in range(mention.start, mention.end))

    def actors(self, mention: Mention, head: Token, refs: Referents,
               heads: frozenset[int]) -> list[tuple[EntityCluster, float]]:
        if mention.kind == "verb":
            return [(a, 0.5 if mention.activity == "homicide" else 0.7) for a in self.doers(head, refs)]
        if mention.kind == "adjective":
            return [(a, 0.6) for a in self.described(head, refs, part_whole=False)]
        if mention.kind == "agent":
            return [(a, 0.7) for a in self.described(head, refs)]
        return [(a, 0.7) for a in self.responsible(head, refs, heads)]

    def doers(self, verb: Token, refs: Referents) -> list[EntityCluster]:
        """Who does what a verb says: its subject, or the 'by' phrase of a passive."""
        if verb.dep_ == "xcomp" and self.role(verb.head) == "intent":
            return []  # "threatened to kill": no killing yet
        if is_passive(verb):
            doers = agent(verb)
            return refs.resolve_all(doers[0], part_whole=True, types=ACTORS) if doers else []
        found = subject(verb)
        if found is None:  # "X was accused by prosecutors of laundering", "of" misattached
            accusation = next((a for a in verb.ancestors if a.pos_ == "VERB"), None)
            if accusation is not None and self.role(accusation) == "accuse":
                return self.predicate_actors(accusation, verb, refs, False)
            return []
        return refs.resolve_all(found, part_whole=True, types=ACTORS)

    def described(self, token: Token, refs: Referents, part_whole: bool = True) -> list[EntityCluster]:
        """The actor an agent noun or adjective describes: "X, a drug lord", "X is corrupt", "corrupt X"."""
        own = refs.resolve(token, part_whole=part_whole)
        if own is not None:
            return [own]
        if token.dep_ in ("amod", "compound", "appos", "nmod") and token.head != token:
            found = refs.resolve_all(token.head, part_whole=part_whole, types=ACTORS)
            if found:
                return found
        if token.dep_ in ("attr", "acomp", "oprd", "ROOT", "conj", "xcomp"):
            verb = token.head if token.dep_ != "ROOT" else token
            doer = subject(verb)
            if doer is not None and doer != token:
                return refs.resolve_all(doer, part_whole=part_whole, types=ACTORS)
        return []

    def responsible(self, head: Token, refs: Referents, heads: frozenset[int]) -> list[EntityCluster]:
        """The actor an activity noun is pinned on, climbing from the noun to its clause's predicate.

        The climb passes prepositions that tie an activity to a predicate ("involved in", "charged
        with") and nouns that carry it ("its trafficking operations"); any other noun ("a reduction
        in extortion", "money laundering alarms") or preposition ("despite corruption") ends it.
        """
        if any(self.role(c) == "against" for c in head.children if c.dep_ in ("amod", "compound", "nmod")):
            return []  # "fighting corruption", "la lucha contra el narcotráfico"
        current = head
        via_accusation = False
        for _ in range(MAX_CLIMB):
            role = self.role(current) if current != head else None
            if role == "against":
                return []
            owners = self.owners(current, refs)
            if owners:
                return owners
            if role == "accuse" and current.pos_ == "NOUN":
                via_accusation = True
            if current.pos_ in ("VERB", "AUX") or current.dep_ not in CLIMB or current.head == current:
                break
            if current.pos_ == "ADJ" and self.role(current) == "link":
                break
            upper = current.head
            if upper.pos_ == "ADP" and upper.lower_ not in TYING_PREPS:
                return []
            if upper.pos_ in ("NOUN", "PROPN") and not self.carries(upper, current, heads):
                accusation = self.accusation_above(upper)
                if accusation is None:
                    return []
                upper, via_accusation = accusation, True  # "under investigation at X's direction for fraud"
            current = upper
        if current.dep_ == "xcomp" and self.role(current.head) == "accuse":
            current = current.head  # "acusó a X de ser parte de una conspiración"
        elif current.pos_ in ("NOUN", "PROPN") and current.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
            current = current.head  # the activity is the subject: only an attribution can name its actor
        return self.predicate_actors(current, head, refs, via_accusation)

    def accusation_above(self, noun: Token) -> Token | None:
        """An accusation noun a few steps above, through prepositions ("investigation at the request of")."""
        current = noun
        for _ in range(4):
            if current.head == current or current.dep_ not in ("pobj", "prep", "nmod", "obl", "case"):
                return None
            current = current.head
            if current.pos_ == "NOUN" and self.role(current) == "accuse":
                return current
        return None

    def carries(self, noun: Token, below: Token, heads: frozenset[int]) -> bool:
        """Whether an activity below `noun` still belongs to the actor of the clause above it."""
        if noun.i in heads or self.role(noun) in ("accuse", "link"):
            return True
        lemma = noun.lemma_.lower()
        if lemma in self.carriers or noun.lower_ in self.carriers:
            return True
        return lemma in CONFLICTS and below.lower_ in ("over", "for", "por", "sobre")

    def attributed(self, verb: Token, refs: Referents) -> list[EntityCluster]:
        """The actor a copula pins its subject on: "the murders were the work of X", "X's doing"."""
        if verb.lemma_.lower() not in COPULAS:
            return []
        for attr in children(verb, ("attr", "acomp", "xcomp")):
            if attr.lemma_.lower() in ATTRIBUTION:
                owners = possessors(attr) + prep_objects(attr, ("of", "de", "del"))
                return [c for o in owners for c in refs.resolve_all(o, part_whole=True, types=ACTOR_TYPES)]
        return []

    def owners(self, noun: Token, refs: Referents) -> list[EntityCluster]:
        """Actors inside a noun phrase: "X's trafficking", "trafficking by X", "charges against X"."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return []
        victim = noun.lemma_.lower() in self.victim_words
        for child in noun.children:
            if child.dep_ == "poss" and not victim:  # "Colombia's drug trade" places it; "X's murder" is X's death
                found = refs.resolve_all(child, part_whole=True, types=ACTOR_TYPES)
                if found:
                    return found
        between = [c for t in prep_objects(noun, ("between", "among", "entre"))
                   for c in refs.resolve_all(t, part_whole=True, types=ACTOR_TYPES)]
        if len(between) > 1:  # "a clash between X and Y over the drug trade"
            return between
        for obj in prep_objects(noun, ("by", "against", "por", "contra")):
            if obj.dep_ != "obj" or noun.lang_ == "es":
                found = refs.resolve_all(obj, part_whole=True, types=ACTORS)
                if found:
                    return found
        return []

    def predicate_actors(self, verb: Token, head: Token, refs: Referents,
                         via_accusation: bool) -> list[EntityCluster]:
        role = self.role(verb)
        if role == "against" or verb.dep_ == "xcomp" and self.role(verb.head) == "intent":
            return []  # "fight drug trafficking", "threatened to kill"
        if role == "attribute":  # "attributed the killings to X"
            return [c for t in prep_objects(verb, ("to", "a")) for c in refs.resolve_all(t, True, ACTOR_TYPES)]
        if role == "accuse":
            objs = objects(verb) + children(verb, ("iobj",)) if not is_passive(verb) else []
            target = objs[0] if objs else subject(verb) if is_passive(verb) else None
            return refs.resolve_all(target, part_whole=True, types=ACTORS) if target is not None else []
        if via_accusation and role is None and verb.lemma_.lower() not in ("face", "be", "enfrentar"):
            return []
        if role == "link" and verb.pos_ == "VERB" and not is_passive(verb) and objects(verb):
            return refs.resolve_all(objects(verb)[0], part_whole=True, types=ACTORS)  # "the report links X to"
        if verb == head:
            return []
        if verb.lemma_.lower() in AMBIVALENT and head.lemma_.lower() not in self.carriers:
            return []  # "control drug routes" runs them; "control contraband" polices it
        if is_passive(verb) and role is None:
            doers = agent(verb)
            if doers:
                return refs.resolve_all(doers[0], part_whole=True, types=ACTORS)
        doer = subject(verb)
        if doer is not None and part_of_phrase(head, doer):
            return self.attributed(verb, refs)  # "the killing was the work of X"; else "drug trafficking grew"
        if doer is None:
            return []
        types = ACTORS if role in ("link", "accuse") else ACTOR_TYPES  # a country is an actor only when accused
        found = refs.resolve_all(doer, part_whole=True, types=types)
        for extra in companions(verb):
            found.extend(c for c in refs.resolve_all(extra, part_whole=True, types=types) if c not in found)
        return found

    def from_names(self, doc: Doc, refs: Referents) -> list[Candidate]:
        """Groups whose own name says what they do: "Sinaloa Cartel", "the X drug gang"."""
        found: list[Candidate] = []
        for cluster in refs.clusters:
            if cluster.type not in GROUP_TYPES or not cluster.mentions:
                continue
            activities: set[str] = set()
            for name in cluster.names:
                activity = self.activities.in_name(name)
                if activity:
                    activities.add(activity)
            for start, end in cluster.mentions:
                for mention in self.activities.find(Span(doc, start, end)):
                    if mention.kind in ("agent", "noun"):
                        activities.add(mention.activity)
            token = cluster.mentions[0][0]
            found.extend(Candidate(cluster.name, "involved_in", a, token, confidence=0.6) for a in sorted(activities))
        return found


def part_of_phrase(token: Token, phrase_head: Token) -> bool:
    """True when a token belongs to a noun phrase proper, not to a clause attached to it."""
    current = token
    for _ in range(MAX_CLIMB * 2):
        if current == phrase_head:
            return True
        if current.dep_ in ("relcl", "acl", "acl:relcl", "advcl") or current.head == current:
            return False
        current = current.head
    return False


LIST_GLUE = frozenset({"PUNCT", "DET", "CCONJ", "ADP", "ADJ", "SPACE"})


def listed_together(doc: Doc, first: Mention, second: Mention) -> bool:
    """Two activity mentions of one enumeration: only commas, articles and "and" between them."""
    if doc[first.head].sent.start != doc[second.head].sent.start or second.start - first.end > 4:
        return False
    return all(t.pos_ in LIST_GLUE for t in doc[first.end : second.start])
