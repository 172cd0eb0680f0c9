"""supports and opposes claims: backing, recognition, alliances, rejection, fighting and rivalry."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations

from spacy.tokens import Token

from crimegraph.extract.arguments import (
    CONTRACTIONS,
    OBJECTS,
    agent,
    children,
    clause_head,
    companions,
    is_passive,
    possessors,
    prep_objects,
    subject,
)
from crimegraph.extract.claims.claimset import Candidate
from crimegraph.extract.doc import EntityCluster
from crimegraph.extract.entities.referents import ACTOR_TYPES, Referents
from crimegraph.extract.lexicons import rows
from crimegraph.extract.phrases import DocWords
from crimegraph.extract.status.hedging import Hedger

ACTORS = ACTOR_TYPES | {"LOCATION"}
CONFLICT = {"STATE_ACTOR", "ILLEGAL_GROUP"}
PEACE = frozenset("peace paz".split())
OPPOSITION = frozenset("opposition opositor opositora opositores opositoras".split())
USE = frozenset("use employ usar utilizar emplear".split())
TIES = frozenset("tie ties relation relations relationship relationships lazo lazos relación relaciones".split())
REVERSED_LIGHT = frozenset("receive get win gain enjoy lose recibir obtener ganar perder".split())
KIND_POS = {"verb": ("VERB",), "ties": ("VERB",), "accusation": ("VERB",), "peace": ("NOUN",),
            "noun": ("NOUN",), "rival": ("NOUN", "ADJ"), "adjective": ("ADJ", "VERB")}
Pair = tuple[EntityCluster, EntityCluster]


@dataclass(frozen=True, slots=True)
class Stance:
    """A lexicon entry: the predicate a word gives, how it attaches, whether it runs both ways."""

    predicate: str
    kind: str
    both: bool
    preps: frozenset[str]


class StanceFinder:
    """Finds supports / opposes claims around stance words."""

    def __init__(self, language: str) -> None:
        self.entries: dict[tuple[str, str], Stance] = {}
        for row in rows(f"{language}/stances.tsv"):
            if len(row) < 3:
                continue
            preps = frozenset(p.strip() for p in (row[4] if len(row) > 4 else "-").split(",") if p.strip())
            stance = Stance(row[1], row[2], len(row) > 3 and row[3] == "both", preps)
            for pos in KIND_POS.get(row[2], ()):
                self.entries[(row[0].lower(), pos)] = stance
        self.words = frozenset(word for word, _ in self.entries)

    def entry(self, token: Token) -> Stance | None:
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
        return self.entries.get((token.lemma_.lower(), pos)) or self.entries.get((token.lower_, pos))

    def find(self, words: DocWords, refs: Referents, hedger: Hedger) -> list[Candidate]:
        found: list[Candidate] = []
        for token in words.hits(self.words):
            stance = self.entry(token)
            if stance is None:
                continue
            pairs = self.pairs(token, stance, refs)
            if not pairs:
                continue
            assessed = hedger.assess(token, refs, governed=stance.kind not in ("adjective", "rival"))
            if assessed.negated:
                continue
            seen: set[tuple[str, str]] = set()  # per trigger
            for a, b in pairs:
                for x, y in ([(a, b), (b, a)] if stance.both else [(a, b)]):
                    if x is not y and (x.name, y.name) not in seen:
                        seen.add((x.name, y.name))
                        found.append(Candidate(x.name, stance.predicate, y.name, token.i,
                                               assessed.status, assessed.source, 0.6))
        found.extend(self.opposition(words, refs))
        return found + self.mutual(found, refs)

    def opposition(self, words: DocWords, refs: Referents) -> list[Candidate]:
        """ "opposition leader X", "el dirigente opositor X": X opposes the article's government."""
        government = refs.main_government()
        if government is None:
            return []
        found: list[Candidate] = []
        for token in words.hits(OPPOSITION):
            for person in self.opponents(token, refs):
                if person is not government:
                    found.append(Candidate(person.name, "opposes", government.name, token.i, confidence=0.5))
        return found

    def opponents(self, word: Token, refs: Referents) -> list[EntityCluster]:
        """The people or parties an opposition word describes (its own phrase, not the whole clause)."""
        nouns = [word] + ([word.head] if word.dep_ in ("amod", "compound", "nmod") else [])
        found: list[EntityCluster] = []
        for noun in nouns:
            tokens = [noun, *children(noun, ("appos", "flat", "compound"))]
            if noun.dep_ in ("appos", "compound", "flat"):
                tokens.append(noun.head)
            for t in tokens:
                cluster = refs.at(t)
                if cluster is not None and cluster.type in ("PERSON", "ORGANIZATION") and cluster not in found:
                    found.append(cluster)
        return found

    @staticmethod
    def mutual(found: list[Candidate], refs: Referents) -> list[Candidate]:
        """Armed conflict runs both ways: a state force opposing an armed group is opposed by it, and back."""
        types = {c.name: c.type for c in refs.clusters}
        have = {(c.subject, c.object) for c in found if c.predicate == "opposes"}
        extra: list[Candidate] = []
        for c in found:
            pair = {types.get(c.subject), types.get(c.object)}
            if c.predicate == "opposes" and pair == CONFLICT and (c.object, c.subject) not in have:
                have.add((c.object, c.subject))
                extra.append(Candidate(c.object, "opposes", c.subject, c.token, c.status, c.source, 0.5))
        return extra

    def pairs(self, token: Token, stance: Stance, refs: Referents) -> list[Pair]:
        if stance.kind in ("verb", "ties"):
            return self.verb_pairs(token, stance, refs)
        if stance.kind == "peace":  # peace talks are held between the sides of a conflict
            if not any(c.lower_ in PEACE for c in noun_modifiers(token)) or token.dep_ == "pobj":
                return []  # "X holds peace talks with Y", not "X takes part in the peace talks with Y"
            return self.noun_pairs(token, stance, refs)
        if stance.kind == "accusation":  # a politician accusing a rival; prosecutors accuse as a job
            return [(a, b) for a, b in self.verb_pairs(token, stance, refs) if a.type == "PERSON"]
        if stance.kind == "noun":
            return self.noun_pairs(token, stance, refs)
        if stance.kind == "adjective":
            return self.adjective_pairs(token, stance, refs)
        return self.rival_pairs(token, stance, refs)

    def actors(self, token: Token | None, refs: Referents) -> list[EntityCluster]:
        return refs.resolve_all(token, part_whole=True, types=ACTORS) if token is not None else []

    def others(self, token: Token, preps: frozenset[str], refs: Referents) -> list[EntityCluster]:
        """The other side: direct object (when allowed) and objects of the allowed prepositions."""
        tokens = prep_objects(token, preps - {"-", "between"})
        if "-" in preps:
            tokens = children(token, OBJECTS) + tokens
        found: list[EntityCluster] = []
        for item in tokens:
            if item.lower_ in ("it", "lo", "la"):
                continue  # "battle it out": no actor
            clusters = self.actors(item, refs)
            if not clusters:  # "recognised his claim": the owner of what is backed or rejected
                clusters = [c for p in possessors(item) for c in self.actors(p, refs)]
            found.extend(c for c in clusters if all(c is not f for f in found))
        return found

    def verb_pairs(self, verb: Token, stance: Stance, refs: Referents) -> list[Pair]:
        if stance.kind == "ties":
            objs = children(verb, OBJECTS)
            if not objs or objs[0].lemma_.lower() not in TIES and objs[0].lower_ not in TIES:
                return []
            others = self.others(verb, stance.preps, refs) + self.others(objs[0], stance.preps, refs)
            return [(s, o) for s in self.actors(subject(verb), refs) for o in others]
        if is_passive(verb):
            doers = [c for a in agent(verb) for c in self.actors(a, refs)]
            return [(d, o) for d in doers for o in self.actors(subject(verb), refs)]
        doers = self.actors(subject(verb), refs)
        doers += [c for t in companions(verb) for c in self.actors(t, refs) if all(c is not d for d in doers)]
        if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in USE:  # "X uses Y to back Z"
            doers += [c for c in self.actors(subject(verb.head), refs) if all(c is not d for d in doers)]
        others = [o for o in self.others(verb, stance.preps, refs) if all(o is not d for d in doers)]
        if not others and stance.both and len(doers) > 1:
            return list(permutations(doers, 2))
        return [(d, o) for d in doers for o in others]

    def noun_pairs(self, noun: Token, stance: Stance, refs: Referents) -> list[Pair]:
        between = [c for t in prep_objects(noun, ("between", "among", "entre")) for c in self.actors(t, refs)]
        if len(between) > 1 and ("between" in stance.preps or stance.both):
            return list(permutations(between, 2))
        others = self.others(noun, stance.preps, refs)
        if not others and noun.dep_ in OBJECTS:  # "provided support to X": the preposition hangs on the verb
            others = self.others(noun.head, stance.preps - {"-"}, refs)
        owners = self.owners(noun, refs)
        if not owners and others and stance.predicate == "opposes":  # "an attack on the army" by the one group there
            owners = [g for g in lone_groups(noun, refs) if all(g is not o for o in others)]
        return [(o, x) for o in owners for x in others]

    def owners(self, noun: Token, refs: Referents) -> list[EntityCluster]:
        """Whose stance a noun names: "X's support", "criticism by X", "X showed support", "on behalf of"."""
        for child in possessors(noun) + children(noun, ("compound",)) + prep_objects(noun, ("by", "por", "from")):
            found = self.actors(child, refs)
            if found:
                return found
        verb = noun
        for _ in range(6):  # "acting as an agent for or on behalf of X": up to the verb
            if verb.dep_ not in (*OBJECTS, "attr", "pobj", "prep", "conj", "pcomp", "obl", "nmod") or verb.head == verb:
                break
            verb = verb.head
            if verb.pos_ in ("VERB", "AUX"):
                break
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in REVERSED_LIGHT:
            return []
        return self.actors(subject(verb), refs)

    def adjective_pairs(self, adjective: Token, stance: Stance, refs: Referents) -> list[Pair]:
        if adjective.dep_ in ("amod", "acl", "appos") and adjective.head != adjective:
            described = self.actors(adjective.head, refs)
        else:
            described = self.actors(subject(clause_head(adjective)), refs)
        others = self.others(adjective, stance.preps, refs) or self.next_to(adjective, stance.preps, refs)
        for child in children(adjective, ("npadvmod", "compound", "nmod", "advmod")):
            others.extend(c for c in self.actors(child, refs) if all(c is not o for o in others))
        return [(d, o) for d in described for o in others]

    @staticmethod
    def next_to(token: Token, preps: frozenset[str], refs: Referents) -> list[EntityCluster]:
        """ "groups loyal to X" read left to right when the parser hung "to X" elsewhere."""
        doc = token.doc
        wanted = preps | {short for short, full in CONTRACTIONS.items() if full in preps}
        if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in wanted:
            return []
        for t in doc[token.i + 2 : min(len(doc), token.i + 5)]:
            cluster = refs.resolve(t)
            if cluster is not None:
                return [cluster] if cluster.type in ACTORS else []
            if t.pos_ != "DET":
                return []
        return []

    def rival_pairs(self, token: Token, stance: Stance, refs: Referents) -> list[Pair]:
        """ "X's rivals, Y and Z", "X, enemy of Y", "they beat rival force, Y"."""
        noun = token.head if token.dep_ == "amod" else token
        named = [c for a in children(noun, ("appos",)) for c in self.actors(a, refs)]
        if token.dep_ == "amod" and not named:
            named = self.actors(noun, refs)
        owners = [c for p in possessors(noun) for c in self.actors(p, refs)]
        if not owners and noun.dep_ == "appos":
            owners = self.actors(noun.head, refs)
            named = [c for t in prep_objects(noun, stance.preps) for c in self.actors(t, refs)]
        if not owners and token.dep_ == "amod":
            owners = self.actors(subject(clause_head(noun)), refs)
        return [(o, n) for o in owners for n in named]


def noun_modifiers(noun: Token) -> list[Token]:
    """A noun's modifiers, with the object of a Spanish "de" ("conversaciones de paz")."""
    return [*children(noun, ("compound", "amod", "nmod")), *prep_objects(noun, ("de",))]


def lone_groups(token: Token, refs: Referents) -> list[EntityCluster]:
    """The only armed group named in the token's sentence, if there is exactly one."""
    groups = {id(c): c for t in token.sent if (c := refs.at(t)) is not None and c.type == "ILLEGAL_GROUP"}
    return list(groups.values()) if len(groups) == 1 else []
