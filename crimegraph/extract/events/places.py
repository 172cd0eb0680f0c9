"""The place of an event: the most precise named location near its trigger."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from crimegraph.extract import doc as cg
from crimegraph.extract.doc import EntityCluster
from crimegraph.extract.events.divisions import place_kind, precision
from crimegraph.extract.events.towns import town_at, towns
from crimegraph.extract.events.triggers import group

ACTOR_DEPS = frozenset("nsubj nsubjpass nsubj:pass dobj obj iobj agent poss".split())
DATELINE_TOKENS = 8
CHAIN_DEPS = frozenset("appos conj compound flat flat:name nmod amod poss".split())
MAX_CLIMB = 5
MAX_NAME_TOKENS = 12
ARTICLES = frozenset("la el las los the".split())
PARTICLES = ARTICLES | frozenset("de del y of".split())


# ACLED's own note of where it placed an event: "(coded to San Rafael del Pinal, Tachira)".
CODED = re.compile(r"\b(?:coded to|codificad[oa] en)\s+([^,;:()\n]{2,60})", re.IGNORECASE)


def coded_place(doc: Doc) -> str | None:
    """The place a note says it was coded to, as the text spells it (the entity's name when its mention covers it)."""
    match = CODED.search(cg.text(doc))
    if match is None:
        return None
    name = match.group(1).strip().rstrip(".")
    span = doc.char_span(match.start(1), match.start(1) + len(name), alignment_mode="expand")
    if span is not None:
        cluster = cg.entity_at(doc, span.start)
        covered = cluster is not None and any(s <= span.start and e >= span.end for s, e in cluster.mentions)
        if cluster is not None and cluster.type == "LOCATION" and covered:
            return cluster.name
    return name or None


def is_country(name: str) -> bool:
    return place_kind(name) == "country"


def locations_in(doc: Doc, span: Span) -> list[tuple[EntityCluster, Token]]:
    """LOCATION entities mentioned in a span, each with the root token of its mention."""
    found = []
    for cluster in cg.entities(doc):
        if cluster.type != "LOCATION":
            continue
        for start, end in cluster.mentions:
            if start >= span.start and end <= span.end and end - start <= MAX_NAME_TOKENS:
                found.append((cluster, doc[start:end].root))
    return found


def is_actor_mention(root: Token, trigger: Token | None = None) -> bool:
    """A place named as a participant of the trigger ("the US sanctioned", "sanctioned by Canada"),
    not as a setting; the object of another verb ("protests that shook Venezuela") is a setting."""
    head = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "agent" else root.head
    if root.dep_ not in ACTOR_DEPS and head == root.head:
        return False
    return trigger is None or head == trigger or head == trigger.head


def is_setting(root: Token, language: str) -> bool:
    """False for a place named as a counterpart ("ties with the US", "contra Colombia", "sanctioned by
    Canada"): the first preposition above the mention, through "of" and appositions, decides."""
    counterpart = group(language, "counterpart")
    current = root
    for _ in range(MAX_CLIMB):
        cases = [c for c in current.children if c.dep_ == "case"]
        preposition = cases[0] if cases else (current.head if current.dep_ in ("pobj", "pcomp") else None)
        if preposition is not None:
            if preposition.lower_ in counterpart:
                return False
            if preposition.lower_ not in ("of", "de", "del"):
                return True
            current = current.head.head if preposition == current.head else current.head
            continue
        if current.dep_ not in CHAIN_DEPS or current.head == current:
            return True
        current = current.head
    return True


def best_place(doc: Doc, span: Span, near: int, language: str = "en") -> str | None:
    """The most precise location named in `span` as a setting, the closest to token `near` on ties."""
    best: tuple[int, int, str] | None = None
    for cluster, root in locations_in(doc, span):
        if is_actor_mention(root, doc[near]) or not is_setting(root, language):
            continue
        own = _other_place(doc, cluster, root)
        level = precision(own) if own else _mention_precision(doc, cluster, root)
        key = (level, -abs(root.i - near), own or cluster.name)
        if best is None or key[:2] > best[:2]:
            best = key
    for town in towns(doc):  # towns the model missed, placed by the text ("in X, State", "municipio X")
        if town.start >= span.start and town.end <= span.end:
            key = (3, -min(abs(town.start - near), abs(town.end - 1 - near)), town.name)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def _other_place(doc: Doc, cluster: EntityCluster, root: Token) -> str | None:
    """The mention's own text when a state's entity has it and it shares no word with the state's name: a
    town joined to the state it lies in ("San Calixto (Norte de Santander)" read as a name and its
    translation in parentheses)."""
    if precision(cluster.name) != 2:
        return None
    start, end = next(((s, e) for s, e in cluster.mentions if s <= root.i < e), (root.i, root.i + 1))
    text = doc[start:end].text
    if len(text) <= 3 or text.isupper() or precision(text) != 3:
        return None  # an acronym ("DF") or another name of a division
    words = {w.lower() for w in text.split() if w.lower() not in PARTICLES}
    return text if words and not words & {w.lower() for w in cluster.name.split()} else None


def _mention_precision(doc: Doc, cluster: EntityCluster, root: Token) -> int:
    """A name's precision, and a town's for one that a state qualifies ("Guadalupe, Zacatecas": not the
    Spanish name of Guadeloupe)."""
    level = precision(cluster.name)
    start, end = next(((s, e) for s, e in cluster.mentions if s <= root.i < e), (root.i, root.i + 1))
    if qualifies_place(doc, start):  # "Pataz (La Libertad)": the division that says where Pataz lies
        return min(level, 2)
    if level < 3 and end + 1 < len(doc) and doc[end].text in (",", "(") and qualifies_place(doc, end + 1):
        following = cg.entity_at(doc, end + 1)
        if following is not None and following is not cluster and precision(following.name) == 2:
            return 3
    return level


def qualifies_place(doc: Doc, start: int) -> bool:
    """A place mention that only qualifies the place before it: "Zacatecas" in "Guadalupe, Zacatecas",
    "Cauca" in "Suárez (Cauca)"."""
    if start >= 1 and doc[start - 1].lower_ in ARTICLES:
        start -= 1  # "(La Libertad)" when the mention is "Libertad"
    if start < 2 or doc[start - 1].text not in (",", "("):
        return False
    before = cg.entity_at(doc, start - 2)
    return (before is not None and before.type == "LOCATION") or town_at(doc, start - 2) is not None


def dateline_place(doc: Doc) -> str | None:
    """The place of a dateline ("CARACAS, Venezuela —", "Bogotá, 21 ene (EFE)"), if the text opens with one."""
    opening = doc[: min(DATELINE_TOKENS, len(doc))]
    for cluster, root in locations_in(doc, opening):
        after = root.i + 1
        while after < len(doc) and cg.entity_at(doc, after) is cluster:
            after += 1
        if after < len(doc) and doc[after].text in (",", "—", "–", "-", "(") and root.i <= 2:
            return cluster.name
    return None
