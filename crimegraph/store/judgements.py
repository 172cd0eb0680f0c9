"""The judgements in force: per pair of nodes, the latest user judgement, else the latest resolver one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from crimegraph.store.tables import USER, judgements


@dataclass(frozen=True, slots=True)
class Judgement:
    """The decision in force on one pair of nodes."""

    left: str
    right: str
    judgement: str
    score: float
    decided_by: str


def pair(a: str, b: str) -> tuple[str, str]:
    """An unordered pair in a fixed order."""
    return (a, b) if a <= b else (b, a)


def effective(conn: Connection) -> dict[tuple[str, str], Judgement]:
    """Per pair, the latest user judgement, else the latest resolver one."""
    found: dict[tuple[str, str], Judgement] = {}
    rows = conn.execute(select(judgements.c.left_id, judgements.c.right_id, judgements.c.judgement,
                               judgements.c.score, judgements.c.decided_by).order_by(judgements.c.id))
    for left, right, verdict, score, by in rows:
        key = pair(left, right)
        known = found.get(key)
        if known is not None and known.decided_by == USER and by != USER:
            continue
        found[key] = Judgement(key[0], key[1], verdict, score or 0.0, by)
    return found
