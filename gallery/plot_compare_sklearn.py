# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Train to convergence, compare with scikit-learn, and scale the features
=======================================================================

On data that no line separates, and whose features are not linearly dependent,
unregularised logistic regression has exactly one best set of parameters (on
separable data it has none: the weights grow without bound). Gradient descent run to
convergence must then land where scikit-learn's `LogisticRegression`_ (without
penalty) lands. This example checks that, counts the steps gradient descent
needs with :func:`binary_logreg.gradient_descent` and its ``tol`` argument, and shows
why that count explodes when the features come in awkward units or with an offset:
the cost surface becomes a long narrow valley. Standardising the features rounds the
valley and brings the count back down, without changing the model.

.. _LogisticRegression: https://scikit-learn.org/stable/modules/generated/sklearn.linear_model.LogisticRegression.html
"""

# %%
# Set up
# ------

import os

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LogNorm
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")  # the tutorial's figure style

# %%
# The slowest run below needs tens of thousands of steps, so this example uses
# 10,000 samples (8,000 for training) rather than the course's 100,000 to stay
# quick. The test suite shrinks both numbers further with two environment
# variables.

n_samples = int(os.environ.get("BINARY_LOGREG_EXAMPLE_SAMPLES", 10_000))
max_steps = int(os.environ.get("BINARY_LOGREG_EXAMPLE_STEPS", 200_000))

data = bl.make_dataset(n_samples)
X, Y = data.X_train, data.Y_train

# %%
# Fit scikit-learn's model
# ------------------------
# ``C=np.inf`` switches the penalty off (the older spelling ``penalty=None`` is
# deprecated since scikit-learn 1.8). The Newton solver reaches the optimum to
# rounding in a handful of iterations; the gradient of our cost, computed with
# :func:`binary_logreg.backward` at its solution, confirms it.

sk_model = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12)
sk_model.fit(X.T, Y.ravel())
w_sk, b_sk = sk_model.coef_.T, float(sk_model.intercept_[0])
grad_sk = bl.backward(X, Y, bl.forward(w_sk, b_sk, X))


def show(name, w, b):
    w = np.ravel(w)
    print(f"{name:<31} w = [{w[0]:.6f}, {w[1]:.6f}], b = {b:.6f}")


show("scikit-learn", w_sk, b_sk)
print(
    f"largest gradient entry at its solution: "
    f"{max(np.abs(grad_sk.dw).max(), abs(grad_sk.db)):.1e}"
)

# %%
# Run gradient descent to convergence
# -----------------------------------
# Start from zeros, take the step size :math:`1/\beta`, half of the bound
# :math:`2/\beta` of :func:`binary_logreg.step_size_limit` (every step size below that
# bound is guaranteed to lower the cost; :math:`\beta` bounds the curvature of the
# cost everywhere), and stop once every entry of the gradient is below ``tol``.

tol = 1e-9
step_size = bl.step_size_limit(X) / 2
result = bl.gradient_descent(
    X, Y, np.zeros((2, 1)), 0.0, step_size=step_size, steps=max_steps, tol=tol
)
print(f"step size {step_size:.3f}, {result.n_steps} steps")
print(f"converged: {result.converged}")
show("gradient descent", result.w, result.b)
print(f"largest weight difference  {np.abs(result.w - w_sk).max():.1e}")
print(f"bias difference            {abs(result.b - b_sk):.1e}")
cost_sk = bl.cost_from_logits(Y, bl.linear(w_sk, b_sk, X))
print(f"cost difference            {result.final_cost - cost_sk:.1e}")

# %%
# The parameters agree less closely than the tolerance suggests, the cost much more
# closely. Near the optimum the distance to it is roughly the gradient divided by the
# curvature, :math:`\Delta\theta \approx H^{-1} g`, and the cost surface is flat
# (small curvature) in one direction, so a small gradient can still leave the
# parameters some way off. The cost, being flat at its minimum, is off only by an
# amount of order :math:`\Delta\theta^2`.
#
# Measure the shape of the valley
# -------------------------------
# The curvature is the Hessian of the cost,
# :math:`H = \frac{1}{M}\tilde X \operatorname{diag}\bigl(a(1-a)\bigr)\tilde X^\mathsf{T}`
# with :math:`\tilde X` the data with a row of ones for the bias. Gradient descent
# must take steps small enough for the steepest direction (the step :math:`1/\beta` is
# set by an upper bound :math:`\beta` on the largest eigenvalue) and then crawls along
# the flattest direction, where each step removes only a fraction of about
# :math:`\lambda_{\min} / \beta` of the remaining distance. So the number of steps
# grows like :math:`\beta/\lambda_{\min}`, and with it the condition number
# :math:`\kappa = \lambda_{\max} / \lambda_{\min}` of :math:`H`. A few lines of NumPy
# compute both at the optimum:


def hessian(X, w, b):
    """Hessian of the cost with respect to (w_1, ..., w_N, b) at (w, b)."""
    A = bl.forward(w, b, X)
    X_tilde = np.vstack([X, np.ones((1, X.shape[1]))])
    return (X_tilde * (A * (1 - A))) @ X_tilde.T / X.shape[1]


HEADER = "features         kappa  beta/lambda_min   steps  converged"


def describe(name, X, result, w_opt, b_opt):
    eigenvalues = np.linalg.eigvalsh(hessian(X, w_opt, b_opt))
    kappa = eigenvalues[-1] / eigenvalues[0]
    ratio = 2 / bl.step_size_limit(X) / eigenvalues[0]  # beta / lambda_min
    steps, converged = result.n_steps, result.converged
    print(f"{name:<14}{kappa:8.1f}{ratio:17.0f}{steps:8d}  {converged}")


print(HEADER)
describe("original", X, result, w_sk, b_sk)

# %%
# Spoil the scaling
# -----------------
# Now record feature 1 in a unit four times smaller (multiply it by 4) and give
# feature 2 an offset of 2, as a level measured against another reference would
# have. The model can represent exactly the same decision rule: the weights and the
# bias just absorb the change of units. Gradient descent, however, sees a different
# valley.

scale, offset = np.array([[4.0], [1.0]]), np.array([[0.0], [2.0]])
X_raw = X * scale + offset
step_raw = bl.step_size_limit(X_raw) / 2
result_raw = bl.gradient_descent(
    X_raw,
    Y,
    np.zeros((2, 1)),
    0.0,
    step_size=step_raw,
    steps=max_steps,
    tol=tol,
    record="parameters",
)

# %%
# Standardise
# -----------
# Subtract each feature's mean and divide by its standard deviation, both measured on
# the training data (scikit-learn's `StandardScaler`_ takes one row per sample, hence
# the transposes), and train again.
#
# .. _StandardScaler: https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.StandardScaler.html

scaler = StandardScaler().fit(X_raw.T)
X_std = scaler.transform(X_raw.T).T
step_std = bl.step_size_limit(X_std) / 2
result_std = bl.gradient_descent(
    X_std,
    Y,
    np.zeros((2, 1)),
    0.0,
    step_size=step_std,
    steps=max_steps,
    tol=tol,
    record="parameters",
)

# %%
# Both runs end at the same model. Undo the standardisation,
# :math:`w_j^\text{raw} = w_j^\text{std}/\sigma_j` and
# :math:`b^\text{raw} = b^\text{std} - \sum_j w_j^\text{std}\mu_j/\sigma_j`, and
# compare with scikit-learn on the spoilt features (its Newton solver does not mind
# the scaling):

mu, sigma = scaler.mean_[:, None], scaler.scale_[:, None]
w_back = result_std.w / sigma
b_back = result_std.b - float((result_std.w * mu / sigma).sum())
sk_raw = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12)
sk_raw.fit(X_raw.T, Y.ravel())
w_sk_raw, b_sk_raw = sk_raw.coef_.T, float(sk_raw.intercept_[0])
show("scikit-learn, spoilt features", w_sk_raw, b_sk_raw)
show("GD on standardised, mapped back", w_back, b_back)
show("GD on spoilt features", result_raw.w, result_raw.b)

# %%
# The same decision rule, but not the same effort. (The optimum in standardised
# coordinates is scikit-learn's, mapped the other way.)

w_sk_std = w_sk_raw * sigma
b_sk_std = b_sk_raw + float((w_sk_raw * mu).sum())
print(HEADER)
describe("original", X, result, w_sk, b_sk)
describe("spoilt", X_raw, result_raw, w_sk_raw, b_sk_raw)
describe("standardised", X_std, result_std, w_sk_std, b_sk_std)
ratio = result_raw.n_steps / result_std.n_steps
print(f"steps spoilt / standardised: {ratio:.1f}")

# %%
# The unit change makes the cost much steeper along :math:`w_1` than along the
# other parameters, and the offset couples the bias to :math:`w_2`: raising one can
# be compensated by lowering the other, which leaves a long, flat direction.
# Standardising undoes both, and the step count drops back to about that of the
# original features.
#
# See the valley
# --------------
# With three parameters the valley is three-dimensional. Cut it through the optimum
# along its flattest and its steepest direction (the eigenvectors of :math:`H` for
# :math:`\lambda_{\min}` and :math:`\lambda_{\max}`), with the same scale on both axes,
# and project the path of gradient descent onto that plane. The contour lines are
# drawn at the same heights above the optimal cost in both panels.


def valley_slice(X, w_opt, b_opt, run, radius, n_flat=81, n_steep=141):
    """The cost near the optimum, in the plane of H's extreme eigenvectors."""
    theta_opt = np.append(w_opt[:, 0], b_opt)
    _, vectors = np.linalg.eigh(hessian(X, w_opt, b_opt))
    flat, steep = vectors[:, 0], vectors[:, -1]
    s = np.linspace(-radius, radius, n_flat)
    t = np.linspace(-radius, radius, n_steep)
    costs = np.array(
        [
            [
                bl.cost_from_logits(Y, bl.linear(theta[:-1], theta[-1], X))
                for theta in (theta_opt + si * flat + ti * steep for si in s)
            ]
            for ti in t
        ]
    )
    path = np.column_stack([run.w_path, run.b_path]) - theta_opt
    return s, t, costs, path @ flat, path @ steep


cost_opt = bl.cost_from_logits(Y, bl.linear(w_sk_raw, b_sk_raw, X_raw))
levels = np.geomspace(1e-3, 1.0, 10)  # heights above the optimal cost
fig = plt.figure(figsize=(7.5, 4.4), layout="constrained")
axes = fig.subplots(1, 2, sharey=True)
panels = [
    (axes[0], "spoilt", X_raw, w_sk_raw, b_sk_raw, result_raw),
    (axes[1], "standardised", X_std, w_sk_std, b_sk_std, result_std),
]
for ax, name, X_panel, w_opt, b_opt, run in panels:
    sliced = valley_slice(X_panel, w_opt, b_opt, run, radius=8.0)
    s, t, costs, path_flat, path_steep = sliced
    gap = np.maximum(costs - cost_opt, 1e-9)  # rounding can make it <= 0
    contours = ax.contour(s, t, gap, levels, norm=LogNorm(), cmap="viridis")
    every = max(1, run.n_steps // 500)
    path = path_flat[::every], path_steep[::every]
    ax.plot(*path, ".-", color="C1", ms=3, lw=1, label="gradient descent")
    ax.plot(0, 0, "*", ms=14, mfc="white", mec="k", label="optimum")
    ax.set_aspect("equal")
    ax.set_xlabel("along the flattest direction")
    ax.set_title(f"{name}: {run.n_steps} steps")
axes[0].set_ylabel("along the steepest direction")
fig.colorbar(contours, ax=axes, shrink=0.7, label=r"$J - J^\ast$")
handles, names = axes[0].get_legend_handles_labels()
fig.legend(handles, names, loc="outside lower center", ncols=2)
fig.suptitle("The cost valley near the optimum, and the path of gradient descent")
plt.show()

# %%
# On the spoilt features the valley is long and narrow: gradient descent drops into
# it within a few steps and then spends almost all of its steps walking along the
# floor. On the standardised features the contours are much rounder and the walk is
# short.
#
# Follow the cost down
# --------------------
# The optimal cost is the same for all three versions of the data, since they
# describe the same family of decision rules:

print(f"optimal cost: original features {cost_sk:.15f}, spoilt {cost_opt:.15f}")

# %%
# How far each run is above it, step by step, on logarithmic axes (the curves stop
# at :math:`10^{-14}`, just above the rounding level of the cost):

fig, ax = plt.subplots(figsize=(7.5, 4.5), layout="constrained")
runs = [
    ("original features", result, "C0", "-"),
    ("spoilt features", result_raw, "C1", "--"),
    ("standardised features", result_std, "C2", "-."),
]
for label, run, colour, style in runs:
    gap = np.append(run.costs, run.final_cost) - cost_opt
    steps = np.arange(gap.size)
    keep = gap > 1e-14
    ax.loglog(
        steps[keep] + 1,
        gap[keep],
        style,
        color=colour,
        lw=2,
        label=f"{label} ({run.n_steps} steps)",
    )
ax.set_xlabel("step + 1")
ax.set_ylabel(r"cost above the optimum $J_k - J^\ast$")
ax.set_title(
    "Cost above the optimum, step by step, step size 1/β, for three versions of the data"
)
ax.legend(loc="lower left")
plt.show()

# %%
# All three curves end in a plunge: once a run is on the floor of the valley, the
# gap shrinks by the same factor at every step (linear convergence, in the language
# of optimisation), which bends down ever more steeply on logarithmic axes. On the
# spoilt features that factor is so close to 1 that the plunge comes many times
# later.
#
# In practice
# -----------
# - Standardise the features (or at least centre them) before gradient descent, and
#   keep the mean and standard deviation of the *training* data to transform the test
#   data and new samples the same way; a `Pipeline`_ of a `StandardScaler`_ and
#   :class:`~binary_logreg.LogisticRegressionGD` does the bookkeeping.
# - Second-order solvers such as scikit-learn's Newton methods use the curvature
#   themselves and hardly care about the scaling; with few features they are the
#   faster choice. Gradient descent is the algorithm of neural networks, where
#   Newton's method is too expensive, and there input scaling (and normalisation
#   layers) matter for the same reason as here.
# - The tolerance bounds the gradient, not the error in the parameters: with a
#   flat direction a tiny gradient can still leave the parameters visibly off.
#
# .. _Pipeline: https://scikit-learn.org/stable/modules/generated/sklearn.pipeline.Pipeline.html
# .. _StandardScaler: https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.StandardScaler.html
