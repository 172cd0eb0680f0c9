"""`crimegraph profile`: an entity's dossier, every line citing its sources."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from crimegraph.analyse.profile import Fact, Profile, profile
from crimegraph.analyse.refs import Citation
from crimegraph.cli.kb import DbOption, FormatOption, check_format, handled, open_knowledge_base, print_json

LABELS = {
    "positions": "Positions", "memberships": "Memberships", "activities": "Criminal activities",
    "sanctions": "Sanctioned by", "supports": "Supports", "opposes": "Opposes",
    "officials": "Officials (hold positions in it)", "members": "Members", "sanctioned": "Has sanctioned",
    "supported_by": "Supported by", "opposed_by": "Opposed by",
}


class Sources:
    """Numbers citations in order of first use: [1], [2], ..."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}
        self.items: list[Citation] = []

    def marks(self, cited: list[Citation]) -> str:
        found: list[int] = []
        for citation in cited:
            key = (citation.article_id, citation.sentence)
            if key not in self.numbers:
                self.numbers[key] = len(self.items) + 1
                self.items.append(citation)
            if self.numbers[key] not in found:
                found.append(self.numbers[key])
        return "".join(f"[{n}]" for n in found)


def profile_command(
    name_or_id: Annotated[str, typer.Argument(metavar="NAME_OR_ID", help="An entity id or any of its names.")],
    db: DbOption = None,
    format: FormatOption = "text",
) -> None:
    """Dossier of an entity: names, type, positions, activities, sanctions, allies, events, ties; all cited."""
    check_format(format)
    with handled():
        found = profile(open_knowledge_base(db), name_or_id)
    if format == "json":
        print_json(found.to_dict())
    else:
        render(found, Console())


def fact_line(fact: Fact) -> str:
    """One fact in words: the other side, its status and who alleges it."""
    value = fact.value.replace("_", " ") if fact.predicate == "involved_in" else fact.value
    line = escape(value)
    if fact.status != "asserted":
        line += f" [yellow]({fact.status}"
        line += f" by {escape(', '.join(fact.alleged_by))})[/yellow]" if fact.alleged_by else ")[/yellow]"
    return line


def render(found: Profile, console: Console) -> None:
    """The dossier for a terminal, citation marks on every line and the sources at the end."""
    sources = Sources()
    ref = found.entity
    console.print(f"[bold]{escape(ref.name)}[/bold]  [dim]{ref.type} · {ref.articles} article(s) · {ref.id}[/dim]",
                  highlight=False)
    aliases = [f"{escape(n)} ({c})" for n, c in found.names if n != ref.name]
    if aliases:
        console.print("Also called: " + ", ".join(aliases[:12]), highlight=False)
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
            where = f" in {escape(event.location)}" if event.location else ""
            who = f" — {escape(', '.join(event.actors))}" if event.actors else ""
            counts = "".join(f", {n} {label}" for n, label in ((event.fatalities, "killed"),
                                                                (event.arrested, "arrested")) if n is not None)
            console.print(f"  {event.date or 'undated':<10} {event.type}{where}{who}{counts} "
                          f"{escape(sources.marks(event.citations))}", highlight=False)
    if found.ties:
        console.print("\n[bold]Most tied to[/bold]")
        for tie in found.ties:
            console.print(f"  {escape(tie.entity.name)} [dim]{tie.claims} claim(s), {tie.events} event(s), "
                          f"{tie.articles} shared article(s) · {tie.entity.id}[/dim] "
                          f"{escape(sources.marks(tie.citations))}", highlight=False)
    if found.others:
        console.print("\n[dim]Other entities with this name: "
                      + ", ".join(f"{escape(o.name)} ({o.id})" for o in found.others) + "[/dim]")
    render_sources(sources, console)


def render_sources(sources: Sources, console: Console) -> None:
    """The numbered citations: title, date, and the sentence."""
    if not sources.items:
        return
    console.print("\n[bold]Sources[/bold]")
    for number, citation in enumerate(sources.items, 1):
        console.print(f"  [{number}] {escape(citation.title)}, {citation.date or 'undated'} "
                      f"[dim]({escape(citation.article_id)})[/dim]", highlight=False)
        if citation.sentence:
            console.print(f"      [italic]“{escape(citation.sentence)}”[/italic]", highlight=False)
