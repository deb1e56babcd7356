def cost(Y, A):
    """J, the mean binary cross-entropy of equations eq-loss and eq-cost."""
    L = -(Y * np.log(A) + (1 - Y) * np.log(1 - A))  # eq-loss, term by term
    return float(np.mean(L))
