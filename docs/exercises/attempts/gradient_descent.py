def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    """w and b after `steps` updates (eq-update)."""
    w, b = w_init, b_init
    for _ in range(steps):
        A = bl.forward(w, b, X)
        grads = bl.backward(X, Y, A)
        w -= step_size * grads.dw
        b -= step_size * grads.db
    return w, b
