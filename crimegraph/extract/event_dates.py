"""Which date of a sentence belongs to an event trigger, read off the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from crimegraph.extract.dates import DateMention

# How strongly a date attaches to a trigger: inside its phrase, in its clause, merely nearby.
ATTACHED, CLAUSE, NEARBY = 0, 1, 2
MAX_CLIMB = 6


@dataclass(slots=True, frozen=True)
class DateAnchor:
    """A date mention with the root token of its span (None when it does not align with tokens)."""

    mention: DateMention
    root: Token | None

    @classmethod
    def of(cls, doc: Doc, mention: DateMention) -> DateAnchor:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return cls(mention, span.root if span is not None and len(span) else None)


def is_ancestor(ancestor: Token, token: Token) -> bool:
    return ancestor.is_ancestor(token)


def attachment(trigger: Token, anchor: DateAnchor) -> int | None:
    """ATTACHED, CLAUSE or NEARBY; None when the date belongs to another noun phrase ("the call
    for a protest on January 23" gives the date to the call, not to an earlier trigger)."""
    root = anchor.root
    if root is None:
        return NEARBY
    if trigger is root or trigger.is_ancestor(root):
        return ATTACHED
    current = root
    for _ in range(MAX_CLIMB):
        head = current.head
        if head is current:
            return CLAUSE
        if head.pos_ in ("VERB", "AUX"):
            return CLAUSE if head is trigger or head.is_ancestor(trigger) else NEARBY
        if head.pos_ in ("NOUN", "PROPN") and head.i not in range(root.left_edge.i, root.right_edge.i + 1):
            return None
        current = head
    return NEARBY


def pick_date(trigger: Token, anchors: list[DateAnchor]) -> DateAnchor | None:
    """The best-attached date of the sentence for the trigger, the nearest on ties."""
    best: tuple[int, int, DateAnchor] | None = None
    for anchor in anchors:
        level = attachment(trigger, anchor)
        if level is None:
            continue
        key = (level, abs(anchor.mention.start - trigger.idx), anchor)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None
