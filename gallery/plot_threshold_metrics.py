# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Move the decision threshold: precision against recall
=====================================================

The model outputs a probability :math:`a = \\sigma(z)`; a label needs a threshold,
and 0.5 is only the default. On data whose classes overlap, moving the threshold
trades false positives for false negatives. This example trains the model on such
data, sweeps the threshold with :func:`binary_logreg.predict_labels`, follows
precision, recall and F1 with the package's metrics, and shows the confusion matrices
at three thresholds.
"""

# %%
# Train on overlapping classes
# ----------------------------
# The course's data set separates the classes so well that almost any threshold
# works. Halving the cluster distance (``class_sep=0.5``) and assigning 5 % of the
# labels at random (``flip_y=0.05``) makes the classes overlap. Training is the
# course's: initial weights uniform in :math:`[-1, 1)` with seed 1, step size 0.25,
# 500 steps.

import matplotlib.pyplot as plt
import numpy as np

import binary_logreg as bl
from binary_logreg.plotting import plot_confusion_matrix

plt.style.use("binary_logreg.tutorial")

data = bl.make_dataset(class_sep=0.5, flip_y=0.05)
w_init, b_init = bl.initial_parameters(data.n_features, random_state=1)
result = bl.gradient_descent(
    data.X_train, data.Y_train, w_init, b_init, step_size=0.25, steps=500
)
print(f"final training cost {result.final_cost:.4f}")
print("test set, threshold 0.5:")
print(bl.evaluate(result.w, result.b, data.X_test, data.Y_test))

# %%
# Sweep the threshold
# -------------------
# Predict the probabilities of the test samples once, then label them at 201
# thresholds from 0 to 1 and compute the metrics at each.

Y_test = data.Y_test
A_test = bl.forward(result.w, result.b, data.X_test)
thresholds = np.linspace(0.0, 1.0, 201)
curves = {"precision": [], "recall": [], "F1": [], "accuracy": []}
for threshold in thresholds:
    labels = bl.predict_labels(A_test, threshold)
    curves["precision"].append(bl.precision(Y_test, labels))
    curves["recall"].append(bl.recall(Y_test, labels))
    curves["F1"].append(bl.f1_score(Y_test, labels))
    curves["accuracy"].append(bl.accuracy(Y_test, labels))
curves = {name: np.array(values) for name, values in curves.items()}
best = np.argmax(curves["F1"])
print(f"best F1 {curves['F1'][best]:.4f} at threshold {thresholds[best]:.3f}")
print(f"F1 at threshold 0.5: {curves['F1'][100]:.4f}")

# %%
# At the top, the predicted probabilities of the test samples, split by their true
# class: everything right of a threshold is labelled 1. At the bottom, the metrics as
# the threshold moves. A low threshold labels almost everything 1: recall is
# (nearly) 1 and precision falls to the share of positives. A high threshold labels
# only the surest samples 1: precision rises and recall falls. At threshold 1 nothing
# is predicted positive, precision is undefined and reported as 0
# (``zero_division=0.0``).

check_thresholds = [0.2, 0.5, 0.8]
# sphinx_gallery_thumbnail_number = 1
fig = plt.figure(figsize=(7, 7.5), layout="constrained")
ax_hist, ax_metrics = fig.subplots(2, 1, sharex=True)
bins = np.linspace(0, 1, 51)
for label, hatch in [(0, None), (1, "//")]:  # class 1 hatched: not colour alone
    scores = A_test[Y_test == label]
    ax_hist.hist(
        scores, bins, color=f"C{label}", alpha=0.6, hatch=hatch, label=f"class {label}"
    )
for threshold in check_thresholds:
    ax_hist.axvline(threshold, color="0.3", ls=":", lw=1.2)
ax_hist.set_ylabel("test samples per bin")
ax_hist.set_title("Histogram of the predicted probabilities, by true class")
ax_hist.legend(loc="upper center")
styles = {"precision": "C0-", "recall": "C1--", "F1": "C2-.", "accuracy": "C7:"}
for name, style in styles.items():
    ax_metrics.plot(thresholds, curves[name], style, lw=2, label=name)
ax_metrics.plot(thresholds[best], curves["F1"][best], "o", color="C2", ms=8)
ax_metrics.annotate(
    f"best F1 at {thresholds[best]:.2f}",
    (thresholds[best], curves["F1"][best]),
    xytext=(0.05, 0.62),
    arrowprops={"arrowstyle": "->", "color": "0.3"},
)
ax_metrics.set_xlabel(r"threshold on the predicted probability $a$")
ax_metrics.set_ylabel("metric on the test set")
ax_metrics.set_ylim(0, 1.02)
ax_metrics.set_title("Metrics against the threshold")
ax_metrics.legend(loc="lower center")
plt.show()

# %%
# The largest F1 lies close to the default 0.5 here, and F1 is flat around it: the
# classes are balanced and the model's probabilities are calibrated on average, so
# 0.5 is a good compromise. The threshold starts to matter when the two kinds of
# error do not cost the same, which the confusion matrices make concrete.
#
# Look at the confusion matrices
# ------------------------------
# The metrics are ratios of the four counts of the confusion matrix (equation
# :eq:`eq-confusion-matrix`). At three thresholds, drawn by
# :func:`binary_logreg.plotting.plot_confusion_matrix`, with the share of all test
# samples below each count:

fig, axes = plt.subplots(1, 3, figsize=(9, 3.6), layout="constrained")
for ax, threshold in zip(axes, check_thresholds, strict=True):
    labels = bl.predict_labels(A_test, threshold)
    plot_confusion_matrix(ax, Y_test, labels, title=f"threshold {threshold}")
    ax.set_xlabel(
        f"predicted label\nprecision {bl.precision(Y_test, labels):.3f}, "
        f"recall {bl.recall(Y_test, labels):.3f}"
    )
for ax in axes[1:]:
    ax.set_ylabel("")
fig.suptitle("Confusion matrices of the test set at three thresholds")
plt.show()

# %%
# Raising the threshold moves samples from the right column (predicted 1) to the
# left one: false positives (top right) turn into true negatives, but true positives
# (bottom right) turn into false negatives.
#
# In practice
# -----------
# - Choose the threshold on a validation set, not on the test set as this example
#   does for brevity; otherwise the test score is optimistic.
# - The best threshold depends on what the errors cost. A screening test that must
#   not miss a positive wants a high recall and a low threshold; a filter whose false
#   alarms are expensive wants a high precision and a high threshold. F1 weighs both
#   equally, which is one choice among many.
# - Moving the threshold moves the decision boundary :math:`w^\mathsf{T}x + b =
#   \operatorname{logit}(t)` parallel to itself (equation :eq:`eq-decision-boundary`);
#   it does not retrain the model.
# - :ref:`sphx_glr_auto_examples_plot_roc_pr_curves.py` sums up all thresholds at
#   once in the ROC and the precision-recall curve.
