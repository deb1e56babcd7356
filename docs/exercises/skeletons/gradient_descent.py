def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    """w and b after `steps` updates (eq-update).

    Use bl.forward and bl.backward for the gradient. Return w,
    shape (N, 1), and b. Leave w_init as it is.
    """
    raise NotImplementedError("write the body of gradient_descent")
