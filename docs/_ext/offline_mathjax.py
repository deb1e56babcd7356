"""Serve MathJax 3 from the built site itself: no CDN, no network when reading.

The MathJax files come from the ``sphinx-mathjax-offline`` wheel on PyPI (MathJax
3.2.2). Only what the ``tex-chtml`` component needs at run time is copied: the
script and its web fonts, which it loads relative to its own location.
"""

from __future__ import annotations

import shutil
from importlib.util import find_spec
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

SCRIPT = "tex-chtml.js"
FONTS = Path("output", "chtml", "fonts", "woff-v2")


def _mathjax_source() -> Path:
    spec = find_spec("sphinx-mathjax-offline")
    if spec is None or spec.origin is None:
        raise ExtensionError(
            "the package sphinx-mathjax-offline is missing; install the docs extra: "
            "pip install -e '.[docs]'"
        )
    return Path(spec.origin).parent / "static" / "mathjax"


def _copy_mathjax(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    source = _mathjax_source()
    target = Path(app.outdir, "_static", "mathjax")
    if not (target / SCRIPT).exists():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / SCRIPT, target / SCRIPT)
        shutil.copytree(source / FONTS, target / FONTS, dirs_exist_ok=True)


def setup(app: Sphinx) -> dict:
    _mathjax_source()  # fail early, with a clear message, if the files are missing
    app.connect("build-finished", _copy_mathjax)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
