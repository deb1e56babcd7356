"""Learners' cost(Y, A)."""

import numpy as np
from scipy.special import xlogy

from . import learner


# ------------------------------------------------------------------------- right
@learner("cost", "pass")
def masked_sums(Y, A):
    return -(np.log(A[Y == 1]).sum() + np.log(1 - A[Y == 0]).sum()) / Y.size


@learner("cost", "pass")
def distance_to_the_label(Y, A):
    return float(np.mean(-np.log(1 - np.abs(Y - A))))


@learner("cost", "pass")
def scipy_xlogy(Y, A):
    return -np.mean(xlogy(Y, A) + xlogy(1 - Y, 1 - A))


@learner("cost", "pass")
def dot_products(Y, A):
    with np.errstate(divide="ignore"):
        logs = np.log(np.where(Y == 1, A, 1 - A))
    return -(logs @ np.ones((Y.size, 1))).item() / Y.shape[1]


@learner("cost", "pass")
def float32_cost(Y, A):  # float32's rounding, 1e-7, is within the tolerance
    p = np.where(Y == 1, A, 1 - A).astype(np.float32)
    return np.mean(-np.log(p))


# ------------------------------------------------------------------------- wrong
@learner("cost", "fail:arguments in the wrong order")
def cost_a_first(A, Y):
    return float(np.mean(-np.log(np.where(Y == 1, A, 1 - A))))


@learner("cost", "fail:input changed in place")
def clips_in_place(Y, A):
    np.clip(A, 1e-12, 1 - 1e-12, out=A)
    return -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))


@learner("cost", "fail")
def only_the_positive_term(Y, A):
    with np.errstate(divide="ignore"):
        return -np.mean(Y * np.log(np.where(Y == 1, A, 1)))


@learner("cost", "fail")
def divides_by_m_minus_1(Y, A):
    return -np.sum(np.log(np.where(Y == 1, A, 1 - A))) / max(Y.size - 1, 1)


@learner("cost", "fail")
def squared_error(Y, A):
    return float(np.mean((Y - A) ** 2))


@learner("cost", "fail:a tuple returned, not one array")
def cost_and_gradient(Y, A):
    p = np.where(Y == 1, A, 1 - A)
    return -np.mean(np.log(p)), A - Y
