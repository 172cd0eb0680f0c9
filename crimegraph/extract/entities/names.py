"""Small pure functions on names: normalised keys, acronyms, person-name containment."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable
from functools import lru_cache
from typing import Generic, TypeVar

from crimegraph.extract.indexes import Postings

LINK_WORDS = frozenset("of the and for de del la las los el y e en in on da do dos das".split())
ARTICLES = frozenset("the el la los las".split())
_PUNCT = re.compile(r"[^\w\s]")
_DOTS = re.compile(r"(?<=\w)[.'’](?=\w)|(?<=\b\w)\.")
K = TypeVar("K", bound=Hashable)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents ("Ejército" -> "ejercito")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def strip_accents(text: str) -> str:
    """The text without accents, case kept ("Bogotá" -> "Bogota")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """A comparison key: folded, "U.S." -> "us", punctuation dropped, no leading article."""
    folded = _DOTS.sub("", fold(text))
    words = _PUNCT.sub(" ", folded).split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def content_words(text: str) -> list[str]:
    """The words of a name's key, leaving out linking words."""
    return [w for w in key(text).split() if w not in LINK_WORDS]


def is_acronym(text: str) -> bool:
    """True for forms such as "ELN", "FARC-EP", "U.S.", "MS13" (two or more capitals)."""
    letters = [c for c in text if c.isalpha()]
    return (
        2 <= len(text) <= 12
        and sum(c.isupper() for c in letters) >= 2
        and sum(c.islower() for c in letters) <= 1
        and " " not in text
    )


def initials(text: str) -> str:
    """Initials of a name's content words ("Ejército de Liberación Nacional" -> "ELN")."""
    words = re.split(r"[\s-]+", fold(text))
    return "".join(w[0] for w in words if w and w not in LINK_WORDS and w[0].isalnum())


def acronym_of(acronym: str, name: str) -> bool:
    """True when `acronym` spells the initials of `name` (with or without linking words)."""
    return acronym_letters(acronym) in spellings(name)


def acronym_letters(acronym: str) -> str:
    """The letters and digits of an acronym, folded ("FARC-EP" -> "farcep")."""
    return "".join(c for c in fold(acronym) if c.isalnum())


def spellings(name: str) -> tuple[str, ...]:
    """The acronym letters a name of two or more words can have: its initials without linking words, then
    with them (none for a one-word name; only those of two or more letters)."""
    if " " not in name.strip():
        return ()
    every = "".join(w[0] for w in re.split(r"[\s-]+", fold(name)) if w and w[0].isalnum())
    return tuple(letters for letters in (initials(name), every) if len(letters) >= 2)


def person_words(text: str) -> list[str]:
    """The words of a person's name, folded, without dots or quotes."""
    return [w for w in key(text).split() if w]


def is_part_of_name(short: list[str], full: list[str]) -> bool:
    """True when the words of `short` appear in `full` in order ("Padrino Lopez" in
    "Vladimir Padrino Lopez"), and a one-word `short` is not just the first name."""
    if not short or len(short) >= len(full):
        return False
    if len(short) == 1 and short[0] == full[0]:
        return False
    return in_order(short, full)


def in_order(short: list[str], long: list[str]) -> bool:
    """True when every word of `short` appears in `long`, in the same order (gaps allowed)."""
    position = 0
    for word in short:
        try:
            position = long.index(word, position) + 1
        except ValueError:
            return False
    return True


def title_case(text: str) -> str:
    """ "WASHINGTON" -> "Washington"; other text unchanged."""
    if text.isupper() and len(text) > 4 and all(w.isalpha() for w in text.split()):
        return " ".join(w.capitalize() for w in text.split())
    return text


class FullNames(Generic[K]):
    """Full names (word lists) under keys, looked up by a partial name: the keys whose full name the
    partial one is part of (`is_part_of_name`), in the order added. Only names sharing the partial
    name's rarest word are compared, and each distinct partial name is looked up once."""

    def __init__(self) -> None:
        self.names: dict[K, list[str]] = {}
        self.words: Postings[K] = Postings()
        self.found: dict[tuple[str, ...], list[K]] = {}

    def add(self, name_key: K, words: list[str]) -> None:
        if name_key not in self.names:
            self.names[name_key] = words
            self.words.add(name_key, words)
            self.found.clear()

    def containing(self, short: list[str]) -> list[K]:
        """Keys of the full names `short` is part of."""
        query = tuple(short)
        if query not in self.found:
            self.found[query] = [k for k in self.words.sharing_all(short) if is_part_of_name(short, self.names[k])]
        return self.found[query]
