"""Learners of kinds the other modules lack: state kept from one call to the next, a
constant that holds for one case only, callables that are not plain functions,
exceptions that are not Exceptions or cannot be printed, NumPy's global state
changed, and inputs changed and put back.
"""

import functools

import numpy as np

import binary_logreg as bl

from . import LEARNERS, Learner, learner


# ------------------------------------------------------------- state between calls
@learner("train", "fail")
def costs_in_a_default_list(X, Y, w_init, b_init, step_size, steps, costs=[]):  # noqa: B006
    w, b = w_init, b_init  # the default list keeps the costs of every earlier call
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        grads = bl.backward(X, Y, A)
        w, b = w - step_size * grads.dw, b - step_size * grads.db
    return w, b, costs


_BUFFER = {}


@learner("forward", "pass")
def writes_into_a_buffer_it_returns(w, b, X):
    out = _BUFFER.setdefault(X.shape[1], np.empty((1, X.shape[1])))
    np.matmul(w.T, X, out=out)  # the next call of this M overwrites it
    out[...] = bl.sigmoid(out + np.squeeze(b))
    return out


@learner("cost", "fail")
def divides_by_200(Y, A):
    # right only where M is 200, as in the first case
    return -np.sum(np.log(np.where(Y == 1, A, 1 - A))) / 200


# ----------------------------------------------------- callables of other kinds
class _Sigmoid:
    def __call__(self, z):
        return np.exp(-np.logaddexp(0.0, -z))


LEARNERS.append(Learner("sigmoid", _Sigmoid(), "pass", "a_callable_object"))


def _metrics(y_true, y_pred, *, zero_division):
    return (
        bl.precision(y_true, y_pred, zero_division=zero_division),
        bl.recall(y_true, y_pred, zero_division=zero_division),
        bl.f1_score(y_true, y_pred, zero_division=zero_division),
    )


partial = functools.partial(_metrics, zero_division=0.0)
LEARNERS.append(Learner("precision_recall_f1", partial, "pass", "a_partial"))


@learner("confusion_matrix", "pass")
def takes_any_arguments(*labels):
    counts = np.zeros((2, 2), dtype=int)
    np.add.at(counts, (np.asarray(labels[0]), np.asarray(labels[1])), 1)
    counts.flags.writeable = False  # read-only, and still the counts
    return counts


class _Lazy:
    """An object NumPy can read through ``__array__``, but not a NumPy array."""

    def __init__(self, array):
        self.array = array

    def __array__(self, dtype=None, copy=None):
        return self.array


@learner("forward", "fail")
def returns_an_array_like(w, b, X):
    return _Lazy(bl.forward(w, b, X))


# ------------------------------------------------------------- odd exceptions
class _Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("even the message fails")


@learner("sigmoid", "fail")
def raises_an_unprintable_error(z):
    raise _Unprintable


@learner("cost", "fail")
def raises_generator_exit(Y, A):
    raise GeneratorExit("a BaseException that is not an Exception")


# ------------------------------------------------------- global and input state
@learner("backward", "pass")
def sets_numpy_to_raise(X, Y, A):
    np.seterr(all="raise")  # left set: the checker must not be the one to fail
    dz = A - Y
    return X @ dz.T / X.shape[1], float(np.mean(dz))


@learner("gradient_descent", "pass")
def changes_w_init_and_puts_it_back(X, Y, w_init, b_init, step_size, steps):
    start = w_init.copy()
    w, b = w_init, b_init
    for _ in range(steps):
        grads = bl.backward(X, Y, bl.forward(w, b, X))
        w -= step_size * grads.dw  # w_init changes in place ...
        b = b - step_size * grads.db
    result = w.copy()
    w_init[...] = start  # ... and gets its numbers back before the return
    return result, b


# ------------------------------------------------------------ results mislabelled
@learner("backward", "fail")
def keys_of_another_course(X, Y, A):
    dz = A - Y  # the right values, under the keys dW and db of another course
    return {"dW": X @ dz.T / X.shape[1], "db": float(np.mean(dz))}


@learner("confusion_matrix", "fail")
def ragged_rows(y_true, y_pred):
    counts = bl.confusion_matrix(y_true, y_pred).tolist()
    return [row for row in counts if any(row)] + [[]]  # rows dropped, one left empty
