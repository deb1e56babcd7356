"""Learners' gradient_descent(X, Y, w_init, b_init, step_size, steps) and train(...)."""

import numpy as np

import binary_logreg as bl

from . import HANG, learner


def _step(X, Y, w, b, step_size):
    grads = bl.backward(X, Y, bl.forward(w, b, X))
    return w - step_size * grads.dw, b - step_size * grads.db


def _cost(X, Y, w, b):
    return bl.cost(Y, bl.forward(w, b, X))


# ------------------------------------------------------------- gradient descent, right
@learner("gradient_descent", "pass")
def while_loop(X, Y, w_init, b_init, step_size, steps):
    w, b, t = w_init, b_init, 0
    while t < steps:
        w, b = _step(X, Y, w, b, step_size)
        t += 1
    return w, b


@learner("gradient_descent", "pass")
def copies_then_updates_in_place(X, Y, w_init, b_init, step_size, steps):
    w, b = np.array(w_init, dtype=float), float(np.squeeze(b_init))
    for _ in range(steps):
        grads = bl.backward(X, Y, bl.forward(w, b, X))
        w -= step_size * grads.dw
        b -= step_size * grads.db
    return w, b


@learner("gradient_descent", "pass")  # depth steps: within the recursion limit
def recursive(X, Y, w_init, b_init, step_size, steps):
    if steps == 0:
        return w_init, b_init
    w, b = _step(X, Y, w_init, b_init, step_size)
    return recursive(X, Y, w, b, step_size, steps - 1)


@learner("gradient_descent", "fail")  # (w, b) asked: `w, b = ...` unpacks keys
def returns_a_dict(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for _ in range(steps):
        w, b = _step(X, Y, w, b, step_size)
    return {"w": w, "b": b}


# ------------------------------------------------------------- gradient descent, wrong
@learner("gradient_descent", "fail")
def stops_when_the_cost_settles(X, Y, w_init, b_init, step_size, steps):
    w, b, previous = w_init, b_init, np.inf
    for _ in range(steps):
        now = _cost(X, Y, w, b)
        if abs(previous - now) < 1e-3:
            break
        previous = now
        w, b = _step(X, Y, w, b, step_size)
    return w, b


@learner("gradient_descent", "fail:an update at steps = 0")
def do_while(X, Y, w_init, b_init, step_size, steps):
    w, b, t = w_init, b_init, 0
    while True:
        w, b = _step(X, Y, w, b, step_size)
        t += 1
        if t >= steps:
            return w, b


@learner("gradient_descent", f"fail:{HANG}")
def counts_by_two(X, Y, w_init, b_init, step_size, steps):
    w, b, t = w_init, b_init, 0
    while t != steps:
        w, b = _step(X, Y, w, b, step_size)
        t += 2
    return w, b


@learner("gradient_descent", "fail:one update too many")
def range_steps_plus_one(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for _ in range(steps + 1):
        w, b = _step(X, Y, w, b, step_size)
    return w, b


@learner("gradient_descent", "fail:results in the wrong order")
def bias_first(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for _ in range(steps):
        w, b = _step(X, Y, w, b, step_size)
    return b, w


@learner("gradient_descent", "fail:input changed in place")
def bias_array_in_place(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init.copy(), np.asarray(b_init, dtype=float)
    for _ in range(steps):
        grads = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - step_size * grads.dw
        b -= step_size * grads.db  # b_init, when it is an array
    return w, b


@learner("gradient_descent", "fail")
def step_size_decays(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for t in range(steps):
        w, b = _step(X, Y, w, b, step_size / (1 + t))
    return w, b


@learner("gradient_descent", "fail")
def stochastic(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    m = X.shape[1]
    for t in range(steps):
        j = [t % m]
        w, b = _step(X[:, j], Y[:, j], w, b, step_size)
    return w, b


@learner("gradient_descent", "fail:called exit()")
def exits_when_done(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for _ in range(steps):
        w, b = _step(X, Y, w, b, step_size)
    if steps > 25:
        exit()
    return w, b


# ---------------------------------------------------------------------- train, right
@learner("train", "pass")
def train_list_of_floats(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, []
    for _ in range(steps):
        costs.append(float(_cost(X, Y, w, b)))
        w, b = _step(X, Y, w, b, step_size)
    return w, b, costs


@learner("train", "pass")
def train_logaddexp(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    costs = np.zeros(steps)
    for t in range(steps):
        Z = w.T @ X + b
        costs[t] = np.mean(np.logaddexp(0, Z) - Y * Z)
        w, b = _step(X, Y, w, b, step_size)
    return w, b, costs


# ---------------------------------------------------------------------- train, wrong
@learner("train", "fail")
def train_costs_never_filled(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for _ in range(steps):
        w, b = _step(X, Y, w, b, step_size)
    return w, b, np.zeros(steps)


@learner("train", "fail:costs after the update")
def train_cost_after_update(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, []
    for _ in range(steps):
        w, b = _step(X, Y, w, b, step_size)
        costs.append(_cost(X, Y, w, b))
    return w, b, costs


@learner("train", "fail:results in the wrong order")
def train_costs_first(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, []
    for _ in range(steps):
        costs.append(_cost(X, Y, w, b))
        w, b = _step(X, Y, w, b, step_size)
    return costs, w, b


@learner("train", "fail:one update too many")
def train_one_more(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, []
    for _ in range(steps + 1):
        costs.append(_cost(X, Y, w, b))
        w, b = _step(X, Y, w, b, step_size)
    return w, b, costs[:steps]


@learner("train", "fail")
def train_costs_summed(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, []
    for _ in range(steps):
        costs.append(_cost(X, Y, w, b) * X.shape[1])
        w, b = _step(X, Y, w, b, step_size)
    return w, b, costs
