def sigmoid(z):
    """σ(z) = exp(z) / (1 + exp(z)), equal to eq-sigmoid on paper."""
    return np.exp(z) / (1 + np.exp(z))
