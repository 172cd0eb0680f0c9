"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from crimegraph.extract import build_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_pipeline("en")
