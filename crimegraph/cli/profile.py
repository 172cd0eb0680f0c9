"""`crimegraph profile`: an entity's dossier (the web's and the API's answer), every line citing its sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from crimegraph.analyse.dossier import Dossier
from crimegraph.analyse.facts import LABELS, Fact
from crimegraph.analyse.profile import lookup
from crimegraph.analyse.refs import Citation, EntityRef
from crimegraph.cli.kb import DbOption, FormatOption, check_format, handled, open_knowledge_base, print_json


class Sources:
    """Numbers citations ({article, evidence}) in order of first use: [1], [2], ..."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}
        self.items: list[dict[str, Any]] = []

    def marks(self, cited: Sequence[dict[str, Any] | Citation]) -> str:
        found: list[int] = []
        for citation in map(as_cited, cited):
            key = (citation["article"]["id"], sentence(citation))
            if key not in self.numbers:
                self.numbers[key] = len(self.items) + 1
                self.items.append(citation)
            if self.numbers[key] not in found:
                found.append(self.numbers[key])
        return "".join(f"[{n}]" for n in found)


def as_cited(citation: dict[str, Any] | Citation) -> dict[str, Any]:
    """A path step's Citation in the dossier's citation shape ({article, evidence})."""
    if isinstance(citation, dict):
        return citation
    return {"article": {"id": citation.article_id, "title": citation.title, "date": citation.date,
                        "url": citation.url}, "evidence": [{"text": citation.sentence}]}


def sentence(citation: dict[str, Any]) -> str:
    """A citation's first evidence sentence ('' when it has none)."""
    evidence = citation.get("evidence") or [{}]
    return str(evidence[0].get("text", ""))


def profile_command(
    name_or_id: Annotated[str, typer.Argument(metavar="NAME_OR_ID", help="An entity id or any of its names.")],
    db: DbOption = None,
    format: FormatOption = "text",
) -> None:
    """Dossier of an entity: names, type, positions, activities, sanctions, allies, events, ties; all cited."""
    check_format(format)
    with handled():
        found, others = lookup(open_knowledge_base(db), name_or_id)
    if format == "json":
        print_json({**found.to_dict(), "other_matches": [o.to_dict() for o in others]})
    else:
        render(found, others, Console())


def fact_line(fact: Fact) -> str:
    """One fact in words: the other side, its status, who alleges it and how many claims state it."""
    value = fact.value.replace("_", " ") if fact.predicate == "involved_in" else fact.value
    line = escape(value)
    if fact.status != "asserted":
        line += f" [yellow]({fact.status}"
        line += f" by {escape(', '.join(fact.alleged_by))})[/yellow]" if fact.alleged_by else ")[/yellow]"
    if fact.citation_count > len(fact.citations):
        line += f" [dim]({fact.citation_count} claims)[/dim]"
    return line


def event_line(event: dict[str, Any]) -> str:
    """One event in words: date, type, place, actors and counts."""
    place = (event.get("place") or {}).get("name") or event.get("location")
    where = f" in {escape(place)}" if place else ""
    actors = [a["name"] for a in event["actors"]]
    who = f" — {escape(', '.join(actors))}" if actors else ""
    counts = "".join(f", {event[key]} {label}" for key, label in (("fatalities", "killed"), ("arrested", "arrested"))
                     if event.get(key) is not None)
    return f"{event['date'] or 'undated':<10} {event['type']}{where}{who}{counts}"


def render(found: Dossier, others: list[EntityRef], console: Console) -> None:
    """The dossier for a terminal, citation marks on every line and the sources at the end."""
    sources = Sources()
    ref = found.entity
    console.print(f"[bold]{escape(ref.name)}[/bold]  [dim]{ref.type} · {ref.articles} article(s) · {ref.id}[/dim]",
                  highlight=False)
    aliases = [f"{escape(n.name)} ({n.uses})" for n in found.names if n.name != ref.name]
    if aliases:
        console.print("Also called: " + ", ".join(aliases[:12]), highlight=False)
    if len(found.members) > 1:
        console.print("Merged here: " + ", ".join(f"{escape(m['name'])} ({m['id']})" for m in found.members),
                      highlight=False)
    for section, label in LABELS.items():
        listed = found.facts.get(section, [])
        if listed:
            console.print(f"\n[bold]{label}[/bold]")
            for fact in listed:
                console.print(f"  • {fact_line(fact)} {escape(sources.marks(fact.citations))}", highlight=False)
    if found.events:
        shown, total = len(found.events), found.event_count
        console.print("\n[bold]Events[/bold]" + (f" [dim](latest {shown} of {total})[/dim]" if total > shown else ""))
        for event in found.events:
            console.print(f"  {event_line(event)} {escape(sources.marks(event['reports']))}", highlight=False)
    if found.ties:
        console.print("\n[bold]Most tied to[/bold]")
        for tie in found.ties:
            console.print(f"  {escape(tie.entity.name)} [dim]{tie.claims} claim(s), {tie.events} event(s), "
                          f"{tie.articles} shared article(s) · {tie.entity.id}[/dim] "
                          f"{escape(sources.marks(tie.citations))}", highlight=False)
    if others:
        console.print("\n[dim]Other entities with this name: "
                      + ", ".join(f"{escape(o.name)} ({o.id})" for o in others) + "[/dim]")
    render_sources(sources, console)


def render_sources(sources: Sources, console: Console) -> None:
    """The numbered citations: title, date, and the sentence."""
    if not sources.items:
        return
    console.print("\n[bold]Sources[/bold]")
    for number, citation in enumerate(sources.items, 1):
        article = citation["article"]
        console.print(f"  [{number}] {escape(article['title'])}, {article['date'] or 'undated'} "
                      f"[dim]({escape(article['id'])})[/dim]", highlight=False)
        if sentence(citation):
            console.print(f"      [italic]“{escape(sentence(citation))}”[/italic]", highlight=False)
