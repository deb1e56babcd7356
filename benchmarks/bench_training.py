"""Time 500 steps of full-batch gradient descent on the seed workload (80,000 x 2, float64).

The comparisons are at equal work (issue 22): a loop that computes the cost at
every step against one that does too, and one that computes it rarely against one
that never does. Contenders, all from the same initial weights and checked to
compute the same model:

* the course notebook's textbook loop (:mod:`binary_logreg.textbook`) as the
  notebook runs it (no cost), and computing the cost at every step;
* :func:`binary_logreg.gradient_descent` recording the cost at every step (its
  default) and every 100 steps (the course's ``print_cost`` interval);
* Keras ``model.fit`` with ``batch_size = M`` on NumPy arrays, as in the notebook.

The ratios and their targets (a contender's time / ours):

=========================================  ===================  ==============
comparison                                 with AVX-512 loops   without them
=========================================  ===================  ==============
textbook + cost / ours recording every step     >= 1.25              >= 1.25
textbook / ours recording every 100 steps       >= 1.2               >= 1.0
Keras / ours recording every 100 steps          >= 50                >= 30
=========================================  ===================  ==============

"AVX-512 loops" means NumPy dispatches a SIMD loop for float64 ``log1p`` on this
CPU (``numpy.lib.introspect.opt_func_info``, NumPy >= 2.1; else the
``simd_extensions`` of ``numpy.show_runtime``): without it every logarithm is a
scalar C-library call, about half of a step that records the cost.

Some machines set ``OPENBLAS_CORETYPE`` and ``OPENBLAS_L2_SIZE``, which make
OpenBLAS pick another kernel than a reader's machine would. The benchmark runs
every contender twice, each time in a fresh process: once with the environment as
it is, once with both variables unset (in that process only), and reports both,
with the kernel that OpenBLAS chose (from threadpoolctl). Ratios compare timings
of the same process; the contenders run in rounds, each once per round (Keras
too), so that a slow spell of a shared machine slows them alike.

Run with ``nox -s bench`` (or ``python benchmarks/bench_training.py``);
``--repeat`` sets the number of rounds (medians reported), ``--no-keras`` skips
TensorFlow, ``--json PATH`` writes the numbers too. Timings are not asserted
anywhere: they belong here, not in the test suite.

``--scale`` measures instead how :func:`binary_logreg.gradient_descent` scales with
the number of samples: seconds per sample and step (or epoch; the rest of a call,
its input checks and final cost, is timed apart as a call of 0 steps), and the peak
memory the training call allocates (tracemalloc; X and Y, made before, are not counted),
for M = 1e4 ... 1e7 samples of 2 features, full batch and mini-batch
(``batch_size=8192``), each size in its own process, in both OpenBLAS conditions.
Targets: the mini-batch time per sample-step flat within 1.5x across the sizes,
and the peak memory at most 3x the size of X for M >= 1e5.
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
TEXTBOOK, TEXTBOOK_COST, OURS_EVERY, OURS_100, KERAS = (
    "textbook loop (no cost)",
    "textbook loop + cost every step",
    "gradient_descent, cost every step",
    "gradient_descent, cost every 100",
    "Keras model.fit (batch_size=M)",
)
#: (contender, ours, target with NumPy's AVX-512 loops, target without them)
TARGETS = [
    (TEXTBOOK_COST, OURS_EVERY, 1.25, 1.25),
    (TEXTBOOK, OURS_100, 1.2, 1.0),
    (KERAS, OURS_100, 50.0, 30.0),
]


def median_seconds(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time of ``repeat`` calls of ``run`` and the last call's result."""
    timings, results = interleaved_median_seconds({"run": run}, repeat)
    return timings["run"], results["run"]


def interleaved_median_seconds(
    runs: dict[str, Callable[[], object]], repeat: int
) -> tuple[dict[str, float], dict[str, object]]:
    """Median wall time of each run, the runs interleaved; and each run's last result.

    Each of the ``repeat`` rounds runs every contender once, so that a slow spell of
    a shared machine slows them alike.
    """
    times: dict[str, list[float]] = {name: [] for name in runs}
    results: dict[str, object] = {}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            results[name] = run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}, results


def keras_fit(X, Y, w_init, b_init) -> Callable[[], list]:
    """A run of Keras ``model.fit`` on NumPy arrays, batch_size = M, as the notebook.

    The model is built and its training function traced once here (one untimed
    epoch); each run then sets the initial weights and fits ``STEPS`` epochs, and
    returns the weights.
    """
    from binary_logreg.keras_reference import build_model, float64_floatx, import_keras

    keras = import_keras()
    with float64_floatx(keras):
        model = build_model(X.shape[0], STEP_SIZE)

    def fit(epochs: int = STEPS) -> list:
        model.set_weights([w_init, np.array([b_init])])
        with float64_floatx(keras):
            model.fit(
                X.T, Y.T, batch_size=X.shape[1], epochs=epochs, shuffle=False,
                verbose=0,
            )  # fmt: skip
        return model.get_weights()

    fit(epochs=1)
    return fit


def floor_seconds(X, w, b, repeat: int) -> dict[str, float]:
    """The two transcendental functions a loop that records the cost evaluates.

    Per recorded step, a loop evaluates one exponential and one logarithm per
    sample: ``np.exp(-Z)`` for the probabilities and ``np.log1p(E)`` for the
    losses (a loop that computes no cost, only the first). Their time for
    ``STEPS`` steps bounds every loop recording each step from below.
    """
    Z = w.T @ X + b
    E = np.exp(-Z)

    def steps_of(function: Callable[[], object]) -> None:
        for _ in range(STEPS):  # one result at a time, as in a loop
            function()

    return {
        name: median_seconds(lambda f=f: steps_of(f), repeat)[0]
        for name, f in (("exp", lambda: np.exp(-Z)), ("log1p", lambda: np.log1p(E)))
    }


def numpy_log1p_loop() -> tuple[bool | None, str]:
    """Whether NumPy has an AVX-512 (x86-64-v4) loop for float64 ``log1p`` here.

    Public ways only: ``numpy.lib.introspect.opt_func_info`` (NumPy >= 2.1) names
    the loop dispatched for this CPU; older NumPy prints its CPU features in
    ``numpy.show_runtime()``, read back here. Returns the answer (None: unknown)
    and what it rests on.
    """
    try:
        from numpy.lib.introspect import opt_func_info
    except ImportError:
        return _avx512_from_show_runtime()
    loops = opt_func_info(func_name="^log1p$", signature="^float64")
    current = " ".join(info["current"] for info in loops.get("log1p", {}).values())
    if not current:
        return None, "opt_func_info lists no float64 log1p loop"
    has = "AVX512" in current or "X86_V4" in current
    return has, f"float64 log1p loop dispatched: {current}"


def _avx512_from_show_runtime() -> tuple[bool | None, str]:
    """The fallback of :func:`numpy_log1p_loop`: AVX-512 among NumPy's found features."""
    import contextlib
    import io
    import re

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        np.show_runtime()
    found = re.search(r"'found':\s*\[([^\]]*)\]", printed.getvalue())
    if found is None:
        return None, "numpy.show_runtime() printed no SIMD features"
    has = "AVX512F" in found.group(1) or "X86_V4" in found.group(1)
    return has, f"SIMD features found by numpy.show_runtime(): {found.group(1)}"


def cpu_name() -> str:
    """The CPU's model name from ``lscpu``, else what the platform module says."""
    try:
        lines = subprocess.run(
            ["lscpu"], capture_output=True, text=True, check=True
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        lines = []
    for line in lines:
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


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
            X, Y, w_init, b_init, step_size=STEP_SIZE, steps=STEPS,
            record_cost=record_cost,
        )  # fmt: skip

    def ours(record_every: int) -> Callable[[], object]:
        return lambda: bl.gradient_descent(
            X, Y, w_init, b_init, step_size=STEP_SIZE, steps=STEPS,
            record_every=record_every,
        )  # fmt: skip

    contenders = {
        TEXTBOOK: textbook(False),
        TEXTBOOK_COST: textbook(True),
        OURS_EVERY: ours(1),
        OURS_100: ours(100),
    }
    if keras:
        contenders[KERAS] = keras_fit(X, Y, w_init, b_init)
    timings, results = interleaved_median_seconds(contenders, repeat)
    # The timings only mean something if every contender computed the same model.
    w_ref, b_ref, _ = results[TEXTBOOK]
    for name in (OURS_EVERY, OURS_100):
        assert np.max(np.abs(results[name].w - w_ref)) < 1e-10, f"{name} differs"
        assert abs(results[name].b - b_ref) < 1e-10, f"{name}'s bias differs"
    assert results[OURS_100].costs.shape == (STEPS // 100,)
    if keras:
        kernel = results[KERAS][0]
        assert np.max(np.abs(kernel - w_ref)) < 1e-10, "Keras and the textbook differ"
    blas = [info for info in threadpool_info() if info["user_api"] == "blas"]
    avx512, evidence = numpy_log1p_loop()
    return {
        "timings": timings,
        "floor": floor_seconds(X, w_init, b_init, repeat),
        "avx512": avx512,
        "avx512_evidence": evidence,
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
    """Print the timings, the equal-work ratios and their targets; return if all met."""
    all_met = True
    for condition, result in results.items():
        settings = ", ".join(
            f"{v}={result['env'][v]}" for v in BLAS_VARIABLES if v in result["env"]
        )
        avx512 = {True: "yes", False: "no", None: "unknown"}[result["avx512"]]
        print(f"\nOpenBLAS settings {condition} ({settings or 'none set'}):")
        print(f"  kernel {result['blas']}, NumPy {result['numpy']}")
        print(f"  NumPy's AVX-512 loops: {avx512} ({result['avx512_evidence']})")
        timings = result["timings"]
        width = max(map(len, timings))
        print(f"  {'median of the rounds':<{width}}  seconds")
        for contender, seconds in timings.items():
            print(f"  {contender:<{width}}  {seconds:7.3f}")
        floor = result["floor"]
        print(
            f"  floor of a loop that records the cost every step: np.exp "
            f"{floor['exp']:.3f} s + np.log1p {floor['log1p']:.3f} s"
        )
        print("  equal-work ratios (same process, interleaved rounds):")
        for contender, ours, with_avx512, without in TARGETS:
            if contender not in timings:
                continue
            target = with_avx512 if result["avx512"] else without
            ratio = timings[contender] / timings[ours]
            met = ratio >= target
            all_met &= met
            print(
                f"    {contender} / {ours}: {ratio:6.2f}x (target >= {target:g}x"
                f"{'' if result['avx512'] else ', without AVX-512 loops'}) "
                f"{'met' if met else 'NOT met'}"
            )
    return all_met


# --- scaling with the number of samples (--scale) ---------------------------------

SCALE_SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
SCALE_BATCH = 8192
#: sample-steps per timed run: each run does about this much work whatever M
SCALE_WORK = 20_000_000
SCALE_MODES = {"full batch": None, f"mini-batch B={SCALE_BATCH}": SCALE_BATCH}


def scale_data(n_samples: int) -> tuple[np.ndarray, np.ndarray]:
    """Two overlapping Gaussian classes in the course layout, (2, M) and (1, M)."""
    rng = np.random.default_rng(0)
    Y = (rng.random((1, n_samples)) < 0.5).astype(np.float64)
    X = rng.standard_normal((2, n_samples)) + 1.5 * Y
    return X, Y


def measure_scale(n_samples: int, repeat: int) -> dict:
    """Seconds per sample-step and peak traced memory, for each mode, at one size.

    A training call also checks its input and computes the final cost and gradient,
    about two passes over the data whatever the number of steps. That rest of the
    call is timed on its own, as a call of zero steps, and subtracted: the time of
    a step is (time of ``steps`` steps - time of 0 steps) / ``steps``.
    """
    import tracemalloc

    import binary_logreg as bl

    X, Y = scale_data(n_samples)
    steps = max(2, SCALE_WORK // n_samples)
    results = {}
    for mode, batch_size in SCALE_MODES.items():

        def train(steps: int, batch_size=batch_size) -> object:
            return bl.gradient_descent(
                X, Y, np.zeros(2), 0.0, step_size=0.5, steps=steps,
                batch_size=batch_size,
            )  # fmt: skip

        train(steps)  # warm-up: first-touch page faults and BLAS start-up
        rest, _ = median_seconds(lambda: train(0), repeat)
        total, _ = median_seconds(lambda: train(steps), repeat)
        tracemalloc.start()
        train(steps)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        results[mode] = {
            "seconds_per_sample_step": (total - rest) / (steps * n_samples),
            "seconds_per_sample_rest_of_call": rest / n_samples,
            "peak_bytes": peak,
            "steps": steps,
        }
    return {"n_samples": n_samples, "x_bytes": X.nbytes, "modes": results}


def run_scale(args: argparse.Namespace) -> dict[str, list[dict]]:
    """Every size in its own process, in both OpenBLAS conditions."""
    env = dict(os.environ)
    unset = {k: v for k, v in env.items() if k not in BLAS_VARIABLES}
    results: dict[str, list[dict]] = {}
    for condition, condition_env in (("as set", env), ("unset", unset)):
        results[condition] = []
        for n_samples in SCALE_SIZES:
            print(
                f"  M = {n_samples:.0e}, OpenBLAS settings {condition} ...", flush=True
            )
            with tempfile.TemporaryDirectory() as folder:
                output = Path(folder) / "result.json"
                command = [sys.executable, __file__, "--scale-worker", str(output)]
                command += ["--samples", str(n_samples), "--repeat", str(args.repeat)]
                subprocess.run(command, env=condition_env, check=True)
                results[condition].append(json.loads(output.read_text()))
    return results


def report_scale(results: dict[str, list[dict]]) -> bool:
    """Print the scale table and the two targets; return whether both were met."""
    all_met = True
    for condition, rows in results.items():
        print(f"\nOpenBLAS settings {condition}:")
        print(
            "  ns per sample: of one step (epoch), of the rest of the call (input "
            "checks, final cost); peak MB allocated (and / size of X)"
        )
        print(f"  {'M':>6}  {'X MB':>6}  " + "  ".join(
            f"{mode:>33}" for mode in SCALE_MODES
        ))  # fmt: skip
        for row in rows:
            cells = []
            for mode in SCALE_MODES:
                numbers = row["modes"][mode]
                cells.append(
                    f"{numbers['seconds_per_sample_step'] * 1e9:6.1f} "
                    f"{numbers['seconds_per_sample_rest_of_call'] * 1e9:6.1f} "
                    f"{numbers['peak_bytes'] / 1e6:7.1f} "
                    f"({numbers['peak_bytes'] / row['x_bytes']:5.2f}x)"
                )
            print(
                f"  {row['n_samples']:>6.0e}  {row['x_bytes'] / 1e6:>6.1f}  "
                + "  ".join(cells)
            )
        minibatch = f"mini-batch B={SCALE_BATCH}"
        times = [row["modes"][minibatch]["seconds_per_sample_step"] for row in rows]
        spread = max(times) / min(times)
        met = spread <= 1.5
        print(
            f"  target: {minibatch} time per sample-step flat within 1.5x across "
            f"the sizes: {spread:.2f}x {'met' if met else 'NOT met'}"
        )
        all_met &= met
        for mode in SCALE_MODES:
            ratio = max(
                row["modes"][mode]["peak_bytes"] / row["x_bytes"]
                for row in rows
                if row["n_samples"] >= 100_000
            )
            met = ratio <= 3.0
            print(
                f"  target: {mode} peak memory <= 3x X for M >= 1e5: largest "
                f"{ratio:.2f}x {'met' if met else 'NOT met'}"
            )
            all_met &= met
    return all_met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each contender")
    parser.add_argument("--no-keras", action="store_true", help="skip TensorFlow")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--scale", action="store_true", help="time and memory against the data size"
    )
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scale-worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--samples", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.scale_worker:
        result = measure_scale(args.samples, args.repeat)
        args.scale_worker.write_text(json.dumps(result))
        return
    if args.scale:
        print(
            f"scale: M samples x 2 features, float64, calls of about {SCALE_WORK:.0e} "
            f"sample-steps and of 0 steps, median of {args.repeat} runs; "
            f"CPU: {cpu_name()}"
        )
        results = run_scale(args)
        report_scale(results)
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(results, indent=2))
        return
    if args.worker:
        result = measure(args.repeat, keras=not args.no_keras)
        result["env"] = {v: os.environ[v] for v in BLAS_VARIABLES if v in os.environ}
        args.worker.write_text(json.dumps(result))
        return

    print(
        f"workload: 80,000 x 2, {STEPS} steps, step size {STEP_SIZE}, float64; "
        f"median of {args.repeat} rounds; CPU: {cpu_name()}"
    )
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    unset = {k: v for k, v in env.items() if k not in BLAS_VARIABLES}
    results = {
        "as set": run_condition("as this machine sets them", env, args),
        "unset": run_condition("unset (a reader's machine)", unset, args),
    }
    all_met = report(results)
    print(f"\nall targets met: {'yes' if all_met else 'NO'}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
