"""Event trigger words: a lexicon of lemmas per event type, checked against the parse."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from crimegraph.extract.lexicons import rows

NAMED_OBJECT = "@name"  # a need met by a proper name as the trigger's object ("recognized Guaidó")
OBJECT_DEPS = frozenset("dobj obj nsubjpass nsubj:pass".split())
POS = {"VERB": ("VERB", "AUX"), "NOUN": ("NOUN", "PROPN"), "ANY": ("VERB", "AUX", "NOUN", "PROPN")}


@dataclass(slots=True, frozen=True)
class TriggerRule:
    """A lemma that signals an event type, when its part of speech and dependents fit."""

    lemma: str
    type: str
    pos: tuple[str, ...]
    needs: frozenset[str]


@dataclass(slots=True, frozen=True)
class Trigger:
    """A token of the Doc that signals an event of `type`."""

    token: Token
    type: str

    @property
    def nominal(self) -> bool:
        return self.token.pos_ in ("NOUN", "PROPN")


@cache
def word_groups(language: str) -> dict[str, frozenset[str]]:
    """Lemma -> the groups of event_words.tsv it belongs to (modal, irrealis, goods, ...)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for row in rows(f"{language}/event_words.tsv"):
        if len(row) >= 2:
            groups[row[0].lower()].add(row[1])
    return {word: frozenset(found) for word, found in groups.items()}


def group(language: str, name: str) -> frozenset[str]:
    """The words of one group of event_words.tsv."""
    return _group(language, name)


@cache
def _group(language: str, name: str) -> frozenset[str]:
    return frozenset(w for w, groups in word_groups(language).items() if name in groups)


@cache
def trigger_rules(language: str) -> dict[str, tuple[TriggerRule, ...]]:
    """Lemma -> its rules, constrained ones first."""
    found: dict[str, list[TriggerRule]] = defaultdict(list)
    for row in rows(f"{language}/triggers.tsv"):
        if len(row) < 3:
            continue
        needs: set[str] = set()
        for need in (row[3].split("|") if len(row) > 3 and row[3] else []):
            if need == NAMED_OBJECT or not need.startswith("@"):
                needs.add(need.lower())
            else:
                needs |= group(language, need[1:])
        found[row[0].lower()].append(TriggerRule(row[0].lower(), row[1], POS[row[2].upper()], frozenset(needs)))
    return {lemma: tuple(sorted(rules, key=lambda r: not r.needs)) for lemma, rules in found.items()}


def dependents(token: Token, depth: int = 2) -> set[str]:
    """Lemmas and forms of the token's dependents down to `depth` levels."""
    found: set[str] = set()
    if any(c.dep_ in OBJECT_DEPS and c.pos_ == "PROPN" for c in token.children):
        found.add(NAMED_OBJECT)
    level = [token]
    for _ in range(depth):
        level = [child for t in level for child in t.children]
        for child in level:
            found.add(child.lemma_.lower())
            found.add(child.lower_)
    return found


class TriggerFinder:
    """Finds the trigger tokens of a sentence (the lexicon is loaded once)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.rules = trigger_rules(language)

    def find(self, sent: Span) -> list[Trigger]:
        found = []
        for token in sent:
            if not _wordlike(token) or _scare_quoted(token):
                continue
            rule = self.rule_for(token)
            if rule is not None:
                found.append(Trigger(token, rule.type))
        return found

    def rule_for(self, token: Token) -> TriggerRule | None:
        """The first rule that fits the token, or None."""
        rules = self.rules.get(token.lemma_.lower()) or self.rules.get(token.lower_)
        if not rules:
            return None
        near: set[str] | None = None
        for rule in rules:
            if token.pos_ not in rule.pos:
                continue
            if rule.needs:
                near = dependents(token) if near is None else near
                if not rule.needs & near:
                    continue
            return rule
        return None


def _wordlike(token: Token) -> bool:
    """A word of running text, not part of a link, a path or a hashtag."""
    text = token.text
    return text.isalpha() or (text.replace("-", "").isalpha() and not token.like_url)


QUOTES = frozenset("\"'“”‘’«»")


def _scare_quoted(token: Token) -> bool:
    """A single word between quotation marks ("the DEA had 'kidnapped' them") is used loosely."""
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return before in QUOTES and after in QUOTES
