# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Train to convergence and land on scikit-learn's optimum
=======================================================

On data that no line separates, and whose features are not linearly dependent,
unregularised logistic regression has exactly one best set of parameters (on
separable data it has none: the weights grow without bound). Gradient descent run to
convergence must then land where scikit-learn's `LogisticRegression`_ (without
penalty) lands. This example checks that, with the ``tol`` argument of
:func:`binary_logreg.gradient_descent`, and explains why the parameters agree less
closely than the costs.

.. _LogisticRegression: https://scikit-learn.org/stable/modules/generated/sklearn.linear_model.LogisticRegression.html
"""

# %%
# Fit scikit-learn's model
# ------------------------
# ``C=np.inf`` switches the penalty off (the older spelling ``penalty=None`` is
# deprecated since scikit-learn 1.8). The Newton solver reaches the optimum to
# rounding in a handful of iterations; the gradient of our cost, computed with
# :func:`binary_logreg.backward` at its solution, confirms it. scikit-learn takes
# one row per sample, hence the transposes.

import matplotlib.pyplot as plt
import numpy as np
from sklearn.linear_model import LogisticRegression

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")

data = bl.make_dataset()
X, Y = data.X_train, data.Y_train
sk_model = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12)
sk_model.fit(X.T, Y.ravel())
w_sk, b_sk = sk_model.coef_.T, float(sk_model.intercept_[0])
grad_sk = bl.backward(X, Y, bl.forward(w_sk, b_sk, X))
print(f"scikit-learn:     w = {w_sk.ravel()}, b = {b_sk:.12f}")
print(
    f"largest gradient entry there: {np.abs([*grad_sk.dw.ravel(), grad_sk.db]).max():.1e}"
)

# %%
# Run gradient descent to convergence
# -----------------------------------
# Start from zeros, take the step size :math:`1/\beta`, half of the bound
# :math:`2/\beta` of :func:`binary_logreg.step_size_limit`, and stop once every
# entry of the gradient is below ``tol`` (equation :eq:`eq-stop`). ``record="cost"``
# keeps the cost of every step for the figure below.

tol = 1e-9
result = bl.gradient_descent(
    X,
    Y,
    np.zeros((2, 1)),
    0.0,
    step_size=bl.step_size_limit(X) / 2,
    steps=100_000,
    tol=tol,
)
cost_sk = bl.cost_from_logits(Y, bl.linear(w_sk, b_sk, X))
print(f"gradient descent: w = {result.w.ravel()}, b = {result.b:.12f}")
print(f"{result.n_steps} steps, converged: {result.converged}")
print(f"largest weight difference {np.abs(result.w - w_sk).max():.1e}")
print(f"bias difference           {abs(result.b - b_sk):.1e}")
print(f"cost difference           {result.final_cost - cost_sk:.1e}")

# %%
# The parameters agree less closely than the tolerance suggests, the cost far more
# closely. Near the
# optimum the distance to it is roughly the gradient divided by the curvature,
# :math:`\Delta\theta \approx H^{-1} g` (:math:`g` the gradient) with the Hessian :math:`H` of
# :func:`binary_logreg.hessian`, and the cost, flat at its minimum, is off only by
# about :math:`\tfrac12 \Delta\theta^\mathsf{T} H \Delta\theta`, of order
# :math:`\Delta\theta^2`:

H = bl.hessian(w_sk, b_sk, X)
delta = np.append(result.w, result.b) - np.append(w_sk, b_sk)
print(
    f"curvature between {np.linalg.eigvalsh(H)[0]:.3f} and {np.linalg.eigvalsh(H)[-1]:.3f}"
)
print(f"0.5 dθᵀ H dθ = {0.5 * delta @ H @ delta:.1e}")

# %%
# Follow the cost down
# --------------------
# How far the run is above scikit-learn's cost, step by step, on logarithmic axes
# (the curve stops at :math:`10^{-14}`, just above the rounding level of the cost).

gap = np.append(result.costs, result.final_cost) - cost_sk
steps = np.arange(gap.size) + 1
keep = gap > 1e-14
# sphinx_gallery_thumbnail_number = 1
fig, ax = plt.subplots(figsize=(7, 4.5), layout="constrained")
ax.loglog(steps[keep], gap[keep], color="C0", lw=2)
ax.set_xlabel("step + 1")
ax.set_ylabel(r"cost above scikit-learn's $J_k - J^\ast$")
ax.set_title(
    f"Gradient descent reaches scikit-learn's optimum in {result.n_steps} steps"
)
plt.show()

# %%
# Once the run is on the floor of the valley, the gap shrinks by the same factor at
# every step (linear convergence), which bends down ever more steeply on logarithmic
# axes.
#
# In practice
# -----------
# - For a handful of features, scikit-learn's Newton and L-BFGS solvers are the
#   faster choice: they use the curvature themselves. Gradient descent is the
#   algorithm of neural networks, where Newton's method is too expensive.
# - The tolerance bounds the gradient, not the error in the parameters: with a
#   flat direction a tiny gradient can still leave the parameters visibly off.
#   :ref:`sphx_glr_auto_examples_plot_feature_scaling.py` shows how the shape of the
#   valley decides the number of steps, and how to change it.
