"""Which date of a sentence belongs to an event trigger, read off the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from crimegraph.extract.text.dates import DateMention

# How strongly a date attaches to a trigger: inside its phrase, in its clause, merely nearby.
ATTACHED, CLAUSE, NEARBY = 0, 1, 2
MAX_CLIMB = 12


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


def attachment(trigger: Token, anchor: DateAnchor, reporting: frozenset[str] = frozenset()) -> int | None:
    """ATTACHED, CLAUSE or NEARBY; None when the date belongs to another noun phrase ("the call
    for a protest on January 23" gives the date to the call, not to an earlier trigger)."""
    root = anchor.root
    if root is None:
        return NEARBY
    if trigger == root or trigger.is_ancestor(root):
        return ATTACHED
    noun_steps: int | None = None
    current = root
    for _ in range(MAX_CLIMB):
        head = current.head
        if head == current:
            return CLAUSE if noun_steps is None else None
        if noun_steps is not None:
            noun_steps += 1
        if head.pos_ in ("VERB", "AUX"):
            governs = head == trigger or head.is_ancestor(trigger)
            if noun_steps is not None:
                # a date inside a noun phrase counts only when that phrase hangs right off the
                # trigger's own verb ("followed the bust ... on a flight in 2013")
                return CLAUSE if governs and noun_steps <= 2 else None
            if head != trigger and head.lemma_.lower() in reporting:
                return None  # "police said on Friday that...": the date of the report, not of the event
            return CLAUSE if governs else NEARBY
        if noun_steps is None and head.pos_ in ("NOUN", "PROPN") and not _inside(head, root):
            noun_steps = 0
        current = head
    return NEARBY if noun_steps is None else None


def _inside(token: Token, root: Token) -> bool:
    return root.left_edge.i <= token.i <= root.right_edge.i


def pick_date(trigger: Token, anchors: list[DateAnchor],
              reporting: frozenset[str] = frozenset()) -> DateAnchor | None:
    """The best-attached date of the sentence for the trigger, the nearest on ties; dates of
    `reporting` verbs other than the trigger are left out."""
    best: tuple[int, int, DateAnchor] | None = None
    for anchor in anchors:
        level = attachment(trigger, anchor, reporting)
        if level is None:
            continue
        key = (level, abs(anchor.mention.start - trigger.idx), anchor)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None
