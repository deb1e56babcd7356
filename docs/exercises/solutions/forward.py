def forward(w, b, X):
    """A = σ(wᵀX + b), one probability per column of X (eq-forward)."""
    Z = w.T @ X + b  # shape (1, M); b goes to every column
    return sigmoid(Z)  # your sigmoid, from the exercise above
