"""Roles read off titles: the country a bare title serves."""

from __future__ import annotations

from crimegraph.extract import extract
from crimegraph.model import Article


def positions(text: str) -> set[tuple[str, str]]:
    found = extract(Article("roles", text, None, "2019-01-01", "en"))
    return {(c.subject, c.object) for c in found.claims if c.predicate == "holds_position"}


def test_a_leaders_possessive_gives_his_country() -> None:
    found = positions("Maduro's vice president Tareck El Aissami was sanctioned in 2017 by the United States.")
    assert ("Tareck El Aissami", "Government of Venezuela") in found
    assert ("Tareck El Aissami", "Government of the United States") not in found


def test_a_known_foreign_leader_keeps_his_country() -> None:
    found = positions("Venezuela's crisis deepened. In Caracas, Venezuela's army met. "
                      "President Michel Temer said Venezuela must hold elections.")
    assert ("Michel Temer", "Government of Brazil") in found
    assert ("Michel Temer", "Government of Venezuela") not in found
