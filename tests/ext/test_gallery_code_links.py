"""Sphinx-Gallery's pages are left to it: sphinx-codeautolink skips them."""

from __future__ import annotations

from types import SimpleNamespace

from docutils.utils import new_document
from logreg_site import gallery_code_links
from sphinx_codeautolink.extension.directive import SkipMarker


def _read(docname: str):
    app = SimpleNamespace(
        config=SimpleNamespace(sphinx_gallery_conf={"gallery_dirs": ["auto_examples"]}),
        env=SimpleNamespace(docname=docname),
    )
    doctree = new_document(docname)
    gallery_code_links._leave_gallery_code_to_sphinx_gallery(app, doctree)
    return doctree


def test_a_gallery_page_is_skipped_whole():
    doctree = _read("auto_examples/plot_divergence")
    markers = list(doctree.findall(SkipMarker))
    assert len(markers) == 1 and markers[0] is doctree[0]
    assert markers[0].level == "file"  # the whole document, not the next block


def test_a_page_of_ours_is_not():
    assert not list(_read("model").findall(SkipMarker))
