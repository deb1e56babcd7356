def confusion_matrix(y_true, y_pred):
    """[[TN, FP], [FN, TP]], equation eq-confusion-matrix: rows the real class.

    y_true and y_pred are 1-D arrays of labels 0 and 1; return the 2×2 counts.
    """
    raise NotImplementedError("write the body of confusion_matrix")
