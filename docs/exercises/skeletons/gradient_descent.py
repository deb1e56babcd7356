def gradient_descent(X, Y, w_init, b_init, step_size, steps):
    """w and b after `steps` updates of equation eq-update, from w_init, b_init.

    Use bl.forward and bl.backward for the forward and backward propagation;
    return w (shape (N, 1)) and b. Leave w_init as it is.
    """
    raise NotImplementedError("write the body of gradient_descent")
