r"""Check backpropagation against central finite differences, equation :eq:`eq-gradcheck`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from binary_logreg._validation import (
    check_bias,
    check_binary_labels,
    check_data_matrix,
    check_positive_finite,
    check_weights,
)
from binary_logreg.cost import cost_from_logits
from binary_logreg.model import backward, forward

__all__ = ["GradientCheck", "gradient_check"]


@dataclass(frozen=True)
class GradientCheck:
    """Result of :func:`gradient_check`.

    Attributes
    ----------
    relative_error : float
        :math:`\\lVert g_\\text{num} - g_\\text{bp} \\rVert_2 /
        (\\lVert g_\\text{num} \\rVert_2 + \\lVert g_\\text{bp} \\rVert_2)`.
    numerical : ndarray, shape (N + 1,)
        Finite-difference gradient, ``[dJ/dw_1, ..., dJ/dw_N, dJ/db]``.
    backprop : ndarray, shape (N + 1,)
        The gradient from :func:`~binary_logreg.backward`, in the same order.
    epsilon : float
        The finite-difference step.
    """

    relative_error: float
    numerical: NDArray[np.float64]
    backprop: NDArray[np.float64]
    epsilon: float


def gradient_check(
    w: ArrayLike, b: ArrayLike, X: ArrayLike, Y: ArrayLike, *, epsilon: float = 1e-6
) -> GradientCheck:
    r"""Compare the backprop gradient with central finite differences of the cost.

    Each parameter :math:`\theta_i` (the weights, then the bias) is nudged by
    :math:`\pm\epsilon`:

    .. math:: g_i \approx \frac{J(\theta + \epsilon e_i) - J(\theta - \epsilon e_i)}{2\epsilon}

    The truncation error shrinks like :math:`\epsilon^2`, the rounding error grows
    like :math:`10^{-16}/\epsilon`, so the relative error is smallest near
    :math:`\epsilon \approx 10^{-5}` to :math:`10^{-6}`.

    Parameters
    ----------
    w : array_like, shape (N, 1) or (N,)
        Weights at which to check.
    b : float
        Bias at which to check.
    X : array_like, shape (N, M)
        Data.
    Y : array_like, shape (1, M) or (M,)
        Labels in {0, 1}.
    epsilon : float, default=1e-6
        Finite-difference step, > 0.

    Returns
    -------
    GradientCheck
    """
    X = check_data_matrix(X)
    n_features, n_samples = X.shape
    Y = check_binary_labels(Y, "Y", n_samples)
    w = check_weights(w, n_features)
    b = check_bias(b)
    epsilon = check_positive_finite(epsilon, "epsilon")

    theta = np.append(w[:, 0], b)

    def cost_at(parameters: NDArray[np.float64]) -> float:
        return cost_from_logits(Y, parameters[:-1] @ X + parameters[-1])

    numerical = np.empty_like(theta)
    for i in range(theta.size):
        nudge = np.zeros_like(theta)
        nudge[i] = epsilon
        numerical[i] = (cost_at(theta + nudge) - cost_at(theta - nudge)) / (2 * epsilon)

    dw, db = backward(X, Y, forward(w, b, X))
    backprop = np.append(dw[:, 0], db)
    denominator = np.linalg.norm(numerical) + np.linalg.norm(backprop)
    difference = np.linalg.norm(numerical - backprop)
    relative_error = float(difference / denominator) if denominator > 0 else 0.0
    return GradientCheck(
        relative_error=relative_error,
        numerical=numerical,
        backprop=backprop,
        epsilon=epsilon,
    )
