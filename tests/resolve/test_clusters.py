"""Clusters from judgements: a weak chain never joins two people's full names; a person's merge always does."""

from __future__ import annotations

from crimegraph.resolve import clusters
from crimegraph.resolve.clusters import Judgement
from crimegraph.store.tables import RESOLVER, SAME, USER

PEOPLE = {
    "nicolas": ("nicolas", "maduro", "moros"),
    "cilia": ("cilia", "adela", "flores", "de", "maduro"),
    "maduro": ("maduro",),
    "nm": ("nicolas", "maduro"),
}


def same(left: str, right: str, score: float, by: str = RESOLVER) -> Judgement:
    key = clusters.pair(left, right)
    return Judgement(key[0], key[1], SAME, score, by)


def found(*items: Judgement) -> dict[tuple[str, str], Judgement]:
    return {(j.left, j.right): j for j in items}


def test_a_lone_surname_does_not_chain_two_people() -> None:
    components = clusters.build(found(same("maduro", "nicolas", 0.8), same("maduro", "cilia", 0.75)), PEOPLE)
    assert components.find("maduro") == components.find("nicolas")
    assert components.find("cilia") != components.find("nicolas")


def test_the_stronger_link_wins_whatever_the_order() -> None:
    one = clusters.build(found(same("maduro", "cilia", 0.9), same("maduro", "nicolas", 0.8)), PEOPLE)
    assert one.find("maduro") == one.find("cilia") != one.find("nicolas")


def test_compatible_full_names_still_join() -> None:
    components = clusters.build(found(same("maduro", "nicolas", 0.8), same("maduro", "nm", 0.8)), PEOPLE)
    assert components.find("nm") == components.find("nicolas")


def test_a_persons_merge_overrides_the_clash() -> None:
    components = clusters.build(found(same("cilia", "nicolas", 1.0, USER)), PEOPLE)
    assert components.find("cilia") == components.find("nicolas")


def test_without_people_only_judgements_count() -> None:
    components = clusters.build(found(same("maduro", "nicolas", 0.8), same("maduro", "cilia", 0.75)))
    assert components.find("cilia") == components.find("nicolas")
