"""A package of two modules: one with a documented function, one with a documented constant."""
