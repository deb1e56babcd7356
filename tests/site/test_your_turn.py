"""The "Your turn" exercises in the built site: ids, dropdowns, colours, worksheets.

- every page of the site has unique element ids (sphinx-exercise gives every
  exercise and solution body the same one; docs/_ext/logreg_site/exercise_ids.py
  renames them);
- on each page with exercises (in the browser: ``interactions.open_the_solutions``,
  run by ``test_site.test_page`` in its light and its dark pass, before its axe
  run): they are numbered per chapter, each solution starts hidden behind a button
  named after it, that button opens it from the keyboard, the checker's verdicts
  are on the page (in dark mode on the page's own background, not the light box the
  theme gives HTML outputs), and with every solution open axe finds no serious or
  critical violation, at 1280 px light and 390 px dark;
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
from logreg_site import worksheets as make_worksheets
from test_site import PAGES

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]

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
