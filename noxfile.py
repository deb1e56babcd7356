"""nox sessions: tests, lowest (the oldest versions claimed), lint, docs, docs-live,
site (browser test of the built docs), bench, and lock (refresh the pinned versions).

uv is used as the virtual-environment backend when it is installed (much faster
installs) and plain venv otherwise, so a machine with only Python and pip works.
Every session but ``lowest`` installs with ``constraints.txt``, the lock file that
pins every package it installs, so a build from any day gives the same site. The
tools come from pyproject's dependency groups (PEP 735: test, site-tooling, docs,
site, live, lint), the package with the extras a reader would install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|venv"
nox.options.sessions = ["lint", "tests"]

ROOT = Path(__file__).parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
HTML = BUILD / "html"
GENERATED = [DOCS / "auto_examples", DOCS / "gen_modules", DOCS / "api"]
LINTED = [
    "src",
    "tests",
    "gallery",
    "docs/conf.py",
    "docs/_ext",
    "docs/exercises",
    "benchmarks",
    "noxfile.py",
]
PYTHON = "3.11"
#: pytest-xdist: one worker per core of the 2-core machines the suite is sized for
WORKERS = ["--numprocesses", "2"]
#: the package's tests on one more: they wait on Jupyter kernels, Sphinx and node in
#: other processes part of the time (a new clone's pytest, twice each way, 2026-12-05:
#: 33.2 and 33.3 s with two workers, 31.5 and 31.2 s with three)
PACKAGE_WORKERS = ["--numprocesses", "3"]
#: the package's tests (nox -s tests and lowest) on the workers: a test file's tests
#: in one worker (every test that imports TensorFlow is in one file, so one worker
#: imports it), the files handed out in the order tests/conftest.py collects them,
#: longest first (--dist loadgroup would group by a mark, but ignores its marks with
#: pytest 9.2: pytest-xdist issue 1386)
PACKAGE_TESTS = [
    "--ignore=tests/site",
    *PACKAGE_WORKERS,
    "--dist",
    "loadfile",
    "--no-loadscope-reorder",
]
#: the lock file: every package any session installs, pinned (nox -s lock writes it)
LOCK = ROOT / "constraints.txt"
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")


def _groups(*names: str) -> list[str]:
    """The requirements of pyproject's dependency groups ``names``."""
    return [
        requirement
        for name in names
        for requirement in nox.project.dependency_groups(PYPROJECT, name)
    ]


def _install(session: nox.Session, *requirements: str) -> None:
    """Install as pip would, with every version pinned by the lock file."""
    session.install("--constraint", str(LOCK), *requirements)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite: the package (against Keras and scikit-learn), the gallery
    scripts, and the site's Sphinx extension on small projects (no docs build)."""
    _install(session, "-e", ".[keras,plot]", *_groups("test", "site-tooling"))
    # pytest exits with 5 when it collects no test; only 0 counts as success here.
    session.run(
        "pytest",
        *PACKAGE_TESTS,
        *session.posargs,
        # one BLAS thread per worker: no oversubscription of the two cores
        env={"OPENBLAS_NUM_THREADS": "1", **_bytecode_once(session)},
        success_codes=[0],
    )


def _bytecode_once(session: nox.Session) -> dict[str, str | None]:
    """The environment in which a session compiles each module once, not per process.

    uv writes no bytecode when it installs (pip does), and where
    PYTHONDONTWRITEBYTECODE is set no import writes it either: every process of a
    session (test workers, the docs build's processes, Jupyter kernels, subprocesses)
    then compiles scikit-learn, SciPy, Matplotlib, Sphinx and TensorFlow from source
    again, seconds each. Here the bytecode goes to one folder beside the sessions'
    environments, never into the source tree, and stays valid while the sources do
    (nox recreates an environment with the same files, linked from uv's cache).
    """
    prefix = Path(session.virtualenv.location).parent / "pycache"
    return {"PYTHONPYCACHEPREFIX": str(prefix), "PYTHONDONTWRITEBYTECODE": None}


LOWEST_PYTHON = "3.10"  # pyproject's requires-python


def _lowest_python() -> str | None:
    """The path of a working Python 3.10, or None.

    Looks for ``python3.10`` on PATH, then in pyenv's versions ($PYENV_ROOT or
    ~/.pyenv), and runs each candidate: a pyenv shim is on PATH even when pyenv
    does not select that version, and then it exits with an error.
    """
    name = f"python{LOWEST_PYTHON}"
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = [
        shutil.which(name),
        *sorted(pyenv.glob(f"versions/{LOWEST_PYTHON}.*/bin/{name}")),
    ]
    for candidate in filter(None, candidates):
        try:
            found = subprocess.run(
                [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if found.returncode == 0 and found.stdout.strip() == LOWEST_PYTHON:
            return str(candidate)
    return None


@nox.session(python=_lowest_python(), venv_backend="uv")
def lowest(session: nox.Session) -> None:
    """The test suite on the oldest versions pyproject claims to support.

    Python 3.10 (requires-python) and, by uv's ``--resolution lowest-direct``, the
    lowest version of every dependency pyproject names (its floors); the versions
    installed are printed first. Needs uv, as pip cannot resolve to the lowest.
    """
    if session.python is None:
        missing = (
            f"the lowest session needs Python {LOWEST_PYTHON} (python{LOWEST_PYTHON} "
            f"on PATH or in ~/.pyenv/versions): install it, e.g. "
            f"uv python install {LOWEST_PYTHON}, pyenv install {LOWEST_PYTHON} "
            f"or sudo apt-get install python{LOWEST_PYTHON}-venv, and run again"
        )
        # CI may run where only Python 3.11 exists: there it says so and goes on
        if os.environ.get("CI"):
            session.skip(f"SKIPPED, {missing}")
        session.error(missing)
    # the package's test tools; the extension tests skip without Sphinx
    session.install(
        "--resolution", "lowest-direct", "-e", ".[keras,plot]", *_groups("test")
    )
    session.run("python", "--version")
    session.run("uv", "pip", "freeze", external=True)
    session.run(
        "pytest",
        *PACKAGE_TESTS,
        *session.posargs,
        env={"OPENBLAS_NUM_THREADS": "1", **_bytecode_once(session)},
        success_codes=[0],
    )


def _install_lint_tools(session: nox.Session) -> None:
    """pyproject's ``lint`` group (ruff, check-jsonschema, uv), without the package."""
    _install(session, *_groups("lint"))


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check, the lock file, the workflows against a schema.

    The tools come from pyproject's ``lint`` group (without the package itself);
    check-jsonschema ships the workflow schema, so the check runs offline.
    """
    _install_lint_tools(session)
    session.run("ruff", "check", *LINTED)
    session.run("ruff", "format", "--check", *LINTED)
    # the lock in step with pyproject.toml: resolving again, keeping its pins,
    # must give it back (a new dependency or range would change it)
    fresh = Path(session.create_tmp()) / LOCK.name
    shutil.copy2(LOCK, fresh)
    _compile_lock(session, fresh)
    if _pins(fresh) != _pins(LOCK):
        session.error(f"{LOCK.name} is out of step with pyproject.toml: nox -s lock")
    session.run(
        "check-jsonschema",
        "--builtin-schema",
        "vendor.github-workflows",
        *sorted(str(path) for path in (ROOT / ".github" / "workflows").glob("*.yml")),
    )


def _apt_install(session: nox.Session, *packages: str, why: str) -> None:
    if os.geteuid() != 0:
        session.error(
            f"{why}: install Debian's {' '.join(packages)} "
            f"(sudo apt-get install {' '.join(packages)}) and run again"
        )
    session.log(f"{why}: installing {' '.join(packages)} with apt-get")
    session.run("apt-get", "update", "-qq", external=True)
    session.run(
        "apt-get",
        "install",
        "-y",
        "-qq",
        "--no-install-recommends",
        *packages,
        external=True,
        env={"DEBIAN_FRONTEND": "noninteractive"},
    )


def _install_node_packages(session: nox.Session) -> None:
    """KaTeX from npm, as package-lock.json pins it: the build renders math with it."""
    if not shutil.which("npm"):
        _apt_install(session, "nodejs", "npm", why="the docs build needs Node.js")
    session.run(
        "npm",
        "ci",
        "--prefix",
        str(ROOT),
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        external=True,
    )


def _build_docs(session: nox.Session, *, clean: bool, as_reader: bool = False) -> None:
    if clean:
        for path in [BUILD, *GENERATED]:
            shutil.rmtree(path, ignore_errors=True)
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-n",
        "-b",
        "html",
        # two processes, one per core of the 2-core machines the suite is sized
        # for: the pages' notebooks execute while Sphinx reads them, so two run
        # at a time; the gallery runs its examples two at a time too (conf.py)
        "-j",
        "2",
        # the pages executed in a reader's fresh environment, made from the wheel
        # the site offers (docs/_ext/logreg_site/reader_kernel.py): the download
        # tests then need not run each page notebook a second time
        *(["-D", "logreg_execute_as_reader=1"] if as_reader else []),
        str(DOCS),
        str(HTML),
        env={
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "OPENBLAS_NUM_THREADS": "1",
            **_bytecode_once(session),
        },
    )
    session.log(f"the site is in {HTML / 'index.html'}")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site from scratch with -W --keep-going and nitpicky mode.

    Pass ``-- --incremental`` to keep the previous build and its execution cache.
    """
    _install(session, "-e", ".[tutorial]", *_groups("docs"))
    _install_node_packages(session)
    _build_docs(session, clean="--incremental" not in session.posargs)


@nox.session(name="docs-live", python=PYTHON)
def docs_live(session: nox.Session) -> None:
    """Serve the docs on http://127.0.0.1:8000 and rebuild on every change."""
    _install(session, "-e", ".[tutorial]", *_groups("live"))
    _install_node_packages(session)
    session.run(
        "sphinx-autobuild",
        "--host",
        "127.0.0.1",
        "--watch",
        "src",
        "--watch",
        "gallery",
        "--ignore",
        "*/auto_examples/*",
        "--ignore",
        "*/gen_modules/*",
        str(DOCS),
        str(HTML),
        *session.posargs,
    )


#: Debian's Chromium for the browser test: its headless shell first (the old
#: headless mode, which Playwright itself runs for headless tests: about 7 % less CPU
#: than the full browser on this site's pages, the same rendering), the full
#: browser where only it is installed and apt-get is not ours to run
CHROMIUMS = ("chromium-headless-shell", "chromium", "chromium-browser")


def _ensure_chromium(session: nox.Session) -> str:
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    if not shutil.which(CHROMIUMS[0]) and (
        os.geteuid() == 0 or not any(map(shutil.which, CHROMIUMS))
    ):
        _apt_install(session, CHROMIUMS[0], why="the site test needs headless Chromium")
    found = next(filter(None, map(shutil.which, CHROMIUMS)), None)
    return found or session.error("Chromium did not install")


@nox.session(python=PYTHON)
def site(session: nox.Session) -> None:
    """Build the docs (unless -- --no-build) and load every page in headless Chromium."""
    chromium = _ensure_chromium(session)
    _install(session, "-e", ".[tutorial]", *_groups("docs", "site"))
    if "--no-build" not in session.posargs:
        _install_node_packages(session)
        _build_docs(session, clean=True, as_reader=True)
    session.run(
        "pytest",
        "tests/site",
        *WORKERS,
        # two tests at a time to each worker, in the longest-first order that
        # tests/site/conftest.py sets: the workers finish together
        "--dist",
        "load",
        "--maxschedchunk",
        "2",
        *[arg for arg in session.posargs if arg != "--no-build"],
        env={"CHROMIUM_PATH": chromium, **_bytecode_once(session)},
        success_codes=[0],
    )


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Time the textbook loop, our gradient_descent and Keras fit on the seed workload."""
    _install(session, "-e", ".[keras]")
    session.run("python", "benchmarks/bench_training.py", *session.posargs)


def _compile_lock(session: nox.Session, output: Path, *options: str) -> None:
    """uv pip compile: every extra and dependency group of pyproject.toml, any
    platform, Python 3.11.

    Pins already in ``output`` are kept unless ``options`` ask for upgrades.
    """
    session.run(
        "uv",
        "pip",
        "compile",
        "pyproject.toml",
        "--all-extras",
        *(
            f"--group=pyproject.toml:{group}"
            for group in PYPROJECT["dependency-groups"]
        ),
        "--universal",
        "--python-version",
        PYTHON,
        "--quiet",
        "--output-file",
        str(output.relative_to(ROOT) if output.is_relative_to(ROOT) else output),
        *options,
    )


def _pins(lock: Path) -> list[str]:
    """The lock file without its header (which names the output file)."""
    return [line for line in lock.read_text().splitlines() if not line.startswith("#")]


@nox.session(python=PYTHON)
def lock(session: nox.Session) -> None:
    """Resolve every extra and group of pyproject.toml anew; pin it in constraints.txt.

    ``nox -s lock`` moves every package to its newest release that fits pyproject's
    ranges; ``nox -s lock -- --upgrade-package sphinx`` moves only the ones named.
    The lock is universal (any platform) for Python 3.11, the docs' Python.
    """
    _install_lint_tools(session)
    _compile_lock(session, LOCK, *(session.posargs or ["--upgrade"]))
