def sigmoid(z):
    """σ(z) = 1 / (1 + exp(-z)) for every entry of z, equation eq-sigmoid.

    z is a NumPy array of any shape; return an array of the same shape.
    """
    raise NotImplementedError("write the body of sigmoid")
