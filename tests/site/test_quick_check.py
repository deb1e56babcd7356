"""The quick self-checks (docs/_ext/quick_check.py and _static/quick_check.js).

Two parts:

- the directive, on tiny Sphinx projects built in a temporary folder (a few
  seconds): its HTML, ids that derive from the page and a counter, a numeric answer
  read from the value a code cell glued, the script loaded only where a check is,
  and a clear build error, at the directive's line, for every malformed check;
- the built site in Chromium (``interactions.answer_the_quick_checks``, run by
  ``test_site.test_page`` in its light and its dark pass, before its axe run):
  every quick check on every page answered wrongly and then rightly with the
  keyboard alone, the feedback read back, ids unique, axe with the feedback shown,
  and screenshots for review.

They live here, not in tests/, because they need Sphinx, MyST-NB and a kernel (the
``docs`` extra): ``nox -s site`` runs them, ``nox -s site -- --no-build -k quick``
runs only these.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("myst_nb")

DOCS_EXT = Path(__file__).resolve().parents[2] / "docs" / "_ext"

HEADER = """\
---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

"""

CONF = f"""\
import sys
sys.path.insert(0, {str(DOCS_EXT)!r})
extensions = ["myst_nb", "quick_check"]
myst_enable_extensions = ["dollarmath", "colon_fence"]
nb_execution_mode = "auto"
nb_execution_raise_on_error = True
exclude_patterns = ["_build"]
numfig = True
math_numfig = True
"""

GOOD = (
    HEADER
    + """\
# Ask two questions

(eq-sigmoid)=
```{math}
:label: eq-sigmoid
\\sigma(z) = 1 / (1 + e^{-z})
```

```{code-cell} ipython3
import math
import numpy as np
from myst_nb import glue
glue("qc_ln2", math.log(2), display=False)
glue("qc_steps", np.int64(42), display=False)
glue("qc_eighth", np.float64(0.125), display=False)
```

:::{quick-check} Which value does $\\sigma(0)$ take?
- [ ] $0$

  Only in the limit $z \\to -\\infty$: reread {eq}`eq-sigmoid`.
- [x] $1/2$

  Yes: $e^{-0} = 1$.
:::

:::{quick-check} What is the cost of the model $w = 0$, $b = 0$?
:answer: qc_ln2
:tolerance: 1e-3
:hint: Every $a$ is $\\sigma(0)$, {eq}`eq-sigmoid`.

Each sample contributes $\\ln 2$.
:::

:::{quick-check} How many steps?
:answer: qc_steps
:unit: steps
:hint: Count them, see {eq}`eq-sigmoid`.

Forty-two.
:::

:::{quick-check} What is an eighth?
:answer: qc_eighth
:tolerance: 0.5%
:hint: Halve three times, see {eq}`eq-sigmoid`.

$1/8$.
:::
"""
)

PLAIN = HEADER + "# A page without a check\n\nNothing to answer here.\n"

#: one malformed check per page: page name -> (its text, the error expected)
BROKEN = {
    "no_correct": (
        """\
:::{quick-check} Pick one
- [ ] one

  No, see {ref}`here`.
- [ ] two

  No, see {ref}`here`.
:::
""",
        "no options are ticked '[x]': tick exactly one right option",
    ),
    "two_correct": (
        """\
:::{quick-check} Pick one
- [x] one
- [x] two
:::
""",
        "2 options are ticked '[x]'",
    ),
    "no_box": (
        """\
:::{quick-check} Pick one
- one
- [x] two
:::
""",
        "option 1 does not start with '[ ]' (wrong) or '[x]' (right)",
    ),
    "no_feedback": (
        """\
:::{quick-check} Pick one
- [ ] one
- [x] two
:::
""",
        "wrong option 1 ('[ ] one') has no feedback",
    ),
    "no_link": (
        """\
:::{quick-check} Pick one
- [ ] one

  Wrong, but it says nowhere what to reread.
- [x] two
:::
""",
        "the feedback of wrong option 1 links nowhere",
    ),
    "link_in_label": (
        """\
:::{quick-check} Pick one
- [ ] one, as {eq}`eq-sigmoid` says

  No, see {ref}`here`.
- [x] two
:::
""",
        "option 1 ('[ ] one, as eq-sigmoid says') holds a link",
    ),
    "no_list": (
        """\
:::{quick-check} Pick one
Just a paragraph.
:::
""",
        "a choice check holds one bullet list of options",
    ),
    "one_option": (
        """\
:::{quick-check} Pick one
- [x] the only one
:::
""",
        "a choice check needs at least two options",
    ),
    "unknown_key": (
        """\
```{code-cell} ipython3
from myst_nb import glue
glue("qc_known", 0.5, display=False)
```

:::{quick-check} How much?
:answer: qc_missing
:hint: See {ref}`here`.

Half.
:::
""",
        "no glued value 'qc_missing' on this page (the page glues qc_known)",
    ),
    "not_a_number": (
        """\
```{code-cell} ipython3
from myst_nb import glue
glue("qc_text", "half", display=False)
```

:::{quick-check} How much?
:answer: qc_text
:hint: See {ref}`here`.

Half.
:::
""",
        "the glued value 'qc_text' is \"'half'\", not a finite number",
    ),
    "bad_tolerance": (
        """\
```{code-cell} ipython3
from myst_nb import glue
glue("qc_half", 0.5, display=False)
```

:::{quick-check} How much?
:answer: qc_half
:tolerance: about right
:hint: See {ref}`here`.

Half.
:::
""",
        ":tolerance: 'about right' is not a non-negative number",
    ),
    "no_hint": (
        """\
```{code-cell} ipython3
from myst_nb import glue
glue("qc_half", 0.5, display=False)
```

:::{quick-check} How much?
:answer: qc_half

Half.
:::
""",
        "a numeric check needs :hint:",
    ),
    "choice_with_answer_options": (
        """\
:::{quick-check} Pick one
:kind: choice
:tolerance: 1%
- [ ] one

  No, see {ref}`here`.
- [x] two
:::
""",
        "option(s) tolerance belong to a numeric check",
    ),
}


def _build(root: Path, pages: dict[str, str]) -> tuple[Path, str, int]:
    """Build ``pages`` with Sphinx (-W, keep going): the HTML folder, warnings, status."""
    from sphinx.application import Sphinx

    src = root / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    names = sorted(pages)
    toctree = "\n".join(names)
    (src / "index.md").write_text(
        f"# Index\n\n(here)=\n## Here\n\n```{{toctree}}\n{toctree}\n```\n",
        encoding="utf-8",
    )
    for name, text in pages.items():
        (src / f"{name}.md").write_text(text, encoding="utf-8")
    warnings = io.StringIO()
    app = Sphinx(
        str(src),
        str(src),
        str(root / "html"),
        str(root / "doctrees"),
        "html",
        status=io.StringIO(),
        warning=warnings,
        freshenv=True,
        warningiserror=True,
        keep_going=True,
    )
    app.build()
    return root / "html", warnings.getvalue(), app.statuscode


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> tuple[Path, str, int]:
    return _build(tmp_path_factory.mktemp("quick_good"), {"good": GOOD, "plain": PLAIN})


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory) -> tuple[Path, str, int]:
    pages = {name: HEADER + "# Broken\n\n" + text for name, (text, _) in BROKEN.items()}
    return _build(tmp_path_factory.mktemp("quick_broken"), pages)


def test_a_good_page_builds_without_warning(good_build):
    _, warnings, status = good_build
    assert status == 0, warnings
    assert "quick-check" not in warnings


def test_ids_derive_from_the_page_and_a_counter(good_build):
    page = (good_build[0] / "good.html").read_text(encoding="utf-8")
    boxes = re.findall(r'<div class="quick-check" id="([^"]+)"', page)
    assert boxes == ["qc-good-1", "qc-good-2", "qc-good-3", "qc-good-4"]
    ids = re.findall(r'\bid="(qc-[^"]+)"', page)
    assert len(ids) == len(set(ids)), Counter(ids).most_common(3)
    # the radio group: one name, labelled options; the right one marked
    assert re.findall(r'<input type="radio" name="qc-good-1" id="([^"]+)"', page) == [
        "qc-good-1-o1",
        "qc-good-1-o2",
    ]
    assert '<label for="qc-good-1-o1">' in page
    assert 'id="qc-good-1-o2" value="2" data-correct ' in page
    # an option that is only math is named in plain text (KaTeX's MathML gives none)
    assert 'id="qc-good-1-o1" value="1" aria-label="0">' in page
    assert 'aria-label="1/2">' in page
    # the numeric field: labelled, described by its format hint
    assert '<label for="qc-good-2-value">Your answer</label>' in page
    assert 'aria-describedby="qc-good-2-format"' in page
    assert '<label for="qc-good-3-value">Your answer (in steps)</label>' in page


def _box(page: str, qid: str) -> str:
    start = page.index(f'id="{qid}"')
    return page[start : page.index("</noscript>", start)]


def test_numeric_answers_come_from_the_glued_values(good_build):
    page = (good_build[0] / "good.html").read_text(encoding="utf-8")
    cost = _box(page, "qc-good-2")
    assert f'data-answer="{math.log(2)!r}"' in cost
    assert 'data-tolerance="0.001" data-relative="false"' in cost
    assert "<strong>Answer: </strong>0.693." in cost  # rounded to the tolerance
    assert "within ±0.001" in cost
    steps = _box(page, "qc-good-3")
    assert 'data-answer="42.0" data-tolerance="0.0"' in steps  # an int: exact
    assert "Type a whole number" in steps
    assert "42 steps." in steps
    eighth = _box(page, "qc-good-4")  # np.float64(0.125) as NumPy 2 shows it
    assert 'data-answer="0.125" data-tolerance="0.005" data-relative="true"' in eighth


def test_without_javascript_the_question_still_reads(good_build):
    page = (good_build[0] / "good.html").read_text(encoding="utf-8")
    choice = _box(page, "qc-good-1")
    # the Check button appears only when the script runs
    assert '<button type="submit" class="qc-check" hidden>Check</button>' in choice
    assert "<summary>Show the answer and why</summary>" in choice
    assert "<strong>Right answer: </strong>" in choice
    assert "<strong>Wrong answer: </strong>" in choice
    assert "<noscript>" in choice
    # the option's math and link went through the normal parsing
    assert 'href="#equation-eq-sigmoid"' in choice
    assert 'class="math' in choice


def test_the_script_loads_only_on_pages_with_a_check(good_build):
    html = good_build[0]
    good = (html / "good.html").read_text(encoding="utf-8")
    plain = (html / "plain.html").read_text(encoding="utf-8")
    assert 'src="_static/quick_check.js"' in good
    assert "quick_check.css" in good
    assert "quick_check" not in plain
    assert (html / "_static" / "quick_check.js").exists()


def test_every_malformed_check_is_a_clear_build_error(broken_build):
    _, warnings, status = broken_build
    assert status != 0  # -W: the build fails
    missing = []
    for name, (_, expected) in BROKEN.items():
        pattern = re.compile(
            rf"{re.escape(name)}\.md:\d+: ERROR: quick-check '[^']*': .*"
            + re.escape(expected)
        )
        if not pattern.search(warnings):
            missing.append(f"{name}: {expected}")
    assert not missing, "\n".join(missing) + "\n\nwarnings:\n" + warnings


@pytest.mark.parametrize(
    ("tex", "text"),
    [
        (r"\sigma(-2)", "σ(-2)"),
        (r"\frac{1}{2}", "1/2"),
        (r"\frac{\partial L}{\partial a}", "(∂ L)/(∂ a)"),
        (r"e^{-z}", "e^(-z)"),
        (r"w^\mathsf{T} x + b", "w^T x + b"),
        (r"\lVert w \rVert", "‖ w ‖"),
    ],
)
def test_an_option_in_math_is_named_in_plain_text(tex: str, text: str):
    import sys

    sys.path.insert(0, str(DOCS_EXT))
    from quick_check import _tex_as_text

    assert _tex_as_text(tex) == text
