def precision_recall_f1(y_true, y_pred):
    """Precision, recall, F1 (eq-precision, eq-recall, eq-f1)."""
    (_, FP), (FN, TP) = confusion_matrix(y_true, y_pred)

    def ratio(numerator, denominator):
        return numerator / denominator if denominator > 0 else 0.0

    precision = ratio(TP, TP + FN)
    recall = ratio(TP, TP + FP)
    f1 = ratio(2 * TP, 2 * TP + FP + FN)
    return precision, recall, f1
