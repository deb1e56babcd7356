r"""Checkers for the "Your turn" exercises: run the learner's function, name the mistake.

Each ``check_*`` function calls the learner's function on the cases of its exercise
in ``binary_logreg.exercises.table`` (one and five features, one and 200
samples, logits of :math:`\pm 50` and :math:`\pm 800`, all labels 0, all labels 1,
``steps = 0`` and 300 small steps, ...), each call within a time limit
(``safe_call.TIME_LIMIT``, 5 s), compares what it
returns with the package's own functions and returns a :class:`CheckResult` that
says whether it passed, what is wrong, on which input, and which equation to reread.
It judges behaviour: it runs the function, and reads neither its source nor its
bytecode, except for one thing: a ``precision_recall_f1`` that calls a
``confusion_matrix`` of the notebook gets that one checked first, so that two
mistakes cannot cancel.

When the values are wrong, the checker compares them with the answers of the known
mistakes in :data:`MISTAKES` and names every one that fits. Every exception of the
learner's function is caught (``exit()`` too) but KeyboardInterrupt; the only error
the checkers raise themselves is :class:`TypeError` for an argument that is not
callable.

>>> import numpy as np
>>> from binary_logreg.exercises import check_sigmoid
>>> check_sigmoid(lambda z: 1 / (1 + np.exp(-z))).passed  # warns at z = -800: a note
True
>>> result = check_sigmoid(lambda z: np.exp(z) / (1 + np.exp(z)))
>>> result.passed, result.mistakes
(False, ('sigmoid NaN at large z',))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .result import CheckResult
from .runner import check
from .table import EXERCISES, MISTAKES, Mistake

__all__ = [
    "EXERCISES",
    "MISTAKES",
    "CheckResult",
    "Mistake",
    "check_backward",
    "check_confusion_matrix",
    "check_cost",
    "check_forward",
    "check_gradient_descent",
    "check_model",
    "check_penalised_descent",
    "check_precision_recall_f1",
    "check_predict",
    "check_sigmoid",
    "check_train",
]

_RETURNS = """

    Parameters
    ----------
    fn : callable
        The learner's function.

    Returns
    -------
    CheckResult

    Raises
    ------
    TypeError
        If ``fn`` is not callable.
    """


def _checker(key: str, summary: str) -> Callable[[Any], CheckResult]:
    def checker(fn: Callable[..., Any]) -> CheckResult:
        return check(fn, key)

    checker.__name__ = checker.__qualname__ = f"check_{key}"
    checker.__doc__ = summary + _RETURNS
    return checker


check_sigmoid = _checker(
    "sigmoid",
    r"""Check ``sigmoid(z)``, :math:`\sigma(z) = 1/(1 + e^{-z})` of every entry of an array, equation :eq:`eq-sigmoid`.""",
)
check_cost = _checker(
    "cost",
    r"""Check ``cost(Y, A)``, the mean binary cross-entropy (a number), equations :eq:`eq-loss` and :eq:`eq-cost`; a = 0 or 1 on the side of the label is allowed.""",
)
check_forward = _checker(
    "forward",
    r"""Check ``forward(w, b, X)``, :math:`A = \sigma(w^\mathsf{T} X + b)` of shape (1, M), equation :eq:`eq-forward`; ``b`` a number or a (1, 1) array.""",
)
check_backward = _checker(
    "backward",
    r"""Check ``backward(X, Y, A)``, which returns ``(dw, db)`` (or a mapping), equations :eq:`eq-dz`, :eq:`eq-dw` and :eq:`eq-db`; against the package and central finite differences.""",
)
check_gradient_descent = _checker(
    "gradient_descent",
    r"""Check ``gradient_descent(X, Y, w_init, b_init, step_size, steps)``, which returns ``(w, b)`` after ``steps`` updates (further items ignored) and leaves ``w_init`` as it is, equation :eq:`eq-update`.""",
)
check_penalised_descent = _checker(
    "penalised_descent",
    r"""Check ``penalised_descent(X, Y, w_init, b_init, step_size, steps, C)``, gradient descent with the L2 penalty :math:`\lambda = 1/(CM)` on ``w``, which returns ``(w, b)`` (further items ignored), equations :eq:`eq-penalised-cost` and :eq:`eq-penalised-dw`.""",
)
check_train = _checker(
    "train",
    r"""Check the capstone's ``train(X, Y, w_init, b_init, step_size, steps)``, which returns ``(w, b, costs)``, the costs one per step before its update, equations :eq:`eq-update` and :eq:`eq-cost`.""",
)
check_predict = _checker(
    "predict",
    r"""Check the capstone's ``predict(w, b, X)``, labels of shape (1, M): 1 where :math:`\sigma(w^\mathsf{T} X + b) \ge 0.5` (0.5 itself too), 0 elsewhere, equation :eq:`eq-decision-boundary`.""",
)
check_model = _checker(
    "model",
    r"""Check the capstone's ``model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps)``, which returns a dict (or a tuple) of ``w``, ``b``, ``costs``, ``train_accuracy`` and ``test_accuracy``, the accuracies as fractions, equation :eq:`eq-accuracy`; its calls of ``train`` and ``predict`` get the package's.""",
)
check_confusion_matrix = _checker(
    "confusion_matrix",
    r"""Check ``confusion_matrix(y_true, y_pred)``, the counts ``[[TN, FP], [FN, TP]]`` of 1-D labels 0 and 1, equation :eq:`eq-confusion-matrix`.""",
)
check_precision_recall_f1 = _checker(
    "precision_recall_f1",
    r"""Check ``precision_recall_f1(y_true, y_pred)``, equations :eq:`eq-precision`, :eq:`eq-recall` and :eq:`eq-f1`; where a ratio is 0 / 0 the answer is 0, as in scikit-learn and binary_logreg.""",
)
