"""What a reader downloads from the site runs, with only what the site offers.

A fresh virtual environment gets the wheel fetched from the served site, with the
``tutorial`` extra and a Jupyter kernel (the reader's Jupyter), each at the version
the lock file pins. It runs a downloaded gallery script, and executes every
downloaded gallery notebook top to bottom in that environment's kernel, from an
empty namespace, in an empty folder, with the repository out of reach
(:class:`NotebookKernel`). The page notebooks run once: ``nox -s site``
builds the site with each page executed in that environment, made from the wheel
the site offers (``logreg_site.reader_kernel``), and the download holds the cells
the build ran (``test_take_home``); after another build they run here.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import subprocess
import tarfile
import zipfile
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen

import pytest
from notebook_kernel import NotebookKernel, notebook_kernel

ROOT = Path(__file__).resolve().parents[2]

from logreg_site import reader_kernel  # noqa: E402 (docs/_ext)
from logreg_site.install_note import INSTALL_NOTE, WORKSHEET_NOTE  # noqa: E402

#: the example the install test runs as a script, as a reader would: it needs
#: scikit-learn and Matplotlib (the Keras example runs as a notebook, below; running
#: it twice would train the same Keras model twice)
EXAMPLE = "plot_estimator_sklearn.py"


def _fetch(url: str, folder: Path) -> Path:
    target = folder / url.rsplit("/", 1)[-1]
    with urlopen(url, timeout=60) as response:
        assert response.status == 200, f"{url}: HTTP {response.status}"
        target.write_bytes(response.read())
    return target


def _reader_environment() -> dict[str, str]:
    """The environment of a reader's shell: nothing of the repository or the test.

    Except where Python keeps its bytecode (``PYTHONPYCACHEPREFIX``, which nox sets):
    the build compiled the reader's environment there when it executed the pages,
    and without it every worker's first notebooks compiled NumPy, scikit-learn,
    Matplotlib and TensorFlow from source again (Python checks each file against
    its source: nothing of the repository can come in that way).
    """
    keep = {"PATH", "HOME", "LANG", "TMPDIR", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"}
    keep |= {"PYTHONPYCACHEPREFIX"}
    env = {name: value for name, value in os.environ.items() if name in keep}
    env |= {"MPLBACKEND": "Agg", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONNOUSERSITE": "1"}
    return env


def hrefs(html: Path) -> list[str]:
    """Every href of a built page, in order (test_site reads them too)."""
    return re.findall(r'href="([^"]+)"', html.read_text(encoding="utf-8"))


# -- the package on the site ------------------------------------------------------


def test_the_front_page_offers_the_wheel_and_the_sdist(site_root: Path):
    links = hrefs(site_root / "index.html")
    wheels = [link for link in links if link.endswith(".whl")]
    sdists = [link for link in links if link.endswith(".tar.gz")]
    assert len(set(wheels)) == 1 and len(set(sdists)) == 1, (wheels, sdists)
    wheel = site_root / wheels[0]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(name for name in names if name.endswith("/METADATA"))
        text = archive.read(metadata).decode()
    assert {"binary_logreg/__init__.py", "binary_logreg/tutorial.mplstyle"} <= names
    assert "Provides-Extra: tutorial" in text
    with tarfile.open(site_root / sdists[0]) as archive:
        members = archive.getnames()
    assert any(name.endswith("/pyproject.toml") for name in members)
    assert any(name.endswith("/src/binary_logreg/training.py") for name in members)
    # the install command on the page names the file the link points to
    page = (site_root / "index.html").read_text(encoding="utf-8")
    assert f"{Path(wheels[0]).name}[tutorial]" in page
    gallery = (site_root / "auto_examples" / "index.html").read_text(encoding="utf-8")
    assert f"{Path(wheels[0]).name}[tutorial]" in gallery


def test_every_download_starts_with_what_it_needs(site_root: Path):
    scripts = sorted(site_root.glob("_downloads/*/plot_*.py"))
    notebooks = sorted(site_root.glob("_downloads/*/plot_*.ipynb"))
    pages = [site_root / "_sources" / name for name in PAGE_NOTEBOOKS]
    worksheets = sorted(site_root.glob("worksheets/*.ipynb"))
    assert len(scripts) >= 5 and len(notebooks) == len(scripts), (scripts, notebooks)
    assert len(worksheets) == len(WORKSHEETS), worksheets
    assert len(PAGE_NOTEBOOKS) >= 8, PAGE_NOTEBOOKS
    for script in scripts:
        first = script.read_text(encoding="utf-8").splitlines()[0]
        assert first == INSTALL_NOTE, script.name
    for notebook in [*notebooks, *pages, *worksheets]:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        first = cells[0]
        source = "".join(first["source"]).strip()
        # a worksheet needs the package alone (its own test runs it so)
        note = WORKSHEET_NOTE if notebook in worksheets else INSTALL_NOTE
        assert (first["cell_type"], source) == ("code", note), notebook.name
    for page in pages:
        markdown = page.with_suffix(".md").read_text(encoding="utf-8")
        # self-contained: the cells that :load: a file hold its code instead
        assert ":load:" not in markdown, page.with_suffix(".md").name
        after_front_matter = markdown.split("\n---\n", 1)[1].lstrip()
        assert after_front_matter.startswith(
            f"```{{code-cell}} ipython3\n{INSTALL_NOTE}\n```"
        ), page.with_suffix(".md").name
    for archive_path in site_root.glob("_downloads/*/*.zip"):
        with zipfile.ZipFile(archive_path) as archive:
            for name in archive.namelist():
                if name.endswith(".py"):
                    first = archive.read(name).decode().splitlines()[0]
                    assert first == INSTALL_NOTE, f"{archive_path.name}: {name}"


# -- a reader's fresh environment ---------------------------------------------------


def _served_wheel(site_root: Path, base_url: str, folder: Path) -> Path:
    """The wheel the front page offers, fetched from the server into ``folder``."""
    href = next(
        link for link in hrefs(site_root / "index.html") if link.endswith(".whl")
    )
    return _fetch(urljoin(base_url, href), folder)


def _imports_from_its_environment(python: Path) -> Path:
    """``python`` imports the package from its own environment, in a reader's shell."""
    venv = python.parents[1]
    where = subprocess.run(
        [str(python), "-c", "import binary_logreg; print(binary_logreg.__file__)"],
        capture_output=True,
        text=True,
        cwd=venv,
        env=_reader_environment(),
        check=True,
    ).stdout
    assert Path(where.strip()).is_relative_to(venv), f"imported from {where}"
    return python


def fresh_environment(folder: Path, site_root: Path, base_url: str, extra: str) -> Path:
    """The Python of a fresh environment in ``folder`` with the wheel from the site
    (``extra``: "[tutorial]", or "" for the package alone) and a Jupyter kernel, each
    at the version the lock file pins (``reader_kernel.fresh_environment``)."""
    wheel = _served_wheel(site_root, base_url, folder)
    try:
        python = reader_kernel.fresh_environment(folder, wheel, extra)
    except RuntimeError as error:
        pytest.fail(str(error))
    return _imports_from_its_environment(python)


def _readers_kernel(site_root: Path, base_url: str, folder: Path) -> Path | None:
    """The Python the build executed the pages in, if it made a reader's environment
    (``reader_kernel``) from the very wheel the site serves; else None."""
    record = reader_kernel.reader_folder(site_root) / "environment.json"
    if not record.exists():
        return None
    made = json.loads(record.read_text(encoding="utf-8"))
    served = _served_wheel(site_root, base_url, folder)
    assert (served.name, reader_kernel.sha256(served)) == (
        made["wheel"],
        made["sha256"],
    )
    return _imports_from_its_environment(Path(made["python"]))


def shared_environment(
    tmp_path_factory, worker_id: str, site_root: Path, base_url: str, extra: str
) -> Path:
    """:func:`fresh_environment` made once per run, whatever the number of workers.

    Under pytest-xdist the first worker to get here makes it in the run's temporary
    folder, which the workers share, and the others wait for it and use it.
    """
    name = f"reader{extra.strip('[]') and '-' + extra.strip('[]')}"
    if worker_id == "master":  # no xdist
        return fresh_environment(
            tmp_path_factory.mktemp(name), site_root, base_url, extra
        )
    shared = tmp_path_factory.getbasetemp().parent / name
    shared.mkdir(exist_ok=True)
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = shared / "made"
        if not made.exists():
            fresh_environment(shared, site_root, base_url, extra)
            made.touch()
    return shared / "venv" / "bin" / "python"


@pytest.fixture(scope="session")
def built_readers_python(tmp_path_factory, site_root: Path, base_url: str):
    """The reader's environment the build executed the pages in, or None."""
    return _readers_kernel(site_root, base_url, tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def reader_python(
    tmp_path_factory,
    worker_id: str,
    site_root: Path,
    base_url: str,
    built_readers_python,
) -> Path:
    """A fresh environment with the package and its tutorial extra, and Jupyter: the
    one the build executed the pages in, if it made one, else a new one."""
    return built_readers_python or shared_environment(
        tmp_path_factory, worker_id, site_root, base_url, "[tutorial]"
    )


def _run(command: list[str], folder: Path, timeout: int = 900) -> None:
    finished = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=folder,
        env=_reader_environment(),
        timeout=timeout,
    )
    assert finished.returncode == 0, (
        f"{' '.join(map(str, command))} failed:\n{finished.stderr[-4000:]}"
    )


@pytest.fixture(scope="session")
def reader_notebooks(reader_python: Path, tmp_path_factory):
    """This worker's kernel in the environment with the package's tutorial extra."""
    yield from notebook_kernel(
        reader_python, tmp_path_factory.mktemp("kernel"), _reader_environment()
    )


def test_a_downloaded_example_runs(
    reader_python: Path, site_root: Path, base_url: str, tmp_path: Path
):
    page = site_root / "auto_examples" / EXAMPLE.replace(".py", ".html")
    href = next(link for link in hrefs(page) if link.endswith(f"/{EXAMPLE}"))
    script = _fetch(urljoin(f"{base_url}auto_examples/", href), tmp_path)
    _run([str(reader_python), script.name], tmp_path)


#: every gallery example; the site offers each as a script and as a notebook
EXAMPLES = sorted(path.stem for path in (ROOT / "gallery").glob("plot_*.py"))


@pytest.mark.parametrize("example", EXAMPLES)
def test_a_downloaded_example_notebook_runs(
    reader_notebooks: NotebookKernel,
    example: str,
    site_root: Path,
    base_url: str,
    tmp_path: Path,
):
    page = site_root / "auto_examples" / f"{example}.html"
    href = next(link for link in hrefs(page) if link.endswith(f"/{example}.ipynb"))
    reader_notebooks.run_file(
        _fetch(urljoin(f"{base_url}auto_examples/", href), tmp_path)
    )


#: every page written as a MyST notebook; the site must offer each one as .ipynb
PAGE_NOTEBOOKS = sorted(
    f"{path.stem}.ipynb"
    for path in (ROOT / "docs").glob("*.md")
    if "\nkernelspec:" in path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
)


def _executed_in_the_build(site_root: Path, page_notebook: str) -> dict:
    """The page notebook as the build ran it: from the reader's execution cache,
    which each build starts without (``reader_kernel``), or, for a page MyST-NB
    always executes (``execution_mode: force``), as MyST-NB wrote it after the run
    (from the cache it writes the notebook without its outputs)."""
    from jupyter_cache import get_cache

    cache = get_cache(reader_kernel.reader_folder(site_root) / "executed")
    page = page_notebook.removesuffix(".ipynb")
    for record in cache.list_cache_records():
        if Path(record.uri).stem == page:
            return cache.get_cache_bundle(record.pk).nb
    executed = site_root.parent / "jupyter_execute" / page_notebook
    return json.loads(executed.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page_notebook", PAGE_NOTEBOOKS)
def test_a_downloaded_page_notebook_runs(
    built_readers_python,
    request,
    page_notebook: str,
    site_root: Path,
    base_url: str,
    tmp_path: Path,
):
    """Each page notebook runs once. Where the build executed the pages in the
    reader's environment (``nox -s site``), that run counts, and
    ``test_take_home`` checks that the download holds the cells it ran; else the
    download runs here."""
    if built_readers_python:
        cells = _executed_in_the_build(site_root, page_notebook)["cells"]
        code = [cell for cell in cells if cell["cell_type"] == "code"]
        assert code and all(cell["execution_count"] for cell in code), page_notebook
        return
    kernel = request.getfixturevalue("reader_notebooks")
    kernel.run_file(_fetch(f"{base_url}_sources/{page_notebook}", tmp_path))


#: the worksheets of the "Your turn" exercises, one per chapter with exercises
from logreg_site import worksheets as make_worksheets  # noqa: E402

WORKSHEETS = sorted(chapter.worksheet for chapter in make_worksheets.CHAPTERS)
