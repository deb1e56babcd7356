# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Choose the step of a finite-difference gradient check
======================================================

:func:`binary_logreg.gradient_check` compares backpropagation's gradient with a
central finite difference of the cost, and its verdict depends on the step
:math:`\\epsilon`: too large, and the quotient misses the curvature; too small, and
the division blows up the cost's rounding error. Over eleven decades of
:math:`\\epsilon` the error draws a V whose best step lies near :math:`u^{1/3}`
(:math:`u` the machine epsilon); the one-sided difference draws a shallower V.
"""

# %%
# Sweep the step of the central difference
# ----------------------------------------
# At the course's training data and initial weights (uniform in :math:`[-1, 1)`,
# seed 1) the gradient is far from zero, where a check is meaningful (near the
# optimum it shrinks and the relative error grows, see :doc:`/backprop`). Each call
# nudges every parameter by :math:`\pm\epsilon` and reports the relative error of
# equation :eq:`eq-gradcheck`; six steps per decade, from :math:`10^{-12}` to
# :math:`10^{-1}`:

import matplotlib.pyplot as plt
import numpy as np

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")

data = bl.make_dataset()
X, Y = data.X_train, data.Y_train
w_init, b_init = bl.initial_parameters(data.n_features, random_state=1)

g_bp = bl.gradient_check(w_init, b_init, X, Y).backprop
print(f"M = {X.shape[1]}, backprop gradient (dw_1, dw_2, db) = {g_bp}")
epsilons = np.logspace(-12, -1, 67)
checks = [bl.gradient_check(w_init, b_init, X, Y, epsilon=e) for e in epsilons]
central_error = np.array([check.relative_error for check in checks])
for eps in [1e-12, 1e-9, 1e-6, 1e-5, 1e-3, 1e-1]:
    k = np.argmin(np.abs(np.log10(epsilons / eps)))
    print(f"epsilon = {epsilons[k]:.0e}: relative error {central_error[k]:.2e}")

# %%
# For contrast, the one-sided (forward) difference
# :math:`\bigl(J(\theta + \epsilon e_i) - J(\theta)\bigr)/\epsilon`, one cost per
# parameter instead of two, written out with :func:`binary_logreg.cost_from_logits`:

theta = np.append(w_init[:, 0], b_init)
norm = np.linalg.norm


def cost_at(theta):
    return bl.cost_from_logits(Y, bl.linear(theta[:-1], theta[-1], X))


cost_0 = cost_at(theta)
forward_error = np.empty_like(epsilons)
for k, eps in enumerate(epsilons):
    g_fwd = np.array([cost_at(theta + eps * e) - cost_0 for e in np.eye(3)]) / eps
    forward_error[k] = norm(g_fwd - g_bp) / (norm(g_fwd) + norm(g_bp))

# %%
# Explain the two slopes
# ----------------------
# A Taylor expansion of the cost along one parameter,
# :math:`J(\theta \pm \epsilon) = J \pm \epsilon J' + \tfrac{\epsilon^2}{2} J''
# \pm \tfrac{\epsilon^3}{6} J''' + \dots`, gives the *truncation error* of both
# quotients:
#
# .. math::
#
#    \begin{aligned}
#    \frac{J(\theta + \epsilon) - J(\theta - \epsilon)}{2\epsilon} &= J'
#    + \frac{\epsilon^2}{6} J''' + O(\epsilon^4), \\
#    \frac{J(\theta + \epsilon) - J(\theta)}{\epsilon} &= J'
#    + \frac{\epsilon}{2} J'' + O(\epsilon^2).
#    \end{aligned}
#
# The even terms cancel in the central difference, so its error falls like
# :math:`\epsilon^2` (slope 2 on log-log axes), the forward difference's only like
# :math:`\epsilon` (slope 1).
#
# The *rounding error* goes the other way: the computed cost is off by a few units
# in the last place, :math:`\delta \approx u\,|J|` with :math:`u = 2^{-52} \approx
# 2.2 \times 10^{-16}` in float64, and the quotient divides that by :math:`\epsilon`
# (slope :math:`-1`). The central total :math:`c_t \epsilon^2 + c_r/\epsilon` is
# smallest at :math:`\epsilon^\ast = (c_r / 2c_t)^{1/3}`, of the order of
# :math:`u^{1/3} \approx 6 \times 10^{-6}` when :math:`J` and :math:`J'''` are of
# order 1; the forward one at :math:`\epsilon^\ast = (c_r/c_t)^{1/2}`, of the order
# of :math:`u^{1/2} \approx 1.5 \times 10^{-8}`. Fit the constants on either flank
# (slopes fixed, offsets as geometric means) and compute both optima:

u = np.finfo(np.float64).eps
left, right = epsilons <= 1e-9, epsilons >= 1e-3
c_round = np.exp(np.mean(np.log(central_error[left] * epsilons[left])))
c_trunc = np.exp(np.mean(np.log(central_error[right] / epsilons[right] ** 2)))
best_central = (c_round / (2 * c_trunc)) ** (1 / 3)
c_round_fwd = np.exp(np.mean(np.log(forward_error[left] * epsilons[left])))
c_trunc_fwd = np.exp(np.mean(np.log(forward_error[right] / epsilons[right])))
best_forward = (c_round_fwd / c_trunc_fwd) ** (1 / 2)

print(f"central: best epsilon {best_central:.1e}, u^(1/3) = {u ** (1 / 3):.1e}")
print(f"         smallest measured error {central_error.min():.1e}")
print(f"forward: best epsilon {best_forward:.1e}, u^(1/2) = {u ** (1 / 2):.1e}")
print(f"         smallest measured error {forward_error.min():.1e}")

# %%
# The V: measured errors as markers, fitted slopes dashed, optima dotted. The
# rounding flank is ragged because rounding errors are pseudo-random; the truncation
# flank is smooth because it is a property of the cost.

# sphinx_gallery_thumbnail_number = 1
fig, ax = plt.subplots(figsize=(7.5, 5), layout="constrained")
ax.loglog(epsilons, central_error, "o", ms=4, label="central difference")
ax.loglog(epsilons, forward_error, "s", ms=4, color="C3", label="forward difference")
fine = np.logspace(-12, -1, 200)
ax.loglog(fine, c_round / fine, "--", color="0.4", lw=1.2)
ax.loglog(fine, c_trunc * fine**2, "--", color="C0", lw=1.2)
ax.loglog(fine, c_trunc_fwd * fine, "--", color="C3", lw=1.2)
for best, colour in [(best_central, "C0"), (best_forward, "C3")]:
    ax.axvline(best, color=colour, ls=":", lw=1.5, label=f"best step {best:.0e}")
ax.text(2e-12, 3e-3, r"rounding $\propto u/\epsilon$", c="0.3", rotation=-22)
ax.text(1.5e-3, 2e-9, r"truncation $\propto \epsilon^2$", c="C0", rotation=38)
ax.text(3e-6, 4e-5, r"truncation $\propto \epsilon$", c="C3", rotation=22)
ax.set_ylim(3e-15, 1)
ax.set_xlabel(r"finite-difference step $\epsilon$")
ax.set_ylabel("relative error vs backprop")
ax.set_title("Gradient check error against the step ε: truncation against rounding")
ax.legend(loc="upper center", ncols=2)
plt.show()

# %%
# At its best step the central difference agrees with backpropagation to eleven or
# twelve digits, the forward one to about eight; the central one stays below
# :math:`10^{-7}` over several decades of :math:`\epsilon`, the forward one only over
# a narrow band. The package's default :math:`\epsilon = 10^{-6}` lies a little left
# of the optimum, far below any sign of a bug: a wrong gradient gives an error of
# order :math:`10^{-2}` to 1, whatever the step (see :doc:`/backprop`).
#
# In practice
# -----------
# - In float32, TensorFlow's default, :math:`u \approx 1.2 \times 10^{-7}`: the best
#   central step moves up to :math:`u^{1/3} \approx 5 \times 10^{-3}` and the
#   agreement drops to three or four digits. Check gradients in float64.
# - The rounding error grows with the cost and the number of terms summed into it;
#   for large costs scale :math:`\epsilon` with the parameter, e.g.
#   :math:`\epsilon\,(1 + |\theta_i|)`.
# - A check costs :math:`2(N + 1)` evaluations of the cost; for many parameters check
#   a random subset.
