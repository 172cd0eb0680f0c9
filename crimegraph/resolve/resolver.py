"""Cross-article entity resolution: block, score with features, record judgements, recompute clusters."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import Connection, or_, select

from crimegraph.extract.entities.kinship import introduced_as_relative
from crimegraph.resolve import clusters
from crimegraph.resolve.blocking import candidates, index_keys
from crimegraph.resolve.features import NAME_FEATURES, PENALTIES, VETO, VETOES, Node, shared_context
from crimegraph.resolve.names import person_tokens
from crimegraph.resolve.roles import position_countries, roles_conflict
from crimegraph.store.db import in_chunks
from crimegraph.store.queries import canonical_map
from crimegraph.store.tables import RESOLVER, SAME, entities, judgements, mentions, names

THRESHOLD = 0.7
STRONG = 0.9
MARGIN = 0.1


@dataclass(slots=True)
class Decision:
    """A scored pair and the features that fired."""

    left: str
    right: str
    score: float
    features: dict[str, float] = field(default_factory=dict)


def name_score(a: Node, b: Node) -> Decision:
    """Score two nodes on their names: a veto gives 0, else the best name feature less penalties."""
    fired: dict[str, float] = {}
    for veto in VETOES:
        if veto(a, b) == VETO:
            return Decision(a.id, b.id, 0.0, {veto.__name__: VETO})
    for feature in NAME_FEATURES:
        value = feature(a, b)
        if value is not None:
            fired[feature.__name__] = value
    if not fired:
        return Decision(a.id, b.id, 0.0, {})
    score = max(fired.values())
    for penalty in PENALTIES:
        value = penalty(a, b)
        if value is not None:
            fired[penalty.__name__] = -value
            score -= value
    return Decision(a.id, b.id, round(max(score, 0.0), 3), fired)


def load_nodes(conn: Connection, ids: Collection[str]) -> dict[str, Node]:
    """Nodes with all their surface forms."""
    found: dict[str, Node] = {}
    for part in in_chunks(ids):
        for node, key, name, type_ in conn.execute(
                select(entities.c.id, entities.c.key, entities.c.name, entities.c.type)
                .where(entities.c.id.in_(part))):
            country = key.rsplit("@", 1)[1] if "@" in key else None
            found[node] = Node(node, name, type_, [], country)
        for node, name in conn.execute(select(names.c.entity_id, names.c.name).where(names.c.entity_id.in_(part))):
            found[node].names.append(name)
    return found


class Resolver:
    """Links new or renamed nodes to the nodes they share a blocking key with."""

    def __init__(self, conn: Connection, threshold: float = THRESHOLD) -> None:
        self.conn = conn
        self.threshold = threshold
        self._context: dict[str, set[str]] = {}
        self._articles: dict[str, set[str]] = {}
        self._relatives: dict[str, bool] = {}
        self._roles: dict[str, frozenset[str]] = {}
        self._canonical: dict[str, str] = {}
        self._nodes: dict[str, Node] = {}

    def resolve(self, touched: Collection[str]) -> list[Decision]:
        """Score touched nodes against their candidates, record merges, recompute clusters; the merges."""
        if not touched:
            return []
        pool = candidates(self.conn, index_keys(self.conn, touched))
        judged = self.judged(touched)
        wanted = set(pool) | set().union(*pool.values()) if pool else set()
        nodes = self._nodes = load_nodes(self.conn, wanted)
        self._canonical = canonical_map(self.conn, wanted)
        decisions: list[Decision] = []
        seen: set[tuple[str, str]] = set()
        for node, others in pool.items():
            for other in others:
                key = clusters.pair(node, other)
                if key in judged or key in seen or node not in nodes or other not in nodes:
                    continue
                seen.add(key)
                decision = self.score(nodes[node], nodes[other])
                if decision.score >= self.threshold:
                    decisions.append(decision)
        merged = self.accept(decisions)
        for decision in merged:
            clusters.record(self.conn, decision.left, decision.right, SAME, RESOLVER,
                            decision.score, decision.features)
        if merged:
            clusters.recompute(self.conn)
        return merged

    def score(self, a: Node, b: Node) -> Decision:
        """Name score, plus shared context when the names alone are not enough; 0 for two people an article
        told apart."""
        decision = name_score(a, b)
        if decision.score > 0.0 and self.apart(a, b):
            return Decision(a.id, b.id, 0.0, {"apart_in_one_article": VETO})
        if decision.score > 0.0 and a.family == b.family == "person" and self.relative(a.id) != self.relative(b.id):
            return Decision(a.id, b.id, 0.0, {"relative_of_namesake": VETO})
        if decision.score > 0.0 and a.family == b.family == "person" and roles_conflict(self.roles(a.id),
                                                                                        self.roles(b.id)):
            return Decision(a.id, b.id, 0.0, {"conflicting_roles": VETO})
        if needs_context(decision, a, self.threshold):
            shared = self.shared(a.id, b.id)
            bonus = shared_context(shared)
            if bonus:
                decision.features["shared_context"] = bonus
                decision.score = round(min(1.0, decision.score + bonus), 3)
        return decision

    def accept(self, decisions: list[Decision]) -> list[Decision]:
        """Strongest first; a weaker link is skipped when it would tie a node to two clusters about as well."""
        decisions.sort(key=lambda d: (-d.score, d.left, d.right))
        canon = dict(self._canonical)
        by_node: dict[str, list[Decision]] = {}
        for decision in decisions:
            by_node.setdefault(decision.left, []).append(decision)
            by_node.setdefault(decision.right, []).append(decision)
        accepted: list[Decision] = []
        for decision in decisions:
            if decision.score < STRONG and self.ambiguous(decision, by_node, canon):
                continue
            accepted.append(decision)
            old, new = canon.get(decision.right, decision.right), canon.get(decision.left, decision.left)
            for node, root in list(canon.items()):
                if root == old:
                    canon[node] = new
            canon[decision.right] = new
        return accepted

    def ambiguous(self, decision: Decision, by_node: dict[str, list[Decision]], canon: dict[str, str]) -> bool:
        """Whether a side of the pair is about as close to another cluster whose names clash with this one."""
        for node in (decision.left, decision.right):
            other = decision.right if node == decision.left else decision.left
            target = canon.get(other, other)
            for rival in by_node.get(node, []):
                rival_other = rival.right if rival.left == node else rival.left
                if canon.get(rival_other, rival_other) == target or rival.score <= decision.score - MARGIN:
                    continue
                if name_score(self._nodes[other], self._nodes[rival_other]).score == 0.0:
                    return True
        return False

    def apart(self, a: Node, b: Node) -> bool:
        """Whether two people's full names are two entities of one article ('Nicolás Maduro' and his son
        'Nicolás Maduro Guerra' in one story): the article told them apart."""
        if a.family != "person" or b.family != "person":
            return False
        if len(person_tokens(a.name)) < 2 or len(person_tokens(b.name)) < 2:
            return False
        return bool(self.articles(a.id) & self.articles(b.id))

    def relative(self, node: str) -> bool:
        """Whether an article introduces this person as somebody's relative (see extract.kinship)."""
        if node not in self._relatives:
            self._relatives.update(relatives(self.conn, [node]))
        return self._relatives[node]

    def roles(self, node: str) -> frozenset[str]:
        """The countries of the state bodies a person's position claims name (see resolve.roles)."""
        if node not in self._roles:
            self._roles.update(position_countries(self.conn, [node]))
        return self._roles[node]

    def articles(self, node: str) -> set[str]:
        """The articles that mention a node."""
        if node not in self._articles:
            self._articles.update(articles_of(self.conn, [node]))
        return self._articles[node]

    def judged(self, touched: Collection[str]) -> set[tuple[str, str]]:
        """Pairs that already have a judgement (never judged again by the resolver)."""
        found: set[tuple[str, str]] = set()
        for part in in_chunks(touched):
            rows = self.conn.execute(select(judgements.c.left_id, judgements.c.right_id).where(
                or_(judgements.c.left_id.in_(part), judgements.c.right_id.in_(part))))
            found.update(clusters.pair(a, b) for a, b in rows)
        return found

    def context(self, node: str) -> set[str]:
        """Clusters of the non-place nodes mentioned in the same articles as `node`."""
        if node not in self._context:
            other = mentions.alias("other")
            rows = self.conn.execute(
                select(entities.c.canonical_id).distinct()
                .select_from(mentions.join(other, other.c.article_id == mentions.c.article_id)
                             .join(entities, entities.c.id == other.c.entity_id))
                .where(mentions.c.entity_id == node, entities.c.type != "LOCATION"))
            self._context[node] = set(rows.scalars())
        return self._context[node]

    def shared(self, a: str, b: str) -> int:
        own = {self._canonical.get(a, a), self._canonical.get(b, b), a, b}
        return len((self.context(a) & self.context(b)) - own)


def needs_context(decision: Decision, a: Node, threshold: float) -> bool:
    """Whether the names alone do not decide a pair: below the threshold, or a person's below STRONG."""
    return 0.0 < decision.score < threshold or (0.0 < decision.score < STRONG and a.family == "person")


def articles_of(conn: Connection, nodes: Collection[str]) -> dict[str, set[str]]:
    """Per node, the articles that mention it (every node asked for is a key)."""
    found: dict[str, set[str]] = {node: set() for node in nodes}
    for part in in_chunks(nodes):
        for node, article in conn.execute(select(mentions.c.entity_id, mentions.c.article_id).distinct()
                                          .where(mentions.c.entity_id.in_(part))):
            found[node].add(article)
    return found


def relatives(conn: Connection, nodes: Collection[str]) -> dict[str, bool]:
    """Per person node, whether a mention's sentence introduces one of its full names as a relative."""
    found = {node: False for node in nodes}
    for part in in_chunks(nodes):
        for node, name, aliases, evidence in conn.execute(
                select(mentions.c.entity_id, mentions.c.name, mentions.c.aliases, mentions.c.evidence)
                .where(mentions.c.entity_id.in_(part))):
            if found[node]:
                continue
            forms = [f for f in {name, *(aliases or [])} if len(person_tokens(f)) >= 2]
            sentences = [str(item.get("text") or "") for item in evidence or [] if isinstance(item, dict)]
            found[node] = any(introduced_as_relative(f, s) for f in forms for s in sentences)
    return found
