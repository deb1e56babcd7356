"""Forward and backward propagation of one sigmoid unit, in the course layout.

Shapes follow the course notation: ``X`` is (N, M) with one column per sample,
``w`` is (N, 1), ``b`` a scalar, and ``Z``, ``A``, ``Y`` are rows of shape (1, M).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from binary_logreg._validation import (
    as_float_array,
    check_bias,
    check_binary_labels,
    check_data_matrix,
    check_probabilities,
    check_row_vector,
    check_threshold,
    check_weights,
    normalized_sample_weight,
)

__all__ = [
    "ChainRuleFactors",
    "Gradients",
    "backward",
    "chain_rule_factors",
    "forward",
    "linear",
    "predict_labels",
    "sigmoid",
]


def sigmoid(z: ArrayLike) -> NDArray[np.float64]:
    r"""Logistic sigmoid :math:`\sigma(z) = 1 / (1 + e^{-z})`, equation :eq:`eq-sigmoid`.

    Evaluated without overflow for every finite ``z``: with :math:`e = e^{-|z|}
    \in (0, 1]`, :math:`\sigma(z) = 1 / (1 + e)` for :math:`z \ge 0` and
    :math:`e / (1 + e)` for :math:`z < 0`. The textbook form overflows in
    :math:`e^{-z}` for :math:`z < -709` and makes NumPy warn.

    Parameters
    ----------
    z : array_like
        Logits, any shape, finite.

    Returns
    -------
    ndarray
        :math:`\sigma(z)`, same shape as ``z``, values in [0, 1].

    Examples
    --------
    >>> from binary_logreg import sigmoid
    >>> sigmoid([-1e4, 0.0, 1e4]).tolist()
    [0.0, 0.5, 1.0]
    """
    z = as_float_array(z, "z")
    if np.isnan(z).any():
        raise ValueError("z must not hold NaN")
    return _sigmoid(z)


def _sigmoid(z: NDArray[np.float64]) -> NDArray[np.float64]:
    """:func:`sigmoid` without input checks, for callers that validated ``z``."""
    # e^{-|z|} underflows to 0 for |z| > 745: the right value, so no warning
    with np.errstate(under="ignore"):
        e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def linear(w: ArrayLike, b: ArrayLike, X: ArrayLike) -> NDArray[np.float64]:
    r"""Logits :math:`Z = w^\mathsf{T} X + b`, equation :eq:`eq-linear`.

    Parameters
    ----------
    w : array_like, shape (N, 1) or (N,)
        Weights.
    b : float
        Bias, broadcast over the M samples.
    X : array_like, shape (N, M)
        Data, one column per sample.

    Returns
    -------
    ndarray, shape (1, M)
        ``Z``.
    """
    X = check_data_matrix(X)
    w = check_weights(w, X.shape[0])
    b = check_bias(b)
    return _linear(w, b, X)


def _linear(
    w: NDArray[np.float64], b: float, X: NDArray[np.float64]
) -> NDArray[np.float64]:
    """:func:`linear` without input checks."""
    return w.T @ X + b


def forward(w: ArrayLike, b: ArrayLike, X: ArrayLike) -> NDArray[np.float64]:
    r"""Forward propagation :math:`A = \sigma(w^\mathsf{T} X + b)`, equation :eq:`eq-forward`.

    Parameters
    ----------
    w : array_like, shape (N, 1) or (N,)
        Weights.
    b : float
        Bias.
    X : array_like, shape (N, M)
        Data, one column per sample.

    Returns
    -------
    ndarray, shape (1, M)
        ``A``, the predicted probability :math:`\hat y` of class 1 for each sample.

    See Also
    --------
    linear : the logits ``Z`` alone.
    """
    X = check_data_matrix(X)
    return _sigmoid(_linear(check_weights(w, X.shape[0]), check_bias(b), X))


def predict_labels(A: ArrayLike, threshold: float = 0.5) -> NDArray[np.int64]:
    r"""Class labels :math:`\hat y \ge` ``threshold`` :math:`\to 1`, else 0.

    The default threshold 0.5 is the decision boundary :math:`z = 0`,
    equation :eq:`eq-decision-boundary`.

    Parameters
    ----------
    A : array_like
        Probabilities of class 1, any shape, values in [0, 1].
    threshold : float, default=0.5
        Probabilities at or above it are labelled 1 (as in the course notebook).

    Returns
    -------
    ndarray of int
        Labels 0 and 1, same shape as ``A``.
    """
    A = check_probabilities(as_float_array(A, "A"), "A")
    return _predict_labels(A, check_threshold(threshold))


def _predict_labels(A: NDArray[np.float64], threshold: float) -> NDArray[np.int64]:
    """:func:`predict_labels` without input checks."""
    return (A >= threshold).astype(np.int64)


class ChainRuleFactors(NamedTuple):
    r"""The factors of the chain rule for one sigmoid unit, equation :eq:`eq-chain-rule`.

    One entry per sample.

    Attributes
    ----------
    da : ndarray, shape (1, M)
        :math:`\partial L / \partial a = -y/a + (1-y)/(1-a)`, equation :eq:`eq-dL-da`.
    da_dz : ndarray, shape (1, M)
        :math:`\partial a / \partial z = a (1 - a)`, equation :eq:`eq-da-dz`.
    dz : ndarray, shape (1, M)
        Their product :math:`\partial L / \partial z`, which simplifies to
        :math:`a - y`, equation :eq:`eq-dz`.
    """

    da: NDArray[np.float64]
    da_dz: NDArray[np.float64]
    dz: NDArray[np.float64]


def chain_rule_factors(Y: ArrayLike, A: ArrayLike) -> ChainRuleFactors:
    r"""Compute the chain rule factors of equation :eq:`eq-chain-rule` step by step, as the course notebook does.

    This is the long way round, for teaching: ``dz = da * da_dz`` equals ``A - Y``
    up to rounding. It divides by ``A`` and ``1 - A``, so it needs
    :math:`0 < a < 1`; :func:`backward` uses the simplified form and has no such
    restriction.

    Parameters
    ----------
    Y : array_like, shape (1, M) or (M,)
        Labels in {0, 1}.
    A : array_like, shape (1, M) or (M,)
        Probabilities from :func:`forward`, strictly between 0 and 1.

    Returns
    -------
    ChainRuleFactors
        ``da``, ``da_dz`` and ``dz``, each of shape (1, M).
    """
    A = check_row_vector(A, "A")
    Y = check_binary_labels(Y, "Y", A.shape[1], reference="A")
    if (A <= 0).any() or (A >= 1).any():
        raise ValueError(
            "A must lie strictly between 0 and 1 for the step-by-step chain rule "
            "(dL/da divides by A and 1 - A); use backward(), which needs dz = A - Y only"
        )
    da = -Y / A + (1.0 - Y) / (1.0 - A)
    da_dz = A * (1.0 - A)
    return ChainRuleFactors(da=da, da_dz=da_dz, dz=da * da_dz)


class Gradients(NamedTuple):
    r"""Gradient of the cost :math:`J` with respect to the parameters.

    Attributes
    ----------
    dw : ndarray, shape (N, 1)
        :math:`\partial J / \partial w`, equation :eq:`eq-dw`.
    db : float
        :math:`\partial J / \partial b`, equation :eq:`eq-db`.
    """

    dw: NDArray[np.float64]
    db: float


def backward(
    X: ArrayLike, Y: ArrayLike, A: ArrayLike, sample_weight: ArrayLike | None = None
) -> Gradients:
    r"""Backward propagation: :math:`dw = X\,dZ^\mathsf{T}/M`, :math:`db = \overline{dZ}`.

    Uses the simplified chain rule :math:`dZ = A - Y` (equation :eq:`eq-dz`), then
    equations :eq:`eq-dw` and :eq:`eq-db`.

    Parameters
    ----------
    X : array_like, shape (N, M)
        Data, one column per sample.
    Y : array_like, shape (1, M) or (M,)
        Labels in {0, 1}.
    A : array_like, shape (1, M) or (M,)
        Probabilities from :func:`forward`, in [0, 1].
    sample_weight : array_like, shape (1, M) or (M,), optional
        Non-negative weights :math:`s_m`; the gradient is then that of the
        weighted cost :math:`\sum_m s_m L_m / \sum_m s_m`. ``None`` weighs every
        sample equally, as the course does.

    Returns
    -------
    Gradients
        ``(dw, db)`` with ``dw`` of shape (N, 1) and ``db`` a float.
    """
    X = check_data_matrix(X)
    n_samples = X.shape[1]
    Y = check_binary_labels(Y, "Y", n_samples)
    A = check_probabilities(check_row_vector(A, "A", n_samples), "A")
    weights = normalized_sample_weight(sample_weight, n_samples)
    return _backward(X, Y, A, weights)


def _backward(
    X: NDArray[np.float64],
    Y: NDArray[np.float64],
    A: NDArray[np.float64],
    weights: NDArray[np.float64] | None = None,
) -> Gradients:
    """:func:`backward` without input checks; ``weights`` have mean 1 (or are None)."""
    dZ = A - Y  # (eq-dz)
    if weights is not None:
        dZ *= weights
    return Gradients(
        dw=X @ dZ.T / X.shape[1], db=float(np.mean(dZ))
    )  # (eq-dw), (eq-db)
