"""The records that flow through crimegraph's stages."""

from crimegraph.model.article import LANGUAGES, Article
from crimegraph.model.extraction import (
    ACTIVITIES,
    ENTITY_TYPES,
    EVENT_TYPES,
    PREDICATES,
    STATUSES,
    Claim,
    Entity,
    Event,
    Evidence,
    Extraction,
)

__all__ = [
    "ACTIVITIES", "ENTITY_TYPES", "EVENT_TYPES", "LANGUAGES", "PREDICATES", "STATUSES",
    "Article", "Claim", "Entity", "Event", "Evidence", "Extraction",
]
