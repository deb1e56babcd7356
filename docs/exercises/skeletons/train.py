def train(X, Y, w_init, b_init, step_size, steps):
    """The course's training loop: w, b and the cost of every step.

    X has shape (N, M), Y shape (1, M), w_init shape (N, 1), b_init is a number.
    Repeat `steps` times: forward propagation, the cost, backward propagation,
    the update. Return w, b and the costs, one per step, each computed before
    that step's update. Leave w_init as it is.
    """
    raise NotImplementedError("write the body of train")
