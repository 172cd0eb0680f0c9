"""Answers of whole-knowledge-base queries (front page, graph overview) kept until the knowledge base changes."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import Connection, func, select

from crimegraph.store.tables import articles, judgements


def version(conn: Connection) -> tuple[int, int]:
    """What changes whenever the knowledge base does: articles stored (ingest) and the latest judgement."""
    stored = conn.execute(select(func.count()).select_from(articles)).scalar() or 0
    judged = conn.execute(select(func.max(judgements.c.id))).scalar() or 0
    return int(stored), int(judged)


class Memo:
    """A small LRU of answers, each valid for the knowledge-base version it was computed on."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self.found: OrderedDict[Hashable, tuple[tuple[int, int], Any]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, conn: Connection, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The answer for `key`, computed again when the knowledge base has changed since."""
        now = version(conn)
        with self.lock:
            known = self.found.get(key)
            if known is not None and known[0] == now:
                self.found.move_to_end(key)
                return known[1]
        value = compute()
        with self.lock:
            self.found[key] = (now, value)
            self.found.move_to_end(key)
            while len(self.found) > self.size:
                self.found.popitem(last=False)
        return value
