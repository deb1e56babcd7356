# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Walk down the cost surface
==========================

With two features the model has three parameters, :math:`w_1`, :math:`w_2` and
:math:`b`. Fix the bias, and the cost :math:`J(w_1, w_2)` becomes a surface that
can be drawn as a contour map. This example computes that map with
:func:`binary_logreg.cost_from_logits` and draws the path that
:func:`binary_logreg.gradient_descent` takes across it.
"""

# %%
# Train as the course does
# ------------------------
# The course's data set, initial weights uniform in :math:`[-1, 1)` from seed 1, step
# size 0.25 and 500 steps. ``record="parameters"`` keeps the weights and the bias
# before every step and after the last: the path to draw.

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")

data = bl.make_dataset()
X, Y = data.X_train, data.Y_train
w_init, b_init = bl.initial_parameters(2, random_state=1)

course = bl.gradient_descent(
    X, Y, w_init, b_init, step_size=0.25, steps=500, record="parameters"
)
w_text = np.array2string(course.w.ravel(), precision=3)
print(f"after {course.n_steps} steps: w = {w_text}, b = {course.b:.3f}")
print(f"cost J = {course.final_cost:.5f}")

# %%
# For reference, the minimum itself: a run with a much larger step size (see
# :ref:`sphx_glr_auto_examples_plot_step_size.py` for why 25 works), stopped
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
# several seconds, so the map uses a random quarter of the training samples, 20,000
# of them: the cost on them differs from that on all samples by a few per cent, and
# the map's shape is what matters here.

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


# sphinx_gallery_thumbnail_number = 1
fig, ax = plt.subplots(figsize=(6.5, 6.4), layout="constrained")
filled = ax.contourf(
    w1_grid, w2_grid, cost_map, levels, norm=BoundaryNorm(levels, 256), cmap="viridis"
)
ax.contour(w1_grid, w2_grid, cost_map, levels, colors="white", linewidths=0.5)
path = course.w_path
ax.plot(*path.T, "o-", color="C1", ms=2.5, lw=1, label="gradient descent")
ax.plot(*path[0], "o", ms=10, mfc="white", mec="k", label="start")
ax.plot(*path[-1], "s", ms=9, mfc="C1", mec="k", label="after 500 steps")
ax.plot(*best.w.ravel(), "*", ms=16, mfc="white", mec="k", label="minimum")
ax.set_aspect("equal")
ax.set_xlabel("weight $w_1$")
ax.set_ylabel("weight $w_2$")
ax.set_title("Cost J(w₁, w₂) at b = b*, path of 500 steps of size 0.25")
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
# boundary passes close to the origin, so scaling :math:`w` alone moves it little.)
# Along such a flat valley the gradient is tiny and a fixed step size advances slowly.
#
# The map is a slice: the path's bias was not :math:`b^\ast` on the way.

print(
    f"bias along the path: {course.b_path[0]:.3f} at the start, "
    f"{course.b_path[-1]:.3f} at the end; b* = {best.b:.3f}"
)

# %%
# In practice
# -----------
# - The shape of the valley decides how many steps gradient descent needs; features
#   on very different scales make it long and narrow, and standardising them rounds
#   it: :ref:`sphx_glr_auto_examples_plot_feature_scaling.py`.
# - A map like this needs a slice or a projection as soon as there are more than two
#   parameters; here the bias was fixed at its value at the minimum. With many
#   parameters, learning curves (see :ref:`sphx_glr_auto_examples_plot_step_size.py`)
#   are the practical tool.
