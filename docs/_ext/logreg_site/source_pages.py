"""The highlighted source pages (``_modules/``) are the same whether Sphinx reads the
sources one at a time or in parallel (``sphinx-build -j N``).

``sphinx.ext.viewcode`` writes a source page for each module it noted while reading,
and drops, before each document is read, the modules that no documented object
links to. A parallel read drops them only before it forks its readers, so a module
that no documented object links to (here ``binary_logreg.exercises``) would get a
page of its own, reached by no [source] link but listed in the module index. This
part drops them once every document is read
(:func:`._private_apis.drop_unused_viewcode_modules`).
"""

from __future__ import annotations

from sphinx.application import Sphinx

from ._private_apis import drop_unused_viewcode_modules


def _as_a_serial_read_leaves_them(app: Sphinx, env) -> None:
    drop_unused_viewcode_modules(env)


def setup(app: Sphinx) -> dict:
    app.connect("env-updated", _as_a_serial_read_leaves_them)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
