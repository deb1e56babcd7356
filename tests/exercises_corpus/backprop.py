"""Learners' backward(X, Y, A)."""

import numpy as np

from . import learner


# ------------------------------------------------------------------------- right
@learner("backward", "pass")
def einsum_backward(X, Y, A):
    dz = (A - Y).ravel()
    return np.einsum("nm,m->n", X, dz)[:, None] / X.shape[1], dz.mean()


@learner("backward", "pass")
def broadcast_mean(X, Y, A):
    dz = A - Y
    return np.mean(X * dz, axis=1, keepdims=True), float(np.mean(dz))


@learner("backward", "pass")
def as_a_dict(X, Y, A):
    m = Y.shape[1]
    return {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m}


@learner("backward", "pass")
def sample_loop(X, Y, A):
    n, m = X.shape
    dw = np.zeros((n, 1))
    db = 0.0
    for j in range(m):
        dz = A[0, j] - Y[0, j]
        dw += X[:, [j]] * dz
        db += dz
    return dw / m, db / m


# ------------------------------------------------------------------------- wrong
# the same behaviour as the sign mistake, but its def line names the arguments in
# another order: that is the mistake named (issue 23's list)
@learner("backward", "fail:arguments in the wrong order")
def backward_a_before_y(X, A, Y):
    dz = A - Y
    return X @ dz.T / X.shape[1], np.mean(dz)


@learner("backward", "fail:results in the wrong order")
def db_first(X, Y, A):
    dz = A - Y
    return np.mean(dz), X @ dz.T / X.shape[1]


@learner("backward", "fail")
def dw_as_a_row(X, Y, A):
    dz = A - Y
    return dz @ X.T / X.shape[1], np.mean(dz)


@learner("backward", "fail")
def db_as_a_column_mean(X, Y, A):
    dz = A - Y
    return X @ dz.T / X.shape[1], np.mean(X @ dz.T / X.shape[1])


@learner("backward", "fail:input changed in place")
def subtracts_in_place(X, Y, A):
    A -= Y
    return X @ A.T / X.shape[1], np.mean(A)


@learner("backward", "fail")
def squared_error_gradient(X, Y, A):
    dz = (A - Y) * A * (1 - A)
    return X @ dz.T / X.shape[1], np.mean(dz)
