"""Math rendered to HTML by KaTeX at build time: strict, offline, numbered.

``sphinxcontrib-katex`` with ``katex_prerender = True`` runs KaTeX in node during
the build, so a page carries its math as HTML and loads no script for it. This
extension adds what the site needs on top:

- a formula KaTeX cannot parse is a Sphinx warning with its page and line (a ``-W``
  build fails), not red error text on the page: ``sphinxcontrib-katex`` renders with
  ``throwOnError: false`` whatever ``katex_options`` says;
- KaTeX's stylesheet and fonts are served from ``_static/katex/``, copied from the
  same npm package whose ``katex.min.js`` renders the math (``npm ci`` at the
  repository root installs it; the nox sessions do), instead of from a CDN.

Equation numbers and ``{eq}`` references work as with Sphinx's own renderers
(``math_numfig``: per chapter).

The build may write pages in parallel (``sphinx-build -j N``): the render server
starts in the main process once the sources are read, and each process Sphinx
forks to write pages talks to it through a connection of its own
(:func:`._private_apis.katex_connection_of_this_process`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.locale import _
from sphinx.util import logging
from sphinxcontrib import katex

from ._private_apis import katex_connection_of_this_process, start_katex_server

logger = logging.getLogger(__name__)

RENDERER = "katex_build"
#: where the stylesheet and its fonts go, under the site's _static/
STATIC = "katex"
#: options for every formula (https://katex.org/docs/options): parse errors and
#: LaTeX that KaTeX only half-supports are errors, not coloured text or a console note
OPTIONS = {"throwOnError": True, "strict": "error", "output": "htmlAndMathml"}


def _render(node: nodes.Element, latex: str, *, display: bool) -> str:
    katex_connection_of_this_process()
    try:
        return katex.render_latex(latex, {**OPTIONS, "displayMode": display})
    except katex.KaTeXError as error:
        logger.warning(
            "KaTeX cannot render %r: %s",
            latex,
            error,
            location=node,
            type="katex",
            subtype="render",
        )
        # Keep building (--keep-going reports every formula); the page shows
        # KaTeX's own error rendering, which the site test also refuses.
        return katex.render_latex(
            latex, {"displayMode": display, "throwOnError": False}
        )


def visit_math(self, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="math"))
    self.body.append(_render(node, katex.get_latex(node), display=False))
    self.body.append("</span>")
    raise nodes.SkipNode


def visit_displaymath(self, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", CLASS="math"))
    if node["number"]:
        number = katex.get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, _("Permalink to this equation"))
        self.body.append("</span>")
    self.body.append(_render(node, katex.get_latex(node), display=True))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def _katex_dist(app: Sphinx) -> Path:
    script = Path(app.config.katex_js_path)
    if not script.is_absolute() or not script.is_file():
        raise ExtensionError(
            f"katex_js_path must be the absolute path of KaTeX's katex.min.js; "
            f"{script} is missing: run `npm ci` in the repository root "
            "(nox -s docs does it)"
        )
    return script.parent


def _start_server(app: Sphinx, env) -> None:
    """Start the render server in the main process, before Sphinx forks writers."""
    if app.builder.format == "html":
        start_katex_server()
        katex.render_latex("x", OPTIONS)
        katex_connection_of_this_process()


def _check_config(app: Sphinx, config) -> None:
    if config.html_math_renderer != RENDERER:
        raise ExtensionError(f"set html_math_renderer = {RENDERER!r} in conf.py")
    if not config.katex_prerender:
        raise ExtensionError("set katex_prerender = True in conf.py")
    expected = f"{STATIC}/katex.min.css"
    if config.katex_css_path != expected:
        raise ExtensionError(f"set katex_css_path = {expected!r} (served from _static)")
    _katex_dist(app)


def _copy_stylesheet_and_fonts(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    dist = _katex_dist(app)
    target = Path(app.outdir, "_static", STATIC)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(dist / "katex.min.css", target / "katex.min.css")
    # the stylesheet loads fonts/KaTeX_*.woff2 (woff and ttf as fallbacks)
    shutil.copytree(dist / "fonts", target / "fonts", dirs_exist_ok=True)


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinxcontrib.katex")
    app.add_html_math_renderer(
        RENDERER,
        inline_renderers=(visit_math, None),
        block_renderers=(visit_displaymath, None),
    )
    app.connect("config-inited", _check_config)
    app.connect("env-updated", _start_server)
    app.connect("build-finished", _copy_stylesheet_and_fonts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
