def forward(w, b, X):
    """A = σ(wᵀX + b), one probability per column of X (eq-forward)."""
    Z = w.T @ X
    return sigmoid(Z)
