"""Code cells that ``:load:`` a file: a dependency of the page, inlined in downloads.

A MyST notebook's code cell may take its code from a file (MyST-NB's ``:load:``
option; the exercises' skeletons, attempts and solutions come in that way). This
extension

- makes the page depend on the files its cells load, so an incremental build
  reads it again when one changes;
- replaces each ``:load:`` in the page's downloadable ``.md`` source
  (``_sources/<page>.md``) with the code it loads: Jupytext knows no ``:load:``,
  and a reader's copy must run without the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

#: a code cell's ``:load:`` option in a MyST notebook
LOAD = re.compile(r"^:load:\s*(?P<path>\S+)\s*$", re.MULTILINE)
LOAD_CELL = re.compile(
    r"^(?P<fence>```+)\{code-cell\}(?P<info>[^\n]*)\n"
    r"(?P<options>(?::[\w-]+:[^\n]*\n)*)(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def _note_loaded_files(app: Sphinx, doctree: nodes.document) -> None:
    """The page depends on the files its cells load (an incremental build sees them)."""
    source = Path(app.env.doc2path(app.env.docname))
    if source.suffix != ".md":
        return
    for match in LOAD.finditer(source.read_text(encoding="utf-8")):
        loaded = (source.parent / match["path"]).resolve()
        if not loaded.is_file():
            raise ExtensionError(f"{source.name}: :load: {match['path']} not found")
        app.env.note_dependency(str(loaded))


def inline_loads(markdown: str, folder: Path) -> str:
    """Each ``:load:`` code cell of a MyST notebook with the code it loads."""

    def replace(match: re.Match) -> str:
        load = LOAD.search(match["options"])
        if load is None:
            return match.group(0)
        options = LOAD.sub("", match["options"]).replace("\n\n", "\n")
        code = (folder / load["path"]).read_text(encoding="utf-8").strip()
        fence = match["fence"]
        return f"{fence}{{code-cell}}{match['info']}\n{options}{code}\n{fence}"

    return LOAD_CELL.sub(replace, markdown)


def _self_contained_sources(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for docname in app.env.found_docs:
        source = Path(app.env.doc2path(docname))
        download = Path(app.outdir, "_sources", f"{docname}.md")
        if source.suffix != ".md" or not download.exists():
            continue
        text = download.read_text(encoding="utf-8")
        inlined = inline_loads(text, source.parent)
        if inlined != text:
            download.write_text(inlined, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", _note_loaded_files)
    app.connect("build-finished", _self_contained_sources)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
