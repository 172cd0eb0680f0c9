"""The learned entity typer: features of an entity, and re-typing only when the model is sure."""

from __future__ import annotations

from crimegraph.extract.entities.typemodel import (
    CLASSES,
    EntityTyper,
    Settings,
    features,
    gazetteer_features,
    load,
    retype,
)
from crimegraph.extract.linear import LinearModel, bucket
from tests.extract.claim_docs import annotate


def test_features_read_names_and_contexts() -> None:
    doc = annotate("Police arrested members of the Frente Sur in Cali.",
                   {"Frente Sur": "LOCATION", "Cali": "LOCATION"})
    cluster = next(c for c in doc._.cg_entities if c.name == "Frente Sur")
    feats = features(doc, cluster, "en")
    assert {"rule:LOCATION", "w:frente", "wl:sur", "pre:the"} <= set(feats)


def test_gazetteers_say_town_given_name_or_known_actor() -> None:
    assert {"gaz:city", "gaz:city:MX"} <= set(gazetteer_features(["Ciudad Valles"], "en"))
    assert "given0" in gazetteer_features(["Adolfo Ruiz"], "en")
    assert any(f.startswith("lex:") for f in gazetteer_features(["Sinaloa Cartel"], "en"))
    assert gazetteer_features(["Zyxw Qrst"], "en") == []


def test_retype_needs_the_threshold() -> None:
    model = LinearModel(CLASSES)
    model.weights[bucket("w:frente"), CLASSES.index("ILLEGAL_GROUP")] = 3.0
    assert retype(model, Settings(0.5), "LOCATION", ["w:frente"]) == "ILLEGAL_GROUP"
    assert retype(model, Settings(0.99), "LOCATION", ["w:frente"]) == "LOCATION"


def test_the_typer_changes_types_in_place() -> None:
    doc = annotate("The Frente Sur attacked Cali.", {"Frente Sur": "LOCATION", "Cali": "LOCATION"})
    model = LinearModel(CLASSES)
    model.weights[bucket("w:frente"), CLASSES.index("ILLEGAL_GROUP")] = 5.0
    typer = EntityTyper("en")
    typer.model = (model, Settings(0.6))
    typer(doc)
    assert {c.name: c.type for c in doc._.cg_entities} == {"Frente Sur": "ILLEGAL_GROUP", "Cali": "LOCATION"}


def test_the_shipped_typer_loads() -> None:
    shipped = load()
    assert shipped is not None and shipped[0].classes == list(CLASSES)
