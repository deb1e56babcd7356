"""Links to the equations that a checker's verdict tells the reader to reread.

A checker of :mod:`binary_logreg.exercises` names equations by their labels, as
a notebook shows them ("Reread equation eq-loss"). On the pages, its verdict
(printed as HTML in ``class="bl-check"``) links each label to the equation,
numbered as the pages' ``{eq}`` references show it: "Reread equation (2.2)".
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

#: an equation label in a checker's verdict (the verdict is HTML-escaped plain text)
EQUATION_LABEL = re.compile(r"\beq-[a-z0-9]+(?:-[a-z0-9]+)*")


def _link_equations_in_verdicts(app: Sphinx, doctree: nodes.document, docname: str):
    """Link the equation labels of the checkers' verdicts (``class="bl-check"``)."""
    math = app.env.get_domain("math")

    def link(match: re.Match) -> str:
        label = match.group(0)
        reference = math.resolve_xref(
            app.env, docname, app.builder, "eq", label, None, nodes.Text(label)
        )
        if reference is None:  # a verdict may name only labels the pages define
            raise ExtensionError(
                f"{docname}: a checker's verdict names equation {label!r}, which no "
                "page defines"
            )
        # an equation of the same page gets a refid, of another page a refuri
        href = reference.get("refuri") or f"#{reference['refid']}"
        return (
            f'<a class="reference internal" href="{html.escape(href)}">'
            f"{html.escape(reference.astext())}</a>"
        )

    for raw in list(doctree.findall(nodes.raw)):
        text = raw.astext()
        if raw.get("format") == "html" and 'class="bl-check"' in text:
            raw.replace_self(
                nodes.raw("", EQUATION_LABEL.sub(link, text), format="html")
            )


def setup(app: Sphinx) -> dict:
    app.connect("doctree-resolved", _link_equations_in_verdicts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
