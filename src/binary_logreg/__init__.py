"""Binary logistic regression (one sigmoid unit) trained by gradient descent, in NumPy.

The functional API follows the course layout: ``X`` has shape (N features,
M samples), ``w`` is (N, 1), ``b`` a scalar, ``Y``, ``Z`` and ``A`` are (1, M).
:class:`LogisticRegressionGD` wraps it as a scikit-learn classifier that takes the
usual (M, N). The TensorFlow/Keras reference lives in
:mod:`binary_logreg.keras_reference` and imports TensorFlow only when used.
"""

from binary_logreg.cost import cost, cost_from_logits, loss_from_logits
from binary_logreg.data import (
    AudioClips,
    Dataset,
    make_audio_clips,
    make_dataset,
    playground_data,
)
from binary_logreg.estimator import LogisticRegressionGD
from binary_logreg.gradcheck import GradientCheck, gradient_check
from binary_logreg.metrics import (
    accuracy,
    confusion_matrix,
    f1_score,
    precision,
    recall,
)
from binary_logreg.model import (
    ChainRuleFactors,
    Gradients,
    backward,
    chain_rule_factors,
    forward,
    linear,
    predict_labels,
    sigmoid,
)
from binary_logreg.report import ClassificationReport, classification_report, evaluate
from binary_logreg.training import (
    DivergenceWarning,
    GradientDescentResult,
    SeparableDataWarning,
    gradient_descent,
    hessian,
    initial_parameters,
    step_size_limit,
)

__version__ = "0.1.0"

__all__ = [
    "AudioClips",
    "ChainRuleFactors",
    "ClassificationReport",
    "Dataset",
    "DivergenceWarning",
    "GradientCheck",
    "GradientDescentResult",
    "Gradients",
    "LogisticRegressionGD",
    "SeparableDataWarning",
    "accuracy",
    "backward",
    "chain_rule_factors",
    "classification_report",
    "confusion_matrix",
    "cost",
    "cost_from_logits",
    "evaluate",
    "f1_score",
    "forward",
    "gradient_check",
    "gradient_descent",
    "hessian",
    "initial_parameters",
    "linear",
    "loss_from_logits",
    "make_audio_clips",
    "make_dataset",
    "playground_data",
    "precision",
    "predict_labels",
    "recall",
    "sigmoid",
    "step_size_limit",
]
