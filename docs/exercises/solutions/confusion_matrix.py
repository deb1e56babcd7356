def confusion_matrix(y_true, y_pred):
    """[[TN, FP], [FN, TP]] (eq-confusion-matrix)."""
    real_1, predicted_1 = y_true == 1, y_pred == 1
    TP = np.sum(real_1 & predicted_1)
    FP = np.sum(~real_1 & predicted_1)
    FN = np.sum(real_1 & ~predicted_1)
    TN = np.sum(~real_1 & ~predicted_1)
    return np.array([[TN, FP], [FN, TP]])
