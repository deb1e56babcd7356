"""The table: each exercise and each mistake. Its words and hand-made cases are in
``table.ini``; here are the references (the package's answers, with switches that
turn each into a known mistake) and the random cases, drawn from seeds."""

from __future__ import annotations

import builtins
import configparser
import contextlib
import functools
import importlib.resources
import itertools
import json
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from binary_logreg.cost import _cost_from_logits, cost
from binary_logreg.gradcheck import gradient_check
from binary_logreg.metrics import _confusion_matrix as _cm
from binary_logreg.metrics import _f1_score, _precision, _recall, confusion_matrix
from binary_logreg.model import _backward, _linear, _sigmoid

Parts = dict[str, np.ndarray]
_f = functools.partial(np.asarray, dtype=np.float64)


# ---------------------------------------------------------- references and switches
def _sigmoid_of(z, *, sign=1.0, nan=0, linear=0, integer=0) -> np.ndarray:
    """σ(z) (eq-sigmoid); or σ(-z), the NaN-prone exp(z) / (1 + exp(z)), z, or σ(z)
    cut to the integer dtype of z."""
    kind, z = np.asarray(z).dtype, sign * _f(z)
    a = z if linear else np.exp(z) / (1 + np.exp(z)) if nan else _sigmoid(z)
    return a.astype(kind) if integer and kind.kind in "iu" else a


def _forward(w, b, X, *, bias=1.0, **switches) -> np.ndarray:
    Z = _linear(w, float(np.squeeze(b)) * bias, X)  # (eq-linear)
    return _sigmoid_of(Z, **switches)  # (eq-forward)


def _predict(w, b, X, *, strict=0, probabilities=0, **switches) -> np.ndarray:
    """Labels 1 where a ≥ 0.5 (eq-decision-boundary)."""
    A = _forward(w, b, X, **switches)
    return A if probabilities else _f(A > 0.5 if strict else A >= 0.5)


def _cost(Y, A, *, course=0, swapped=0) -> np.ndarray:
    """J (eq-cost); or the course's form, NaN where a label switches a term off; or
    each label's term swapped with the other's."""
    if swapped:
        return _f(-np.mean(np.log(np.where(Y == 1, 1 - A, A))))
    return _f(
        -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)) if course else cost(Y, A)
    )


def _backward_of(X, Y, A, *, da=0, chain=0) -> Parts:
    g = -Y / A + (1 - Y) / (1 - A) if da or chain else A - Y  # dL/da, or (eq-dz)
    g = g * A * (1 - A) if chain else g  # ... times da/dz (eq-chain-rule)
    return {"dw": X @ g.T / X.shape[1], "db": _f(np.mean(g))}  # (eq-dw), (eq-db)


def _descent(X, Y, w, b, step_size, steps, C=np.inf, **s) -> Parts:
    """Gradient descent (eq-update) with the L2 penalty λ = 1/(C M) (eq-penalised-dw),
    the costs before each update (eq-cost); ``s``, the switches of its mistakes."""
    sign, bias, decay = s.get("sign", 1), s.get("update_bias", 1), s.get("decay", 1)
    more = s.get("extra", 0) + (s.get("after", 0) if steps else 0)
    steps = 0 if s.get("still") else max(steps + more, s.get("least", 0))
    lam = decay / (C * (1 if s.get("per_sample") else X.shape[1]))
    w, b, costs = w.reshape(-1, 1), float(np.squeeze(b)), []
    for step in range(steps + 1):
        Z = _linear(w, b, X)
        costs.append(
            _cost(Y, _sigmoid(Z), course=1)
            if s.get("course")
            else _cost_from_logits(Y, Z)
        )  # (eq-cost-logits)
        if step < steps:
            dw, db = _backward(X, Y, _sigmoid(Z))  # (eq-dz), (eq-dw), (eq-db)
            w = w - sign * step_size * (dw + lam * w)
            b = b - sign * step_size * (db + s.get("bias_decay", 0) * lam * b) * bias
    costs = (costs[1:] if s.get("costs_after") else costs[:-1])[:: s.get("every", 1)]
    return {"w": w, "b": _f(b), "costs": _f(costs)}


def _counts(y_true, y_pred) -> np.ndarray:
    return _cm(np.ravel(y_true) > 0, np.ravel(y_pred) > 0)  # (eq-confusion-matrix)


def undefined(y_true, y_pred) -> bool:
    """Whether precision or recall is 0 / 0 here: 0 the answer, a division the error."""
    (_, fp), (fn, tp) = _counts(y_true, y_pred)
    return not (tp + fp and tp + fn)


def _metrics(y_true, y_pred, *, mean=0) -> Parts:
    cm = _counts(y_true, y_pred)
    p, r = _precision(cm, 0.0), _recall(cm, 0.0)
    f = (p + r) / 2 if mean else _f1_score(cm, 0.0)  # (eq-f1)
    return {"precision": _f(p), "recall": _f(r), "f1": _f(f)}


def _model(X_train, Y_train, X_test, Y_test, w, b, step_size, steps, **s) -> Parts:
    """Week 2's model(): train, then the accuracy on both sets (eq-accuracy)."""
    X, Y = (X_test, Y_test) if s.get("on_test") else (X_train, Y_train)
    fitted = _descent(X, Y, w, b, step_size, steps, **s)  # with a loop's mistakes
    for name, X, Y in (("train", X_train, Y_train), ("test", X_test, Y_test)):
        A = _predict(
            fitted["w"],
            fitted["b"],
            X,
            probabilities=s.get("probabilities"),
            strict=s.get("strict", 0),
        )
        A = A.reshape(-1, 1) if s.get("pairs") else A
        fitted[f"{name}_accuracy"] = _f(1 - np.mean(np.abs(A - Y)))
    return fitted


def _train(X, Y, w_init, b_init, step_size, steps) -> tuple:
    """The capstone's train: w, b and the costs."""
    return tuple(_descent(X, Y, w_init, b_init, step_size, steps).values())


#: the earlier exercises whose learner's functions the statement names: the
#: package's stand in for those that fail their own checks (so that two mistakes
#: cannot cancel); other helpers of the learner's are part of the function
CALLS = {
    "precision_recall_f1": {"confusion_matrix": confusion_matrix},
    "model": {"train": _train, "predict": _predict},
}


# ------------------------------------------------------------------ random cases
@dataclass(frozen=True, eq=False)
class Case:
    description: str
    args: tuple[Any, ...]
    reference: Parts | None = None  #: our results
    #: an independent second opinion: central finite differences of the cost
    numerical: Parts | None = None

    def __str__(self) -> str:
        return self.description


def _sigmoid_case(rng, *shape_and_scale: float) -> Case:
    *shape, scale = shape_and_scale
    z = rng.normal(0, scale, tuple(shape))
    return Case(f"standard normal times {scale:g}", (z,))


def _cost_case(rng, m: int) -> Case:
    Y, A = _f(rng.random((1, m)) < 0.5), rng.uniform(0.01, 0.99, (1, m))
    return Case("random labels, A in (0.01, 0.99)", (Y, A))


def _weights_case(rng, n: int, m: int, b: float, w: float | None = None) -> Case:
    """Forward's and predict's: X at random, and w unless given."""
    w = rng.normal(size=(n, 1)) if w is None else _f([[w]])
    return Case("", (w, b, rng.normal(size=(n, m))))


def _backward_case(rng, n: int, m: int, labels: float, b: float) -> Case:
    """Labels 1 for M = 1, else all 0, all 1, or random for 0.5; A = σ(wᵀX + b)."""
    X, w = rng.normal(size=(n, m)), rng.normal(size=(n, 1))
    Y = _f(rng.random((1, m)) < 0.5) if labels != 1 or m > 1 else np.ones((1, 1))
    Y = np.full((1, m), float(labels)) if labels in (0, 1) and m > 1 else Y
    g = gradient_check(w, b, X, Y).numerical
    numerical = {"dw": g[:-1].reshape(-1, 1), "db": g[-1]}
    A = _sigmoid(_linear(w, b, X))
    text = f"all labels {labels:g}, " * (labels in (0, 1) and m > 1)
    return Case(f"{text}A = σ(wᵀX + b)", (X, Y, A), numerical=numerical)


def _both_classes(Y: np.ndarray) -> None:
    """Labels of one class only get the other as their first (in place: a view too)."""
    if Y.min() == Y.max():
        Y[0, 0] = 1 - Y[0, 0]


def _descent_case(rng, n: int, m: int, eta: float, steps: int, *more) -> Case:
    """X, Y drawn from a logistic model v (or "separable": from the sign of vᵀX,
    and v the start, where every sample is right), a random start (b_init an array
    of shape (1, 1) for 1 step; "near": 1e-5 from the optimum, where the cost hardly
    moves; "backwards": -v, where most are wrong; "zero": where every a is 0.5),
    and the penalised loop's C."""
    C = tuple(c for c in more if not isinstance(c, str))
    X, u, v = rng.normal(size=(n, m)), rng.random((1, m)), 2 * rng.normal(size=(n, 1))
    Y = _f(v.T @ X > 0 if "separable" in more else u < _sigmoid(v.T @ X))
    if m in (3, 5):  # both classes, not separable
        X, Y = _f([[-1.0, 0.5, 1.0, 0.2, -2.0][:m]]), _f([[1.0, 0, 1, 0, 1][:m]])
    _both_classes(Y)
    w, b = rng.uniform(-1, 1, (n, 1)), float(rng.uniform(-1, 1))
    starts = {"separable": v, "backwards": -v, "zero": np.zeros((n, 1))}
    for flag in set(starts) & set(more):
        w, b = starts[flag], 0.0
    if "near" in more:  # ~1000 steps of size 1 reach the optimum to ~1e-12
        optimum = _descent(X, Y, np.zeros((n, 1)), 0.0, 1.0, 1000, *C)
        w, b = optimum["w"] + 1e-5, float(optimum["b"]) - 1e-5
    b = np.array([[b]]) if steps == 1 else b
    said = {
        "separable": "separable classes, every sample right at the start",
        "near": "started 1e-5 from the optimum",
        "backwards": "started where most samples are wrong",
        "zero": "started at w = 0, b = 0, where every a is 0.5",
    }
    text = ", ".join(said[f] for f in more if f in said)
    return Case(text, (X, Y, w, b, eta, steps, *C))


def _label_case(rng, m: int, wrong: float) -> Case:
    y_true = rng.integers(0, 2, m)
    y_pred = np.where(rng.random(m) < wrong, 1 - y_true, y_true)
    return Case(f"random labels, {wrong:.0%} predicted wrong", (y_true, y_pred))


def _model_case(rng, n: int, train: int, test: int, eta: float, steps: int, *more):
    case = _descent_case(rng, n, train + test, eta, steps, *more)
    X, Y, *start = case.args
    _both_classes(Y[:, :train])  # in the training set too
    split = (X[:, :train], Y[:, :train], X[:, train:], Y[:, train:])
    return Case(case.description, (*split, *start))


#: each exercise's reference (our results, which the mistakes' switches turn into
#: theirs) and its random case, drawn from a row of numbers of its `draws`
FUNCTIONS = {
    "sigmoid": (_sigmoid_of, _sigmoid_case),
    "cost": (_cost, _cost_case),
    "forward": (_forward, _weights_case),
    "backward": (_backward_of, _backward_case),
    "gradient_descent": (_descent, _descent_case),
    "penalised_descent": (_descent, _descent_case),
    "train": (_descent, _descent_case),
    "confusion_matrix": (_counts, _label_case),
    "precision_recall_f1": (_metrics, _label_case),
    "predict": (_predict, _weights_case),
    "model": (_model, _model_case),
}


# ------------------------------------------------------------- the table's rows
TABLE = configparser.ConfigParser(interpolation=None, delimiters=("=",))
TABLE.optionxform = str  # type: ignore[assignment, method-assign]
TABLE.read_string(
    (importlib.resources.files(__package__) / "table.ini").read_text("utf-8")
)
WORDS = {s: {k: " ".join(v.split()) for k, v in TABLE[s].items()} for s in TABLE}
MESSAGES, TYPES, NOTES = WORDS["messages"], WORDS["types"], WORDS["notes"]


def say(message: str, /, **fields: Any) -> str:
    """The sentence ``message`` of the table's messages, filled in."""
    return MESSAGES[message].format(**fields)


def _text(value: Any) -> str:
    """An argument as the statement writes it: [[0.5, 1], [0, 2]]."""
    value = np.asarray(value)
    return f"[{', '.join(map(_text, value))}]" if value.ndim else f"{value:g}"


class Exercise:
    """One "Your turn" exercise, a row ``[key]`` of the table (its keys are explained
    there): the learner writes ``key``, ``check_<key>`` checks it."""

    def __init__(self, key: str, row: dict[str, str]) -> None:
        parts = [part.split(":") for part in row["parts"].split()]
        self.key, self.checker, self.page = key, f"check_{key}", row["page"]
        self.title, self.attempt = row["title"], row["attempt"]
        self.summary = row["summary"]
        self.arguments = tuple(row["arguments"].split())
        self.labels = {part: label for part, label, _ in parts}  # their equations
        self.types = {part: rule for part, _, rule in parts}  # their rules of [types]
        self.parts = tuple(self.labels)
        self.rtol, self.atol = map(float, row["tolerance"].split())
        self.returns, self.extra_items = row.get("returns", ""), "extra" in row
        self.exact = "exact" in row  # our values of exactly 0 or 1 must be yours
        self.warning_note = NOTES.get(row.get("warning", ""), "")
        self.close_note = NOTES.get(row.get("close", ""), "")
        self.rows = TABLE[row.get("cases of", key)]  # the section of its cases

    @functools.cached_property
    def cases(self) -> tuple[Case, ...]:
        """The rows of ``inputs``, each with our results: arguments as JSON split by
        ";" (integers for labels, or "integers"), after a "|" what the case shows;
        "random" (first if not given) stands for the random cases, a row of
        ``draws`` each."""
        cases, rows = [], self.rows.get("inputs", "").splitlines()
        rng = np.random.default_rng(sorted(FUNCTIONS).index(self.key))
        for line in rows if "random" in rows else ["random", *rows]:
            if line == "random":
                draw, draws = FUNCTIONS[self.key][1], self.rows.get("draws", "")
                for row in draws.splitlines():  # numbers, and words: flags
                    words = (t if t.isalpha() else json.loads(t) for t in row.split())
                    cases.append(draw(rng, *words))
            else:
                values, _, lead = (text.strip() for text in line.partition("|"))
                labels = "y_true" in self.arguments or lead.startswith("integers")
                kind = np.uint8 if "unsigned" in lead else int if labels else float
                args = (json.loads(value) for value in values.split(";"))
                args = (np.asarray(a, kind) if isinstance(a, list) else a for a in args)
                cases.append(Case(lead, tuple(args)))
        return tuple(
            replace(c, description=self.describe(c), reference=self.reference(c.args))
            for c in cases
        )

    def describe(self, case: Case) -> str:
        """What the case shows, and its arguments as the statement writes them (of
        more than 12 numbers, their shape)."""
        said = ", ".join(
            f"{n} of shape {np.shape(a)}" if np.size(a) > 12 else f"{n} = {_text(a)}"
            for n, a in zip(self.arguments, case.args, strict=True)
        )
        return f"{case.description}: {said}" if case.description else said

    def reference(self, args: tuple[Any, ...], **switches: Any) -> Parts:
        full = FUNCTIONS[self.key][0](*args, **switches)
        full = full if isinstance(full, dict) else {self.parts[0]: _f(full)}
        return {part: full[part] for part in self.parts}


class Mistake:
    """One mistake of the catalogue, recognised from behaviour: a row
    ``[exercises | name]`` of the table (its keys are explained there), of the
    exercise ``of`` (None for any)."""

    def __init__(self, name: str, of: Exercise | None, row: dict[str, str]) -> None:
        self.name, self.check = name, of.key if of else ""
        self.explanation, self.kind = row["text"], row.get("kind", "value")
        whole = of.parts if of and self.kind in ("value", "nonfinite") else ()
        self.parts = tuple(row["parts"].split()) if "parts" in row else whole
        first = of.labels[self.parts[0]] if self.parts else ""  # the default label
        self.label, self.argument = row.get("label", first), row.get("argument", "")
        switches = (switch.split("=") for switch in row.get("switches", "").split())
        self.switches = {switch: json.loads(value) for switch, value in switches}
        self.transform = tuple(row.get("predict", "same").split())
        exceptions = row.get("exceptions", "").split()
        self.exceptions = tuple(getattr(builtins, e) for e in exceptions)
        self.words = tuple(word.strip() for word in row.get("words", "|").split("|"))
        self.undefined = "undefined" in row
        self.arrays = tuple(row.get("array", "").split())
        self.rtol = float(row["rtol"]) if "rtol" in row else None

    def __repr__(self) -> str:
        return f"Mistake({self.name!r}, {self.check!r})"

    @functools.cache  # noqa: B019 - the mistakes and the cases live on
    def predict(self, case: Case) -> Parts:
        """What a function with this mistake returns on the case (empty if it cannot
        tell): the reference with the switches, then the table's ``predict``."""
        exercise, (verb, *how) = EXERCISES[self.check], self.transform
        with np.errstate(all="ignore"), contextlib.suppress(Exception):
            ours = exercise.reference(case.args, **self.switches)
            if verb == "swap":
                return dict(zip(exercise.parts, (ours[p] for p in how), strict=True))
            if verb == "scale":  # a number, or M, ln10, ln2 over one another
                names = zip(case.args, exercise.arguments, strict=True)
                M = next((np.size(a) for a, n in names if n in ("Y", "y_true")), 0)
                named = {"M": M, "ln10": np.log(10), "ln2": np.log(2), "": 1}
                top, bottom = (named.get(t, t) for t in (*how[0].split("/"), "")[:2])
                factor = float(top) / float(bottom)
            change = {
                "transpose": np.transpose,
                "complement": lambda v: 1 - v,
                "flip": np.flip,
                "scale": lambda v: v * factor,
            }.get(verb, _f)
            return {part: _f(change(value)) for part, value in ours.items()}
        return {}


def _rows() -> tuple[dict[str, Exercise], tuple[Mistake, ...]]:
    exercises, mistakes = {}, []
    for key, row in list(WORDS.items())[4:]:  # after DEFAULT, messages, types, notes
        checks, _, name = (text.strip() for text in key.partition("|"))
        if not name:
            exercises[key] = Exercise(key, row)
        for check in checks.split() if name else ():  # * for any exercise
            of = None if check == "*" else exercises[check]
            mistakes.append(Mistake(name, of, row))
    return exercises, tuple(mistakes)


EXERCISES, MISTAKES = _rows()


def orders(n: int) -> list[tuple[int, ...]]:
    """Every other order of n items (of more than four, the swaps of two and the
    turns of three in a row)."""
    if n <= 4:
        return list(itertools.permutations(range(n)))[1:]
    swapped = ({i: j, j: i} for i, j in itertools.combinations(range(n), 2))
    turned = ({i: i + 1, i + 1: i + 2, i + 2: i} for i in range(n - 2))
    back = ({i + 1: i, i + 2: i + 1, i: i + 2} for i in range(n - 2))
    moves = itertools.chain(swapped, turned, back)
    return [tuple(move.get(k, k) for k in range(n)) for move in moves]
