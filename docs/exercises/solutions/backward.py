def backward(X, Y, A):
    """dw and db, the gradient of the cost (eq-dz, eq-dw, eq-db)."""
    M = X.shape[1]
    dZ = A - Y  # eq-dz: the chain rule, simplified; (1, M)
    dw = X @ dZ.T / M  # eq-dw: (N, M) @ (M, 1) = (N, 1), as w
    db = np.sum(dZ) / M  # eq-db: a number, as b
    return dw, db
