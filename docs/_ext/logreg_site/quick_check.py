"""Quick self-checks: questions a reader answers in the browser, with no kernel.

A MyST page asks a multiple-choice question with a task list, one option ticked,
each option followed by the feedback a reader sees when choosing it::

    :::{quick-check} Which value does $\\sigma(0)$ take?
    - [ ] $0$

      Only in the limit $z \\to -\\infty$: reread {eq}`eq-sigmoid`.
    - [x] $1/2$

      Yes: $e^{-0} = 1$, so $\\sigma(0) = 1/(1 + 1)$.
    :::

or a numeric question whose answer a code cell of the same page computed and glued
with ``myst_nb.glue`` (the number is never typed)::

    :::{quick-check} What is the cost of the model $w = 0$, $b = 0$?
    :answer: qc_cost_zero_model
    :tolerance: 1e-3
    :hint: Every $a$ is $\\sigma(0)$; put it in {eq}`eq-cost`.

    Every sample contributes $-\\ln(1/2) = \\ln 2$ ...
    :::

``:tolerance:`` is absolute (``1e-3``) or relative (``0.5%``; the default is 1%
for a float and exact for an integer). ``:unit:`` names the unit in the field's
label and ``:format:`` replaces the default format hint. ``:hint:`` (required) is
shown after a wrong numeric answer ("Not quite. 0.5 is too low." and the hint), the
body after a right one. ``:kind:`` (``choice`` or ``numeric``) may be given; it must
agree with the presence of ``:answer:``. A wrong option's feedback and the hint must
link to what to reread (``{eq}``, ``{ref}``, ``{doc}`` or a Markdown link).

Everything is built into the page: the question, its options and feedback go through
the normal MyST parsing (math is prerendered like the rest of the page); a small
classic script, ``_static/quick_check.js`` with ``_static/quick_check.css``, loaded
only by pages with a quick check, checks the answer offline (file:// too) and writes
the verdict ("Correct." or "Not quite.") and the feedback into a live region. The
options are a radio group in a fieldset whose legend is the question; an option that
is only math gets a plain-text ``aria-label`` (KaTeX's MathML gives a form control no
name). Without JavaScript the question still reads: the "Show the answer"
disclosure under it holds every option's explanation (or the number, its hint and
explanation), and the Check button stays hidden. Element ids derive from the page
name and a counter, ``qc-<page>-<n>``, so a rebuild gives the same HTML.

Mistakes in a quick check (no ticked option or two, an option without feedback or
without a link, a link in an option's own text, an unknown glue key, a glued value
that is not a number...) are build errors that name the problem, at the directive's
line.

This module is the directive; it builds on ``html_elements`` (the form's elements
as nodes), ``math_text`` (an option's formula as plain text, with pylatexenc) and
``numeric_answers`` (the glued answer, its tolerance, how it is shown).
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import numeric_answers
from ._private_apis import glued_values
from .html_elements import element as _element
from .html_elements import html_element
from .math_text import inline_as_text

#: the script and stylesheet, copied into the site's _static/ by this extension
STATIC = Path(__file__).resolve().parents[2] / "_static"
ASSETS = ("quick_check.js", "quick_check.css")

_BOX = re.compile(r"^\[([ xX])\]\s*")


def _links(nodes_: list[nodes.Node]) -> bool:
    """Whether some node links somewhere (a reference, or one Sphinx resolves later)."""
    return any(
        isinstance(found, (nodes.reference, addnodes.pending_xref))
        for node in nodes_
        for found in ([node] if isinstance(node, nodes.Text) else node.findall())
    )


_REREAD = "point to the equation or section to reread, e.g. {eq}`eq-...` or {ref}`...`"


def _slug(docname: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", docname.lower()).strip("-") or "page"


class QuickCheck(SphinxDirective):
    """``quick-check``: a multiple-choice or numeric self-check (see the module doc)."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "kind": lambda arg: directives.choice(arg, ("choice", "numeric")),
        "answer": directives.unchanged_required,
        "tolerance": directives.unchanged_required,
        "unit": directives.unchanged_required,
        "format": directives.unchanged_required,
        "hint": directives.unchanged_required,
    }

    # -- helpers --------------------------------------------------------------
    def _fail(self, message: str) -> None:
        raise self.error(f"quick-check {self.arguments[0]!r}: {message}")

    def _inline(self, text: str) -> list[nodes.Node]:
        parsed, messages = self.state.inline_text(text, self.lineno)
        return [*parsed, *messages]

    # -- run --------------------------------------------------------------
    def run(self) -> list[nodes.Node]:
        kind = self.options.get("kind") or (
            "numeric" if "answer" in self.options else "choice"
        )
        if kind == "choice":
            misplaced = {"answer", "tolerance", "unit", "format", "hint"} & set(
                self.options
            )
            if misplaced:
                self._fail(
                    f"option(s) {', '.join(sorted(misplaced))} belong to a numeric "
                    "check (:kind: numeric with a glued :answer:)"
                )
        elif "answer" not in self.options:
            self._fail("a numeric check needs :answer: <glue key> (a glued number)")

        serial = self.env.new_serialno("quick-check") + 1
        qid = f"qc-{_slug(self.env.docname)}-{serial}"
        legend = _element(
            "legend",
            _element("span", nodes.Text("Quick check"), class_="qc-tag"),
            nodes.Text(" "),
            *self._inline(self.arguments[0]),
        )
        fieldset = _element("fieldset", legend)
        feedback = _element(
            "div", class_="qc-feedback", id=f"{qid}-feedback", role="status"
        )
        button = _element(
            "button", nodes.Text("Check"), type="submit", class_="qc-check", hidden=""
        )
        form = _element("form", fieldset, button, feedback, class_="qc-form")
        root = _element(
            "div", form, class_="quick-check", id=qid, data_kind=kind, data_qc=""
        )
        if kind == "choice":
            answer = self._choice(qid, fieldset)
        else:
            answer = self._numeric(qid, fieldset, root)
        root += answer
        root += nodes.raw(
            "",
            '<noscript><p class="qc-noscript">Checking an answer needs JavaScript; '
            "the answer is under “Show the answer”.</p></noscript>",
            format="html",
        )
        self.set_source_info(root)
        return [root]

    def _choice(self, qid: str, fieldset: nodes.Element) -> nodes.Element:
        body = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, body)
        lists = [
            child for child in body.children if isinstance(child, nodes.bullet_list)
        ]
        others = [
            child
            for child in body.children
            if not isinstance(child, (nodes.bullet_list, nodes.system_message))
        ]
        if len(lists) != 1 or others:
            self._fail(
                "a choice check holds one bullet list of options, "
                "'- [ ] wrong' and '- [x] right', each followed by its feedback"
            )
        explanations = _element("ul", class_="qc-explanations")
        correct = 0
        items = list(lists[0].children)
        if len(items) < 2:
            self._fail("a choice check needs at least two options")
        for number, item in enumerate(items, start=1):
            first = item.children[0] if item.children else None
            text = first.children[0] if isinstance(first, nodes.paragraph) else None
            match = _BOX.match(text.astext()) if isinstance(text, nodes.Text) else None
            if match is None:
                self._fail(
                    f"option {number} does not start with '[ ]' (wrong) or '[x]' "
                    "(right)"
                )
            right = match.group(1) != " "
            correct += right
            rest = text.astext()[match.end() :]
            label = ([nodes.Text(rest)] if rest else []) + list(first.children[1:])
            why = list(item.children[1:])
            if not label:
                self._fail(f"option {number} has no text")
            if _links(label):
                self._fail(
                    f"option {number} ({first.astext()!r}) holds a link: a link in "
                    "a radio button's label takes the keyboard focus and the click "
                    "meant to choose the option; move it to the feedback under it"
                )
            if not why and not right:
                self._fail(
                    f"wrong option {number} ({first.astext()!r}) has no feedback: "
                    "say, in a paragraph under it, what is wrong and what to reread"
                )
            if not right and not _links(why):
                self._fail(
                    f"the feedback of wrong option {number} links nowhere: {_REREAD}"
                )
            value = str(number)
            input_id = f"{qid}-o{number}"
            fieldset += _element(
                "div",
                _element(
                    "input",
                    type="radio",
                    name=qid,
                    id=input_id,
                    value=value,
                    data_correct="" if right else None,
                    # math has no text for the name: say it in plain text
                    aria_label=inline_as_text(label)
                    if any(isinstance(n, nodes.math) for n in label)
                    else None,
                ),
                _element("label", *copy.deepcopy(label), for_=input_id),
                class_="qc-option",
            )
            explanations += _element(
                "li",
                _element(
                    "p",
                    _element(
                        "strong",
                        nodes.Text("Right answer: " if right else "Wrong answer: "),
                    ),
                    *label,
                    class_="qc-option-text",
                ),
                _element("div", *why, class_="qc-why", data_for=value),
            )
        if correct != 1:
            self._fail(
                f"{'no' if correct == 0 else correct} options are ticked '[x]': "
                "tick exactly one right option"
            )
        return _element(
            "details",
            _element("summary", nodes.Text("Show the answer and why")),
            explanations,
            class_="qc-answer",
        )

    def _numeric(
        self, qid: str, fieldset: nodes.Element, root: nodes.Element
    ) -> nodes.Element:
        key = self.options["answer"].strip()
        value, is_int = self._glued(key)
        tolerance, relative = self._tolerance(default_exact=is_int)
        if "hint" not in self.options:
            self._fail(
                "a numeric check needs :hint: (what to reconsider after a wrong "
                "answer, with a link to the equation or section to reread)"
            )
        hint = self._inline(self.options["hint"])
        if not _links(hint):
            self._fail(f":hint: links nowhere: {_REREAD}")
        explanation = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, explanation)
        if not explanation.children:
            self._fail("a numeric check needs an explanation of the answer as its body")

        shown = numeric_answers.shown(value, tolerance, relative)
        if tolerance == 0:
            within = "exactly"
        elif relative:
            within = f"within {tolerance * 100:g}%"
        else:
            within = f"within ±{tolerance:g}"
        unit = self.options.get("unit", "")
        default_format = (
            "a whole number" if is_int else "a number such as 0.25, 1/4 or 2.5e-3"
        )
        format_hint = self.options.get("format", default_format)
        format_id = f"{qid}-format"
        input_id = f"{qid}-value"
        field = _element(
            "div",
            _element(
                "label",
                nodes.Text(f"Your answer (in {unit})" if unit else "Your answer"),
                for_=input_id,
            ),
            _element(
                "span",
                _element(
                    "input",
                    type="text",
                    id=input_id,
                    name=input_id,
                    inputmode="decimal",
                    autocomplete="off",
                    spellcheck="false",
                    aria_describedby=format_id,
                ),
                *(
                    [_element("span", nodes.Text(unit), class_="qc-unit")]
                    if unit
                    else []
                ),
                class_="qc-field",
            ),
            _element(
                "p",
                nodes.Text(f"Type {format_hint}; answers {within} count as correct."),
                class_="qc-format",
                id=format_id,
            ),
            class_="qc-numeric",
        )
        fieldset += field
        root["attrs"].update(
            {
                "data-answer": repr(value),
                "data-tolerance": repr(tolerance),
                "data-relative": "true" if relative else "false",
                "data-shown": shown + (f" {unit}" if unit else ""),
            }
        )
        return _element(
            "details",
            _element("summary", nodes.Text("Show the answer")),
            _element(
                "p",
                _element("strong", nodes.Text("Hint: ")),
                *hint,
                class_="qc-hint",
            ),
            _element(
                "p",
                _element("strong", nodes.Text("Answer: ")),
                nodes.Text(shown + (f" {unit}" if unit else "") + "."),
            ),
            _element("div", *explanation.children, class_="qc-why"),
            class_="qc-answer",
        )

    def _glued(self, key: str) -> tuple[float, bool]:
        glued = glued_values(self.state.document)
        if glued is None or key not in glued:
            where = (
                f"the page glues {', '.join(sorted(glued)) or 'nothing'}"
                if glued is not None
                else "this page is not an executed notebook"
            )
            self._fail(
                f"no glued value {key!r} on this page ({where}): glue it with "
                f"myst_nb.glue({key!r}, value, display=False) in a code cell"
            )
        text = glued[key].get("text/plain", "")
        number = numeric_answers.glued_number(text)
        if number is None:
            self._fail(
                f"the glued value {key!r} is {text!r}, not a finite number: "
                "glue a float or an int"
            )
        return number

    def _tolerance(self, *, default_exact: bool) -> tuple[float, bool]:
        text = self.options.get("tolerance")
        parsed = numeric_answers.tolerance(text, default_exact=default_exact)
        if parsed is None:
            self._fail(
                f":tolerance: {text!r} is not a non-negative number, absolute "
                "(1e-3) or relative (0.5%)"
            )
        return parsed


def _add_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree
) -> None:
    """The script and stylesheet, only on pages that hold a quick check."""
    if doctree is None or not any(
        "data-qc" in node["attrs"] for node in doctree.findall(html_element)
    ):
        return
    app.add_css_file("quick_check.css")
    app.add_js_file("quick_check.js", loading_method="defer")


def _copy_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir, "_static")
    target.mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        shutil.copy2(STATIC / name, target / name)


def setup(app: Sphinx) -> dict:
    app.setup_extension(f"{__package__}.html_elements")
    app.add_directive("quick-check", QuickCheck)
    app.connect("html-page-context", _add_assets)
    app.connect("build-finished", _copy_assets)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
