"""The Markdown of the downloaded notebooks (docs/_ext/logreg_site/jupyter_markdown.py).

The test root roots/jupyter_markdown, built once, writes each page's Markdown with
and without the hosted site's address: it holds no reST or MyST, equations carry
the number the site shows, links go to the hosted site (or are their text alone
when its address is unset), exercises, admonitions and quick checks read as plain
Markdown, and a page cut at its code cells comes back in order.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def built(build_root) -> Path:
    """roots/jupyter_markdown built once; its pages' Markdown hosted and unhosted."""
    built = build_root("jupyter_markdown")
    assert "WARNING" not in built.warnings, built.warnings
    return built.html


def _pages(outdir: Path, site: str) -> dict[str, str]:
    return {
        page: (outdir / f"{page}.{site}.md").read_text(encoding="utf-8")
        for page in ("index", "cost")
    }


@pytest.fixture(scope="module")
def hosted(built: Path) -> dict[str, str]:
    """Built with html_baseurl https://example.org/site."""
    return _pages(built, "hosted")


@pytest.fixture(scope="module")
def unhosted(built: Path) -> dict[str, str]:
    """Built without html_baseurl."""
    return _pages(built, "unhosted")


def test_equations_carry_their_numbers_and_references_read_as_numbers(unhosted):
    index, cost = unhosted["index"], unhosted["cost"]
    assert "$$\n\\sigma(z) = \\frac{1}{1 + e^{-z}}\n\\tag{1}\n$$" in index
    assert "By (1), $\\sigma(0) = 1/2$; the cost is on The cost." in index
    assert "\\tag{1.1}" in cost
    assert "The loss (1.1) uses $\\sigma$, (1)." in cost


def test_no_markup_of_sphinx_is_left(unhosted):
    for text in unhosted.values():
        assert not re.search(r":\w+:`|\{\w+\}`|^\.\. |^:::|^```\{", text, re.M), text
        assert "eq-" not in text, text


def test_links_go_to_the_hosted_site(hosted, unhosted):
    index = hosted["index"]
    assert "[(1)](https://example.org/site/index.html#equation-eq-sigmoid)" in index
    assert "[The cost](https://example.org/site/cost.html)" in index
    assert (
        "[(1)](https://example.org/site/index.html#equation-eq-sigmoid)"
        in (hosted["cost"])
    )
    # an external link stays; unhosted, an internal one is its text alone
    assert "[the course](https://example.org/course)" in unhosted["index"]
    assert "](" not in unhosted["cost"]


def test_admonitions_are_quotes_with_a_bold_title(unhosted):
    index = unhosted["index"]
    assert "> **Note**\n>\n> The logit *z* is any real number." in index
    assert "> **Why a sigmoid**\n>\n> It gives a probability." in index


def test_a_quick_check_asks_and_answers_in_details(unhosted):
    index = unhosted["index"]
    question = index.index("**Quick check:** Which value does $\\sigma(0)$ take?")
    options = index.index("- $0$\n- $1/2$")
    details = index.index("<details><summary>Show the answer and why</summary>")
    assert question < options < details
    answer = index[details : index.index("</details>", details)]
    assert "**Right answer:** $1/2$" in answer
    assert "**Wrong answer:** $0$" in answer
    assert "reread (1)" in answer
    assert "<input" not in index and "noscript" not in index


def test_an_exercise_is_a_heading_and_its_solution_is_collapsed(unhosted):
    cost = unhosted["cost"]
    assert "## Exercise 1.1 (Write the cost)\n\nAverage the losses (1.1)." in cost
    assert (
        "<details><summary>Solution to Exercise 1.1 (Write the cost)</summary>\n\n"
        "Take their mean.\n\n</details>"
    ) in cost


def test_the_playground_is_a_sentence_with_a_link(hosted, unhosted):
    assert (
        "open the page “The model” [on the tutorial site]"
        "(https://example.org/site/index.html#blpg) to try it."
    ) in hosted["index"]
    assert (
        "open the page “The model” on the tutorial site to try it."
        in (unhosted["index"])
    )


def test_cell_breaks_cut_the_text_in_order():
    from logreg_site.jupyter_markdown import _BREAK, split_at_cell_breaks

    text = f"# Title\n\nBefore.\n\n{_BREAK}cell 3{_BREAK}\n\nAfter three.\n\n"
    text += f"  {_BREAK}cell 5{_BREAK}\n\n{_BREAK}cell 6{_BREAK}\nLast.\n"
    before, after = split_at_cell_breaks(text)
    assert before == "# Title\n\nBefore."
    assert after == {"3": "After three.", "5": "", "6": "Last."}
