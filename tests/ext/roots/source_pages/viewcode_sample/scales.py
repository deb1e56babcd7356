"""A class that no page documents."""


class Scale:
    """Multiply by a factor."""

    def __init__(self, factor):
        self.factor = factor

    def __call__(self, x):
        return self.factor * x
