def forward(w, b, X):
    """A = σ(wᵀX + b), equation eq-forward: one probability per column of X.

    w has shape (N, 1), b is a number, X has shape (N, M); return A of shape (1, M).
    """
    raise NotImplementedError("write the body of forward")
