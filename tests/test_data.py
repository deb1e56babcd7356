"""make_dataset: the course notebook's data, split reproducibly."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import make_classification

import binary_logreg as bl


def test_default_is_the_course_data(seed_data):
    X, y = make_classification(
        n_samples=100_000,
        n_features=2,
        n_informative=2,
        n_redundant=0,
        n_classes=2,
        n_clusters_per_class=1,
        class_sep=1,
        flip_y=1e-2,
        random_state=8,
    )
    data = seed_data
    assert data.X_train.shape == (2, 80_000)
    assert data.X_test.shape == (2, 20_000)
    assert data.Y_train.shape == (1, 80_000)
    both = np.hstack([data.X_train, data.X_test]).T
    # the split is a permutation of the notebook's samples
    np.testing.assert_array_equal(np.sort(both, axis=0), np.sort(X, axis=0))
    assert set(np.unique(data.Y_train)) == {0.0, 1.0}
    assert data.Y_train.sum() + data.Y_test.sum() == y.sum()


def test_split_is_reproducible_and_seeded():
    a, b = bl.make_dataset(1000), bl.make_dataset(1000)
    np.testing.assert_array_equal(a.X_train, b.X_train)
    c = bl.make_dataset(1000, split_seed=1)
    assert not np.array_equal(a.X_train, c.X_train)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_samples": 5}, "at least 10"),
        ({"test_size": 1.0}, "test_size"),
        ({"n_features": 0}, "n_features"),
    ],
)
def test_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        bl.make_dataset(**kwargs)
