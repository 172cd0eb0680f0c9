"""Finding an entity by name or id, then its one dossier (analyse/dossier.py)."""

from __future__ import annotations

from sqlalchemy import Connection

from crimegraph.analyse.dossier import Dossier, dossier
from crimegraph.analyse.refs import EntityRef, find_entities
from crimegraph.exc import CrimegraphError
from crimegraph.store.db import Bind, connect
from crimegraph.store.queries import canonical_of

__all__ = ["NotFound", "lookup", "profile", "resolve_target"]


class NotFound(CrimegraphError):
    """No entity has that name or id."""


def resolve_target(conn: Connection, name_or_id: str) -> tuple[str, list[EntityRef]]:
    """The canonical id for a name or id (the most mentioned match), and the other matches."""
    canonical = canonical_of(conn, name_or_id.strip())
    if canonical:
        return canonical, []
    found = find_entities(conn, name_or_id)
    if not found:
        raise NotFound(f"no entity named {name_or_id!r}")
    return found[0].id, found[1:]


def lookup(bind: Bind, name_or_id: str) -> tuple[Dossier, list[EntityRef]]:
    """The dossier of the entity with this id, or of the most mentioned one with this name; and the other
    entities with that name."""
    with connect(bind) as conn:
        canonical, others = resolve_target(conn, name_or_id)
        found = dossier(conn, canonical)
        if found is None:  # resolve_target gave a canonical id: it exists
            raise NotFound(f"no entity named {name_or_id!r}")
        return found, others


def profile(bind: Bind, name_or_id: str) -> Dossier:
    """The dossier of the entity with this id, or of the most mentioned one with this name."""
    return lookup(bind, name_or_id)[0]
