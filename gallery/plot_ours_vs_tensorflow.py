# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Train the course model with NumPy and with TensorFlow/Keras
===========================================================

The course notebook this tutorial grows from (F. Schultz, S. Spors,
`Data Driven Audio Signal Processing`_, University of Rostock) ends by training its
sigmoid unit a second time, with TensorFlow, and printing both results. This example runs that
notebook from start to finish with the package: the course data from
:func:`binary_logreg.make_dataset`, our training with
:func:`binary_logreg.gradient_descent`, the course's Keras model with
:func:`binary_logreg.keras_reference.train_keras` from the same initial weights, and
then tables of the weights, the metrics and the confusion matrices of both models on
the training and the test data. It closes with the decision boundary of both models
drawn over the predicted probabilities. The page :doc:`/ours_vs_tensorflow` explains
the remaining differences in detail.

.. _Data Driven Audio Signal Processing:
   https://github.com/spatialaudio/data-driven-audio-signal-processing-exercise
"""

# %%
# Set up
# ------
# The Keras model lives in :mod:`binary_logreg.keras_reference`, which imports
# TensorFlow only when it is first used.

import os
import time

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.lines import Line2D

import binary_logreg as bl
from binary_logreg.keras_reference import import_keras, train_keras

plt.style.use("binary_logreg.tutorial")  # the tutorial's figure style

# %%
# The test suite shrinks the data and the training run with two environment
# variables; left unset, the example runs at the course's size: 100,000 samples and
# 500 steps.

n_samples = int(os.environ.get("BINARY_LOGREG_EXAMPLE_SAMPLES", 100_000))
n_steps = int(os.environ.get("BINARY_LOGREG_EXAMPLE_STEPS", 500))

# %%
# Make the data and the initial weights
# -------------------------------------
# Two features, two classes, one cluster per class, and label noise: 1 % of the
# labels are drawn anew at random, so about 0.5 % change class. 80 % of the
# samples train the model, the other 20 % test it. The data come
# in the course layout, one column per sample. The initial weights and bias are drawn
# uniformly from :math:`[-1, 1)`, as in the course notebook, here with the fixed seed
# 1 so that every run starts from the same point.

data = bl.make_dataset(n_samples)
X, Y = data.X_train, data.Y_train
print(f"training data X {data.X_train.shape}, labels Y {data.Y_train.shape}")
print(f"test data     X {data.X_test.shape}, labels Y {data.Y_test.shape}")

w_init, b_init = bl.initial_parameters(2, random_state=1)
print(f"initial weights w = {w_init.ravel()}, bias b = {b_init.item():.6f}")

# %%
# Train with NumPy
# ----------------
# The course's hyperparameters: step size 0.25 and 500 steps of full-batch gradient
# descent, each step using all training samples.

step_size = 0.25
start = time.perf_counter()
ours = bl.gradient_descent(X, Y, w_init, b_init, step_size=step_size, steps=n_steps)
time_ours = time.perf_counter() - start
print(f"ours:  {ours.n_steps} steps in {time_ours:.2f} s, cost {ours.final_cost:.6f}")

# %%
# Train with Keras
# ----------------
# :func:`~binary_logreg.keras_reference.train_keras` builds the course's model, a
# ``Dense(1, activation="sigmoid")`` layer trained by plain SGD on the binary
# cross-entropy in float64, sets the same initial weights, and calls ``model.fit``
# with one batch of all training samples per epoch, so that one epoch is one
# gradient-descent step. Importing TensorFlow takes a few seconds of its own.

import_keras()  # TensorFlow's import, so that it is not timed below
start = time.perf_counter()
reference = train_keras(X, Y, w_init, b_init, step_size=step_size, steps=n_steps)
time_keras = time.perf_counter() - start
theirs = reference.result  # the same result type as gradient_descent returns
print(
    f"Keras: {theirs.n_steps} epochs in {time_keras:.2f} s, cost {theirs.final_cost:.6f}"
)

# %%
# Compare the weights
# -------------------
# Both trained parameters side by side, and their differences in scientific
# notation. Training moved each parameter by between a few tenths and a few units;
# the two implementations differ by the order of the float64 rounding error,
# :math:`10^{-16}`, or not at all.

print(f"{'':>3} {'initial':>10} {'ours':>20} {'Keras':>20} {'ours - Keras':>13}")
parameters = {
    "w1": (w_init[0, 0], ours.w[0, 0], theirs.w[0, 0]),
    "w2": (w_init[1, 0], ours.w[1, 0], theirs.w[1, 0]),
    "b": (b_init.item(), ours.b, theirs.b),
}
for name, (initial, value_ours, value_keras) in parameters.items():
    difference = value_ours - value_keras
    print(
        f"{name:>3} {initial:>+10.6f} {value_ours:>+20.16f} {value_keras:>+20.16f}"
        f" {difference:>+13.1e}"
    )

# %%
# Compare the metrics
# -------------------
# Evaluate both trained models on both data sets. Our numbers come from
# :func:`binary_logreg.evaluate`; Keras's from Keras itself,
# :meth:`~binary_logreg.keras_reference.KerasReference.evaluate` reads them from
# ``model.evaluate`` (its loss and its ``BinaryAccuracy``, ``Precision`` and ``Recall``
# metrics) and counts the confusion matrix with ``tf.math.confusion_matrix``, as the
# course notebook does. The test data played no part in training either model.

splits = {
    "training": (data.X_train, data.Y_train),
    "test": (data.X_test, data.Y_test),
}
reports = {}
for split, (X_split, Y_split) in splits.items():
    reports[split, "ours"] = bl.evaluate(ours.w, ours.b, X_split, Y_split)
    reports[split, "Keras"] = reference.evaluate(X_split, Y_split)

for split in splits:
    report_ours, report_keras = reports[split, "ours"], reports[split, "Keras"]
    print(f"{split} data, M = {report_ours.n_samples} samples")
    print(f"{'':>11} {'ours':>10} {'Keras':>10} {'|difference|':>13}")
    for metric, value_ours in report_ours.as_dict().items():
        value_keras = report_keras.as_dict()[metric]
        difference = abs(value_ours - value_keras)
        print(
            f"{metric:>11} {value_ours:>10.6f} {value_keras:>10.6f} {difference:>13.1e}"
        )
    print()

# %%
# The two implementations report the same cost, accuracy, precision, recall and F1
# score; where a difference shows, it is at the level of rounding. The test scores are
# about as good as the training scores: a straight line cannot overfit 80,000
# samples.
#
# Compare the confusion matrices
# ------------------------------
# The confusion matrix ``[[TN, FP], [FN, TP]]`` has the true labels in its rows and
# the predicted labels in its columns (equation :eq:`eq-confusion-matrix`). Both
# models, in counts and in percent of all samples of the data set:


def print_confusion_matrices(split):
    """Print our and Keras's confusion matrix of one data set, counts and percent."""
    report_ours, report_keras = reports[split, "ours"], reports[split, "Keras"]
    print(f"{split} data, M = {report_ours.n_samples} samples")
    print(f"{'':>14}{'ours':^20}  {'Keras':^20}")
    print(f"{'':>14}" + 2 * f"{'pred. 0':>10}{'pred. 1':>10}  ")
    for label in (0, 1):
        counts = [*report_ours.confusion_matrix[label]]
        counts += [*report_keras.confusion_matrix[label]]
        row = f"{'counts' if label == 0 else '':<7} true {label}"
        row += f"{counts[0]:>10d}{counts[1]:>10d}  {counts[2]:>10d}{counts[3]:>10d}"
        print(row)
    for label in (0, 1):
        percent = [*report_ours.confusion_matrix_percent[label]]
        percent += [*report_keras.confusion_matrix_percent[label]]
        row = f"{'percent' if label == 0 else '':<7} true {label}"
        row += "".join(f"{p:>9.3f}%" for p in percent[:2]) + "  "
        row += "".join(f"{p:>9.3f}%" for p in percent[2:])
        print(row)
    same = np.array_equal(report_ours.confusion_matrix, report_keras.confusion_matrix)
    print(f"identical: {same}\n")


for split in splits:
    print_confusion_matrices(split)

# %%
# Every sample lands in the same cell for both models. Fewer than one sample in a
# hundred is misclassified. The data set assigns 1 % of the labels at random, so
# about half of those, 0.5 % of all samples, carry the wrong label: they sit inside
# the other class's cluster, where no straight line can get them right. The rest of
# the errors are samples where the two clusters meet.
#
# Draw the decision boundary
# --------------------------
# With two features the model can be drawn. The filled contours show our model's
# predicted probability of class 1, :math:`a = \sigma(w^\mathsf{T} x + b)`, over the
# plane; the sample is labelled 1 where :math:`a \ge 0.5`, so the decision boundary
# is the straight line :math:`w^\mathsf{T} x + b = 0` (equation
# :eq:`eq-decision-boundary`). Keras's boundary comes from ``model.predict`` on the
# same grid. Points are a random subsample of each data set (2,000 per panel), so
# that single samples stay visible.

lims = np.array([data.X_train.min(axis=1), data.X_train.max(axis=1)]).T
lims = np.column_stack([np.floor(lims[:, 0] * 2), np.ceil(lims[:, 1] * 2)]) / 2
x1 = np.linspace(*lims[0], 301)
x2 = np.linspace(*lims[1], 241)
grid = np.vstack([g.ravel() for g in np.meshgrid(x1, x2)])  # (2, 301 * 241)
A_ours = bl.forward(ours.w, ours.b, grid).reshape(x2.size, x1.size)
A_keras = reference.predict_proba(grid).reshape(x2.size, x1.size)
print(f"largest |a_ours - a_Keras| on the grid: {np.abs(A_ours - A_keras).max():.1e}")

# %%
# How sharp is the transition? Across the line, :math:`a` goes from 0.1 to 0.9 where
# :math:`w^\mathsf{T} x + b` goes from :math:`-\ln 9` to :math:`\ln 9`, a distance of
# :math:`2 \ln 9 / \lVert w \rVert` in the plane:

band = 2 * np.log(9) / np.linalg.norm(ours.w)
print(f"|w| = {np.linalg.norm(ours.w):.3f}: 0.1 < a < 0.9 in a band {band:.2f} wide")

# %%
# The picture, training data left, test data right. The blue-to-orange colour scale
# of the probability matches the colours of the two classes.

blue_white_orange = LinearSegmentedColormap.from_list(
    "blue_white_orange",
    ["#a6cee4", "white", "#f6dda6"],  # light C0 (blue), light C1 (orange)
)
points_rng = np.random.default_rng(0)
n_shown = 2000
fig, axes = plt.subplots(1, 2, figsize=(7.5, 4.0), sharey=True, layout="constrained")
for ax, (split, (X_split, Y_split)) in zip(axes, splits.items(), strict=True):
    filled = ax.contourf(
        x1, x2, A_ours, levels=np.linspace(0, 1, 11), cmap=blue_white_orange
    )
    ax.contour(x1, x2, A_ours, levels=[0.5], colors="k", linewidths=3)
    ax.contour(
        x1,
        x2,
        A_keras,
        levels=[0.5],
        colors="white",
        linewidths=1.2,
        linestyles=[(0, (4, 3))],
    )
    shown = points_rng.choice(
        X_split.shape[1], min(n_shown, X_split.shape[1]), replace=False
    )
    for label, colour, marker in [(0, "C0", "o"), (1, "C1", "^")]:
        keep = shown[Y_split[0, shown] == label]
        ax.scatter(
            X_split[0, keep],
            X_split[1, keep],
            s=14,
            c=colour,
            marker=marker,
            edgecolors="0.15",
            linewidths=0.4,
        )
    accuracy = reports[split, "ours"].accuracy
    ax.set_title(f"{split} data, {X_split.shape[1]:,} samples\naccuracy {accuracy:.4f}")
    ax.set_xlim(*lims[0])
    ax.set_ylim(*lims[1])
    ax.set_aspect("equal")
    ax.set_xlabel("feature 1, $x_1$")
axes[0].set_ylabel("feature 2, $x_2$")
fig.colorbar(filled, ax=axes, shrink=0.85, label="predicted probability of class 1")
fig.suptitle(
    f"Decision boundaries of ours and Keras, {n_shown:,} random samples per panel"
)
keras_line = (
    Line2D([], [], color="k", lw=3),
    Line2D([], [], color="white", lw=1.2, ls=(0, (4, 3))),
)
legend_entries = {
    "class 0": Line2D([], [], ls="", marker="o", color="C0", mec="0.15"),
    "class 1": Line2D([], [], ls="", marker="^", color="C1", mec="0.15"),
    "boundary, ours": Line2D([], [], color="k", lw=3),
    "boundary, Keras": keras_line,
}
fig.legend(
    legend_entries.values(),
    legend_entries.keys(),
    loc="outside lower center",
    ncols=4,
    columnspacing=1.0,
    handlelength=2.5,
)
plt.show()

# %%
# Keras's dashed boundary runs exactly along ours. The line separates the two
# clusters well; the few points on the wrong side are the flipped labels, deep in
# the other cluster, and a handful of samples where the clusters meet. The contours
# also show how sure the model is: the probability changes from 0.1 to 0.9 within
# the narrow band computed above, and is close to 0 or 1 everywhere else. Training
# longer lengthens :math:`w`, which narrows the band and lowers the cost, while hardly
# any sample changes sides; :ref:`sphx_glr_auto_examples_plot_learning_curves.py`
# follows the cost and the accuracy step by step.
#
# In practice
# -----------
# - For one sigmoid unit, Keras runs exactly the algorithm of
#   :func:`binary_logreg.gradient_descent` only with a batch of all samples, SGD
#   without momentum and float64 throughout; any other batch size is mini-batch
#   stochastic gradient descent, which ends elsewhere.
# - Compare two implementations with a tolerance, not with ``==``: a different
#   order of floating-point operations changes the last bits.
# - Keras's metrics and the package count a probability of exactly 0.5 differently
#   (:ref:`metrics-keras`); that matters only for a sample exactly on the line.
# - The Keras run takes seconds, ours a fraction of a second: for a model this small
#   Keras's fixed cost per epoch dominates.
