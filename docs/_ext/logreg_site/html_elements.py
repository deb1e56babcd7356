"""HTML elements as docutils nodes: a tag, its attributes, its children inside.

The quick checks are forms (fieldset, radio buttons, a live region) whose parts
hold normally parsed MyST (math, links): :func:`element` makes one such element,
and the HTML writer writes it out as the tag with its attributes. Other builders
skip it (the site is HTML only).
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.application import Sphinx


class html_element(nodes.General, nodes.Element):
    """One HTML element: ``tag`` with ``attrs``, its children inside."""


class html_text_element(nodes.TextElement):
    """An HTML element that holds inline content (links need a TextElement)."""


#: the tags that hold inline content
INLINE_CONTENT = {"p", "legend", "label", "summary", "strong", "span", "button"}
#: the tags without a closing tag
VOID = {"input", "br"}


def element(tag: str, *children: nodes.Node, **attrs: str | None) -> nodes.Element:
    """``<tag attrs>children</tag>``; ``class_="x"`` gives ``class="x"``, ``data_x``
    gives ``data-x``, ``""`` an attribute without value, ``None`` none at all."""
    # TextElement's second argument is its text: children go in afterwards
    node = html_text_element() if tag in INLINE_CONTENT else html_element()
    node.extend(children)
    node["tag"] = tag
    node["attrs"] = {key.rstrip("_").replace("_", "-"): v for key, v in attrs.items()}
    return node


def visit_element(self, node: nodes.Element) -> None:
    attrs = "".join(
        f" {key}" if value == "" else f' {key}="{html.escape(value)}"'
        for key, value in node["attrs"].items()
        if value is not None
    )
    self.body.append(f"<{node['tag']}{attrs}>")
    if node["tag"] in VOID:
        raise nodes.SkipNode


def depart_element(self, node: nodes.Element) -> None:
    self.body.append(f"</{node['tag']}>")


def _skip(self, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict:
    for node in (html_element, html_text_element):
        app.add_node(
            node,
            html=(visit_element, depart_element),
            latex=(_skip, None),
            text=(_skip, None),
            man=(_skip, None),
            texinfo=(_skip, None),
        )
    return {"parallel_read_safe": True, "parallel_write_safe": True}
