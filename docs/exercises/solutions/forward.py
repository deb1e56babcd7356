def forward(w, b, X):
    """A = σ(wᵀX + b), equation eq-forward: one probability per column of X."""
    Z = w.T @ X + b  # (1, N) @ (N, M) = (1, M); b is added to every column
    return sigmoid(Z)  # your sigmoid of the exercise above
