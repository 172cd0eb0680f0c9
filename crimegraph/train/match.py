"""Name matching as the guidelines define it, and a claims-only F1 used to choose settings in training."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

LIGHT = frozenset("the of de la los del y and".split())


@lru_cache(maxsize=200_000)
def norm(name: str) -> str:
    """Lower case, no accents or punctuation, no leading article."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    text = re.sub(r"(?<=\w)[.'’](?=\w)|(?<=\b\w)\.", "", text)
    text = " ".join(re.sub(r"[^\w\s]", " ", text).split())
    return re.sub(r"^(the|el|la|los|las) ", "", text)


@lru_cache(maxsize=500_000)
def same(a: str, b: str) -> bool:
    """Equal once normalised, or the words (two or more) of one all in the other."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    wa, wb = set(na.split()) - LIGHT, set(nb.split()) - LIGHT
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(small) >= 2 and small <= large


def any_same(names: Iterable[str], others: Sequence[str]) -> bool:
    return any(same(a, b) for a in names for b in others)


class GoldNames:
    """A gold record's names, each expandable to every name of the entity it denotes."""

    def __init__(self, gold: dict[str, Any]) -> None:
        self.sets = [[e["name"], *(e.get("aliases") or [])] for e in gold.get("entities", [])]
        self.known: dict[str, list[str]] = {}

    def expand(self, name: str) -> list[str]:
        if name in self.known:
            return self.known[name]
        names = self.known[name] = [name]
        for group in self.sets:
            if any(same(name, other) for other in group):
                names.extend(group)
        return names


Named = tuple[str, str, str, list[str], list[str]]


def claim_counts(gold: dict[str, Any], claims: Sequence[Named]) -> tuple[int, int, int]:
    """(true positives, system total, gold total) of one document's claims, each matched at most once.

    A system claim is (subject, predicate, object, subject names, object names).
    """
    names = GoldNames(gold)
    used: set[int] = set()
    hits = 0
    for _, predicate, _, subjects, objects in claims:
        for n, g in enumerate(gold.get("claims", [])):
            if n in used or g["predicate"] != predicate:
                continue
            if any_same(names.expand(g["subject"]), subjects) and any_same(names.expand(g["object"]), objects):
                used.add(n)
                hits += 1
                break
    return hits, len(claims), len(gold.get("claims", []))


def f1(hits: int, found: int, wanted: int) -> float:
    return 2 * hits / (found + wanted) if found + wanted else 0.0


def dates_agree(gold: object, found: object) -> bool:
    """One date is a prefix of the other, or both are days at most one apart."""
    if not isinstance(gold, str) or not isinstance(found, str) or not gold or not found:
        return False
    if gold.startswith(found) or found.startswith(gold):
        return True
    try:
        return len(gold) == len(found) == 10 and abs((date.fromisoformat(gold) - date.fromisoformat(found)).days) <= 1
    except ValueError:
        return False


def event_counts(gold: dict[str, Any], events: Sequence[dict[str, Any]],
                 names: dict[str, list[str]]) -> tuple[int, int, int]:
    """(matched, system total, gold total) of one document's events: same type and one of date, place, actor.

    `names` gives each system name its cluster's other names.
    """
    expand = GoldNames(gold).expand
    used: set[int] = set()
    hits = 0
    for event in events:
        actors = [n for a in event.get("actors") or [] for n in names.get(a, [a])]
        place = names.get(event.get("location") or "", [event["location"]] if event.get("location") else [])
        for n, g in enumerate(gold.get("events", [])):
            if n in used or g.get("type") != event.get("type"):
                continue
            if (dates_agree(g.get("date"), event.get("date"))
                    or (g.get("location") and place and any_same(expand(g["location"]), place))
                    or any(any_same(expand(a), actors) for a in g.get("actors") or [])):
                used.add(n)
                hits += 1
                break
    return hits, len(events), len(gold.get("events", []))
