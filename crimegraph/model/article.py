"""Article: the record that enters the pipeline."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("en", "es")


@dataclass(slots=True)
class Article:
    """One document: its text plus what is known about it."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    language: str | None = None
    source: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """SHA-1 of the normalised title and text: equal articles share it."""
        body = " ".join(f"{self.title or ''}\n{self.text}".split())
        return hashlib.sha1(body.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        """The input format of the extraction contract."""
        record: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "language": self.language,
            "text": self.text,
        }
        if self.source:
            record["source"] = self.source
        if self.url:
            record["url"] = self.url
        return record
