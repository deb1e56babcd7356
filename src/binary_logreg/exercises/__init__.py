r"""Checkers for the "Your turn" exercises: run the learner's function, name the mistake.

Each ``check_*`` function calls the learner's function on the cases of its exercise
in ``binary_logreg.exercises.table`` (one and five features, one and 200 samples,
logits of :math:`\pm 50` and :math:`\pm 800`, all labels 0, all labels 1,
``steps = 0`` and 300 small steps, ...), each call within a time limit
(``safe_call.TIME_LIMIT``, 5 s), compares what it returns with the package's own
functions and returns a :class:`CheckResult` that says whether it passed, what is
wrong, on which input, and which equation to reread.
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

__all__ = ["EXERCISES", "MISTAKES", "CheckResult", "Mistake"]
__all__ += [f"check_{key}" for key in EXERCISES]

_RETURNS = """

    ``fn`` is the learner's function; the verdict is a :class:`CheckResult`. Raises
    :class:`TypeError` if ``fn`` is not callable (the function itself is meant).
    """


def _checker(key: str) -> Callable[[Any], CheckResult]:
    def checker(fn: Callable[..., Any]) -> CheckResult:
        return check(fn, key)

    checker.__name__ = checker.__qualname__ = f"check_{key}"
    checker.__doc__ = EXERCISES[key].summary + _RETURNS
    return checker


check_sigmoid = _checker("sigmoid")
check_cost = _checker("cost")
check_forward = _checker("forward")
check_backward = _checker("backward")
check_gradient_descent = _checker("gradient_descent")
check_penalised_descent = _checker("penalised_descent")
check_train = _checker("train")
check_predict = _checker("predict")
check_model = _checker("model")
check_confusion_matrix = _checker("confusion_matrix")
check_precision_recall_f1 = _checker("precision_recall_f1")
