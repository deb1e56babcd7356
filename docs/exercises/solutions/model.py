def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    """Train on the training set, then label and score both sets."""
    # train on the training set only, eq-update
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    # label both sets, eq-decision-boundary
    Y_pred_train = predict(w, b, X_train)
    Y_pred_test = predict(w, b, X_test)
    # the share of right labels, eq-accuracy
    return {
        "w": w,
        "b": b,
        "costs": costs,
        "train_accuracy": np.mean(Y_pred_train == Y_train),
        "test_accuracy": np.mean(Y_pred_test == Y_test),
    }
