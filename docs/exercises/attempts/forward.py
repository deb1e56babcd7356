def forward(w, b, X):
    """A = σ(wᵀX + b), equation eq-forward: one probability per column of X."""
    Z = w.T @ X
    return sigmoid(Z)
