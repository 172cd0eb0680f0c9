"""Small pure feature functions comparing two nodes' names; each docstring says why it matters.

A feature returns a score in 0-1 when it fires (None when it does not); a veto returns VETO.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import product

from rapidfuzz.fuzz import ratio

from crimegraph.resolve.names import acronym, casefold, fold, is_acronym, is_generic, person_tokens, translated
from crimegraph.store.keys import family

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


def type_conflict(a: Node, b: Node) -> float | None:
    """A person is never a place or an organisation: different type families never merge."""
    return VETO if a.family != b.family else None


def country_conflict(a: Node, b: Node) -> float | None:
    """'Defense Ministry' of one country is not another country's: generic names differ by country."""
    if a.country and b.country and a.country != b.country:
        return VETO
    return None


def given_name_conflict(a: Node, b: Node) -> float | None:
    """'Juan Pérez' is not 'Pedro Pérez': two full names whose first words differ and appear nowhere else."""
    if a.family != "person":
        return None
    left, right = person_tokens(a.name), person_tokens(b.name)
    if len(left) < 2 or len(right) < 2 or left[0] == right[0]:
        return None
    if left[0] in right or right[0] in left or _initial(left[0], right[0]):
        return None
    return VETO


def _initial(x: str, y: str) -> bool:
    return (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def type_mismatch(a: Node, b: Node) -> float | None:
    """Extraction confuses state actors, groups and organisations, so a different type only costs a little."""
    return 0.1 if a.family == b.family and a.type != b.type else None


def same_name(a: Node, b: Node) -> float | None:
    """The same written name (case, punctuation and spacing aside) is the strongest sign.

    A lone surname shared through an alias is weaker: many people share one.
    """
    best: float | None = None
    for x, y in pairs(a, b):
        if casefold(x) != casefold(y):
            continue
        lone = a.family == "person" and len(person_tokens(x)) == 1 and not (x == a.name and y == b.name)
        score = 0.5 if lone else 1.0
        best = score if best is None else max(best, score)
    return best


def accents(a: Node, b: Node) -> float | None:
    """'Padrino Lopez' is 'Padrino López': writers and feeds drop accents."""
    for x, y in pairs(a, b):
        if casefold(x) != casefold(y) and fold(x) == fold(y):
            return 0.5 if a.family == "person" and len(fold(x).split()) == 1 else 0.95
    return None


def translation(a: Node, b: Node) -> float | None:
    """'Cartel de los Soles' is 'Cartel of the Suns': names compared through the translations lexicon."""
    if a.family == "person":
        return None
    for x, y in pairs(a, b):
        bag = translated(x)
        if bag and bag == translated(y) and fold(x) != fold(y):
            return 0.9
    return None


def acronym_match(a: Node, b: Node) -> float | None:
    """'GNB' stands for 'Guardia Nacional Bolivariana': an acronym matches the initials of a long name."""
    if a.family != "actor":
        return None
    for x, y in pairs(a, b):
        for short, long in ((x, y), (y, x)):
            if is_acronym(short) and acronym(long) == fold(short).replace(" ", ""):
                return 0.8
    return None


def name_order(a: Node, b: Node) -> float | None:
    """'Padrino López, Vladimir' is 'Vladimir Padrino López': the same name parts in another order."""
    if a.family != "person":
        return None
    for x, y in pairs(a, b):
        left, right = person_tokens(x), person_tokens(y)
        if len(left) >= 2 and left != right and sorted(left) == sorted(right):
            return 0.9
    return None


def name_parts(a: Node, b: Node) -> float | None:
    """'Padrino López' is short for 'Vladimir Padrino López': the shorter name's parts, in order, end the longer.

    Two or more shared parts are good evidence; a lone surname needs shared context as well.
    """
    if a.family != "person":
        return None
    best: float | None = None
    for x, y in pairs(a, b):
        short, long = sorted((person_tokens(x), person_tokens(y)), key=len)
        if not short or len(short) == len(long) or not _in_order(short, long):
            continue
        score = 0.75 if len(short) >= 2 else 0.5
        best = score if best is None else max(best, score)
    return best


def _in_order(short: list[str], long: list[str]) -> bool:
    position = 0
    for word in short:
        try:
            position = long.index(word, position) + 1
        except ValueError:
            return False
    return True


def spelling(a: Node, b: Node) -> float | None:
    """'Tren del Aragua' is 'Tren de Aragua': long names a letter or two apart are spelling variants."""
    for x, y in pairs(a, b):
        fx, fy = fold(x), fold(y)
        if fx == fy or min(len(fx), len(fy)) < 8:
            continue
        if a.family == "person" and len(fx.split()) != len(fy.split()):
            continue
        if ratio(fx, fy) >= 92:
            return 0.8
    return None


def generic_name(a: Node, b: Node) -> float | None:
    """Generic body names ('Interior Ministry') without a country say little on their own."""
    if a.family == "actor" and (a.country is None or b.country is None) and is_generic(a.name) \
            and is_generic(b.name):
        return 0.2
    return None


VETOES: tuple[Feature, ...] = (type_conflict, country_conflict, given_name_conflict)
NAME_FEATURES: tuple[Feature, ...] = (
    same_name, accents, translation, acronym_match, name_order, name_parts, spelling)
PENALTIES: tuple[Feature, ...] = (type_mismatch, generic_name)


def shared_context(shared: int) -> float | None:
    """Names that appear beside the same other actors are likelier the same: +0.05 per shared one, up to 0.2."""
    return min(0.2, 0.05 * shared) if shared else None
