"""Blocking: cheap name keys so that only nodes sharing one are compared."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import Connection, func, select

from crimegraph.resolve.names import acronym, fold, generic_words, is_acronym, person_tokens, translated
from crimegraph.store.db import in_chunks, insert_ignore
from crimegraph.store.keys import family
from crimegraph.store.tables import entities, name_keys, names

MAX_BLOCK = 200


def keys_for(name: str, family_: str) -> set[str]:
    """Blocking keys of one name: folded form, translated bag, acronym, and rarer words."""
    keys = {f"f:{fold(name)}"}
    bag = translated(name)
    if bag:
        keys.add(f"b:{bag}")
    if family_ == "person":
        keys.update(f"p:{t}" for t in person_tokens(name) if len(t) >= 3)
        return keys
    if is_acronym(name):
        keys.add(f"a:{fold(name).replace(' ', '')}")
    initials = acronym(name)
    if initials:
        keys.add(f"a:{initials}")
    if family_ == "actor":
        keys.update(f"w:{w}" for w in bag.split() if len(w) >= 4 and w not in generic_words())
    return keys


def index_keys(conn: Connection, node_ids: Collection[str]) -> dict[str, set[str]]:
    """Compute and store the blocking keys of nodes from all their names; the keys per node."""
    found: dict[str, set[str]] = defaultdict(set)
    for part in in_chunks(node_ids):
        rows = conn.execute(select(names.c.entity_id, names.c.name, entities.c.type)
                            .join(entities, entities.c.id == names.c.entity_id)
                            .where(names.c.entity_id.in_(part)))
        for node, name, type_ in rows:
            found[node] |= keys_for(name, family(type_))
    insert_ignore(conn, name_keys, [{"key": k, "entity_id": n} for n, ks in found.items() for k in ks])
    return found


def candidates(conn: Connection, keys: dict[str, set[str]], max_block: int = MAX_BLOCK) -> dict[str, set[str]]:
    """Other nodes that share a key with each node, leaving out keys held by more than max_block nodes."""
    all_keys = set().union(*keys.values()) if keys else set()
    sizes: dict[str, int] = {}
    for part in in_chunks(all_keys):
        sizes.update(list(conn.execute(select(name_keys.c.key, func.count()).where(name_keys.c.key.in_(part))
                                       .group_by(name_keys.c.key))))
    usable = [k for k in all_keys if sizes.get(k, 0) <= max_block]
    holders: dict[str, set[str]] = defaultdict(set)
    for part in in_chunks(usable):
        for key, node in conn.execute(select(name_keys.c.key, name_keys.c.entity_id)
                                      .where(name_keys.c.key.in_(part))):
            holders[key].add(node)
    return {node: set().union(*(holders.get(k, set()) for k in ks)) - {node} for node, ks in keys.items()}
