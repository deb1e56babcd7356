def precision_recall_f1(y_true, y_pred):
    """Precision, recall, F1 (eq-precision, eq-recall, eq-f1)."""
    # your confusion_matrix, from above; TN is not needed
    (_, FP), (FN, TP) = confusion_matrix(y_true, y_pred)

    def ratio(numerator, denominator):
        # 0 / 0 is undefined: 0 there, as scikit-learn's default
        return numerator / denominator if denominator > 0 else 0.0

    precision = ratio(TP, TP + FP)
    recall = ratio(TP, TP + FN)
    f1 = ratio(2 * TP, 2 * TP + FP + FN)
    return precision, recall, f1
