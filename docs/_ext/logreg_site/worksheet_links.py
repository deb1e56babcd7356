"""The worksheets on the site: written into ``worksheets/``, linked by a role.

When an HTML build starts, :func:`logreg_site.worksheets.write_worksheets` writes
one notebook per chapter into ``worksheets/`` of the output; the role
``{worksheet}`page``` links a page to its chapter's worksheet, as a download.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from . import worksheets


def _write_worksheets(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    worksheets.write_worksheets(Path(app.outdir, worksheets.FOLDER))


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
    app.connect("builder-inited", _write_worksheets)
    app.add_role("worksheet", worksheet_role)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
