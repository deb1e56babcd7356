# Needs the binary-logreg package with its [tutorial] extra: see Install on the front page of the tutorial site.
"""
Choose the step size: from too small to divergent
=================================================

The step size :math:`\\eta` of gradient descent decides whether training crawls,
converges quickly, oscillates or runs away. This example trains the course's model
with step sizes spread over five decades, compares their learning curves with the
bound of :func:`binary_logreg.step_size_limit`, explains why that bound is
cautious for logistic regression (steps seven times larger still converge), and
shows what divergence looks like and how the package reports it: a
:class:`~binary_logreg.DivergenceWarning` when the cost goes up, and a
:class:`FloatingPointError` when the parameters stop being finite.
"""

# %%
# Set up
# ------

import os
import warnings

import matplotlib.pyplot as plt
import numpy as np

import binary_logreg as bl

plt.style.use("binary_logreg.tutorial")  # the tutorial's figure style

# %%
# The test suite shrinks the data and the training run with two environment
# variables; left unset, the example runs at the course's size: 100,000 samples and
# 500 steps.

n_samples = int(os.environ.get("BINARY_LOGREG_EXAMPLE_SAMPLES", 100_000))
n_steps = int(os.environ.get("BINARY_LOGREG_EXAMPLE_STEPS", 500))

# %%
# Make the data and the initial weights
# -------------------------------------
# The course's data set and initial weights, uniform in :math:`[-1, 1)` from seed 1.
# Every run below starts from these same weights.

data = bl.make_dataset(n_samples)
X, Y = data.X_train, data.Y_train
w_init, b_init = bl.initial_parameters(2, random_state=1)

limit = bl.step_size_limit(X)
print(f"training samples M = {X.shape[1]}")
print(f"step_size_limit(X) = {limit:.3f}")

# %%
# :func:`~binary_logreg.step_size_limit` returns :math:`2/\beta`, where :math:`\beta`
# bounds the curvature of the cost everywhere: below this step size every step is
# guaranteed to lower the cost, whatever the weights. The bound is sufficient, not
# necessary: it is not the largest step size that lowers the cost, as the runs below
# show.
#
# Train with six step sizes
# -------------------------
# Two step sizes below the bound (0.01 and the course's 0.25), one just below it
# (2.5), one well above it (25), and two far above it (140 and 1000). Each run is
# wrapped in ``warnings.catch_warnings`` with ``record=True``, which collects the
# warnings instead of printing them, so we can see which runs the package flags.

step_sizes = [0.01, 0.25, 2.5, 25.0, 140.0, 1000.0]
runs, caught = {}, {}
for step_size in step_sizes:
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        runs[step_size] = bl.gradient_descent(
            X,
            Y,
            w_init,
            b_init,
            step_size=step_size,
            steps=n_steps,
            record="parameters",
        )
    caught[step_size] = [r for r in records if r.category is bl.DivergenceWarning]

# %%
# The cost at the minimum, :math:`J^\ast`, for reference: a long run with a step size
# that converges fast, stopped once the gradient's largest entry is below
# :math:`10^{-10}`.

with warnings.catch_warnings():
    warnings.simplefilter("ignore", bl.DivergenceWarning)
    best = bl.gradient_descent(
        X, Y, w_init, b_init, step_size=25.0, steps=10_000, tol=1e-10
    )
cost_min = best.final_cost
print(f"J* = {cost_min:.10f} (after {best.n_steps} steps of size 25)")
print()
print("step size   final cost   J - J*     warned")
for step_size, result in runs.items():
    excess = result.final_cost - cost_min
    flag = "yes" if caught[step_size] else "no"
    print(f"{step_size:9g}   {result.final_cost:10.6f}   {excess:9.2e}  {flag}")

# %%
# Compare the learning curves
# ---------------------------
# The cost at every step, on a logarithmic axis (top), and its distance from the
# minimum, :math:`J - J^\ast` (bottom), which shows how fast each run approaches the
# minimum, or fails to. Colours run from dark (small steps) to light (large steps).

colours = plt.cm.viridis(np.linspace(0.0, 0.85, len(step_sizes)))
styles = ["-", "-", "-", "-", "--", ":"]
markers = ["o", "s", "^", "D", "v", "X"]  # a second cue besides the colour
fig = plt.figure(figsize=(7, 8), layout="constrained")
ax_cost, ax_excess = fig.subplots(2, 1, sharex=True)
for k, (step_size, result) in enumerate(runs.items()):
    curve = np.append(result.costs, result.final_cost)
    cue = dict(color=colours[k], marker=markers[k], markevery=(8 * k, 50), lw=2)
    ax_cost.semilogy(curve, styles[k], label=f"η = {step_size:g}", **cue)
    excess = curve - cost_min
    # the minimum itself (J - J* <= 0 by rounding) has no place on a log axis
    ax_excess.semilogy(np.where(excess > 0, excess, np.nan), styles[k], **cue)
ax_cost.axhline(cost_min, color="0.3", lw=1, label=r"minimum $J^\ast$")
ax_cost.set_ylabel("cost J")
ax_cost.set_title(
    f"Learning curves for six step sizes; step_size_limit(X) = {limit:.2f}",
    fontsize="medium",
)
ax_cost.legend(ncols=2, loc="upper right", fontsize="small")
ax_excess.set_ylabel(r"distance from the minimum $J - J^\ast$")
ax_excess.set_xlabel("gradient-descent step")
plt.show()

# %%
# In the order of the legend:
#
# - :math:`\eta = 0.01` is too small: after all steps it is still far from the
#   minimum.
# - :math:`\eta = 0.25` (the course's choice) gets close, then slows down.
# - :math:`\eta = 2.5`, a little below the bound, converges steadily: the bottom
#   panel shows a straight line, a constant factor of improvement per step
#   (*linear convergence*).
# - :math:`\eta = 25`, seven times the bound, converges fastest of all, down to the
#   rounding error of the cost, :math:`10^{-14}` or so, and the package does not
#   complain: its cost never went up.
# - :math:`\eta = 140` first behaves like 25, then its distance from the minimum
#   *grows* again and settles into an oscillation, never reaching the minimum.
# - :math:`\eta = 1000` never settles: the cost jumps up to many times its initial
#   value again and again.
#
# Explain why the bound is cautious
# ---------------------------------
# The curvature of the cost is its Hessian,
#
# .. math::
#
#    H(w, b) = \frac{1}{M} \tilde X \operatorname{diag}\bigl(a_m (1 - a_m)\bigr)
#    \tilde X^\mathsf{T},
#
# with :math:`\tilde X` the data with a row of ones for the bias. Near
# :math:`(w, b)` the cost is close to its quadratic Taylor model, and on that
# quadratic a step of size :math:`\eta` moves closer to the minimum exactly when
# :math:`\eta < 2/\lambda_{\max}(H)`: the *local* limit. It is a heuristic, not a
# guarantee, because the curvature changes along a step. The package's bound replaces
# every factor :math:`a_m(1 - a_m)` by its largest possible value, 1/4, which a sample
# only reaches when the model is undecided about it, :math:`a_m = 0.5`. At random
# initial weights many samples are close to that; at the minimum almost every sample
# is classified with confidence, :math:`a_m` is close to 0 or 1, and the curvature is
# far smaller. Compute the local limit (the Hessian is one matrix product with the
# package's :func:`~binary_logreg.forward`):

X_tilde = np.vstack([X, np.ones((1, X.shape[1]))])


def local_limit(w, b):
    """The local limit 2 / lambda_max(H) at (w, b), from the quadratic model there."""
    A = bl.forward(w.reshape(-1, 1), b, X)
    curvature = A * (1.0 - A)
    hessian = (X_tilde * curvature) @ X_tilde.T / X.shape[1]
    return 2.0 / np.linalg.eigvalsh(hessian)[-1], curvature.mean()


for name, (w, b) in {
    "initial weights": (w_init, b_init),
    "minimum": (best.w, best.b),
}.items():
    local, mean_curvature = local_limit(w, b)
    print(
        f"{name:15s}: local limit {local:7.2f}, mean a(1 - a) = {mean_curvature:.4f}"
        " (bound: 0.25)"
    )

# %%
# Follow the local limit along two of the runs above, at every step of the first 100:

checkpoints = np.arange(min(100, n_steps) + 1)
fig, ax = plt.subplots(figsize=(7, 4.8), layout="constrained")
for k in [2, 3]:  # the runs with step sizes 2.5 and 25, as in the figure above
    path = runs[step_sizes[k]]
    along = [local_limit(path.w_path[i], path.b_path[i])[0] for i in checkpoints]
    ax.semilogy(
        checkpoints,
        along,
        color=colours[k],
        marker=markers[k],
        markevery=10,
        lw=2,
        label=f"local limit along the run with η = {step_sizes[k]:g}",
    )
ax.axhline(limit, color="k", ls="--", lw=1.5, label="step_size_limit(X)")
for step_size, colour, style in [(25.0, colours[3], ":"), (140.0, colours[4], "-.")]:
    ax.axhline(
        step_size,
        color=colour,
        ls=style,
        lw=1.5,
        label=f"step size η = {step_size:g}",
    )
ax.set_ylim(limit / 1.5, 5000)
ax.set_xlabel("gradient-descent step")
ax.set_ylabel(r"step size $\eta$")
ax.set_title(
    "Local limit along two runs: it grows as the model gets confident",
    fontsize="medium",
)
ax.legend(loc="upper right", fontsize="small")
plt.show()

# %%
# The local limit starts just above the package's bound and ends, at the minimum,
# about forty times above it. After a few steps, 25 lies well inside it,
# which is why that run converged. (Its first step, from the initial weights, was
# longer than the local limit there; it still lowered the cost because the curvature
# drops along the way, as the step makes the model more confident.) The step size 140
# lies just above the local limit *at the minimum*: near the minimum the cost behaves
# like a quadratic, and a step longer than :math:`2/\lambda_{\max}` overshoots along
# the direction of strongest curvature by more than it started with. The minimum is
# then unstable: the run approaches it, the overshoot grows, and the parameters
# end up jumping back and forth between two points. The last few costs of that run
# alternate:

print(np.array2string(runs[140.0].costs[-6:], precision=6))

# %%
# The bound is therefore the right choice for a library's guarantee, which must hold
# for any weights and any data, but it says little about the best step size for a
# given problem. That has to be found by trying.
#
# Look at divergence up close
# ---------------------------
# With :math:`\eta = 1000` the very first step flings the weights far out. Plot the
# cost and the weights of that run:

path = runs[1000.0]
fig = plt.figure(figsize=(7, 6.5), layout="constrained")
ax_cost, ax_weights = fig.subplots(2, 1, sharex=True)
ax_cost.semilogy(
    np.append(path.costs, path.final_cost),
    color=colours[5],
    lw=1.5,
    label="η = 1000",
)
ax_cost.axhline(cost_min, color="0.3", lw=1, label=r"minimum $J^\ast$")
ax_cost.set_ylabel("cost J")
ax_cost.legend(loc="upper right")
for i, (colour, style) in enumerate([("C0", "-"), ("C1", "--")]):
    ax_weights.plot(
        path.w_path[:, i], style, color=colour, lw=1.5, label=f"$w_{i + 1}$"
    )
ax_weights.axhline(0.0, color="0.3", lw=1)
ax_weights.set_xlabel("gradient-descent step")
ax_weights.set_ylabel("weight")
ax_weights.legend(ncols=2, loc="upper right")
ax_cost.set_title("Anatomy of a run with η = 1000: cost and weights", fontsize="medium")
plt.show()

# %%
# Each jump of the weights is a spike of the cost. The weights are now a hundred
# times larger than at the minimum, printed here for comparison,

print("weights at the minimum:", np.array2string(best.w.ravel(), precision=3))

# %%
# so the model is sure of every sample, and the few samples it gets wrong cost a
# lot, about :math:`|z|` each. Step by step the weights then crawl back and the cost
# falls with them, until they come close to the minimum, where the curvature is
# largest: there a step of 1000 overshoots far, and throws them out again.
#
# Why do they not run off to infinity, as gradient descent on a quadratic cost would
# with too large a step? The gradient of the cross-entropy is bounded. From
# :math:`dw = \frac{1}{M} X (A - Y)^\mathsf{T}` and :math:`|a_m - y_m| \le 1`,
# every entry obeys :math:`|dw_i| \le \frac{1}{M}\sum_m |x_{im}|`, and
# :math:`|db| \le 1`: a step moves the parameters by at most :math:`\eta` times the
# mean size of the features, however far out they are.

print(
    "largest step of the weights allowed by the bound:",
    np.array2string(1000.0 * np.abs(X).mean(axis=1), precision=1),
)
print(
    "largest step of the weights taken:             ",
    np.array2string(np.abs(np.diff(path.w_path, axis=0)).max(axis=0), precision=1),
)

# %%
# Read the warning
# ----------------
# :func:`~binary_logreg.gradient_descent` compares the cost before and after every
# step and, if it ever went up, warns with a
# :class:`~binary_logreg.DivergenceWarning` that counts the rises and names the
# bound of :func:`~binary_logreg.step_size_limit`. The messages caught above:

for step_size, records in caught.items():
    for record in records:
        print(f"step size {step_size:g}: {record.message}")

# %%
# The warning is a hint, not a verdict: it fires as soon as the cost goes up once,
# even if the run recovers. With :math:`\eta = 100` the first step overshoots and
# raises the cost, and the run then converges anyway:

with warnings.catch_warnings(record=True) as records:
    warnings.simplefilter("always")
    recovered = bl.gradient_descent(
        X, Y, w_init, b_init, step_size=100.0, steps=n_steps
    )
for record in records:
    print(f"step size 100: {record.message}")
print(
    f"step size 100: |J - J*| = {abs(recovered.final_cost - cost_min):.1e} at the end"
)

# %%
# Nor can the warning tell an oscillation around the minimum from a run that is
# still on its way. Always look at the learning curve.
#
# Only a step size so large that the parameters overflow makes them non-finite. The
# package then stops with a :class:`FloatingPointError` instead of returning
# ``nan``. Because the gradient is bounded, the cost grows only in proportion to the
# step size, and it takes a step size near the largest float64 number,
# :math:`1.8 \times 10^{308}`, to get there (20 steps each):

for step_size in [1e100, 1e300, 1e308]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bl.DivergenceWarning)
        try:
            result = bl.gradient_descent(
                X, Y, w_init, b_init, step_size=step_size, steps=20
            )
        except FloatingPointError as error:
            print(f"step size {step_size:g}: FloatingPointError: {error}")
        else:
            print(
                f"step size {step_size:g}: finite, final cost {result.final_cost:.3g}"
            )

# %%
# The check is a safety net for broken inputs and absurd settings more than for
# everyday step sizes: in logistic regression a too-large step shows up as a cost
# that oscillates or stays high, as above, long before anything overflows.
#
# In practice
# -----------
# - Start with a step size just below :func:`~binary_logreg.step_size_limit`, which
#   is guaranteed to lower the cost.
#   If the learning curve is a straight line on a logarithmic axis that falls too
#   slowly, try larger steps, by factors of 2 to 10, and watch the curve.
# - A cost that falls and then rises again, or stays above the level a smaller step
#   size reaches, means the step is too large near the minimum.
# - The bound scales with the data: doubling every feature divides it by about four.
#   With standardised features (mean 0, variance 1) it is at least :math:`8/N` for
#   :math:`N` features, so step sizes of order 1 are safe.
# - Libraries rarely use a fixed step size: a line search (as in scikit-learn's
#   ``lbfgs`` solver) or a schedule that shrinks the step adapts it to the local
#   curvature that this example computed by hand.
