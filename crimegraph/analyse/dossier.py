"""The one dossier of an entity, for the CLI, the HTML page and the JSON API alike."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection, or_, select

from crimegraph.analyse.claims import entity_claims
from crimegraph.analyse.common import article_refs, citation, cluster_of
from crimegraph.analyse.events import entity_events
from crimegraph.analyse.facts import Fact, facts
from crimegraph.analyse.refs import EntityRef, entity_refs
from crimegraph.analyse.ties import ARTICLES, Tie, ties
from crimegraph.store.db import in_chunks
from crimegraph.store.latest import count_claims, recent_articles
from crimegraph.store.queries import article_count, canonical_map
from crimegraph.store.tables import claims, entities, judgements, mentions, names

ALLEGES = 50  # claims the entity makes about others: the latest (claim_count["alleges"] says how many)
EVENTS = 25  # events: the latest (event_count says how many), each with its latest reports and report_count
MENTIONS = 50  # mentioning articles: the latest (entity.articles says how many), SPANS sentences each
SPANS = 3
NAME_SAMPLE = 100  # the latest articles whose mentions count the names
TIES = 15

__all__ = ["Dossier", "NameCount", "dossier"]


class NameCount(NamedTuple):
    """A name or alias of the entity and in how many of the sampled articles it is used."""

    name: str
    uses: int


@dataclass(slots=True)
class Dossier:
    """Everything the knowledge base says about one entity, every part cited the same way ({article,
    evidence}): its stored type and article count, names with counts, merged nodes, every claim about it
    grouped into counted facts per section, the latest claims it makes, events, mentions, ties, judgements."""

    entity: EntityRef
    names: list[NameCount]
    members: list[dict[str, Any]]
    facts: dict[str, list[Fact]]
    claim_count: dict[str, int]
    alleges: list[dict[str, Any]]
    events: list[dict[str, Any]]
    event_count: int
    mentions: list[dict[str, Any]]
    ties: list[Tie]
    judgements: list[dict[str, Any]]

    @property
    def nodes(self) -> list[str]:
        """The ids of the nodes merged into the entity."""
        return [m["id"] for m in self.members]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity.to_dict(),
            "names": [{"name": n.name, "count": n.uses} for n in self.names],
            "members": self.members,
            "facts": {section: [f.to_dict() for f in listed] for section, listed in self.facts.items()},
            "claim_count": self.claim_count,
            "alleges": self.alleges,
            "events": self.events,
            "event_count": self.event_count,
            "mentions": self.mentions,
            "ties": [t.to_dict() for t in self.ties],
            "judgements": self.judgements,
        }


def name_counts(conn: Connection, nodes: list[str], sample: list[str]) -> list[NameCount]:
    """Every name and alias recorded for the entity, with how many of the `sample` articles use it."""
    counts: Counter[str] = Counter()
    for part in in_chunks(nodes):
        for name in conn.execute(select(names.c.name).where(names.c.entity_id.in_(part))).scalars():
            counts[name] += 0
    for part in in_chunks(sample):
        for name, aliases in conn.execute(select(mentions.c.name, mentions.c.aliases).where(
                mentions.c.article_id.in_(part), mentions.c.entity_id.in_(nodes))):
            counts.update({name, *(aliases or [])})
    return [NameCount(n, c) for n, c in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def mention_citations(conn: Connection, nodes: list[str], latest: list[str]) -> list[dict[str, Any]]:
    """The `latest` articles that mention the entity (in that order), each with the sentences that do."""
    order = {article_id: i for i, article_id in enumerate(latest)}
    rows = sorted(conn.execute(select(mentions.c.article_id, mentions.c.entity_id, mentions.c.name,
                                      mentions.c.evidence)
                               .where(mentions.c.article_id.in_(latest), mentions.c.entity_id.in_(nodes))).all(),
                  key=lambda r: (order[r.article_id], r.entity_id))
    papers = article_refs(conn, set(latest))
    return [{**citation(papers.get(r.article_id), r.article_id, r.evidence, SPANS), "name": r.name} for r in rows]


def judgements_of(conn: Connection, nodes: list[str], limit: int = 50) -> list[dict[str, Any]]:
    """The latest merge and split judgements touching the entity's nodes."""
    rows = conn.execute(select(judgements).where(or_(judgements.c.left_id.in_(nodes), judgements.c.right_id.in_(nodes)))
                        .order_by(judgements.c.id.desc()).limit(limit)).mappings()
    return [{**row, "created_at": str(row["created_at"])} for row in rows]


def member_nodes(conn: Connection, nodes: list[str]) -> list[dict[str, Any]]:
    """The nodes merged into the entity (each a name as first seen), for review and splitting."""
    rows = conn.execute(select(entities.c.id, entities.c.name, entities.c.type).where(entities.c.id.in_(nodes))
                        .order_by(entities.c.name, entities.c.id))
    return [{"id": r.id, "name": r.name, "type": r.type} for r in rows]


def dossier(conn: Connection, node: str) -> Dossier | None:
    """The dossier of the entity a node id belongs to (None when unknown).

    Facts are complete (every claim about it, grouped and counted in SQL, each citing its latest CITATIONS
    claims); the other lists are the latest ALLEGES claims it makes, EVENTS events, MENTIONS articles, with
    their totals beside them; names are counted over the latest NAME_SAMPLE articles; ties are weighed over
    the entity's latest claims, reports and articles (analyse/ties.py)."""
    nodes = sorted(cluster_of(conn, node))
    if not nodes:
        return None
    canonical = canonical_map(conn, [node])[node]
    head = entity_refs(conn, [canonical], counted=False)[canonical]
    ref = EntityRef(head.id, head.name, head.type, article_count(conn, nodes))
    latest = recent_articles(conn, nodes, max(MENTIONS, NAME_SAMPLE, ARTICLES), ref.articles)
    alleges, alleges_count = entity_claims(conn, nodes, ("source",), ALLEGES)
    found_events, event_count = entity_events(conn, nodes, EVENTS)
    about = count_claims(conn, or_(claims.c.subject_id.in_(nodes), claims.c.object_id.in_(nodes)))
    return Dossier(
        entity=ref,
        names=name_counts(conn, nodes, latest[:NAME_SAMPLE]),
        members=member_nodes(conn, nodes),
        facts=facts(conn, nodes),
        claim_count={"about": about, "alleges": alleges_count},
        alleges=alleges,
        events=found_events,
        event_count=event_count,
        mentions=mention_citations(conn, nodes, latest[:MENTIONS]),
        ties=ties(conn, canonical, nodes, latest, TIES),
        judgements=judgements_of(conn, nodes),
    )
