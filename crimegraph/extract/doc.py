"""The annotations crimegraph's components set on a spaCy Doc.

The Doc is the carrier inside `extract`: each component reads what the ones
before it set and adds its own. `pipeline.to_extraction` converts the result
into an `Extraction` once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from crimegraph.model import Claim, Event


@dataclass(slots=True)
class EntityCluster:
    """One real-world entity of the article and the places it is mentioned.

    `mentions` are token spans (start, end) in the Doc; an entity implied by
    a title ("Interior Minister X" gives Interior Ministry) may have none of
    its own and cites the title's span instead.
    """

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    component: str = "crimegraph_entities"
    confidence: float = 0.8

    def add_alias(self, alias: str) -> None:
        """Record another surface form (not the name itself, no repeats)."""
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass(slots=True, frozen=True)
class Role:
    """A person's office or membership read off a title ("Interior Minister X").

    `person` and `body` index into doc._.cg_entities; (start, end) is the token
    span of the title phrase; `past` is True for "former" titles.
    """

    person: int
    body: int
    start: int
    end: int
    past: bool = False


def _register() -> None:
    defaults: dict[str, object] = {
        "cg_article_date": None,   # datetime.date of publication, or None
        "cg_language": "en",
        "cg_entities": None,       # list[EntityCluster]
        "cg_token_entity": None,   # dict[token index, index into cg_entities]
        "cg_roles": None,          # list[Role]: person -> body found through titles
        "cg_events": None,         # list[Event]
        "cg_claims": None,         # list[Claim]
        "cg_warnings": None,       # list[str]: what a component left out of an outsized Doc (see limits.py)
    }
    for name, default in defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


_register()


def entities(doc: Doc) -> list[EntityCluster]:
    """The entity clusters set so far (an empty list before the entity stage)."""
    found: list[EntityCluster] | None = doc._.cg_entities
    return found if found is not None else []


def entity_at(doc: Doc, token_index: int) -> EntityCluster | None:
    """The entity a token is part of, if any."""
    index: dict[int, int] | None = doc._.cg_token_entity
    if not index or token_index not in index:
        return None
    return entities(doc)[index[token_index]]


def entities_in(doc: Doc, span: Span) -> list[EntityCluster]:
    """Entities mentioned inside a span, in order of first mention, no repeats."""
    index: dict[int, int] | None = doc._.cg_token_entity
    if not index:
        return []
    seen: list[int] = []
    for i in range(span.start, span.end):
        cluster = index.get(i)
        if cluster is not None and cluster not in seen:
            seen.append(cluster)
    clusters = entities(doc)
    return [clusters[i] for i in seen]


def index_tokens(doc: Doc) -> None:
    """Rebuild the token -> entity index from the clusters' mentions."""
    index: dict[int, int] = {}
    for number, cluster in enumerate(entities(doc)):
        for start, end in cluster.mentions:
            for i in range(start, end):
                index.setdefault(i, number)
    doc._.cg_token_entity = index


def text(doc: Doc) -> str:
    """The Doc's text, joined from its tokens once and kept (Doc.text rebuilds it on every call)."""
    found: str | None = doc.user_data.get("cg_text")
    if found is None:
        found = doc.user_data["cg_text"] = doc.text
    return found


def article_date(doc: Doc) -> date | None:
    value: date | None = doc._.cg_article_date
    return value


def events(doc: Doc) -> list[Event]:
    found: list[Event] | None = doc._.cg_events
    return found if found is not None else []


def claims(doc: Doc) -> list[Claim]:
    found: list[Claim] | None = doc._.cg_claims
    return found if found is not None else []


def roles(doc: Doc) -> list[Role]:
    found: list[Role] | None = doc._.cg_roles
    return found if found is not None else []


def warn(doc: Doc, message: str) -> None:
    """Record a warning for the Extraction (once per message)."""
    if doc._.cg_warnings is None:
        doc._.cg_warnings = []
    if message not in doc._.cg_warnings:
        doc._.cg_warnings.append(message)


def warnings(doc: Doc) -> list[str]:
    found: list[str] | None = doc._.cg_warnings
    return found if found is not None else []
