def backward(X, Y, A):
    """dw and db, the gradient of the cost (eq-dz, eq-dw, eq-db)."""
    M = X.shape[1]
    da = -Y / A + (1 - Y) / (1 - A)  # dL/da, eq-dL-da
    dZ = da * A * (1 - A)  # times da/dz, eq-da-dz
    dw = X @ dZ.T / M
    db = np.sum(dZ) / M
    return dw, db
