def cost(Y, A):
    """J, the mean binary cross-entropy (eq-loss, eq-cost)."""
    L = -(Y * np.log(A) + (1 - Y) * np.log(1 - A))  # eq-loss
    return float(np.mean(L))
