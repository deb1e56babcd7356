def precision_recall_f1(y_true, y_pred):
    """Precision, recall and F1: equations eq-precision, eq-recall and eq-f1.

    y_true and y_pred are 1-D arrays of labels 0 and 1; return the three numbers.
    Where a ratio is 0 / 0, return 0.
    """
    raise NotImplementedError("write the body of precision_recall_f1")
