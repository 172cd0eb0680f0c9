"""Analyse the knowledge base: entity profiles, timelines and paths between actors."""
