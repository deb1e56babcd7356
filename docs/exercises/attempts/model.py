def model(X_train, Y_train, X_test, Y_test, w_init, b_init, step_size, steps):
    """Train on the training set, then label and score both sets."""
    w, b, costs = train(X_train, Y_train, w_init, b_init, step_size, steps)
    Y_pred_train = predict(w, b, X_train)
    Y_pred_test = predict(w, b, X_test)
    return {
        "w": w,
        "b": b,
        "costs": costs,
        "train_accuracy": 100 - np.mean(np.abs(Y_pred_train - Y_train)) * 100,
        "test_accuracy": 100 - np.mean(np.abs(Y_pred_test - Y_test)) * 100,
    }
