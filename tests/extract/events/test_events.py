"""Events from whole articles: types, fields, filters and merging."""

from __future__ import annotations

from crimegraph.extract import extract
from crimegraph.model import Article, Event


def events(text: str, when: str | None = "2021-03-10", language: str = "en") -> list[Event]:
    return extract(Article("t", text, date=when, language=language)).events


def of_type(found: list[Event], kind: str) -> list[Event]:
    return [e for e in found if e.type == kind]


def test_arrest_with_count_date_and_place() -> None:
    found = events("Colombian police arrested 14 members of the Clan del Golfo in Medellín on Monday.")
    [arrest] = of_type(found, "arrest")
    assert arrest.arrested == 14
    assert arrest.date == "2021-03-08"
    assert arrest.location == "Medellín"
    assert arrest.component == "crimegraph_events"
    assert arrest.evidence and "arrested" in arrest.evidence[0].text


def test_attack_with_fatalities() -> None:
    found = events("Guerrillas of the ELN attacked an army patrol in Arauca on February 2, killing five soldiers.")
    [attack] = of_type(found, "attack")
    assert attack.fatalities == 5
    assert attack.date == "2021-02-02"
    assert attack.location == "Arauca"


def test_seizure_and_arrest_in_one_sentence() -> None:
    found = events("The navy seized two tons of cocaine and detained three crew members off the coast of Ecuador.")
    assert {e.type for e in found} >= {"seizure", "arrest"}


def test_sanction_actors() -> None:
    found = events("The US Treasury sanctioned Colombian businessman Pedro Ramírez on Tuesday.")
    [sanction] = of_type(found, "sanction")
    assert sanction.date == "2021-03-09"
    assert any("Treasury" in a for a in sanction.actors)


def test_negated_planned_and_hypothetical_events_are_left_out() -> None:
    text = ("The army did not arrest anyone in Cali. The governor will sanction the mayor of Pasto. "
            "Unions plan to march through Bogotá. If the rebels attack Tumaco, the navy could respond.")
    assert events(text) == []


def test_future_dated_events_are_left_out() -> None:
    assert of_type(events("Farmers in Cusco protest next Friday against the mine."), "protest") == []


def test_generic_mentions_are_left_out() -> None:
    assert events("Kidnapping and extortion remain common in the region of Catatumbo.") == []


def test_mentions_of_one_occurrence_are_merged() -> None:
    text = ("Soldiers mutinied at a base in Maracay on January 18.\n\n"
            "The mutiny was put down within hours. Officials said the uprising had been planned for weeks.")
    assert len(of_type(events(text), "mutiny")) == 1


def test_distinct_occurrences_stay_apart() -> None:
    text = ("Gunmen attacked a police station in Tumaco on Friday. "
            "Separately, rebels attacked an oil pipeline in Arauca on Sunday.")
    attacks = of_type(events(text), "attack")
    assert {a.location for a in attacks} == {"Tumaco", "Arauca"}


def test_diplomacy_and_political() -> None:
    found = events("Peru broke diplomatic relations with Venezuela. The congressman Luis Vargas proclaimed himself "
                   "president of the assembly on Sunday.")
    assert of_type(found, "diplomacy") and of_type(found, "political")


def test_spanish_events() -> None:
    text = ("El Ejército capturó a dos guerrilleros de las FARC el pasado lunes en Tumaco. "
            "En los combates murieron seis rebeldes.")
    found = events(text, language="es")
    [arrest] = of_type(found, "arrest")
    assert arrest.arrested == 2 and arrest.date == "2021-03-08"
    [attack] = of_type(found, "attack")
    assert attack.fatalities == 6


def test_spanish_negation_and_future() -> None:
    text = "La policía no detuvo a nadie en Quito. Los sindicatos marcharán en Lima."
    assert events(text, language="es") == []


def test_articles_without_events_or_dates() -> None:
    assert events("The weather in Lima was mild.", when=None) == []


def test_habits_rates_and_purposes_are_not_occurrences() -> None:
    text = ("Gangs extort shopkeepers across the city of Trujillo. The murder rate of Lima is rising. "
            "Prisoners of the gang are jailed in Callao. Troops were sent to Tumbes to arrest smugglers.")
    assert events(text) == []


def test_scare_quotes_and_links_are_not_triggers() -> None:
    text = ('The minister said the press had "attacked" him. '
            "See https://example.org/sanctions/arrest-list for details.")
    assert events(text) == []


def test_recognition_needs_a_political_object() -> None:
    assert of_type(events("The court recognizes the vulnerability of migrants in Quito."), "diplomacy") == []
    found = events("Brazil recognized the interim government of Bolivia on Monday.")
    assert of_type(found, "diplomacy")


def test_implicative_infinitive_is_an_occurrence() -> None:
    found = events("Police managed to capture the fugitive in Cali on Sunday.")
    assert of_type(found, "arrest")


def test_a_dateline_places_only_the_leads_events() -> None:
    found = events("WASHINGTON — Today, the Treasury sanctioned three Venezuelan officials. The officials run "
                   "the ports. Officials said the port was busy. In 2018, Canada sanctioned one of them for "
                   "corruption.")
    today, earlier = sorted(of_type(found, "sanction"), key=lambda e: e.date or "")[::-1]
    assert today.location == "Washington"
    assert earlier.location is None


def test_headings_and_names_are_not_triggers() -> None:
    found = events("## KILLING THE BEAT:\nThe Special Commission for the Dispossession and Theft of CITGO met "
                   "in Caracas on Monday.")
    assert not of_type(found, "attack") and not of_type(found, "accusation") and not of_type(found, "seizure")


def test_a_news_outlet_reports_an_event_and_is_not_its_actor() -> None:
    found = events("Members of the Mara Salvatrucha killed two bus drivers in Tegucigalpa on Monday, "
                   "La Tribuna reported.")
    [attack] = of_type(found, "attack")
    assert "La Tribuna" not in attack.actors
