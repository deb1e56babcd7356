def confusion_matrix(y_true, y_pred):
    """[[TN, FP], [FN, TP]] (eq-confusion-matrix).

    y_true, y_pred: 1-D arrays of labels 0 and 1.
    Return the 2×2 counts: rows the real class, columns the
    predicted one.
    """
    raise NotImplementedError("write the body of confusion_matrix")
