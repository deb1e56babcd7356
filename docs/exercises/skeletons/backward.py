def backward(X, Y, A):
    """dw and db, the gradient of the cost (eq-dz, eq-dw, eq-db).

    X: shape (N, M); Y and A: shape (1, M).
    Return dw of shape (N, 1) and db, a number.
    """
    raise NotImplementedError("write the body of backward")
