"""sanctioned_by claims: who was sanctioned or designated, and the state or body behind the agency."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from crimegraph.extract.arguments import (
    OBJECTS,
    agent,
    antecedent,
    children,
    coordinated,
    is_modal,
    is_negated,
    is_passive,
    prep_objects,
    subject,
)
from crimegraph.extract.claims.claimset import Candidate
from crimegraph.extract.doc import EntityCluster
from crimegraph.extract.entities.referents import ORG_TYPES, Referents
from crimegraph.extract.lexicons import rows
from crimegraph.extract.phrases import DocWords, PhraseTable

TARGET_TYPES = ORG_TYPES | {"PERSON"}
TARGET_PREPS = ("on", "against", "of", "contra", "a", "sobre", "de")
LISTING = frozenset("include be comprise incluir ser".split())
GENERIC = frozenset(
    "individual individuals official officials entity entities person persons people following those "
    "company companies member members individuo individuos funcionario funcionarios persona personas "
    "empresa empresas entidad entidades siguiente siguientes".split())


class SanctionFinder:
    """Finds sanctioned_by claims around sanction verbs and nouns."""

    def __init__(self, language: str) -> None:
        self.kinds = {r[0].lower(): r[1] for r in rows(f"{language}/sanctions.tsv") if len(r) >= 2}
        table = [r for r in rows("sanctioners.tsv") if len(r) >= 2]
        agencies = [(r[0], r[1]) for r in table]
        self.states = PhraseTable((r[0], f"{r[1]}\t{r[2] if len(r) > 2 else ''}") for r in table)
        self.exact = {name.lower(): state for name, state in agencies}
        self.distinctive = [(name.lower(), state) for name, state in agencies
                            if len(name.split()) >= 2 or name.isupper() and len(name) >= 4]

    def kind(self, token: Token) -> str | None:
        return self.kinds.get(token.lower_) or self.kinds.get(token.lemma_.lower())

    def find(self, words: DocWords, refs: Referents) -> list[Candidate]:
        triggers = [(t, k) for t in words.hits(self.kinds)
                    if t.pos_ != "PROPN" and (k := self.kind(t)) in ("verb", "noun", "weak")]
        if not any(k != "weak" for _, k in triggers):
            return []
        agencies = self.agency_mentions(words)
        found: list[Candidate] = []
        for token, kind in triggers:
            if is_modal(token) or is_negated(token):
                continue
            if kind == "weak" and not self.agency_near(agencies, token):
                continue  # "targeted" means sanctioned only next to a sanctioning agency
            if kind == "noun" and token.pos_ == "NOUN":
                targets, doers = self.noun_arguments(token)
            elif token.pos_ in ("VERB", "ADJ", "AUX"):
                targets, doers = self.verb_arguments(token, refs)
            else:
                continue
            states = [s for d in doers if (s := self.state_of(d, refs))] or self.nearest(agencies, token.i)
            for cluster in self.resolve_targets(targets, refs):
                if self.state_of_cluster(cluster) is None:
                    found.extend(Candidate(cluster.name, "sanctioned_by", s, token.i, confidence=0.8)
                                 for s in states[:1])
        return found

    def verb_arguments(self, verb: Token, refs: Referents) -> tuple[list[Token], list[Token]]:
        """(targets, sanctioners) of a sanction verb, active or passive."""
        if is_passive(verb):
            found = subject(verb)
            if found is not None and verb.dep_ == "amod" and found.dep_ in ("attr", "appos"):
                found = subject(found.head) if found.dep_ == "attr" else found.head  # "X is a designated FTO"
            return ([found] if found is not None else []), agent(verb)
        found = subject(verb)
        doer = refs.resolve(found) if found is not None else None
        if doer is not None and doer.type == "PERSON":
            return [], []  # "the president designated X as coordinator": an appointment
        objs = [antecedent(o) for o in children(verb, OBJECTS)]
        return objs, ([found] if found is not None else [])

    def noun_arguments(self, noun: Token) -> tuple[list[Token], list[Token]]:
        """(targets, sanctioners) of "sanctions on X", "X's designation", "sanctions it imposed on X"."""
        targets = prep_objects(noun, TARGET_PREPS) + children(noun, ("poss",))
        doers = children(noun, ("compound", "amod", "nmod"))
        verbs = [noun.head] if noun.dep_ in OBJECTS else []
        verbs += children(noun, ("relcl", "acl"))
        for verb in verbs:
            if self.kind(verb) == "impose" or verb.dep_ in ("relcl", "acl"):
                targets += prep_objects(verb, TARGET_PREPS)
                found = subject(verb)
                if found is not None and found != noun:
                    doers.append(found)
        return targets, doers

    def resolve_targets(self, targets: list[Token], refs: Referents) -> list[EntityCluster]:
        found: list[EntityCluster] = []
        for token in targets:
            clusters = refs.resolve_all(token, types=TARGET_TYPES)
            if not clusters and token.lemma_.lower() in GENERIC | {token.lower_}:
                clusters = self.listed(token, refs)
            found.extend(c for c in clusters if all(c is not f for f in found))
        return found

    def listed(self, generic: Token, refs: Referents) -> list[EntityCluster]:
        """Names a generic target stands for: "those sanctioned were X and Y", "the officials include: X"."""
        if generic.lemma_.lower() not in GENERIC and generic.lower_ not in GENERIC:
            return []
        verb = generic.head
        if generic.dep_ == "pobj":
            verb = verb.head
        found: list[EntityCluster] = []
        if verb.lemma_.lower() in LISTING:
            for child in verb.children:
                if child != generic and child.dep_ in ("nsubj", "dobj", "obj", "attr") and child.i > generic.i:
                    found.extend(refs.resolve_all(child, types=TARGET_TYPES))
        if not found:
            found = self.after_colon(generic, refs)
        return found

    def after_colon(self, token: Token, refs: Referents) -> list[EntityCluster]:
        sent = token.sent
        colon = next((t.i for t in sent if t.text == ":" and t.i > token.i), None)
        if colon is None:
            return []
        found: list[EntityCluster] = []
        for t in token.doc[colon + 1 : sent.end]:
            cluster = refs.at(t)
            if cluster is not None and cluster.type in TARGET_TYPES and all(cluster is not f for f in found):
                found.append(cluster)
        return found

    def agency_mentions(self, words: DocWords) -> list[tuple[int, str]]:
        """(token index, state) of every sanctioning agency named in the article; countries only if no agency."""
        doc = words.doc
        found = [(start, value.split("\t")) for start, end, value in self.states.find_words(words)
                 if any(c.isupper() for c in doc[start:end].text)]
        agencies = [(start, v[0]) for start, v in found if v[1] != "place"]
        return agencies or [(start, v[0]) for start, v in found]

    @staticmethod
    def agency_near(agencies: list[tuple[int, str]], token: Token) -> bool:
        """An agency named in the token's sentence or the one before it."""
        sent = token.sent
        floor = token.doc[sent.start - 1].sent.start if sent.start > 0 else 0
        return any(floor <= i < sent.end for i, _ in agencies)

    def nearest(self, agencies: list[tuple[int, str]], i: int) -> list[str]:
        """The state of the agency named last before token i (else first after it)."""
        if not agencies:
            return []
        position = bisect_left([a[0] for a in agencies], i)
        return [agencies[position - 1][1] if position > 0 else agencies[0][1]]

    def state_of(self, token: Token, refs: Referents) -> str | None:
        """The state behind a sanctioning agency or country named by a token."""
        for item in coordinated(token)[:1]:
            cluster = refs.resolve(item)
            if cluster is not None:
                state = self.state_of_cluster(cluster)
                if state is not None or cluster.type == "LOCATION":
                    return state or cluster.name
            span = item.doc[item.left_edge.i : item.i + 1]
            for start, end, value in self.states.find(span):
                if any(c.isupper() for c in item.doc[start:end].text):
                    return value.split("\t")[0]
        return None

    def state_of_cluster(self, cluster: EntityCluster) -> str | None:
        """The state an agency entity acts for ("OFAC" -> United States), else None."""
        for name in cluster.names:
            value = self.lookup(name)
            if value is not None:
                return value
        return None

    def lookup(self, name: str) -> str | None:
        """The state for an agency name: the whole name, else a distinctive agency name inside it."""
        lower = f" {' '.join(name.lower().split())} "
        exact = self.exact.get(lower.strip())
        if exact is not None:
            return exact
        for phrase, state in self.distinctive:
            if f" {phrase} " in lower:
                return state
        return None
