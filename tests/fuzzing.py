"""Hypothesis strategies for bad input: odd values for every Article field, mixed with good articles."""

from __future__ import annotations

from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

from crimegraph.model import Article

FUZZ = settings(max_examples=30, deadline=None, database=None)  # bounded: a few seconds each
FAST = settings(max_examples=300, deadline=None, database=None)  # for checks that load no model

GOOD_TEXTS = (
    "Colombian police arrested twelve members of the Clan del Golfo in Medellín on Monday.",
    "La Fiscalía acusó al alcalde de Cúcuta de corrupción, según el diario El Tiempo.",
)

odd_chars = st.characters(categories=["Cs", "Cc", "Zs", "Lu", "Ll", "Nd", "Po", "So"])
odd_strings = st.one_of(
    st.text(odd_chars, max_size=40),
    st.sampled_from(["", " ", "\x00", "\udc80", "\ud800x\udfff", "\ufffd", "\u202e", "\x00" * 50]),
    st.integers(1, 50_000).map(lambda n: " \n\t"[n % 3] * n),  # huge whitespace
)
odd_values: st.SearchStrategy[Any] = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.binary(max_size=40), odd_strings,
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=4), st.integers(), max_size=3),
)


def good_article(number: int) -> Article:
    """A well-formed article; equal numbers give equal articles."""
    text = GOOD_TEXTS[number % len(GOOD_TEXTS)]
    return Article(id=f"good-{number}", text=text, title="Report", date="2024-03-04",
                   language="es" if number % 2 else "en", source="news", url=f"https://news.example/{number}")


@st.composite
def bad_articles(draw: st.DrawFn) -> Article:
    """An article whose fields are drawn from odd values (each field odd or good at random)."""
    def pick(good: Any) -> Any:
        return draw(st.one_of(st.just(good), odd_values))

    text = draw(st.one_of(odd_values, st.sampled_from(GOOD_TEXTS).map(lambda t: t + "\udc80\x00")))
    return Article(id=pick("bad"), text=text, title=pick("T"), date=pick("2024-01-02"), language=pick("en"),
                   source=pick(None), url=pick(None), extra=draw(st.one_of(st.just({}), odd_values)))


@st.composite
def mixed_batches(draw: st.DrawFn) -> list[tuple[bool, Article]]:
    """Good and bad articles in random order, each marked whether it is good."""
    items = draw(st.lists(st.one_of(st.integers(0, 3).map(lambda n: (True, good_article(n))),
                                    bad_articles().map(lambda a: (False, a))), min_size=1, max_size=12))
    return items
