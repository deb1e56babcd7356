r"""Classification metrics for labels in {0, 1}, written out from the confusion matrix.

The confusion matrix follows the convention of ``tf.math.confusion_matrix`` and
``sklearn.metrics.confusion_matrix``: rows are the true labels, columns the
predicted labels, equation :eq:`eq-confusion-matrix`,

.. math:: C = \begin{pmatrix} \mathrm{TN} & \mathrm{FP} \\
                              \mathrm{FN} & \mathrm{TP} \end{pmatrix}.

Zero division
-------------
Precision is undefined when nothing is predicted positive (TP + FP = 0), recall
when no positive is present (TP + FN = 0), and F1 when TP + FP + FN = 0.
Each function then returns ``zero_division``, 0.0 by default, without a warning,
so no metric is NaN unless you ask for ``zero_division=numpy.nan``.
scikit-learn returns the same 0.0 by default but also warns: its default
``zero_division="warn"`` means 0.0 plus an ``UndefinedMetricWarning``.

Each formula lives in one private function of the confusion matrix
(``_accuracy(cm)``, ``_precision(cm, zero_division)`` and so on). The public
functions check their input once, build the matrix and call it;
:func:`~binary_logreg.classification_report` builds the matrix once and calls all
of them.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
from numpy.typing import ArrayLike, NDArray

from binary_logreg._validation import check_binary_labels

__all__ = ["accuracy", "confusion_matrix", "f1_score", "precision", "recall"]


def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike) -> NDArray[np.int64]:
    r"""Counts of (true, predicted) label pairs, equation :eq:`eq-confusion-matrix`.

    Parameters
    ----------
    y_true, y_pred : array_like, shape (1, M), (M,) or (M, 1)
        True and predicted labels in {0, 1}, the same number of samples.

    Returns
    -------
    ndarray of int, shape (2, 2)
        ``[[TN, FP], [FN, TP]]``: rows are true labels, columns predicted labels.

    Examples
    --------
    >>> from binary_logreg import confusion_matrix
    >>> confusion_matrix([0, 0, 1, 1, 1], [0, 1, 0, 1, 1]).tolist()
    [[1, 1], [1, 2]]
    """
    return _confusion_matrix(*_check_label_pair(y_true, y_pred))


def _check_label_pair(
    y_true: ArrayLike, y_pred: ArrayLike
) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Validate true and predicted labels; return them as flat boolean arrays."""
    y_true = check_binary_labels(y_true, "y_true").ravel().astype(bool)
    y_pred = check_binary_labels(y_pred, "y_pred").ravel().astype(bool)
    if y_true.size != y_pred.size:
        raise ValueError(
            f"y_true and y_pred must have the same number of samples, got "
            f"{y_true.size} and {y_pred.size}"
        )
    return y_true, y_pred


def _confusion_matrix(
    y_true: NDArray[np.bool_], y_pred: NDArray[np.bool_]
) -> NDArray[np.int64]:
    """:func:`confusion_matrix` without input checks, from flat boolean labels."""
    true_positive = int(np.count_nonzero(y_true & y_pred))
    false_positive = int(np.count_nonzero(~y_true & y_pred))
    false_negative = int(np.count_nonzero(y_true & ~y_pred))
    true_negative = y_true.size - true_positive - false_positive - false_negative
    return np.array(
        [[true_negative, false_positive], [false_negative, true_positive]],
        dtype=np.int64,
    )


def _check_zero_division(zero_division: float) -> float:
    if isinstance(zero_division, bool) or not isinstance(zero_division, numbers.Real):
        warn = " (scikit-learn's 'warn' is its 0.0 with a warning)" * (
            zero_division == "warn"
        )
        raise TypeError(
            f"zero_division must be 0.0, 1.0 or nan, got {zero_division!r} of type "
            f"{type(zero_division).__name__}{warn}"
        )
    value = float(zero_division)
    if not (value in (0.0, 1.0) or math.isnan(value)):
        raise ValueError(
            f"zero_division must be 0.0, 1.0 or nan, got {zero_division!r}"
        )
    return value


def _ratio(numerator: int, denominator: int, zero_division: float) -> float:
    return float(numerator / denominator) if denominator else zero_division


def _accuracy(cm: NDArray[np.int64]) -> float:
    """(TP + TN) / M from the confusion matrix ``cm``, equation (eq-accuracy)."""
    return float(np.trace(cm) / cm.sum())


def _precision(cm: NDArray[np.int64], zero_division: float) -> float:
    """TP / (TP + FP) from the confusion matrix ``cm``, equation (eq-precision)."""
    (_, fp), (_, tp) = cm
    return _ratio(tp, tp + fp, zero_division)


def _recall(cm: NDArray[np.int64], zero_division: float) -> float:
    """TP / (TP + FN) from the confusion matrix ``cm``, equation (eq-recall)."""
    _, (fn, tp) = cm
    return _ratio(tp, tp + fn, zero_division)


def _f1_score(cm: NDArray[np.int64], zero_division: float) -> float:
    """2 TP / (2 TP + FP + FN) from the confusion matrix ``cm``, equation (eq-f1)."""
    (_, fp), (fn, tp) = cm
    return _ratio(2 * tp, 2 * tp + fp + fn, zero_division)


def accuracy(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Share of correct predictions, :math:`(\mathrm{TP}+\mathrm{TN})/M`, equation :eq:`eq-accuracy`."""
    return _accuracy(confusion_matrix(y_true, y_pred))


def precision(
    y_true: ArrayLike, y_pred: ArrayLike, *, zero_division: float = 0.0
) -> float:
    r"""Positive predictive value :math:`\mathrm{TP}/(\mathrm{TP}+\mathrm{FP})`, equation :eq:`eq-precision`.

    Returns ``zero_division`` when nothing is predicted positive.
    """
    zero_division = _check_zero_division(zero_division)
    return _precision(confusion_matrix(y_true, y_pred), zero_division)


def recall(
    y_true: ArrayLike, y_pred: ArrayLike, *, zero_division: float = 0.0
) -> float:
    r"""True positive rate :math:`\mathrm{TP}/(\mathrm{TP}+\mathrm{FN})`, equation :eq:`eq-recall`.

    Returns ``zero_division`` when no positive sample is present.
    """
    zero_division = _check_zero_division(zero_division)
    return _recall(confusion_matrix(y_true, y_pred), zero_division)


def f1_score(
    y_true: ArrayLike, y_pred: ArrayLike, *, zero_division: float = 0.0
) -> float:
    r"""Harmonic mean of precision and recall, :math:`2\mathrm{TP}/(2\mathrm{TP}+\mathrm{FP}+\mathrm{FN})`, equation :eq:`eq-f1`.

    The count form equals :math:`2 / (1/\mathrm{precision} + 1/\mathrm{recall})`
    only when both are positive (TP > 0); it is 0 when TP = 0 but FP + FN > 0,
    where the harmonic mean is undefined. It returns ``zero_division`` only when
    TP + FP + FN = 0 (no positive predicted or present).
    """
    zero_division = _check_zero_division(zero_division)
    return _f1_score(confusion_matrix(y_true, y_pred), zero_division)
