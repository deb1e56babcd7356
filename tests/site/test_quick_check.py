"""The quick self-checks in the built site (_static/quick_check.js in Chromium).

Every quick check on every page answered wrongly and then rightly with the
keyboard alone, the feedback read back, ids unique, axe with the feedback shown in
light and dark mode, and screenshots for review. The directive itself
(logreg_site.quick_check) is tested on a small project in tests/ext, without a
docs build.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest


def _site_pages() -> list[str]:
    from test_site import HTML, PAGES

    return [
        page
        for page in PAGES
        if (HTML / page).exists()
        and 'class="quick-check"' in (HTML / page).read_text(encoding="utf-8")
    ] or ["index.html"]


#: what the test needs from each check, read from the page itself
CHECKS = """() => Array.from(document.querySelectorAll('[data-qc]')).map(box => ({
    id: box.id,
    kind: box.dataset.kind,
    options: Array.from(box.querySelectorAll('input[type=radio]')).map(input => ({
        id: input.id,
        right: input.hasAttribute('data-correct'),
        why: (box.querySelector(`.qc-why[data-for="${input.value}"]`)
              || {textContent: ''}).textContent.trim(),
    })),
    answer: Number(box.dataset.answer),
    shown: box.dataset.shown,
    hint: (box.querySelector('.qc-answer .qc-hint') || {textContent: ''})
        .textContent.replace(/^Hint:\\s*/, '').trim(),
}))"""

ACTIVE = "() => document.activeElement && document.activeElement.id"


def _feedback(page, qid: str) -> str:
    # textContent, as CHECKS reads the explanations (KaTeX's TeX annotation included)
    return page.evaluate(
        "id => document.getElementById(id + '-feedback').textContent", qid
    ).strip()


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _tab_into(page, qid: str, target: str) -> None:
    """From the top of the check, Tab until ``target`` has the focus."""
    page.evaluate(
        "id => { const box = document.getElementById(id);"
        " box.tabIndex = -1; box.focus(); }",
        qid,
    )
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate(ACTIVE) == target:
            return
    pytest.fail(f"{target} not reached with Tab from the top of {qid}")


def _answer_choice(page, check: dict, index: int, current: int | None) -> None:
    """Select option ``index`` with the arrow keys and press Check (Tab, Enter)."""
    qid = check["id"]
    n = len(check["options"])
    if current is None:
        # into the radio group (past any link in the question): its first option
        _tab_into(page, qid, check["options"][0]["id"])
        page.keyboard.press("Space")
        current = 0
    else:
        # back from the button to the checked option
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(ACTIVE) == check["options"][current]["id"]
    for _ in range((index - current) % n):
        page.keyboard.press("ArrowDown")
    assert page.evaluate(ACTIVE) == check["options"][index]["id"]
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "qc-check"
    page.keyboard.press("Enter")


def _answer_number(page, check: dict, text: str, *, first: bool) -> None:
    qid = check["id"]
    if first:
        _tab_into(page, qid, f"{qid}-value")
    assert page.evaluate(ACTIVE) == f"{qid}-value"
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(text)
    page.keyboard.press("Enter")  # submits the form, as the Check button does


@pytest.mark.site
@pytest.mark.parametrize("page_path", _site_pages())
def test_quick_checks_answer_by_keyboard(
    browser, site_server, screenshot_dir: Path, page_path: str
):
    """Wrong, then right, by keyboard alone; feedback read back; ids unique; axe."""
    from test_site import SERIOUS, _axe, _open

    name = page_path.removesuffix(".html").replace("/", "__")
    for width, scheme in ((1280, "light"), (390, "dark")):
        shot = f"quick_check__{name}__{width}px_{scheme}"
        wrong_shown = False
        context, page, problems = _open(
            browser, site_server.url, page_path, width=width, color_scheme=scheme
        )
        try:
            checks = page.evaluate(CHECKS)
            assert 1 <= len(checks) <= 3, f"{len(checks)} quick checks on {page_path}"
            assert any(check["kind"] == "numeric" for check in checks), page_path
            for check in checks:
                qid = check["id"]
                assert page.is_visible(f"#{qid} .qc-check"), "no Check button"
                if check["kind"] == "choice":
                    options = check["options"]
                    right = next(i for i, o in enumerate(options) if o["right"])
                    current = None
                    for wrong in (i for i, o in enumerate(options) if not o["right"]):
                        _answer_choice(page, check, wrong, current)
                        current = wrong
                        said = _words(_feedback(page, qid))
                        assert said.startswith("Not quite."), (qid, said)
                        assert _words(options[wrong]["why"]) in said, (qid, said)
                        links = page.eval_on_selector_all(
                            f"#{qid}-feedback a[href]", "links => links.length"
                        )
                        assert links, f"{qid}: the feedback points nowhere to reread"
                        if not wrong_shown:  # for review: a wrong answer's feedback
                            page.locator(f"#{qid}").screenshot(
                                path=str(screenshot_dir / f"{shot}__wrong.png")
                            )
                            wrong_shown = True
                    _answer_choice(page, check, right, current)
                    said = _words(_feedback(page, qid))
                    assert said.startswith("Correct."), (qid, said)
                else:
                    answer = check["answer"]
                    _answer_number(page, check, "not a number", first=True)
                    assert "is not a number" in _feedback(page, qid)
                    wrong = repr(answer * 2 + 1)
                    _answer_number(page, check, wrong, first=False)
                    said = _words(_feedback(page, qid))
                    assert said.startswith(f"Not quite. {wrong} is too high."), said
                    assert _words(check["hint"]) in said, (qid, said)
                    assert page.eval_on_selector_all(
                        f"#{qid}-feedback a[href]", "links => links.length"
                    ), f"{qid}: the hint points nowhere to reread"
                    shown = check["shown"].split(" ")[0]  # without the unit
                    _answer_number(page, check, shown, first=False)
                    said = _words(_feedback(page, qid))
                    assert said.startswith(
                        f"Correct. The answer is {check['shown']}."
                    ), said
            ids = page.evaluate(
                "() => Array.from(document.querySelectorAll('[id]'), el => el.id)"
            )
            repeated = [
                key
                for key, count in Counter(ids).items()
                if count > 1 and key.startswith("qc-")
            ]
            assert not repeated, repeated
            qc_ids = [key for key in ids if key.startswith("qc-")]
            assert len(qc_ids) >= 2 * len(checks)
            # what the page requested (axe, below, fetches stylesheets of its own)
            assert not problems, "\n".join(problems)
            violations = [v for v in _axe(page) if v["impact"] in SERIOUS]
            assert not violations, (scheme, violations)
            page.locator("[data-qc]").last.screenshot(
                path=str(screenshot_dir / f"{shot}.png")
            )
        finally:
            context.close()
