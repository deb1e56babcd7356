"""logreg_site.page_execution: the pages' notebooks run before Sphinx reads them, the
longest first, and MyST-NB takes each from its cache instead of running it again."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest


@pytest.fixture(scope="module")
def built(build_root):
    # two processes, as the site's build: MyST-NB reads the cache from both
    return build_root("page_execution", parallel=2)


def test_a_page_runs_once_before_sphinx_reads_it(built):
    assert re.search(r"^slow: executed in [\d.]+ s, ahead$", built.status, re.M)
    assert "slow.md: Using cached notebook" in built.status, built.status
    assert "slow.md: Executed notebook" not in built.status, built.status
    assert not built.warnings, built.warnings


def test_a_page_runs_where_myst_nb_would_run_it(built):
    # nb_execution_in_temp is off: in the page's own folder
    assert f"slow ran in {built.srcdir.name} with 45" in built.page("slow")


def test_a_page_without_a_notebook_is_left_alone(built):
    assert not re.search(r"^plain: ", built.status, re.M)
    assert "MyST-NB reads this page as Markdown" in built.page("plain")


def test_the_longest_pages_start_first():
    from logreg_site.page_execution import _order

    app = SimpleNamespace(
        config=SimpleNamespace(logreg_longest_pages_first=["slow", "gone", "mid"])
    )
    # the listed ones in their order (a name no longer a page is skipped), then
    # the others by name
    assert _order(app, {"b", "mid", "a", "slow"}) == ["slow", "mid", "a", "b"]


def test_a_page_that_fails_is_left_to_myst_nb(tmp_path: Path):
    from logreg_site.page_execution import _execute, _Page

    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("print('never runs')")],
        metadata={"kernelspec": {"name": "no-such-kernel", "display_name": "none"}},
    )
    page = _Page("failing", tmp_path / "failing.md", notebook, None)
    config = SimpleNamespace(
        execution_in_temp=True, execution_timeout=30, execution_allow_errors=False
    )
    # no exception: MyST-NB runs the page again and reports what went wrong
    assert not _execute(page, config).succeeded


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_a_build_that_fails_before_reading_does_not_wait_for_the_executions(
    tmp_path: Path,
):
    """The executions run in daemon threads: a build that stops before Sphinx reads
    (here at builder-inited, as a failing gallery example does) ends at once, and the
    kernel of a page still running ends itself when its parent is gone."""
    import subprocess
    import time

    ext = Path(__file__).resolve().parents[2] / "docs" / "_ext"
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_nb", "logreg_site.page_execution", "stops"]\n'
        'nb_execution_mode = "cache"\n'
        "nb_execution_timeout = 600\n",
        encoding="utf-8",
    )
    # once the page runs (the executions start at builder-inited, priority 499)
    (srcdir / "stops.py").write_text(
        "import pathlib, time\n\n\n"
        "def stop(app):\n"
        "    started = pathlib.Path(app.srcdir, 'started')\n"
        "    deadline = time.monotonic() + 60\n"
        "    while not started.exists() and time.monotonic() < deadline:\n"
        "        time.sleep(0.05)\n"
        "    raise RuntimeError('a gallery example failed')\n\n\n"
        "def setup(app):\n"
        "    app.connect('builder-inited', stop, priority=900)\n",
        encoding="utf-8",
    )
    slow = (Path(__file__).parent / "roots" / "page_execution" / "slow.md").read_text(
        encoding="utf-8"
    )
    front_matter = slow[: slow.index("# Slow")]
    (srcdir / "index.md").write_text(
        front_matter + "# Long\n\n```{code-cell} ipython3\nimport pathlib, time\n\n"
        "pathlib.Path('started').touch()\ntime.sleep(600)\n```\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ext), str(srcdir)])}
    command = [sys.executable, "-m", "sphinx", "-q", str(srcdir), str(tmp_path / "out")]
    # the old thread pool was joined at exit: the process then lived as long as the
    # page's sleep (600 s, within the execution timeout), and this timeout failed it
    finished = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120
    )
    assert finished.returncode != 0 and "a gallery example failed" in finished.stderr
    assert (srcdir / "started").exists(), "the page never started"
    kernels = _processes_in(srcdir)
    deadline = time.monotonic() + 30
    while kernels and time.monotonic() < deadline:
        time.sleep(0.5)
        kernels = _processes_in(srcdir)
    assert not kernels, f"a kernel outlived the build: {kernels}"


def _processes_in(folder: Path) -> list[int]:
    """The processes whose working folder is ``folder`` (Linux's /proc)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if Path(os.readlink(proc / "cwd")) == folder:
                found.append(int(proc.name))
        except OSError:
            continue
    return found
