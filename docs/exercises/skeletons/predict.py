def predict(w, b, X):
    """Labels 0 and 1 of the samples in X, shape (1, M).

    w: shape (N, 1); b: a number; X: shape (N, M).
    A = sigmoid(w.T @ X + b); label 1 where A >= 0.5 (a
    probability of exactly 0.5 too), 0 elsewhere.
    """
    raise NotImplementedError("write the body of predict")
