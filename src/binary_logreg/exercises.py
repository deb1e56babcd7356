r"""Checkers for the "Your turn" exercises: run the reader's function, name the mistake.

Each ``check_*`` function calls the reader's function on several inputs (one and
five features, one and 200 samples, logits of :math:`\pm 50` and :math:`\pm 800`,
all labels 0, all labels 1, random starts and several step sizes), compares what
it returns with the package's own functions and returns a :class:`CheckResult`
that says whether it passed, what is wrong, on which input, and which equation to
reread. It judges behaviour only: it never reads the source, names or bytecode of
the function.

When the values are wrong, the checker compares them with the answers of the
known mistakes in :data:`MISTAKES` (each computed the wrong way on purpose) and
names every one that fits. Exceptions and warnings from the reader's function are
caught: an exception is reported with its last line, a warning becomes a note. The
only error the checkers raise themselves is :class:`TypeError` for an argument that
is not callable.

>>> import numpy as np
>>> from binary_logreg.exercises import check_sigmoid
>>> check_sigmoid(lambda z: 1 / (1 + np.exp(-z))).passed  # warns at z = -800: a note
True
>>> result = check_sigmoid(lambda z: np.exp(z) / (1 + np.exp(z)))
>>> result.passed, result.mistakes
(False, ('sigmoid NaN at large z',))
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from binary_logreg.cost import cost as _reference_cost
from binary_logreg.gradcheck import gradient_check
from binary_logreg.metrics import _confusion_matrix, _f1_score, _precision, _recall
from binary_logreg.model import _backward, _linear, _sigmoid

__all__ = [
    "MISTAKES",
    "CheckResult",
    "Mistake",
    "check_backward",
    "check_confusion_matrix",
    "check_cost",
    "check_forward",
    "check_gradient_descent",
    "check_precision_recall_f1",
    "check_sigmoid",
]

Parts = dict[str, NDArray[np.float64]]


# --------------------------------------------------------------------------- result
@dataclass(frozen=True)
class CheckResult:
    """The verdict of a ``check_*`` function.

    Attributes
    ----------
    name : str
        What was checked, e.g. ``"check_backward"``.
    passed : bool
        Whether the function returned the right values, of the right type and
        shape, on every input, without raising and without changing its inputs.
    message : str
        What is wrong, on which input, and which equation to reread (its label,
        such as ``eq-dw``); a short confirmation when it passed.
    notes : tuple of str
        Weaknesses that do not make the check fail, e.g. a warning on the way to
        the right value.
    mistakes : tuple of str
        The names of the catalogued mistakes (see :data:`MISTAKES`) recognised in
        the function's behaviour; empty when none fits.

    Notes
    -----
    ``str(result)`` is the plain-text report; in Jupyter the result displays as
    HTML (``_repr_html_``), with the verdict in words, "✔ Passed" or
    "✘ Not yet", so that it never relies on colour.
    """

    name: str
    passed: bool
    message: str
    notes: tuple[str, ...] = ()
    mistakes: tuple[str, ...] = ()

    @property
    def verdict(self) -> str:
        """``"✔ Passed"`` or ``"✘ Not yet"``."""
        return "✔ Passed" if self.passed else "✘ Not yet"

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        lines = [f"{self.name}: {self.verdict}", self.message]
        if self.notes:
            lines.append("Notes:")
            lines.extend(f"- {note}" for note in self.notes)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        border = "#009E73" if self.passed else "#D55E00"  # Okabe-Ito green, vermilion
        paragraphs = "".join(
            f"<p>{html.escape(paragraph)}</p>"
            for paragraph in self.message.split("\n")
            if paragraph
        )
        notes = ""
        if self.notes:
            items = "".join(f"<li>{html.escape(note)}</li>" for note in self.notes)
            notes = f"<p>Notes:</p><ul>{items}</ul>"
        return (
            f'<div class="bl-check" role="status" style="border-left: 4px solid '
            f'{border}; padding-left: 0.75em">'
            f"<p><strong>{self.verdict}</strong> ({html.escape(self.name)})</p>"
            f"{paragraphs}{notes}</div>"
        )


# ------------------------------------------------------------------------ catalogue
@dataclass(frozen=True)
class Mistake:
    """One entry of the catalogue of common mistakes.

    Attributes
    ----------
    name : str
        Short name, quoted in the checker's message.
    check : str
        The checker that recognises it: ``"sigmoid"``, ``"cost"``, ``"forward"``,
        ``"backward"``, ``"gradient_descent"``, ``"confusion_matrix"`` or
        ``"precision_recall_f1"``.
    label : str
        The equation to reread, e.g. ``"eq-dw"``.
    explanation : str
        What the mistake does and how to fix it.
    parts : tuple of str
        The returned values the mistake affects (e.g. ``("dw",)``).
    predict : callable or None
        Computes, from the same arguments as the reader's function, the values the
        mistaken function returns (a dict part -> array). ``None`` for the kinds
        below that need no values.
    kind : {"value", "nonfinite", "mutation", "raises"}
        How the signature is matched. ``"value"``: the reader's finite values equal
        the prediction on every input. ``"nonfinite"``: the reader's NaN or
        infinity sit exactly where the prediction has them. ``"mutation"``: the
        argument ``argument`` is changed in place. ``"raises"``: an exception of a
        type in ``exceptions`` on the inputs where a metric is undefined, and only
        there.
    argument : str
        For ``kind="mutation"``, the argument's name.
    exceptions : tuple of type
        For ``kind="raises"``.
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


def _row(values: Any) -> NDArray[np.float64]:
    return np.asarray(values, dtype=np.float64)


def _scalar(value: Any) -> NDArray[np.float64]:
    return np.asarray(value, dtype=np.float64).reshape(())


def _course_loss(Y: Any, A: Any) -> NDArray[np.float64]:
    Y, A = _row(Y), _row(A)
    return -(Y * np.log(A) + (1 - Y) * np.log(1 - A))


def _dz_chain_rule(Y: Any, A: Any) -> NDArray[np.float64]:
    Y, A = _row(Y), _row(A)
    return (-Y / A + (1 - Y) / (1 - A)) * A * (1 - A)


def _gradients(X: Any, dz: NDArray[np.float64], dw_scale: float = 1.0) -> Parts:
    X = _row(X)
    return {"dw": X @ dz.T / X.shape[1] * dw_scale, "db": _scalar(np.mean(dz))}


def _descent(
    X: Any,
    Y: Any,
    w: Any,
    b: Any,
    step_size: float,
    steps: int,
    *,
    sign: float = 1.0,
    update_bias: bool = True,
) -> Parts:
    """The package's gradient descent, plainly, with switches for the mistakes."""
    X, Y = _row(X), _row(Y)
    w = _row(w).reshape(-1, 1)
    b = float(_scalar(b))
    for _ in range(steps):
        A = _sigmoid(_linear(w, b, X))  # (eq-forward)
        dw, db = _backward(X, Y, A)  # (eq-dz), (eq-dw), (eq-db)
        w = w - sign * step_size * dw  # (eq-update)
        if update_bias:
            b = b - sign * step_size * db
    return {"w": w, "b": _scalar(b)}


def _metrics(y_true: Any, y_pred: Any) -> tuple[float, float, float]:
    cm = _confusion_matrix(_labels(y_true), _labels(y_pred))
    return _precision(cm, 0.0), _recall(cm, 0.0), _f1_score(cm, 0.0)


def _labels(values: Any) -> NDArray[np.bool_]:
    return _row(values).ravel().astype(bool)


def _cm(y_true: Any, y_pred: Any) -> NDArray[np.float64]:
    return _row(_confusion_matrix(_labels(y_true), _labels(y_pred)))


def _prf(precision: float, recall: float, f1: float) -> Parts:
    return {
        "precision": _scalar(precision),
        "recall": _scalar(recall),
        "f1": _scalar(f1),
    }


def _cost_times(factor: Callable[[NDArray[np.float64]], float]) -> Callable:
    def predict(Y: Any, A: Any) -> Parts:
        Y, A = _row(Y), _row(A)
        return {"J": _scalar(_reference_cost(Y, A) * factor(Y))}

    return predict


#: The catalogue of common mistakes, one place: each is recognised from behaviour.
MISTAKES: tuple[Mistake, ...] = (
    # sigmoid, equation (eq-sigmoid)
    Mistake(
        "sigmoid NaN at large z",
        "sigmoid",
        "eq-sigmoid",
        "The form exp(z) / (1 + exp(z)) is inf / inf = NaN once exp(z) overflows (z > 709), "
        "where σ(z) is 1. Use 1 / (1 + exp(-z)), or better exp(-|z|) only.",
        ("σ(z)",),
        lambda z: {"σ(z)": np.exp(_row(z)) / (1 + np.exp(_row(z)))},
        kind="nonfinite",
    ),
    Mistake(
        "sigmoid of -z (sign flipped)",
        "sigmoid",
        "eq-sigmoid",
        "Your values are σ(-z) = 1 - σ(z): the exponent is exp(-z), with a minus "
        "sign, in σ(z) = 1 / (1 + exp(-z)).",
        ("σ(z)",),
        lambda z: {"σ(z)": _sigmoid(-_row(z))},
    ),
    # cost, equations (eq-loss) and (eq-cost)
    Mistake(
        "cost summed instead of averaged",
        "cost",
        "eq-cost",
        "Your cost is M times ours: J is the mean of the losses over the M samples "
        "(divide the sum by M, or use np.mean).",
        ("J",),
        _cost_times(lambda Y: Y.size),
    ),
    Mistake(
        "cost with log base 10",
        "cost",
        "eq-loss",
        "Your cost is ours divided by ln 10: the loss uses the natural logarithm "
        "(np.log), not np.log10.",
        ("J",),
        _cost_times(lambda Y: 1 / np.log(10)),
    ),
    Mistake(
        "cost with log base 2",
        "cost",
        "eq-loss",
        "Your cost is ours divided by ln 2: the loss uses the natural logarithm "
        "(np.log), not np.log2.",
        ("J",),
        _cost_times(lambda Y: 1 / np.log(2)),
    ),
    Mistake(
        "cost missing its minus sign",
        "cost",
        "eq-loss",
        "Your cost is negative, ours with the opposite sign: the logarithm of a "
        "probability is ≤ 0, so the loss needs a minus sign in front to be ≥ 0.",
        ("J",),
        _cost_times(lambda Y: -1.0),
    ),
    Mistake(
        "cost NaN at a = 0 or 1",
        "cost",
        "eq-loss",
        "The course form y log(a) + (1 - y) log(1 - a) computes 0 · log(0) = 0 · (-inf) = NaN for "
        "the term the label switches off, e.g. at y = 0, a = 0, where the loss is 0. "
        "Compute only the term each label selects, e.g. "
        "-np.log(np.where(Y == 1, A, 1 - A)).",
        ("J",),
        lambda Y, A: {"J": _scalar(np.mean(_course_loss(Y, A)))},
        kind="nonfinite",
    ),
    # forward propagation, equations (eq-linear), (eq-forward)
    Mistake(
        "forward returns Z, not σ(Z)",
        "forward",
        "eq-forward",
        "Your A equals the logits Z = wᵀX + b: apply the sigmoid to them.",
        ("A",),
        lambda w, b, X: {"A": _linear(_row(w), float(_scalar(b)), _row(X))},
    ),
    Mistake(
        "forward without the bias",
        "forward",
        "eq-linear",
        "Your A equals σ(wᵀX): add the bias b to the logits, Z = wᵀX + b.",
        ("A",),
        lambda w, b, X: {"A": _sigmoid(_row(w).T @ _row(X))},
    ),
    Mistake(
        "sigmoid NaN at large z",
        "forward",
        "eq-sigmoid",
        "The form exp(z) / (1 + exp(z)) is inf / inf = NaN once exp(z) overflows (z > 709), "
        "where σ(z) is 1. Use 1 / (1 + exp(-z)), or better exp(-|z|) only.",
        ("A",),
        lambda w, b, X: {
            "A": np.exp(_linear(_row(w), float(_scalar(b)), _row(X)))
            / (1 + np.exp(_linear(_row(w), float(_scalar(b)), _row(X))))
        },
        kind="nonfinite",
    ),
    # backward propagation, equations (eq-dz), (eq-dw), (eq-db)
    Mistake(
        "dw without 1/M",
        "backward",
        "eq-dw",
        "Your dw is M times ours: the gradient of the cost, a mean over M samples, "
        "is X dzᵀ / M.",
        ("dw",),
        lambda X, Y, A: _gradients(X, _row(A) - _row(Y), dw_scale=_row(X).shape[1]),
    ),
    Mistake(
        "db summed instead of averaged",
        "backward",
        "eq-db",
        "Your db is M times ours: db is the mean of dz over the samples, not the sum.",
        ("db",),
        lambda X, Y, A: {"db": _scalar(np.sum(_row(A) - _row(Y)))},
    ),
    Mistake(
        "dz = da (forgot da/dz)",
        "backward",
        "eq-chain-rule",
        "Your gradient uses dz = dL/da = -y/a + (1 - y)/(1 - a) and leaves out the "
        "factor da/dz = a (1 - a) of the chain rule; the product simplifies to "
        "dz = a - y (equation eq-dz).",
        ("dw", "db"),
        lambda X, Y, A: _gradients(
            X, -_row(Y) / _row(A) + (1 - _row(Y)) / (1 - _row(A))
        ),
    ),
    Mistake(
        "dz = Y - A (sign)",
        "backward",
        "eq-dz",
        "Your dw and db have the opposite sign of ours: dz = a - y, not y - a. "
        "With y - a, gradient descent climbs the cost.",
        ("dw", "db"),
        lambda X, Y, A: _gradients(X, _row(Y) - _row(A)),
    ),
    Mistake(
        "dz NaN at a = 0 or 1 (unsimplified chain rule)",
        "backward",
        "eq-dz",
        "The step-by-step dL/da · da/dz divides by a and by 1 - a, so it is NaN where a rounds to "
        "exactly 0 or 1 (|z| > 37 already gives a = 1), although dz = a - y is "
        "finite there. Use the simplified dz = a - y.",
        ("dw", "db"),
        lambda X, Y, A: _gradients(X, _dz_chain_rule(Y, A)),
        kind="nonfinite",
    ),
    # gradient descent, equation (eq-update)
    Mistake(
        "gradient ascent (update with +)",
        "gradient_descent",
        "eq-update",
        "Your parameters move uphill: the update subtracts the gradient, "
        "w ← w - η dw and b ← b - η db.",
        ("w", "b"),
        lambda X, Y, w, b, eta, steps: _descent(X, Y, w, b, eta, steps, sign=-1.0),
    ),
    Mistake(
        "bias never updated",
        "gradient_descent",
        "eq-update",
        "Your bias stays at b_init: update it too, b ← b - η db, in every step.",
        ("w", "b"),
        lambda X, Y, w, b, eta, steps: _descent(
            X, Y, w, b, eta, steps, update_bias=False
        ),
    ),
    Mistake(
        "one update too few",
        "gradient_descent",
        "eq-update",
        "Your result is ours after steps - 1 updates: the loop must run `steps` "
        "times (range(steps), not range(1, steps)).",
        ("w", "b"),
        lambda X, Y, w, b, eta, steps: _descent(X, Y, w, b, eta, max(steps - 1, 0)),
    ),
    Mistake(
        "w_init modified in place",
        "gradient_descent",
        "eq-update",
        "After your function returns, the caller's w_init holds other numbers: "
        "`w = w_init` does not copy, so `w -= ...` changes w_init too. Write "
        "`w = w - step_size * dw` or start from `w = w_init.copy()`.",
        kind="mutation",
        argument="w_init",
    ),
    # metrics, equations (eq-confusion-matrix), (eq-precision), (eq-recall), (eq-f1)
    Mistake(
        "confusion matrix transposed",
        "confusion_matrix",
        "eq-confusion-matrix",
        "Your matrix is ours transposed: rows are the real class, columns the "
        "predicted one, so FP (real 0, predicted 1) sits in row 0, column 1.",
        ("C",),
        lambda y_true, y_pred: {"C": _cm(y_true, y_pred).T},
    ),
    Mistake(
        "confusion matrix with class 1 first",
        "confusion_matrix",
        "eq-confusion-matrix",
        "Your matrix is ours with both rows and columns in reverse order: class 0 "
        "comes first, [[TN, FP], [FN, TP]], as in scikit-learn and TensorFlow.",
        ("C",),
        lambda y_true, y_pred: {"C": _cm(y_true, y_pred)[::-1, ::-1]},
    ),
    Mistake(
        "confusion matrix normalised",
        "confusion_matrix",
        "eq-confusion-matrix",
        "Your matrix holds fractions of M, ours counts: do not divide by the "
        "number of samples.",
        ("C",),
        lambda y_true, y_pred: {"C": _cm(y_true, y_pred) / _row(y_true).size},
    ),
    Mistake(
        "precision and recall swapped",
        "precision_recall_f1",
        "eq-precision",
        "Your precision is our recall and the other way round: precision = "
        "TP / (TP + FP) divides by the predicted positives, recall = TP / (TP + FN) "
        "by the real ones (equation eq-recall).",
        ("precision", "recall"),
        lambda y_true, y_pred: _prf(*(_metrics(y_true, y_pred)[i] for i in (1, 0, 2))),
    ),
    Mistake(
        "F1 as the arithmetic mean",
        "precision_recall_f1",
        "eq-f1",
        "Your F1 is (precision + recall) / 2: F1 is their harmonic mean, "
        "2 P R / (P + R) = 2 TP / (2 TP + FP + FN).",
        ("f1",),
        lambda y_true, y_pred: {"f1": _scalar(sum(_metrics(y_true, y_pred)[:2]) / 2)},
    ),
    Mistake(
        "division by zero in an undefined metric",
        "precision_recall_f1",
        "eq-precision",
        "Precision is 0 / 0 when nothing is predicted positive, recall when no "
        "positive is present (and the harmonic mean for F1 when both are 0). Test "
        "the denominator and return 0 there, as scikit-learn and binary_logreg do.",
        kind="raises",
        exceptions=(ZeroDivisionError, FloatingPointError),
    ),
)


# ---------------------------------------------------------------------------- cases
@dataclass(frozen=True)
class _Case:
    description: str
    args: tuple[Any, ...]
    reference: Parts
    #: parts that are undefined here (0/0): NaN is accepted as well as the reference
    undefined: frozenset[str] = frozenset()
    #: an independent second opinion: central finite differences of the cost
    numerical: Parts | None = None


@dataclass(frozen=True)
class _Spec:
    name: str
    check: str
    arguments: tuple[str, ...]
    parts: tuple[str, ...]
    labels: dict[str, str]
    cases: Callable[[], list[_Case]]
    unpack: Callable[[Any, _Case], Parts]
    rtol: float = 1e-9
    atol: float = 1e-12
    warning_note: str = ""
    close_note: str = ""


class _BadOutput(Exception):
    """The reader's function returned something of the wrong type or shape."""


def _fmt(values: Any) -> str:
    array = np.asarray(values)
    if array.ndim == 0:
        return _number(array.item())
    return np.array2string(
        array, precision=4, threshold=10, edgeitems=3, separator=", "
    ).replace("\n", "")


def _number(value: Any) -> str:
    if isinstance(value, float | np.floating):
        return f"{value:.6g}"
    return str(value)


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _sigmoid_cases() -> list[_Case]:
    rng = _rng(130)
    zs = [
        ("z = [-800, -50, -1, 0, 1, 50, 800]", _row([-800, -50, -1, 0, 1, 50, 800])),
        ("z of shape (1, 200), standard normal times 5", rng.normal(0, 5, (1, 200))),
        ("z of shape (5, 3), standard normal", rng.normal(size=(5, 3))),
        ("z = [[-50.0]] (shape (1, 1))", _row([[-50.0]])),
    ]
    return [_Case(text, (z,), {"σ(z)": _sigmoid(z)}) for text, z in zs]


def _cost_cases() -> list[_Case]:
    rng = _rng(131)
    Y200 = (rng.random((1, 200)) < 0.5).astype(float)
    raw = [
        (
            "M = 200 samples, random labels, A in (0.01, 0.99)",
            Y200,
            rng.uniform(0.01, 0.99, (1, 200)),
        ),
        ("M = 1: Y = [[1]], A = [[0.3]]", _row([[1.0]]), _row([[0.3]])),
        (
            "all labels 0: Y = [[0, 0, 0, 0]], A = [[0.1, 0.2, 0.6, 0.9]]",
            np.zeros((1, 4)),
            _row([[0.1, 0.2, 0.6, 0.9]]),
        ),
        (
            "all labels 1: Y = [[1, 1, 1]], A = [[0.05, 0.5, 0.95]]",
            np.ones((1, 3)),
            _row([[0.05, 0.5, 0.95]]),
        ),
        (
            "Y = [[0, 1, 0, 1]], A = [[0, 1, 0.2, 0.7]] (a = 0 and a = 1 on the "
            "right side: their loss is 0)",
            _row([[0, 1, 0, 1]]),
            _row([[0.0, 1.0, 0.2, 0.7]]),
        ),
    ]
    return [
        _Case(text, (Y, A), {"J": _scalar(_reference_cost(Y, A))}) for text, Y, A in raw
    ]


def _forward_cases() -> list[_Case]:
    rng = _rng(132)
    raw = [
        ("N = 1, M = 1: w = [[2]], b = -0.5, X = [[0.75]]", [[2.0]], -0.5, [[0.75]]),
        (
            "N = 5 features, M = 200 samples, random w, b = 0.3",
            rng.normal(size=(5, 1)),
            0.3,
            rng.normal(size=(5, 200)),
        ),
        (
            "N = 2, M = 4 with logits z = [-800, -50, 50, 800]: w = [[1], [0]], "
            "b = 0.0 (as an array of shape (1, 1))",
            [[1.0], [0.0]],
            np.array([[0.0]]),
            [[-800.0, -50.0, 50.0, 800.0], [1.0, 2.0, 3.0, 4.0]],
        ),
        (
            "N = 1, M = 200, w = [[-1.5]], b = 2.0",
            [[-1.5]],
            2.0,
            rng.normal(size=(1, 200)),
        ),
    ]
    cases = []
    for text, w, b, X in raw:
        w, X = _row(w), _row(X)
        b = b if isinstance(b, np.ndarray) else float(b)
        A = _sigmoid(_linear(w, float(_scalar(b)), X))
        cases.append(_Case(text, (w, b, X), {"A": A}))
    return cases


def _backward_cases() -> list[_Case]:
    rng = _rng(133)
    cases = []

    def add(text: str, X: Any, Y: Any, A: Any, w: Any = None, b: float = 0.0) -> None:
        X, Y, A = _row(X), _row(Y), _row(A)
        dw, db = _backward(X, Y, A)
        numerical = None
        if w is not None:  # A = σ(wᵀX + b): differentiate the cost numerically
            g = gradient_check(w, b, X, Y).numerical
            numerical = {"dw": g[:-1].reshape(-1, 1), "db": _scalar(g[-1])}
        cases.append(
            _Case(text, (X, Y, A), {"dw": dw, "db": _scalar(db)}, numerical=numerical)
        )

    w = _row([[np.log(0.3 / 0.7) / 2]])  # σ(2w) = 0.3
    add(
        "N = 1, M = 1: X = [[2]], Y = [[1]], A = [[0.3]]",
        [[2.0]],
        [[1.0]],
        _sigmoid(w * 2.0),
        w,
    )
    X = rng.normal(size=(5, 200))
    Y = (rng.random((1, 200)) < 0.5).astype(float)
    w = rng.normal(size=(5, 1))
    add(
        "N = 5 features, M = 200 samples, random labels, A = σ(wᵀX + b)",
        X,
        Y,
        _sigmoid(w.T @ X + 0.2),
        w,
        0.2,
    )
    X = rng.normal(size=(2, 10))
    w = _row([[1.0], [-2.0]])
    A = _sigmoid(w.T @ X - 0.5)
    add("all labels 0, N = 2, M = 10", X, np.zeros((1, 10)), A, w, -0.5)
    add("all labels 1, N = 2, M = 10", X, np.ones((1, 10)), A, w, -0.5)
    add(
        "N = 2, M = 4, A = [[0, 1, 0.25, 1]] (a rounds to exactly 0 or 1 for "
        "|z| > 37), Y = [[0, 1, 1, 0]]",
        [[1.0, 2.0, -1.0, 0.5], [0.0, 1.0, 3.0, -2.0]],
        [[0.0, 1.0, 1.0, 0.0]],
        [[0.0, 1.0, 0.25, 1.0]],
    )
    return cases


def _descent_cases() -> list[_Case]:
    rng = _rng(134)
    cases = []
    raw = [
        ("N = 2, M = 200, random start, step size 0.5, 20 steps", 2, 200, 0.5, 20),
        ("N = 5, M = 200, random start, step size 0.05, 30 steps", 5, 200, 0.05, 30),
        ("N = 5, M = 200, random start, step size 2.0, 10 steps", 5, 200, 2.0, 10),
        (
            "N = 1, M = 3: x = [-1, 0.5, 1], y = [1, 0, 1], random start, step size 1.0, 5 steps",
            1,
            3,
            1.0,
            5,
        ),
        ("N = 2, M = 200, random start, step size 0.25, 1 step", 2, 200, 0.25, 1),
    ]
    for i, (text, n, m, eta, steps) in enumerate(raw):
        X = rng.normal(size=(n, m))
        w_true = rng.normal(size=(n, 1))
        Y = (rng.random((1, m)) < _sigmoid(w_true.T @ X)).astype(float)
        if m == 3:  # both classes, not separable: x = [-1, 0.5, 1], y = [1, 0, 1]
            X, Y = _row([[-1.0, 0.5, 1.0]]), _row([[1.0, 0.0, 1.0]])
        w_init = rng.uniform(-1, 1, (n, 1))
        b_init = float(rng.uniform(-1, 1))
        if i == 4:  # the course keeps b as a (1, 1) array
            text += ", b_init an array of shape (1, 1)"
            b_init = np.array([[b_init]])
        args = (X, Y, w_init, b_init, eta, steps)
        cases.append(_Case(text, args, _descent(*args)))
    return cases


def _label_pairs() -> list[tuple[str, NDArray, NDArray]]:
    rng = _rng(135)
    y_true = rng.integers(0, 2, 200)
    flip = rng.random(200) < 0.3
    return [
        (
            "M = 200 random labels, 30 % predicted wrong",
            y_true,
            np.where(flip, 1 - y_true, y_true),
        ),
        (
            "y_true = [0, 0, 1, 1, 1], y_pred = [0, 1, 0, 1, 1]",
            [0, 0, 1, 1, 1],
            [0, 1, 0, 1, 1],
        ),
        ("y_true = [1, 1, 0, 1], y_pred = [1, 0, 0, 0]", [1, 1, 0, 1], [1, 0, 0, 0]),
        ("M = 1: y_true = [1], y_pred = [1]", [1], [1]),
        (
            "all labels 0: y_true = [0, 0, 0, 0], y_pred = [0, 1, 0, 1]",
            [0, 0, 0, 0],
            [0, 1, 0, 1],
        ),
        ("all labels 1: y_true = [1, 1, 1], y_pred = [1, 0, 1]", [1, 1, 1], [1, 0, 1]),
        (
            "nothing predicted positive: y_true = [0, 1, 1], y_pred = [0, 0, 0]",
            [0, 1, 1],
            [0, 0, 0],
        ),
    ]


def _confusion_cases() -> list[_Case]:
    return [
        _Case(text, (np.asarray(t), np.asarray(p)), {"C": _cm(t, p)})
        for text, t, p in _label_pairs()
    ]


def _metric_cases() -> list[_Case]:
    cases = []
    for text, t, p in _label_pairs():
        (_, fp), (fn, tp) = _confusion_matrix(_labels(t), _labels(p))
        undefined = {
            "precision": tp + fp == 0,
            "recall": tp + fn == 0,
            "f1": tp == 0,  # the harmonic mean of two zeros
        }
        cases.append(
            _Case(
                text,
                (np.asarray(t), np.asarray(p)),
                _prf(*_metrics(t, p)),
                frozenset(
                    part for part, is_undefined in undefined.items() if is_undefined
                ),
            )
        )
    return cases


# ---------------------------------------------------------------- reading outputs
def _real(value: Any, what: str) -> NDArray[np.float64]:
    """``value`` as a float array, or _BadOutput saying what kind of thing it is."""
    if value is None:
        raise _BadOutput(
            f"returned None for {what} (a function without `return` returns None)"
        )
    if value is Ellipsis:
        raise _BadOutput(
            f"returned `...` for {what}: the skeleton is not filled in yet"
        )
    if isinstance(value, str | bytes):
        raise _BadOutput(f"returned a string, {str(value)[:40]!r}, for {what}")
    try:
        array = np.asarray(value)
    except Exception as exc:
        raise _BadOutput(
            f"returned {type(value).__name__} for {what}, which NumPy cannot turn "
            f"into an array ({_last_line(exc)})"
        ) from None
    if np.iscomplexobj(array):
        raise _BadOutput(
            f"returned complex numbers for {what} (dtype {array.dtype}); they "
            "must be real: look for a square root or logarithm of a negative number"
        )
    if array.dtype == object:
        raise _BadOutput(
            f"returned an array of Python objects (dtype object) for {what}: "
            "e.g. a list of arrays of different shapes, or None inside"
        )
    if array.dtype.kind not in "biuf":
        raise _BadOutput(
            f"returned an array of dtype {array.dtype} for {what}, not numbers"
        )
    return np.asarray(array, dtype=np.float64)


def _shaped(value: Any, what: str, shape: tuple[int, ...]) -> NDArray[np.float64]:
    """A real array of exactly ``shape`` (a size-1 array for a scalar shape ())."""
    array = _real(value, what)
    if shape == ():
        if array.size != 1:
            raise _BadOutput(
                f"returned an array of shape {array.shape} for {what}, which "
                "should be a single number"
            )
        return array.reshape(())
    if array.shape != shape:
        hint = ""
        if array.ndim == 1 and len(shape) == 2 and array.size == np.prod(shape):
            kind = "row" if shape[0] == 1 else "column"
            hint = (
                f": a 1-D array instead of a {kind}; keep the 2-D shape "
                "(e.g. matrix products such as w.T @ X and X @ dz.T keep it, "
                "np.sum(..., axis=...) needs keepdims=True)"
            )
        elif array.shape == shape[::-1]:
            hint = ": the transpose of what is asked"
        raise _BadOutput(
            f"returned {what} of shape {array.shape}, expected {shape}{hint}"
        )
    return array


def _items(value: Any, names: tuple[str, ...], exact: bool) -> tuple[Any, ...]:
    """The first len(names) items of a tuple, a mapping or an object's attributes."""
    wanted = "(" + ", ".join(names) + ")"
    if isinstance(value, Mapping):
        if all(name in value for name in names):
            return tuple(value[name] for name in names)
        raise _BadOutput(f"returned a mapping without the keys {wanted}")
    if all(hasattr(value, name) for name in names) and not isinstance(
        value, np.ndarray
    ):
        return tuple(getattr(value, name) for name in names)
    if value is None:
        raise _BadOutput(f"returned None instead of {wanted}")
    if value is Ellipsis:
        raise _BadOutput("returned `...`: the skeleton is not filled in yet")
    if isinstance(value, tuple | list):
        if len(value) == len(names) or (not exact and len(value) > len(names)):
            return tuple(value[: len(names)])
        raise _BadOutput(
            f"returned {len(value)} item(s), expected {len(names)}: {wanted}"
        )
    array = _real(value, "the result")  # says what is wrong with a string, ...
    raise _BadOutput(
        f"returned an array of shape {array.shape}, expected a tuple {wanted}"
    )


def _unpack_single(part: str) -> Callable[[Any, _Case], Parts]:
    def unpack(value: Any, case: _Case) -> Parts:
        return {part: _shaped(value, part, case.reference[part].shape)}

    return unpack


def _unpack_many(exact: bool) -> Callable[[Any, _Case], Parts]:
    def unpack(value: Any, case: _Case) -> Parts:
        names = tuple(case.reference)
        values = _items(value, names, exact)
        return {
            name: _shaped(item, name, case.reference[name].shape)
            for name, item in zip(names, values, strict=True)
        }

    return unpack


_SPECS = {
    "sigmoid": _Spec(
        "check_sigmoid",
        "sigmoid",
        ("z",),
        ("σ(z)",),
        {"σ(z)": "eq-sigmoid"},
        _sigmoid_cases,
        _unpack_single("σ(z)"),
        rtol=1e-9,
        atol=1e-15,
        warning_note=(
            "the value is right (σ(z) rounds to 0 below z = -745 anyway), but "
            "exp(-z) overflows to inf for z < -709 and NumPy warns. In a training "
            "loop that warning comes back on every step and buries the ones that "
            "matter; computing exp(-|z|) only never overflows (equation eq-sigmoid), "
            "as binary_logreg.sigmoid does."
        ),
    ),
    "cost": _Spec(
        "check_cost",
        "cost",
        ("Y", "A"),
        ("J",),
        {"J": "eq-cost"},
        _cost_cases,
        _unpack_single("J"),
        rtol=1e-6,
        atol=1e-9,
        warning_note=(
            "the value is right, but a log of 0 on the way warns (and in other "
            "inputs gives NaN); take the log only of the probability each label "
            "selects (equation eq-loss)."
        ),
        close_note=(
            "clipping the probabilities to [ε, 1 - ε] (Keras does, with ε = 1e-7) "
            "shifts the cost by about ε where a is 0 or 1"
        ),
    ),
    "forward": _Spec(
        "check_forward",
        "forward",
        ("w", "b", "X"),
        ("A",),
        {"A": "eq-forward"},
        _forward_cases,
        _unpack_single("A"),
        rtol=1e-9,
        atol=1e-15,
        warning_note=(
            "the value is right (σ(z) rounds to 0 below z = -745 anyway), but "
            "exp(-z) overflows to inf for z < -709 and NumPy warns. In a training "
            "loop that warning comes back on every step and buries the ones that "
            "matter; computing exp(-|z|) only never overflows (equation eq-sigmoid)."
        ),
    ),
    "backward": _Spec(
        "check_backward",
        "backward",
        ("X", "Y", "A"),
        ("dw", "db"),
        {"dw": "eq-dw", "db": "eq-db"},
        _backward_cases,
        _unpack_many(exact=True),
        rtol=1e-9,
        atol=1e-12,
    ),
    "gradient_descent": _Spec(
        "check_gradient_descent",
        "gradient_descent",
        ("X", "Y", "w_init", "b_init", "step_size", "steps"),
        ("w", "b"),
        {"w": "eq-update", "b": "eq-update"},
        _descent_cases,
        _unpack_many(exact=False),
        rtol=1e-8,
        atol=1e-10,
        warning_note=(
            "the values are right, but the loop warns: an exponential overflowed "
            "or a division by a = 0 or 1 happened on the way. Use the simplified "
            "dz = a - y (equation eq-dz) and a sigmoid that computes exp(-|z|) only "
            "(equation eq-sigmoid)."
        ),
    ),
    "confusion_matrix": _Spec(
        "check_confusion_matrix",
        "confusion_matrix",
        ("y_true", "y_pred"),
        ("C",),
        {"C": "eq-confusion-matrix"},
        _confusion_cases,
        _unpack_single("C"),
        rtol=0.0,
        atol=1e-9,
    ),
    "precision_recall_f1": _Spec(
        "check_precision_recall_f1",
        "precision_recall_f1",
        ("y_true", "y_pred"),
        ("precision", "recall", "f1"),
        {"precision": "eq-precision", "recall": "eq-recall", "f1": "eq-f1"},
        _metric_cases,
        _unpack_many(exact=True),
        rtol=1e-9,
        atol=1e-12,
    ),
}


# ---------------------------------------------------------------------- the runner
@dataclass
class _Run:
    case: _Case
    parts: Parts | None = None
    error: BaseException | None = None
    bad_output: str = ""
    mutated: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def _last_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[-1]}" if text else type(exc).__name__


def _copy(value: Any) -> Any:
    return value.copy() if isinstance(value, np.ndarray) else value


def _same(before: Any, after: Any) -> bool:
    if isinstance(before, np.ndarray):
        return (
            isinstance(after, np.ndarray)
            and before.shape == after.shape
            and bool(np.array_equal(before, after, equal_nan=True))
        )
    return True


def _call(fn: Callable, spec: _Spec, case: _Case) -> _Run:
    args = tuple(_copy(arg) for arg in case.args)
    run = _Run(case)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
            try:
                output = fn(*args)
            except Exception as exc:
                run.error = exc
                output = None
    run.warnings = tuple(
        dict.fromkeys(f"{w.category.__name__}: {w.message}" for w in caught)
    )
    run.mutated = tuple(
        name
        for name, before, after in zip(spec.arguments, case.args, args, strict=True)
        if not _same(before, after)
    )
    if run.error is None:
        try:
            run.parts = spec.unpack(output, case)
        except _BadOutput as exc:
            run.bad_output = str(exc)
        except Exception as exc:  # an output object that breaks while being read
            run.bad_output = (
                f"returned an object that could not be read: {_last_line(exc)}"
            )
    return run


def _nonfinite(array: NDArray[np.float64]) -> NDArray[np.bool_]:
    return ~np.isfinite(array)


def _close(spec: _Spec, got: NDArray, want: NDArray) -> NDArray[np.bool_]:
    return np.isclose(got, want, rtol=spec.rtol, atol=spec.atol, equal_nan=True)


def _accepted(spec: _Spec, run: _Run, part: str) -> NDArray[np.bool_]:
    """Where the reader's value of ``part`` counts as right."""
    got, want = run.parts[part], run.case.reference[part]
    ok = _close(spec, got, want)
    if part in run.case.undefined:
        ok = ok | np.isnan(got)
    return ok


def _predict(mistake: Mistake, case: _Case) -> Parts | None:
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            prediction = mistake.predict(*case.args)
        except Exception:  # pragma: no cover - a prediction that cannot apply
            return None
    return {
        part: np.broadcast_to(_row(value), case.reference[part].shape)
        for part, value in prediction.items()
    }


def _value_match(spec: _Spec, mistake: Mistake, runs: list[_Run]) -> bool:
    """Reader's finite values equal the prediction everywhere, and differ from ours."""
    explains = False
    for run in runs:
        prediction = _predict(mistake, run.case)
        if prediction is None:
            return False
        for part in mistake.parts:
            got, pred = run.parts[part], prediction[part]
            finite = np.isfinite(got)
            if not _close(spec, got[finite], pred[finite]).all():
                return False
            wrong = ~_accepted(spec, run, part) & finite
            if (
                wrong.any()
                and not _close(spec, pred, run.case.reference[part])[wrong].all()
            ):
                explains = True
    return explains


def _nonfinite_match(spec: _Spec, mistake: Mistake, runs: list[_Run]) -> bool:
    """Reader's NaN/inf sit where the prediction has them (where ours is finite)."""
    found = False
    for run in runs:
        prediction = _predict(mistake, run.case)
        if prediction is None:
            return False
        for part in mistake.parts:
            got = run.parts[part]
            expected = _nonfinite(prediction[part]) & np.isfinite(
                run.case.reference[part]
            )
            reader = _nonfinite(got) & ~_accepted(spec, run, part)
            if not np.array_equal(reader, expected):
                return False
            found = found or bool(reader.any())
    return found


def _where(spec: _Spec, run: _Run, part: str, mask: NDArray[np.bool_]) -> str:
    got, want = run.parts[part], run.case.reference[part]
    if got.ndim == 0:
        return f"expected {part} = {_fmt(want)}, got {_fmt(got)}"
    index = tuple(int(i) for i in np.argwhere(mask)[0])
    where = f"{part}[{', '.join(map(str, index))}]"
    count = int(mask.sum())
    more = f" ({count} of {mask.size} entries differ)" if count > 1 else ""
    return f"expected {where} = {_fmt(want[index])}, got {_fmt(got[index])}{more}"


def _mistake_text(mistake: Mistake) -> str:
    return (
        f"Recognised mistake: {mistake.name}. {mistake.explanation} "
        f"Reread equation {mistake.label}."
    )


def _first_difference(
    spec: _Spec, runs: list[_Run], parts: tuple[str, ...], kind: str = ""
) -> tuple[_Run, str, NDArray[np.bool_]] | None:
    """The first input and part where the reader is wrong (kind: only NaN/finite)."""
    for run in runs:
        for part in parts:
            wrong = ~_accepted(spec, run, part)
            if kind == "nonfinite":
                wrong &= _nonfinite(run.parts[part])
            elif kind == "value":
                wrong &= np.isfinite(run.parts[part])
            if wrong.any():
                return run, part, wrong
    return None


def _check(fn: Any, key: str) -> CheckResult:
    spec = _SPECS[key]
    if not callable(fn):
        raise TypeError(
            f"{spec.name} needs a function, got {type(fn).__name__} {fn!r:.60}; "
            "pass the function itself, without calling it (no parentheses)"
        )
    runs = [_call(fn, spec, case) for case in spec.cases()]
    catalogue = [mistake for mistake in MISTAKES if mistake.check == key]
    problems: list[str] = []
    named: list[str] = []
    notes: list[str] = []

    # exceptions, reported with their last line
    raised = [run for run in runs if run.error is not None]
    if raised:
        first = raised[0]
        for mistake in catalogue:
            if (
                mistake.kind == "raises"
                and all(isinstance(run.error, mistake.exceptions) for run in raised)
                and all(run.case.undefined for run in raised)
            ):
                named.append(mistake.name)
                problems.append(_mistake_text(mistake))
        where = (
            "on every input"
            if len(raised) == len(runs)
            else f"on {len(raised)} of {len(runs)} inputs"
        )
        problems.append(
            f"Your function raised `{_last_line(first.error)}` {where}, first on "
            f"the input {first.case.description}." + _exception_hint(first.error)
        )

    # wrong type or shape
    bad = [run for run in runs if run.bad_output]
    if bad:
        # the largest input shows a shape mistake best ((M,) for (1, M) with M > 1)
        run = max(bad, key=lambda run: sum(v.size for v in run.case.reference.values()))
        problems.append(
            f"Your function {run.bad_output} (input: {run.case.description})."
        )

    # changed inputs
    mutated = [run for run in runs if run.mutated]
    if mutated:
        names = sorted({name for run in mutated for name in run.mutated})
        where = f" (input: {mutated[0].case.description})"
        known = [
            mistake
            for mistake in catalogue
            if mistake.kind == "mutation" and mistake.argument in names
        ]
        for mistake in known:
            named.append(mistake.name)
            problems.append(_mistake_text(mistake) + where)
        others = [name for name in names if name not in {m.argument for m in known}]
        if others:
            problems.append(
                f"Your function changed its input {', '.join(others)} in place"
                f"{where}: the caller's array no longer holds what it passed. "
                "Compute new arrays (`x = x - ...` rather than `x -= ...`) or work "
                "on a copy (`x = x.copy()`)."
            )

    # values
    good = [run for run in runs if run.parts is not None]
    value_problems = _diagnose_values(spec, catalogue, good, named) if good else []
    problems.extend(value_problems)

    # notes: warnings, undefined metrics, small differences
    warned = [run for run in runs if run.warnings]
    if warned:
        note = (
            f"Your function warned `{warned[0].warnings[0]}` on the input "
            f"{warned[0].case.description}"
        )
        if (
            not problems
            and spec.warning_note
            and "encountered" in warned[0].warnings[0]
        ):
            note += f": {spec.warning_note}"
        else:
            note += "."
        notes.append(note)
    for run in good:
        nan_parts = [
            part for part in run.case.undefined if np.isnan(run.parts[part]).any()
        ]
        if nan_parts:
            notes.append(
                f"You return NaN for {', '.join(sorted(nan_parts))} on the input "
                f"{run.case.description}, where it is 0 / 0, undefined; "
                "scikit-learn and binary_logreg return 0 there (zero_division=0). "
                "Either is defensible: say which you chose."
            )
            break
    if not value_problems:
        worst = _largest_relative_difference(good)
        if worst > 1e-10:
            note = (
                f"Your values agree with ours to a relative {worst:.1e}, not to "
                "rounding error (about 1e-15)"
            )
            notes.append(note + (f": {spec.close_note}." if spec.close_note else "."))

    passed = not problems
    if passed:
        message = f"Right on all {len(runs)} inputs ({'; '.join(r.case.description for r in runs)})."
    else:
        message = "\n".join(problems)
    return CheckResult(
        name=spec.name,
        passed=passed,
        message=message,
        notes=tuple(notes),
        mistakes=tuple(dict.fromkeys(named)),
    )


def _diagnose_values(
    spec: _Spec, catalogue: list[Mistake], runs: list[_Run], named: list[str]
) -> list[str]:
    if _first_difference(spec, runs, spec.parts) is None:
        return []
    problems = []
    value_matches = [
        m for m in catalogue if m.kind == "value" and _value_match(spec, m, runs)
    ]
    # a mistake that explains more parts wins over one that explains fewer
    value_matches.sort(key=lambda m: -len(m.parts))
    explained: set[str] = set()
    chosen = []
    for mistake in value_matches:
        if not explained.issuperset(mistake.parts):
            chosen.append(mistake)
            explained.update(mistake.parts)
    nonfinite_matches = [
        m
        for m in catalogue
        if m.kind == "nonfinite" and _nonfinite_match(spec, m, runs)
    ]
    # a value mistake that predicts the NaN too explains them
    for mistake in nonfinite_matches:
        if not any(_predicts_nonfinite(spec, v, runs) for v in chosen):
            chosen.append(mistake)
    # a part no mistake explains as a whole may still show one mistake by itself
    # (e.g. the bias of a loop that also has another mistake in w)
    for part in spec.parts:
        if part in explained:
            continue
        for mistake in catalogue:
            if mistake.kind == "value" and part in mistake.parts:
                alone = replace(mistake, parts=(part,))
                if _value_match(spec, alone, runs):
                    chosen.append(alone)
                    explained.add(part)
                    break
    for mistake in chosen:
        named.append(mistake.name)
        example = _first_difference(spec, runs, mistake.parts, mistake.kind)
        text = _mistake_text(mistake)
        if example is not None:
            run, part, wrong = example
            text += (
                f" For example on the input {run.case.description}: "
                f"{_where(spec, run, part, wrong)}."
            )
        problems.append(text)
    # what no catalogued mistake explains
    unexplained = _unexplained(spec, runs, chosen)
    if unexplained is not None:
        run, part, wrong = unexplained
        got = run.parts[part]
        kind = (
            "NaN or infinity"
            if _nonfinite(got)[wrong].any()
            and np.isfinite(run.case.reference[part]).all()
            else "a wrong value"
        )
        lead = "Also, your" if chosen else "Your"
        second = ""
        if run.case.numerical is not None:
            index = tuple(int(i) for i in np.argwhere(np.atleast_1d(wrong))[0])
            value = run.case.numerical[part]
            value = value[index] if value.ndim else value
            second = (
                f" (Central finite differences of the cost, equation eq-gradcheck, "
                f"give {_fmt(value)} there too.)"
            )
        problems.append(
            f"{lead} function returns {kind} on the input {run.case.description}: "
            f"{_where(spec, run, part, wrong)}.{second} Reread equation "
            f"{spec.labels[part]}."
        )
    return problems


def _predicts_nonfinite(spec: _Spec, mistake: Mistake, runs: list[_Run]) -> bool:
    found = False
    for run in runs:
        prediction = _predict(mistake, run.case)
        for part in mistake.parts:
            reader = _nonfinite(run.parts[part]) & ~_accepted(spec, run, part)
            if reader.any():
                if not (_nonfinite(prediction[part]) >= reader).all():
                    return False
                found = True
    return found


def _unexplained(
    spec: _Spec, runs: list[_Run], chosen: list[Mistake]
) -> tuple[_Run, str, NDArray[np.bool_]] | None:
    for run in runs:
        predictions = [(m, _predict(m, run.case)) for m in chosen]
        for part in spec.parts:
            got = run.parts[part]
            wrong = ~_accepted(spec, run, part)
            for mistake, prediction in predictions:
                if prediction is None or part not in mistake.parts:
                    continue
                if mistake.kind == "value":
                    wrong &= ~(_close(spec, got, prediction[part]))
                else:
                    wrong &= ~(_nonfinite(got) & _nonfinite(prediction[part]))
            if wrong.any():
                return run, part, wrong
    return None


def _largest_relative_difference(runs: list[_Run]) -> float:
    worst = 0.0
    for run in runs:
        for part, want in run.case.reference.items():
            got = run.parts[part]
            both = np.isfinite(got) & np.isfinite(want)
            if both.any():
                scale = np.maximum(np.abs(want[both]), 1e-300)
                difference = np.abs(got[both] - want[both])
                relevant = difference > 1e-12  # absolute noise near 0 is rounding
                if relevant.any():
                    worst = max(worst, float((difference / scale)[relevant].max()))
    return worst


def _exception_hint(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, NotImplementedError):
        return " The skeleton is not filled in yet."
    # NumPy 2 says "length-1" or "0-dimensional", NumPy 1 "size-1"
    if any(
        words in text
        for words in (
            "only length-1 arrays",
            "only size-1 arrays",
            "only 0-dimensional",
        )
    ):
        return (
            " A function of the math module (math.exp, math.log) takes one number; "
            "use NumPy's (np.exp, np.log), which work on whole arrays."
        )
    if isinstance(exc, ValueError) and ("shapes" in text or "broadcast" in text):
        return (
            " The shapes do not fit: X is (N, M), w (N, 1), Y and A (1, M); "
            "wᵀX is w.T @ X."
        )
    return ""


# ----------------------------------------------------------------- public checkers
def check_sigmoid(fn: Callable[..., Any]) -> CheckResult:
    r"""Check a sigmoid :math:`\sigma(z) = 1/(1 + e^{-z})`, equation :eq:`eq-sigmoid`.

    Parameters
    ----------
    fn : callable
        ``fn(z)`` returns :math:`\sigma(z)`, an array of the shape of ``z``. It is
        called on 1-D and 2-D arrays, with :math:`z = \pm 50` and :math:`\pm 800`.

    Returns
    -------
    CheckResult

    Raises
    ------
    TypeError
        If ``fn`` is not callable.
    """
    return _check(fn, "sigmoid")


def check_cost(fn: Callable[..., Any]) -> CheckResult:
    r"""Check a cost function, equations :eq:`eq-loss` and :eq:`eq-cost`.

    Parameters
    ----------
    fn : callable
        ``fn(Y, A)`` (labels first, as the course's ``cost(y_true, y_pred)``)
        returns the mean binary cross-entropy :math:`J`, a number. ``Y`` and ``A``
        are rows of shape (1, M), M = 1 to 200, with all labels 0, all labels 1,
        and probabilities of exactly 0 and 1 on the side of their label (where
        the loss is 0).

    Returns
    -------
    CheckResult

    Raises
    ------
    TypeError
        If ``fn`` is not callable.
    """
    return _check(fn, "cost")


def check_forward(fn: Callable[..., Any]) -> CheckResult:
    r"""Check forward propagation :math:`A = \sigma(w^\mathsf{T} X + b)`, equation :eq:`eq-forward`.

    Parameters
    ----------
    fn : callable
        ``fn(w, b, X)`` with ``w`` of shape (N, 1), ``b`` a number (in one case a
        (1, 1) array, as the course keeps it) and ``X`` of shape (N, M) returns
        ``A`` of shape (1, M). N = 1, 2, 5; M = 1 to 200; logits up to
        :math:`\pm 800`.

    Returns
    -------
    CheckResult

    Raises
    ------
    TypeError
        If ``fn`` is not callable.
    """
    return _check(fn, "forward")


def check_backward(fn: Callable[..., Any]) -> CheckResult:
    r"""Check backward propagation, equations :eq:`eq-dz`, :eq:`eq-dw` and :eq:`eq-db`.

    The reference is :func:`binary_logreg.backward`, itself tested against
    central finite differences (:func:`binary_logreg.gradient_check`).

    Parameters
    ----------
    fn : callable
        ``fn(X, Y, A)`` returns ``(dw, db)``: ``dw`` of shape (N, 1), ``db`` a
        number (a mapping with keys ``"dw"`` and ``"db"`` is accepted too). It is
        called with N = 1, 2, 5, M = 1 to 200, all labels 0, all labels 1, and
        probabilities of exactly 0 and 1.

    Returns
    -------
    CheckResult

    Raises
    ------
    TypeError
        If ``fn`` is not callable.
    """
    return _check(fn, "backward")


def check_gradient_descent(fn: Callable[..., Any]) -> CheckResult:
    r"""Check a gradient-descent loop, equation :eq:`eq-update`.

    Parameters
    ----------
    fn : callable
        ``fn(X, Y, w_init, b_init, step_size, steps)`` returns ``(w, b)`` after
        ``steps`` full-batch updates (further returned items, such as a list of
        costs, are ignored). It must not change ``w_init``. Called with N = 1, 2,
        5, M = 1 and 200, random starts, step sizes from 0.05 to 2 and 1 to 30
        steps; ``b_init`` is a number, once a (1, 1) array.

    Returns
    -------
    CheckResult

    Raises
    ------
    TypeError
        If ``fn`` is not callable.
    """
    return _check(fn, "gradient_descent")


def check_confusion_matrix(fn: Callable[..., Any]) -> CheckResult:
    r"""Check a confusion matrix, equation :eq:`eq-confusion-matrix`.

    Parameters
    ----------
    fn : callable
        ``fn(y_true, y_pred)`` with 1-D integer arrays of labels 0 and 1 returns
        the 2×2 counts ``[[TN, FP], [FN, TP]]``: rows the real class, columns the
        predicted one.

    Returns
    -------
    CheckResult

    Raises
    ------
    TypeError
        If ``fn`` is not callable.
    """
    return _check(fn, "confusion_matrix")


def check_precision_recall_f1(fn: Callable[..., Any]) -> CheckResult:
    r"""Check precision, recall and F1, equations :eq:`eq-precision`, :eq:`eq-recall`, :eq:`eq-f1`.

    Where a metric is 0 / 0 (nothing predicted positive, no positive present),
    0 (as scikit-learn) and NaN are both accepted, NaN with a note.

    Parameters
    ----------
    fn : callable
        ``fn(y_true, y_pred)`` with 1-D integer arrays of labels 0 and 1 returns
        ``(precision, recall, f1)``.

    Returns
    -------
    CheckResult

    Raises
    ------
    TypeError
        If ``fn`` is not callable.
    """
    return _check(fn, "precision_recall_f1")
