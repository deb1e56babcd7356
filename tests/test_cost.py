"""The cost: against scikit-learn's log_loss, and stable for saturated predictions."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import log_loss

import binary_logreg as bl

pytestmark = pytest.mark.filterwarnings("error")

rng = np.random.default_rng(7)


def test_cost_matches_sklearn_log_loss():
    Y = (rng.random((1, 1000)) < 0.3).astype(float)
    A = rng.uniform(0.01, 0.99, size=(1, 1000))
    expected = log_loss(Y.ravel(), A.ravel(), labels=[0, 1])
    assert bl.cost(Y, A) == pytest.approx(expected, rel=1e-13)


def test_cost_from_logits_matches_cost_where_both_are_accurate():
    Y = (rng.random((1, 1000)) < 0.5).astype(float)
    Z = rng.normal(scale=5, size=(1, 1000))
    expected = log_loss(Y.ravel(), bl.sigmoid(Z).ravel(), labels=[0, 1])
    assert bl.cost_from_logits(Y, Z) == pytest.approx(expected, rel=1e-12)
    assert bl.cost_from_logits(Y, Z) == pytest.approx(
        bl.cost(Y, bl.sigmoid(Z)), rel=1e-12
    )


@pytest.mark.parametrize("z", [40.0, 800.0, 1e4])
def test_cost_from_logits_is_exact_when_sigmoid_saturates(z):
    # sigma(-z) rounds to 0 (or 1 - sigma(z) rounds to 0): the loss of a confidently
    # wrong sample is then z + log1p(exp(-z)), which is z to double precision.
    assert bl.cost_from_logits([[1.0]], [[-z]]) == pytest.approx(z, rel=1e-15)
    assert bl.cost_from_logits([[0.0]], [[z]]) == pytest.approx(z, rel=1e-15)
    # a confidently right sample costs log1p(exp(-z)) ~ exp(-z), never exactly 0 until underflow
    assert bl.cost_from_logits([[1.0]], [[z]]) == pytest.approx(np.exp(-z), rel=1e-12)


def test_loss_from_logits_per_sample_is_non_negative():
    Y = np.array([[0, 1, 0, 1]])
    Z = np.array([[-1e4, 1e4, 3.0, -3.0]])
    loss = bl.loss_from_logits(Y, Z)
    assert loss.shape == (1, 4)
    assert (loss >= 0).all()
    np.testing.assert_allclose(loss[0, 2:], np.log1p(np.exp(3.0)), rtol=1e-15)


def test_cost_is_zero_for_exact_correct_saturation_not_nan():
    # the textbook formula gives 0 * log(0) = nan here
    assert bl.cost([[1.0, 0.0]], [[1.0, 0.0]]) == 0.0


def test_cost_warns_and_returns_inf_for_wrong_saturation():
    with pytest.warns(RuntimeWarning, match="cost_from_logits"):
        value = bl.cost([[1.0, 0.0]], [[0.0, 0.2]])
    assert value == np.inf


@pytest.mark.parametrize(
    ("Y", "A", "message"),
    [
        ([[0, 1]], [[0.5, 1.2]], "probabilities in \\[0, 1\\]"),
        ([[0, 1]], [[0.5, np.nan]], "A must be finite"),
        ([[0, 3]], [[0.5, 0.5]], "labels 0 and 1"),
        ([[0, 1, 1]], [[0.5, 0.5]], "Y has 3 samples but A has 2"),
        ([[0, 1]], [], "A is empty"),
    ],
)
def test_cost_rejects_bad_input(Y, A, message):
    with pytest.raises(ValueError, match=message):
        bl.cost(Y, A)


def test_cost_from_logits_rejects_non_finite_logits():
    with pytest.raises(ValueError, match="Z must be finite"):
        bl.cost_from_logits([[0, 1]], [[np.inf, 0.0]])
