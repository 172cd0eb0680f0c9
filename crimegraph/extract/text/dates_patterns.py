"""Regular expressions for the date expressions of English and Spanish news text."""

from __future__ import annotations

import re

from crimegraph.extract.text.months import Calendar

YEAR = r"(?P<y>(?:19|20)\d\d)\b(?![.,]?\d)"
ISO = r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b"


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def patterns(cal: Calendar) -> list[tuple[str, str, int]]:
    """(resolver kind, regular expression, flags) for a language's calendar."""
    return _spanish(cal) if cal.language == "es" else _english(cal)


def _english(cal: Calendar) -> list[tuple[str, str, int]]:
    months = _alternation([m.title() for m in cal.months])
    full = _alternation([m.title() for m in cal.full_months])
    days = _alternation([d.title() for d in cal.weekdays])
    month = rf"(?P<m>{months})(?![a-z])\.?"
    near = r"(?P<cue>(?i:next|last|this|coming|past))\s+"
    cues = ("last|this|next|coming|past|early|late|mid|in|since|until|by|during|through|from|of|"
            "between|before|after|around")
    return [
        ("day", rf"(?:{near})?\b{month}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{YEAR})?", 0),
        ("day", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month}(?:,?\s+{YEAR})?", 0),
        ("month", rf"(?:{near})?\b(?P<m>{full})\b,?\s+(?:of\s+)?{YEAR}", 0),
        ("month", rf"\b(?P<cue>(?i:{cues}))[\s-]+(?:(?i:early|late|mid)[\s-]+)?(?P<m>{full})\b"
                  rf"(?:,?\s+(?:of\s+)?{YEAR})?", 0),
        ("year", rf"\b(?i:in|since|until|by|during|through|from|of|early|late|mid|between|before|after|"
                 rf"and|to|around)[\s-]+(?:(?i:the\s+year)\s+)?{YEAR}(?!\s*(?i:%|percent))", 0),
        ("offset", r"\b(?i:(?P<yesterday>yesterday)|(?P<today>today|this morning|this afternoon|"
                   r"this evening|tonight)|(?P<night>last night))\b", 0),
        ("weekday", rf"\b(?:{near.replace('past', 'past|on|early|late')})?(?P<wd>{days})\b(?!s)", 0),
        ("period", r"\b(?P<cue>(?i:last|this|past|next|coming|earlier this|later this|the previous|"
                   r"the past))\s+(?P<unit>(?i:week|weekend|month|year))\b", 0),
        ("ago", r"\b(?P<n>[A-Za-z]+|\d+)\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b", 0),
        ("iso", ISO, 0),
    ]


def _spanish(cal: Calendar) -> list[tuple[str, str, int]]:
    months = _alternation(list(cal.months))
    full = _alternation(list(cal.full_months))
    days = _alternation(list(cal.weekdays))
    flags = re.IGNORECASE
    cue = r"(?:(?P<cue>pasado|próximo|proximo)\s+)?"
    after = r"(?:\s+(?P<after>pasado|pasada|próximo|próxima|anterior|entrante))"
    units = r"(?P<unit>semana|mes|año|fin de semana)"
    month_cues = ("en|desde|hasta|durante|pasado|próximo|proximo|principios de|finales de|fines de|"
                  "mediados de|pasado mes de|mes de|de|entre")
    return [
        ("day", rf"\b{cue}(?:(?:{days})\s+)?(?P<d>\d{{1,2}})(?:º|°|ro|o)?\s+(?:de\s+)?(?P<m>{months})\b\.?"
                rf"(?:\s+(?:de|del)\s+(?:año\s+)?{YEAR})?", flags),
        ("day", r"\b(?P<d>\d{1,2})/(?P<mo>\d{1,2})/" + YEAR, flags),
        ("month", rf"\b(?:(?P<cue>{month_cues})\s+)?(?P<m>{full})\b{after}?"
                  rf"(?:\s+(?:de|del)\s+(?:año\s+)?{YEAR})?", flags),
        ("year", rf"\b(?:en|desde|hasta|durante|del|entre|principios de|finales de|fines de|mediados de)"
                 rf"\s+(?:el\s+)?(?:año\s+)?{YEAR}", flags),
        ("offset", r"\b(?:(?P<before>anteayer|antier|antes de ayer)|(?P<yesterday>ayer)|"
                   r"(?P<today>hoy|esta mañana|esta tarde|esta noche)|(?P<night>anoche))\b", flags),
        ("weekday", rf"(?<!los )\b(?:(?P<cue>el pasado|el próximo|este pasado|el|este|pasado|próximo)\s+)?"
                    rf"(?P<wd>{days})\b{after}?", flags),
        ("period", rf"\b(?P<cue>este|esta|pasado|pasada|próximo|próxima)\s+{units}\b", flags),
        ("period", rf"\b(?:el|la|este|esta)\s+{units}{after}\b", flags),
        ("ago", r"\bhace\s+(?P<n>\w+)\s+(?P<unit>días?|semanas?|mes(?:es)?|años?)\b", flags),
        ("iso", ISO, 0),
    ]
