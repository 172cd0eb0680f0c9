"""Clusters of nodes from recorded judgements: union-find over 'same', never across a 'different'."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from crimegraph.exc import CrimegraphError
from crimegraph.resolve.features import people_differ
from crimegraph.resolve.names import person_tokens
from crimegraph.resolve.roles import position_countries, roles_conflict
from crimegraph.store.db import in_chunks
from crimegraph.store.judgements import Judgement as Judgement
from crimegraph.store.judgements import effective as effective
from crimegraph.store.judgements import pair as pair
from crimegraph.store.keys import family
from crimegraph.store.tables import DIFFERENT, SAME, USER, entities, judgements, mentions


class ResolutionError(CrimegraphError):
    """A merge or split that cannot be done (unknown id, same entity)."""


class UnionFind:
    """Components of nodes, refusing unions that would join two nodes judged different.

    `people` gives the name words of person nodes: a checked union is refused when the two components
    hold full names of two different people ('Cilia Flores de Maduro' and 'Nicolás Maduro' linked
    through a lone 'Maduro'), so a weak link never chains two people together. `roles` gives the countries
    of person nodes' positions: a checked union is refused as well when both components hold positions and
    share no country (see resolve.roles).
    """

    def __init__(self, against: dict[str, set[str]], people: dict[str, tuple[str, ...]] | None = None,
                 roles: dict[str, frozenset[str]] | None = None) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.full: dict[str, set[tuple[str, ...]]] = {}
        self.roles: dict[str, set[str]] = {}
        self.against = against
        self.people = people or {}
        self.node_roles = roles or {}

    def find(self, node: str) -> str:
        if node not in self.parent:
            self.parent[node] = node
            self.members[node] = {node}
            name = self.people.get(node)
            self.full[node] = {name} if name and len(name) >= 2 else set()
            self.roles[node] = set(self.node_roles.get(node, ()))
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: str, b: str, checked: bool = True) -> bool:
        """Join the components of a and b unless a 'different' judgement (or, when checked, a clash of
        two people's full names) lies between them."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        small, big = sorted((ra, rb), key=lambda r: len(self.members[r]))
        if any(self.against.get(n, set()) & self.members[big] for n in self.members[small]):
            return False
        if checked and self.clash(small, big):
            return False
        self.parent[small] = big
        self.members[big] |= self.members.pop(small)
        self.full[big] |= self.full.pop(small)
        self.roles[big] |= self.roles.pop(small)
        return True

    def clash(self, ra: str, rb: str) -> bool:
        """Whether two components hold the full names of two different people, or positions of no common
        country."""
        if roles_conflict(self.roles[ra], self.roles[rb]):
            return True
        return any(people_differ(x, y) for x in self.full[ra] for y in self.full[rb])


def build(found: dict[tuple[str, str], Judgement], people: dict[str, tuple[str, ...]] | None = None,
          roles: dict[str, frozenset[str]] | None = None) -> UnionFind:
    """Components from effective judgements: user 'same' first, then the resolver's by score.

    A person's 'same' always joins; the resolver's never joins two people's full names.
    """
    against: dict[str, set[str]] = {}
    for judgement in found.values():
        if judgement.judgement == DIFFERENT:
            against.setdefault(judgement.left, set()).add(judgement.right)
            against.setdefault(judgement.right, set()).add(judgement.left)
    components = UnionFind(against, people, roles)
    positive = [j for j in found.values() if j.judgement == SAME]
    positive.sort(key=lambda j: (j.decided_by != USER, -j.score, j.left, j.right))
    for judgement in positive:
        components.union(judgement.left, judgement.right, checked=judgement.decided_by != USER)
    for node in against:
        components.find(node)
    return components


def choose_canonical(members: Iterable[str], counts: Counter[str], names: dict[str, str]) -> str:
    """The member most often mentioned; ties go to a name without initials, then the longer, then the smaller id."""
    def rank(node: str) -> tuple[int, bool, int, str]:
        words = names.get(node, "").replace(".", " ").split()
        return (-counts[node], any(len(w) == 1 for w in words), -len(words), node)

    return min(members, key=rank)


def recompute(conn: Connection) -> int:
    """Set canonical_id for every node that has a judgement; how many nodes changed."""
    found = effective(conn)
    nodes = sorted({n for key in found for n in key})
    if not nodes:
        return 0
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    current: dict[str, str] = {}
    people: dict[str, tuple[str, ...]] = {}
    for part in in_chunks(nodes):
        counts.update(dict(list(conn.execute(select(mentions.c.entity_id, func.count())
                                        .where(mentions.c.entity_id.in_(part))
                                        .group_by(mentions.c.entity_id)))))
        for node, name, type_, canonical in conn.execute(
                select(entities.c.id, entities.c.name, entities.c.type, entities.c.canonical_id)
                .where(entities.c.id.in_(part))):
            names[node], current[node] = name, canonical
            if family(type_) == "person":
                people[node] = tuple(person_tokens(name))
    components = build(found, people, position_countries(conn, list(people)))
    for node in nodes:  # a node whose merges were all withdrawn stands alone again
        components.find(node)
    changes: list[dict[str, Any]] = []
    for members in components.members.values():
        canonical = choose_canonical(members, counts, names)
        changes.extend({"node": n, "canonical": canonical} for n in members if current.get(n) != canonical)
    if changes:
        conn.execute(update(entities).where(entities.c.id == bindparam("node"))
                     .values(canonical_id=bindparam("canonical")), changes)
    return len(changes)


def record(conn: Connection, left: str, right: str, verdict: str, decided_by: str,
           score: float | None = None, features: dict[str, float] | None = None) -> None:
    """Append one judgement."""
    conn.execute(judgements.insert().values(
        left_id=left, right_id=right, judgement=verdict, score=score, features=features,
        decided_by=decided_by, created_at=datetime.now(UTC)))


def members_of(conn: Connection, node: str) -> list[str]:
    """Every node in the cluster of `node` (its canonical's members)."""
    canonical = conn.execute(select(entities.c.canonical_id).where(entities.c.id == node)).scalar()
    if canonical is None:
        raise ResolutionError(f"no entity with id {node!r}")
    return list(conn.execute(select(entities.c.id).where(entities.c.canonical_id == canonical)).scalars())


def merge(conn: Connection, a: str, b: str) -> str:
    """Record a person's judgement that a and b are the same, overriding earlier 'different' ones; the canonical id."""
    left, right = members_of(conn, a), members_of(conn, b)
    if set(left) & set(right):
        raise ResolutionError(f"{a} and {b} are already the same entity")
    found = effective(conn)
    record(conn, a, b, SAME, USER, 1.0)
    for x in left:
        for y in right:
            known = found.get(pair(x, y))
            if known is not None and known.judgement == DIFFERENT:
                record(conn, x, y, SAME, USER, 1.0)
    recompute(conn)
    return str(conn.execute(select(entities.c.canonical_id).where(entities.c.id == a)).scalar())


def split(conn: Connection, node: str) -> list[str]:
    """Record a person's judgement that `node` differs from the rest of its cluster; the nodes it left."""
    others = [n for n in members_of(conn, node) if n != node]
    if not others:
        raise ResolutionError(f"{node} is not merged with anything")
    for other in others:
        record(conn, node, other, DIFFERENT, USER, 0.0)
    recompute(conn)
    return others
