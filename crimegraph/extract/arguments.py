"""Dependency-tree helpers: the subject, objects and prepositional arguments of a trigger word.

Works on both label schemes in use: ClearNLP (English model: nsubjpass, dobj, prep/pobj,
agent) and Universal Dependencies (Spanish model: obj, obl/nmod with a `case` child).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj"})
PASSIVE_MARKS = frozenset({"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"})
RELATIVES = frozenset("who whom which that whose quien quienes que cual cuales cuyo cuya".split())
INHERIT = frozenset({"conj", "xcomp", "advcl"})
ALONG = frozenset({"along", "together", "junto"})
PATIENT_PREPS = frozenset("for of with por de".split())
CONTROL = frozenset("push force urge ask encourage lead allow order persuade convince help enable cause compel drive "
                    "invite tell instruct require permit obligar pedir permitir ordenar llevar".split())
CONTRACTIONS = {"del": "de", "al": "a"}
MODALS = frozenset("may might could would should can poder deber".split())


def children(token: Token, deps: Iterable[str]) -> list[Token]:
    wanted = frozenset(deps)
    return [c for c in token.children if c.dep_ in wanted]


def is_passive(verb: Token) -> bool:
    """A passive verb: has a passive subject or auxiliary, or is a bare participle modifier."""
    if any(c.dep_ in PASSIVE_MARKS for c in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl") and not children(verb, OBJECTS) and not any(
            c.dep_ == "aux" for c in verb.children):
        return True
    return verb.lang_ == "es" and any(c.lower_ in ("fue", "fueron", "sido", "ser", "es", "son", "será", "serán")
                                      and c.dep_ in ("aux", "aux:pass", "cop") for c in verb.children)


def antecedent(token: Token) -> Token:
    """For a relative pronoun, the noun its clause modifies; otherwise the token itself.

    Looks through reported clauses: in "X, who Y said was ...", "who" stands for X.
    """
    if token.lower_ not in RELATIVES or token.dep_ in ("mark", "det"):
        return token
    clause = token.head
    for _ in range(3):
        if clause.dep_ in ("relcl", "acl", "acl:relcl"):
            return clause.head
        if clause.dep_ not in ("ccomp", "xcomp", "conj") or clause.head == clause:
            break
        clause = clause.head
    return token


def subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb or predicate, looking through relative pronouns and coordination."""
    found = sorted(children(verb, SUBJECTS), key=lambda t: t.is_space)  # a paragraph break is a poor subject
    if found:
        return antecedent(found[0])
    if depth > 4 or any(c.dep_ == "expl" for c in verb.children):
        return None  # "there were murders": no one
    if verb.dep_ in ("acl", "amod", "relcl", "acl:relcl", "appos") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head  # "officials accused of ...", "those sanctioned"
    controllers = children(verb.head, (*OBJECTS, "iobj"))
    if controllers and (verb.dep_ == "xcomp" or verb.dep_ == "advcl" and verb.head.lemma_.lower() in CONTROL):
        return controllers[0]  # object control: "pushed the soldiers to rebel", "acusó a X de ser"
    if verb.dep_ == "pcomp" and verb.head.lower_ in PATIENT_PREPS and children(verb.head.head, OBJECTS):
        return children(verb.head.head, OBJECTS)[0]  # "designated X for acting", "accused X of having"
    if verb.dep_ in INHERIT or verb.dep_ == "pcomp" or verb.dep_ == "ccomp" and verb.head.pos_ == "ADP":
        head = verb.head
        while head.dep_ in ("prep", "case", "mark") and head.head != head:
            head = head.head
        if head != verb:
            return subject(head, depth + 1)
    return None


def agent(verb: Token) -> list[Token]:
    """The 'by' phrase of a passive verb: the doers."""
    found = [p for a in children(verb, ("agent",)) for p in children(a, ("pobj",))]
    return found or prep_objects(verb, ("by", "por"))


def objects(verb: Token) -> list[Token]:
    """Direct objects of a verb."""
    return children(verb, OBJECTS)


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the given prepositions attached to a token ("of", "de", "against", ...)."""
    wanted = frozenset(preps)
    wanted |= {short for short, full in CONTRACTIONS.items() if full in wanted}
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in wanted:
            found.extend(children(child, ("pobj", "pcomp")))
        elif child.dep_ in ("nmod", "obl", "obj", "obl:arg", "iobj", "appos", "conj", "flat") and any(
                c.dep_ == "case" and c.lower_ in wanted for c in child.children):
            found.append(child)
    return found


def coordinated(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("A, B and C"; "A along with B")."""
    found = [token]
    for item in found:
        for child in item.children:
            if child.dep_ == "conj" and child not in found:
                found.append(child)
            elif child.dep_ == "prep" and child.lower_ in ALONG:
                found.extend(t for t in _along_objects(child) if t not in found)
        if len(found) > 30:
            break
    return found


def _along_objects(prep: Token) -> list[Token]:
    found = children(prep, ("pobj",))
    for inner in children(prep, ("prep",)):
        found.extend(children(inner, ("pobj",)))
    return found


def is_negated(token: Token) -> bool:
    """A negation attached to the token ("not", "never", "no")."""
    return any(c.dep_ == "neg" or c.lower_ in ("not", "never", "no", "nunca") and c.dep_ in ("advmod", "neg")
               for c in token.children)


def is_modal(verb: Token) -> bool:
    """Hypothetical or possible: "may be sanctioned", "could face charges"."""
    return any(c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() in MODALS for c in verb.children)


def clause_head(token: Token) -> Token:
    """The nearest verb or predicate at or above a token."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT" or any(
                c.dep_ in SUBJECTS for c in current.children):
            return current
        if current.head == current:
            break
        current = current.head
    return current


def path_up(token: Token, limit: int = 12) -> list[Token]:
    """The token and its ancestors, nearest first, within the sentence."""
    found = [token]
    current = token
    while current.head != current and len(found) < limit:
        current = current.head
        found.append(current)
    return found


def possessors(token: Token) -> list[Token]:
    """Possessive modifiers: "X's" parsed as poss, or as nmod with a "'s" case marker."""
    return [c for c in token.children if c.dep_ == "poss" or c.dep_ == "nmod" and any(
        g.dep_ == "case" and g.lower_ in ("'s", "’s", "'") for g in c.children)]


def companions(verb: Token) -> list[Token]:
    """Co-subjects attached to the verb: "X, along with Y and Z, is ..." parsed with "along" on the verb."""
    found: list[Token] = []
    for prep in children(verb, ("prep",)):
        if prep.lower_ in ALONG:
            for obj in _along_objects(prep):
                found.extend(t for t in coordinated(obj) if t not in found)
    return found
