"""Input checks shared by the public functions.

Every check raises :class:`ValueError` (or :class:`TypeError` for the wrong kind of
object) with a message that names the argument and the problem, so that bad input
never turns silently into NaN further down.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
from numpy.typing import ArrayLike, NDArray


def as_float_array(value: ArrayLike, name: str) -> NDArray[np.float64]:
    """Convert ``value`` to a float64 array or raise a TypeError naming ``name``."""
    if type(value) is np.ndarray and value.dtype == np.float64:
        return value  # already one (the common case, in a training loop)
    try:
        array = np.asarray(value)
    except Exception as exc:  # pragma: no cover - numpy raises many kinds
        raise TypeError(
            f"{name} must be array-like, got {type(value).__name__}"
        ) from exc
    if array.dtype == object or not (
        np.issubdtype(array.dtype, np.number) or array.dtype == bool
    ):
        raise TypeError(f"{name} must hold real numbers, got dtype {array.dtype}")
    if np.iscomplexobj(array):
        raise TypeError(f"{name} must hold real numbers, got complex values")
    return np.asarray(array, dtype=np.float64)


def check_finite(array: NDArray[np.float64], name: str) -> None:
    """Raise if ``array`` holds NaN or infinity, saying how many and where the first is."""
    finite = np.isfinite(array)
    if not finite.all():
        bad = np.argwhere(~finite)
        first = tuple(int(i) for i in bad[0])
        kind = "NaN" if np.isnan(array[first]) else "infinity"
        raise ValueError(
            f"{name} must be finite, but it holds {len(bad)} non-finite value(s) "
            f"(the first, {kind}, at index {first})"
        )


def check_data_matrix(X: ArrayLike, name: str = "X") -> NDArray[np.float64]:
    """Validate a data matrix in the course layout, shape (N features, M samples)."""
    X = as_float_array(X, name)
    if X.ndim != 2:
        raise ValueError(
            f"{name} must be 2-D with shape (n_features, n_samples), got {X.ndim}-D "
            f"array of shape {X.shape}"
        )
    n_features, n_samples = X.shape
    if n_samples == 0 or n_features == 0:
        raise ValueError(
            f"{name} is empty: shape {X.shape}; need at least one feature and one sample"
        )
    check_finite(X, name)
    return X


def check_row_vector(
    values: ArrayLike, name: str, n_samples: int | None = None, reference: str = "X"
) -> NDArray[np.float64]:
    """Return ``values`` as a finite (1, M) row; accept shapes (M,), (1, M) and (M, 1)."""
    array = as_float_array(values, name)
    if array.ndim == 0 or (array.ndim == 2 and 1 not in array.shape) or array.ndim > 2:
        raise ValueError(
            f"{name} must be a vector of shape (1, n_samples) or (n_samples,), "
            f"got shape {array.shape}"
        )
    row = array.reshape(1, -1)
    if row.shape[1] == 0:
        raise ValueError(f"{name} is empty: need at least one sample")
    if n_samples is not None and row.shape[1] != n_samples:
        raise ValueError(
            f"{name} has {row.shape[1]} samples but {reference} has {n_samples}; "
            "they must match"
        )
    check_finite(row, name)
    return row


def check_binary_labels(
    labels: ArrayLike,
    name: str = "Y",
    n_samples: int | None = None,
    require_both: bool = False,
    reference: str = "X",
) -> NDArray[np.float64]:
    """Validate labels in {0, 1} and return them as a float (1, M) row."""
    row = check_row_vector(labels, name, n_samples, reference)
    outside = (row != 0) & (row != 1)
    if outside.any():
        found = np.unique(row[outside])[:5]
        raise ValueError(
            f"{name} must hold the labels 0 and 1 only, found {found.tolist()}; "
            "encode the two classes as 0 and 1 (LogisticRegressionGD does this for you)"
        )
    if require_both and (row.min() == row.max()):
        raise ValueError(
            f"{name} holds a single class ({int(row[0, 0])}); training needs samples "
            "of both classes 0 and 1"
        )
    return row


def check_weights(
    w: ArrayLike, n_features: int, name: str = "w"
) -> NDArray[np.float64]:
    """Return the weights as a finite column of shape (N, 1); accept (N,) too."""
    array = as_float_array(w, name)
    if array.ndim == 1:
        array = array.reshape(-1, 1)
    if array.ndim != 2 or array.shape[1] != 1:
        raise ValueError(
            f"{name} must be a column of shape (n_features, 1), got shape {array.shape}"
        )
    if array.shape[0] != n_features:
        raise ValueError(
            f"{name} has {array.shape[0]} weights but X has {n_features} features "
            "(rows); they must match"
        )
    check_finite(array, name)
    return array


def check_bias(b: ArrayLike, name: str = "b") -> float:
    """Return the bias as a Python float; accept a scalar or any size-1 array."""
    array = as_float_array(b, name)
    if array.size != 1:
        raise ValueError(
            f"{name} must be a scalar, got an array of shape {array.shape}"
        )
    check_finite(array, name)
    return float(array.reshape(()))


def check_positive_finite(value: object, name: str) -> float:
    """Return ``value`` as a float after checking it is a finite number > 0."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number > 0, got {value}")
    return value


def check_non_negative_int(value: object, name: str) -> int:
    """Return ``value`` as an int after checking it is an integer >= 0."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
    return int(value)


def check_int_at_least(value: object, name: str, minimum: int) -> int:
    """Return ``value`` as an int after checking it is an integer >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def check_probabilities(A: NDArray[np.float64], name: str = "A") -> NDArray[np.float64]:
    """Raise unless every entry of ``A`` is a probability in [0, 1]; return ``A``."""
    outside = np.isnan(A) | (A < 0) | (A > 1)
    if outside.any():
        first = tuple(int(i) for i in np.argwhere(outside)[0])
        raise ValueError(
            f"{name} must hold probabilities in [0, 1], but {int(outside.sum())} "
            f"value(s) lie outside (the first, {float(A[first])!r}, at index {first}); "
            "pass sigmoid(Z), not the logits Z"
        )
    return A


def check_threshold(threshold: object) -> float:
    """Return a decision threshold as a float in [0, 1]."""
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real):
        raise TypeError(
            f"threshold must be a real number, got {type(threshold).__name__}"
        )
    threshold = float(threshold)
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must lie in [0, 1], got {threshold}")
    return threshold


def normalized_sample_weight(
    sample_weight: ArrayLike | None,
    n_samples: int,
    name: str = "sample_weight",
    reference: str = "X",
) -> NDArray[np.float64] | None:
    """Check per-sample weights and scale them to mean 1, as a (1, M) row.

    With weights of mean 1 the weighted cost :math:`\\sum_m s_m L_m / \\sum_m s_m`
    is the plain mean of :math:`s_m L_m`, so the formulas of the course need one
    product more and nothing else. Only the ratios of the weights matter, so any
    finite non-negative weights with a positive entry are accepted. Returns
    ``None`` for ``None`` and for equal weights, which weigh every sample alike.
    """
    return sample_weight_with_sum(sample_weight, n_samples, name, reference)[0]


def sample_weight_with_sum(
    sample_weight: ArrayLike | None,
    n_samples: int,
    name: str = "sample_weight",
    reference: str = "X",
) -> tuple[NDArray[np.float64] | None, float]:
    """:func:`normalized_sample_weight` and :math:`\\sum_m s_m` of the weights as given.

    The sum is M without weights; it may overflow to infinity for weights near
    the largest float, which the normalised weights never do.
    """
    if sample_weight is None:
        return None, float(n_samples)
    weights = check_row_vector(sample_weight, name, n_samples, reference)
    if (weights < 0).any():
        raise ValueError(f"{name} must be >= 0, found {float(weights.min())!r}")
    largest = weights.max()
    if not largest > 0:
        raise ValueError(f"{name} must have a positive sum, got all zeros")
    with np.errstate(over="ignore"):
        total = float(weights.sum())
    if (weights == largest).all():
        return None, total
    # only ratios matter: dividing by the largest weight first keeps the sum
    # finite for weights up to 1.8e308 (tiny ratios may underflow to 0, harmlessly)
    with np.errstate(under="ignore"):
        return mean_one(weights / largest), total


def mean_one(weights: NDArray[np.float64]) -> NDArray[np.float64]:
    """Non-negative weights with a positive sum, scaled to mean 1 (the one scaling)."""
    return weights / weights.sum() * weights.size


def check_seed(value: object, name: str = "random_state") -> object:
    """Return ``value`` if it is None, an int in [0, 2**32) or a ``RandomState``."""
    if value is None or isinstance(value, np.random.RandomState):
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be None, an int in [0, 2**32) or a "
            f"numpy.random.RandomState; got {value!r} of type {type(value).__name__}"
        )
    if not 0 <= value < 2**32:
        raise ValueError(f"{name} must be an int in [0, 2**32), got {value}")
    return value


def check_bool(value: object, name: str) -> bool:
    """Return ``value`` if it is a bool (``numpy.bool_`` too); raise naming ``name``."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(
            f"{name} must be True or False, got {value!r} of type {type(value).__name__}"
        )
    return bool(value)


def check_tolerance(tol: object, name: str = "tol") -> float | None:
    """Return ``tol`` as a float >= 0, or None."""
    if tol is None:
        return None
    if isinstance(tol, bool) or not isinstance(tol, numbers.Real):
        raise TypeError(f"{name} must be a real number >= 0 or None, got {tol!r}")
    tol = float(tol)
    if not tol >= 0 or math.isinf(tol):
        raise ValueError(f"{name} must be a finite number >= 0 or None, got {tol}")
    return tol
