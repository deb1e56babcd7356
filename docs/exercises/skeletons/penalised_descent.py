def penalised_descent(X, Y, w_init, b_init, step_size, steps, C):
    """w and b after `steps` updates with the L2 penalty (eq-penalised-dw).

    lambda = 1 / (C * M), M = X.shape[1]; the penalty's gradient
    lambda * w is added to dw, the bias is not penalised. Use
    bl.forward and bl.backward. Return w, shape (N, 1), and b.
    """
    raise NotImplementedError("write the body of penalised_descent")
