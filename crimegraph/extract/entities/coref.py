"""Within-article coreference: group entity mentions into clusters (acronyms, parentheses, surnames, lexicon)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

from spacy.tokens import Doc, Span

from crimegraph.extract import limits
from crimegraph.extract.doc import EntityCluster, warn
from crimegraph.extract.entities.kinship import introduced_as_relative
from crimegraph.extract.entities.names import (
    FullNames,
    acronym_letters,
    content_words,
    is_acronym,
    is_part_of_name,
    key,
    person_words,
    spellings,
    title_case,
)
from crimegraph.extract.entities.types import LOC, PERSON, country_code
from crimegraph.extract.indexes import Sentences, last_below

MAX_PAREN = 20
GOVERNMENT_NAMES = ("Government of ", "Gobierno de ")
GOVERNMENT_WORDS = frozenset({"government", "regime", "administration", "gobierno", "régimen", "regimen"})
ALIAS_WORDS = frozenset({"alias", "aka", "a.k.a.", "alias:"})
ORGANISATIONS = frozenset({"STATE_ACTOR", "ILLEGAL_GROUP", "ORGANIZATION"})


class UnionFind:
    """Disjoint sets over mention numbers."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def mention_key(ent: Span) -> str:
    """Mentions with equal keys are one entity: lexicon canonical, country code or the folded text."""
    if ent.kb_id_:
        return "text:" + key(ent.kb_id_)
    if ent.label_ == LOC:
        code = country_code(ent.text)
        if code:
            return "country:" + code
    return "text:" + key(ent.text)


def cluster_mentions(doc: Doc, language: str) -> list[EntityCluster]:
    """Entity clusters of the Doc's typed entities, in order of first mention."""
    ents = list(doc.ents)
    sets = UnionFind(len(ents))
    by_key: dict[str, int] = {}
    shared = shared_partials(ents)
    for i, ent in enumerate(ents):
        if i in shared:  # each joins its own nearest full name in link_persons
            continue
        k = mention_key(ent)
        if k in by_key:
            sets.union(by_key[k], i)
        else:
            by_key[k] = i
    link_parentheses(doc, ents, sets)
    link_alias_words(doc, ents, sets)
    link_acronyms(ents, sets)
    link_persons(ents, sets)
    link_tails(ents, sets)
    groups: dict[int, list[int]] = {}
    for i in range(len(ents)):
        groups.setdefault(sets.find(i), []).append(i)
    return [make_cluster([ents[i] for i in members], language) for members in groups.values()]


def link_parentheses(doc: Doc, ents: list[Span], sets: UnionFind) -> None:
    """ "National Liberation Army (Ejército de Liberación Nacional - ELN)": one entity."""
    starts = {ent.start: i for i, ent in enumerate(ents)}
    for i, ent in enumerate(ents):
        j = ent.end
        if j >= len(doc) or doc[j].text != "(":
            continue
        close = next((k for k in range(j + 1, min(len(doc), j + MAX_PAREN)) if doc[k].text == ")"), None)
        if close is None:
            continue
        k = j + 1
        while k < close:
            if k in starts and compatible(ent, ents[starts[k]]):
                sets.union(i, starts[k])
                k = ents[starts[k]].end
            elif doc[k].is_punct or doc[k].is_space or doc[k].lower_ in ("or", "o"):
                k += 1
            else:
                break


def link_alias_words(doc: Doc, ents: list[Span], sets: UnionFind) -> None:
    """ "Guillermo Saenz, alias 'Alfonso Cano'": a nickname is the same person."""
    starts = {ent.start: i for i, ent in enumerate(ents)}
    for i, ent in enumerate(ents):
        j = ent.end
        while j < len(doc) and j - ent.end < 4 and (doc[j].is_punct or doc[j].lower_ in ALIAS_WORDS):
            if doc[j].lower_ in ALIAS_WORDS:
                k = j + 1
                while k < len(doc) and doc[k].is_punct and k - j < 3:
                    k += 1
                if k in starts and ents[starts[k]].label_ == ent.label_:
                    sets.union(i, starts[k])
                break
            j += 1


def compatible(a: Span, b: Span) -> bool:
    """Two mentions that may name the same thing: same type, or an organisation and its acronym."""
    if a.label_ == b.label_:
        return True
    return a.label_ in ORGANISATIONS and b.label_ in ORGANISATIONS and (is_acronym(a.text) or is_acronym(b.text))


def link_acronyms(ents: list[Span], sets: UnionFind) -> None:
    """An acronym joins the entity whose name it spells ("ELN" and "Ejército de Liberación Nacional")."""
    spelled: dict[str, int] = {}  # the first mention (not a person) whose name spells these letters
    for j, other in enumerate(ents):
        if other.label_ != PERSON:
            for letters in spellings(other.text):
                spelled.setdefault(letters, j)
    for i, ent in enumerate(ents):
        if ent.kb_id_ or not is_acronym(ent.text) or ent.label_ == PERSON:
            continue
        found = spelled.get(acronym_letters(ent.text))
        if found is not None:
            sets.union(i, found)


class RootGroups:
    """Mention numbers in groups, each group kept as the distinct roots of its members (roots only merge,
    so the group shrinks to one root as mentions are linked)."""

    def __init__(self, sets: UnionFind) -> None:
        self.sets = sets
        self.members: dict[Hashable, list[int]] = {}
        self.reps: dict[Hashable, list[int]] = {}

    def add(self, group: Hashable, number: int) -> None:
        self.members.setdefault(group, []).append(number)
        self.reps.setdefault(group, []).append(number)

    def roots(self, group: Hashable) -> list[int]:
        """The distinct roots of a group's members now."""
        self.reps[group] = list(dict.fromkeys(self.sets.find(r) for r in self.reps[group]))
        return self.reps[group]


def link_persons(ents: list[Span], sets: UnionFind) -> None:
    """A partial name ("Padrino López", "Reverol") joins the full name that contains it; when several
    full names do, the one mentioned last before it. A bare surname never joins a full name introduced as
    somebody's relative ("President Maduro" is not "his son, Nicolás Maduro Guerra")."""
    if not ents:
        return
    people = [(i, person_words(ent.text)) for i, ent in enumerate(ents) if ent.label_ == PERSON]
    relatives = find_relatives(ents, people)
    fulls: FullNames[tuple[tuple[str, ...], bool]] = FullNames()
    groups = RootGroups(sets)
    for j, full in people:
        group = (tuple(full), j in relatives)
        fulls.add(group, full)
        groups.add(group, j)
    for i, words in people:
        fitting = [g for g in fulls.containing(words) if not (len(words) == 1 and g[1])]
        roots = {r for g in fitting for r in groups.roots(g)}
        if len(roots) == 1:
            sets.union(i, roots.pop())
        elif roots:
            sets.union(i, last_candidate(groups, fitting, i))


def shared_partials(ents: list[Span]) -> set[int]:
    """Partial person names that are part of the full names of two or more people ("Rivera" in an article
    about Kamilo Rivera, his brother Edwin Emanuel Rivera Galvez and Victor Rivera Azuaje). Such mentions
    are not joined by their equal text: "Rivera" then chains all three into one; each goes to the full
    name mentioned last before it instead. A full name inside a longer one ("Victor Rivera" in "Victor
    Rivera Azuaje") is the same person and counts once."""
    people = [(i, person_words(ent.text)) for i, ent in enumerate(ents) if ent.label_ == PERSON]
    fulls: FullNames[tuple[str, ...]] = FullNames()
    for _, words in people:
        fulls.add(tuple(words), words)
    found: set[int] = set()
    verdicts: dict[tuple[str, ...], bool] = {}
    for i, words in people:
        query = tuple(words)
        if query not in verdicts:
            containing = fulls.containing(words)
            widest = [c for c in containing if not any(is_part_of_name(list(c), list(d)) for d in containing)]
            verdicts[query] = len(widest) > 1
        if verdicts[query]:
            found.add(i)
    return found


def find_relatives(ents: list[Span], people: list[tuple[int, list[str]]]) -> set[int]:
    """The full-name mentions introduced as somebody's relative; none are looked for (with a warning) in a
    Doc of more than limits.MAX_DOC_MENTIONS mentions."""
    doc = ents[0].doc
    if len(ents) > limits.MAX_DOC_MENTIONS:
        warn(doc, f"{len(ents):,} entity mentions (over {limits.MAX_DOC_MENTIONS:,}): relatives not told "
                  "apart from namesakes")
        return set()
    sentences = Sentences(doc)
    return {j for j, full in people
            if len(full) >= 2 and introduced_as_relative(ents[j].text, sentences.text(ents[j].start))}


def last_candidate(groups: RootGroups, fitting: Sequence[Hashable], i: int) -> int:
    """The last of the groups' members mentioned before mention i, else the last of them all."""
    before = [j for g in fitting if (j := last_below(groups.members[g], i)) is not None]
    return max(before) if before else max(groups.members[g][-1] for g in fitting)


def link_tails(ents: list[Span], sets: UnionFind) -> None:
    """A shorter organisation name that ends a longer one of the same type joins it, when only one
    entity fits ("National Guard" and "Venezuelan National Guard")."""
    names = [(i, content_words(ent.text)) for i, ent in enumerate(ents) if ent.label_ in ORGANISATIONS]
    tails = RootGroups(sets)
    for j, other in names:
        for size in range(1, len(other)):
            tails.add((tuple(other[-size:]), ents[j].label_), j)
    known = RootGroups(sets)
    for k, ent in enumerate(ents):
        if ent.kb_id_:
            known.add(ent.kb_id_, k)
    for i, words in names:
        if not words or is_acronym(ents[i].text) or ents[i].kb_id_:
            continue
        group = (tuple(words), ents[i].label_)
        if group not in tails.members:
            continue
        roots = tails.roots(group)
        if len(roots) == 1 and not two_canonicals(known, sets, i, roots[0]):
            sets.union(i, roots[0])


def two_canonicals(known: RootGroups, sets: UnionFind, a: int, b: int) -> bool:
    """Whether joining the groups of a and b would make one entity of two lexicon actors ("Liberation Army",
    already the EPL's through "(EPL)", must not then join the National Liberation Army). `known` groups
    the mentions by their lexicon name."""
    both = {sets.find(a), sets.find(b)}
    names = [name for name in known.members if both.intersection(known.roots(name))]
    return len(names) > 1


def surface(ent: Span) -> str:
    """How a mention reads as a name; a bare "regime" or "gobierno" keeps the leader named with it."""
    doc = ent.doc
    if len(ent) == 1 and ent.kb_id_ and ent[0].lower_ in GOVERNMENT_WORDS:
        before = ent.start - 1
        if before >= 0 and doc[before].ent_type_ == PERSON:
            start = before
            while start > 0 and doc[start - 1].ent_type_ == PERSON and doc[start].ent_iob_ == "I":
                start -= 1
            return doc[start : ent.end].text
        after = ent.end + 1
        if after < len(doc) and doc[ent.end].lower_ == "de" and doc[after].ent_type_ == PERSON:
            end = after + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return doc[ent.start : end].text
    return title_case(ent.text.strip())


def make_cluster(members: list[Span], language: str) -> EntityCluster:
    """One cluster: type by vote (lexicon mentions first), the fullest name, other forms as aliases."""
    with_kb = [m for m in members if m.kb_id_]
    votes = Counter(m.label_ for m in (with_kb or members))
    type_ = max(votes, key=lambda t: (votes[t], -next(i for i, m in enumerate(members) if m.label_ == t)))
    texts = [surface(m) for m in members]
    name = choose_name(members, texts, type_, language)
    cluster = EntityCluster(name, type_)
    for text in texts:
        cluster.add_alias(text)
    canonical = next((m.kb_id_ for m in members if m.kb_id_), "")
    if canonical:
        cluster.add_alias(canonical)
    cluster.mentions.extend((m.start, m.end) for m in members)
    return cluster


def choose_name(members: list[Span], texts: list[str], type_: str, language: str) -> str:
    """The canonical (lexicon) name, else the fullest form used."""
    canonical = next((m.kb_id_ for m in members if m.kb_id_), "")
    if canonical and (language == "en" or canonical.startswith(GOVERNMENT_NAMES)
                      or any(key(t) == key(canonical) for t in texts)):
        return canonical
    full = [t for t in texts if not is_acronym(t)] or texts
    if type_ == LOC and country_code(full[0]):
        counts = Counter(full)
        return max(full, key=lambda t: (counts[t], len(t)))
    return max(full, key=lambda t: (len(t.split()), len(t)))
