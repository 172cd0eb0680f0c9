"""Fitting the linear model: it learns a separable toy task, the same way every run."""

from __future__ import annotations

import numpy as np

from crimegraph.train.fit import fit

EXAMPLES = [(["w:fight", "t:GROUP"], 1), (["w:ally", "t:GROUP"], 2), (["w:meet", "t:GROUP"], 0)] * 20


def test_fit_separates_the_classes() -> None:
    model = fit(EXAMPLES, ["none", "opposes", "supports"], epochs=4, rate=0.3)
    assert int(np.argmax(model.probabilities(["w:fight", "t:GROUP"]))) == 1
    assert int(np.argmax(model.probabilities(["w:ally", "t:GROUP"]))) == 2
    assert int(np.argmax(model.probabilities(["w:meet", "t:GROUP"]))) == 0


def test_fit_is_deterministic_for_a_seed() -> None:
    first = fit(EXAMPLES, ["none", "opposes", "supports"], epochs=2, seed=3)
    second = fit(EXAMPLES, ["none", "opposes", "supports"], epochs=2, seed=3)
    assert np.array_equal(first.weights, second.weights)
