"""Ours against the course notebook's TensorFlow/Keras model, and the gallery
examples that train it.

Every test that imports TensorFlow is in this file: ``nox -s tests`` keeps a file's
tests in one pytest-xdist worker (``--dist loadfile``), so only one worker imports
it. Keras's epochs cost about the same whatever the data's size, so the course's
comparison runs the course's start and hyperparameters (seed 1, step size 0.25, 500
steps) on the data the gallery tests give plot_learning_curves.py (``TEST_SAMPLES``
samples): that example trains the same run, and takes it from ``train_keras_once``.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from conftest import EXAMPLES, STEP_SIZE, STEPS, TEST_SAMPLES, trains_keras

import binary_logreg as bl

pytestmark = pytest.mark.keras
# installed, not imported: collection, in every pytest-xdist worker, stays quick;
# the worker that runs these tests imports TensorFlow once (train_keras_once)
if importlib.util.find_spec("tensorflow") is None:
    pytest.skip("needs tensorflow", allow_module_level=True)


@pytest.fixture(scope="module")
def train_keras_once():
    """:func:`~binary_logreg.keras_reference.train_keras`, once per distinct arguments.

    Keras's training on the CPU is deterministic: asked again for the same inputs,
    it gives the first run's result back instead of training again.
    """
    from binary_logreg.keras_reference import train_keras

    runs = {}

    @functools.wraps(train_keras)
    def trained_once(X, Y, w_init, b_init, **options):
        inputs = [np.asarray(value) for value in (X, Y, w_init, b_init)]
        key = (
            *((value.dtype.str, value.shape, value.tobytes()) for value in inputs),
            *sorted(options.items()),
        )
        if key not in runs:
            runs[key] = train_keras(X, Y, w_init, b_init, **options)
        return runs[key]

    trained_once.runs = runs
    return trained_once


@dataclass(frozen=True)
class CourseRun:
    data: bl.Dataset
    ours: bl.GradientDescentResult
    theirs: object  # a KerasReference


@pytest.fixture(scope="module")
def course_run(train_keras_once) -> CourseRun:
    """Ours and Keras from the course's start, its step size and 500 steps."""
    data = bl.make_dataset(TEST_SAMPLES)
    start = bl.initial_parameters(data.n_features, random_state=1)
    course = {"step_size": STEP_SIZE, "steps": STEPS}
    ours = bl.gradient_descent(data.X_train, data.Y_train, *start, **course)
    theirs = train_keras_once(data.X_train, data.Y_train, *start, **course)
    return CourseRun(data=data, ours=ours, theirs=theirs)


def test_weights_and_bias_agree(course_run):
    ours, theirs = course_run.ours, course_run.theirs.result
    assert np.abs(ours.w - theirs.w).max() <= 1e-10
    assert abs(ours.b - theirs.b) <= 1e-10


def test_cost_per_step_agrees(course_run):
    theirs = course_run.theirs.result
    assert theirs.costs.shape == (STEPS,)
    np.testing.assert_allclose(theirs.costs, course_run.ours.costs, rtol=1e-12)
    assert theirs.final_cost == pytest.approx(course_run.ours.final_cost, rel=1e-12)


def test_one_epoch_of_steps_gives_the_epochs_weights_and_costs(course_run):
    """epoch_metrics=False: the course's run, bit for bit, and steps=0 too."""
    from binary_logreg.keras_reference import train_keras

    data = course_run.data
    start = bl.initial_parameters(data.n_features, random_state=1)
    course = {"step_size": STEP_SIZE, "steps": STEPS}
    epochs = course_run.theirs
    one_epoch = train_keras(
        data.X_train, data.Y_train, *start, **course, epoch_metrics=False
    )
    for name in ("w", "b", "costs", "final_cost", "gradient_norm"):
        np.testing.assert_array_equal(
            getattr(one_epoch.result, name), getattr(epochs.result, name), name
        )
    assert len(one_epoch.model.history.epoch) == 1
    assert int(one_epoch.model.optimizer.iterations) == STEPS
    untrained = train_keras(
        data.X_train,
        data.Y_train,
        *start,
        step_size=STEP_SIZE,
        steps=0,
        epoch_metrics=False,
    ).result
    assert untrained.costs.shape == (0,)
    np.testing.assert_array_equal(untrained.w, start[0])


@pytest.mark.parametrize("split", ["train", "test"])
def test_reports_agree(course_run, split):
    data, ours_run = course_run.data, course_run.ours
    X, Y = (
        (data.X_train, data.Y_train) if split == "train" else (data.X_test, data.Y_test)
    )
    ours = bl.evaluate(ours_run.w, ours_run.b, X, Y)
    theirs = course_run.theirs.evaluate(X, Y)
    assert ours.cost == pytest.approx(theirs.cost, rel=1e-12)
    np.testing.assert_array_equal(ours.confusion_matrix, theirs.confusion_matrix)
    for metric in ("accuracy", "precision", "recall", "f1"):
        assert getattr(ours, metric) == pytest.approx(
            getattr(theirs, metric), rel=1e-12
        )


def test_probabilities_agree(course_run):
    X = course_run.data.X_test
    np.testing.assert_allclose(
        course_run.theirs.predict_proba(X),
        bl.forward(course_run.ours.w, course_run.ours.b, X),
        rtol=0,
        atol=1e-14,
    )


def test_cost_from_logits_matches_tensorflow_formula():
    import tensorflow as tf

    rng = np.random.default_rng(3)
    Z = np.concatenate([rng.normal(scale=30, size=500), [-1e4, 1e4, 0.0]])
    Y = (rng.random(Z.size) < 0.5).astype(float)
    tf_loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=Y, logits=Z).numpy()
    np.testing.assert_allclose(
        bl.loss_from_logits(Y, Z).ravel(), tf_loss, rtol=1e-14, atol=1e-300
    )


def test_keras_clips_probabilities_but_not_a_sigmoid_output():
    """The difference documented in binary_logreg.cost: Keras clips given probabilities."""
    from binary_logreg.keras_reference import import_keras

    keras = import_keras()
    Y = np.array([1.0, 0.0])
    Z = np.array([-30.0, 2.0])  # the first sample is confidently wrong
    clipped = keras.losses.binary_crossentropy(Y, bl.sigmoid(Z)).numpy()
    epsilon = keras.config.epsilon()
    assert epsilon == 1e-7
    ours = bl.loss_from_logits(Y, Z).ravel()
    assert ours[0] == pytest.approx(30.0, rel=1e-12)
    expected_clipped = np.mean([-np.log(epsilon), ours[1]])
    assert float(clipped) == pytest.approx(expected_clipped, rel=1e-6)


def test_rejects_bad_input():
    from binary_logreg.keras_reference import train_keras

    with pytest.raises(ValueError, match="single class"):
        train_keras(
            np.ones((2, 3)), [[1, 1, 1]], np.zeros(2), 0.0, step_size=0.1, steps=1
        )
    with pytest.raises(ValueError, match="step_size"):
        train_keras(
            np.ones((2, 3)), [[0, 1, 1]], np.zeros(2), 0.0, step_size=-1, steps=1
        )
    data = (np.ones((2, 3)), [[0, 1, 1]], np.zeros(2), 0.0)
    arguments = {"step_size": 0.1, "steps": 1}
    with pytest.raises(ValueError, match="full-batch"):
        train_keras(*data, **arguments, batch_size=2, epoch_metrics=False)
    with pytest.raises(TypeError, match="epoch_metrics"):
        train_keras(*data, **arguments, epoch_metrics="no")


def test_model_is_float64_whatever_the_process_built_before():
    """Keras fixes its default dtype policy when the first layer is created."""
    from binary_logreg.keras_reference import build_model, import_keras

    keras = import_keras()
    assert keras.config.floatx() == "float32"
    before = keras.layers.Dense(1)
    before.build((None, 2))
    assert before.kernel.dtype == "float32"

    model = build_model(2, step_size=0.25)
    assert [weight.dtype for weight in model.weights] == ["float64", "float64"]

    after = keras.layers.Dense(1)
    after.build((None, 2))
    assert after.kernel.dtype == "float32"  # the caller's default is left alone
    assert keras.config.floatx() == "float32"


def test_build_model_takes_the_course_initializer_and_set_weights_replaces_it():
    """The course draws the kernel from RandomUniform(0, 1), bias 0, then sets ours."""
    from binary_logreg.keras_reference import build_model, import_keras

    keras = import_keras()
    uniform = keras.initializers.RandomUniform(minval=0.0, maxval=1.0, seed=3)
    model = build_model(3, step_size=0.25, kernel_initializer=uniform)
    kernel, bias = model.get_weights()
    assert kernel.shape == (3, 1) and kernel.dtype == np.float64
    assert np.all((kernel >= 0.0) & (kernel < 1.0)) and np.any(kernel != 0.0)
    assert bias.tolist() == [0.0]

    w_init, b_init = bl.initial_parameters(3, random_state=1)
    model.set_weights([w_init, b_init[0]])
    kernel, bias = model.get_weights()
    assert np.array_equal(kernel, w_init) and np.array_equal(bias, b_init[0])

    zeros = build_model(3, step_size=0.25)  # the default: deterministic zeros
    assert not zeros.get_weights()[0].any()


@pytest.mark.parametrize(
    ("n_samples", "batch_size", "epochs"),
    [(320, 32, 2), (300, 64, 2), (50, 1, 2)],  # B divides M, does not, B = 1
)
def test_minibatches_agree_with_keras_fit(n_samples, batch_size, epochs):
    """model.fit(batch_size=B, shuffle=False): batches in order, the last smaller."""
    from binary_logreg.keras_reference import train_keras

    data = bl.make_dataset(700)
    X, Y = data.X_train[:, :n_samples], data.Y_train[:, :n_samples]
    w0, b0 = bl.initial_parameters(2, random_state=1)
    arguments = {"step_size": 0.25, "steps": epochs, "batch_size": batch_size}
    keras = train_keras(X, Y, w0, b0, **arguments).result
    ours = bl.gradient_descent(X, Y, w0, b0, **arguments)
    assert np.abs(ours.w - keras.w).max() <= 1e-10
    assert abs(ours.b - keras.b) <= 1e-10
    # Keras's loss of an epoch: the batch losses weighted by the batch sizes
    np.testing.assert_allclose(keras.costs, ours.costs, rtol=1e-12)
    assert keras.final_cost == pytest.approx(ours.final_cost, rel=1e-12)


def test_penalty_equals_keras_l2_kernel_regularizer(breast_cancer):
    """Keras's L2(l2) adds l2·‖w‖² to the loss: our C = 1/(2·l2·M); 100 epochs."""
    from binary_logreg.keras_reference import import_keras, train_keras

    keras = import_keras()
    X, y = breast_cancer
    M = len(y)
    l2 = 2.0**-11  # float32 holds it exactly: TensorFlow rounds l2 to float32
    C = 1 / (2 * l2 * M)
    w_init, b_init = bl.initial_parameters(X.shape[1], random_state=1)
    step_size = bl.step_size_limit(X.T, C=C) / 2
    run = {"step_size": step_size, "steps": 100}
    ours = bl.gradient_descent(X.T, y, w_init, b_init, C=C, **run)
    theirs = train_keras(
        X.T, y, w_init, b_init, kernel_regularizer=keras.regularizers.L2(l2), **run
    ).result
    np.testing.assert_allclose(ours.w, theirs.w, rtol=0, atol=1e-10)
    assert ours.b == pytest.approx(theirs.b, abs=1e-10)
    np.testing.assert_allclose(ours.costs, theirs.costs, rtol=1e-10)
    # the penalty matters: without it the run ends elsewhere
    plain = bl.gradient_descent(X.T, y, w_init, b_init, **run)
    assert np.abs(plain.w - ours.w).max() > 1e-3


@pytest.mark.parametrize(
    "script", [pytest.param(s, id=s.name) for s in EXAMPLES if trains_keras(s)]
)
def test_gallery_example_runs(script: Path, run_example, train_keras_once, monkeypatch):
    """As tests/test_gallery.py runs the others; a run course_run made is reused."""
    from binary_logreg import keras_reference

    monkeypatch.setattr(keras_reference, "train_keras", train_keras_once)
    run_example(script)
