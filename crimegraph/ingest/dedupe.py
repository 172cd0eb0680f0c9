"""Skip articles already stored or already seen in this run, by content hash."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select

from crimegraph.store.tables import articles


def known_hashes(conn: Connection, hashes: Iterable[str]) -> set[str]:
    """Which of these content hashes the knowledge base already holds."""
    wanted = sorted(set(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        part = wanted[start:start + 500]
        found.update(conn.execute(select(articles.c.content_hash).where(articles.c.content_hash.in_(part))).scalars())
    return found


class Deduplicator:
    """Remembers the hashes seen in a run so a repeated article is skipped even before it is stored."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def new(self, conn: Connection, batch: list[tuple[str, object]]) -> tuple[list[int], list[int]]:
        """Indexes of (hash, item) pairs that are new, and of those to skip."""
        stored = known_hashes(conn, (h for h, _ in batch))
        fresh: list[int] = []
        skipped: list[int] = []
        for index, (content_hash, _) in enumerate(batch):
            if content_hash in stored or content_hash in self.seen:
                skipped.append(index)
            else:
                self.seen.add(content_hash)
                fresh.append(index)
        return fresh, skipped
