"""The quick-check directive (logreg_site.quick_check), on a small Sphinx project.

``roots/quick_check`` holds a page with one check of each kind, a page without
any, and a page with one malformed check per mistake the directive refuses. Built
once (its two notebooks executed): its HTML, ids that derive from the page and a
counter, a numeric answer read from the value a code cell glued, the script loaded
only where a check is, and a clear build error, at the directive's line, for every
malformed check. The checks in the browser are tests/site/test_quick_check.py.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pytest

#: the malformed checks of roots/quick_check/broken.md: the error each one gives
BROKEN = {
    "no_correct": "no options are ticked '[x]': tick exactly one right option",
    "two_correct": "2 options are ticked '[x]'",
    "no_box": "option 1 does not start with '[ ]' (wrong) or '[x]' (right)",
    "no_feedback": "wrong option 1 ('[ ] one') has no feedback",
    "no_link": "the feedback of wrong option 1 links nowhere",
    "link_in_label": "option 1 ('[ ] one, as eq-sigmoid says') holds a link",
    "no_list": "a choice check holds one bullet list of options",
    "one_option": "a choice check needs at least two options",
    "unknown_key": (
        "no glued value 'qc_missing' on this page (the page glues qc_known, qc_text)"
    ),
    "not_a_number": "the glued value 'qc_text' is \"'half'\", not a finite number",
    "bad_tolerance": ":tolerance: 'about right' is not a non-negative number",
    "no_hint": "a numeric check needs :hint:",
    "choice_with_answer_options": "option(s) tolerance belong to a numeric check",
}


@pytest.fixture(scope="module")
def good_build(build_root):
    return build_root("quick_check")


def test_a_good_page_builds_without_warning(good_build):
    good = [line for line in good_build.warnings.splitlines() if "good.md" in line]
    assert not good, good_build.warnings


def test_ids_derive_from_the_page_and_a_counter(good_build):
    page = (good_build.html / "good.html").read_text(encoding="utf-8")
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
    page = (good_build.html / "good.html").read_text(encoding="utf-8")
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
    page = (good_build.html / "good.html").read_text(encoding="utf-8")
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
    html = good_build.html
    good = (html / "good.html").read_text(encoding="utf-8")
    plain = (html / "plain.html").read_text(encoding="utf-8")
    assert 'src="_static/quick_check.js"' in good
    assert "quick_check.css" in good
    assert "quick_check" not in plain
    assert (html / "_static" / "quick_check.js").exists()


def test_every_malformed_check_is_a_clear_build_error(good_build):
    warnings = good_build.warnings
    missing = []
    for name, expected in BROKEN.items():
        pattern = re.compile(
            r"broken\.md:\d+: ERROR: quick-check '[^']*': .*" + re.escape(expected)
        )
        if not pattern.search(warnings):
            missing.append(f"{name}: {expected}")
    assert not missing, "\n".join(missing) + "\n\nwarnings:\n" + warnings
    # one error per malformed check, each at its own line of the page
    lines = re.findall(r"broken\.md:(\d+): ERROR: quick-check", warnings)
    assert len(set(lines)) == len(BROKEN), warnings
