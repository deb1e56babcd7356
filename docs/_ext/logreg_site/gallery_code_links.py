"""Sphinx-Gallery links the names in its examples itself: codeautolink skips them.

Both sphinx-codeautolink and Sphinx-Gallery link the names in code to the API
reference; both rewriting the same code block fails ("Could not match
transformation"). The gallery's pages (under ``sphinx_gallery_conf``'s
``gallery_dirs``) are left to Sphinx-Gallery.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ._private_apis import skip_code_links


def _leave_gallery_code_to_sphinx_gallery(app: Sphinx, doctree: nodes.document):
    gallery_conf = getattr(app.config, "sphinx_gallery_conf", None) or {}
    docname = app.env.docname
    if any(
        docname.startswith(f"{gallery}/")
        for gallery in gallery_conf.get("gallery_dirs", [])
    ):
        skip_code_links(doctree)


def setup(app: Sphinx) -> dict:
    # before sphinx-codeautolink reads the code blocks (its priority: 490)
    app.connect("doctree-read", _leave_gallery_code_to_sphinx_gallery, priority=480)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
