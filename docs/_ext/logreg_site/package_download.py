"""The package on the site: its wheel and sdist, and what each download needs.

A reader of the hosted site downloads scripts and notebooks that ``import
binary_logreg``; this extension makes the site offer the package they import:

- when the build starts, it builds the wheel and the sdist of the checked-out
  package (``python -m build --no-isolation``: offline, with the build backend the
  docs environment has) into ``dist/`` of the HTML output;
- the role ``{package-file}`wheel``` (or ``sdist``) links a page to one of them,
  with its file name and size; the directive ``package-install`` shows shell
  commands with ``{wheel}`` and ``{sdist}`` replaced by the file names;
- every page notebook offered for download (``_sources/<page>.ipynb`` and
  ``_sources/<page>.md``) starts with :data:`INSTALL_NOTE`, the same line that
  begins each gallery script and, as its first cell, each gallery notebook
  (the constant lives in ``install_note``, which needs no Sphinx).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from .install_note import INSTALL_NOTE

#: the package the site offers: the repository's root, with its pyproject.toml
ROOT = Path(__file__).resolve().parents[3]
#: the folder of the HTML output that holds the wheel and the sdist
DIST = "dist"


def _build_package(app: Sphinx) -> None:
    """Build the wheel and the sdist into ``<outdir>/dist`` (the old ones removed)."""
    if app.builder.format != "html":
        return
    target = Path(app.outdir, DIST)
    target.mkdir(parents=True, exist_ok=True)
    for old in target.iterdir():
        old.unlink()
    # without isolation: no download of the build backend, the build stays offline
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", target]
    finished = subprocess.run(
        [*map(str, command), str(ROOT)], capture_output=True, text=True
    )
    if finished.returncode != 0:
        raise ExtensionError(
            f"building the package for download failed:\n{finished.stderr[-2000:]}"
        )
    wheels = sorted(target.glob("*.whl"))
    sdists = sorted(target.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        raise ExtensionError(f"expected one wheel and one sdist in {target}")
    app.env.package_files = {"wheel": wheels[0], "sdist": sdists[0]}


def _package_file(env, kind: str) -> Path:
    """The built wheel or sdist, as ``_build_package`` left it in the output."""
    files = getattr(env, "package_files", None)
    if files is None:
        raise ExtensionError("the package was not built (package_download)")
    if kind not in files:
        raise ExtensionError(f"unknown package file {kind!r}: use wheel or sdist")
    return files[kind]


def _kilobytes(size: int) -> str:
    return f"{size / 1000:.0f} kB"


def package_file_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    """``{package-file}`wheel```: a link to the built wheel (or sdist), with its size."""
    env = inliner.document.settings.env
    package_file = _package_file(env, text.strip())
    file_name = package_file.name
    # from the page's folder (the page's own name does not count in relative_uri)
    uri = relative_uri(env.docname, f"{DIST}/{file_name}")
    size = _kilobytes(package_file.stat().st_size)
    link = nodes.reference(rawtext, "", refuri=uri, classes=["package-download"])
    link += nodes.literal(file_name, file_name)
    return [link, nodes.Text(f" ({size})")], []


class PackageInstall(SphinxDirective):
    """Shell commands, with ``{wheel}`` and ``{sdist}`` replaced by the file names."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        names = {
            kind: _package_file(self.env, kind).name for kind in ("wheel", "sdist")
        }
        text = "\n".join(self.content).format(**names)
        block = nodes.literal_block(text, text, language="bash")
        self.set_source_info(block)
        return [block]


def _executed(app: Sphinx) -> Path:
    """Where MyST-NB writes the executed notebooks of the pages."""
    return Path(app.outdir).parent / "jupyter_execute"


def _offer_notebook_download(app, pagename, templatename, context, doctree) -> None:
    """Put each executed MyST notebook page in _sources/ as .ipynb for the download menu.

    The book theme offers ".ipynb" in its download menu when ``ipynb_source`` is set,
    but sets it itself only when launch buttons (Binder, Colab, ...) are configured.
    The copy starts with a code cell holding :data:`INSTALL_NOTE`.
    """
    executed = _executed(app) / f"{pagename}.ipynb"
    if doctree is None or not executed.exists():
        return
    notebook = json.loads(executed.read_text(encoding="utf-8"))
    note = {
        "cell_type": "code",
        "execution_count": None,
        "id": "install-note",
        "metadata": {},
        "outputs": [],
        "source": [INSTALL_NOTE],
    }
    notebook["cells"].insert(0, note)
    target = Path(app.outdir, "_sources", f"{pagename}.ipynb")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")
    context["ipynb_source"] = f"{pagename}.ipynb"


def _note_in_markdown_sources(app: Sphinx, exception: Exception | None) -> None:
    """Start each MyST notebook's downloadable ``.md`` with the install note.

    The note goes in a code cell right after the front matter, where Jupytext reads
    the first cell of the notebook.
    """
    if exception is not None or app.builder.format != "html":
        return
    executed = _executed(app)
    for notebook in sorted(executed.glob("**/*.ipynb")):
        page = notebook.relative_to(executed).with_suffix(".md")
        source = Path(app.outdir, "_sources", page)
        if not source.exists():
            continue
        text = source.read_text(encoding="utf-8")
        if INSTALL_NOTE in text:
            continue
        if not text.startswith("---\n"):
            raise ExtensionError(f"{page}: a MyST notebook without front matter")
        end = text.index("\n---\n", 4) + len("\n---\n")
        cell = f"\n```{{code-cell}} ipython3\n{INSTALL_NOTE}\n```\n"
        source.write_text(text[:end] + cell + text[end:], encoding="utf-8")


def setup(app: Sphinx) -> dict:
    # before the reader's kernel is made from the wheel (reader_kernel, 460)
    app.connect("builder-inited", _build_package, priority=450)
    app.add_role("package-file", package_file_role)
    app.add_directive("package-install", PackageInstall)
    app.connect("html-page-context", _offer_notebook_download, priority=400)
    app.connect("build-finished", _note_in_markdown_sources)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
