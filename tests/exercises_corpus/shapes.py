"""Learners whose values are right but whose types or shapes are the question, each
judged by the rule of its result's type in the table's [types] (and the statements):

- an array of a fixed shape (σ(z), A, dw, w, C, the labels) is a NumPy array of that
  shape: a list, a number, a 1-D array or an np.matrix fails;
- a number (J, precision, recall, F1, the accuracies) is a Python or NumPy number or
  a 0-d array: a list or an array of shape (1,) or (1, 1) fails;
- b and db are a number or an array of shape (1, 1), as the course keeps b;
- the costs are a list, a tuple or an array, one number per step: a generator fails;
- the results of a function with several are a tuple, a list, an array, a mapping
  or an object with those attributes, except model's: a dictionary.

Then learners of other new shapes: global state, float16 and longdouble, integer
division, NaN on one input only, a reinitialised weight, printing in a loop.
"""

import math

import numpy as np

import binary_logreg as bl

from . import learner


def _fit(X, Y, w_init, b_init, step_size, steps):
    return bl.gradient_descent(X, Y, w_init, b_init, step_size=step_size, steps=steps)


def _accuracy(w, b, X, Y):
    return bl.accuracy(Y, bl.predict_labels(bl.forward(w, b, X)))


# ----------------------------------------------------------------- arrays of a shape
@learner("sigmoid", "fail")
def sigmoid_as_a_list(z):
    return [bl.sigmoid(v) for v in z]  # a list of rows (or of numbers for 1-D z)


@learner("sigmoid", "pass")
def sigmoid_vectorised_math(z):
    one = np.vectorize(
        lambda v: math.exp(-math.log1p(math.exp(-v))) if v > -700 else 0.0
    )
    return one(z).astype(float)


@learner("forward", "fail")
def forward_as_nested_lists(w, b, X):
    return bl.forward(w, b, X).tolist()


@learner("backward", "fail")
def dw_as_a_list(X, Y, A):
    grads = bl.backward(X, Y, A)
    return list(grads.dw.ravel()), grads.db


@learner("backward", "fail")
def dw_as_a_matrix(X, Y, A):
    grads = bl.backward(X, Y, A)
    return np.asmatrix(grads.dw), grads.db


@learner("confusion_matrix", "pass")
def nested_lists_as_an_array(y_true, y_pred):
    pairs = list(zip(y_true, y_pred, strict=True))
    return np.array([[pairs.count((t, p)) for p in (0, 1)] for t in (0, 1)])


@learner("confusion_matrix", "pass")
def counts_as_floats(y_true, y_pred):
    return bl.confusion_matrix(y_true, y_pred).astype(float)


@learner("predict", "fail")
def labels_as_a_list(w, b, X):
    return [int(a >= 0.5) for a in bl.forward(w, b, X).ravel()]


@learner("predict", "pass")
def labels_as_booleans(w, b, X):
    return bl.forward(w, b, X) >= 0.5


# ------------------------------------------------------------------------- numbers
@learner("cost", "pass")
def cost_as_a_0d_array(Y, A):
    return np.array(bl.cost(Y, A))


@learner("cost", "pass")
def cost_as_np_float64(Y, A):
    return np.float64(bl.cost(Y, A))


@learner("cost", "fail")
def cost_as_a_1_by_1_array(Y, A):
    losses = -np.log(np.where(Y == 1, A, 1 - A))
    return losses @ np.ones((Y.shape[1], 1)) / Y.shape[1]  # (1, M) @ (M, 1)


@learner("cost", "fail")
def cost_in_a_list(Y, A):
    return [bl.cost(Y, A)]


@learner("backward", "fail")
def db_of_shape_1(X, Y, A):
    dz = A - Y
    return X @ dz.T / X.shape[1], np.sum(dz, axis=1) / X.shape[1]


@learner("precision_recall_f1", "pass")
def metrics_as_an_array(y_true, y_pred):
    return np.array(
        [
            bl.precision(y_true, y_pred),
            bl.recall(y_true, y_pred),
            bl.f1_score(y_true, y_pred),
        ]
    )


@learner("precision_recall_f1", "pass")
def metrics_as_0d_arrays(y_true, y_pred):
    return [np.array(m(y_true, y_pred)) for m in (bl.precision, bl.recall, bl.f1_score)]


@learner("precision_recall_f1", "fail")
def metrics_each_in_a_list(y_true, y_pred):
    return tuple([m(y_true, y_pred)] for m in (bl.precision, bl.recall, bl.f1_score))


# ------------------------------------------------------------ b, the costs, model
@learner("gradient_descent", "pass")
def bias_kept_as_a_1_by_1_array(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init.copy(), np.full((1, 1), np.squeeze(b_init))
    for _ in range(steps):
        grads = bl.backward(X, Y, bl.forward(w, b, X))
        w, b = w - step_size * grads.dw, b - step_size * grads.db
    return w, b


@learner("gradient_descent", "fail")
def bias_of_shape_1(X, Y, w_init, b_init, step_size, steps):
    fit = _fit(X, Y, w_init, b_init, step_size, steps)
    return fit.w, np.reshape(fit.b, (1,))


@learner("train", "pass")
def costs_as_an_array(X, Y, w_init, b_init, step_size, steps):
    fit = _fit(X, Y, w_init, b_init, step_size, steps)
    return fit.w, fit.b, np.asarray(fit.costs)


@learner("train", "pass")
def costs_as_a_tuple(X, Y, w_init, b_init, step_size, steps):
    fit = _fit(X, Y, w_init, b_init, step_size, steps)
    return fit.w, fit.b, tuple(float(c) for c in fit.costs)


@learner("train", "fail")
def costs_as_a_generator(X, Y, w_init, b_init, step_size, steps):
    fit = _fit(X, Y, w_init, b_init, step_size, steps)
    return fit.w, fit.b, (float(c) for c in fit.costs)


@learner("model", "fail")
def model_returns_a_tuple(
    X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps
):
    fit = _fit(X_train, Y_train, w_init, b_init, step_size, steps)
    return (
        fit.w,
        fit.b,
        fit.costs,
        _accuracy(fit.w, fit.b, X_train, Y_train),
        _accuracy(fit.w, fit.b, X_test, Y_test),
    )


@learner("model", "pass")
def model_with_numpy_accuracies(
    X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps
):
    fit = _fit(X_train, Y_train, w_init, b_init, step_size, steps)

    def right(X, Y):
        return np.mean(bl.predict_labels(bl.forward(fit.w, fit.b, X)) == Y)

    return dict(
        w=fit.w,
        b=fit.b,
        costs=list(fit.costs),
        train_accuracy=right(X_train, Y_train),
        test_accuracy=right(X_test, Y_test),
    )


@learner("model", "fail")
def accuracies_of_shape_1(
    X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps
):
    fit = _fit(X_train, Y_train, w_init, b_init, step_size, steps)

    def right(X, Y):
        labels = bl.predict_labels(bl.forward(fit.w, fit.b, X))
        return np.mean(labels == Y, axis=1)  # one per row: shape (1,)

    return dict(
        w=fit.w,
        b=fit.b,
        costs=fit.costs,
        train_accuracy=right(X_train, Y_train),
        test_accuracy=right(X_test, Y_test),
    )


# ------------------------------------------------------------------ other new shapes
_SEEN = []


@learner("sigmoid", "fail")
def remembers_the_first_input(z):
    _SEEN.append(np.shape(z))  # global state: the second call differs
    return bl.sigmoid(z) * (1 + 1e-3 * (len(_SEEN) > 1))


@learner("forward", "fail:computed in float32 or float16")
def float16_result(w, b, X):
    return bl.forward(w, b, X).astype(np.float16)


@learner("forward", "pass")
def longdouble_result(w, b, X):
    Z = w.T.astype(np.longdouble) @ X + np.squeeze(b)
    return 1 / (1 + np.exp(-np.clip(Z, -700, 700)))


@learner("precision_recall_f1", "fail")
def integer_division(y_true, y_pred):
    (_, fp), (fn, tp) = bl.confusion_matrix(y_true, y_pred)
    p = tp // (tp + fp) if tp + fp else 0
    r = tp // (tp + fn) if tp + fn else 0
    return p, r, 2 * tp // (2 * tp + fp + fn) if tp else 0


@learner("cost", "pass")
def labels_cast_to_int8(Y, A):
    Y = Y.astype(np.int8)
    return -np.mean(np.log(np.where(Y == 1, A, 1 - A)))


@learner("sigmoid", "fail")
def nan_at_zero_only(z):
    return 0.5 + 0.5 * np.tanh(z / 2) * (z / np.abs(z)) ** 2  # 0 / 0 at z = 0


@learner("gradient_descent", "fail")
def starts_from_random_weights(X, Y, w_init, b_init, step_size, steps):
    w = np.random.default_rng(0).normal(size=w_init.shape)  # not w_init
    fit = _fit(X, Y, w, b_init, step_size, steps)
    return fit.w, fit.b


@learner("train", "pass")
def prints_every_step(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init.copy(), float(np.squeeze(b_init)), []
    for step in range(steps):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        print(f"step {step}: cost {costs[-1]:.6f}")
        grads = bl.backward(X, Y, A)
        w, b = w - step_size * grads.dw, b - step_size * grads.db
    return w, b, costs


@learner("cost", "fail:input changed in place")
def clips_a_in_place(Y, A):
    np.clip(A, 1e-12, 1 - 1e-12, out=A)
    return -np.mean(np.log(np.where(Y == 1, A, 1 - A)))
