"""A multinomial logistic model over hashed string features: weights ship as a small .npz file."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

BUCKETS = 1 << 18
MODELS = Path(__file__).parent / "models"  # the shipped weights (name.npz) and settings (name.json)
S = TypeVar("S")

Array = npt.NDArray[np.float32]


def bucket(feature: str) -> int:
    """The weight row of a feature (a stable hash: the same on every machine and run)."""
    return zlib.crc32(feature.encode("utf-8")) & (BUCKETS - 1)


def rows(features: Sequence[str]) -> npt.NDArray[np.int64]:
    """The distinct weight rows of a feature list, plus the bias row 0."""
    return np.unique(np.array([0, *(bucket(f) for f in features)], dtype=np.int64))


def softmax(scores: Array) -> Array:
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    result: Array = shifted / shifted.sum(axis=-1, keepdims=True)
    return result


class LinearModel:
    """Class probabilities for a feature list; `classes[0]` is the 'no relation' class."""

    def __init__(self, classes: Sequence[str], weights: Array | None = None) -> None:
        self.classes = list(classes)
        self.weights: Array = weights if weights is not None else np.zeros((BUCKETS, len(classes)), np.float32)

    def probabilities(self, features: Sequence[str]) -> Array:
        return softmax(self.weights[rows(features)].sum(axis=0))

    def batch(self, feature_lists: Sequence[Sequence[str]]) -> Array:
        """Class probabilities of many feature lists at once (one row each)."""
        if not feature_lists:
            return np.zeros((0, len(self.classes)), np.float32)
        index = [rows(features) for features in feature_lists]
        starts = np.cumsum([0, *(len(i) for i in index[:-1])])
        summed = np.add.reduceat(self.weights[np.concatenate(index)], starts, axis=0)
        return softmax(summed)

    def save(self, path: Path) -> None:
        """Only the rows that carry weight, compressed (a few MB at most)."""
        used = np.flatnonzero(np.abs(self.weights).max(axis=1) > 1e-4)
        np.savez_compressed(path, classes=np.array(self.classes), used=used.astype(np.int32),
                            values=self.weights[used].astype(np.float16))

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with np.load(path) as data:
            weights = np.zeros((BUCKETS, len(data["classes"])), np.float32)
            weights[data["used"]] = data["values"].astype(np.float32)
            return cls([str(c) for c in data["classes"]], weights)


def shipped(name: str, settings: Callable[..., S], folder: Path = MODELS) -> tuple[LinearModel, S] | None:
    """A shipped model and its settings (defaults when no name.json), or None when none is shipped."""
    weights = folder / f"{name}.npz"
    if not weights.exists():
        return None
    meta = folder / f"{name}.json"
    values: dict[str, Any] = json.loads(meta.read_text("utf-8")) if meta.exists() else {}
    return LinearModel.load(weights), settings(**values)
