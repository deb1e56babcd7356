def precision_recall_f1(y_true, y_pred):
    """Precision, recall, F1 (eq-precision, eq-recall, eq-f1).

    y_true, y_pred: 1-D arrays of labels 0 and 1.
    Return the three numbers; 0 where a ratio is 0 / 0.
    """
    raise NotImplementedError("write precision_recall_f1")
