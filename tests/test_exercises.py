"""The exercise checkers: every catalogued mistake, written two ways, is named."""

from __future__ import annotations

import cProfile
import decimal
import fractions
import math
import re
import sys
import threading
import time
import warnings

import numpy as np
import pytest
from exercises_corpus import FLOAT_OF_A_MATRIX

import binary_logreg as bl
from binary_logreg import exercises as ex
from binary_logreg.exercises import safe_call
from binary_logreg.textbook import textbook_gradient_descent

CHECKS = {
    "sigmoid": ex.check_sigmoid,
    "cost": ex.check_cost,
    "forward": ex.check_forward,
    "backward": ex.check_backward,
    "gradient_descent": ex.check_gradient_descent,
    "penalised_descent": ex.check_penalised_descent,
    "confusion_matrix": ex.check_confusion_matrix,
    "precision_recall_f1": ex.check_precision_recall_f1,
    "train": ex.check_train,
    "predict": ex.check_predict,
    "model": ex.check_model,
}


# ------------------------------------------------------------- helpers for the bugs
def stable_sigmoid(z):
    return bl.sigmoid(z)


def _selected(Y, A):
    """The probability each label selects, sample by sample (a loop)."""
    return [a if y == 1 else 1.0 - a for y, a in zip(Y.ravel(), A.ravel(), strict=True)]


def _counts(t, p):
    tp = fp = fn = tn = 0
    for ti, pi in zip(np.ravel(t), np.ravel(p), strict=True):
        if ti == 1 and pi == 1:
            tp += 1
        elif ti == 0 and pi == 1:
            fp += 1
        elif ti == 1:
            fn += 1
        else:
            tn += 1
    return tn, fp, fn, tp


def _safe(num, den, undefined=0.0):
    return num / den if den else undefined


def _prf_vectorised(t, p, undefined=0.0):
    t, p = np.asarray(t).ravel(), np.asarray(p).ravel()
    tp = np.sum((t == 1) & (p == 1))
    fp = np.sum((t == 0) & (p == 1))
    fn = np.sum((t == 1) & (p == 0))
    return tuple(
        _safe(a, b, undefined)
        for a, b in ((tp, tp + fp), (tp, tp + fn), (2 * tp, 2 * tp + fp + fn))
    )


def _prf_loop(t, p, undefined=0.0):
    _, fp, fn, tp = _counts(t, p)
    return (
        _safe(tp, tp + fp, undefined),
        _safe(tp, tp + fn, undefined),
        _safe(2 * tp, 2 * tp + fp + fn, undefined),
    )


def _notebook(source):
    """The function a notebook cell defines last, with the functions it calls."""
    namespace = {"np": np}
    exec(source, namespace)
    return namespace["precision_recall_f1"]


TRANSPOSED_CM = """
def confusion_matrix(y_true, y_pred):
    return np.array([[np.sum((y_true == i) & (y_pred == j)) for i in (0, 1)] for j in (0, 1)])
"""
CLASS_1_FIRST_CM = """
def confusion_matrix(y_true, y_pred):
    C = [[0, 0], [0, 0]]
    for t, p in zip(y_true, y_pred):
        C[1 - t][1 - p] += 1
    return C
"""
PRF_FROM_CM = """
def precision_recall_f1(y_true, y_pred):
    (_, FP), (FN, TP) = confusion_matrix(y_true, y_pred)
    P = TP / (TP + FP) if TP + FP else 0.0
    R = TP / (TP + FN) if TP + FN else 0.0
    return P, R, 2 * TP / (2 * TP + FP + FN) if TP else 0.0
"""


def _loop_gradients(X, Y, A, dz_of=lambda a, y: a - y):
    n, m = X.shape
    dw, db = np.zeros((n, 1)), 0.0
    for j in range(m):
        dz = dz_of(A[0, j], Y[0, j])
        dw[:, 0] += X[:, j] * dz
        db += dz
    return dw, db, m


def _lean_sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


def _lean_cost(Y, A):
    return -np.mean(np.log(np.where(Y == 1, A, 1 - A)))


def _descent(
    X,
    Y,
    w,
    b,
    eta,
    steps,
    *,
    sign=-1.0,
    update_b=True,
    start=0,
    extra=0,
    do_while=False,
    cost_after=False,
):
    """Vectorised loop; sign=-1 is descent. Returns w, b and the costs."""
    w, costs = w.copy(), []
    for _ in range(start, max(steps + extra, 1 if do_while else 0)):
        A = _lean_sigmoid(w.T @ X + b)
        dz = A - Y
        w = w + sign * eta * (X @ dz.T) / X.shape[1]
        if update_b:
            b = b + sign * eta * np.mean(dz)
        costs.append(_lean_cost(Y, _lean_sigmoid(w.T @ X + b) if cost_after else A))
    return w, b, np.array(costs[:steps] if extra else costs)


def _course_costs(X, Y, w, b, eta, steps):
    """The costs of the package's run in the course's form: NaN where a = 1, y = 1."""
    costs = []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        with np.errstate(all="ignore"):
            costs.append(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
        dw, db = bl.backward(X, Y, A)
        w, b = w - eta * dw, b - eta * db
    return costs


def _update_swallowed(X, Y, w, b, eta, steps):
    """Each update raises (db is a number), and a bare except drops it."""
    costs = []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        try:
            dw, db = bl.backward(X, Y, A)
            w, b = w - eta * dw, b - eta * db[0]
        except Exception:  # the mistake under test
            continue
    return w, b, costs


def _descent_loop(
    X,
    Y,
    w,
    b,
    eta,
    steps,
    *,
    sign=-1.0,
    update_b=True,
    start=0,
    extra=0,
    do_while=False,
    cost_after=False,
):
    """Sample-by-sample gradients, as a first attempt might write them."""
    w = np.array(w, dtype=float)
    b = float(np.sum(b))
    costs = []
    i = start
    while i < steps + extra or (do_while and i == 0):
        A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
        if not cost_after:
            costs.append(-np.mean(np.log(np.where(Y == 1, A, 1 - A))))
        dw, db, m = _loop_gradients(X, Y, A)
        w = w + sign * eta * dw / m
        if update_b:
            b = b + sign * eta * db / m
        if cost_after:
            A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
            costs.append(-np.mean(np.log(np.where(Y == 1, A, 1 - A))))
        i += 1
    return w, b, costs[:steps]


def _in_place_vectorised(X, Y, w_init, b_init, eta, steps):
    w, b = w_init, b_init
    for _ in range(steps):
        dz = bl.sigmoid(w.T @ X + b) - Y
        w -= eta * (X @ dz.T) / X.shape[1]
        b = b - eta * np.mean(dz)
    return w, b, []


def _in_place_out(X, Y, w_init, b_init, eta, steps):
    b = b_init
    for _ in range(steps):
        dz = bl.sigmoid(w_init.T @ X + b) - Y
        np.subtract(w_init, eta * (X @ dz.T) / X.shape[1], out=w_init)
        b = b - eta * np.mean(dz)
    return w_init, b


def _cm_vectorised(t, p, order=(0, 1)):
    t, p = np.asarray(t).ravel(), np.asarray(p).ravel()
    return np.array([[np.sum((t == i) & (p == j)) for j in order] for i in order])


def _cm_loop(t, p):
    C = [[0, 0], [0, 0]]
    for ti, pi in zip(np.ravel(t), np.ravel(p), strict=True):
        C[int(ti)][int(pi)] += 1
    return np.array(C)


# ----------------------------------------------------- the capstone's predict and model
def _logits_loop(w, b, X):
    return [float(w[:, 0] @ X[:, m] + np.sum(b)) for m in range(X.shape[1])]


def _labels_loop(w, b, X, rule):
    """One label per sample, ``rule(z)`` of its logit, as a (1, M) array."""
    return np.array([[rule(z) for z in _logits_loop(w, b, X)]])


def _fit(X, Y, w, b, eta, steps):
    result = bl.gradient_descent(X, Y, w, b, step_size=eta, steps=steps)
    return result.w, result.b, list(result.costs)


def _accuracy_vectorised(w, b, X, Y):
    return np.mean((bl.forward(w, b, X) >= 0.5) == Y)


def _accuracy_loop(w, b, X, Y):
    right = sum(
        int((z >= 0) == (y == 1))
        for z, y in zip(_logits_loop(w, b, X), Y.ravel(), strict=True)
    )
    return right / X.shape[1]


def _model(fit, accuracy, *, on_test=False, scores=lambda train, test: (train, test)):
    """A learner's model(): ``fit`` trains, ``accuracy`` scores, ``scores`` reports."""

    def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
        X, Y = (X_test, Y_test) if on_test else (X_train, Y_train)
        w, b, costs = fit(X, Y, w_init, b_init, step_size, steps)
        train, test = scores(
            accuracy(w, b, X_train, Y_train), accuracy(w, b, X_test, Y_test)
        )
        return {
            "w": w,
            "b": b,
            "costs": costs,
            "train_accuracy": train,
            "test_accuracy": test,
        }

    return model


def _week2_percent(w, b, X, Y):
    labels = (bl.forward(w, b, X) >= 0.5).astype(float)
    return 100 - np.mean(np.abs(labels - Y)) * 100


def _error_rate_loop(w, b, X, Y):
    return 1 - _accuracy_loop(w, b, X, Y)


def _probability_accuracy(w, b, X, Y):
    return 1 - np.mean(np.abs(bl.forward(w, b, X) - Y))


def _probability_accuracy_loop(w, b, X, Y):
    a = [float(bl.sigmoid(z)) for z in _logits_loop(w, b, X)]
    return 1 - sum(abs(ai - yi) for ai, yi in zip(a, Y.ravel(), strict=True)) / len(a)


def _pairs_column_labels(w, b, X, Y):
    labels = bl.sigmoid(X.T @ w + b) >= 0.5  # (M, 1)
    return np.mean(labels == Y)  # broadcast to (M, M)


def _pairs_transposed(w, b, X, Y):
    return np.mean(bl.predict_labels(bl.forward(w, b, X)).T == Y)


def _fit_in_place(X, Y, w, b, eta, steps):
    return (*_in_place_out(X, Y, w, b, eta, steps), [])


def _nan_sigmoid_labels(w, b, X):
    Z = w.T @ X + b
    return (np.exp(Z) / (1 + np.exp(Z)) >= 0.5).astype(int)


def _nan_sigmoid_labels_loop(w, b, X):
    return _labels_loop(w, b, X, lambda z: int(np.exp(z) / (np.exp(z) + 1) >= 0.5))


def _sigmoid_into_zeros_like(z):
    """Stable, but into an array of the dtype of z: integers for np.array([0, 2])."""
    out, right = np.zeros_like(z), z >= 0
    out[right] = 1 / (1 + np.exp(-z[right]))
    out[~right] = np.exp(z[~right]) / (1 + np.exp(z[~right]))
    return out


# ---------------------------------------------------------------- the catalogue
BUGS = {
    # sigmoid
    ("sigmoid", "sigmoid NaN at large z"): [
        lambda z: np.exp(z) / (1 + np.exp(z)),
        lambda z: np.array([np.exp(v) / (np.exp(v) + 1) for v in np.ravel(z)]).reshape(
            np.shape(z)
        ),
    ],
    ("forward", "sigmoid of -z (sign flipped)"): [
        lambda w, b, X: 1 - bl.forward(w, b, X),
        lambda w, b, X: np.array(
            [[bl.sigmoid(-(w[:, 0] @ x + b)) for x in X.T]]
        ).reshape(1, -1),
    ],
    ("sigmoid", "sigmoid of -z (sign flipped)"): [
        lambda z: 1 / (1 + np.exp(z)),
        lambda z: np.array([1.0 - 1 / (1 + np.exp(-v)) for v in np.ravel(z)]).reshape(
            np.shape(z)
        ),
    ],
    ("sigmoid", "σ(z) of the integer dtype of z"): [
        _sigmoid_into_zeros_like,
        lambda z: bl.sigmoid(z).astype(z.dtype),
    ],
    # cost
    ("cost", "cost summed instead of averaged"): [
        lambda Y, A: -np.sum(np.log(np.where(Y == 1, A, 1 - A))),
        lambda Y, A: -sum(math.log(p) for p in _selected(Y, A)),
    ],
    ("cost", "cost with log base 10"): [
        lambda Y, A: -np.mean(np.log10(np.where(Y == 1, A, 1 - A))),
        lambda Y, A: -sum(math.log10(p) for p in _selected(Y, A)) / Y.size,
    ],
    ("cost", "cost with log base 2"): [
        lambda Y, A: -np.mean(np.log2(np.where(Y == 1, A, 1 - A))),
        lambda Y, A: -sum(math.log(p, 2) for p in _selected(Y, A)) / Y.size,
    ],
    ("cost", "cost missing its minus sign"): [
        lambda Y, A: np.mean(np.log(np.where(Y == 1, A, 1 - A))),
        lambda Y, A: sum(math.log(p) for p in _selected(Y, A)) / Y.size,
    ],
    ("cost", "the loss's two terms swapped"): [
        lambda Y, A: -np.mean(np.log(np.where(Y == 1, 1 - A, A))),
        lambda Y, A: (
            -sum(
                math.log(1 - a) if y == 1 else math.log(a) if a else -math.inf
                for y, a in zip(Y.ravel(), A.ravel(), strict=True)
            )
            / Y.size
        ),
    ],
    ("cost", "cost NaN at a = 0 or 1"): [
        lambda Y, A: -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)),
        lambda Y, A: (
            -sum(
                y * np.log(a) + (1 - y) * np.log(1 - a)
                for y, a in zip(Y.ravel(), A.ravel(), strict=True)
            )
            / Y.size
        ),
    ],
    # forward
    ("forward", "forward returns Z, not σ(Z)"): [
        lambda w, b, X: np.dot(w.T, X) + b,
        lambda w, b, X: np.array(
            [[float(np.sum(b)) + sum(w[:, 0] * X[:, m]) for m in range(X.shape[1])]]
        ),
    ],
    ("forward", "forward without the bias"): [
        lambda w, b, X: stable_sigmoid(w.T @ X),
        lambda w, b, X: np.array(
            [[stable_sigmoid(w[:, 0] @ X[:, m]) for m in range(X.shape[1])]]
        ),
    ],
    ("forward", "sigmoid NaN at large z"): [
        lambda w, b, X: np.exp(w.T @ X + b) / (1 + np.exp(w.T @ X + b)),
        lambda w, b, X: np.array(
            [[np.exp(z) / (np.exp(z) + 1) for z in (np.dot(w.T, X) + b).ravel()]]
        ),
    ],
    # backward
    ("backward", "dw without 1/M"): [
        lambda X, Y, A: (X @ (A - Y).T, np.mean(A - Y)),
        lambda X, Y, A: (lambda g: (g[0], g[1] / g[2]))(_loop_gradients(X, Y, A)),
    ],
    ("backward", "db summed instead of averaged"): [
        lambda X, Y, A: (X @ (A - Y).T / X.shape[1], np.sum(A - Y)),
        lambda X, Y, A: (lambda g: (g[0] / g[2], g[1]))(_loop_gradients(X, Y, A)),
    ],
    ("backward", "dz = da (forgot da/dz)"): [
        lambda X, Y, A: (lambda dz: (X @ dz.T / X.shape[1], np.mean(dz)))(
            -Y / A + (1 - Y) / (1 - A)
        ),
        lambda X, Y, A: (lambda g: (g[0] / g[2], g[1] / g[2]))(
            _loop_gradients(X, Y, A, lambda a, y: -y / a + (1 - y) / (1 - a))
        ),
    ],
    ("backward", "dz = Y - A (sign)"): [
        lambda X, Y, A: (X @ (Y - A).T / X.shape[1], np.mean(Y - A)),
        lambda X, Y, A: (lambda g: (g[0] / g[2], g[1] / g[2]))(
            _loop_gradients(X, Y, A, lambda a, y: y - a)
        ),
    ],
    ("backward", "dz NaN at a = 0 or 1 (unsimplified chain rule)"): [
        lambda X, Y, A: (lambda dz: (np.dot(X, dz.T) / X.shape[1], np.mean(dz)))(
            (-Y / A + (1 - Y) / (1 - A)) * A * (1 - A)
        ),
        lambda X, Y, A: (lambda g: (g[0] / g[2], g[1] / g[2]))(
            _loop_gradients(
                X, Y, A, lambda a, y: (-y / a + (1 - y) / (1 - a)) * (a * (1 - a))
            )
        ),
    ],
    # gradient descent
    ("gradient_descent", "gradient ascent (update with +)"): [
        lambda X, Y, w, b, eta, steps: _descent(X, Y, w, b, eta, steps, sign=1.0),
        lambda X, Y, w, b, eta, steps: _descent_loop(X, Y, w, b, eta, steps, sign=1.0),
    ],
    ("gradient_descent", "bias never updated"): [
        lambda X, Y, w, b, eta, steps: _descent(X, Y, w, b, eta, steps, update_b=False),
        lambda X, Y, w, b, eta, steps: _descent_loop(
            X, Y, w, b, eta, steps, update_b=False
        ),
    ],
    ("gradient_descent", "nothing updated"): [
        lambda X, Y, w, b, eta, steps: _descent(X, Y, w, b, eta, 0),
        lambda X, Y, w, b, eta, steps: _update_swallowed(X, Y, w, b, eta, steps),
    ],
    ("gradient_descent", "one more update after the loop"): [
        lambda X, Y, w, b, eta, steps: _descent(X, Y, w, b, eta, steps + (steps > 0)),
        lambda X, Y, w, b, eta, steps: _descent_loop(
            X, Y, w, b, eta, steps + 1 if steps else 0
        ),
    ],
    ("gradient_descent", "one update too few"): [
        lambda X, Y, w, b, eta, steps: _descent(X, Y, w, b, eta, steps, start=1),
        lambda X, Y, w, b, eta, steps: _descent_loop(X, Y, w, b, eta, steps, start=1),
    ],
    ("gradient_descent", "w_init modified in place"): [
        _in_place_vectorised,
        _in_place_out,
    ],
    ("gradient_descent", "one update too many"): [
        lambda X, Y, w, b, eta, steps: _descent(X, Y, w, b, eta, steps, extra=1),
        lambda X, Y, w, b, eta, steps: _descent_loop(X, Y, w, b, eta, steps, extra=1),
    ],
    ("gradient_descent", "an update at steps = 0"): [
        lambda X, Y, w, b, eta, steps: _descent(X, Y, w, b, eta, steps, do_while=True),
        lambda X, Y, w, b, eta, steps: _descent_loop(
            X, Y, w, b, eta, steps, do_while=True
        ),
    ],
    ("train", "costs after the update"): [
        lambda X, Y, w, b, eta, steps: _descent(
            X, Y, w, b, eta, steps, cost_after=True
        ),
        lambda X, Y, w, b, eta, steps: _descent_loop(
            X, Y, w, b, eta, steps, cost_after=True
        ),
    ],
    # confusion matrix
    ("confusion_matrix", "confusion matrix transposed"): [
        lambda t, p: _cm_vectorised(t, p).T,
        lambda t, p: np.array(_cm_loop(p, t)),
    ],
    ("confusion_matrix", "confusion matrix with class 1 first"): [
        lambda t, p: _cm_vectorised(t, p, order=(1, 0)),
        lambda t, p: _cm_loop(1 - np.ravel(t), 1 - np.ravel(p)),
    ],
    ("confusion_matrix", "confusion matrix normalised"): [
        lambda t, p: _cm_vectorised(t, p) / np.size(t),
        lambda t, p: np.array([[c / len(t) for c in row] for row in _cm_loop(t, p)]),
    ],
    # precision, recall, F1
    ("precision_recall_f1", "precision and recall swapped"): [
        lambda t, p: (lambda m: (m[1], m[0], m[2]))(_prf_vectorised(t, p)),
        lambda t, p: (lambda m: (m[1], m[0], m[2]))(_prf_loop(t, p)),
    ],
    ("precision_recall_f1", "F1 as the arithmetic mean"): [
        lambda t, p: (lambda m: (m[0], m[1], (m[0] + m[1]) / 2))(_prf_vectorised(t, p)),
        lambda t, p: (lambda m: (m[0], m[1], 0.5 * m[0] + 0.5 * m[1]))(_prf_loop(t, p)),
    ],
    ("confusion_matrix", "percentages, not fractions"): [
        lambda t, p: 100 * _cm_vectorised(t, p) / np.size(t),
        lambda t, p: np.array(
            [[100 * c / len(t) for c in row] for row in _cm_loop(t, p)]
        ),
    ],
    ("precision_recall_f1", "percentages, not fractions"): [
        lambda t, p: tuple(100 * m for m in _prf_vectorised(t, p)),
        lambda t, p: [round(100 * m, 12) for m in _prf_loop(t, p)],
    ],
    ("precision_recall_f1", "NaN where a metric is 0 / 0"): [
        lambda t, p: _prf_vectorised(t, p, undefined=np.nan),
        lambda t, p: _prf_loop(t, p, undefined=float("nan")),
    ],
    ("precision_recall_f1", "division by zero in an undefined metric"): [
        lambda t, p: (lambda c: (c[3] / (c[3] + c[1]), c[3] / (c[3] + c[2]), 0.0))(
            _counts(t, p)
        ),
        lambda t, p: (
            lambda c: (
                float(c[3]) / float(c[3] + c[1]),
                float(c[3]) / float(c[3] + c[2]),
                2 * c[3] / (2 * c[3] + c[1] + c[2]),
            )
        )(_counts(t, p)),
    ],
}


# the capstone's loop has the mistakes of the gradient-descent loop, and its costs
def _penalised(*, factor=1.0, per_sample=False, bias=False, loop=False):
    """A penalised loop, vectorised or sample by sample, with one mistake switched on:
    λ scaled by ``factor``, λ = 1/C (``per_sample``), or the bias penalised too."""

    def penalised_descent(X, Y, w, b, eta, steps, C):
        decay = factor / (C if per_sample else C * X.shape[1])
        w, b = np.array(w, dtype=float), float(np.sum(b))
        for _ in range(steps):
            A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
            if loop:
                dw, db, m = _loop_gradients(X, Y, A)
                dw, db = dw / m, db / m
            else:
                dw, db = bl.backward(X, Y, A)
            w = w - eta * (dw + decay * w)
            b = b - eta * (db + (decay * b if bias else 0.0))
        return w, b

    return penalised_descent


BUGS |= {
    ("penalised_descent", name): [_penalised(**bug), _penalised(**bug, loop=True)]
    for name, bug in [
        ("bias penalised too", {"bias": True}),
        ("penalty without the 1/M", {"per_sample": True}),
        ("penalty's gradient doubled", {"factor": 2.0}),
        ("penalty's gradient halved", {"factor": 0.5}),
        ("penalty added with the wrong sign", {"factor": -1.0}),
        ("no penalty", {"factor": 0.0}),
    ]
}

BUGS |= {
    ("train", name): fns
    for (check, name), fns in list(BUGS.items())
    if check == "gradient_descent"
}
BUGS |= {
    ("train", "cost NaN at a = 0 or 1"): [
        lambda *args: (*_fit(*args)[:2], _course_costs(*args)),
        lambda *args: (*_descent_loop(*args)[:2], _course_costs(*args)),
    ],
    ("model", "cost NaN at a = 0 or 1"): [
        _model(lambda *a: (*_fit(*a)[:2], _course_costs(*a)), _accuracy_loop),
        _model(lambda *a: (*_descent(*a)[:2], _course_costs(*a)), _accuracy_vectorised),
    ],
    ("model", "costs kept every 100 steps only"): [
        _model(lambda *args: (*_fit(*args)[:2], _fit(*args)[2][::100]), _accuracy_loop),
        _model(
            lambda *args: (lambda w, b, c: (w, b, c[::100]))(*_descent_loop(*args)),
            _accuracy_vectorised,
        ),
    ],
    ("penalised_descent", "one update too many"): [
        lambda X, Y, w, b, eta, steps, C: _ours_penalised(
            X, Y, w, b, eta, steps + 1, C
        ),
        lambda X, Y, w, b, eta, steps, C: _penalised(loop=True)(
            X, Y, w, b, eta, steps + 1, C
        ),
    ],
    ("penalised_descent", "one more update after the loop"): [
        lambda X, Y, w, b, eta, steps, C: _ours_penalised(
            X, Y, w, b, eta, steps + (steps > 0), C
        ),
        lambda X, Y, w, b, eta, steps, C: _penalised(loop=True)(
            X, Y, w, b, eta, steps + 1 if steps else 0, C
        ),
    ],
    ("penalised_descent", "an update at steps = 0"): [
        lambda X, Y, w, b, eta, steps, C: _ours_penalised(
            X, Y, w, b, eta, max(steps, 1), C
        ),
        lambda X, Y, w, b, eta, steps, C: _penalised(loop=True)(
            X, Y, w, b, eta, max(steps, 1), C
        ),
    ],
    ("model", "one update too many"): [
        _model(lambda *args: _fit(*args[:5], args[5] + 1), _accuracy_vectorised),
        _model(lambda *args: _descent_loop(*args, extra=1), _accuracy_loop),
    ],
    ("model", "an update at steps = 0"): [
        _model(lambda *args: _fit(*args[:5], max(args[5], 1)), _accuracy_vectorised),
        _model(lambda *args: _descent_loop(*args, do_while=True), _accuracy_loop),
    ],
    ("penalised_descent", "nothing updated"): [
        lambda X, Y, w, b, eta, steps, C: (w.copy(), b),
        lambda X, Y, w, b, eta, steps, C: _update_swallowed(X, Y, w, b, eta, steps)[:2],
    ],
    ("train", "costs kept every 100 steps only"): [
        lambda *args: (lambda w, b, costs: (w, b, costs[::100]))(*_descent(*args)),
        lambda *args: (lambda w, b, costs: (w, b, costs[::100]))(*_descent_loop(*args)),
    ],
}

# the capstone's predict and model
BUGS |= {
    ("predict", "labels 0 at a = 0.5 (> instead of ≥)"): [
        lambda w, b, X: (bl.forward(w, b, X) > 0.5).astype(int),
        lambda w, b, X: np.round(bl.forward(w, b, X)),
    ],
    ("predict", "probabilities returned, not labels"): [
        bl.forward,
        lambda w, b, X: _labels_loop(w, b, X, lambda z: float(bl.sigmoid(z))),
    ],
    ("predict", "threshold on the logits"): [
        lambda w, b, X: (w.T @ X + b >= 0.5).astype(int),
        lambda w, b, X: _labels_loop(w, b, X, lambda z: 1 if z >= 0.5 else 0),
    ],
    ("predict", "labels flipped"): [
        lambda w, b, X: (bl.forward(w, b, X) < 0.5).astype(int),
        lambda w, b, X: _labels_loop(w, b, X, lambda z: 0 if z >= 0 else 1),
    ],
    ("predict", "predict without the bias"): [
        lambda w, b, X: (bl.sigmoid(w.T @ X) >= 0.5) * 1,
        lambda w, b, X: _labels_loop(w, 0.0, X, lambda z: int(z >= 0)),
    ],
    ("predict", "sigmoid NaN at large z"): [
        _nan_sigmoid_labels,
        _nan_sigmoid_labels_loop,
    ],
    ("model", "accuracies in percent"): [
        _model(_fit, _week2_percent),
        _model(_descent_loop, _accuracy_loop, scores=lambda a, c: (100 * a, 100 * c)),
    ],
    ("model", "train and test accuracy swapped"): [
        _model(_fit, _accuracy_vectorised, scores=lambda a, c: (c, a)),
        _model(_descent_loop, _accuracy_loop, scores=lambda a, c: (c, a)),
    ],
    ("model", "error rate, not accuracy"): [
        _model(_fit, _accuracy_vectorised, scores=lambda a, c: (1 - a, 1 - c)),
        _model(_descent_loop, _error_rate_loop),
    ],
    ("model", "accuracy from probabilities"): [
        _model(_fit, _probability_accuracy),
        _model(_descent_loop, _probability_accuracy_loop),
    ],
    ("model", "accuracy over every pair of samples"): [
        _model(_fit, _pairs_column_labels),
        _model(_descent_loop, _pairs_transposed),
    ],
    ("model", "trained on the test set"): [
        _model(_fit, _accuracy_vectorised, on_test=True),
        _model(_descent_loop, _accuracy_loop, on_test=True),
    ],
    ("penalised_descent", "w_init modified in place"): [
        lambda X, Y, w, b, eta, steps, C: _in_place_out(X, Y, w, b, eta, steps),
        lambda X, Y, w, b, eta, steps, C: _in_place_vectorised(X, Y, w, b, eta, steps),
    ],
    ("model", "labels 0 at a = 0.5 (> instead of ≥)"): [
        _model(_fit, lambda w, b, X, Y: np.mean((bl.forward(w, b, X) > 0.5) == Y)),
        _model(_fit, lambda w, b, X, Y: np.mean((w.T @ X + b > 0) == Y)),
    ],
    ("model", "w_init modified in place"): [
        _model(lambda *args: _in_place_vectorised(*args), _accuracy_vectorised),
        _model(_fit_in_place, _accuracy_loop),
    ],
}


def _calls_itself(z, depth=0):
    """A recursion without a base case: RecursionError."""
    return _calls_itself(z, depth + 1) + 0


def _forever(*args):
    while True:
        pass


def _counts_by_two(X, Y, w, b, eta, steps):
    t = 0
    while t != steps:
        t += 2
    return w, b


def _exits(*args):
    sys.exit("stop")


#: the mistakes of any exercise, each written two ways (on one exercise or two)
GENERIC = {
    "results in the wrong order": [
        ("backward", lambda X, Y, A: tuple(bl.backward(X, Y, A))[::-1]),
        (
            "precision_recall_f1",
            lambda t, p: (lambda m: (m[2], m[0], m[1]))(_prf_loop(t, p)),
        ),
    ],
    "arguments in the wrong order": [
        ("cost", lambda A, Y: -np.mean(np.log(np.where(Y == 1, A, 1 - A)))),
        ("forward", lambda X, w, b: bl.sigmoid(np.dot(w.T, X) + b)),
    ],
    "a tuple returned, not one array": [
        ("sigmoid", lambda z: (bl.sigmoid(z), z)),
        ("forward", lambda w, b, X: (bl.forward(w, b, X), w.T @ X + b)),
    ],
    "computed in float32 or float16": [
        ("sigmoid", lambda z: bl.sigmoid(z).astype(np.float16)),
        ("forward", lambda w, b, X: bl.forward(w, b, X).astype(np.float32)),
    ],
    "values right to a few digits only": [
        ("forward", lambda w, b, X: bl.sigmoid(np.float32(w.T @ X + b))),
        ("sigmoid", lambda z: 1 / (1 + 2.71828 ** -np.asarray(z, float))),
    ],
    "input changed in place": [
        ("cost", lambda Y, A: bl.cost(Y, np.clip(A, 1e-9, 1 - 1e-9, out=A))),
        ("sigmoid", lambda z: bl.sigmoid(z) + 0 * np.negative(z, out=z)),
    ],
    "called exit()": [("sigmoid", _exits), ("cost", lambda Y, A: exit())],
    "calls itself without end": [
        ("sigmoid", _calls_itself),
        ("cost", lambda Y, A: _calls_itself(A)),
    ],
    "did not return in time": [
        ("sigmoid", _forever),
        ("gradient_descent", _counts_by_two),
    ],
    "shapes do not fit": [
        ("forward", lambda w, b, X: bl.sigmoid(w @ X + b)),
        ("backward", lambda X, Y, A: (np.dot(X, A - Y) / X.shape[1], np.mean(A - Y))),
    ],
    "math module on an array": [
        ("sigmoid", lambda z: 1 / (1 + math.exp(-z))),
        ("cost", lambda Y, A: -math.log(A)),
    ],
    "skeleton not filled in": [
        ("sigmoid", lambda z: (_ for _ in ()).throw(NotImplementedError)),
        ("train", lambda *args: (_ for _ in ()).throw(NotImplementedError("write it"))),
    ],
}

#: float(b) of a b of shape (1, 1): a TypeError from NumPy 2 on, a number before
FLOAT_B = "float() of a b of shape (1, 1)"
BUGS.update(
    {
        ("forward", FLOAT_B): [
            lambda w, b, X: bl.forward(w, float(b), X),
            lambda w, b, X: bl.forward(w, math.fsum([b]), X),
        ],
        ("predict", FLOAT_B): [
            lambda w, b, X: bl.forward(w, float(b), X) >= 0.5,
            lambda w, b, X: bl.forward(w, math.fsum([b]), X) >= 0.5,
        ],
        ("gradient_descent", FLOAT_B): [
            lambda X, Y, w, b, *rest: _ours_descent(X, Y, w, float(b), *rest),
            lambda X, Y, w, b, *rest: _ours_descent(X, Y, w, math.fsum([b]), *rest),
        ],
        ("penalised_descent", FLOAT_B): [
            lambda X, Y, w, b, *rest: _ours_penalised(X, Y, w, float(b), *rest),
            lambda X, Y, w, b, *rest: _ours_penalised(X, Y, w, math.fsum([b]), *rest),
        ],
        ("train", FLOAT_B): [
            lambda X, Y, w, b, *rest: _ours_train(X, Y, w, float(b), *rest),
            lambda X, Y, w, b, *rest: _ours_train(X, Y, w, math.fsum([b]), *rest),
        ],
    }
)


BUG_CASES = [
    pytest.param(check, name, fn, id=f"{check}-{name}-{way}")
    for (check, name), fns in BUGS.items()
    for way, fn in zip(("vectorised", "loop"), fns, strict=True)
] + [
    pytest.param(check, name, fn, id=f"any-{name}-{way}")
    for name, pairs in GENERIC.items()
    for way, (check, fn) in zip(("one", "two"), pairs, strict=True)
]


def test_the_catalogue_has_at_least_12_mistakes_all_tested():
    catalogue = {(m.check, m.name) for m in ex.MISTAKES}
    assert len({name for _, name in catalogue}) >= 12
    assert catalogue == set(BUGS) | {("", name) for name in GENERIC}
    assert all(len(fns) == 2 for fns in [*BUGS.values(), *GENERIC.values()])


@pytest.fixture
def short_time_limit(monkeypatch):
    monkeypatch.setattr(safe_call, "TIME_LIMIT", 0.05)


@pytest.mark.parametrize("check, name, fn", BUG_CASES)
def test_each_mistake_is_named(check, name, fn, recwarn, monkeypatch):
    if name == FLOAT_B and FLOAT_OF_A_MATRIX:
        pytest.skip("this NumPy converts a (1, 1) array to a number: no mistake")
    if name == "did not return in time":
        monkeypatch.setattr(safe_call, "TIME_LIMIT", 0.05)
    result = CHECKS[check](fn)
    assert not result.passed
    assert name in result.message
    assert name in result.mistakes
    mistake = next(m for m in ex.MISTAKES if m.name == name and m.check in (check, ""))
    assert f"equation {mistake.label}" in result.message if mistake.label else True
    assert not recwarn.list  # the reader's warnings are captured, never shown


def test_every_mistake_label_is_an_equation_of_the_site():
    from pathlib import Path

    pages = "".join(
        path.read_text() for path in (Path(__file__).parents[1] / "docs").glob("*.md")
    )
    for mistake in ex.MISTAKES:
        assert not mistake.label or f"$$ ({mistake.label})" in pages, mistake.label


# ------------------------------------------------------------------ right answers
def _ours_descent(X, Y, w, b, eta, steps):
    result = bl.gradient_descent(X, Y, w, b, step_size=eta, steps=steps)
    return result.w, result.b


def _ours_penalised(X, Y, w, b, eta, steps, C):
    result = bl.gradient_descent(X, Y, w, b, step_size=eta, steps=steps, C=C)
    return result.w, result.b


def _ours_train(X, Y, w, b, eta, steps):
    result = bl.gradient_descent(X, Y, w, b, step_size=eta, steps=steps)
    return result.w, result.b, list(result.costs)


def _textbook_descent(X, Y, w, b, eta, steps):
    return textbook_gradient_descent(X, Y, w, b, step_size=eta, steps=steps)


def _course_backward(X, Y, A):
    m = X.shape[1]
    return {"dw": 1 / m * np.dot(X, (A - Y).T), "db": 1 / m * np.sum(A - Y)}


def _fractions(args):
    """The costs as Python numbers of other kinds: Fraction and Decimal."""
    costs = _ours_train(*args)[2]
    return [
        fractions.Fraction(c) if i % 2 else decimal.Decimal(c)
        for i, c in enumerate(costs)
    ]


class CallableSigmoid:
    def __call__(self, z):
        return bl.sigmoid(z)


RIGHT = [
    ("sigmoid", bl.sigmoid, False),
    ("sigmoid", CallableSigmoid(), False),
    ("sigmoid", lambda z: 1 / (1 + np.exp(-z)), True),  # the course: overflow note
    ("cost", bl.cost, False),
    ("cost", lambda Y, A: -np.mean(np.log(np.where(Y == 1, A, 1 - A))), False),
    ("cost", lambda Y, A: decimal.Decimal(float(bl.cost(Y, A))), False),  # a number
    ("train", lambda *args: (*_ours_train(*args)[:2], _fractions(args)), False),
    ("forward", bl.forward, False),
    ("forward", lambda w, b, X: 1 / (1 + np.exp(-(np.dot(w.T, X) + b))), True),
    ("backward", bl.backward, False),
    ("backward", _course_backward, False),
    ("gradient_descent", _ours_descent, False),
    ("gradient_descent", _textbook_descent, False),
    ("gradient_descent", lambda *args: _descent_loop(*args)[:2], False),
    ("penalised_descent", _penalised(), False),
    ("penalised_descent", _penalised(loop=True), False),
    ("penalised_descent", _ours_penalised, False),
    ("train", _ours_train, False),
    ("train", _descent, False),
    ("confusion_matrix", bl.confusion_matrix, False),
    ("confusion_matrix", _cm_loop, False),
    (
        "precision_recall_f1",
        lambda t, p: (bl.precision(t, p), bl.recall(t, p), bl.f1_score(t, p)),
        False,
    ),
    ("precision_recall_f1", _prf_loop, False),
    ("predict", lambda w, b, X: bl.predict_labels(bl.forward(w, b, X)), False),
    ("predict", lambda w, b, X: w.T @ X + b >= 0, False),  # booleans, from z
    ("predict", lambda w, b, X: (1 / (1 + np.exp(-(w.T @ X + b))) >= 0.5) * 1.0, True),
    ("model", _model(_fit, _accuracy_vectorised), False),
    ("model", _model(_descent_loop, _accuracy_loop), False),
]


@pytest.mark.parametrize(
    "check, fn, noted", RIGHT, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(RIGHT)]
)
def test_right_functions_pass(check, fn, noted, recwarn):
    result = CHECKS[check](fn)
    assert result.passed, str(result)
    assert bool(result) and result.mistakes == ()
    assert "Right on all" in result.message
    if noted is not None:
        assert bool(result.notes) == noted, result.notes
    assert not recwarn.list


def test_course_sigmoid_passes_with_a_note_on_the_overflow():
    result = ex.check_sigmoid(lambda z: 1 / (1 + np.exp(-z)))
    assert result.passed
    (note,) = result.notes
    assert "overflow" in note and "z = [-800" in note and "eq-sigmoid" in note


def test_nan_for_an_undefined_metric_fails_one_rule_zero():
    result = ex.check_precision_recall_f1(lambda t, p: _prf_loop(t, p, np.nan))
    assert not result.passed
    assert result.mistakes == ("NaN where a metric is 0 / 0",)
    assert "statement asks for 0" in result.message


def test_clipped_cost_passes_with_a_note():
    result = ex.check_cost(
        lambda Y, A: bl.cost(Y, np.clip(A, 1e-7, 1 - 1e-7)),
    )
    assert result.passed
    assert any("clipping" in note for note in result.notes)


# --------------------------------------------------------------- two mistakes at once
def test_two_mistakes_in_backward_are_both_named():
    result = ex.check_backward(lambda X, Y, A: (X @ (A - Y).T, np.sum(A - Y)))
    assert not result.passed
    assert set(result.mistakes) == {"dw without 1/M", "db summed instead of averaged"}


def test_summed_course_cost_names_both_mistakes():
    result = ex.check_cost(
        lambda Y, A: -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    )
    assert not result.passed
    assert set(result.mistakes) == {
        "cost summed instead of averaged",
        "cost NaN at a = 0 or 1",
    }


def test_ascent_with_a_frozen_bias_stays_coherent():
    def two_mistakes(X, Y, w, b, eta, steps):
        return _descent(X, Y, w, b, eta, steps, sign=1.0, update_b=False)

    result = ex.check_gradient_descent(two_mistakes)
    assert not result.passed
    assert "bias never updated" in result.mistakes
    assert "w[" in result.message  # the unexplained part is shown with an example


def test_two_unrelated_cost_mistakes_fail_with_an_example():
    result = ex.check_cost(lambda Y, A: np.sum(np.log10(np.where(Y == 1, A, 1 - A))))
    assert not result.passed
    assert "expected J = " in result.message and "eq-cost" in result.message


# ----------------------------------------------------------- wrong of every kind
def _raises(*args):
    raise ValueError("shapes (1,5) and (200,5) not aligned\nsecond line: the last")


def _mutates_first(first, *args):
    first[...] = 0
    return None


def _noise(*args):
    return np.random.default_rng(0).random(np.shape(args[0]))


WRONG = {
    "raises": (_raises, "ValueError: second line: the last"),
    "returns None": (lambda *args: None, "returned None"),
    "returns a string": (lambda *args: "0.5", "a string"),
    "returns noise": (_noise, ""),
    "mutates its input": (_mutates_first, "in place"),
    "returns complex": (lambda *args: np.full(3, 1j), "complex"),
    "object array": (lambda *args: np.array([None, 1.0], dtype=object), "objects"),
    "skeleton ...": (lambda *args: ..., "skeleton"),
    "not implemented": (
        lambda *args: (_ for _ in ()).throw(NotImplementedError),
        "NotImplementedError",
    ),
}


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("kind", WRONG)
def test_wrong_functions_fail_without_crashing(check, kind, recwarn):
    fn, words = WRONG[kind]
    result = CHECKS[check](fn)
    assert not result.passed
    assert words in result.message
    assert str(result).startswith(f"check_{check}: ✘ Not yet")
    assert not recwarn.list


@pytest.mark.parametrize(
    "check, fn, words",
    [
        ("forward", lambda w, b, X: bl.forward(w, b, X).ravel(), "(200,), expected"),
        ("sigmoid", lambda z: bl.sigmoid(z).T, "the transpose"),
        (
            "backward",
            lambda X, Y, A: (bl.backward(X, Y, A).dw.ravel(), bl.backward(X, Y, A).db),
            "dw of shape (5,), expected a NumPy array of shape (5, 1)",
        ),
        (
            "backward",
            lambda X, Y, A: bl.backward(X, Y, A).dw,
            "return a tuple (dw, db)",
        ),
        ("cost", lambda Y, A: np.full(Y.shape, bl.cost(Y, A)), "expected a number"),
        ("gradient_descent", lambda *args: (np.zeros((2, 1)),), "1 item(s)"),
        ("precision_recall_f1", lambda t, p: (0.5, 0.5), "2 item(s), expected 3"),
        (
            "confusion_matrix",
            lambda t, p: np.zeros(4),
            "expected a NumPy array of shape (2, 2)",
        ),
        ("sigmoid", lambda z: np.full(np.shape(z), np.nan), "NaN or infinity"),
        # the types the statements fix: the rule of each result, in the table
        (
            "confusion_matrix",
            lambda t, p: bl.confusion_matrix(t, p).tolist(),
            "returned a list for C; return a NumPy array of shape (2, 2)",
        ),
        (
            "forward",
            lambda w, b, X: float(bl.forward(w, b, X)[0, 0]),
            "returned a float for A; return a NumPy array of shape (1, 200)",
        ),
        (
            "cost",
            lambda Y, A: np.full((1, 1), bl.cost(Y, A)),
            "J of shape (1, 1), expected a number",
        ),
        (
            "backward",
            lambda X, Y, A: (bl.backward(X, Y, A).dw, [bl.backward(X, Y, A).db]),
            "returned a list for db; return a number, or an array of shape (1, 1)",
        ),
        (
            "train",
            lambda *args: (*_descent(*args)[:2], iter(_descent(*args)[2])),
            "for costs; return a list, a tuple or an array",
        ),
        (
            "model",
            lambda *args: tuple(_model(_fit, _accuracy_vectorised)(*args).values()),
            "returned a tuple for the results; return a dictionary with the keys (w, b",
        ),
        ("sigmoid", np.exp, "wrong value"),
        ("cost", lambda Y, A: (bl.cost(Y, A),), "a comma after `return` makes a tuple"),
        (
            "forward",
            lambda w, b, X: {"A": bl.forward(w, b, X)},
            "returned a dict for A",
        ),
        (
            "backward",
            lambda X, Y, A: bl.backward(X, Y, A)._asdict().values(),
            "returned a dict_values for the results",
        ),
        (
            "gradient_descent",
            lambda *args: dict(zip("wb", _ours_descent(*args), strict=True)),
            "returned a dict for the results; return a tuple (w, b)",
        ),
        (
            "train",
            lambda *args: (*_ours_train(*args)[:2], _ours_train(*args)[2] or None),
            "returned None for costs, among its results",
        ),
        (
            "model",
            lambda *args: {
                k: v
                for k, v in _model(_fit, _accuracy_vectorised)(*args).items()
                if "accuracy" not in k
            },
            "without the keys train_accuracy, test_accuracy",
        ),
    ],
)
def test_wrong_shapes_and_values_are_explained(check, fn, words, recwarn):
    result = CHECKS[check](fn)
    assert not result.passed
    assert words in result.message, result.message
    assert not recwarn.list


def test_math_exp_gets_a_hint():
    result = ex.check_sigmoid(lambda z: 1 / (1 + math.exp(-z)))
    assert not result.passed
    assert "TypeError" in result.message and "np.exp" in result.message


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("not_a_function", [None, 3, "sigmoid", np.zeros(3)])
def test_non_callable_raises_type_error(check, not_a_function):
    with pytest.raises(TypeError, match="needs a function"):
        CHECKS[check](not_a_function)


def test_warnings_are_captured_even_when_they_are_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            result = ex.check_sigmoid(lambda z: 1 / (1 + np.exp(-z)))
    assert result.passed and result.notes


def test_keyword_only_signature_is_reported_not_raised():
    result = ex.check_gradient_descent(textbook_gradient_descent)
    assert not result.passed
    assert "TypeError" in result.message


# ------------------------------------------------------------------ the result
def test_results_display_in_jupyter_and_as_text():
    good = ex.check_backward(bl.backward)
    assert "✔ Passed" in good._repr_html_() and str(good).startswith(
        "check_backward: ✔ Passed"
    )
    bad = ex.check_sigmoid(
        lambda z: (_ for _ in ()).throw(ValueError("<script>alert(1)</script>"))
    )
    html = bad._repr_html_()
    assert "✘ Not yet" in html and 'role="status"' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    with pytest.raises(AttributeError):
        bad.passed = True  # frozen


def test_results_are_deterministic():
    buggy = BUGS[("backward", "dw without 1/M")][0]
    assert ex.check_backward(buggy) == ex.check_backward(buggy)
    assert ex.check_gradient_descent(_textbook_descent) == ex.check_gradient_descent(
        _textbook_descent
    )


def test_the_descent_reference_is_the_package_s_gradient_descent():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(3, 100))
    Y = (rng.random((1, 100)) < 0.5).astype(float)
    w0 = rng.normal(size=(3, 1))
    ours = bl.gradient_descent(X, Y, w0, 0.2, step_size=0.3, steps=25)
    reference = ex.EXERCISES["train"].reference((X, Y, w0, 0.2, 0.3, 25))
    np.testing.assert_allclose(reference["w"], ours.w, rtol=1e-12)
    np.testing.assert_allclose(reference["b"], ours.b, rtol=1e-12)
    np.testing.assert_allclose(reference["costs"], ours.costs, rtol=1e-12)


def test_backward_reference_agrees_with_finite_differences():
    cases = [c for c in ex.EXERCISES["backward"].cases if c.numerical is not None]
    assert len(cases) >= 3
    for case in cases:
        reference = ex.EXERCISES["backward"].reference(case.args)
        for part in ("dw", "db"):
            np.testing.assert_allclose(
                reference[part], case.numerical[part], rtol=1e-6, atol=1e-9
            )


def test_a_wrong_gradient_is_shown_next_to_finite_differences():
    result = ex.check_backward(lambda X, Y, A: (X @ (A - Y).T / 2, np.mean(A - Y)))
    assert not result.passed
    assert "Central finite differences" in result.message


# ------------------------------------------------------- the time limit, the safe call
def test_the_time_limit_stops_at_the_first_timeout(short_time_limit):
    calls = []

    def slow_then_forever(z):
        calls.append(1)
        while True:
            pass

    result = ex.check_sigmoid(slow_then_forever)
    assert not result.passed and len(calls) == 1
    assert result.mistakes == ("did not return in time",)
    assert "did not return within 0.05 s" in result.message
    assert "condition never becomes false" in result.message
    assert "caught the checker's interrupt" not in result.message  # it caught none


def test_a_recursion_that_does_not_end_in_time_is_named(short_time_limit):
    def doubling(z, depth=0):  # 2**40 calls: far past any limit, never too deep
        return z if depth == 40 else doubling(z, depth + 1) + doubling(z, depth + 1)

    result = ex.check_sigmoid(doubling)
    assert result.mistakes == ("did not return in time",)
    assert "a function that calls itself without end" in result.message


def test_an_except_that_swallows_the_alarm_cannot_hang(short_time_limit):
    def swallows(z):
        while True:
            try:
                time.sleep(0.01)  # the alarm lands inside the try
            except:  # noqa: E722 - the mistake under test
                pass

    result = ex.check_sigmoid(swallows)
    assert result.mistakes == ("did not return in time",)
    assert "caught the checker's interrupt" in result.message
    assert sys.gettrace() is None or "coverage" in repr(sys.gettrace())


def _loop_in_a_narrow_try(z):
    s = np.zeros(np.shape(z))
    try:
        while not np.all(s > 0):  # never: σ(-800) is 0
            s = bl.sigmoid(z)
    except ValueError:  # does not catch the checker's interrupt
        pass
    return s


def _loop_in_a_with_block(z):
    t = 0
    while t != 5:  # never: t is even
        with np.errstate(all="ignore"):  # the interrupt unwinds through its exit
            t += 2 + 0 * bl.sigmoid(z).sum()


@pytest.mark.parametrize("fn", [_loop_in_a_narrow_try, _loop_in_a_with_block])
def test_an_interrupt_that_only_passes_an_except_is_not_called_caught(
    fn, short_time_limit
):
    result = ex.check_sigmoid(fn)
    assert result.mistakes == ("did not return in time",)
    assert "caught the checker's interrupt" not in result.message


def test_a_check_under_cprofile_leaves_the_profiler_running(short_time_limit):
    """%prun or cProfile around a check: its C profiler cannot be set back from
    Python, so the checker leaves it alone unless a timeout made it change it."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        right = ex.check_sigmoid(bl.sigmoid)
        still = sys.getprofile() is profiler
        timed = ex.check_sigmoid(lambda z: [0 for _ in iter(int, 1)])  # no end
    finally:
        profiler.disable()
    assert right.passed and still
    assert timed.mistakes == ("did not return in time",)


def test_an_exception_without_a_text_is_reported():
    class Mute(Exception):
        def __str__(self):
            raise RuntimeError

    def raises_mute(z):
        raise Mute

    result = ex.check_sigmoid(raises_mute)
    assert not result.passed and "Mute" in result.message


def test_without_an_alarm_a_thread_is_abandoned(monkeypatch, short_time_limit):
    """Off the main thread, or on Windows: a daemon thread the checker stops waiting for."""
    monkeypatch.setattr(safe_call, "alarm_available", lambda: False)
    stop = threading.Event()
    threads = []

    def forever(z):
        threads.append(threading.current_thread())
        while not stop.is_set():
            pass

    try:
        result = ex.check_sigmoid(forever)
    finally:
        stop.set()
    assert threads[0] is not threading.main_thread()
    assert result.mistakes == ("did not return in time",)
    assert "restart the kernel" in result.message
    monkeypatch.setattr(safe_call, "TIME_LIMIT", 5.0)  # no flake under load
    assert ex.check_sigmoid(bl.sigmoid).passed  # the thread path passes right ones
    threads[0].join(1)


def test_exit_is_a_verdict_keyboard_interrupt_is_not():
    result = ex.check_cost(lambda Y, A: sys.exit(0))
    assert result.mistakes == ("called exit()",)

    def interrupted(z):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ex.check_sigmoid(interrupted)


# ------------------------------------------------------- messages in the learner's terms
SWAPPED_DENOMINATORS = (
    PRF_FROM_CM.replace("TP + FP", "TP + XX")
    .replace("TP + FN", "TP + FP")
    .replace("TP + XX", "TP + FN")
)


def test_two_bugs_that_cancel_do_not_pass():
    """A transposed confusion matrix and swapped denominators give the right numbers:
    precision_recall_f1 is judged with the package's confusion matrix."""
    for matrix in (TRANSPOSED_CM, CLASS_1_FIRST_CM):
        cancelled = _notebook(matrix + SWAPPED_DENOMINATORS)
        result = ex.check_precision_recall_f1(cancelled)
        assert result.mistakes == ("precision and recall swapped",), result.message
        assert any("judged on its own" in note for note in result.notes)
        assert cancelled.__globals__["confusion_matrix"] is not bl.confusion_matrix


def test_a_right_metric_is_not_blamed_for_its_confusion_matrix():
    result = ex.check_precision_recall_f1(_notebook(TRANSPOSED_CM + PRF_FROM_CM))
    assert result.passed
    assert ex.check_precision_recall_f1(lambda t, p: np.array(_prf_loop(t, p))).passed


def test_float32_is_named_with_digits_that_differ():
    result = ex.check_forward(lambda w, b, X: bl.forward(w, b, X).astype(np.float32))
    assert "dtype float32" in result.message
    expected, got = re.search(
        r"expected A\[0, 0\] = (\S+), got (\S+)", result.message
    ).groups()
    assert expected != got


def test_a_float32_cost_within_the_tolerance_is_noted_as_float32():
    result = ex.check_cost(lambda Y, A: np.float32(bl.cost(Y, A)))
    assert result.passed
    assert any("float32" in note for note in result.notes)


def test_the_mutated_argument_is_quoted_with_its_own_input():
    def bias_in_place(X, Y, w_init, b_init, eta, steps):
        w, b = w_init.copy(), np.asarray(b_init, dtype=float)
        for _ in range(steps):
            grads = bl.backward(X, Y, bl.forward(w, b, X))
            w = w - eta * grads.dw
            b -= eta * grads.db
        return w, b

    result = ex.check_gradient_descent(bias_in_place)
    assert result.mistakes == ("input changed in place",)
    quoted = result.message.partition("its input b_init (input: ")[2]
    assert "b_init = [[" in quoted  # the case of an array b_init
    assert "in place its input w_init" not in result.message


def test_nan_or_infinity_is_said_only_of_a_value_that_is_one():
    result = ex.check_sigmoid(lambda z: np.where(np.abs(z) > 700, np.nan, 0.5))
    for line in result.message.splitlines():
        if "NaN or infinity" in line:
            assert re.search(r"got (nan|inf|-inf) \(NaN or infinity\)", line), line


def test_a_flattened_matrix_is_not_called_a_column():
    result = ex.check_confusion_matrix(lambda t, p: bl.confusion_matrix(t, p).ravel())
    assert "(2, 2): a 1-D array of 4 numbers" in result.message
    assert "column" not in result.message


def test_capstone_costs_are_checked():
    result = ex.check_train(lambda *args: (*_descent(*args)[:2], np.zeros(args[-1])))
    assert not result.passed and "costs" in result.message


@pytest.mark.parametrize("key", ["gradient_descent", "penalised_descent", "train"])
def test_the_loops_cases_leave_no_shortcut_unseen(key):
    """An early stop, a step size changed as the cost moves, a cache keyed on the
    numbers: each changes the result on some case; and one runs 300 steps."""
    cases = [case.args for case in ex.EXERCISES[key].cases]
    costs = [np.array(ex.table._descent(*args)["costs"]) for args in cases]
    assert any(np.any(np.diff(c) > 0) for c in costs)  # a cost rises
    assert any(np.any(c < 0.1) for c in costs)  # one falls below 0.1
    first = [ex.table._descent(*args[:5], 1, *args[6:])["w"] for args in cases]
    moves = [np.abs(w - args[2]).max() for w, args in zip(first, cases, strict=True)]
    assert min(moves) < 1e-5  # a start near the optimum: an early stop there fires
    assert max(steps for *_, steps in (args[:6] for args in cases)) >= 300
    assert min(steps for *_, steps in (args[:6] for args in cases)) == 0
    numbers = [args[4:] for args in cases]
    assert len(set(numbers)) < len(numbers)  # two of the same step size and steps
    assert any(np.shape(args[3]) == (1, 1) for args in cases)  # b_init as the course's


@pytest.mark.parametrize("key", ["train", "model"])
def test_some_step_of_the_loops_with_costs_saturates_a_probability(key):
    """A logit beyond 37 makes σ round to exactly 1 at a step whose cost is kept: the
    course's form of the cost gives NaN there, and the costs must be finite
    (eq-cost-logits)."""
    biggest = 0.0
    for case in ex.EXERCISES[key].cases:
        X, Y, *rest = case.args
        w, b, eta, steps = rest[-4:]
        for _ in range(steps):  # the logits of each step whose cost is kept
            biggest = max(biggest, float((w.T @ X + np.squeeze(b)).max()))
            step = ex.table._descent(X, Y, w, b, eta, 1)
            w, b = step["w"], step["b"]
    assert biggest > 37 and bl.sigmoid(np.array([biggest]))[0] == 1


def test_a_right_loop_with_a_cost_too_many_is_not_an_update_too_many():
    """w and b right, one cost appended after the loop: the costs are wrong, and
    "one update too many", whose w and b would differ, is not named."""

    def final_cost_too(X, Y, w, b, eta, steps):
        w, b, costs = _ours_train(X, Y, w, b, eta, steps)
        return w, b, [*costs, bl.cost(Y, bl.forward(w, b, X))]

    result = ex.check_train(final_cost_too)
    assert not result.passed and not result.mistakes
    assert "expected costs of length" in result.message


def test_the_package_s_own_functions_are_never_stood_in():
    """A notebook's name of an earlier exercise bound to a function of the package
    (of another signature: it fails that exercise's check) keeps its own code."""
    code, seen = bl.predict_labels.__code__, []
    namespace = {"np": np, "bl": bl, "predict": bl.predict_labels, "seen": seen}
    exec(  # a model whose predict is the package's predict_labels
        "def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):\n"
        "    seen.append(predict.__code__)\n"
        "    return {}\n",
        namespace,
    )
    assert not ex.check_model(namespace["model"]).passed
    assert seen and all(c is code for c in seen)
