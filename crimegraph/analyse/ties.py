"""The actors most tied to an entity: shared claims, shared events, shared articles; each tie cited."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, case, distinct, func, or_, select

from crimegraph.analyse.common import article_refs, citation
from crimegraph.analyse.refs import EntityRef, entity_refs
from crimegraph.store.db import in_chunks
from crimegraph.store.latest import count_claims, latest_claim_ids, latest_reported
from crimegraph.store.queries import canonical_map
from crimegraph.store.tables import claims, entities, event_actors, event_reports, mentions

CLAIMS = 500  # ties are weighed over the entity's latest this many claims,
REPORTS = 1000  # the events of its latest this many event reports,
ARTICLES = 200  # and its latest this many articles


@dataclass(slots=True)
class Tie:
    """Another actor (id, name, type; its article total is not counted) and how strongly it is tied: shared
    claims, shared events, shared articles, and a sentence from a shared article."""

    entity: EntityRef
    weight: int
    claims: int = 0
    events: int = 0
    articles: int = 0
    citations: list[dict[str, Any]] = field(default_factory=list)  # {article, evidence}, as every dossier part

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.entity.id, "name": self.entity.name, "type": self.entity.type, "weight": self.weight,
                "claims": self.claims, "events": self.events, "shared_articles": self.articles,
                "citations": self.citations}


def claim_pairs(conn: Connection, nodes: list[str]) -> list[tuple[str, str]]:
    """(other node, claim id) for the entity's latest CLAIMS claims as subject or object."""
    count = count_claims(conn, or_(claims.c.subject_id.in_(nodes), claims.c.object_id.in_(nodes)))
    pairs: list[tuple[str, str]] = []
    for part in in_chunks(latest_claim_ids(conn, nodes, ("subject", "object"), CLAIMS, count)):
        for claim_id, subject, obj in conn.execute(select(claims.c.id, claims.c.subject_id, claims.c.object_id)
                                                   .where(claims.c.id.in_(part))):
            pairs.extend((node, claim_id) for node in (subject, obj) if node)
    return pairs


def event_pairs(conn: Connection, nodes: list[str]) -> list[tuple[str, str]]:
    """(actor node, event id) for the events of the entity's latest REPORTS event reports."""
    found, _ = latest_reported(conn, nodes, REPORTS)
    pairs: list[tuple[str, str]] = []
    for part in in_chunks(found):
        pairs.extend((str(n), str(e)) for e, n in conn.execute(
            select(event_reports.c.event_id, event_actors.c.entity_id).distinct()
            .join(event_actors, event_actors.c.report_id == event_reports.c.id)
            .where(event_reports.c.event_id.in_(part))))
    return pairs


def article_shares(conn: Connection, latest: list[str], wanted: Collection[str],
                   limit: int) -> dict[str, tuple[int, str]]:
    """Canonical id -> (how many, the first by id) of the `latest` articles (one IN list) that mention it, for
    the `wanted` clusters (those sharing claims or events) and the `limit` + 1 others in most of them: enough
    to rank the top `limit` ties exactly, since any other cluster shares no claim, no event and no more
    articles than those. Counted in SQL per cluster; a busy entity's articles mention thousands."""
    counted = func.count(distinct(mentions.c.article_id))
    asked = case((entities.c.canonical_id.in_(sorted(wanted)), 0), else_=1)
    return {str(canonical): (int(count), str(first)) for canonical, count, first in conn.execute(
        select(entities.c.canonical_id, counted, func.min(mentions.c.article_id))
        .join(entities, entities.c.id == mentions.c.entity_id)
        .where(mentions.c.article_id.in_(latest)).group_by(entities.c.canonical_id)
        .order_by(asked, counted.desc(), entities.c.canonical_id).limit(len(wanted) + limit + 1))}


def ties(conn: Connection, canonical: str, nodes: Collection[str], latest: list[str], limit: int = 10) -> list[Tie]:
    """The actors most tied to the entity: 3 per shared claim, 2 per shared event, 1 per shared article,
    over its latest CLAIMS claims, the events of its latest REPORTS reports and the first ARTICLES of
    `latest`, its articles newest first (all of them for most entities)."""
    ordered = sorted(nodes)
    kinds = (claim_pairs(conn, ordered), event_pairs(conn, ordered))
    canonical_ids = canonical_map(conn, {n for pairs in kinds for n, _ in pairs})
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for slot, pairs in enumerate(kinds):
        for target, _ in {(canonical_ids.get(n), item) for n, item in pairs}:
            if target and target != canonical:
                totals[target][slot] += 1
    shares = article_shares(conn, latest[:ARTICLES], set(totals), limit)
    for target, (count, _) in shares.items():
        if target != canonical:
            totals[target][2] = count
    ranked = sorted(totals.items(), key=lambda kv: (-(3 * kv[1][0] + 2 * kv[1][1] + kv[1][2]), kv[0]))[:limit]
    refs = entity_refs(conn, [k for k, _ in ranked], counted=False)
    cited = together(conn, ordered, {k: shares[k][1] for k, _ in ranked if k in shares})
    return [Tie(refs[k], 3 * c + 2 * e + a, c, e, a, cited.get(k, [])) for k, (c, e, a) in ranked if k in refs]


def together(conn: Connection, nodes: Collection[str], shared: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """For each other entity (canonical id -> an article it shares with the entity): a sentence naming both
    in that article, else one naming the other entity there; in three queries for all of them."""
    cluster: dict[str, str] = {}
    for part in in_chunks(shared):
        cluster.update((str(node), str(canonical)) for node, canonical in conn.execute(
            select(entities.c.id, entities.c.canonical_id).where(entities.c.canonical_id.in_(part))))
    own: dict[str, set[str]] = defaultdict(set)
    theirs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for part in in_chunks(set(shared.values())):
        for article_id, node, evidence in conn.execute(
                select(mentions.c.article_id, mentions.c.entity_id, mentions.c.evidence)
                .where(mentions.c.article_id.in_(part), mentions.c.entity_id.in_([*nodes, *cluster]))
                .order_by(mentions.c.article_id, mentions.c.entity_id)):
            if node in cluster:
                theirs[(cluster[node], article_id)].extend(evidence or [])
            else:
                own[article_id].update(e.get("text", "") for e in evidence or [])
    papers = article_refs(conn, set(shared.values()))
    found: dict[str, list[dict[str, Any]]] = {}
    for other, article_id in shared.items():
        said = theirs[(other, article_id)]
        both = [e for e in said if e.get("text") in own[article_id]] or said
        found[other] = [citation(papers.get(article_id), article_id, both[:1])]
    return found
