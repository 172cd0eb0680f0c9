"""Which of the article's entities a token refers to, with light anaphora for claims."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from crimegraph.extract import doc as cg
from crimegraph.extract.arguments import children, clause_head, coordinated, prep_objects, subject
from crimegraph.extract.doc import EntityCluster

ACTOR_TYPES = frozenset({"PERSON", "STATE_ACTOR", "ILLEGAL_GROUP", "ORGANIZATION"})
ORG_TYPES = frozenset({"STATE_ACTOR", "ILLEGAL_GROUP", "ORGANIZATION"})
PERSON_PRONOUNS = frozenset("he him his she her él ella".split())
GROUP_PRONOUNS = frozenset("it its".split())
PLURAL_PRONOUNS = frozenset("they them their".split())
GROUP_NOUNS = frozenset(
    "group groups gang gangs cartel cartels guerrilla guerrillas rebels rebel militia militias organization "
    "organisation network faction mafia clan army force forces grupo grupos banda bandas cártel "
    "organización red facción milicia ejército".split())
ANAPHORIC_NOUNS = frozenset(
    "group gang cartel guerrilla guerrillas rebels militia organization organisation faction mafia "
    "grupo banda cártel organización facción milicia".split())
PART_NOUNS = frozenset(
    "member members commander commanders officer officers soldier soldiers troops element "
    "elements leader leaders leadership fighter fighters ranks unit units militant militants agent agents "
    "operator operators operative operatives associate associates "
    "guardsmen miembro miembros integrante integrantes comandante comandantes jefe jefes líder líderes "
    "efectivos militares soldados agentes guerrilleros".split())
EXAMPLE_HEADS = frozenset("network networks structure structures redes estructuras".split())
NAMING_VERBS = frozenset("call know refer name dub label llamar llamado conocer conocido denominar denominado".split())
NAMED_HEADS = frozenset(  # not "army" or "front": "the army" is rarely the last guerrilla "Army" named
    "party partido cartel cártel gang pandilla alliance alianza coalition coalición militia milicia police policía "
    "guard guardia navy armada ministry ministerio court tribunal assembly asamblea congress congreso agency "
    "agencia company empresa bank banco".split())
GOVERNMENT_WORDS = frozenset("government gobierno".split())
TITLE_ANAPHORS = frozenset("president mandatario mandataria presidente presidenta".split())
DEFINITE = frozenset("the this that these those el la los las este esta estos estas ese esa esos esas".split())


def name_role(token: Token) -> str:
    """The dependency of a name as a whole: its first word's, climbed through the name's own words."""
    while token.dep_ in ("compound", "flat", "flat:name", "amod") and token.head is not token:
        token = token.head
    return str(token.dep_)


class Referents:
    """Resolves tokens to entity clusters: mentions, then names, parts, pronouns and "the group"."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.clusters = cg.entities(doc)
        self.index: dict[int, int] = doc._.cg_token_entity or {}
        pairs = sorted((start, n) for n, c in enumerate(self.clusters) for start, _ in c.mentions)
        self.starts = [p[0] for p in pairs]
        self.owners = [p[1] for p in pairs]

    def at(self, token: Token) -> EntityCluster | None:
        """The entity whose mention covers the token."""
        number = self.index.get(token.i)
        return self.clusters[number] if number is not None else None

    def across_punct(self, tokens: Iterable[Token]) -> EntityCluster | None:
        """The entity at the first token that is not punctuation, or None."""
        for t in tokens:
            cluster = self.at(t)
            if cluster is not None:
                return cluster
            if not t.is_punct:
                return None
        return None

    def resolve(self, token: Token, part_whole: bool = False) -> EntityCluster | None:
        """The entity a token refers to, or None.

        `part_whole` lets "the FARC's commanders" or "members of the GNB" stand for the group.
        """
        found = self.at(token)
        if found is not None:
            return found
        if token.is_space:  # a paragraph break parsed as the head of the name that follows it
            named = [self.at(c) for c in token.children if c.dep_ in ("flat", "compound", "appos")]
            return next((n for n in named if n is not None), None)
        lower = token.lower_
        if lower in PERSON_PRONOUNS | GROUP_PRONOUNS | PLURAL_PRONOUNS:
            return self.pronoun(token, lower)
        if token.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ"):
            return None
        found = self.through_modifiers(token, part_whole) or self.definite_group(token)
        if found is None and token.dep_ == "appos" and token.pos_ == "PROPN":
            found = self.at(token.head)  # an unrecognised alias in apposition: 'X, alias "Tato",'
        return found

    def pronoun(self, token: Token, lower: str) -> EntityCluster | None:
        """he/she: the last person; it/its: the last group, else organisation; they: the last group.

        A subject pronoun in a reported clause is first taken as the speaker ("X said they paid").
        """
        types = frozenset({"PERSON"}) if lower in PERSON_PRONOUNS else frozenset({"ILLEGAL_GROUP"})
        verb = token.head
        if token.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ccomp":
            speaker = subject(verb.head)
            if speaker is not None and speaker != token:
                found = self.resolve(speaker, part_whole=True)
                if found is not None and found.type in types:
                    return found
        skip = self.clause_subject(token) if token.dep_ not in ("poss", "nsubj", "nsubjpass") else None
        if lower in GROUP_PRONOUNS:  # "it" may be a country: only the last name, if an organisation
            last = self.previous(token, ORG_TYPES | {"LOCATION"}, 2, skip)
            return last if last is not None and last.type in ORG_TYPES else None
        if lower in PERSON_PRONOUNS:
            return self.subject_before(token, skip, depth=2)
        return self.previous(token, types, 2, skip)

    def subject_before(self, token: Token, skip: EntityCluster | None, depth: int) -> EntityCluster | None:
        """he/she: the nearest person named as a clause's subject earlier in this or the previous sentence,
        else what that sentence's own subject pronoun means ("He received ... He was investigated"); None
        when no subject fits (a nearer object, "$1.9 million from X", is not the referent)."""
        for cluster, start in self.before(token, 2):
            subject_ = name_role(self.doc[start]) in ("nsubj", "nsubjpass")
            if cluster.type == "PERSON" and cluster is not skip and subject_:
                return cluster
        if depth <= 1:
            return None
        for index in range(token.i - 1, self.floor(token, 2) - 1, -1):
            earlier = self.doc[index]
            if earlier.lower_ in PERSON_PRONOUNS and earlier.dep_ in ("nsubj", "nsubjpass") and earlier != token:
                return self.subject_before(earlier, None, depth - 1)
        return None

    def through_modifiers(self, token: Token, part_whole: bool) -> EntityCluster | None:
        """ "groups called X", "the rival force, X", "the X drug gang", "X's commanders"."""
        for child in token.children:
            naming = child.lemma_.lower() in NAMING_VERBS and child.tag_ != "VBG"  # "called X", not "calling X"
            if child.dep_ == "appos" or child.dep_ in ("acl", "amod") and naming:
                named = self.first_in(child)
                if named is not None:
                    return named
        if token.lower_ in GROUP_NOUNS or token.lemma_.lower() in GROUP_NOUNS or token.lower_ in EXAMPLE_HEADS:
            for prep in children(token, ("prep",)):
                if prep.lower_ in ("like", "including", "as", "como"):  # "groups such as X", "gangs like X"
                    for example in children(prep, ("pobj",)):
                        found = self.resolve(example)
                        if found is not None and found.type in ORG_TYPES:
                            return found
            for child in children(token, ("compound", "amod", "nmod", "flat", "poss")):
                found = self.at(child)
                if found is not None and found.type in ORG_TYPES:
                    return found
        if part_whole and (token.lower_ in PART_NOUNS or token.lemma_.lower() in PART_NOUNS):
            for child in [*children(token, ("poss", "compound")), *prep_objects(token, ("of", "de", "del"))]:
                found = self.resolve(child)
                if found is not None and found.type in ORG_TYPES:
                    return found
        return None

    def first_in(self, token: Token) -> EntityCluster | None:
        for t in token.subtree:
            found = self.at(t)
            if found is not None:
                return found
        return None

    def definite_group(self, token: Token) -> EntityCluster | None:
        """ "the party", "the group", "el mandatario": the last fitting entity named shortly before."""
        if not any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE or c.lower_ in ("al", "del")
                   for c in token.children):
            return None
        lower = token.lower_
        if lower in GOVERNMENT_WORDS:  # "el gobierno del presidente X": the government the title implies
            for child in prep_objects(token, ("of", "de")):
                found = self.at(child)
                if found is not None and found.type == "STATE_ACTOR":
                    return found
        if any(c.dep_ in ("prep", "nmod", "appos", "flat", "amod", "compound") for c in token.children):
            return None  # "the head of X", "el partido X", "the Colombian government": not an anaphor
        if lower in GOVERNMENT_WORDS:
            return self.main_government()
        if lower in TITLE_ANAPHORS:
            return self.previous(token, frozenset({"PERSON"}), 3)
        if lower in NAMED_HEADS or token.lemma_.lower() in NAMED_HEADS:
            named = self.previous_named(token, lower)
            if named is not None:
                return named
        if lower in ANAPHORIC_NOUNS:
            return self.group_before(token, 3)
        return None

    def group_before(self, token: Token, sentences: int) -> EntityCluster | None:
        """ "the group": the nearest illegal group named as a clause's subject shortly before ("The Rastrojos,
        which emerged from the Norte del Valle cartel, ... Diego Rastrojo was the group's military chief"),
        else the only group named there; None when several groups and none a subject."""
        groups: list[EntityCluster] = []
        for cluster, start in self.before(token, sentences):
            if cluster.type != "ILLEGAL_GROUP":
                continue
            if name_role(self.doc[start]) in ("nsubj", "nsubjpass"):
                return cluster
            if all(cluster is not g for g in groups):
                groups.append(cluster)
        return groups[0] if len(groups) == 1 else None

    def main_government(self) -> EntityCluster | None:
        """The government an article is about: its most mentioned "Government of X" entity."""
        governments = [c for c in self.clusters if c.type == "STATE_ACTOR" and len(c.name.split()) > 2
                       and c.name.split()[0].lower() in GOVERNMENT_WORDS]
        return max(governments, key=lambda c: len(c.mentions), default=None)

    def previous_named(self, token: Token, word: str) -> EntityCluster | None:
        """ "the party" after "the Green Party": the last organisation whose name holds the noun."""
        return next((c for c, _ in self.before(token, 2)
                     if c.type in ORG_TYPES and any(word in n.lower().split() for n in c.names)), None)

    def clause_subject(self, token: Token) -> EntityCluster | None:
        """The entity that is the subject of the clause a pronoun sits in (a pronoun rarely means it)."""
        verb = clause_head(token.head)
        found = subject(verb)
        return self.at(found) if found is not None and found != token else None

    def previous(self, token: Token, types: frozenset[str], sentences: int,
                 skip: EntityCluster | None = None) -> EntityCluster | None:
        """The last entity of the given types mentioned before the token, in this or the previous sentences."""
        return next((c for c, _ in self.before(token, sentences) if c.type in types and c is not skip), None)

    def floor(self, token: Token, sentences: int) -> int:
        """The first token of the sentence `sentences - 1` sentences before the token's."""
        floor = token.sent.start
        for _ in range(sentences - 1):
            if floor == 0:
                break
            floor = self.doc[floor - 1].sent.start
        return floor

    def before(self, token: Token, sentences: int) -> Iterator[tuple[EntityCluster, int]]:
        """The entities mentioned before the token in this and the previous sentences, nearest first, with
        each mention's first token."""
        floor = self.floor(token, sentences)
        position = bisect_left(self.starts, token.i) - 1
        while position >= 0 and self.starts[position] >= floor:
            yield self.clusters[self.owners[position]], self.starts[position]
            position -= 1

    def resolve_all(self, token: Token, part_whole: bool = False,
            types: frozenset[str] = ACTOR_TYPES) -> list[EntityCluster]:
        """The entities of a token and of the tokens coordinated with it, no repeats."""
        found: list[EntityCluster] = []
        items = coordinated(token)
        for item in list(items):
            if self.at(item) is None:  # "the following individuals: A; B; C", "the two groups, X and Y"
                items.extend(t for a in children(item, ("appos",)) for t in coordinated(a) if t not in items)
        for item in items:
            cluster = self.resolve(item, part_whole)
            if cluster is not None and cluster.type in types and all(cluster is not f for f in found):
                found.append(cluster)
        return found
