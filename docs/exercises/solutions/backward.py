def backward(X, Y, A):
    """dw and db, the gradient of the cost: equations eq-dz, eq-dw and eq-db."""
    M = X.shape[1]
    dZ = A - Y  # eq-dz: the chain rule, simplified; shape (1, M)
    dw = X @ dZ.T / M  # eq-dw: (N, M) @ (M, 1) = (N, 1), the shape of w
    db = np.sum(dZ) / M  # eq-db: a number, like b
    return dw, db
