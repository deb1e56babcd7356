def sigmoid(z):
    """σ(z) = 1 / (1 + exp(-z)) of every entry of z (eq-sigmoid).

    z: a NumPy array of any shape. Return a NumPy array of its shape.
    """
    raise NotImplementedError("write the body of sigmoid")
