"""Learners whose habits come from elsewhere: M read off the wrong axis, NumPy
idioms that miss a case, containers and dtypes of other libraries, a cache, a
blocking wait, the week-2 notebook's percentages."""

import functools
import threading
from collections import namedtuple

import numpy as np
from scipy.special import expit

import binary_logreg as bl

from . import HANG, learner

Scores = namedtuple("Scores", "precision recall f1")


# ------------------------------------------------------ M read off the wrong axis
@learner("backward", "fail:dw without 1/M")
def divides_dw_by_len_y(X, Y, A):
    dz = A - Y
    return X @ dz.T / len(Y), np.mean(dz)  # len of a (1, M) array is 1


@learner("cost", "fail:cost summed instead of averaged")
def divides_by_shape_0(Y, A):
    losses = -np.log(np.where(Y == 1, A, 1 - A))
    return float(np.sum(losses) / Y.shape[0])  # shape[0] of (1, M) is 1


# ------------------------------------------------- NumPy idioms that miss a case
@learner("confusion_matrix", "fail")
def unique_counts(y_true, y_pred):
    # right when all four pairs occur; otherwise fewer counts than four
    _, counts = np.unique(2 * np.asarray(y_true) + y_pred, return_counts=True)
    return counts.reshape(2, 2)


@learner("sigmoid", "pass")
def masked_array(z):
    return np.ma.masked_invalid(expit(z))


# --------------------------------------------- containers and dtypes of elsewhere
@learner("precision_recall_f1", "pass")
def a_namedtuple(y_true, y_pred):
    return Scores(
        bl.precision(y_true, y_pred),
        bl.recall(y_true, y_pred),
        bl.f1_score(y_true, y_pred),
    )


@learner("precision_recall_f1", "fail:computed in float32 or float16")
def float32_metrics(y_true, y_pred):
    scores = (bl.precision, bl.recall, bl.f1_score)
    return tuple(np.float32(score(y_true, y_pred)) for score in scores)


# ------------------------------------------------------- a cache, a blocking wait
@learner("forward", "fail")
@functools.lru_cache
def cached_forward(w, b, X):  # arrays cannot be hashed: TypeError on every call
    return expit(w.T @ X + b)


@learner("gradient_descent", f"fail:{HANG}")
def waits_for_a_signal(X, Y, w_init, b_init, step_size, steps):
    threading.Event().wait()  # nobody sets it: a wait in C, not a Python loop


@learner("gradient_descent", "fail:input changed in place")
def standardises_x_in_place(X, Y, w_init, b_init, step_size, steps):
    X -= X.mean(axis=1, keepdims=True)  # the caller's X too
    fit = bl.gradient_descent(X, Y, w_init, b_init, step_size=step_size, steps=steps)
    return fit.w, fit.b


# ---------------------------------------------------- the week-2 notebook's habits
@learner("model", "fail:accuracies in percent")
def week2_percentages(
    X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps
):
    fit = bl.gradient_descent(
        X_train, Y_train, w_init, b_init, step_size=step_size, steps=steps
    )
    w, b = fit.w, fit.b

    def percent(X, Y):
        labels = bl.predict_labels(bl.forward(w, b, X))
        return 100 - np.mean(np.abs(labels - Y)) * 100

    accuracies = {"train_accuracy": percent(X_train, Y_train)}
    accuracies["test_accuracy"] = percent(X_test, Y_test)
    return {"w": w, "b": b, "costs": fit.costs, **accuracies}
