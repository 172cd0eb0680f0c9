"""Cross-article event de-duplication: one happening, several reports."""

from __future__ import annotations

from sqlalchemy import Engine, select

from crimegraph.model import Extraction
from crimegraph.resolve.events import dates_agree, parse_when
from crimegraph.store.tables import event_reports, events
from tests.kb import actor, doc, event, load, place


def reports(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {r.article_id: r.event_id for r in conn.execute(select(event_reports))}


def arrest_story(article_id: str, date: str, force: str = "Guardia Nacional Bolivariana", town: str = "Maracaibo",
                 arrested: int | None = 12) -> tuple[object, Extraction]:
    return doc(article_id, f"story {article_id}"), Extraction(article_id, [
        actor(force), place(town)], [event("arrest", date, town, force, arrested=arrested)])


def test_two_accounts_of_one_arrest_become_one_event(engine: Engine) -> None:
    load(engine, [arrest_story("x1", "2021-05-03", arrested=12),  # type: ignore[list-item]
                  arrest_story("x2", "2021-05-04", arrested=14)])  # type: ignore[list-item]
    found = reports(engine)
    assert found["x1"] == found["x2"]
    with engine.connect() as conn:
        row = conn.execute(select(events)).mappings().one()
    assert row["arrested"] == 14 and row["date"] == "2021-05-03"


def test_resolved_actor_names_count_as_shared(engine: Engine) -> None:
    load(engine, [arrest_story("y1", "2021-05-03", "Guardia Nacional Bolivariana", "Zulia")])  # type: ignore[list-item]
    load(engine, [(doc("y2", "another"), Extraction("y2", [
        actor("Guardia Nacional Bolivariana", "STATE_ACTOR", "GNB"), actor("GNB")],
        [event("arrest", "2021-05-02", None, "GNB")]))])
    found = reports(engine)
    assert found["y1"] == found["y2"]


def test_far_apart_dates_other_types_and_one_article_stay_apart(engine: Engine) -> None:
    load(engine, [arrest_story("z1", "2021-05-03"), arrest_story("z2", "2021-06-20")])  # type: ignore[list-item]
    same_article = Extraction("z3", [actor("Guardia Nacional Bolivariana"), place("Maracaibo")], [
        event("seizure", "2021-05-03", "Maracaibo", "Guardia Nacional Bolivariana"),
        event("seizure", "2021-05-03", "Maracaibo", "Guardia Nacional Bolivariana")])
    load(engine, [(doc("z3", "z3"), same_article)])
    with engine.connect() as conn:
        assert len(conn.execute(select(events)).all()) == 4


def test_dates_and_precision() -> None:
    assert parse_when("2021-05")[1] == "month"
    assert dates_agree("2021-05-03", "2021-05-06", 3) == (True, True)
    assert dates_agree("2021-05-03", "2021-05-07", 3) == (False, True)
    assert dates_agree("2021-05", "2021-05-20", 3) == (True, False)
    assert dates_agree(None, "2021-05-20", 3) == (False, False)
