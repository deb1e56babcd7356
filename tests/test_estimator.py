"""LogisticRegressionGD: scikit-learn's estimator checks and the unregularised optimum."""

from __future__ import annotations

import numpy as np
import pytest
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.utils.estimator_checks import parametrize_with_checks

import binary_logreg as bl

sklearn_version = tuple(int(part) for part in sklearn.__version__.split(".")[:2])


def unpenalised_logistic_regression(**kwargs) -> LogisticRegression:
    """scikit-learn's LogisticRegression without regularisation, on any version.

    ``penalty=None`` is deprecated since scikit-learn 1.8 in favour of ``C=np.inf``.
    """
    if sklearn_version >= (1, 8):
        return LogisticRegression(C=np.inf, **kwargs)
    return LogisticRegression(penalty=None, **kwargs)


# The checks fit unscaled toy data with the default step size 0.25, which is above
# the stability limit there; the DivergenceWarning is the intended report of that.
@pytest.mark.filterwarnings("ignore::binary_logreg.DivergenceWarning")
@parametrize_with_checks([bl.LogisticRegressionGD(max_iter=100, random_state=0)])
def test_sklearn_compatible_estimator(estimator, check):
    check(estimator)


def test_converges_to_sklearn_unpenalised_optimum():
    data = bl.make_dataset(4000, class_sep=0.7, flip_y=0.1, split_seed=3)
    X = StandardScaler().fit_transform(data.X_train.T)  # well conditioned
    y = data.Y_train.ravel()
    ours = bl.LogisticRegressionGD(
        step_size=2.0, max_iter=20_000, tol=1e-10, random_state=0
    )
    ours.fit(X, y)
    reference = unpenalised_logistic_regression(tol=1e-12, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(ours.coef_, reference.coef_, rtol=0, atol=1e-4)
    np.testing.assert_allclose(ours.intercept_, reference.intercept_, rtol=0, atol=1e-4)
    assert ours.n_iter_ < 20_000
    np.testing.assert_allclose(
        ours.predict_proba(X), reference.predict_proba(X), atol=1e-5
    )


def test_seed_initialisation_and_500_steps_reproduce_gradient_descent():
    data = bl.make_dataset(3000)
    clf = bl.LogisticRegressionGD(random_state=5).fit(
        data.X_train.T, data.Y_train.ravel()
    )
    rng = np.random.RandomState(5)
    w_init = (rng.rand(2, 1) - 0.5) * 2.0
    b_init = (rng.rand(1, 1) - 0.5) * 2.0
    result = bl.gradient_descent(
        data.X_train, data.Y_train, w_init, b_init, step_size=0.25, steps=500
    )
    np.testing.assert_array_equal(clf.coef_, result.w.T)
    assert clf.intercept_[0] == result.b
    assert clf.n_iter_ == 500
    np.testing.assert_array_equal(clf.cost_history_, result.costs)


def test_string_labels_and_probabilities():
    data = bl.make_dataset(1000)
    labels = np.array(["speech", "music"])[data.Y_train.ravel().astype(int)]
    clf = bl.LogisticRegressionGD(init="zeros").fit(data.X_train.T, labels)
    assert clf.classes_.tolist() == ["music", "speech"]
    proba = clf.predict_proba(data.X_train.T)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    np.testing.assert_allclose(
        np.exp(clf.predict_log_proba(data.X_train.T)), proba, rtol=1e-12
    )
    z = clf.decision_function(data.X_train.T)
    np.testing.assert_allclose(proba[:, 1], bl.sigmoid(z))
    assert set(clf.predict(data.X_train.T)) <= {"music", "speech"}
    assert clf.score(data.X_train.T, labels) > 0.95


def test_warns_when_tol_is_not_reached():
    data = bl.make_dataset(1000)
    with pytest.warns(ConvergenceWarning, match="did not reach tol"):
        bl.LogisticRegressionGD(max_iter=3, tol=1e-12).fit(
            data.X_train.T, data.Y_train.ravel()
        )


@pytest.mark.parametrize(
    ("params", "X", "y", "message"),
    [
        (
            {},
            np.ones((4, 2)),
            [0, 1, 2, 1],
            "binary classifier and needs exactly 2 classes",
        ),
        ({}, np.ones((4, 2)), [1, 1, 1, 1], "2 classes"),
        (
            {"step_size": 0},
            np.ones((4, 2)),
            [0, 1, 0, 1],
            "step_size must be a finite number > 0",
        ),
        ({"max_iter": -2}, np.ones((4, 2)), [0, 1, 0, 1], "max_iter must be >= 0"),
        ({"init": "normal"}, np.ones((4, 2)), [0, 1, 0, 1], "init must be"),
        ({}, np.array([[np.nan, 1.0], [1.0, 2.0]]), [0, 1], "NaN"),
    ],
)
def test_rejects_bad_input(params, X, y, message):
    with pytest.raises(ValueError, match=message):
        bl.LogisticRegressionGD(**params).fit(X, y)
