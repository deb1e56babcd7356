def sigmoid(z):
    """σ(z) = 1 / (1 + exp(-z)) of every entry of z (eq-sigmoid)."""
    z = np.asarray(z, dtype=float)
    # exp(-|z|) lies in (0, 1]: it never overflows
    e = np.exp(-np.abs(z))
    # z >= 0: 1 / (1 + exp(-z))
    # z < 0: exp(z) / (exp(z) + 1), the same number
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
