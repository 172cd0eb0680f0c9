"""People introduced as someone's relative ("the president's own son, Nicolás Maduro Guerra", "su esposa
Cilia Flores"): their name shares a surname with the relative, so a shorter name is no evidence that they
are the same person."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from crimegraph.extract.lexicons import words

_BETWEEN = r"(?:(?:own|eldest|oldest|youngest|older|younger|late|former|first|second|mayor|menor|propio|propia)\s+)"
# a kinship noun, perhaps "own" or "eldest", then the name: "his son Nicolás", "sobrina, Ana"
_BEFORE = r"\b(?:{kin})\b[\s,:]+" + _BETWEEN + r"?{name}\b"
# the name, then ", the president's son" / ", hijo del presidente" / ", su esposa"
_AFTER = (r"\b{name}\s*,\s*(?:(?:the|his|her|their|su|sus|el|la|los|las)\s+)?(?:[\w'’-]+['’]s\s+)?"
          + _BETWEEN + r"?(?:{kin})\b")


@cache
def _kin() -> str:
    return "|".join(sorted((re.escape(w) for w in words("kinship.tsv")), key=len, reverse=True))


@cache
def _kin_words() -> frozenset[str]:
    """Every word of the kinship nouns: a sentence holding none of them introduces no relative."""
    return frozenset(part for w in words("kinship.tsv") for part in w.lower().split())


@lru_cache(maxsize=4096)
def introduced_as_relative(name: str, sentence: str) -> bool:
    """Whether `sentence` presents the person `name` as somebody's relative."""
    if name not in sentence or not _kin_words() & set(re.findall(r"\w+", sentence.lower())):
        return False
    escaped = re.escape(name)
    flags = re.IGNORECASE
    return bool(re.search(_BEFORE.format(kin=_kin(), name=escaped), sentence, flags)
                or re.search(_AFTER.format(kin=_kin(), name=escaped), sentence, flags))
