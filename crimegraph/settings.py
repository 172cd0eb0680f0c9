"""Settings: environment variables prefixed CRIMEGRAPH_, each with a default and a help line."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    """One documented environment variable."""

    name: str
    default: str
    help: str


SETTINGS = (
    Setting("CRIMEGRAPH_DB", "sqlite:///crimegraph.db",
            "SQLAlchemy URL of the knowledge base (SQLite file or postgresql+psycopg://...)."),
    Setting("CRIMEGRAPH_BATCH_SIZE", "32",
            "Articles extracted and committed together by `crimegraph ingest`."),
    Setting("CRIMEGRAPH_MATCH_THRESHOLD", "0.7",
            "Score at or above which the resolver merges two entities (0-1)."),
    Setting("CRIMEGRAPH_EVENT_WINDOW_DAYS", "3",
            "Days apart two reports of the same event may date it."),
    Setting("CRIMEGRAPH_FETCH_TIMEOUT", "20",
            "Seconds to wait for a feed or page given as a URL."),
    Setting("CRIMEGRAPH_TOKEN", "",
            "Secret the web API's writes (uploads, merge/split judgements) need as 'Authorization: Bearer ...'; "
            "empty turns writes off."),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """The values in force; `Settings.from_env()` reads them from the environment."""

    db: str = "sqlite:///crimegraph.db"
    batch_size: int = 32
    match_threshold: float = 0.7
    event_window_days: int = 3
    fetch_timeout: float = 20.0
    token: str = ""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from CRIMEGRAPH_* variables; keyword overrides that are not None win."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for field, setting in zip(fields(cls), SETTINGS, strict=True):
            raw = env.get(setting.name) or setting.default
            kind = type(getattr(cls(), field.name))
            values[field.name] = kind(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def database_url(url: str | None = None) -> str:
    """The database URL: the one given, else CRIMEGRAPH_DB, else the SQLite default."""
    return url or Settings.from_env().db
