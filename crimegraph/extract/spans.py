"""Entity candidates and the span repairs applied to them: splitting, trimming, extending person names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crimegraph.extract.names import fold

QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
SPLIT_AT = frozenset({"(", ")", "[", "]", ",", ";", ":", "/", "“", "”", '"', "|", "¿", "?", "¡", "!", "*"})
DASHES = frozenset({"-", "–", "—", "--"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
EN_ARTICLES = frozenset({"the"})
ES_ARTICLES = frozenset({"el", "la", "los", "las"})
NAME_PARTICLES = frozenset({"de", "del", "la", "los", "da", "van", "von", "y"})
OFFICE_HOLDERS = frozenset({"general", "prosecutor", "ombudsman", "comptroller", "attorney", "inspector"})
NOT_NAME = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday i".split()
)


@dataclass(slots=True)
class Candidate:
    """A possible entity mention: token span, crimegraph type (None = undecided) and where it came from."""

    start: int
    end: int
    type: str | None
    canonical: str | None = None  # lexicon or pattern name; mentions with the same one are one entity
    source: str = "model"  # model | lexicon | pattern
    label: str = ""  # the statistical model's label
    weak: bool = False  # type taken from the model's label alone, open to context rules

    @property
    def size(self) -> int:
        return self.end - self.start

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def is_spaced_dash(token: Token) -> bool:
    """A dash with a space before it ("Nacional - ELN"), not a hyphen inside a word."""
    return token.text in DASHES and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def pieces(span: Span) -> list[tuple[int, int]]:
    """Split a model entity at brackets, commas, spaced dashes and possessives."""
    found, start = [], span.start
    doc = span.doc
    person = span.label_ in ("PERSON", "PER")
    quotes = [t.i for t in span if t.text in QUOTES]
    unbalanced = quotes[-1] if person and len(quotes) % 2 else None  # 'Joaquín "El' cut before the quote
    for token in span:
        if token.i == unbalanced:
            if token.i > start:
                found.append((start, token.i))
            return found
        nickname = person and token.text in QUOTES
        cut = (token.text in SPLIT_AT and not nickname) or is_spaced_dash(token) or token.is_space
        if token.text in POSSESSIVE and token.i + 1 < span.end:
            cut = not (token.i > 0 and doc[token.i - 1].lower_ in OFFICE_HOLDERS)  # "Attorney General's Office"
        if cut:
            if token.i > start:
                found.append((start, token.i))
            start = token.i + 1
    if span.end > start:
        found.append((start, span.end))
    return found


def trim(doc: Doc, start: int, end: int, language: str) -> tuple[int, int]:
    """Drop leading articles and punctuation, trailing possessives and punctuation."""
    articles = EN_ARTICLES if language == "en" else ES_ARTICLES
    while start < end and (doc[start].is_punct or doc[start].is_space or (
            doc[start].lower_ in articles and (doc[start].is_lower or language == "en"))):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in POSSESSIVE):
        end -= 1
    return start, end


def has_capital(doc: Doc, start: int, end: int) -> bool:
    return any(c.isupper() for t in doc[start:end] for c in t.text[:2])


def is_name_token(token: Token) -> bool:
    """A capitalised word that may continue a person's name."""
    text = token.text
    return (
        token.is_alpha
        and text[0].isupper()
        and not text.isupper()
        and fold(text) not in NOT_NAME
        and token.pos_ in ("PROPN", "NOUN", "ADJ", "X", "")
    )


def extend_person(doc: Doc, cand: Candidate, taken: dict[int, Candidate], stop: Iterable[int]) -> None:
    """Grow a person span over neighbouring capitalised name words ("Vladimir Padrino" + "López")."""
    blocked = set(stop)
    end = cand.end + nickname_size(doc, cand.end)
    while end < len(doc):
        token = doc[end]
        if end in blocked or not is_name_token(token) or token.is_sent_start:
            if (token.lower_ in NAME_PARTICLES and end + 1 < len(doc) and is_name_token(doc[end + 1])
                    and end + 1 not in taken and end not in taken and doc[end + 1].i not in blocked):
                end += 2
                continue
            break
        other = taken.get(end)
        if other is not None and other is not cand and not absorbable(other):
            break
        end += 1
    start = cand.start
    while start > 0 and not doc[start].is_sent_start:
        token = doc[start - 1]
        if start - 1 in blocked or not is_name_token(token):
            break
        other = taken.get(start - 1)
        if other is not None and other is not cand and not absorbable(other):
            break
        start -= 1
    cand.start, cand.end = start, end


def nickname_size(doc: Doc, i: int) -> int:
    """Size of a quoted nickname inside a name (Joaquín "El Chapo" Guzmán) that a surname follows."""
    if i >= len(doc) or doc[i].text not in QUOTES:
        return 0
    j = i + 1
    while j < len(doc) and j - i <= 4 and doc[j].text not in QUOTES:
        j += 1
    if j < len(doc) - 1 and j - i >= 2 and is_name_token(doc[j + 1]) and doc[i + 1].text[:1].isupper():
        return j + 1 - i
    return 0


def absorbable(other: Candidate) -> bool:
    """A neighbour a person's name may swallow: another person piece or a lone model guess."""
    return other.type == "PERSON" or (other.source == "model" and other.size == 1 and other.canonical is None)


def token_index(cands: Iterable[Candidate]) -> dict[int, Candidate]:
    """Token position -> the candidate covering it."""
    index: dict[int, Candidate] = {}
    for cand in cands:
        for i in range(cand.start, cand.end):
            index[i] = cand
    return index


def resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates: longer first, then lexicon/pattern before model."""
    rank = {"lexicon": 0, "pattern": 1, "model": 2}
    ordered = sorted(cands, key=lambda c: (-c.size, rank.get(c.source, 3), c.start))
    used: set[int] = set()
    kept = []
    for cand in ordered:
        if cand.size <= 0 or any(i in used for i in range(cand.start, cand.end)):
            continue
        used.update(range(cand.start, cand.end))
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)
