"""A held-out play of edges: wrong learners that are wrong only on some inputs the
statements allow (N > M, M beyond the cases' sizes, b as a (1, 1) array, unsigned
or other integer dtypes, a transposed z, a class configuration no case has, a
second call, a step size or C beyond the cases), written to find false passes.

Each learner is a notebook cell (``np`` and ``bl`` imported); ``WITNESS`` gives, for
each, an allowed input where it is wrong (code that sets ``wrong``, with ``fn`` the
learner and ``ref`` the package's function). ``CHECKER_WRONG`` lists those the
checker of 9009d80 passed, with the diagnosis: all are registered now but those of
``LIMITS``, wrong only beyond every case, and ``DECIDED`` gives the verdicts the
statements now settle.
"""

from textwrap import dedent

from . import cell

# (exercise, expected, label, source)
CELLS: list[tuple[str, str, str, str]] = []
#: id -> code run with ``fn`` (the learner), ``np`` and ``bl`` that sets ``wrong``
WITNESS: dict[str, str] = {}
#: learners the checker passes although wrong on an allowed input: id -> (exercise,
#: expected, source, why); not registered
CHECKER_WRONG: dict[str, tuple[str, str, str, str]] = {}


def _add(exercise: str, label: str, source: str, witness: str) -> None:
    CELLS.append((exercise, "fail", label, dedent(source)))
    WITNESS[f"{exercise}-{label}"] = dedent(witness)


SIG, FW, CO, BW = "sigmoid", "forward", "cost", "backward"
GD, PD, TR = "gradient_descent", "penalised_descent", "train"
CM, PRF, PR, MO = "confusion_matrix", "precision_recall_f1", "predict", "model"

# a problem with more features than samples (N = 3 > M = 2), and a long one
_TALL = """
rng = np.random.default_rng(0)
X, Y = rng.normal(size=(3, 2)), np.array([[1.0, 0.0]])
w, b = rng.normal(size=(3, 1)), 0.3
"""
_LONG = """
rng = np.random.default_rng(1)
X = rng.normal(size=(2, 3000))
Y = (rng.random((1, 3000)) < 0.5).astype(float)
w, b = rng.normal(size=(2, 1)), 0.3
"""


def _close(got, want, rtol, atol):
    got, want = np.asarray(got, float), np.asarray(want, float)
    return got.shape == want.shape and bool(
        np.all(np.abs(got - want) <= atol + rtol * np.abs(want))
    )


import numpy as np  # noqa: E402  (for the witnesses)

# ============================================================================ sigmoid
_add(
    SIG,
    "e6-cache-by-shape",
    """
_seen = {}

def sigmoid(z):
    z = np.asarray(z, dtype=float)
    if z.shape not in _seen:  # the same shape again: the same values, surely
        e = np.exp(-np.abs(z))
        _seen[z.shape] = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return _seen[z.shape].copy()
""",
    """
fn(np.zeros(4))
wrong = not _close(fn(np.ones(4)), bl.sigmoid(np.ones(4)), 1e-9, 1e-15)
""",
)
_add(
    SIG,
    "e6-nditer-memory-order",
    """
import math

def _one(v):
    return 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))

def sigmoid(z):
    z = np.asarray(z)
    out = np.empty(z.shape)
    out.flat = [_one(float(v)) for v in np.nditer(z, order="K")]
    return out
""",
    """
z = np.arange(6.0).reshape(2, 3).T  # a transposed (Fortran-ordered) view
wrong = not _close(fn(z), bl.sigmoid(z), 1e-9, 1e-15)
""",
)
_add(
    SIG,
    "e6-unsigned-integers-negated",
    """
def sigmoid(z):
    with np.errstate(over="ignore"):
        return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
""",
    """
z = np.array([0, 2], dtype=np.uint8)  # -z wraps to 254
wrong = not _close(fn(z), bl.sigmoid(z.astype(float)), 1e-9, 1e-15)
""",
)
_add(
    SIG,
    "e6-python-float-for-0d",
    """
import math

def sigmoid(z):
    if np.ndim(z) == 0:
        v = float(z)
        return 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""",
    """
wrong = not isinstance(fn(np.array(0.3)), np.ndarray)  # a float, not an array
""",
)
_add(
    SIG,
    "e6-in-place-when-all-negative",
    """
def sigmoid(z):
    if z.ndim == 1 and z.dtype.kind == "f" and np.all(z < 0):
        np.exp(z, out=z)  # no overflow possible: reuse the memory
        z /= 1 + z
        return z
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""",
    """
z = np.array([-1.0, -2.0])
fn(z)
wrong = not np.array_equal(z, [-1.0, -2.0])
""",
)
_add(
    SIG,
    "e6-chunks-of-256-drop-the-rest",
    """
def sigmoid(z):
    flat = np.asarray(z, dtype=float).ravel()
    out = np.zeros_like(flat)
    for k in range(flat.size // 256 + (flat.size < 256)):
        part = flat[256 * k: 256 * (k + 1)]
        e = np.exp(-np.abs(part))
        out[256 * k: 256 * (k + 1)] = np.where(part >= 0, 1 / (1 + e), e / (1 + e))
    return out.reshape(np.shape(z))
""",
    """
wrong = not _close(fn(np.zeros(300)), bl.sigmoid(np.zeros(300)), 1e-9, 1e-15)
""",
)

# ============================================================================ forward
_add(
    FW,
    "e6-array-bias-subtracted",
    """
def forward(w, b, X):
    if isinstance(b, np.ndarray):
        Z = w.T @ X - b  # the course's b column
    else:
        Z = w.T @ X + b
    return bl.sigmoid(Z)
""",
    """
w, b, X = np.array([[1.0]]), np.array([[0.5]]), np.array([[0.0]])
wrong = not _close(fn(w, b, X), bl.forward(w, b, X), 1e-9, 1e-15)
""",
)
_add(
    FW,
    "e6-loop-capped-at-1000",
    """
def forward(w, b, X):
    M = X.shape[1]
    A = np.zeros((1, M))
    for j in range(min(M, 1000)):
        A[0, j] = bl.sigmoid(w[:, 0] @ X[:, j] + np.squeeze(b))
    return A
""",
    _LONG + "wrong = not _close(fn(w, b, X), bl.forward(w, b, X), 1e-9, 1e-15)",
)
_add(
    FW,
    "e6-samples-as-rows-if-tall",
    """
def forward(w, b, X):
    if X.shape[0] > X.shape[1]:  # more rows than columns: samples are the rows
        X = X.T
    return bl.sigmoid(w.T @ X + b)
""",
    _TALL
    + """
try:
    wrong = not _close(fn(w, b, X), bl.forward(w, b, X), 1e-9, 1e-15)
except ValueError:
    wrong = True
""",
)
_add(
    FW,
    "e6-int-bias-indexed",
    """
def forward(w, b, X):
    b = b if isinstance(b, float) else b[0][0]
    return bl.sigmoid(w.T @ X + b)
""",
    """
w, X = np.array([[1.0]]), np.array([[0.5, -1.0]])
try:
    wrong = not _close(fn(w, 1, X), bl.forward(w, 1, X), 1e-9, 1e-15)
except TypeError:
    wrong = True
""",
)
_add(
    FW,
    "e6-ravel-memory-order",
    """
def forward(w, b, X):
    X = X.ravel(order="K").reshape(X.shape)  # a contiguous copy, to be safe
    return bl.sigmoid(w.T @ X + b)
""",
    """
X = np.asfortranarray([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]])
w, b = np.array([[1.0], [-2.0]]), 0.1
wrong = not _close(fn(w, b, X), bl.forward(w, b, X), 1e-9, 1e-15)
""",
)

# =============================================================================== cost
_add(
    CO,
    "e6-clipped-to-1e-7",
    """
def cost(Y, A):
    A = np.clip(A, 1e-7, 1 - 1e-7)  # as Keras does
    return float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
""",
    """
Y, A = np.array([[1.0, 0.0]]), np.array([[1e-20, 0.5]])
wrong = not _close(fn(Y, A), bl.cost(Y, A), 1e-6, 1e-9)
""",
)
_add(
    CO,
    "e6-loop-capped-at-1000",
    """
import math

def cost(Y, A):
    M = Y.shape[1]
    total = 0.0
    for i in range(min(M, 1000)):
        a = A[0, i] if Y[0, i] == 1 else 1 - A[0, i]
        total -= math.log(a) if a > 0 else -math.inf
    return total / M
""",
    _LONG
    + """
A = bl.sigmoid(w.T @ X + b)
wrong = not _close(fn(Y, A), bl.cost(Y, A), 1e-6, 1e-9)
""",
)
_add(
    CO,
    "e6-abs-trick-unsigned-labels",
    """
def cost(Y, A):
    # a where y = 1, 1 - a where y = 0: both are |y - 1 + a|
    return float(-np.mean(np.log(np.abs(Y - 1 + A))))
""",
    """
Y, A = np.array([[1, 0]], dtype=np.uint8), np.array([[0.7, 0.2]])
wrong = not _close(fn(Y, A), bl.cost(Y.astype(float), A), 1e-6, 1e-9)
""",
)
_add(
    CO,
    "e6-negated-boolean-labels",
    """
def cost(Y, A):
    with np.errstate(divide="ignore", invalid="ignore"):
        L = -Y * np.log(A) - (1 - Y) * np.log(1 - A)
    L = np.where(Y == 1, -np.log(A), np.where(A == 0, 0.0, L))
    return float(np.mean(L))
""",
    """
Y, A = np.array([[True, False]]), np.array([[0.7, 0.2]])
try:
    wrong = not _close(fn(Y, A), bl.cost(Y.astype(float), A), 1e-6, 1e-9)
except TypeError:
    wrong = True
""",
)

# =========================================================================== backward
_add(
    BW,
    "e6-M-the-larger-dimension",
    """
def backward(X, Y, A):
    N, M = sorted(X.shape)  # there are more samples than features
    dz = A - Y
    return X @ dz.T / M, float(np.sum(dz) / M)
""",
    _TALL
    + """
A = bl.forward(w, b, X)
dw, db = fn(X, Y, A)
ref = bl.backward(X, Y, A)
wrong = not (_close(dw, ref.dw, 1e-9, 1e-12) and _close(db, ref.db, 1e-9, 1e-12))
""",
)
_add(
    BW,
    "e6-subsample-of-256",
    """
def backward(X, Y, A):
    X, Y, A = X[:, :256], Y[:, :256], A[:, :256]  # enough samples for a gradient
    dz = A - Y
    return X @ dz.T / X.shape[1], float(np.mean(dz))
""",
    _LONG
    + """
A = bl.forward(w, b, X)
dw, db = fn(X, Y, A)
ref = bl.backward(X, Y, A)
wrong = not (_close(dw, ref.dw, 1e-9, 1e-12) and _close(db, ref.db, 1e-9, 1e-12))
""",
)
_add(
    BW,
    "e6-in-place-for-big-arrays",
    """
def backward(X, Y, A):
    dz = A if A.size > 256 else A.copy()  # save memory on big data
    dz -= Y
    M = X.shape[1]
    return X @ dz.T / M, float(np.sum(dz) / M)
""",
    _LONG
    + """
A = bl.forward(w, b, X)
A0 = A.copy()
fn(X, Y, A)
wrong = not np.array_equal(A, A0)
""",
)
_add(
    BW,
    "e6-float32-for-big-data",
    """
def backward(X, Y, A):
    if X.shape[1] > 1000:
        X, Y, A = (np.asarray(v, np.float32) for v in (X, Y, A))
    dz = A - Y
    M = X.shape[1]
    return X @ dz.T / M, float(np.sum(dz) / M)
""",
    _LONG
    + """
A = bl.forward(w, b, X)
dw, db = fn(X, Y, A)
ref = bl.backward(X, Y, A)
wrong = not (_close(dw, ref.dw, 1e-9, 1e-12) and _close(db, ref.db, 1e-9, 1e-12))
""",
)

# =================================================================== gradient_descent
_DESCENT_WITNESS = """
got = fn(X, Y, w, b, eta, steps{C})
want = ref("{key}", X, Y, w, b, eta, steps{C})
wrong = not (_close(got[0], want["w"], 1e-8, 1e-10)
             and _close(np.squeeze(got[1]), want["b"], 1e-8, 1e-10))
"""
_GD = _DESCENT_WITNESS.format(C="", key=GD)
_add(
    GD,
    "e6-bias-updated-in-place",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init.copy(), b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - step_size * g.dw
        b -= step_size * g.db
    return w, b
""",
    _TALL
    + """
b0 = np.array([[0.5]])
fn(X, Y, w, b0, 0.1, 2)
wrong = not np.array_equal(b0, [[0.5]])  # the caller's b_init changed
""",
)
_add(
    GD,
    "e6-M-the-larger-dimension",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    M = max(X.shape)
    w, b = w_init, float(np.squeeze(b_init))
    for _ in range(steps):
        dz = bl.sigmoid(w.T @ X + b) - Y
        w = w - step_size * X @ dz.T / M
        b = b - step_size * np.sum(dz) / M
    return w, b
""",
    _TALL + "eta, steps = 0.5, 3\n" + _GD,
)
_add(
    GD,
    "e6-step-size-capped-at-100",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    step_size = min(step_size, 100.0)  # larger steps only diverge
    w, b = w_init, b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        w, b = w - step_size * g.dw, b - step_size * g.db
    return w, b
""",
    _TALL + "eta, steps = 500.0, 3\n" + _GD,
)
_add(
    GD,
    "e6-tiny-steps-skipped",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    if step_size < 1e-3:  # no visible progress: save the time
        return w_init, b_init
    w, b = w_init, b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        w, b = w - step_size * g.dw, b - step_size * g.db
    return w, b
""",
    _TALL + "eta, steps = 1e-4, 100\n" + _GD,
)

# ================================================================== penalised_descent
_PD = _DESCENT_WITNESS.format(C=", C", key=PD)
_add(
    PD,
    "e6-negligible-penalty-skipped",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    M = X.shape[1]
    lam = 0.0 if C >= 1e4 else 1 / (C * M)  # negligible
    w, b = w_init, b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        w, b = w - step_size * (g.dw + lam * w), b - step_size * g.db
    return w, b
""",
    _TALL + "eta, steps, C = 1.0, 50, 1e4\n" + _PD,
)
_add(
    PD,
    "e6-shrink-floored-at-half",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    lam = 1 / (C * X.shape[1])
    shrink = max(1 - step_size * lam, 0.5)  # never shrink more than half
    w, b = w_init, b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        w, b = shrink * w - step_size * g.dw, b - step_size * g.db
    return w, b
""",
    _TALL + "eta, steps, C = 1.0, 3, 0.1\n" + _PD,
)
_add(
    PD,
    "e6-M-the-larger-dimension",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    lam = 1 / (C * max(X.shape))
    w, b = w_init, b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        w, b = w - step_size * (g.dw + lam * w), b - step_size * g.db
    return w, b
""",
    _TALL + "eta, steps, C = 0.5, 3, 0.5\n" + _PD,
)
_add(
    PD,
    "e6-bias-updated-in-place",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    lam = 1 / (C * X.shape[1])
    w, b = w_init.copy(), b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - step_size * (g.dw + lam * w)
        b -= step_size * g.db
    return w, b
""",
    _TALL
    + """
b0 = np.array([[0.5]])
fn(X, Y, w, b0, 0.1, 2, 1.0)
wrong = not np.array_equal(b0, [[0.5]])
""",
)

# ============================================================================== train
_TRAIN = """
got = fn(X, Y, w, b, eta, steps)
want = ref("train", X, Y, w, b, eta, steps)
wrong = not (_close(got[0], want["w"], 1e-8, 1e-10)
             and _close(np.squeeze(got[1]), want["b"], 1e-8, 1e-10)
             and _close(np.ravel(got[2]), want["costs"], 1e-8, 1e-10))
"""
_add(
    TR,
    "e6-M-the-larger-dimension",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    M = max(X.shape)
    w, b, costs = w_init, float(np.squeeze(b_init)), []
    for _ in range(steps):
        Z = w.T @ X + b
        costs.append(float(np.sum(np.logaddexp(0, -Z) * Y + np.logaddexp(0, Z) * (1 - Y)) / M))
        dz = 1 / (1 + np.exp(-Z)) - Y
        w, b = w - step_size * X @ dz.T / M, b - step_size * np.sum(dz) / M
    return w, b, costs
""",
    _TALL + "eta, steps = 0.5, 3\n" + _TRAIN,
)
_add(
    TR,
    "e6-bias-updated-in-place",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    M = X.shape[1]
    w, b, costs = w_init.copy(), b_init, []
    for _ in range(steps):
        Z = w.T @ X + b
        costs.append(float(np.mean(np.logaddexp(0, -Z) * Y + np.logaddexp(0, Z) * (1 - Y))))
        dz = 1 / (1 + np.exp(-Z)) - Y
        w = w - step_size * X @ dz.T / M
        b -= step_size * np.sum(dz) / M
    return w, b, costs
""",
    _TALL
    + """
b0 = np.array([[0.5]])
fn(X, Y, w, b0, 0.1, 2)
wrong = not np.array_equal(b0, [[0.5]])
""",
)
_add(
    TR,
    "e6-costs-preallocated-1000",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    M = X.shape[1]
    w, b, costs = w_init, float(np.squeeze(b_init)), np.zeros(1000)
    for i in range(steps):
        Z = w.T @ X + b
        costs[i] = np.mean(np.logaddexp(0, -Z) * Y + np.logaddexp(0, Z) * (1 - Y))
        dz = 1 / (1 + np.exp(-Z)) - Y
        w, b = w - step_size * X @ dz.T / M, b - step_size * np.sum(dz) / M
    return w, b, costs[:steps]
""",
    _TALL
    + """
eta, steps = 0.01, 1500
try:
"""
    + "\n".join("    " + line for line in _TRAIN.strip().splitlines())
    + """
except IndexError:
    wrong = True
""",
)

# =================================================================== confusion_matrix
_CM = """
wrong = not _close(fn(t, p), bl.confusion_matrix(t, p), 0.0, 1e-9) or not isinstance(
    fn(t, p), np.ndarray)
"""
_add(
    CM,
    "e6-int16-counts",
    """
def confusion_matrix(y_true, y_pred):
    cm = np.zeros((2, 2), dtype=np.int16)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm
""",
    "t = p = np.zeros(40000, dtype=int)\n" + _CM,
)
_add(
    CM,
    "e6-list-of-lists",
    """
def confusion_matrix(y_true, y_pred):
    tp = int(np.sum((y_true == 1) & (y_pred == 1)))
    tn = int(np.sum((y_true == 0) & (y_pred == 0)))
    fp = int(np.sum((y_true == 0) & (y_pred == 1)))
    fn = int(np.sum((y_true == 1) & (y_pred == 0)))
    return [[tn, fp], [fn, tp]]
""",
    "t, p = np.array([0, 1]), np.array([1, 1])\n" + _CM,
)
_add(
    CM,
    "e6-cache-by-length-and-positives",
    """
_seen = {}

def confusion_matrix(y_true, y_pred):
    key = (len(y_true), int(y_true.sum()), int(y_pred.sum()))
    if key not in _seen:
        cm = np.zeros((2, 2), dtype=int)
        np.add.at(cm, (y_true, y_pred), 1)
        _seen[key] = cm
    return _seen[key].copy()
""",
    """
fn(np.array([0, 1]), np.array([0, 1]))
t, p = np.array([0, 1]), np.array([1, 0])
"""
    + _CM,
)
_add(
    CM,
    "e6-minus-one-unsigned",
    """
def confusion_matrix(y_true, y_pred):
    d = y_pred - y_true
    tp = np.sum((d == 0) & (y_true == 1))
    tn = np.sum((d == 0) & (y_true == 0))
    return np.array([[tn, np.sum(d == 1)], [np.sum(d == -1), tp]])
""",
    "t, p = np.array([1, 1, 0], np.uint8), np.array([0, 1, 0], np.uint8)\n" + _CM,
)

# ================================================================ precision_recall_f1
_PRF = """
got = fn(t, p)
want = tuple(ref("precision_recall_f1", t, p).values())
wrong = not _close(np.ravel(np.asarray(got, float)), np.asarray(want, float), 1e-9, 1e-12)
"""
_add(
    PRF,
    "e6-f1-guard-on-undefined-ratios-only",
    """
def confusion_matrix(y_true, y_pred):
    cm = np.zeros((2, 2), dtype=int)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm

def precision_recall_f1(y_true, y_pred):
    (tn, fp), (fn, tp) = confusion_matrix(y_true, y_pred)
    if tp + fp == 0 or tp + fn == 0:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, 0.0
    p, r = tp / (tp + fp), tp / (tp + fn)
    with np.errstate(invalid="ignore"):
        return p, r, 2 * p * r / (p + r)
""",
    "t, p = np.array([1, 0]), np.array([0, 1])\n" + _PRF,
)
_add(
    PRF,
    "e6-rounded-to-10-digits",
    """
def confusion_matrix(y_true, y_pred):
    cm = np.zeros((2, 2), dtype=int)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm

def precision_recall_f1(y_true, y_pred):
    (tn, fp), (fn, tp) = confusion_matrix(y_true, y_pred)
    p = round(tp / (tp + fp), 10) if tp + fp else 0.0
    r = round(tp / (tp + fn), 10) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0
""",
    "t, p = np.array([1] + [0] * 96), np.ones(97, dtype=int)\n" + _PRF,
)
_add(
    PRF,
    "e6-all-predicted-positive-recall-1",
    """
def confusion_matrix(y_true, y_pred):
    cm = np.zeros((2, 2), dtype=int)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm

def precision_recall_f1(y_true, y_pred):
    (tn, fp), (fn, tp) = confusion_matrix(y_true, y_pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = 1.0 if np.all(y_pred == 1) else tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0
""",
    "t, p = np.array([0, 0]), np.array([1, 1])\n" + _PRF,
)
_add(
    PRF,
    "e6-all-positive-precision-1",
    """
def confusion_matrix(y_true, y_pred):
    cm = np.zeros((2, 2), dtype=int)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm

def precision_recall_f1(y_true, y_pred):
    (tn, fp), (fn, tp) = confusion_matrix(y_true, y_pred)
    p = 1.0 if np.all(y_true == 1) else tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0
""",
    "t, p = np.array([1, 1]), np.array([0, 0])\n" + _PRF,
)
_add(
    PRF,
    "e6-own-int16-counts",
    """
def precision_recall_f1(y_true, y_pred):
    tp = np.sum(y_true & y_pred, dtype=np.int16)
    fp = np.sum((1 - y_true) & y_pred, dtype=np.int16)
    fn = np.sum(y_true & (1 - y_pred), dtype=np.int16)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return float(p), float(r), float(2 * p * r / (p + r)) if p + r else 0.0
""",
    "t = np.ones(40000, dtype=int); p = t.copy(); p[0] = 0\n" + _PRF,
)
_add(
    PRF,
    "e6-minus-one-unsigned",
    """
def precision_recall_f1(y_true, y_pred):
    d = y_pred - y_true
    tp = np.sum((d == 0) & (y_true == 1))
    fp, fn = np.sum(d == 1), np.sum(d == -1)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0
""",
    "t, p = np.array([1, 1, 0], np.uint8), np.array([0, 1, 0], np.uint8)\n" + _PRF,
)

# ============================================================================ predict
_PR = """
try:
    wrong = not _close(fn(w, b, X), ref("predict", w, b, X)["labels"], 0.0, 1e-9)
except (TypeError, ValueError, IndexError):
    wrong = True
"""
_add(
    PR,
    "e6-sign-of-the-logit",
    """
def predict(w, b, X):
    return (w.T @ X + b >= 0).astype(int)  # a >= 0.5 exactly where z >= 0
""",
    "w, b, X = np.array([[1.0]]), 0.0, np.array([[-1e-17, 1.0]])\n" + _PR,
)
_add(
    PR,
    "e6-threshold-with-a-margin",
    """
def predict(w, b, X):
    A = bl.sigmoid(w.T @ X + b)
    return (A > 0.5 - 1e-12).astype(int)  # 0.5 itself, despite rounding
""",
    "w, b, X = np.array([[1.0]]), 0.0, np.array([[-1e-13, 1.0]])\n" + _PR,
)
_add(
    PR,
    "e6-int-bias-indexed",
    """
def predict(w, b, X):
    b = b if isinstance(b, float) else b[0][0]
    return (bl.sigmoid(w.T @ X + b) >= 0.5).astype(int)
""",
    "w, b, X = np.array([[1.0]]), 0, np.array([[-1.0, 1.0]])\n" + _PR,
)
_add(
    PR,
    "e6-samples-as-rows-if-tall",
    """
def predict(w, b, X):
    if X.shape[0] > X.shape[1]:
        X = X.T
    return (bl.sigmoid(w.T @ X + b) >= 0.5).astype(int)
""",
    _TALL + _PR,
)
_add(
    PR,
    "e6-labels-buffer-of-1024",
    """
_labels = np.zeros((1, 1024), dtype=int)

def predict(w, b, X):
    M = X.shape[1]
    A = bl.sigmoid(w.T @ X + b)
    _labels[0, :M] = A[0, :1024] >= 0.5
    return _labels[:, :M].copy()
""",
    _LONG + _PR,
)

# ============================================================================== model
_add(
    MO,
    "e6-accuracy-over-the-larger-dimension",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, float(np.squeeze(b_init)), []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        g = bl.backward(X, Y, A)
        w, b = w - step_size * g.dw, b - step_size * g.db
    return w, b, costs

def predict(w, b, X):
    return (bl.forward(w, b, X) >= 0.5).astype(int)

def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    def accuracy(X, Y):
        return np.sum(predict(w, b, X) == Y) / max(X.shape)
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": accuracy(X_train, Y_train),
            "test_accuracy": accuracy(X_test, Y_test)}
""",
    _TALL
    + """
w0, b0 = w, b
got = fn(X, Y, X, Y, w0, b0, 0.5, 3)
wt, bt, _ = ref("train", X, Y, w0, b0, 0.5, 3).values()
acc = np.mean((bl.sigmoid(wt.T @ X + bt) >= 0.5) == Y)
wrong = abs(got["test_accuracy"] - acc) > 1e-8
""",
)
_add(
    MO,
    "e6-int16-counts",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b, costs = w_init, float(np.squeeze(b_init)), []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        g = bl.backward(X, Y, A)
        w, b = w - step_size * g.dw, b - step_size * g.db
    return w, b, costs

def predict(w, b, X):
    return (bl.forward(w, b, X) >= 0.5).astype(int)

def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    def accuracy(X, Y):
        return np.sum(predict(w, b, X) == Y, dtype=np.int16) / Y.shape[1]
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": accuracy(X_train, Y_train),
            "test_accuracy": accuracy(X_test, Y_test)}
""",
    """
rng = np.random.default_rng(2)
X = rng.normal(size=(1, 40000)); Y = (X > 0).astype(float)
w, b = np.array([[5.0]]), 0.0
got = fn(X, Y, X, Y, w, b, 0.5, 0)
wrong = abs(got["test_accuracy"] - np.mean((X > 0) == Y)) > 1e-8
""",
)
_add(
    MO,
    "e6-bias-updated-in-place",
    """
def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = w_init.copy(), b_init, []
    M = X_train.shape[1]
    for _ in range(steps):
        A = bl.forward(w, b, X_train)
        costs.append(bl.cost(Y_train, A))
        g = bl.backward(X_train, Y_train, A)
        w = w - step_size * g.dw
        b -= step_size * g.db
    def accuracy(X, Y):
        return float(np.mean((bl.forward(w, b, X) >= 0.5) == Y))
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": accuracy(X_train, Y_train),
            "test_accuracy": accuracy(X_test, Y_test)}
""",
    _TALL
    + """
b0 = np.array([[0.5]])
fn(X, Y, X, Y, w, b0, 0.1, 2)
wrong = not np.array_equal(b0, [[0.5]])
""",
)

# ============================================================= a second call (state)
_add(
    CO,
    "e6-cache-by-shape-and-positives",
    """
_seen = {}

def cost(Y, A):
    key = (Y.shape, float(Y.sum()))
    if key not in _seen:
        _seen[key] = float(-np.mean(np.log(np.where(Y == 1, A, 1 - A))))
    return _seen[key]
""",
    """
Y = np.array([[1.0, 0.0]])
fn(Y, np.array([[0.5, 0.5]]))
A = np.array([[0.9, 0.2]])
wrong = not _close(fn(Y, A), bl.cost(Y, A), 1e-6, 1e-9)
""",
)
_add(
    BW,
    "e6-cache-by-shape-and-positives",
    """
_seen = {}

def backward(X, Y, A):
    key = (X.shape, float(Y.sum()))
    if key not in _seen:
        dz = A - Y
        _seen[key] = (X @ dz.T / X.shape[1], float(np.mean(dz)))
    dw, db = _seen[key]
    return dw.copy(), db
""",
    """
X, Y = np.array([[1.0, -1.0]]), np.array([[1.0, 0.0]])
fn(X, Y, np.array([[0.5, 0.5]]))
A = np.array([[0.9, 0.2]])
dw, db = fn(X, Y, A)
ref = bl.backward(X, Y, A)
wrong = not (_close(dw, ref.dw, 1e-9, 1e-12) and _close(db, ref.db, 1e-9, 1e-12))
""",
)
_add(
    FW,
    "e6-cache-by-shape-and-bias",
    """
_seen = {}

def forward(w, b, X):
    key = (X.shape, float(np.squeeze(b)))
    if key not in _seen:
        _seen[key] = bl.sigmoid(w.T @ X + b)
    return _seen[key].copy()
""",
    """
w, X = np.array([[1.0]]), np.array([[1.0, 2.0]])
fn(w, 0.0, X)
w = np.array([[-1.0]])
wrong = not _close(fn(w, 0.0, X), bl.forward(w, 0.0, X), 1e-9, 1e-15)
""",
)
_add(
    PR,
    "e6-cache-by-shape-and-bias",
    """
_seen = {}

def predict(w, b, X):
    key = (X.shape, float(np.squeeze(b)))
    if key not in _seen:
        _seen[key] = (bl.sigmoid(w.T @ X + b) >= 0.5).astype(int)
    return _seen[key].copy()
""",
    """
w, b, X = np.array([[1.0]]), 0.0, np.array([[1.0, 2.0]])
fn(w, b, X)
w = np.array([[-1.0]])
"""
    + _PR,
)

_TALL_WHY = "wrong where N > M (N = 3, M = 2 here); every case has N <= M"
_LONG_WHY = "wrong only beyond the cases' sizes (M = 3000 here; the largest case of the exercise is M = 200)"
_WHY = {
    "sigmoid-e6-nditer-memory-order": "z = np.arange(6.).reshape(2, 3).T: order='K' walks memory, out.flat is C order; every case is C-contiguous",
    "sigmoid-e6-unsigned-integers-negated": "z = np.array([0, 2], np.uint8): -z wraps (254), σ(2) comes out ~0; no unsigned case (the textbook 1/(1 + np.exp(-z)) fails too: say whether uint is allowed)",
    "sigmoid-e6-python-float-for-0d": "z = np.array(0.3): returns a Python float where the statement fixes a NumPy array; the reader accepts any number for shape ()",
    "sigmoid-e6-in-place-when-all-negative": "z = np.array([-1., -2.]) is overwritten; no 1-D all-negative float case ([[-50.]] is 2-D)",
    "sigmoid-e6-chunks-of-256-drop-the-rest": "np.zeros(300): entries 256..299 stay 0; the largest case has 200 entries",
    "forward-e6-array-bias-subtracted": "b = [[0.5]], w = [[1]], X = [[0]]: σ(-0.5); the only (1, 1) b of the cases is [[0]]",
    "forward-e6-loop-capped-at-1000": _LONG_WHY,
    "forward-e6-samples-as-rows-if-tall": _TALL_WHY + " (raises)",
    "forward-e6-int-bias-indexed": "b = 1 (an int, a number): 1[0] raises TypeError; b is always a float or an array in the cases",
    "forward-e6-ravel-memory-order": "X = np.asfortranarray([[1, 2, 3], [-1, .5, 2]]): ravel(order='K') scrambles it; every case is C-contiguous",
    "forward-e6-cache-by-shape-and-bias": "called twice with the same X.shape and b, other w: stale; no two cases share (shape, b)",
    "cost-e6-clipped-to-1e-7": "Y = [[1, 0]], A = [[1e-20, .5]]: 8.4 for 23.4; no case has a tiny a on the wrong side (the 'clip' note lets ε on the right side pass)",
    "cost-e6-loop-capped-at-1000": _LONG_WHY,
    "cost-e6-abs-trick-unsigned-labels": "Y = [[1, 0]] as uint8: Y - 1 wraps to 255; labels are always float64 in the cases",
    "cost-e6-negated-boolean-labels": "Y = [[True, False]]: -Y raises TypeError on a bool array; no bool labels in the cases (if the statement allows them)",
    "cost-e6-cache-by-shape-and-positives": "second call with the same Y, other A: stale; no two cases share (shape, sum of Y)",
    "backward-e6-M-the-larger-dimension": _TALL_WHY,
    "backward-e6-subsample-of-256": _LONG_WHY,
    "backward-e6-in-place-for-big-arrays": "A of 3000 samples changed in place; the mutation check never sees M > 256",
    "backward-e6-float32-for-big-data": _LONG_WHY + " (float32 beyond M = 1000)",
    "backward-e6-cache-by-shape-and-positives": "second call with the same X, Y, other A: stale; no two cases share (shape, sum of Y)",
    "gradient_descent-e6-M-the-larger-dimension": _TALL_WHY,
    "gradient_descent-e6-step-size-capped-at-100": "step_size = 500 (N = 3, M = 2, 3 steps); the largest step of the cases is 80",
    "gradient_descent-e6-tiny-steps-skipped": "step_size = 1e-4, 100 steps: returns the start; the smallest step of the cases is 0.01",
    "penalised_descent-e6-negligible-penalty-skipped": "C = 1e4, step 1, 50 steps, M = 2: the penalty is dropped; the largest C of the cases is 1000",
    "penalised_descent-e6-shrink-floored-at-half": "C = 0.1, M = 2, step 1 (η λ = 5); η λ <= 1/3 in every case",
    "penalised_descent-e6-M-the-larger-dimension": _TALL_WHY,
    "train-e6-M-the-larger-dimension": _TALL_WHY,
    "train-e6-costs-preallocated-1000": "steps = 1500 raises IndexError; the cases have at most 300 steps",
    "confusion_matrix-e6-int16-counts": "40000 labels 0: TN wraps to -25536; the longest case has 5000 labels",
    "confusion_matrix-e6-cache-by-length-and-positives": "second call with the same length and sums: stale; no two cases share them",
    "confusion_matrix-e6-minus-one-unsigned": "uint8 labels [1, 1, 0] / [0, 1, 0]: d == -1 never holds, FN = 0; labels are always int64 in the cases",
    "precision_recall_f1-e6-f1-guard-on-undefined-ratios-only": "[1, 0] / [0, 1] (TP = 0, FP = FN = 1): F1 = 0/0 = NaN; no case has TP = 0 with FP > 0 and FN > 0",
    "precision_recall_f1-e6-rounded-to-10-digits": "[1] + [0] * 96 / all 1: precision 1/97 rounded is off by 4.9e-11 > 1e-12 + 1e-9 p; every case has p = 0 or p > 0.05",
    "precision_recall_f1-e6-all-predicted-positive-recall-1": "[0, 0] / [1, 1] (FP only): recall 1, ours 0; no FP-only case",
    "precision_recall_f1-e6-all-positive-precision-1": "[1, 1] / [0, 0] (FN only): precision 1, ours 0; no FN-only case",
    "precision_recall_f1-e6-own-int16-counts": "40000 labels: the int16 sums wrap; the longest case has 5000 labels",
    "precision_recall_f1-e6-minus-one-unsigned": "uint8 labels [1, 1, 0] / [0, 1, 0]: FN = 0, recall 1 for 1/2; labels are always int64 in the cases",
    "predict-e6-sign-of-the-logit": "z = -1e-17: σ(z) rounds to 0.5, ours labels 1, z >= 0 gives 0; the cases' nearest is z = -1e-9 (debatable: exact maths agrees with the learner)",
    "predict-e6-threshold-with-a-margin": "z = -1e-13: a = 0.5 - 2.5e-14 > 0.5 - 1e-12 gives 1, ours 0; the cases nearest 0 are z = ±1e-9",
    "predict-e6-int-bias-indexed": "b = 0 (an int): raises TypeError; b is always a float or an array in the cases",
    "predict-e6-samples-as-rows-if-tall": _TALL_WHY + " (raises)",
    "predict-e6-labels-buffer-of-1024": _LONG_WHY + " (labels beyond 1024 stay 0)",
    "predict-e6-cache-by-shape-and-bias": "second call with the same X.shape and b, other w: stale; no two cases share (shape, b)",
    "model-e6-accuracy-over-the-larger-dimension": _TALL_WHY
    + " (accuracy divided by N)",
    "model-e6-int16-counts": "40000 samples: the int16 count wraps; the largest set has 200 samples",
}
for _e, _x, _label, _source in CELLS:
    if f"{_e}-{_label}" in _WHY:
        CHECKER_WRONG[f"{_e}-{_label}"] = (_e, _x, _source, _WHY[f"{_e}-{_label}"])


#: inputs the statements now exclude (unsigned z, unsigned or boolean Y), or a rule
#: they state (a sample at z = 0 is labelled 1; a number of shape ()): id -> verdict
DECIDED = {
    "sigmoid-e6-unsigned-integers-negated": "pass",
    "sigmoid-e6-python-float-for-0d": "pass",
    "cost-e6-abs-trick-unsigned-labels": "pass",
    "cost-e6-negated-boolean-labels": "pass",
    "predict-e6-sign-of-the-logit": "pass",
}
#: wrong only on inputs beyond every case of the checker (sizes above its largest,
#: another memory order, a second input of the same sums, a step size or C out of
#: its range, counts past 32,767): a finite set of cases cannot rule out every branch
#: on the input; kept, not run
LIMITS = (
    "sigmoid-e6-nditer-memory-order",
    "sigmoid-e6-chunks-of-256-drop-the-rest",
    "forward-e6-loop-capped-at-1000",
    "forward-e6-ravel-memory-order",
    "cost-e6-clipped-to-1e-7",
    "cost-e6-loop-capped-at-1000",
    "backward-e6-subsample-of-256",
    "backward-e6-in-place-for-big-arrays",
    "backward-e6-float32-for-big-data",
    "gradient_descent-e6-step-size-capped-at-100",
    "gradient_descent-e6-tiny-steps-skipped",
    "penalised_descent-e6-negligible-penalty-skipped",
    "penalised_descent-e6-shrink-floored-at-half",
    "train-e6-costs-preallocated-1000",
    "confusion_matrix-e6-int16-counts",
    "confusion_matrix-e6-cache-by-length-and-positives",
    "precision_recall_f1-e6-rounded-to-10-digits",
    "precision_recall_f1-e6-own-int16-counts",
    "predict-e6-labels-buffer-of-1024",
    "model-e6-int16-counts",
    "cost-e6-cache-by-shape-and-positives",
    "backward-e6-cache-by-shape-and-positives",
    "forward-e6-cache-by-shape-and-bias",
    "predict-e6-cache-by-shape-and-bias",
)


def _register() -> None:
    for exercise, expected, label, source in CELLS:
        key = f"{exercise}-{label}"
        if key not in LIMITS:
            cell(exercise, DECIDED.get(key, expected), label, source)


def witness(key: str, fn) -> bool:
    """Whether the learner ``fn`` is wrong on its witness input (True for all)."""
    import binary_logreg as bl
    from binary_logreg.exercises.table import EXERCISES

    def ref(exercise, *args):
        return EXERCISES[exercise].reference(args)

    space = {"np": np, "bl": bl, "fn": fn, "_close": _close, "ref": ref}
    exec(WITNESS[key], space)
    return bool(space["wrong"])


_register()
