"""A scikit-learn classifier around :func:`~binary_logreg.gradient_descent`."""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from binary_logreg._validation import check_non_negative_int, check_positive_finite
from binary_logreg.model import sigmoid
from binary_logreg.training import gradient_descent, initial_parameters

__all__ = ["LogisticRegressionGD"]


class LogisticRegressionGD(ClassifierMixin, BaseEstimator):
    """Binary logistic regression trained by batch gradient descent.

    The scikit-learn face of the course model: it takes ``X`` of shape
    ``(n_samples, n_features)`` as every scikit-learn estimator does, transposes it
    once to the course layout (N, M) and calls
    :func:`~binary_logreg.gradient_descent`. No regularisation.

    Parameters
    ----------
    step_size : float, default=0.25
        Step size (learning rate) of gradient descent, > 0.
    max_iter : int, default=500
        Maximum number of gradient-descent steps (each uses all samples).
    tol : float or None, default=None
        Stop once the largest entry of the gradient is at most ``tol``. With
        ``None`` exactly ``max_iter`` steps are made, as in the course notebook;
        with a number, not reaching it raises a ``ConvergenceWarning``.
    init : {"uniform", "zeros"}, default="uniform"
        Initial parameters: uniform in [-1, 1) drawn as the course notebook does,
        ``(rng.rand(N, 1) - 0.5) * 2`` then the bias, or all zeros.
    random_state : int, RandomState instance or None, default=None
        Seeds the ``"uniform"`` initialisation.

    Attributes
    ----------
    classes_ : ndarray of shape (2,)
        The two class labels; ``classes_[1]`` is the positive class (y = 1).
    coef_ : ndarray of shape (1, n_features)
        Weights :math:`w^\\mathsf{T}`.
    intercept_ : ndarray of shape (1,)
        Bias :math:`b`.
    n_iter_ : int
        Number of gradient-descent steps made (``n_iter`` above).
    cost_history_ : ndarray of shape (n_iter,)
        Training cost at the start of every step.
    n_features_in_ : int
        Number of features seen during fit.
    feature_names_in_ : ndarray of shape (n_features,)
        Feature names, when ``X`` has them (a pandas DataFrame).

    Examples
    --------
    >>> from binary_logreg import LogisticRegressionGD, make_dataset
    >>> data = make_dataset(2_000)
    >>> clf = LogisticRegressionGD(random_state=0).fit(data.X_train.T, data.Y_train.ravel())
    >>> round(clf.score(data.X_test.T, data.Y_test.ravel()), 2)
    0.99
    """

    def __init__(
        self,
        step_size: float = 0.25,
        max_iter: int = 500,
        tol: float | None = None,
        init: str = "uniform",
        random_state: int | np.random.RandomState | None = None,
    ) -> None:
        self.step_size = step_size
        self.max_iter = max_iter
        self.tol = tol
        self.init = init
        self.random_state = random_state

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False
        return tags

    def fit(self, X: ArrayLike, y: ArrayLike) -> LogisticRegressionGD:
        """Fit the model to ``X`` of shape (M, N) and the binary labels ``y``.

        Returns
        -------
        self
        """
        step_size = check_positive_finite(self.step_size, "step_size")
        max_iter = check_non_negative_int(self.max_iter, "max_iter")
        if self.init not in ("uniform", "zeros"):
            raise ValueError(f"init must be 'uniform' or 'zeros', got {self.init!r}")
        X, y = validate_data(self, X, y, dtype=np.float64, y_numeric=False)
        check_classification_targets(y)
        self.classes_, y_encoded = np.unique(y, return_inverse=True)
        if len(self.classes_) != 2:
            raise ValueError(
                f"Only binary classification is supported. "
                f"LogisticRegressionGD is a binary classifier and needs exactly 2 "
                f"classes in y, got {len(self.classes_)} class(es): "
                f"{self.classes_[:5].tolist()}"
            )
        n_features = X.shape[1]
        if self.init == "uniform":
            w_init, b_init = initial_parameters(n_features, self.random_state)
        else:
            w_init, b_init = np.zeros((n_features, 1)), 0.0
        result = gradient_descent(
            X.T,
            y_encoded.reshape(1, -1),
            w_init,
            b_init,
            step_size=step_size,
            steps=max_iter,
            tol=self.tol,
        )
        if self.tol is not None and not result.converged:
            warnings.warn(
                f"gradient descent did not reach tol={self.tol:g} in {max_iter} steps "
                f"(largest gradient entry {result.gradient_norm:.3g}); increase "
                "max_iter or step_size, or standardise the features",
                ConvergenceWarning,
                stacklevel=2,
            )
        self.coef_ = result.w.T.copy()
        self.intercept_ = np.array([result.b])
        self.n_iter_ = result.n_steps
        self.cost_history_ = result.costs
        return self

    def decision_function(self, X: ArrayLike) -> NDArray[np.float64]:
        """Logits :math:`z = w^\\mathsf{T} x + b` of each sample, shape (M,)."""
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return X @ self.coef_[0] + self.intercept_[0]

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Probabilities of ``classes_[0]`` and ``classes_[1]``, shape (M, 2)."""
        z = self.decision_function(X)
        # sigma(-z) = 1 - sigma(z), without the cancellation of 1 - sigma(z) near 1
        return np.column_stack([sigmoid(-z), sigmoid(z)])

    def predict_log_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Logarithm of :meth:`predict_proba`, computed from the logits without underflow."""
        z = self.decision_function(X)
        # log sigma(z) = -log(1 + exp(-z)) = -logaddexp(0, -z)
        return np.column_stack([-np.logaddexp(0.0, z), -np.logaddexp(0.0, -z)])

    def predict(self, X: ArrayLike) -> NDArray:
        """Class labels: ``classes_[1]`` where the probability is at least 0.5."""
        positive = self.predict_proba(X)[:, 1] >= 0.5
        return self.classes_[positive.astype(int)]
