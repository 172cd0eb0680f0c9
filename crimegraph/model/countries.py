"""Country names to ISO codes with countrynames' table, minus its per-call scan of every code."""

from __future__ import annotations

from functools import cache, lru_cache

import countrynames
from countrynames.util import normalize_name


@cache
def _table() -> tuple[dict[str, str], frozenset[str]]:
    """countrynames' normalised name -> code table (loaded by its first lookup) and the set of its codes."""
    countrynames.to_code("")
    names = countrynames.COUNTRY_NAMES
    return names, frozenset(names.values()) - {"FAIL"}


@lru_cache(maxsize=65536)
def to_code(name: str) -> str | None:
    """Two-letter code of a country name or code ("Venezuela", "EE.UU.", "ve"), as countrynames.to_code
    without fuzzy matching gives it; None when unknown."""
    names, codes = _table()
    upper = name.upper().strip()
    if upper in codes:
        return upper
    normal = normalize_name(upper)
    code = names.get(normal) if normal else None
    return None if code == "FAIL" else code
