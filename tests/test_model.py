"""Forward and backward propagation: stability, shapes, chain rule, gradients."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import expit

import binary_logreg as bl

# Any RuntimeWarning (overflow, divide by zero, invalid value) fails these tests.
pytestmark = pytest.mark.filterwarnings("error")

rng = np.random.default_rng(42)


def reference_sigmoid(z: np.ndarray) -> np.ndarray:
    """sigma(z) = exp(z - logaddexp(0, z)): an independent, overflow-free formula."""
    return np.exp(z - np.logaddexp(0.0, z))


@pytest.mark.parametrize(
    "z", [-1e4, -745.0, -709.8, -40.0, -1e-20, 0.0, 1e-20, 37.0, 1e4]
)
def test_sigmoid_is_finite_and_warning_free_at_extremes(z):
    value = bl.sigmoid(np.array([z]))[0]
    assert np.isfinite(value)
    assert 0.0 <= value <= 1.0
    assert value == pytest.approx(reference_sigmoid(np.array([z]))[0], rel=1e-15, abs=0)


def test_sigmoid_saturates_exactly():
    assert bl.sigmoid([-1e4, 0.0, 1e4]).tolist() == [0.0, 0.5, 1.0]


def test_sigmoid_matches_reference_and_symmetry():
    z = rng.normal(scale=20, size=10_000)
    a = bl.sigmoid(z)
    np.testing.assert_allclose(a, reference_sigmoid(z), rtol=1e-14, atol=0)
    np.testing.assert_allclose(bl.sigmoid(-z), 1.0 - a, rtol=0, atol=2e-16)


def test_sigmoid_keeps_shape():
    assert bl.sigmoid(np.zeros((3, 4))).shape == (3, 4)
    assert bl.sigmoid(2.0).shape == ()


@pytest.mark.parametrize("bad", [[np.nan], "abc", [1 + 2j]])
def test_sigmoid_rejects_bad_input(bad):
    with pytest.raises((ValueError, TypeError), match="z"):
        bl.sigmoid(bad)


def test_forward_shapes_and_values():
    X = rng.normal(size=(3, 7))
    w = rng.normal(size=(3, 1))
    b = 0.3
    Z = bl.linear(w, b, X)
    A = bl.forward(w, b, X)
    assert Z.shape == A.shape == (1, 7)
    expected = np.array(
        [[sum(w[i, 0] * X[i, m] for i in range(3)) + b for m in range(7)]]
    )
    np.testing.assert_allclose(Z, expected, rtol=1e-14)
    np.testing.assert_allclose(A, reference_sigmoid(expected), rtol=1e-14)
    # w of shape (N,) and b as a (1, 1) array are accepted too
    np.testing.assert_array_equal(bl.forward(w.ravel(), np.array([[b]]), X), A)


def test_chain_rule_product_equals_simplified_dz():
    X = rng.normal(size=(2, 500))
    Y = (rng.random((1, 500)) < 0.5).astype(float)
    A = bl.forward(rng.normal(size=(2, 1)), -0.2, X)
    da, da_dz, dz = bl.chain_rule_factors(Y, A)
    np.testing.assert_allclose(da * da_dz, dz)
    np.testing.assert_allclose(dz, A - Y, rtol=0, atol=1e-12)
    np.testing.assert_allclose(da_dz, A * (1 - A))


def test_chain_rule_refuses_saturated_probabilities():
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        bl.chain_rule_factors([[1.0, 0.0]], [[1.0, 0.5]])


def test_backward_matches_central_differences():
    X = rng.normal(size=(3, 200))
    Y = (rng.random((1, 200)) < 0.4).astype(float)
    w, b = rng.normal(size=(3, 1)), 0.7
    dw, db = bl.backward(X, Y, bl.forward(w, b, X))
    assert dw.shape == (3, 1)
    assert isinstance(db, float)
    theta = np.append(w, b)
    h = 1e-6

    def J(t):
        return bl.cost_from_logits(Y, t[:-1] @ X + t[-1])

    numerical = np.array(
        [(J(theta + h * e) - J(theta - h * e)) / (2 * h) for e in np.eye(4)]
    )
    np.testing.assert_allclose(np.append(dw, db), numerical, rtol=1e-7, atol=1e-10)


def test_backward_has_no_trouble_with_saturated_a():
    X = np.array([[1e3, -1e3]])
    Y = np.array([[0.0, 1.0]])
    dw, db = bl.backward(X, Y, bl.forward([[1.0]], 0.0, X))
    np.testing.assert_allclose(dw, [[(1e3 * 1 + -1e3 * -1) / 2]])
    assert db == 1.0 - 1.0 == 0.0 or db == pytest.approx(0.0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((np.ones((2, 3)), [[0, 1]], [[0.5, 0.5, 0.5]]), "Y has 2 samples but X has 3"),
        ((np.ones(3), [[0, 1, 1]], [[0.5, 0.5, 0.5]]), "X must be 2-D"),
        ((np.ones((2, 0)), np.ones((1, 0)), np.ones((1, 0))), "X is empty"),
        (
            (np.array([[np.nan, 1.0, 2.0]]), [[0, 1, 1]], [[0.5] * 3]),
            "X must be finite",
        ),
        ((np.array([[np.inf, 1.0, 2.0]]), [[0, 1, 1]], [[0.5] * 3]), "infinity"),
        ((np.ones((1, 3)), [[0, 2, 1]], [[0.5] * 3]), "labels 0 and 1"),
        ((np.ones((1, 3)), [[0, 1, 1]], [[0.5, np.nan, 0.5]]), "A must be finite"),
    ],
)
def test_backward_rejects_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        bl.backward(*args)


@pytest.mark.parametrize(
    ("w", "b", "message"),
    [
        (np.ones((3, 1)), 0.0, "w has 3 weights but X has 2"),
        (np.ones((2, 2)), 0.0, "shape \\(n_features, 1\\)"),
        (np.ones((2, 1)), [1.0, 2.0], "b must be a scalar"),
        (np.ones((2, 1)), np.nan, "b must be finite"),
    ],
)
def test_linear_rejects_bad_parameters(w, b, message):
    with pytest.raises(ValueError, match=message):
        bl.linear(w, b, np.ones((2, 4)))


def test_predict_labels_threshold():
    A = np.array([[0.1, 0.5, 0.49, 0.9]])
    assert bl.predict_labels(A).tolist() == [[0, 1, 0, 1]]
    assert bl.predict_labels(A, threshold=0.95).tolist() == [[0, 0, 0, 0]]
    with pytest.raises(ValueError, match="probabilities"):
        bl.predict_labels([[1.5]])


# logits where e^{-z} or e^{z} overflows (|z| > 709), underflows to a subnormal
# (709 < |z| < 745) or to zero (|z| > 745), and where sigma(z) rounds to 1 (z > 37)
EXTREME_Z = np.array(
    [-1e4, -800.0, -745.5, -740.0, -709.8, -40.0, 0.0, 40.0, 745.5, 800.0, 1e4]
)


def test_sigmoid_and_forward_never_raise_under_strict_floating_point():
    # expit underflows to 0 below z = -709.78, where sigma(z) < 2.3e-308 (tiny):
    # it agrees with ours to that absolute error, and to 1e-15 relative above it
    tiny = np.finfo(np.float64).tiny
    expected = expit(EXTREME_Z)
    with np.errstate(all="raise"):
        a = bl.sigmoid(EXTREME_Z)
        X = EXTREME_Z.reshape(1, -1) / 100.0
        A = bl.forward([[100.0]], 0.0, X)
    np.testing.assert_allclose(a, expected, rtol=1e-15, atol=tiny)
    np.testing.assert_allclose(A, expit(100.0 * X), rtol=1e-15, atol=tiny)
    # and our subnormal values are right where expit gives up
    np.testing.assert_allclose(
        a[1:5], reference_sigmoid(EXTREME_Z[1:5]), rtol=1e-15, atol=0
    )


@pytest.mark.parametrize(
    ("A", "shown"),
    [([[0.5, 2.0]], "2.0"), ([[0.5, -0.25]], "-0.25"), ([[0.5, 1.0 + 1e-15]], "1.0")],
)
def test_backward_rejects_values_that_are_not_probabilities(A, shown):
    message = f"A must hold probabilities in \\[0, 1\\].*the first, {shown}"
    with pytest.raises(ValueError, match=message):
        bl.backward(np.ones((1, 2)), [[0, 1]], A)
    with pytest.raises(ValueError, match="pass sigmoid\\(Z\\), not the logits Z"):
        bl.backward(np.ones((1, 2)), [[0, 1]], A)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_backward_rejects_non_finite_probabilities(bad):
    kind = "NaN" if np.isnan(bad) else "infinity"
    message = f"A must be finite.*the first, {kind}, at index \\(0, 1\\)"
    with pytest.raises(ValueError, match=message):
        bl.backward(np.ones((1, 2)), [[0, 1]], [[0.5, bad]])


def _weighted_problem(n_samples=300):
    X = rng.normal(size=(3, n_samples))
    Y = (rng.random((1, n_samples)) < 0.4).astype(float)
    s = rng.integers(0, 5, n_samples).astype(float)
    return X, Y, s, rng.normal(size=(3, 1)), -0.4


def test_weighted_backward_matches_central_differences_of_the_weighted_cost():
    X, Y, s, w, b = _weighted_problem()
    dw, db = bl.backward(X, Y, bl.forward(w, b, X), sample_weight=s)

    def J(t):  # sum_m s_m L_m / sum_m s_m, written independently of the package
        z = t[:-1] @ X + t[-1]
        return np.average(np.logaddexp(0.0, z) - Y * z, weights=s[None, :])

    theta, h = np.append(w, b), 1e-6
    numerical = np.array(
        [(J(theta + h * e) - J(theta - h * e)) / (2 * h) for e in np.eye(4)]
    )
    np.testing.assert_allclose(np.append(dw, db), numerical, rtol=1e-7, atol=1e-10)


def test_integer_weights_in_backward_equal_repeated_samples():
    X, Y, s, w, b = _weighted_problem()
    repeats = s.astype(int)
    X_rep, Y_rep = np.repeat(X, repeats, axis=1), np.repeat(Y, repeats, axis=1)
    dw, db = bl.backward(X, Y, bl.forward(w, b, X), sample_weight=s)
    dw_rep, db_rep = bl.backward(X_rep, Y_rep, bl.forward(w, b, X_rep))
    np.testing.assert_allclose(dw, dw_rep, rtol=1e-12, atol=1e-15)
    assert db == pytest.approx(db_rep, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("value", [1.0, 3.0, 0.125])
def test_equal_weights_in_backward_give_exactly_the_unweighted_gradient(value):
    X, Y, _, w, b = _weighted_problem()
    A = bl.forward(w, b, X)
    weighted = bl.backward(X, Y, A, sample_weight=np.full(X.shape[1], value))
    plain = bl.backward(X, Y, A)
    np.testing.assert_array_equal(weighted.dw, plain.dw)
    assert weighted.db == plain.db


@pytest.mark.parametrize(
    ("sample_weight", "message"),
    [
        ([0.0, 0.0, 0.0], "sample_weight must have a positive sum, got all zeros"),
        ([1.0, -2.0, 1.0], "sample_weight must be >= 0, found -2.0"),
        ([1.0, 1.0], "sample_weight has 2 samples but X has 3"),
        ([1.0, np.nan, 1.0], "sample_weight must be finite"),
        ([[1.0, 1.0], [1.0, 1.0]], "sample_weight must be a vector"),
    ],
)
def test_backward_rejects_bad_sample_weight(sample_weight, message):
    with pytest.raises(ValueError, match=message):
        bl.backward(np.ones((2, 3)), [0, 1, 1], [0.5] * 3, sample_weight=sample_weight)
