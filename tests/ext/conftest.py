"""Fixtures of the extension tests: small Sphinx projects, built once per module.

Each test root under ``roots/`` is a tiny Sphinx project that loads one or a few
parts of the site's extension (``docs/_ext/logreg_site``, on pytest's pythonpath).
A module builds its root once, with Sphinx's own test application
(``sphinx.testing.util.SphinxTestApp``), in a temporary copy; its tests read the
output. No full docs build is involved.
"""

from __future__ import annotations

import importlib.util
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOTS = Path(__file__).parent / "roots"
#: what these tests import: pyproject's site-tooling group (and what it brings, as
#: Beautiful Soup) and the plot extra's Matplotlib; ``nox -s lowest`` installs the
#: package's tests only
SITE_TOOLING = (
    "matplotlib",
    "sphinx",
    "docutils",
    "myst_nb",
    "pylatexenc",
    "PIL",
    "bs4",
    "sphinx_codeautolink",
    "sphinx_exercise",
    "sphinx_togglebutton",
    "sphinx_markdown_builder",
)
_missing = [name for name in SITE_TOOLING if importlib.util.find_spec(name) is None]
if _missing:
    pytest.skip(
        f"the extension tests need the site-tooling group: {', '.join(_missing)} "
        "not installed",
        allow_module_level=True,
    )


@dataclass(frozen=True)
class Built:
    """A test root built to HTML: its output folder, warnings and source folder."""

    html: Path
    warnings: str
    srcdir: Path
    #: the files each document depends on, as the environment noted them
    dependencies: dict[str, set[str]]
    #: what the build logged besides its warnings
    status: str = ""

    def page(self, name: str) -> str:
        return (self.html / f"{name}.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def build_root(tmp_path_factory: pytest.TempPathFactory):
    """``build_root(name)``: ``roots/<name>`` copied to a temporary folder, built
    (``parallel=N``: in N processes, as ``sphinx-build -j N``)."""
    return lambda name, parallel=0: _build(name, tmp_path_factory, parallel)


def _build(
    name: str, tmp_path_factory: pytest.TempPathFactory, parallel: int = 0
) -> Built:
    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path_factory.mktemp(name) / "src"
    shutil.copytree(ROOTS / name, srcdir)
    warnings, status = io.StringIO(), io.StringIO()
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        status=status,
        warning=warnings,
        freshenv=True,
        parallel=parallel,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    dependencies = {
        docname: {str(path) for path in paths}
        for docname, paths in app.env.dependencies.items()
    }
    return Built(
        Path(app.outdir),
        warnings.getvalue(),
        srcdir,
        dependencies,
        status.getvalue(),
    )
