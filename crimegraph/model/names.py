"""Name normalisation shared by node keys, blocking and features: folding, tokens, acronyms, translations."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from normality import ascii_text
from rigour.names import remove_person_prefixes
from rigour.territories import lookup_territory

from crimegraph.model.countries import to_code

STOPWORDS = frozenset("the of de la las los del el y and a an da do dos das e for por en".split())
LEADING = frozenset("the el la los las".split())
_NON_WORD = re.compile(r"[^\w]+")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$")


def data_rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file in crimegraph/model/data ('#' lines are comments)."""
    text = resources.files("crimegraph.model").joinpath("data", name).read_text(encoding="utf-8")
    return [[cell.strip() for cell in line.split("\t")] for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def casefold(name: str) -> str:
    """Lower case with punctuation and spacing folded, accents kept: the identity of a node's name."""
    words = _join_initials(_NON_WORD.sub(" ", name.casefold()).split())
    first = name.split()[0] if name.split() else ""
    if len(words) > 1 and words[0] in LEADING and not (first.isupper() and len(first) > 1):
        words = words[1:]
    return " ".join(words)


def _join_initials(words: list[str]) -> list[str]:
    """Runs of single letters become one word: 'u s' (from 'U.S.') -> 'us', 'ee uu' stays two."""
    joined: list[str] = []
    run = ""
    for word in words:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(word)
    if run:
        joined.append(run)
    return joined


@cache
def fold(name: str) -> str:
    """ASCII lower case with punctuation and spacing folded and a leading article dropped."""
    return casefold(ascii_text(name) or name)


def tokens(name: str) -> list[str]:
    """The folded words of a name."""
    return fold(name).split()


def content_tokens(name: str) -> list[str]:
    """The folded words of a name without function words."""
    return [t for t in tokens(name) if t not in STOPWORDS]


def person_tokens(name: str) -> list[str]:
    """The folded words of a person's name without titles such as 'General' or 'Mr.'."""
    return tokens(remove_person_prefixes(name) or name)


def is_acronym(name: str) -> bool:
    """Whether a name is written as an acronym: 'GNB', 'E.L.N.', 'FARC'."""
    compact = name.replace(" ", "")
    return bool(_ACRONYM.match(compact))


def acronym(name: str) -> str | None:
    """Initials of the content words of a name of three or more of them ('Guardia Nacional Bolivariana' -> 'gnb')."""
    words = content_tokens(name)
    if len(words) < 3:
        return None
    return "".join(w[0] for w in words)


def singular(word: str) -> str:
    """A crude English singular, enough to compare 'forces' with 'force'."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@cache
def _phrases() -> dict[str, str]:
    found: dict[str, str] = {}
    for row in data_rows("translations.tsv"):
        if len(row) >= 3 and row[0] == "phrase":
            found[fold(row[1])] = fold(row[2])
            found.setdefault(fold(row[2]), fold(row[2]))
    return found


@cache
def _words() -> dict[str, str]:
    return {fold(row[1]): fold(row[2]) for row in data_rows("translations.tsv") if len(row) >= 3 and row[0] == "word"}


@cache
def translated(name: str) -> str:
    """A language-neutral bag of words for a name: phrase or word translations to English, singular, sorted.

    'Cartel de los Soles' and 'Cartel of the Suns' both give 'cartel sun'.
    """
    folded = fold(name)
    phrase = _phrases().get(folded, folded)
    words = _words()
    bag: list[str] = []
    for word in phrase.split():
        if word in STOPWORDS or len(word) == 1:
            continue
        bag.extend(singular(w) for w in words.get(word, word).split())
    return " ".join(sorted(bag))


@cache
def generic_words() -> frozenset[str]:
    """English words that make up generic names of state bodies (data/generic.tsv)."""
    return frozenset(singular(fold(row[0])) for row in data_rows("generic.tsv") if row)


def is_generic(name: str) -> bool:
    """Whether a name is only generic state-body words ('Defense Ministry', 'Policía Nacional')."""
    bag = translated(name).split()
    return bool(bag) and all(word in generic_words() for word in bag)


SHORT_COUNTRIES = frozenset({"us", "usa", "uk"})


@cache
def countries_in(name: str) -> frozenset[str]:
    """ISO codes of the countries a name mentions ('Policía Nacional de Colombia' -> CO, 'Mexican Navy' -> MX)."""
    words = fold(name).split()
    english = [w for word in words for w in _words().get(word, word).split()]
    found: set[str] = set()
    for sequence in (words, english):
        for size in (3, 2, 1):
            for start in range(len(sequence) - size + 1):
                gram = sequence[start:start + size]
                if size == 1 and (gram[0] in STOPWORDS or (len(gram[0]) < 4 and gram[0] not in SHORT_COUNTRIES)):
                    continue
                code = _country(" ".join(gram))
                if code:
                    found.add(code)
    return frozenset(found)


@cache
def _country(text: str) -> str | None:
    """ISO code when `text` names a country: rigour and countrynames must agree (either alone also takes
    capitals or states for their country: 'Caracas', 'Colorado'); an acronym ('U.S.', 'UK') needs rigour only."""
    territory = lookup_territory(text)
    code: str | None = to_code(text)
    if territory is None:
        return None if is_acronym(text) else code
    if not territory.is_country or "-" in territory.code:
        return None
    found = territory.code.upper()
    return found if code == found or is_acronym(text) else None


def country_of(name: str) -> str | None:
    """ISO code of a country name in any common form ('Venezuela', 'Estados Unidos', 'U.S.'); None otherwise."""
    return _country(name.strip())
