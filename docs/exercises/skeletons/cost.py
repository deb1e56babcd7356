def cost(Y, A):
    """J, the mean binary cross-entropy of equations eq-loss and eq-cost.

    Y holds the labels (0 or 1), A the probabilities, both of shape (1, M);
    return J, a number.
    """
    raise NotImplementedError("write the body of cost")
