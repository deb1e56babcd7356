"""The course notebook's toy data set, split reproducibly into training and test sets."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split

from binary_logreg._validation import check_non_negative_int

__all__ = ["Dataset", "make_dataset"]


@dataclass(frozen=True)
class Dataset:
    """Training and test data in the course layout.

    Attributes
    ----------
    X_train : ndarray, shape (N, M_train)
        Training features, one column per sample.
    Y_train : ndarray, shape (1, M_train)
        Training labels in {0, 1} (float).
    X_test : ndarray, shape (N, M_test)
        Test features.
    Y_test : ndarray, shape (1, M_test)
        Test labels.

    Notes
    -----
    scikit-learn and Keras want one *row* per sample: pass ``X_train.T`` and
    ``Y_train.ravel()`` (or ``Y_train.T`` for Keras).
    """

    X_train: NDArray[np.float64]
    Y_train: NDArray[np.float64]
    X_test: NDArray[np.float64]
    Y_test: NDArray[np.float64]

    @property
    def n_features(self) -> int:
        """Number of features N."""
        return self.X_train.shape[0]


def make_dataset(
    n_samples: int = 100_000,
    *,
    n_features: int = 2,
    class_sep: float = 1.0,
    flip_y: float = 0.01,
    test_size: float = 0.2,
    data_seed: int = 8,
    split_seed: int = 0,
) -> Dataset:
    """Make the course notebook's two-cluster data and split it 80/20.

    The defaults reproduce the notebook's ``make_classification`` call
    (M = 100000, N = 2, two informative features, no redundant ones, one cluster
    per class, ``class_sep=1``, ``flip_y=0.01``, ``random_state=8``). The
    notebook split at random; here ``split_seed`` fixes the split, so every run,
    test and page sees the same training and test sets.

    ``flip_y`` is label noise: that share of the samples gets a label drawn at
    random from both classes, so about half of them keep their class. With the
    defaults, 1 % of the labels are redrawn and about 0.5 % change class (the
    metrics page counts them).

    Parameters
    ----------
    n_samples : int, default=100000
        Number of samples M before the split.
    n_features : int, default=2
        Number of features N, all informative.
    class_sep : float, default=1.0
        Distance between the class clusters (larger is easier).
    flip_y : float, default=0.01
        Share of the samples whose label is drawn anew at random (label noise);
        about half of those draws give the other class.
    test_size : float, default=0.2
        Share of samples in the test set.
    data_seed : int, default=8
        Seed of ``make_classification``.
    split_seed : int, default=0
        Seed of ``train_test_split``.

    Returns
    -------
    Dataset
    """
    n_samples = check_non_negative_int(n_samples, "n_samples")
    n_features = check_non_negative_int(n_features, "n_features")
    if n_samples < 10:
        raise ValueError(f"n_samples must be at least 10, got {n_samples}")
    if n_features < 1:
        raise ValueError(f"n_features must be at least 1, got {n_features}")
    if not 0.0 < float(test_size) < 1.0:
        raise ValueError(
            f"test_size must lie strictly between 0 and 1, got {test_size}"
        )
    X, y = make_classification(
        n_samples=n_samples,
        n_features=n_features,
        n_informative=n_features,
        n_redundant=0,
        n_repeated=0,
        n_classes=2,
        n_clusters_per_class=1,
        class_sep=class_sep,
        flip_y=flip_y,
        random_state=data_seed,
    )
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, random_state=split_seed
    )
    return Dataset(
        X_train=np.ascontiguousarray(X_train.T),
        Y_train=y_train.astype(np.float64).reshape(1, -1),
        X_test=np.ascontiguousarray(X_test.T),
        Y_test=y_test.astype(np.float64).reshape(1, -1),
    )
