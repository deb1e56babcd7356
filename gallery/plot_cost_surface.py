# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Walk down the cost surface
==========================

With two features the model has three parameters, :math:`w_1`, :math:`w_2` and
:math:`b`. Fix the bias, and the cost :math:`J(w_1, w_2)` becomes a surface that
can be drawn as a contour map. This example computes that map with
:func:`binary_logreg.cost_from_logits`, draws the path that
:func:`binary_logreg.gradient_descent` takes across it, and then changes the unit
of one feature to show why elongated contours make gradient descent slow, and why
features should be on similar scales.
"""

# %%
# Set up
# ------

import os

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")  # the tutorial's figure style

# %%
# The test suite shrinks the data and the training run with two environment
# variables; left unset, the example runs at the course's size: 100,000 samples and
# 500 steps.

n_samples = int(os.environ.get("BINARY_LOGREG_EXAMPLE_SAMPLES", 100_000))
n_steps = int(os.environ.get("BINARY_LOGREG_EXAMPLE_STEPS", 500))

# %%
# Train as the course does
# ------------------------
# The course's data set, initial weights uniform in :math:`[-1, 1)` from seed 1, step
# size 0.25 and 500 steps. ``record="parameters"`` keeps the weights and the bias
# before every step and after the last: the path to draw.

data = bl.make_dataset(n_samples)
X, Y = data.X_train, data.Y_train
w_init, b_init = bl.initial_parameters(2, random_state=1)

course = bl.gradient_descent(
    X, Y, w_init, b_init, step_size=0.25, steps=n_steps, record="parameters"
)
w_text = np.array2string(course.w.ravel(), precision=3)
print(f"after {course.n_steps} steps: w = {w_text}, b = {course.b:.3f}")
print(f"cost J = {course.final_cost:.5f}")

# %%
# For reference, the minimum itself: a run with a much larger step size (see
# :ref:`sphx_glr_auto_examples_plot_step_size.py` for why 25 works here), stopped
# when the gradient's largest entry falls below :math:`10^{-10}`.

best = bl.gradient_descent(
    X, Y, w_init, b_init, step_size=25.0, steps=10_000, tol=1e-10
)
print(
    f"minimum: w* = {np.array2string(best.w.ravel(), precision=3)}, "
    f"b* = {best.b:.3f}, J* = {best.final_cost:.5f} ({best.n_steps} steps)"
)

# %%
# Compute the cost on a grid
# --------------------------
# We fix the bias at its value at the minimum, :math:`b = b^\ast`, so the map is a
# slice through the minimum of the three-dimensional cost. The grid has 81 by 81
# points; at each, :func:`~binary_logreg.cost_from_logits` averages the loss over the
# samples. For one row of the grid (fixed :math:`w_2`) the logits of all its points
# are one outer product, so only the cost itself runs in a Python loop.
#
# Evaluating the cost at 6,561 points on all 80,000 training samples would take
# several seconds, so the map uses a random quarter of the training samples,
# 20,000 of them.

w1_grid = np.linspace(-3.2, 0.6, 81)
w2_grid = np.linspace(-0.6, 4.8, 81)
n_map = min(20_000, X.shape[1])
subset = np.random.default_rng(0).choice(X.shape[1], n_map, replace=False)
X_map, Y_map = X[:, subset], Y[:, subset]

cost_map = np.empty((w2_grid.size, w1_grid.size))
for i, w2 in enumerate(w2_grid):
    # logits of all samples for every w1 of this row: shape (81, n_map)
    Z_row = np.outer(w1_grid, X_map[0]) + w2 * X_map[1] + best.b
    cost_map[i] = [bl.cost_from_logits(Y_map, z) for z in Z_row]

# %%
# How much does the subset change the cost? Compare it with the cost on all training
# samples along the path, at the same slice :math:`b = b^\ast`:


def cost_on(X_part, Y_part, w):
    return bl.cost_from_logits(Y_part, bl.linear(w.reshape(-1, 1), best.b, X_part))


for k in [0, 10, course.n_steps]:
    w = course.w_path[k]
    print(
        f"step {k:3d}: J on the subset {cost_on(X_map, Y_map, w):.4f}, "
        f"on all samples {cost_on(X, Y, w):.4f}"
    )

lowest_row, lowest_column = np.unravel_index(cost_map.argmin(), cost_map.shape)
print(
    f"lowest grid point of the map: w = ({w1_grid[lowest_column]:.2f}, "
    f"{w2_grid[lowest_row]:.2f}); minimum on all samples: w* = "
    f"({best.w[0, 0]:.2f}, {best.w[1, 0]:.2f})"
)

# %%
# The two agree to a few per cent, and the lowest point of the map lies within a
# grid step or two of the true minimum; the map's shape is what matters here.
#
# Draw the path on the map
# ------------------------
# Filled contours of the cost, the path of gradient descent in orange, one dot per
# step. The contour levels crowd towards the minimum (their distances from the
# lowest cost on the map grow geometrically), so the flat region near it shows its
# shape. Both axes have the same scale, so a direction perpendicular to a contour
# line looks perpendicular.

lowest, highest = cost_map.min(), cost_map.max()
levels = lowest + (highest - lowest) * np.geomspace(1e-3, 1.0, 16)
levels[0] = lowest


def draw_map(ax, w1_values, path, title):
    filled = ax.contourf(
        w1_values,
        w2_grid,
        cost_map,
        levels=levels,
        norm=BoundaryNorm(levels, 256),
        cmap="viridis",
    )
    ax.contour(
        w1_values,
        w2_grid,
        cost_map,
        levels=levels,
        colors="white",
        linewidths=0.5,
        alpha=0.6,
    )
    ax.plot(
        path[:, 0], path[:, 1], "o-", color="C1", ms=2.5, lw=1, label="gradient descent"
    )
    ax.plot(*path[0], "o", ms=10, mfc="white", mec="k", label="start")
    ax.plot(*path[-1], "s", ms=9, mfc="C1", mec="k", label="end")
    ax.set_aspect("equal")
    ax.set_title(title, fontsize="medium")
    return filled


fig, ax = plt.subplots(figsize=(6.5, 6.4), layout="constrained")
filled = draw_map(
    ax,
    w1_grid,
    course.w_path,
    f"Cost J(w₁, w₂) at b = b*, path of {course.n_steps} steps of size 0.25",
)
ax.plot(*best.w.ravel(), "*", ms=16, mfc="white", mec="k", label="minimum")
ax.set_xlabel("weight $w_1$")
ax.set_ylabel("weight $w_2$")
ax.legend(loc="lower left")
colourbar = fig.colorbar(filled, ax=ax, label="cost J", shrink=0.8)
colourbar.set_ticks(levels[::3], labels=[f"{level:.3f}" for level in levels[::3]])
plt.show()

# %%
# The first steps are long, where the surface is steep, and head down the slope,
# roughly perpendicular to the contour lines (only roughly: the path moves in three
# dimensions, and its bias differs from :math:`b^\ast` on the way). Then the steps
# get short, as the gradient shrinks, and after 500 steps the run is still some way
# from the minimum.
#
# The reason is the shape of the valley. The region of low cost is long and flat, and
# it opens away from the origin. Scaling :math:`w` and :math:`b` up together keeps
# the decision boundary :math:`w^\mathsf{T} x + b = 0` where it is and only makes
# the model more confident, which helps the many samples it classifies correctly and
# hurts the few it gets wrong, nearly in balance. (The map fixes :math:`b`, but the
# boundary passes close to the origin, so scaling :math:`w` alone moves it little.) Along such a flat valley the
# gradient is tiny and a fixed step size advances slowly.
#
# The map is a slice: the path's bias was not :math:`b^\ast` on the way.

print(
    f"bias along the path: {course.b_path[0]:.3f} at the start, "
    f"{course.b_path[-1]:.3f} at the end; b* = {best.b:.3f}"
)

# %%
# Change the unit of one feature
# ------------------------------
# Suppose the first feature had been measured in a unit three times smaller, so its
# values are three times larger: :math:`x_1' = 3 x_1`. Nothing about the problem
# changes: the model with weight :math:`w_1' = w_1 / 3` makes exactly the same
# predictions, since :math:`w_1' x_1' = w_1 x_1`. So the cost surface in
# :math:`(w_1', w_2)` is the same surface, squeezed threefold along the first axis,
# and the map above can be reused with :math:`w_1` divided by 3.
#
# Gradient descent, however, behaves differently. The curvature along :math:`w_1'`
# is nine times larger, which lowers :func:`~binary_logreg.step_size_limit`. Give
# each version of the data its own safe step size, the limit itself, and train for
# 100 steps from the same initial model (``w_init`` with its first entry divided
# by 3):

scale = 3.0
to_new_units = np.array([[scale], [1.0]])
X_scaled = X * to_new_units
runs = {}
for name, X_k, w_k in [
    ("features as given", X, w_init),
    (f"x_1 multiplied by {scale:g}", X_scaled, w_init / to_new_units),
]:
    step_size = bl.step_size_limit(X_k)
    runs[name] = bl.gradient_descent(
        X_k,
        Y,
        w_k,
        b_init,
        step_size=step_size,
        steps=min(100, n_steps),
        record="parameters",
    )
    excess = runs[name].final_cost - best.final_cost
    print(
        f"{name:20s}: step size {step_size:.3f}, "
        f"J - J* after {runs[name].n_steps} steps = {excess:.2e}"
    )

# %%
# Side by side, with equal scales on both axes in each panel:

fig = plt.figure(figsize=(7.5, 6.2), layout="constrained")
axes = fig.subplots(1, 2, width_ratios=[3.8, 3.8 / scale + 0.5], sharey=True)
titles = ["features as given", f"x₁ multiplied by {scale:g}"]
for ax, result, title, divisor in zip(
    axes, runs.values(), titles, [1.0, scale], strict=True
):
    draw_map(
        ax,
        w1_grid / divisor,
        result.w_path,
        f"{title}\nstep size {result.step_size:.2f}",
    )
    ax.plot(
        best.w[0, 0] / divisor,
        best.w[1, 0],
        "*",
        ms=16,
        mfc="white",
        mec="k",
        label="minimum",
    )
axes[0].set_xlabel("weight $w_1$")
axes[1].set_xlabel("weight $w_1' = w_1/3$")
axes[0].set_ylabel("weight $w_2$")
axes[0].legend(loc="lower left")
fig.suptitle(f"Same cost surface, different path ({result.n_steps} steps each)")
plt.show()

# %%
# On the left the steps follow the slope into the valley and along it. On the right,
# the valley is three times narrower. The steepest direction is now across the
# valley, along :math:`w_1'`, and the step size must be small enough for that
# direction; along the valley, where the curvature did not change, the same small
# step advances much more slowly. The path crosses to the valley floor in a few
# steps and then creeps up it, and after 100 steps it is much further from the
# minimum than the run on the original features.
#
# This is what *conditioning* means: the ratio of the largest to the smallest
# curvature. The larger it is, the more steps gradient descent needs. The usual
# remedy is to put the features on similar scales, and the course's data already
# are:

print(
    "standard deviation of the features:", np.array2string(X.std(axis=1), precision=2)
)
print(
    "after multiplying x_1 by 3:        ",
    np.array2string(X_scaled.std(axis=1), precision=2),
)

# %%
# In practice
# -----------
# - Standardise the features (subtract the mean, divide by the standard deviation,
#   e.g. with scikit-learn's ``StandardScaler``) before gradient descent; it makes the
#   contours rounder and the safe step size larger.
# - A map like this needs a slice or a projection as soon as there are more than two
#   parameters; here the bias was fixed at its value at the minimum. With many
#   parameters, learning curves (see :ref:`sphx_glr_auto_examples_plot_step_size.py`)
#   are the practical tool.
# - Solvers that use the curvature are less sensitive to the units: Newton's method
#   takes exactly the same path in any units, and L-BFGS (the default solver of
#   scikit-learn's ``LogisticRegression``) adapts to them as it goes.
