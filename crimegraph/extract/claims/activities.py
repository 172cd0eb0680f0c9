"""Criminal-activity words in a text, mapped to the 14 activity codes of the guidelines."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crimegraph.extract.arguments import OBJECTS, children
from crimegraph.extract.lexicons import rows
from crimegraph.extract.phrases import DocWords, PhraseTable, keys

NOUN_POS = frozenset({"NOUN", "PROPN", "ADJ", "X"})
VERB_POS = frozenset({"VERB", "AUX"})
COUNTER = frozenset("anti counter contra against".split())
LAWFUL = frozenset("legal licit lawful legitimate lícito lícita legales".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """An activity word or phrase: token span, head token index, activity code and kind.

    kind: noun ("drug trafficking"), agent ("drug lord"), verb ("launder", "smuggle cocaine"),
    adjective ("corrupt").
    """

    start: int
    end: int
    head: int
    activity: str
    kind: str


class ActivityFinder:
    """Finds activity mentions with one phrase table and a few dict lookups per token."""

    def __init__(self, language: str) -> None:
        self.phrases = PhraseTable()
        self.tables: dict[str, dict[str, str]] = {}
        for row in rows(f"{language}/activities.tsv"):
            if len(row) < 3:
                continue
            phrase, activity, kind = row[:3]
            if kind in ("noun", "agent"):
                self.phrases.add(phrase, f"{activity}\t{kind}")
            else:
                self.tables.setdefault(kind, {})[phrase.lower()] = activity
        self.single_words = frozenset(w for k in ("verb", "trade", "adjective") for w in self.tables.get(k, {}))

    def table(self, kind: str, token: Token) -> str | None:
        found = self.tables.get(kind, {})
        for key in keys(token):
            if key in found:
                return found[key]
        return None

    def find_words(self, words: DocWords) -> list[Mention]:
        """Activity mentions in a whole Doc, in text order (the fast path of `find`)."""
        doc = words.doc
        found: list[Mention] = []
        covered: set[int] = set()
        for start, end, value in self.phrases.find_words(words):
            mention = self.phrase_mention(doc, start, end, value)
            if mention is not None:
                found.append(mention)
                covered.update(range(start, end))
        for token in words.hits(self.single_words):
            if token.i not in covered and (mention := self.single(token)) is not None:
                found.append(mention)
        found.sort(key=lambda m: m.start)
        return found

    def phrase_mention(self, doc: Doc, start: int, end: int, value: str) -> Mention | None:
        head = span_head(doc[start:end])
        if head.pos_ not in NOUN_POS or countering(doc, start):
            return None
        activity, kind = value.split("\t")
        return Mention(start, end, head.i, activity, kind)

    def find(self, tokens: Doc | Span) -> list[Mention]:
        """Activity mentions in a Doc or Span, in text order."""
        found: list[Mention] = []
        covered: set[int] = set()
        doc = tokens.doc if isinstance(tokens, Span) else tokens
        for start, end, value in self.phrases.find(tokens):
            mention = self.phrase_mention(doc, start, end, value)
            if mention is not None:
                found.append(mention)
                covered.update(range(start, end))
        for token in tokens:
            if token.i in covered:
                continue
            mention = self.single(token)
            if mention is not None:
                found.append(mention)
        found.sort(key=lambda m: m.start)
        return found

    def single(self, token: Token) -> Mention | None:
        """A one-word mention: an activity verb, a trade verb with goods, or an adjective."""
        if token.pos_ in VERB_POS:
            goods = self.goods(token)
            activity = goods or self.table("verb", token)
            if activity is not None:
                return Mention(token.i, token.i + 1, token.i, activity, "verb")
        elif token.pos_ == "ADJ":
            activity = self.table("adjective", token)
            if activity is not None:
                return Mention(token.i, token.i + 1, token.i, activity, "adjective")
        return None

    def goods(self, verb: Token) -> str | None:
        """The activity of a trade verb with trafficked goods as its object ("smuggle fuel")."""
        if self.table("trade", verb) is None and self.table("verb", verb) is None:
            return None
        for obj in children(verb, OBJECTS):
            for item in [obj, *children(obj, ("conj",))]:
                found = self.table("goods", item)
                if found is not None:
                    return found
                for mod in children(item, ("compound", "amod", "nmod")):
                    found = self.table("goods", mod)
                    if found is not None:
                        return found
        return None

    def in_name(self, name: str) -> str | None:
        """The activity a word of an organisation's name implies ("Sinaloa Cartel")."""
        table = self.tables.get("name", {})
        for word in name.lower().replace("-", " ").split():
            if word in table:
                return table[word]
        return None


def span_head(span: Span) -> Token:
    """The token of a span whose syntactic head lies outside it (the last such token)."""
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    return heads[-1] if heads else span[-1]


def countering(doc: Doc, start: int) -> bool:
    """ "anti-corruption", "counter-narcotics", "legal coca cultivation": a mention that is no crime."""
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    if before and before[-1] in LAWFUL:
        return True
    return bool(before) and (before[-1] in COUNTER or before[-1] == "-" and len(before) > 1 and before[0] in COUNTER)
