r"""Batch gradient descent for one sigmoid unit, equation :eq:`eq-update`.

One *step* uses all M training samples: forward propagation, the cost, backward
propagation with the fused gradient :math:`dZ = A - Y`, then the update

.. math:: w \leftarrow w - \eta\, dw, \qquad b \leftarrow b - \eta\, db.

With the full batch, one step is one epoch, which is why ``model.fit`` with
``batch_size = M`` runs the same algorithm.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.utils import check_random_state

from binary_logreg._validation import (
    check_bias,
    check_binary_labels,
    check_data_matrix,
    check_non_negative_int,
    check_positive_finite,
    check_weights,
)
from binary_logreg.cost import cost_from_logits

__all__ = [
    "DivergenceWarning",
    "GradientDescentResult",
    "gradient_descent",
    "initial_parameters",
    "step_size_limit",
]


class DivergenceWarning(RuntimeWarning):
    """Gradient descent made the cost go up: the step size is too large."""


@dataclass(frozen=True)
class GradientDescentResult:
    r"""What :func:`gradient_descent` (or the Keras reference) returns.

    Attributes
    ----------
    w : ndarray, shape (N, 1)
        Weights after the last step.
    b : float
        Bias after the last step.
    costs : ndarray, shape (n_steps,)
        ``costs[k]`` is the cost :math:`J(w_k, b_k)` at the start of step ``k``,
        before its update (what Keras reports as the loss of epoch ``k``).
    final_cost : float
        The cost at the returned parameters ``w``, ``b``.
    n_steps : int
        Number of updates made.
    converged : bool
        Whether the gradient's largest entry fell to ``tol`` or below (always
        ``False`` when no ``tol`` was given).
    gradient_norm : float
        :math:`\max(|dw|_\infty, |db|)` at the returned parameters.
    step_size : float
        The step size :math:`\eta` used.
    w_path : ndarray of shape (n_steps + 1, N), or None
        The weights before each step and after the last, if recorded.
    b_path : ndarray of shape (n_steps + 1,), or None
        The bias likewise.
    """

    w: NDArray[np.float64]
    b: float
    costs: NDArray[np.float64]
    final_cost: float
    n_steps: int
    converged: bool
    gradient_norm: float
    step_size: float
    w_path: NDArray[np.float64] | None = None
    b_path: NDArray[np.float64] | None = None


def initial_parameters(
    n_features: int, random_state: int | np.random.RandomState | None = None
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Initial weights and bias drawn uniformly from [-1, 1), as the course notebook does.

    The draws are ``w = (rng.rand(N, 1) - 0.5) * 2`` and then
    ``b = (rng.rand(1, 1) - 0.5) * 2`` from ``numpy.random.RandomState``, so a seed
    gives the same numbers as the notebook with that seed.

    Parameters
    ----------
    n_features : int
        Number of features N, at least 1.
    random_state : int, RandomState instance or None, default=None
        Seed or generator (as in scikit-learn); ``None`` draws fresh numbers.

    Returns
    -------
    w : ndarray, shape (N, 1)
        Initial weights.
    b : ndarray, shape (1, 1)
        Initial bias, kept as the notebook's (1, 1) array.

    Examples
    --------
    >>> from binary_logreg import initial_parameters
    >>> w, b = initial_parameters(2, random_state=1)
    >>> w.shape, b.shape
    ((2, 1), (1, 1))
    """
    n_features = check_non_negative_int(n_features, "n_features")
    if n_features == 0:
        raise ValueError("n_features must be at least 1, got 0")
    rng = check_random_state(random_state)
    w = (rng.rand(n_features, 1) - 0.5) * 2.0
    b = (rng.rand(1, 1) - 0.5) * 2.0
    return w, b


def step_size_limit(X: ArrayLike) -> float:
    r"""Largest step size with a guaranteed decrease of the cost, :math:`2 / L`, equation :eq:`eq-step-size-limit`.

    The Hessian of the cost is :math:`\frac{1}{M}\tilde X \operatorname{diag}(a(1-a))
    \tilde X^\mathsf{T}` with :math:`\tilde X` the data with a row of ones for the
    bias. Since :math:`a(1-a) \le 1/4`, its largest eigenvalue is at most
    :math:`L = \lambda_{\max}(\tilde X \tilde X^\mathsf{T}) / (4M)`, and gradient
    descent decreases :math:`J` at every step for :math:`\eta < 2/L`. Larger step
    sizes may still work (the bound is pessimistic), but they may also oscillate
    or diverge.

    Parameters
    ----------
    X : array_like, shape (N, M)
        Training data, one column per sample.

    Returns
    -------
    float
        :math:`2/L = 8M / \lambda_{\max}(\tilde X \tilde X^\mathsf{T})`.
    """
    X = check_data_matrix(X)
    n_samples = X.shape[1]
    X_tilde = np.vstack([X, np.ones((1, n_samples))])
    largest_eigenvalue = np.linalg.eigvalsh(X_tilde @ X_tilde.T)[-1]
    return float(8.0 * n_samples / largest_eigenvalue)


class _FusedStep:
    r"""Forward pass, cost and gradient in preallocated buffers (no temporaries of size M).

    Per step: ``-Z`` (one matrix product with the data extended by a row of ones,
    so the bias needs no pass of its own), ``E = exp(-Z)``, ``1 + E``,
    ``A = 1 / (1 + E)``, ``dZ = A - Y`` and ``log(1 + E)``; then one matrix product of
    the stacked rows ``[dZ; log(1 + E)]`` with ``[X; 1]^T`` gives ``dw``, ``db`` and
    the sum of the losses together. The cost uses
    :math:`L = \log(1 + e^{-z}) + (1 - y) z`, equal to :eq:`eq-loss`; the second
    term sums to :math:`\theta^T [X; 1] (1 - Y)^T` with ``theta = [w; b]``, a product
    with a vector computed once before training, so it needs no pass over the samples.

    ``E`` overflows to ``inf`` only where ``z < -709``; ``A`` is then exactly 0, as it
    should be, but the fast cost is ``inf``, so the step recomputes the cost with the
    stable :func:`~binary_logreg.cost_from_logits`. The two terms of the loss nearly
    cancel where a confident prediction is right (``log(1 + E)`` is then about
    ``-z`` and ``(1 - y) z`` about ``z``), so the recorded cost can differ from
    :func:`~binary_logreg.cost_from_logits` in the last digits: on the course data
    by up to about 1.4e-13 relative (7.5e-15 absolute), far below anything training
    or a plot can see.
    """

    def __init__(self, X: NDArray[np.float64], Y: NDArray[np.float64]) -> None:
        n_features, self.n_samples = X.shape
        self.X1 = np.vstack([X, np.ones((1, self.n_samples))])  # [X; 1], (N + 1, M)
        self.Y = Y
        self.X1_one_minus_Y = self.X1 @ (1.0 - Y).T  # [X; 1] (1 - Y)^T, (N + 1, 1)
        shape = (1, self.n_samples)
        self.neg_Z = np.empty(shape)
        self.E = np.empty(shape)
        # row 0: dZ = A - Y, row 1: log(1 + e^{-z}), for one product with [X; 1]^T
        self.dZ_and_loss = np.empty((2, self.n_samples))
        self.neg_theta = np.empty((1, n_features + 1))

    def __call__(
        self, w: NDArray[np.float64], b: float
    ) -> tuple[float, NDArray[np.float64], float]:
        """Return the cost and the gradient ``(J, dw, db)`` at ``(w, b)``."""
        neg_Z, E, M = self.neg_Z, self.E, self.n_samples
        dZ, log_one_plus_E = self.dZ_and_loss[0:1], self.dZ_and_loss[1:2]
        np.negative(w[:, 0], out=self.neg_theta[0, :-1])
        self.neg_theta[0, -1] = -b
        np.dot(self.neg_theta, self.X1, out=neg_Z)  # -Z = -(w^T X + b)
        np.exp(neg_Z, out=E)  # e^{-z}, inf where z < -709
        E += 1.0
        np.divide(1.0, E, out=dZ)  # A = sigma(z)
        dZ -= self.Y  # dZ = A - Y
        np.log(E, out=log_one_plus_E)  # log(1 + e^{-z})
        # [sum dZ x^T, sum dZ; sum L x^T, sum L]: the gradient and the first term
        sums = self.dZ_and_loss @ self.X1.T
        sum_one_minus_y_z = -(self.neg_theta @ self.X1_one_minus_Y).item()
        cost = (sums[1, -1] + sum_one_minus_y_z) / M
        if not np.isfinite(cost) and np.isfinite(neg_Z).all():
            cost = cost_from_logits(self.Y, -neg_Z)
        gradient = sums[0] / M
        return float(cost), gradient[:-1, None], float(gradient[-1])


def gradient_descent(
    X: ArrayLike,
    Y: ArrayLike,
    w_init: ArrayLike,
    b_init: ArrayLike,
    *,
    step_size: float,
    steps: int,
    tol: float | None = None,
    record: Literal["cost", "parameters"] = "cost",
) -> GradientDescentResult:
    r"""Train one sigmoid unit by batch gradient descent, equation :eq:`eq-update`.

    Every step runs forward propagation, equation :eq:`eq-forward`, records the
    cost, equation :eq:`eq-cost-logits`, runs backward propagation, equations
    :eq:`eq-dz`, :eq:`eq-dw` and :eq:`eq-db`, and updates ``w`` and ``b``, in the
    order of the course notebook, so the result equals the notebook's loop up to
    floating-point rounding.

    Parameters
    ----------
    X : array_like, shape (N, M)
        Training data, one column per sample.
    Y : array_like, shape (1, M) or (M,)
        Labels in {0, 1}, both classes present.
    w_init : array_like, shape (N, 1) or (N,)
        Initial weights (not modified).
    b_init : float or array of size 1
        Initial bias.
    step_size : float
        Step size (learning rate) :math:`\eta > 0`.
    steps : int
        Number of updates, :math:`\ge 0`.
    tol : float, optional
        Stop early once :math:`\max(|dw|_\infty, |db|) \le` ``tol``.
    record : {"cost", "parameters"}, default="cost"
        ``"parameters"`` also stores the path of ``w`` and ``b`` for plots.

    Returns
    -------
    GradientDescentResult

    Raises
    ------
    FloatingPointError
        If the parameters or the cost stop being finite (a huge step size).

    Warns
    -----
    DivergenceWarning
        If the cost went up during training; the message gives :func:`step_size_limit`.
    """
    X = check_data_matrix(X)
    n_features, n_samples = X.shape
    Y = check_binary_labels(Y, "Y", n_samples, require_both=True)
    w = check_weights(w_init, n_features, "w_init").copy()
    b = check_bias(b_init, "b_init")
    step_size = check_positive_finite(step_size, "step_size")
    steps = check_non_negative_int(steps, "steps")
    if tol is not None:
        tol = float(tol)
        if not tol >= 0:
            raise ValueError(f"tol must be a number >= 0 or None, got {tol}")
    if record not in ("cost", "parameters"):
        raise ValueError(f"record must be 'cost' or 'parameters', got {record!r}")

    costs = np.empty(steps)
    w_path = np.empty((steps + 1, n_features)) if record == "parameters" else None
    b_path = np.empty(steps + 1) if record == "parameters" else None
    n_steps = 0
    # Overflow can only come from a step size so large that the parameters blow up;
    # it is caught right after the step and reported as a FloatingPointError.
    step = _FusedStep(X, Y)
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(steps):
            cost, dw, db = step(w, b)
            if tol is not None and max(np.abs(dw).max(), abs(db)) <= tol:
                break
            costs[k] = cost
            if w_path is not None:
                w_path[k] = w[:, 0]
                b_path[k] = b
            w -= step_size * dw
            b -= step_size * db
            n_steps = k + 1
            if not (np.isfinite(cost) and np.isfinite(w).all() and np.isfinite(b)):
                raise FloatingPointError(
                    f"gradient descent diverged: the parameters or the cost became "
                    f"non-finite at step {k}; reduce step_size={step_size:g} (the cost "
                    f"is guaranteed to decrease below {step_size_limit(X):.3g})"
                )

        final_cost, dw, db = step(w, b)
    if not np.isfinite(final_cost):
        raise FloatingPointError(
            f"gradient descent diverged: the cost became non-finite after the last "
            f"step; reduce step_size={step_size:g} (the cost is guaranteed to decrease "
            f"below {step_size_limit(X):.3g})"
        )
    gradient_norm = float(max(np.abs(dw).max(), abs(db)))
    if w_path is not None:
        w_path[n_steps] = w[:, 0]
        b_path[n_steps] = b
        w_path, b_path = w_path[: n_steps + 1], b_path[: n_steps + 1]
    costs = costs[:n_steps]
    _warn_if_cost_increased(costs, final_cost, step_size, X)
    return GradientDescentResult(
        w=w,
        b=float(b),
        costs=costs,
        final_cost=float(final_cost),
        n_steps=n_steps,
        converged=tol is not None and gradient_norm <= tol,
        gradient_norm=gradient_norm,
        step_size=step_size,
        w_path=w_path,
        b_path=b_path,
    )


def _warn_if_cost_increased(
    costs: NDArray[np.float64], final_cost: float, step_size: float, X: NDArray
) -> None:
    """Warn with :class:`DivergenceWarning` when any step raised the cost beyond rounding."""
    trajectory = np.append(costs, final_cost)
    rises = np.diff(trajectory) > 1e-12 * np.maximum(1.0, np.abs(trajectory[:-1]))
    if rises.any():
        first = int(np.argmax(rises))
        warnings.warn(
            f"the cost went up at {int(rises.sum())} of {len(rises)} steps, first at "
            f"step {first} (from {trajectory[first]:.4g} to "
            f"{trajectory[first + 1]:.4g}; {trajectory[0]:.4g} at the start, "
            f"{trajectory[-1]:.4g} at the end): step_size={step_size:g} is too large "
            f"for this data; below {step_size_limit(X):.3g} the cost is guaranteed to "
            "decrease",
            DivergenceWarning,
            stacklevel=3,
        )
