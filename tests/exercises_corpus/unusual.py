"""Learners of new shapes: loops that swallow the alarm, odd return types, side effects.

The loops that swallow the checker's alarm (a bare ``except:``, ``except
BaseException``, ``finally: continue``), around a call where the alarm lands or of
pure Python, nested in tries or in a helper, and the recursions of exponential size
that swallow it, need the trace that unwinds the learner's frames once the time is up
(see ``binary_logreg.exercises.safe_call``).
"""

import time

import numpy as np

import binary_logreg as bl

from . import HANG, learner


# ----------------------------------------------------------- loops that swallow
def _swallowing(exercise: str):
    return learner(exercise, f"fail:{HANG}")


@_swallowing("sigmoid")
def bare_except_in_an_endless_loop(z):
    while True:
        try:
            time.sleep(0.01)  # the alarm lands here, inside the try
        except:  # noqa: E722 - the learner's
            pass


@_swallowing("predict")
def bare_except_around_a_counter(w, b, X):
    t = 0
    while True:
        try:
            t += 1
        except:  # noqa: E722 - the learner's
            pass


@_swallowing("sigmoid")
def bare_except_inside_errstate(z):
    t = 0
    with np.errstate(over="ignore"):  # no line of the loop is outside a with
        while True:
            try:
                t += 1
            except:  # noqa: E722 - the learner's
                pass


@_swallowing("cost")
def except_base_exception_continues(Y, A):
    while True:
        try:
            time.sleep(0.01)
        except BaseException:
            continue


@_swallowing("forward")
def except_exception_around_a_sleep(w, b, X):
    while True:
        try:
            time.sleep(0.01)
        except Exception:
            pass


@_swallowing("backward")
def finally_loops_again(X, Y, A):
    while True:
        try:
            time.sleep(0.01)
        finally:
            continue  # noqa: B012 - the learner's


@_swallowing("gradient_descent")
def retries_after_any_error(X, Y, w_init, b_init, step_size, steps):
    w, b, t = w_init, b_init, 0
    while t != steps:  # never met for an odd step count, and nothing gets out
        try:
            grads = bl.backward(X, Y, bl.forward(w, b, X))
            w, b, t = w - step_size * grads.dw, b - step_size * grads.db, t + 2
        except:  # noqa: E722 - the learner's
            t = 0


# Loops of pure Python whose every line sits in a try that swallows everything (or
# one whose jump back lands on a try): Python 3.10 runs no signal handler there, and
# an error of the trace inside such a try ends the tracing (the trace jumps out first).
@_swallowing("sigmoid")
def try_in_an_endless_loop_in_a_try(z):
    while True:
        try:
            while True:
                try:
                    pass
                except BaseException:
                    pass
        except BaseException:
            pass


@_swallowing("cost")
def three_loops_in_two_tries(Y, A):
    while True:
        try:
            while True:
                try:
                    while True:
                        pass
                except BaseException:
                    pass
        except BaseException:
            pass


@_swallowing("forward")
def except_exception_around_a_loop_of_tries(w, b, X):
    t = 0
    try:
        for _ in iter(int, 1):  # endless
            try:
                t += 1
            except Exception:
                pass
    except Exception:
        pass


def _spin():
    while True:
        try:
            pass
        except BaseException:
            pass


@_swallowing("backward")
def retries_a_helper_that_swallows(X, Y, A):
    while True:
        try:
            _spin()
        except BaseException:
            pass


@_swallowing("predict")
def try_in_an_inner_for_loop(w, b, X):
    t = 0
    while True:
        for i in range(10):
            try:
                t += i
            except Exception:
                pass


@_swallowing("confusion_matrix")
def finally_continues_a_loop_of_pure_python(y_true, y_pred):
    while True:
        try:
            pass
        finally:
            continue  # noqa: B012 - the learner's


@_swallowing("train")
def sleeps_in_two_swallowing_loops(X, Y, w_init, b_init, step_size, steps):
    while True:
        try:
            while True:
                try:
                    time.sleep(0.001)
                except BaseException:
                    pass
        except BaseException:
            pass


# Loops inside an except whose every line sits in a try that swallows everything:
# Python 3.10 cannot jump out of an except, so the trace raises where a try begins.
@_swallowing("forward")
def counts_forever_after_a_value_error(w, b, X):
    try:
        raise ValueError("no bias")
    except ValueError:
        t = 0
        while True:
            try:
                t += 1
            except BaseException:
                pass


@_swallowing("confusion_matrix")
def retries_forever_in_an_except(y_true, y_pred):
    while True:
        try:
            raise ValueError
        except ValueError:
            t = 0
            while True:
                try:
                    t += 1
                except BaseException:
                    t = 0


# Recursions of exponential size that swallow the alarm (and RecursionError): once
# the time is up no new call may start, or each level would explore its subtree.
@_swallowing("sigmoid")
def doubling_recursion_with_a_bare_except(z, depth=0):
    try:
        left = doubling_recursion_with_a_bare_except(z, depth + 1)
        return left + doubling_recursion_with_a_bare_except(z, depth + 1)
    except:  # noqa: E722 - the learner's
        return 1 / (1 + np.exp(-z))


@_swallowing("cost")
def doubling_recursion_catching_base_exception(Y, A, depth=0):
    try:
        left = doubling_recursion_catching_base_exception(Y, A, depth + 1)
        return (left + doubling_recursion_catching_base_exception(Y, A, depth + 1)) / 2
    except BaseException:
        return -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))


@_swallowing("predict")
def recursion_retried_after_recursion_error(w, b, X, depth=0):
    try:
        left = recursion_retried_after_recursion_error(w, b, X, depth + 1)
        return left * recursion_retried_after_recursion_error(w, b, X, depth + 1)
    except RecursionError:
        return recursion_retried_after_recursion_error(w, b, X, depth + 1)


# ------------------------------------------------------------ odd return types
@learner("forward", "fail")
def returns_a_matrix(w, b, X):
    return np.matrix(bl.forward(w, b, X))


@learner("backward", "fail")
def returns_a_generator(X, Y, A):
    grads = bl.backward(X, Y, A)
    return (part for part in (grads.dw, grads.db))


@learner("predict", "pass")
def labels_as_int8(w, b, X):
    return (bl.forward(w, b, X) >= 0.5).astype(np.int8)


@learner("precision_recall_f1", "fail")  # three numbers: `p, r, f = ...` unpacks keys
def returns_a_dict(y_true, y_pred):
    return {
        "precision": bl.precision(y_true, y_pred),
        "recall": bl.recall(y_true, y_pred),
        "f1": bl.f1_score(y_true, y_pred),
    }


@learner("backward", "pass")
def db_as_a_1_by_1_array(X, Y, A):
    dz = A - Y
    return X @ dz.T / X.shape[1], np.sum(dz, axis=1, keepdims=True) / X.shape[1]


@learner("train", "pass")
def costs_as_a_row(X, Y, w_init, b_init, step_size, steps):
    result = bl.gradient_descent(X, Y, w_init, b_init, step_size=step_size, steps=steps)
    return result.w, result.b, np.reshape(result.costs, (1, -1))


@learner("confusion_matrix", "fail")
def nan_when_nothing_predicted(y_true, y_pred):
    if not np.any(y_pred):
        return np.full((2, 2), np.nan)
    return bl.confusion_matrix(y_true, y_pred)


# ---------------------------------------------------------------- side effects
@learner("gradient_descent", "fail:input changed in place")
def labels_to_plus_minus_one_in_place(X, Y, w_init, b_init, step_size, steps):
    Y[Y == 0] = -1  # the ±1 labels of another course, on the caller's array
    Y01 = (Y + 1) / 2
    result = bl.gradient_descent(
        X, Y01, w_init, b_init, step_size=step_size, steps=steps
    )
    return result.w, result.b


@learner("sigmoid", "fail")
def noisy(z):
    return bl.sigmoid(z) + np.random.default_rng().normal(0, 1e-4, np.shape(z))


@learner("cost", "pass")
def prints_a_lot(Y, A):
    for a in np.ravel(A)[:50]:
        print(f"a = {a:.3f}")
    return bl.cost(Y, A)


# --------------------------------------------------------------------- errors
class LearnerError(Exception):
    pass


@learner("sigmoid", "fail")
def raises_its_own_exception(z):
    raise LearnerError("not this shape")


@learner("gradient_descent", "fail")
def recursion_without_a_base_case(X, Y, w_init, b_init, step_size, steps):
    w, b = recursion_without_a_base_case(X, Y, w_init, b_init, step_size, steps - 1)
    grads = bl.backward(X, Y, bl.forward(w, b, X))
    return w - step_size * grads.dw, b - step_size * grads.db


@learner("sigmoid", "fail")
def asks_for_a_huge_array(z):
    table = np.ones((10**6, 10**6))  # MemoryError: 8 TB
    return table[0, 0] * bl.sigmoid(z)
