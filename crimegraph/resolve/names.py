"""Name normalisation, kept under its old name: the functions live in crimegraph.model.names (store needs them)."""

from crimegraph.model.names import (
    LEADING,
    SHORT_COUNTRIES,
    STOPWORDS,
    acronym,
    casefold,
    content_tokens,
    countries_in,
    country_of,
    data_rows,
    fold,
    generic_words,
    is_acronym,
    is_generic,
    person_tokens,
    singular,
    tokens,
    translated,
)

__all__ = ["LEADING", "SHORT_COUNTRIES", "STOPWORDS", "acronym", "casefold", "content_tokens", "countries_in",
           "country_of", "data_rows", "fold", "generic_words", "is_acronym", "is_generic", "person_tokens",
           "singular", "tokens", "translated"]
