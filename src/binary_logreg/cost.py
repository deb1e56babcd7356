r"""Binary cross-entropy: the loss of one sample and the cost over M samples.

Two ways to compute the same number :math:`J = \frac{1}{M}\sum_m L(y_m, a_m)`:

* :func:`cost` takes probabilities :math:`a = \sigma(z)` as the course notebook does;
* :func:`cost_from_logits` takes the logits :math:`z` and never loses precision, even
  where :math:`\sigma(z)` rounds to exactly 0 or 1.

How Keras computes it
---------------------
``keras.losses.BinaryCrossentropy(from_logits=False)`` first clips the
probabilities to :math:`[\epsilon, 1 - \epsilon]` with
:math:`\epsilon = 10^{-7}` (``keras.config.epsilon()``) and then evaluates the
formula of :func:`cost`. With the TensorFlow backend there is one exception: when
the probabilities come straight out of a ``sigmoid`` activation, Keras finds the
logits it cached on that tensor and computes the loss from logits, exactly as
:func:`cost_from_logits`. So the loss that ``model.fit`` and ``model.evaluate``
report for a Dense-sigmoid model is the stable one, whereas calling the loss on a
probability array (``keras.losses.binary_crossentropy(y, a)``) clips. The two
differ wherever a sample has :math:`a < 10^{-7}` with :math:`y = 1` or
:math:`a > 1 - 10^{-7}` with :math:`y = 0` (a confidently wrong prediction,
:math:`|z| > 16.1`): clipping caps that sample's loss at
:math:`-\ln 10^{-7} \approx 16.12` instead of :math:`|z|`, and it also shifts
confidently right predictions by up to :math:`10^{-7}`.
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike, NDArray

from binary_logreg._validation import (
    check_binary_labels,
    check_probabilities,
    check_row_vector,
    normalized_sample_weight,
)

__all__ = ["cost", "cost_from_logits", "loss_from_logits"]


def cost(Y: ArrayLike, A: ArrayLike) -> float:
    r"""Binary cross-entropy cost from probabilities, equations :eq:`eq-loss` and :eq:`eq-cost`.

    .. math:: J = -\frac{1}{M} \sum_{m=1}^{M} \left[ y_m \ln a_m
              + (1 - y_m) \ln(1 - a_m) \right]

    Each sample contributes only the term its label selects, so a probability of
    exactly 0 or 1 on the correct side gives a loss of 0 (the textbook formula
    gives ``0 * log(0) = nan`` there). A probability of exactly 0 for a sample
    with :math:`y = 1` (or 1 for :math:`y = 0`) has an infinite loss: the cost is
    then ``inf`` and a :class:`RuntimeWarning` says to use
    :func:`cost_from_logits`, which stays finite.

    Parameters
    ----------
    Y : array_like, shape (1, M) or (M,)
        Labels in {0, 1}.
    A : array_like, shape (1, M) or (M,)
        Predicted probabilities of class 1, in [0, 1].

    Returns
    -------
    float
        The cost :math:`J \ge 0`.
    """
    A = check_probabilities(check_row_vector(A, "A"), "A")
    Y = check_binary_labels(Y, "Y", A.shape[1], reference="A")
    prob_of_label = np.where(Y == 1, A, 1.0 - A)
    with np.errstate(divide="ignore"):
        loss = -np.log(prob_of_label)
    if np.isinf(loss).any():
        warnings.warn(
            f"cost is infinite: {int(np.isinf(loss).sum())} sample(s) have probability "
            "exactly 0 for their own label (A saturated); compute the cost from the "
            "logits with cost_from_logits(Y, Z), which stays finite",
            RuntimeWarning,
            stacklevel=2,
        )
    return float(np.mean(loss))


def loss_from_logits(Y: ArrayLike, Z: ArrayLike) -> np.ndarray:
    r"""Per-sample loss :math:`L(y, \sigma(z))` computed from logits, equation :eq:`eq-cost-logits`.

    Derived from :math:`-\ln \sigma(z)` and :math:`-\ln(1 - \sigma(z))` written
    with :math:`e^{-z}`, equation :eq:`eq-log-sigmoid`, so that the exponential
    only ever sees :math:`-|z| \le 0`:

    .. math:: L = \max(z, 0) - y z + \ln\left(1 + e^{-|z|}\right)

    Parameters
    ----------
    Y : array_like, shape (1, M) or (M,)
        Labels in {0, 1}.
    Z : array_like, shape (1, M) or (M,)
        Logits :math:`z = w^\mathsf{T} x + b`, finite.

    Returns
    -------
    ndarray, shape (1, M)
        The loss of each sample, finite and non-negative.
    """
    Z = check_row_vector(Z, "Z")
    Y = check_binary_labels(Y, "Y", Z.shape[1], reference="Z")
    return _loss_from_logits(Y, Z)


def _loss_from_logits(Y: NDArray[np.float64], Z: NDArray[np.float64]) -> NDArray:
    """:func:`loss_from_logits` without input checks; every loss is at most |z| + ln 2."""
    # e^{-|z|} underflows to 0 for |z| > 745, where ln(1 + e^{-|z|}) is 0 anyway
    with np.errstate(under="ignore"):
        return np.maximum(Z, 0.0) - Y * Z + np.log1p(np.exp(-np.abs(Z)))


def cost_from_logits(
    Y: ArrayLike, Z: ArrayLike, sample_weight: ArrayLike | None = None
) -> float:
    r"""Binary cross-entropy cost from logits, stable for every finite ``Z``, equation :eq:`eq-cost-logits`.

    Mathematically equal to ``cost(Y, sigmoid(Z))``, but it never forms
    :math:`\ln \sigma(z)`, so it stays finite and accurate where :math:`\sigma(z)`
    rounds to 0 or 1 (:math:`|z| \gtrsim 37` for 1, :math:`z < -745` for 0). Each
    loss is at most :math:`|z| + \ln 2`, and the mean is taken so that it cannot
    overflow either, so the cost is finite for every finite ``Z``, up to
    ``Z = ±1.7e308``.

    Parameters
    ----------
    Y : array_like, shape (1, M) or (M,)
        Labels in {0, 1}.
    Z : array_like, shape (1, M) or (M,)
        Logits, finite.
    sample_weight : array_like, shape (1, M) or (M,), optional
        Non-negative weights :math:`s_m`: the cost is then
        :math:`\sum_m s_m L_m / \sum_m s_m`. ``None`` weighs all samples alike.

    Returns
    -------
    float
        The cost :math:`J \ge 0`.

    Examples
    --------
    >>> from binary_logreg import cost_from_logits
    >>> cost_from_logits([1, 0], [-1e4, 1e4])  # two confidently wrong samples
    10000.0
    """
    Z = check_row_vector(Z, "Z")
    Y = check_binary_labels(Y, "Y", Z.shape[1], reference="Z")
    weights = normalized_sample_weight(sample_weight, Z.shape[1], reference="Z")
    return _cost_from_logits(Y, Z, weights)


def _cost_from_logits(
    Y: NDArray[np.float64],
    Z: NDArray[np.float64],
    weights: NDArray[np.float64] | None = None,
) -> float:
    """:func:`cost_from_logits` without input checks; ``weights`` have mean 1 or are None."""
    losses = _loss_from_logits(Y, Z)
    # tiny losses scaled by 1/M or by a weight may underflow: 0 is then the answer
    with np.errstate(under="ignore"):
        if weights is not None:
            losses /= losses.size  # weights have mean 1: s_m L_m / M cannot overflow
            losses *= weights
            return float(np.sum(losses))
        with np.errstate(over="ignore"):
            mean = np.mean(losses)
        if np.isinf(mean):  # the sum of the losses overflowed: average them scaled
            mean = np.sum(losses / losses.size)
    return float(mean)
