def train(X, Y, w_init, b_init, step_size, steps):
    """The course's training loop: w, b and the costs."""
    M = X.shape[1]
    w, b = w_init, b_init
    costs = []
    for _ in range(1, steps):
        Z = w.T @ X + b
        e = np.exp(-np.abs(Z))
        A = np.where(Z >= 0, 1 / (1 + e), e / (1 + e))
        L = np.maximum(Z, 0) - Y * Z + np.log1p(e)
        costs.append(np.mean(L))
        dZ = A - Y
        dw = X @ dZ.T / M
        db = np.sum(dZ) / M
        w = w - step_size * dw
        b = b - step_size * db
    return w, b, np.array(costs)
