"""Our metrics equal scikit-learn's, the zero-division cases included."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics as skm

import binary_logreg as bl
from binary_logreg.metrics import (
    _accuracy,
    _confusion_matrix,
    _f1_score,
    _precision,
    _recall,
)

rng = np.random.default_rng(2024)

RANDOM_CASES = [
    (rng.integers(0, 2, size=n), rng.integers(0, 2, size=n))
    for n in (1, 2, 5, 50, 1000)
] + [
    (np.zeros(20, int), rng.integers(0, 2, 20)),  # no positive present
    (rng.integers(0, 2, 20), np.zeros(20, int)),  # no positive predicted
    (np.zeros(10, int), np.zeros(10, int)),  # neither: TP + FP + FN = 0
    (np.ones(10, int), np.ones(10, int)),
    (np.ones(10, int), np.zeros(10, int)),  # TP = 0 but FN > 0: F1 = 0
]


@pytest.mark.parametrize(("y_true", "y_pred"), RANDOM_CASES)
@pytest.mark.parametrize("zero_division", [0.0, 1.0])
def test_metrics_equal_sklearn(y_true, y_pred, zero_division):
    np.testing.assert_array_equal(
        bl.confusion_matrix(y_true, y_pred),
        skm.confusion_matrix(y_true, y_pred, labels=[0, 1]),
    )
    assert bl.accuracy(y_true, y_pred) == skm.accuracy_score(y_true, y_pred)
    for ours, theirs in [
        (bl.precision, skm.precision_score),
        (bl.recall, skm.recall_score),
        (bl.f1_score, skm.f1_score),
    ]:
        expected = theirs(y_true, y_pred, labels=[0, 1], zero_division=zero_division)
        assert ours(y_true, y_pred, zero_division=zero_division) == pytest.approx(
            expected, abs=1e-15
        )


@pytest.mark.parametrize(("y_true", "y_pred"), RANDOM_CASES)
@pytest.mark.parametrize("zero_division", [0.0, 1.0, np.nan])
def test_private_formulas_of_the_confusion_matrix_equal_the_public_metrics(
    y_true, y_pred, zero_division
):
    # the one place each formula lives: the public functions only validate around it
    cm = _confusion_matrix(y_true.astype(bool), y_pred.astype(bool))
    np.testing.assert_array_equal(cm, bl.confusion_matrix(y_true, y_pred))
    assert cm.dtype == np.int64
    assert _accuracy(cm) == bl.accuracy(y_true, y_pred)
    for private, public, sklearn in [
        (_precision, bl.precision, skm.precision_score),
        (_recall, bl.recall, skm.recall_score),
        (_f1_score, bl.f1_score, skm.f1_score),
    ]:
        value = private(cm, zero_division)
        assert type(value) is float
        np.testing.assert_equal(
            value, public(y_true, y_pred, zero_division=zero_division)
        )
        expected = sklearn(y_true, y_pred, labels=[0, 1], zero_division=zero_division)
        np.testing.assert_allclose(value, expected, rtol=0, atol=1e-15)


def test_zero_division_can_be_nan_on_request():
    assert np.isnan(bl.precision([1, 0], [0, 0], zero_division=np.nan))
    assert np.isnan(bl.recall([0, 0], [1, 0], zero_division=np.nan))
    assert np.isnan(bl.f1_score([0, 0], [0, 0], zero_division=np.nan))
    assert bl.f1_score([1, 0], [0, 0], zero_division=np.nan) == 0.0


def test_f1_is_the_harmonic_mean():
    y_true, y_pred = rng.integers(0, 2, 300), rng.integers(0, 2, 300)
    p, r = bl.precision(y_true, y_pred), bl.recall(y_true, y_pred)
    assert bl.f1_score(y_true, y_pred) == pytest.approx(2 / (1 / p + 1 / r), rel=1e-14)


def test_course_layout_rows_are_accepted():
    y_true = rng.integers(0, 2, (1, 40))
    y_pred = rng.integers(0, 2, (40, 1))
    np.testing.assert_array_equal(
        bl.confusion_matrix(y_true, y_pred),
        skm.confusion_matrix(y_true.ravel(), y_pred.ravel()),
    )


def test_report_collects_everything():
    y_true, y_pred = rng.integers(0, 2, 200), rng.integers(0, 2, 200)
    report = bl.classification_report(y_true, y_pred, cost=0.5)
    assert report.n_samples == 200
    np.testing.assert_allclose(
        report.confusion_matrix_percent,
        100 * skm.confusion_matrix(y_true, y_pred) / 200,
    )
    assert report.confusion_matrix_percent.sum() == pytest.approx(100.0)
    assert report.f1 == pytest.approx(skm.f1_score(y_true, y_pred))
    assert report.as_dict()["cost"] == 0.5
    text = str(report)
    assert "confusion matrix" in text and "precision" in text


@pytest.mark.parametrize(
    ("y_true", "y_pred", "message"),
    [
        ([0, 1, 1], [0, 1], "same number of samples"),
        ([0, 1, 2], [0, 1, 1], "labels 0 and 1"),
        ([0, 1, np.nan], [0, 1, 1], "y_true must be finite"),
        ([], [], "empty"),
    ],
)
def test_metrics_reject_bad_labels(y_true, y_pred, message):
    with pytest.raises(ValueError, match=message):
        bl.accuracy(y_true, y_pred)


def test_zero_division_value_is_checked():
    with pytest.raises(ValueError, match="zero_division"):
        bl.precision([0, 1], [0, 1], zero_division=0.5)


@pytest.mark.parametrize("metric", [bl.precision, bl.recall, bl.f1_score])
def test_zero_division_of_another_kind_is_named(metric):
    with pytest.raises(
        TypeError, match=r"zero_division must be 0.0, 1.0 or nan.*'warn'"
    ):
        metric([0, 1], [0, 1], zero_division="warn")
