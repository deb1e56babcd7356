"""Learners' sigmoid(z) and forward(w, b, X)."""

import math
import sys

import numpy as np
from scipy.special import expit

from . import HANG, learner


def _stable(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


# ------------------------------------------------------------------ sigmoid, right
@learner("sigmoid", "pass")
def tanh_identity(z):
    return 0.5 * (1 + np.tanh(z / 2))


@learner("sigmoid", "pass")
def scipy_expit(z):
    return expit(z)


@learner("sigmoid", "pass")
def logaddexp(z):
    return np.exp(-np.logaddexp(0, -z))


@learner("sigmoid", "fail")  # σ(-800) = 7e-218: the statement asks for 0 exactly
def clipped_logits(z):
    return 1 / (1 + np.exp(-np.clip(z, -500, 500)))


@learner("sigmoid", "pass")
def vectorize_math(z):
    def one(v):
        return 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))

    return np.vectorize(one, otypes=[float])(z)


# ------------------------------------------------------------------ sigmoid, wrong
@learner("sigmoid", "fail:a tuple returned, not one array")
def sigmoid_returns_cache(z):
    return _stable(z), z


@learner("sigmoid", "fail:computed in float32 or float16")
def float32_sigmoid(z):
    return expit(np.asarray(z, dtype=np.float32))


@learner("sigmoid", "fail:input changed in place")
def negates_in_place(z):
    np.negative(z, out=z)
    return 1 / (1 + np.exp(z))


@learner("sigmoid", "fail:called exit()")
def exits(z):
    sys.exit("bad input")


@learner("sigmoid", f"fail:{HANG}")
def loops_forever(z):
    while True:
        pass


@learner("sigmoid", "fail")
def rounded(z):
    return np.round(_stable(z), 3)


@learner("sigmoid", "fail")
def two_minus(z):
    return 2 / (1 + np.exp(-z)) - 1  # tanh(z / 2), not σ(z)


# ------------------------------------------------------------------ forward, right
@learner("forward", "pass")
def einsum_forward(w, b, X):
    return expit(np.einsum("n,nm->m", w[:, 0], X)[None, :] + b)


@learner("forward", "pass")
def summed_products(w, b, X):
    return _stable(np.sum(w * X, axis=0, keepdims=True) + b)


@learner("forward", "pass")
def tanh_forward(w, b, X):
    return 0.5 * (1 + np.tanh((np.dot(w.T, X) + b) / 2))


# ------------------------------------------------------------------ forward, wrong
@learner("forward", "fail:arguments in the wrong order")
def forward_x_first(X, w, b):
    return _stable(w.T @ X + b)


@learner("forward", "fail:a tuple returned, not one array")
def forward_with_cache(w, b, X):
    Z = w.T @ X + b
    return _stable(Z), Z


@learner("forward", "fail:computed in float32 or float16")
def forward_float32(w, b, X):
    Z = (w.T @ X + b).astype(np.float32)
    return expit(Z)


@learner("forward", "fail:shapes do not fit")
def forward_without_transpose(w, b, X):
    return _stable(w @ X + b)


@learner("forward", "fail")
def forward_flattened(w, b, X):
    return _stable(w.T @ X + b).ravel()


@learner("forward", "fail")
def forward_bias_times_w(w, b, X):
    return _stable(w.T @ (X + b))
