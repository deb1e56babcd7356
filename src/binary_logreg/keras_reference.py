"""The course notebook's TensorFlow/Keras model, as an independent reference.

The model is ``Dense(1, activation="sigmoid")`` trained with plain SGD (momentum 0)
on ``BinaryCrossentropy`` in float64, full batch (``batch_size = M``), so one epoch
is one gradient-descent step. Given the same initial weights it follows the same
path as :func:`~binary_logreg.gradient_descent`.

TensorFlow is imported only when a function here is first called, so
``import binary_logreg`` works without it. Its C++ start-up log lines are kept
off the terminal.

Two Keras details matter for a comparison to 1e-12:

* Keras casts NumPy inputs to ``keras.config.floatx()`` in ``fit``, ``evaluate``
  and ``predict``, and keeps the reported loss in floatx: with the default float32
  the data lose half their digits even though the weights are float64 (the
  predictions then differ from float64 ones by about 1e-8). Every call here
  therefore runs with floatx set to float64, and the setting is restored
  afterwards (the course notebook sets it globally);
* ``model.evaluate`` returns a plain list by default, whose order depends on how
  Keras groups the compiled loss and metrics (Keras 3.15 gives loss, then the
  metrics in the order passed to ``compile``; the course notebook indexes it by
  position); results are read by name (``return_dict=True``) instead.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from binary_logreg._validation import (
    check_bias,
    check_binary_labels,
    check_bool,
    check_data_matrix,
    check_int_at_least,
    check_non_negative_int,
    check_positive_finite,
    check_weights,
)
from binary_logreg.model import backward
from binary_logreg.report import ClassificationReport
from binary_logreg.training import GradientDescentResult

__all__ = [
    "KerasReference",
    "build_model",
    "float64_floatx",
    "import_keras",
    "train_keras",
]


@contextlib.contextmanager
def _stderr_silenced():
    """Send file descriptor 2 to /dev/null, where C++ libraries write their logs."""
    try:
        saved = os.dup(2)
    except OSError:  # no usable stderr (e.g. closed): nothing to silence
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@contextlib.contextmanager
def float64_floatx(keras: Any):
    """Set ``keras.config.floatx()`` to float64 for the duration, then restore it.

    Keras casts NumPy inputs to floatx in ``fit``, ``evaluate`` and ``predict`` and
    keeps its loss tracker in floatx, so float64 is needed around every call, not
    only when the model is built. The global dtype policy, which Keras derives from
    floatx when the first layer is created, is restored too, so layers the caller
    builds afterwards keep the caller's dtype.
    """
    previous_floatx = keras.config.floatx()
    previous_policy = keras.config.dtype_policy()
    keras.config.set_floatx("float64")
    try:
        yield
    finally:
        keras.config.set_floatx(previous_floatx)
        keras.config.set_dtype_policy(previous_policy)


def _in_float64(method: Any, *args: Any, **kwargs: Any) -> Any:
    """Call a Keras model method (``fit``, ``evaluate``, ``predict``) with floatx float64."""
    with float64_floatx(import_keras()):
        return method(*args, **kwargs)


def import_keras() -> Any:
    """Import and return ``keras`` (TensorFlow backend) without TensorFlow's log lines."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    with _stderr_silenced():
        import keras
        import tensorflow  # noqa: F401  (its C++ start-up logs happen here)
    return keras


def build_model(
    n_features: int,
    step_size: float,
    *,
    kernel_initializer: Any = "zeros",
    kernel_regularizer: Any = None,
) -> Any:
    """Build and compile the course model: Dense(1, sigmoid), SGD, BinaryCrossentropy.

    Parameters
    ----------
    n_features : int
        Number of inputs N.
    step_size : float
        Learning rate of ``keras.optimizers.SGD`` (momentum 0, no Nesterov).
    kernel_initializer : str or keras.initializers.Initializer, default="zeros"
        How Keras draws the initial kernel (the weights :math:`w`); the bias
        starts at zero, Keras's default. The course notebook passes
        ``keras.initializers.RandomUniform(minval=0.0, maxval=1.0)`` and then
        overwrites the draw with ``model.set_weights``, as :func:`train_keras`
        does; zeros make the model deterministic until then.
    kernel_regularizer : keras.regularizers.Regularizer, optional
        A penalty on the kernel that Keras adds to the loss of every batch, e.g.
        ``keras.regularizers.L2(l2)``: ``l2 * sum(w**2)``, our penalty with
        λ = 2 ``l2``, equation :eq:`eq-penalised-cost`. TensorFlow
        rounds a Python float ``l2`` to float32: choose one float32 holds exactly
        (such as a power of 2) for agreement to rounding error.

    Returns
    -------
    keras.Model
        A compiled float64 model with the metrics binary cross-entropy, binary
        accuracy, precision and recall.
    """
    n_features = check_non_negative_int(n_features, "n_features")
    step_size = check_positive_finite(step_size, "step_size")
    keras = import_keras()
    with float64_floatx(keras):
        # The dtype is given explicitly: Keras fixes its default dtype policy the
        # first time any layer is created, so floatx alone is not enough when the
        # process has already built a float32 layer.
        inputs = keras.Input(shape=(n_features,), dtype="float64")
        outputs = keras.layers.Dense(
            1,
            activation="sigmoid",
            kernel_initializer=kernel_initializer,
            kernel_regularizer=kernel_regularizer,
            dtype="float64",
            name="sigmoid_unit",
        )(inputs)
        model = keras.Model(inputs=inputs, outputs=outputs, name="binary_logreg")
        model.compile(
            optimizer=keras.optimizers.SGD(
                learning_rate=step_size, momentum=0.0, nesterov=False
            ),
            loss=keras.losses.BinaryCrossentropy(from_logits=False),
            metrics=[
                keras.metrics.BinaryCrossentropy(name="cross_entropy"),
                keras.metrics.BinaryAccuracy(name="accuracy"),
                keras.metrics.Precision(name="precision"),
                keras.metrics.Recall(name="recall"),
            ],
        )
    return model


@dataclass
class KerasReference:
    """A trained Keras model and its training run in our result type.

    Attributes
    ----------
    model : keras.Model
        The trained model.
    result : GradientDescentResult
        Final weights and bias, the loss of every epoch as ``costs``, and the
        gradient norm at the final weights (from Keras's predictions). ``converged``
        is always ``False``: Keras runs all epochs.
    """

    model: Any
    result: GradientDescentResult

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Probabilities of class 1, shape (1, M), for ``X`` in the course layout (N, M)."""
        return _predict_proba(self.model, check_data_matrix(X))

    def evaluate(self, X: ArrayLike, Y: ArrayLike) -> ClassificationReport:
        """Keras's own numbers for ``(X, Y)``: ``model.evaluate`` and ``tf.math.confusion_matrix``.

        The cost, accuracy, precision and recall come from ``model.evaluate``
        (read by name); F1 is their harmonic mean; the confusion matrix counts the
        predictions ``model.predict(X) >= 0.5`` as the course notebook does.
        Keras's accuracy, precision and recall count a prediction as class 1 when
        it is *above* 0.5, ours (:func:`~binary_logreg.predict_labels`) when it is
        at least 0.5: the two differ only for probabilities of exactly 0.5.
        """
        import tensorflow as tf

        X = check_data_matrix(X)
        Y = check_binary_labels(Y, "Y", X.shape[1])
        n_samples = X.shape[1]
        scores = _in_float64(
            self.model.evaluate,
            X.T,
            Y.T,
            batch_size=n_samples,
            verbose=0,
            return_dict=True,
        )
        predicted = (self.predict_proba(X) >= 0.5).astype(np.int64).ravel()
        matrix = tf.math.confusion_matrix(
            labels=Y.ravel().astype(np.int64), predictions=predicted, num_classes=2
        )
        p, r = float(scores["precision"]), float(scores["recall"])
        return ClassificationReport(
            confusion_matrix=np.asarray(matrix, dtype=np.int64),
            accuracy=float(scores["accuracy"]),
            precision=p,
            recall=r,
            f1=2 * p * r / (p + r) if p + r > 0 else 0.0,
            cost=float(scores["loss"]),
        )


def _losses_of_one_epoch(model: Any, full_batch: Any, steps: int) -> list[float]:
    """``model.fit`` for ``steps`` steps in one epoch; the loss of every step.

    ``fit`` resets its loss tracker at the start of each epoch, so the loss of an
    epoch of one step is that step's; resetting the tracker before each step of one
    epoch gives the same numbers without the epochs' other work.
    """
    keras = import_keras()
    # Keras 3 (3.15) lists its loss tracker, a Mean named "loss", in model.metrics
    trackers = [metric for metric in model.metrics if metric.name == "loss"]
    if len(trackers) != 1:
        raise RuntimeError(
            "this Keras lists no single loss tracker named 'loss' in model.metrics: "
            "train with epoch_metrics=True"
        )
    tracker = trackers[0]
    losses: list[float] = []
    record = keras.callbacks.LambdaCallback(
        on_train_batch_begin=lambda step, logs: tracker.reset_state(),
        on_train_batch_end=lambda step, logs: losses.append(float(logs["loss"])),
    )
    if steps:
        model.fit(
            full_batch,
            epochs=1,
            steps_per_epoch=steps,
            callbacks=[record],
            shuffle=False,
            verbose=0,
        )
    return losses


def train_keras(
    X: ArrayLike,
    Y: ArrayLike,
    w_init: ArrayLike,
    b_init: ArrayLike,
    *,
    step_size: float,
    steps: int,
    batch_size: int | None = None,
    kernel_regularizer: Any = None,
    epoch_metrics: bool = True,
) -> KerasReference:
    """Train the course's Keras model from the given initial weights.

    Same arguments, in the same course layout, as
    :func:`~binary_logreg.gradient_descent`; ``steps`` is the number of epochs.
    ``batch_size=None`` trains full batch; an int B runs
    ``model.fit(X.T, Y.T, batch_size=B, shuffle=False)``: batches of B samples in
    their order in ``X``, the last one smaller, one update per batch.
    ``kernel_regularizer`` is passed to :func:`build_model`; the costs then hold
    the penalty too, while ``gradient_norm`` is that of the cross-entropy alone.

    ``epoch_metrics=False`` (full batch only) runs the same steps as one epoch and
    reads the loss of each step as it ends: the same weights and costs, bit for bit,
    in about half the time (Keras's work at the end of each epoch, reading back and
    resetting its metrics, is half of this model's run), but ``model.history`` then
    holds one epoch, not the metrics of every step.

    Returns
    -------
    KerasReference
        The trained model and a :class:`~binary_logreg.GradientDescentResult` whose
        ``costs`` are Keras's per-epoch losses (``history.history["loss"]``).
    """
    X = check_data_matrix(X)
    n_features, n_samples = X.shape
    Y = check_binary_labels(Y, "Y", n_samples, require_both=True)
    w_init = check_weights(w_init, n_features, "w_init")
    b_init = check_bias(b_init, "b_init")
    steps = check_non_negative_int(steps, "steps")
    epoch_metrics = check_bool(epoch_metrics, "epoch_metrics")
    if batch_size is not None:
        batch_size = check_int_at_least(batch_size, "batch_size", 1)
        if not epoch_metrics:
            raise ValueError(
                "epoch_metrics=False needs full-batch training (batch_size=None): "
                "with mini-batches an epoch is not one step"
            )
    model = build_model(n_features, step_size, kernel_regularizer=kernel_regularizer)
    model.set_weights([w_init, np.array([b_init])])
    if batch_size is None:
        # One element holding the whole batch: the same as batch_size = M, but the
        # NumPy data adapter's per-epoch overhead (about 4x the run time) is avoided.
        # Repeated, one step per epoch: Keras then keeps one iterator for all epochs
        # instead of making a new one each epoch.
        import tensorflow as tf

        full_batch = tf.data.Dataset.from_tensors((X.T, Y.T)).cache().repeat()
        if epoch_metrics:
            history = _in_float64(
                model.fit,
                full_batch,
                epochs=steps,
                steps_per_epoch=1,
                shuffle=False,
                verbose=0,
            )
            costs = history.history.get("loss", [])
        else:
            costs = _in_float64(_losses_of_one_epoch, model, full_batch, steps)
    else:
        history = _in_float64(
            model.fit,
            X.T,
            Y.T,
            batch_size=batch_size,
            epochs=steps,
            shuffle=False,
            verbose=0,
        )
        costs = history.history.get("loss", [])
    kernel, bias = model.get_weights()
    dw, db = backward(X, Y, _predict_proba(model, X))
    final_scores = _in_float64(
        model.evaluate, X.T, Y.T, batch_size=n_samples, verbose=0, return_dict=True
    )
    result = GradientDescentResult(
        w=np.asarray(kernel, dtype=np.float64).reshape(-1, 1),
        b=float(bias[0]),
        costs=np.asarray(costs, dtype=np.float64),
        cost_steps=np.arange(steps),
        final_cost=float(final_scores["loss"]),
        n_steps=steps,
        converged=False,
        gradient_norm=float(max(np.abs(dw).max(), abs(db))),
        step_size=float(step_size),
    )
    return KerasReference(model=model, result=result)


def _predict_proba(model: Any, X: NDArray[np.float64]) -> NDArray[np.float64]:
    """Keras's probabilities of class 1 as a (1, M) row, for X of shape (N, M)."""
    A = _in_float64(model.predict, X.T, batch_size=X.shape[1], verbose=0)
    return np.asarray(A, dtype=np.float64).reshape(1, -1)
