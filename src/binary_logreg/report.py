"""A report of a trained model on one data set: cost, metrics and confusion matrix."""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from binary_logreg._validation import (
    check_bias,
    check_binary_labels,
    check_data_matrix,
    check_threshold,
    check_weights,
)
from binary_logreg.cost import _cost_from_logits
from binary_logreg.metrics import (
    _accuracy,
    _check_label_pair,
    _confusion_matrix,
    _f1_score,
    _precision,
    _recall,
)
from binary_logreg.model import _linear, _predict_labels, _sigmoid

__all__ = ["ClassificationReport", "classification_report", "evaluate"]


@dataclass(frozen=True)
class ClassificationReport:
    """All metrics of one model on one data set.

    Attributes
    ----------
    confusion_matrix : ndarray of int, shape (2, 2)
        ``[[TN, FP], [FN, TP]]``, rows true labels, columns predictions.
    accuracy, precision, recall, f1 : float
        See :func:`~binary_logreg.accuracy`, :func:`~binary_logreg.precision`,
        :func:`~binary_logreg.recall` and :func:`~binary_logreg.f1_score`.
    cost : float or None
        The cross-entropy cost, if the report was made from probabilities or logits.
    """

    confusion_matrix: NDArray[np.int64]
    accuracy: float
    precision: float
    recall: float
    f1: float
    cost: float | None = None

    @property
    def n_samples(self) -> int:
        """Number of samples M the report is about."""
        return int(self.confusion_matrix.sum())

    @property
    def confusion_matrix_percent(self) -> NDArray[np.float64]:
        """The confusion matrix in percent of all M samples (the four entries sum to 100)."""
        return 100.0 * self.confusion_matrix / self.n_samples

    def as_dict(self) -> dict[str, float]:
        """The scalar metrics as a dict, handy for tables."""
        scalars = {
            "cost": self.cost,
            "accuracy": self.accuracy,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }
        return {name: value for name, value in scalars.items() if value is not None}

    def __str__(self) -> str:
        (tn, fp), (fn, tp) = self.confusion_matrix.tolist()
        (tn_p, fp_p), (fn_p, tp_p) = self.confusion_matrix_percent.tolist()
        lines = [f"{name:>9}: {value:.6f}" for name, value in self.as_dict().items()]
        width = max(len(str(v)) for v in (tn, fp, fn, tp))
        lines += [
            "confusion matrix (rows: true 0/1, columns: predicted 0/1)",
            f"  {tn:>{width}} {fp:>{width}}    {tn_p:6.2f}% {fp_p:6.2f}%",
            f"  {fn:>{width}} {tp:>{width}}    {fn_p:6.2f}% {tp_p:6.2f}%",
        ]
        return "\n".join(lines)


def classification_report(
    y_true: ArrayLike, y_pred: ArrayLike, *, cost: float | None = None
) -> ClassificationReport:
    """Compute every metric of predicted labels ``y_pred`` against ``y_true``.

    The labels are checked and counted into the confusion matrix once; every
    metric is then computed from that matrix, with the formulas of
    :func:`~binary_logreg.accuracy`, :func:`~binary_logreg.precision`,
    :func:`~binary_logreg.recall` and :func:`~binary_logreg.f1_score` (zero
    division gives 0.0, their default).

    Parameters
    ----------
    y_true, y_pred : array_like
        Labels in {0, 1}, the same number of samples.
    cost : float, optional
        A cost to carry along in the report.

    Returns
    -------
    ClassificationReport
    """
    cm = _confusion_matrix(*_check_label_pair(y_true, y_pred))
    if cost is not None:
        if isinstance(cost, bool) or not isinstance(cost, numbers.Real):
            raise TypeError(
                f"cost must be a real number or None, got {cost!r} of type "
                f"{type(cost).__name__}"
            )
        cost = float(cost)
    return _report_from_confusion_matrix(cm, cost)


def _report_from_confusion_matrix(
    cm: NDArray[np.int64], cost: float | None
) -> ClassificationReport:
    """:func:`classification_report` from a confusion matrix, without input checks."""
    return ClassificationReport(
        confusion_matrix=cm,
        accuracy=_accuracy(cm),
        precision=_precision(cm, 0.0),
        recall=_recall(cm, 0.0),
        f1=_f1_score(cm, 0.0),
        cost=cost,
    )


def evaluate(
    w: ArrayLike, b: ArrayLike, X: ArrayLike, Y: ArrayLike, *, threshold: float = 0.5
) -> ClassificationReport:
    """Report the cost and metrics of the model ``(w, b)`` on data ``(X, Y)``.

    The cost is computed from logits (:func:`~binary_logreg.cost_from_logits`) and
    the labels are predicted as :math:`\\hat y \\ge` ``threshold``. The input is
    checked once, then forward propagation, the cost and the metrics run unchecked.

    Parameters
    ----------
    w : array_like, shape (N, 1) or (N,)
        Weights.
    b : float
        Bias.
    X : array_like, shape (N, M)
        Data, one column per sample.
    Y : array_like, shape (1, M) or (M,)
        True labels in {0, 1}.
    threshold : float, default=0.5
        Decision threshold on the probability.

    Returns
    -------
    ClassificationReport

    Raises
    ------
    ValueError
        If an argument is invalid, or if the logits :math:`Z = w^\\mathsf{T} X + b`
        overflow (weights and features too large for float64).
    """
    X = check_data_matrix(X)
    Y = check_binary_labels(Y, "Y", X.shape[1])
    w = check_weights(w, X.shape[0])
    b = check_bias(b)
    threshold = check_threshold(threshold)

    with np.errstate(over="ignore", invalid="ignore"):  # reported just below
        Z = _linear(w, b, X)  # (eq-linear)
    if not np.isfinite(Z).all():
        first = int(np.argmax(~np.isfinite(Z)))
        raise ValueError(
            f"Z = w^T X + b must be finite, but it overflows for "
            f"{int((~np.isfinite(Z)).sum())} sample(s) (the first at index {first}): "
            "w and X are too large for float64; standardise the features"
        )
    A = _sigmoid(Z)  # (eq-sigmoid)
    y_pred = _predict_labels(A, threshold).ravel().astype(bool)
    cm = _confusion_matrix(Y.ravel().astype(bool), y_pred)
    return _report_from_confusion_matrix(cm, _cost_from_logits(Y, Z))
