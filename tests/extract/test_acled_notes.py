"""ACLED-style notes: death tolls in their usual phrasings, the most precise place, "coded to X"."""

from __future__ import annotations

import pytest

from crimegraph.extract import extract
from crimegraph.extract.text.counts import stated_fatalities
from crimegraph.model import Article


def events(text: str, language: str = "en") -> list[dict[str, object]]:
    result = extract(Article(id="n", text=text, date="2023-12-31", language=language)).to_eval()
    return [e for e in result["events"] if e["type"] == "attack"]


@pytest.mark.parametrize(("text", "language", "found"), [
    ("2 fatalities.", "en", [2]), ("Local sources reported 17 dead.", "en", [17]),
    ("between 3 and 5 dead", "en", [3]), ("No fatalities were reported.", "en", [0]),
    ("Hubo dos muertos.", "es", [2]), ("sin víctimas", "es", [0]), ("several dead", "en", []),
    ("the 2019 deaths", "en", []),
])
def test_stated_totals(text: str, language: str, found: list[int]) -> None:
    assert stated_fatalities(text, language) == found


@pytest.mark.parametrize(("text", "language", "fatalities"), [
    # "both were killed" and a closing "N fatalities"
    ("On 3 May 2022, in Tlaquepaque, Jalisco, gunmen opened fire on two bakers. Both were killed.", "en", 2),
    ("On 3 May 2022, gunmen attacked a bar in Celaya. Several people were hurt. 4 fatalities.", "en", 4),
    # a singular victim of a verb that entails death
    ("On 9 June 2022, unidentified men shot dead a taxi driver in Culiacán, Sinaloa.", "en", 1),
    ("On 9 June 2022, a lawyer was found dead with gunshot wounds in Caborca, Sonora.", "en", 1),
    # "killed N"; the lowest figure when sources differ
    ("On 2 July 2022, gunmen killed three farmers in Tumaco; other reports spoke of five dead.", "en", 3),
    ("El 4 de julio de 2022, sicarios asesinaron a cuatro jóvenes en Uruapan.", "es", 4),
    ("El 4 de julio de 2022, en Celaya, hombres armados atacaron a una familia. Tres personas fueron asesinadas.",
     "es", 3),
    ("El 4 de julio de 2022, hombres armados dispararon contra dos hermanos en Cúcuta. Ambos murieron.", "es", 2),
    ("El 4 de julio de 2022, el Ejército se enfrentó con disidentes en Tibú. Murieron dos soldados y un "
     "guerrillero.", "es", 3),
])
def test_death_tolls(text: str, language: str, fatalities: int) -> None:
    assert [e["fatalities"] for e in events(text, language)] == [fatalities]


@pytest.mark.parametrize(("text", "language", "place"), [
    # the town, not the state that qualifies it (and not Guadeloupe)
    ("On 14 January 2022, in Guadalupe, Zacatecas, armed men killed two police officers.", "en", "Guadalupe"),
    ("On 14 January 2022, in Fresnillo (Zacatecas), gunmen killed a shopkeeper.", "en", "Fresnillo"),
    ("El 8 de agosto de 2022, en Uruapan, Michoacán, sicarios asesinaron a un comerciante.", "es", "Uruapan"),
    # ACLED's own coding note wins
    ("On 5 March 2022, soldiers clashed with ELN rebels in rural Táchira (coded to San Rafael del Pinal, "
     "Tachira).", "en", "San Rafael del Pinal"),
])
def test_most_precise_place(text: str, language: str, place: str) -> None:
    found = events(text, language)
    assert found and found[0]["location"] == place


def test_a_state_that_qualifies_a_town_is_no_actor() -> None:
    found = events("On 1 October 2022, a journalist was found dead near Chilpancingo, Guerrero.")
    assert found and found[0]["location"] == "Chilpancingo" and "Guerrero" not in found[0]["actors"]


@pytest.mark.parametrize(("text", "language", "place"), [
    # towns the model does not tag, placed by the text
    ("On 6 May 2022, near Jerusalén, Cundinamarca, gunmen killed a farmer.", "en", "Jerusalén"),
    ("El 6 de mayo de 2022, en la zona rural del municipio de San Calixto (Norte de Santander), disidentes "
     "asesinaron a un campesino.", "es", "San Calixto"),
    # a division after a town ranks as a state even when the model cuts its article
    ("El 6 de mayo de 2022, en Tayabamba (La Libertad), mineros asesinaron a un vigilante.", "es", "Tayabamba"),
    # the setting of the sentence before, for a sentence that names none
    ("On 6 May 2022, in Tecomán, Colima, two men on a motorcycle fired at a mechanic and his son. Both were "
     "killed.", "en", "Tecomán"),
])
def test_towns_the_model_missed(text: str, language: str, place: str) -> None:
    found = events(text, language)
    assert found and found[0]["location"] == place


def test_a_state_and_a_town_in_it_are_one_setting() -> None:
    from crimegraph.extract.events.event_merge import nested_places, places_compatible

    assert places_compatible("Caquetá", "El Doncello") and nested_places("Caquetá", "El Doncello")
    assert not places_compatible("Sinaloa", "Fresnillo")  # GeoNames puts Fresnillo in Zacatecas


@pytest.mark.parametrize(("text", "fatalities"), [
    # a passive lethal verb whose subject the Spanish parser labels nsubj
    ("El 4 de julio de 2022, en Apatzingán, sicarios atacaron un taller; dos mecánicos fueron asesinados.", 2),
    ("El 4 de julio de 2022, cerca de Tumaco, el Ejército se enfrentó con disidentes. Tres de los atacantes "
     "fueron abatidos.", 3),
])
def test_passive_tolls_in_spanish(text: str, fatalities: int) -> None:
    assert [e["fatalities"] for e in events(text, "es")] == [fatalities]


@pytest.mark.parametrize(("text", "language", "kind"), [
    ("On 2 June 2022, a bomb went off outside a police station in Jamundí, Valle del Cauca.", "en", "attack"),
    ("On 2 June 2022, dissidents dropped explosives from a drone on an army post in Argelia, Cauca.", "en", "attack"),
    ("On 2 June 2022, in Ocaña, Norte de Santander, students threw stones at the riot police.", "en", "protest"),
    ("El 2 de junio de 2022, en Cúcuta, jóvenes lanzaron piedras contra la sede de la alcaldía.", "es", "protest"),
])
def test_acled_event_phrasings(text: str, language: str, kind: str) -> None:
    result = extract(Article(id="n", text=text, date="2023-12-31", language=language)).to_eval()
    assert kind in [e["type"] for e in result["events"]]
