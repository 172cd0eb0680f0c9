"""A phrase table: multi-word lexicon entries found by word form or lemma, longest first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

_END = ""  # key under which a trie node stores the value of the phrase ending there


class PhraseTable:
    """Maps phrases to values; a phrase word matches a token's lower-cased form or lemma.

    Entries are split on spaces and hyphens are kept as words of their own, the way
    spaCy tokenises "drug-trafficking". Lookups are dict walks: no regular expressions.
    """

    def __init__(self, entries: Iterable[tuple[str, str]] = ()) -> None:
        self.root: dict[str, object] = {}
        for phrase, value in entries:
            self.add(phrase, value)

    def add(self, phrase: str, value: str) -> None:
        node = self.root
        for word in split_words(phrase):
            child = node.setdefault(word, {})
            assert isinstance(child, dict)
            node = child
        node[_END] = value

    def __bool__(self) -> bool:
        return bool(self.root)

    def match_at(self, tokens: Doc | Span | Sequence[Token], start: int) -> tuple[int, str] | None:
        """The longest phrase starting at tokens[start]: (length, value), or None."""
        return self._longest(keys(tokens[i]) for i in range(start, len(tokens)))

    def find(self, tokens: Doc | Span) -> list[tuple[int, int, str]]:
        """Non-overlapping matches in a Doc or Span, left to right: (start, end, value) token indices."""
        found: list[tuple[int, int, str]] = []
        offset = tokens.start if isinstance(tokens, Span) else 0
        i = 0
        while i < len(tokens):
            hit = self.match_at(tokens, i)
            if hit is None:
                i += 1
                continue
            found.append((offset + i, offset + i + hit[0], hit[1]))
            i += hit[0]
        return found

    def find_words(self, words: DocWords) -> list[tuple[int, int, str]]:
        """Like `find` over a whole Doc, reading the forms and lemmas `words` holds."""
        found: list[tuple[int, int, str]] = []
        root, lower, lemma = self.root, words.lower, words.lemma
        i, size = 0, len(lower)
        while i < size:
            if lower[i] not in root and lemma[i] not in root:
                i += 1
                continue
            hit = self.match_words(words, i)
            if hit is None:
                i += 1
                continue
            found.append((i, i + hit[0], hit[1]))
            i += hit[0]
        return found

    def match_words(self, words: DocWords, start: int) -> tuple[int, str] | None:
        """Like `match_at`, reading the forms and lemmas `words` holds."""
        return self._longest((words.lower[i], words.lemma[i]) for i in range(start, len(words.lower)))

    def _longest(self, steps: Iterable[tuple[str, ...]]) -> tuple[int, str] | None:
        """Walk the trie with each word's keys in turn; the longest phrase passed: (length, value)."""
        frontier: list[dict[str, object]] = [self.root]
        best: tuple[int, str] | None = None
        for length, word_keys in enumerate(steps, 1):
            frontier = _advance(frontier, word_keys)
            if not frontier:
                break
            for node in frontier:
                value = node.get(_END)
                if isinstance(value, str):
                    best = (length, value)
        return best

    def lookup(self, token: Token) -> str | None:
        """The value of a one-word entry for this token, if any."""
        for key in keys(token):
            node = self.root.get(key)
            if isinstance(node, dict):
                value = node.get(_END)
                if isinstance(value, str):
                    return value
        return None


def _advance(frontier: list[dict[str, object]], word_keys: tuple[str, ...]) -> list[dict[str, object]]:
    nxt: list[dict[str, object]] = []
    for node in frontier:
        for key in word_keys:
            child = node.get(key)
            if isinstance(child, dict) and all(child is not n for n in nxt):
                nxt.append(child)
    return nxt


def keys(token: Token) -> tuple[str, ...]:
    lower: str = token.lower_
    lemma: str = token.lemma_.lower()
    return (lower,) if lemma == lower or not lemma else (lower, lemma)


def split_words(phrase: str) -> list[str]:
    return phrase.lower().replace("-", " - ").split()


class DocWords:
    """A Doc's tokens with their lower-cased forms and lemmas, read once for all lexicon lookups."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        strings = doc.vocab.strings
        rows_: list[list[int]] = doc.to_array([LOWER, LEMMA]).tolist() if len(doc) else []
        names: dict[int, str] = {}
        for key in {k for row in rows_ for k in row}:
            try:
                names[key] = strings[key].lower()
            except KeyError:  # a hash with no string (an empty lemma)
                names[key] = ""
        self.lower: list[str] = [names[row[0]] for row in rows_]
        self.lemma: list[str] = [names[row[1]] for row in rows_]
        self.index: dict[str, list[int]] = {}
        for i, (a, b) in enumerate(zip(self.lower, self.lemma, strict=True)):
            self.index.setdefault(a, []).append(i)
            if b != a:
                self.index.setdefault(b, []).append(i)

    def hits(self, words: Iterable[str]) -> list[Token]:
        """Tokens whose form or lemma is one of `words`, in text order."""
        found: set[int] = set()
        for word in words:
            found.update(self.index.get(word, ()))
        return [self.doc[i] for i in sorted(found)]
