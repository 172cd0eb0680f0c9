"""Claims as FtM relations: Occupancy/Position, Directorship, Membership, Sanction, Note and UnknownLink."""

from __future__ import annotations

from collections.abc import Iterator

from followthemoney import model
from followthemoney.proxy import EntityProxy

from crimegraph.export.context import country_in_name, document_id, short_hash
from crimegraph.export.places import country_code
from crimegraph.export.snapshot import ClaimRecord, EntityRecord, Snapshot, group_claims
from crimegraph.resolve.names import fold

ORGANISATIONS = frozenset({"STATE_ACTOR", "ORGANIZATION", "ILLEGAL_GROUP"})
ACTIVITY_TOPICS = {
    "drug_trafficking": "crime.traffick.drug",
    "human_trafficking": "crime.traffick.human",
    "migrant_smuggling": "crime.traffick.human",
    "arms_trafficking": "crime.traffick",
    "fuel_smuggling": "crime.traffick",
    "contraband": "crime.traffick",
    "money_laundering": "crime.fin",
    "illegal_mining": "crime.env",
    "illegal_logging": "crime.env",
    "corruption": "crime.fraud",
}
def claim_proxies(snap: Snapshot) -> Iterator[EntityProxy]:
    """One FtM relation per (subject, predicate, object), carrying every claim's status, source and proof."""
    positions: set[str] = set()
    for (subject_id, predicate, _), group in group_claims(snap).items():
        subject = snap.entity(subject_id)
        if subject is None:
            continue
        obj = snap.entity(group[0].object_id)
        for proxy in relation(subject, predicate, obj, group):
            if proxy.schema.name == "Position":
                if proxy.id in positions:
                    continue
                positions.add(str(proxy.id))
            else:
                provenance(proxy, group, snap)
            yield proxy


def relation(subject: EntityRecord, predicate: str, obj: EntityRecord | None,
             group: list[ClaimRecord]) -> list[EntityProxy]:
    """The FtM entities expressing one relation (a Position comes first when one is needed)."""
    rid = f"cg-rel-{short_hash(subject.id, predicate, obj.id if obj else fold(group[0].object))}"
    if predicate == "sanctioned_by":
        return [sanction(rid, subject, obj, group[0].object)]
    if predicate == "involved_in":
        return [note(rid, subject, group[0].object)]
    if obj is None or subject.type == "LOCATION":
        return [link(rid, subject, predicate, obj, group[0].object)]
    if predicate == "holds_position":
        return held(rid, subject, obj)
    if predicate == "member_of" and obj.type in ORGANISATIONS:
        return [edge("Membership", rid, ("member", subject), ("organization", obj), predicate)]
    return [link(rid, subject, predicate, obj, group[0].object)]


def held(rid: str, subject: EntityRecord, body: EntityRecord) -> list[EntityProxy]:
    """A person's office in a state body (Occupancy of a Position) or a post in any other organisation."""
    if subject.type == "PERSON" and body.type in ("STATE_ACTOR", "LOCATION"):
        post = position(body)
        occupancy = model.make_entity("Occupancy")
        occupancy.id = rid
        occupancy.add("holder", f"cg-{subject.id}")
        occupancy.add("post", post.id)
        return [post, occupancy]
    if body.type in ORGANISATIONS:
        return [edge("Directorship", rid, ("director", subject), ("organization", body), "holds_position")]
    return [link(rid, subject, "holds_position", body, body.name)]


def position(body: EntityRecord) -> EntityProxy:
    """The Position of an office in a body (one per body: the claims do not say which office)."""
    post = model.make_entity("Position")
    post.id = f"cg-pos-{short_hash(body.id)}"
    post.add("name", f"Position in {body.name}")
    if body.type == "STATE_ACTOR":
        post.add("organization", f"cg-{body.id}")
        post.add("country", country_in_name(body.name))
    else:
        post.add("country", country_code(body.name))
    return post


def edge(schema: str, rid: str, source: tuple[str, EntityRecord], target: tuple[str, EntityRecord],
         predicate: str) -> EntityProxy:
    """An Interest relation (Membership, Directorship) between two entities."""
    proxy = model.make_entity(schema)
    proxy.id = rid
    proxy.add(source[0], f"cg-{source[1].id}")
    proxy.add(target[0], f"cg-{target[1].id}")
    proxy.add("role", predicate.replace("_", " "))
    return proxy


def link(rid: str, subject: EntityRecord, predicate: str, obj: EntityRecord | None, text: str) -> EntityProxy:
    """A relation FtM has no schema for ('supports', 'opposes', or odd subject/object types)."""
    proxy = model.make_entity("UnknownLink")
    proxy.id = rid
    proxy.add("subject", f"cg-{subject.id}")
    if obj is not None:
        proxy.add("object", f"cg-{obj.id}")
    else:
        proxy.add("namesMentioned", text)
    proxy.add("role", predicate.replace("_", " "))
    return proxy


def sanction(rid: str, subject: EntityRecord, authority: EntityRecord | None, text: str) -> EntityProxy:
    """A Sanction on the subject by the state or body the claim names."""
    proxy = model.make_entity("Sanction")
    proxy.id = rid
    proxy.add("entity", f"cg-{subject.id}")
    name = authority.name if authority else text
    proxy.add("authority", name)
    proxy.add("country", country_code(name) or country_in_name(name))
    return proxy


def note(rid: str, subject: EntityRecord, activity: str) -> EntityProxy:
    """A Note on the subject saying which criminal activity a claim ties it to."""
    proxy = model.make_entity("Note")
    proxy.id = rid
    proxy.add("entity", f"cg-{subject.id}")
    proxy.add("name", f"Involved in {activity.replace('_', ' ')}")
    proxy.add("keywords", activity)
    proxy.add("topics", ACTIVITY_TOPICS.get(activity, "crime"))
    return proxy


def provenance(proxy: EntityProxy, group: list[ClaimRecord], snap: Snapshot) -> None:
    """Status, source, evidence and articles of the claims behind a relation (see docs/interop.md)."""
    for claim in group:
        line = f"crimegraph claim: {claim.predicate}; status: {claim.status}"
        if claim.source:
            line += f"; source: {claim.source}"
        proxy.add("description", line)
        proxy.add("summary", [e.get("text") for e in claim.evidence if e.get("text")])
        if proxy.schema.is_a("Interest"):
            proxy.add("status", claim.status)
        article = snap.articles.get(claim.article_id)
        if article is not None:
            proxy.add("proof", document_id(article.id))
            proxy.add("publisher", article.source)
            proxy.add("sourceUrl", article.url)
        if proxy.schema.is_a("Interval"):
            proxy.add("recordId", claim.id)
