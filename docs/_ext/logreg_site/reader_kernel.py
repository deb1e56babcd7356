"""The pages execute as their downloads do: in a reader's fresh environment.

A reader runs a downloaded page notebook with the wheel the site offers and its
``tutorial`` extra, and a Jupyter kernel. With ``logreg_execute_as_reader`` on
(``nox -s site`` sets it), the build makes that environment from the wheel
:mod:`package_download` has just built, at the lock file's versions, in
``<build>/reader/venv``, and makes it the ``python3`` kernel every page executes in
(a kernelspec first on ``JUPYTER_PATH``), each in an empty temporary folder and
from scratch: their execution cache, ``<build>/reader/executed``, goes with the
folder at the start of every build. Its record, ``<build>/reader/environment.json``,
tells the download tests that each page notebook has run there once, so they do not
run it again. Off (``nox -s docs``), the pages execute in the docs environment and
the record is removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError

#: the lock file: every version a session installs, the reader's included
LOCK = Path(__file__).resolve().parents[3] / "constraints.txt"
#: a reader's Jupyter, to run a notebook
JUPYTER = ("ipykernel", "nbclient", "nbformat")


def reader_folder(outdir: str | Path) -> Path:
    """Where the build keeps the reader's environment and its record."""
    return Path(outdir).parent / "reader"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fresh_environment(folder: Path, wheel: Path, extra: str) -> Path:
    """The Python of a new virtual environment in ``folder`` with ``wheel`` (and its
    ``extra``: "[tutorial]", or "" for the package alone) and a Jupyter kernel, each
    at the version the lock file pins. uv makes it where it is installed (seconds,
    from its cache), pip otherwise."""
    venv = folder / "venv"
    python = venv / "bin" / "python"
    requirements = [f"{wheel}{extra}", *JUPYTER, "--constraint", str(LOCK)]
    uv = shutil.which("uv")
    if uv:
        create = [uv, "venv", "--quiet", "--python", sys.executable, str(venv)]
        install = [uv, "pip", "install", "--quiet", "--python", str(python)]
    else:
        create = [sys.executable, "-m", "venv", str(venv)]
        install = [str(python), "-m", "pip", "install", "--quiet"]
    for command in (create, [*install, *requirements]):
        finished = subprocess.run(command, capture_output=True, text=True, cwd=folder)
        if finished.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} failed:\n{finished.stderr[-3000:]}"
            )
    return python


def _execute_in_temporary_folders(app: Sphinx, config: Config) -> None:
    """Each page from scratch, in an empty folder, as a download runs: the execution
    cache is the reader folder's, which each build starts without."""
    if config.logreg_execute_as_reader:
        config.nb_execution_mode = "cache"
        config.nb_execution_cache_path = str(reader_folder(app.outdir) / "executed")
        config.nb_execution_in_temp = True


def _make_the_reader_kernel(app: Sphinx) -> None:
    """The reader's environment from the site's wheel, as the ``python3`` kernel."""
    folder = reader_folder(app.outdir)
    shutil.rmtree(folder, ignore_errors=True)
    if not app.config.logreg_execute_as_reader or app.builder.format != "html":
        return
    wheel = app.env.package_files["wheel"]
    folder.mkdir(parents=True)
    try:
        python = fresh_environment(folder, wheel, "[tutorial]")
    except RuntimeError as error:
        raise ExtensionError(f"the reader's environment: {error}") from error
    spec = folder / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    kernel = {
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (a reader's environment)",
        "language": "python",
    }
    (spec / "kernel.json").write_text(json.dumps(kernel, indent=1) + "\n")
    paths = [str(folder / "jupyter"), os.environ.get("JUPYTER_PATH", "")]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, paths))
    from jupyter_client.kernelspec import KernelSpecManager

    found = KernelSpecManager().get_kernel_spec("python3").argv[0]
    if found != str(python):
        raise ExtensionError(
            f"the python3 kernel is {found}, not the reader's {python}"
        )
    record = {"python": str(python), "wheel": wheel.name, "sha256": sha256(wheel)}
    (folder / "environment.json").write_text(json.dumps(record, indent=1) + "\n")


def setup(app: Sphinx) -> dict:
    app.add_config_value("logreg_execute_as_reader", False, "env", bool)
    # before MyST-NB reads its configuration (priority 500)
    app.connect("config-inited", _execute_in_temporary_folders, priority=100)
    # after package_download has built the wheel (450), before the pages start
    # executing (page_execution, 499)
    app.connect("builder-inited", _make_the_reader_kernel, priority=460)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
