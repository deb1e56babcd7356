"""Time 500 steps of full-batch gradient descent on the seed workload (80,000 x 2, float64).

Contenders, all from the same initial weights and checked to compute the same model:

* the course notebook's textbook loop (:mod:`binary_logreg.textbook`), as the
  notebook runs it (no cost per step) and recording the cost per step, as
  :func:`binary_logreg.gradient_descent` does;
* :func:`binary_logreg.gradient_descent`;
* Keras ``model.fit`` with ``batch_size = M`` on NumPy arrays, as in the notebook.

Some machines set ``OPENBLAS_CORETYPE`` and ``OPENBLAS_L2_SIZE``, which make
OpenBLAS pick another kernel than a reader's machine would. The benchmark runs
every contender twice, each time in a fresh process: once with the environment as
it is, once with both variables unset, and reports both, with the kernel that
OpenBLAS chose (from threadpoolctl). Ratios compare timings of the same process.

Run with ``nox -s bench`` (or ``python benchmarks/bench_training.py``);
``--repeat`` sets the number of runs of each contender (median reported),
``--no-keras`` skips TensorFlow, ``--json PATH`` writes the numbers too. Timings
are not asserted anywhere: they belong here, not in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

STEPS = 500
STEP_SIZE = 0.25
BLAS_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
TEXTBOOK, TEXTBOOK_COST, OURS, KERAS = (
    "textbook loop",
    "textbook loop + cost per step",
    "binary_logreg.gradient_descent",
    "Keras model.fit (batch_size=M)",
)
# (contender, the target ratio "contender time / ours", which condition it is for)
TARGETS = [
    (TEXTBOOK, 1.3, "unset"),
    (TEXTBOOK_COST, 2.0, "unset"),
    (TEXTBOOK, 1.0, "as set"),
    (KERAS, 50.0, "unset"),
    (KERAS, 50.0, "as set"),
]


def median_seconds(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time of ``repeat`` calls of ``run`` and the last call's result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def keras_fit_seconds(X, Y, w_init, b_init) -> tuple[float, list]:
    """Time Keras ``model.fit`` on NumPy arrays with batch_size = M, as the notebook."""
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


def measure(repeat: int, keras: bool) -> dict:
    """Time every contender in this process; return the timings and the BLAS kernel."""
    from threadpoolctl import threadpool_info

    import binary_logreg as bl
    from binary_logreg.textbook import textbook_gradient_descent

    data = bl.make_dataset()
    X, Y = data.X_train, data.Y_train
    w_init, b_init = bl.initial_parameters(X.shape[0], random_state=1)
    b_init = float(b_init.item())

    def textbook(record_cost: bool) -> Callable[[], object]:
        return lambda: textbook_gradient_descent(
            X,
            Y,
            w_init,
            b_init,
            step_size=STEP_SIZE,
            steps=STEPS,
            record_cost=record_cost,
        )

    timings: dict[str, float] = {}
    timings[TEXTBOOK], (w_ref, b_ref, _) = median_seconds(textbook(False), repeat)
    timings[TEXTBOOK_COST], _ = median_seconds(textbook(True), repeat)
    timings[OURS], ours = median_seconds(
        lambda: bl.gradient_descent(
            X, Y, w_init, b_init, step_size=STEP_SIZE, steps=STEPS
        ),
        repeat,
    )
    # The timings only mean something if every contender computed the same model.
    assert np.max(np.abs(ours.w - w_ref)) < 1e-10, "ours and the textbook loop differ"
    assert abs(ours.b - b_ref) < 1e-10, "the biases differ"
    if keras:
        fits = [keras_fit_seconds(X, Y, w_init, b_init) for _ in range(repeat)]
        timings[KERAS] = statistics.median(seconds for seconds, _ in fits)
        kernel = fits[-1][1][0]
        assert np.max(np.abs(kernel - w_ref)) < 1e-10, "Keras and the textbook differ"
    blas = [info for info in threadpool_info() if info["user_api"] == "blas"]
    return {
        "timings": timings,
        "blas": ", ".join(
            sorted({f"{i['internal_api']} {i['architecture']}" for i in blas})
        ),
        "numpy": np.__version__,
    }


def run_condition(name: str, env: dict[str, str], args: argparse.Namespace) -> dict:
    """Measure in a fresh Python process with the environment ``env``."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "result.json"
        command = [sys.executable, __file__, "--worker", str(output)]
        command += ["--repeat", str(args.repeat)] + (["--no-keras"] * args.no_keras)
        print(f"measuring with the OpenBLAS settings {name} ...", flush=True)
        subprocess.run(command, env=env, check=True)
        return json.loads(output.read_text())


def report(results: dict[str, dict]) -> bool:
    """Print the timings, the ratios and the targets; return whether all were met."""
    for condition, result in results.items():
        settings = ", ".join(
            f"{v}={result['env'][v]}" for v in BLAS_VARIABLES if v in result["env"]
        )
        print(f"\nOpenBLAS settings {condition} ({settings or 'none set'}):")
        print(f"  kernel {result['blas']}, NumPy {result['numpy']}")
        timings = result["timings"]
        ours = timings[OURS]
        width = max(map(len, timings))
        print(f"  {'median of the runs':<{width}}  seconds  time / ours")
        for contender, seconds in timings.items():
            print(f"  {contender:<{width}}  {seconds:7.3f}  {seconds / ours:8.2f}")
    print("\ntargets (a contender's time / ours, same process):")
    all_met = True
    for contender, target, condition in TARGETS:
        timings = results[condition]["timings"]
        if contender not in timings:
            continue
        ratio = timings[contender] / timings[OURS]
        met = ratio >= target
        all_met &= met
        print(
            f"  {contender:<32} settings {condition:<6}: {ratio:6.2f}x "
            f"(target >= {target:g}x) {'met' if met else 'NOT met'}"
        )
    return all_met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each contender")
    parser.add_argument("--no-keras", action="store_true", help="skip TensorFlow")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        result = measure(args.repeat, keras=not args.no_keras)
        result["env"] = {v: os.environ[v] for v in BLAS_VARIABLES if v in os.environ}
        args.worker.write_text(json.dumps(result))
        return

    print(
        f"workload: 80,000 x 2, {STEPS} steps, step size {STEP_SIZE}, float64; "
        f"median of {args.repeat} runs; {platform.processor() or platform.machine()}"
    )
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    unset = {k: v for k, v in env.items() if k not in BLAS_VARIABLES}
    results = {
        "as set": run_condition("as this machine sets them", env, args),
        "unset": run_condition("unset (a reader's machine)", unset, args),
    }
    report(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
