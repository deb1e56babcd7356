# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Build the ROC and precision-recall curves from the package's metrics
====================================================================

A threshold turns the model's probabilities into labels
(:ref:`sphx_glr_auto_examples_plot_threshold_metrics.py` moves it by hand). The ROC
and the precision-recall curve sum up every threshold at once. This example builds
both from :func:`binary_logreg.predict_labels`, :func:`binary_logreg.confusion_matrix`,
:func:`binary_logreg.recall` and :func:`binary_logreg.precision`, and checks them
point by point against scikit-learn's `sklearn.metrics`_.

.. _sklearn.metrics: https://scikit-learn.org/stable/api/sklearn.metrics.html
"""

# %%
# Train on overlapping classes
# ----------------------------
# The course's data with the clusters half as far apart and 5 % of the labels drawn
# at random, so that the classes overlap and the threshold matters. This time the
# model is the package's scikit-learn-style
# :class:`~binary_logreg.LogisticRegressionGD`, which takes one row per sample and
# picks its step size itself.

import matplotlib.pyplot as plt
import numpy as np
from sklearn import metrics as skm

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")

data = bl.make_dataset(class_sep=0.5, flip_y=0.05)
model = bl.LogisticRegressionGD().fit(data.X_train.T, data.Y_train.ravel())
Y_test = data.Y_test
A_test = model.predict_proba(data.X_test.T)[:, 1].reshape(1, -1)  # (1, M)

# %%
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
# Both curves, with the points of three thresholds marked; scikit-learn's curves are
# drawn dashed on top of ours. On the ROC curve the diagonal is a classifier that
# guesses; on the precision-recall curve the dotted line is the share of positives,
# the precision of labelling everything 1. Lowering the threshold moves up and to
# the right along the ROC curve.

# sphinx_gallery_thumbnail_number = 1
fig, (ax_roc, ax_pr) = plt.subplots(1, 2, figsize=(9, 4.6), layout="constrained")
ax_roc.plot(fpr, tpr, color="C0", lw=3, label=f"ours (AUC {auc_ours:.4f})")
ax_roc.plot(fpr_sk, tpr_sk, "--", color="C1", lw=1.5, label="scikit-learn")
ax_roc.plot([0, 1], [0, 1], ":", color="0.5", label="guessing")
ax_pr.plot(recall_ours, precision_ours, color="C0", lw=3, label="ours")
ax_pr.plot(recall_sk, precision_sk, "--", color="C1", lw=1.5, label="scikit-learn")
ax_pr.axhline(Y_test.mean(), ls=":", color="0.5", label="share of positives")
for threshold, marker in zip([0.2, 0.5, 0.8], "vo^", strict=True):
    labels = bl.predict_labels(A_test, threshold)
    recall = bl.recall(Y_test, labels)
    ax_roc.plot(rates(threshold)[0], recall, marker, color="k", ms=8)
    ax_pr.plot(recall, bl.precision(Y_test, labels), marker, color="k", ms=8)
    ax_pr.plot([], [], marker, color="k", label=f"threshold {threshold}")
ax_roc.set(xlabel="false positive rate FP / (FP + TN)", ylabel="recall (TPR)")
ax_roc.set_title("ROC curve, test set")
ax_pr.set(xlabel="recall", ylabel="precision", ylim=(0.4, 1.02))
ax_pr.set_title("Precision-recall curve, test set")
ax_roc.legend(loc="lower right")
ax_pr.legend(loc="lower left", fontsize="small")
plt.show()

# %%
# The curves agree with scikit-learn's exactly, because both count the same
# samples: a sample is labelled 1 when its score is at or above the threshold, in
# :func:`binary_logreg.predict_labels` as in scikit-learn. At the far left of the
# precision-recall curve only a handful of samples are labelled 1, so precision
# jumps about there.
#
# In practice
# -----------
# - With balanced classes, as here, the ROC and the precision-recall curve tell a
#   similar story. With rare positives the ROC curve can look good while precision
#   is poor; then look at the precision-recall curve.
# - scikit-learn's ``RocCurveDisplay`` and ``PrecisionRecallDisplay`` draw both
#   curves from an estimator in one line each, and work with
#   :class:`~binary_logreg.LogisticRegressionGD`.
