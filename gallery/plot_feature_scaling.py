# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Standardise the features: a rounder valley, far fewer steps
===========================================================

Record a feature in another unit or with an offset, and the model can still
represent exactly the same decision rule: the weights and the bias absorb the change.
Gradient descent, however, sees a different cost surface, a long narrow valley, and
needs many more steps. This example spoils the scaling of the course's features,
measures the valley with the Hessian of :func:`binary_logreg.hessian`, and shows that
standardising the features rounds it again.
"""

# %%
# Spoil the scaling, then standardise
# -----------------------------------
# Multiply feature 1 by 4 (a unit four times smaller) and give feature 2 an offset of
# 2. Then standardise: subtract each feature's mean and divide by its standard
# deviation, both measured on the training data. The slowest run below needs tens of
# thousands of steps, so this example uses 2,000 samples rather than the course's
# 100,000. Every run starts from zeros with the step size :math:`1/\beta`, half the
# bound of :func:`binary_logreg.step_size_limit`, and stops once every entry of the
# gradient is below :math:`10^{-9}`.

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LogNorm

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")

data = bl.make_dataset(2_000)
X, Y = data.X_train, data.Y_train
X_spoilt = X * [[4.0], [1.0]] + [[0.0], [2.0]]
mu = X_spoilt.mean(axis=1, keepdims=True)
sigma = X_spoilt.std(axis=1, keepdims=True)
versions = {"original": X, "spoilt": X_spoilt, "standardised": (X_spoilt - mu) / sigma}
runs = {
    name: bl.gradient_descent(
        X_k,
        Y,
        np.zeros((2, 1)),
        0.0,
        step_size=bl.step_size_limit(X_k) / 2,
        steps=200_000,
        tol=1e-9,
        record="parameters",
    )
    for name, X_k in versions.items()
}

# %%
# Measure the shape of the valley
# -------------------------------
# Gradient descent must take steps small enough for the steepest direction of the
# cost (the step :math:`1/\beta` is set by an upper bound :math:`\beta` on the
# largest eigenvalue of the Hessian :math:`H`) and then crawls along the flattest
# direction, where each step removes only a fraction of about
# :math:`\lambda_{\min} / \beta` of the remaining distance. So the number of steps
# grows like :math:`\beta/\lambda_{\min}`, and with it the condition number
# :math:`\kappa = \lambda_{\max} / \lambda_{\min}` of :math:`H` at the optimum.

print("features         kappa  beta/lambda_min   steps")
for name, X_k in versions.items():
    run = runs[name]
    eigenvalues = np.linalg.eigvalsh(bl.hessian(run.w, run.b, X_k))
    beta = 2 / bl.step_size_limit(X_k)
    kappa = eigenvalues[-1] / eigenvalues[0]
    print(f"{name:<14}{kappa:8.1f}{beta / eigenvalues[0]:17.0f}{run.n_steps:8d}")

# %%
# The unit change makes the cost much steeper along :math:`w_1` than along the other
# parameters, and the offset couples the bias to :math:`w_2`: raising one can be
# compensated by lowering the other, which leaves a long, flat direction.
# Standardising undoes both. All three runs end at the same decision rule: undo the
# standardisation, :math:`w_j = w_j^\text{std}/\sigma_j` and
# :math:`b = b^\text{std} - \sum_j w_j^\text{std}\mu_j/\sigma_j`, and compare:

std = runs["standardised"]
w_back = std.w / sigma
b_back = std.b - float((std.w * mu / sigma).sum())
print(
    f"spoilt, trained directly: w = {runs['spoilt'].w.ravel()}, b = {runs['spoilt'].b:.6f}"
)
print(f"standardised, mapped back: w = {w_back.ravel()}, b = {b_back:.6f}")

# %%
# See the valley
# --------------
# Cut the three-dimensional valley through the optimum along its flattest and its
# steepest direction (the eigenvectors of :math:`H` for :math:`\lambda_{\min}` and
# :math:`\lambda_{\max}`), with the same scale on both axes, and project the path of
# gradient descent onto that plane. The contour lines are at the same heights above
# the optimal cost in both panels.

# sphinx_gallery_thumbnail_number = 1
fig = plt.figure(figsize=(7.5, 4.4), layout="constrained")
axes = fig.subplots(1, 2, sharey=True)
offsets = np.linspace(-8.0, 8.0, 81)
for ax, name in zip(axes, ["spoilt", "standardised"], strict=True):
    run, X_k = runs[name], versions[name]
    theta = np.append(run.w, run.b)
    _, vectors = np.linalg.eigh(bl.hessian(run.w, run.b, X_k))
    plane = vectors[:, [0, -1]]  # the flattest and the steepest direction
    gap = (
        np.array(
            [
                [
                    bl.cost_from_logits(Y, bl.linear(t[:-1], t[-1], X_k))
                    for t in theta + row
                ]
                for row in np.stack(np.meshgrid(offsets, offsets), axis=-1) @ plane.T
            ]
        )
        - run.final_cost
    )
    levels = np.geomspace(1e-3, 1.0, 10)
    contours = ax.contour(
        offsets, offsets, np.maximum(gap, 1e-9), levels, norm=LogNorm()
    )
    path = (np.column_stack([run.w_path, run.b_path]) - theta) @ plane
    every = max(1, run.n_steps // 500)
    ax.plot(*path[::every].T, ".-", color="C1", ms=3, lw=1, label="gradient descent")
    ax.plot(0, 0, "*", ms=14, mfc="white", mec="k", label="optimum")
    ax.set_aspect("equal")
    ax.set_xlabel("along the flattest direction")
    ax.set_title(f"{name}: {run.n_steps} steps")
axes[0].set_ylabel("along the steepest direction")
fig.colorbar(contours, ax=axes, shrink=0.7, label=r"$J - J^\ast$")
fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=2)
fig.suptitle("The cost valley near the optimum, and the path of gradient descent")
plt.show()

# %%
# On the spoilt features the valley is long and narrow: gradient descent drops into
# it within a few steps and then spends almost all of its steps walking along the
# floor. On the standardised features the contours are round and the walk is short.
#
# In practice
# -----------
# - Standardise the features (or at least centre them) before gradient descent, and
#   keep the mean and standard deviation of the *training* data to transform the
#   test data and new samples the same way; a scikit-learn ``Pipeline`` of a
#   ``StandardScaler`` and :class:`~binary_logreg.LogisticRegressionGD` does the
#   bookkeeping.
# - Solvers that use the curvature hardly care about the units: Newton's method takes
#   the same path in any units (see
#   :ref:`sphx_glr_auto_examples_plot_compare_sklearn.py`). Gradient descent is the
#   algorithm of neural networks, where input scaling and normalisation layers matter
#   for the same reason as here.
