"""Read sanctions and watch lists in OpenSanctions formats: FtM JSON lines or targets.simple.csv."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crimegraph.exc import InputError

NAME_PROPS = ("name", "alias", "previousName")
SCREENED = ("Person", "Organization", "LegalEntity")


@dataclass(slots=True)
class ListEntry:
    """One person or organisation on a list: names, countries and what it is listed for."""

    id: str
    schema: str
    name: str
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    sanctions: list[str] = field(default_factory=list)
    datasets: list[str] = field(default_factory=list)

    @property
    def is_person(self) -> bool:
        """Whether the entry is a person (else an organisation or a legal entity of unknown kind)."""
        return self.schema == "Person"

    def names(self) -> list[str]:
        """The main name and every alias, without repeats."""
        return list(dict.fromkeys([self.name, *self.aliases]))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "schema": self.schema, "name": self.name, "aliases": self.aliases,
                "countries": self.countries, "topics": self.topics, "sanctions": self.sanctions,
                "datasets": self.datasets}


def read_list(path: str | Path) -> list[ListEntry]:
    """The persons and organisations of a list file (FtM JSON lines, or OpenSanctions targets.simple.csv)."""
    source = Path(path)
    try:
        with source.open(encoding="utf-8-sig") as handle:
            head = handle.read(1)
            handle.seek(0)
            if head in ("{", "["):
                return list(ftm_entries(handle, source.name))
            return list(simple_entries(handle, source.name))
    except OSError as error:
        raise InputError(f"cannot read list {source}: {error.strerror or error}") from None
    except (ValueError, KeyError) as error:
        raise InputError(f"{source} is not an FtM JSON-lines or targets.simple.csv list: {error}") from None
    except ImportError as error:
        raise InputError(f"reading a list needs followthemoney: pip install 'crimegraph[interop]' ({error})") from None


def _screened(schema: str) -> bool:
    from followthemoney import model  # the optional `interop` extra; only needed to read a list

    found = model.get(schema)
    return found is not None and any(found.is_a(s) for s in SCREENED)


def ftm_entries(lines: Iterable[str], name: str = "<list>") -> Iterator[ListEntry]:
    """Entries from FtM entities, one JSON object per line; Sanction entities add to their targets' listings."""
    entities: list[dict[str, Any]] = []
    sanctions: dict[str, list[str]] = defaultdict(list)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"line {number}: {error.msg}") from None
        props = data.get("properties", {})
        if data.get("schema") == "Sanction":
            label = " / ".join(props.get("authority", []) + props.get("program", [])) or "sanction"
            for target in props.get("entity", []):
                sanctions[target].append(label)
        elif _screened(str(data.get("schema", ""))):
            entities.append(data)
    for data in entities:
        entry = _ftm_entry(data, name)
        if entry is not None:
            entry.sanctions.extend(s for s in sanctions.get(entry.id, []) if s not in entry.sanctions)
            yield entry


def _ftm_entry(data: dict[str, Any], name: str) -> ListEntry | None:
    props = data.get("properties", {})
    names = [n for prop in NAME_PROPS for n in props.get(prop, []) if n.strip()]
    if not names or not data.get("id"):
        return None
    caption = data.get("caption")
    main = caption if isinstance(caption, str) and caption in names else names[0]
    countries = props.get("country", []) + props.get("nationality", []) + props.get("citizenship", [])
    return ListEntry(
        id=str(data["id"]), schema=str(data["schema"]), name=main, aliases=[n for n in names if n != main],
        countries=list(dict.fromkeys(countries)), topics=list(props.get("topics", [])),
        sanctions=list(props.get("program", [])), datasets=list(data.get("datasets", [])) or [name])


def simple_entries(lines: Iterable[str], name: str = "<list>") -> Iterator[ListEntry]:
    """Entries from OpenSanctions' targets.simple.csv (aliases, countries, sanctions separated by ';')."""
    reader = csv.DictReader(lines)
    if not reader.fieldnames or not {"id", "schema", "name"} <= set(reader.fieldnames):
        raise ValueError("a targets.simple.csv needs id, schema and name columns")
    for row in reader:
        if not row.get("name") or not _screened(row.get("schema") or ""):
            continue
        yield ListEntry(
            id=row["id"], schema=row["schema"], name=row["name"], aliases=_split(row.get("aliases")),
            countries=_split(row.get("countries")), sanctions=_split(row.get("sanctions")),
            datasets=_split(row.get("dataset")) or [name])


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]
