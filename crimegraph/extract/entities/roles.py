"""Roles read off titles: "Interior Minister X" gives X a position in the Interior Ministry (an entity too)."""

from __future__ import annotations

from spacy.tokens import Doc

from crimegraph.extract.doc import EntityCluster, Role
from crimegraph.extract.entities.names import fold, key
from crimegraph.extract.entities.titles import Title
from crimegraph.extract.entities.types import LOC, PERSON, STATE, Lexicon, country_code

BETWEEN = frozenset(", the el la former then current now ex - – — -- : acting interim".split())
OF = frozenset("of de del".split())
MAX_GAP = 4
GAP_PUNCT = frozenset({",", "“", '"', "--", "–", "—", "-"})
DEPARTMENTS = frozenset({"department", "treasury", "secretaria"})


class RoleReader:
    """Turns the titles found in a Doc into roles, adding the bodies they imply as entities."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def __call__(self, doc: Doc, clusters: list[EntityCluster], titles: list[Title]) -> list[Role]:
        index = {i: n for n, c in enumerate(clusters) for s, e in c.mentions for i in range(s, e)}
        roles = []
        for title in titles:
            person = self.person_of(doc, title, index, clusters)
            country = self.qualifier(doc, title, index, clusters)
            body = self.body_of(doc, title, person, country, index, clusters)
            if body is None:
                continue
            if person is not None:
                role = Role(person, body, title.start, title.end, title.past)
                if role not in roles:
                    roles.append(role)
        return roles

    def person_of(self, doc: Doc, title: Title, index: dict[int, int], clusters: list[EntityCluster]) -> int | None:
        """The person the title belongs to: right after it ("Minister X", "ministro, X") or an
        appositive before it ("X, the defense minister")."""
        i = title.end
        while i < len(doc) and i - title.end < 2 and doc[i].text in GAP_PUNCT:
            i += 1
        if i in index and clusters[index[i]].type == PERSON:
            return index[i]
        j = title.start - 1
        while j >= 0 and title.start - j <= MAX_GAP and j not in index and (
                doc[j].lower_ in BETWEEN or self.lex.country_of_adjective(doc[j].text)):
            j -= 1
        if j >= 0 and j in index and clusters[index[j]].type == PERSON and "," in doc[j + 1 : title.start].text:
            return index[j]
        return None

    def qualifier(self, doc: Doc, title: Title, index: dict[int, int], clusters: list[EntityCluster]) -> str | None:
        """The country named with the title: "US President", "Venezuela's defense minister",
        "President of Colombia", "presidente venezolano"."""
        before = doc[title.start - 1] if title.start > 0 else None
        if before is not None and before.text in ("'s", "’s") and title.start >= 2:
            return self.country_at(title.start - 2, index, clusters) or self.leader_country(title.start - 2, index,
                                                                                             clusters)
        if before is not None and (adjective := self.adjective(before.text)):
            return adjective
        after = doc[title.end] if title.end < len(doc) else None
        if after is not None and after.lower_ in OF and title.end + 1 < len(doc):
            j = title.end + 1 + (doc[title.end + 1].lower_ in ("the", "la", "el"))
            return self.country_at(j, index, clusters)
        if after is not None and self.lex.language == "es" and (adjective := self.adjective(after.text)):
            return adjective
        return None

    def adjective(self, text: str) -> str | None:
        if not text[:1].isupper() and self.lex.language == "en":
            return None
        return self.lex.demonyms.get(fold(text))

    def country_at(self, i: int, index: dict[int, int], clusters: list[EntityCluster]) -> str | None:
        if i not in index or clusters[index[i]].type != LOC:
            return None
        code = country_code(clusters[index[i]].name)
        return self.lex.countries.get(code) if code else None

    def leader_country(self, i: int, index: dict[int, int], clusters: list[EntityCluster]) -> str | None:
        """The country of a head of state named at token i: "Maduro's vice president" serves Venezuela."""
        if i not in index or clusters[index[i]].type != PERSON:
            return None
        codes = {code for name in clusters[index[i]].names if (code := self.lex.leaders.get(fold(name)))}
        return self.lex.countries.get(codes.pop()) if len(codes) == 1 else None

    def body_of(self, doc: Doc, title: Title, person: int | None, country: str | None,
                index: dict[int, int], clusters: list[EntityCluster]) -> int | None:
        """The cluster of the body the title implies, created when the article has none yet."""
        template, type_ = self.lex.titles.get(title.key, ("", ""))
        explicit = self.explicit_body(doc, title, index, clusters) if person is not None else None
        if explicit is not None or not template:
            return explicit
        if person is None and country is None:
            return None
        if "{department}" in template:
            return self.department(clusters)
        if "{country}" in template:
            country = country or self.person_country(clusters, person) or self.dominant(doc)
            if country is None:
                return None
            name = template.format(country=country)
        elif country and self.lex.language == "en" and country != self.dominant(doc):
            adjective = self.lex.adjective_of(country)
            name = f"{adjective} {template}" if adjective and adjective[0].isupper() else template
        else:
            name = template
        return self.find_or_add(name, type_ or STATE, title, clusters, template)

    def explicit_body(self, doc: Doc, title: Title, index: dict[int, int], clusters: list[EntityCluster]) -> int | None:
        """ "director of the National Civil Police", "Air Force Colonel": a body named next to a rank."""
        i = title.end
        if i < len(doc) and doc[i].lower_ in OF:
            i += 1
            while i < len(doc) and (doc[i].lower_ in ("the", "el", "la") or doc[i].text in ("'s", "’s")
                                    or (i in index and clusters[index[i]].type == LOC)):
                i += 1
            if i in index and clusters[index[i]].type in (STATE, "ILLEGAL_GROUP", "ORGANIZATION"):
                return index[i]
        j = title.start - 1
        if j in index and clusters[index[j]].type in (STATE, "ILLEGAL_GROUP"):
            return index[j]
        return None

    def person_country(self, clusters: list[EntityCluster], person: int | None) -> str | None:
        if person is None:
            return None
        code = self.lex.leaders.get(fold(clusters[person].name))  # the full name: "Ricardo Maduro" is not Maduro
        return self.lex.countries.get(code) if code else None

    def dominant(self, doc: Doc) -> str | None:
        code = doc.user_data.get("cg_country")
        return self.lex.countries.get(code) if isinstance(code, str) else None

    @staticmethod
    def department(clusters: list[EntityCluster]) -> int | None:
        """For a bare "Secretary": the department the article names most."""
        best, most = None, 0
        for n, cluster in enumerate(clusters):
            words = set(key(cluster.name).split())
            if cluster.type == STATE and words & DEPARTMENTS and len(cluster.mentions) > most:
                best, most = n, len(cluster.mentions)
        return best

    def extends(self, name: str, other: str) -> bool:
        """ "Fiscalía General" and "Fiscalía": in Spanish, one name is the other with words added
        after its head noun (English names grow in front, by country: kept apart)."""
        a, b = name.split(), other.split()
        short, long = (a, b) if len(a) <= len(b) else (b, a)
        if not short or len(short) == len(long):
            return False
        return self.lex.language == "es" and long[: len(short)] == short

    def find_or_add(self, name: str, type_: str, title: Title, clusters: list[EntityCluster], template: str) -> int:
        """The cluster named `name` (or by its lexicon canonical), else a new one; cites the title."""
        known = self.lex.actor(name) or self.lex.actor(template)
        wanted = {key(name)} | ({key(known[1])} if known else set())
        for n, cluster in enumerate(clusters):
            if cluster.type == type_ and (wanted & {key(a) for a in cluster.names} or any(
                    self.extends(key(name), key(a)) for a in cluster.names)):
                found = n
                break
        else:
            clusters.append(EntityCluster(name, type_, component="crimegraph_aliases", confidence=0.6))
            found = len(clusters) - 1
            if known and key(known[1]) != key(name):
                clusters[found].add_alias(known[1])
        if (title.start, title.end) not in clusters[found].mentions:
            clusters[found].mentions.append((title.start, title.end))
        return found
