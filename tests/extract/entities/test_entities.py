"""Entity typing and span repair (crimegraph_entities) on sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def found(doc: Doc) -> dict[str, str]:
    """Entity text -> type."""
    return {ent.text: ent.label_ for ent in doc.ents}


def test_labels_are_crimegraph_types(en: Language) -> None:
    doc = en("Troops of the Venezuelan National Guard clashed with the ELN near Caracas on Monday.")
    assert set(found(doc).values()) <= {"PERSON", "STATE_ACTOR", "ILLEGAL_GROUP", "ORGANIZATION", "LOCATION"}
    assert found(doc)["ELN"] == "ILLEGAL_GROUP"
    assert found(doc)["Venezuelan National Guard"] == "STATE_ACTOR"
    assert found(doc)["Caracas"] == "LOCATION"


def test_lexicon_groups_and_bodies(en: Language) -> None:
    doc = en("Analysts say the Cartel of the Suns works with SEBIN agents and the Tren de Aragua.")
    assert found(doc)["Cartel of the Suns"] == "ILLEGAL_GROUP"
    assert found(doc)["SEBIN"] == "STATE_ACTOR"
    assert found(doc)["Tren de Aragua"] == "ILLEGAL_GROUP"


def test_head_words_decide_the_type(en: Language) -> None:
    doc = en("A new gang called the Rio Negro Cartel fought the Ministry of Mines in the south.")
    kinds = found(doc)
    assert kinds.get("Rio Negro Cartel") == "ILLEGAL_GROUP"
    assert kinds.get("Ministry of Mines") == "STATE_ACTOR"


def test_person_span_extended_and_title_removed(en: Language) -> None:
    doc = en("Officials said Defense Minister Vladimir Padrino López would not resign.")
    assert found(doc).get("Vladimir Padrino López") == "PERSON"
    assert not any("Minister" in ent.text for ent in doc.ents)


def test_person_after_rank_found(en: Language) -> None:
    doc = en("The court charged Colonel Hermes Arturo Quintana Pardo with smuggling fuel.")
    assert found(doc).get("Hermes Arturo Quintana Pardo") == "PERSON"


def test_surname_alone_is_a_person(en: Language) -> None:
    doc = en("Juan Guaidó spoke in Caracas. Later, Guaidó called for new elections.")
    assert [ent.label_ for ent in doc.ents if ent.text == "Guaidó"] == ["PERSON"]


def test_government_named_by_adjective_or_leader(en: Language) -> None:
    doc = en("The Venezuelan government denied it. Critics of the Maduro government disagreed.")
    governments = [ent for ent in doc.ents if ent.label_ == "STATE_ACTOR"]
    assert {ent.kb_id_ for ent in governments} == {"Government of Venezuela"}
    assert found(doc).get("Maduro") == "PERSON"


def test_country_forces(en: Language) -> None:
    doc = en("Colombia's army said the attack was repelled. Peru and Brazil sent aid.")
    army = [ent for ent in doc.ents if ent.label_ == "STATE_ACTOR"]
    assert army and army[0].kb_id_ == "Colombian army"
    assert found(doc)["Peru"] == "LOCATION"


def test_units_and_splinter_groups(en: Language) -> None:
    doc = en("Soldiers of Zone 21 fought the 36th Front, while FARC dissidents stayed away.")
    kinds = found(doc)
    assert kinds.get("Zone 21") == "STATE_ACTOR"
    assert kinds.get("36th Front") == "ILLEGAL_GROUP"
    assert kinds.get("FARC dissidents") == "ILLEGAL_GROUP"


def test_places_from_context(en: Language) -> None:
    doc = en("Fighting spread to the department of Cesar and to Arauca, a department on the border.")
    kinds = found(doc)
    assert kinds.get("Cesar") == "LOCATION"
    assert kinds.get("Arauca") == "LOCATION"


def test_see_also_links_dropped(en: Language) -> None:
    doc = en("The ELN grew stronger. SEE ALSO: Ecuador News and Profiles The group now controls the river.")
    assert "Ecuador" not in found(doc)
    assert "ELN" in found(doc)


def test_headline_mentions_kept_only_when_repeated(en: Language) -> None:
    text = ("Gulf Clan Expands Into Remote Border Towns. The Gulf Clan has moved into towns near Panama, "
            "according to local police.")
    doc = en(text)
    assert [ent.text for ent in doc.ents if ent.text.startswith("Gulf Clan")] == ["Gulf Clan", "Gulf Clan"]


def test_common_noun_acronym_dropped(en: Language) -> None:
    doc = en("The firm acted as a general sales agent (GSA) for the airline. Each GSA sells tickets.")
    assert "GSA" not in found(doc)


def test_dateline_place(en: Language) -> None:
    doc = en("BOGOTÁ – The police arrested a local boss of the Gulf Clan on Tuesday.")
    assert found(doc).get("BOGOTÁ") == "LOCATION"


def test_titles_recorded_for_the_alias_stage(en: Language) -> None:
    doc = en("Interior Minister Néstor Reverol spoke on Tuesday.")
    titles = doc.user_data["cg_titles"]
    assert [(doc[t.start : t.end].text, t.past) for t in titles] == [("Interior Minister", False)]


def test_spanish_groups_governments_and_junk(es: Language) -> None:
    doc = es("Agregó que el cártel de Sinaloa opera en Culiacán. El gobierno venezolano lo negó.")
    kinds = found(doc)
    assert kinds.get("cártel de Sinaloa") == "ILLEGAL_GROUP"
    assert "Agregó" not in kinds
    assert any(ent.kb_id_ == "Gobierno de Venezuela" for ent in doc.ents)


def test_spanish_capitalised_article_before_acronym(es: Language) -> None:
    doc = es("Las FARC anunciaron un alto el fuego en el sur de Colombia.")
    assert found(doc).get("FARC") == "ILLEGAL_GROUP"


def test_nicknames_inside_names(en: Language) -> None:
    doc = en('Prosecutors said Joaquín "El Chapo" Guzmán and Ismael "El Mayo" Zambada ran the Sinaloa Cartel.')
    people = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    assert any(p.startswith("Joaquín") and p.endswith("Guzmán") for p in people)
    assert found(doc).get("Sinaloa Cartel") == "ILLEGAL_GROUP"


def test_lower_case_twin_drops_a_guess(es: Language) -> None:
    doc = es("Golpe de Estado, dijeron. El golpe fue denunciado por la oposición en Caracas.")
    assert "Golpe" not in found(doc)


def test_families_named_as_groups(en: Language, es: Language) -> None:
    doc = en("Police say the Cifuentes Villa brothers moved cocaine through Honduras.")
    assert found(doc).get("Cifuentes Villa brothers") == "ILLEGAL_GROUP"
    doc = es("La organización de los hermanos Arellano Félix controlaba Tijuana.")
    assert found(doc).get("organización de los hermanos Arellano Félix") == "ILLEGAL_GROUP"


def test_joined_names_split_when_both_are_known(en: Language) -> None:
    doc = en("Norte Oil Company owns Norte Trading Ltd. Regulators fined Norte Oil Company and Norte Trading Ltd. "
             "in May, and Norte Trading Ltd. appealed.")
    assert "Norte Oil Company and Norte Trading Ltd." not in found(doc)


def test_a_document_number_is_never_a_person(en: Language) -> None:
    typer = en.get_pipe("crimegraph_entities")
    doc = en("FinCEN advisory FIN-2019-A002 was signed by Kenneth Blanco.")
    number = next(t.i for t in doc if t.text.startswith("FIN"))
    end = number + 1
    while end < len(doc) and doc[end].text in ("-", "2019", "A002", "-A002", "2019-A002"):
        end += 1
    assert typer.model_candidate(doc, number, end, "PERSON", set()) is None  # type: ignore[attr-defined]
    name = next(t.i for t in doc if t.text == "Kenneth")
    assert typer.model_candidate(doc, name, name + 2, "PERSON", set()) is not None  # type: ignore[attr-defined]
