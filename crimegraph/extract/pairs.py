"""Candidate claim pairs of a sentence and the features a learned classifier reads off them.

A pair is (subject mention, object) inside one sentence: the object is another entity mention,
a criminal activity word, or the state an agency acts for ("OFAC" -> United States). The
features are plain strings (words between, the dependency path, types, what the rules found),
so the model that weighs them is a small linear one that ships as data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from crimegraph.extract.activities import ActivityFinder
from crimegraph.extract.doc import EntityCluster, entities
from crimegraph.extract.phrases import DocWords
from crimegraph.extract.referents import (
    ANAPHORIC_NOUNS,
    GOVERNMENT_WORDS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    TITLE_ANAPHORS,
    Referents,
)

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
    for cluster in entities(doc):
        if cluster.type not in ACTORS:
            continue
        for start, end in cluster.mentions:
            if start >= len(doc):
                continue
            sent = doc[start].sent
            if end > sent.end:
                continue
            mentions = found.setdefault(sent.start, [])
            if all(m.cluster is not cluster for m in mentions):
                mentions.append(Mention(cluster, start, end))
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


def path(doc: Doc, a: int, b: int) -> tuple[list[Token], list[Token], Token | None]:
    """Tokens from a up to the lowest common head and from that head down to b."""
    up_a = [doc[a], *doc[a].ancestors]
    up_b = [doc[b], *doc[b].ancestors]
    seen = {t.i: n for n, t in enumerate(up_a)}
    for n, token in enumerate(up_b):
        if token.i in seen:
            return up_a[: seen[token.i]], list(reversed(up_b[:n])), token
    return up_a, up_b, None


def head_of(doc: Doc, span: tuple[int, int]) -> int:
    start, end = span
    for i in range(start, end):
        if not (start <= doc[i].head.i < end) or doc[i].head.i == i:
            return i
    return start


def describe(pair: Pair, doc: Doc, token_entity: dict[int, int], clusters: list[EntityCluster],
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
    between = doc[first[1]:second[0]]
    tokens = list(between) if gap <= MAX_BETWEEN else [*between[:5], *between[-5:]]
    words = []
    for token in tokens:
        number = token_entity.get(token.i)
        words.append(f"<{clusters[number].type}>" if number is not None else lemma(token))
    compact = [w for n, w in enumerate(words) if n == 0 or w != words[n - 1]]
    feats.extend(f"b:{w}" for w in compact)
    feats.extend(f"bb:{x}_{y}" for x, y in zip(compact, compact[1:], strict=False))
    if gap <= 4:
        feats.append(f"bs:{to}:{'_'.join(compact)}")
    feats.extend(f"w-:{lemma(t)}" for t in doc[max(pair.sent.start, first[0] - 2):first[0]])
    feats.extend(f"w+:{lemma(t)}" for t in doc[second[1]:min(pair.sent.end, second[1] + 2)])
    feats.extend(f"sw:{t.lower_}" for t in doc[pair.subject_span[0]:pair.subject_span[1]][:4] if not pair.referred)
    if to != "ACTIVITY":
        feats.extend(f"ow:{t.lower_}" for t in doc[pair.object_span[0]:pair.object_span[1]][:4])
    else:
        feats.append(f"act:{pair.object}")
        feats.extend(f"aw:{lemma(t)}" for t in doc[pair.object_span[0]:pair.object_span[1]][:3])
    feats.extend(path_features(doc, pair, ts, to))
    feats.extend(f"r:{r}" for r in rules)
    pair.features = feats
    return feats


def path_features(doc: Doc, pair: Pair, ts: str, to: str) -> list[str]:
    a, b = head_of(doc, pair.subject_span), head_of(doc, pair.object_span)
    up, down, top = path(doc, a, b)
    if top is None:
        return ["p:none"]
    steps = [f"{t.dep_}^" for t in up] + [f"v{t.dep_}" for t in down]
    feats = [f"ga:{doc[a].dep_}:{lemma(doc[a].head)}", f"gb:{doc[b].dep_}:{lemma(doc[b].head)}",
             f"top:{lemma(top)}", f"tt:{ts}>{to}:{lemma(top)}", f"tp:{top.pos_}"]
    if len(steps) <= MAX_PATH:
        feats.append(f"p:{' '.join(steps)}")
        feats.append(f"pl:{' '.join(steps)}:{lemma(top)}")
    else:
        feats.append("p:long")
    inner = [t for t in (*up[1:], *down[:-1]) if t.i != top.i]
    feats.extend(f"pw:{lemma(t)}" for t in inner[:6])
    feats.extend(f"tc:{c.dep_}:{lemma(c)}" for c in top.children if c.dep_ in ("neg", "advmod", "aux", "mark"))
    return feats
