"""The actors of an event: named entities that carried it out or were its main target."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crimegraph.extract import doc as cg
from crimegraph.extract.doc import EntityCluster
from crimegraph.extract.events.places import qualifies_place
from crimegraph.extract.events.triggers import group

SUBJECT_DEPS = frozenset("nsubj nsubjpass nsubj:pass csubj expl".split())
OBJECT_DEPS = frozenset("dobj obj iobj dative attr oprd nsubjpass nsubj:pass".split())
NOUN_ARG_DEPS = frozenset("poss compound nmod amod appos".split())
# Prepositions that introduce a participant rather than a setting.
ARG_PREPS = frozenset("by of against on with between to from por contra de a entre con sobre".split())
STOP_DEPS = frozenset("relcl acl advcl ccomp parataxis punct mark cc".split())
INHERIT_DEPS = frozenset("conj xcomp advcl acl relcl".split())
PRONOUNS = frozenset("they it he she we who which que quien quienes".split())
MAX_SUBTREE = 25


def argument_heads(trigger: Token, language: str) -> list[Token]:
    """Tokens heading the trigger's participants, in order of importance."""
    heads: list[Token] = []
    for child in trigger.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ in OBJECT_DEPS or child.dep_ == "obl:agent":
            heads.append(child)
        elif child.dep_ == "agent" or (child.dep_ in ("prep", "obl", "nmod") and _arg_prep(child)):
            heads.extend(_prep_objects(child))
        elif trigger.pos_ in ("NOUN", "PROPN") and child.dep_ in NOUN_ARG_DEPS:
            if child.dep_ != "nmod" or _arg_prep(child):
                heads.append(child)
    heads.extend(_inherited(trigger, language, heads))
    return heads


def _arg_prep(token: Token) -> bool:
    if token.dep_ == "prep":
        return token.lower_ in ARG_PREPS
    cases = [c for c in token.children if c.dep_ == "case"]
    return not cases or cases[0].lower_ in ARG_PREPS


def _prep_objects(prep: Token) -> list[Token]:
    if prep.dep_ in ("obl", "nmod"):
        return [prep]
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def _inherited(trigger: Token, language: str, found: list[Token]) -> list[Token]:
    """Participants shared with the clause the trigger hangs from (a conjoined verb's subject, a
    relative clause's noun, the subject of a light verb "carried out an attack", a reporter for "they")."""
    head = trigger.head
    extra: list[Token] = []
    has_subject = any(t.dep_ in SUBJECT_DEPS and t.lower_ not in PRONOUNS for t in found)
    if trigger.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
        extra.append(head)
    if not has_subject and trigger.dep_ in INHERIT_DEPS and head != trigger:
        extra.extend(c for c in head.children if c.dep_ in SUBJECT_DEPS)
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in OBJECT_DEPS:
        if head.lemma_.lower() in group(language, "light") or head.lemma_.lower() in group(language, "report"):
            extra.extend(c for c in head.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "agent")
    if any(t.lower_ in PRONOUNS and t.dep_ in SUBJECT_DEPS for t in found) and trigger.dep_ == "ccomp":
        if head.lemma_.lower() in group(language, "report"):
            extra.extend(c for c in head.children if c.dep_ in SUBJECT_DEPS)
    return extra


def _subtree(token: Token) -> list[Token]:
    """The token and its dependents, not crossing into clauses or lists of other things."""
    found = [token]
    stack = [token]
    while stack and len(found) < MAX_SUBTREE:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in STOP_DEPS:
                continue
            found.append(child)
            stack.append(child)
    return found


def event_actors(doc: Doc, trigger: Token, language: str) -> list[EntityCluster]:
    """Entities heading or inside the trigger's participants; places only when they act themselves."""
    actors: list[EntityCluster] = []
    for head in argument_heads(trigger, language):
        for token in sorted(_subtree(head), key=lambda t: t.i):
            cluster = cg.entity_at(doc, token.i)
            if cluster is None or cluster in actors:
                continue
            if cluster.type == "LOCATION" and (not _acts(token, head) or _qualifier(doc, token.i, cluster)):
                continue
            actors.append(cluster)
    return actors


def _qualifier(doc: Doc, i: int, cluster: EntityCluster) -> bool:
    """A place mention that only says where the place before it lies ("Chilpancingo, Guerrero")."""
    start = next((s for s, e in cluster.mentions if s <= i < e), i)
    return qualifies_place(doc, start)


def _acts(token: Token, head: Token) -> bool:
    """A place mention that is itself the participant, not the setting inside it."""
    root = token
    while root.head != root and root.head.i != root.i and root.dep_ in ("compound", "flat", "flat:name"):
        root = root.head
    return root == head or root.dep_ in ("poss", "conj", "appos") or (
        root.head == head and root.dep_ in ("compound", "nmod", "amod"))


def sentence_actors(doc: Doc, start: int, end: int) -> list[EntityCluster]:
    """Non-place entities mentioned between two token positions (a fallback)."""
    return [c for c in cg.entities_in(doc, doc[start:end]) if c.type != "LOCATION"]
