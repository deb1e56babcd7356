r"""Checkers of the "Your turn" exercises: run the learner's function, name the mistake.

Each ``check_*`` function calls the learner's function on the cases of its exercise
(each call within 5 s, every exception but KeyboardInterrupt caught), compares the
results with the package's in the types the statement fixes, and returns a
:class:`CheckResult`: what is wrong, on which input, which equation to reread, and
the known mistakes of :data:`MISTAKES` that fit, all rows of a table, ``table.ini``.

>>> import numpy as np
>>> from binary_logreg.exercises import check_sigmoid
>>> check_sigmoid(lambda z: np.exp(z) / (1 + np.exp(z))).mistakes
('sigmoid NaN at large z',)
"""

from collections.abc import Callable
from typing import Any

from .result import CheckResult
from .runner import check
from .table import EXERCISES, MISTAKES, Mistake, say

__all__ = ["EXERCISES", "MISTAKES", "CheckResult", "Mistake"]
__all__ += [f"check_{key}" for key in EXERCISES]


def _checker(key: str) -> Callable[[Any], CheckResult]:
    def checker(fn: Callable[..., Any]) -> CheckResult:
        return check(fn, key)

    checker.__name__ = checker.__qualname__ = f"check_{key}"
    exercise = EXERCISES[key]
    exact = say("exact") if exercise.exact else ""
    text = say("checker", rtol=exercise.rtol, atol=exercise.atol, exact=exact)
    checker.__doc__ = f"{exercise.summary}\n\n{text}"
    return checker


# one checker per exercise of the table: check_sigmoid, check_cost, ...
globals().update({f"check_{key}": _checker(key) for key in EXERCISES})
