"""Shared fixtures: the course notebook's workload, trained once per test session,
and the runner of the gallery's examples.

``nox -s tests`` runs two pytest-xdist workers and keeps a test file's tests in one
of them (``--dist loadfile``). Every test that imports TensorFlow is in
test_keras_reference.py, the gallery's Keras examples included, so only the worker
that runs that file imports it (seconds); that file, the longest, is collected first,
so that worker starts with it, and the other files are handed out in the order
``LONGEST_FIRST`` gives (with ``--no-loadscope-reorder``): the workers end together.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib
import itertools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

if TYPE_CHECKING:  # imported by the fixtures: the pytest-xdist controller, which
    # loads this file but runs no test, starts the workers without importing
    # binary_logreg and scikit-learn (about 3 s)
    import binary_logreg as bl

STEP_SIZE = 0.25
STEPS = 500


@dataclass(frozen=True)
class SeedRun:
    data: bl.Dataset
    w_init: np.ndarray
    b_init: np.ndarray
    ours: bl.GradientDescentResult


def seed_initial_weights(
    n_features: int, seed: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    """Initial weights drawn exactly as the course notebook draws them."""
    rng = np.random.RandomState(seed)
    w_init = (rng.rand(n_features, 1) - 0.5) * 2.0
    b_init = (rng.rand(1, 1) - 0.5) * 2.0
    return w_init, b_init


@pytest.fixture(scope="session")
def seed_data() -> bl.Dataset:
    import binary_logreg as bl

    return bl.make_dataset()


@pytest.fixture(scope="session")
def seed_run(seed_data: bl.Dataset) -> SeedRun:
    import binary_logreg as bl

    w_init, b_init = seed_initial_weights(seed_data.n_features)
    ours = bl.gradient_descent(
        seed_data.X_train,
        seed_data.Y_train,
        w_init,
        b_init,
        step_size=STEP_SIZE,
        steps=STEPS,
    )
    return SeedRun(data=seed_data, w_init=w_init, b_init=b_init, ours=ours)


@pytest.fixture(scope="session")
def breast_cancer() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's breast-cancer data (569 x 30), standardised: linearly separable."""
    from sklearn.datasets import load_breast_cancer
    from sklearn.preprocessing import StandardScaler

    X, y = load_breast_cancer(return_X_y=True)
    return StandardScaler().fit_transform(X), y


@pytest.fixture(scope="session")
def overlapping_5d() -> tuple[np.ndarray, np.ndarray]:
    """400 samples, 5 standardised features, classes that overlap (label noise)."""
    from sklearn.datasets import make_classification
    from sklearn.preprocessing import StandardScaler

    X, y = make_classification(
        n_samples=400,
        n_features=5,
        n_informative=3,
        n_redundant=0,
        flip_y=0.05,
        class_sep=0.8,
        random_state=0,
    )
    return StandardScaler().fit_transform(X), y


# --- the order in which pytest-xdist hands out the test files ------------------------

TESTS = Path(__file__).parent
#: the files that take longest, in that order (seconds of their tests, warm, on a
#: 2-core machine, 2026-12-05: 10.4, 8.4, 7.8, 3.8, 3.2, 3.2, 2.7, 1.7, 1.6, 1.1;
#: every other file takes less than 1): with ``--no-loadscope-reorder``
#: pytest-xdist hands the files out in collection order, and a long file handed out
#: last would keep one worker busy while the other idles. The other files follow in
#: pytest's order.
LONGEST_FIRST = (
    "test_keras_reference.py",
    "test_worksheets.py",
    "test_exercises_corpus.py",
    "test_gallery.py",
    "ext/test_page_execution.py",
    "test_estimator.py",
    "test_exercises.py",
    "ext/test_quick_check.py",
    "test_training.py",
    "test_plotting.py",
)


#: what every worker's collection imports, in three parts (the NumPy, SciPy and
#: scikit-learn stack; Sphinx and MyST-NB; Matplotlib and Jupyter): in a new
#: environment, with no bytecode yet, the workers compiled all of it at the same
#: time, each for itself (6 s of a 30 s run). Now each of the three imports a
#: different part first, and finds most of the others compiled once it gets there
#: (a new environment's pytest, three workers: 33.3 and 33.3 s with two halves, 31.5
#: and 30.0 s with three parts); nothing changes on a second run.
PARTS_OF_THE_COLLECTION = (
    ("scipy.special", "sklearn.utils.estimator_checks", "sklearn.metrics"),
    ("sphinx.application", "sphinx_codeautolink.extension.directive", "myst_nb"),
    ("matplotlib.colors", "nbclient", "bs4", "PIL.Image"),
)


def pytest_collection(session: pytest.Session) -> None:
    """A pytest-xdist worker of the package's tests imports its part first (as it
    collects: the warnings of those imports are reported as before)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    site = TESTS / "site"
    paths = (Path(arg.partition("::")[0]).resolve() for arg in session.config.args)
    if not worker.startswith("gw") or any(p.is_relative_to(site) for p in paths):
        return  # no worker, or the browser tests, which import none of these
    first = int(worker.removeprefix("gw")) % len(PARTS_OF_THE_COLLECTION)
    parts = PARTS_OF_THE_COLLECTION[first:] + PARTS_OF_THE_COLLECTION[:first]
    for name in itertools.chain(*parts):
        with contextlib.suppress(ImportError):  # lowest: no Sphinx
            importlib.import_module(name)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Collect the longest files first (a stable sort: the rest keep their order).

    A test marked ``keras`` (it imports TensorFlow) outside the Keras file is an
    error: a second worker would import TensorFlow.
    """
    keras_file = TESTS / LONGEST_FIRST[0]
    elsewhere = [
        item.nodeid
        for item in items
        if item.get_closest_marker("keras") and item.path != keras_file
    ]
    if elsewhere:
        raise pytest.UsageError(
            f"tests marked keras belong in {keras_file.name}: {', '.join(elsewhere)}"
        )

    def rank(item: pytest.Item) -> int:
        name = item.path.relative_to(TESTS).as_posix()
        return (
            LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)
        )

    items.sort(key=rank)


@pytest.fixture(scope="module", autouse=True)
def _garbage_collected_per_file():
    """Collect each test file's garbage when the file ends.

    A Jupyter client's sockets warn (ResourceWarning) when the collector frees them;
    freed at the end of the file that used them, they do not warn inside a test of
    the next file the worker runs, which may record warnings or turn them to errors.
    What is left then is frozen (``gc.freeze``): the next collections look only at
    the objects made since, not again at every module imported so far (with
    TensorFlow's and scikit-learn's, 0.2 s a file, 4.8 s of the suite's CPU).
    """
    yield
    gc.collect()
    gc.freeze()


# --- the gallery's examples, run as plain scripts on less data -----------------------

GALLERY = Path(__file__).parents[1] / "gallery"
EXAMPLES = sorted(GALLERY.glob("plot_*.py"))
#: at most this many samples from binary_logreg.make_dataset while an example runs
TEST_SAMPLES = 3000
#: at most this many steps in a run that stops when it converges (a ``tol``)
TEST_STEPS_TO_CONVERGE = 2000


def trains_keras(example: Path) -> bool:
    """Whether a gallery example trains the Keras reference (and imports TensorFlow)."""
    return "keras_reference" in example.read_text(encoding="utf-8")


@pytest.fixture
def run_example(monkeypatch):
    """``run_example(script)``: run a gallery example as a script, check its figures.

    The examples call :func:`binary_logreg.make_dataset` at the course's size and
    know nothing of the tests. While one runs, ``binary_logreg.make_dataset`` makes
    at most ``TEST_SAMPLES`` samples, so the whole gallery runs in seconds; the docs
    build runs the size the examples ask for. The number of steps stays as written,
    except in a run that stops when it converges (a ``tol``): here it stops after at
    most ``TEST_STEPS_TO_CONVERGE`` steps (not converged, which every example must
    handle anyway; the docs build runs them to convergence). Pyplot draws on the Agg
    backend; the style and the figures are reset afterwards.

    Checked: the example makes a figure; every animation renders its frames as the
    docs build embeds them; every still figure has a title, from which
    Sphinx-Gallery writes its alt text (its file name otherwise), and no two figures
    of an example share one. Returns the example's namespace.
    """
    import matplotlib

    import binary_logreg as bl

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.setattr(bl, "make_dataset", _small(bl.make_dataset))
    monkeypatch.setattr(bl, "gradient_descent", _short(bl.gradient_descent))
    plt.close("all")
    with matplotlib.rc_context():
        yield functools.partial(_run_and_check_example, plt=plt)
    plt.close("all")


def _small(make_dataset):
    """make_dataset that makes at most TEST_SAMPLES samples, whatever it is asked for."""

    @functools.wraps(make_dataset)
    def make_small_dataset(n_samples=TEST_SAMPLES, **kwargs):
        return make_dataset(min(n_samples, TEST_SAMPLES), **kwargs)

    return make_small_dataset


def _short(gradient_descent):
    """gradient_descent whose run to convergence makes at most TEST_STEPS_TO_CONVERGE."""

    @functools.wraps(gradient_descent)
    def short_gradient_descent(*args, **kwargs):
        if kwargs.get("tol") is not None and "steps" in kwargs:
            kwargs["steps"] = min(kwargs["steps"], TEST_STEPS_TO_CONVERGE)
        return gradient_descent(*args, **kwargs)

    return short_gradient_descent


def _run_and_check_example(script: Path, *, plt) -> dict:
    import runpy

    from matplotlib.animation import Animation

    namespace = runpy.run_path(str(script), run_name="__main__")
    assert plt.get_fignums(), f"{script.name} made no figure"
    animations = [v for v in namespace.values() if isinstance(v, Animation)]
    for animation in animations:
        # Render every frame as the docs build does (embedded HTML frames).
        assert "<img" in animation.to_jshtml(), f"{script.name}: empty animation"
    # Sphinx-Gallery takes a still figure's alt text from its titles
    animated = [animation._fig for animation in animations]
    stills = [plt.figure(number) for number in plt.get_fignums()]
    alt_texts = [_alt_text(fig) for fig in stills if fig not in animated]
    assert all(alt_texts), f"{script.name}: a figure without a title: {alt_texts}"
    assert len(set(alt_texts)) == len(alt_texts), f"{script.name}: {alt_texts}"
    return namespace


def _alt_text(fig) -> str:
    """The alt text Sphinx-Gallery gives a figure: suptitle and axes titles."""
    titles = [fig.get_suptitle()]
    for ax in fig.axes:
        titles += [ax.get_title(loc=loc) for loc in ("left", "center", "right")]
    return ", ".join(title for title in titles if title)
