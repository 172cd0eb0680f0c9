"""The hashed-feature linear model: stable buckets, probabilities, a compact round trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from crimegraph.extract.linear import BUCKETS, LinearModel, bucket, rows


def test_buckets_are_stable_and_in_range() -> None:
    assert bucket("b:accuse") == bucket("b:accuse")
    assert 0 <= bucket("t:PERSON>STATE_ACTOR") < BUCKETS
    assert rows(["a", "a", "b"])[0] == 0 and len(rows(["a", "a"])) == 2


def test_probabilities_sum_to_one() -> None:
    model = LinearModel(["none", "supports"])
    model.weights[bucket("x"), 1] = 2.0
    probs = model.probabilities(["x"])
    assert abs(float(probs.sum()) - 1.0) < 1e-6 and probs[1] > probs[0]


def test_only_used_rows_are_saved_and_read_back(tmp_path: Path) -> None:
    model = LinearModel(["none", "opposes"])
    model.weights[bucket("w:fight"), 1] = 1.5
    path = tmp_path / "m.npz"
    model.save(path)
    assert path.stat().st_size < 10_000
    back = LinearModel.load(path)
    assert back.classes == ["none", "opposes"]
    assert np.allclose(back.probabilities(["w:fight"]), model.probabilities(["w:fight"]), atol=1e-3)


def test_batch_scores_equal_one_by_one() -> None:
    model = LinearModel(["none", "supports", "opposes"])
    model.weights[bucket("a"), 1] = 1.0
    model.weights[bucket("b"), 2] = 2.0
    lists = [["a"], ["b", "a"], ["c"]]
    assert np.allclose(model.batch(lists), np.stack([model.probabilities(f) for f in lists]))
    assert model.batch([]).shape == (0, 3)
