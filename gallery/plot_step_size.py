# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Follow the local step-size limit along a run
============================================

:func:`binary_logreg.step_size_limit` guarantees that every step lowers the cost,
from any start, but on the course's data a step size seven times larger converges
faster (:doc:`/gradient_descent` trains with six step sizes and shows it). The reason
is the curvature: the bound assumes the largest possible curvature everywhere, while
the actual curvature, the Hessian from :func:`binary_logreg.hessian`, shrinks as the
model grows confident. This example follows the *local limit*
:math:`2/\\lambda_{\\max}(H)`, equation :eq:`eq-local-limit`, along two training runs.
"""

# %%
# Train with a step size below the bound and one above it
# -------------------------------------------------------
# The course's data and initial weights; step sizes 2.5 (just below the bound) and
# 25 (well above it). ``record="parameters"`` keeps the weights and the bias before
# every step and after the last.

import matplotlib.pyplot as plt
import numpy as np

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")

data = bl.make_dataset()
X, Y = data.X_train, data.Y_train
w_init, b_init = bl.initial_parameters(2, random_state=1)
limit = bl.step_size_limit(X)
runs = {
    eta: bl.gradient_descent(
        X, Y, w_init, b_init, step_size=eta, steps=100, record="parameters"
    )
    for eta in [2.5, 25.0]
}
print(f"step_size_limit(X) = {limit:.3f}")

# %%
# Compute the local limit
# -----------------------
# The Hessian, equation :eq:`eq-hessian`, weighs every sample by
# :math:`a_m (1 - a_m)`, which is 1/4 for a sample the model is undecided about
# (:math:`a_m = 0.5`) and close to 0 for one it classifies with confidence. The bound
# of :func:`~binary_logreg.step_size_limit` puts 1/4 everywhere. On the quadratic
# Taylor model of the cost near :math:`(w, b)`, a step of size :math:`\eta` moves
# closer to the minimum exactly when :math:`\eta < 2/\lambda_{\max}(H)`: a
# heuristic, not a guarantee, because the curvature changes along a step.


def local_limit(w, b):
    """2 / lambda_max of the Hessian of the cost at (w, b)."""
    return 2.0 / np.linalg.eigvalsh(bl.hessian(w, b, X))[-1]


best = bl.gradient_descent(
    X, Y, w_init, b_init, step_size=25.0, steps=10_000, tol=1e-10
)
for name, (w, b) in {
    "initial weights": (w_init, b_init),
    "minimum": (best.w, best.b),
}.items():
    print(f"local limit at the {name}: {local_limit(w, b):8.2f}")

# %%
# Follow it along the runs
# ------------------------
# At every one of the first 100 steps of both runs, next to the bound and to the step
# sizes 25 and 140 (the smallest step size of :doc:`/gradient_descent` that ends up
# oscillating).

# sphinx_gallery_thumbnail_number = 1
fig, ax = plt.subplots(figsize=(7, 4.8), layout="constrained")
for (eta, run), colour, marker in zip(runs.items(), ["C0", "C1"], "os", strict=True):
    along = [local_limit(w, b) for w, b in zip(run.w_path, run.b_path, strict=True)]
    ax.semilogy(
        along,
        color=colour,
        marker=marker,
        markevery=10,
        lw=2,
        label=f"local limit along the run with η = {eta:g}",
    )
ax.axhline(limit, color="k", ls="--", lw=1.5, label="step_size_limit(X)")
ax.axhline(25.0, color="C2", ls=":", lw=1.5, label="step size η = 25")
ax.axhline(140.0, color="C3", ls="-.", lw=1.5, label="step size η = 140")
ax.set_ylim(limit / 1.5, 5000)
ax.set_xlabel("gradient-descent step")
ax.set_ylabel(r"step size $\eta$")
ax.set_title("Local limit along two runs: it grows as the model gets confident")
ax.legend(loc="upper right", fontsize="small")
plt.show()

# %%
# The local limit starts just above the package's bound: at random weights many
# samples are close to :math:`a_m = 0.5`. It ends, at the minimum, about forty times
# above it, because almost every sample is then classified with confidence. After a
# few steps, 25 lies well inside it, which is why that run converges. Its first step,
# from the initial weights, was longer than the local limit there; it still lowered
# the cost because the curvature drops along the way.
#
# The step size 140 lies just above the local limit *at the minimum*: near the
# minimum the cost is close to its quadratic model, and a step longer than
# :math:`2/\lambda_{\max}` overshoots along the direction of strongest curvature by
# more than it started with. The minimum repels the run, which ends up jumping back
# and forth between two points.
#
# In practice
# -----------
# - The bound is the right choice for a library's guarantee, which must hold for any
#   weights and any data, but it says little about the best step size for a given
#   problem: start just below it and try larger steps, by factors of 2 to 10, while
#   watching the learning curve.
# - Libraries rarely use a fixed step size: a line search (as in scikit-learn's
#   ``lbfgs`` solver) or a schedule that shrinks the step adapts it to the local
#   curvature that this example computed by hand.
# - :ref:`sphx_glr_auto_examples_plot_divergence.py` looks at a run whose step size
#   is far too large.
