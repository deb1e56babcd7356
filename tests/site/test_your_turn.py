"""The "Your turn" exercises in the built site: ids, dropdowns, colours, worksheets.

- every page of the site has unique element ids (sphinx-exercise gives every
  exercise and solution body the same one; docs/_ext/logreg_site/exercise_ids.py renames them);
- on each page with exercises: they are numbered per chapter, each solution starts
  hidden behind a button named after it, that button opens it from the keyboard,
  the checker's verdicts are on the page (in dark mode on the page's own
  background, not the light box the theme gives HTML outputs), and with every
  solution open axe finds no serious or critical violation, in light and in dark
  mode, at 1280 and 390 px;
- each page links its worksheet, and the worksheet is there;
- the equations a checker's verdict tells the reader to reread are links to them,
  numbered as on the pages, not bare labels.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_site import PAGES, SERIOUS, _axe, _open, _reload

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
from logreg_site import worksheets as make_worksheets  # noqa: E402

#: the pages with exercises, and how many each has
EXERCISE_PAGES = {
    f"{chapter.page}.html": len(chapter.exercises)
    for chapter in make_worksheets.CHAPTERS
}


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] += 1


def test_element_ids_are_unique_on_every_page(site_root: Path):
    duplicated = {}
    for page in PAGES:
        parser = _Ids()
        parser.feed((site_root / page).read_text(encoding="utf-8"))
        twice = sorted(id_ for id_, count in parser.ids.items() if count > 1)
        if twice:
            duplicated[page] = twice
    assert not duplicated, duplicated


@pytest.mark.parametrize("page_path", sorted(EXERCISE_PAGES))
def test_a_page_links_its_worksheet(site_root: Path, page_path: str):
    chapter = page_path.removesuffix(".html")
    worksheet = f"{make_worksheets.FOLDER}/{chapter}_worksheet.ipynb"
    html = (site_root / page_path).read_text(encoding="utf-8")
    assert f'href="{worksheet}"' in html, worksheet
    assert (site_root / worksheet).is_file(), worksheet


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


def _screenshot_section(page, page_path: str, suffix: str) -> None:
    """The page's "Your turn" section as the reader first sees it, for review."""
    name = page_path.removesuffix(".html")
    shots = ROOT / "site-screenshots"
    shots.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0); document.activeElement?.blur()")
    section = page.locator(f"#your-turn-{name.replace('_', '-')}")
    section.screenshot(path=str(shots / f"your_turn__{name}__{suffix}.png"))


#: a checker's verdict box, as the package's CheckResult._repr_html_ writes it
_VERDICT = re.compile(r'<div class="bl-check".*?</div>', re.DOTALL)
_EQUATION_LINK = re.compile(
    r'<a class="reference internal" href="([\w.]*)#(equation-[\w-]+)">\((\d+\.\d+)\)</a>'
)


def test_verdicts_link_the_equations_they_name(site_root: Path):
    """ "Reread equation (2.2)" links the equation; no verdict shows "eq-loss"."""
    linked, problems = 0, []
    for page in PAGES:
        html = (site_root / page).read_text(encoding="utf-8")
        for verdict in _VERDICT.findall(html):
            text = re.sub(r"<[^>]+>", "", verdict)
            for label in re.findall(r"\beq-[\w-]+", text):
                problems.append(f"{page}: bare label {label}")
            for target, anchor, number in _EQUATION_LINK.findall(verdict):
                linked += 1
                target_html = (site_root / (target or page)).read_text(encoding="utf-8")
                if f'id="{anchor}"' not in target_html:
                    problems.append(f"{page}: {target}#{anchor} ({number}) is missing")
    assert not problems, problems
    assert linked >= len(EXERCISE_PAGES), "the verdicts on the pages link no equation"


@pytest.mark.parametrize("page_path", sorted(EXERCISE_PAGES))
def test_exercises_and_their_solutions(browser, base_url: str, page_path: str):
    count = EXERCISE_PAGES[page_path]
    failures = []
    for width, scheme in ((1280, "light"), (390, "dark")):
        where = f"at {width} px, {scheme}"
        context, page, problems = _open(
            browser, base_url, page_path, width=width, color_scheme=scheme
        )
        try:
            if scheme == "dark":  # the theme's own switch, as a reader's click sets it
                page.evaluate("localStorage.setItem('mode', 'dark')")
                _reload(page, problems)
                assert page.evaluate("document.documentElement.dataset.theme") == "dark"
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
            assert set(seen["verdictBoxes"]) == {"rgba(0, 0, 0, 0)"}, (where, seen)
            _screenshot_section(page, page_path, f"{width}px_{scheme}")
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
            # what the page itself requested; axe, below, fetches stylesheets too
            failures += [f"{problem} ({where})" for problem in problems]
            violations = [v for v in _axe(page) if v["impact"] in SERIOUS]
            failures += [
                f"axe {v['impact']} {v['id']} {where}, solutions open: {v['help']} "
                f"at {v['nodes'][:5]}"
                for v in violations
            ]
        finally:
            context.close()
    assert not failures, f"{page_path}:\n" + "\n".join(failures)
