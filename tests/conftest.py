"""Shared fixtures: the course notebook's workload, trained once per test session.

``nox -s tests`` runs two pytest-xdist workers and keeps a test file's tests in one
of them (``--dist loadfile``): the Keras reference is trained once, in the worker
that runs test_keras_reference.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

import binary_logreg as bl

STEP_SIZE = 0.25
STEPS = 500


@dataclass(frozen=True)
class SeedRun:
    data: bl.Dataset
    w_init: np.ndarray
    b_init: np.ndarray
    ours: bl.GradientDescentResult


def seed_initial_weights(
    n_features: int, seed: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    """Initial weights drawn exactly as the course notebook draws them."""
    rng = np.random.RandomState(seed)
    w_init = (rng.rand(n_features, 1) - 0.5) * 2.0
    b_init = (rng.rand(1, 1) - 0.5) * 2.0
    return w_init, b_init


@pytest.fixture(scope="session")
def seed_data() -> bl.Dataset:
    return bl.make_dataset()


@pytest.fixture(scope="session")
def seed_run(seed_data: bl.Dataset) -> SeedRun:
    w_init, b_init = seed_initial_weights(seed_data.n_features)
    ours = bl.gradient_descent(
        seed_data.X_train,
        seed_data.Y_train,
        w_init,
        b_init,
        step_size=STEP_SIZE,
        steps=STEPS,
    )
    return SeedRun(data=seed_data, w_init=w_init, b_init=b_init, ours=ours)


@pytest.fixture(scope="session")
def keras_run(seed_run: SeedRun):
    """The Keras reference trained once on the seed workload (about 10 s)."""
    pytest.importorskip("tensorflow")
    from binary_logreg.keras_reference import train_keras

    return train_keras(
        seed_run.data.X_train,
        seed_run.data.Y_train,
        seed_run.w_init,
        seed_run.b_init,
        step_size=STEP_SIZE,
        steps=STEPS,
    )


@pytest.fixture(scope="session")
def breast_cancer() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's breast-cancer data (569 x 30), standardised: linearly separable."""
    from sklearn.datasets import load_breast_cancer
    from sklearn.preprocessing import StandardScaler

    X, y = load_breast_cancer(return_X_y=True)
    return StandardScaler().fit_transform(X), y


@pytest.fixture(scope="session")
def overlapping_5d() -> tuple[np.ndarray, np.ndarray]:
    """400 samples, 5 standardised features, classes that overlap (label noise)."""
    from sklearn.datasets import make_classification
    from sklearn.preprocessing import StandardScaler

    X, y = make_classification(
        n_samples=400,
        n_features=5,
        n_informative=3,
        n_redundant=0,
        flip_y=0.05,
        class_sep=0.8,
        random_state=0,
    )
    return StandardScaler().fit_transform(X), y
