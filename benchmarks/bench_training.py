"""Time 500 steps of full-batch gradient descent on the seed workload (80,000 x 2, float64).

Contenders, all from the same initial weights:

* the course notebook's textbook loop, as written there (no cost computed per
  step, because the notebook prints it only when ``verbose`` is set), and the
  same loop recording the cost per step, which is what ours does;
* :func:`binary_logreg.gradient_descent` (fused gradient dz = A - Y, reused
  buffers, cost recorded every step);
* Keras ``model.fit`` with ``batch_size = M`` on NumPy arrays, as in the notebook,
  and the one-element ``tf.data`` pipeline that :func:`train_keras` uses.

Run with ``nox -s bench`` (or ``python benchmarks/bench_training.py``). Prints the
median of ``--repeat`` runs for each contender and the ratios; ``--json PATH``
writes the numbers too. Timings are not asserted anywhere: they belong here, not
in the test suite.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

import binary_logreg as bl

STEPS = 500
STEP_SIZE = 0.25


def textbook_loop(X, Y, w, b, step_size, steps, *, record_cost=False):
    """The course notebook's loop, as written there (the independent reference)."""
    M = X.shape[1]
    costs = []
    for _ in range(steps):
        Z = np.dot(w.T, X) + b
        A = 1.0 / (1.0 + np.exp(-Z))
        if record_cost:
            costs.append(np.mean(-(Y * np.log(A) + (1.0 - Y) * np.log(1.0 - A))))
        da = -Y / A + (1 - Y) / (1 - A)
        dz = da * A * (1 - A)
        dw = np.dot(X, dz.T) / M
        db = np.mean(dz * 1)
        w = w - step_size * dw
        b = b - step_size * db
    return w, b, costs


def median_seconds(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time of ``repeat`` calls of ``run`` and the last call's result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def keras_fit_numpy(X, Y, w_init, b_init):
    """Keras ``model.fit`` on NumPy arrays with batch_size = M, as the notebook does."""
    from binary_logreg.keras_reference import _float64, build_model, import_keras

    keras = import_keras()
    with _float64(keras):
        model = build_model(X.shape[0], STEP_SIZE)
        model.set_weights([w_init, np.array([b_init])])
        start = time.perf_counter()
        model.fit(
            X.T, Y.T, batch_size=X.shape[1], epochs=STEPS, shuffle=False, verbose=0
        )
        elapsed = time.perf_counter() - start
    return elapsed, model.get_weights()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of the NumPy loops")
    parser.add_argument(
        "--keras-repeat", type=int, default=3, help="runs of each Keras variant"
    )
    parser.add_argument("--no-keras", action="store_true", help="skip TensorFlow")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    data = bl.make_dataset()
    X, Y = data.X_train, data.Y_train
    w_init, b_init = bl.initial_parameters(X.shape[0], random_state=1)
    b_init = float(b_init.item())
    print(f"workload: X {X.shape}, {STEPS} steps, step size {STEP_SIZE}, float64")
    print(
        f"machine: {platform.processor() or platform.machine()}, NumPy {np.__version__}"
    )

    timings: dict[str, float] = {}
    timings["textbook loop"], (w_ref, b_ref, _) = median_seconds(
        lambda: textbook_loop(X, Y, w_init, b_init, STEP_SIZE, STEPS), args.repeat
    )
    timings["textbook loop + cost"], _ = median_seconds(
        lambda: textbook_loop(X, Y, w_init, b_init, STEP_SIZE, STEPS, record_cost=True),
        args.repeat,
    )
    timings["binary_logreg.gradient_descent"], ours = median_seconds(
        lambda: bl.gradient_descent(
            X, Y, w_init, b_init, step_size=STEP_SIZE, steps=STEPS
        ),
        args.repeat,
    )
    # The timings only mean something if every contender computed the same model.
    assert np.max(np.abs(ours.w - w_ref)) < 1e-10, "ours and the textbook loop differ"
    assert abs(ours.b - float(np.asarray(b_ref).item())) < 1e-10, "biases differ"

    if not args.no_keras:
        from binary_logreg.keras_reference import train_keras

        fits = [keras_fit_numpy(X, Y, w_init, b_init) for _ in range(args.keras_repeat)]
        timings["Keras fit (NumPy, batch_size=M)"] = statistics.median(
            t for t, _ in fits
        )
        kernel = fits[-1][1][0]
        assert np.max(np.abs(kernel - w_ref)) < 1e-10, "Keras and the textbook differ"
        timings["Keras fit (tf.data, train_keras)"], _ = median_seconds(
            lambda: train_keras(X, Y, w_init, b_init, step_size=STEP_SIZE, steps=STEPS),
            args.keras_repeat,
        )

    ours_time = timings["binary_logreg.gradient_descent"]
    width = max(map(len, timings))
    print(
        f"\n{'median wall time of ' + str(STEPS) + ' steps':<{width}}  seconds  ours is"
    )
    for name, seconds in timings.items():
        ratio = seconds / ours_time
        print(f"{name:<{width}}  {seconds:7.3f}  {ratio:6.1f}x faster")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(timings, indent=2))


if __name__ == "__main__":
    main()
