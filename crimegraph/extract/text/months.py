"""Month and weekday names of a language, from its calendar lexicon."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from crimegraph.extract.lexicons import rows


@dataclass(slots=True, frozen=True)
class Calendar:
    """Month and weekday names of a language."""

    months: dict[str, int]
    weekdays: dict[str, int]
    full_months: tuple[str, ...]
    language: str


@cache
def load_calendar(language: str) -> Calendar:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for form, kind, number in (r[:3] for r in rows(f"{language}/calendar.tsv") if len(r) >= 3):
        (months if kind == "month" else weekdays)[form.lower()] = int(number)
    longest: dict[int, str] = {}
    for name, month in months.items():
        if len(name) > len(longest.get(month, "")):
            longest[month] = name
    return Calendar(months, weekdays, tuple(longest.values()), language)
