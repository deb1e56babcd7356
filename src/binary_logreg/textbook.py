"""The course notebook's training loop, written the way the notebook writes it.

It is here to be compared with, not used: the tests check
:func:`~binary_logreg.gradient_descent` against it, the benchmark times both, and
the gradient-descent page shows the two side by side. It follows the chain rule
factor by factor, :math:`dL/da` (equation :eq:`eq-dL-da`) times :math:`da/dz`
(equation :eq:`eq-da-dz`), divides by :math:`a` and :math:`1 - a`, and overflows
in :math:`e^{-z}` for :math:`z < -709`; it checks none of its input.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["textbook_gradient_descent"]


def textbook_gradient_descent(
    X: NDArray[np.float64],
    Y: NDArray[np.float64],
    w: NDArray[np.float64],
    b: float,
    *,
    step_size: float,
    steps: int,
    record_cost: bool = False,
) -> tuple[NDArray[np.float64], float, list[float]]:
    """Batch gradient descent as the course notebook writes it (for comparison only).

    Parameters
    ----------
    X : ndarray, shape (N, M)
        Training data, one column per sample.
    Y : ndarray, shape (1, M)
        Labels in {0, 1}.
    w : ndarray, shape (N, 1)
        Initial weights.
    b : float
        Initial bias.
    step_size : float
        Step size :math:`\\eta`.
    steps : int
        Number of updates.
    record_cost : bool, default=False
        Also compute the cost of every step from the probabilities, as the
        notebook does when it prints its progress (``verbose``).

    Returns
    -------
    w : ndarray, shape (N, 1)
        Weights after the last update.
    b : float
        Bias after the last update.
    costs : list of float
        The cost before each update if ``record_cost``, else empty.
    """
    M = X.shape[1]
    costs = []
    for _ in range(steps):
        Z = np.dot(w.T, X) + b  # (eq-linear)
        A = 1.0 / (1.0 + np.exp(-Z))  # (eq-sigmoid)
        if record_cost:  # (eq-loss), (eq-cost)
            costs.append(float(np.mean(-(Y * np.log(A) + (1 - Y) * np.log(1 - A)))))
        da = -Y / A + (1 - Y) / (1 - A)  # dL/da          (eq-dL-da)
        dz = da * A * (1 - A)  # dL/dz = dL/da · da/dz   (eq-da-dz)
        dw = np.dot(X, dz.T) / M  # dJ/dw                 (eq-dw)
        db = np.mean(dz)  # dJ/db                         (eq-db)
        w = w - step_size * dw  # the update              (eq-update)
        b = b - step_size * db
    return w, float(np.asarray(b).item()), costs
