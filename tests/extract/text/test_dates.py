"""Date expressions found in text and resolved against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from crimegraph.extract.text.dates import finder, iso, year_for

ANCHOR = date(2021, 3, 10)  # a Wednesday


def values(text: str, language: str = "en", anchor: date | None = ANCHOR) -> list[str | None]:
    return [m.value for m in finder(language).find(text, anchor)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Troops entered the town on February 28.", "2021-02-28"),
    ("The ruling came on Nov. 3, 2019, after a trial.", "2019-11-03"),
    ("The 4th of January 2020 was quiet.", "2020-01-04"),
    ("The militia was founded in 1998 by farmers.", "1998"),
    ("Since last April the port has been closed.", "2020-04"),
    ("Guards fired on the crowd in March.", "2021-03"),
    ("The mayor resigned in October.", "2020-10"),
    ("They met in December 2018 in Quito.", "2018-12"),
    ("Police raided the farm on Monday.", "2021-03-08"),
    ("The judge spoke yesterday.", "2021-03-09"),
    ("The strike started last week.", "2021-03"),
    ("It was signed three years ago.", "2018"),
    ("The vote took place last month.", "2021-02"),
    ("The record is dated 2017-06-30.", "2017-06-30"),
])
def test_english_dates(text: str, expected: str) -> None:
    assert values(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("La marcha fue el pasado 2 de marzo en Quito.", "2021-03-02"),
    ("El tribunal falló el 15 de enero de 2019.", "2019-01-15"),
    ("El lunes la policía allanó la finca.", "2021-03-08"),
    ("Ayer hubo enfrentamientos.", "2021-03-09"),
    ("Hace dos semanas se firmó el acuerdo.", "2021-02"),
    ("La banda se formó en 2004.", "2004"),
    ("La guerrilla atacó en noviembre pasado.", "2020-11"),
    ("La reunión fue la semana pasada.", "2021-03"),
    ("El documento lleva fecha 07/12/2020.", "2020-12-07"),
])
def test_spanish_dates(text: str, expected: str) -> None:
    assert values(text, "es") == [expected]


def test_words_that_are_not_dates() -> None:
    assert values("Officials may act and protesters march downtown.") == []
    assert values("Los lunes hay mercado y más de 2000 personas acuden.", "es") == []


def test_future_dates_are_flagged() -> None:
    [mention] = finder("en").find("A march is called for next Friday.", ANCHOR)
    assert mention.future and mention.value == "2021-03-12"
    [mention] = finder("es").find("Las elecciones serán el próximo 4 de abril.", ANCHOR)
    assert mention.future


def test_relative_dates_need_a_publication_date() -> None:
    assert values("He was detained on Monday, June 7.", anchor=None) == [None, None]
    assert values("The group split in 2015.", anchor=None) == ["2015"]


def test_year_of_a_day_without_one() -> None:
    assert year_for(12, 20, date(2021, 1, 5)) == 2020
    assert year_for(1, 3, date(2021, 1, 5)) == 2021
    assert iso(2021, 2, 30) is None
