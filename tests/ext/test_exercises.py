"""The parts of the "Your turn" exercises, on a small Sphinx project.

``roots/exercises`` has a page with a gated exercise (its code cell ``:load:``s a
file, a checker's verdict names two equations), its solution in a dropdown, a
plain exercise and the ``{worksheet}`` role; another page defines the second
equation. Built once with sphinx-exercise, sphinx-togglebutton and the parts
exercise_ids, loaded_cells, worksheet_links, toggle_names and verdict_links.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def built(build_root):
    return build_root("exercises")


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag, attrs) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_the_project_builds_without_warning(built):
    assert built.warnings == ""


def test_each_exercise_and_solution_body_has_its_own_id(built):
    parser = _Ids()
    parser.feed(built.page("model"))
    assert not [key for key, count in parser.ids.items() if count > 1]
    assert "exercise-content" not in parser.ids
    assert "solution-content" not in parser.ids
    for body in ("ex-first-content", "sol-first-content", "ex-second-content"):
        assert parser.ids[body] == 1, body
    # a plain container, no section (sphinx-codeautolink pairs sections with titles)
    assert re.search(
        r'<div class="exercise-content docutils container" id="ex-',
        (built.page("model")),
    )


def test_a_verdict_links_the_equations_it_names(built):
    page = built.page("model")
    verdict = re.search(r'<div class="bl-check">(.*?)</div>', page, re.DOTALL)[1]
    assert "eq-" not in _text(verdict)  # no bare label left
    # numbered as the pages' {eq} references: per chapter, this page first
    assert '<a class="reference internal" href="#equation-eq-sigmoid">(1.1)</a>' in (
        verdict
    )
    assert (
        '<a class="reference internal" href="other.html#equation-eq-cost">(2.1)</a>'
        in (verdict)
    )


def test_a_worksheet_writes_out_its_equations_numbered_as_on_the_site(built):
    """Written when the build ends: eq-sigmoid of the page model is (1.1) there."""
    notebook = json.loads(
        (built.html / "worksheets" / "model_worksheet.ipynb").read_text(
            encoding="utf-8"
        )
    )
    text = "\n".join(cell["source"] for cell in notebook["cells"])
    assert "\\sigma(z) = 1 / (1 + e^{-z})\n\\tag{1.1}" in text
    assert "Equation (1.1), on the page “Write two functions”." in text


def test_the_worksheet_role_links_the_written_worksheet(built):
    page = built.page("model")
    assert (
        '<a class="reference download worksheet-download" '
        'href="worksheets/model_worksheet.ipynb" download="model_worksheet.ipynb">'
    ) in page
    written = sorted(path.name for path in (built.html / "worksheets").iterdir())
    # only the worksheets of the chapters whose page the project has: here model
    assert written == ["model_worksheet.ipynb"]


def test_a_loaded_file_is_a_dependency_and_inlined_in_the_download(built):
    loaded = (built.srcdir / "code" / "double.py").resolve()
    assert str(loaded) in built.dependencies["model"]
    assert "def double(x):" in _text(built.page("model"))
    download = (built.html / "_sources" / "model.md").read_text(encoding="utf-8")
    assert ":load:" not in download
    assert "```{code-cell} ipython3\ndef double(x):\n    return 2 * x\n```" in download


def test_the_toggle_names_script_runs_after_togglebutton(built):
    scripts = re.findall(r'<script src="([^"]+)"', built.page("model"))
    names = [Path(src.split("?")[0]).name for src in scripts]
    assert names.index("your_turn.js") > names.index("togglebutton.js"), names
