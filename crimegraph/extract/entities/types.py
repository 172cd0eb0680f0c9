"""Entity typing: lexicons of actors, places, countries and head words, and the rules that use them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from crimegraph.extract.entities.names import fold, key
from crimegraph.extract.lexicons import rows
from crimegraph.model.countries import to_code

PERSON, STATE, GROUP, ORG, LOC = "PERSON", "STATE_ACTOR", "ILLEGAL_GROUP", "ORGANIZATION", "LOCATION"
TYPES = (PERSON, STATE, GROUP, ORG, LOC)
MODEL_LABELS = {"PERSON": PERSON, "PER": PERSON, "GPE": LOC, "LOC": LOC, "FAC": LOC, "ORG": ORG}
GUESSED_LABELS = frozenset({"ORG", "NORP", "MISC", "LOC", "GPE"})
PREPOSITIONS = frozenset("of for in on against de del para en contra".split())


@lru_cache(maxsize=65536)
def country_code(text: str) -> str | None:
    """ISO code of a country name ("U.S.", "Venezuela", "EE.UU."), or None."""
    folded = key(text)
    if not folded or folded in NOT_COUNTRIES or fold(text).strip() in place_keys():
        return None
    code: str | None = to_code(text) or to_code(folded)
    if code is None and folded in EXTRA_COUNTRIES:
        code = EXTRA_COUNTRIES[folded]
    return code


@cache
def place_keys() -> frozenset[str]:
    """Keys of the gazetteer's places (cities and states countrynames would take for their country)."""
    return frozenset(fold(r[0]) for r in rows("places.tsv") if r and r[1] != "region")


NOT_COUNTRIES = frozenset({"america", "georgia", "jordan", "chad", "guinea", "ms", "co", "ca", "pa", "ve"})
EXTRA_COUNTRIES = {"eeuu": "US", "ee uu": "US", "us": "US", "usa": "US", "u s": "US", "estados unidos": "US"}


@dataclass(frozen=True)
class Lexicon:
    """Everything the typing rules look up, for one language."""

    language: str
    actors: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded form -> (type, canonical)
    cased: dict[str, tuple[str, str]] = field(default_factory=dict)  # acronym form -> (type, canonical)
    heads: dict[str, str] = field(default_factory=dict)  # head word -> type
    markers: dict[str, str] = field(default_factory=dict)  # word deciding anywhere -> type
    places: frozenset[str] = frozenset()  # folded place names
    demonyms: dict[str, str] = field(default_factory=dict)  # folded adjective -> country display name
    countries: dict[str, str] = field(default_factory=dict)  # ISO code -> country display name
    leaders: dict[str, str] = field(default_factory=dict)  # folded leader name -> ISO code
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded title -> (body, type)
    forms: tuple[str, ...] = ()  # actor forms as written (not the cased ones)
    lowercase: frozenset[str] = frozenset()  # folded actor forms written in lower case ("colectivos")
    adjectives: dict[str, str] = field(default_factory=dict)  # country display name -> its adjective
    not_actors: frozenset[str] = frozenset()  # heads of names that are no actor ("List", "Law", "Operation")
    written: dict[str, str] = field(default_factory=dict)  # folded actor form -> form as written
    given_names: frozenset[str] = frozenset()  # folded given names ("jose", "maria")
    media: frozenset[str] = frozenset()  # canonical names of news outlets ("El Tiempo", "EFE")

    def actors_forms(self) -> tuple[str, ...]:
        return self.forms

    def form_of(self, text: str) -> str | None:
        """The lexicon form (as written) that `text` matches, ignoring case and accents."""
        return self.written.get(fold(text).replace("’", "'"))

    def adjective_of(self, country: str) -> str | None:
        return self.adjectives.get(country)

    def actor(self, text: str) -> tuple[str, str] | None:
        """(type, canonical) of a known actor's surface form."""
        return self.cased.get(text) or self.actors.get(fold(text).replace("’", "'"))

    def is_place(self, text: str) -> bool:
        return fold(text) in self.places

    def country_of_adjective(self, text: str) -> str | None:
        """Country display name of "Venezuelan", "US", "colombiano" or of a country name."""
        found = self.demonyms.get(fold(text))
        if found is None:
            code = country_code(text)
            found = self.countries.get(code) if code else None
        return found


def is_cased_form(form: str) -> bool:
    """Acronyms and other forms written with capitals only are matched case-sensitively."""
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1) and " " not in form


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon for `language` ("en" or "es"), loaded once."""
    actors: dict[str, tuple[str, str]] = {}
    cased: dict[str, tuple[str, str]] = {}
    forms: list[str] = []
    media: set[str] = set()
    for row in (r for r in rows("actors.tsv") if len(r) >= 3):
        form, type_, canonical = row[:3]
        if row[3:4] == ("media",):
            media.add(canonical)
        if is_cased_form(form):
            cased[form] = (type_, canonical)
        else:
            forms.append(form)
            actors.setdefault(fold(form).replace("’", "'"), (type_, canonical))
    heads: dict[str, str] = {}
    markers: dict[str, str] = {}
    not_actors: set[str] = set()
    for word, type_, role in (r[:3] for r in rows(f"{language}/heads.tsv") if len(r) >= 3):
        if type_ == "NONE":
            not_actors.add(fold(word))
        else:
            (markers if role == "marker" else heads)[fold(word)] = type_
    demonyms: dict[str, str] = {}
    countries: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for form, country in (r[:2] for r in rows(f"{language}/demonyms.tsv") if len(r) >= 2):
        demonyms[fold(form)] = country
        adjectives.setdefault(country, form)
        code = country_code(country)
        if code and code not in countries:
            countries[code] = country
    titles = {fold(r[0]): (r[1] if len(r) > 1 else "", r[2] if len(r) > 2 else "")
              for r in rows(f"{language}/titles.tsv")}
    return Lexicon(
        language, actors, cased, heads, markers,
        places=frozenset(fold(r[0]) for r in rows("places.tsv") if r),
        demonyms=demonyms, countries=countries,
        leaders={fold(r[0]): r[1] for r in rows("leaders.tsv") if len(r) >= 2},
        titles=titles,
        forms=tuple(forms),
        lowercase=frozenset(fold(f) for f in forms if f == f.lower()),
        adjectives=adjectives,
        not_actors=frozenset(not_actors),
        written={fold(f).replace("’", "'"): f for f in reversed(forms)},
        given_names=frozenset(fold(r[0]) for r in rows("given_names.tsv") if r),
        media=frozenset(media),
    )


def head_index(words: Sequence[str], language: str) -> int:
    """Position of a name's head noun: Spanish names lead with it ("Ministerio de ..."),
    English ones end with it, before any prepositional tail ("Ministry of Defense")."""
    if language == "es":
        return 0
    for i, word in enumerate(words):
        if i > 0 and word in PREPOSITIONS:
            return i - 1
    return len(words) - 1


def looks_like_person(words: Sequence[str], lex: Lexicon) -> bool:
    """A two- to four-word name that starts with a common given name and holds no head word
    ("Felipe Ferra Gomez" tagged as an organisation)."""
    return (2 <= len(words) <= 4 and words[0] in lex.given_names
            and not any(w in lex.heads or w in lex.markers or w in lex.not_actors for w in words)
            and not lex.is_place(" ".join(words)))


def classify(words: Sequence[str], model_label: str, lex: Lexicon) -> str | None:
    """A crimegraph type for a name's folded words given the model's label, or None to drop it."""
    if not words:
        return None
    text = " ".join(words)
    if model_label in ("PERSON", "PER") or (model_label in GUESSED_LABELS and looks_like_person(words, lex)):
        return PERSON
    for word in words:
        if word in lex.markers:
            return lex.markers[word]
    heads = [words[head_index(words, lex.language)], words[0], words[-1]]
    for word in heads:
        if word in lex.heads:
            return lex.heads[word]
    if model_label != "NORP" and (country_code(text) or lex.is_place(text)):
        return LOC
    if any(word in lex.not_actors for word in heads):
        return None
    return MODEL_LABELS.get(model_label)
