"""A resolved page as plain Jupyter Markdown: the text cells of the notebooks we offer.

What a reader downloads is opened in JupyterLab, Notebook 7 or VS Code, which know
CommonMark with ``$…$`` and ``$$…$$`` math and some HTML, not MyST or reST. The text
of a downloaded notebook is therefore written from the page's doctree once Sphinx has
resolved it: glue values are written in, included files inlined, ``{eq}`` references
read "(2.3)" as on the site. sphinx-markdown-builder's translator writes the Markdown;
:class:`JupyterMarkdownTranslator` adds what the site has on top of it:

- a numbered equation carries its number, ``\\tag{2.3}``;
- a link to another page or to the API is an absolute link to the hosted site, under
  ``html_baseurl``; where that is unset, the link is its text alone (it names the page,
  the function or the equation);
- an exercise is a heading and its statement; a solution is a collapsed
  ``<details>`` (its code cells stay cells, collapsed, see ``take_home``);
- a sphinx-design dropdown is a ``<details>``, an admonition a blockquote with a bold
  title, a quick check its question and options with the answer in ``<details>``;
- the playground is a sentence with a link to the page that runs it.

The caller marks where code cells go with :class:`cell_break` nodes and cuts the
Markdown there with :func:`split_at_cell_breaks`.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.math import get_node_equation_number
from sphinx_markdown_builder.contexts import (
    STRONG_CONTEXT,
    IndentContext,
    SubContext,
    SubContextParams,
    WrappedContext,
)
from sphinx_markdown_builder.translator import MarkdownTranslator, pushing_context

_BREAK = "\x00"
#: a line of the Markdown that stands for a code cell (indented in a list or a quote)
_BREAK_LINE = re.compile(
    rf"^[ >]*{_BREAK}cell (?P<key>[^{_BREAK}]+){_BREAK}[ ]*$", re.M
)
#: an href or src attribute in raw HTML
_HTML_URL = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>[^"]*)"')
_HTML_LINK = re.compile(r"</?a\b[^>]*>")
_HTML_CODE = re.compile(r"<code\b[^>]*>(?P<code>.*?)</code>", re.S)
_HTML_ANCHOR = re.compile(
    r"<a\b[^>]*\bhref=\"(?P<url>[^\"]*)\"[^>]*>(?P<text>.*?)</a>", re.S
)
_HTML_TAG = re.compile(r"<[^>]+>")
#: spaces at the end of a line (an empty line of a blockquote: "> ")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.M)


def _plain_text(node: nodes.Element) -> str:
    """The text of ``node`` without its raw HTML (such as an icon's SVG)."""
    copy = node.deepcopy()
    for raw in list(copy.findall(nodes.raw)):
        raw.parent.remove(raw)
    return re.sub(r"\s+", " ", copy.astext()).strip()


class cell_break(nodes.Element):
    """Where a code cell goes: the caller puts one in place of each cell, ``key`` set."""


class JupyterMarkdownTranslator(MarkdownTranslator):
    """sphinx-markdown-builder's translator, with the site's own nodes and absolute links.

    ``base_url`` is the hosted site (``html_baseurl``), ``docname`` the page written.
    """

    def __init__(self, document, builder: Builder, docname: str, base_url: str):
        super().__init__(document, builder)
        self.docname = docname
        self.base_url = base_url.rstrip("/") + "/" if base_url else ""
        self.page_uri = builder.get_target_uri(docname)

    # -- links ----------------------------------------------------------------
    def absolute_url(self, url: str) -> str | None:
        """``url`` (relative to the page, or ``#id``) on the hosted site; None unhosted."""
        if urlsplit(url).scheme:
            return url
        if not self.base_url:
            return None
        return urljoin(self.base_url + self.page_uri, url)

    @pushing_context
    def visit_reference(self, node):
        url = node.get("refuri")
        if url is None and node.get("refid"):
            url = f"#{node['refid']}"
        url = self.absolute_url(url) if url else None
        if url is None:  # the text alone: it names the page, the function or "(2.3)"
            self._push_context(SubContext())
        else:
            self._push_context(WrappedContext("[", f"]({url})"))

    @pushing_context
    def visit_download_reference(self, node):
        target = node.get("refuri") or f"_downloads/{node.get('filename', '')}"
        if "refuri" not in node and self.page_uri.count("/"):
            target = "../" * self.page_uri.count("/") + target
        url = self.absolute_url(target)
        if url is None:
            self._push_context(SubContext())
        else:
            self._push_context(WrappedContext("[", f"]({url})"))

    def visit_image(self, node):
        uri = self.builder.images.get(node["uri"], node["uri"])
        url = self.absolute_url(
            "../" * self.page_uri.count("/") + f"{self.builder.imagedir}/{uri}"
        )
        alt = node.get("alt", "")
        self.add(f"![{alt}]({url})" if url else alt)

    def visit_raw(self, node):
        """Raw HTML stays (Jupyter shows it), its addresses made absolute."""
        text = node.astext()
        if node.get("format") != "html" or "<noscript" in text:
            raise nodes.SkipNode
        if "sphx-glr-thumb" in text or text.strip() == "</div>":
            # a minigallery's thumbnail boxes: its links to the examples stay
            raise nodes.SkipNode

        def absolute(match: re.Match) -> str:
            url = self.absolute_url(match["url"])
            return f'{match["attr"]}="{html.escape(url)}"' if url else ""

        if isinstance(
            node.parent, nodes.TextElement
        ):  # a role's link, e.g. {worksheet}
            self.add(self._inline_html(text))
            raise nodes.SkipNode
        if not self.base_url:
            text = _HTML_LINK.sub("", text)
        self.add(_HTML_URL.sub(absolute, text).strip(), prefix_eol=2, suffix_eol=2)
        raise nodes.SkipNode

    def _inline_html(self, text: str) -> str:
        """Inline HTML as Markdown: ``<code>`` as backticks, ``<a>`` as a link."""
        text = _HTML_CODE.sub(lambda m: f"`{_HTML_TAG.sub('', m['code'])}`", text)

        def link(match: re.Match) -> str:
            url = self.absolute_url(html.unescape(match["url"]))
            return f"[{match['text']}]({url})" if url else match["text"]

        return _HTML_TAG.sub("", _HTML_ANCHOR.sub(link, text))

    def visit_target(self, _node):
        raise nodes.SkipNode  # anchors of the site; a notebook links to the site

    def visit_comment(self, _node):
        raise nodes.SkipNode

    # -- math -----------------------------------------------------------------
    def visit_math_block(self, node):
        tex = node.astext().strip()
        if node.get("label") and node.get("ids"):
            tex += f"\n\\tag{{{get_node_equation_number(self, node)}}}"
        self.add(f"$$\n{tex}\n$$", prefix_eol=2, suffix_eol=2)
        raise nodes.SkipNode

    # -- blocks of the site ---------------------------------------------------
    def _render(self, children) -> str:
        """The Markdown of ``children``, not added to the output."""
        self._push_context(SubContext())
        for child in children:
            child.walkabout(self)
        return self._ctx_queue.pop().make().strip()

    def _heading(self, text: str) -> None:
        level = min(self.status.section_level + 1, 6)
        self.add(f"{'#' * level} {text}", prefix_eol=2, suffix_eol=2)

    def _details(self, summary: str, body: str) -> None:
        self.add(
            f"<details><summary>{html.escape(summary)}</summary>\n\n{body}\n\n</details>",
            prefix_eol=2,
            suffix_eol=2,
        )

    @staticmethod
    def _title_text(node: nodes.Element) -> str:
        title = next(iter(node.findall(nodes.title)), None)
        return re.sub(r"\s+", " ", title.astext()).strip() if title else ""

    def visit_exercise_enumerable_node(self, node):
        """A sphinx-exercise exercise: a heading, then its statement and cells.

        A numbered one is headed "Exercise 2.1 (Write the cost)", as on the page.
        """
        title = self._title_text(node)
        numbers = self.builder.env.toc_fignumbers.get(self.docname, {})
        number = numbers.get("exercise", {}).get((node.get("ids") or [""])[0])
        if number:
            name = self.config.numfig_format["exercise"] % ".".join(map(str, number))
            title = f"{name} {title}"
        self._heading(title)
        for child in node.children:
            if not isinstance(child, nodes.title):
                child.walkabout(self)
        raise nodes.SkipNode

    visit_exercise_node = visit_exercise_enumerable_node

    def visit_solution_node(self, node):
        """A solution: its text in a collapsed ``<details>``, its code cells after it."""
        breaks = list(node.findall(cell_break))
        for found in breaks:
            found.parent.remove(found)
        title = self._title_text(node)
        body = self._render(c for c in node.children if not isinstance(c, nodes.title))
        if body:
            self._details(title, body)
        if breaks:
            self.add(
                f"**{title}**: in the collapsed cell{'s' if len(breaks) > 1 else ''} "
                "below. Try the exercise first.",
                prefix_eol=2,
                suffix_eol=2,
            )
        for found in breaks:
            found.walkabout(self)
        raise nodes.SkipNode

    def visit_dropdown_main(self, node):
        """A sphinx-design dropdown: a collapsed ``<details>``."""
        titles = [c for c in node.children if c.tagname == "dropdown_title"]
        summary = _plain_text(titles[0]) if titles else "Details"
        self._details(
            summary, self._render(c for c in node.children if c not in titles)
        )
        raise nodes.SkipNode

    def visit_admonition(self, node):
        """An admonition: a blockquote with a bold title."""
        title = self._title_text(node) or node.tagname.capitalize()
        self._push_context(
            IndentContext("> ", empty=True, params=SubContextParams(2, 2))
        )
        self.add(f"**{title}**", suffix_eol=2)
        for child in node.children:
            if not isinstance(child, nodes.title):
                child.walkabout(self)
        self._pop_context()
        raise nodes.SkipNode

    visit_note = visit_tip = visit_hint = visit_important = visit_admonition
    visit_warning = visit_caution = visit_attention = visit_admonition
    visit_danger = visit_error = visit_seealso = visit_admonition

    def visit_caption(self, node):
        self._push_context(WrappedContext("*", params=SubContextParams(2, 2)))

    def depart_caption(self, node):
        self._pop_context()

    def visit_playground_node(self, _node):
        url = self.absolute_url("#blpg")
        title = self.builder.env.titles[self.docname].astext()
        where = f"[on the tutorial site]({url})" if url else "on the tutorial site"
        self.add(
            f"The playground trains the model in the browser: open the page “{title}” "
            f"{where} to try it.",
            prefix_eol=2,
            suffix_eol=2,
        )
        raise nodes.SkipNode

    # -- HTML elements of the quick checks (html_elements, quick_check) ---------------
    def visit_html_element(self, node):
        """A quick check: the question and its options, the answer in ``<details>``."""
        tag, classes = node["tag"], set(node["attrs"].get("class", "").split())
        if tag in {"input", "button"} or classes & {
            "qc-tag",
            "qc-numeric",
            "qc-format",
        }:
            raise nodes.SkipNode
        pops = 0
        if tag == "legend":
            self._push_context(SubContext(SubContextParams(2, 2)))
            self.add("**Quick check:**")
            pops = 1
        elif "qc-option" in classes:
            self._push_context(IndentContext("- ", only_first=True))
            pops = 1
        elif tag == "details":
            summary = [c for c in node.children if c.get("tag") == "summary"]
            rest = [c for c in node.children if c not in summary]
            self._details(
                summary[0].astext().strip() if summary else "", self._render(rest)
            )
            raise nodes.SkipNode
        elif tag == "ul":
            self._start_list("-")
        elif tag == "li":
            self._start_list_item()
            pops = 1
        elif tag == "p":
            self._push_context(SubContext(SubContextParams(2, 2)))
            pops = 1
        elif tag == "strong":
            self._push_context(STRONG_CONTEXT.create(node, "strong"))
            pops = 1
        node["markdown_pops"] = pops

    def depart_html_element(self, node):
        if node["tag"] == "ul":
            self._end_list()
        self._pop_context(count=node.get("markdown_pops", 0))

    visit_html_text_element = visit_html_element
    depart_html_text_element = depart_html_element

    # -- cells ----------------------------------------------------------------
    def visit_cell_break(self, node):
        self.add(f"{_BREAK}cell {node['key']}{_BREAK}", prefix_eol=2, suffix_eol=2)
        raise nodes.SkipNode


def to_markdown(
    doctree: nodes.document, builder: Builder, docname: str, base_url: str
) -> str:
    """The Markdown of a resolved doctree (changed: pass a copy to keep it)."""
    translator = JupyterMarkdownTranslator(doctree, builder, docname, base_url)
    doctree.walkabout(translator)
    return _TRAILING_SPACE.sub("", translator.astext())


def split_at_cell_breaks(markdown: str) -> tuple[str, dict[str, str]]:
    """The text before the first cell break, and the text after each break, by key."""
    parts = _BREAK_LINE.split(markdown)
    first, rest = parts[0], parts[1:]
    after = {key: text.strip() for key, text in zip(rest[::2], rest[1::2], strict=True)}
    return first.strip(), after


def setup(app: Sphinx) -> dict:
    # its configuration values (markdown_flavor...) are read by the translator
    app.setup_extension("sphinx_markdown_builder")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
