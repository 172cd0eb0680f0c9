"""Extraction: one Article in, one Extraction out.

The spaCy pipeline is imported on first use, so modules that only need the light helpers here
(`clean`, `language`) and every CLI command start without loading spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crimegraph.extract.pipeline import build_pipeline, extract, extract_many

__all__ = ["build_pipeline", "extract", "extract_many"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from crimegraph.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
