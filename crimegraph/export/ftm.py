"""FollowTheMoney export: entities, places, articles, events and claims as FtM entities (JSON lines)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from crimegraph.export.context import (
    article_countries,
    context_of,
    country_in_name,
    document_id,
    entity_ref,
    place_of,
)
from crimegraph.export.ftm_claims import claim_proxies
from crimegraph.export.snapshot import ArticleRecord, EntityRecord, EventRecord, Snapshot

SCHEMAS = {
    "PERSON": "Person",
    "STATE_ACTOR": "PublicBody",
    "ILLEGAL_GROUP": "Organization",
    "ORGANIZATION": "Organization",
    "LOCATION": "Address",
}
# Words that mark a state body as a security force (FtM topic gov.security).
SECURITY_WORDS = frozenset(
    "army armada ejercito ejército military militar police policia policía guard guardia force forces fuerza "
    "fuerzas navy marina intelligence inteligencia counterintelligence contrainteligencia".split())
PUBLISHER = "crimegraph"


def article_proxy(article: ArticleRecord, with_text: bool = True) -> EntityProxy:
    """An Article document for a source article; facts point to it through `proof`."""
    proxy = model.make_entity("Article")
    proxy.id = document_id(article.id)
    proxy.add("title", article.title or article.id)
    proxy.add("name", article.title or article.id)
    proxy.add("fileName", article.id)
    proxy.add("publishedAt", article.date)
    proxy.add("language", article.language)
    proxy.add("sourceUrl", article.url)
    proxy.add("publisher", article.source)
    proxy.add("contentHash", article.content_hash)
    if with_text:
        proxy.add("bodyText", article.text)
    return proxy


def entity_proxy(entity: EntityRecord, context: list[str]) -> EntityProxy:
    """A Person, PublicBody, Organization or Address for a resolved entity, with proof of every mention."""
    schema = SCHEMAS.get(entity.type, "LegalEntity")
    proxy = model.make_entity(schema)
    proxy.id = entity_ref(entity.id)
    proxy.add("name", entity.name)
    proxy.add("proof", [document_id(a) for a in entity.articles])
    proxy.add("description", f"crimegraph {entity.type}; mentioned in {len(entity.articles)} article(s)")
    if schema == "Address":
        _address(proxy, entity, context)
        return proxy
    proxy.add("alias", entity.aliases)
    if entity.type == "ILLEGAL_GROUP":
        proxy.add("topics", "crime")
    if entity.type == "STATE_ACTOR":
        proxy.add("topics", "gov.security" if _is_security(entity.name) else "gov")
    if entity.type in ("STATE_ACTOR", "ORGANIZATION", "ILLEGAL_GROUP"):
        proxy.add("country", country_in_name(entity.name))
    return proxy


def _is_security(name: str) -> bool:
    return any(word in SECURITY_WORDS for word in name.casefold().split())


def _address(proxy: EntityProxy, entity: EntityRecord, context: list[str]) -> None:
    proxy.add("full", entity.name)
    place = place_of(entity, None, context)
    if place is None:
        return
    proxy.add("country", place.country)
    proxy.add("latitude", str(place.latitude))
    proxy.add("longitude", str(place.longitude))
    proxy.add("state", place.admin1)
    if place.kind in ("city", "site", "admin2"):
        proxy.add("city", place.name)


def event_proxy(event: EventRecord, snap: Snapshot, context: list[str]) -> EntityProxy:
    """An Event with its date, place, involved actors, counts and the reports that describe it."""
    proxy = model.make_entity("Event")
    proxy.id = entity_ref(event.id)
    proxy.add("name", event_name(event))
    proxy.add("date", event.date)
    proxy.add("keywords", event.type)
    proxy.add("location", event.location)
    place_entity = snap.entity(event.location_id)
    place = place_of(place_entity, event.location, context)
    if place is not None:
        proxy.add("country", place.country)
    if place_entity is not None and place_entity.type == "LOCATION":
        proxy.add("addressEntity", entity_ref(place_entity.id))
    for actor_id in event.actor_ids:
        actor = snap.entity(actor_id)
        if actor is None:
            continue
        if actor.type == "LOCATION":
            where = place_of(actor, None, context)
            proxy.add("country", where.country if where and where.kind == "country" else None)
            proxy.add("namesMentioned", actor.name)
        else:
            proxy.add("involved", entity_ref(actor.id))
    counts = [f"{k}: {v}" for k, v in (("fatalities", event.fatalities), ("arrested", event.arrested)) if v is not None]
    proxy.add("description", "; ".join([f"crimegraph event type: {event.type}", *counts,
                                        f"reports: {len(event.reports)}"]))
    proxy.add("summary", [e.get("text") for r in event.reports for e in r.evidence if e.get("text")])
    proxy.add("recordId", [r.id for r in event.reports])
    proxy.add("proof", [document_id(a) for a in event.article_ids])
    proxy.add("publisher", [snap.articles[a].source for a in event.article_ids if a in snap.articles])
    return proxy


def event_name(event: EventRecord) -> str:
    """A readable event name: 'Arrest in Caracas, 2019-01-21'."""
    name = event.type.replace("_", " ").capitalize()
    if event.location:
        name += f" in {event.location}"
    if event.date:
        name += f", {event.date}"
    return name


def ftm_entities(snap: Snapshot, with_text: bool = True) -> Iterator[EntityProxy]:
    """Every FtM entity of the knowledge base: articles, entities, events, then claims."""
    countries = article_countries(snap)
    for article in snap.articles.values():
        yield article_proxy(article, with_text)
    for entity in snap.entities.values():
        yield entity_proxy(entity, context_of(entity.articles, countries))
    for event in snap.events:
        yield event_proxy(event, snap, context_of(event.article_ids, countries))
    yield from claim_proxies(snap)


def write_ftm(snap: Snapshot, out: IO[str], with_text: bool = True) -> int:
    """Write FtM JSON lines; how many entities were written."""
    count = 0
    for proxy in ftm_entities(snap, with_text):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
