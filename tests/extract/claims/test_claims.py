"""Claims of the six predicates, on sentences with hand-given entities."""

from __future__ import annotations

from spacy.tokens import Doc

from crimegraph.extract import doc as cg
from crimegraph.extract.claims.claims import ClaimExtractor
from tests.extract.claim_docs import add_role, annotate

EXTRACTORS: dict[str, ClaimExtractor] = {}


def run(doc: Doc) -> set[tuple[str, str, str, str]]:
    language = doc._.cg_language
    extractor = EXTRACTORS.setdefault(language, ClaimExtractor(language))
    return {(c.subject, c.predicate, c.object, c.status) for c in cg.claims(extractor(doc))}


def test_apposition_and_copula_give_positions() -> None:
    doc = annotate("Rosa Marín, the director of the Port Authority, met Luis Peña. "
                   "Luis Peña is the governor of Tarapacá.",
                   {"Rosa Marín": "PERSON", "Port Authority": "STATE_ACTOR", "Luis Peña": "PERSON",
                    "Tarapacá": "LOCATION"})
    found = run(doc)
    assert ("Rosa Marín", "holds_position", "Port Authority", "asserted") in found
    assert ("Luis Peña", "holds_position", "Tarapacá", "asserted") in found


def test_president_of_a_country_holds_its_government() -> None:
    doc = annotate("Ana Ríos, president of Paraguay, spoke on Monday.",
                   {"Ana Ríos": "PERSON", "Paraguay": "LOCATION"})
    assert ("Ana Ríos", "holds_position", "Government of Paraguay", "asserted") in run(doc)


def test_roles_from_titles_and_ranks() -> None:
    doc = annotate("Interior Minister Pablo Soto and Navy Captain Iván Mora arrived.",
                   {"Pablo Soto": "PERSON", "Iván Mora": "PERSON", "Interior Ministry": "STATE_ACTOR",
                    "Navy": "STATE_ACTOR"})
    add_role(doc, "Pablo Soto", "Interior Ministry", "Interior Minister")
    add_role(doc, "Iván Mora", "Navy", "Navy Captain")
    found = run(doc)
    assert ("Pablo Soto", "holds_position", "Interior Ministry", "asserted") in found
    assert ("Iván Mora", "member_of", "Navy", "asserted") in found


def test_units_members_and_leaders() -> None:
    doc = annotate("The Northern Bloc of the People's Army attacked a base. The Costa Gang, led by "
                   "Hugo Paz, expanded. Several members of the Costa Gang, including Tito Vela, fled.",
                   {"Northern Bloc": "ILLEGAL_GROUP", "People's Army": "ILLEGAL_GROUP",
                    "Costa Gang": "ILLEGAL_GROUP", "Hugo Paz": "PERSON", "Tito Vela": "PERSON"})
    found = run(doc)
    assert ("Northern Bloc", "member_of", "People's Army", "asserted") in found
    assert ("Hugo Paz", "holds_position", "Costa Gang", "asserted") in found
    assert ("Tito Vela", "member_of", "Costa Gang", "asserted") in found


def test_involvement_with_status_and_source() -> None:
    doc = annotate("The Costa Gang is involved in extortion and illegal mining. "
                   "Hugo Paz was accused by prosecutors of laundering money for the group.",
                   {"Costa Gang": "ILLEGAL_GROUP", "Hugo Paz": "PERSON"})
    extractor = EXTRACTORS.setdefault("en", ClaimExtractor("en"))
    claims = {c.key: c for c in cg.claims(extractor(doc))}
    assert claims["Costa Gang", "involved_in", "extortion"].status == "asserted"
    assert ("Costa Gang", "involved_in", "illegal_mining") in claims
    laundering = claims["Hugo Paz", "involved_in", "money_laundering"]
    assert (laundering.status, laundering.source) == ("alleged", "prosecutors")


def test_fighting_an_activity_is_no_involvement() -> None:
    doc = annotate("The Army fights drug trafficking in the south.", {"Army": "STATE_ACTOR"})
    assert not any(p == "involved_in" for _, p, _, _ in run(doc))


def test_sanctions_map_agencies_to_states() -> None:
    doc = annotate("The Costa Gang was sanctioned by the European Union. OFAC designated Raúl Lima on Tuesday. "
                   "The following individuals were designated: Eva Cruz; Omar Gil. "
                   "Ana Paz, the president, designated Omar Gil as her adviser.",
                   {"OFAC": "STATE_ACTOR", "Raúl Lima": "PERSON", "Costa Gang": "ILLEGAL_GROUP",
                    "European Union": "ORGANIZATION", "Eva Cruz": "PERSON", "Omar Gil": "PERSON",
                    "Ana Paz": "PERSON"})
    found = run(doc)
    assert ("Raúl Lima", "sanctioned_by", "United States", "asserted") in found
    assert ("Costa Gang", "sanctioned_by", "European Union", "asserted") in found
    assert ("Eva Cruz", "sanctioned_by", "United States", "asserted") in found
    assert ("Omar Gil", "sanctioned_by", "United States", "asserted") in found
    assert not any(s == "OFAC" for s, _, _, _ in found)
    assert not any(o == "Omar Gil" for _, _, o, _ in found)


def test_stances_one_way_and_both_ways() -> None:
    doc = annotate("Peru recognized Marta Gil. The Costa Gang clashed with the Delta Front.",
                   {"Peru": "LOCATION", "Marta Gil": "PERSON", "Costa Gang": "ILLEGAL_GROUP",
                    "Delta Front": "ILLEGAL_GROUP"})
    found = run(doc)
    assert ("Peru", "supports", "Marta Gil", "asserted") in found
    assert ("Marta Gil", "supports", "Peru", "asserted") not in found
    assert ("Costa Gang", "opposes", "Delta Front", "asserted") in found
    assert ("Delta Front", "opposes", "Costa Gang", "asserted") in found


def test_duplicates_merge_and_keep_every_sentence() -> None:
    doc = annotate("For years the Costa Gang has smuggled cocaine across the border. "
                   "Reportedly, the Costa Gang is involved in drug trafficking.",
                   {"Costa Gang": "ILLEGAL_GROUP"})
    extractor = EXTRACTORS.setdefault("en", ClaimExtractor("en"))
    claims = [c for c in cg.claims(extractor(doc)) if c.predicate == "involved_in"]
    assert len(claims) == 1
    assert claims[0].status == "asserted" and len(claims[0].evidence) == 2
    assert claims[0].component == "crimegraph_claims"
    assert claims[0].evidence[0].text == "For years the Costa Gang has smuggled cocaine across the border."


def test_spanish_claims() -> None:
    doc = annotate("El ministro de Defensa, Juan Pérez, visitó la zona. La Banda Sur, liderada por Raúl Gómez, "
                   "está involucrada en el narcotráfico.",
                   {"Juan Pérez": "PERSON", "Ministerio de Defensa": "STATE_ACTOR", "Banda Sur": "ILLEGAL_GROUP",
                    "Raúl Gómez": "PERSON"}, "es", aliases={"Defensa": "Ministerio de Defensa"})
    found = run(doc)
    assert ("Juan Pérez", "holds_position", "Ministerio de Defensa", "asserted") in found
    assert ("Raúl Gómez", "holds_position", "Banda Sur", "asserted") in found
    assert ("Banda Sur", "involved_in", "drug_trafficking", "asserted") in found


def test_coalition_members_and_leaders_of_groups() -> None:
    doc = annotate("La coalición Frente Cívico, formada por el Partido Azul y el Partido Verde, ganó. "
                   "El cártel del Golfo, liderado por Mario Ruiz, es enemigo de Los Norteños.",
                   {"Frente Cívico": "ORGANIZATION", "Partido Azul": "ORGANIZATION", "Partido Verde": "ORGANIZATION",
                    "cártel del Golfo": "ILLEGAL_GROUP", "Mario Ruiz": "PERSON", "Los Norteños": "ILLEGAL_GROUP"}, "es")
    found = run(doc)
    assert ("Partido Azul", "member_of", "Frente Cívico", "asserted") in found
    assert ("Partido Verde", "member_of", "Frente Cívico", "asserted") in found
    assert ("Mario Ruiz", "holds_position", "cártel del Golfo", "asserted") in found
    assert ("cártel del Golfo", "involved_in", "drug_trafficking", "asserted") in found


def test_unit_named_before_its_force() -> None:
    doc = annotate("Fighters of the Front 12 of the communist People's Army ambushed a patrol.",
                   {"Front 12": "ILLEGAL_GROUP", "People's Army": "ILLEGAL_GROUP"})
    assert ("Front 12", "member_of", "People's Army", "asserted") in run(doc)


def test_investigation_lists_and_reported_descriptions() -> None:
    doc = annotate("Ruiz, along with Lara and Soto, is under investigation at the request of Judge Vera for bribery. "
                   "Police detained Omar Gil, who officials said was a known drug trafficker, on Monday.",
                   {"Ruiz": "PERSON", "Lara": "PERSON", "Soto": "PERSON", "Vera": "PERSON", "Omar Gil": "PERSON"})
    extractor = EXTRACTORS.setdefault("en", ClaimExtractor("en"))
    claims = {c.key: c for c in cg.claims(extractor(doc))}
    for name in ("Ruiz", "Lara", "Soto"):
        assert claims[name, "involved_in", "corruption"].status == "alleged"  # bribery is corruption
    assert claims["Omar Gil", "involved_in", "drug_trafficking"].status == "alleged"


def test_attribution_and_mutual_conflict() -> None:
    doc = annotate("The massacre in the valley may have been the Delta Front's work. "
                   "The Navy attacked the Delta Front near the coast.",
                   {"Delta Front": "ILLEGAL_GROUP", "Navy": "STATE_ACTOR"})
    found = run(doc)
    assert ("Delta Front", "involved_in", "homicide", "alleged") in found
    assert ("Navy", "opposes", "Delta Front", "asserted") in found
    assert ("Delta Front", "opposes", "Navy", "asserted") in found


def test_lone_group_of_a_sentence_takes_its_activity() -> None:
    doc = annotate("In the valley, where coca cultivation has doubled, Los Lobos remain the only armed presence.",
                   {"Los Lobos": "ILLEGAL_GROUP"})
    assert ("Los Lobos", "involved_in", "drug_trafficking", "asserted") in run(doc)


def test_opposition_figures_oppose_the_government() -> None:
    doc = annotate("El Gobierno de Bolivia detuvo al dirigente opositor Mario Vaca. El gobierno negó abusos.",
                   {"Gobierno de Bolivia": "STATE_ACTOR", "Mario Vaca": "PERSON"}, "es",
                   aliases={"gobierno": "Gobierno de Bolivia"})
    assert ("Mario Vaca", "opposes", "Gobierno de Bolivia", "asserted") in run(doc)


def test_bare_government_and_loyal_groups() -> None:
    doc = annotate("El Gobierno de Perú anunció reformas. La prensa criticó a grupos armados afines al gobierno, "
                   'llamados "rondas", por la violencia.',
                   {"Gobierno de Perú": "STATE_ACTOR", "rondas": "ILLEGAL_GROUP"}, "es")
    assert ("rondas", "supports", "Gobierno de Perú", "asserted") in run(doc)


def test_peace_talks_and_attacks_mark_both_sides_of_a_conflict() -> None:
    doc = annotate("El Frente Sur mantiene conversaciones de paz con el gobierno del presidente Luis Paz. "
                   "Dos guerrilleros del Frente Sur murieron en un ataque contra la Armada.",
                   {"Frente Sur": "ILLEGAL_GROUP", "Gobierno de Chile": "STATE_ACTOR", "Luis Paz": "PERSON",
                    "Armada": "STATE_ACTOR"}, "es", aliases={"presidente": "Gobierno de Chile"})
    found = run(doc)
    assert ("Frente Sur", "opposes", "Gobierno de Chile", "asserted") in found
    assert ("Gobierno de Chile", "opposes", "Frente Sur", "asserted") in found
    assert ("Frente Sur", "opposes", "Armada", "asserted") in found
    assert ("Armada", "opposes", "Frente Sur", "asserted") in found
