"""Shortest cited paths between two entities: claims and shared events, searched from both ends at once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from crimegraph.analyse.profile import resolve_target
from crimegraph.analyse.refs import Citation, EntityRef, article_meta, citations, cite, entity_refs
from crimegraph.store.db import Bind, connect, in_chunks
from crimegraph.store.latest import latest_reports, took_part
from crimegraph.store.queries import canonical_map
from crimegraph.store.tables import claims, entities, event_actors, event_reports, events

MAX_EVENT_ACTORS = 12  # a shared event links its actors only when it has at most this many
MAX_HOPS = 8  # the longest path searched
MAX_REACH = 200_000  # claim and actor rows one expansion may read; past it the search stops (incomplete)


@dataclass(slots=True)
class Step:
    """One hop: from one entity to the next, by a claim or a shared event, with its citations."""

    source: EntityRef
    target: EntityRef
    relation: str
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source.to_dict(), "target": self.target.to_dict(), "relation": self.relation,
                "citations": [c.to_dict() for c in self.citations]}


@dataclass(slots=True)
class PathResult:
    """Shortest paths between two entities (empty when they are not connected, or not within the search)."""

    source: EntityRef
    target: EntityRef
    paths: list[list[Step]] = field(default_factory=list)
    complete: bool = True  # False when the search stopped at MAX_HOPS or MAX_REACH without a path

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source.to_dict(), "target": self.target.to_dict(),
                "paths": [[s.to_dict() for s in path] for path in self.paths], "complete": self.complete}


def reach(conn: Connection, nodes: list[str]) -> int:
    """The claim and actor rows an expansion of these nodes reads (index-only counts)."""
    total = 0
    for part in in_chunks(nodes):
        for query in (select(func.count()).select_from(event_actors).where(event_actors.c.entity_id.in_(part)),
                      select(func.count()).select_from(claims).where(claims.c.subject_id.in_(part)),
                      select(func.count()).select_from(claims).where(claims.c.object_id.in_(part))):
            total += int(conn.execute(query).scalar() or 0)
    return total


def neighbours(conn: Connection, nodes: dict[str, str]) -> dict[str, set[str]]:
    """Cluster -> the clusters one claim about another entity, or one shared event of 2 to MAX_EVENT_ACTORS
    actors, away (for the clusters of `nodes`, node id -> cluster)."""
    pairs: list[tuple[str, str]] = []
    actors: dict[str, set[str]] = defaultdict(set)
    for part in in_chunks(nodes):
        pairs.extend(conn.execute(select(claims.c.subject_id, claims.c.object_id).where(
            claims.c.object_id.is_not(None), or_(claims.c.subject_id.in_(part), claims.c.object_id.in_(part)))))
        for event_id, node in conn.execute(
                select(event_reports.c.event_id, event_actors.c.entity_id)
                .join(event_actors, event_actors.c.report_id == event_reports.c.id)
                .where(event_reports.c.event_id.in_(took_part(part)))):
            actors[event_id].add(node)
    others = {n for pair in pairs for n in pair} | {n for found in actors.values() for n in found}
    canonical = {**canonical_map(conn, others - nodes.keys()), **nodes}
    linked: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        x, y = canonical.get(a), canonical.get(b)
        if x and y and x != y:
            linked[x].add(y)
            linked[y].add(x)
    for found in actors.values():
        clusters = {canonical[n] for n in found if n in canonical}
        if 2 <= len(clusters) <= MAX_EVENT_ACTORS:
            for cluster in clusters & set(nodes.values()):
                linked[cluster].update(clusters - {cluster})
    return linked


@dataclass(slots=True)
class Side:
    """One end of the search: each reached cluster's distance and the clusters it was reached from."""

    depth: dict[str, int]
    parents: dict[str, list[str]]
    frontier: set[str]

    @classmethod
    def at(cls, root: str) -> Side:
        return cls({root: 0}, {root: []}, {root})

    def expand(self, conn: Connection) -> bool:
        """Reach the next level; False when it would read more than MAX_REACH rows."""
        nodes = canonical_map(conn, self.frontier, of_clusters=True)
        if reach(conn, list(nodes)) > MAX_REACH:
            return False
        level = max(self.depth[n] for n in self.frontier) + 1
        fresh: set[str] = set()
        for cluster, linked in neighbours(conn, nodes).items():
            if cluster not in self.frontier:
                continue
            for other in linked:
                if self.depth.setdefault(other, level) == level:
                    self.parents.setdefault(other, []).append(cluster)
                    fresh.add(other)
        self.frontier = fresh
        return True

    def routes(self, node: str) -> Iterator[list[str]]:
        """Every path from the root to `node` (root first), in a stable order."""
        if not self.parents[node]:
            yield [node]
            return
        for parent in sorted(self.parents[node]):
            for route in self.routes(parent):
                yield [*route, node]


def search(conn: Connection, a: str, b: str, limit: int) -> tuple[list[list[str]], bool]:
    """Up to `limit` shortest cluster paths from a to b, and whether the search was complete."""
    sides = (Side.at(a), Side.at(b))
    while all(s.frontier for s in sides):
        if sum(max(s.depth.values()) for s in sides) >= MAX_HOPS:
            return [], False
        side, other = sorted(sides, key=lambda s: len(s.frontier))
        if not side.expand(conn):
            return [], False
        meets = {n: side.depth[n] + other.depth[n] for n in side.frontier if n in other.depth}
        if meets:
            best = min(meets.values())
            found = (forward + backward[::-1][1:] if side is sides[0] else backward + forward[::-1][1:]
                     for node in sorted(n for n, d in meets.items() if d == best)
                     for forward in side.routes(node) for backward in other.routes(node))
            return list(islice(found, limit)), True
    return [], True


def claim_step(conn: Connection, x: list[str], y: list[str]) -> list[Any]:
    """Up to three claims between the nodes of two clusters (either way), newest id first."""
    return list(conn.execute(
        select(claims.c.subject_id, claims.c.predicate, claims.c.object_id, claims.c.status, claims.c.article_id,
               claims.c.evidence)
        .where(or_(and_(claims.c.subject_id.in_(x), claims.c.object_id.in_(y)),
                   and_(claims.c.subject_id.in_(y), claims.c.object_id.in_(x))))
        .order_by(claims.c.id).limit(3)))


def shared_event(conn: Connection, x: list[str], y: list[str]) -> Any:
    """The latest event both clusters took part in that has at most MAX_EVENT_ACTORS actors."""
    both = select(events.c.id, events.c.type, events.c.date).where(
        events.c.id.in_(took_part(x)), events.c.id.in_(took_part(y))).order_by(
        events.c.date.desc().nulls_last(), events.c.id).limit(20)
    for row in conn.execute(both).all():
        actors = conn.execute(select(func.count(func.distinct(entities.c.canonical_id)))
                              .select_from(event_reports.join(event_actors,
                                                              event_actors.c.report_id == event_reports.c.id)
                                           .join(entities, entities.c.id == event_actors.c.entity_id))
                              .where(event_reports.c.event_id == row.id)).scalar() or 0
        if 2 <= actors <= MAX_EVENT_ACTORS:
            return row
    return None


def describe(conn: Connection, a: str, b: str, refs: dict[str, EntityRef], nodes: dict[str, str]) -> Step:
    """The step from a to b: its best link (a claim before an event), cited."""
    x = [n for n, c in nodes.items() if c == a]
    y = [n for n, c in nodes.items() if c == b]
    found = claim_step(conn, x, y)
    if found:
        subject, predicate, _, status = found[0][:4]
        left, right = (a, b) if subject in x else (b, a)
        relation = f"{refs[left].name} {predicate.replace('_', ' ')} {refs[right].name}"
        if status != "asserted":
            relation += f" ({status})"
        return Step(refs[a], refs[b], relation, citations(conn, [(r.article_id, r.evidence) for r in found]))
    event = shared_event(conn, x, y)
    if event is None:
        return Step(refs[a], refs[b], "linked")
    reports, _ = latest_reports(conn, [event.id], 3)
    cited = reports.get(event.id, [])
    relation = f"both in the {event.type} event of {event.date or 'unknown date'}"
    meta = article_meta(conn, {r.article_id for r in cited})
    return Step(refs[a], refs[b], relation, cite(meta, [(r.article_id, r.evidence) for r in cited]))


def shortest_paths(bind: Bind, source: str, target: str, limit: int = 3) -> PathResult:
    """Up to `limit` shortest paths between two entities (names or ids), every step cited.

    A breadth-first search from both ends, always widening the smaller side by one level; it gives up
    (`complete` False) past MAX_HOPS steps or when one level would read more than MAX_REACH rows."""
    with connect(bind) as conn:
        a, _ = resolve_target(conn, source)
        b, _ = resolve_target(conn, target)
        found, complete = search(conn, a, b, limit) if a != b else ([], True)
        refs = entity_refs(conn, {a, b} | {n for path in found for n in path})
        nodes = canonical_map(conn, {n for path in found for n in path}, of_clusters=True)
        result = PathResult(refs[a], refs[b], complete=complete)
        for path in found:
            result.paths.append([describe(conn, x, y, refs, nodes) for x, y in zip(path, path[1:], strict=False)])
        return result
