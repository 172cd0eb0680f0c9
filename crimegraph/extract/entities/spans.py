"""Entity candidates and the span repairs applied to them: splitting, trimming, extending person names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crimegraph.extract.entities.names import fold
from crimegraph.extract.indexes import Containment, Cover, nearest_at_or_after, nearest_at_or_before

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
    source: str = "model"  # model | lexicon | pattern | echo
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


class NameGrowth:
    """What growing person spans over neighbouring name words reads, indexed once per Doc: where a name
    cannot continue (a blocked token, a word that is no name word, a sentence start), the tokens held by
    candidates a name may not swallow (fixed while names grow: those never grow themselves), and the
    tokens some candidate covers. Growing every person of a Doc is then linear in its tokens."""

    def __init__(self, doc: Doc, cands: Sequence[Candidate], stop: Iterable[int]) -> None:
        size = len(doc)
        self.doc = doc
        self.blocked = set(stop)
        self.name = [is_name_token(t) for t in doc]
        starts = [bool(t.is_sent_start) for t in doc]
        hard = [False] * size
        self.cover = Cover(size)
        for cand in cands:
            self.cover.mark(cand.start, cand.end)
            if not absorbable(cand):
                for i in range(max(cand.start, 0), min(cand.end, size)):
                    hard[i] = True
        self.next_hard = nearest_at_or_after(hard)
        self.prev_hard = nearest_at_or_before(hard)
        self.next_stop = nearest_at_or_after(
            [i in self.blocked or not self.name[i] or starts[i] for i in range(size)])
        self.reach = list(range(size))  # the leftmost token a name starting at i may grow back to
        for i in range(1, size):
            if not starts[i] and i - 1 not in self.blocked and self.name[i - 1]:
                self.reach[i] = self.reach[i - 1]

    def right(self, end: int) -> int:
        """Where a name ending at `end` stops growing: name words, or a particle between two ("de")."""
        doc, size = self.doc, len(self.doc)
        while end < size:
            end = min(self.next_stop[end], self.next_hard[end])
            if end >= size or self.next_stop[end] != end:
                break  # the end of the Doc, or a candidate the name may not swallow
            after = end + 1
            if not (doc[end].lower_ in NAME_PARTICLES and after < size and self.name[after]
                    and after not in self.cover and end not in self.cover and after not in self.blocked):
                break
            end += 2
        return end

    def left(self, start: int) -> int:
        """Where a name starting at `start` stops growing back."""
        if start <= 0:
            return start
        return max(self.reach[start], self.prev_hard[start - 1] + 1)

    def grow(self, cand: Candidate) -> None:
        """Grow a person span over neighbouring capitalised name words ("Vladimir Padrino" + "López")."""
        end = self.right(cand.end + nickname_size(self.doc, cand.end))
        start = self.left(cand.start)
        cand.start, cand.end = start, end
        self.cover.mark(start, end)


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


def outermost(cands: Iterable[Candidate], size: int) -> list[Candidate]:
    """The candidates inside no other one (longest first, then earliest), in text order."""
    kept: list[Candidate] = []
    inner = Containment(size)
    for cand in sorted(cands, key=lambda c: (-c.size, c.start)):
        if not inner.inside(cand.start, cand.end):
            kept.append(cand)
            inner.add(cand.start, cand.end)
    return sorted(kept, key=lambda c: c.start)


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
