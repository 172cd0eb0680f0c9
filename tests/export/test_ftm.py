"""FollowTheMoney export: every line a valid FtM entity, references resolve, claims keep status and source."""

from __future__ import annotations

import io
import json
from typing import Any

from followthemoney import model

from crimegraph.export import Snapshot
from crimegraph.export.ftm import write_ftm


def exported(snap: Snapshot) -> list[dict[str, Any]]:
    out = io.StringIO()
    count = write_ftm(snap, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == count
    return lines


def test_every_line_loads_and_validates(snap: Snapshot) -> None:
    for data in exported(snap):
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.schema.validate(data) is None
        assert proxy.to_dict()["properties"] == data["properties"], data["id"]


def test_references_point_to_exported_entities_of_the_right_schema(snap: Snapshot) -> None:
    lines = exported(snap)
    schemas = {d["id"]: model.get(d["schema"]) for d in lines}
    assert len(schemas) == len(lines)
    for data in lines:
        schema = model.get(data["schema"])
        for name, values in data["properties"].items():
            prop = schema.get(name)
            if prop.type.name != "entity":
                continue
            for value in values:
                assert value in schemas, (data["id"], name, value)
                assert schemas[value].is_a(prop.range), (data["id"], name, value)


def test_schemas_cover_people_bodies_places_articles_events_and_relations(snap: Snapshot) -> None:
    found = {d["schema"] for d in exported(snap)}
    assert {"Person", "PublicBody", "Organization", "Address", "Article", "Event", "Sanction", "Occupancy",
            "Position", "Membership", "Note", "UnknownLink"} <= found


def by_schema(lines: list[dict[str, Any]], schema: str) -> list[dict[str, Any]]:
    return [d for d in lines if d["schema"] == schema]


def test_alleged_claim_carries_status_source_evidence_and_proof(snap: Snapshot) -> None:
    lines = exported(snap)
    articles = {d["id"]: d for d in by_schema(lines, "Article")}
    notes = [d for d in by_schema(lines, "Note") if "drug_trafficking" in d["properties"]["keywords"]]
    padrino = next(d for d in by_schema(lines, "Person") if d["properties"]["name"] == ["Vladimir Padrino López"])
    note = next(n for n in notes if n["properties"]["entity"] == [padrino["id"]])
    props = note["properties"]
    assert props["description"] == ["crimegraph claim: involved_in; status: alleged; source: prosecutors"]
    assert props["topics"] == ["crime.traffick.drug"]
    assert "prosecutors accuse" in props["summary"][0]
    assert [articles[p]["properties"]["title"] for p in props["proof"]] == [["Defense minister sanctioned"]]


def test_sanction_and_occupancy_from_claims(snap: Snapshot) -> None:
    lines = exported(snap)
    sanctions = by_schema(lines, "Sanction")
    assert len(sanctions) == 2
    assert all(s["properties"]["country"] == ["us"] for s in sanctions)
    positions = {d["id"]: d for d in by_schema(lines, "Position")}
    posts = [positions[o["properties"]["post"][0]]["properties"]["name"][0] for o in by_schema(lines, "Occupancy")]
    assert sorted(posts) == ["Position in Defense Ministry", "Position in Ministerio del Interior"]
    membership = by_schema(lines, "Membership")[0]["properties"]
    assert membership["status"] == ["asserted"] and membership["role"] == ["member of"]


def test_entities_places_and_events(snap: Snapshot) -> None:
    lines = exported(snap)
    person = next(d for d in by_schema(lines, "Person") if d["properties"]["name"] == ["Vladimir Padrino López"])
    assert person["properties"]["alias"] == ["Padrino López"]
    assert len(person["properties"]["proof"]) == 2
    caracas = next(d for d in by_schema(lines, "Address") if d["properties"]["name"] == ["Caracas"])
    assert caracas["properties"]["country"] == ["ve"]
    assert caracas["properties"]["latitude"] == ["10.49"]
    group = next(d for d in by_schema(lines, "Organization") if d["properties"]["name"] == ["ELN"])
    assert group["properties"]["topics"] == ["crime"]
    attack = next(d for d in by_schema(lines, "Event") if d["properties"]["keywords"] == ["attack"])
    assert attack["properties"]["date"] == ["2021-03-01"]
    assert attack["properties"]["country"] == ["co"]
    assert len(attack["properties"]["involved"]) == 2
    assert "fatalities: 3" in attack["properties"]["description"][0]
