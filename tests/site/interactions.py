"""What a reader does on a page besides reading it: quick checks and exercises.

``test_site.test_page`` loads every page once per pass (1280 px light, 390 px
dark) and, on the pages that have them, runs these walkthroughs on that same load,
before its one axe run: axe then sees the quick checks' feedback shown and every
solution open. Each walkthrough raises AssertionError on the first thing that is
wrong.

- quick checks: every check answered wrongly and then rightly with the keyboard
  alone, the feedback read back, ids unique, screenshots for review;
- exercises: numbered per chapter, each solution hidden behind a button named
  after it that opens it from the keyboard, the checker's verdicts on the page (in
  dark mode on the page's own background, not the light box the theme gives HTML
  outputs), a screenshot of the section for review.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

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


def has_quick_checks(html: Path) -> bool:
    return 'class="quick-check"' in html.read_text(encoding="utf-8")


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
    raise AssertionError(f"{target} not reached with Tab from the top of {qid}")


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


def _answer_wrongly_then_rightly(page, check: dict, shot: Path | None) -> None:
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
            if shot is not None:  # for review: a wrong answer's feedback
                page.locator(f"#{qid}").screenshot(path=str(shot))
                shot = None
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
        assert said.startswith(f"Correct. The answer is {check['shown']}."), said


def answer_the_quick_checks(page, page_path: str, shot: Path) -> None:
    """Wrong, then right, by keyboard alone; feedback read back; ids unique.

    Screenshots for review: ``shot`` (the last check) and ``shot`` + ``__wrong``
    (the first wrong answer's feedback).
    """
    checks = page.evaluate(CHECKS)
    assert 1 <= len(checks) <= 3, f"{len(checks)} quick checks on {page_path}"
    assert any(check["kind"] == "numeric" for check in checks), page_path
    wrong_shot: Path | None = shot.with_name(f"{shot.stem}__wrong.jpg")
    for check in checks:
        _answer_wrongly_then_rightly(page, check, wrong_shot)
        if check["kind"] == "choice":
            wrong_shot = None
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
    page.locator("[data-qc]").last.screenshot(path=str(shot))


#: what the browser sees of the exercises and solutions of a page
EXERCISES = """() => {
    const titles = el => el.querySelector('.admonition-title')
        .textContent.replace(/\\s+/g, ' ').trim();
    return {
        exercises: Array.from(document.querySelectorAll('div.exercise')).map(titles),
        solutions: Array.from(document.querySelectorAll('div.solution')).map(el => ({
            title: titles(el),
            hidden: el.classList.contains('toggle-hidden'),
            button: el.querySelector('button.toggle-button')?.getAttribute('aria-label'),
        })),
        verdicts: Array.from(document.querySelectorAll('.bl-check strong'))
            .map(el => el.textContent),
        // the theme paints HTML outputs a light box in dark mode: not the verdicts
        verdictBoxes: Array.from(document.querySelectorAll('.bl-check'))
            .map(el => getComputedStyle(el.parentElement).backgroundColor),
    };
}"""


#: the theme's sticky headers and skip link: a screenshot of a section taller than
#: the window paints them where the window's top was, over the section's middle;
#: hidden for the screenshot alone (Playwright's ``style``), never for a test
OVER_A_TALL_SECTION = (
    "#pst-skip-link, .bd-header, .bd-header-article { visibility: hidden !important; }"
)


def _screenshot_section(page, page_path: str, shot: Path) -> None:
    """The page's "Your turn" section as the reader first sees it, for review."""
    name = page_path.removesuffix(".html")
    page.evaluate("window.scrollTo(0, 0); document.activeElement?.blur()")
    section = page.locator(f"#your-turn-{name.replace('_', '-')}")
    section.screenshot(path=str(shot), style=OVER_A_TALL_SECTION)


def open_the_solutions(page, page_path: str, count: int, shot: Path) -> None:
    """The ``count`` exercises as a reader finds them; every solution opened.

    In the dark pass the theme is dark (it follows the reader's preference);
    ``test_site.test_dark_mode_is_available`` checks its own switch.
    """
    seen = page.evaluate(EXERCISES)
    assert len(seen["exercises"]) == count, seen
    # numbered per chapter: Exercise 3.1, ...
    for title in seen["exercises"]:
        assert re.match(r"Exercise \d+\.\d+ \(.+\)$", title), title
    assert len(seen["solutions"]) == count, seen
    for solution in seen["solutions"]:
        assert solution["title"].startswith("Solution to Exercise"), solution
        assert solution["hidden"], f"{solution['title']} shown before asked"
        assert solution["button"] == f"Show or hide: {solution['title']}"
    # one diagnosis and one pass per exercise
    assert seen["verdicts"] == ["✘ Not yet", "✔ Passed"] * count, seen
    assert set(seen["verdictBoxes"]) == {"rgba(0, 0, 0, 0)"}, seen
    _screenshot_section(page, page_path, shot)
    # open every solution from the keyboard: Tab to its button, Enter
    for index in range(count):
        button = page.locator("div.solution button.toggle-button").nth(index)
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
    assert not page.evaluate(
        "document.querySelectorAll('div.solution.toggle-hidden').length"
    )
    # the solutions fade in (togglebutton's opacity transition): axe must see
    # them opened, not half transparent
    page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
