"""The cost: against scikit-learn's log_loss, and stable for saturated predictions."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from scipy.special import expit
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


def reference_losses(Y, Z):
    """-ln sigma(z) for y = 1 and -ln(1 - sigma(z)) for y = 0, from np.logaddexp."""
    Y, Z = np.asarray(Y, dtype=float), np.asarray(Z, dtype=float)
    with np.errstate(all="ignore"):  # exp underflow inside logaddexp is harmless
        return np.where(Y == 1, np.logaddexp(0.0, -Z), np.logaddexp(0.0, Z))


def exact_mean(values, weights=None):
    """The (weighted) mean in exact rational arithmetic, rounded once to float."""
    weights = np.ones(len(values)) if weights is None else weights
    total = sum(
        Fraction(float(s)) * Fraction(float(v))
        for s, v in zip(weights, values, strict=True)
    )
    return float(total / sum(Fraction(float(s)) for s in weights))


STRICT_Z = np.array([-1e4, -800.0, -40.0, 0.0, 40.0, 800.0, 1e4])


@pytest.mark.parametrize("y", [0.0, 1.0])
def test_loss_and_cost_never_raise_under_strict_floating_point(y):
    Y = np.full((1, STRICT_Z.size), y)
    Z = STRICT_Z.reshape(1, -1)
    with np.errstate(all="raise"):
        losses = bl.loss_from_logits(Y, Z)
        costs = [bl.cost_from_logits([[y]], [[z]]) for z in STRICT_Z]
        total = bl.cost_from_logits(Y, Z)
    expected = reference_losses(Y, Z)
    np.testing.assert_allclose(losses, expected, rtol=1e-15, atol=0)
    np.testing.assert_allclose(costs, expected[0], rtol=1e-15, atol=0)
    assert total == pytest.approx(exact_mean(expected[0]), rel=1e-15)


def test_cost_from_logits_ignores_underflow_of_tiny_losses():
    # subnormal losses (z near 740 on the right side) divided by M or multiplied
    # by a weight underflow; that must not raise under strict floating point
    Y = np.array([[0.0, 0.0, 1.0]])
    Z = np.array([[1e308, 1e308, 740.0]])
    with np.errstate(all="raise"):
        unweighted = bl.cost_from_logits(Y, Z)
        weighted = bl.cost_from_logits([[1.0, 1.0]], [[700.0, 0.0]], [1e-10, 1.0])
    assert unweighted == pytest.approx(exact_mean(reference_losses(Y, Z)[0]), rel=1e-15)
    expected = exact_mean(reference_losses([1, 1], [700.0, 0.0]), [1e-10, 1.0])
    assert weighted == pytest.approx(expected, rel=1e-15)


@pytest.mark.parametrize(
    ("Y", "Z"),
    [
        ([1.0], [-1e308]),
        ([0.0], [1e308]),
        ([1.0], [1e308]),
        ([0.0, 1.0, 0.0, 1.0, 1.0], [1e308, -1e308, 1.5e308, -1.7e308, 1e308]),
        ([1.0, 0.0, 1.0], [-1.7976931348623157e308, 1.7e308, 3.0]),
    ],
)
def test_cost_from_logits_is_finite_and_exact_for_the_largest_logits(Y, Z):
    losses = reference_losses(Y, Z)
    expected = exact_mean(losses)
    with np.errstate(all="raise"):
        value = bl.cost_from_logits(Y, Z)
        weighted = bl.cost_from_logits(Y, Z, sample_weight=np.arange(1, len(Z) + 1))
    assert np.isfinite(value)
    assert value == pytest.approx(expected, rel=1e-15)
    assert weighted == pytest.approx(
        exact_mean(losses, np.arange(1, len(Z) + 1)), rel=1e-15
    )


def test_a_naive_mean_of_the_largest_losses_would_overflow():
    # the reason for the test above: np.mean sums first
    losses = reference_losses([0.0, 1.0], [1e308, -1.5e308])
    with np.errstate(over="ignore"):
        assert np.isinf(np.mean(losses))
    assert bl.cost_from_logits([0.0, 1.0], [1e308, -1.5e308]) == 1.25e308


@pytest.mark.parametrize(
    ("A", "message"),
    [
        ([[0.5, 2.0]], "A must hold probabilities in \\[0, 1\\].*the first, 2.0"),
        ([[-0.5, 0.5]], "A must hold probabilities in \\[0, 1\\].*the first, -0.5"),
        ([[0.5, np.nan]], "A must be finite.*the first, NaN"),
    ],
)
def test_cost_rejects_values_that_are_not_probabilities(A, message):
    with pytest.raises(ValueError, match=message):
        bl.cost([[0, 1]], A)


def test_weighted_cost_from_logits_equals_sklearn_log_loss():
    Y = (rng.random(2000) < 0.4).astype(float)
    Z = rng.normal(scale=3, size=2000)  # moderate: log_loss's clipping never acts
    s = rng.uniform(0.0, 5.0, size=2000)
    expected = log_loss(Y, expit(Z), sample_weight=s, labels=[0, 1])
    assert bl.cost_from_logits(Y, Z, sample_weight=s) == pytest.approx(
        expected, rel=1e-12
    )
    assert bl.cost_from_logits(Y, Z, sample_weight=s) == pytest.approx(
        exact_mean(reference_losses(Y, Z), s), rel=1e-13
    )


def test_integer_weights_in_the_cost_equal_repeated_samples():
    Y = (rng.random((1, 500)) < 0.5).astype(float)
    Z = rng.normal(scale=4, size=(1, 500))
    s = rng.integers(0, 4, 500)
    repeated = bl.cost_from_logits(np.repeat(Y, s, axis=1), np.repeat(Z, s, axis=1))
    assert bl.cost_from_logits(Y, Z, sample_weight=s) == pytest.approx(
        repeated, rel=1e-13
    )


@pytest.mark.parametrize("value", [1, 2.5, 1e-3])
def test_equal_weights_in_the_cost_give_exactly_the_unweighted_cost(value):
    Y = (rng.random((1, 300)) < 0.5).astype(float)
    Z = rng.normal(scale=4, size=(1, 300))
    assert bl.cost_from_logits(Y, Z, np.full(300, value)) == bl.cost_from_logits(Y, Z)


@pytest.mark.parametrize(
    ("sample_weight", "message"),
    [
        ([0, 0, 0], "sample_weight must have a positive sum, got all zeros"),
        ([1.0, -0.5, 1.0], "sample_weight must be >= 0, found -0.5"),
        ([1.0, 1.0], "sample_weight has 2 samples but Z has 3; they must match"),
        ([1.0, np.inf, 1.0], "sample_weight must be finite"),
    ],
)
def test_cost_from_logits_rejects_bad_sample_weight(sample_weight, message):
    with pytest.raises(ValueError, match=message):
        bl.cost_from_logits([0, 1, 1], [0.1, 0.2, 0.3], sample_weight=sample_weight)


@pytest.mark.parametrize(
    "s",
    [
        np.array([1.0, 2.0, 5.0]),
        np.array([1.0, 2.0, 5.0]) * 1e-300,
        np.array([1.0, 2.0, 5.0]) * 3e307,  # their sum overflows
        np.array([1e-300, 1.0, 1e300]),  # their ratios underflow
    ],
)
def test_only_the_ratios_of_the_weights_matter(s):
    Y, Z = [0.0, 1.0, 1.0], [0.5, -2.0, 3.0]
    with np.errstate(all="raise"):
        value = bl.cost_from_logits(Y, Z, sample_weight=s)
    assert value == pytest.approx(exact_mean(reference_losses(Y, Z), s), rel=1e-15)
