"""Date expressions in text, resolved against the article's publication date."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from crimegraph.extract.text.counts import parse_number
from crimegraph.extract.text.dates_patterns import patterns
from crimegraph.extract.text.months import Calendar, load_calendar

# How far past the publication date a month-and-day without a year may fall and still be this year.
FUTURE_SLACK_DAYS = 60


@dataclass(slots=True, frozen=True)
class DateMention:
    """A date expression at [start, end) of the text; `value` is YYYY, YYYY-MM or YYYY-MM-DD.

    `value` is None when the expression cannot be resolved (a relative date and no
    publication date); `future` is True when it lies after the publication date.
    """

    start: int
    end: int
    value: str | None
    future: bool = False


Resolver = Callable[[re.Match[str], date | None, Calendar], tuple[str | None, bool]]


class DateFinder:
    """Finds and resolves the date expressions of one language (patterns compiled once)."""

    def __init__(self, language: str) -> None:
        self.calendar = load_calendar(language)
        self.patterns: list[tuple[re.Pattern[str], Resolver]] = [
            (re.compile(source, flags), RESOLVERS[kind]) for kind, source, flags in patterns(self.calendar)
        ]

    def find(self, text: str, anchor: date | None) -> list[DateMention]:
        """Non-overlapping date mentions of `text`, in order; the longest wins an overlap."""
        found: list[tuple[int, int, re.Match[str], Resolver]] = []
        for pattern, resolver in self.patterns:
            for match in pattern.finditer(text):
                found.append((match.start(), match.end(), match, resolver))
        found.sort(key=lambda f: (f[0], f[0] - f[1]))
        mentions: list[DateMention] = []
        end = -1
        for start, stop, match, resolver in found:
            if start < end:
                continue
            value, future = resolver(match, anchor, self.calendar)
            mentions.append(DateMention(start, stop, value, future))
            end = stop
        return mentions


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; None for an impossible date."""
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def is_after(value: str | None, anchor: date | None) -> bool:
    """True when a resolved date begins after the publication date."""
    if value is None or anchor is None:
        return False
    return value > anchor.isoformat()[: len(value)]


def year_for(month: int, day: int | None, anchor: date, past: bool = False) -> int:
    """The year of a month (and day) given without one, seen from the publication date."""
    day = day or 1
    try:
        candidate = date(anchor.year, month, min(day, calendar.monthrange(anchor.year, month)[1]))
    except ValueError:
        return anchor.year
    limit = 0 if past else FUTURE_SLACK_DAYS
    if (candidate - anchor).days > limit:
        return anchor.year - 1
    return anchor.year


def _group(match: re.Match[str], name: str) -> str | None:
    try:
        return match.group(name)
    except IndexError:
        return None


def _month(match: re.Match[str], cal: Calendar) -> int:
    return cal.months[match.group("m").lower().rstrip(".")]


def _cues(match: re.Match[str]) -> frozenset[str]:
    """The words of the cue before ("last", "el pasado") and after ("enero pasado") an expression."""
    text = f"{_group(match, 'cue') or ''} {_group(match, 'after') or ''}"
    return frozenset(text.lower().split())


PAST_CUES = frozenset("last past since pasado pasada anterior".split())
FUTURE_CUES = frozenset("next coming upcoming próximo proximo próxima proxima entrante".split())


def resolve_day(match: re.Match[str], anchor: date | None, cal: Calendar) -> tuple[str | None, bool]:
    """"January 21", "21 de enero de 2019", "Jan. 5, 2020", "21/01/2019"."""
    month = int(match.group("mo")) if _group(match, "mo") else _month(match, cal)
    day = int(match.group("d"))
    year_text = _group(match, "y")
    cues = _cues(match)
    if year_text:
        value = iso(int(year_text), month, day)
    elif anchor is None:
        return None, bool(cues & FUTURE_CUES)
    else:
        value = iso(year_for(month, day, anchor, past=bool(cues & PAST_CUES)), month, day)
    return value, bool(cues & FUTURE_CUES) or is_after(value, anchor)


def resolve_month(match: re.Match[str], anchor: date | None, cal: Calendar) -> tuple[str | None, bool]:
    """"March 2019", "last March", "in March", "a finales de marzo"."""
    month = _month(match, cal)
    cues = _cues(match)
    year_text = _group(match, "y")
    if year_text:
        value = iso(int(year_text), month)
        return value, bool(cues & FUTURE_CUES) or is_after(value, anchor)
    if anchor is None:
        return None, bool(cues & FUTURE_CUES)
    if bool(cues & FUTURE_CUES):
        year = anchor.year + (month <= anchor.month)
        return iso(year, month), True
    year = anchor.year if month < anchor.month or (month == anchor.month and not cues & PAST_CUES) \
        else anchor.year - 1
    return iso(year, month), False


def resolve_year(match: re.Match[str], anchor: date | None, cal: Calendar) -> tuple[str | None, bool]:
    """"in 2016", "desde 2013"."""
    value = iso(int(match.group("y")))
    return value, is_after(value, anchor)


def resolve_offset(match: re.Match[str], anchor: date | None, cal: Calendar) -> tuple[str | None, bool]:
    """"yesterday", "today", "anoche": a day offset named by the pattern's group."""
    if anchor is None:
        return None, False
    days = -1 if (_group(match, "yesterday") or _group(match, "night")) else 0
    if _group(match, "before"):
        days = -2
    return (anchor + timedelta(days=days)).isoformat(), False


def resolve_weekday(match: re.Match[str], anchor: date | None, cal: Calendar) -> tuple[str | None, bool]:
    """"on Monday", "el pasado martes", "next Friday" (the nearest such day, past unless 'next')."""
    if anchor is None:
        return None, False
    weekday = cal.weekdays[match.group("wd").lower()]
    cues = _cues(match)
    if bool(cues & FUTURE_CUES):
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=ahead)).isoformat(), True
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and bool(cues & PAST_CUES):
        back = 7
    return (anchor - timedelta(days=back)).isoformat(), False


def resolve_period(match: re.Match[str], anchor: date | None, cal: Calendar) -> tuple[str | None, bool]:
    """"last week", "this month", "el año pasado", "la semana pasada"."""
    if anchor is None:
        return None, False
    unit = match.group("unit").lower()
    cues = _cues(match)
    past = bool(cues & PAST_CUES)
    future = bool(cues & FUTURE_CUES)
    if unit in ("weekend", "fin de semana"):
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        return (saturday + timedelta(days=7) if future else saturday).isoformat(), future
    if unit in ("week", "semana"):
        day = anchor + timedelta(days=-7 if past else 7 if future else 0)
        return iso(day.year, day.month), future
    if unit in ("month", "mes"):
        month = anchor.month - past + future
        year = anchor.year + (month // 13) - (month < 1)
        month = (month - 1) % 12 + 1
        return iso(year, month), future
    return iso(anchor.year - past + future), future


UNIT_DAYS = {"day": 1, "días": 1, "día": 1, "dias": 1, "dia": 1, "week": 7, "semana": 7,
             "month": 30, "mes": 30, "year": 365, "año": 365}


def resolve_ago(match: re.Match[str], anchor: date | None, cal: Calendar) -> tuple[str | None, bool]:
    """"two weeks ago", "hace dos semanas", "three years ago"."""
    if anchor is None:
        return None, False
    amount = parse_number(match.group("n"), cal.language)
    unit = match.group("unit").lower()
    unit = unit[:-2] if unit.endswith("es") and unit[:-2] in UNIT_DAYS else unit.rstrip("s")
    if amount is None or unit not in UNIT_DAYS:
        return None, False
    day = anchor - timedelta(days=amount * UNIT_DAYS[unit])
    if UNIT_DAYS[unit] == 1:
        return day.isoformat(), False
    if UNIT_DAYS[unit] == 365:
        return iso(day.year), False
    return iso(day.year, day.month), False


def resolve_iso(match: re.Match[str], anchor: date | None, cal: Calendar) -> tuple[str | None, bool]:
    value = iso(int(match.group("y")), int(match.group("mo")), int(match.group("d")))
    return value, is_after(value, anchor)


RESOLVERS: dict[str, Resolver] = {
    "day": resolve_day, "month": resolve_month, "year": resolve_year, "offset": resolve_offset,
    "weekday": resolve_weekday, "period": resolve_period, "ago": resolve_ago, "iso": resolve_iso,
}


def finder(language: str) -> DateFinder:
    """The (cached) DateFinder of a language."""
    return _finder(language)


@cache
def _finder(language: str) -> DateFinder:
    return DateFinder(language)
