"""The table: each exercise and each mistake. Its words are in ``table.ini``; here are
the references (the package's answers, with switches that turn each into a known
mistake) and the cases, drawn from seeds."""

from __future__ import annotations

import builtins
import configparser
import contextlib
import copy
import importlib.resources
import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np

from binary_logreg.cost import _cost_from_logits, cost
from binary_logreg.gradcheck import gradient_check
from binary_logreg.metrics import _confusion_matrix as _cm
from binary_logreg.metrics import _f1_score, _precision, _recall, confusion_matrix
from binary_logreg.model import _backward, _linear, _sigmoid, backward, forward, sigmoid

Parts = dict[str, np.ndarray]


def _f(value: Any) -> np.ndarray:
    return np.asarray(value, dtype=np.float64)


# ---------------------------------------------------------- references and switches
def _sigmoid_of(z, *, sign=1.0, nan=0, linear=0) -> np.ndarray:
    """σ(z) (eq-sigmoid); or σ(-z), the NaN-prone exp(z) / (1 + exp(z)), or z."""
    z = sign * _f(z)
    return z if linear else np.exp(z) / (1 + np.exp(z)) if nan else _sigmoid(z)


def _forward(w, b, X, *, bias=1.0, **switches) -> Parts:
    Z = _linear(w, float(np.squeeze(b)) * bias, X)  # (eq-linear)
    return {"A": _sigmoid_of(Z, **switches)}  # (eq-forward)


def _predict(w, b, X, *, strict=0, probabilities=0, **switches) -> Parts:
    """Labels 1 where a ≥ 0.5 (eq-decision-boundary)."""
    A = _forward(w, b, X, **switches)["A"]
    return {"labels": A if probabilities else _f(A > 0.5 if strict else A >= 0.5)}


def _cost(Y, A, *, course=0) -> Parts:
    if course:  # 0 · log 0 = NaN where the label switches a term off
        return {"J": _f(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))}
    return {"J": _f(cost(Y, A))}  # (eq-cost)


def _backward_of(X, Y, A, *, dz="") -> Parts:
    g = A - Y if not dz else -Y / A + (1 - Y) / (1 - A)  # (eq-dz), or dL/da ...
    g = g * A * (1 - A) if dz == "chain" else g  # ... or unsimplified (eq-chain-rule)
    return {"dw": X @ g.T / X.shape[1], "db": _f(np.mean(g))}  # (eq-dw), (eq-db)


def _descent(X, Y, w, b, step_size, steps, C=np.inf, **s) -> Parts:
    """Gradient descent (eq-update) with the L2 penalty λ = 1/(C M)
    (eq-penalised-dw); the costs are those before each update (eq-cost). The
    switches: sign, update_bias, decay and bias_decay scale the update, the
    gradient of the penalty and its bias term; per_sample drops the M from λ;
    extra and least change the number of steps; costs_after takes them later."""
    sign, bias, decay = s.get("sign", 1), s.get("update_bias", 1), s.get("decay", 1)
    steps = max(steps + s.get("extra", 0), s.get("least", 0))
    lam = decay / (C * (1 if s.get("per_sample") else X.shape[1]))
    w, b, costs = w.reshape(-1, 1), float(np.squeeze(b)), []
    for step in range(steps + 1):
        Z = _linear(w, b, X)
        costs.append(_cost_from_logits(Y, Z))  # (eq-cost-logits)
        if step < steps:
            dw, db = _backward(X, Y, _sigmoid(Z))  # (eq-dz), (eq-dw), (eq-db)
            w = w - sign * step_size * (dw + lam * w)
            b = b - sign * step_size * (db + s.get("bias_decay", 0) * lam * b) * bias
    costs = costs[1:] if s.get("costs_after") else costs[:-1]
    return {"w": w, "b": _f(b), "costs": _f(costs)}


def _counts(y_true, y_pred) -> np.ndarray:
    return _cm(np.ravel(y_true) > 0, np.ravel(y_pred) > 0)


def _metrics(y_true, y_pred, *, f1="") -> Parts:
    cm = _counts(y_true, y_pred)
    p, r = _precision(cm, 0.0), _recall(cm, 0.0)
    f = (p + r) / 2 if f1 == "mean" else _f1_score(cm, 0.0)  # (eq-f1)
    return {"precision": _f(p), "recall": _f(r), "f1": _f(f)}


def _model(X_train, Y_train, X_test, Y_test, w, b, step_size, steps, **s) -> Parts:
    """Week 2's model(): train, then the accuracy on both sets (eq-accuracy)."""
    X, Y = (X_test, Y_test) if s.get("on_test") else (X_train, Y_train)
    fitted = _descent(X, Y, w, b, step_size, steps)
    w, b, probabilities = fitted["w"], fitted["b"], s.get("probabilities", 0)
    for name, X, Y in (("train", X_train, Y_train), ("test", X_test, Y_test)):
        labels = _predict(w, b, X, probabilities=probabilities)["labels"]
        labels = labels.reshape(-1, 1) if s.get("pairs") else labels
        fitted[f"{name}_accuracy"] = _f(1 - np.mean(np.abs(labels - Y)))
    return fitted


REFERENCES = {
    "sigmoid": lambda z, **switches: {"σ(z)": _sigmoid_of(z, **switches)},
    "cost": _cost,
    "forward": _forward,
    "backward": _backward_of,
    "gradient_descent": _descent,
    "penalised_descent": _descent,
    "train": _descent,
    "confusion_matrix": lambda y_true, y_pred: {"C": _f(_counts(y_true, y_pred))},
    "precision_recall_f1": _metrics,
    "predict": _predict,
    "model": _model,
}
#: the earlier exercises a learner's function may call: the package's, while it runs
_EARLIER = {"sigmoid": sigmoid, "forward": forward, "cost": cost, "backward": backward}
CALLS = {
    "precision_recall_f1": {"confusion_matrix": confusion_matrix},
    "predict": _EARLIER,
    "model": _EARLIER
    | {
        "train": lambda *args: tuple(_descent(*args).values()),
        "predict": lambda *args: _predict(*args)["labels"],
    },
}


# ------------------------------------------------------------------------- cases
@dataclass(frozen=True)
class Case:
    description: str
    args: tuple[Any, ...]
    #: parts that are 0 / 0 here: 0 is the answer, a division by zero the mistake
    undefined: frozenset[str] = frozenset()
    #: an independent second opinion: central finite differences of the cost
    numerical: Parts | None = None

    def __str__(self) -> str:
        return self.description


def _text(values: Any) -> str:
    return "[" + ", ".join(f"{v:g}" for v in np.ravel(values)) + "]"


def _sigmoid_cases(rng) -> list[Case]:
    z, normal = _f([-800, -50, -1, 0, 1, 50, 800]), rng.normal(0, 5, (1, 200))
    return [
        Case(f"z = {_text(z)}", (z,)),
        Case("z of shape (1, 200), standard normal times 5", (normal,)),
        Case("z of shape (5, 3), standard normal", (rng.normal(size=(5, 3)),)),
        Case("z = [[-50.0]] (shape (1, 1))", (_f([[-50.0]]),)),
    ]


def _cost_cases(rng) -> list[Case]:
    Y, A = _f(rng.random((1, 200)) < 0.5), rng.uniform(0.01, 0.99, (1, 200))
    cases = [Case("M = 200 samples, random labels, A in (0.01, 0.99)", (Y, A))]
    for Y, A in _numbers("cost"):
        side = " (a = 0 and a = 1 on the right side: their loss is 0)" * (0 in A)
        labels = {0: "all labels 0: ", len(Y): "all labels 1: "}.get(sum(Y), "")
        labels = "M = 1: " if len(Y) == 1 else labels
        text = f"{labels}Y = [{_text(Y)}], A = [{_text(A)}]{side}"
        cases.append(Case(text, (_f([Y]), _f([A]))))
    return cases


def _weights_cases(rng) -> list[Case]:
    """Forward's cases: small by hand, large at random, logits of ±800."""
    normal, two, x = rng.normal, _f([[2]]), _f([[0.75]])
    w, X, X1 = normal(size=(5, 1)), normal(size=(5, 200)), normal(size=(1, 200))
    return [
        Case("N = 5 features, M = 200 samples, random w, b = 0.3", (w, 0.3, X)),
        Case("N = 1, M = 200, w = [[-1.5]], b = 2.0", (_f([[-1.5]]), 2.0, X1)),
        Case("N = 1, M = 1: w = [[2]], b = -0.5, X = [[0.75]]", (two, -0.5, x)),
    ]


def _forward_cases(rng) -> list[Case]:
    text = (
        "N = 2, M = 4 with logits z = [-800, -50, 50, 800]: w = [[1], [0]], b = 0.0 "
        "(as an array of shape (1, 1))"
    )
    X = _f([[-800, -50, 50, 800], [1, 2, 3, 4]])
    return [*_weights_cases(rng), Case(text, (_f([[1], [0]]), np.zeros((1, 1)), X))]


def _predict_cases(rng) -> list[Case]:
    z = _f([[-800, -2, -1e-3, 0, 1e-3, 2, 800]])
    text = f"N = 1, M = 7 with logits z = {_text(z)}: w = [[1]], b = 0.0, X = [z]"
    boundary = (
        "N = 2, M = 6 with z = [0, 0, 0, 0, 5, -3] (four samples on the decision "
        "boundary, a = 0.5 exactly): w = [[2], [-1]], b = -1.0 as an array of shape "
        "(1, 1)"
    )
    X = _f([[0.5, 1, 0, 2, 3, -1], [0, 1, -1, 3, 0, 0]])
    cases = [Case(text, (_f([[1]]), 0.0, z)), *_weights_cases(rng)]
    return [*cases, Case(boundary, (_f([[2], [-1]]), _f([[-1]]), X))]


def _backward_cases(rng) -> list[Case]:
    cases = []
    for n, m, labels, b in _numbers("backward"):
        X, w = rng.normal(size=(n, m)), rng.normal(size=(n, 1))
        Y = _f(rng.random((1, m)) < 0.5) if labels != 1 or m > 1 else np.ones((1, 1))
        Y = np.full((1, m), float(labels)) if labels in (0, 1) and m > 1 else Y
        g = gradient_check(w, b, X, Y).numerical
        text = f"all labels {labels:g}, " * (labels in (0, 1) and m > 1)
        text += f"N = {n}, M = {m}, A = σ(wᵀX + b)"
        numerical = {"dw": g[:-1].reshape(-1, 1), "db": g[-1]}
        A = _sigmoid(_linear(w, b, X))
        cases.append(Case(text, (X, Y, A), numerical=numerical))
    X = _f([[1, 2, -1, 0.5], [0, 1, 3, -2]])
    text = (
        "N = 2, M = 4, A = [[0, 1, 0.25, 1]] (a rounds to exactly 0 or 1 for |z| > "
        "37), Y = [[0, 1, 1, 0]]"
    )
    return [*cases, Case(text, (X, _f([[0, 1, 1, 0]]), _f([[0, 1, 0.25, 1]])))]


def _problem(rng, n: int, m: int) -> tuple:
    """X, Y drawn from a logistic model, and a random start (w_init, b_init)."""
    X = rng.normal(size=(n, m))
    Y = _f(rng.random((1, m)) < _sigmoid(2 * rng.normal(size=(n, 1)).T @ X))
    if m in (3, 5):  # both classes, not separable
        X, Y = _f([[-1.0, 0.5, 1.0, 0.2, -2.0][:m]]), _f([[1.0, 0, 1, 0, 1][:m]])
    return X, Y, rng.uniform(-1, 1, (n, 1)), float(rng.uniform(-1, 1))


def _loop_text(n: int, m: int, eta: float, steps: int) -> str:
    how = {0: "steps = 0 (w and b stay w_init and b_init)", 1: "1 step"}
    text = f"N = {n}, M = {m}, random start, step size {eta}, "
    text += how.get(steps, f"{steps} steps")
    text += ", b_init an array of shape (1, 1)" * (steps == 1)
    return text.replace("M = 3,", "M = 3: x = [-1, 0.5, 1], y = [1, 0, 1],")


def _descent_cases(rng) -> list[Case]:
    cases = []
    for n, m, eta, steps in _numbers("gradient_descent"):
        X, Y, w, b = _problem(rng, n, m)
        b = np.array([[b]]) if steps == 1 else b
        cases.append(Case(_loop_text(n, m, eta, steps), (X, Y, w, b, eta, steps)))
    return cases


def _penalised_cases(rng) -> list[Case]:
    """The loop's cases, each with a C that makes the penalty matter (λ = 1/(C M))."""
    Cs = _numbers("penalised_descent")[0]
    pairs = zip(_descent_cases(rng), Cs, strict=True)
    return [
        Case(f"{case.description}, C = {C:g}", (*case.args, C)) for case, C in pairs
    ]


def _label_cases(rng) -> list[Case]:
    y_true = rng.integers(0, 2, 200)
    y_pred = np.where(rng.random(200) < 0.3, 1 - y_true, y_true)
    cases = [Case("M = 200 random labels, 30 % predicted wrong", (y_true, y_pred))]
    for t, p in _numbers("confusion_matrix"):
        (_, fp), (fn, tp) = _counts(t, p)
        zero = {"precision": tp + fp, "recall": tp + fn, "f1": 2 * tp + fp + fn}
        undefined = frozenset(part for part, total in zero.items() if total == 0)
        text = f"y_true = {_text(t)}, y_pred = {_text(p)}"
        cases.append(Case(text, (np.asarray(t, int), np.asarray(p, int)), undefined))
    return cases


def _model_cases(rng) -> list[Case]:
    cases = []
    for n, train, test, eta, steps in _numbers("model"):
        X, Y, w, b = _problem(rng, n, train + test)
        b = np.array([[b]]) if steps == 1 else b
        text = f"{train} training and {test} test samples, "
        text += _loop_text(n, 0, eta, steps).replace(", M = 0", "")
        sets = (X[:, :train], Y[:, :train], X[:, train:], Y[:, train:])
        cases.append(Case(text, (*sets, w, b, eta, steps)))
    return cases


CASES = {
    "sigmoid": _sigmoid_cases,
    "cost": _cost_cases,
    "forward": _forward_cases,
    "backward": _backward_cases,
    "gradient_descent": _descent_cases,
    "penalised_descent": _penalised_cases,
    "train": _descent_cases,
    "confusion_matrix": _label_cases,
    "precision_recall_f1": _label_cases,
    "predict": _predict_cases,
    "model": _model_cases,
}


# ------------------------------------------------------------- the table's rows
def _table() -> configparser.ConfigParser:
    words = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    words.optionxform = str  # type: ignore[assignment, method-assign]
    text = importlib.resources.files(__package__).joinpath("table.ini")
    words.read_string(text.read_text(encoding="utf-8"))
    return words


TABLE = _table()
WORDS = {s: {k: " ".join(v.split()) for k, v in TABLE[s].items()} for s in TABLE}
MESSAGES, TYPES, NOTES = WORDS["messages"], WORDS["types"], WORDS["notes"]


def _numbers(key: str) -> list[Any]:
    """The numbers of the cases of ``key`` in the table: a row a line, of numbers or
    (split by ":") of lists."""
    lines = [line.split(":") for line in TABLE[key]["cases"].strip().splitlines()]
    rows = [[[_number(x) for x in part.split()] for part in line] for line in lines]
    return [row[0] if len(row) == 1 else row for row in rows]


def say(message: str, /, **fields: Any) -> str:
    """The sentence ``message`` of the table's messages, filled in."""
    return MESSAGES[message].format(**fields)


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
        self.warning_note = NOTES.get(row.get("warning", ""), "")
        self.close_note = NOTES.get(row.get("close", ""), "")

    def cases(self) -> list[Case]:
        return CASES[self.key](np.random.default_rng(sorted(CASES).index(self.key)))

    def reference(self, args: tuple[Any, ...], **switches: Any) -> Parts:
        full = REFERENCES[self.key](*args, **switches)
        return {part: full[part] for part in self.parts}


class Mistake:
    """One mistake of the catalogue, recognised from behaviour: a row
    ``[exercises | name]`` of the table (its keys are explained there)."""

    def __init__(
        self, name: str, check: str, row: dict[str, str], parts: tuple
    ) -> None:
        self.name, self.check, self.label = name, check, row.get("label", "")
        self.explanation, self.kind = row["text"], row.get("kind", "value")
        self.parts, self.argument = parts, row.get("argument", "")
        switches = (switch.split("=") for switch in row.get("switches", "").split())
        self.switches = {switch: _number(value) for switch, value in switches}
        self.transform = tuple(row.get("predict", "same").split())
        self.exceptions = tuple(
            getattr(builtins, e) for e in row.get("exceptions", "").split()
        )
        self.words = tuple(word.strip() for word in row.get("words", "|").split("|"))
        self.undefined = "undefined" in row

    def __repr__(self) -> str:
        return f"Mistake({self.name!r}, {self.check!r})"

    def on(self, parts: tuple[str, ...]) -> Mistake:
        """This mistake, recognised on ``parts`` only."""
        alone = copy.copy(self)
        alone.parts = parts
        return alone

    def predict(self, args: tuple[Any, ...]) -> Parts:
        """What a function with this mistake returns for ``args``: the reference
        with the switches, then one transform (the table's ``predict``)."""
        exercise = EXERCISES[self.check]
        ours = exercise.reference(args, **self.switches)
        verb, *how = self.transform
        if verb == "swap":
            return dict(zip(exercise.parts, (ours[p] for p in how), strict=True))
        if verb == "scale":  # a number, or M, ln10, ln2 over one another
            arguments = zip(args, exercise.arguments, strict=True)
            M = next((np.size(a) for a, n in arguments if n in ("Y", "y_true")), 0)
            named = {"M": M, "ln10": np.log(10), "ln2": np.log(2)}
            top, _, bottom = how[0].partition("/")
            factor = float(named.get(top, top)) / float(named.get(bottom, bottom or 1))
        change = {
            "same": lambda v: v,
            "transpose": np.transpose,
            "complement": lambda v: 1 - v,
            "flip": lambda v: v[::-1, ::-1],
            "scale": lambda v: v * factor,
        }[verb]
        return {part: change(value) for part, value in ours.items()}


def _number(text: str) -> Any:
    for kind in (int, float):
        with contextlib.suppress(ValueError):
            return kind(text)
    return text


def _rows() -> tuple[dict[str, Exercise], tuple[Mistake, ...]]:
    exercises, mistakes = {}, []
    for key, row in list(WORDS.items())[4:]:  # after DEFAULT, messages, types, notes
        checks, _, name = (text.strip() for text in key.partition("|"))
        if not name:
            exercises[key] = Exercise(key, row)
        for check in checks.split() if name else ():
            own = " ".join(exercises[check].parts) if check in exercises else ""
            whole = row.get("kind", "value") in ("value", "nonfinite")
            parts = tuple(row.get("parts", own if whole else "").split())
            mistakes.append(Mistake(name, check.strip("*"), row, parts))
    return exercises, tuple(mistakes)


EXERCISES, MISTAKES = _rows()


def mistakes_of(key: str) -> list[Mistake]:
    """The catalogue's mistakes of the exercise ``key``, its own first."""
    own = [m for m in MISTAKES if m.check == key]
    return own + [m for m in MISTAKES if not m.check]


def permutations(n: int) -> list[tuple[int, ...]]:
    """Every other order of n items (of more than four, only the swaps of two)."""
    if n <= 4:
        return list(itertools.permutations(range(n)))[1:]
    swaps = [list(range(n)) for _ in itertools.combinations(range(n), 2)]
    for order, (i, j) in zip(swaps, itertools.combinations(range(n), 2), strict=True):
        order[i], order[j] = j, i
    return [tuple(order) for order in swaps]
