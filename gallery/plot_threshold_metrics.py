# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Move the decision threshold: precision, recall, ROC and PR curves
=================================================================

The model outputs a probability :math:`a = \\sigma(z)`; a label needs a threshold,
and 0.5 is only the default. On data whose classes overlap, moving the threshold
trades false positives for false negatives. This example trains the model on such
data, sweeps the threshold with :func:`binary_logreg.predict_labels`, follows
precision, recall and F1 with the package's metrics, shows confusion matrices at
three thresholds, and builds the ROC and precision-recall curves from the same
metrics, checked point by point against scikit-learn's `sklearn.metrics`_.

.. _sklearn.metrics: https://scikit-learn.org/stable/api/sklearn.metrics.html
"""

# %%
# Set up
# ------

import os

import matplotlib.pyplot as plt
import numpy as np
from sklearn import metrics as skm

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")  # the tutorial's figure style

# %%
# The test suite shrinks the data and the training run with two environment
# variables; left unset, the example runs at full size.

n_samples = int(os.environ.get("BINARY_LOGREG_EXAMPLE_SAMPLES", 100_000))
n_steps = int(os.environ.get("BINARY_LOGREG_EXAMPLE_STEPS", 500))

# %%
# Train on overlapping classes
# ----------------------------
# The course's data set separates the classes so well that almost any threshold
# works. Halving the cluster distance (``class_sep=0.5``) and assigning 5 % of the
# labels at random (``flip_y=0.05``) makes the classes overlap. Training is the
# course's: initial weights uniform in :math:`[-1, 1)` with seed 1, step size 0.25,
# 500 steps.

data = bl.make_dataset(n_samples, class_sep=0.5, flip_y=0.05)
w_init, b_init = bl.initial_parameters(data.n_features, random_state=1)
result = bl.gradient_descent(
    data.X_train, data.Y_train, w_init, b_init, step_size=0.25, steps=n_steps
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
# :eq:`eq-confusion-matrix`). At three thresholds, with the share of all test
# samples below each count:

fig, axes = plt.subplots(1, 3, figsize=(7.5, 3.8), layout="constrained")
for ax, threshold in zip(axes, check_thresholds, strict=True):
    labels = bl.predict_labels(A_test, threshold)
    report = bl.classification_report(Y_test, labels)
    counts, percent = report.confusion_matrix, report.confusion_matrix_percent
    ax.imshow(counts, cmap="Blues", vmin=0, vmax=counts.sum() / 2)
    ax.grid(False)
    for (i, j), count in np.ndenumerate(counts):
        colour = "white" if count > counts.sum() / 4 else "black"
        ax.text(
            j,
            i,
            f"{count}\n{percent[i, j]:.1f} %",
            ha="center",
            va="center",
            color=colour,
        )
    ax.set_xticks([0, 1], ["0", "1"])
    ax.set_yticks([0, 1], ["0", "1"])
    ax.set_xlabel("predicted label")
    ax.set_title(
        f"threshold {threshold}\nprecision {report.precision:.3f}"
        f"\nrecall {report.recall:.3f}",
        fontsize=11,
    )
axes[0].set_ylabel("true label")
fig.suptitle("Confusion matrices of the test set at three thresholds")
plt.show()

# %%
# Raising the threshold moves samples from the right column (predicted 1) to the
# left one: false positives (top right) turn into true negatives, but true positives
# (bottom right) turn into false negatives.
#
# Build the ROC and precision-recall curves
# -----------------------------------------
# The ROC curve plots the true positive rate (the recall) against the false positive
# rate :math:`\mathrm{FP}/(\mathrm{FP} + \mathrm{TN})` over all thresholds; the
# precision-recall curve plots precision against recall. Both curves change only at
# the scores of the samples, so take the thresholds where scikit-learn's
# `roc_curve`_ and `precision_recall_curve`_ place their points and compute every
# point with the package's own metrics. (Their option ``drop_intermediate=True``
# leaves out points that do not change the plotted curve.)
#
# .. _roc_curve: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.roc_curve.html
# .. _precision_recall_curve: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.precision_recall_curve.html

y_true, y_score = Y_test.ravel(), A_test.ravel()
fpr_sk, tpr_sk, roc_thresholds = skm.roc_curve(y_true, y_score)
precision_sk, recall_sk, pr_thresholds = skm.precision_recall_curve(
    y_true, y_score, drop_intermediate=True
)


def rates(threshold):
    """False and true positive rates of our labels at one threshold."""
    labels = bl.predict_labels(A_test, threshold)
    (tn, fp), (_, _) = bl.confusion_matrix(Y_test, labels)
    return fp / (fp + tn), bl.recall(Y_test, labels)


# roc_thresholds[0] is +inf (nothing predicted positive): the point (0, 0).
fpr, tpr = np.array([(0.0, 0.0)] + [rates(t) for t in roc_thresholds[1:]]).T
pr_points = [
    (bl.precision(Y_test, labels), bl.recall(Y_test, labels))
    for labels in (bl.predict_labels(A_test, t) for t in pr_thresholds)
]
precision_ours, recall_ours = np.array(pr_points).T
# precision_recall_curve appends the point (recall 0, precision 1) at the end.
roc_difference = max(np.abs(fpr - fpr_sk).max(), np.abs(tpr - tpr_sk).max())
pr_difference = max(
    np.abs(precision_ours - precision_sk[:-1]).max(),
    np.abs(recall_ours - recall_sk[:-1]).max(),
)
print(f"ROC: {fpr.size} points, largest difference {roc_difference:.1e}")
print(f"PR:  {recall_ours.size} points, largest difference {pr_difference:.1e}")

# %%
# The area under the ROC curve (AUC) is the probability that a random positive
# sample scores higher than a random negative one; it does not depend on any
# threshold. The trapezoidal rule on our points against scikit-learn's
# `roc_auc_score`_:
#
# .. _roc_auc_score: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.roc_auc_score.html

auc_ours = np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2)  # trapezoidal rule
auc_sklearn = skm.roc_auc_score(y_true, y_score)
print(
    f"AUC ours {auc_ours:.10f}, scikit-learn {auc_sklearn:.10f}, "
    f"difference {abs(auc_ours - auc_sklearn):.1e}"
)

# %%
# The ROC curve with the three thresholds marked; scikit-learn's curve is drawn
# dashed on top of ours. The diagonal is a classifier that guesses. Lowering the
# threshold moves up and to the right along the curve.

markers = dict(zip(check_thresholds, ["v", "o", "^"], strict=True))
fig, ax = plt.subplots(figsize=(6.5, 5), layout="constrained")
ax.plot(fpr, tpr, color="C0", lw=3, label=f"ours (AUC {auc_ours:.4f})")
ax.plot(fpr_sk, tpr_sk, "--", color="C1", lw=1.5, label="scikit-learn")
ax.plot([0, 1], [0, 1], ":", color="0.5", label="guessing")
for threshold, marker in markers.items():
    point = rates(threshold)
    ax.plot(*point, marker, color="k", ms=8, label=f"threshold {threshold}")
ax.set_xlabel("false positive rate FP / (FP + TN)")
ax.set_ylabel("true positive rate (recall)")
ax.set_title("ROC curve of the test set, ours and scikit-learn's")
ax.legend(loc="lower right")
plt.show()

# %%
# The precision-recall curve, likewise. The dotted line is the share of positives,
# the precision of labelling everything 1. At the far left only a handful of samples
# are labelled 1, so precision jumps about there.

fig, ax = plt.subplots(figsize=(6.5, 5), layout="constrained")
ax.plot(recall_ours, precision_ours, color="C0", lw=3, label="ours")
ax.plot(recall_sk, precision_sk, "--", color="C1", lw=1.5, label="scikit-learn")
ax.axhline(Y_test.mean(), ls=":", color="0.5", label="share of positives")
for threshold, marker in markers.items():
    labels = bl.predict_labels(A_test, threshold)
    point = bl.recall(Y_test, labels), bl.precision(Y_test, labels)
    ax.plot(*point, marker, color="k", ms=8, label=f"threshold {threshold}")
ax.set_xlabel("recall")
ax.set_ylabel("precision")
ax.set_ylim(0.4, 1.02)
ax.set_title("Precision-recall curve of the test set, ours and scikit-learn's")
ax.legend(loc="lower center")
plt.show()

# %%
# The curves agree with scikit-learn's exactly, because both count the same
# samples: a sample is labelled 1 when its score is at or above the threshold, in
# :func:`binary_logreg.predict_labels` as in scikit-learn.
#
# In practice
# -----------
# - Choose the threshold on a validation set, not on the test set as this example
#   does for brevity; otherwise the test score is optimistic.
# - The best threshold depends on what the errors cost. A screening test that must
#   not miss a positive wants a high recall and a low threshold; a filter whose false
#   alarms are expensive wants a high precision and a high threshold. F1 weighs both
#   equally, which is one choice among many.
# - With balanced classes, as here, the ROC and the precision-recall curve tell a
#   similar story. With rare positives the ROC curve can look good while precision
#   is poor; then look at the precision-recall curve.
# - Moving the threshold moves the decision boundary :math:`w^\mathsf{T}x + b =
#   \operatorname{logit}(t)` parallel to itself (equation :eq:`eq-decision-boundary`);
#   it does not retrain the model.
