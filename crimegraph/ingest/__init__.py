"""Ingest: read sources into Articles."""
