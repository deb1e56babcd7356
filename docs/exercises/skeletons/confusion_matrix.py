def confusion_matrix(y_true, y_pred):
    """[[TN, FP], [FN, TP]] (eq-confusion-matrix).

    y_true, y_pred: 1-D arrays of labels 0 and 1.
    Return the counts in a NumPy array of shape (2, 2): rows the
    real class, columns the predicted one.
    """
    raise NotImplementedError("write the body of confusion_matrix")
