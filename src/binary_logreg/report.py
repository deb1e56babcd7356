"""A report of a trained model on one data set: cost, metrics and confusion matrix."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from binary_logreg._validation import check_binary_labels, check_data_matrix
from binary_logreg.cost import cost_from_logits
from binary_logreg.metrics import (
    accuracy,
    confusion_matrix,
    f1_score,
    precision,
    recall,
)
from binary_logreg.model import linear, predict_labels, sigmoid

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
    return ClassificationReport(
        confusion_matrix=confusion_matrix(y_true, y_pred),
        accuracy=accuracy(y_true, y_pred),
        precision=precision(y_true, y_pred),
        recall=recall(y_true, y_pred),
        f1=f1_score(y_true, y_pred),
        cost=None if cost is None else float(cost),
    )


def evaluate(
    w: ArrayLike, b: ArrayLike, X: ArrayLike, Y: ArrayLike, *, threshold: float = 0.5
) -> ClassificationReport:
    """Report the cost and metrics of the model ``(w, b)`` on data ``(X, Y)``.

    The cost is computed from logits (:func:`~binary_logreg.cost_from_logits`) and
    the labels are predicted as :math:`\\hat y \\ge` ``threshold``.

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
    """
    X = check_data_matrix(X)
    Y = check_binary_labels(Y, "Y", X.shape[1])
    Z = linear(w, b, X)
    return classification_report(
        Y, predict_labels(sigmoid(Z), threshold), cost=cost_from_logits(Y, Z)
    )
