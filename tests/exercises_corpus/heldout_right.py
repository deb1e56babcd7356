"""A held-out play of right but unusual learners (h5), for all eleven exercises,
written to try the checker for false fails: other valid formulas, containers,
signatures and ways of defining the function. Each is a notebook cell (``np`` and
``bl`` imported), labelled "pass" (but one the statement decides otherwise, in
``DECIDED``). ``CHECKER_WRONG`` lists those the checker of 9009d80 judged wrongly,
with the cause; all are registered and judged right now.
"""

from textwrap import dedent

from . import cell

# (exercise, expected, label, source)
CELLS: list[tuple[str, str, str, str]] = []


def _add(exercise: str, label: str, source: str) -> None:
    CELLS.append((exercise, "pass", label, dedent(source)))


# ============================================================================ sigmoid
_add(
    "sigmoid",
    "h5-logaddexp",
    """
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0.0, -z))
""",
)
_add(
    "sigmoid",
    "h5-tanh-identity",
    """
def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))
""",
)
_add(
    "sigmoid",
    "h5-vectorize-otypes",
    """
import math

def _one(t):
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)

sigmoid = np.vectorize(_one, otypes=[float])
""",
)
_add(
    "sigmoid",
    "h5-where-errstate",
    """
def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(over="ignore"):
        pos = 1.0 / (1.0 + np.exp(-z))
        ez = np.exp(z)
        neg = ez / (1.0 + ez)
    return np.where(z >= 0, pos, neg)
""",
)
_add(
    "sigmoid",
    "h5-class-call",
    """
class _Sigmoid:
    def __call__(self, z):
        from scipy.special import expit
        return expit(np.asarray(z, dtype=float))

sigmoid = _Sigmoid()
""",
)
_add(
    "sigmoid",
    "h5-lambda-out",
    """
sigmoid = lambda z: np.divide(1.0, 1.0 + np.exp(-np.clip(np.asarray(z, float), -745, 745)))
""",
)
_add(
    "sigmoid",
    "h5-flat-loop-copy",
    """
import math

def sigmoid(z):
    z = np.asarray(z)
    out = np.empty(z.shape, dtype=float)
    flat = out.reshape(-1)
    for i, t in enumerate(z.reshape(-1).tolist()):
        flat[i] = 1 / (1 + math.exp(-t)) if t > -700 else 0.0
    return out
""",
)

# =============================================================================== cost
_add(
    "cost",
    "h5-logaddexp-of-logit",
    """
def cost(Y, A):
    with np.errstate(divide="ignore"):
        L = -(Y * np.log(np.where(Y == 1, A, 1)) + (1 - Y) * np.log(np.where(Y == 0, 1 - A, 1)))
    return float(np.mean(L))
""",
)
_add(
    "cost",
    "h5-xlogy",
    """
from scipy.special import xlogy

def cost(Y, A):
    M = Y.shape[1]
    return -np.sum(xlogy(Y, A) + xlogy(1 - Y, 1 - A)) / M
""",
)
_add(
    "cost",
    "h5-fsum-loop",
    """
import math

def cost(y_true, y_pred):
    total = []
    for y, a in zip(y_true.ravel().tolist(), y_pred.ravel().tolist()):
        total.append(-math.log(a) if y == 1 else -math.log1p(-a))
    return math.fsum(total) / len(total)
""",
)
_add(
    "cost",
    "h5-einsum-0d",
    """
def cost(Y, A):
    with np.errstate(divide="ignore", invalid="ignore"):
        la = np.where(Y > 0, np.log(A), 0.0)
        lb = np.where(Y < 1, np.log1p(-A), 0.0)
    return np.array(-(np.einsum("ij->", la) + np.einsum("ij->", lb)) / A.size)
""",
)
_add(
    "cost",
    "h5-boolean-masks",
    """
def cost(Y, A):
    pos = Y.astype(bool)
    s = -np.log(A[pos]).sum() - np.log(1 - A[~pos]).sum()
    return s / Y.size
""",
)
_add(
    "cost",
    "h5-sklearn-log-loss",
    """
def cost(Y, A):
    y = Y.ravel(); a = A.ravel()
    with np.errstate(divide="ignore"):
        return float(np.mean(np.where(y == 1, -np.log(a), -np.log(1 - a))))
""",
)
_add(
    "cost",
    "h5-dot-forms",
    """
def cost(Y, A, eps=0):
    with np.errstate(divide="ignore", invalid="ignore"):
        l1 = np.nan_to_num(np.log(A + eps), neginf=0.0) * (Y == 1)
        l0 = np.nan_to_num(np.log(1 - A + eps), neginf=0.0) * (Y == 0)
    return -(np.dot(Y, l1.T) + np.dot(1 - Y, l0.T)).item() / Y.shape[1]
""",
)

# ============================================================================ forward
_add(
    "forward",
    "h5-einsum",
    """
from scipy.special import expit

def forward(w, b, X):
    return expit(np.einsum("nk,nm->km", w, X) + b)
""",
)
_add(
    "forward",
    "h5-matmul-out",
    """
def forward(w, b, X):
    Z = np.empty((1, X.shape[1]))
    np.matmul(w.T, X, out=Z)
    Z += np.asarray(b, dtype=float).reshape(-1)[0]
    return np.exp(-np.logaddexp(0, -Z))
""",
)
_add(
    "forward",
    "h5-column-loop",
    """
import math

def forward(w, b, X):
    b = float(np.asarray(b).ravel()[0])
    out = []
    for m in range(X.shape[1]):
        z = math.fsum(float(w[n, 0]) * float(X[n, m]) for n in range(X.shape[0])) + b
        out.append(1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z)))
    return np.array(out).reshape(1, -1)
""",
)
_add(
    "forward",
    "h5-kwargs",
    """
from scipy.special import expit

def forward(*args, **kwargs):
    w, b, X = args
    return expit(np.dot(w.T, X) + b)
""",
)
_add(
    "forward",
    "h5-tanh-sum",
    """
def forward(w, b, X):
    z = (w * X).sum(axis=0, keepdims=True) + b
    return 0.5 + 0.5 * np.tanh(z / 2)
""",
)

# =========================================================================== backward
_add(
    "backward",
    "h5-loop-samples",
    """
def backward(X, Y, A):
    N, M = X.shape
    dw = np.zeros((N, 1))
    db = 0.0
    for m in range(M):
        d = A[0, m] - Y[0, m]
        dw[:, 0] += d * X[:, m]
        db += d
    return dw / M, db / M
""",
)
_add(
    "backward",
    "h5-einsum-dict",
    """
def backward(X, Y, A):
    dz = A - Y
    return {"dw": np.einsum("nm,km->nk", X, dz) / X.shape[1], "db": np.mean(dz, keepdims=True)}
""",
)
_add(
    "backward",
    "h5-list-container",
    """
def backward(X, Y, A):
    M = Y.shape[1]
    dZ = A - Y
    return [np.dot(X, dZ.T) / M, float(np.sum(dZ) / M)]
""",
)
_add(
    "backward",
    "h5-namedtuple",
    """
from collections import namedtuple
Grads = namedtuple("Grads", "dw db")

def backward(X, Y, A):
    dz = (A - Y).ravel()
    return Grads((X * dz).mean(axis=1, keepdims=True), dz.mean())
""",
)
_add(
    "backward",
    "h5-matmul-out",
    """
def backward(X, Y, A):
    dw = np.empty((X.shape[0], 1))
    np.matmul(X, (A - Y).T, out=dw)
    dw /= X.shape[1]
    return dw, np.float64((A - Y).sum() / X.shape[1])
""",
)

# =========================================================================== predict
_add(
    "predict",
    "h5-sign-of-z",
    """
def predict(w, b, X):
    z = w.T @ X + b
    return (z >= 0).astype(int)
""",
)
_add(
    "predict",
    "h5-loop-columns",
    """
from scipy.special import expit

def predict(w, b, X):
    A = expit(w.T @ X + b)
    Y = np.zeros((1, X.shape[1]))
    for i in range(A.shape[1]):
        Y[0, i] = 1 if A[0, i] >= 0.5 else 0
    return Y
""",
)
_add(
    "predict",
    "h5-where-bool",
    """
def predict(w, b, X):
    with np.errstate(over="ignore"):
        A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    return np.where(A >= 0.5, True, False)
""",
)
_add(
    "predict",
    "h5-heaviside",
    """
def predict(w, b, X):
    return np.heaviside(w.T.dot(X) + b, 1.0)
""",
)
_add(
    "predict",
    "h5-rint-course",
    """
def predict(w, b, X, threshold=0.5):
    A = bl.forward(w, b, X)
    return (A >= threshold) * 1.0
""",
)

# ==================================================================== gradient_descent
_add(
    "gradient_descent",
    "h5-recursion",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    if steps == 0:
        return w_init, b_init
    w, b = gradient_descent(X, Y, w_init, b_init, step_size, steps - 1)
    g = bl.backward(X, Y, bl.forward(w, b, X))
    return w - step_size * g.dw, b - step_size * g.db
""",
)
_add(
    "gradient_descent",
    "h5-reduce",
    """
from functools import reduce

def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    def step(p, _):
        w, b = p
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        return (w - step_size * dw, b - step_size * db)
    return reduce(step, range(steps), (w_init, b_init))
""",
)
_add(
    "gradient_descent",
    "h5-course-names-costs",
    """
def gradient_descent(X, Y, w, b, learning_rate, num_iterations, print_cost=False):
    costs = []
    for i in range(num_iterations):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        dw, db = bl.backward(X, Y, A)
        w = w - learning_rate * dw
        b = b - learning_rate * db
    return w, b, costs
""",
)
_add(
    "gradient_descent",
    "h5-inplace-copy-b11",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w = np.copy(w_init).astype(float)
    b = np.full((1, 1), np.asarray(b_init, float).item())
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        w -= step_size * g.dw
        b -= step_size * g.db
    return (w, b)
""",
)
_add(
    "gradient_descent",
    "h5-dict-out-list",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    params = {"w": w_init, "b": b_init}
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(params["w"], params["b"], X))
        params = {"w": params["w"] - step_size * g[0], "b": params["b"] - step_size * g[1]}
    return [params["w"], params["b"], "done"]
""",
)
_add(
    "gradient_descent",
    "h5-staticmethod",
    """
class Trainer:
    @staticmethod
    def run(X, Y, w_init, b_init, step_size, steps):
        w, b = w_init + 0, b_init
        for _ in range(steps):
            dw, db = bl.backward(X, Y, bl.forward(w, b, X))
            w, b = w - step_size * dw, b - step_size * db
        return w, b

gradient_descent = Trainer.run
""",
)

# =================================================================== penalised_descent
_add(
    "penalised_descent",
    "h5-lambda-first",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    lam = 1.0 / (C * X.shape[1])
    w, b = w_init.copy(), b_init
    for _ in range(steps):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - step_size * (dw + lam * w)
        b = b - step_size * db
    return w, b
""",
)
_add(
    "penalised_descent",
    "h5-decay-form",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    M = X.shape[1]
    w, b = w_init, b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        w = (1 - step_size / (C * M)) * w - step_size * g.dw
        b = b - step_size * g.db
    return w, b, None
""",
)
_add(
    "penalised_descent",
    "h5-kwargs-C",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C=1.0, **kwargs):
    w = np.array(w_init, dtype=float, copy=True)
    b = np.asarray(b_init, dtype=float).reshape(1, 1).copy()
    for _ in range(steps):
        dw, db = bl.backward(X, Y, bl.forward(w, b, X))
        dw = dw + w / (C * Y.shape[1])
        np.subtract(w, step_size * dw, out=w)
        b -= step_size * db
    return w, b
""",
)
_add(
    "penalised_descent",
    "h5-reduce",
    """
from functools import reduce

def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    lam = 1 / C / X.shape[1]
    def upd(p, _):
        dw, db = bl.backward(X, Y, bl.forward(p[0], p[1], X))
        return p[0] - step_size * (dw + lam * p[0]), p[1] - step_size * db
    return reduce(upd, range(steps), (w_init, b_init))
""",
)

# ============================================================================== train
_add(
    "train",
    "h5-logaddexp-cost",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    M = X.shape[1]
    costs = []
    for _ in range(steps):
        Z = w.T @ X + b
        A = np.exp(-np.logaddexp(0, -Z))
        costs.append(float(np.mean(np.logaddexp(0, Z) - Y * Z)))
        dZ = A - Y
        w = w - step_size * (X @ dZ.T) / M
        b = b - step_size * np.sum(dZ) / M
    return w, b, costs
""",
)
_add(
    "train",
    "h5-costs-column-array",
    """
from scipy.special import expit, xlogy

def train(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init.copy(), float(np.squeeze(b_init))
    M = X.shape[1]
    costs = np.zeros((steps, 1))
    for i in range(steps):
        A = expit(np.dot(w.T, X) + b)
        costs[i, 0] = -np.sum(xlogy(Y, A) + xlogy(1 - Y, 1 - A)) / M
        dZ = A - Y
        w -= step_size * np.dot(X, dZ.T) / M
        b -= step_size * dZ.mean()
    return w, b, costs
""",
)
_add(
    "train",
    "h5-tuple-costs-masked",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    M = X.shape[1]
    costs = ()
    for _ in range(steps):
        Z = np.dot(w.T, X) + b
        with np.errstate(over="ignore"):
            A = np.where(Z >= 0, 1 / (1 + np.exp(-Z)), np.exp(Z) / (1 + np.exp(Z)))
            L = np.where(Y == 1, np.log1p(np.exp(-Z)), np.log1p(np.exp(Z)))
        L = np.where(np.isinf(L), np.abs(Z), L)
        costs += (L.sum() / M,)
        w = w - step_size * X.dot((A - Y).T) / M
        b = b - step_size * (A - Y).sum() / M
    return w, b, costs
""",
)
_add(
    "train",
    "h5-course-names-softplus",
    """
def train(X, Y, w, b, learning_rate, num_iterations):
    m = X.shape[1]
    costs = []
    for i in range(num_iterations):
        z = w.T @ X + b
        a = 0.5 * (1 + np.tanh(z / 2))
        sp = np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))
        costs.append(np.sum(sp - Y * z) / m)
        w = w - learning_rate * (X @ (a - Y).T) / m
        b = b - learning_rate * np.sum(a - Y) / m
    return w, b, np.array(costs)
""",
)
_add(
    "train",
    "h5-dict-grads-b11",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    params = {"w": w_init, "b": np.reshape(np.asarray(b_init, float), (1, 1))}
    costs = []
    m = Y.shape[1]
    for _ in range(steps):
        z = params["w"].T @ X + params["b"]
        a = np.exp(-np.logaddexp(0, -z))
        loss = np.logaddexp(0, -z) * Y + np.logaddexp(0, z) * (1 - Y)
        costs.append(loss.mean())
        g = {"dw": X @ (a - Y).T / m, "db": (a - Y).sum(keepdims=True) / m}
        params = {k: params[k] - step_size * g["d" + k] for k in params}
    return params["w"], params["b"], costs
""",
)

# ================================================================== confusion_matrix
_add(
    "confusion_matrix",
    "h5-bincount",
    """
def confusion_matrix(y_true, y_pred):
    return np.bincount(2 * y_true + y_pred, minlength=4).reshape(2, 2)
""",
)
_add(
    "confusion_matrix",
    "h5-histogram2d",
    """
def confusion_matrix(y_true, y_pred):
    H, _, _ = np.histogram2d(y_true, y_pred, bins=[[-0.5, 0.5, 1.5], [-0.5, 0.5, 1.5]])
    return H.astype(int)
""",
)
_add(
    "confusion_matrix",
    "h5-add-at",
    """
def confusion_matrix(y_true, y_pred):
    cm = np.zeros((2, 2), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm
""",
)
_add(
    "confusion_matrix",
    "h5-python-counts",
    """
def confusion_matrix(y_true, y_pred):
    pairs = list(zip(y_true.tolist(), y_pred.tolist()))
    return np.array([[pairs.count((r, c)) for c in (0, 1)] for r in (0, 1)])
""",
)
_add(
    "confusion_matrix",
    "h5-masks-float",
    """
def confusion_matrix(y_true, y_pred):
    t = y_true == 1; p = y_pred == 1
    return np.array([[np.sum(~t & ~p), np.sum(~t & p)], [np.sum(t & ~p), np.sum(t & p)]], dtype=float)
""",
)
_add(
    "confusion_matrix",
    "h5-outer-dot",
    """
def confusion_matrix(y_true, y_pred):
    T = np.stack([1 - y_true, y_true])
    P = np.stack([1 - y_pred, y_pred])
    return T @ P.T
""",
)

# =============================================================== precision_recall_f1
_add(
    "precision_recall_f1",
    "h5-harmonic-guard",
    """
def precision_recall_f1(y_true, y_pred):
    (tn, fp), (fn, tp) = confusion_matrix(y_true, y_pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

def confusion_matrix(y_true, y_pred):
    return np.bincount(2 * np.asarray(y_true) + np.asarray(y_pred), minlength=4).reshape(2, 2)
""",
)
_add(
    "precision_recall_f1",
    "h5-f1-from-counts-array",
    """
def precision_recall_f1(y_true, y_pred):
    cm = bl.confusion_matrix(y_true, y_pred) if hasattr(bl, "confusion_matrix") else None
    tp = int(np.sum((y_true == 1) & (y_pred == 1)))
    fp = int(np.sum((y_true == 0) & (y_pred == 1)))
    fn = int(np.sum((y_true == 1) & (y_pred == 0)))
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.array([tp / max(tp + fp, 1), tp / max(tp + fn, 1), 2 * tp / max(2 * tp + fp + fn, 1)])
    return out
""",
)
_add(
    "precision_recall_f1",
    "h5-sklearn-list",
    """
from sklearn.metrics import precision_score, recall_score, f1_score

def precision_recall_f1(y_true, y_pred):
    return [precision_score(y_true, y_pred, zero_division=0),
            recall_score(y_true, y_pred, zero_division=0),
            f1_score(y_true, y_pred, zero_division=0)]
""",
)
_add(
    "precision_recall_f1",
    "h5-divide-where",
    """
def precision_recall_f1(y_true, y_pred):
    tp = np.count_nonzero(y_true & y_pred)
    pp = np.count_nonzero(y_pred)
    ap = np.count_nonzero(y_true)
    num = np.array([tp, tp, 2 * tp], dtype=float)
    den = np.array([pp, ap, pp + ap], dtype=float)
    return tuple(np.divide(num, den, out=np.zeros(3), where=den > 0))
""",
)

# ============================================================================== model
_add(
    "model",
    "h5-kwargs-dict-comprehension",
    """
def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps, **kw):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    acc = {f"{n}_accuracy": float(np.mean(predict(w, b, X) == Y))
           for n, X, Y in (("train", X_train, Y_train), ("test", X_test, Y_test))}
    return {"w": w, "b": b, "costs": costs, **acc}

def train(X, Y, w, b, step_size, steps):
    return bl.gradient_descent(X, Y, w, b, step_size, steps) if False else _train(X, Y, w, b, step_size, steps)

def _train(X, Y, w, b, step_size, steps):
    costs = []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        dw, db = bl.backward(X, Y, A)
        w, b = w - step_size * dw, b - step_size * db
    return w, b, costs

def predict(w, b, X):
    return (bl.forward(w, b, X) >= 0.5).astype(int)
""",
)
_add(
    "model",
    "h5-course-names-confusion",
    """
def train(X, Y, w, b, step_size, steps):
    costs = []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        g = bl.backward(X, Y, A)
        w = w - step_size * g.dw
        b = b - step_size * g.db
    return w, b, costs

def predict(w, b, X):
    return np.where(w.T @ X + b >= 0, 1, 0)

def model(X_train, Y_train, X_test, Y_test, w, b, learning_rate=0.5, num_iterations=2000):
    w, b, costs = train(X_train, Y_train, w, b, learning_rate, num_iterations)
    def acc(X, Y):
        p = predict(w, b, X).ravel(); y = Y.ravel()
        tp = np.sum((p == 1) & (y == 1)); tn = np.sum((p == 0) & (y == 0))
        return (tp + tn) / y.size
    return dict(w=w, b=b, costs=costs, train_accuracy=acc(X_train, Y_train),
                test_accuracy=acc(X_test, Y_test))
""",
)
_add(
    "model",
    "h5-percent-free-fraction",
    """
from fractions import Fraction

def train(X, Y, w, b, step_size, steps):
    costs = []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(float(bl.cost(Y, A)))
        dw, db = bl.backward(X, Y, A)
        w = w - step_size * dw
        b = b - step_size * db
    return w, b, tuple(costs)

def predict(w, b, X):
    return bl.forward(w, b, X) >= 0.5

def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    right = lambda X, Y: float(Fraction(int((predict(w, b, X) == Y).sum()), Y.shape[1]))
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": right(X_train, Y_train), "test_accuracy": right(X_test, Y_test)}
""",
)

# ================================================================ second batch: probes
_add(
    "sigmoid",
    "h5-copy-in-place-ufuncs",
    """
def sigmoid(z):
    out = np.array(z, dtype=float)  # own copy
    with np.errstate(over="ignore"):
        np.negative(out, out=out)
        np.exp(out, out=out)
        out += 1.0
        np.reciprocal(out, out=out)
    return out
""",
)
_add(
    "sigmoid",
    "h5-expm1-branches",
    """
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""",
)
_add(
    "sigmoid",
    "h5-partial-of-divide",
    """
from functools import partial

def _sig(z, lo=-800.0, hi=800.0):
    z = np.clip(np.asarray(z, dtype=float), lo, hi)
    return np.exp(z - np.logaddexp(0.0, z))

sigmoid = partial(_sig, lo=-1e300)
""",
)
_add(
    "sigmoid",
    "h5-list-comp-reshape",
    """
import math

def sigmoid(z):
    z = np.asarray(z, dtype=float)
    vals = [math.exp(-math.log1p(math.exp(-t))) if t >= 0 else math.exp(t - math.log1p(math.exp(t)))
            for t in z.flat]
    return np.array(vals, dtype=float).reshape(z.shape)
""",
)
_add(
    "cost",
    "h5-squeezed-course",
    """
def cost(Y, A):
    m = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        logprobs = np.where(Y == 1, np.log(A), np.log(1 - A))
    return np.squeeze(-np.sum(logprobs, axis=1, keepdims=True) / m)
""",
)
_add(
    "cost",
    "h5-float64-mean-loop",
    """
def cost(Y, A):
    s = np.float64(0)
    for y, a in np.nditer([Y, A]):
        s += -np.log(a) if y else -np.log1p(-a)
    return s / Y.shape[1]
""",
)
_add(
    "cost",
    "h5-sklearn-eps-free",
    """
from sklearn.metrics import log_loss

def cost(Y, A):
    y = Y.ravel(); a = A.ravel()
    ok = ((a > 0) & (a < 1))
    if ok.all() and 0 < y.sum() < y.size:
        return log_loss(y, a)
    with np.errstate(divide="ignore"):
        return float(np.mean(np.where(y == 1, -np.log(a), -np.log1p(-a))))
""",
)
_add(
    "forward",
    "h5-b-item-python-sum",
    """
def forward(w, b, X):
    b = np.asarray(b).item()
    z = sum(w[n, 0] * X[n : n + 1, :] for n in range(w.shape[0])) + b
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-z))
""",
)
_add(
    "forward",
    "h5-np-dot-reshape",
    """
from scipy.special import expit

def forward(w, b, X):
    z = np.dot(w.ravel(), X).reshape(1, -1) + np.asarray(b, float).reshape(1, 1)
    return expit(z)
""",
)
_add(
    "backward",
    "h5-b11-keepdims",
    """
def backward(X, Y, A):
    m = X.shape[1]
    dZ = A - Y
    dw = 1 / m * np.dot(X, dZ.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    return {"dw": dw, "db": db}
""",
)
_add(
    "backward",
    "h5-features-loop-fsum",
    """
import math

def backward(X, Y, A):
    N, M = X.shape
    d = (A - Y).ravel().tolist()
    dw = np.array([[math.fsum(X[n, m] * d[m] for m in range(M)) / M] for n in range(N)])
    return dw, math.fsum(d) / M
""",
)
_add(
    "predict",
    "h5-uint8-loop",
    """
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m), dtype=np.uint8)
    A = bl.forward(w, b, X)
    for i in range(m):
        if A[0, i] >= 0.5:
            Y_prediction[0, i] = 1
    return Y_prediction
""",
)
_add(
    "predict",
    "h5-rounding-half-up",
    """
from scipy.special import expit

def predict(w, b, X):
    A = expit(w.T @ X + b)
    return np.floor(A + 0.5)
""",
)
_add(
    "gradient_descent",
    "h5-numpy-steps-loop-features",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w = [row[:] for row in w_init.tolist()]
    b = b_init
    for _ in range(int(steps)):
        W = np.array(w)
        dw, db = bl.backward(X, Y, bl.forward(W, b, X))
        w = [[w[n][0] - step_size * dw[n, 0]] for n in range(len(w))]
        b = b - step_size * db
    return np.array(w, dtype=float).reshape(-1, 1), b
""",
)
_add(
    "gradient_descent",
    "h5-generator-consumed",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    def states():
        w, b = w_init, b_init
        yield w, b
        for _ in range(steps):
            g = bl.backward(X, Y, bl.forward(w, b, X))
            w, b = w - step_size * g.dw, b - step_size * g.db
            yield w, b
    *_, last = states()
    return last
""",
)
_add(
    "penalised_descent",
    "h5-recursion",
    """
def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    if not steps:
        return w_init, b_init
    w, b = penalised_descent(X, Y, w_init, b_init, step_size, steps - 1, C)
    dw, db = bl.backward(X, Y, bl.forward(w, b, X))
    return w - step_size * (dw + w / (C * X.shape[1])), b - step_size * db
""",
)
_add(
    "penalised_descent",
    "h5-course-names-lambd",
    """
def penalised_descent(X, Y, w, b, learning_rate, num_iterations, C):
    m = Y.shape[1]
    lambd = 1 / (C * m)
    costs = []
    for i in range(num_iterations):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A) + lambd / 2 * np.sum(w ** 2))
        grads = bl.backward(X, Y, A)
        w = w - learning_rate * (grads["dw"] if isinstance(grads, dict) else grads[0]) - learning_rate * lambd * w
        b = b - learning_rate * (grads["db"] if isinstance(grads, dict) else grads[1])
    return w, b, costs
""",
)
_add(
    "train",
    "h5-costs-squeezed-0d",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    m = X.shape[1]
    costs = []
    for i in range(steps):
        Z = np.dot(w.T, X) + b
        cost = np.sum(np.logaddexp(0, Z) - Y * Z, axis=1, keepdims=True) / m
        A = np.exp(Z - np.logaddexp(0, Z))
        costs.append(np.squeeze(cost))
        dw = np.dot(X, (A - Y).T) / m
        db = np.sum(A - Y) / m
        w = w - step_size * dw
        b = b - step_size * db
    return w, b, costs
""",
)
_add(
    "train",
    "h5-recursion",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    if steps == 0:
        return w_init, b_init, []
    w, b, costs = train(X, Y, w_init, b_init, step_size, steps - 1)
    z = w.T @ X + b
    a = np.exp(-np.logaddexp(0, -z))
    J = float(np.mean(np.logaddexp(0, -z) * Y + np.logaddexp(0, z) * (1 - Y)))
    m = X.shape[1]
    return w - step_size * X @ (a - Y).T / m, b - step_size * np.mean(a - Y), costs + [J]
""",
)
_add(
    "train",
    "h5-per-sample-python",
    """
import math

def train(X, Y, w_init, b_init, step_size, steps):
    N, M = X.shape
    w = w_init.ravel().tolist()
    b = float(np.asarray(b_init).ravel()[0])
    y = Y.ravel().tolist()
    cols = X.T.tolist()
    costs = []
    for _ in range(steps):
        dw = [0.0] * N; db = 0.0; loss = []
        for x, t in zip(cols, y):
            z = math.fsum(wi * xi for wi, xi in zip(w, x)) + b
            sp = max(z, 0.0) + math.log1p(math.exp(-abs(z)))  # log(1 + e^z)
            loss.append(sp - t * z)
            a = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
            for n in range(N):
                dw[n] += (a - t) * x[n]
            db += a - t
        costs.append(math.fsum(loss) / M)
        w = [wi - step_size * g / M for wi, g in zip(w, dw)]
        b -= step_size * db / M
    return np.array(w).reshape(N, 1), b, costs
""",
)
_add(
    "confusion_matrix",
    "h5-loop-int-matrix",
    """
def confusion_matrix(y_true, y_pred):
    cm = [[0, 0], [0, 0]]
    for t, p in zip(y_true, y_pred):
        cm[int(t)][int(p)] += 1
    return np.array(cm)
""",
)
_add(
    "confusion_matrix",
    "h5-unique-counts",
    """
def confusion_matrix(y_true, y_pred):
    codes, counts = np.unique(2 * np.asarray(y_true, int) + np.asarray(y_pred, int), return_counts=True)
    cm = np.zeros(4, dtype=int)
    cm[codes] = counts
    return cm.reshape(2, 2)
""",
)
_add(
    "precision_recall_f1",
    "h5-numpy-scalars-own-cm",
    """
def confusion_matrix(y_true, y_pred):
    cm = np.zeros((2, 2), dtype=int)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm

def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    tp = cm[1, 1]; fp = cm[0, 1]; fn = cm[1, 0]
    precision = np.float64(tp / (tp + fp)) if tp + fp > 0 else np.float64(0)
    recall = np.float64(tp / (tp + fn)) if tp + fn > 0 else np.float64(0)
    f1 = (2 * precision * recall / (precision + recall)) if precision + recall > 0 else np.float64(0)
    return np.array([precision, recall, f1])
""",
)
_add(
    "model",
    "h5-ordered-dict-0d-accuracy",
    """
from collections import OrderedDict

def train(X, Y, w, b, step_size, steps):
    costs = []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        dw, db = bl.backward(X, Y, A)
        w = w - step_size * dw
        b = b - step_size * db
    return w, b, costs

def predict(w, b, X):
    return (w.T @ X + b >= 0).astype(float)

def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    d = OrderedDict(costs=costs, w=w, b=b)
    d["train_accuracy"] = np.mean(predict(w, b, X_train) == Y_train)
    d["test_accuracy"] = 1 - np.mean(np.abs(predict(w, b, X_test) - Y_test))
    return d
""",
)

# ======================================== third batch: helpers of the learner's own
_add(
    "predict",
    "h5-own-forward-X-first",
    """
from scipy.special import expit

def forward(X, w, b):
    return expit(w.T @ X + b)

def predict(w, b, X):
    return (forward(X, w, b) >= 0.5).astype(int)
""",
)
_add(
    "predict",
    "h5-scalar-math-sigmoid",
    """
import math

def sigmoid(t):
    return 1 / (1 + math.exp(-t)) if t >= 0 else math.exp(t) / (1 + math.exp(t))

def predict(w, b, X):
    z = (w.T @ X + b).ravel()
    return np.array([[1 if sigmoid(float(t)) >= 0.5 else 0 for t in z]])
""",
)
_add(
    "predict",
    "h5-own-sigmoid-clipped",
    """
def sigmoid(z):
    return 1 / (1 + np.exp(-np.clip(z, -500, 500)))

def predict(w, b, X):
    return (sigmoid(np.dot(w.T, X) + b) >= 0.5).astype(float)
""",
)
_add(
    "predict",
    "h5-own-forward-flat",
    """
from scipy.special import expit

def forward(w, b, X):
    return expit(w.ravel() @ X + np.asarray(b).item())  # shape (M,)

def predict(w, b, X):
    A = forward(w, b, X)
    return np.array([[1 if A[i] >= 0.5 else 0 for i in range(len(A))]])
""",
)
_add(
    "model",
    "h5-own-cost-A-first",
    """
def cost(A, Y):
    with np.errstate(divide="ignore"):
        return float(np.mean(np.where(Y == 1, -np.log(A), -np.log1p(-A))))

def train(X, Y, w, b, step_size, steps):
    costs = []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(cost(A, Y))
        dw, db = bl.backward(X, Y, A)
        w, b = w - step_size * dw, b - step_size * db
    return w, b, costs

def predict(w, b, X):
    return (bl.forward(w, b, X) >= 0.5).astype(int)

def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": np.mean(predict(w, b, X_train) == Y_train),
            "test_accuracy": np.mean(predict(w, b, X_test) == Y_test)}
""",
)
_add(
    "model",
    "h5-own-backward-dict-inplace",
    """
def backward(X, Y, A):
    A -= Y  # A is this step's own array
    return {"dw": X @ A.T / X.shape[1], "db": float(np.mean(A))}

def train(X, Y, w, b, step_size, steps):
    costs = []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        grads = backward(X, Y, A)
        w = w - step_size * grads["dw"]
        b = b - step_size * grads["db"]
    return w, b, costs

def predict(w, b, X):
    return (bl.forward(w, b, X) >= 0.5) * 1

def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": np.mean(predict(w, b, X_train) == Y_train),
            "test_accuracy": np.mean(predict(w, b, X_test) == Y_test)}
""",
)
_add(
    "model",
    "h5-train-course-kw",
    """
def train(X, Y, w, b, learning_rate, num_iterations, print_cost=False):
    costs = []
    for i in range(num_iterations):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        dw, db = bl.backward(X, Y, A)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b, costs

def predict(w, b, X):
    return (bl.forward(w, b, X) >= 0.5).astype(int)

def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init,
                        learning_rate=step_size, num_iterations=steps, print_cost=False)
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": np.mean(predict(w, b, X_train) == Y_train),
            "test_accuracy": np.mean(predict(w, b, X_test) == Y_test)}
""",
)
_add(
    "precision_recall_f1",
    "h5-sklearn-cm-labels",
    """
from sklearn.metrics import confusion_matrix

def precision_recall_f1(y_true, y_pred):
    (tn, fp), (fn, tp) = confusion_matrix(y_true, y_pred, labels=[0, 1])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
""",
)
_add(
    "precision_recall_f1",
    "h5-own-cm-nested-list",
    """
def confusion_matrix(y_true, y_pred):
    return [[int(np.sum((y_true == r) & (y_pred == c))) for c in (0, 1)] for r in (0, 1)]

def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred)
    tp, fp, fn = cm[1][1], cm[0][1], cm[1][0]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
""",
)
_add(
    "precision_recall_f1",
    "h5-own-cm-kw-labels",
    """
def confusion_matrix(y_true, y_pred, labels=(0, 1)):
    return np.array([[np.sum((y_true == r) & (y_pred == c)) for c in labels] for r in labels])

def precision_recall_f1(y_true, y_pred):
    cm = confusion_matrix(y_true, y_pred, labels=(0, 1))
    tp, fp, fn = cm[1, 1], cm[0, 1], cm[1, 0]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
""",
)
_add(
    "train",
    "h5-try-except-grads",
    """
def train(X, Y, w_init, b_init, step_size, steps):
    w, b, costs, m = w_init, b_init, [], X.shape[1]
    for _ in range(steps):
        z = w.T @ X + b
        try:
            from scipy.special import expit as s
        except ImportError:
            s = lambda t: np.exp(-np.logaddexp(0, -t))
        a = s(z)
        costs.append(np.mean(np.logaddexp(0, z) - Y * z))
        w = w - step_size * X @ (a - Y).T / m
        b = b - step_size * np.mean(a - Y)
    return w, b, costs
""",
)
_add(
    "gradient_descent",
    "h5-try-except-exception",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        try:
            dw, db = g["dw"], g["db"]
        except Exception:
            dw, db = g[0], g[1]
        w, b = w - step_size * dw, b - step_size * db
    return w, b
""",
)
_add(
    "gradient_descent",
    "h5-bare-except-keyerror",
    """
def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    w, b = w_init, b_init
    for _ in range(steps):
        g = bl.backward(X, Y, bl.forward(w, b, X))
        try:
            dw = g.dw; db = g.db
        except:
            dw = g["dw"]; db = g["db"]
        w, b = w - step_size * dw, b - step_size * db
    return w, b
""",
)
_add(
    "sigmoid",
    "h5-finally-block",
    """
def sigmoid(z):
    old = np.seterr(over="ignore")
    try:
        return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))
    finally:
        np.seterr(**old)
""",
)
_add(
    "forward",
    "h5-b-via-getattr",
    """
def sigmoid(z):
    return np.exp(-np.logaddexp(0, -z))

def forward(w, b, X):
    b = getattr(b, "item", lambda: b)()
    return sigmoid(w.T @ X + b)
""",
)
_add(
    "predict",
    "h5-own-sigmoid-int",
    """
def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def predict(w, b, X):
    with np.errstate(over="ignore"):
        return (sigmoid(w.T @ X + b) >= 0.5).astype(int)
""",
)
_add(
    "model",
    "h5-predict-threshold-kw",
    """
def predict(w, b, X, threshold=0.5):
    return (bl.forward(w, b, X) >= threshold).astype(int)

def train(X, Y, w, b, step_size, steps):
    costs = []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        g = bl.backward(X, Y, A)
        w, b = w - step_size * g.dw, b - step_size * g.db
    return w, b, costs

def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    acc = lambda X, Y: float(np.mean(predict(w, b, X, threshold=0.5) == Y))
    return {"w": w, "b": b, "costs": costs, "train_accuracy": acc(X_train, Y_train),
            "test_accuracy": acc(X_test, Y_test)}
""",
)
_add(
    "predict",
    "h5-own-forward-with-cache",
    """
from scipy.special import expit

def forward(w, b, X):
    Z = w.T @ X + b
    return expit(Z), Z  # course style: the cache too

def predict(w, b, X):
    A, cache = forward(w, b, X)
    return (A >= 0.5).astype(int)
""",
)
_add(
    "precision_recall_f1",
    "h5-own-cm-tp-first",
    """
def confusion_matrix(y_true, y_pred):
    tp = np.sum((y_true == 1) & (y_pred == 1)); fn = np.sum((y_true == 1) & (y_pred == 0))
    fp = np.sum((y_true == 0) & (y_pred == 1)); tn = np.sum((y_true == 0) & (y_pred == 0))
    return np.array([[tp, fn], [fp, tn]])

def precision_recall_f1(y_true, y_pred):
    (tp, fn), (fp, tn) = confusion_matrix(y_true, y_pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
""",
)
_add(
    "train",
    "h5-own-cost-A-first",
    """
def cost(A, Y):
    with np.errstate(divide="ignore"):
        return float(np.mean(np.where(Y == 1, -np.log(A), -np.log1p(-A))))

def train(X, Y, w, b, step_size, steps):
    costs = []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(cost(A, Y))
        dw, db = bl.backward(X, Y, A)
        w, b = w - step_size * dw, b - step_size * db
    return w, b, costs
""",
)
_add(
    "train",
    "h5-own-backward-dict-inplace",
    """
def backward(X, Y, A):
    A -= Y  # A is this step's own array
    return {"dw": X @ A.T / X.shape[1], "db": float(np.mean(A))}

def train(X, Y, w, b, step_size, steps):
    costs = []
    for _ in range(steps):
        A = bl.forward(w, b, X)
        costs.append(bl.cost(Y, A))
        grads = backward(X, Y, A)
        w = w - step_size * grads["dw"]
        b = b - step_size * grads["db"]
    return w, b, costs
""",
)


#: verdicts the statements decide otherwise: id -> verdict
DECIDED = {
    # the statement: where your confusion_matrix fails its own check (this one puts
    # class 1 first), the package's runs in its place
    "precision_recall_f1-h5-own-cm-tp-first": "fail",
}


def _register() -> None:
    for exercise, expected, label, source in CELLS:
        cell(exercise, DECIDED.get(f"{exercise}-{label}", expected), label, source)


#: learners the checker judged wrongly at the time of writing:
#: id -> (exercise, expected, source, why)
_WHY = {
    "predict-h5-own-forward-X-first": "a helper of the learner's own named forward, "
    "with its own argument order (X, w, b), fails check_forward; runner.check swaps in "
    "the package's forward (CALLS['predict'] = _EARLIER), called as forward(X, w, b): "
    "ValueError. predict is right, and its statement promises no stand-in",
    "predict-h5-own-forward-flat": "own forward returns shape (M,) and predict indexes "
    "it so; the package's stand-in returns (1, M): 'truth value ... ambiguous'",
    "predict-h5-own-forward-with-cache": "own forward returns (A, Z) as the course's "
    "cache; the stand-in returns A alone: 'not enough values to unpack'",
    "model-h5-own-cost-A-first": "train (right, passes check_train) uses its own "
    "cost(A, Y); check_model swaps in the package's cost(Y, A) for it (CALLS['model'] "
    "includes _EARLIER), though the statement names only train and predict",
    "model-h5-own-backward-dict-inplace": "train (passes check_train) uses its own "
    "backward that returns a dict and changes its (private) A in place: check_backward "
    "fails it, the package's stand-in returns a Gradients tuple: grads['dw'] "
    "TypeError",
    "precision_recall_f1-h5-own-cm-tp-first": "arguable (the statement announces the "
    "stand-in): a self-consistent cm [[TP, FN], [FP, TN]] fails check_confusion_matrix, "
    "the package's stands in and the right precision_recall_f1 reads it as its own",
}
CHECKER_WRONG: dict[str, tuple[str, str, str, str]] = {
    f"{e}-{label}": (e, x, source, _WHY[f"{e}-{label}"])
    for e, x, label, source in CELLS
    if f"{e}-{label}" in _WHY
}

_register()
