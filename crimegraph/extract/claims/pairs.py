"""Candidate claim pairs of a sentence and the features a learned classifier reads off them.

A pair is (subject mention, object) inside one sentence: the object is another entity mention,
a criminal activity word, or the state an agency acts for ("OFAC" -> United States). The
features are plain strings (words between, the dependency path, types, what the rules found),
so the model that weighs them is a small linear one that ships as data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.tokens import Doc, Span, Token

from crimegraph.extract.claims.activities import ActivityFinder
from crimegraph.extract.doc import EntityCluster, entities
from crimegraph.extract.entities.referents import (
    ANAPHORIC_NOUNS,
    GOVERNMENT_WORDS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    TITLE_ANAPHORS,
    Referents,
)
from crimegraph.extract.indexes import Sentences
from crimegraph.extract.phrases import DocWords

ACTORS = frozenset({"PERSON", "STATE_ACTOR", "ILLEGAL_GROUP", "ORGANIZATION", "LOCATION"})
MAX_MENTIONS = 14  # per sentence: a list of 40 names gives no more than 14*13 pairs
MAX_BETWEEN = 12
MAX_PATH = 7
REFERRING = PERSON_PRONOUNS | GROUP_PRONOUNS | PLURAL_PRONOUNS
REFERRING_NOUNS = ANAPHORIC_NOUNS | GOVERNMENT_WORDS | TITLE_ANAPHORS


@dataclass(slots=True)
class Pair:
    """One candidate: subject cluster and object (cluster name, activity code or state) in a sentence."""

    subject: EntityCluster
    object: str
    object_type: str  # an entity type, ACTIVITY or STATE
    sent: Span
    subject_span: tuple[int, int]
    object_span: tuple[int, int]
    kind: str = ""  # activity word kind (noun, agent, verb, adjective)
    referred: str = ""  # the pronoun or noun that stands for the subject, when it is not named
    features: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Mention:
    cluster: EntityCluster
    start: int
    end: int
    referred: str = ""


def sentence_mentions(doc: Doc) -> dict[int, list[Mention]]:
    """The first mention of each entity in each sentence (keyed by sentence start token)."""
    found: dict[int, list[Mention]] = {}
    sentences = Sentences(doc)
    seen: set[tuple[int, int]] = set()  # (sentence start, cluster)
    for cluster in entities(doc):
        if cluster.type not in ACTORS:
            continue
        for start, end in cluster.mentions:
            if start >= len(doc):
                continue
            sent_start, sent_end = sentences.bounds(start)
            if end > sent_end:
                continue
            if (sent_start, id(cluster)) not in seen:
                seen.add((sent_start, id(cluster)))
                found.setdefault(sent_start, []).append(Mention(cluster, start, end))
    for mentions in found.values():
        mentions.sort(key=lambda m: m.start)
        del mentions[MAX_MENTIONS:]
    return found


def referred_mentions(sent: Span, refs: Referents, named: list[Mention]) -> list[Mention]:
    """Subjects a sentence does not name: "he", "the group", "the government" resolved to an entity."""
    found: list[Mention] = []
    for token in sent:
        lower = token.lower_
        if lower in REFERRING or (token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass")
                                  and lower in REFERRING_NOUNS):
            cluster = refs.resolve(token)
            if cluster is not None and cluster.type in ACTORS and all(m.cluster is not cluster
                                                                      for m in (*named, *found)):
                found.append(Mention(cluster, token.i, token.i + 1, lower))
    return found


def candidate_pairs(doc: Doc, words: DocWords, activities: ActivityFinder,
                    state_of: dict[str, str], refs: Referents) -> list[Pair]:
    """Every ordered pair of actors of a sentence, and every actor with an activity or sanctioning state."""
    by_sent = sentence_mentions(doc)
    for sent in doc.sents:
        named = by_sent.get(sent.start, [])
        extra = referred_mentions(sent, refs, named)
        if extra:
            by_sent[sent.start] = [*named, *extra][:MAX_MENTIONS + 4]
    acts: dict[int, list[tuple[int, int, str, str]]] = {}
    for found in activities.find_words(words):
        acts.setdefault(doc[found.head].sent.start, []).append((found.start, found.end, found.activity, found.kind))
    pairs: list[Pair] = []
    for start, mentions in sorted(by_sent.items()):
        sent = doc[start].sent
        objects = [m for m in mentions if not m.referred]
        for a in mentions:
            span = (a.start, a.end)
            for b in objects:
                if a.cluster is not b.cluster and a.cluster.name != b.cluster.name:
                    pairs.append(Pair(a.cluster, b.cluster.name, b.cluster.type, sent, span, (b.start, b.end),
                                      referred=a.referred))
            for b in objects:
                state = state_of.get(b.cluster.name)
                if state and state != a.cluster.name and b.cluster is not a.cluster:
                    pairs.append(Pair(a.cluster, state, "STATE", sent, span, (b.start, b.end), referred=a.referred))
            seen: set[str] = set()
            for act_start, act_end, code, kind in acts.get(start, []):
                if code in seen or a.start <= act_start < a.end:
                    continue
                seen.add(code)
                pairs.append(Pair(a.cluster, code, "ACTIVITY", sent, span, (act_start, act_end), kind,
                                  referred=a.referred))
    return pairs


def lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


class View:
    """The token attributes the features read, taken from the Doc once (spaCy attribute access is slow)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        strings = doc.vocab.strings
        table = doc.to_array([LEMMA, LOWER, DEP, POS])
        names: dict[int, str] = {}

        def text(key: int) -> str:
            if key not in names:
                names[key] = strings[key] if key else ""
            return names[key]

        self.lower = [text(int(k)) for k in table[:, 1]]
        self.lemma = [(text(int(k)) or doc[i].text).lower() for i, k in enumerate(table[:, 0])]
        self.dep = [text(int(k)) for k in table[:, 2]]
        self.pos = [text(int(k)) for k in table[:, 3]]
        self.head = [t.head.i for t in doc]

    def up(self, i: int) -> list[int]:
        """The token and its heads up to the root."""
        chain = [i]
        while self.head[chain[-1]] != chain[-1] and len(chain) <= len(self.head):
            chain.append(self.head[chain[-1]])
        return chain


def path(view: View, a: int, b: int) -> tuple[list[int], list[int], int | None]:
    """Tokens from a up to the lowest common head and from that head down to b."""
    up_a, up_b = view.up(a), view.up(b)
    seen = {t: n for n, t in enumerate(up_a)}
    for n, token in enumerate(up_b):
        if token in seen:
            return up_a[: seen[token]], list(reversed(up_b[:n])), token
    return up_a, up_b, None


def head_of(heads: Sequence[int], span: tuple[int, int], offset: int = 0) -> int:
    """The first token of the span whose head lies outside it (`heads[i - offset]` is token i's head)."""
    start, end = span
    for i in range(start, end):
        head = heads[i - offset]
        if not (start <= head < end) or head == i:
            return i
    return start


def describe(pair: Pair, view: View, token_entity: dict[int, int], clusters: list[EntityCluster],
             rules: Iterable[str]) -> list[str]:
    """The features of one pair (also stored on it)."""
    ts, to = pair.subject.type, pair.object_type
    first, second = sorted([pair.subject_span, pair.object_span])
    forward = pair.subject_span[0] <= pair.object_span[0]
    feats = [f"t:{ts}>{to}", f"o:{'f' if forward else 'b'}:{to}", f"k:{pair.kind}"]
    if pair.referred:
        feats.extend([f"ref:{pair.referred}", f"ref:{ts}>{to}"])
    gap = max(0, second[0] - first[1])
    feats.append(f"d:{min(gap, 8) if gap < 8 else (12 if gap < 16 else 20)}")
    between = range(first[1], second[0])
    indices = list(between) if gap <= MAX_BETWEEN else [*between[:5], *between[-5:]]
    words = []
    for i in indices:
        number = token_entity.get(i)
        words.append(f"<{clusters[number].type}>" if number is not None else view.lemma[i])
    compact = [w for n, w in enumerate(words) if n == 0 or w != words[n - 1]]
    feats.extend(f"b:{w}" for w in compact)
    feats.extend(f"bb:{x}_{y}" for x, y in zip(compact, compact[1:], strict=False))
    if gap <= 4:
        feats.append(f"bs:{to}:{'_'.join(compact)}")
    feats.extend(f"w-:{view.lemma[i]}" for i in range(max(pair.sent.start, first[0] - 2), first[0]))
    feats.extend(f"w+:{view.lemma[i]}" for i in range(second[1], min(pair.sent.end, second[1] + 2)))
    if not pair.referred:
        feats.extend(f"sw:{view.lower[i]}" for i in range(pair.subject_span[0], pair.subject_span[1])[:4])
    if to != "ACTIVITY":
        feats.extend(f"ow:{view.lower[i]}" for i in range(pair.object_span[0], pair.object_span[1])[:4])
    else:
        feats.append(f"act:{pair.object}")
        feats.extend(f"aw:{view.lemma[i]}" for i in range(pair.object_span[0], pair.object_span[1])[:3])
    feats.extend(path_features(view, pair, ts, to))
    feats.extend(f"r:{r}" for r in rules)
    pair.features = feats
    return feats


def path_features(view: View, pair: Pair, ts: str, to: str) -> list[str]:
    a, b = head_of(view.head, pair.subject_span), head_of(view.head, pair.object_span)
    up, down, top = path(view, a, b)
    if top is None:
        return ["p:none"]
    lem, dep = view.lemma, view.dep
    steps = [f"{dep[t]}^" for t in up] + [f"v{dep[t]}" for t in down]
    feats = [f"ga:{dep[a]}:{lem[view.head[a]]}", f"gb:{dep[b]}:{lem[view.head[b]]}",
             f"top:{lem[top]}", f"tt:{ts}>{to}:{lem[top]}", f"tp:{view.pos[top]}"]
    if len(steps) <= MAX_PATH:
        feats.append(f"p:{' '.join(steps)}")
        feats.append(f"pl:{' '.join(steps)}:{lem[top]}")
    else:
        feats.append("p:long")
    inner = [t for t in (*up[1:], *down[:-1]) if t != top]
    feats.extend(f"pw:{lem[t]}" for t in inner[:6])
    feats.extend(f"tc:{c.dep_}:{lemma(c)}" for c in view.doc[top].children
                 if c.dep_ in ("neg", "advmod", "aux", "mark"))
    return feats
