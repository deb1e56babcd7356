def forward(w, b, X):
    """A = σ(wᵀX + b), one probability per column of X (eq-forward).

    w: shape (N, 1); b: a number; X: shape (N, M).
    Return A of shape (1, M).
    """
    raise NotImplementedError("write the body of forward")
