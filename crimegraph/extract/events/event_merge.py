"""Candidate events and their merging: one event per real-world occurrence of an article."""

from __future__ import annotations

from dataclasses import dataclass, field

from crimegraph.extract.events.divisions import known_place, lies_in, place_kind, precision
from crimegraph.model import Event, Evidence


@dataclass(slots=True)
class Candidate:
    """An event read off one trigger (or several in one sentence), before merging."""

    type: str
    sentence: int
    date: str | None = None
    location: str | None = None
    actors: list[str] = field(default_factory=list)
    fatalities: int | None = None
    arrested: int | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    verbal: bool = False
    own_date: bool = False
    # The setting of the sentence before, for an event whose own sentence names none: given only after
    # merging, so that it neither keeps apart nor joins occurrences.
    told_place: str | None = None

    def to_event(self, component: str) -> Event:
        return Event(self.type, self.date, self.location or self.told_place, list(self.actors), self.fatalities,
                     self.arrested, list(self.evidence), round(self.confidence, 3), component)

    @property
    def empty(self) -> bool:
        """True when nothing but the type is known (such an event can be matched to nothing)."""
        return not (self.date or self.location or self.actors)


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Unknown dates fit anything; known ones fit when one refines the other (2019-01 and 2019-01-21)."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def places_compatible(a: str | None, b: str | None) -> bool:
    """Unknown places fit anything; a country or region fits the more precise place inside it, and a state
    the town the gazetteer puts in it ("en Caquetá" and "en el municipio El Doncello")."""
    if a is None or b is None or a.lower() == b.lower():
        return True
    if place_kind(a) != "place" or place_kind(b) != "place":
        return True
    state, town = sorted((a, b), key=precision)
    return precision(state) == 2 and precision(town) == 3 and (lies_in(town, state) or not known_place(town))


def nested_places(a: str | None, b: str | None) -> bool:
    """A state and a town that can lie in it: two names of one setting, not two settings."""
    if not a or not b or precision(a) == precision(b):
        return False
    return place_kind(a) == place_kind(b) == "place" and places_compatible(a, b)


def counts_compatible(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def same_occurrence(a: Candidate, b: Candidate) -> bool:
    """Two candidates of a type that can be the same occurrence: nothing conflicts (date, place,
    counts) and, when they name different actors or both tell an occurrence with a verb of its
    own, they agree on date or place or neither has a date or place of its own to tell them apart."""
    if a.type != b.type:
        return False
    dates_fit = dates_compatible(a.date, b.date) or not (a.own_date and b.own_date)
    if not (dates_fit and places_compatible(a.location, b.location)):
        return False
    if not (counts_compatible(a.fatalities, b.fatalities) and counts_compatible(a.arrested, b.arrested)):
        return False
    other_actors = bool(a.actors and b.actors and not set(a.actors) & set(b.actors))
    if other_actors or (a.verbal and b.verbal):
        agree = bool((a.location and a.location == b.location) or (a.date and a.date == b.date)
                     or nested_places(a.location, b.location))
        apart = bool(a.own_date or b.own_date or a.location or b.location)
        return agree or not apart
    return True


def more_precise_date(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if len(a) >= len(b) else b


def more_precise_place(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if precision(a) >= precision(b) else b


def absorb(into: Candidate, other: Candidate) -> None:
    """Fold `other` into `into`: the more precise date and place, every actor, the stated counts."""
    if other.own_date and not into.own_date:
        into.date, into.own_date = other.date, True
    elif other.own_date == into.own_date:
        into.date = more_precise_date(into.date, other.date)
    into.location = more_precise_place(into.location, other.location)
    into.told_place = into.told_place or other.told_place
    into.actors.extend(a for a in other.actors if a not in into.actors)
    into.fatalities = into.fatalities if into.fatalities is not None else other.fatalities
    into.arrested = into.arrested if into.arrested is not None else other.arrested
    into.evidence.extend(e for e in other.evidence if e not in into.evidence)
    into.confidence = min(1.0, max(into.confidence, other.confidence) + 0.05)
    into.verbal = into.verbal or other.verbal


def merge(candidates: list[Candidate], window: int | None = None) -> list[Candidate]:
    """Merge candidates of the same occurrence, first mention first. Only events of a candidate's type can
    be its occurrence, so it is compared with those alone (with the last `window` of them, when given)."""
    merged: list[Candidate] = []
    by_type: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        known_of_type = by_type.setdefault(candidate.type, [])
        for known in known_of_type if window is None else known_of_type[-window:]:
            if same_occurrence(known, candidate):
                absorb(known, candidate)
                break
        else:
            merged.append(candidate)
            known_of_type.append(candidate)
    return merged
