"""Keep Matplotlib's embedded animations offline.

Matplotlib's ``to_jshtml`` player (used by Sphinx-Gallery for animations) links
Font Awesome 4 from a CDN for its button icons. The theme already serves Font
Awesome from the build (its script draws ``<i class="fa fa-play">`` icons too),
so the CDN link is dropped from every page body: the site makes no request
outside its own folder and the buttons keep their icons.
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx

CDN_STYLESHEET = re.compile(
    r"<link\s+rel=\"stylesheet\"\s+href=\"https://maxcdn\.bootstrapcdn\.com/"
    r"font-awesome/[^\"]*\">\s*"
)


def _drop_cdn_stylesheet(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree
) -> None:
    body = context.get("body")
    if body and "maxcdn.bootstrapcdn.com" in body:
        context["body"] = CDN_STYLESHEET.sub("", body)


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _drop_cdn_stylesheet)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
