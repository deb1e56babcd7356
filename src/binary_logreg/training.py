r"""Batch gradient descent for one sigmoid unit, equation :eq:`eq-update`.

One *step* uses all M training samples: forward propagation, the cost, backward
propagation with the simplified chain rule :math:`dZ = A - Y`, then the update

.. math:: w \leftarrow w - \eta\, dw, \qquad b \leftarrow b - \eta\, db.

With the full batch, one step is one epoch, which is why ``model.fit`` with
``batch_size = M`` runs the same algorithm. With ``batch_size=B`` the same step
runs on one batch of B samples at a time, an epoch making one update per batch:
mini-batch gradient descent, as ``model.fit(batch_size=B)`` does it.
"""

from __future__ import annotations

import math
import numbers
import warnings
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.utils import check_random_state

from binary_logreg._validation import (
    check_bias,
    check_binary_labels,
    check_bool,
    check_data_matrix,
    check_int_at_least,
    check_non_negative_int,
    check_positive_finite,
    check_seed,
    check_tolerance,
    check_weights,
    mean_one,
    normalized_sample_weight,
    sample_weight_with_sum,
)
from binary_logreg.cost import _cost_from_logits
from binary_logreg.model import _backward, _linear, _sigmoid

__all__ = [
    "DivergenceWarning",
    "GradientDescentResult",
    "SeparableDataWarning",
    "gradient_descent",
    "hessian",
    "initial_parameters",
    "step_size_limit",
]


class DivergenceWarning(RuntimeWarning):
    """Gradient descent made the cost go up: the step size is too large."""


class SeparableDataWarning(RuntimeWarning):
    """The training data are linearly separable: the weights grow without bound."""


@dataclass(frozen=True)
class GradientDescentResult:
    r"""What :func:`gradient_descent` (or the Keras reference) returns.

    Attributes
    ----------
    w : ndarray, shape (N, 1)
        Weights after the last step.
    b : float
        Bias after the last step.
    costs : ndarray, shape (len(cost_steps),)
        ``costs[i]`` is the cost :math:`J(w_k, b_k)` after ``k = cost_steps[i]``
        updates, recorded at the start of step ``k``, before its update (what Keras
        reports as the loss of epoch ``k``). With the default ``record_every=1``
        every step is recorded and ``costs[k]`` belongs to step ``k``. With
        mini-batches, a cost is that of an epoch as Keras reports it, equation
        :eq:`eq-epoch-cost`.
    cost_steps : ndarray of int, shape (ceil(n_steps / record_every),)
        The steps (epochs) whose cost ``costs`` holds: ``0, k, 2k, ...`` below
        ``n_steps`` for ``record_every=k``.
    final_cost : float
        The cost at the returned parameters ``w``, ``b``, after the last update.
    n_steps : int
        Number of updates made: ``steps``, or fewer if ``tol`` stopped the run
        (with mini-batches, the number of epochs). It equals ``len(costs)`` only
        when every step is recorded.
    converged : bool
        Whether the gradient at the returned parameters meets the test of
        equation :eq:`eq-stop`, ``gradient_norm <= tol`` (always ``False`` when
        no ``tol`` was given).
    gradient_norm : float
        :math:`\max(|dw|_\infty, |db|)`, the largest entry of the gradient in
        absolute value, at the returned parameters.
    step_size : float
        The step size :math:`\eta` used.
    w_path : ndarray of shape (n_steps + 1, N), or None
        The weights before each step (epoch, with mini-batches) and after the
        last, if recorded.
    b_path : ndarray of shape (n_steps + 1,), or None
        The bias likewise.

    Notes
    -----
    The cost after the last update is not in ``costs``: it is ``final_cost``, so
    the learning curve of ``n_steps`` updates has ``n_steps + 1`` points,
    ``np.append(costs, final_cost)`` (at the steps
    ``np.append(cost_steps, n_steps)``). This is Keras's convention too:
    ``history.history["loss"][k]`` of ``model.fit`` is computed on the way to the
    update of epoch ``k``, and the loss after the last epoch needs a separate
    ``model.evaluate``.

    ``gradient_norm`` is not zero after a fixed number of steps unless the run
    reached the minimum; with ``tol=None`` it tells how far from stationary the
    returned parameters are.
    """

    w: NDArray[np.float64]
    b: float
    costs: NDArray[np.float64]
    cost_steps: NDArray[np.intp]
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
    random_state : int in [0, 2**32), RandomState instance or None, default=None
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
    rng = check_random_state(check_seed(random_state))
    w = (rng.rand(n_features, 1) - 0.5) * 2.0
    b = (rng.rand(1, 1) - 0.5) * 2.0
    return w, b


def step_size_limit(
    X: ArrayLike, sample_weight: ArrayLike | None = None, C: float = np.inf
) -> float:
    r"""Step size below which every step lowers the cost, :math:`2 / \beta`, equation :eq:`eq-step-size-limit`.

    The Hessian of the cost, equation :eq:`eq-hessian`, is
    :math:`\frac{1}{M}\tilde X \operatorname{diag}(a(1-a)) \tilde X^\mathsf{T}` with
    :math:`\tilde X` the data with a row of ones for the bias. Since
    :math:`a(1-a) \le 1/4`, its largest eigenvalue is at most
    :math:`\beta = \lambda_{\max}(\tilde X \tilde X^\mathsf{T}) / (4M)`, equation
    :eq:`eq-smoothness`, whatever the weights: the cost is :math:`\beta`-smooth. Gradient descent therefore decreases
    :math:`J` at every step for :math:`0 < \eta < 2/\beta`, from any start.

    The bound is sufficient, not necessary, and it is not the largest step size
    that lowers the cost: it assumes the largest possible curvature everywhere.
    Larger step sizes often lower the cost too (the gradient-descent page shows a
    step several times larger that converges), but nothing guarantees that they do.

    With the L2 penalty of strength :math:`\lambda = 1/(C \sum_m s_m)`, equation
    :eq:`eq-penalised-cost`, the curvature grows by :math:`\lambda` in every
    direction of :math:`w`, and the bound is :math:`2/(\beta + \lambda)`,
    equation :eq:`eq-penalised-step-size-limit`.

    Parameters
    ----------
    X : array_like, shape (N, M)
        Training data, one column per sample.
    sample_weight : array_like, shape (1, M) or (M,), optional
        Weights of the samples, as in :func:`gradient_descent`; the Hessian is then
        that of the weighted cost.
    C : float, default=np.inf
        Inverse strength of the L2 penalty, as in :func:`gradient_descent`;
        ``np.inf``, no penalty.

    Returns
    -------
    float
        :math:`2/\beta = 8M / \lambda_{\max}(\tilde X \tilde X^\mathsf{T})`,
        or :math:`2/(\beta + \lambda)` with the penalty.

    Raises
    ------
    ValueError
        If the features are so large (about :math:`10^{154}` and more) that
        :math:`2/\beta` is below the smallest normal float64: rescale them.
    """
    X = check_data_matrix(X)
    C = _check_C(C)
    weights, weight_sum = sample_weight_with_sum(sample_weight, X.shape[1])
    return _step_size_limit(X, weights, _weight_decay(C, weight_sum))


def _step_size_limit(
    X: NDArray[np.float64],
    weights: NDArray[np.float64] | None,
    decay: float = 0.0,
) -> float:
    """:func:`step_size_limit` without input checks; ``weights`` have mean 1 or are None.

    ``decay`` is the penalty's :math:`\\lambda` (0 without a penalty).
    """
    n_samples = X.shape[1]
    # Scale [X; 1] by its largest entry so that the Gram matrix cannot overflow.
    scale = max(1.0, float(np.abs(X).max()))
    # products of tiny features underflow harmlessly next to the row of ones
    with np.errstate(under="ignore"):
        # the Hessian's sum (eq-hessian) with every a(1 - a) at its largest, 1/4
        gram = _weighted_gram(_with_row_of_ones(X) / scale, weights)
        largest_eigenvalue = np.linalg.eigvalsh(gram)[-1]
        limit = 8.0 * n_samples / largest_eigenvalue / scale / scale
        if decay > 0:  # 2/(β + λ)  (eq-penalised-step-size-limit)
            limit = 2.0 / (2.0 / limit + decay)
    if not limit >= np.finfo(np.float64).tiny:
        raise ValueError(
            f"the features are too large for float64 gradient descent: the largest "
            f"|x| is {scale:.3g}, so the step-size bound of step_size_limit, 2/β = "
            f"{limit:.3g}, is below the smallest normal number; standardise the "
            "features (e.g. with sklearn.preprocessing.StandardScaler)"
        )
    return float(limit)


def hessian(
    w: ArrayLike,
    b: ArrayLike,
    X: ArrayLike,
    sample_weight: ArrayLike | None = None,
) -> NDArray[np.float64]:
    r"""Hessian of the cost with respect to :math:`(w_1, \dots, w_N, b)`, equation :eq:`eq-hessian`.

    .. math::

       H = \frac{1}{M} \tilde X \operatorname{diag}\bigl(a_m (1 - a_m)\bigr)
       \tilde X^\mathsf{T},

    with :math:`\tilde X` the data with a row of ones for the bias and
    :math:`a = \sigma(w^\mathsf{T} x + b)`. It is the curvature of the cost: its
    largest eigenvalue sets the local limit :math:`2/\lambda_{\max}(H)` of the step
    size, equation :eq:`eq-local-limit`, and the ratio of its extreme eigenvalues
    (the condition number) how slowly gradient descent crawls along the flattest
    direction. The labels do not enter it.

    Parameters
    ----------
    w : array_like, shape (N, 1) or (N,)
        Weights.
    b : float or array of size 1
        Bias.
    X : array_like, shape (N, M)
        Data, one column per sample.
    sample_weight : array_like, shape (1, M) or (M,), optional
        Weights of the samples, as in :func:`gradient_descent`: the Hessian is then
        that of the weighted cost :math:`\sum_m s_m L_m / \sum_m s_m`.

    Returns
    -------
    ndarray, shape (N + 1, N + 1)
        Symmetric and positive semidefinite; the last row and column belong to the
        bias.

    See Also
    --------
    step_size_limit : the bound that replaces every :math:`a_m (1 - a_m)` by 1/4.

    Examples
    --------
    >>> import numpy as np
    >>> from binary_logreg import hessian
    >>> hessian(np.zeros(1), 0.0, [[-1.0, 1.0]])  # a = 1/2 for both samples
    array([[0.25, 0.  ],
           [0.  , 0.25]])
    """
    X = check_data_matrix(X)
    w = check_weights(w, X.shape[0])
    b = check_bias(b)
    weights = normalized_sample_weight(sample_weight, X.shape[1])
    A = _sigmoid(_linear(w, b, X))
    curvature = A * (1.0 - A)  # a_m (1 - a_m), da/dz of each sample
    if weights is not None:
        curvature = curvature * weights
    return _weighted_gram(_with_row_of_ones(X), curvature) / X.shape[1]


def _with_row_of_ones(X: NDArray[np.float64]) -> NDArray[np.float64]:
    r""":math:`\tilde X`: the data with a row of ones for the bias, shape (N + 1, M)."""
    return np.vstack([X, np.ones((1, X.shape[1]))])


def _weighted_gram(
    X_tilde: NDArray[np.float64], factors: NDArray[np.float64] | None
) -> NDArray[np.float64]:
    r""":math:`\tilde X \operatorname{diag}(f) \tilde X^\mathsf{T}`; ``None`` for all ones."""
    weighted = X_tilde if factors is None else X_tilde * factors
    return weighted @ X_tilde.T


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
    record_every: int = 1,
    sample_weight: ArrayLike | None = None,
    batch_size: int | None = None,
    shuffle: bool = False,
    random_state: int | np.random.RandomState | None = None,
    C: float = np.inf,
) -> GradientDescentResult:
    r"""Train one sigmoid unit by batch or mini-batch gradient descent, equation :eq:`eq-update`.

    Every step runs forward propagation, equations :eq:`eq-linear` and
    :eq:`eq-sigmoid`, backward propagation, equations :eq:`eq-dz`, :eq:`eq-dw`
    and :eq:`eq-db`, and updates ``w`` and ``b``, as the course notebook does, so
    the result equals the notebook's loop up to floating-point rounding. At the
    steps it records (every step by default) it also computes the cost, equation
    :eq:`eq-loss-logits` (or :eq:`eq-cost-logits` where :math:`e^{-z}`
    overflows).

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
        Number of updates, :math:`\ge 0`; with ``batch_size``, number of epochs.
    tol : float, optional
        Stop early once :math:`\max(|dw|_\infty, |db|) \le` ``tol``, equation
        :eq:`eq-stop` (see Notes).
    record : {"cost", "parameters"}, default="cost"
        ``"parameters"`` also stores the path of ``w`` and ``b`` for plots.
    record_every : int, default=1
        Compute and record the cost at steps ``0, k, 2k, ...`` for ``k =
        record_every`` :math:`\ge 1`, as the course records it every 100 steps
        (see Notes); the default records every step, for plots.
    sample_weight : array_like, shape (1, M) or (M,), optional
        Non-negative weights :math:`s_m`: the cost becomes
        :math:`\sum_m s_m L_m / \sum_m s_m`, and its gradient is followed.
        ``None`` (the course) weighs every sample alike.
    batch_size : int, optional
        ``None`` (the course): every step uses all M samples. An int B
        :math:`\ge 1` makes mini-batch gradient descent as Keras's
        ``model.fit(batch_size=B, shuffle=False)`` does (see Notes); B :math:`\ge M`
        is the full batch.
    shuffle : bool, default=False
        With ``batch_size``, deal the samples into batches in a fresh random order
        every epoch (Keras's ``shuffle=True``) instead of in their order in ``X``;
        ``True`` without ``batch_size`` is an error.
    random_state : int in [0, 2**32), RandomState instance or None, default=None
        Seeds the order of ``shuffle``; unused without it.
    C : float, default=np.inf
        Inverse strength of an L2 penalty on ``w``, with scikit-learn's meaning:
        the cost becomes :math:`\sum_m s_m L_m / \sum_m s_m + \lambda
        \lVert w \rVert^2 / 2` with :math:`\lambda = 1/(C \sum_m s_m)`, the
        weights as given, equation :eq:`eq-penalised-cost`: the minimum of
        ``LogisticRegression(C=C)``. The bias is not penalised. ``np.inf`` (the
        course): no penalty. See Notes for mini-batches.

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
    SeparableDataWarning
        If at the end every training sample lies strictly on its own side of the
        decision boundary: the data are linearly separable, the cost has no
        minimum, and every further step makes the weights larger.

    See Also
    --------
    step_size_limit : the step sizes that are guaranteed to lower the cost.
    binary_logreg.textbook.textbook_gradient_descent : the course notebook's loop.

    Notes
    -----
    **Stopping.** Without ``tol`` the function makes exactly ``steps`` updates,
    as the course does. With ``tol``, every step first computes the gradient at
    the current parameters and, before recording the cost or updating, stops if
    its largest entry is at most ``tol``, equation :eq:`eq-stop`. ``n_steps`` is
    then the number of updates made and ``costs`` has one entry per recorded
    update;
    ``converged`` tells whether the test was met. The test looks at the gradient,
    not at the cost, because the gradient is zero exactly at the minimum and the
    test needs no knowledge of the minimal cost. A small gradient means a small
    distance from the minimum only relative to the curvature: along a flat
    direction of the cost the parameters can still be some way off.

    **Recording.** The loop needs the gradient, not the cost: the cost is
    computed only at the steps it records, ``0, k, 2k, ...`` for
    ``record_every=k``, which is what the course does with ``k = 100``. It costs
    one logarithm per sample, :math:`\ln(1 + e^{-z})`, from the :math:`e^{-z}` the
    sigmoid computed: where NumPy has no SIMD loop for ``np.log1p`` (without
    AVX-512) that is about as long as the rest of the step, so
    ``record_every=100`` nearly halves the time of a run there. ``final_cost``
    is computed in any case.

    **Divergence.** After the run the recorded costs and ``final_cost`` are
    compared in turn. If the cost rose at any step by more than rounding
    (:math:`10^{-12}` relative), a :class:`DivergenceWarning` says at how many
    steps, names the first rise and gives the bound :math:`2/\beta` of
    :func:`step_size_limit`, equation :eq:`eq-step-size-limit`. The result is
    returned nevertheless: a run can recover after a bad step, and step sizes
    above the bound often converge. Only parameters or a cost that stop being
    finite raise :class:`FloatingPointError`. Since every :math:`|a_m - y_m| \le 1`,
    one step moves each weight by at most :math:`\eta` times the mean
    :math:`|x|` of its feature, so that takes an absurd step size.

    **Floating point.** The loop runs under
    ``np.errstate(over="ignore", under="ignore", invalid="ignore")``: where
    :math:`z < -709`, :math:`e^{-z}` overflows to ``inf`` and :math:`\sigma(z)`
    is still exactly 0, so there is nothing to warn about; only the cost of that
    step is then recomputed in the stable form :eq:`eq-cost-logits`.

    **Keras.** ``model.fit(X.T, Y.T, batch_size=M, epochs=steps)`` of the course's
    model (``Dense(1, activation="sigmoid")``, ``SGD`` without momentum,
    ``BinaryCrossentropy``, float64) makes the same updates:
    :func:`binary_logreg.keras_reference.train_keras` runs it.

    **Mini-batches.** With ``batch_size=B`` every epoch cuts the samples, in
    order (or shuffled), into batches of B columns, the last one smaller when B
    does not divide M, and makes one step of the full-batch loop on each batch in
    turn: the batch's cost :math:`J_k` at the parameters before its update, its
    gradient, one update, equation :eq:`eq-minibatch-update`. ``steps`` counts
    epochs, ``n_steps`` the epochs made. The cost recorded for an epoch is what
    Keras reports as its loss, :math:`\sum_k B_k J_k / M`, equation
    :eq:`eq-epoch-cost`, the mean of the batch costs weighted by their
    sizes (with ``sample_weight``, by the batches' total weights: each batch's
    cost is its own weighted cost). It mixes parameters from the whole epoch, so
    it is not the cost at any one point. ``final_cost``, ``gradient_norm`` and
    ``converged`` are exact: the cost and the gradient of the whole training set
    at the returned parameters, computed batch by batch. With ``tol``, that full
    gradient is computed at the start of every epoch (one more pass over the data)
    and the run stops before the epoch if its largest entry is at most ``tol``.
    Batch updates with a constant step size do not settle at the minimum but
    circle near it, at a distance that shrinks with the step size, so a small
    ``tol`` may never be met. The :class:`DivergenceWarning` compares only the
    cost at the end with the first epoch's: epoch costs go up and down with the
    noise of the batches. With ``C``, every batch step adds the whole penalty,
    :math:`\lambda w` with :math:`\lambda = 1/(C \sum_m s_m)` of *all* samples,
    to the batch's gradient, and :math:`\lambda \lVert w \rVert^2/2` to the
    batch's cost, as Keras does with a ``kernel_regularizer``. Slices of ``X``
    are views, so no batch is copied unless ``shuffle`` is set, and ``X`` may be
    an ``np.memmap`` larger than the memory: each epoch reads it once, batch by
    batch.
    """
    X = check_data_matrix(X)
    Y = check_binary_labels(Y, "Y", X.shape[1], require_both=True)
    problem = _problem(X, Y, sample_weight, require_both=True, C=_check_C(C))
    w = check_weights(w_init, X.shape[0], "w_init").copy()
    b = check_bias(b_init, "b_init")
    step_size = check_positive_finite(step_size, "step_size")
    steps = check_non_negative_int(steps, "steps")
    tol = check_tolerance(tol)
    record_every = check_int_at_least(record_every, "record_every", 1)
    if record not in ("cost", "parameters"):
        raise ValueError(f"record must be 'cost' or 'parameters', got {record!r}")
    if batch_size is not None:
        batch_size = check_int_at_least(batch_size, "batch_size", 1)
    if check_bool(shuffle, "shuffle") and batch_size is None:
        raise ValueError(
            "shuffle=True needs batch_size: the full batch uses every sample at "
            "every step, so their order does not matter; give batch_size or leave "
            "shuffle=False"
        )
    random_state = check_seed(random_state)
    rng = check_random_state(random_state) if shuffle else None
    result, separable = _run(
        problem,
        w,
        b,
        step_size=step_size,
        steps=steps,
        tol=tol,
        record_every=record_every,
        record_path=record == "parameters",
        batch_size=batch_size,
        rng=rng,
    )
    if separable:
        _warn_separable()
    return result


@dataclass(frozen=True)
class _Problem:
    r"""What training minimises: the data, the labels and the samples' weights.

    ``s`` holds the weights scaled to mean 1 (``None`` when all are alike), the
    only form the formulas use: the weighted cost
    :math:`\sum_m s_m L_m / \sum_m s_m` is then the plain mean of :math:`s_m L_m`.
    ``weight_sum`` is :math:`\sum_m s_m` of the weights as given (M without
    them): the scale of a term of the cost that does not sum over the samples.
    """

    X: NDArray[np.float64]
    Y: NDArray[np.float64]
    s: NDArray[np.float64] | None
    weight_sum: float
    #: the L2 penalty's λ = 1/(C Σs) of the whole training set, 0 for none
    #: (eq-penalised-cost); every batch keeps it, as Keras adds the whole penalty
    decay: float = 0.0

    def batches(self, batch_size: int, order: NDArray[np.intp] | None = None):
        """Each batch of ``batch_size`` samples as a problem, with its share of the weight.

        The batches are slices in order (views of X), or index arrays of ``order``.
        A batch whose samples all weigh 0 is left out; a batch of all samples, in
        order, is this problem itself (share 1), so that full-batch results are
        the same whichever way they were computed.
        """
        n_samples = self.X.shape[1]
        if order is None and batch_size >= n_samples:
            yield self, 1.0
            return
        for start in range(0, n_samples, batch_size):
            columns = (
                slice(start, start + batch_size)
                if order is None
                else order[start : start + batch_size]
            )
            Y_k = self.Y[:, columns]
            s_k = None if self.s is None else self.s[:, columns]
            weight = Y_k.shape[1] if s_k is None else float(s_k.sum())
            if weight == 0:
                continue  # every sample of the batch weighs 0: nothing to learn
            share = weight / n_samples  # the batch's part of the total weight
            batch = _Problem(
                self.X[:, columns],
                Y_k,
                None if s_k is None else mean_one(s_k),
                share * self.weight_sum,
                self.decay,
            )
            yield batch, share

    # e^(-z) overflows harmlessly where z < -709; inf·0 only from exploded parameters
    @np.errstate(over="ignore", under="ignore", invalid="ignore")
    def evaluate(
        self, w: NDArray[np.float64], b: float, batch_size: int | None, step: int
    ) -> tuple[float, NDArray[np.float64], float, bool]:
        """Cost, gradient and separation at ``(w, b)``, batch by batch (the only way).

        Memory stays that of one batch: the sums over the batches are weighted by
        the batches' shares of the weight, as the full-batch formulas weigh the
        samples. Raises ``_NonFiniteCost(step)`` if the parameters blew up.
        """
        cost, dw, db, separated = 0.0, np.zeros_like(w), 0.0, True
        for batch, share in self.batches(batch_size or self.X.shape[1]):
            Z = _linear(w, b, batch.X)
            dw_k, db_k = _backward(batch.X, batch.Y, _sigmoid(Z), batch.s)
            cost += share * _stable_cost(batch.Y, Z, batch.s, step)
            dw += share * dw_k
            db += share * db_k
            separated = separated and _strictly_separated(batch.Y, Z, batch.s)
        return cost + _penalty(w, self.decay), dw + self.decay * w, db, separated


def _problem(
    X: NDArray[np.float64],
    Y: NDArray[np.float64],
    sample_weight: ArrayLike | None,
    require_both: bool,
    C: float = np.inf,
) -> _Problem:
    """The problem of checked ``X`` and ``Y``, with ``sample_weight`` checked and scaled.

    With ``require_both``, each class must weigh something: otherwise the cost has
    no minimum, and training would push the boundary away from the other class.
    """
    s, weight_sum = sample_weight_with_sum(sample_weight, X.shape[1])
    if require_both and s is not None:
        for label in (0, 1):
            if not s[Y == label].sum() > 0:
                raise ValueError(
                    f"sample_weight gives every sample of class {label} a weight of "
                    f"0, so training sees only class {1 - label} (the cost then has "
                    "no minimum); both classes need some weight"
                )
    return _Problem(X, Y, s, weight_sum, _weight_decay(C, weight_sum))


def _check_C(C: object) -> float:
    """Return ``C`` as a float after checking it is a number > 0 (``np.inf`` allowed)."""
    if isinstance(C, bool) or not isinstance(C, numbers.Real):
        raise TypeError(
            f"C must be a real number > 0 or np.inf (no penalty), got {C!r} of type "
            f"{type(C).__name__}"
        )
    C = float(C)
    if not C > 0:
        raise ValueError(f"C must be a number > 0 or np.inf (no penalty), got {C}")
    return C


def _weight_decay(C: float, weight_sum: float) -> float:
    r"""The penalty's strength :math:`\lambda = 1/(C \sum_m s_m)`, equation :eq:`eq-penalised-cost`.

    :math:`\sum_m s_m` is the sum of the weights as given (M without weights), as
    in scikit-learn's ``LogisticRegression``. ``C = np.inf`` gives 0: no penalty
    (so does a sum that overflowed to infinity: the penalty is then below rounding).
    """
    return 1.0 / (C * weight_sum)


def _penalty(w: NDArray[np.float64], decay: float) -> float:
    r"""The L2 penalty :math:`\lambda \lVert w \rVert^2 / 2`, equation :eq:`eq-penalised-cost`."""
    return decay / 2 * float(np.vdot(w, w))


def _run(
    problem: _Problem,
    w: NDArray[np.float64],
    b: float,
    *,
    step_size: float,
    steps: int,
    tol: float | None,
    record_every: int,
    record_path: bool = False,
    batch_size: int | None = None,
    rng: np.random.RandomState | None = None,
) -> tuple[GradientDescentResult, bool]:
    """Train on a checked problem; the result, and whether the data are separated.

    The one way in for :func:`gradient_descent` and the estimator: the loop, one
    evaluation of the final state, the divergence warning.
    """
    if batch_size is not None and batch_size >= problem.X.shape[1] and rng is None:
        batch_size = None  # one batch of all samples, in order: the full-batch loop
    path = [(w, b)] if record_path else None
    try:
        if batch_size is None:
            w, b, n_steps, costs = _gradient_descent(
                problem, w, b, step_size, steps, tol=tol,
                record_every=record_every, path=path,
            )  # fmt: skip
        else:
            w, b, n_steps, costs = _minibatch_gradient_descent(
                problem, w, b, step_size, steps, tol=tol,
                record_every=record_every, path=path, batch_size=batch_size, rng=rng,
            )  # fmt: skip
        final_cost, dw, db, separable = problem.evaluate(w, b, batch_size, n_steps)
    except _NonFiniteCost as diverged:
        raise FloatingPointError(
            f"gradient descent diverged: the parameters or the cost became non-finite "
            f"by step {diverged.args[0]} of {steps}; reduce step_size="
            f"{step_size:g} ({_step_size_advice(problem)})"
        ) from None

    gradient_norm = _largest_entry(dw, db)
    costs = np.array(costs, dtype=np.float64)
    cost_steps = np.arange(len(costs)) * record_every
    # epoch costs of mini-batches are noisy: only the end is compared with the start
    compared = slice(None) if batch_size is None else slice(1)
    _warn_if_cost_increased(
        cost_steps[compared], costs[compared], n_steps, final_cost, step_size, problem
    )
    w_path = b_path = None
    if path is not None:
        w_path = np.array([w_k[:, 0] for w_k, _ in path])
        b_path = np.array([b_k for _, b_k in path])
    result = GradientDescentResult(
        w=w,
        b=float(b),
        costs=costs,
        cost_steps=cost_steps,
        final_cost=final_cost,
        n_steps=n_steps,
        converged=tol is not None and gradient_norm <= tol,
        gradient_norm=gradient_norm,
        step_size=step_size,
        w_path=w_path,
        b_path=b_path,
    )
    # a penalty keeps a minimum on separable data too
    return result, n_steps > 0 and separable and problem.decay == 0


# e^(-z) = inf or 0 leaves A exact; inf·0 comes only from exploded parameters, and
# the stable cost then raises: so the loop has no floating-point warnings to give.
@np.errstate(over="ignore", under="ignore", invalid="ignore")
def _gradient_descent(
    problem: _Problem,
    w: NDArray[np.float64],
    b: float,
    step_size: float,
    steps: int,
    *,
    tol: float | None = None,
    record_every: int = 1,
    path: list | None = None,
) -> tuple[NDArray[np.float64], float, int, list[float]]:
    """The loop of :func:`gradient_descent`, without input checks.

    Returns the parameters after the last update, the number of updates made and
    the cost before the updates ``0, record_every, 2 record_every, ...``
    (``record_every=0``: none).
    """
    X, Y, s, decay = problem.X, problem.Y, problem.s, problem.decay
    costs = []
    step = 0
    while step < steps:
        Z = _linear(w, b, X)  # Z = wᵀX + b          (eq-linear)
        E = np.exp(-Z)  # e^(-z), inf where z < -709
        A = 1.0 / (1.0 + E)  # A = σ(Z)              (eq-sigmoid)
        dw, db = _backward(X, Y, A, s)  # dZ = A − Y (eq-dz, eq-dw, eq-db)
        dw = dw + decay * w  # the L2 penalty's λw (eq-penalised-dw)
        if tol is not None and _largest_entry(dw, db) <= tol:
            break  # converged: stop before the update
        if record_every and step % record_every == 0:  # the cost, when recorded
            costs.append(_cost_from_exp(Y, Z, E, s, step) + _penalty(w, decay))
        w = w - step_size * dw  # the update         (eq-update)
        b = b - step_size * db
        if path is not None:
            path.append((w, b))
        step += 1
    return w, b, step, costs


def _cost_from_exp(
    Y: NDArray[np.float64],
    Z: NDArray[np.float64],
    E: NDArray[np.float64],
    s: NDArray[np.float64] | None,
    step: int,
) -> float:
    r"""The cost from the :math:`e^{-z}` the sigmoid computed, equation :eq:`eq-loss-logits`.

    :math:`L = \ln(1 + e^{-z}) + (1 - y) z` costs one logarithm per sample more;
    where :math:`e^{-z}` overflowed (:math:`z < -709`) the stable form
    :eq:`eq-cost-logits` takes over for this step.
    """
    J = np.average(np.log1p(E) + (1 - Y) * Z, weights=s)  # (eq-cost)
    if not math.isfinite(J):
        J = _stable_cost(Y, Z, s, step)
    return float(J)


def _minibatch_gradient_descent(
    problem: _Problem,
    w: NDArray[np.float64],
    b: float,
    step_size: float,
    epochs: int,
    *,
    tol: float | None,
    record_every: int,
    path: list | None,
    batch_size: int,
    rng: np.random.RandomState | None,
) -> tuple[NDArray[np.float64], float, int, list[float]]:
    """Mini-batch gradient descent: one step of :func:`_gradient_descent` per batch.

    Returns the parameters after the last epoch, the epochs made and the cost of
    the epochs ``0, record_every, ...``: ``sum_k S_k J_k / S`` (``S_k`` the batch's
    weight, its size B_k without weights).
    """
    costs = []
    epoch = 0
    while epoch < epochs:
        if tol is not None:
            _, dw, db, _ = problem.evaluate(w, b, batch_size, epoch)
            if _largest_entry(dw, db) <= tol:
                break  # converged: stop before the epoch
        recorded = epoch % record_every == 0
        order = None if rng is None else rng.permutation(problem.X.shape[1])
        epoch_cost = 0.0
        for batch, share in problem.batches(batch_size, order):
            try:  # one step of the full-batch loop, on the batch
                w, b, _, batch_cost = _gradient_descent(
                    batch, w, b, step_size, 1, record_every=int(recorded)
                )
            except _NonFiniteCost:
                raise _NonFiniteCost(epoch) from None
            epoch_cost += share * sum(batch_cost)
        if recorded:
            costs.append(epoch_cost)
        if path is not None:
            path.append((w, b))
        epoch += 1
    return w, b, epoch, costs


class _NonFiniteCost(ArithmeticError):
    """The cost is not finite even in its stable form: the parameters blew up."""


def _stable_cost(
    Y: NDArray[np.float64],
    Z: NDArray[np.float64],
    s: NDArray[np.float64] | None,
    step: int | None = None,
) -> float:
    """The cost from logits, equation (eq-cost-logits); raise if ``Z`` is not finite."""
    if not np.isfinite(Z).all():
        raise _NonFiniteCost(step)
    return _cost_from_logits(Y, Z, s)


def _largest_entry(dw: NDArray[np.float64], db: float) -> float:
    r""":math:`\max(|dw|_\infty, |db|)`, the gradient's size that ``tol`` is compared with (eq-stop)."""
    return float(max(np.abs(dw).max(), abs(db)))


def _step_size_advice(problem: _Problem) -> str:
    """Say which step sizes are guaranteed to lower the cost on this data.

    The bound 2/β is sufficient, not necessary, and the message says so.
    """
    try:
        limit = _step_size_limit(problem.X, problem.s, problem.decay)
    except ValueError as error:
        return str(error)
    return (
        f"every step size below 2/β = {limit:.3g} (step_size_limit) is guaranteed "
        "to lower the cost; larger ones may work too"
    )


def _strictly_separated(
    Y: NDArray[np.float64], Z: NDArray[np.float64], s: NDArray[np.float64] | None
) -> bool:
    r"""Whether the boundary puts every (weighted) sample strictly on its own side.

    Then :math:`\theta^\mathsf{T} g = \frac{1}{M}\sum_m (a_m - y_m) z_m < 0`, so every
    further step makes :math:`\lVert\theta\rVert` larger: the cost has no minimum.
    """
    counted = slice(None) if s is None else s > 0
    return bool(np.where(Y == 1, Z > 0, Z < 0)[counted].all())


def _linearly_separable(problem: _Problem) -> bool:
    r"""Whether some boundary puts every weighted sample strictly on its own side.

    A linear program: is there a :math:`\theta` with
    :math:`(2y_m - 1)\, \theta^\mathsf{T} \tilde x_m \ge 1` for every sample of
    positive weight? Then the cost has no minimum, whatever gradient descent has
    reached so far. Solved by SciPy's HiGHS, for the advice of a fit that did not
    converge.
    """
    from scipy.optimize import linprog

    counted = slice(None) if problem.s is None else problem.s[0] > 0
    X_tilde = _with_row_of_ones(problem.X)[:, counted]
    signs = 2.0 * problem.Y[0, counted] - 1.0
    outcome = linprog(
        np.zeros(X_tilde.shape[0]),
        A_ub=-(X_tilde * signs).T,
        b_ub=-np.ones(X_tilde.shape[1]),
        bounds=(None, None),
        method="highs",
    )
    return outcome.status == 0  # 2 is infeasible: no such boundary


def _warn_separable() -> None:
    """Warn with :class:`SeparableDataWarning` (called from :func:`gradient_descent`)."""
    warnings.warn(
        "every training sample lies strictly on its own side of the decision "
        "boundary: the data are linearly separable, so the cost has no minimum "
        "and each further step only makes w and b larger (the boundary hardly "
        "moves); stop earlier with tol, or add samples or regularisation",
        SeparableDataWarning,
        stacklevel=3,
    )


def _warn_if_cost_increased(
    cost_steps: NDArray[np.intp],
    costs: NDArray[np.float64],
    n_steps: int,
    final_cost: float,
    step_size: float,
    problem: _Problem,
) -> None:
    """Warn with :class:`DivergenceWarning` when the cost rose beyond rounding.

    The recorded costs (at ``cost_steps``) and the final cost are compared in turn.
    """
    trajectory = np.append(costs, final_cost)
    at = np.append(cost_steps, n_steps)
    rises = np.diff(trajectory) > 1e-12 * np.maximum(1.0, np.abs(trajectory[:-1]))
    if rises.any():
        first = int(np.argmax(rises))
        where = (
            f"at {int(rises.sum())} of {len(rises)} steps, first at step {at[first]}"
            if (np.diff(at) == 1).all()
            else f"in {int(rises.sum())} of {len(rises)} intervals between recorded "
            f"steps, first between steps {at[first]} and {at[first + 1]}"
        )
        warnings.warn(
            f"the cost went up {where} (from {trajectory[first]:.4g} to "
            f"{trajectory[first + 1]:.4g}; {trajectory[0]:.4g} at the start, "
            f"{trajectory[-1]:.4g} at the end): step_size={step_size:g} is too large "
            f"for this data; {_step_size_advice(problem)}",
            DivergenceWarning,
            stacklevel=4,
        )
