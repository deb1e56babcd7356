"""Formulas read as plain text, for accessible names: pylatexenc's LaTeX to text.

Chromium names a form control from its label's text, and KaTeX's MathML adds
nothing to it: a quick-check option that is only math would be an unnamed radio
button. :func:`tex_as_text` gives it a plain reading, "σ(-2)" for ``\\sigma(-2)``,
with pylatexenc's ``LatexNodes2Text`` and a few rules of ours on top, so that the
reading stays unambiguous: fractions and scripts of more than one symbol in
parentheses (``\\frac{1}{1+e^{-z}}``: "1/(1+e^(-z))"), font commands read as their
content, ``\\top`` as "T".
"""

from __future__ import annotations

import re

from docutils import nodes
from pylatexenc import latexwalker, macrospec
from pylatexenc.latex2text import (
    LatexNodes2Text,
    MacroTextSpec,
    SpecialsTextSpec,
    get_default_latex_context_db,
)

_FRACTIONS = ("frac", "dfrac", "tfrac")
_FONTS = (
    "mathrm mathsf mathbf mathit mathcal boldsymbol text textrm operatorname"
).split()
#: a script whose argument is a command with a group (``w^\mathsf{T}``): grouped,
#: so that the script holds the command and its group, as TeX reads it
_SCRIPTED_COMMAND = re.compile(r"([_^])\s*(\\[A-Za-z]+\s*\{[^{}]*\})")


def _grouped(text: str) -> str:
    """A part of a formula, in parentheses unless it is one symbol or number."""
    text = text.strip()
    return text if re.fullmatch(r"\w+|[\d.]+", text) else f"({text})"


def _fraction(node, l2tobj) -> str:
    numerator, denominator = node.nodeargd.argnlist[-2:]
    return (
        f"{_grouped(l2tobj.nodelist_to_text([numerator]))}/"
        f"{_grouped(l2tobj.nodelist_to_text([denominator]))}"
    )


def _script(node, l2tobj) -> str:
    argument = node.nodeargd.argnlist[0]
    return node.specials_chars + _grouped(l2tobj.nodelist_to_text([argument]))


def _parser_context() -> macrospec.LatexContextDb:
    context = latexwalker.get_default_latex_context_db()
    context.add_context_category(
        "logreg-site",
        prepend=True,
        macros=[macrospec.MacroSpec(name, "{{") for name in _FRACTIONS],
        specials=[
            macrospec.SpecialsSpec(
                char, args_parser=macrospec.MacroStandardArgsParser("{")
            )
            for char in "^_"
        ],
    )
    return context


def _text_context():
    context = get_default_latex_context_db()
    context.add_context_category(
        "logreg-site",
        prepend=True,
        macros=[
            *(MacroTextSpec(name, simplify_repl=_fraction) for name in _FRACTIONS),
            *(MacroTextSpec(name, discard=False) for name in _FONTS),
            MacroTextSpec("ln", simplify_repl="ln "),
            MacroTextSpec("log", simplify_repl="log "),
            MacroTextSpec("top", simplify_repl="T"),
        ],
        specials=[SpecialsTextSpec(char, simplify_repl=_script) for char in "^_"],
    )
    return context


_PARSER_CONTEXT = _parser_context()
_TO_TEXT = LatexNodes2Text(latex_context=_text_context(), math_mode="text")


def tex_as_text(tex: str) -> str:
    """A plain reading of a formula (the body of ``$...$``), for an accessible name."""
    tex = _SCRIPTED_COMMAND.sub(r"\1{\2}", tex)
    walker = latexwalker.LatexWalker(tex, latex_context=_PARSER_CONTEXT)
    parsed, _, _ = walker.get_latex_nodes()
    return re.sub(r"\s+", " ", _TO_TEXT.nodelist_to_text(parsed)).strip()


def inline_as_text(inline: list[nodes.Node]) -> str:
    """The text of inline nodes, formulas read as plain text."""
    return re.sub(r"\s+", " ", _joined_text(inline)).strip()


def _joined_text(inline: list[nodes.Node]) -> str:
    parts = []
    for node in inline:
        if isinstance(node, nodes.math):
            parts.append(tex_as_text(node.astext()))
        elif isinstance(node, nodes.Text):
            parts.append(node.astext())
        elif isinstance(node, nodes.Element):
            parts.append(_joined_text(list(node.children)))
    return "".join(parts)
