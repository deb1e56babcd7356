def cost(Y, A):
    """J, the mean binary cross-entropy (eq-loss, eq-cost)."""
    # the probability given to each sample's own label: a for y = 1,
    # 1 - a for y = 0. Only that term of eq-loss is computed, so
    # y = 0, a = 0 costs -log(1) = 0, never 0 · log(0) = NaN.
    p = np.where(Y == 1, A, 1 - A)
    return float(np.mean(-np.log(p)))
