"""Learners' confusion_matrix(y_true, y_pred) and precision_recall_f1(y_true, y_pred).

A learner's precision_recall_f1 calls the confusion_matrix of their own notebook,
so each one is defined, with that confusion_matrix, in a namespace of its own.
"""

from . import cell

RIGHT_CM = """
def confusion_matrix(y_true, y_pred):
    C = np.zeros((2, 2), dtype=int)
    for t, p in zip(y_true, y_pred):
        C[t, p] += 1
    return C
"""
TRANSPOSED_CM = RIGHT_CM.replace("C[t, p]", "C[p, t]")
RATIO = """
def ratio(a, b):
    return a / b if b else 0.0
"""

# ---------------------------------------------------------------- confusion, right
cell(
    "confusion_matrix",
    "pass",
    "bincount",
    """
def confusion_matrix(y_true, y_pred):
    return np.bincount(2 * np.asarray(y_true) + np.asarray(y_pred), minlength=4).reshape(2, 2)
""",
)
cell(
    "confusion_matrix",
    "pass",
    "histogram2d",
    """
def confusion_matrix(y_true, y_pred):
    counts, _, _ = np.histogram2d(y_true, y_pred, bins=2, range=[[0, 1], [0, 1]])
    return counts.astype(int)
""",
)
cell(
    "confusion_matrix",
    "pass",
    "add_at",
    """
def confusion_matrix(y_true, y_pred):
    C = np.zeros((2, 2), dtype=np.int64)
    np.add.at(C, (y_true, y_pred), 1)
    return C
""",
)
cell(
    "confusion_matrix",
    "fail",  # a list, where the statement asks for a NumPy array of shape (2, 2)
    "nested_lists",
    """
def confusion_matrix(y_true, y_pred):
    t, p = list(y_true), list(y_pred)
    pairs = list(zip(t, p))
    return [[pairs.count((0, 0)), pairs.count((0, 1))], [pairs.count((1, 0)), pairs.count((1, 1))]]
""",
)
# ---------------------------------------------------------------- confusion, wrong
# the same behaviour as a transposed matrix: its explanation names the def line too
cell(
    "confusion_matrix",
    "fail:arguments in the wrong order",  # its def line says so (and the transpose)
    "prediction_first",
    """
def confusion_matrix(y_pred, y_true):
    C = np.zeros((2, 2), dtype=int)
    for t, p in zip(y_true, y_pred):
        C[t, p] += 1
    return C
""",
)
cell(
    "confusion_matrix",
    "fail",
    "flat_four",
    """
def confusion_matrix(y_true, y_pred):
    return np.bincount(2 * np.asarray(y_true) + np.asarray(y_pred), minlength=4)
""",
)
cell(
    "confusion_matrix",
    "fail:percentages, not fractions",
    "percent",
    """
def confusion_matrix(y_true, y_pred):
    C = np.bincount(2 * np.asarray(y_true) + np.asarray(y_pred), minlength=4).reshape(2, 2)
    return 100 * C / C.sum()
""",
)
cell(
    "confusion_matrix",
    "fail",
    "tp_tn_swapped",
    """
def confusion_matrix(y_true, y_pred):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    TP = np.sum((t == 1) & (p == 1)); TN = np.sum((t == 0) & (p == 0))
    FP = np.sum((t == 0) & (p == 1)); FN = np.sum((t == 1) & (p == 0))
    return np.array([[TP, FP], [FN, TN]])
""",
)
# ---------------------------------------------------------------- metrics, right
cell(
    "precision_recall_f1",
    "pass",
    "as_an_array",
    RIGHT_CM
    + RATIO
    + """
def precision_recall_f1(y_true, y_pred):
    (_, FP), (FN, TP) = confusion_matrix(y_true, y_pred)
    P, R = ratio(TP, TP + FP), ratio(TP, TP + FN)
    return np.array([P, R, ratio(2 * P * R, P + R)])
""",
)
cell(
    "precision_recall_f1",
    "pass",
    "with_sklearn",
    """
from sklearn.metrics import precision_score, recall_score, f1_score

def precision_recall_f1(y_true, y_pred):
    return (precision_score(y_true, y_pred, zero_division=0),
            recall_score(y_true, y_pred, zero_division=0),
            f1_score(y_true, y_pred, zero_division=0))
""",
)
cell(
    "precision_recall_f1",
    "pass",
    "errstate_nan_to_num",
    RIGHT_CM
    + """
def precision_recall_f1(y_true, y_pred):
    (_, FP), (FN, TP) = confusion_matrix(y_true, y_pred)
    with np.errstate(invalid="ignore"):
        P, R, F = TP / (TP + FP), TP / (TP + FN), 2 * TP / (2 * TP + FP + FN)
    return tuple(np.nan_to_num([P, R, F]))
""",
)
cell(
    "precision_recall_f1",
    "pass",
    "correct_despite_a_transposed_matrix_above",
    TRANSPOSED_CM
    + RATIO
    + """
def precision_recall_f1(y_true, y_pred):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    TP = np.sum(t & p); FP = np.sum(p & (1 - t)); FN = np.sum(t & (1 - p))
    return ratio(TP, TP + FP), ratio(TP, TP + FN), ratio(2 * TP, 2 * TP + FP + FN)
""",
)
# ---------------------------------------------------------------- metrics, wrong
cell(
    "precision_recall_f1",
    "fail",
    "two_bugs_that_cancel",
    TRANSPOSED_CM
    + RATIO
    + """
def precision_recall_f1(y_true, y_pred):
    (_, FP), (FN, TP) = confusion_matrix(y_true, y_pred)
    return ratio(TP, TP + FN), ratio(TP, TP + FP), ratio(2 * TP, 2 * TP + FP + FN)
""",
)
cell(
    "precision_recall_f1",
    "fail:NaN where a metric is 0 / 0",
    "f1_nan",
    RIGHT_CM
    + RATIO
    + """
def precision_recall_f1(y_true, y_pred):
    (_, FP), (FN, TP) = confusion_matrix(y_true, y_pred)
    P, R = ratio(TP, TP + FP), ratio(TP, TP + FN)
    return P, R, (2 * P * R / (P + R) if P + R else float("nan"))
""",
)
cell(
    "precision_recall_f1",
    "fail:percentages, not fractions",
    "percentages",
    RIGHT_CM
    + RATIO
    + """
def precision_recall_f1(y_true, y_pred):
    (_, FP), (FN, TP) = confusion_matrix(y_true, y_pred)
    return 100 * ratio(TP, TP + FP), 100 * ratio(TP, TP + FN), 100 * ratio(2 * TP, 2 * TP + FP + FN)
""",
)
cell(
    "precision_recall_f1",
    "fail:results in the wrong order",
    "f1_first",
    RIGHT_CM
    + RATIO
    + """
def precision_recall_f1(y_true, y_pred):
    (_, FP), (FN, TP) = confusion_matrix(y_true, y_pred)
    return ratio(2 * TP, 2 * TP + FP + FN), ratio(TP, TP + FP), ratio(TP, TP + FN)
""",
)
cell(
    "precision_recall_f1",
    "fail",
    "f1_from_accuracy",
    RIGHT_CM
    + RATIO
    + """
def precision_recall_f1(y_true, y_pred):
    (TN, FP), (FN, TP) = confusion_matrix(y_true, y_pred)
    return ratio(TP, TP + FP), ratio(TP, TP + FN), (TP + TN) / (TP + TN + FP + FN)
""",
)
cell(
    "precision_recall_f1",
    "fail",
    "integer_division",
    RIGHT_CM
    + """
def precision_recall_f1(y_true, y_pred):
    (_, FP), (FN, TP) = confusion_matrix(y_true, y_pred)
    P = TP // (TP + FP) if TP + FP else 0
    R = TP // (TP + FN) if TP + FN else 0
    return P, R, (2 * TP) // (2 * TP + FP + FN) if TP else 0
""",
)
cell(
    "precision_recall_f1",
    "fail:called exit()",
    "quits",
    RIGHT_CM
    + """
def precision_recall_f1(y_true, y_pred):
    (_, FP), (FN, TP) = confusion_matrix(y_true, y_pred)
    if TP + FP == 0:
        quit()
    return TP / (TP + FP), TP / (TP + FN), 2 * TP / (2 * TP + FP + FN)
""",
)
