"""Learners' penalised_descent(X, Y, w_init, b_init, step_size, steps, C)."""

import numpy as np

import binary_logreg as bl

from . import learner


def _gradients(X, Y, w, b):
    return bl.backward(X, Y, bl.forward(w, b, X))


# ------------------------------------------------------------------- right, unusual
@learner("penalised_descent", "pass")
def shrinks_then_steps(X, Y, w_init, b_init, step_size, steps, C):
    """Weight decay as d2l writes it: w ← (1 - ηλ) w - η dw of the data."""
    decay = 1 / (C * X.shape[1])
    w, b = w_init, b_init
    for _ in range(steps):
        grads = _gradients(X, Y, w, b)
        w = (1 - step_size * decay) * w - step_size * grads.dw
        b = b - step_size * grads.db
    return w, b


@learner("penalised_descent", "pass")
def the_package_with_C(X, Y, w_init, b_init, step_size, steps, C):
    result = bl.gradient_descent(X, Y, w_init, b_init, step_size=step_size,
                                 steps=steps, C=C)  # fmt: skip
    return result.w, result.b


@learner("penalised_descent", "pass")
def stacked_parameters(X, Y, w_init, b_init, step_size, steps, C):
    """θ = (w, b) in one vector; the penalty's diagonal has a 0 for the bias."""
    n, m = X.shape
    theta = np.append(w_init, b_init)
    penalty = np.append(np.full(n, 1 / (C * m)), 0.0)
    for _ in range(steps):
        grads = _gradients(X, Y, theta[:-1].reshape(-1, 1), theta[-1])
        theta = theta - step_size * (np.append(grads.dw, grads.db) + penalty * theta)
    return theta[:-1].reshape(-1, 1), theta[-1]


# ------------------------------------------------------------------------ wrong
@learner("penalised_descent", "fail")
def divides_by_the_features(X, Y, w_init, b_init, step_size, steps, C):
    decay = 1 / (C * X.shape[0])  # N, not M
    w, b = w_init, b_init
    for _ in range(steps):
        grads = _gradients(X, Y, w, b)
        w = w - step_size * (grads.dw + decay * w)
        b = b - step_size * grads.db
    return w, b


@learner("penalised_descent", "fail")
def l1_instead_of_l2(X, Y, w_init, b_init, step_size, steps, C):
    decay = 1 / (C * X.shape[1])
    w, b = w_init, b_init
    for _ in range(steps):
        grads = _gradients(X, Y, w, b)
        w = w - step_size * (grads.dw + decay * np.sign(w))
        b = b - step_size * grads.db
    return w, b


@learner("penalised_descent", "fail")
def penalty_from_the_initial_weights(X, Y, w_init, b_init, step_size, steps, C):
    decay = 1 / (C * X.shape[1])
    w, b = w_init, b_init
    for _ in range(steps):
        grads = _gradients(X, Y, w, b)
        w = w - step_size * (grads.dw + decay * w_init)
        b = b - step_size * grads.db
    return w, b
