def train(X, Y, w_init, b_init, step_size, steps):
    """The course's training loop: w, b and the costs.

    X: shape (N, M); Y: shape (1, M); w_init: shape (N, 1);
    b_init: a number. Repeat `steps` times: forward propagation,
    the cost, backward propagation, the update. Return w, b and
    the costs, one per step, each before that step's update.
    Leave w_init as it is.
    """
    raise NotImplementedError("write the body of train")
