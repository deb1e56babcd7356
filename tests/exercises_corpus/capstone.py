"""Learners' predict(w, b, X) and model(X_train, Y_train, X_test, Y_test, w_init, b_init,
step_size, steps), the capstone's part 2."""

import numpy as np

import binary_logreg as bl

from . import cell, learner


# --------------------------------------------------------------------- predict, right
@learner("predict", "pass")
def heaviside(w, b, X):
    return np.heaviside(w.T @ X + b, 1.0)  # H(0) = 1: the boundary is class 1


@learner("predict", "pass")
def where_on_tanh(w, b, X):
    A = 0.5 * (1 + np.tanh((w.T @ X + b) / 2))
    return np.where(A >= 0.5, 1, 0)


@learner("predict", "pass")
def loop_of_floats(w, b, X):
    A = bl.forward(w, b, X)
    labels = np.zeros((1, X.shape[1]))
    for i in range(X.shape[1]):
        labels[0, i] = 1.0 if A[0, i] >= 0.5 else 0.0
    return labels


# --------------------------------------------------------------------- predict, wrong
@learner("predict", "fail")
def sign_of_z(w, b, X):
    return (np.sign(w.T @ X + b) + 1) // 2  # sign(0) = 0 gives label 0 at z = 0


@learner("predict", "fail:labels 0 at a = 0.5 (> instead of ≥)")
def rint(w, b, X):
    return np.rint(bl.forward(w, b, X)).astype(int)


@learner("predict", "fail")
def flat_labels(w, b, X):
    return (bl.forward(w, b, X) >= 0.5).astype(int).ravel()


@learner("predict", "fail:probabilities returned, not labels")
def probabilities_rounded_late(w, b, X):
    A = bl.forward(w, b, X)
    A[A >= 0.5] = A[A >= 0.5]  # a threshold that changes nothing
    return A


# ----------------------------------------------------------------------- model, right
def _scores(w, b, X, Y):
    return bl.accuracy(Y, bl.predict_labels(bl.forward(w, b, X)))


@learner("model", "pass")
def with_the_package(
    X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps
):
    fit = bl.gradient_descent(X_train, Y_train, w_init, b_init, step_size=step_size,
                              steps=steps)  # fmt: skip
    return {
        "w": fit.w,
        "b": fit.b,
        "costs": fit.costs,
        "train_accuracy": _scores(fit.w, fit.b, X_train, Y_train),
        "test_accuracy": _scores(fit.w, fit.b, X_test, Y_test),
        "Y_prediction_test": bl.predict_labels(bl.forward(fit.w, fit.b, X_test)),
    }


cell(
    "model",
    "pass",
    "model_from_its_cells",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    fit = bl.gradient_descent(X, Y, w_init, b_init, step_size=step_size, steps=steps)
    return fit.w, fit.b, fit.costs

def predict(w, b, X):
    return bl.forward(w, b, X)  # wrong, but check_predict judges it, not check_model

def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    right = lambda X, Y: float(np.count_nonzero(predict(w, b, X) == Y)) / Y.size
    return dict(w=w, b=b, costs=costs, train_accuracy=right(X_train, Y_train),
                test_accuracy=right(X_test, Y_test))
""",
)


# ----------------------------------------------------------------------- model, wrong
@learner("model", "fail")
def scored_before_training(X_train, Y_train, X_test, Y_test, w_init, b_init,
                           step_size, steps):  # fmt: skip
    fit = bl.gradient_descent(X_train, Y_train, w_init, b_init, step_size=step_size,
                              steps=steps)  # fmt: skip
    return {
        "w": fit.w,
        "b": fit.b,
        "costs": fit.costs,
        "train_accuracy": _scores(w_init, b_init, X_train, Y_train),
        "test_accuracy": _scores(w_init, b_init, X_test, Y_test),
    }


@learner("model", "fail")
def trained_on_both_sets(X_train, Y_train, X_test, Y_test, w_init, b_init,
                         step_size, steps):  # fmt: skip
    X, Y = np.hstack([X_train, X_test]), np.hstack([Y_train, Y_test])
    fit = bl.gradient_descent(X, Y, w_init, b_init, step_size=step_size, steps=steps)
    return {
        "w": fit.w,
        "b": fit.b,
        "costs": fit.costs,
        "train_accuracy": _scores(fit.w, fit.b, X_train, Y_train),
        "test_accuracy": _scores(fit.w, fit.b, X_test, Y_test),
    }


@learner("model", "fail:trained on the test set")
def trained_on_the_test_set(X_train, Y_train, X_test, Y_test, w_init, b_init,
                            step_size, steps):  # fmt: skip
    fit = bl.gradient_descent(X_test, Y_test, w_init, b_init, step_size=step_size,
                              steps=steps)  # fmt: skip
    return {
        "w": fit.w,
        "b": fit.b,
        "costs": fit.costs,
        "train_accuracy": _scores(fit.w, fit.b, X_train, Y_train),
        "test_accuracy": _scores(fit.w, fit.b, X_test, Y_test),
    }


@learner("model", "fail")
def steps_of_its_own(
    X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps
):
    fit = bl.gradient_descent(
        X_train, Y_train, w_init, b_init, step_size=step_size, steps=50
    )  # a number of its own, not the argument
    return {
        "w": fit.w,
        "b": fit.b,
        "costs": fit.costs,
        "train_accuracy": _scores(fit.w, fit.b, X_train, Y_train),
        "test_accuracy": _scores(fit.w, fit.b, X_test, Y_test),
    }
