r"""A scikit-learn classifier around :func:`~binary_logreg.gradient_descent`.

:class:`LogisticRegressionGD` checks its hyperparameters against one table,
``_PARAMETER_CONSTRAINTS`` (name -> kind, test, description), once at the start of
``fit``, then transposes ``X`` to the course layout, turns ``sample_weight`` and
``class_weight`` into one weight :math:`s_m` per sample and runs gradient descent on
the weighted cost :math:`J = \sum_m s_m L_m / \sum_m s_m`.
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils.class_weight import compute_sample_weight
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from binary_logreg._validation import as_float_array, check_finite
from binary_logreg.model import _sigmoid
from binary_logreg.training import (
    GradientDescentResult,
    _linearly_separable,
    _Problem,
    _problem,
    _run,
    _step_size_limit,
    _warn_separable,
    initial_parameters,
)

__all__ = ["LogisticRegressionGD"]

#: ``fit`` records the cost every this many steps: its stopping test is on the
#: gradient, so the cost serves only ``cost_history_`` and the divergence check
RECORD_EVERY = 10

#: what a fit sets; a first partial_fit that fails removes them again
_FITTED_ATTRIBUTES = (
    "classes_",
    "n_features_in_",
    "feature_names_in_",
    "step_size_",
    "n_iter_",
    "cost_history_",
    "coef_",
    "intercept_",
)


class _WeightlessChunk(ValueError):
    """A chunk of partial_fit whose samples all weigh 0: it makes no step."""


# --- the hyperparameters' constraints, as data ---------------------------------


def _is_real(value: object) -> bool:
    """A real number, not a bool (``True`` is an int to Python, never a step size)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _is_int(value: object) -> bool:
    """An integer, not a bool."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_weight(value: object) -> bool:
    """A class weight: a finite real number >= 0."""
    return _is_real(value) and math.isfinite(value) and value >= 0


@dataclass(frozen=True)
class _Constraint:
    """What one hyperparameter accepts.

    A value that fails ``kind`` (the wrong sort of object) raises a
    :class:`TypeError`; one of the right kind that fails ``test`` raises a
    :class:`ValueError`. Both messages
    name the parameter, ``description`` and the value received.
    """

    kind: Callable[[object], bool]
    test: Callable[[object], bool]
    description: str


_PARAMETER_CONSTRAINTS: dict[str, _Constraint] = {
    "step_size": _Constraint(
        kind=lambda v: isinstance(v, str) or _is_real(v),
        test=lambda v: (
            v == "auto" if isinstance(v, str) else math.isfinite(v) and v > 0
        ),
        description="a finite float > 0 or 'auto'",
    ),
    "max_iter": _Constraint(
        kind=_is_int,
        test=lambda v: v >= 0,
        description="an int >= 0",
    ),
    "tol": _Constraint(
        kind=lambda v: v is None or _is_real(v),
        test=lambda v: v is None or (math.isfinite(v) and v >= 0),
        description="a finite float >= 0 or None",
    ),
    "init": _Constraint(
        kind=lambda v: isinstance(v, str),
        test=lambda v: v in ("zeros", "uniform"),
        description="'zeros' or 'uniform'",
    ),
    "random_state": _Constraint(
        kind=lambda v: v is None or _is_int(v) or isinstance(v, np.random.RandomState),
        test=lambda v: not _is_int(v) or 0 <= v < 2**32,
        description="None, an int in [0, 2**32) or a numpy.random.RandomState",
    ),
    "class_weight": _Constraint(
        kind=lambda v: v is None or isinstance(v, (str, dict)),
        test=lambda v: (
            v in (None, "balanced")
            if not isinstance(v, dict)
            else all(_is_weight(weight) for weight in v.values())
        ),
        description="None, 'balanced' or a dict {class label: finite weight >= 0}",
    ),
    "C": _Constraint(
        kind=_is_real,
        test=lambda v: v > 0,  # np.inf: no penalty; NaN fails
        description="a float > 0, or np.inf for no penalty",
    ),
}


def _check_parameters(params: dict[str, object]) -> None:
    """Check every hyperparameter against ``_PARAMETER_CONSTRAINTS``."""
    for name, constraint in _PARAMETER_CONSTRAINTS.items():
        value = params[name]
        if not constraint.kind(value):
            raise TypeError(
                f"{name} must be {constraint.description}; got {value!r} of type "
                f"{type(value).__name__}"
            )
        if not constraint.test(value):
            raise ValueError(f"{name} must be {constraint.description}; got {value!r}")


def _checked_sample_weight(sample_weight: ArrayLike, n_samples: int) -> NDArray:
    """``sample_weight`` as a float array of shape (n_samples,), finite and >= 0."""
    s = as_float_array(sample_weight, "sample_weight")
    if s.shape != (n_samples,):
        raise ValueError(
            f"sample_weight must have shape (n_samples,) = ({n_samples},), "
            f"like y; got shape {s.shape}"
        )
    check_finite(s, "sample_weight")
    if (s < 0).any():
        raise ValueError(
            f"sample_weight must be >= 0, got {float(s.min())!r} at index "
            f"{int(np.argmin(s))}"
        )
    return s


class LogisticRegressionGD(ClassifierMixin, BaseEstimator):
    r"""Binary logistic regression trained by batch gradient descent.

    The scikit-learn face of the course model: it takes ``X`` of shape
    ``(n_samples, n_features)`` as every scikit-learn estimator does, transposes it
    once to the course layout (N, M) and calls
    :func:`~binary_logreg.gradient_descent` on the cost
    :math:`J = \sum_m s_m L_m / \sum_m s_m` (equation :eq:`eq-cost` when every
    weight :math:`s_m` is 1), plus, with a finite ``C``, the L2 penalty
    :math:`\lVert w \rVert^2 / (2 C \sum_m s_m)` of equation
    :eq:`eq-penalised-cost`. It converges to the optimum of
    ``sklearn.linear_model.LogisticRegression(C=C)``; by default without a
    penalty, the optimum of ``LogisticRegression(C=np.inf)`` (``penalty=None``
    before scikit-learn 1.8), which exists when the data are not linearly
    separable.

    The defaults make a fit deterministic and make it either converge or say that it
    did not (see Notes for how they were chosen).

    Parameters
    ----------
    step_size : float or "auto", default="auto"
        Step size (learning rate) :math:`\eta > 0` of gradient descent. ``"auto"``
        is :math:`1/\beta`, half of the bound :math:`2/\beta` of
        :func:`~binary_logreg.step_size_limit` for the training data and weights;
        the fitted value is ``step_size_``.
    max_iter : int, default=1000
        Maximum number of gradient-descent steps (each uses all samples), >= 0.
    tol : float or None, default=1e-5
        Stop once the largest entry of the gradient, :math:`\max(|dw|_\infty,
        |db|)`, is at most ``tol``; not reaching it in ``max_iter`` steps raises
        a ``ConvergenceWarning``. With ``None`` exactly ``max_iter`` steps are
        made and nothing is checked, as in the course notebook.
    init : {"zeros", "uniform"}, default="zeros"
        Initial parameters: all zeros, or uniform in [-1, 1) drawn as the course
        notebook does, ``(rng.rand(N, 1) - 0.5) * 2`` then the bias
        (:func:`~binary_logreg.initial_parameters`).
    random_state : int, RandomState instance or None, default=None
        Seeds the ``"uniform"`` initialisation; unused with ``init="zeros"``.
    class_weight : dict, "balanced" or None, default=None
        Weights of the classes, multiplied into ``sample_weight``: a dict
        ``{class label: weight}`` (classes left out weigh 1), or ``"balanced"``
        for :math:`\sum_m s_m / (2 \sum_{m \in c} s_m)` for class :math:`c`,
        which is ``n_samples / (2 * np.bincount(y))`` without ``sample_weight``
        (scikit-learn's ``LogisticRegression`` does the same).
    C : float, default=np.inf
        Inverse strength of the L2 penalty on the weights (not the bias), with
        scikit-learn's meaning: the minimised objective is
        :math:`C \sum_m s_m L_m + \lVert w \rVert^2 / 2`, the weights
        :math:`s_m` as given (``sample_weight`` times ``class_weight``), so a
        smaller ``C`` penalises more. ``np.inf`` is no penalty, the course's
        model (see Notes for why that is the default);
        ``LogisticRegression``'s default is ``C=1.0``.

    Attributes
    ----------
    classes_ : ndarray of shape (2,)
        The two class labels; ``classes_[1]`` is the positive class (y = 1).
    coef_ : ndarray of shape (1, n_features)
        Weights :math:`w^\mathsf{T}`.
    intercept_ : ndarray of shape (1,)
        Bias :math:`b`.
    n_iter_ : int
        Number of gradient-descent steps made (by ``fit``, then one more per
        :meth:`partial_fit` call).
    cost_history_ : ndarray
        Training cost at the start of steps 0, 10, 20, ... of :meth:`fit`
        (``cost_history_[i]`` belongs to step ``10 * i``): the stopping test is on
        the gradient, so the cost is computed only every tenth step, for this
        curve and the divergence check. Each :meth:`partial_fit` call then
        appends the cost of its chunk before its step.
    step_size_ : float
        The step size used (:math:`1/\beta` for ``step_size="auto"``).
    n_features_in_ : int
        Number of features seen during fit.
    feature_names_in_ : ndarray of shape (n_features,)
        Feature names, when ``X`` has them (a pandas DataFrame).

    See Also
    --------
    binary_logreg.gradient_descent : the training loop, in the course layout.

    Notes
    -----
    How the defaults were chosen (measured from zeros with :math:`\eta = 1/\beta`):

    * ``C=np.inf``, no penalty, unlike scikit-learn's ``C=1.0``: this estimator
      is the course's model, whose cost the tutorial derives and which Keras's
      course model trains; a penalty is a choice for the data at hand (its
      strength depends on the units of the features and on the number of
      samples, and is best chosen by cross-validation, as the regularisation
      page does), not a side effect of the default. A weak penalty also makes
      gradient descent slow: on the standardised breast-cancer data, ``C=1.0``
      needs about 23,000 steps to a gradient of 1e-9, ``C=0.1`` 2,700. Where
      the data are separable, the ``ConvergenceWarning`` names regularisation.

    * ``init="zeros"``: the cost is convex, so any start leads to the same
      optimum, and zeros make two fits identical.
    * ``step_size="auto"`` is :math:`\eta = 1/\beta`, half of
      :func:`~binary_logreg.step_size_limit` computed with the sample weights, where
      :math:`\beta` bounds the curvature of the cost everywhere. By equation
      :eq:`eq-step-size-limit` each step then lowers the cost by at least
      :math:`\lVert g \rVert^2 / (2\beta)`, the largest decrease that bound
      guarantees, from any start and on any data.
    * ``tol=1e-5``: the largest entry of the gradient of the mean cost, the
      quantity of scikit-learn's ``tol`` (the ``gtol`` of its lbfgs solver), but
      ten times smaller than scikit-learn's default, because gradient descent
      stops where the gradient first gets small, with the flat directions still
      some way off. The distance from the optimum, in predicted probability
      (the largest over the training samples), is about 30 to 70 times ``tol``:
      on the standardised ``make_classification(n_samples=3000, n_features=4,
      n_informative=3, n_redundant=0, class_sep=0.7, flip_y=0.03,
      weights=[0.97], random_state=r)``, ``tol=1e-4`` leaves 3.1e-3 for
      ``r=3`` (93 steps) and 7.0e-3 for ``r=2``, ``tol=1e-5`` leaves 3.1e-4 and
      7.1e-4 (137 and 327 steps); on the course data ``make_dataset()``, raw
      and standardised, 6.8e-4 and 5.2e-4 (736 and 562 steps), and on
      ``make_classification(n_samples=600, n_features=2, n_informative=2,
      n_redundant=0, random_state=0)`` standardised, 2.3e-4 (442 steps). So
      ``1e-5`` puts the default fit within 1e-3 of the optimum on such data,
      for about 1.5 times the steps of ``1e-4``.
    * ``max_iter=1000`` is more than the 736 steps the slowest of those fits
      needs to reach ``tol=1e-5``; 1000 steps take about 0.4 s on the course's
      80,000 training samples. Where it is not enough, a ``ConvergenceWarning``
      says so. Two such cases: the standardised breast-cancer data are linearly
      separable, so no optimum exists (the warning then says so, and that a
      larger ``tol``, a smaller ``max_iter`` or regularisation is what helps);
      and with one positive in 10,000 samples the curvature along the intercept
      is about :math:`10^{-4}`, so 1000 steps leave the intercept about 1.1
      above the optimum, and ``tol=1e-8`` (about 23,000 steps) puts it within
      :math:`10^{-4}`.

    The computation is float64 whatever the input dtype: float32 ``X`` is converted
    on entry, and ``coef_``, ``intercept_`` and all predictions are float64.

    Examples
    --------
    >>> from binary_logreg import LogisticRegressionGD, make_dataset
    >>> data = make_dataset(2_000)
    >>> clf = LogisticRegressionGD().fit(data.X_train.T, data.Y_train.ravel())
    >>> round(clf.score(data.X_test.T, data.Y_test.ravel()), 2)
    0.99

    The course's recipe, 500 steps of size 0.25 from a uniform start:

    >>> course = LogisticRegressionGD(
    ...     step_size=0.25, max_iter=500, tol=None, init="uniform", random_state=1
    ... ).fit(data.X_train.T, data.Y_train.ravel())
    >>> course.n_iter_
    500
    """

    def __init__(
        self,
        step_size: float | str = "auto",
        max_iter: int = 1000,
        tol: float | None = 1e-5,
        init: str = "zeros",
        random_state: int | np.random.RandomState | None = None,
        class_weight: dict | str | None = None,
        C: float = np.inf,
    ) -> None:
        self.step_size = step_size
        self.max_iter = max_iter
        self.tol = tol
        self.init = init
        self.random_state = random_state
        self.class_weight = class_weight
        self.C = C

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False
        tags.input_tags.sparse = False
        tags.input_tags.allow_nan = False
        return tags

    def fit(
        self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None
    ) -> LogisticRegressionGD:
        """Fit the model to ``X`` of shape (M, N) and the binary labels ``y``.

        Parameters
        ----------
        X : array_like of shape (n_samples, n_features)
            Training data, finite.
        y : array_like of shape (n_samples,)
            Labels of exactly two classes.
        sample_weight : array_like of shape (n_samples,), optional
            Weights :math:`s_m \\ge 0` of the samples, not all zero; the cost is
            :math:`\\sum_m s_m L_m / \\sum_m s_m`. An integer weight counts a
            sample that many times, a zero leaves it out. ``None`` weighs every
            sample alike.

        Returns
        -------
        self

        Warns
        -----
        ConvergenceWarning
            If ``tol`` is a number and the gradient is still larger after
            ``max_iter`` steps. Its advice depends on whether the training data
            are linearly separable, which a linear program (SciPy's HiGHS) then
            decides: more steps help only where an optimum exists.
        binary_logreg.SeparableDataWarning
            If the training data are linearly separable (no optimum exists).
        binary_logreg.DivergenceWarning
            If the cost went up: a given ``step_size`` is too large ("auto"
            never is).
        """
        _check_parameters(self.get_params())
        X, y = validate_data(self, X, y, dtype=np.float64, y_numeric=False)
        check_classification_targets(y)
        self.classes_, y_encoded = np.unique(y, return_inverse=True)
        if len(self.classes_) != 2:
            raise ValueError(
                f"Only binary classification is supported. "
                f"LogisticRegressionGD is a binary classifier and needs exactly 2 "
                f"classes in y, got {len(self.classes_)} class(es): "
                f"{self.classes_[:5].tolist()}"
            )
        problem = self._problem(X, y, y_encoded, sample_weight)
        step_size = self._step_size(problem)
        result, separable = _run(
            problem,
            *self._initial_parameters(X.shape[1]),
            step_size=step_size,
            steps=self.max_iter,
            tol=self.tol,
            record_every=RECORD_EVERY,
        )
        if separable:
            _warn_separable()
        if self.tol is not None and not result.converged:
            # with a penalty a minimum exists, even on separable data
            separable = problem.decay == 0 and (
                separable or _linearly_separable(problem)
            )
            advice = (
                "the data are linearly separable, so no optimum exists and more "
                "steps only make the weights larger: a larger tol or a smaller "
                "max_iter stops earlier, and regularisation (a finite C, e.g. "
                "C=1.0 as in scikit-learn's LogisticRegression) gives the cost a "
                "minimum"
                if separable
                else "increase max_iter, or standardise the features (e.g. with "
                "sklearn.preprocessing.StandardScaler)"
            )
            warnings.warn(
                f"gradient descent did not reach tol={self.tol:g} in "
                f"max_iter={self.max_iter} steps (largest gradient entry "
                f"{result.gradient_norm:.3g}, step size {step_size:.3g}); {advice}",
                ConvergenceWarning,
                stacklevel=2,
            )
        self.step_size_ = step_size
        self.n_iter_ = result.n_steps
        self.cost_history_ = result.costs
        self._set_parameters(result)
        return self

    def partial_fit(
        self,
        X: ArrayLike,
        y: ArrayLike,
        classes: ArrayLike | None = None,
        sample_weight: ArrayLike | None = None,
    ) -> LogisticRegressionGD:
        """Make one gradient-descent step on the chunk ``(X, y)``, as ``SGDClassifier`` does.

        The chunk is the batch: one call computes the chunk's cost and gradient at
        the current parameters and updates them once, the step of
        :func:`~binary_logreg.gradient_descent` on these samples only. Feeding a
        training set chunk by chunk, in order, for one pass makes the same updates
        as ``gradient_descent(..., batch_size=B, steps=1)`` with chunks of B
        samples; data that do not fit in memory can be read and fed a chunk at a
        time. ``max_iter`` and ``tol`` are not used: each call makes one step.

        With a finite ``C``, the step adds the penalty's gradient
        :math:`w / (C \\sum_{m \\in \\text{chunk}} s_m)`: the total weight of all
        the data is unknown chunk by chunk, so each call treats its chunk as the
        whole training set. To apply the penalty of :meth:`fit` on all M samples
        (Keras's per-batch penalty, and ``gradient_descent(..., batch_size=B,
        C=C)``), pass ``C`` times M / B for chunks of B samples (with weights:
        times the whole weight over the chunk's).

        The first call starts from ``init`` (unless :meth:`fit` ran before: then
        training goes on from the fitted parameters) and fixes the step size: with
        ``step_size="auto"``, :math:`1/\\beta` of that first chunk
        (:func:`~binary_logreg.step_size_limit` / 2), kept in ``step_size_``.
        Mini-batch updates see a noisy gradient, so a step size that suits the
        full batch may not suit small chunks: give a number if in doubt.

        Parameters
        ----------
        X : array_like of shape (n_samples, n_features)
            One chunk of training data, finite.
        y : array_like of shape (n_samples,)
            Its labels; a chunk may hold only one class.
        classes : array_like of shape (2,), optional
            The two class labels. Required on the first call (no chunk need show
            both classes); later calls may repeat it, and it must then be the same.
        sample_weight : array_like of shape (n_samples,), optional
            Weights of the chunk's samples; the chunk's cost is
            :math:`\\sum_m s_m L_m / \\sum_m s_m`. A later chunk whose weights
            are all zero makes no step; a first one is an error.

        Returns
        -------
        self

        Raises
        ------
        ValueError
            Without ``classes`` on the first call, with other than two classes,
            with labels outside ``classes_``, with ``class_weight="balanced"``
            (the class frequencies of the whole data are unknown chunk by chunk:
            pass them as a dict, e.g. from
            ``sklearn.utils.class_weight.compute_class_weight``), or with a
            number of features other than the first call's, or when every
            sample of the first chunk weighs 0. A first call that raises leaves
            the estimator unfitted.
        FloatingPointError
            If the step makes the parameters or the cost non-finite.

        Warns
        -----
        binary_logreg.DivergenceWarning
            If the step raised the chunk's cost: the step size is too large for
            it (the message gives :func:`~binary_logreg.step_size_limit`).
        """
        _check_parameters(self.get_params())
        if self.class_weight == "balanced":
            raise ValueError(
                "class_weight='balanced' is not supported by partial_fit: one chunk "
                "does not tell the class frequencies of the whole data; pass "
                "class_weight as a dict, e.g. compute_class_weight('balanced', "
                "classes=classes, y=y) on a large enough sample of the labels"
            )
        first_call = not hasattr(self, "coef_")
        try:
            self._partial_fit_step(X, y, classes, sample_weight, first_call)
        except Exception:
            if first_call:  # never half-fitted: forget what the failed call set
                for name in _FITTED_ATTRIBUTES:
                    self.__dict__.pop(name, None)
            raise
        return self

    def _partial_fit_step(
        self,
        X: ArrayLike,
        y: ArrayLike,
        classes: ArrayLike | None,
        sample_weight: ArrayLike | None,
        first_call: bool,
    ) -> None:
        """The work of :meth:`partial_fit`; on the first call it may leave a half state."""
        X, y = validate_data(
            self, X, y, dtype=np.float64, y_numeric=False, reset=first_call
        )
        check_classification_targets(y)
        self._set_partial_fit_classes(classes, first_call)
        # compared as Python objects: NumPy 1 warns when numbers meet strings
        known = self.classes_.tolist()
        unknown = [label for label in np.unique(y).tolist() if label not in known]
        if unknown:
            raise ValueError(
                f"y holds labels {unknown[:5]} that are not in classes_ = {known}"
            )
        y_encoded = (y == self.classes_[1]).astype(np.intp)
        try:
            problem = self._problem(X, y, y_encoded, sample_weight, chunk=True)
        except _WeightlessChunk:
            if first_call:
                raise ValueError(
                    "the first call to partial_fit needs a chunk with some weight: "
                    "sample_weight (times class_weight) is 0 for all its samples, "
                    "so there is nothing to start from; the estimator stays unfitted"
                ) from None
            return  # nothing in this chunk weighs: no step
        if first_call:
            self.step_size_ = self._step_size(problem)
            w, b = self._initial_parameters(X.shape[1])
            self.n_iter_, self.cost_history_ = 0, np.empty(0)
        else:
            w, b = self.coef_.T, self.intercept_[0]
            if self.step_size != "auto":
                self.step_size_ = float(self.step_size)
        # one step of the training loop on this chunk; the chunk's cost before and
        # after it are compared (DivergenceWarning), as fit compares its steps'
        result, _ = _run(
            problem, w, b, step_size=self.step_size_, steps=1, tol=None,
            record_every=1,
        )  # fmt: skip
        self.n_iter_ += 1
        self.cost_history_ = np.append(self.cost_history_, result.costs)
        self._set_parameters(result)

    def _set_partial_fit_classes(self, classes: ArrayLike | None, first: bool) -> None:
        """Set ``classes_`` on the first call; later, check ``classes`` agrees with it."""
        if classes is None:
            if first:
                raise ValueError(
                    "classes must be passed on the first call to partial_fit: a "
                    "chunk need not show both classes"
                )
            return
        classes = np.unique(classes)
        if len(classes) != 2:
            raise ValueError(
                f"LogisticRegressionGD is a binary classifier: classes must hold "
                f"exactly 2 labels, got {len(classes)}: {classes[:5].tolist()}"
            )
        if first:
            self.classes_ = classes
        elif not np.array_equal(classes, self.classes_):
            raise ValueError(
                f"classes={classes.tolist()} is not the same as classes_ = "
                f"{self.classes_.tolist()} of the earlier calls"
            )

    def _problem(
        self,
        X: NDArray[np.float64],
        y: NDArray,
        y_encoded: NDArray[np.intp],
        sample_weight: ArrayLike | None,
        chunk: bool = False,
    ) -> _Problem:
        """The training problem in the course layout, with the weight :math:`s_m` of
        every sample: ``sample_weight`` times ``class_weight``.

        The weights stay ``None`` when neither is given (every sample weighs 1). A
        whole training set needs weight on both classes; a ``chunk`` of
        :meth:`partial_fit` only some weight (else ``_WeightlessChunk``).
        """
        n_samples = len(y)
        if sample_weight is None:
            s = None if self.class_weight is None else np.ones(n_samples)
        else:
            s = _checked_sample_weight(sample_weight, n_samples)
            if not chunk and not s.max() > 0:
                raise ValueError(
                    "sample_weight must not be all zero: every sample would have "
                    "zero weight"
                )
        if self.class_weight == "balanced":
            # weight of class c: (sum of all s_m) / (2 * sum of s_m over class c),
            # from the weights scaled by the largest, so that no sum can overflow
            with np.errstate(under="ignore"):
                class_totals = self._class_totals(s / s.max(), y_encoded)
            s = s * (class_totals.sum() / (2.0 * class_totals))[y_encoded]
        elif isinstance(self.class_weight, dict):
            unknown = set(self.class_weight) - set(self.classes_.tolist())
            if unknown:
                raise ValueError(
                    f"class_weight has key(s) {sorted(map(repr, unknown))} that are "
                    f"not classes of y; the classes are {self.classes_.tolist()}"
                )
            s = s * compute_sample_weight(self.class_weight, y)
        if s is not None:
            if chunk and not s.max() > 0:
                raise _WeightlessChunk
            if not chunk:
                with np.errstate(over="ignore"):  # an infinite total is not zero
                    self._class_totals(s, y_encoded)
        # the course layout (N, M) and (1, M); the weights scaled in one place
        Y = y_encoded.reshape(1, -1).astype(np.float64)
        return _problem(X.T, Y, s, require_both=False, C=self.C)

    def _step_size(self, problem: _Problem) -> float:
        """The step size: the given one, or :math:`1/\\beta` of the problem for "auto"."""
        if self.step_size == "auto":
            # 1/(beta + lambda), the penalty's curvature included
            return _step_size_limit(problem.X, problem.s, problem.decay) / 2.0
        return float(self.step_size)

    def _initial_parameters(self, n_features: int) -> tuple[NDArray[np.float64], float]:
        """Zeros, or the course's uniform draw seeded by ``random_state``."""
        if self.init == "uniform":
            w, b = initial_parameters(n_features, self.random_state)
            return w, float(b.item())
        return np.zeros((n_features, 1)), 0.0

    def _set_parameters(self, result: GradientDescentResult) -> None:
        """``coef_`` and ``intercept_`` from a training result."""
        self.coef_ = result.w.T.copy()
        self.intercept_ = np.array([result.b])

    def _class_totals(
        self, s: NDArray[np.float64], y_encoded: NDArray[np.intp]
    ) -> NDArray[np.float64]:
        """Total weight of each class; raise if one has none (the cost has no minimum)."""
        class_totals = np.bincount(y_encoded, weights=s, minlength=2)
        if (class_totals == 0).any():
            label = self.classes_.tolist()[int(np.argmin(class_totals))]
            raise ValueError(
                f"the weights give class {label!r} a total weight of zero (all its "
                "samples have sample_weight 0, or its class_weight is 0); training "
                "needs weight on both classes"
            )
        return class_totals

    def decision_function(self, X: ArrayLike) -> NDArray[np.float64]:
        """Logits :math:`z = w^\\mathsf{T} x + b` of each sample, shape (M,)."""
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return X @ self.coef_[0] + self.intercept_[0]

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Probabilities of ``classes_[0]`` and ``classes_[1]``, shape (M, 2)."""
        z = self.decision_function(X)
        # sigma(-z) = 1 - sigma(z), without the cancellation of 1 - sigma(z) near 1
        return np.column_stack([_sigmoid(-z), _sigmoid(z)])

    def predict_log_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Logarithm of :meth:`predict_proba`, computed from the logits without underflow."""
        z = self.decision_function(X)
        # log sigma(z) = -log(1 + e^{-z}) = -logaddexp(0, -z); inside logaddexp
        # e^{-|z|} underflows for |z| > 708, harmlessly: log1p of it is still right
        with np.errstate(under="ignore"):
            return np.column_stack([-np.logaddexp(0.0, z), -np.logaddexp(0.0, -z)])

    def predict(self, X: ArrayLike) -> NDArray:
        """Class labels: ``classes_[1]`` where the probability is at least 0.5."""
        positive = self.predict_proba(X)[:, 1] >= 0.5
        return self.classes_[positive.astype(int)]
