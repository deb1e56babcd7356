def confusion_matrix(y_true, y_pred):
    """[[TN, FP], [FN, TP]] (eq-confusion-matrix)."""
    C = np.zeros((2, 2), dtype=int)
    for real, predicted in zip(y_true, y_pred, strict=True):
        C[predicted, real] += 1
    return C
