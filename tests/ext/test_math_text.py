"""Formulas read as plain text (logreg_site.math_text, pylatexenc with our rules)."""

from __future__ import annotations

import pytest
from docutils import nodes
from logreg_site.math_text import inline_as_text, tex_as_text


@pytest.mark.parametrize(
    ("tex", "text"),
    [
        # the options of the site's quick checks (docs/model.md)
        (r"\sigma(-2)", "σ(-2)"),
        (r"-\sigma(-2)", "-σ(-2)"),
        (r"1 / \sigma(-2)", "1 / σ(-2)"),
        # fractions and scripts of more than one symbol: in parentheses
        (r"\frac{1}{2}", "1/2"),
        (r"\dfrac{1}{1 + e^{-z}}", "1/(1 + e^(-z))"),
        (r"\frac{\partial L}{\partial a}", "(∂L)/(∂a)"),
        (r"e^{-z}", "e^(-z)"),
        (r"x_i^2", "x_i^2"),
        # font commands read as their content, even as a script's argument
        (r"w^\mathsf{T} x + b", "w^T x + b"),
        (r"\mathbf{w}^\top", "w^T"),
        (r"\hat{y}", "ŷ"),
        (r"\ln 2", "ln 2"),
        (r"\lVert w \rVert", "‖w ‖"),
    ],
)
def test_a_formula_reads_as_plain_text(tex: str, text: str):
    assert tex_as_text(tex) == text


def test_a_label_mixes_text_and_formulas():
    label = [
        nodes.Text("the value "),
        nodes.math("", r"\sigma(0) = \frac{1}{2}"),
        nodes.emphasis("", "", nodes.Text(" exactly")),
    ]
    assert inline_as_text(label) == "the value σ(0) = 1/2 exactly"
