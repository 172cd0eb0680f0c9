"""Screen the knowledge base's people and organisations against a sanctions or watch list.

Hits are possible matches for a person to review (score plus the name features that fired), recorded
with `record=True` so profiles and the API can show them; they never become claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crimegraph.analyse.hits import POSSIBLE, replace_hits
from crimegraph.analyse.listindex import ListIndex
from crimegraph.analyse.namematch import NameMatch, compare_names
from crimegraph.analyse.watchlist import ListEntry, read_list
from crimegraph.model.names import fold, is_generic
from crimegraph.store.db import Bind, connect
from crimegraph.store.tables import entities, names

THRESHOLD = 0.7
SCREENED_TYPES = ("PERSON", "STATE_ACTOR", "ILLEGAL_GROUP", "ORGANIZATION")


@dataclass(slots=True)
class Candidate:
    """A knowledge-base entity to screen: canonical id, main name, type and every surface form."""

    id: str
    name: str
    type: str
    forms: list[str] = field(default_factory=list)

    @property
    def is_person(self) -> bool:
        return self.type == "PERSON"


@dataclass(slots=True)
class Hit:
    """A possible match between a knowledge-base entity and a list entry."""

    entity: Candidate
    entry: ListEntry
    kb_name: str
    matched_name: str
    score: float
    features: dict[str, list[str]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.entry.id, "name": self.entry.name, "schema": self.entry.schema, "score": self.score,
            "features": self.features, "matched_name": self.matched_name, "status": POSSIBLE,
            "entity": {"id": self.entity.id, "name": self.entity.name, "type": self.entity.type,
                       "matched_name": self.kb_name},
            "entry": self.entry.to_dict(),
        }

    def to_row(self) -> dict[str, Any]:
        """The screening_hits row (without id, list name and time)."""
        return {"entry_id": self.entry.id, "entry_name": self.entry.name, "entry_schema": self.entry.schema,
                "entry": self.entry.to_dict(), "entity_id": self.entity.id, "kb_name": self.kb_name,
                "matched_name": self.matched_name, "score": self.score, "features": self.features}


def load_candidates(bind: Bind) -> list[Candidate]:
    """Resolved people and organisations of the knowledge base with all their names."""
    with connect(bind) as conn:
        nodes = list(conn.execute(select(entities.c.id, entities.c.canonical_id, entities.c.name, entities.c.type)
                                  .where(entities.c.type.in_(SCREENED_TYPES)).order_by(entities.c.id)))
        forms: dict[str, list[str]] = defaultdict(list)
        for node, form in conn.execute(select(names.c.entity_id, names.c.name).order_by(names.c.id)):
            forms[node].append(form)
    found: dict[str, Candidate] = {}
    for node, canonical, name, type_ in nodes:
        entity = found.setdefault(canonical, Candidate(canonical, name, type_))
        if node == canonical:
            entity.name, entity.type = name, type_
        entity.forms.extend([name, *forms[node]])
    for entity in found.values():
        entity.forms = list(dict.fromkeys(entity.forms))
    return list(found.values())


def screenable(form: str, entity: Candidate) -> bool:
    """Names worth screening: two words or more for people; no generic body names ('Defense Ministry')."""
    if entity.is_person:
        return len(fold(form).split()) >= 2
    return bool(fold(form)) and not is_generic(form)


def best_match(entity: Candidate, entry: ListEntry, forms: list[str]) -> tuple[NameMatch, str, str] | None:
    """The best-scoring pair of an entity's name and an entry's name."""
    best: tuple[NameMatch, str, str] | None = None
    for form in forms:
        for listed in entry.names():
            match = compare_names(form, listed, entity.is_person)
            if best is None or match.score > best[0].score:
                best = (match, form, listed)
    return best


def screen(candidates: Iterable[Candidate], entries: Iterable[ListEntry], threshold: float = THRESHOLD) -> list[Hit]:
    """Every (entity, entry) pair whose best name match scores at or above `threshold`, best first."""
    index = ListIndex(entries)
    hits: list[Hit] = []
    for entity in candidates:
        forms = [f for f in entity.forms if screenable(f, entity)]
        pool: set[int] = set()
        for form in forms:
            pool |= index.candidates(form, entity.is_person)
        for position in sorted(pool):
            entry = index.entries[position]
            found = best_match(entity, entry, forms)
            if found is not None and found[0].score >= threshold:
                match, form, listed = found
                hits.append(Hit(entity, entry, form, listed, match.score, match.features))
    return sorted(hits, key=lambda h: (-h.score, h.entity.name, h.entry.id))


def screen_list(bind: Bind, path: str | Path, threshold: float = THRESHOLD, record: bool = True,
                list_name: str | None = None) -> list[Hit]:
    """Screen the knowledge base against a list file; with `record`, store the hits as possible matches."""
    entries = read_list(path)
    hits = screen(load_candidates(bind), entries, threshold)
    if record:
        replace_hits(bind, list_name or Path(path).name, (h.to_row() for h in hits))
    return hits
