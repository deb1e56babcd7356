# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Look at a diverging run up close
================================

A step size far above :func:`binary_logreg.step_size_limit` makes gradient descent
jump around instead of descending. This example trains the course's model with
:math:`\\eta = 1000`, plots its cost and its weights, explains why they stay
finite, and shows how the package reports such runs: a
:class:`~binary_logreg.DivergenceWarning` when the cost goes up, and a
:class:`FloatingPointError` when the parameters stop being finite.
"""

# %%
# Train with a step size far too large
# ------------------------------------
# The course's data and initial weights, 500 steps of size 1000: the output below
# says how many times the bound that is. ``warnings.catch_warnings(record=True)``
# collects the warning instead of printing it.

import warnings

import matplotlib.pyplot as plt
import numpy as np

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")

data = bl.make_dataset()
X, Y = data.X_train, data.Y_train
w_init, b_init = bl.initial_parameters(2, random_state=1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    run = bl.gradient_descent(
        X, Y, w_init, b_init, step_size=1000.0, steps=500, record="parameters"
    )
limit = bl.step_size_limit(X)
print(
    f"step_size_limit(X) = {limit:.2f}; the step size is {1000.0 / limit:.0f} times that"
)
for record in caught:
    print(f"{record.category.__name__}: {record.message}")

# %%
# The warning counts the steps at which the cost went up, names the first and gives
# the bound. Plot the cost and the weights of the run:

# sphinx_gallery_thumbnail_number = 1
fig = plt.figure(figsize=(7, 6.5), layout="constrained")
ax_cost, ax_weights = fig.subplots(2, 1, sharex=True)
ax_cost.semilogy(np.append(run.costs, run.final_cost), color="C4", lw=1.5)
ax_cost.set_ylabel("cost J")
ax_cost.set_title("A run with η = 1000: cost (top) and weights (bottom)")
for i, style in enumerate(["-", "--"]):
    ax_weights.plot(
        run.w_path[:, i], style, color=f"C{i}", lw=1.5, label=f"$w_{i + 1}$"
    )
ax_weights.axhline(0.0, color="0.3", lw=1)
ax_weights.set_xlabel("gradient-descent step")
ax_weights.set_ylabel("weight")
ax_weights.legend(ncols=2, loc="upper right")
plt.show()

# %%
# The first step flings the weights far out, and every later jump of the weights is
# a spike of the cost. Far out the model is sure of every sample, and the few it gets
# wrong cost about :math:`|z|` each. Step by step the weights crawl back and the cost
# falls with them, until they come close to the minimum, where the curvature is
# largest: there a step of 1000 overshoots far and throws them out again.
#
# Explain why the weights stay finite
# -----------------------------------
# On a quadratic cost a step size this large would make the weights grow without
# bound. The gradient of the cross-entropy is bounded: from
# :math:`dw = \frac{1}{M} X (A - Y)^\mathsf{T}`, equation :eq:`eq-dw`, and
# :math:`|a_m - y_m| \le 1`, every entry obeys
# :math:`|dw_i| \le \frac{1}{M}\sum_m |x_{im}|`. A step moves the weights by at most
# :math:`\eta` times the mean size of the features, however far out they are:

allowed = 1000.0 * np.abs(X).mean(axis=1)
taken = np.abs(np.diff(run.w_path, axis=0)).max(axis=0)
print(f"largest step of the weights allowed: {np.array2string(allowed, precision=1)}")
print(f"largest step of the weights taken:   {np.array2string(taken, precision=1)}")

# %%
# Read the warning as a hint
# --------------------------
# The warning fires as soon as the cost goes up once, even if the run recovers. With
# :math:`\eta = 100` the first step overshoots, and the run then converges anyway, to
# the gradient's rounding level:

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    recovered = bl.gradient_descent(X, Y, w_init, b_init, step_size=100.0, steps=500)
print(f"warnings: {len(caught)}, final gradient entry {recovered.gradient_norm:.1e}")

# %%
# Only a step size so large that the parameters overflow makes them non-finite; the
# package then stops with a :class:`FloatingPointError` instead of returning ``nan``.
# Because the gradient is bounded, that takes a step size near the largest float64
# number, :math:`1.8 \times 10^{308}`:

for step_size in [1e100, 1e308]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bl.DivergenceWarning)
        try:
            bl.gradient_descent(X, Y, w_init, b_init, step_size=step_size, steps=20)
        except FloatingPointError as error:
            print(f"step size {step_size:g}: FloatingPointError: {error}")
        else:
            print(f"step size {step_size:g}: 20 steps, every number finite")

# %%
# In practice
# -----------
# - A too-large step shows up as a cost that oscillates or stays high long before
#   anything overflows: always look at the learning curve.
# - The warning cannot tell an oscillation around the minimum from a run that is
#   still on its way; :ref:`sphx_glr_auto_examples_plot_step_size.py` shows which
#   step sizes converge and why.
