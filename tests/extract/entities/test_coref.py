"""Within-article coreference (coref.py, names.py) on sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from crimegraph.extract import doc as cg
from crimegraph.extract.entities.names import acronym_of, is_acronym, is_part_of_name, key, person_words


def clusters(nlp: Language, text: str) -> dict[str, cg.EntityCluster]:
    """Cluster name -> cluster."""
    return {c.name: c for c in cg.entities(nlp(text))}


def test_keys_and_acronyms() -> None:
    assert key("The U.S. Treasury") == "us treasury"
    assert is_acronym("ELN") and is_acronym("FARC-EP") and not is_acronym("Army")
    assert acronym_of("ELN", "Ejército de Liberación Nacional")
    assert acronym_of("FARC", "Fuerzas Armadas Revolucionarias de Colombia")
    assert not acronym_of("DEA", "Defense Ministry")


def test_part_of_name() -> None:
    full = person_words("Vladimir Padrino López")
    assert is_part_of_name(person_words("Padrino López"), full)
    assert is_part_of_name(person_words("Padrino"), full)
    assert not is_part_of_name(person_words("Vladimir"), full)
    assert not is_part_of_name(person_words("Carlos López"), full)


def test_parenthesised_translation_and_acronym(en: Language) -> None:
    found = clusters(en, "Fighters of the National Liberation Army (Ejercito de Liberacion Nacional - ELN) "
                         "attacked a base. The ELN later denied it.")
    eln = found["National Liberation Army"]
    assert eln.type == "ILLEGAL_GROUP"
    assert {"Ejercito de Liberacion Nacional", "ELN"} <= set(eln.aliases)
    assert len(eln.mentions) == 4


def test_unknown_acronym_in_parentheses_joins_its_name(en: Language) -> None:
    found = clusters(en, "The Northern Border Brigade (NBB) moved south. Later the NBB returned to base.")
    brigade = next(c for c in found.values() if "Northern Border Brigade" in c.names)
    assert "NBB" in brigade.names
    assert len(brigade.mentions) == 3


def test_surnames_join_full_names(en: Language) -> None:
    found = clusters(en, "Vladimir Padrino López met Nicolás Maduro in Caracas. Then Padrino López said "
                         "Maduro would stay. Later, Padrino left.")
    assert set(found["Vladimir Padrino López"].aliases) >= {"Padrino López", "Padrino"}
    assert "Maduro" in found["Nicolás Maduro"].aliases


def test_country_forms_are_one_place(en: Language) -> None:
    found = clusters(en, "The United States sanctioned him. U.S. officials and US diplomats agreed.")
    usa = found["United States"]
    assert usa.type == "LOCATION"
    assert {"U.S.", "US"} <= set(usa.aliases)


def test_lexicon_translations_share_a_canonical(en: Language) -> None:
    found = clusters(en, "The Cartel de los Soles is a network of officers. The Cartel of the Suns denies it.")
    cartel = found["Cartel of the Suns"]
    assert "Cartel de los Soles" in cartel.aliases


def test_shorter_force_name_joins_longer(en: Language) -> None:
    found = clusters(en, "The Venezuelan Military Air Force grounded two jets. The Air Force said pilots were safe.")
    force = next(c for c in found.values() if "Air Force" in c.names)
    assert len(force.mentions) == 2


def test_nickname_after_alias(en: Language) -> None:
    found = clusters(en, 'Police arrested Dairo Antonio Úsuga David, alias "Otoniel," in Antioquia.')
    person = next(c for c in found.values() if c.type == "PERSON")
    assert "Otoniel" in person.names


def test_government_alias_keeps_the_leader(en: Language) -> None:
    found = clusters(en, "The Assad regime and Bashar al-Assad himself were sanctioned by Washington.")
    assert "Government of Syria" in found


def test_leader_government_alias(en: Language) -> None:
    found = clusters(en, "Nicolás Maduro spoke in Caracas. Washington says the Maduro regime must go.")
    government = found["Government of Venezuela"]
    assert "Maduro regime" in government.aliases
    assert "Nicolás Maduro" in found


def test_a_bare_surname_does_not_join_a_relatives_full_name(en: Language) -> None:
    found = clusters(en, "Gold keeps President Maduro in power. Officials involved include the president's own "
                         "son, Nicolás Maduro Guerra.")
    son = next(c for c in found.values() if "Nicolás Maduro Guerra" in c.names)
    assert "Maduro" not in son.names


def test_a_shared_tail_never_joins_two_known_groups(en: Language) -> None:
    found = clusters(en, "He led a faction of the People's Liberation Army (EPL). Rivals include the National "
                         "Liberation Army (ELN).")
    eln = found["National Liberation Army"]
    assert "EPL" not in eln.names and "ELN" in eln.names


def test_a_surname_shared_by_two_people_never_joins_them(en: Language) -> None:
    found = clusters(en, "Kamilo Rivera was a police officer in Guatemala. Rivera later became a deputy minister. "
                         "His group was led by Victor Rivera Azuaje, a former Venezuelan police officer. "
                         "Rivera was killed in 2008.")
    kamilo, victor = found["Kamilo Rivera"], found["Victor Rivera Azuaje"]
    assert "Victor Rivera Azuaje" not in kamilo.aliases and "Kamilo Rivera" not in victor.aliases
    assert len(kamilo.mentions) == 2 and len(victor.mentions) == 2  # each 'Rivera' joins the nearest before it
