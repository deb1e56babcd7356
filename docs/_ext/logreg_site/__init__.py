"""The binary-logreg site's Sphinx tooling, one extension: ``extensions = ["logreg_site"]``.

Each module does one job and registers it with its own ``setup``; this package's
:func:`setup` loads them all. A test (or another site) may load one part alone,
``extensions = ["logreg_site.quick_check"]``.

What comes from other projects' private APIs goes through :mod:`._private_apis`,
which says why and against which version each was checked. :mod:`.worksheets`,
:mod:`.install_note` and :mod:`.jupyter_markdown`'s splitting need no Sphinx build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: the parts, in the order they are set up
PARTS = (
    # math rendered by KaTeX at build time
    "katex_build",
    # the site offline, light and accessible
    "offline_animations",
    "light_images",
    "accessible_names",
    "gallery_code_links",
    "source_pages",
    # what the pages offer
    "package_download",
    # the pages executed as their downloads run: in a reader's fresh environment
    "reader_kernel",
    # the pages executed while the gallery runs, longest first
    "page_execution",
    # the page and gallery notebooks offered for download, in plain Jupyter Markdown
    "jupyter_markdown",
    "take_home",
    "playground",
    "quick_check",
    # the "Your turn" exercises
    "exercise_ids",
    "loaded_cells",
    "worksheet_links",
    "toggle_names",
    "verdict_links",
)


def setup(app: Sphinx) -> dict:
    for part in PARTS:
        app.setup_extension(f"{__name__}.{part}")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
