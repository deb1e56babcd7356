def sigmoid(z):
    """σ(z) = 1 / (1 + exp(-z)) for every entry of z, equation eq-sigmoid."""
    z = np.asarray(z, dtype=float)
    # exp(-|z|) lies in (0, 1]: it never overflows, whatever the sign of z
    e = np.exp(-np.abs(z))
    # z >= 0: 1 / (1 + exp(-z)); z < 0: exp(z) / (exp(z) + 1), the same number
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
