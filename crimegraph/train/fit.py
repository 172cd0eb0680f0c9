"""Fit a LinearModel by AdaGrad on softmax loss: deterministic for a given seed, seconds on a CPU."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from crimegraph.extract.linear import BUCKETS, LinearModel, rows, softmax

Example = tuple[Sequence[str], int]


def fit(examples: Sequence[Example], classes: Sequence[str], epochs: int = 6, rate: float = 0.03,
        l2: float = 1e-5, seed: int = 11, positive: float = 1.5) -> LinearModel:
    """Weights for `classes` from (features, class index) examples; `positive` weighs classes other than 0."""
    model = LinearModel(classes)
    weights = model.weights
    squares = np.full((BUCKETS, len(classes)), 1e-6, np.float32)
    encoded = [(rows(features), label) for features, label in examples]
    order = np.random.default_rng(seed)
    for _ in range(epochs):
        for n in order.permutation(len(encoded)):
            index, label = encoded[n]
            probs = softmax(weights[index].sum(axis=0))
            probs[label] -= 1.0
            if label:
                probs *= positive
            grad = probs[None, :] + l2 * weights[index]
            squares[index] += grad * grad
            weights[index] -= rate * grad / np.sqrt(squares[index])
    return model
