def sigmoid(z):
    """σ(z), written as exp(z) / (1 + exp(z)): equal to 1 / (1 + exp(-z)) on paper."""
    return np.exp(z) / (1 + np.exp(z))
