# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Follow the accuracy during training, ours and Keras's
=====================================================

Gradient descent lowers the cost; the accuracy is what a user of the classifier
sees. This example trains the course's sigmoid unit with
:func:`binary_logreg.gradient_descent` and, from the same initial weights, with the
course's Keras model through :func:`binary_logreg.keras_reference.train_keras`, and
follows the accuracy of both at every step: it levels off long before the cost does.
The page :doc:`/ours_vs_tensorflow` compares the two learning curves of the cost,
the weights and the metrics.
"""

# %%
# Train twice
# -----------
# The course's data, its initial weights (uniform in :math:`[-1, 1)`, here from seed
# 1) and its hyperparameters, step size 0.25 and 500 steps. ``record="parameters"``
# keeps the weights and the bias before every step and after the last. Keras trains
# the same model with ``model.fit``, one batch of all training samples per epoch, so
# an epoch is one step (this imports TensorFlow, which takes a few seconds).

import matplotlib.pyplot as plt
import numpy as np

import binary_logreg as bl
from binary_logreg.keras_reference import train_keras

plt.style.use("binary_logreg.tutorial")

course = {"step_size": 0.25, "steps": 500}  # the course's hyperparameters
n_steps = course["steps"]
data = bl.make_dataset()
X, Y = data.X_train, data.Y_train
start = bl.initial_parameters(2, random_state=1)
ours = bl.gradient_descent(X, Y, *start, **course, record="parameters")
reference = train_keras(X, Y, *start, **course)

# %%
# Follow the accuracy
# -------------------
# For ours, evaluate the recorded parameters of every step with
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
for k in [0, 1, 2, 5, 10, 20, 50, 100, 200, n_steps]:
    row = f"{costs[k]:>7.4f} {accuracy_train[k]:>18.4f} {accuracy_test[k]:>14.4f}"
    print(f"{k:>7} {row}")
best = np.argmax(accuracy_train)
print(f"highest training accuracy {accuracy_train[best]:.6f} after {best} updates,")
surplus = np.rint((accuracy_train[best] - accuracy_train[-1]) * Y.size)
print(f"{surplus:.0f} more correct training samples than after the last update")

# %%
# The same numbers as curves. A logarithmic step axis (with a linear piece around
# 0, for the initial weights) spreads out the early steps, where almost everything
# happens; the lower panel zooms into the top percent.

# sphinx_gallery_thumbnail_number = 1
fig, (ax_all, ax_zoom) = plt.subplots(
    2, 1, figsize=(7.5, 6), sharex=True, layout="constrained"
)
curves = {
    "ours, training data": (accuracy_train, {"color": "C0", "lw": 5, "alpha": 0.5}),
    "Keras, training data": (accuracy_keras, {"color": "C1", "lw": 1.8, "ls": "--"}),
    "ours, test data": (accuracy_test, {"color": "C2", "lw": 1.5, "ls": "-."}),
}
for ax in (ax_all, ax_zoom):
    for label, (accuracy, style) in curves.items():
        ax.plot(updates, accuracy, label=label, **style)
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
# falling for the whole run. On the plateau the accuracy even drifts by a few
# samples (counted above) and peaks before the end: gradient descent lowers the
# cross-entropy, which keeps rewarding more confident probabilities for samples
# already on the right side, not the number of correct labels. The test accuracy
# follows the training accuracy closely: a straight line cannot overfit tens of
# thousands of samples.
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
