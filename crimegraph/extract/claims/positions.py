"""holds_position and member_of claims: titles, appositions, copulas, "led by" and units of a force."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crimegraph.extract import doc as cg
from crimegraph.extract.arguments import (
    OBJECTS,
    SUBJECTS,
    agent,
    children,
    coordinated,
    is_passive,
    prep_objects,
    subject,
)
from crimegraph.extract.claims.claimset import Candidate
from crimegraph.extract.claims.memberships import coalition_members
from crimegraph.extract.doc import EntityCluster, Role
from crimegraph.extract.entities.referents import ORG_TYPES, Referents
from crimegraph.extract.lexicons import rows
from crimegraph.extract.phrases import DocWords
from crimegraph.extract.status.hedging import Hedger

PERSON = frozenset({"PERSON"})
BODY_PREPS = ("of", "at", "in", "for", "within", "de", "del", "en", "por")
COPULAS = frozenset("be serve remain become work act ser estar desempeñar fungir".split())
APPOINT = frozenset("appoint name elect promote nominate choose swear install designar nombrar elegir".split())
INCLUDE = frozenset("include be comprise incluir ser".split())
EXAMPLES = frozenset("including like include incluido incluidos incluyendo como".split())
UNIT_WORDS = frozenset(
    "unit division department office bureau branch command secretariat directorate front bloc block wing cell "
    "brigade battalion squad agency service council committee subsidiary unidad división departamento oficina "
    "dirección comando frente bloque ala célula brigada batallón escuadrón agencia servicio consejo comité".split())
GOVERNMENT_HEADS = frozenset("government regime gobierno régimen".split())
GOVERNMENT = {"en": "Government of {}", "es": "Gobierno de {}"}


class PositionFinder:
    """Finds who holds an office in, or belongs to, which body."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.titles: dict[str, tuple[str, str]] = {}
        self.verbs: dict[str, str] = {}
        for row in rows(f"{language}/positions.tsv"):
            if len(row) < 2:
                continue
            flag = row[2] if len(row) > 2 else ""
            if flag == "verb":
                self.verbs[row[0].lower()] = row[1]
            else:
                self.titles[row[0].lower()] = (row[1], flag)
        self.words = frozenset(self.titles) | frozenset(self.verbs)

    def title(self, token: Token) -> tuple[str, str] | None:
        return self.titles.get(token.lower_) or self.titles.get(token.lemma_.lower())

    def find(self, words: DocWords, refs: Referents, hedger: Hedger) -> list[Candidate]:
        doc = words.doc
        role_tokens = {i: role for role in cg.roles(doc) for i in range(role.start, role.end)}
        found: list[Candidate] = []
        overridden: set[Role] = set()
        for token in words.hits(self.words):
            role = role_tokens.get(token.i)
            if token.pos_ in ("NOUN", "PROPN") and self.title(token) and (role or refs.at(token) is None):
                explicit = self.from_title(token, refs, hedger, role)
                if explicit and role is not None:
                    overridden.add(role)
                found.extend(explicit)
            elif token.pos_ in ("VERB", "ADJ") and self.verb(token):
                found.extend(self.from_leading(token, refs, hedger))
        found.extend(self.from_roles(doc, refs, overridden))
        found.extend(self.units(doc, refs, {(r.start, r.end) for r in cg.roles(doc)}))
        found.extend(self.governments(doc, refs))
        found.extend(coalition_members(words, refs))
        return found

    def verb(self, token: Token) -> str | None:
        return self.verbs.get(token.lower_) or self.verbs.get(token.lemma_.lower())

    def from_roles(self, doc: Doc, refs: Referents, overridden: set[Role]) -> list[Candidate]:
        """Roles the entity stage read off titles; a rank title ("Navy Captain X") means membership."""
        found = []
        for role in cg.roles(doc):
            if role in overridden:
                continue
            person, body = refs.clusters[role.person], refs.clusters[role.body]
            ranks = [self.title(t) for t in doc[role.start : role.end]]
            member = any(r is not None and r[0] == "member_of" for r in ranks)
            office = any(r is not None and r[0] == "holds_position" for r in ranks)
            predicate = "member_of" if member and not office else "holds_position"
            found.append(Candidate(person.name, predicate, body.name, role.start, confidence=0.8))
        return found

    def from_title(self, title: Token, refs: Referents, hedger: Hedger, role: Role | None = None) -> list[Candidate]:
        """A title noun tied to people and to a body: "X, the head of Y", "Y's director X".

        Inside a title the entity stage read (`role`), only an explicit body counts: it overrides
        the body the title implies ("X, president of the Assembly").
        """
        people = self.holders(title, refs)
        if role is not None and all(p is not refs.clusters[role.person] for p in people):
            people.append(refs.clusters[role.person])
        if not people:
            return []
        predicate, flag = self.title(title) or ("holds_position", "")
        if predicate == "member_of" and any((self.title(c) or ("",))[0] == "holds_position"
                                            for c in children(title, ("compound", "amod"))):
            predicate = "holds_position"  # "commander general", "Division General" stays a rank
        implied = refs.clusters[role.body] if role is not None else None
        bodies = [b for b in self.bodies(title, refs, flag) if implied is None or b != implied.name]
        if not bodies:
            return []
        assessed = hedger.assess(title, refs, governed=False)
        if assessed.negated:
            return []
        return [Candidate(p.name, predicate, body, title.i, assessed.status, assessed.source, 0.7)
                for p in people for body in bodies if body != p.name]

    def holders(self, title: Token, refs: Referents) -> list[EntityCluster]:
        """The people a title noun describes."""
        found: list[EntityCluster] = []
        candidates: list[Token] = []
        candidates.extend(children(title, ("appos", "flat", "compound")))
        owner = title.head.head if title.dep_ == "pobj" and title.head.lower_ in ("of", "de") else title
        for prep in [*title.children, *(owner.children if owner != title else [])]:
            if prep.lower_ in EXAMPLES:
                candidates.extend(children(prep, ("pobj",)))
        if title.dep_ in ("appos", "compound", "flat"):
            candidates.append(title.head)
        head = title.head
        if title.dep_ in ("attr", "oprd", "acomp") and head.lemma_.lower() in COPULAS:
            candidates.extend(filter(None, [subject(head)]))
        if title.dep_ == "pobj" and head.lower_ in ("as", "como") and head.head.lemma_.lower() in COPULAS | APPOINT:
            candidates.extend(filter(None, [subject(head.head)]))
        if title.dep_ in ("oprd", "xcomp", "attr") and head.lemma_.lower() in APPOINT:
            candidates.extend(filter(None, [subject(head)]))
        if title.dep_ in SUBJECTS and head.lemma_.lower() in INCLUDE:
            candidates.extend(children(head, (*OBJECTS, "attr")))
        if any(c.dep_ == "cop" for c in title.children):
            candidates.extend(filter(None, [subject(title)]))
        for token in candidates:
            for cluster in refs.resolve_all(token, types=PERSON):
                if all(cluster is not f for f in found):
                    found.append(cluster)
        return found

    def bodies(self, title: Token, refs: Referents, flag: str) -> list[str]:
        """The bodies a title belongs to: "of Y", "Y's", "Y director"; a chain "Y's unit Z" gives both."""
        tokens = [*prep_objects(title, BODY_PREPS), *children(title, ("poss", "compound", "nmod"))]
        found: list[str] = []
        for token in tokens:
            cluster = refs.resolve(token)
            if cluster is None or cluster.type == "PERSON":
                continue
            for body in [cluster, *self.owners(token, refs)]:
                name = self.body_name(body, flag)
                if name and name not in found:
                    found.append(name)
        return found

    def body_name(self, body: EntityCluster, flag: str) -> str | None:
        if body.type in ORG_TYPES:
            return body.name
        if body.type == "LOCATION" and flag == "place":
            return body.name
        if body.type == "LOCATION" and flag == "government":
            return GOVERNMENT.get(self.language, GOVERNMENT["en"]).format(body.name)
        return None

    def owners(self, token: Token, refs: Referents) -> list[EntityCluster]:
        """Organisations a body belongs to by its own phrase: "the FARC's 33rd Front", "Zone 43 of the GNB"."""
        found: list[EntityCluster] = []
        for child in [*children(token, ("poss",)), *prep_objects(token, ("of", "de", "del"))]:
            if child.i > 1 and token.doc[child.left_edge.i - 1].lower_ in ("and", "or", "y", "e", "o"):
                continue  # "soldiers of the Army and of the Navy": coordinated, not nested
            cluster = refs.resolve(child)
            own = refs.at(token)
            if cluster is None or cluster.type not in ORG_TYPES or cluster is own:
                continue
            if own is not None and contains_name(own, cluster):
                continue  # "the Anti-Drug Prosecutors' Office": one name split in two, not a unit
            found.append(cluster)
        return found

    def from_leading(self, verb: Token, refs: Referents, hedger: Hedger) -> list[Candidate]:
        """ "the cartel, led by X" and "X heads the cartel"."""
        if is_passive(verb) or verb.pos_ == "ADJ":
            leaders = [p for a in agent(verb) for p in refs.resolve_all(a, types=PERSON)]
            led = subject(verb)
        else:
            found = subject(verb)
            leaders = refs.resolve_all(found, types=PERSON) if found is not None else []
            objs = children(verb, OBJECTS)
            led = objs[0] if objs else None
        if not leaders or led is None:
            return []
        groups = [g for t in coordinated(led) if (g := refs.resolve(t)) is not None and g.type in ORG_TYPES]
        if not groups and verb.dep_ in ("acl", "amod"):  # "..., enemy of the X cartel, led by Y": the nearest name
            nearest = preceding_entity(verb, refs)
            groups = [nearest] if nearest is not None and nearest.type in ORG_TYPES else []
        assessed = hedger.assess(verb, refs, governed=False)
        if assessed.negated:
            return []
        return [Candidate(p.name, "holds_position", g.name, verb.i, assessed.status, assessed.source, 0.7)
                for p in leaders for g in groups]

    def units(self, doc: Doc, refs: Referents, titles: set[tuple[int, int]]) -> list[Candidate]:
        """A unit named with the force it belongs to is a member of it."""
        found: list[Candidate] = []
        for cluster in refs.clusters:
            if not is_unit(cluster):
                continue
            for start, end in cluster.mentions:
                if (start, end) in titles:
                    continue
                head = mention_head(doc, start, end)
                owners = self.owners(head, refs) or following_owner(doc, end, refs, cluster)
                for owner in owners:
                    found.append(Candidate(cluster.name, "member_of", owner.name, head.i, confidence=0.7))
        return found

    def governments(self, doc: Doc, refs: Referents) -> list[Candidate]:
        """ "the Maduro government", "the government of X": X heads that government."""
        prefix = GOVERNMENT.get(self.language, GOVERNMENT["en"]).split("{}")[0].lower()
        people = [c for c in refs.clusters if c.type == "PERSON"]
        found: list[Candidate] = []
        for cluster in refs.clusters:
            if cluster.type != "STATE_ACTOR" or not cluster.name.lower().startswith(prefix):
                continue
            for start, end in cluster.mentions:
                head = mention_head(doc, start, end)
                if head.lemma_.lower() not in GOVERNMENT_HEADS:
                    continue  # "the Giuliani administration" may be a city's
                words = {t.text for t in doc[start:end]}
                leaders = [p for p in people if any(n.split()[-1] in words for n in p.names if n.split())]
                owners = [*children(head, ("poss", "compound", "nmod", "flat")),
                          *prep_objects(head, ("of", "de", "del"))]
                for child in owners:
                    leader = refs.resolve(child) if not start <= child.i < end else None
                    if leader is not None and leader.type == "PERSON" and leader not in leaders:
                        leaders.append(leader)
                found.extend(Candidate(p.name, "holds_position", cluster.name, head.i, confidence=0.7)
                             for p in leaders)
        return found


def mention_head(doc: Doc, start: int, end: int) -> Token:
    span = doc[start:end]
    heads = [t for t in span if t.head.i < start or t.head.i >= end or t.head == t]
    return heads[-1] if heads else span[-1]


def is_unit(cluster: EntityCluster) -> bool:
    """A force, group or agency, or an organisation named like a part of one ("Special Affairs Unit")."""
    if cluster.type in ("STATE_ACTOR", "ILLEGAL_GROUP"):
        return True
    words = {w for n in cluster.names for w in n.lower().split()}
    return cluster.type == "ORGANIZATION" and bool(words & UNIT_WORDS)


def contains_name(a: EntityCluster, b: EntityCluster) -> bool:
    """One entity's name (of two words or more) inside the other's: one name split in two by the parser."""
    for x in a.names:
        for y in b.names:
            if len(y.split()) > 1 and y.lower() in x.lower() or len(x.split()) > 1 and x.lower() in y.lower():
                return True
    return False


def preceding_entity(token: Token, refs: Referents) -> EntityCluster | None:
    """The entity named just before a token, across at most a comma."""
    return refs.across_punct(reversed(token.doc[max(token.sent.start, token.i - 3) : token.i]))


def following_owner(doc: Doc, end: int, refs: Referents, unit: EntityCluster) -> list[EntityCluster]:
    """ "Front 48 of the communist FARC" read left to right, whatever the parser attached "of" to."""
    if end >= len(doc) or doc[end].lower_ not in ("of", "de", "del"):
        return []
    for t in doc[end + 1 : min(len(doc), end + 5)]:
        cluster = refs.at(t)
        if cluster is not None:
            ok = cluster.type in ORG_TYPES and cluster is not unit and not contains_name(unit, cluster)
            return [cluster] if ok else []
        if t.pos_ not in ("DET", "ADJ", "NOUN") or t.is_title:
            return []
    return []
