"""A held-out-style set for sigmoid, forward, cost, backward and predict.

Written from the statements (docs/exercises/statements/*.md) alone, before reading the
checker's table or the rest of the corpus, as different learners would write them:
about 40 % right but unusual, 60 % wrong. Each is a notebook cell (``np`` and ``bl``
imported), labelled "pass" or "fail" (or "fail:<mistake>" where a catalogued mistake
is exactly the one made).

Every learner is registered. Three lists record how the set was used:

- :data:`OPEN`: learners whose verdict the statements did not settle, with the
  question; :data:`DECIDED` gives the verdicts now decided (the statements say so).
- :data:`FOUND_WRONG`: learners on which the checker of 2c84474 gave a wrong verdict,
  each with the cause; all are judged right now.
"""

from __future__ import annotations

from . import FLOAT_OF_A_MATRIX, HANG, cell

# (exercise, expected, label, source)
_CELLS: list[tuple[str, str, str, str]] = []


def _add(exercise: str, expected: str, label: str, source: str) -> None:
    _CELLS.append((exercise, expected, f"ho-{label}", source))


# a stable sigmoid the forward and predict learners reuse, as a notebook would
_SIG = """
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
"""

# --------------------------------------------------------------------- sigmoid
# right but unusual
_add(
    "sigmoid",
    "pass",
    "tanh-identity",
    """
def sigmoid(z):
    # sigma(z) = (1 + tanh(z/2)) / 2: tanh never overflows
    return 0.5 * (1 + np.tanh(np.asarray(z) / 2))
""",
)
_add(
    "sigmoid",
    "pass",
    "scipy-expit",
    """
from scipy.special import expit
def sigmoid(z):
    return expit(z)
""",
)
_add(
    "sigmoid",
    "pass",
    "exp-of-log-expit",
    """
from scipy.special import log_expit
def sigmoid(z):
    return np.exp(log_expit(z))
""",
)
_add(
    "sigmoid",
    "pass",
    "exp-minus-logaddexp",
    """
def sigmoid(z):
    # log sigma(z) = -log(1 + e^-z) = -logaddexp(0, -z)
    return np.exp(-np.logaddexp(0, -z))
""",
)
_add(
    "sigmoid",
    "pass",
    "z-minus-logaddexp",
    """
def sigmoid(z):
    return np.exp(z - np.logaddexp(0, z))
""",
)
_add(
    "sigmoid",
    "pass",
    "naive-with-errstate",
    """
def sigmoid(z):
    # exp(800) = inf and 1 / (1 + inf) = 0: the plain formula is right in the tails
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-z))
""",
)
_add(
    "sigmoid",
    "pass",
    "where-both-branches",
    """
def sigmoid(z):
    with np.errstate(over="ignore", invalid="ignore"):
        pos = 1 / (1 + np.exp(-z))
        neg = np.exp(z) / (1 + np.exp(z))
    return np.where(z > 0, pos, neg)
""",
)
_add(
    "sigmoid",
    "pass",
    "python-loop-math-exp",
    """
import math
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = np.empty(z.shape)
    for index, v in np.ndenumerate(z):
        if v >= 0:
            out[index] = 1 / (1 + math.exp(-v))
        else:
            e = math.exp(v)
            out[index] = e / (1 + e)
    return out
""",
)
_add(
    "sigmoid",
    "pass",
    "masked-assignment",
    """
def sigmoid(z):
    z = np.array(z, dtype=float)  # a copy
    out = np.zeros_like(z)
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1 + ez)
    return out
""",
)
_add(
    "sigmoid",
    "pass",
    "nan-to-num-repair",
    """
def sigmoid(z):
    with np.errstate(over="ignore", invalid="ignore"):
        s = np.exp(z) / (1 + np.exp(z))
    # inf / inf = nan only where z is large: there sigma is 1
    return np.where(np.isnan(s), 1.0, s)
""",
)
_add(
    "sigmoid",
    "pass",
    "reciprocal-ufunc",
    """
def sigmoid(z):
    with np.errstate(over="ignore"):
        return np.reciprocal(1.0 + np.exp(np.negative(z)))
""",
)
_add(
    "sigmoid",
    "pass",
    "copy-then-in-place",
    """
def sigmoid(z):
    out = np.array(z, dtype=float, copy=True)
    np.negative(out, out=out)
    with np.errstate(over="ignore"):
        np.exp(out, out=out)
    out += 1
    np.reciprocal(out, out=out)
    return out
""",
)
_add(
    "sigmoid",
    "pass",
    "vectorize-scalar",
    """
import math
def _s(v):
    if v < -700:
        return 0.0 if v < -745 else math.exp(v) / (1 + math.exp(v))
    return 1 / (1 + math.exp(-v))
_vs = np.vectorize(_s, otypes=[float])
def sigmoid(z):
    return _vs(z)
""",
)
_add(
    "sigmoid",
    "pass",
    "slow-but-in-time",
    """
import time
def sigmoid(z):
    time.sleep(0.02)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""",
)
_add(
    "sigmoid",
    "pass",
    "longdouble",
    """
def sigmoid(z):
    z = np.asarray(z, dtype=np.longdouble)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""",
)
_add(
    "sigmoid",
    "pass",
    "restores-input",
    """
def sigmoid(z):
    saved = z.copy()
    z *= -1  # work in place, put it back afterwards
    with np.errstate(over="ignore"):
        out = 1 / (1 + np.exp(z))
    z[...] = saved
    return out
""",
)
# wrong
_add(
    "sigmoid",
    "fail",
    "clip-30",
    """
def sigmoid(z):
    z = np.clip(z, -30, 30)  # keeps exp small, as many ML codes do
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    "sigmoid",
    "fail",
    "clip-500",
    """
def sigmoid(z):
    z = np.clip(z, -500, 500)
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    "sigmoid",
    "fail:sigmoid of -z (sign flipped)",
    "sign-flipped",
    """
def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(z))
""",
)
_add(
    "sigmoid",
    "fail",
    "one-minus-in-denominator",
    """
def sigmoid(z):
    with np.errstate(over="ignore", divide="ignore"):
        return 1 / (1 - np.exp(-z))
""",
)
_add(
    "sigmoid",
    "fail:sigmoid of -z (sign flipped)",
    "complement",
    """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    # meant sigma, wrote 1 - sigma on the positive side
    return np.where(z >= 0, e / (1 + e), 1 / (1 + e))
""",
)
_add(
    "sigmoid",
    "fail",
    "e-rounded",
    """
def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1 / (1 + 2.718 ** (-np.asarray(z, dtype=float)))
""",
)
_add(
    "sigmoid",
    "fail",
    "returns-list",
    """
import math
def sigmoid(z):
    return [1 / (1 + math.exp(-v)) if v > -700 else 0.0 for v in np.ravel(z)]
""",
)
_add(
    "sigmoid",
    "fail",
    "flattens",
    """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e)).ravel()
""",
)
_add(
    "sigmoid",
    "fail",
    "row-vector",
    """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e)).reshape(1, -1)
""",
)
_add(
    "sigmoid",
    "fail:input changed in place",
    "mutates-input",
    """
def sigmoid(z):
    z *= -1
    with np.errstate(over="ignore"):
        np.exp(z, out=z)
    z += 1
    return 1 / z
""",
)
_add(
    "sigmoid",
    "fail:input changed in place",
    "asarray-aliases-input",
    """
def sigmoid(z):
    z = np.asarray(z, dtype=float)  # the same array when z is already float
    np.negative(z, out=z)
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(z))
""",
)
_add(
    "sigmoid",
    "fail",
    "scalar-if",
    """
def sigmoid(z):
    if z >= 0:
        return 1 / (1 + np.exp(-z))
    return np.exp(z) / (1 + np.exp(z))
""",
)
_add(
    "sigmoid",
    "fail",
    "loop-first-axis",
    """
import math
def sigmoid(z):
    # one loop over the entries: right for 1-D arrays only
    out = np.empty(len(z))
    for i in range(len(z)):
        v = float(z[i])
        out[i] = 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))
    return out
""",
)
_add(
    "sigmoid",
    "fail",
    "cached-by-shape",
    """
_memo = {}
def sigmoid(z):
    if z.shape not in _memo:
        e = np.exp(-np.abs(z))
        _memo[z.shape] = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return _memo[z.shape]
""",
)
_add(
    "sigmoid",
    "fail",
    "wrong-after-second-call",
    """
_calls = [0]
def sigmoid(z):
    _calls[0] += 1
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return s if _calls[0] <= 2 else 1 - s
""",
)
_add(
    "sigmoid",
    "fail",
    "noise",
    """
_rng = np.random.default_rng()
def sigmoid(z):
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return s + _rng.normal(0, 1e-3, np.shape(z))
""",
)
_add(
    "sigmoid",
    "fail",
    "prints",
    """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    print(np.where(z >= 0, 1 / (1 + e), e / (1 + e)))
""",
)
_add(
    "sigmoid",
    "fail:a tuple returned, not one array",
    "returns-with-z",
    """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e)), z
""",
)
_add(
    "sigmoid",
    "fail",
    "generator",
    """
def sigmoid(z):
    for v in np.ravel(z):
        yield 1 / (1 + np.exp(-v))
""",
)
_add(
    "sigmoid",
    "fail:called exit()",
    "calls-exit",
    """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    if np.any(np.abs(z) > 100):
        exit("overflow")
    return s
""",
)
_add(
    "sigmoid",
    "fail",
    "asserts-2d",
    """
def sigmoid(z):
    assert z.ndim == 2, "z must be a matrix"
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""",
)
_add(
    "sigmoid",
    "fail",
    "keeps-int-dtype",
    """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    out = np.empty_like(z)  # the dtype of z: ints stay ints
    out[...] = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return out
""",
)
_add(
    "sigmoid",
    "fail:" + HANG,
    "sleeps-too-long",
    """
import time
def sigmoid(z):
    time.sleep(60)
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    "sigmoid",
    "fail",
    "mutual-recursion-on-negatives",
    """
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    if np.all(z >= 0):
        return 1 / (1 + np.exp(-z))
    # sigma(-z) = 1 - sigma(z), but the call never gets all non-negative
    return 1 - sigmoid(-z)
""",
)

# --------------------------------------------------------------------- forward
# right but unusual
_add(
    "forward",
    "pass",
    "dot-and-expit",
    """
from scipy.special import expit
def forward(w, b, X):
    return expit(np.dot(w.T, X) + b)
""",
)
_add(
    "forward",
    "pass",
    "transpose-twice",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(X.T @ w + b).T
""",
)
_add(
    "forward",
    "pass",
    "einsum",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(np.einsum("ni,nm->im", w, X) + b)
""",
)
_add(
    "forward",
    "pass",
    "broadcast-sum-keepdims",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid((w * X).sum(axis=0, keepdims=True) + b)
""",
)
_add(
    "forward",
    "pass",
    "python-loop-fsum",
    """
import math
def forward(w, b, X):
    N, M = X.shape
    bias = float(np.asarray(b).reshape(-1)[0])
    A = np.zeros((1, M))
    for m in range(M):
        z = math.fsum(w[n, 0] * X[n, m] for n in range(N)) + bias
        A[0, m] = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
    return A
""",
)
_add(
    "forward",
    "pass",
    "package-sigmoid",
    """
def forward(w, b, X):
    return bl.sigmoid(w.T @ X + b)
""",
)
_add(
    "forward",
    "pass",
    "naive-sigmoid",
    """
def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-z))
def forward(w, b, X):
    return sigmoid(np.matmul(w.T, X) + b)
""",
)
_add(
    "forward",
    "pass",
    "ravel-then-row",
    _SIG
    + """
def forward(w, b, X):
    z = w.ravel() @ X + np.squeeze(b)
    return sigmoid(z)[np.newaxis, :]
""",
)
_add(
    "forward",
    "pass",
    "tensordot",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(np.tensordot(w, X, axes=([0], [0])) + b)
""",
)
_add(
    "forward",
    "pass",
    "tanh-sigmoid",
    """
def forward(w, b, X):
    Z = w.T @ X + b
    return 0.5 * (1 + np.tanh(0.5 * Z))
""",
)
_add(
    "forward",
    "pass",
    "bias-reshaped",
    _SIG
    + """
def forward(w, b, X):
    Z = w.T @ X
    Z += np.reshape(b, (1, 1))
    return sigmoid(Z)
""",
)
_add(
    "forward",
    "pass",
    "dot-X-transposed",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(np.dot(X.T, w).T + b)
""",
)
# wrong
_add(
    "forward",
    "fail:shapes do not fit",
    "no-transpose",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(w @ X + b)
""",
)
_add(
    "forward",
    "fail",
    "column-result",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(X.T @ w + b)
""",
)
_add(
    "forward",
    "fail",
    "flat-result",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(w.T @ X + b).ravel()
""",
)
_add(
    "forward",
    "fail",
    "squeezed",
    _SIG
    + """
def forward(w, b, X):
    return np.squeeze(sigmoid(w.T @ X + b))
""",
)
_add(
    "forward",
    "fail",
    "elementwise-product",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(w * X + b)
""",
)
_add(
    "forward",
    "fail",
    "sum-without-axis",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(np.sum(w * X) + b)
""",
)
_add(
    "forward",
    "fail",
    "bias-after-sigmoid",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(w.T @ X) + b
""",
)
_add(
    "forward",
    "fail",
    "minus-bias",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(w.T @ X - b)
""",
)
_add(
    "forward",
    "fail",
    "bias-subscripted",
    _SIG
    + """
def forward(w, b, X):
    # the course keeps b as a (1, 1) array
    return sigmoid(w.T @ X + b[0][0])
""",
)
_add(
    "forward",
    "fail",
    "bias-item",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(w.T @ X + b.item())
""",
)
_add(
    "forward",
    "fail",
    "ravel-w-scalar-b",
    _SIG
    + """
def forward(w, b, X):
    # a (1, M) row only when b is a (1, 1) array
    return sigmoid(np.dot(w.ravel(), X) + b)
""",
)
_add(
    "forward",
    "fail:a tuple returned, not one array",
    "returns-A-and-Z",
    _SIG
    + """
def forward(w, b, X):
    Z = w.T @ X + b
    return sigmoid(Z), Z
""",
)
_add(
    "forward",
    "fail",
    "returns-dict",
    _SIG
    + """
def forward(w, b, X):
    Z = w.T @ X + b
    return {"A": sigmoid(Z), "Z": Z}
""",
)
_add(
    "forward",
    "fail:input changed in place",
    "centres-X-in-place",
    _SIG
    + """
def forward(w, b, X):
    X -= X.mean(axis=1, keepdims=True)
    return sigmoid(w.T @ X + b)
""",
)
_add(
    "forward",
    "fail",
    "global-data",
    _SIG
    + """
X_train = np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]])
def forward(w, b, X):
    return sigmoid(w.T @ X_train + b)
""",
)
_add(
    "forward",
    "fail",
    "clips-probabilities",
    _SIG
    + """
def forward(w, b, X):
    return np.clip(sigmoid(w.T @ X + b), 1e-3, 1 - 1e-3)
""",
)
_add(
    "forward",
    "fail",
    "drops-first-sample",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(w.T @ X[:, 1:] + b)
""",
)
_add(
    "forward",
    "fail",
    "weights-reversed",
    _SIG
    + """
def forward(w, b, X):
    return sigmoid(w[::-1].T @ X + b)
""",
)
_add(
    "forward",
    "fail",
    "returns-complement",
    _SIG
    + """
def forward(w, b, X):
    return 1 - sigmoid(w.T @ X + b)
""",
)
_add(
    "forward",
    "fail:sigmoid NaN at large z",
    "nan-sigmoid",
    """
def sigmoid(z):
    return np.exp(z) / (1 + np.exp(z))
def forward(w, b, X):
    return sigmoid(w.T @ X + b)
""",
)
_add(
    "forward",
    "fail",
    "rounded",
    _SIG
    + """
def forward(w, b, X):
    return np.round(sigmoid(w.T @ X + b), 3)
""",
)
_add(
    "forward",
    "fail",
    "assert-float-bias",
    _SIG
    + """
def forward(w, b, X):
    assert isinstance(b, (int, float)), "b must be a number"
    return sigmoid(w.T @ X + b)
""",
)
_add(
    "forward",
    "fail",
    "cached-by-shape",
    _SIG
    + """
_cache = {}
def forward(w, b, X):
    key = X.shape
    if key not in _cache:
        _cache[key] = sigmoid(w.T @ X + b)
    return _cache[key]
""",
)

# ------------------------------------------------------------------------ cost
# right but unusual
_add(
    "cost",
    "pass",
    "where-log",
    """
def cost(Y, A):
    with np.errstate(divide="ignore"):
        loss = np.where(Y == 1, -np.log(A), -np.log(1 - A))
    return loss.mean()
""",
)
_add(
    "cost",
    "pass",
    "xlogy",
    """
from scipy.special import xlogy
def cost(Y, A):
    return -np.mean(xlogy(Y, A) + xlogy(1 - Y, 1 - A))
""",
)
_add(
    "cost",
    "pass",
    "fsum-loop",
    """
import math
def cost(Y, A):
    M = Y.shape[1]
    losses = []
    for y, a in zip(Y[0], A[0]):
        losses.append(-math.log(a) if y == 1 else -math.log(1 - a))
    return math.fsum(losses) / M
""",
)
_add(
    "cost",
    "pass",
    "log1p",
    """
def cost(Y, A):
    with np.errstate(divide="ignore"):
        loss = -np.where(Y == 1, np.log(A), np.log1p(-A))
    return float(np.mean(loss))
""",
)
_add(
    "cost",
    "pass",
    "probability-of-own-label",
    """
def cost(Y, A):
    p = Y * A + (1 - Y) * (1 - A)
    return -np.mean(np.log(p))
""",
)
_add(
    "cost",
    "pass",
    "abs-trick",
    """
def cost(Y, A):
    return -np.mean(np.log(np.abs(1 - Y - A)))
""",
)
_add(
    "cost",
    "pass",
    "nansum-over-M",
    """
def cost(Y, A):
    M = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = Y * np.log(A) + (1 - Y) * np.log(1 - A)
    return -np.nansum(terms) / M
""",
)
_add(
    "cost",
    "pass",
    "skip-saturated",
    """
def cost(Y, A):
    M = Y.shape[1]
    total = 0.0
    for m in range(M):
        y, a = Y[0, m], A[0, m]
        if a == y:  # classified perfectly: loss 0
            continue
        total -= y * np.log(a) + (1 - y) * np.log(1 - a)
    return total / M
""",
)
_add(
    "cost",
    "pass",
    "boolean-indexing",
    """
def cost(Y, A):
    M = Y.size
    pos = Y == 1
    return -(np.log(A[pos]).sum() + np.log(1 - A[~pos]).sum()) / M
""",
)
_add(
    "cost",
    "pass",
    "zero-d-array",
    """
def cost(Y, A):
    p = np.where(Y == 1, A, 1 - A)
    return np.array(-np.log(p).mean())
""",
)
_add(
    "cost",
    "pass",
    "dot-squeezed-safe",
    """
def cost(Y, A):
    M = Y.shape[1]
    with np.errstate(divide="ignore"):
        la = np.where(Y == 1, np.log(A), 0.0)
        lb = np.where(Y == 0, np.log(1 - A), 0.0)
    J = -(np.dot(Y, la.T) + np.dot(1 - Y, lb.T)) / M
    return np.squeeze(J)
""",
)
_add(
    "cost",
    "pass",
    "average",
    """
def cost(Y, A):
    return float(np.average(-np.log(np.where(Y > 0.5, A, 1 - A))))
""",
)
# wrong
_add(
    "cost",
    "fail:cost NaN at a = 0 or 1",
    "course-dot-formula",
    """
def cost(Y, A):
    M = Y.shape[1]
    return float(np.squeeze(-(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / M))
""",
)
_add(
    "cost",
    "fail",
    "nanmean",
    """
def cost(Y, A):
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = Y * np.log(A) + (1 - Y) * np.log(1 - A)
    return -np.nanmean(terms)
""",
)
_add(
    "cost",
    "fail",
    "skip-saturated-shrinks-M",
    """
def cost(Y, A):
    losses = [
        -(y * np.log(a) + (1 - y) * np.log(1 - a))
        for y, a in zip(Y[0], A[0])
        if a != y
    ]
    return sum(losses) / len(losses)
""",
)
_add(
    "cost",
    "fail",
    "clip-1e-3",
    """
def cost(Y, A):
    A = np.clip(A, 1e-3, 1 - 1e-3)
    return float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
""",
)
_add(
    "cost",
    "fail:input changed in place",
    "clip-in-place",
    """
def cost(Y, A):
    np.clip(A, 1e-12, 1 - 1e-12, out=A)
    return float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
""",
)
_add(
    "cost",
    "fail:input changed in place",
    "patches-zeros-in-place",
    """
def cost(Y, A):
    A[A == 0] = 1e-300
    A[A == 1] = 1 - 1e-16
    p = np.where(Y == 1, A, 1 - A)
    return float(-np.mean(np.log(p)))
""",
)
_add(
    "cost",
    "fail",
    "keepdims",
    """
def cost(Y, A):
    p = np.where(Y == 1, A, 1 - A)
    return -np.mean(np.log(p), axis=1, keepdims=True)
""",
)
_add(
    "cost",
    "fail",
    "mean-axis-1",
    """
def cost(Y, A):
    p = np.where(Y == 1, A, 1 - A)
    return -np.mean(np.log(p), axis=1)
""",
)
_add(
    "cost",
    "fail",
    "per-sample-losses",
    """
def cost(Y, A):
    p = np.where(Y == 1, A, 1 - A)
    return -np.log(p)
""",
)
_add(
    "cost",
    "fail:cost summed instead of averaged",
    "len-is-one",
    """
def cost(Y, A):
    p = np.where(Y == 1, A, 1 - A)
    return float(-np.sum(np.log(p)) / len(Y))
""",
)
_add(
    "cost",
    "fail",
    "divides-by-M-minus-1",
    """
def cost(Y, A):
    M = Y.shape[1]
    p = np.where(Y == 1, A, 1 - A)
    return float(-np.sum(np.log(p)) / (M - 1))
""",
)
_add(
    "cost",
    "fail:cost with log base 10",
    "log10",
    """
def cost(Y, A):
    p = np.where(Y == 1, A, 1 - A)
    return float(-np.mean(np.log10(p)))
""",
)
_add(
    "cost",
    "fail:cost with log base 2",
    "log2",
    """
def cost(Y, A):
    p = np.where(Y == 1, A, 1 - A)
    return float(-np.mean(np.log2(p)))
""",
)
_add(
    "cost",
    "fail",
    "outer-broadcast",
    """
def cost(Y, A):
    M = Y.shape[1]
    with np.errstate(divide="ignore"):
        la = np.where(A > 0, np.log(np.where(A > 0, A, 1)), 0.0)
        lb = np.where(A < 1, np.log(np.where(A < 1, 1 - A, 1)), 0.0)
    # Y.T (M, 1) times a (1, M) row: an (M, M) matrix
    return float(-np.sum(Y.T * la + (1 - Y).T * lb) / M)
""",
)
_add(
    "cost",
    "fail:arguments in the wrong order",
    "swapped-parameters",
    """
def cost(A, Y):
    p = np.where(Y == 1, A, 1 - A)
    return float(-np.mean(np.log(p)))
""",
)
_add(
    "cost",
    "fail",
    "mse",
    """
def cost(Y, A):
    return float(np.mean((A - Y) ** 2))
""",
)
_add(
    "cost",
    "fail",
    "returns-string",
    """
def cost(Y, A):
    p = np.where(Y == 1, A, 1 - A)
    return f"{-np.mean(np.log(p)):.6f}"
""",
)
_add(
    "cost",
    "fail",
    "returns-list",
    """
def cost(Y, A):
    p = np.where(Y == 1, A, 1 - A)
    return [float(-np.mean(np.log(p)))]
""",
)
_add(
    "cost",
    "fail",
    "first-call-cached",
    """
_J = []
def cost(Y, A):
    if not _J:
        _J.append(float(-np.mean(np.log(np.where(Y == 1, A, 1 - A)))))
    return _J[0]
""",
)
_add(
    "cost",
    "fail:cost missing its minus sign",
    "no-minus",
    """
def cost(Y, A):
    return float(np.mean(np.log(np.where(Y == 1, A, 1 - A))))
""",
)
_add(
    "cost",
    "fail:shapes do not fit",
    "dot-shape-error",
    """
def cost(Y, A):
    M = Y.shape[1]
    return -(np.dot(Y, np.log(A)) + np.dot(1 - Y, np.log(1 - A))) / M
""",
)
_add(
    "cost",
    "fail:the loss's two terms swapped",
    "labels-swapped-in-where",
    """
def cost(Y, A):
    return float(-np.mean(np.log(np.where(Y == 0, A, 1 - A))))
""",
)

# -------------------------------------------------------------------- backward
# right but unusual
_add(
    "backward",
    "pass",
    "einsum",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return np.einsum("nm,km->nk", X, dZ) / M, float(dZ.mean())
""",
)
_add(
    "backward",
    "pass",
    "broadcast-mean-keepdims",
    """
def backward(X, Y, A):
    dZ = A - Y
    return (X * dZ).mean(axis=1, keepdims=True), dZ.mean()
""",
)
_add(
    "backward",
    "pass",
    "db-as-1x1",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return X @ dZ.T / M, np.sum(dZ, axis=1, keepdims=True) / M
""",
)
_add(
    "backward",
    "pass",
    "sample-loop",
    """
def backward(X, Y, A):
    N, M = X.shape
    dw = np.zeros((N, 1))
    db = 0.0
    for m in range(M):
        dz = A[0, m] - Y[0, m]
        dw += X[:, m:m + 1] * dz
        db += dz
    return dw / M, db / M
""",
)
_add(
    "backward",
    "pass",
    "fsum-db",
    """
import math
def backward(X, Y, A):
    M = Y.size
    dZ = A - Y
    return np.dot(X, dZ.T) / M, math.fsum(dZ.ravel()) / M
""",
)
_add(
    "backward",
    "pass",
    "dot-transposed-back",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return np.dot(dZ, X.T).T / M, np.sum(dZ) / M
""",
)
_add(
    "backward",
    "pass",
    "namedtuple",
    """
from collections import namedtuple
Gradients = namedtuple("Gradients", "dw db")
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return Gradients(X @ dZ.T / M, float(np.sum(dZ) / M))
""",
)
_add(
    "backward",
    "pass",
    "mean-reshape",
    """
def backward(X, Y, A):
    dZ = A - Y
    return np.mean(X * dZ, axis=1).reshape(-1, 1), np.mean(dZ)
""",
)
_add(
    "backward",
    "pass",
    "restores-A",
    """
def backward(X, Y, A):
    saved = A.copy()
    A -= Y  # borrow A's memory for dZ
    M = X.shape[1]
    dw, db = X @ A.T / M, float(A.sum() / M)
    A[...] = saved
    return dw, db
""",
)
# wrong
_add(
    "backward",
    "fail",
    "chain-rule-nan-to-num",
    """
def backward(X, Y, A):
    M = X.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        dA = -(Y / A) + (1 - Y) / (1 - A)
        dZ = np.nan_to_num(dA * A * (1 - A), nan=0.0)
    return X @ dZ.T / M, float(np.sum(dZ) / M)
""",
)
_add(
    "backward",
    "fail:input changed in place",
    "subtracts-in-place",
    """
def backward(X, Y, A):
    M = X.shape[1]
    A -= Y
    return X @ A.T / M, float(A.sum() / M)
""",
)
_add(
    "backward",
    "fail:input changed in place",
    "alias-then-subtract",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A
    dZ -= Y
    return X @ dZ.T / M, float(np.sum(dZ) / M)
""",
)
_add(
    "backward",
    "fail:input changed in place",
    "subtract-add-back",
    """
def backward(X, Y, A):
    # A - Y + Y is not always A in floating point
    M = X.shape[1]
    A -= Y
    dw, db = X @ A.T / M, float(A.sum() / M)
    A += Y
    return dw, db
""",
)
_add(
    "backward",
    "fail:input changed in place",
    "scales-X-in-place",
    """
def backward(X, Y, A):
    M = X.shape[1]
    X /= M
    return X @ (A - Y).T, float(np.mean(A - Y))
""",
)
_add(
    "backward",
    "fail",
    "M-from-rows",
    """
def backward(X, Y, A):
    M = X.shape[0]
    dZ = A - Y
    return X @ dZ.T / M, float(np.sum(dZ) / M)
""",
)
_add(
    "backward",
    "fail",
    "M-is-len",
    """
def backward(X, Y, A):
    M = len(X)
    dZ = A - Y
    return X @ dZ.T / M, float(np.sum(dZ) / M)
""",
)
_add(
    "backward",
    "fail:dw without 1/M",
    "M-from-A-rows",
    """
def backward(X, Y, A):
    M = A.shape[0]
    dZ = A - Y
    return X @ dZ.T / M, float(np.sum(dZ) / M)
""",
)
_add(
    "backward",
    "fail",
    "db-axis-1",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return X @ dZ.T / M, np.sum(dZ, axis=1) / M
""",
)
_add(
    "backward",
    "fail",
    "db-axis-0",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return X @ dZ.T / M, np.sum(dZ, axis=0) / M
""",
)
_add(
    "backward",
    "fail",
    "dw-row",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return dZ @ X.T / M, float(np.sum(dZ) / M)
""",
)
_add(
    "backward",
    "fail",
    "dw-flat",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return X @ dZ.ravel() / M, float(np.sum(dZ) / M)
""",
)
_add(
    "backward",
    "fail:results in the wrong order",
    "order-swapped",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return float(np.sum(dZ) / M), X @ dZ.T / M
""",
)
_add(
    "backward",
    "fail",
    "grads-dict",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return {"dw": X @ dZ.T / M, "db": float(np.sum(dZ) / M)}
""",
)
_add(
    "backward",
    "fail",
    "grads-and-cost",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    with np.errstate(divide="ignore"):
        J = float(-np.mean(np.log(np.where(Y == 1, A, 1 - A))))
    return (X @ dZ.T / M, float(np.sum(dZ) / M)), J
""",
)
_add(
    "backward",
    "fail",
    "object-with-attributes",
    """
class Grads:
    def __init__(self, dw, db):
        self.dw, self.db = dw, db
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return Grads(X @ dZ.T / M, float(np.sum(dZ) / M))
""",
)
_add(
    "backward",
    "fail",
    "three-values",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return X @ dZ.T / M, float(np.sum(dZ) / M), dZ
""",
)
_add(
    "backward",
    "fail",
    "loop-skips-first",
    """
def backward(X, Y, A):
    N, M = X.shape
    dw, db = np.zeros((N, 1)), 0.0
    for m in range(1, M):
        dz = A[0, m] - Y[0, m]
        dw += X[:, [m]] * dz
        db += dz
    return dw / M, db / M
""",
)
_add(
    "backward",
    "fail",
    "loop-skips-last",
    """
def backward(X, Y, A):
    N, M = X.shape
    dw, db = np.zeros((N, 1)), 0.0
    for m in range(M - 1):
        dz = A[0, m] - Y[0, m]
        dw += X[:, [m]] * dz
        db += dz
    return dw / M, db / M
""",
)
_add(
    "backward",
    "fail:db summed instead of averaged",
    "db-not-averaged",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return X @ dZ.T / M, float(np.sum(dZ))
""",
)
_add(
    "backward",
    "fail",
    "db-rounded",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return X @ dZ.T / M, round(float(np.sum(dZ) / M), 3)
""",
)
_add(
    "backward",
    "fail",
    "dw-reversed",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return (dZ @ X.T).reshape(-1, 1)[::-1] / M, float(np.sum(dZ) / M)
""",
)

# --------------------------------------------------------------------- predict
# right but unusual
_add(
    "predict",
    "pass",
    "threshold-on-z",
    """
def predict(w, b, X):
    # sigma(z) >= 0.5 exactly when z >= 0
    return (w.T @ X + b >= 0).astype(int)
""",
)
_add(
    "predict",
    "pass",
    "heaviside",
    """
def predict(w, b, X):
    return np.heaviside(w.T @ X + b, 1.0)
""",
)
_add(
    "predict",
    "pass",
    "booleans",
    _SIG
    + """
def predict(w, b, X):
    return sigmoid(w.T @ X + b) >= 0.5
""",
)
_add(
    "predict",
    "pass",
    "sample-loop",
    _SIG
    + """
def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    Y_pred = np.zeros((1, X.shape[1]))
    for i in range(A.shape[1]):
        Y_pred[0, i] = 1 if A[0, i] >= 0.5 else 0
    return Y_pred
""",
)
_add(
    "predict",
    "pass",
    "overwrite-own-A",
    _SIG
    + """
def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    A[A >= 0.5] = 1
    A[A < 0.5] = 0
    return A
""",
)
_add(
    "predict",
    "pass",
    "package-labels",
    """
def predict(w, b, X):
    return bl.predict_labels(bl.sigmoid(w.T @ X + b))
""",
)
_add(
    "predict",
    "pass",
    "int8-where",
    _SIG
    + """
def predict(w, b, X):
    return np.where(sigmoid(w.T @ X + b) >= 0.5, 1, 0).astype(np.int8)
""",
)
_add(
    "predict",
    "pass",
    "naive-sigmoid",
    """
def predict(w, b, X):
    with np.errstate(over="ignore"):
        A = 1 / (1 + np.exp(-(w.T @ X + b)))
    return (A >= 0.5) * 1
""",
)
_add(
    "predict",
    "pass",
    "floor-plus-half",
    _SIG
    + """
def predict(w, b, X):
    return np.floor(sigmoid(w.T @ X + b) + 0.5)
""",
)
# wrong
_add(
    "predict",
    "fail:labels 0 at a = 0.5 (> instead of ≥)",
    "round-half-even",
    _SIG
    + """
def predict(w, b, X):
    return np.round(sigmoid(w.T @ X + b))
""",
)
_add(
    "predict",
    "fail:labels 0 at a = 0.5 (> instead of ≥)",
    "python-round",
    _SIG
    + """
def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    return np.array([[round(a) for a in A[0]]])
""",
)
_add(
    "predict",
    "fail",
    "sign-half",
    """
def predict(w, b, X):
    return (np.sign(w.T @ X + b) + 1) / 2
""",
)
_add(
    "predict",
    "fail:sigmoid NaN at large z",
    "nan-sigmoid",
    """
def predict(w, b, X):
    Z = w.T @ X + b
    with np.errstate(over="ignore", invalid="ignore"):
        A = np.exp(Z) / (1 + np.exp(Z))
    return (A >= 0.5).astype(int)
""",
)
_add(
    "predict",
    "fail",
    "flat",
    _SIG
    + """
def predict(w, b, X):
    return (sigmoid(w.T @ X + b) >= 0.5).astype(int).ravel()
""",
)
_add(
    "predict",
    "fail",
    "list",
    _SIG
    + """
def predict(w, b, X):
    return [int(a >= 0.5) for a in sigmoid(w.T @ X + b)[0]]
""",
)
_add(
    "predict",
    "fail",
    "returns-A-too",
    _SIG
    + """
def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    return (A >= 0.5).astype(int), A
""",
)
_add(
    "predict",
    "fail:probabilities returned, not labels",
    "probabilities",
    _SIG
    + """
def predict(w, b, X):
    return sigmoid(w.T @ X + b)
""",
)
_add(
    "predict",
    "fail:threshold on the logits",
    "threshold-z-at-half",
    """
def predict(w, b, X):
    return (w.T @ X + b >= 0.5).astype(int)
""",
)
_add(
    "predict",
    "fail",
    "minus-one-labels",
    _SIG
    + """
def predict(w, b, X):
    return np.where(sigmoid(w.T @ X + b) >= 0.5, 1, -1)
""",
)
_add(
    "predict",
    "fail:labels flipped",
    "inverted",
    _SIG
    + """
def predict(w, b, X):
    return (sigmoid(w.T @ X + b) < 0.5).astype(int)
""",
)
_add(
    "predict",
    "fail:labels 0 at a = 0.5 (> instead of ≥)",
    "strict-loop",
    _SIG
    + """
def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    Y_pred = np.zeros((1, X.shape[1]))
    for i in range(A.shape[1]):
        if A[0, i] > 0.5:
            Y_pred[0, i] = 1
    return Y_pred
""",
)
_add(
    "predict",
    "fail",
    "leaves-half",
    _SIG
    + """
def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    A = np.where(A < 0.5, 0, A)
    A = np.where(A > 0.5, 1, A)
    return A
""",
)
_add(
    "predict",
    "fail",
    "column",
    _SIG
    + """
def predict(w, b, X):
    return (sigmoid(X.T @ w + b) >= 0.5).astype(int)
""",
)
_add(
    "predict",
    "fail",
    "bias-subscripted",
    _SIG
    + """
def predict(w, b, X):
    return (sigmoid(w.T @ X + b[0, 0]) >= 0.5).astype(int)
""",
)
_add(
    "predict",
    "fail:input changed in place",
    "normalises-X-in-place",
    _SIG
    + """
def predict(w, b, X):
    X /= np.abs(X).max()
    return (sigmoid(w.T @ X + b) >= 0.5).astype(int)
""",
)
_add(
    "predict",
    "fail",
    "prints",
    _SIG
    + """
def predict(w, b, X):
    print((sigmoid(w.T @ X + b) >= 0.5).astype(int))
""",
)
_add(
    "predict",
    "fail",
    "float32-probabilities",
    """
def predict(w, b, X):
    Z = (w.T @ X + b).astype(np.float32)
    e = np.exp(-np.abs(Z))
    A = np.where(Z >= 0, 1 / (1 + e), e / (1 + e))
    return (A >= np.float32(0.5)).astype(int)
""",
)


# ------------------------------------------------- added after the first run
# (written to probe what the first run showed: the inputs' shapes and dtypes,
# the tolerance, and the package's functions put in place of the learner's)
_add(
    "sigmoid",
    "fail",
    "clip-35",
    """
def sigmoid(z):
    # exp(35) is far from overflow, and sigma(35) is 1 to 15 digits
    z = np.clip(z, -35, 35)
    return 1 / (1 + np.exp(-z))
""",
)
_add(
    "sigmoid",
    "fail",
    "slice-assign",
    """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    out = np.empty(np.shape(z))
    out[:] = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # no [:] on a 0-d array
    return out
""",
)
_add(
    "sigmoid",
    "fail",
    "vector-or-matrix",
    """
import math
def _s(v):
    return 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))
def sigmoid(z):
    out = np.zeros(z.shape)
    if z.ndim == 1:
        for i in range(z.shape[0]):
            out[i] = _s(z[i])
    else:  # a matrix
        for i in range(z.shape[0]):
            for j in range(z.shape[1]):
                out[i, j] = _s(z[i, j])
    return out
""",
)
_add(
    "sigmoid",
    "fail",
    "zeros-like",
    """
def sigmoid(z):
    out = np.zeros_like(z)  # an int z gives int zeros
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1 + e)
    return out
""",
)
_add(
    "predict",
    "fail",
    "cached-by-shape",
    _SIG
    + """
_seen = {}
def predict(w, b, X):
    if X.shape not in _seen:
        _seen[X.shape] = (sigmoid(w.T @ X + b) >= 0.5).astype(int)
    return _seen[X.shape]
""",
)
_add(
    "predict",
    "pass",
    "own-forward-returns-cache",
    _SIG
    + """
def forward(w, b, X):
    Z = w.T @ X + b
    return sigmoid(Z), Z  # week 2's (A, cache)
def predict(w, b, X):
    A, _ = forward(w, b, X)
    return (A >= 0.5).astype(int)
""",
)
_add(
    "predict",
    "pass",
    "own-sigmoid-with-flag",
    """
def sigmoid(z, derivative=False):
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return s * (1 - s) if derivative else s
def predict(w, b, X):
    return (sigmoid(w.T @ X + b, derivative=False) >= 0.5).astype(int)
""",
)
_add(
    "predict",
    "pass",
    "own-forward-X-first",
    _SIG
    + """
def forward(X, w, b):  # a helper of this notebook, data first
    return sigmoid(w.T @ X + b)
def predict(w, b, X):
    return (forward(X, w, b) >= 0.5).astype(int)
""",
)
_add(
    "predict",
    "fail",
    "own-sigmoid-flipped",
    """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1 + e), 1 / (1 + e))  # 1 - sigma
def predict(w, b, X):
    return (sigmoid(w.T @ X + b) >= 0.5).astype(int)
""",
)
_add(
    "sigmoid",
    "fail:computed in float32 or float16",
    "float32",
    """
def sigmoid(z):
    z = np.asarray(z, dtype=np.float32)  # half the memory
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""",
)
_add(
    "forward",
    "fail:computed in float32 or float16",
    "float32",
    _SIG
    + """
def forward(w, b, X):
    Z = w.T.astype(np.float32) @ X.astype(np.float32) + np.float32(np.squeeze(b))
    return sigmoid(Z).astype(np.float32)
""",
)
_add(
    "backward",
    "fail:computed in float32 or float16",
    "float32",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = (A - Y).astype(np.float32)
    return X.astype(np.float32) @ dZ.T / M, np.float32(np.sum(dZ) / M)
""",
)
_add(
    "cost",
    "pass",
    "via-logits",
    """
def cost(Y, A):
    # back to the logits, then the stable loss of cost_from_logits
    with np.errstate(divide="ignore"):
        Z = np.log(A) - np.log1p(-A)
    return float(np.mean(np.where(Y == 1, np.logaddexp(0, -Z), np.logaddexp(0, Z))))
""",
)
_add(
    "predict",
    "pass",
    "float16-labels",
    _SIG
    + """
def predict(w, b, X):
    return (sigmoid(w.T @ X + b) >= 0.5).astype(np.float16)
""",
)
_add(
    "sigmoid",
    "fail",
    "e-to-5-digits",
    """
def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1 / (1 + 2.71828 ** (-np.asarray(z, dtype=float)))
""",
)

# ------------------------------------------ callables that are not plain functions
_add(
    "sigmoid",
    "pass",
    "is-scipy-ufunc",
    """
from scipy.special import expit as sigmoid
""",
)
_add(
    "sigmoid",
    "pass",
    "callable-object",
    """
class Sigmoid:
    def __call__(self, z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
sigmoid = Sigmoid()
""",
)
_add(
    "forward",
    "pass",
    "partial",
    """
import functools
from scipy.special import expit
def layer(w, b, X, activation):
    return activation(w.T @ X + b)
forward = functools.partial(layer, activation=expit)
""",
)
_add(
    "cost",
    "pass",
    "sklearn-log-loss",
    """
from sklearn.metrics import log_loss
def cost(Y, A):
    return log_loss(Y.ravel(), A.ravel(), labels=[0, 1])
""",
)
_add(
    "cost",
    "fail",
    "sklearn-log-loss-one-class",
    """
from sklearn.metrics import log_loss
def cost(Y, A):
    # raises where every label is the same: 'provide the labels'
    return log_loss(Y.ravel(), A.ravel())
""",
)
_add(
    "cost",
    "fail",
    "trailing-comma",
    """
def cost(Y, A):
    J = float(np.mean(-np.log(np.where(Y == 1, A, 1 - A))))
    return J,
""",
)
_add(
    "sigmoid",
    "fail",
    "trailing-comma",
    """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e)),
""",
)
_add(
    "backward",
    "fail",
    "dict-values",
    """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    grads = {"dw": X @ dZ.T / M, "db": float(np.sum(dZ) / M)}
    return grads.values()
""",
)
_add(
    "sigmoid",
    "fail:" + HANG,
    "loop-in-narrow-try",
    """
def sigmoid(z):
    s = np.zeros(np.shape(z))
    try:
        while not np.all(s > 0):  # never: sigma(-800) is 0
            e = np.exp(-np.abs(z))
            s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    except ValueError:
        pass
    return s
""",
)

#: learners whose verdict the statement does not settle: (exercise, source, note)
#: learners whose verdict the statements left open: id -> (exercise, source, question)
OPEN: dict[str, tuple[str, str, str]] = {
    "sigmoid-python-float-for-0d": (
        "sigmoid",
        """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return float(s) if np.ndim(z) == 0 else s
""",
        "is a Python float 'a NumPy array of the shape ()'? a NumPy scalar must be, "
        "as every ufunc returns one for a 0-d array",
    ),
    "cost-clip-1e-15": (
        "cost",
        """
def cost(Y, A):
    A = np.clip(A, 1e-15, 1 - 1e-15)
    return float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
""",
        "right to 1e-15 on saturated samples of their own label; differs only for a "
        "probability < 1e-15 on the wrong side (sigma(-35)), which the statement "
        "neither allows nor excludes",
    ),
    "cost-float32-result": (
        "cost",
        """
def cost(Y, A):
    return np.float32(-np.mean(np.log(np.where(Y == 1, A, 1 - A))))
""",
        "a NumPy number, as the statement allows, but with 7 digits",
    ),
    "cost-bool-labels": (
        "cost",
        """
def cost(Y, A):
    return -np.mean(np.log(Y * A + (1 - Y) * (1 - A)))
""",
        "right for labels 0 and 1 of an int or float dtype; raises on boolean labels "
        "(NumPy has no 1 - bool): may Y be boolean? the statement says 'the labels'",
    ),
    "sigmoid-frompyfunc": (
        "sigmoid",
        """
import math
_f = np.frompyfunc(lambda v: 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v)), 1, 1)
def sigmoid(z):
    return _f(z)
""",
        "right values and shape, but an array of dtype object: the statement fixes no dtype",
    ),
    "forward-float-of-b": (
        "forward",
        """
def forward(w, b, X):
    return bl.sigmoid(w.T @ X + float(b))
""",
        "float() of a (1, 1) b: right with NumPy 1.24 (the lowest session; a "
        "DeprecationWarning from 1.25), a TypeError with NumPy 2.4, which the checker "
        "names 'math module on an array' although no math function is used",
    ),
    "forward-np-matrix": (
        "forward",
        """
def forward(w, b, X):
    Z = np.asmatrix(w).T * np.asmatrix(X) + b
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-Z))
""",
        "an np.matrix of shape (1, M) (an ndarray subclass) with the right values: "
        "is it 'a NumPy array'? the checker says no",
    ),
    "backward-list": (
        "backward",
        """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return [X @ dZ.T / M, float(np.sum(dZ) / M)]
""",
        "the statement says 'a tuple (dw, db)'; a list unpacks the same",
    ),
    "backward-db-0d-array": (
        "backward",
        """
def backward(X, Y, A):
    M = X.shape[1]
    dZ = A - Y
    return X @ dZ.T / M, np.array(np.sum(dZ) / M)
""",
        "db 'a number (or an array of shape (1, 1))': is an array of shape () a number? "
        "(the cost statement says so explicitly, this one does not)",
    ),
    "predict-tiny-negative-z": (
        "predict",
        """
def predict(w, b, X):
    return (w.T @ X + b >= 0).astype(int)
""",
        "for -1.1e-16 < z < 0, sigma(z) rounds to exactly 0.5 and the reference labels 1; "
        "the statement says both 'a >= 0.5' and 'the boundary z = 0'. Registered as pass "
        "(threshold-on-z) on the assumption that no case has such a z",
    ),
}

#: the verdicts of the open learners, decided (the statements now say so): id -> verdict
DECIDED: dict[str, str] = {
    "sigmoid-python-float-for-0d": "pass",  # a number of shape (), as NumPy gives
    "cost-clip-1e-15": "pass",  # within the cost's tolerance on every allowed input
    "cost-float32-result": "pass",  # within the cost's rtol 1e-6, with a note
    "cost-bool-labels": "pass",  # labels are floats or integers, as in the course
    "sigmoid-frompyfunc": "pass",  # numbers, in an array of dtype object
    "forward-float-of-b": "fail:float() of a b of shape (1, 1)",
    "forward-np-matrix": "fail",  # an np.matrix is not the array asked for
    "backward-list": "pass",
    "backward-db-0d-array": "pass",
    "predict-tiny-negative-z": "pass",  # no z between -1.1e-16 and 0 is fed
    # predict's statement names no earlier function: its helpers are part of it,
    # judged as written (model and precision_recall_f1 name theirs, and only those
    # stand in where they fail their own checks)
    "predict-ho-own-sigmoid-flipped": "fail",  # its labels, as written, are flipped
    "predict-ho-own-forward-returns-cache": "pass",  # right with its own forward
    "predict-ho-own-forward-X-first": "pass",  # right with its own forward
    "backward-ho-grads-dict": "pass",  # the statement allows the course's dict
}

#: learners the checker of 2c84474 judged wrongly, each now judged right: id -> why
FOUND_WRONG: dict[str, str] = {
    # false passes
    "sigmoid-ho-clip-500": "sigma(-800) = 7.1e-218, not 0 'to the last digit' as the "
    "statement asks: the sigmoid's atol 1e-15 hides it",
    "sigmoid-ho-clip-35": "sigma(-800) = 6.3e-16 and sigma(800) = 1 - 6.3e-16: "
    "within atol 1e-15 and rtol 1e-9",
    "sigmoid-ho-cached-by-shape": "no two inputs of check_sigmoid have the same shape",
    "forward-ho-cached-by-shape": "no two inputs of check_forward have the same shapes",
    "predict-ho-cached-by-shape": "no two inputs of check_predict have the same shapes",
    "sigmoid-ho-keeps-int-dtype": "no integer z (the statement: 'a NumPy array z')",
    "sigmoid-ho-zeros-like": "no integer z (the statement: 'a NumPy array z')",
    "sigmoid-ho-slice-assign": "no z of shape () (the statement: 'of any shape')",
    "sigmoid-ho-vector-or-matrix": "no z of 3 dimensions (the statement: 'of any shape')",
    "backward-ho-grads-dict": "the statement asks for 'a tuple (dw, db)'; the checker "
    "reads a mapping (reading._items)",
    "backward-ho-object-with-attributes": "the statement asks for 'a tuple (dw, db)'; "
    "the checker reads attributes dw and db (reading._items)",
    "predict-ho-float32-probabilities": "no z with -6e-8 < z < 0, where float32 rounds "
    "sigma(z) to 0.5 (label 1; ours 0)",
    "predict-ho-own-sigmoid-flipped": "the function's labels are all flipped; the checker "
    "runs it with the package's sigmoid in place of the learner's (runner.check)",
    # false fails: the package's function in place of a helper of the same name
    "predict-ho-own-forward-returns-cache": "binary_logreg.forward returns A alone, the "
    "learner's helper (A, Z)",
    "predict-ho-own-sigmoid-with-flag": "binary_logreg.sigmoid takes no 'derivative'",
    "predict-ho-own-forward-X-first": "binary_logreg.forward takes (w, b, X), the "
    "learner's helper (X, w, b); the verdict even says 'called as predict(b, X, w)'",
}

#: learners whose verdict came with a misleading message at 2c84474: id -> what misled
#: (each now has a message that says what happened, or a plain one)
MISLEADING: dict[str, str] = {
    "forward-ho-column-result": "X.T @ w, a column: 'arguments in the wrong order ... its "
    "def line must take them in the statement's order' although the def line is "
    "forward(w, b, X)",
    "predict-ho-column": "the same: 'called as predict(X, b, w)'",
    "cost-ho-dot-shape-error": "'shapes do not fit: X is (N, M), w (N, 1) ... wT X is "
    "w.T @ X': the cost has no X and no w",
    "cost-ho-labels-swapped-in-where": "named 'cost NaN at a = 0 or 1' quoting a finite "
    "value; the learner's cost is inf, not NaN, at a = 0 or 1, and the mistake is the "
    "swapped terms",
    "forward-ho-returns-dict": "a dict is called 'an array of Python objects (e.g. arrays "
    "of different shapes, None or a generator inside)'",
    "sigmoid-ho-e-to-5-digits": "computed in float64 throughout, named 'computed in "
    "float32 or float16'",
    "backward-ho-dict-values": "grads.values() is called 'an array of Python objects "
    "(e.g. arrays of different shapes, None or a generator inside)'",
    "sigmoid-ho-loop-in-narrow-try": "a loop inside try/except ValueError: the time-limit "
    "verdict adds 'It also caught the checker's interrupt: a bare except: or except "
    "BaseException catches everything', which it does not (safe_call.trace flags "
    "'swallowed' on the line event of the except clause that does not match)",
    "cost-ho-trailing-comma": "'returned a tuple for J' is right; 'a comma after return?' "
    "would find it at once",
    "backward-ho-grads-and-cost": "((dw, db), J): 'returned a tuple for dw, which NumPy "
    "cannot turn into an array (ValueError: setting an array element with a sequence...'",
}


def _register() -> None:
    open_cells = [
        (e, "pass", k.removeprefix(f"{e}-"), src) for k, (e, src, _) in OPEN.items()
    ]
    for exercise, expected, label, source in _CELLS + open_cells:
        expected = DECIDED.get(f"{exercise}-{label}", expected)
        if "float() of a b" in expected and FLOAT_OF_A_MATRIX:
            expected = "pass"  # NumPy 1: float() of a (1, 1) array is its number
        cell(exercise, expected, label, source)


_register()
