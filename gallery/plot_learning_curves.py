# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Follow the cost and the accuracy step by step, ours and Keras's
===============================================================

A learning curve shows how training goes: the cost after every step, and often a
metric such as the accuracy next to it. This example trains the course's sigmoid unit
twice from the same initial weights, with :func:`binary_logreg.gradient_descent` and
with the course's Keras model through
:func:`binary_logreg.keras_reference.train_keras`, lays the two learning curves on top
of each other, and measures how far apart they are at every step. Then it follows the
accuracy along the way, which levels off long before the cost does.
"""

# %%
# Set up
# ------

import os

import matplotlib.pyplot as plt
import numpy as np

import binary_logreg as bl
from binary_logreg.keras_reference import train_keras

plt.style.use("binary_logreg.tutorial")  # the tutorial's figure style

# %%
# The test suite shrinks the data and the training run with two environment
# variables; left unset, the example runs at the course's size: 100,000 samples and
# 500 steps.

n_samples = int(os.environ.get("BINARY_LOGREG_EXAMPLE_SAMPLES", 100_000))
n_steps = int(os.environ.get("BINARY_LOGREG_EXAMPLE_STEPS", 500))

# %%
# Train twice
# -----------
# The course's data, its initial weights (uniform in :math:`[-1, 1)`, here from seed
# 1) and its hyperparameters, step size 0.25 and 500 steps. ``record="parameters"``
# keeps the weights and the bias before every step and after the last, for the
# accuracy further down.

data = bl.make_dataset(n_samples)
X, Y = data.X_train, data.Y_train
w_init, b_init = bl.initial_parameters(2, random_state=1)
step_size = 0.25

ours = bl.gradient_descent(
    X, Y, w_init, b_init, step_size=step_size, steps=n_steps, record="parameters"
)

# %%
# Keras trains the same model with ``model.fit``, one batch of all training samples per
# epoch, so an epoch is one step (this imports TensorFlow, which takes a few seconds).

reference = train_keras(X, Y, w_init, b_init, step_size=step_size, steps=n_steps)
theirs = reference.result

# %%
# Compare the learning curves
# ---------------------------
# Both results hold the cost *before* each step: ``costs[k]`` is the cost at the
# parameters after ``k`` updates, which is also what Keras reports as the loss of
# epoch ``k`` (the loss of the batch, computed on the way to the gradient). The
# first entry is the cost at the initial weights, and ``final_cost`` the cost after
# the last update.

steps = np.arange(n_steps)
cost_gap = np.abs(ours.costs - theirs.costs)
print(f"{'step':>4} {'J ours':>19} {'J Keras':>19} {'|difference|':>13}")
for k in [0, 1, 10, n_steps - 1]:
    print(
        f"{k:>4} {ours.costs[k]:>19.16f} {theirs.costs[k]:>19.16f} {cost_gap[k]:>13.1e}"
    )
ulp = np.spacing(theirs.costs)  # the spacing of float64 numbers near J
print(f"largest |difference| over {n_steps} steps: {cost_gap.max():.1e}")
print(f"  relative to J {np.max(cost_gap / theirs.costs):.1e}")
print(f"  in ulp of J   {np.max(cost_gap / ulp):.0f}")

# %%
# One *unit in the last place* (ulp) of :math:`J`, the spacing of float64 numbers
# near it, is between about :math:`10^{-17}` and :math:`10^{-16}` here. The two
# programs compute the same formulas, but not with the same operations in the same
# order (Keras differentiates its loss automatically, and sums in its own order), so
# each step may round differently in its last bits; gradient descent on a convex
# cost does not let such differences grow.
#
# On top, the two learning curves; below, their difference on a logarithmic axis,
# next to 1 ulp of :math:`J`. Steps where the two costs are identical have no point on
# the logarithmic axis.

fig, (ax_cost, ax_gap) = plt.subplots(
    2,
    1,
    figsize=(7.5, 6),
    sharex=True,
    layout="constrained",
    gridspec_kw={"height_ratios": [3, 2]},
)
ax_cost.plot(steps, ours.costs, color="C0", lw=5, alpha=0.5, label="ours (NumPy)")
ax_cost.plot(steps, theirs.costs, color="C1", lw=1.8, ls="--", label="Keras")
ax_cost.set_yscale("log")
ax_cost.set_yticks([0.05, 0.1, 0.2, 0.5], ["0.05", "0.1", "0.2", "0.5"])
ax_cost.set_yticks([], minor=True)
ax_cost.set_ylabel("cost $J$ on the training data")
ax_cost.set_title(f"Learning curves of ours and Keras, step size {step_size}")
ax_cost.legend(loc="upper right")

nonzero = cost_gap > 0
ax_gap.semilogy(
    steps[nonzero], cost_gap[nonzero], ".", color="C2", ms=4, label="|ours - Keras|"
)
ax_gap.semilogy(steps, ulp, color="0.2", ls=":", lw=1.5, label="1 ulp of $J$")
ax_gap.set_ylim(1e-19, 1e-10)
ax_gap.set_xlabel("step $k$ (epoch)")
ax_gap.set_ylabel(r"$|J_\mathrm{ours} - J_\mathrm{Keras}|$")
ax_gap.legend(loc="upper left", ncols=2, fontsize=10, markerscale=2)
ax_gap.set_title("Difference of the two costs at each step", fontsize="medium")
plt.show()

# %%
# The curves cannot be told apart: the cost falls fast in the first few dozen steps
# and then ever more slowly, and Keras follows every step. Computed the same way, the
# costs along the two paths agree to within a few ulp, and often exactly: the two
# implementations run the same algorithm, and only the order of some floating-point
# operations differs. The page :doc:`/ours_vs_tensorflow` follows these last bits
# further.
#
# Follow the accuracy
# -------------------
# The cost is what gradient descent lowers; the accuracy is what a user of the
# classifier sees. For ours, evaluate the recorded parameters of every step with
# :func:`binary_logreg.forward`, :func:`binary_logreg.predict_labels` and
# :func:`binary_logreg.accuracy`, on the training data and, for comparison, on the
# test data.


def accuracy_along(result, X, Y):
    """Accuracy of the model at every recorded point of a training run."""
    path = zip(result.w_path, result.b_path, strict=True)
    return np.array(
        [
            bl.accuracy(Y, bl.predict_labels(bl.forward(w[:, None], b, X)))
            for w, b in path
        ]
    )


accuracy_train = accuracy_along(ours, X, Y)
accuracy_test = accuracy_along(ours, data.X_test, data.Y_test)

# %%
# For Keras, no parameters are recorded, but the model was compiled with the metric
# ``BinaryAccuracy``, and ``model.fit`` logged its value for every epoch in the
# model's ``History`` callback, which the trained model keeps as ``model.history``.
# Like the loss, it is computed on the batch before the epoch's update, at the same
# parameters as our ``costs[k]``. The accuracy after the last update comes from
# :meth:`~binary_logreg.keras_reference.KerasReference.evaluate`. (The two count a
# probability of exactly 0.5 differently, see :ref:`metrics-keras`.)

history = reference.model.history.history
accuracy_keras = np.append(history["accuracy"], reference.evaluate(X, Y).accuracy)
differing = np.rint(np.abs(accuracy_train - accuracy_keras) * Y.size).astype(int)
print(f"Keras logged: {sorted(history)}")
print(f"steps where the two accuracies differ: {np.sum(differing > 0)}")
print(f"largest difference: {differing.max()} of {Y.size} training samples")

# %%
# Both accuracies agree at every step. Where does the accuracy stand along the way,
# and when is it highest?

updates = np.arange(n_steps + 1)  # parameters after k updates, k = 0 ... n_steps
costs = np.append(ours.costs, ours.final_cost)
print(f"{'updates':>7} {'cost':>7} {'training accuracy':>18} {'test accuracy':>14}")
for k in sorted({0, 1, 2, 5, 10, 20, 50, 100, 200, n_steps}):
    if k <= n_steps:
        print(
            f"{k:>7} {costs[k]:>7.4f} {accuracy_train[k]:>18.4f} "
            f"{accuracy_test[k]:>14.4f}"
        )
best = np.argmax(accuracy_train)
print(f"highest training accuracy {accuracy_train[best]:.6f} after {best} updates,")
surplus = np.rint((accuracy_train[best] - accuracy_train[-1]) * Y.size)
print(f"{surplus:.0f} more correct training samples than after the last update")

# %%
# The same numbers as curves. A logarithmic step axis (with a linear piece around
# 0, for the initial weights) spreads out the early steps, where almost everything
# happens; the lower panel zooms into the top percent.

fig, (ax_all, ax_zoom) = plt.subplots(
    2, 1, figsize=(7.5, 6), sharex=True, layout="constrained"
)
for ax in (ax_all, ax_zoom):
    ax.plot(
        updates,
        accuracy_train,
        color="C0",
        lw=5,
        alpha=0.5,
        label="ours, training data",
    )
    ax.plot(
        updates,
        accuracy_keras,
        color="C1",
        lw=1.8,
        ls="--",
        label="Keras, training data",
    )
    ax.plot(
        updates, accuracy_test, color="C2", lw=1.5, ls="-.", label="ours, test data"
    )
    ax.set_xscale("symlog", linthresh=1, linscale=0.5)
    ax.set_xlim(0, n_steps)
    ax.set_xticks([0, 1, 2, 5, 10, 20, 50, 100, 200, 500], minor=False)
    ax.set_xticks([], minor=True)
ax_all.set_ylabel("accuracy")
ax_all.set_title("Accuracy during training, ours and Keras")
ax_all.legend(loc="lower right")
ax_zoom.set_ylim(0.990, 0.996)
ax_zoom.set_ylabel("accuracy (zoomed)")
ax_zoom.set_title("Zoom into the plateau", fontsize="medium")
ax_zoom.set_xlabel("updates made, $k$ (logarithmic above 1)")
ax_zoom.xaxis.set_major_formatter("{x:.0f}")
plt.show()

# %%
# From the initial weights, which label about half of the samples correctly, the
# accuracy climbs to its plateau within a few dozen steps, while the cost keeps
# falling for the whole run. On the plateau the accuracy even drifts by a few samples
# (counted above) and peaks before the end: gradient descent lowers the cross-entropy, which keeps
# rewarding more confident probabilities for samples already on the right side, not
# the number of correct labels. The test accuracy follows the training accuracy
# closely, since a straight line cannot overfit tens of thousands of samples.
#
# In practice
# -----------
# - Keras's ``History`` holds every metric the model was compiled with, per epoch:
#   ``model.fit(...).history`` returns it, and the model keeps the latest one as
#   ``model.history``. Pass ``validation_data`` to ``fit`` to log test metrics too.
# - The loss and the metrics that ``fit`` logs come from the forward pass of each
#   batch, before its update. With mini-batches they are averages over an epoch in
#   which the parameters changed many times, so they differ from a fresh
#   ``model.evaluate`` at the epoch's end; with one full batch, as here, they are
#   the exact values at the parameters the epoch started from.
# - Stop training on the quantity you care about: the accuracy stops improving long
#   before the cost does. Early stopping watches a validation metric
#   (``keras.callbacks.EarlyStopping``); the ``tol`` argument of
#   :func:`binary_logreg.gradient_descent` watches the gradient instead.
