"""Extraction: one Article in, one Extraction out."""

from crimegraph.extract.pipeline import build_pipeline, extract, extract_many

__all__ = ["build_pipeline", "extract", "extract_many"]
