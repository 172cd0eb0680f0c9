"""Fixtures of the extraction tests: the model plus only the entity and alias components."""

from __future__ import annotations

from functools import cache

import pytest
from spacy.language import Language

from crimegraph.extract.entities import aliases, entities  # noqa: F401  (register the factories)
from crimegraph.extract.pipeline import bare_model


@cache
def entity_pipeline(language: str) -> Language:
    """The statistical model plus only the entity and alias components."""
    nlp = bare_model(language)
    nlp.add_pipe("crimegraph_entities", config={"language": language})
    nlp.add_pipe("crimegraph_aliases", config={"language": language})
    return nlp


@pytest.fixture(scope="session")
def en() -> Language:
    return entity_pipeline("en")


@pytest.fixture(scope="session")
def es() -> Language:
    return entity_pipeline("es")
