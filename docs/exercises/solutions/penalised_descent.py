def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    """w and b after `steps` updates with the L2 penalty (eq-penalised-dw)."""
    decay = 1 / (C * X.shape[1])  # lambda = 1/(C M) (eq-penalised-cost)
    w, b = w_init, b_init
    for _ in range(steps):
        grads = bl.backward(X, Y, bl.forward(w, b, X))  # eq-dz, eq-dw, eq-db
        dw = grads.dw + decay * w  # eq-penalised-dw; db has no penalty
        w = w - step_size * dw  # eq-update, in new arrays
        b = b - step_size * grads.db
    return w, b
