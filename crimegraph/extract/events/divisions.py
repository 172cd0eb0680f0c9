"""How precise a place name is: a wider region, a country, a first-level division or a town (gazetteers)."""

from __future__ import annotations

from functools import cache

from crimegraph.extract.entities.names import strip_accents
from crimegraph.extract.lexicons import mapping, rows
from crimegraph.model.countries import to_code

# Precision of a place: a city, state or site beats a country, which beats a region.
RANK = {"place": 2, "country": 1, "region": 0}


@cache
def place_kind(name: str) -> str:
    """"region", "country" or "place" (anything more precise than a country)."""
    known = mapping("regions.tsv")
    for form in (name, name.replace(".", ""), name.removeprefix("the ")):
        if form.lower() in known:
            return known[form.lower()]
    if to_code(name) or to_code(name.replace(".", "")):
        return "country"
    return "place"


@cache
def division_names() -> tuple[str, ...]:
    """Names of first-level divisions as texts spell them: the lexicon's states and the export gazetteer's
    divisions (admin1.tsv), each also without accents."""
    from crimegraph.export.places import admin1_spellings  # one list of divisions for extraction and export

    names = {row[0] for row in rows("places.tsv") if len(row) >= 2 and row[1] == "state"}
    names.update(admin1_spellings())
    names.update([strip_accents(n) for n in names])
    return tuple(sorted(names))


@cache
def _states() -> frozenset[str]:
    return frozenset(name.lower() for name in division_names())


def precision(name: str) -> int:
    """How precise a place name is: 3 a town, district or site (or a place we do not know), 2 a state,
    department or province, 1 a country, 0 a wider region ("Guadalupe" beats "Zacatecas" beats "Mexico")."""
    kind = place_kind(name)
    if kind != "place":
        return RANK[kind]
    return 2 if name.lower() in _states() or name.lower().removeprefix("state of ") in _states() else 3


def lies_in(town: str, state: str) -> bool:
    """Whether the gazetteer has a town of that name in that first-level division."""
    from crimegraph.export.places import in_regions

    return in_regions(town, [state]) is not None


def known_place(name: str) -> bool:
    """Whether the gazetteer (ours or GeoNames) knows a place of that name."""
    from crimegraph.export.places import candidates

    return bool(candidates(name))
