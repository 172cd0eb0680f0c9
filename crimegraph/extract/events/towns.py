"""Towns the model did not tag as places, found by how a text places them ("in X, State", "municipio X")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from crimegraph.extract import doc as cg

# A place name: capitalised words, joined by the lower-case particles of Spanish, Portuguese and French names
# ("Guadalupe y Calvo", "San Rafael del Pinal", "Croix-des-Bouquets").
WORD = r"[A-ZÁÉÍÓÚÑÜÇ][\w'’.-]*"
NAME = rf"(?<![\w'’-]){WORD}(?:\s+(?:(?:de|del|la|las|los|el|y|do|da|dos|das|du|des)\s+)*{WORD}){{0,5}}"
# Words that say the name after them is a settlement or lies in one.
SETTLEMENT = (r"\b(?:municipio|municipality|localidad|town|village|vereda|corregimiento|parroquia|parish|"
              r"district|distrito|caser[ií]o|aldea|comunidad|community|rural area|zona rural|[aá]rea rural|"
              r"outskirts|afueras|poblado|hamlet|township)")
SETTING = r"(?i:\b(?:in|en|near|cerca\s+de|outside|at|around|of|de|del|from|desde|between|entre|to|hacia))"
DIVISION = (r"(?:(?i:the\s+)?(?i:state|department|province|region|estado|departamento|provincia|"
            r"regi[oó]n)\s+(?i:of|de|del)\s+)?")
APPOSITION = r"(?i:un|una|a|the)\s+(?i:municipio|municipality|town|village|localidad|pueblo|poblaci[oó]n|city|ciudad)"
MAX_CHARS = 60
CONNECTORS = frozenset("de del of y and".split())


@dataclass(frozen=True, slots=True)
class Town:
    """A town the text names, as it spells it, with its token span."""

    name: str
    start: int
    end: int


@cache
def _states() -> tuple[str, ...]:
    """Names of first-level divisions, longest first."""
    from crimegraph.extract.events.divisions import division_names

    return tuple(sorted(division_names(), key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    states = "|".join(re.escape(s) for s in _states())
    qualified = rf"(?P<name>{NAME})\s*(?:,\s*|\(\s*){DIVISION}(?P<state>{states})\b"
    return (
        re.compile(rf"(?:{SETTING}\s+|{SETTLEMENT}\s+(?:(?i:rural|of|de|del)\s+)*){qualified}"),
        re.compile(rf"{SETTLEMENT}\s+(?:(?i:rural|of|de|del|la)\s+)*(?P<name>{NAME})"),
        re.compile(rf"(?P<name>{NAME}),\s+{APPOSITION}\b"),
        re.compile(qualified),
    )


def _known_town(name: str, state: str | None) -> bool:
    """Whether the gazetteer has a town of that name (in that first-level division, when one is given)."""
    from crimegraph.export.places import in_regions, world_cities  # the export's GeoNames gazetteer
    from crimegraph.resolve.names import fold

    if state:
        return in_regions(name, [state]) is not None
    return fold(name) in world_cities()


def towns(doc: Doc) -> list[Town]:
    """Towns named as settings that no LOCATION mention covers, in text order (computed once per Doc)."""
    cached: list[Town] | None = doc.user_data.get("cg_towns")
    if cached is not None:
        return cached
    from crimegraph.extract.events.divisions import precision

    found: dict[int, Town] = {}
    text = cg.text(doc)
    for number, pattern in enumerate(_patterns()):
        for match in pattern.finditer(text):
            name = match.group("name").strip(" .")
            state = match.groupdict().get("state")
            if len(name) > MAX_CHARS or precision(name) < 3 or name.lower() in ("el", "la", "los", "las"):
                continue
            if number == len(_patterns()) - 1 and not _known_town(name, state):
                continue  # "X, State" with no word placing it: only a town the gazetteer knows there
            start = match.start("name")
            span = doc.char_span(start, start + len(name), alignment_mode="expand")
            first = None if span is None else _after_other_names(doc, span.start, span.end)
            if span is None or first is None or first in found or _tagged_place(doc, first, span.end):
                continue
            found[first] = Town(doc[first:span.end].text, first, span.end)
    result = [found[k] for k in sorted(found)]
    doc.user_data["cg_towns"] = result
    return result


def _after_other_names(doc: Doc, start: int, end: int) -> int | None:
    """Where the place name starts once a leading name of something else is cut off ("PRI de Guadalupe y
    Calvo": the party's candidate for the town); None when nothing is left."""
    first = start
    while start < end:
        cluster = cg.entity_at(doc, start)
        if cluster is None or cluster.type == "LOCATION":
            return start
        while start < end and cg.entity_at(doc, start) is cluster:
            start += 1
        if start < end and not doc[start - 1].whitespace_:
            return first  # one word the model split ("Croix" of "Croix-des-Bouquets"): keep it whole
        while start < end and doc[start].lower_ in CONNECTORS:
            start += 1
    return None


def _tagged_place(doc: Doc, start: int, end: int) -> bool:
    """Whether a LOCATION mention already covers the tokens (the model found the place)."""
    for i in range(start, end):
        cluster = cg.entity_at(doc, i)
        if cluster is None or cluster.type != "LOCATION":
            return False
    return True


def town_at(doc: Doc, token_index: int) -> Town | None:
    """The untagged town a token is part of, if any."""
    return next((t for t in towns(doc) if t.start <= token_index < t.end), None)
