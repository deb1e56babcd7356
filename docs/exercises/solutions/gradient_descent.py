def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    """w and b after `steps` updates (eq-update)."""
    w, b = w_init, b_init
    for _ in range(steps):
        A = bl.forward(w, b, X)  # eq-forward
        grads = bl.backward(X, Y, A)  # eq-dz, eq-dw, eq-db
        # eq-update, in new arrays: the caller's w_init stays
        w = w - step_size * grads.dw
        b = b - step_size * grads.db
    return w, b
