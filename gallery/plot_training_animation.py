# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Watch the decision boundary move during training
================================================

Gradient descent changes three numbers, :math:`w_1`, :math:`w_2` and :math:`b`; what
a reader of the classifier sees is the decision boundary
:math:`w^\\mathsf{T} x + b = 0` moving through the data. This example trains the
course's model with :func:`binary_logreg.gradient_descent`, records the parameters at
every step, and animates the boundary next to the learning curve with Matplotlib's
``matplotlib.animation.FuncAnimation``. Two more lines, where the model is 90 % sure
of either class, show the model growing confident as training goes on.

To move the parameters and the step size yourself and watch every step, open the
:doc:`/playground`, which trains the same model in your browser.
"""

# %%
# Set up
# ------

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.animation import FuncAnimation

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")

# %%
# Train and record the path
# -------------------------
# The course's data, initial weights uniform in :math:`[-1, 1)` from seed 1, step
# size 0.25. ``record="parameters"`` keeps :math:`w` and :math:`b` before every step
# and after the last, so ``w_path[k]`` and ``b_path[k]`` are the parameters after
# :math:`k` updates, and ``costs[k]`` the cost there.

data = bl.make_dataset()
X, Y = data.X_train, data.Y_train
w_init, b_init = bl.initial_parameters(2, random_state=1)
n_steps = 500
result = bl.gradient_descent(
    X, Y, w_init, b_init, step_size=0.25, steps=n_steps, record="parameters"
)
w_path, b_path = result.w_path, result.b_path
# the cost after k updates, for k = 0, ..., n_steps
costs = np.append(result.costs, result.final_cost)
print(f"cost {costs[0]:.4f} at the start, {costs[-1]:.4f} after {result.n_steps} steps")

# %%
# Plotting 80,000 points in every frame would make the animation slow and heavy, so
# the plots show 300 training samples drawn at random; the model is still trained on
# all of them.

shown = np.random.default_rng(0).choice(X.shape[1], 300, replace=False)
X_shown, labels_shown = X[:, shown], Y[0, shown]

# %%
# Draw the boundary
# -----------------
# The model predicts :math:`a = \sigma(w^\mathsf{T} x + b)`, so the points where it
# outputs the probability :math:`p` lie on the straight line
# :math:`w^\mathsf{T} x + b = \operatorname{logit}(p) = \ln\frac{p}{1 - p}`
# (equation :eq:`eq-decision-boundary` for :math:`p = 0.5`). The helper returns two
# far-apart points of that line; the axes clip it.


def line_points(w, b, p=0.5, half_length=20.0):
    """Two points of the line where the model's probability of class 1 equals p."""
    w = np.asarray(w, dtype=float).ravel()
    norm = np.linalg.norm(w)
    # the point of the line nearest the origin, and the line's direction
    closest = w * (np.log(p / (1 - p)) - b) / norm**2
    along = np.array([-w[1], w[0]]) / norm
    ends = closest + np.outer([-half_length, half_length], along)
    return ends[:, 0], ends[:, 1]


def draw_data(ax):
    for label, colour, marker in [(0, "C0", "o"), (1, "C1", "^")]:
        chosen = labels_shown == label
        ax.scatter(
            *X_shown[:, chosen],
            s=14,
            c=colour,
            marker=marker,
            alpha=0.7,
            label=f"class {label}",
        )
    ax.set(xlim=(-4, 4), ylim=(-3.5, 3.5), aspect="equal")
    ax.set_xlabel("feature x₁")
    ax.set_ylabel("feature x₂")


# %%
# Snapshots first: the boundary (solid) and the 10 % and 90 % lines (dashed) at four
# moments of training. Between the dashed lines the model is less than 90 % sure.

# sphinx_gallery_thumbnail_number = 1
snapshots = [0, max(1, n_steps // 100), max(2, n_steps // 10), n_steps]
fig = plt.figure(figsize=(7, 6.6), layout="constrained")
axes = fig.subplots(2, 2, sharex=True, sharey=True).flat
for ax, k in zip(axes, snapshots, strict=True):
    draw_data(ax)
    ax.plot(*line_points(w_path[k], b_path[k]), color="k", lw=2, label="a = 0.5")
    for p in (0.1, 0.9):
        ax.plot(
            *line_points(w_path[k], b_path[k], p),
            color="0.35",
            ls="--",
            lw=1.2,
            label="a = 0.1 and 0.9" if p == 0.1 else None,
        )
    ax.set_title(f"after {k} steps, J = {costs[k]:.3f}", fontsize="medium")
    ax.label_outer()
fig.legend(
    *fig.axes[0].get_legend_handles_labels(),
    loc="outside lower center",
    ncols=4,
    fontsize="small",
)
fig.suptitle("The decision boundary and the 10 % and 90 % lines during training")
plt.show()

# %%
# How many training samples does the model label 1 (:math:`a \ge 0.5`), and how
# many is it unsure about, :math:`0.1 < a < 0.9`?

for k in snapshots:
    A = bl.forward(w_path[k].reshape(-1, 1), b_path[k], X)
    unsure = np.mean((A > 0.1) & (A < 0.9))
    labelled_1 = np.mean(bl.predict_labels(A))
    print(f"after {k:3d} steps: labelled 1: {labelled_1:6.1%}, unsure: {unsure:6.1%}")

# %%
# At the random initial weights the boundary lies above almost all samples: the model
# labels nearly everything 0, and it is unsure about nearly all samples. Within a few
# steps the boundary swings into the gap between the classes. After that, training
# mostly makes the model more confident: the dashed lines close in on the boundary,
# while the boundary itself moves little. That is the long, slow tail of the learning
# curve.
#
# Animate training
# ----------------
# A dozen frames, at steps spaced evenly on a logarithmic scale (the boundary moves
# most in the first steps; steps that round to the same integer are drawn once). The
# left panel shows the data and the lines, the right panel the learning curve so far.
# Each frame only updates the data of a few artists, and the figure has a fixed
# layout (no ``layout="constrained"``, which would be recomputed for every frame).
# The page embeds every frame as an image: few frames at a modest resolution keep it
# light. The :doc:`/playground` shows every step, computed in the browser.

frames = np.unique(np.geomspace(1, n_steps + 1, 13).astype(int) - 1)

fig_anim = plt.figure(figsize=(7.5, 3.4), dpi=64)
ax_data, ax_cost = fig_anim.subplots(1, 2, width_ratios=[1, 1.15])
fig_anim.subplots_adjust(left=0.09, right=0.98, bottom=0.15, top=0.9, wspace=0.28)
draw_data(ax_data)
(boundary,) = ax_data.plot([], [], color="k", lw=2, label="a = 0.5")
dashed = dict(color="0.35", ls="--", lw=1.2)
(low,) = ax_data.plot([], [], **dashed, label="a = 0.1, 0.9")
(high,) = ax_data.plot([], [], **dashed)
confidence = [low, high]
ax_data.legend(loc="upper right", fontsize="small", labelspacing=0.2)

steps_axis = np.arange(costs.size)
ax_cost.plot(steps_axis, costs, color="0.8", lw=2, label="whole run")
(done,) = ax_cost.plot([], [], color="C0", lw=2, label="so far")
(current,) = ax_cost.plot([], [], "o", color="C0", ms=7)
ax_cost.set_xscale("symlog", linthresh=1.0)
ax_cost.set_yscale("log")
cost_ticks = [0.05, 0.1, 0.2, 0.5]
ax_cost.set_yticks(cost_ticks, labels=[f"{tick:g}" for tick in cost_ticks])
ax_cost.set_yticks([], minor=True)
ax_cost.set_xlim(0, costs.size)
step_ticks = [tick for tick in (0, 1, 10, 100, 1000) if tick < costs.size]
ax_cost.set_xticks(step_ticks, labels=[str(tick) for tick in step_ticks])
ax_cost.set_xlabel("gradient-descent step")
ax_cost.set_ylabel("cost J")
ax_cost.legend(loc="upper right", fontsize="small")


def update(k):
    boundary.set_data(*line_points(w_path[k], b_path[k]))
    for line, p in zip(confidence, (0.1, 0.9), strict=True):
        line.set_data(*line_points(w_path[k], b_path[k], p))
    done.set_data(steps_axis[: k + 1], costs[: k + 1])
    current.set_data([k], [costs[k]])
    ax_data.set_title(f"step {k}", fontsize="medium")
    ax_cost.set_title(f"J = {costs[k]:.4f}", fontsize="medium")
    return boundary, *confidence, done, current


# sphinx_gallery_animation_alt = "Animation of training, with frames at steps spaced evenly on a logarithmic scale. Left: the training samples, class 0 as circles and class 1 as triangles, with the decision boundary as a solid line and the lines where the model is 10 % and 90 % sure as dashed lines. In the first few steps the boundary swings from above all samples into the gap between the classes; afterwards the dashed lines close in on it. Right: the learning curve so far, falling steeply in the first ten steps and slowly after that."
anim = FuncAnimation(fig_anim, update, frames=frames, interval=400, repeat_delay=1500)
plt.show()

# %%
# The step axis of the learning curve is logarithmic beyond step 1 (``symlog``), like
# the spacing of the frames, so both panels move at an even pace.
#
# In practice
# -----------
# - Sphinx-Gallery renders the animation into the page as embedded frames (the
#   ``"jshtml"`` format), which needs no video codec. Keep such animations small:
#   few frames, a small figure and a modest resolution; every frame is a separate
#   image in the page.
# - In a Jupyter notebook, ``plt.show()`` draws a still image; to play the animation
#   there, display ``IPython.display.HTML(anim.to_jshtml())``. To save it as a file,
#   use ``anim.save("training.gif", writer="pillow")``.
# - Spacing the frames logarithmically in the step is a good default for training
#   animations: most of the change happens early.
