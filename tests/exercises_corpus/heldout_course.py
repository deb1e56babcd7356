"""A held-out play across all eleven exercises: course-style code as students of the
deeplearning.ai week-2 assignment write it (propagate/optimize helpers, grads
dictionaries, ``initialize_with_zeros``, asserts, ``np.squeeze(cost)``, costs every
100 steps, ``num_iterations``/``learning_rate`` in the def line, ``1/m`` against
``1//m``, b as a (1, 1) array, Python loops over ``A.shape[1]``), and odd but
plausible code (partials, classes, decorators, generators, warnings, global NumPy
state, numbers of other kinds, custom exceptions, threads, call counts).

Each learner is a notebook cell (``np`` and ``bl`` imported) with the verdict the
issue's definitions give it. Those the checker of 3934997 judged wrongly are in
``CHECKER_WRONG``, with the cause; all are judged right now and registered, but the
one of ``LIMITS``, which switches the checker's alarm off.
"""

from textwrap import dedent

from . import FLOAT_OF_A_MATRIX, cell

# (exercise, expected, label, source)
CELLS: list[tuple[str, str, str, str]] = []


def _add(exercise: str, expected: str, label: str, source: str) -> None:
    CELLS.append((exercise, expected, label, dedent(source)))


#: learners the checker of 3934997 judged wrongly: id -> (exercise, expected, source,
#: why); all are registered, with the verdicts of DECIDED, but those of LIMITS
CHECKER_WRONG: dict[str, tuple[str, str, str, str]] = {}
#: the verdicts the statements left open, decided: id -> verdict
DECIDED = {
    # a NumPy array of the values (dtype object): as sigmoid-ho-frompyfunc
    "sigmoid-c4-frompyfunc-object-array": "pass",
}
#: what no in-process checker stops: a learner that replaces the checker's own
#: alarm (signal.signal(SIGALRM, SIG_IGN)) and then loops; never run
LIMITS = ("gradient_descent-c4-ignores-sigalrm",)
#: learners whose crash the issue asks for (KeyboardInterrupt is not caught): id ->
#: (exercise, expected, source, why); never run by the suite
BY_DESIGN: dict[str, tuple[str, str, str, str]] = {}


def _wrong(exercise: str, expected: str, label: str, source: str, why: str) -> None:
    CHECKER_WRONG[f"{exercise}-{label}"] = (exercise, expected, dedent(source), why)


SIG = "sigmoid"
FW = "forward"
CO = "cost"
BW = "backward"
GD = "gradient_descent"
PD = "penalised_descent"
TR = "train"
PR = "predict"
CM = "confusion_matrix"
PRF = "precision_recall_f1"
MO = "model"

# The course's sigmoid, overflow warning and all, for the cells that call it.
COURSE_SIGMOID = """
def sigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s
"""
SAFE_SIGMOID = """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
"""

# =============================================================================== sigmoid
_add(
    SIG,
    "fail",
    "c4-clip-z-at-700",
    """
def sigmoid(z):
    z = np.array(z, dtype=float)
    z[z < -700] = -700  # avoid the overflow warning
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    SIG,
    "fail",
    "c4-np-clip-500",
    """
def sigmoid(z):
    s = 1 / (1 + np.exp(-np.clip(z, -500, 500)))
    return s
""",
)
_wrong(
    SIG,
    "fail",
    "c4-frompyfunc-object-array",
    """
import math

def _s(t):
    t = float(t)
    if t >= 0:
        return 1 / (1 + math.exp(-t))
    e = math.exp(t)
    return e / (1 + e)

def sigmoid(z):
    return np.frompyfunc(_s, 1, 1)(z)
""",
    "false pass: an object array of Python floats is read as floats (reading._numbers converts any object array of reals, meant for a Fraction or Decimal number); np.log or np.exp of it then fails downstream. Ambiguous: 'a NumPy array of floats' may mean the dtype (float) or the entries",
)
_add(
    SIG,
    "pass",
    "c4-minus-zero-in-the-tail",
    """
def sigmoid(z):
    with np.errstate(over="ignore"):
        s = 1 / (1 + np.exp(-z))
    return np.where(s == 0, -0.0, s)
""",
)
_add(
    SIG,
    "fail",
    "c4-seterr-raise",
    """
def sigmoid(z):
    np.seterr(all="raise")  # to catch my overflows
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    SIG,
    "pass",
    "c4-seterr-ignore",
    """
def sigmoid(z):
    np.seterr(over="ignore")
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    SIG,
    "pass",
    "c4-printoptions-and-prints",
    """
def sigmoid(z):
    old = np.get_printoptions()
    np.set_printoptions(precision=2, suppress=True)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    print("z =", z, "sigmoid =", s)
    np.set_printoptions(**old)
    return s
""",
)
_add(
    SIG,
    "pass",
    "c4-warns-its-own-warning",
    """
import warnings

def sigmoid(z):
    if np.any(np.abs(z) > 700):
        warnings.warn("large logits: sigmoid saturates")
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""",
)
_add(
    SIG,
    "fail",
    "c4-warnings-as-errors",
    """
import warnings

def sigmoid(z):
    warnings.simplefilter("error")  # no silent overflow for me
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    SIG,
    "fail",
    "c4-lru-cache-on-an-array",
    """
import functools

@functools.lru_cache(maxsize=None)
def sigmoid(z):
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    SIG,
    "pass",
    "c4-staticmethod-of-a-class",
    """
class Activations:
    @staticmethod
    def sigmoid(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1 / (1 + e), e / (1 + e))

sigmoid = Activations.sigmoid
""",
)
_add(
    SIG,
    "pass",
    "c4-logging-decorator-wraps",
    """
import functools

def logged(f):
    @functools.wraps(f)
    def inner(*args, **kwargs):
        out = f(*args, **kwargs)
        print(f"{f.__name__} -> shape {np.shape(out)}")
        return out
    return inner

@logged
def sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * np.asarray(z, dtype=float)))
""",
)
_add(
    SIG,
    "pass",
    "c4-decimal-per-entry",
    """
from decimal import Decimal

def sigmoid(z):
    flat = [float(1 / (1 + Decimal(float(-t)).exp())) for t in np.ravel(z)]
    return np.array(flat, dtype=float).reshape(np.shape(z))
""",
)
_add(
    SIG,
    "pass",
    "c4-negate-in-place-and-restore",
    """
def sigmoid(z):
    z *= -1
    with np.errstate(over="ignore"):
        s = 1 / (1 + np.exp(z))
    z *= -1
    return s
""",
)
_add(
    SIG,
    "pass",
    "c4-recursion-over-rows",
    """
def sigmoid(z):
    z = np.asarray(z)
    if z.ndim == 0:
        return np.float64(0.5 * (1 + np.tanh(0.5 * float(z))))[()] + np.zeros(())
    return np.array([sigmoid(row) for row in z], dtype=float).reshape(z.shape)
""",
)
_add(
    SIG,
    "fail",
    "c4-thread-pool-per-row",
    """
from concurrent.futures import ThreadPoolExecutor

def _rows(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))

def sigmoid(z):
    z = np.atleast_1d(np.asarray(z, dtype=float))  # a 0-d z comes back of shape (1,)
    with ThreadPoolExecutor(2) as pool:
        parts = list(pool.map(_rows, list(z)))
    return np.array(parts, dtype=float).reshape(np.shape(z))
""",
)
_add(
    SIG,
    "fail",
    "c4-right-first-three-calls",
    """
calls = 0

def sigmoid(z):
    global calls
    calls += 1
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return s if calls <= 3 else np.round(s, 3)
""",
)
_add(
    SIG,
    "fail",
    "c4-custom-error-broken-str",
    """
class SigmoidError(Exception):
    def __str__(self):
        raise RuntimeError("no text")

def sigmoid(z):
    if z.dtype.kind in "iu":
        raise SigmoidError("integers are not supported")
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    SIG,
    "fail",
    "c4-raises-a-baseexception",
    """
class Abort(BaseException):
    pass

def sigmoid(z):
    if np.ndim(z) == 0:
        raise Abort("0-d input")
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""",
)
_add(
    SIG,
    "fail",
    "c4-raises-generatorexit",
    """
def sigmoid(z):
    if np.max(np.abs(z), initial=0) > 100:
        raise GeneratorExit
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    SIG,
    "pass",
    "c4-stopiteration-never-reached",
    """
def _entries(z):
    it = iter(np.ravel(z))
    while True:
        t = next(it)  # PEP 479: a RuntimeError once it runs out, but count= stops first
        yield 0.5 * (1 + np.tanh(0.5 * t))

def sigmoid(z):
    return np.fromiter(_entries(z), dtype=float, count=np.size(z)).reshape(np.shape(z))
""",
)
_add(
    SIG,
    "fail",
    "c4-stopiteration-in-a-generator",
    """
def _entries(z):
    it = iter(np.ravel(z))
    while True:
        t = next(it)  # PEP 479: a RuntimeError once it runs out
        yield 0.5 * (1 + np.tanh(0.5 * t))

def sigmoid(z):
    return np.array(list(_entries(z)), dtype=float).reshape(np.shape(z))
""",
)
_add(
    SIG,
    "pass",
    "c4-generator-with-count",
    """
def _entries(z):
    for t in np.ravel(z):
        yield 0.5 * (1 + np.tanh(0.5 * t))

def sigmoid(z):
    return np.fromiter(_entries(z), dtype=float, count=np.size(z)).reshape(np.shape(z))
""",
)
_add(
    SIG,
    "pass",
    "c4-sleeps-a-little",
    """
import time

def sigmoid(z):
    time.sleep(0.005)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""",
)

# =============================================================================== forward
_add(
    FW,
    "pass",
    "c4-course-reshape-assert",
    SAFE_SIGMOID
    + """
def forward(w, b, X):
    m = X.shape[1]
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    assert A.shape == (1, m)
    return A
""",
)
_add(
    FW,
    "pass",
    "c4-course-sigmoid-warns",
    COURSE_SIGMOID
    + """
def forward(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return A
""",
)
_add(
    FW,
    "pass",
    "c4-item-of-b",
    SAFE_SIGMOID
    + """
def forward(w, b, X):
    b = np.asarray(b).item()
    return sigmoid(w.T @ X + b)
""",
)
_add(
    FW,
    "fail",
    "c4-b-indexed-00",
    SAFE_SIGMOID
    + """
def forward(w, b, X):
    return sigmoid(np.dot(w.T, X) + b[0][0])
""",
)
_add(
    FW,
    "pass",
    "c4-np-matrix-inside",
    SAFE_SIGMOID
    + """
def forward(w, b, X):
    Z = np.matrix(w).T * np.matrix(X) + b
    return np.asarray(sigmoid(np.asarray(Z)))
""",
)
_add(
    FW,
    "fail",
    "c4-vectorized-math-exp",
    """
import math

sigmoid = np.vectorize(lambda t: 1 / (1 + math.exp(-t)))

def forward(w, b, X):
    return sigmoid(w.T @ X + b)
""",
)
_add(
    FW,
    "pass",
    "c4-multiplies-X-by-one-in-place",
    SAFE_SIGMOID
    + """
def forward(w, b, X):
    X *= 1.0  # make sure it is float
    return sigmoid(w.T @ X + b)
""",
)
_add(
    FW,
    "fail",
    "c4-centres-X-in-place",
    SAFE_SIGMOID
    + """
def forward(w, b, X):
    X -= X.mean(axis=1, keepdims=True)
    return sigmoid(w.T @ X + b)
""",
)
_add(
    FW,
    "pass",
    "c4-column-by-column-reshaped",
    SAFE_SIGMOID
    + """
def forward(w, b, X):
    z = np.array([w[:, 0] @ X[:, j] for j in range(X.shape[1])]) + np.squeeze(b)
    return sigmoid(np.reshape(z, (1, -1)))
""",
)
_add(
    FW,
    "pass",
    "c4-longdouble-result",
    """
def forward(w, b, X):
    z = (w.T @ X + b).astype(np.longdouble)
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    FW,
    "pass",
    "c4-deepcopy-of-w",
    SAFE_SIGMOID
    + """
import copy

def forward(w, b, X):
    w = copy.deepcopy(w)
    w = w.reshape(-1, 1)
    return sigmoid(np.dot(w.T, X) + b)
""",
)

# ================================================================================== cost
_add(
    CO,
    "fail:cost summed instead of averaged",
    "c4-floor-division-minus-1-by-m",
    """
def cost(Y, A):
    m = Y.shape[1]
    logs = np.log(np.where(Y == 1, A, 1 - A))
    J = -1 // m * np.sum(logs)
    return np.squeeze(J)
""",
)
_add(
    CO,
    "fail",
    "c4-floor-division-1-by-m",
    """
def cost(Y, A):
    m = Y.shape[1]
    J = -(1 // m) * np.sum(np.log(np.where(Y == 1, A, 1 - A)))
    return float(J)
""",
)
_add(
    CO,
    "fail:cost NaN at a = 0 or 1",
    "c4-course-dot-squeeze",
    """
def cost(Y, A):
    m = Y.shape[1]
    J = -1 / m * (np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T))
    J = np.squeeze(J)
    return J
""",
)
_add(
    CO,
    "fail",
    "c4-dot-without-squeeze",
    """
def cost(Y, A):
    m = Y.shape[1]
    logs = np.log(np.where(Y == 1, A, 1 - A))
    return -np.dot(logs, np.ones((m, 1))) / m
""",
)
_add(
    CO,
    "pass",
    "c4-nansum-of-the-course-form",
    """
def cost(Y, A):
    m = Y.shape[1]
    return -np.nansum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
""",
)
_add(
    CO,
    "pass",
    "c4-nan-to-num-each-term",
    """
def cost(Y, A):
    with np.errstate(divide="ignore", invalid="ignore"):
        pos = np.nan_to_num(Y * np.log(A))
        neg = np.nan_to_num((1 - Y) * np.log(1 - A))
    return -np.mean(pos + neg)
""",
)
_add(
    CO,
    "fail",
    "c4-clip-1e-3",
    """
def cost(Y, A):
    A = np.clip(A, 1e-3, 1 - 1e-3)
    return float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
""",
)
_add(
    CO,
    "pass",
    "c4-returns-a-decimal",
    """
from decimal import Decimal

def cost(Y, A):
    return Decimal(float(-np.mean(np.log(np.where(Y == 1, A, 1 - A)))))
""",
)
_add(
    CO,
    "pass",
    "c4-returns-a-fraction",
    """
from fractions import Fraction

def cost(Y, A):
    return Fraction(float(-np.mean(np.log(np.where(Y == 1, A, 1 - A)))))
""",
)
_add(
    CO,
    "fail",
    "c4-array-of-one",
    """
def cost(Y, A):
    return np.array([-np.mean(np.log(np.where(Y == 1, A, 1 - A)))])
""",
)
_add(
    CO,
    "fail:cost summed instead of averaged",
    "c4-m-from-shape-0",
    """
def cost(Y, A):
    m = Y.shape[0]
    J = -np.sum(np.log(np.where(Y == 1, A, 1 - A))) / m
    return np.squeeze(J)
""",
)
_add(
    CO,
    "fail:cost summed instead of averaged",
    "c4-m-from-len",
    """
def cost(Y, A):
    m = len(Y)
    return -np.sum(np.log(np.where(Y == 1, A, 1 - A))) / m
""",
)
_add(
    CO,
    "pass",
    "c4-m-from-A-size-longdouble",
    """
def cost(Y, A):
    m = A.size
    logs = np.log(np.where(Y == 1, A, 1 - A).astype(np.longdouble))
    return -np.sum(logs) / m
""",
)

# ============================================================================== backward
_add(
    BW,
    "pass",
    "c4-propagate-grads-dict-assert",
    """
def backward(X, Y, A):
    m = X.shape[1]
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    assert dw.shape == (X.shape[0], 1)
    db = np.squeeze(np.array(db, dtype=float))
    grads = {"dw": dw, "db": db}
    return grads
""",
)
_add(
    BW,
    "fail",
    "c4-floor-division-1-by-m",
    """
def backward(X, Y, A):
    m = X.shape[1]
    dw = 1 // m * np.dot(X, (A - Y).T)
    db = 1 // m * np.sum(A - Y)
    return dw, db
""",
)
_add(
    BW,
    "pass",
    "c4-db-keepdims",
    """
def backward(X, Y, A):
    m = X.shape[1]
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return {"dw": dw, "db": db}
""",
)
_add(
    BW,
    "fail",
    "c4-m-from-shape-0",
    """
def backward(X, Y, A):
    m = X.shape[0]
    dZ = A - Y
    return np.dot(X, dZ.T) / m, np.sum(dZ) / m
""",
)
_add(
    BW,
    "fail",
    "c4-grads-and-cost",
    """
def backward(X, Y, A):
    m = X.shape[1]
    cost = -np.mean(np.log(np.where(Y == 1, A, 1 - A)))
    grads = {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m}
    return grads, cost
""",
)
_add(
    BW,
    "pass",
    "c4-dict-with-a-cost-key",
    """
def backward(X, Y, A):
    m = X.shape[1]
    cost = -np.mean(np.log(np.where(Y == 1, A, 1 - A)))
    return {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m, "cost": cost}
""",
)
_add(
    BW,
    "fail",
    "c4-keys-dW-db",
    """
def backward(X, Y, A):
    m = X.shape[1]
    return {"dW": X @ (A - Y).T / m, "db": np.mean(A - Y)}
""",
)
_add(
    BW,
    "pass",
    "c4-namedtuple",
    """
from collections import namedtuple

Grads = namedtuple("Grads", "dw db")

def backward(X, Y, A):
    dZ = A - Y
    return Grads(X @ dZ.T / X.shape[1], float(np.mean(dZ)))
""",
)
_add(
    BW,
    "fail",
    "c4-dataclass-result",
    """
from dataclasses import dataclass

@dataclass
class Grads:
    dw: np.ndarray
    db: float

def backward(X, Y, A):
    dZ = A - Y
    return Grads(X @ dZ.T / X.shape[1], float(np.mean(dZ)))
""",
)
_add(
    BW,
    "fail",
    "c4-db-mean-axis-1",
    """
def backward(X, Y, A):
    dZ = A - Y
    return np.dot(X, dZ.T) / X.shape[1], np.mean(dZ, axis=1)
""",
)
_add(
    BW,
    "fail:input changed in place",
    "c4-dz-alias-of-A",
    """
def backward(X, Y, A):
    m = X.shape[1]
    dZ = A
    dZ -= Y
    return np.dot(X, dZ.T) / m, np.sum(dZ) / m
""",
)
_add(
    BW,
    "pass",
    "c4-deepcopy-then-in-place",
    """
import copy

def backward(X, Y, A):
    dZ = copy.deepcopy(A)
    dZ -= Y
    return X @ dZ.T / X.shape[1], np.sum(dZ) / X.shape[1]
""",
)

# ====================================================================== gradient_descent
_add(
    GD,
    "pass",
    "c4-optimize-names-print-cost",
    """
import copy

def gradient_descent(X, Y, w, b, learning_rate, num_iterations, print_cost=False):
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        A = bl.forward(w, b, X)
        grads = bl.backward(X, Y, A)
        dw, db = grads
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(bl.cost(Y, A))
            if print_cost:
                print("Cost after iteration %i: %f" % (i, costs[-1]))
    return w, b, costs
""",
)
_add(
    GD,
    "pass",
    "c4-keyword-only-print-cost-true",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps, *, print_cost=True):
    w, b = np.copy(w_init), b_init
    for i in range(steps):
        A = bl.forward(w, b, X)
        if print_cost and i % 100 == 0:
            print(f"Cost after iteration {i}: {bl.cost(Y, A)}")
        g = bl.backward(X, Y, A)
        w -= step_size * g.dw
        b = b - step_size * g.db
    return w, b
""",
)
_add(
    GD,
    "fail",
    "c4-grads-as-a-dict",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init.copy(), b_init
    for i in range(steps):
        grads = bl.backward(X, Y, bl.forward(w, b, X))
        dw = grads["dw"]
        db = grads["db"]
        w = w - step_size * dw
        b = b - step_size * db
    return w, b
""",
)
_add(
    GD,
    "fail",
    "c4-params-grads-costs-dicts",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, []
    grads = {}
    for i in range(steps):
        A = bl.forward(w, b, X)
        dw, db = bl.backward(X, Y, A)
        w = w - step_size * dw
        b = b - step_size * db
        grads = {"dw": dw, "db": db}
    params = {"w": w, "b": b}
    return params, grads, costs
""",
)
_add(
    GD,
    "fail:w_init modified in place",
    "c4-reshape-is-a-view",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w = w_init.reshape(X.shape[0], 1)
    b = b_init
    for i in range(steps):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w -= step_size * dw
        b = b - step_size * db
    return w, b
""",
)
_add(
    GD,
    "fail:input changed in place",
    "c4-b-in-place",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w = w_init.copy()
    b = b_init
    for i in range(steps):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w -= step_size * dw
        b -= step_size * db
    return w, b
""",
)
_add(
    GD,
    "fail",
    "c4-learning-rate-decay",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for i in range(steps):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        lr = step_size * 0.99 ** i
        w, b = w - lr * dw, b - lr * db
    return w, b
""",
)
_add(
    GD,
    "pass",
    "c4-own-propagate",
    """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    cost = np.squeeze(-np.mean(np.log(np.where(Y == 1, A, 1 - A))))
    grads = {"dw": 1 / m * np.dot(X, (A - Y).T), "db": 1 / m * np.sum(A - Y)}
    return grads, cost

def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for i in range(steps):
        grads, cost = propagate(w, b, X, Y)
        w = w - step_size * grads["dw"]
        b = b - step_size * grads["db"]
    return w, b
""",
)
_add(
    GD,
    "fail",
    "c4-own-propagate-floor-division",
    """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = bl.sigmoid(np.dot(w.T, X) + b)
    grads = {"dw": 1 // m * np.dot(X, (A - Y).T), "db": 1 // m * np.sum(A - Y)}
    return grads

def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for i in range(steps):
        grads = propagate(w, b, X, Y)
        w = w - step_size * grads["dw"]
        b = b - step_size * grads["db"]
    return w, b
""",
)
_add(
    GD,
    "pass",
    "c4-b-as-11-from-zeros",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w = w_init + np.zeros_like(w_init)
    b = np.zeros((1, 1)) + b_init
    for _ in range(steps):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - step_size * dw
        b = b - step_size * db
    return w, b
""",
)
_add(
    GD,
    "pass",
    "c4-loop-in-a-thread",
    """
import threading

def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    out = {"w": w_init, "b": b_init}
    def work():
        for _ in range(steps):
            dw, db = bl.backward(X, Y, bl.forward(out["w"], out["b"], X))
            out["w"] = out["w"] - step_size * dw
            out["b"] = out["b"] - step_size * db
    t = threading.Thread(target=work)
    t.start()
    t.join()
    return out["w"], out["b"]
""",
)
_add(
    GD,
    "pass",
    "c4-generator-of-updates",
    """
def updates(X, Y, w, b, step_size, steps):
    for _ in range(steps):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w, b = w - step_size * dw, b - step_size * db
        yield w, b

def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for w, b in updates(X, Y, w_init, b_init, step_size, steps):
        pass
    return w, b
""",
)
_add(
    GD,
    "fail",
    "c4-last-of-generator-no-start",
    """
def updates(X, Y, w, b, step_size, steps):
    for _ in range(steps):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w, b = w - step_size * dw, b - step_size * db
        yield w, b

def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    *_, last = updates(X, Y, w_init, b_init, step_size, steps)
    return last
""",
)
_add(
    GD,
    "pass",
    "c4-while-countdown-1-over-m-own",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    m = X.shape[1]
    w, b = w_init.astype(float), float(np.squeeze(b_init))
    while steps > 0:
        A = bl.forward(w, b, X)
        w = w - step_size * (1 / m) * np.dot(X, (A - Y).T)
        b = b - step_size * (1 / m) * np.sum(A - Y)
        steps -= 1
    return w, b
""",
)

# ===================================================================== penalised_descent
_add(
    PD,
    "fail",
    "c4-precedence-1-over-C-times-m",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    m = X.shape[1]
    w, b = w_init, b_init
    for _ in range(steps):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        dw = dw + 1 / C * m * w
        w, b = w - step_size * dw, b - step_size * db
    return w, b
""",
)
_add(
    PD,
    "pass",
    "c4-lambd-over-m",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    m = X.shape[1]
    lambd = 1 / C
    w, b = w_init.copy(), b_init
    for i in range(steps):
        grads = bl.backward(X, Y, bl.forward(w, b, X))
        dw = grads.dw + (lambd / m) * w
        w = w - step_size * dw
        b = b - step_size * grads.db
    return w, b
""",
)
_add(
    PD,
    "fail:penalty's gradient halved",
    "c4-lambd-over-2m",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    m = X.shape[1]
    lambd = 1 / C
    w, b = w_init, b_init
    for i in range(steps):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - step_size * (dw + lambd / (2 * m) * w)
        b = b - step_size * db
    return w, b
""",
)
_add(
    PD,
    "pass",
    "c4-weight-decay-form",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    lam = 1 / (C * X.shape[1])
    w, b = w_init, b_init
    for _ in range(steps):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w = (1 - step_size * lam) * w - step_size * dw
        b = b - step_size * db
    return w, b
""",
)
_add(
    PD,
    "pass",
    "c4-C-defaulted",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C=1.0):
    w, b = w_init, b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - step_size * (g.dw + w / (C * X.shape[1]))
        b = b - step_size * g.db
    return w, b
""",
)
_add(
    PD,
    "fail",
    "c4-lambd-named-parameter-used-as-lambda",
    """
def penalised_descent(X, Y, w, b, learning_rate, num_iterations, lambd):
    m = X.shape[1]
    for i in range(num_iterations):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - learning_rate * (dw + lambd / m * w)
        b = b - learning_rate * db
    return w, b
""",
)
_add(
    PD,
    "pass",
    "c4-course-names-right-lambda",
    """
def penalised_descent(X, Y, w, b, learning_rate, num_iterations, C):
    m = X.shape[1]
    lambd = 1 / (C * m)
    for i in range(num_iterations):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - learning_rate * (dw + lambd * w)
        b = b - learning_rate * db
    return w, b, []
""",
)

# ================================================================================= train
_add(
    TR,
    "pass",
    "c4-full-course-model",
    """
def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b

def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))

def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(np.log(np.where(Y == 1, A, 1 - A)))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    cost = np.squeeze(np.array(cost))
    return {"dw": dw, "db": db}, cost

def train(X, Y, w_init, b_init, step_size, steps, print_cost=False):
    w, _ = initialize_with_zeros(X.shape[0])
    w = w + w_init
    b = b_init
    costs = []
    for i in range(steps):
        grads, cost = propagate(w, b, X, Y)
        w = w - step_size * grads["dw"]
        b = b - step_size * grads["db"]
        costs.append(cost)
        if print_cost and i % 100 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return w, b, costs
""",
)
_add(
    TR,
    "pass",
    "c4-costs-of-11-arrays",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    m = X.shape[1]
    w, b, costs = w_init, b_init, []
    for i in range(steps):
        A = bl.sigmoid(np.dot(w.T, X) + b)
        logs = np.log(np.where(Y == 1, A, 1 - A))
        costs.append(-np.dot(logs, np.ones((m, 1))) / m)
        w = w - step_size * np.dot(X, (A - Y).T) / m
        b = b - step_size * np.sum(A - Y) / m
    return w, b, costs
""",
)
_add(
    TR,
    "fail",
    "c4-costs-a-generator",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, []
    for i in range(steps):
        A = bl.sigmoid(w.T @ X + b)
        costs.append(-np.mean(np.log(np.where(Y == 1, A, 1 - A))))
        w = w - step_size * X @ (A - Y).T / X.shape[1]
        b = b - step_size * np.mean(A - Y)
    return w, b, (c for c in costs)
""",
)
_wrong(
    TR,
    "fail",
    "c4-course-cost-nan-when-saturated",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, []
    for i in range(steps):
        A = bl.sigmoid(w.T @ X + b)
        costs.append(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
        w = w - step_size * X @ (A - Y).T / X.shape[1]
        b = b - step_size * np.mean(A - Y)
    return w, b, costs
""",
    "false pass: no case of train (gradient_descent's cases) drives any probability to exactly 0 or 1 (|z| > 37), where the course's y log a + (1 - y) log(1 - a) is NaN; check_cost fails the same form",
)
_add(
    TR,
    "pass",
    "c4-partial-of-a-helper",
    """
import functools

def _fit(X, Y, w_init, b_init, step_size, steps, verbose):
    w, b, costs = w_init, b_init, []
    for i in range(steps):
        A = bl.sigmoid(w.T @ X + b)
        costs.append(bl.cost(Y, A))
        if verbose and i % 100 == 0:
            print(i, costs[-1])
        w = w - step_size * X @ (A - Y).T / X.shape[1]
        b = b - step_size * np.mean(A - Y)
    return w, b, costs

train = functools.partial(_fit, verbose=False)
""",
)
_add(
    TR,
    "pass",
    "c4-reduce-over-steps",
    """
from functools import reduce

def train(X, Y, w_init, b_init, step_size, steps):
    def step(state, _):
        w, b, costs = state
        A = bl.sigmoid(w.T @ X + b)
        dZ = A - Y
        return (w - step_size * X @ dZ.T / X.shape[1], b - step_size * np.mean(dZ),
                costs + [bl.cost(Y, A)])
    return reduce(step, range(steps), (w_init, b_init, []))
""",
)
_add(
    TR,
    "pass",
    "c4-lambdas-and-tuple-costs",
    """
sig = lambda z: 0.5 * (1 + np.tanh(0.5 * z))
loss = lambda Y, A: -np.mean(np.log(np.where(Y == 1, A, 1 - A)))

def train(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, ()
    for _ in range(steps):
        A = sig(w.T @ X + b)
        costs += (loss(Y, A),)
        w, b = w - step_size * X @ (A - Y).T / X.shape[1], b - step_size * np.mean(A - Y)
    return w, b, costs
""",
)
_add(
    TR,
    "fail",
    "c4-costs-every-100-and-last",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, []
    for i in range(steps):
        A = bl.sigmoid(w.T @ X + b)
        if i % 100 == 0 or i == steps - 1:
            costs.append(bl.cost(Y, A))
        w = w - step_size * X @ (A - Y).T / X.shape[1]
        b = b - step_size * np.mean(A - Y)
    return w, b, costs
""",
)
_add(
    TR,
    "pass",
    "c4-costs-as-column-array",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    costs = np.zeros((steps, 1))
    for i in range(steps):
        A = bl.sigmoid(w.T @ X + b)
        costs[i, 0] = bl.cost(Y, A)
        w = w - step_size * X @ (A - Y).T / X.shape[1]
        b = b - step_size * np.mean(A - Y)
    return w, b, costs
""",
)

# =============================================================================== predict
_add(
    PR,
    "pass",
    "c4-course-loop-ge",
    SAFE_SIGMOID
    + """
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        if A[0, i] >= 0.5:
            Y_prediction[0, i] = 1
        else:
            Y_prediction[0, i] = 0
    return Y_prediction
""",
)
_add(
    PR,
    "fail:labels 0 at a = 0.5 (> instead of ≥)",
    "c4-course-loop-gt",
    COURSE_SIGMOID
    + """
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0
    return Y_prediction
""",
)
_add(
    PR,
    "fail",
    "c4-loop-over-rows",
    SAFE_SIGMOID
    + """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = np.zeros((1, X.shape[1]))
    for i in range(A.shape[0]):
        Y_prediction[0, i] = A[0, i] >= 0.5
    return Y_prediction
""",
)
_add(
    PR,
    "fail",
    "c4-a-list-of-bools",
    SAFE_SIGMOID
    + """
def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    return [list(row) for row in A >= 0.5]
""",
)
_add(
    PR,
    "fail",
    "c4-zeros-of-shape-0",
    SAFE_SIGMOID
    + """
def predict(w, b, X):
    m = X.shape[0]
    Y_prediction = np.zeros((1, m))
    A = sigmoid(w.T @ X + b)
    Y_prediction = Y_prediction + (A >= 0.5)
    return Y_prediction
""",
)
_add(
    PR,
    "pass",
    "c4-integer-zeros-conditional",
    COURSE_SIGMOID
    + """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = np.zeros((1, X.shape[1]), dtype=int)
    for i in range(A.shape[1]):
        Y_prediction[0][i] = 1 if A[0][i] >= 0.5 else 0
    return Y_prediction
""",
)
_add(
    PR,
    "pass",
    "c4-logit-sign-times-one",
    """
def predict(w, b, X):
    return (np.dot(w.T, X) + b >= 0) * 1.0
""",
)

# ====================================================================== confusion_matrix
_add(
    CM,
    "fail",
    "c4-uint8-counts",
    """
def confusion_matrix(y_true, y_pred):
    cm = np.zeros((2, 2), dtype=np.uint8)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm
""",
)
_add(
    CM,
    "pass",
    "c4-counter-of-pairs",
    """
from collections import Counter

def confusion_matrix(y_true, y_pred):
    n = Counter(zip(y_true.tolist(), y_pred.tolist()))
    return np.array([[n[0, 0], n[0, 1]], [n[1, 0], n[1, 1]]])
""",
)
_add(
    CM,
    "fail",
    "c4-nested-lists",
    """
def confusion_matrix(y_true, y_pred):
    return [[int(np.sum((y_true == t) & (y_pred == p))) for p in (0, 1)] for t in (0, 1)]
""",
)
_add(
    CM,
    "fail",
    "c4-memoryview",
    """
def confusion_matrix(y_true, y_pred):
    cm = np.zeros((2, 2))
    np.add.at(cm, (y_true, y_pred), 1)
    return memoryview(cm)
""",
)
_add(
    CM,
    "pass",
    "c4-histogram2d",
    """
def confusion_matrix(y_true, y_pred):
    cm, _, _ = np.histogram2d(y_true, y_pred, bins=[[0, 0.5, 1], [0, 0.5, 1]])
    return cm
""",
)
_add(
    CM,
    "fail",
    "c4-array-array",
    """
import array

def confusion_matrix(y_true, y_pred):
    counts = array.array("l", [0, 0, 0, 0])
    for t, p in zip(y_true, y_pred):
        counts[2 * int(t) + int(p)] += 1
    return counts
""",
)

# =================================================================== precision_recall_f1
CM_CELL = """
def confusion_matrix(y_true, y_pred):
    return np.array([[np.sum((y_true == t) & (y_pred == p)) for p in (0, 1)]
                     for t in (0, 1)])
"""
_add(
    PRF,
    "fail:NaN where a metric is 0 / 0",
    "c4-except-zerodivision-numpy-ints",
    CM_CELL
    + """
def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    tn, fp, fn, tp = cm[0][0], cm[0][1], cm[1][0], cm[1][1]
    try:
        precision = tp / (tp + fp)
    except ZeroDivisionError:
        precision = 0
    try:
        recall = tp / (tp + fn)
    except ZeroDivisionError:
        recall = 0
    try:
        f1 = 2 * precision * recall / (precision + recall)
    except ZeroDivisionError:
        f1 = 0
    return precision, recall, f1
""",
)
_add(
    PRF,
    "pass",
    "c4-except-zerodivision-python-ints",
    CM_CELL
    + """
def precision_recall_f1(y_true, y_pred):
    (tn, fp), (fn, tp) = confusion_matrix(y_true, y_pred).tolist()
    try:
        precision = tp / (tp + fp)
    except ZeroDivisionError:
        precision = 0
    try:
        recall = tp / (tp + fn)
    except ZeroDivisionError:
        recall = 0
    try:
        f1 = 2 * precision * recall / (precision + recall)
    except ZeroDivisionError:
        f1 = 0
    return precision, recall, f1
""",
)
_add(
    PRF,
    "fail:division by zero in an undefined metric",
    "c4-seterr-raise-and-catch",
    CM_CELL
    + """
def _ratio(a, b):
    old = np.seterr(all="raise")
    try:
        return a / b
    except FloatingPointError:
        return 0.0
    finally:
        np.seterr(**old)

def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    p, r = _ratio(cm[1, 1], cm[:, 1].sum()), _ratio(cm[1, 1], cm[1, :].sum())
    return p, r, _ratio(2 * p * r, p + r)  # Python floats by then: ZeroDivisionError
""",
)
_add(
    PRF,
    "pass",
    "c4-seterr-raise-catch-both",
    CM_CELL
    + """
def _ratio(a, b):
    with np.errstate(all="raise"):
        try:
            return a / b
        except (FloatingPointError, ZeroDivisionError):
            return 0.0

def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    p, r = _ratio(cm[1, 1], cm[:, 1].sum()), _ratio(cm[1, 1], cm[1, :].sum())
    return p, r, _ratio(2 * p * r, p + r)
""",
)
_add(
    PRF,
    "fail",
    "c4-generator-of-three",
    CM_CELL
    + """
def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    tp = int(cm[1, 1])
    p = tp / max(int(cm[:, 1].sum()), 1)
    r = tp / max(int(cm[1, :].sum()), 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (x for x in (p, r, f))
""",
)
_add(
    PRF,
    "pass",
    "c4-namedtuple-scores",
    CM_CELL
    + """
from collections import namedtuple

Scores = namedtuple("Scores", ["precision", "recall", "f1"])

def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    tp, fp, fn = int(cm[1, 1]), int(cm[0, 1]), int(cm[1, 0])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return Scores(p, r, f)
""",
)
_add(
    PRF,
    "pass",
    "c4-statistics-harmonic-mean",
    CM_CELL
    + """
import statistics

def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    tp, fp, fn = int(cm[1, 1]), int(cm[0, 1]), int(cm[1, 0])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, statistics.harmonic_mean([p, r])
""",
)
_add(
    PRF,
    "pass",
    "c4-fractions",
    CM_CELL
    + """
from fractions import Fraction

def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    tp, fp, fn = int(cm[1, 1]), int(cm[0, 1]), int(cm[1, 0])
    p = Fraction(tp, tp + fp) if tp + fp else Fraction(0)
    r = Fraction(tp, tp + fn) if tp + fn else Fraction(0)
    f = 2 * p * r / (p + r) if p + r else Fraction(0)
    return p, r, f
""",
)
_add(
    PRF,
    "fail",
    "c4-harmonic-by-reciprocals",
    CM_CELL
    + """
def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    tp, fp, fn = int(cm[1, 1]), int(cm[0, 1]), int(cm[1, 0])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 / (1 / p + 1 / r)
""",
)

# ================================================================================= model
MODEL_PARTS = (
    SAFE_SIGMOID
    + """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, []
    for i in range(steps):
        A = sigmoid(w.T @ X + b)
        costs.append(float(-np.mean(np.log(np.where(Y == 1, A, 1 - A)))))
        w = w - step_size * X @ (A - Y).T / X.shape[1]
        b = b - step_size * np.mean(A - Y)
    return w, b, costs

def predict(w, b, X):
    return (sigmoid(w.T @ X + b) >= 0.5).astype(float)
"""
)
_add(
    MO,
    "fail",
    "c4-initialize-with-zeros",
    MODEL_PARTS
    + """
def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0.0

def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b = initialize_with_zeros(X_train.shape[0])
    w, b, costs = train(X_train, Y_train, w, b, step_size, steps)
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": np.mean(predict(w, b, X_train) == Y_train),
            "test_accuracy": np.mean(predict(w, b, X_test) == Y_test)}
""",
)
_add(
    MO,
    "fail:accuracies in percent",
    "c4-course-percent",
    MODEL_PARTS
    + """
def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps,
          print_cost=False):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    train_acc = 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100
    test_acc = 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100
    if print_cost:
        print("train accuracy: {} %".format(train_acc))
    return {"costs": costs, "w": w, "b": b,
            "train_accuracy": train_acc, "test_accuracy": test_acc}
""",
)
_add(
    MO,
    "pass",
    "c4-course-dict-with-extra-keys",
    MODEL_PARTS
    + """
def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w, "b": b,
         "learning_rate": step_size,
         "num_iterations": steps,
         "train_accuracy": 1 - np.mean(np.abs(Y_prediction_train - Y_train)),
         "test_accuracy": 1 - np.mean(np.abs(Y_prediction_test - Y_test))}
    return d
""",
)
_add(
    MO,
    "fail",
    "c4-accuracy-over-shape-0",
    MODEL_PARTS
    + """
def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    acc = lambda X, Y: np.sum(predict(w, b, X) == Y) / Y.shape[0]
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": acc(X_train, Y_train), "test_accuracy": acc(X_test, Y_test)}
""",
)
_add(
    MO,
    "pass",
    "c4-class-with-call",
    MODEL_PARTS
    + """
class Model:
    def __init__(self, verbose=False):
        self.verbose = verbose

    def score(self, w, b, X, Y):
        return float(np.mean(predict(w, b, X) == Y))

    def __call__(self, X_train, Y_train, X_test, Y_test, w_init, b_init, step_size,
                 steps):
        w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
        return {"w": w, "b": b, "costs": costs,
                "train_accuracy": self.score(w, b, X_train, Y_train),
                "test_accuracy": self.score(w, b, X_test, Y_test)}

model = Model()
""",
)
_wrong(
    MO,
    "fail",
    "c4-nested-predict-strict",
    MODEL_PARTS
    + """
def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    def labels(w, b, X):
        return (sigmoid(w.T @ X + b) > 0.5).astype(float)
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": np.mean(labels(w, b, X_train) == Y_train),
            "test_accuracy": np.mean(labels(w, b, X_test) == Y_test)}
""",
    "false pass: no model case has a sample on the boundary (w_init = 0, b_init = 0 with steps = 0, the course's initialize_with_zeros start, labels every sample at a = 0.5); a predict nested in model is never swapped for the package's, so > 0.5 goes unseen",
)
_add(
    MO,
    "pass",
    "c4-keyword-only-print-cost",
    MODEL_PARTS
    + """
def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps, *,
          print_cost=True):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    if print_cost:
        for i in range(0, len(costs), 100):
            print("Cost after iteration %i: %f" % (i, costs[i]))
    train_accuracy = np.sum(predict(w, b, X_train) == Y_train) / Y_train.shape[1]
    test_accuracy = np.sum(predict(w, b, X_test) == Y_test) / Y_test.shape[1]
    return dict(w=w, b=b, costs=costs, train_accuracy=train_accuracy,
                test_accuracy=test_accuracy)
""",
)

# ================================================================= more odd but plausible
_add(
    CO,
    "fail:computed in float32 or float16",
    "c4-float16-to-save-memory",
    """
def cost(Y, A):
    A = A.astype(np.float16)
    return -np.mean(np.log(np.where(Y == 1, A, 1 - A)))
""",
)
_add(
    CM,
    "pass",
    "c4-mutates-y-pred-and-restores",
    """
def confusion_matrix(y_true, y_pred):
    y_pred += 2 * y_true  # 0 TN, 1 FP, 2 FN, 3 TP
    counts = np.bincount(y_pred, minlength=4)
    y_pred -= 2 * y_true
    return counts.reshape(2, 2)
""",
)
_add(
    CM,
    "fail:input changed in place",
    "c4-mutates-y-pred",
    """
def confusion_matrix(y_true, y_pred):
    y_pred += 2 * y_true
    return np.bincount(y_pred, minlength=4).reshape(2, 2)
""",
)
_add(
    PR,
    "pass",
    "c4-minus-zero-labels",
    """
def predict(w, b, X):
    return np.where(w.T @ X + b >= 0, 1.0, -0.0)
""",
)
_add(
    MO,
    "pass",
    "c4-accuracy-as-fraction",
    MODEL_PARTS
    + """
from fractions import Fraction

def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    acc = lambda X, Y: Fraction(int(np.sum(predict(w, b, X) == Y)), Y.shape[1])
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": acc(X_train, Y_train), "test_accuracy": acc(X_test, Y_test)}
""",
)
_add(
    BW,
    "fail",
    "c4-db-as-matrix",
    """
def backward(X, Y, A):
    dZ = np.asmatrix(A - Y)
    return np.asarray(X @ dZ.T) / X.shape[1], dZ.sum(axis=1) / X.shape[1]
""",
)
_add(
    GD,
    "pass",
    "c4-sleeps-a-millisecond-a-step",
    """
import time

def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for _ in range(steps):
        time.sleep(0.0001)
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w, b = w - step_size * dw, b - step_size * db
    return w, b
""",
)
_add(
    FW,
    "fail",
    "c4-returns-a-matrix",
    """
def forward(w, b, X):
    return 1 / (1 + np.exp(-(np.asmatrix(w).T * np.asmatrix(X) + b)))
""",
)


_add(
    CM,
    "fail",
    "c4-float16-counts",
    """
def confusion_matrix(y_true, y_pred):
    cm = np.zeros((2, 2), dtype=np.float16)  # 2048 + 1 is 2048 in float16
    np.add.at(cm, (y_true, y_pred), 1)
    return cm
""",
)
_add(
    CM,
    "pass",
    "c4-float32-counts",
    """
def confusion_matrix(y_true, y_pred):
    cm = np.zeros((2, 2), dtype=np.float32)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm
""",
)
_add(
    CM,
    "fail",
    "c4-unique-counts-reshaped",
    """
def confusion_matrix(y_true, y_pred):
    codes, counts = np.unique(2 * y_true + y_pred, return_counts=True)
    return counts.reshape(2, 2)  # only if all four outcomes occur
""",
)
_add(
    PR,
    "pass",
    "c4-float16-labels",
    """
def predict(w, b, X):
    return (w.T @ X + b >= 0).astype(np.float16)
""",
)
_add(
    PR,
    "pass",
    "c4-heaviside-1",
    """
def predict(w, b, X):
    return np.heaviside(np.dot(w.T, X) + b, 1)
""",
)
_add(
    PR,
    "fail",
    "c4-heaviside-half",
    """
def predict(w, b, X):
    return np.heaviside(np.dot(w.T, X) + b, 0.5)
""",
)
_add(
    PR,
    "fail",
    "c4-sign-plus-one-halved",
    """
def predict(w, b, X):
    return (np.sign(w.T @ X + b) + 1) / 2
""",
)
_add(
    SIG,
    "pass",
    "c4-own-alarm-timeout",
    """
import signal

class Timeout(Exception):
    pass

def _raise(signum, frame):
    raise Timeout("sigmoid too slow")

def sigmoid(z):
    old = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(1)
    try:
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
""",
)
_add(
    PRF,
    "pass",
    "c4-nan-to-num",
    CM_CELL
    + """
def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    tp, fp, fn = cm[1, 1], cm[0, 1], cm[1, 0]
    with np.errstate(invalid="ignore"):
        p = np.nan_to_num(tp / (tp + fp))
        r = np.nan_to_num(tp / (tp + fn))
        f = np.nan_to_num(2 * p * r / (p + r))
    return p, r, f
""",
)
_add(
    PRF,
    "pass",
    "c4-divide-where-out",
    CM_CELL
    + """
def _div(a, b):
    return np.divide(a, b, out=np.zeros(()), where=b != 0)

def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred).astype(float)
    p, r = _div(cm[1, 1], cm[:, 1].sum()), _div(cm[1, 1], cm[1, :].sum())
    return p, r, _div(2 * p * r, p + r)
""",
)
_add(
    PD,
    "fail",
    "c4-C-keyword-only",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, *, C=1.0):
    w, b = w_init, b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - step_size * (g.dw + w / (C * X.shape[1]))
        b = b - step_size * g.db
    return w, b
""",
)
_add(
    GD,
    "fail:arguments in the wrong order",
    "c4-iterations-before-rate",
    """
def gradient_descent(X, Y, w, b, num_iterations, learning_rate):
    for i in range(num_iterations):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - learning_rate * dw
        b = b - learning_rate * db
    return w, b
""",
)


_add(
    CO,
    "pass",
    "c4-tiny-epsilon-1e-300",
    """
def cost(Y, A):
    eps = 1e-300  # A + eps is A itself, except at A = 0
    return -np.mean(Y * np.log(A + eps) + (1 - Y) * np.log(1 - A + eps))
""",
)
_add(
    CO,
    "pass",
    "c4-epsilon-1e-8-within-tolerance",
    """
def cost(Y, A):
    return -np.mean(Y * np.log(A + 1e-8) + (1 - Y) * np.log(1 - A + 1e-8))
""",
)
_add(
    TR,
    "pass",
    "c4-costs-as-a-row",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    costs = np.empty((1, steps))
    for i in range(steps):
        A = bl.sigmoid(w.T @ X + b)
        costs[0, i] = bl.cost(Y, A)
        w = w - step_size * X @ (A - Y).T / X.shape[1]
        b = b - step_size * np.mean(A - Y)
    return w, b, costs
""",
)
_add(
    MO,
    "fail",
    "c4-inline-loop-costs-every-100",
    SAFE_SIGMOID
    + """
def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = w_init, b_init, []
    m = X_train.shape[1]
    for i in range(steps):
        A = sigmoid(np.dot(w.T, X_train) + b)
        if i % 100 == 0:
            costs.append(-np.mean(np.log(np.where(Y_train == 1, A, 1 - A))))
        w = w - step_size * np.dot(X_train, (A - Y_train).T) / m
        b = b - step_size * np.sum(A - Y_train) / m
    acc = lambda X, Y: np.mean((sigmoid(w.T @ X + b) >= 0.5) == Y)
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": acc(X_train, Y_train), "test_accuracy": acc(X_test, Y_test)}
""",
)
_add(
    MO,
    "pass",
    "c4-course-percent-divided-back",
    MODEL_PARTS
    + """
def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    pct = lambda X, Y: 100 - np.mean(np.abs(predict(w, b, X) - Y)) * 100
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": pct(X_train, Y_train) / 100,
            "test_accuracy": pct(X_test, Y_test) / 100}
""",
)

_wrong(
    PRF,
    "pass",
    "c4-object-array-of-fractions",
    CM_CELL
    + """
from fractions import Fraction

def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    tp, fp, fn = int(cm[1, 1]), int(cm[0, 1]), int(cm[1, 0])
    p = Fraction(tp, tp + fp) if tp + fp else Fraction(0)
    r = Fraction(tp, tp + fn) if tp + fn else Fraction(0)
    f = 2 * p * r / (p + r) if p + r else Fraction(0)
    return np.array([p, r, f])  # dtype object
""",
    "false fail: 'three numbers (in a tuple, a list or an array)', but reading._items "
    "turns only a 1-D array of dtype kind biuf into a list, so an array of "
    "Fractions (dtype object) is 'a NumPy array of shape (3,)'; the same numbers in "
    "a list pass",
)
_wrong(
    GD,
    "fail:did not return in time",
    "c4-ignores-sigalrm",
    """
import signal

def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    signal.signal(signal.SIGALRM, signal.SIG_IGN)  # a stray alarm from my timer
    w, b, t = w_init, b_init, 0
    while t != steps:
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w, b = w - step_size * dw, b - step_size * db
        t += 2
    return w, b
""",
    "hang: the learner's own SIGALRM disposition replaces safe_call's handler, so "
    "the timer never interrupts (contrived; a learner's timeout decorator with "
    "signal.alarm(n) likewise re-arms or cancels the checker's ITIMER_REAL)",
)
BY_DESIGN["sigmoid-c4-raises-keyboardinterrupt"] = (
    SIG,
    "fail",
    dedent("""
    def sigmoid(z):
        if np.ndim(z) == 0:
            raise KeyboardInterrupt  # stop here while debugging
        return 1 / (1 + np.exp(-z))
    """),
    "safe_call re-raises KeyboardInterrupt, as the issue asks: the check ends with it",
)


def _register() -> None:
    wrong = [
        (e, x, k.removeprefix(f"{e}-"), src)
        for k, (e, x, src, _) in CHECKER_WRONG.items()
    ]
    for exercise, expected, label, source in CELLS + wrong:
        if f"{exercise}-{label}" in LIMITS:
            continue
        expected = DECIDED.get(f"{exercise}-{label}", expected)
        if "float() of a b" in expected and FLOAT_OF_A_MATRIX:
            expected = "pass"
        cell(exercise, expected, label, source)


_register()
