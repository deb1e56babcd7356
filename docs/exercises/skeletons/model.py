def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    """Train on the training set, then label and score both sets.

    Train with train(...) from w_init and b_init, label X_train
    and X_test with predict(...), and return a dict with "w",
    "b", "costs", "train_accuracy" and "test_accuracy", the
    accuracies as fractions between 0 and 1.
    """
    raise NotImplementedError("write the body of model")
