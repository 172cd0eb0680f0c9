"""The learned claim classifier's decisions: the model over its pairs, the rules elsewhere."""

from __future__ import annotations

from crimegraph.extract.claims.claimmodel import CLASSES, ClaimPairs, Settings, decide, load
from crimegraph.extract.entities.referents import Referents
from crimegraph.extract.linear import LinearModel, bucket
from crimegraph.extract.phrases import DocWords
from crimegraph.extract.status.hedging import Hedger
from crimegraph.model import Claim, Evidence
from tests.extract.claim_docs import annotate


def run(text: str, entities: dict[str, str], model: LinearModel, rules: list[Claim],
        settings: Settings | None = None) -> set[tuple[str, str, str, str]]:
    doc = annotate(text, entities)
    refs = Referents(doc)
    pairs = ClaimPairs("en")(doc, DocWords(doc), {}, refs)
    found = decide(doc, pairs, rules, model, settings or Settings(0.5), Hedger("en"), refs)
    return {(c.subject, c.predicate, c.object, c.status) for c in found}


def leaning(feature: str, label: str) -> LinearModel:
    model = LinearModel(CLASSES)
    model.weights[0, 0] = 3.0  # 'none' unless the feature is there
    model.weights[bucket(feature), CLASSES.index(label)] = 6.0
    return model


def test_the_model_adds_a_claim_with_the_status_of_its_context() -> None:
    text = "Prosecutors say Rafael Prieto allied with the Frente Sur."
    found = run(text, {"Rafael Prieto": "PERSON", "Frente Sur": "ILLEGAL_GROUP"}, leaning("b:ally", "supports"), [])
    assert {("Rafael Prieto", "supports", "Frente Sur", "asserted"),
            ("Rafael Prieto", "supports", "Frente Sur", "alleged")} & found
    quiet = run("Rafael Prieto met the Frente Sur.", {"Rafael Prieto": "PERSON", "Frente Sur": "ILLEGAL_GROUP"},
                leaning("b:ally", "supports"), [])
    assert not quiet


def test_a_rule_claim_the_model_cannot_see_stands() -> None:
    text = "Rafael Prieto met reporters."
    rule = Claim("Rafael Prieto", "involved_in", "extortion", evidence=[Evidence(0, 28, text)])
    found = run(text, {"Rafael Prieto": "PERSON"}, LinearModel(CLASSES), [rule])
    assert ("Rafael Prieto", "involved_in", "extortion", "asserted") in found


def test_a_rule_claim_over_a_pair_the_model_rejects_goes_unless_rules_are_kept() -> None:
    text = "Rafael Prieto met the Frente Sur."
    rule = Claim("Rafael Prieto", "member_of", "Frente Sur", evidence=[Evidence(0, len(text), text)])
    entities = {"Rafael Prieto": "PERSON", "Frente Sur": "ILLEGAL_GROUP"}
    model = leaning("b:nothing", "supports")
    assert not run(text, entities, model, [rule])
    assert run(text, entities, model, [rule], Settings(0.5, keep_rules=True))


def test_the_shipped_model_loads_with_the_six_predicates() -> None:
    shipped = load()
    assert shipped is not None
    model, settings = shipped
    assert model.classes == list(CLASSES) and 0 < settings.threshold < 1
