def cost(Y, A):
    """J, the mean binary cross-entropy (eq-loss, eq-cost).

    Y: the labels, 0 or 1; A: the probabilities; both of shape
    (1, M). Return J, a number.
    """
    raise NotImplementedError("write the body of cost")
