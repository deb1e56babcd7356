"""classification_report and evaluate: one validation, one confusion matrix, same numbers."""

from __future__ import annotations

import functools
import inspect
import sys
from collections import Counter

import numpy as np
import pytest
from scipy.special import expit
from sklearn import metrics as skm

import binary_logreg as bl
from binary_logreg import _validation
from binary_logreg import metrics as metrics_module

pytestmark = [
    pytest.mark.filterwarnings("error"),
    # but not for the garbage of other tests that the collector meets here (the
    # sockets of a Jupyter client): not a warning of the code under test
    pytest.mark.filterwarnings("default::pytest.PytestUnraisableExceptionWarning"),
]

rng = np.random.default_rng(99)

# every validator of binary_logreg._validation, with the name of the argument it checks
VALIDATORS = [
    "as_float_array",
    "check_bias",
    "check_binary_labels",
    "check_data_matrix",
    "check_finite",
    "check_non_negative_int",
    "check_positive_finite",
    "check_probabilities",
    "check_row_vector",
    "check_threshold",
    "check_tolerance",
    "check_weights",
    "normalized_sample_weight",
]
PUBLIC = [
    "accuracy",
    "confusion_matrix",
    "cost",
    "cost_from_logits",
    "f1_score",
    "forward",
    "linear",
    "loss_from_logits",
    "precision",
    "predict_labels",
    "recall",
    "sigmoid",
]


def _spy(monkeypatch, function, record):
    """Replace ``function`` wherever a binary_logreg module (but _validation) refers to it.

    Calls from inside ``binary_logreg._validation`` (one validator using another)
    are not counted: what counts is how often the public code asks for a check.
    """

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        record(function, args, kwargs)
        return function(*args, **kwargs)

    # a copy made in one step: a finalizer run by the collector may import a module
    for name, module in sys.modules.copy().items():
        if not name.startswith("binary_logreg") or module is _validation:
            continue
        for attribute, value in list(vars(module).items()):
            if value is function:
                monkeypatch.setattr(module, attribute, wrapper)


@pytest.fixture
def checked(monkeypatch):
    """Count, per argument name, how often the package validates it."""
    counts = Counter()

    def record(function, args, kwargs):
        if function.__name__ == "check_threshold":
            counts["threshold"] += 1
            return
        bound = inspect.signature(function).bind(*args, **kwargs)
        bound.apply_defaults()
        counts[bound.arguments["name"]] += 1

    for name in VALIDATORS:
        _spy(monkeypatch, getattr(_validation, name), record)
    return counts


@pytest.fixture
def called(monkeypatch):
    """Count the calls of the unchecked confusion matrix and of every public function."""
    counts = Counter()

    def record(function, args, kwargs):
        counts[function.__name__] += 1

    _spy(monkeypatch, metrics_module._confusion_matrix, record)
    for name in PUBLIC:
        _spy(monkeypatch, getattr(bl, name), record)
    return counts


def test_classification_report_checks_once_and_counts_once(checked, called):
    y_true, y_pred = rng.integers(0, 2, 50), rng.integers(0, 2, 50)
    bl.classification_report(y_true, y_pred)
    assert checked == {"y_true": 1, "y_pred": 1}
    assert called == {"_confusion_matrix": 1}


def test_evaluate_checks_each_argument_once(checked, called):
    X = rng.normal(size=(3, 40))
    Y = rng.integers(0, 2, (1, 40))
    bl.evaluate(rng.normal(size=(3, 1)), 0.2, X, Y, threshold=0.3)
    assert checked == {"X": 1, "Y": 1, "w": 1, "b": 1, "threshold": 1}
    # no public function (each of which would validate again) runs inside
    assert called == {"_confusion_matrix": 1}


def test_the_spies_see_the_public_functions(checked, called):
    # the counters above would miss nothing: a public call shows up in both
    bl.precision([0, 1, 1], [0, 1, 0])
    assert checked == {"y_true": 1, "y_pred": 1}
    assert called == {"precision": 1, "confusion_matrix": 1, "_confusion_matrix": 1}


LABEL_CASES = [
    (rng.integers(0, 2, n), rng.integers(0, 2, n)) for n in (1, 3, 50, 1000)
] + [
    (np.zeros(20, int), rng.integers(0, 2, 20)),  # no positive present
    (rng.integers(0, 2, 20), np.zeros(20, int)),  # no positive predicted
    (np.zeros(10, int), np.zeros(10, int)),  # TP + FP + FN = 0
    (np.ones(10, int), np.zeros(10, int)),  # TP = 0, FN > 0
    (np.ones((1, 10)), np.ones((10, 1))),  # course layout rows and columns
]


@pytest.mark.parametrize(("y_true", "y_pred"), LABEL_CASES)
def test_classification_report_equals_public_metrics_and_sklearn(y_true, y_pred):
    report = bl.classification_report(y_true, y_pred, cost=0.25)
    np.testing.assert_array_equal(
        report.confusion_matrix, bl.confusion_matrix(y_true, y_pred)
    )
    assert report.confusion_matrix.dtype == np.int64
    assert report.accuracy == bl.accuracy(y_true, y_pred)
    assert report.precision == bl.precision(y_true, y_pred)
    assert report.recall == bl.recall(y_true, y_pred)
    assert report.f1 == bl.f1_score(y_true, y_pred)
    assert report.cost == 0.25
    assert all(type(v) is float for v in report.as_dict().values())

    t, p = np.ravel(y_true), np.ravel(y_pred)
    np.testing.assert_array_equal(
        report.confusion_matrix, skm.confusion_matrix(t, p, labels=[0, 1])
    )
    assert report.accuracy == pytest.approx(skm.accuracy_score(t, p), abs=1e-15)
    kwargs = {"labels": [0, 1], "zero_division": 0.0}
    assert report.precision == pytest.approx(
        skm.precision_score(t, p, **kwargs), abs=1e-15
    )
    assert report.recall == pytest.approx(skm.recall_score(t, p, **kwargs), abs=1e-15)
    assert report.f1 == pytest.approx(skm.f1_score(t, p, **kwargs), abs=1e-15)


def test_classification_report_without_cost():
    report = bl.classification_report([0, 1], [0, 1])
    assert report.cost is None
    assert "cost" not in report.as_dict()


@pytest.mark.parametrize(
    ("y_true", "y_pred", "message"),
    [
        ([0, 1, 1], [0, 1], "same number of samples"),
        ([0, 1, 2], [0, 1, 1], "y_true must hold the labels 0 and 1"),
        ([0, 1, 1], [0, 0.5, 1], "y_pred must hold the labels 0 and 1"),
        ([0, 1, np.nan], [0, 1, 1], "y_true must be finite"),
        ([], [], "y_true is empty"),
    ],
)
def test_classification_report_rejects_bad_labels(y_true, y_pred, message):
    with pytest.raises(ValueError, match=message):
        bl.classification_report(y_true, y_pred)


def _previous_evaluate(w, b, X, Y, threshold=0.5):
    """evaluate() as it was written before: public functions only."""
    Z = bl.linear(w, b, X)
    return bl.classification_report(
        Y, bl.predict_labels(bl.sigmoid(Z), threshold), cost=bl.cost_from_logits(Y, Z)
    )


@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.5, 0.9, 1.0])
@pytest.mark.parametrize("scale", [1.0, 50.0])  # 50: many saturated probabilities
def test_evaluate_equals_the_public_functions_and_sklearn(threshold, scale):
    X = rng.normal(size=(2, 300))
    Y = (rng.random((1, 300)) < 0.4).astype(float)
    w, b = scale * rng.normal(size=(2, 1)), 0.1 * scale
    report = bl.evaluate(w, b, X, Y, threshold=threshold)
    before = _previous_evaluate(w, b, X, Y, threshold)
    np.testing.assert_array_equal(report.confusion_matrix, before.confusion_matrix)
    assert report.as_dict() == before.as_dict()

    # scikit-learn on probabilities computed independently
    Z = (w.T @ X + b).ravel()
    probabilities = expit(Z)
    y, predicted = Y.ravel(), (probabilities >= threshold).astype(int)
    np.testing.assert_array_equal(
        report.confusion_matrix, skm.confusion_matrix(y, predicted, labels=[0, 1])
    )
    assert report.accuracy == pytest.approx(skm.accuracy_score(y, predicted), abs=1e-15)
    assert report.f1 == pytest.approx(
        skm.f1_score(y, predicted, zero_division=0.0), abs=1e-15
    )
    with np.errstate(under="ignore"):
        losses = np.where(y == 1, np.logaddexp(0, -Z), np.logaddexp(0, Z))
    assert report.cost == pytest.approx(np.mean(losses), rel=1e-13)
    if scale == 1.0:  # log_loss clips probabilities; fine where none saturate
        assert report.cost == pytest.approx(skm.log_loss(y, probabilities), rel=1e-12)


def test_evaluate_accepts_the_shapes_of_the_public_functions():
    X = rng.normal(size=(2, 30))
    Y = rng.integers(0, 2, 30)
    w = rng.normal(size=(2, 1))
    reference = bl.evaluate(w, 0.5, X, Y.reshape(1, -1))
    for w_, b_, Y_ in [(w.ravel(), 0.5, Y), (w, np.array([[0.5]]), Y.reshape(-1, 1))]:
        assert bl.evaluate(w_, b_, X, Y_).as_dict() == reference.as_dict()


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"X": np.ones(4)}, ValueError, "X must be 2-D"),
        ({"X": np.full((2, 4), np.nan)}, ValueError, "X must be finite"),
        ({"w": np.ones((3, 1))}, ValueError, "w has 3 weights but X has 2"),
        ({"w": [np.inf, 0.0]}, ValueError, "w must be finite"),
        ({"b": [0.0, 1.0]}, ValueError, "b must be a scalar"),
        ({"Y": [0, 1, 1]}, ValueError, "Y has 3 samples but X has 4"),
        ({"Y": [0, 1, 2, 1]}, ValueError, "Y must hold the labels 0 and 1"),
        ({"threshold": 1.5}, ValueError, "threshold must lie in \\[0, 1\\]"),
        ({"threshold": "0.5"}, TypeError, "threshold must be a real number"),
    ],
)
def test_evaluate_rejects_bad_input_naming_the_argument(arguments, error, message):
    good = {"w": np.ones((2, 1)), "b": 0.0, "X": np.ones((2, 4)), "Y": [0, 1, 1, 0]}
    kwargs = good | arguments
    threshold = kwargs.pop("threshold", 0.5)
    with pytest.raises(error, match=message):
        bl.evaluate(**kwargs, threshold=threshold)


def test_evaluate_refuses_overflowing_logits():
    X = np.full((2, 3), 1e200)
    with pytest.raises(ValueError, match="Z = w\\^T X \\+ b must be finite"):
        bl.evaluate([1e200, 1e200], 0.0, X, [0, 1, 1])
    with pytest.raises(ValueError, match="Z = w\\^T X \\+ b must be finite"):
        bl.evaluate([1e200, -1e200], 0.0, X, [0, 1, 1])  # inf - inf = NaN


def test_classification_report_names_a_cost_that_is_not_a_number():
    with pytest.raises(TypeError, match="cost must be a real number or None, got 'x'"):
        bl.classification_report([0, 1], [0, 1], cost="x")
