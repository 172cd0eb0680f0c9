"""One article: its text cut into segments that mark entity mentions, claim sentences and a cited span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from crimegraph.analyse.claims import claims_where
from crimegraph.analyse.common import Answer, entity_names
from crimegraph.analyse.events import events_where
from crimegraph.analyse.refs import display_title
from crimegraph.store.tables import articles, claims, event_reports, events, mentions

RANK = {"denied": 1, "asserted": 2, "alleged": 3}


@dataclass(slots=True)
class ArticleView(Answer):
    """One article: its text, mentions, claims and events, and the text in marked segments."""

    id: str
    title: str
    date: str | None
    language: str | None
    source: str | None
    url: str | None
    text: str
    mentions: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    events: list[dict[str, Any]]
    segments: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Mark:
    """A character range of the text and what it marks."""

    start: int
    end: int
    kind: str
    value: Any


def locate(text: str, span: dict[str, Any]) -> tuple[int, int] | None:
    """Where an evidence sentence is in the text: its own offsets when they fit, else where its words are."""
    start, end, words = span.get("start", 0), span.get("end", 0), " ".join(str(span.get("text", "")).split())
    if 0 <= start < end <= len(text) and (not words or " ".join(text[start:end].split()) == words):
        return start, end
    found = text.find(words) if words else -1
    return (found, found + len(words)) if found >= 0 else None


def name_marks(text: str, found: list[tuple[list[str], dict[str, str]]]) -> list[Mark]:
    """Every whole-word occurrence of each entity's names, longest names first, none overlapping."""
    hits: list[Mark] = []
    for forms, ref in found:
        for form in sorted({f for f in forms if len(f.strip()) > 1}, key=len, reverse=True):
            pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
            hits.extend(Mark(m.start(), m.end(), "entity", ref) for m in pattern.finditer(text))
    hits.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mark] = []
    for mark in hits:
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    return kept


def segments(text: str, marks: list[Mark]) -> list[dict[str, Any]]:
    """The text as consecutive pieces, each with the entity, the claim status and whether it is cited."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    order = sorted(marks, key=lambda m: m.start)
    pieces: list[dict[str, Any]] = []
    covering: list[Mark] = []
    index = 0
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in covering if m.end > start]
        while index < len(order) and order[index].start <= start:
            if order[index].end > start:
                covering.append(order[index])
            index += 1
        entity = next((m.value for m in covering if m.kind == "entity"), None)
        statuses = [m.value for m in covering if m.kind == "claim"]
        piece = {"text": text[start:end], "start": start, "entity": entity,
                 "claim": max(statuses, key=lambda s: RANK.get(s, 0)) if statuses else None,
                 "cited": any(m.kind == "cited" for m in covering)}
        last = pieces[-1] if pieces else None
        if last and all(last[k] == piece[k] for k in ("entity", "claim", "cited")):
            last["text"] += piece["text"]
        else:
            pieces.append(piece)
    return pieces


def article_mentions(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    """The entities the article mentions, resolved, with the names it uses and the sentences."""
    rows = conn.execute(select(mentions.c.entity_id, mentions.c.name, mentions.c.type, mentions.c.aliases,
                               mentions.c.evidence).where(mentions.c.article_id == article_id)
                        .order_by(mentions.c.name)).all()
    refs = entity_names(conn, {r.entity_id for r in rows})
    return [{"entity": refs.get(r.entity_id, {"id": r.entity_id, "name": r.name, "type": r.type}),
             "name": r.name, "type": r.type, "aliases": list(r.aliases or []), "evidence": r.evidence or []}
            for r in rows]


def article(conn: Connection, article_id: str, cited: tuple[int, int] | None = None) -> ArticleView | None:
    """The article with its mentions, claims and events, and its text in marked segments."""
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    text = row.text
    found_mentions = article_mentions(conn, article_id)
    found_claims = claims_where(conn, claims.c.article_id == article_id, 1000)
    reported = select(event_reports.c.event_id).where(event_reports.c.article_id == article_id)
    marks = name_marks(text, [([m["name"], *m["aliases"]], m["entity"]) for m in found_mentions])
    for claim in found_claims:
        for span in claim["citation"]["evidence"]:
            where = locate(text, span)
            if where:
                marks.append(Mark(*where, "claim", claim["status"]))
    if cited and 0 <= cited[0] < cited[1] <= len(text):
        marks.append(Mark(cited[0], cited[1], "cited", True))
    return ArticleView(row.id, display_title(row.title, text), row.date, row.language, row.source, row.url, text,
                       found_mentions, found_claims, events_where(conn, events.c.id.in_(reported), 200),
                       segments(text, marks))
