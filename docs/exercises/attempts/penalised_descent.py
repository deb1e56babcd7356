def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    """w and b after `steps` updates with the L2 penalty (eq-penalised-dw)."""
    decay = 1 / (C * X.shape[1])  # lambda
    w, b = w_init, b_init
    for _ in range(steps):
        grads = bl.backward(X, Y, bl.forward(w, b, X))
        w = w - step_size * (grads.dw + decay * w)
        b = b - step_size * (grads.db + decay * b)
    return w, b
