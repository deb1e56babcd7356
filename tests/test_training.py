"""Gradient descent: the course notebook's loop, stopping, recording, divergence."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from conftest import STEP_SIZE, STEPS, seed_initial_weights

import binary_logreg as bl
from binary_logreg.textbook import textbook_gradient_descent


def test_reproduces_the_course_notebook_loop(seed_run):
    data = seed_run.data
    w, b, costs = textbook_gradient_descent(
        data.X_train,
        data.Y_train,
        seed_run.w_init,
        seed_run.b_init,
        step_size=STEP_SIZE,
        steps=STEPS,
        record_cost=True,
    )
    ours = seed_run.ours
    np.testing.assert_allclose(ours.w, w, rtol=0, atol=1e-12)
    assert ours.b == pytest.approx(b, abs=1e-12)
    np.testing.assert_allclose(ours.costs, costs, rtol=1e-12)
    assert ours.n_steps == STEPS
    assert ours.costs.shape == (STEPS,)


def test_seed_run_learns_the_seed_data(seed_run):
    report = bl.evaluate(
        seed_run.ours.w, seed_run.ours.b, seed_run.data.X_train, seed_run.data.Y_train
    )
    # the notebook reaches about 0.994 train accuracy on this data
    assert report.accuracy > 0.99
    assert seed_run.ours.final_cost < seed_run.ours.costs[0]
    assert np.all(np.diff(seed_run.ours.costs) < 0)


def test_does_not_modify_initial_weights():
    data = bl.make_dataset(500)
    w_init, b_init = seed_initial_weights(2)
    w_copy = w_init.copy()
    bl.gradient_descent(
        data.X_train, data.Y_train, w_init, b_init, step_size=0.1, steps=3
    )
    np.testing.assert_array_equal(w_init, w_copy)


def test_record_parameters_gives_the_path():
    data = bl.make_dataset(1000)
    w0, b0 = seed_initial_weights(2)
    result = bl.gradient_descent(
        data.X_train, data.Y_train, w0, b0, step_size=0.5, steps=20, record="parameters"
    )
    assert result.w_path.shape == (21, 2)
    assert result.b_path.shape == (21,)
    np.testing.assert_array_equal(result.w_path[0], w0.ravel())
    np.testing.assert_array_equal(result.w_path[-1], result.w.ravel())
    assert result.b_path[-1] == result.b
    # each recorded cost is the cost at the recorded parameters
    for k in (0, 7, 19):
        Z = result.w_path[k] @ data.X_train + result.b_path[k]
        assert result.costs[k] == pytest.approx(
            bl.cost_from_logits(data.Y_train, Z), rel=1e-13
        )
    Z = result.w.T @ data.X_train + result.b
    assert result.final_cost == pytest.approx(
        bl.cost_from_logits(data.Y_train, Z), rel=1e-13
    )


def test_zero_steps_returns_the_start():
    data = bl.make_dataset(200)
    result = bl.gradient_descent(
        data.X_train, data.Y_train, [1.0, -1.0], 0.5, step_size=1, steps=0
    )
    np.testing.assert_array_equal(result.w, [[1.0], [-1.0]])
    assert result.costs.shape == (0,)
    assert result.n_steps == 0


def test_tol_stops_early_at_a_small_gradient():
    data = bl.make_dataset(2000, class_sep=0.5, flip_y=0.1)
    result = bl.gradient_descent(
        data.X_train,
        data.Y_train,
        np.zeros(2),
        0.0,
        step_size=1.0,
        steps=10_000,
        tol=1e-6,
    )
    assert result.converged
    assert result.n_steps < 10_000
    assert result.gradient_norm <= 1e-6
    dw, db = bl.backward(
        data.X_train, data.Y_train, bl.forward(result.w, result.b, data.X_train)
    )
    assert max(np.abs(dw).max(), abs(db)) == pytest.approx(
        result.gradient_norm, rel=1e-9
    )


def test_step_size_limit_guarantees_monotone_decrease():
    data = bl.make_dataset(2000)
    X = data.X_train * 5.0  # badly scaled features: a small limit
    limit = bl.step_size_limit(X)
    X_tilde = np.vstack([X, np.ones((1, X.shape[1]))])
    hessian_bound = np.linalg.eigvalsh(X_tilde @ X_tilde.T / (4 * X.shape[1]))[-1]
    assert limit == pytest.approx(2 / hessian_bound, rel=1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = bl.gradient_descent(
            X, data.Y_train, np.ones(2), 1.0, step_size=0.99 * limit, steps=200
        )
    assert np.all(np.diff(result.costs) <= 0)


def test_too_large_step_size_warns_of_divergence():
    data = bl.make_dataset(2000)
    X = data.X_train * 10.0
    with pytest.warns(bl.DivergenceWarning, match="step_size=50 is too large"):
        result = bl.gradient_descent(
            X, data.Y_train, np.ones(2), 1.0, step_size=50.0, steps=50
        )
    assert np.isfinite(result.costs).all()


def test_divergence_warning_names_the_first_rise():
    data = bl.make_dataset(2000)
    X = data.X_train * 10.0
    with pytest.warns(bl.DivergenceWarning) as caught:
        result = bl.gradient_descent(
            X, data.Y_train, np.ones(2), 1.0, step_size=50.0, steps=50
        )
    costs = np.append(result.costs, result.final_cost)
    first = int(np.flatnonzero(np.diff(costs) > 0)[0])
    message = str(caught[0].message)
    assert f"first at step {first} " in message
    assert f"from {costs[first]:.4g} to {costs[first + 1]:.4g}" in message
    assert costs[first + 1] > costs[first]


def test_absurd_step_size_raises_instead_of_nan():
    data = bl.make_dataset(200)
    with pytest.raises(FloatingPointError, match="non-finite"):
        bl.gradient_descent(
            data.X_train, data.Y_train, np.ones(2), 1.0, step_size=1e308, steps=10
        )


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"step_size": 0.0}, ValueError, "step_size must be a finite number > 0"),
        ({"step_size": -1.0}, ValueError, "step_size must be a finite number > 0"),
        ({"step_size": np.nan}, ValueError, "step_size must be a finite number > 0"),
        ({"step_size": np.inf}, ValueError, "step_size must be a finite number > 0"),
        ({"step_size": "0.1"}, TypeError, "step_size must be a real number"),
        ({"steps": -1}, ValueError, "steps must be >= 0"),
        ({"steps": 2.5}, TypeError, "steps must be an integer"),
        ({"tol": -1.0}, ValueError, "tol must be"),
        ({"record": "everything"}, ValueError, "record must be"),
    ],
)
def test_rejects_bad_hyperparameters(kwargs, error, message):
    data = bl.make_dataset(100)
    arguments = {"step_size": 0.1, "steps": 5} | kwargs
    with pytest.raises(error, match=message):
        bl.gradient_descent(data.X_train, data.Y_train, np.zeros(2), 0.0, **arguments)


@pytest.mark.parametrize(
    ("X", "Y", "message"),
    [
        (np.ones((2, 4)), [[1, 1, 1, 1]], "single class"),
        (np.ones((2, 4)), [[0, 1, 2, 1]], "labels 0 and 1"),
        (np.ones((2, 4)), [[0, 1, 1]], "Y has 3 samples but X has 4"),
        (
            np.array([[1.0, np.nan, 0, 1], [0, 1, 0, 1]]),
            [[0, 1, 0, 1]],
            "X must be finite",
        ),
        (np.ones((2, 0)), np.ones((1, 0)), "X is empty"),
    ],
)
def test_rejects_bad_data(X, Y, message):
    with pytest.raises(ValueError, match=message):
        bl.gradient_descent(X, Y, np.zeros(2), 0.0, step_size=0.1, steps=5)


def test_cost_stays_exact_when_exp_overflows():
    # z = -1000 for a positive sample: e^{-z} overflows, the loss is still 1000
    X = np.array([[-1.0, 1.0, -2.0, 2.0]])
    Y = np.array([[1.0, 0.0, 0.0, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = bl.gradient_descent(X, Y, [1000.0], 0.0, step_size=1e-6, steps=2)
    Z = np.array([[1000.0]]) @ X
    assert result.costs[0] == pytest.approx(bl.cost_from_logits(Y, Z), rel=1e-12)
    assert np.isfinite(result.final_cost)


@pytest.mark.parametrize("n_features, seed", [(1, 0), (2, 1), (5, 8)])
def test_initial_parameters_are_the_notebooks_draws(n_features, seed):
    w, b = bl.initial_parameters(n_features, random_state=seed)
    w_seed, b_seed = seed_initial_weights(n_features, seed)
    np.testing.assert_array_equal(w, w_seed)
    np.testing.assert_array_equal(b, b_seed)
    assert w.shape == (n_features, 1) and b.shape == (1, 1)
    assert np.all((-1 <= w) & (w < 1)) and -1 <= b.item() < 1


def test_initial_parameters_reject_bad_input():
    with pytest.raises(ValueError, match="n_features"):
        bl.initial_parameters(0)
    with pytest.raises((ValueError, TypeError), match="n_features"):
        bl.initial_parameters(2.5)


def reference_cost(Y, Z, weights=None):
    """Cost from np.logaddexp, independent of the package: mean of -ln P(y | z)."""
    with np.errstate(all="ignore"):
        losses = np.where(Y == 1, np.logaddexp(0.0, -Z), np.logaddexp(0.0, Z))
    return float(np.average(losses, weights=weights))


def test_gradient_descent_never_raises_under_strict_floating_point():
    # z reaches -2e4 and +2e4: e^{-z} overflows, sigma(z) saturates, e^{-|z|} underflows
    X = np.array([[-1.0, 1.0, -2.0, 2.0, 0.1, -0.08]])
    Y = np.array([[1.0, 0.0, 0.0, 1.0, 1.0, 0.0]])
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        result = bl.gradient_descent(X, Y, [1e4], 0.0, step_size=1e-3, steps=5)
    assert np.abs(1e4 * X).max() > 745
    assert result.costs[0] == pytest.approx(reference_cost(Y, 1e4 * X), rel=1e-14)
    Z = result.w.T @ X + result.b
    assert result.final_cost == pytest.approx(reference_cost(Y, Z), rel=1e-14)
    assert np.all(np.diff(np.append(result.costs, result.final_cost)) < 0)


@pytest.mark.parametrize("scale", [1e160, 1e180, 1e200])
@pytest.mark.parametrize("strict", [False, True])
def test_huge_features_give_a_clear_error(scale, strict):
    data = bl.make_dataset(500)
    with np.errstate(**({"all": "raise"} if strict else {})), warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises((FloatingPointError, ValueError)) as caught:
            bl.gradient_descent(
                data.X_train * scale,
                data.Y_train,
                np.ones(2),
                1.0,
                step_size=STEP_SIZE,
                steps=20,
            )
    assert not isinstance(caught.value, np.linalg.LinAlgError)
    message = str(caught.value)
    assert "reduce step_size" in message
    assert "standardise the features" in message


@pytest.mark.parametrize("scale", [1e160, 1e200])
def test_step_size_limit_refuses_features_too_large_for_float64(scale):
    data = bl.make_dataset(500)
    with np.errstate(all="raise"), pytest.raises(ValueError) as caught:
        bl.step_size_limit(data.X_train * scale)
    assert not isinstance(caught.value, np.linalg.LinAlgError)
    assert "standardise the features" in str(caught.value)


def test_step_size_limit_for_large_features_equals_the_scaled_svd():
    data = bl.make_dataset(2000)
    X = data.X_train * 1e100
    n_samples = X.shape[1]
    # lambda_max([X; 1][X; 1]^T) = 1e200 * sigma_max([X / 1e100; 1e-100])^2
    scaled = np.vstack([X / 1e100, np.full((1, n_samples), 1e-100)])
    sigma = np.linalg.svd(scaled, compute_uv=False)[0]
    expected = 8 * n_samples / sigma**2 / 1e200
    assert bl.step_size_limit(X) == pytest.approx(expected, rel=1e-10)


def two_blobs(n_samples=400, seed=3):
    rng = np.random.default_rng(seed)
    half = n_samples // 2
    X = np.hstack([rng.normal(-3, 0.5, (2, half)), rng.normal(3, 0.5, (2, half))])
    Y = np.hstack([np.zeros((1, half)), np.ones((1, half))])
    return X, Y


def test_separable_data_warn_and_the_weights_grow_without_bound():
    X, Y = two_blobs()
    norms = []
    for steps in (50, 500, 5000):
        with pytest.warns(bl.SeparableDataWarning, match="linearly separable"):
            result = bl.gradient_descent(
                X, Y, np.zeros(2), 0.0, step_size=1.0, steps=steps
            )
        norms.append(np.linalg.norm(np.append(result.w, result.b)))
        # the warning is right: every sample lies strictly on its own side
        Z = result.w.T @ X + result.b
        assert np.all(np.where(Y == 1, Z > 0, Z < 0))
    assert norms[0] < norms[1] < norms[2]


def test_noisy_course_data_do_not_warn_of_separability():
    data = bl.make_dataset(2000)  # 1 % flipped labels: not separable
    w0, b0 = seed_initial_weights(2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bl.gradient_descent(
            data.X_train, data.Y_train, w0, b0, step_size=STEP_SIZE, steps=STEPS
        )


def test_separability_ignores_samples_of_weight_zero():
    X, Y = two_blobs()
    X[:, 0] = 3.0  # a class-0 sample inside the class-1 blob: not separable
    w0 = np.zeros(2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bl.gradient_descent(X, Y, w0, 0.0, step_size=1.0, steps=50)
    s = np.ones(X.shape[1])
    s[0] = 0.0  # ... unless it does not count
    with pytest.warns(bl.SeparableDataWarning):
        bl.gradient_descent(X, Y, w0, 0.0, step_size=1.0, steps=50, sample_weight=s)


def test_integer_sample_weights_equal_repeated_samples():
    data = bl.make_dataset(600)
    rng = np.random.default_rng(11)
    s = rng.integers(0, 4, data.X_train.shape[1])  # zeros drop samples
    w0, b0 = seed_initial_weights(2)
    weighted = bl.gradient_descent(
        data.X_train,
        data.Y_train,
        w0,
        b0,
        step_size=0.5,
        steps=200,
        sample_weight=s,
    )
    repeated = bl.gradient_descent(
        np.repeat(data.X_train, s, axis=1),
        np.repeat(data.Y_train, s, axis=1),
        w0,
        b0,
        step_size=0.5,
        steps=200,
    )
    np.testing.assert_allclose(weighted.w, repeated.w, rtol=0, atol=1e-12)
    assert weighted.b == pytest.approx(repeated.b, abs=1e-12)
    np.testing.assert_allclose(weighted.costs, repeated.costs, rtol=1e-12)
    assert weighted.final_cost == pytest.approx(repeated.final_cost, rel=1e-12)
    assert weighted.gradient_norm == pytest.approx(repeated.gradient_norm, rel=1e-9)
    # and the recorded costs are the weighted costs at the parameters
    Z = w0.T @ data.X_train + b0
    assert weighted.costs[0] == pytest.approx(
        reference_cost(data.Y_train, Z, s[None, :]), rel=1e-13
    )


def test_equal_sample_weights_give_exactly_the_unweighted_run():
    data = bl.make_dataset(600)
    w0, b0 = seed_initial_weights(2)
    arguments = {"step_size": 0.5, "steps": 50, "record": "parameters"}
    plain = bl.gradient_descent(data.X_train, data.Y_train, w0, b0, **arguments)
    equal = bl.gradient_descent(
        data.X_train,
        data.Y_train,
        w0,
        b0,
        sample_weight=np.full(data.X_train.shape[1], 7.0),
        **arguments,
    )
    np.testing.assert_array_equal(equal.w, plain.w)
    assert equal.b == plain.b
    np.testing.assert_array_equal(equal.costs, plain.costs)
    np.testing.assert_array_equal(equal.w_path, plain.w_path)
    assert equal.final_cost == plain.final_cost


def test_weighted_step_size_limit_equals_repeated_samples():
    data = bl.make_dataset(600)
    s = np.random.default_rng(5).integers(0, 4, data.X_train.shape[1])
    repeated = bl.step_size_limit(np.repeat(data.X_train, s, axis=1))
    assert bl.step_size_limit(data.X_train, s) == pytest.approx(repeated, rel=1e-12)
    assert bl.step_size_limit(data.X_train, np.ones(s.size)) == bl.step_size_limit(
        data.X_train
    )


@pytest.mark.parametrize(
    ("sample_weight", "message"),
    [
        (np.zeros(4), "sample_weight must have a positive sum, got all zeros"),
        ([1.0, -1.0, 1.0, 1.0], "sample_weight must be >= 0, found -1.0"),
        ([1.0, 1.0, 1.0], "sample_weight has 3 samples but X has 4; they must match"),
        ([1.0, np.nan, 1.0, 1.0], "sample_weight must be finite"),
    ],
)
def test_rejects_bad_sample_weight(sample_weight, message):
    X, Y = np.array([[0.0, 1.0, 2.0, 3.0]]), [0, 0, 1, 1]
    with pytest.raises(ValueError, match=message):
        bl.gradient_descent(
            X, Y, [0.0], 0.0, step_size=0.1, steps=5, sample_weight=sample_weight
        )
    with pytest.raises(ValueError, match=message):
        bl.step_size_limit(X, sample_weight)


def test_tiny_features_do_not_raise_under_strict_floating_point():
    # the Gram matrix of features near 1e-170 underflows, harmlessly: the row of
    # ones for the bias dominates it
    data = bl.make_dataset(500)
    X = data.X_train * 1e-170
    with np.errstate(all="ignore"):
        sigma = np.linalg.svd(np.vstack([X, np.ones((1, X.shape[1]))]), False, False)
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        limit = bl.step_size_limit(X)
        result = bl.gradient_descent(
            X, data.Y_train, np.ones(2), 0.5, step_size=1.0, steps=5
        )
    assert limit == pytest.approx(8 * X.shape[1] / sigma[0] ** 2, rel=1e-12)
    assert result.costs[0] == pytest.approx(
        reference_cost(data.Y_train, np.ones(2) @ X + 0.5), rel=1e-14
    )


# -- the Hessian (eq-hessian) -------------------------------------------------------


def _gradient(theta, X, Y, sample_weight=None):
    """(dw_1, ..., dw_N, db) at theta = (w, b), from the package's backward."""
    A = bl.forward(theta[:-1], theta[-1], X)
    grads = bl.backward(X, Y, A, sample_weight)
    return np.append(grads.dw.ravel(), grads.db)


@pytest.mark.parametrize("weighted", [False, True])
def test_hessian_equals_finite_differences_of_the_gradient(weighted):
    data = bl.make_dataset(400, n_features=3)
    X, Y = data.X_train, data.Y_train
    s = np.random.default_rng(3).uniform(0, 2, X.shape[1]) if weighted else None
    theta = np.array([0.4, -0.7, 0.2, 0.3])
    H = bl.hessian(theta[:-1], theta[-1], X, sample_weight=s)
    assert H.shape == (4, 4)
    eps = 1e-6
    # central differences of the gradient, one column per parameter
    columns = [
        (_gradient(theta + eps * e, X, Y, s) - _gradient(theta - eps * e, X, Y, s))
        / (2 * eps)
        for e in np.eye(theta.size)
    ]
    np.testing.assert_allclose(H, np.column_stack(columns), rtol=1e-7, atol=1e-9)


def test_hessian_equals_the_sum_over_samples():
    """An independent formula: (1/M) sum_m a_m (1 - a_m) x~_m x~_m^T, one sample at a time."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2, 30))
    w, b = np.array([[1.5], [-0.5]]), 0.25
    expected = np.zeros((3, 3))
    for x in X.T:
        a = 1 / (1 + np.exp(-(w[:, 0] @ x + b)))
        x_tilde = np.append(x, 1.0)
        expected += a * (1 - a) * np.outer(x_tilde, x_tilde)
    H = bl.hessian(w, b, X)
    np.testing.assert_allclose(H, expected / X.shape[1], rtol=1e-13)
    np.testing.assert_allclose(H, H.T, rtol=1e-14)
    assert np.linalg.eigvalsh(H)[0] > 0


def test_hessian_is_bounded_by_the_step_size_limit():
    data = bl.make_dataset(1000)
    X = data.X_train
    beta = 2 / bl.step_size_limit(X)
    for w, b in [(np.zeros(2), 0.0), (np.array([3.0, -2.0]), 1.0)]:
        assert np.linalg.eigvalsh(bl.hessian(w, b, X))[-1] <= beta * (1 + 1e-12)
    # at w = 0, b = 0 every a(1 - a) is 1/4: the bound is reached
    at_zero = np.linalg.eigvalsh(bl.hessian(np.zeros(2), 0.0, X))[-1]
    assert at_zero == pytest.approx(beta, rel=1e-12)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((np.zeros(3), 0.0, np.ones((2, 5))), "w has 3 weights but X has 2"),
        ((np.zeros(2), [0.0, 1.0], np.ones((2, 5))), "b must be a scalar"),
        ((np.zeros(2), 0.0, np.ones(5)), "X must be 2-D"),
        ((np.zeros(2), 0.0, np.full((2, 5), np.nan)), "X must be finite"),
    ],
)
def test_hessian_validates_its_input(args, message):
    with pytest.raises(ValueError, match=message):
        bl.hessian(*args)


# --- mini-batches -----------------------------------------------------------------


def textbook_minibatch(X, Y, w, b, *, step_size, epochs, batch_size, orders=None):
    """The reference: the course notebook's loop, one step on each batch in turn.

    Returns the weights, the bias and each epoch's cost as Keras reports it: the
    batch costs before their updates, weighted by the batch sizes.
    """
    M = X.shape[1]
    costs = []
    for epoch in range(epochs):
        order = np.arange(M) if orders is None else orders[epoch]
        epoch_cost = 0.0
        for start in range(0, M, batch_size):
            batch = order[start : start + batch_size]
            w, b, (J,) = textbook_gradient_descent(
                X[:, batch],
                Y[:, batch],
                w,
                b,
                step_size=step_size,
                steps=1,
                record_cost=True,
            )
            epoch_cost += len(batch) * J
        costs.append(epoch_cost / M)
    return w, b, costs


@pytest.mark.parametrize("batch_size", [50, 37, 1])  # divides M = 400, does not, SGD
def test_minibatches_follow_the_textbook_loop_batch_by_batch(batch_size):
    data = bl.make_dataset(500)
    X, Y = data.X_train[:, :400], data.Y_train[:, :400]
    w0, b0 = seed_initial_weights(2)
    result = bl.gradient_descent(
        X, Y, w0, b0, step_size=0.25, steps=3, batch_size=batch_size
    )
    w, b, costs = textbook_minibatch(
        X, Y, w0, b0, step_size=0.25, epochs=3, batch_size=batch_size
    )
    assert result.n_steps == 3
    np.testing.assert_allclose(result.w, w, rtol=0, atol=1e-12)
    assert result.b == pytest.approx(b, abs=1e-12)
    np.testing.assert_allclose(result.costs, costs, rtol=1e-12)
    # final_cost and gradient_norm are those of the whole data at the result
    A = bl.forward(result.w, result.b, X)
    assert result.final_cost == pytest.approx(bl.cost(Y, A), rel=1e-12)
    dw, db = bl.backward(X, Y, A)
    assert result.gradient_norm == pytest.approx(
        max(np.abs(dw).max(), abs(db)), rel=1e-10
    )


def test_shuffled_minibatches_use_a_fresh_permutation_every_epoch():
    data = bl.make_dataset(300)
    X, Y = data.X_train, data.Y_train
    w0, b0 = seed_initial_weights(2)
    result = bl.gradient_descent(
        X, Y, w0, b0, step_size=0.5, steps=2, batch_size=16, shuffle=True,
        random_state=5,
    )  # fmt: skip
    rng = np.random.RandomState(5)
    orders = [rng.permutation(X.shape[1]) for _ in range(2)]
    w, b, costs = textbook_minibatch(
        X, Y, w0, b0, step_size=0.5, epochs=2, batch_size=16, orders=orders
    )
    np.testing.assert_allclose(result.w, w, rtol=0, atol=1e-12)
    assert result.b == pytest.approx(b, abs=1e-12)
    np.testing.assert_allclose(result.costs, costs, rtol=1e-12)


def test_a_batch_of_all_samples_is_the_full_batch():
    data = bl.make_dataset(300)
    w0, b0 = seed_initial_weights(2)
    arguments = {"step_size": 0.5, "steps": 5}
    full = bl.gradient_descent(data.X_train, data.Y_train, w0, b0, **arguments)
    one_batch = bl.gradient_descent(
        data.X_train, data.Y_train, w0, b0, batch_size=10**6, **arguments
    )
    np.testing.assert_array_equal(one_batch.w, full.w)
    np.testing.assert_array_equal(one_batch.costs, full.costs)


def test_weighted_epoch_cost_weighs_each_batch_by_its_total_weight():
    """Weights constant within each batch: the same updates, epochs weighted by S_k."""
    data = bl.make_dataset(300)
    X, Y = data.X_train[:, :200], data.Y_train[:, :200]
    w0, b0 = seed_initial_weights(2)
    batch_weights = np.array([1.0, 3.0, 0.5, 2.0])  # batches of 50
    s = np.repeat(batch_weights, 50)
    weighted = bl.gradient_descent(
        X, Y, w0, b0, step_size=0.5, steps=2, batch_size=50, sample_weight=s
    )
    plain = bl.gradient_descent(X, Y, w0, b0, step_size=0.5, steps=2, batch_size=50)
    np.testing.assert_allclose(weighted.w, plain.w, rtol=0, atol=1e-14)
    # the epoch cost from the batch costs, recomputed along the reference path
    w, b = w0, b0
    epoch_cost = 0.0
    for k, weight in enumerate(batch_weights):
        batch = slice(50 * k, 50 * (k + 1))
        w, b, (J,) = textbook_gradient_descent(
            X[:, batch], Y[:, batch], w, b, step_size=0.5, steps=1, record_cost=True
        )
        epoch_cost += weight * 50 * J
    assert weighted.costs[0] == pytest.approx(epoch_cost / s.sum(), rel=1e-12)
    Z = weighted.w.T @ X + weighted.b
    assert weighted.final_cost == pytest.approx(
        bl.cost_from_logits(Y, Z, sample_weight=s), rel=1e-12
    )


def test_minibatch_tol_tests_the_full_gradient_once_per_epoch():
    data = bl.make_dataset(600, class_sep=0.5, flip_y=0.1)
    X, Y = data.X_train, data.Y_train
    arguments = {"step_size": 0.05, "batch_size": 64}
    run = bl.gradient_descent(X, Y, np.zeros(2), 0.0, steps=200, tol=2e-2, **arguments)
    assert run.converged and run.gradient_norm <= 2e-2
    assert 0 < run.n_steps < 200
    # one epoch fewer has not converged yet: the test ran at every epoch start
    before = bl.gradient_descent(
        X, Y, np.zeros(2), 0.0, steps=run.n_steps - 1, **arguments
    )
    assert before.gradient_norm > 2e-2
    np.testing.assert_array_equal(run.costs, bl.gradient_descent(
        X, Y, np.zeros(2), 0.0, steps=run.n_steps, **arguments
    ).costs)  # fmt: skip


def test_minibatches_read_a_memmap_batch_by_batch(tmp_path):
    data = bl.make_dataset(300)
    X = np.memmap(tmp_path / "X.dat", dtype=np.float64, mode="w+", shape=(2, 240))
    X[:] = data.X_train
    X.flush()
    on_disk = np.memmap(tmp_path / "X.dat", dtype=np.float64, mode="r", shape=(2, 240))
    arguments = {"step_size": 0.5, "steps": 2, "batch_size": 32}
    ours = bl.gradient_descent(on_disk, data.Y_train, np.zeros(2), 0.0, **arguments)
    in_memory = bl.gradient_descent(
        data.X_train, data.Y_train, np.zeros(2), 0.0, **arguments
    )
    np.testing.assert_array_equal(ours.w, in_memory.w)


@pytest.mark.parametrize(
    ("batch_size", "error", "message"),
    [
        (0, ValueError, "batch_size must be at least 1, got 0"),
        (2.5, TypeError, "batch_size must be an integer"),
        (True, TypeError, "batch_size must be an integer"),
    ],
)
def test_rejects_bad_batch_size(batch_size, error, message):
    data = bl.make_dataset(100)
    with pytest.raises(error, match=message):
        bl.gradient_descent(
            data.X_train,
            data.Y_train,
            np.zeros(2),
            0.0,
            step_size=0.1,
            steps=1,
            batch_size=batch_size,
        )


# --- the L2 penalty, C as in scikit-learn --------------------------------------------


def newton_cholesky(X, y, C, sample_weight=None):
    """scikit-learn's penalised optimum, by Newton's method to a gradient of 1e-12."""
    from sklearn.linear_model import LogisticRegression

    reference = LogisticRegression(C=C, solver="newton-cholesky", tol=1e-12)
    return reference.fit(X, y, sample_weight=sample_weight)


def penalised_run(X, y, C, sample_weight=None, tol=1e-9, steps=100_000):
    """Gradient descent with step 1/β (the penalty included) from zeros to ``tol``."""
    step_size = bl.step_size_limit(X.T, sample_weight, C=C) / 2
    return bl.gradient_descent(
        X.T,
        y,
        np.zeros(X.shape[1]),
        0.0,
        step_size=step_size,
        steps=steps,
        tol=tol,
        sample_weight=sample_weight,
        C=C,
    )


@pytest.mark.parametrize(
    ("data", "C"),
    [
        ("breast_cancer", 0.01),
        ("breast_cancer", 0.1),
        ("overlapping_5d", 0.1),
        ("overlapping_5d", 1.0),
        ("overlapping_5d", 10.0),
        ("overlapping_5d", 1000.0),
    ],
)
def test_penalised_minimum_is_scikit_learns(data, C, request):
    X, y = request.getfixturevalue(data)
    result = penalised_run(X, y, C)
    reference = newton_cholesky(X, y, C)
    assert result.converged
    np.testing.assert_allclose(result.w.ravel(), reference.coef_[0], rtol=0, atol=1e-5)
    assert result.b == pytest.approx(reference.intercept_[0], abs=1e-5)


@pytest.mark.parametrize("data", ["breast_cancer", "overlapping_5d"])
def test_penalised_sample_weight_is_scikit_learns(data, request):
    """Σs is the sum of the weights as given: scaling them all changes the fit."""
    X, y = request.getfixturevalue(data)
    rng = np.random.default_rng(0)
    s = rng.integers(0, 4, size=len(y)) * 2.5  # zeros included, sum far from M
    result = penalised_run(X, y, 0.01, sample_weight=s)
    reference = newton_cholesky(X, y, 0.01, sample_weight=s)
    np.testing.assert_allclose(result.w.ravel(), reference.coef_[0], rtol=0, atol=1e-5)
    assert result.b == pytest.approx(reference.intercept_[0], abs=1e-5)


def test_penalised_gradient_equals_finite_differences(overlapping_5d):
    """The step of one update is -η times the gradient of the penalised cost."""
    X, y = overlapping_5d
    w0, b0 = seed_initial_weights(5)
    s = np.random.default_rng(1).uniform(0.5, 2.0, size=len(y))
    C, eta = 0.05, 1e-3

    def penalised_cost(theta):
        return bl.gradient_descent(
            X.T,
            y,
            theta[:-1],
            theta[-1],
            step_size=eta,
            steps=0,
            sample_weight=s,
            C=C,
        ).final_cost

    one_step = bl.gradient_descent(
        X.T, y, w0, b0, step_size=eta, steps=1, sample_weight=s, C=C
    )
    gradient = np.append(w0.ravel() - one_step.w.ravel(), b0.item() - one_step.b) / eta
    theta0, h = np.append(w0, b0), 1e-6
    numeric = np.array(
        [
            (penalised_cost(theta0 + h * e) - penalised_cost(theta0 - h * e)) / (2 * h)
            for e in np.eye(len(theta0))
        ]
    )
    # the penalty is a sizeable part of the gradient here
    assert np.abs(w0.ravel()).max() / (C * s.sum()) > 0.01
    np.testing.assert_allclose(gradient, numeric, rtol=1e-6, atol=1e-9)


def test_penalised_step_size_limit_adds_lambda_to_beta(overlapping_5d):
    X, _ = overlapping_5d
    M = len(X)
    X_tilde = np.vstack([X.T, np.ones(M)])
    beta = np.linalg.eigvalsh(X_tilde @ X_tilde.T)[-1] / (4 * M)  # (eq-smoothness)
    C = 0.01
    assert bl.step_size_limit(X.T, C=C) == pytest.approx(
        2 / (beta + 1 / (C * M)), rel=1e-12
    )
    assert bl.step_size_limit(X.T, C=np.inf) == bl.step_size_limit(X.T)


def test_penalty_keeps_a_minimum_on_separable_data():
    """Separated as without C, but no SeparableDataWarning: the minimum exists."""
    X, Y = two_blobs()
    run = {"steps": 500, "step_size": bl.step_size_limit(X, C=1.0) / 2}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = bl.gradient_descent(X, Y, np.zeros(2), 0.0, C=1.0, **run)
    Z = result.w.T @ X + result.b
    assert np.all(np.where(Y == 1, Z > 0, Z < 0))
    with pytest.warns(bl.SeparableDataWarning):
        bl.gradient_descent(X, Y, np.zeros(2), 0.0, **run)


@pytest.mark.parametrize(
    ("C", "error", "message"),
    [
        (0.0, ValueError, r"C must be a number > 0 or np.inf \(no penalty\), got 0.0"),
        (-1.0, ValueError, "C must be a number > 0"),
        (np.nan, ValueError, "C must be a number > 0"),
        ("1", TypeError, "C must be a real number > 0 or np.inf"),
        (True, TypeError, "C must be a real number"),
    ],
)
def test_rejects_bad_C(C, error, message):
    X, Y = np.array([[0.0, 1.0]]), np.array([0.0, 1.0])
    with pytest.raises(error, match=message):
        bl.gradient_descent(X, Y, np.zeros(1), 0.0, step_size=0.1, steps=1, C=C)
    with pytest.raises(error, match=message):
        bl.step_size_limit(X, C=C)


def test_record_every_keeps_the_steps_and_records_the_course_costs():
    data = bl.make_dataset(2000)
    arguments = {"step_size": 0.25, "steps": 23}
    every = bl.gradient_descent(
        data.X_train, data.Y_train, [1.0, -1.0], 0.5, **arguments
    )
    sparse = bl.gradient_descent(
        data.X_train, data.Y_train, [1.0, -1.0], 0.5, record_every=10, **arguments
    )
    np.testing.assert_array_equal(sparse.w, every.w)  # the same steps
    assert sparse.n_steps == every.n_steps == 23
    np.testing.assert_array_equal(sparse.cost_steps, [0, 10, 20])
    np.testing.assert_array_equal(sparse.costs, every.costs[[0, 10, 20]])
    np.testing.assert_array_equal(every.cost_steps, np.arange(23))
    assert sparse.final_cost == every.final_cost


def test_record_every_with_minibatches_records_the_epochs_costs():
    data = bl.make_dataset(500)
    arguments = {"step_size": 0.25, "steps": 5, "batch_size": 64}
    every = bl.gradient_descent(
        data.X_train, data.Y_train, [1.0, -1.0], 0.5, **arguments
    )
    sparse = bl.gradient_descent(
        data.X_train, data.Y_train, [1.0, -1.0], 0.5, record_every=2, **arguments
    )
    np.testing.assert_array_equal(sparse.w, every.w)
    np.testing.assert_array_equal(sparse.cost_steps, [0, 2, 4])
    np.testing.assert_array_equal(sparse.costs, every.costs[[0, 2, 4]])


def test_record_every_still_detects_a_rising_cost():
    data = bl.make_dataset(2000)
    with pytest.warns(bl.DivergenceWarning, match="between steps 0 and 10"):
        bl.gradient_descent(
            data.X_train * 10.0, data.Y_train, np.ones(2), 1.0,
            step_size=50.0, steps=30, record_every=10,
        )  # fmt: skip


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        (
            {"shuffle": "yes", "batch_size": 8},
            TypeError,
            "shuffle must be True or False",
        ),
        ({"shuffle": True}, ValueError, "shuffle=True needs batch_size"),
        ({"random_state": "x"}, TypeError, "random_state must be None, an int"),
        ({"random_state": -1}, ValueError, r"random_state must be an int in \[0"),
        ({"record_every": 0}, ValueError, "record_every must be at least 1"),
        ({"record_every": 2.0}, TypeError, "record_every must be an integer"),
    ],
)
def test_rejects_unclear_options_naming_them(arguments, error, message):
    data = bl.make_dataset(100)
    with pytest.raises(error, match=message):
        bl.gradient_descent(
            data.X_train, data.Y_train, np.zeros(2), 0.0, step_size=0.1, steps=1,
            **arguments,
        )  # fmt: skip


def test_initial_parameters_names_a_bad_random_state():
    with pytest.raises(TypeError, match="random_state must be None, an int"):
        bl.initial_parameters(2, random_state="x")


def test_weights_that_leave_out_a_class_are_an_error_naming_it():
    data = bl.make_dataset(100)
    with pytest.raises(ValueError, match="sample_weight gives every sample of class 0"):
        bl.gradient_descent(
            data.X_train, data.Y_train, np.zeros(2), 0.0, step_size=0.1, steps=1,
            sample_weight=data.Y_train,
        )  # fmt: skip
