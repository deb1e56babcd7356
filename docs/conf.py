"""Sphinx configuration of the binary-logreg tutorial site."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import binary_logreg

DOCS = Path(__file__).parent
# the site's own extension, the package logreg_site (docs/_ext/logreg_site)
sys.path.insert(0, str(DOCS / "_ext"))
from logreg_site.install_note import INSTALL_NOTE  # noqa: E402

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # for executed pages and examples

project = "binary-logreg"
author = "binary-logreg developers"
copyright = "2026, binary-logreg developers; course material by F. Schultz and S. Spors"
release = version = binary_logreg.__version__

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.viewcode",
    "numpydoc",
    "sphinx_gallery.gen_gallery",
    "sphinx_copybutton",
    "sphinx_design",
    "sphinx_codeautolink",
    "notfound.extension",
    # "Your turn" exercises: numbered exercises, solutions in dropdowns
    "sphinx_exercise",
    "sphinx_togglebutton",
    # ours: KaTeX at build time, quick checks, worksheets, downloads... (its PARTS)
    "logreg_site",
]

templates_path = ["_templates"]
exclude_patterns = [
    "_build",
    "jupyter_execute",
    "**.ipynb_checkpoints",
    "auto_examples/*.ipynb",
    "auto_examples/*.py",
    # the exercises' statements, skeletons and solutions: the pages include them
    "exercises",
]
nitpicky = True
nitpick_ignore_regex = [
    # numpydoc type descriptions are prose, not cross-references
    (
        "py:class",
        r"(array_like|array-like|ndarray|optional|default.*|float|int|str|bool)",
    ),
    ("py:class", r"keras\..*|RandomState instance.*|None"),
]

# -- MyST and MyST-NB ----------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3
nb_execution_mode = "cache"
nb_execution_raise_on_error = True
nb_execution_timeout = 600
nb_execution_show_tb = True
nb_merge_streams = True
# the pages execute while the gallery runs, as many at a time as sphinx-build has
# processes (_ext/logreg_site/page_execution.py); the longest first, so that no
# long one starts last (seconds of kernel time, 2026-12-05: 41, 20, 19, 9, 8, 8)
logreg_longest_pages_first = [
    "ours_vs_tensorflow",
    "gradient_descent",
    "minibatch",
    "metrics",
    "regularisation",
    "index",
]

# -- Math: KaTeX renders it at build time (_ext/logreg_site/katex_build.py) -----
# Equations are numbered per chapter of the tutorial, (2.1) is the first labelled
# equation of the second page, so references from the API pages are unambiguous.
numfig = True
math_numfig = True
numfig_secnum_depth = 1
html_math_renderer = "katex_build"
katex_prerender = True
# node require()s this file; package.json pins the version, `npm ci` installs it
katex_js_path = str(DOCS.parent / "node_modules" / "katex" / "dist" / "katex.min.js")
katex_css_path = "katex/katex.min.css"  # copied from the same package into _static

# -- Names in code linked to the API reference (sphinx-codeautolink) -------------
# A MyST-NB page is one notebook: a cell knows the imports of the cells above it.
# Sphinx-Gallery links the examples' code itself, so codeautolink skips the gallery
# (logreg_site.gallery_code_links). With no intersphinx nothing is fetched: links go to our API.
codeautolink_concat_default = True

# -- API reference --------------------------------------------------------------
autosummary_generate = True
autodoc_typehints = "none"
autodoc_member_order = "bysource"
numpydoc_show_class_members = False
numpydoc_xref_param_type = False
numpydoc_validation_checks: set[str] = set()

# -- Sphinx-Gallery -------------------------------------------------------------
GALLERY_DIRS = ["auto_examples"]
sphinx_gallery_conf = {
    "examples_dirs": ["../gallery"],
    "gallery_dirs": GALLERY_DIRS,
    "filename_pattern": r"/plot_",
    "ignore_pattern": r"/_",
    "doc_module": ("binary_logreg",),
    "reference_url": {"binary_logreg": None},
    "backreferences_dir": "gen_modules/backreferences",
    "matplotlib_animations": (True, "jshtml"),
    "download_all_examples": True,
    "remove_config_comments": True,
    "within_subsection_order": "FileNameSortKey",
    "show_memory": False,
    # as many examples at a time as sphinx-build has processes (-j, see noxfile.py)
    "parallel": True,
    "min_reported_time": 1,
    # the gallery scripts start with this line; their notebooks with this cell
    "first_notebook_cell": INSTALL_NOTE,
    "image_scrapers": ("matplotlib",),
    # the timing page pulls jQuery/DataTables from a CDN; the site stays offline
    "write_computation_times": False,
}

# -- HTML -----------------------------------------------------------------------
#: where the Pages workflow (.github/workflows/docs.yml) publishes the site: a
#: project site, https://<owner>.github.io/binary-logreg/. The one place that says so.
SITE_URL_PREFIX = "/binary-logreg/"
#: the hosted site's address, which the Pages workflow sets from the repository it
#: runs in (the owner is not fixed); the downloaded notebooks link to it. Unset, a
#: link in a downloaded notebook is its text alone (it names the page).
html_baseurl = os.environ.get("BINARY_LOGREG_SITE_URL", "")

html_theme = "sphinx_book_theme"
html_title = "binary-logreg"
html_favicon = "_static/favicon.svg"
html_static_path = ["_static"]
html_css_files = ["custom.css"]
html_last_updated_fmt = None
html_theme_options = {
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "show_toc_level": 2,
    "navigation_with_keys": True,
}
html_show_sourcelink = True
# light or dark follows the reader's system setting until they pick one; without
# this the theme logs "invalid theme mode" to the console on every first visit
html_context = {"default_mode": "auto"}


# -- 404 page (sphinx-notfound-page) ---------------------------------------------
# A host serves 404.html for any missing address, at any depth: its links and
# assets are absolute, under the prefix the site is published at.
notfound_urls_prefix = SITE_URL_PREFIX
notfound_context = {
    "title": "Page not found",
    "body": f"""
<h1>Page not found</h1>
<p>There is no page at this address in the binary-logreg tutorial. It may have
moved when the tutorial was reorganised.</p>
<ul>
  <li><a href="{SITE_URL_PREFIX}index.html">Start at the beginning</a> of the
  tutorial,</li>
  <li>browse the <a href="{SITE_URL_PREFIX}auto_examples/index.html">gallery of
  examples</a> or the <a href="{SITE_URL_PREFIX}api.html">API reference</a>,</li>
  <li>or <a href="{SITE_URL_PREFIX}search.html">search the site</a>.</li>
</ul>
""",
}
