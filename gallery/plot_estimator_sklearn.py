# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Tune the step size of LogisticRegressionGD with scikit-learn's tools
====================================================================

The course trains with step size 0.25 for 500 steps and remarks that in practice one
tunes such hyperparameters. Here is that tuning, done by scikit-learn's tools, since
:class:`binary_logreg.LogisticRegressionGD` is a scikit-learn estimator: a pipeline
scales the features, a grid search cross-validates step sizes, displays draw the
result, and scikit-learn's ``LogisticRegression`` checks it.
"""

# %%
# Take a subsample of the course data
# -----------------------------------
# Scikit-learn wants one row per sample: the course layout (N, M) is transposed. The
# first 5,000 of the shuffled training samples keep the thirty-odd fits below quick;
# every model trains on them and is tested on the same test split.

import warnings

import matplotlib.pyplot as plt
import numpy as np
from sklearn.inspection import DecisionBoundaryDisplay
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import RocCurveDisplay, log_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")  # the tutorial's figure style

data = bl.make_dataset()
X_train, y_train = data.X_train.T[:5000], data.Y_train.ravel()[:5000].astype(int)
X_test, y_test = data.X_test.T, data.Y_test.ravel().astype(int)
print(f"{len(y_train)} training samples, {len(y_test)} test samples")

# %%
# Search the step size under a fixed budget
# -----------------------------------------
# With ``tol=None`` the estimator makes exactly ``max_iter`` steps, as the course does.
# Given enough steps, every step size that does not diverge reaches the same optimum;
# in 100 steps, a fifth of the course's, the step size decides how close we get. Each
# :math:`\eta` is scored by the cost :math:`J` on the held-out folds of a 3-fold
# cross-validation; ``"auto"`` is :math:`1/\beta`, half the bound of
# :func:`~binary_logreg.step_size_limit`. We count the fits whose cost went up (a
# :class:`~binary_logreg.DivergenceWarning`), show the first, pass other warnings on.

model = bl.LogisticRegressionGD(max_iter=100, tol=None)
step_sizes = [0.01, 0.1, 0.25, 1.0, 10.0, 100.0, 1000.0]
etas = [*step_sizes, "auto"]
candidates = {"logisticregressiongd__step_size": etas}
pipeline = make_pipeline(StandardScaler(), model)
search = GridSearchCV(pipeline, candidates, scoring="neg_log_loss", cv=3)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", bl.DivergenceWarning)
    search.fit(X_train, y_train)
for r in caught:  # the recorded warnings
    if r.category is not bl.DivergenceWarning:
        warnings.warn_explicit(r.message, r.category, r.filename, r.lineno)
diverged = [r.message for r in caught if r.category is bl.DivergenceWarning]
print(f"{len(diverged)} fits warned of divergence; the first:", *diverged[:1])

cv_cost = -search.cv_results_["mean_test_score"]  # J on the held-out folds
cv_spread = search.cv_results_["std_test_score"]
print("held-out J:", dict(zip(etas, cv_cost.round(4).tolist(), strict=True)))
best_eta = search.best_params_["logisticregressiongd__step_size"]
bound = bl.step_size_limit(StandardScaler().fit_transform(X_train).T)  # 2/beta
print(f"best step size {best_eta}, 2/beta = {bound:.2f}, 1/beta = {bound / 2:.2f}")

# %%
# Small steps crawl. The best step size lies a little above the bound :math:`2/\beta`:
# no guarantee there, but 100 steps go furthest; ``"auto"`` gives up a little of that
# for the guarantee. Far above the bound the steps overshoot: at 1000 the first step
# already raises the cost, and the result varies from fold to fold.

fig, ax = plt.subplots(figsize=(6.4, 4.2), layout="constrained")
ax.errorbar(step_sizes, cv_cost[:-1], cv_spread[:-1], marker="o", capsize=3, lw=2)
ax.plot(bound / 2, cv_cost[-1], "s", color="C2", markersize=9, label='"auto" = 1/β')
ax.axvline(bound, color="C7", linestyle=":", lw=2, label="bound 2/β")
ax.set(xscale="log", yscale="log", xlabel="step size η", ylabel="held-out cost J")
ax.set_yticks([0.04, 0.1, 0.2, 0.4], labels=["0.04", "0.1", "0.2", "0.4"])
ax.minorticks_off()
ax.set_title("Cross-validated cost after 100 steps, by step size")
ax.legend()
plt.show()

# %%
# Cross-validate the chosen pipeline
# ----------------------------------
# ``search.best_estimator_`` is the pipeline refitted on all training samples with the
# best :math:`\eta`. Its 5-fold accuracy shows the spread between training sets; these
# samples also chose :math:`\eta`, so the untouched test split is the fair check.

tuned = search.best_estimator_
accuracies = cross_val_score(tuned, X_train, y_train, cv=5, scoring="accuracy")
print(f"fold accuracies {np.round(accuracies, 4)}, mean {accuracies.mean():.4f}")

# %%
# Draw the tuned model on the test split
# --------------------------------------
# The display asks the pipeline for :math:`a = \sigma(w^\mathsf{T}x + b)` over a grid
# of the original features; the scaler sits inside, so nothing is rescaled by hand.

fig, ax = plt.subplots(figsize=(6.4, 5.0), layout="constrained")
bands = {"levels": np.linspace(0, 1, 11), "cmap": "RdBu_r", "alpha": 0.35}
display = DecisionBoundaryDisplay.from_estimator(
    tuned, X_test, response_method="predict_proba", ax=ax, **bands
)
fig.colorbar(display.surface_, ax=ax, label="probability a of class 1")
ax.contour(display.xx0, display.xx1, display.response, levels=[0.5], colors="k")
for label, marker in [(0, "o"), (1, "^")]:  # 400 test samples keep it readable
    mine = y_test[:400] == label
    ax.scatter(*X_test[:400][mine].T, marker=marker, edgecolor="k", label=label)
ax.set(xlabel="feature 1", ylabel="feature 2")
ax.set_title(f"Tuned pipeline (η = {best_eta}): probability on the test split")
ax.legend(title="class")
plt.show()

# %%
# Compare with scikit-learn's LogisticRegression
# ----------------------------------------------
# ``C=np.inf`` removes the penalty (``penalty=None`` is deprecated since scikit-learn
# 1.8): both pipelines minimise the same cost. With ``tol=1e-8`` scikit-learn reaches
# the optimum; ours stops after 100 steps. The table gives :math:`w` and :math:`b`
# after the scaler, then the test split's cost, accuracy and ROC AUC.

reference = make_pipeline(StandardScaler(), LogisticRegression(C=np.inf, tol=1e-8))
reference.fit(X_train, y_train)
rows = {}
for name, pipe in [("ours", tuned), ("LogisticRegression", reference)]:
    a = pipe.predict_proba(X_test)[:, 1]  # probability of class 1
    w, b = pipe[-1].coef_.ravel(), pipe[-1].intercept_[0]
    J, accuracy = log_loss(y_test, a), pipe.score(X_test, y_test)
    rows[name] = np.array([*w, b, J, accuracy, roc_auc_score(y_test, a)])
rows["difference"] = rows["ours"] - rows["LogisticRegression"]
columns = ["w_1", "w_2", "b", "J", "accuracy", "ROC AUC"]
print(" " * 18 + "".join(f"{column:>10}" for column in columns))
for name, row in rows.items():
    print(f"{name:<18}" + "".join(f"{value:10.4f}" for value in row))

# %%
# After 100 steps our parameters are a few hundredths from the optimum, along the flat
# floor of the cost's valley: test cost, accuracy and AUC agree to four digits. Even
# in the corner of the ROC plot the curves coincide; they bend near half a percent, the
# share of labels the data set flipped at random.

fig, ax = plt.subplots(figsize=(5.2, 5.0), layout="constrained")
RocCurveDisplay.from_estimator(tuned, X_test, y_test, ax=ax, name="ours")
dashed = {"linestyle": "--"}
RocCurveDisplay.from_estimator(
    reference, X_test, y_test, ax=ax, name="LogisticRegression", curve_kwargs=dashed
)
ax.set(xlim=(-0.002, 0.05), ylim=(0.95, 1.002))  # the top-left corner
ax.set_title("ROC on the test split, top-left corner")
plt.show()

# sphinx_gallery_thumbnail_number = 1
