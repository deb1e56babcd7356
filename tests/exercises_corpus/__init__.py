"""A corpus of learner implementations the checker's catalogue does not hold.

Each module holds, for one or two exercises, functions a learner might write: wrong
ones (each labelled with the mistake the checker should name, or only "fail" when
any precise verdict will do) and right but unusual ones. ``LEARNERS`` lists them as
:class:`Learner` records; ``tally`` runs a checker module on all of them and counts
false passes, false fails, crashes and vague verdicts (a hang ends the process).

Run ``python tests/exercises_corpus`` to print the counts for the checker of the
working tree.
"""

from __future__ import annotations

import faulthandler
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

#: the category of a learner that never returns: the checker must stop it
HANG = "did not return in time"


def _float_of_a_matrix() -> bool:
    """Whether float() reads an array of shape (1, 1) (NumPy 1: with a deprecation
    warning); from NumPy 2 on it raises TypeError, a mistake with a b of that shape."""
    import warnings

    import numpy as np

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return float(np.ones((1, 1))) == 1
        except TypeError:
            return False


FLOAT_OF_A_MATRIX = _float_of_a_matrix()


@dataclass(frozen=True)
class Learner:
    """One learner's function and the verdict it deserves."""

    exercise: str  # "sigmoid", "cost", ..., "train"
    fn: Callable = field(repr=False)
    #: "pass", "fail", or "fail:<the name of the mistake the checker should give>"
    expected: str
    label: str = ""

    @property
    def id(self) -> str:
        return f"{self.exercise}-{self.label or self.fn.__name__}"

    @property
    def should_pass(self) -> bool:
        return self.expected == "pass"

    @property
    def category(self) -> str:
        return self.expected.partition(":")[2]


LEARNERS: list[Learner] = []


def learner(exercise: str, expected: str):
    """Register the decorated function as a learner's answer to ``exercise``."""

    def register(fn: Callable) -> Callable:
        LEARNERS.append(Learner(exercise, fn, expected))
        return fn

    return register


def cell(exercise: str, expected: str, label: str, source: str) -> None:
    """Register the function ``exercise`` that ``source`` defines in a notebook of
    its own (with ``np`` and ``bl`` imported), as a learner runs it."""
    import numpy as np

    import binary_logreg as bl

    namespace = {"np": np, "bl": bl}
    exec(source, namespace)
    LEARNERS.append(Learner(exercise, namespace[exercise], expected, label))


def judge(checks, item: Learner, limit: float = 20.0, file=None) -> str:
    """The outcome of one learner: "right", "false pass", "false fail", "crash",
    "vague" (a fail without a recognised mistake where one is named) or "misnamed" (a
    fail naming other mistakes than the expected one). A hang cannot be stopped from
    inside (the learner's loop may swallow any exception, and the checker's own timer
    takes the alarm): after ``limit`` seconds the process ends with the stack of every
    thread written to ``file`` (default stderr), so that a hang fails CI at once."""
    check = getattr(checks, f"check_{item.exercise}", None)
    if check is None:  # today's checker checks train as a gradient descent
        check = checks.check_gradient_descent
    faulthandler.dump_traceback_later(limit, exit=True, file=file or sys.stderr)
    try:
        result = check(item.fn)
    except BaseException:
        return "crash"
    finally:
        faulthandler.cancel_dump_traceback_later()
    if result.passed != item.should_pass:
        return "false pass" if result.passed else "false fail"
    if item.category and item.category not in result.mistakes:
        return "misnamed" if result.mistakes else "vague"
    return "right"


def load() -> list[Learner]:
    """Every learner of the corpus."""
    from . import (  # noqa: F401 - they register
        backprop,
        capstone,
        cost,
        descent,
        elsewhere,
        heldout_categories,
        heldout_course,
        heldout_edges,
        heldout_loops,
        heldout_numeric,
        heldout_right,
        metrics,
        model,
        oddities,
        regularisation,
        shapes,
        unusual,
    )

    return LEARNERS


def tally(checks) -> dict[str, list[str]]:
    """The ids of the learners of each outcome of :func:`judge`."""
    outcomes: dict[str, list[str]] = {}
    for item in load():
        outcomes.setdefault(judge(checks, item), []).append(item.id)
    return outcomes
