"""The database's bulk paths: COPY on PostgreSQL, executemany on SQLite; short IN-lists for lookups."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Engine, Table

from crimegraph.store.db import is_sqlite


def bulk_insert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert rows whose keys are known to be new, in one round trip per table; how many."""
    if not rows:
        return 0
    if is_sqlite(conn):
        conn.execute(table.insert(), list(rows))
    else:
        copy_rows(conn, table, rows)
    return len(rows)


def copy_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """PostgreSQL COPY FROM STDIN inside the connection's transaction (JSON columns sent as text)."""
    columns = [c for c in table.columns if c.name in rows[0]]
    as_json = [isinstance(c.type, JSON) for c in columns]
    names = ", ".join(f'"{c.name}"' for c in columns)
    driver: Any = conn.connection.driver_connection
    with driver.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([_json(row.get(c.name)) if j else row.get(c.name) for c, j in zip(columns, as_json,
                                                                                            strict=True)])


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def refresh_statistics(engine: Engine) -> None:
    """Let the query planner see the new row counts after a bulk load (sampled ANALYZE)."""
    with engine.begin() as conn:
        if is_sqlite(conn):
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
        conn.exec_driver_sql("ANALYZE")
