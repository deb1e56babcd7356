"""The table: every exercise (signature, cases, reference, equations) and every mistake.

A mistake is recognised from behaviour only. Most are a transform of the right
answer (scaled, negated, transposed, reordered) or the right computation with one
switch turned; each one's ``predict`` gives, from the learner's arguments, what the
mistaken function returns. The worksheets (``docs/exercises/make_worksheets.py``)
read the exercises from here too.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from binary_logreg.cost import _cost_from_logits, cost
from binary_logreg.gradcheck import gradient_check
from binary_logreg.metrics import (
    _accuracy,
    _confusion_matrix,
    _f1_score,
    _precision,
    _recall,
    confusion_matrix,
)
from binary_logreg.model import (
    _backward,
    _linear,
    _predict_labels,
    _sigmoid,
    backward,
    forward,
    sigmoid,
)

Parts = dict[str, NDArray[np.float64]]


def _row(values: Any) -> NDArray[np.float64]:
    return np.asarray(values, dtype=np.float64)


def _scalar(value: Any) -> NDArray[np.float64]:
    return _row(value).reshape(())


# -------------------------------------------------------------------- references
def _logits(w: Any, b: Any, X: Any) -> NDArray[np.float64]:
    return _linear(_row(w), float(_scalar(b)), _row(X))  # (eq-linear)


def _descent(X, Y, w, b, step_size, steps, *, sign=1.0, update_bias=True) -> Parts:
    """The package's gradient descent, plainly, with switches for the mistakes; the
    costs are those before each update."""
    return _penalised_descent(
        X, Y, w, b, step_size, steps, np.inf, sign=sign, update_bias=update_bias
    )


def _penalised_descent(
    X,
    Y,
    w,
    b,
    step_size,
    steps,
    C,
    *,
    sign=1.0,
    update_bias=True,
    decay_factor=1.0,
    bias_decay=0.0,
) -> Parts:
    """Gradient descent with the L2 penalty λ = 1/(C M) (eq-penalised-dw); the
    mistakes scale λ (``decay_factor``) or penalise the bias too (``bias_decay``)."""
    X, Y, w, b = _row(X), _row(Y), _row(w).reshape(-1, 1), float(_scalar(b))
    decay = decay_factor / (float(C) * X.shape[1])  # λ = 1/(C M) (eq-penalised-cost)
    costs = []
    for _ in range(steps):
        Z = _linear(w, b, X)
        A = _sigmoid(Z)  # (eq-forward)
        costs.append(_cost_from_logits(Y, Z))  # (eq-cost-logits)
        dw, db = _backward(X, Y, A)  # (eq-dz), (eq-dw), (eq-db)
        dw = dw + decay * w  # (eq-penalised-dw)
        db = db + bias_decay * decay * b
        w = w - sign * step_size * dw  # (eq-update)
        b = b - sign * step_size * db if update_bias else b
    return {"w": w, "b": _scalar(b), "costs": _row(costs)}


def _counts(y_true: Any, y_pred: Any) -> NDArray[np.int64]:
    return _confusion_matrix(_row(y_true).ravel() > 0, _row(y_pred).ravel() > 0)


def _labels(w: Any, b: Any, X: Any) -> NDArray[np.int64]:
    """The package's labels, 1 where a = σ(z) ≥ 0.5 (eq-decision-boundary)."""
    return _predict_labels(_sigmoid(_logits(w, b, X)), 0.5)


def _share_right(Y: Any, labels: Any) -> NDArray[np.float64]:
    """The package's accuracy, (TP + TN) / M (eq-accuracy)."""
    return _scalar(_accuracy(_counts(Y, labels)))


def _model(
    X_train,
    Y_train,
    X_test,
    Y_test,
    w,
    b,
    step_size,
    steps,
    *,
    on_test=False,
    labels=_labels,
    share=_share_right,
) -> Parts:
    """Week 2's model(): train (on the test set, for the mistake), then the accuracy
    of the labels on both sets; ``labels`` and ``share`` switch for the mistakes."""
    X, Y = (X_test, Y_test) if on_test else (X_train, Y_train)
    fitted = _descent(X, Y, w, b, step_size, steps)
    return fitted | {
        "train_accuracy": _scalar(share(Y_train, labels(fitted["w"], fitted["b"], X_train))),
        "test_accuracy": _scalar(share(Y_test, labels(fitted["w"], fitted["b"], X_test))),
    }  # fmt: skip


def _metrics(y_true: Any, y_pred: Any) -> Parts:
    cm = _counts(y_true, y_pred)
    values = (_precision(cm, 0.0), _recall(cm, 0.0), _f1_score(cm, 0.0))
    return dict(zip(("precision", "recall", "f1"), map(_scalar, values), strict=True))


REFERENCES: dict[str, Callable[..., Parts]] = {
    "sigmoid": lambda z: {"σ(z)": _sigmoid(_row(z))},
    "cost": lambda Y, A: {"J": _scalar(cost(_row(Y), _row(A)))},
    "forward": lambda w, b, X: {"A": _sigmoid(_logits(w, b, X))},
    "backward": lambda X, Y, A: dict(
        zip(("dw", "db"), map(_row, _backward(_row(X), _row(Y), _row(A))), strict=True)
    ),
    "gradient_descent": _descent,
    "penalised_descent": _penalised_descent,
    "train": _descent,
    "confusion_matrix": lambda y_true, y_pred: {"C": _row(_counts(y_true, y_pred))},
    "precision_recall_f1": _metrics,
    "predict": lambda w, b, X: {"labels": _row(_labels(w, b, X))},
    "model": _model,
}


def _train(X, Y, w_init, b_init, step_size, steps):
    """The capstone's train, as the exercise returns it: (w, b, costs)."""
    fitted = _descent(X, Y, w_init, b_init, step_size, steps)
    return fitted["w"], float(fitted["b"]), list(fitted["costs"])


def _predict(w, b, X):
    """The capstone's predict, as the exercise returns it: labels of shape (1, M)."""
    return _labels(w, b, X)


# ------------------------------------------------------------------------- cases
@dataclass(frozen=True)
class Case:
    description: str
    args: tuple[Any, ...]
    #: parts that are 0 / 0 here: 0 is the answer, a division by zero the mistake
    undefined: frozenset[str] = frozenset()
    #: an independent second opinion: central finite differences of the cost
    numerical: Parts | None = None


def _sigmoid_cases() -> list[Case]:
    rng = np.random.default_rng(130)
    return [
        Case(
            "z = [-800, -50, -1, 0, 1, 50, 800]",
            (_row([-800, -50, -1, 0, 1, 50, 800]),),
        ),
        Case(
            "z of shape (1, 200), standard normal times 5",
            (rng.normal(0, 5, (1, 200)),),
        ),
        Case("z of shape (5, 3), standard normal", (rng.normal(size=(5, 3)),)),
        Case("z = [[-50.0]] (shape (1, 1))", (_row([[-50.0]]),)),
    ]


def _cost_cases() -> list[Case]:
    rng = np.random.default_rng(131)
    Y = (rng.random((1, 200)) < 0.5).astype(float)
    raw = [
        ("M = 200 samples, random labels, A in (0.01, 0.99)", Y, rng.uniform(0.01, 0.99, (1, 200))),
        ("M = 1: Y = [[1]], A = [[0.3]]", [[1.0]], [[0.3]]),
        ("all labels 0: Y = [[0, 0, 0, 0]], A = [[0.1, 0.2, 0.6, 0.9]]", [[0.0] * 4], [[0.1, 0.2, 0.6, 0.9]]),
        ("all labels 1: Y = [[1, 1, 1]], A = [[0.05, 0.5, 0.95]]", [[1.0] * 3], [[0.05, 0.5, 0.95]]),
        ("Y = [[0, 1, 0, 1]], A = [[0, 1, 0.2, 0.7]] (a = 0 and a = 1 on the right "
         "side: their loss is 0)", [[0.0, 1, 0, 1]], [[0.0, 1.0, 0.2, 0.7]]),
    ]  # fmt: skip
    return [Case(text, (_row(Y), _row(A))) for text, Y, A in raw]


def _forward_cases() -> list[Case]:
    rng = np.random.default_rng(132)
    raw = [
        ("N = 1, M = 1: w = [[2]], b = -0.5, X = [[0.75]]", [[2.0]], -0.5, [[0.75]]),
        ("N = 5 features, M = 200 samples, random w, b = 0.3", rng.normal(size=(5, 1)),
         0.3, rng.normal(size=(5, 200))),
        ("N = 2, M = 4 with logits z = [-800, -50, 50, 800]: w = [[1], [0]], b = 0.0 "
         "(as an array of shape (1, 1))", [[1.0], [0.0]], np.zeros((1, 1)),
         [[-800.0, -50.0, 50.0, 800.0], [1.0, 2.0, 3.0, 4.0]]),
        ("N = 1, M = 200, w = [[-1.5]], b = 2.0", [[-1.5]], 2.0, rng.normal(size=(1, 200))),
    ]  # fmt: skip
    return [Case(text, (_row(w), b, _row(X))) for text, w, b, X in raw]


def _backward_cases() -> list[Case]:
    rng = np.random.default_rng(133)
    X5, w5 = rng.normal(size=(5, 200)), rng.normal(size=(5, 1))
    Y5 = (rng.random((1, 200)) < 0.5).astype(float)
    X2, w2 = rng.normal(size=(2, 10)), _row([[1.0], [-2.0]])
    raw = [  # text, X, Y, w, b: A = σ(wᵀX + b), differentiated numerically too
        ("N = 1, M = 1: X = [[2]], Y = [[1]], A = [[0.3]]", [[2.0]], [[1.0]],
         [[np.log(0.3 / 0.7) / 2]], 0.0),
        ("N = 5 features, M = 200 samples, random labels, A = σ(wᵀX + b)", X5, Y5, w5, 0.2),
        ("all labels 0, N = 2, M = 10", X2, np.zeros((1, 10)), w2, -0.5),
        ("all labels 1, N = 2, M = 10", X2, np.ones((1, 10)), w2, -0.5),
    ]  # fmt: skip
    cases = []
    for text, X, Y, w, b in raw:
        X, Y, w = _row(X), _row(Y), _row(w)
        g = gradient_check(w, b, X, Y).numerical
        numerical = {"dw": g[:-1].reshape(-1, 1), "db": _scalar(g[-1])}
        cases.append(
            Case(text, (X, Y, _sigmoid(_linear(w, b, X))), numerical=numerical)
        )
    cases.append(
        Case(
            "N = 2, M = 4, A = [[0, 1, 0.25, 1]] (a rounds to exactly 0 or 1 for "
            "|z| > 37), Y = [[0, 1, 1, 0]]",
            (_row([[1, 2, -1, 0.5], [0, 1, 3, -2]]), _row([[0, 1, 1, 0]]), _row([[0, 1, 0.25, 1]])),
        )
    )  # fmt: skip
    return cases


def _descent_cases() -> list[Case]:
    rng = np.random.default_rng(134)
    raw = [  # text, N, M, step size, steps
        ("N = 2, M = 200, random start, step size 0.5, 20 steps", 2, 200, 0.5, 20),
        ("N = 5, M = 200, random start, step size 0.05, 30 steps", 5, 200, 0.05, 30),
        ("N = 5, M = 200, random start, step size 2.0, 10 steps", 5, 200, 2.0, 10),
        ("N = 1, M = 3: x = [-1, 0.5, 1], y = [1, 0, 1], random start, step size 1.0, "
         "5 steps", 1, 3, 1.0, 5),
        ("N = 2, M = 200, random start, step size 0.25, 1 step, b_init an array of "
         "shape (1, 1)", 2, 200, 0.25, 1),
        ("N = 3, M = 50, random start, steps = 0 (w and b stay w_init and b_init)",
         3, 50, 0.5, 0),
        ("N = 2, M = 20, random start, a small step size 0.01, 300 steps", 2, 20, 0.01, 300),
    ]  # fmt: skip
    cases = []
    for text, n, m, eta, steps in raw:
        X = rng.normal(size=(n, m))
        Y = (rng.random((1, m)) < _sigmoid(rng.normal(size=(n, 1)).T @ X)).astype(float)
        if m == 3:  # both classes, not separable
            X, Y = _row([[-1.0, 0.5, 1.0]]), _row([[1.0, 0.0, 1.0]])
        w_init, b_init = rng.uniform(-1, 1, (n, 1)), float(rng.uniform(-1, 1))
        if "b_init an array" in text:  # the course keeps b as a (1, 1) array
            b_init = np.array([[b_init]])
        cases.append(Case(text, (X, Y, w_init, b_init, eta, steps)))
    return cases


def _penalised_cases() -> list[Case]:
    """The loop's cases, each with a C that makes the penalty matter (λ = 1/(C M))."""
    strengths = [0.05, 0.01, 0.5, 1.0, 0.1, 0.2, 2.0]  # C, one per case
    return [
        Case(f"{case.description}, C = {C}", (*case.args, C))
        for case, C in zip(_descent_cases(), strengths, strict=True)
    ]


def _label_cases() -> list[Case]:
    rng = np.random.default_rng(135)
    y_true = rng.integers(0, 2, 200)
    y_pred = np.where(rng.random(200) < 0.3, 1 - y_true, y_true)
    raw = [
        ("M = 200 random labels, 30 % predicted wrong", y_true, y_pred),
        ("y_true = [0, 0, 1, 1, 1], y_pred = [0, 1, 0, 1, 1]", [0, 0, 1, 1, 1], [0, 1, 0, 1, 1]),
        ("y_true = [1, 1, 0, 1], y_pred = [1, 0, 0, 0]", [1, 1, 0, 1], [1, 0, 0, 0]),
        ("M = 1: y_true = [1], y_pred = [1]", [1], [1]),
        ("all labels 0: y_true = [0, 0, 0, 0], y_pred = [0, 1, 0, 1]", [0, 0, 0, 0], [0, 1, 0, 1]),
        ("all labels 1: y_true = [1, 1, 1], y_pred = [1, 0, 1]", [1, 1, 1], [1, 0, 1]),
        ("nothing predicted positive: y_true = [0, 1, 1], y_pred = [0, 0, 0]", [0, 1, 1], [0, 0, 0]),
        ("nothing positive at all: y_true = [0, 0], y_pred = [0, 0]", [0, 0], [0, 0]),
    ]  # fmt: skip
    cases = []
    for text, t, p in raw:
        (_, fp), (fn, tp) = _counts(t, p)
        zero = {"precision": tp + fp, "recall": tp + fn, "f1": 2 * tp + fp + fn}
        undefined = frozenset(part for part, total in zero.items() if total == 0)
        cases.append(Case(text, (np.asarray(t), np.asarray(p)), undefined))
    return cases


def _predict_cases() -> list[Case]:
    rng = np.random.default_rng(136)
    z = [-800.0, -2.0, -1e-3, 0.0, 1e-3, 2.0, 800.0]
    raw = [
        ("N = 1, M = 7 with logits z = [-800, -2, -0.001, 0, 0.001, 2, 800]: w = [[1]], "
         "b = 0.0, X = [z]", [[1.0]], 0.0, [z]),
        ("N = 2, M = 200, random w, b = 0.3", rng.normal(size=(2, 1)), 0.3,
         rng.normal(size=(2, 200))),
        ("N = 2, M = 6 with z = [0, 0, 0, 0, 5, -3] (four samples on the decision "
         "boundary, a = 0.5 exactly): w = [[2], [-1]], b = -1.0 as an array of shape "
         "(1, 1)", [[2.0], [-1.0]], np.array([[-1.0]]),
         [[0.5, 1.0, 0.0, 2.0, 3.0, -1.0], [0.0, 1.0, -1.0, 3.0, 0.0, 0.0]]),
        ("N = 1, M = 1: w = [[-1.5]], b = 2.0, X = [[1.0]]", [[-1.5]], 2.0, [[1.0]]),
    ]  # fmt: skip
    return [Case(text, (_row(w), b, _row(X))) for text, w, b, X in raw]


def _model_cases() -> list[Case]:
    rng = np.random.default_rng(137)
    raw = [  # text, N, M train, M test, step size, steps
        ("N = 2, 200 training and 80 test samples, random start, step size 0.5, "
         "30 steps", 2, 200, 80, 0.5, 30),
        ("N = 5, 100 training and 50 test samples, random start, step size 0.1, "
         "20 steps, b_init an array of shape (1, 1)", 5, 100, 50, 0.1, 20),
        ("N = 1, 3 training samples x = [-1, 0.5, 1], y = [1, 0, 1], 2 test samples "
         "x = [0.2, -2], y = [0, 1], random start, step size 1.0, 5 steps", 1, 3, 2,
         1.0, 5),
        ("N = 3, 40 training and 20 test samples, random start, steps = 0 (the "
         "accuracies of w_init and b_init)", 3, 40, 20, 0.5, 0),
    ]  # fmt: skip
    cases = []
    for text, n, m_train, m_test, eta, steps in raw:
        w_true = rng.normal(size=(n, 1))
        X = rng.normal(size=(n, m_train + m_test))
        Y = (rng.random((1, X.shape[1])) < _sigmoid(2 * w_true.T @ X)).astype(float)
        if m_train == 3:  # both classes in both sets, not separable
            X, Y = _row([[-1.0, 0.5, 1.0, 0.2, -2.0]]), _row([[1.0, 0, 1, 0, 1]])
        w_init, b_init = rng.uniform(-1, 1, (n, 1)), float(rng.uniform(-1, 1))
        if "b_init an array" in text:
            b_init = np.array([[b_init]])
        sets = (X[:, :m_train], Y[:, :m_train], X[:, m_train:], Y[:, m_train:])
        cases.append(Case(text, (*sets, w_init, b_init, eta, steps)))
    return cases


# --------------------------------------------------------------------- exercises
@dataclass(frozen=True)
class Exercise:
    """One "Your turn" exercise: the learner writes ``key``, ``check_<key>`` checks it."""

    key: str
    page: str  #: the tutorial's page that holds it
    title: str  #: its heading, a verb first
    attempt: str  #: the mistake of the first attempt the page shows
    arguments: tuple[str, ...]
    labels: dict[str, str]  #: each returned part and the equation it implements
    cases: Callable[[], list[Case]] = field(repr=False)
    rtol: float = 1e-9
    atol: float = 1e-12
    #: a returned sequence of any length (the costs): another length is a wrong value
    sequences: tuple[str, ...] = ()
    #: further returned items are ignored
    extra_items: bool = False
    #: the earlier exercises the learner's function may call: the package's then
    calls: dict[str, Callable] = field(default_factory=dict, repr=False)
    warning_note: str = ""
    close_note: str = ""

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.labels)

    @property
    def checker(self) -> str:
        return f"check_{self.key}"

    def reference(self, args: tuple[Any, ...]) -> Parts:
        full = REFERENCES[self.key](*args)
        return {part: full[part] for part in self.parts}


_EXP_NOTE = (
    "the value is right (σ(z) rounds to 0 below z = -745 anyway), but exp(-z) "
    "overflows to inf for z < -709 and NumPy warns. In a training loop that warning "
    "comes back on every step and buries the ones that matter; computing exp(-|z|) "
    "only never overflows (equation eq-sigmoid), as binary_logreg.sigmoid does."
)
_LOOP_NOTE = (
    "the values are right, but the loop warns: an exponential overflowed or a "
    "division by a = 0 or 1 happened on the way. Use the simplified dz = a - y "
    "(equation eq-dz) and a sigmoid that computes exp(-|z|) only (equation eq-sigmoid)."
)
_COST_NOTE = (
    "the value is right, but a log of 0 on the way warns (and in other inputs gives "
    "NaN); take the log only of the probability each label selects (equation eq-loss)."
)
_CLIP_NOTE = (
    "clipping the probabilities to [ε, 1 - ε] (Keras does, with ε = 1e-7) shifts the "
    "cost by about ε where a is 0 or 1"
)
_DESCENT = ("X", "Y", "w_init", "b_init", "step_size", "steps")
_UPDATE = {"w": "eq-update", "b": "eq-update"}
_MODEL = ("X_train", "Y_train", "X_test", "Y_test", *_DESCENT[2:])
_ACCURACY = {"train_accuracy": "eq-accuracy", "test_accuracy": "eq-accuracy"}
#: the earlier exercises a capstone function may call, as the exercises return them
_EARLIER = {"sigmoid": sigmoid, "forward": forward, "cost": cost, "backward": backward}

EXERCISES: dict[str, Exercise] = {
    exercise.key: exercise
    for exercise in (
        Exercise("sigmoid", "model", "Write the sigmoid", "sigmoid NaN at large z",
                 ("z",), {"σ(z)": "eq-sigmoid"}, _sigmoid_cases, atol=1e-15,
                 warning_note=_EXP_NOTE),
        Exercise("forward", "model", "Write the forward propagation",
                 "forward without the bias", ("w", "b", "X"), {"A": "eq-forward"},
                 _forward_cases, atol=1e-15, warning_note=_EXP_NOTE),
        Exercise("cost", "cost", "Write the cost", "cost NaN at a = 0 or 1", ("Y", "A"),
                 {"J": "eq-cost"}, _cost_cases, rtol=1e-6, atol=1e-9,
                 warning_note=_COST_NOTE, close_note=_CLIP_NOTE),
        Exercise("backward", "backprop", "Write the backward propagation",
                 "dz NaN at a = 0 or 1 (unsimplified chain rule)", ("X", "Y", "A"),
                 {"dw": "eq-dw", "db": "eq-db"}, _backward_cases),
        Exercise("gradient_descent", "gradient_descent", "Write the gradient-descent loop",
                 "w_init modified in place", _DESCENT, _UPDATE, _descent_cases,
                 rtol=1e-8, atol=1e-10, extra_items=True, warning_note=_LOOP_NOTE),
        Exercise("penalised_descent", "regularisation", "Add the penalty to the loop",
                 "bias penalised too", (*_DESCENT, "C"), _UPDATE, _penalised_cases,
                 rtol=1e-8, atol=1e-10, extra_items=True, warning_note=_LOOP_NOTE),
        Exercise("confusion_matrix", "metrics", "Count the confusion matrix",
                 "confusion matrix transposed", ("y_true", "y_pred"),
                 {"C": "eq-confusion-matrix"}, _label_cases, rtol=0.0, atol=1e-9),
        Exercise("precision_recall_f1", "metrics", "Compute precision, recall and F1",
                 "precision and recall swapped", ("y_true", "y_pred"),
                 {"precision": "eq-precision", "recall": "eq-recall", "f1": "eq-f1"},
                 _label_cases, calls={"confusion_matrix": confusion_matrix}),
        Exercise("train", "capstone", "Write the training loop", "one update too few",
                 _DESCENT, _UPDATE | {"costs": "eq-cost"}, _descent_cases, rtol=1e-8,
                 atol=1e-10, sequences=("costs",), warning_note=_LOOP_NOTE),
        Exercise("predict", "capstone", "Predict the labels",
                 "labels 0 at a = 0.5 (> instead of ≥)", ("w", "b", "X"),
                 {"labels": "eq-decision-boundary"}, _predict_cases, rtol=0.0, atol=1e-9,
                 calls=_EARLIER, warning_note=_EXP_NOTE),
        Exercise("model", "capstone", "Train, predict and score in model()",
                 "accuracies in percent", _MODEL, _UPDATE | {"costs": "eq-cost"} | _ACCURACY,
                 _model_cases, rtol=1e-8, atol=1e-10, sequences=("costs",),
                 calls=_EARLIER | {"train": _train, "predict": _predict},
                 warning_note=_LOOP_NOTE),
    )
}  # fmt: skip


# ---------------------------------------------------------------------- mistakes
@dataclass(frozen=True)
class Mistake:
    """One entry of the catalogue of mistakes, recognised from behaviour.

    ``check`` is the exercise's key, or ``""`` for a mistake of any exercise.
    ``kind`` says how it is recognised: ``"value"`` (the learner's finite values
    equal ``predict(*args)``), ``"nonfinite"`` (the learner's NaN or infinity sit
    where the prediction has them), ``"mutation"`` (the argument ``argument``, any
    when empty, changed in place), ``"raises"`` (an exception of a type in
    ``exceptions`` whose text holds one of ``words``; with ``undefined`` only where
    a metric is 0 / 0), ``"order"`` (the right parts in another order),
    ``"arguments"`` (right when called with the arguments in another order),
    ``"dtype"`` (a result of lower precision than float64), ``"tuple"``,
    ``"exit"`` and ``"time"``.
    """

    name: str
    check: str
    label: str
    explanation: str
    parts: tuple[str, ...] = ()
    predict: Callable[..., Parts] | None = field(default=None, repr=False)
    kind: str = "value"
    argument: str = ""
    exceptions: tuple[type[BaseException], ...] = ()
    words: tuple[str, ...] = ()
    undefined: bool = False


def _times(key: str, factor: Callable[..., float]) -> Callable[..., Parts]:
    """The prediction of ``key``'s reference scaled by ``factor(*args)``."""
    return lambda *args: {
        p: v * factor(*args) for p, v in REFERENCES[key](*args).items()
    }


def _swapped(key: str, order: tuple[str, ...]) -> Callable[..., Parts]:
    def predict(*args: Any) -> Parts:
        ours = REFERENCES[key](*args)
        return dict(zip(ours, (ours[p] for p in order), strict=True))

    return predict


def _loop_mistakes() -> list[Mistake]:
    """The mistakes of a gradient-descent loop, for both loop exercises."""

    def steps(shift: Callable[[int], int]) -> Callable[..., Parts]:
        return lambda X, Y, w, b, eta, n: _descent(X, Y, w, b, eta, shift(n))

    loop = [
        ("gradient ascent (update with +)", "Your parameters move uphill: the update "
         "subtracts the gradient, w ← w - η dw and b ← b - η db.",
         lambda X, Y, w, b, eta, n: _descent(X, Y, w, b, eta, n, sign=-1.0)),
        ("bias never updated", "Your bias stays at b_init: update it too, "
         "b ← b - η db, in every step.",
         lambda X, Y, w, b, eta, n: _descent(X, Y, w, b, eta, n, update_bias=False)),
        ("one update too few", "Your result is ours after steps - 1 updates: the loop "
         "must run `steps` times (range(steps), not range(1, steps)).",
         steps(lambda n: max(n - 1, 0))),
        ("one update too many", "Your result is ours after steps + 1 updates: the loop "
         "must run `steps` times (range(steps), not range(steps + 1) or <=).",
         steps(lambda n: n + 1)),
        ("an update at steps = 0", "With steps = 0 your loop still updates once (a "
         "loop that tests its condition at the end): with no step, w and b are "
         "w_init and b_init.", steps(lambda n: max(n, 1))),
    ]  # fmt: skip
    mistakes = [
        Mistake(name, key, "eq-update", text, EXERCISES[key].parts, predict)
        for key in ("gradient_descent", "train")
        for name, text, predict in loop
    ]
    mistakes += [
        Mistake("w_init modified in place", key, "eq-update", "After your function "
                "returns, the caller's w_init holds other numbers: `w = w_init` does not "
                "copy, so `w -= ...` changes w_init too. Write `w = w - step_size * dw` "
                "or start from `w = w_init.copy()`.", kind="mutation", argument="w_init")
        for key in ("gradient_descent", "train", "model")
    ]  # fmt: skip
    return mistakes


def _penalty_mistakes() -> list[Mistake]:
    """The mistakes of adding the L2 penalty to the loop (eq-penalised-dw)."""

    def penalised(**switches: float) -> Callable[..., Parts]:
        return lambda *args: _penalised_descent(*args, **switches)

    def per_sample(X, Y, w, b, eta, n, C) -> Parts:  # λ = 1/C, without the 1/M
        return _penalised_descent(X, Y, w, b, eta, n, C, decay_factor=_row(X).shape[1])

    raw = [
        ("bias penalised too", "eq-penalised-cost", "Your bias is pulled towards 0 "
         "like the weights: the penalty λ‖w‖²/2 is on w only, so db stays the mean "
         "of dz, without a λb.", penalised(bias_decay=1.0)),
        ("penalty without the 1/M", "eq-penalised-cost", "Your penalty is M times "
         "ours: λ = 1/(C M), the sum of the weights M in it, not 1/C.", per_sample),
        ("penalty's gradient doubled", "eq-penalised-dw", "Your penalty's gradient "
         "is 2λw: the gradient of λ‖w‖²/2 is λw.", penalised(decay_factor=2.0)),
        ("penalty added with the wrong sign", "eq-penalised-dw", "Your weights are "
         "pushed away from 0: the penalty's gradient is +λw, so dw = X dZᵀ/M + λw "
         "and the update subtracts it.", penalised(decay_factor=-1.0)),
        ("no penalty", "eq-penalised-dw", "Your result is the loop without a "
         "penalty: add λw, with λ = 1/(C M), to dw in every step.",
         penalised(decay_factor=0.0)),
    ]  # fmt: skip
    parts = EXERCISES["penalised_descent"].parts
    return [
        Mistake(name, "penalised_descent", label, text, parts, predict)
        for name, label, text, predict in raw
    ]


def _nan_sigmoid(z: Any) -> NDArray[np.float64]:
    return np.exp(_row(z)) / (1 + np.exp(_row(z)))


_NAN_SIGMOID = (
    "The form exp(z) / (1 + exp(z)) is inf / inf = NaN once exp(z) overflows (z > "
    "709), where σ(z) is 1. Use 1 / (1 + exp(-z)), or better exp(-|z|) only."
)
_SHAPES = "X is (N, M), w (N, 1), Y and A (1, M); wᵀX is w.T @ X"


def _dz_gradients(dz: Callable[[Any, Any], Any]) -> Callable[..., Parts]:
    def predict(X: Any, Y: Any, A: Any) -> Parts:
        g = dz(_row(Y), _row(A))
        return {"dw": _row(X) @ g.T / _row(X).shape[1], "db": _scalar(np.mean(g))}

    return predict


#: The catalogue of mistakes, one place: each is recognised from behaviour.
MISTAKES: tuple[Mistake, ...] = (
    # sigmoid and forward, equations (eq-sigmoid), (eq-linear), (eq-forward)
    Mistake("sigmoid NaN at large z", "sigmoid", "eq-sigmoid", _NAN_SIGMOID, ("σ(z)",),
            lambda z: {"σ(z)": _nan_sigmoid(z)}, kind="nonfinite"),
    Mistake("sigmoid of -z (sign flipped)", "sigmoid", "eq-sigmoid", "Your values are "
            "σ(-z) = 1 - σ(z): the exponent is exp(-z), with a minus sign, in "
            "σ(z) = 1 / (1 + exp(-z)).", ("σ(z)",), lambda z: {"σ(z)": _sigmoid(-_row(z))}),
    Mistake("sigmoid NaN at large z", "forward", "eq-sigmoid", _NAN_SIGMOID, ("A",),
            lambda w, b, X: {"A": _nan_sigmoid(_logits(w, b, X))}, kind="nonfinite"),
    Mistake("forward returns Z, not σ(Z)", "forward", "eq-forward", "Your A equals the "
            "logits Z = wᵀX + b: apply the sigmoid to them.", ("A",),
            lambda w, b, X: {"A": _logits(w, b, X)}),
    Mistake("forward without the bias", "forward", "eq-linear", "Your A equals σ(wᵀX): "
            "add the bias b to the logits, Z = wᵀX + b.", ("A",),
            lambda w, b, X: {"A": _sigmoid(_logits(w, 0.0, X))}),
    # cost, equations (eq-loss) and (eq-cost)
    Mistake("cost summed instead of averaged", "cost", "eq-cost", "Your cost is M times "
            "ours: J is the mean of the losses over the M samples (divide the sum by M, "
            "or use np.mean).", ("J",), _times("cost", lambda Y, A: np.size(Y))),
    Mistake("cost with log base 10", "cost", "eq-loss", "Your cost is ours divided by "
            "ln 10: the loss uses the natural logarithm (np.log), not np.log10.", ("J",),
            _times("cost", lambda Y, A: 1 / np.log(10))),
    Mistake("cost with log base 2", "cost", "eq-loss", "Your cost is ours divided by "
            "ln 2: the loss uses the natural logarithm (np.log), not np.log2.", ("J",),
            _times("cost", lambda Y, A: 1 / np.log(2))),
    Mistake("cost missing its minus sign", "cost", "eq-loss", "Your cost is negative, "
            "ours with the opposite sign: the logarithm of a probability is ≤ 0, so the "
            "loss needs a minus sign in front to be ≥ 0.", ("J",),
            _times("cost", lambda Y, A: -1.0)),
    Mistake("cost NaN at a = 0 or 1", "cost", "eq-loss", "The course form y log(a) + "
            "(1 - y) log(1 - a) computes 0 · log(0) = 0 · (-inf) = NaN for the term the "
            "label switches off, e.g. at y = 0, a = 0, where the loss is 0. Compute only "
            "the term each label selects, e.g. -np.log(np.where(Y == 1, A, 1 - A)).",
            ("J",), lambda Y, A: {"J": _scalar(-np.mean(
                _row(Y) * np.log(A) + (1 - _row(Y)) * np.log(1 - _row(A))))},
            kind="nonfinite"),
    # backward propagation, equations (eq-dz), (eq-dw), (eq-db)
    Mistake("dw without 1/M", "backward", "eq-dw", "Your dw is M times ours: the "
            "gradient of the cost, a mean over M samples, is X dzᵀ / M.", ("dw",),
            _times("backward", lambda X, Y, A: _row(X).shape[1])),
    Mistake("db summed instead of averaged", "backward", "eq-db", "Your db is M times "
            "ours: db is the mean of dz over the samples, not the sum.", ("db",),
            _times("backward", lambda X, Y, A: _row(X).shape[1])),
    Mistake("dz = da (forgot da/dz)", "backward", "eq-chain-rule", "Your gradient uses "
            "dz = dL/da = -y/a + (1 - y)/(1 - a) and leaves out the factor "
            "da/dz = a (1 - a) of the chain rule; the product simplifies to dz = a - y "
            "(equation eq-dz).", ("dw", "db"),
            _dz_gradients(lambda Y, A: -Y / A + (1 - Y) / (1 - A))),
    Mistake("dz = Y - A (sign)", "backward", "eq-dz", "Your dw and db have the opposite "
            "sign of ours: dz = a - y, not y - a (or your def line takes Y and A in the "
            "other order: it is backward(X, Y, A)). With y - a, gradient descent climbs "
            "the cost.", ("dw", "db"), _times("backward", lambda X, Y, A: -1.0)),
    Mistake("dz NaN at a = 0 or 1 (unsimplified chain rule)", "backward", "eq-dz",
            "The step-by-step dL/da · da/dz divides by a and by 1 - a, so it is NaN "
            "where a rounds to exactly 0 or 1 (|z| > 37 already gives a = 1), although "
            "dz = a - y is finite there. Use the simplified dz = a - y.", ("dw", "db"),
            _dz_gradients(lambda Y, A: (-Y / A + (1 - Y) / (1 - A)) * A * (1 - A)),
            kind="nonfinite"),
    # the loops, equation (eq-update), and the capstone's costs, equation (eq-cost)
    *_loop_mistakes(),
    *_penalty_mistakes(),
    Mistake("costs after the update", "train", "eq-cost", "Your costs are ours one step "
            "later: take each step's cost from the A of that step, before the update.",
            ("costs",), lambda X, Y, w, b, eta, n: {"costs": _descent(
                X, Y, w, b, eta, n + 1)["costs"][1:]}),
    # metrics, equations (eq-confusion-matrix), (eq-precision), (eq-recall), (eq-f1)
    Mistake("confusion matrix transposed", "confusion_matrix", "eq-confusion-matrix",
            "Your matrix is ours transposed: rows are the real class, columns the "
            "predicted one, so FP (real 0, predicted 1) sits in row 0, column 1 (check "
            "also that your def line takes y_true first).", ("C",),
            lambda t, p: {"C": _row(_counts(t, p)).T}),
    Mistake("confusion matrix with class 1 first", "confusion_matrix",
            "eq-confusion-matrix", "Your matrix is ours with both rows and columns in "
            "reverse order: class 0 comes first, [[TN, FP], [FN, TP]], as in "
            "scikit-learn and TensorFlow.", ("C",),
            lambda t, p: {"C": _row(_counts(t, p))[::-1, ::-1]}),
    Mistake("confusion matrix normalised", "confusion_matrix", "eq-confusion-matrix",
            "Your matrix holds fractions of M, ours counts: do not divide by the number "
            "of samples.", ("C",), _times("confusion_matrix", lambda t, p: 1 / np.size(t))),
    Mistake("percentages, not fractions", "confusion_matrix", "eq-confusion-matrix",
            "Your matrix holds percentages of M, ours counts: do not divide, nor "
            "multiply by 100.", ("C",),
            _times("confusion_matrix", lambda t, p: 100 / np.size(t))),
    Mistake("precision and recall swapped", "precision_recall_f1", "eq-precision",
            "Your precision is our recall and the other way round: precision = "
            "TP / (TP + FP) divides by the predicted positives, recall = TP / (TP + FN) "
            "by the real ones (equation eq-recall; check also that your def line takes "
            "y_true first).", ("precision", "recall"),
            _swapped("precision_recall_f1", ("recall", "precision", "f1"))),
    Mistake("F1 as the arithmetic mean", "precision_recall_f1", "eq-f1", "Your F1 is "
            "(precision + recall) / 2: F1 is their harmonic mean, 2 P R / (P + R) = "
            "2 TP / (2 TP + FP + FN).", ("f1",),
            lambda t, p: {"f1": (_metrics(t, p)["precision"] + _metrics(t, p)["recall"]) / 2}),
    Mistake("percentages, not fractions", "precision_recall_f1", "eq-precision",
            "Your values are ours times 100: return fractions between 0 and 1 (print "
            "them as percentages if you like, e.g. f\"{p:.1%}\").",
            ("precision", "recall", "f1"), _times("precision_recall_f1", lambda t, p: 100)),
    Mistake("NaN where a metric is 0 / 0", "precision_recall_f1", "eq-f1", "Where a ratio "
            "is 0 / 0 (nothing predicted positive, no positive present, or both) the "
            "statement asks for 0, as scikit-learn's and binary_logreg's default "
            "zero_division=0: test the denominator.", ("precision", "recall", "f1"),
            lambda t, p: {k: v * np.nan for k, v in _metrics(t, p).items()},
            kind="nonfinite"),
    Mistake("division by zero in an undefined metric", "precision_recall_f1",
            "eq-precision", "Precision is 0 / 0 when nothing is predicted positive, "
            "recall when no positive is present (and the harmonic mean for F1 when both "
            "are 0). Test the denominator and return 0 there, as scikit-learn and "
            "binary_logreg do.", kind="raises",
            exceptions=(ZeroDivisionError, FloatingPointError), undefined=True),
    # the capstone's predict, equation (eq-decision-boundary)
    Mistake("labels 0 at a = 0.5 (> instead of ≥)", "predict", "eq-decision-boundary",
            "Where a = 0.5 exactly (z = 0, on the decision boundary) your label is 0: "
            "the rule is ŷ = 1 where a ≥ 0.5, as in the course notebook and "
            "binary_logreg.predict_labels. `A > 0.5` (the deeplearning.ai assignment's "
            "rule) and np.round(A) (which rounds 0.5 down to 0) label it 0; write "
            "`A >= 0.5`.", ("labels",),
            lambda w, b, X: {"labels": _row(_sigmoid(_logits(w, b, X)) > 0.5)}),
    Mistake("probabilities returned, not labels", "predict", "eq-decision-boundary",
            "Your values are the probabilities a = σ(wᵀx + b): predict turns each into "
            "a label, 1 where a ≥ 0.5 and 0 elsewhere, e.g. (A >= 0.5).astype(int).",
            ("labels",), lambda w, b, X: {"labels": _sigmoid(_logits(w, b, X))}),
    Mistake("threshold on the logits", "predict", "eq-decision-boundary", "Your labels "
            "compare the logits z = wᵀx + b with 0.5: the threshold 0.5 is on the "
            "probability a = σ(z), which is the threshold 0 on z.", ("labels",),
            lambda w, b, X: {"labels": _row(_logits(w, b, X) >= 0.5)}),
    Mistake("labels flipped", "predict", "eq-decision-boundary", "Your labels are 1 "
            "where ours are 0 and the other way round: a is the probability of class "
            "1, so a ≥ 0.5 gives label 1.", ("labels",),
            lambda w, b, X: {"labels": 1 - _row(_labels(w, b, X))}),
    Mistake("predict without the bias", "predict", "eq-linear", "Your labels are those "
            "of σ(wᵀx): add the bias b to the logits, z = wᵀx + b.", ("labels",),
            lambda w, b, X: {"labels": _row(_labels(w, 0.0, X))}),
    Mistake("sigmoid NaN at large z", "predict", "eq-sigmoid", "Your label is 0 where "
            "z is large and positive: " + _NAN_SIGMOID[0].lower() + _NAN_SIGMOID[1:]
            + " (NaN ≥ 0.5 is False, so the label is 0.)", ("labels",),
            lambda w, b, X: {"labels": _row(_nan_sigmoid(_logits(w, b, X)) >= 0.5)}),
    # the capstone's model, equation (eq-accuracy)
    Mistake("accuracies in percent", "model", "eq-accuracy", "Your accuracies are ours "
            "times 100: return fractions between 0 and 1, (TP + TN) / M (the week-2 "
            "notebook prints 100 - mean|ŷ - y| · 100 percent; print f\"{acc:.1%}\" if "
            "you like).", tuple(_ACCURACY), lambda *args: {
                part: 100 * value for part, value in _model(*args).items()}),
    Mistake("train and test accuracy swapped", "model", "eq-accuracy", "Your "
            "train_accuracy is our test_accuracy and the other way round: the training "
            "accuracy counts the right labels of X_train against Y_train.",
            tuple(_ACCURACY), _swapped("model", ("w", "b", "costs", "test_accuracy",
                                                 "train_accuracy"))),
    Mistake("error rate, not accuracy", "model", "eq-accuracy", "Your accuracies are "
            "1 - ours, the share of wrong labels, e.g. mean|ŷ - y|: the accuracy is the "
            "share of right ones, 1 - mean|ŷ - y| or np.mean(labels == Y).",
            tuple(_ACCURACY), lambda *args: {
                part: 1 - value for part, value in _model(*args).items()}),
    Mistake("accuracy from probabilities", "model", "eq-decision-boundary", "Your "
            "accuracies are 1 - mean|a - y| of the probabilities a: count the right "
            "labels instead, from predict (a ≥ 0.5 gives 1), as (TP + TN) / M "
            "(equation eq-accuracy).", tuple(_ACCURACY),
            lambda *args: _model(*args, labels=lambda w, b, X: _sigmoid(_logits(w, b, X)),
                                 share=lambda Y, A: 1 - np.mean(np.abs(A - Y)))),
    Mistake("accuracy over every pair of samples", "model", "eq-accuracy", "Your "
            "accuracies compare every label with every sample's true label: labels of "
            "shape (M, 1) (from X.T @ w) against Y of shape (1, M) broadcast to an "
            "(M, M) matrix. Keep the labels of shape (1, M), as w.T @ X gives them, or "
            "compare labels.ravel() with Y.ravel().", tuple(_ACCURACY),
            lambda *args: _model(*args, share=lambda Y, labels: np.mean(
                _row(labels).reshape(-1, 1) == _row(Y).reshape(1, -1)))),
    Mistake("trained on the test set", "model", "eq-update", "Your w, b and costs are "
            "those of training on X_test and Y_test: train on the training set only; the "
            "test set is kept apart to measure how the model does on samples it has not "
            "seen.", ("w", "b", "costs", *_ACCURACY),
            lambda *args: _model(*args, on_test=True)),
    # any exercise
    Mistake("results in the wrong order", "", "", "Your function returns the right "
            "results in another order than the statement's.", kind="order"),
    Mistake("arguments in the wrong order", "", "", "Your function gives the right "
            "results when called with its arguments in another order: its def line "
            "must take them in the statement's order.", kind="arguments"),
    Mistake("a tuple returned, not one array", "", "", "Return only the one result the "
            "statement asks for, not a tuple with more (the course's (A, cache) belongs "
            "to another exercise).", kind="tuple"),
    Mistake("computed in float32", "", "", "float32 keeps about 7 digits, and the "
            "checker (as the package) compares to about 9: compute in float64, NumPy's "
            "default, without .astype(np.float32) or dtype=np.float32.", kind="dtype"),
    Mistake("input changed in place", "", "", "The caller's array no longer holds what "
            "it passed. Compute new arrays (`x = x - ...` rather than `x -= ...`, no "
            "`out=` argument) or work on a copy (`x = x.copy()`).", kind="mutation"),
    Mistake("called exit()", "", "", "exit(), quit() and sys.exit() stop the whole "
            "program (in a notebook, the kernel): return a value, or raise an exception "
            "with a message.", kind="exit", exceptions=(SystemExit,)),
    Mistake("did not return in time", "", "", "Is there a loop whose condition never "
            "becomes false (e.g. `while t != steps` with t += 2)?", kind="time"),
    Mistake("shapes do not fit", "", "", f"The shapes do not fit: {_SHAPES}.",
            kind="raises", exceptions=(ValueError,),
            words=("shapes", "broadcast", "core dimension", "not aligned")),
    Mistake("math module on an array", "", "", "A function of the math module "
            "(math.exp, math.log) takes one number; use NumPy's (np.exp, np.log), which "
            "work on whole arrays.", kind="raises", exceptions=(TypeError,),
            words=("only length-1", "only size-1", "only 0-dimensional")),
    Mistake("skeleton not filled in", "", "", "The skeleton is not filled in yet.",
            kind="raises", exceptions=(NotImplementedError,)),
)  # fmt: skip


def mistakes_of(key: str) -> list[Mistake]:
    """The catalogue's mistakes of the exercise ``key``, its own first."""
    return [m for m in MISTAKES if m.check == key] + [
        m for m in MISTAKES if not m.check
    ]


def permutations(n: int) -> list[tuple[int, ...]]:
    """Every other order of n items (of six, only the swaps of two)."""
    if n <= 4:
        return list(itertools.permutations(range(n)))[1:]
    swaps = []
    for i, j in itertools.combinations(range(n), 2):
        order = list(range(n))
        order[i], order[j] = j, i
        swaps.append(tuple(order))
    return swaps
