# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Choose the step of a finite-difference gradient check
======================================================

:func:`binary_logreg.gradient_check` compares the gradient from backpropagation
with a central finite difference of the cost, and the answer depends on the step
:math:`\\epsilon` of that difference. Too large a step and the difference quotient
misses the curvature of the cost; too small a step and the rounding error of the cost
is blown up by the division. This example sweeps :math:`\\epsilon` over eleven
decades, draws the resulting V on log-log axes, explains both of its slopes and the
best step near :math:`u^{1/3}` (with :math:`u` the machine epsilon), and contrasts
the one-sided difference.
"""

# %%
# Make the data and the initial weights
# -------------------------------------
# The course's data set (80 % of the samples for training) and initial weights drawn
# uniformly from :math:`[-1, 1)` with seed 1, as the course notebook draws them. At
# random weights the gradient is far from zero, which is where a check is meaningful
# (near the optimum the gradient shrinks and the relative error grows, see
# :doc:`/backprop`).

import matplotlib.pyplot as plt
import numpy as np

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")

data = bl.make_dataset()
X, Y = data.X_train, data.Y_train
w_init, b_init = bl.initial_parameters(data.n_features, random_state=1)

reference = bl.gradient_check(w_init, b_init, X, Y)
print(f"training samples M = {X.shape[1]}")
gradient = np.array2string(reference.backprop, precision=6)
print(f"backprop gradient (dw_1, dw_2, db) = {gradient}")

# %%
# Sweep the step of the central difference
# ----------------------------------------
# Each call nudges every parameter by :math:`\pm\epsilon` and reports the relative
# error of equation :eq:`eq-gradcheck`. Six steps per decade, from
# :math:`10^{-12}` to :math:`10^{-1}`:

epsilons = np.logspace(-12, -1, 67)
central_error = np.array(
    [
        bl.gradient_check(w_init, b_init, X, Y, epsilon=eps).relative_error
        for eps in epsilons
    ]
)
for eps in [1e-12, 1e-9, 1e-6, 1e-5, 1e-3, 1e-1]:
    k = np.argmin(np.abs(np.log10(epsilons / eps)))
    print(f"epsilon = {epsilons[k]:.0e}: relative error {central_error[k]:.2e}")

# %%
# For contrast, the one-sided (forward) difference
# :math:`\bigl(J(\theta + \epsilon e_i) - J(\theta)\bigr)/\epsilon`, written out here
# with :func:`binary_logreg.cost_from_logits` because the package only implements the
# central one. It needs one cost evaluation per parameter instead of two.

theta = np.append(w_init[:, 0], b_init)
g_bp = reference.backprop
norm = np.linalg.norm


def cost_at(theta):
    return bl.cost_from_logits(Y, bl.linear(theta[:-1], theta[-1], X))


cost_0 = cost_at(theta)
unit = np.eye(theta.size)
forward_error = np.empty_like(epsilons)
for k, eps in enumerate(epsilons):
    g_fwd = np.array([cost_at(theta + eps * e) - cost_0 for e in unit]) / eps
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
# The *rounding error* goes the other way. The computed cost carries an error
# :math:`\delta` of a few units in the last place, :math:`\delta \approx u\,|J|` with
# :math:`u = 2^{-52} \approx 2.2 \times 10^{-16}` for float64, and the quotient
# divides it by :math:`\epsilon`: slope :math:`-1`. The total
# :math:`c_t \epsilon^2 + c_r/\epsilon` is smallest at
# :math:`\epsilon^\ast = (c_r / 2c_t)^{1/3}`, which is of the order of
# :math:`u^{1/3} \approx 6 \times 10^{-6}` when :math:`J` and :math:`J'''` are of
# order 1; for the forward difference the same argument gives
# :math:`\epsilon^\ast = (c_r/c_t)^{1/2}`, of the order of
# :math:`u^{1/2} \approx 1.5 \times 10^{-8}`.
#
# Fit the constants to the measured errors on either flank (slopes fixed, only the
# offsets fitted, as geometric means) and compute both optima:

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
# Plot the V
# ----------
# Measured errors as markers, the fitted slopes as dashed lines, the two optima as
# vertical lines. The rounding flank is ragged because rounding errors are
# pseudo-random; the truncation flank is smooth because it is a property of the cost.


def as_power_of_ten(x):
    mantissa, exponent = f"{x:.0e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


# sphinx_gallery_thumbnail_number = 1
fig, ax = plt.subplots(figsize=(7.5, 5), layout="constrained")
ax.loglog(epsilons, central_error, "o", ms=4, label="central difference")
ax.loglog(epsilons, forward_error, "s", ms=4, color="C3", label="forward difference")
fine = np.logspace(-12, -1, 200)
ax.loglog(fine, c_round / fine, "--", color="0.4", lw=1.2)
ax.loglog(fine, c_trunc * fine**2, "--", color="C0", lw=1.2)
ax.loglog(fine, c_trunc_fwd * fine, "--", color="C3", lw=1.2)
ax.axvline(best_central, color="C0", ls=":", lw=1.5)
ax.axvline(best_forward, color="C3", ls=":", lw=1.5)
ax.text(2e-12, 3e-3, r"rounding $\propto u/\epsilon$", c="0.3", rotation=-22)
ax.text(1.5e-3, 2e-9, r"truncation $\propto \epsilon^2$", c="C0", rotation=38)
ax.text(3e-6, 4e-5, r"truncation $\propto \epsilon$", c="C3", rotation=22)
for best, colour in [(best_central, "C0"), (best_forward, "C3")]:
    ax.text(
        best * 1.3,
        1e-14,
        rf"$\epsilon^\ast \approx {as_power_of_ten(best)}$",
        color=colour,
    )
ax.set_ylim(3e-15, 1)
ax.set_xlabel(r"finite-difference step $\epsilon$")
ax.set_ylabel("relative error vs backprop")
ax.set_title("Gradient check error against the step ε: truncation against rounding")
ax.legend(loc="upper center")
plt.show()

# %%
# At its best step the central difference agrees with backpropagation to about
# eleven or twelve digits, the forward difference to about eight. The central
# difference is also the more forgiving one: it stays below, say,
# :math:`10^{-7}` over several decades of :math:`\epsilon`, the forward difference
# only over a narrow band. The package's default :math:`\epsilon = 10^{-6}` lies a
# little left of the optimum, on the rounding flank, far below any sign of a bug.
# As a rule of thumb, a relative error below about :math:`10^{-7}` means the
# derivation and the code agree; a wrong gradient gives an error of order
# :math:`10^{-2}` to 1, whatever the step (see :doc:`/backprop`).

# %%
# In practice
# -----------
# - In float32, TensorFlow's default, :math:`u \approx 1.2 \times 10^{-7}` and the
#   best central step moves up to :math:`u^{1/3} \approx 5 \times 10^{-3}`; the
#   achievable agreement drops to three or four digits. Check gradients in float64.
# - The rounding error grows with the magnitude of the cost and with the number of
#   terms summed into it, so for large costs scale :math:`\epsilon` with the size of
#   the parameter, e.g. :math:`\epsilon\,(1 + |\theta_i|)`.
# - A check costs :math:`2(N + 1)` evaluations of the cost; for many parameters check
#   a random subset of them.
