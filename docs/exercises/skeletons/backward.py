def backward(X, Y, A):
    """dw and db, the gradient of the cost: equations eq-dz, eq-dw and eq-db.

    X has shape (N, M), Y and A shape (1, M); return dw of shape (N, 1) and db,
    a number.
    """
    raise NotImplementedError("write the body of backward")
