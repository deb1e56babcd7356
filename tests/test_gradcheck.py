"""gradient_check: backprop agrees with central finite differences."""

from __future__ import annotations

import numpy as np
import pytest

import binary_logreg as bl


@pytest.mark.parametrize("n_features", [1, 2, 5])
def test_backprop_passes_the_gradient_check(n_features):
    rng = np.random.default_rng(n_features)
    X = rng.normal(size=(n_features, 300))
    Y = (rng.random((1, 300)) < 0.5).astype(float)
    check = bl.gradient_check(rng.normal(size=n_features), 0.3, X, Y)
    assert check.relative_error < 1e-7
    assert check.numerical.shape == check.backprop.shape == (n_features + 1,)


def test_gradient_check_detects_a_wrong_gradient(seed_data):
    X, Y = seed_data.X_test, seed_data.Y_test
    check = bl.gradient_check([0.5, -0.5], 0.1, X, Y)
    assert check.relative_error < 1e-7
    # the same comparison against a gradient missing its 1/M would fail loudly
    wrong = check.backprop * X.shape[1]
    relative = np.linalg.norm(check.numerical - wrong) / (
        np.linalg.norm(check.numerical) + np.linalg.norm(wrong)
    )
    assert relative > 0.9


def test_truncation_error_grows_with_epsilon():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2, 200))
    Y = (rng.random((1, 200)) < 0.5).astype(float)
    coarse = bl.gradient_check([2.0, -1.0], 0.5, X, Y, epsilon=1e-1).relative_error
    fine = bl.gradient_check([2.0, -1.0], 0.5, X, Y, epsilon=1e-4).relative_error
    assert coarse > 100 * fine


def test_rejects_bad_epsilon():
    with pytest.raises(ValueError, match="epsilon"):
        bl.gradient_check([1.0], 0.0, np.ones((1, 3)), [[0, 1, 1]], epsilon=0)
