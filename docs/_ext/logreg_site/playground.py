"""The gradient-descent playground: the widget's data, exported and embedded at build time.

A page shows the playground with the directive (MyST)::

    ```{playground}
    ```

Its data come from the package, once per build:
:func:`binary_logreg.playground_data` gives the first 500 training samples of the
course data, the step-size bound 2/β of :func:`binary_logreg.step_size_limit` and
the minimum of the cost on them. The directive embeds them in the page as
``<script type="application/json" id="blpg-data">``, and the build writes them to
``_static/playground/data.json`` as well, for download and for the tests. Chromium
refuses to ``fetch`` a file over ``file://``, so the widget reads the embedded copy:
the built site works from its folder as well as from a server.

The widget itself is ``_static/playground/playground.js``, a classic script (no ES
module, which ``file://`` also refuses), and ``playground.css``; both are added to
the pages that show the playground, and only to them.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

#: where the data land in the built site, next to the widget's script
DATA_FILE = "_static/playground/data.json"
SCRIPT = "playground/playground.js"
STYLESHEET = "playground/playground.css"


class playground_node(nodes.General, nodes.Element):
    """Where the widget goes; HTML writes it out with the data."""


class PlaygroundDirective(SphinxDirective):
    """``{playground}``: the widget, with a message for readers without JavaScript."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        if any(True for _ in self.state.document.findall(playground_node)):
            raise self.error("a page can show the playground once (its ids are fixed)")
        return [playground_node()]


@functools.cache
def _data_json() -> str:
    """The playground's data as compact JSON, computed once per process."""
    from binary_logreg import playground_data

    return json.dumps(playground_data(), separators=(",", ":"))


def visit_playground_html(translator, node: playground_node) -> None:
    builder = translator.builder
    data = _data_json()
    to_root = "../" * builder.current_docname.count("/")
    translator.body.append(
        '<div class="blpg" id="blpg">\n'
        '<p class="blpg-noscript">The playground trains the model in your browser '
        "and needs JavaScript, which is turned off.</p>\n"
        "</div>\n"
        '<p class="blpg-download">The playground\'s data (the samples, 2/β and the '
        f'minimum) as JSON: <a href="{to_root}{DATA_FILE}" download>data.json</a></p>\n'
        # numbers only: nothing in the JSON can close the script element
        f'<script type="application/json" id="blpg-data">{data}</script>\n'
    )
    raise nodes.SkipNode


def _skip(translator, node: playground_node) -> None:
    raise nodes.SkipNode


def _add_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree
) -> None:
    """Load the widget's script and stylesheet on the pages that show it."""
    if doctree is not None and doctree.next_node(playground_node) is not None:
        app.add_js_file(SCRIPT, defer="defer")
        app.add_css_file(STYLESHEET)


def _write_data_file(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir, DATA_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_data_json() + "\n", encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.add_node(
        playground_node,
        html=(visit_playground_html, None),
        latex=(_skip, None),
        text=(_skip, None),
        man=(_skip, None),
        texinfo=(_skip, None),
    )
    app.add_directive("playground", PlaygroundDirective)
    app.connect("html-page-context", _add_assets)
    app.connect("build-finished", _write_data_file)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
