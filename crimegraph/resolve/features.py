"""Small pure feature functions comparing two nodes' names; each docstring says why it matters.

A feature returns a score in 0-1 when it fires (None when it does not); a veto returns VETO.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import product

from rapidfuzz.fuzz import ratio

from crimegraph.extract.entities.names import in_order
from crimegraph.resolve.names import (
    STOPWORDS,
    acronym,
    casefold,
    content_tokens,
    countries_in,
    fold,
    is_acronym,
    is_generic,
    person_tokens,
    translated,
)
from crimegraph.store.keys import country_code, family

VETO = -1.0


@dataclass(slots=True)
class Node:
    """What the features see of a node: its main name, every surface form, type and country qualifier."""

    id: str
    name: str
    type: str
    names: list[str] = field(default_factory=list)
    country: str | None = None

    @property
    def family(self) -> str:
        return family(self.type)

    def forms(self) -> list[str]:
        """The main name and every other surface form, without repeats."""
        return list(dict.fromkeys([self.name, *self.names]))


Feature = Callable[[Node, Node], float | None]


def pairs(a: Node, b: Node) -> Iterator[tuple[str, str]]:
    """Every pair of surface forms of two nodes."""
    return product(a.forms(), b.forms())


def weight(a: Node, b: Node, x: str, y: str) -> float:
    """How much a match of forms x (of a) and y (of b) counts.

    Main names count fully. A match through an alias counts less, and little when the shared form is
    not distinctive: a lone surname, a generic word like 'Government' or 'Navy', a one-word name, or any
    place name (articles attach a country or a region to the towns in it).
    """
    if x == a.name and y == b.name:
        return 1.0
    return 0.8 if distinctive(x, a.family) else 0.5


def distinctive(form: str, family_: str) -> bool:
    """Whether a form names one actor rather than many: two or more content words, or a real acronym."""
    if is_acronym(form):
        return len(fold(form).replace(" ", "")) >= 3
    words = content_tokens(form)
    return family_ != "place" and len(words) >= 2 and not is_generic(form)


def type_conflict(a: Node, b: Node) -> float | None:
    """A person is never a place or an organisation: different type families never merge."""
    return VETO if a.family != b.family else None


def country_conflict(a: Node, b: Node) -> float | None:
    """'Defense Ministry' of one country is not another's, nor is 'Government of Bolivia' 'Government of Peru'.

    The countries come from the names and, for generic body names, from their articles.
    """
    if a.family == "person":
        return None
    left = countries_in(a.name) | ({a.country} if a.country else set())
    right = countries_in(b.name) | ({b.country} if b.country else set())
    if left and right and not left & right:
        return VETO
    return None


def country_place_conflict(a: Node, b: Node) -> float | None:
    """A country is not a city or a state in it ('Mexico' is not 'Mexico State'), nor another country."""
    if a.family != "place" or b.family != "place":
        return None
    left, right = country_code(a.name), country_code(b.name)
    if (left is None) != (right is None) or (left and right and left != right):
        return VETO
    return None


def surname_conflict(a: Node, b: Node) -> float | None:
    """'Miguel Ángel Treviño' is not 'Miguel Ángel Félix Gallardo': full names ending in unrelated surnames."""
    if a.family != "person":
        return None
    return VETO if surnames_differ(person_tokens(a.name), person_tokens(b.name)) else None


def given_name_conflict(a: Node, b: Node) -> float | None:
    """'Juan Pérez' is not 'Pedro Pérez': two full names whose first words differ and appear nowhere else."""
    if a.family != "person":
        return None
    return VETO if given_names_differ(person_tokens(a.name), person_tokens(b.name)) else None


def surnames_differ(left: Sequence[str], right: Sequence[str]) -> bool:
    """Two full names (two words or more) whose last words are unrelated."""
    if len(left) < 2 or len(right) < 2 or left[-1] == right[-1]:
        return False
    return not (left[-1] in right or right[-1] in left or ratio(left[-1], right[-1]) >= 80)


def given_names_differ(left: Sequence[str], right: Sequence[str]) -> bool:
    """Two full names whose first words differ, are not initials of each other and appear nowhere else."""
    if len(left) < 2 or len(right) < 2 or left[0] == right[0]:
        return False
    return not (left[0] in right or right[0] in left or _initial(left[0], right[0]))


def people_differ(left: Sequence[str], right: Sequence[str]) -> bool:
    """Whether two person names (as tokens) can only be two different people."""
    return given_names_differ(left, right) or surnames_differ(left, right)


def _initial(x: str, y: str) -> bool:
    return (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def type_mismatch(a: Node, b: Node) -> float | None:
    """Extraction confuses state actors, groups and organisations, so a different type only costs a little."""
    return 0.1 if a.family == b.family and a.type != b.type else None


def same_name(a: Node, b: Node) -> float | None:
    """The same written name (case, punctuation and spacing aside) is the strongest sign.

    A match through an alias counts less (see `weight`): aliases are often a lone surname or a generic word.
    """
    scores = [weight(a, b, x, y) for x, y in pairs(a, b) if casefold(x) == casefold(y)]
    return max(scores) if scores else None


def accents(a: Node, b: Node) -> float | None:
    """'Padrino Lopez' is 'Padrino López': writers and feeds drop accents."""
    scores = [0.95 * weight(a, b, x, y) for x, y in pairs(a, b) if casefold(x) != casefold(y) and fold(x) == fold(y)]
    return round(max(scores), 3) if scores else None


def translation(a: Node, b: Node) -> float | None:
    """'Cartel de los Soles' is 'Cartel of the Suns': names compared through the translations lexicon.

    A bag of one word says too little ('LA Times' and 'Time'), unless both names are one word ('Zetas').
    """
    if a.family == "person":
        return None
    scores: list[float] = []
    for x, y in pairs(a, b):
        bag = translated(x)
        if not bag or bag != translated(y) or fold(x) == fold(y):
            continue
        if len(bag.split()) < 2 and (len(fold(x).split()) > 1 or len(fold(y).split()) > 1):
            continue
        scores.append(0.9 * weight(a, b, x, y))
    return round(max(scores), 3) if scores else None


def acronym_match(a: Node, b: Node) -> float | None:
    """'GNB' stands for 'Guardia Nacional Bolivariana': an acronym name matches the initials of a long name."""
    if a.family != "actor":
        return None
    for short, long in ((a.name, b.name), (b.name, a.name)):
        if is_acronym(short) and acronym(long) == fold(short).replace(" ", ""):
            return 0.8
    return None


def name_order(a: Node, b: Node) -> float | None:
    """'Padrino López, Vladimir' is 'Vladimir Padrino López': the same name parts in another order."""
    if a.family != "person":
        return None
    left, right = person_tokens(a.name), person_tokens(b.name)
    if len(left) >= 2 and left != right and sorted(left) == sorted(right):
        return 0.9
    return None


def name_parts(a: Node, b: Node) -> float | None:
    """'Padrino López' is short for 'Vladimir Padrino López': the shorter name's parts, in order, in the longer.

    Two or more shared parts at one end of the longer name are good evidence; with a gap ('Roberto Hernández'
    in 'Roberto Antonio Herrera Hernández') they need some shared context; a lone surname needs more, and a
    lone given name ('Joaquín') is no evidence at all.
    """
    if a.family != "person":
        return None
    short, long = sorted(([t for t in person_tokens(a.name) if t not in STOPWORDS],
                          [t for t in person_tokens(b.name) if t not in STOPWORDS]), key=len)
    if not short or len(short) == len(long) or not in_order(short, long):
        return None
    if len(short) == 1:
        return 0.5 if short[0] != long[0] and short[0] in long[-2:] else None
    joined = " ".join(short)
    whole = " ".join(t for t in long if len(t) > 1 or t in short)  # a middle initial is no gap
    return 0.75 if whole.startswith(joined) or whole.endswith(joined) else 0.6


def spelling(a: Node, b: Node) -> float | None:
    """'Tren del Aragua' is 'Tren de Aragua': long names a letter or two apart are spelling variants.

    Numbers must agree: the '6th Front' is not the '36th Front'.
    """
    fx, fy = fold(a.name), fold(b.name)
    if fx == fy or min(len(fx), len(fy)) < 8 or _digits(fx) != _digits(fy):
        return None
    if a.family == "person" and len(fx.split()) != len(fy.split()):
        return None
    return 0.8 if ratio(fx, fy) >= 92 else None


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def generic_name(a: Node, b: Node) -> float | None:
    """Generic body names ('Interior Ministry') whose country is unknown say little on their own."""
    if a.family == "actor" and (a.country is None or b.country is None) and is_generic(a.name) \
            and is_generic(b.name):
        return 0.35
    return None


VETOES: tuple[Feature, ...] = (
    type_conflict, country_conflict, country_place_conflict, given_name_conflict, surname_conflict)
NAME_FEATURES: tuple[Feature, ...] = (
    same_name, accents, translation, acronym_match, name_order, name_parts, spelling)
PENALTIES: tuple[Feature, ...] = (type_mismatch, generic_name)


def shared_context(shared: int) -> float | None:
    """Names that appear beside the same other actors are likelier the same: +0.05 per shared one, up to 0.2."""
    return min(0.2, 0.05 * shared) if shared else None
