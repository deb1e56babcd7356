"""The worksheets on the site: written into ``worksheets/``, linked by a role.

When an HTML build ends, :func:`logreg_site.worksheets.write_worksheets` writes
one notebook per chapter (of those whose page the project has) into
``worksheets/`` of the output, with the equations its
exercises name, numbered as on the site and linked under ``html_baseurl``; the role
``{worksheet}`page``` links a page to its chapter's worksheet, as a download.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.osutil import relative_uri

from . import worksheets


def _chapters_built(app: Sphinx) -> tuple[worksheets.Chapter, ...]:
    """The chapters whose page this project has (all of them on the site)."""
    return tuple(
        chapter for chapter in worksheets.CHAPTERS if chapter.page in app.env.found_docs
    )


def _site_equations(app: Sphinx) -> dict[str, worksheets.Equation]:
    """Every equation a worksheet names: its number, formula, page and address."""
    math = app.env.get_domain("math")
    base_url = app.config.html_baseurl.rstrip("/")
    equations = {}
    for chapter in _chapters_built(app):
        for exercise in chapter.exercises:
            for label in worksheets.named_equations(exercise.statement):
                if label not in math.equations:
                    raise ExtensionError(
                        f"the worksheet of {chapter.page!r} names equation {label!r}, "
                        "which no page defines"
                    )
                docname = math.equations[label][0]
                # the number as the pages' {eq} references show it, and the address
                reference = math.resolve_xref(
                    app.env, "index", app.builder, "eq", label, None, nodes.Text("")
                )
                block = next(
                    node
                    for node in app.env.get_doctree(docname).findall(nodes.math_block)
                    if node.get("label") == label
                )
                equations[label] = worksheets.Equation(
                    number=reference.astext().strip("()"),
                    tex=block.astext().strip(),
                    page=app.env.titles[docname].astext(),
                    url=f"{base_url}/{reference['refuri']}" if base_url else "",
                )
    return equations


def _write_worksheets(app: Sphinx, exception: Exception | None) -> None:
    """The worksheets, once the equations they write out have their numbers."""
    if exception is not None or app.builder.format != "html":
        return
    worksheets.write_worksheets(
        Path(app.outdir, worksheets.FOLDER), _site_equations(app), _chapters_built(app)
    )


def worksheet_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    """``{worksheet}`model```: a download link to the worksheet of the page model."""
    env = inliner.document.settings.env
    chapters = {chapter.page: chapter for chapter in worksheets.CHAPTERS}
    chapter = chapters.get(text.strip())
    if chapter is None:
        message = inliner.reporter.error(
            f"no worksheet for the page {text!r}: add it to CHAPTERS in "
            "docs/_ext/logreg_site/worksheets.py",
            line=lineno,
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    # from the page's folder (the page's own name does not count in relative_uri)
    uri = relative_uri(env.docname, f"{worksheets.FOLDER}/{chapter.worksheet}")
    html = (
        f'<a class="reference download worksheet-download" href="{uri}" '
        f'download="{chapter.worksheet}"><code class="docutils literal notranslate">'
        f'<span class="pre">{chapter.worksheet}</span></code></a>'
    )
    return [nodes.raw(rawtext, html, format="html")], []


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", _write_worksheets)
    app.add_role("worksheet", worksheet_role)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
