"""The worksheets of the "Your turn" exercises (docs/_ext/logreg_site/worksheets.py).

Each worksheet is generated into a temporary folder, without Sphinx, and executed
top to bottom in a Jupyter kernel: as downloaded, the skeletons make every check
report failure without stopping the notebook; with our solutions pasted into the
skeleton cells, every check passes. The pages load the same files, so a solution
that passes here is the one the pages show.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")
pytest.importorskip("jupyter_client")
from notebook_kernel import notebook_kernel  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# the site's extension package (docs/_ext, on pytest's pythonpath); no Sphinx needed
from logreg_site import worksheets as mw  # noqa: E402

EXERCISES = [exercise for chapter in mw.CHAPTERS for exercise in chapter.exercises]


#: stand-ins for the site's equations (the docs build passes the real ones)
EQUATIONS = {
    label: mw.Equation(
        f"9.{n}", f"x_{{{n}}} = {n}", "A page", f"https://site/p#{label}"
    )
    for n, label in enumerate(
        sorted({label for e in EXERCISES for label in mw.named_equations(e.statement)}),
        start=1,
    )
}


@pytest.fixture(scope="module")
def worksheets(tmp_path_factory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("worksheets")
    paths = mw.write_worksheets(folder, EQUATIONS)
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in paths}


def _tagged(notebook: dict, tag: str) -> list[dict]:
    return [
        cell for cell in notebook["cells"] if tag in cell["metadata"].get("tags", [])
    ]


def test_one_worksheet_per_chapter_each_valid(worksheets):
    assert sorted(worksheets) == sorted(c.worksheet for c in mw.CHAPTERS)
    for name, notebook in worksheets.items():
        nbformat.validate(nbformat.from_dict(notebook))
        exercises = next(c.exercises for c in mw.CHAPTERS if c.worksheet == name)
        assert len(_tagged(notebook, "skeleton")) == len(exercises), name
        assert len(_tagged(notebook, "check")) == len(exercises), name


def test_a_worksheet_starts_with_what_it_needs(worksheets):
    """The package alone: a worksheet imports NumPy and binary_logreg, no extra."""
    note = mw.WORKSHEET_NOTE
    assert note.startswith("# ") and "\n" not in note  # a comment: the cell runs
    assert "alone, no extra" in note and "[tutorial]" not in note
    for name, notebook in worksheets.items():
        first = notebook["cells"][0]
        assert (first["cell_type"], first["source"]) == ("code", note), name
        code = "\n".join(
            c["source"] for c in notebook["cells"] if c["cell_type"] == "code"
        )
        imported = set(re.findall(r"^(?:import|from) (\w+)", code, re.MULTILINE))
        assert imported == {"numpy", "binary_logreg"}, (name, imported)


def test_each_exercise_writes_out_the_equations_it_names(worksheets):
    """Numbered as on the site, linked to it, and no label left bare."""
    for chapter in mw.CHAPTERS:
        cells = worksheets[chapter.worksheet]["cells"]
        for exercise in chapter.exercises:
            statement = next(
                c["source"] for c in cells if c["id"] == f"{exercise.name}-statement"
            )
            named = mw.named_equations(exercise.statement)
            assert named, exercise.name  # every exercise names its equations
            for label in named:
                equation = EQUATIONS[label]
                assert f"[({equation.number})]({equation.url})" in statement
                assert (
                    f"$$\n{equation.tex}\n\\tag{{{equation.number}}}\n$$" in statement
                )
            assert "{eq}" not in statement and "eq-" not in statement.replace(
                "#eq-", ""
            ), statement


def test_a_worksheet_holds_no_solution_and_no_attempt(worksheets):
    for name, notebook in worksheets.items():
        text = "\n".join(cell["source"] for cell in notebook["cells"])
        assert "{eq}" not in text and "{doc}" not in text, name  # roles made plain
        for exercise in EXERCISES:
            for kind in ("solutions", "attempts"):
                body = exercise.source(kind).split('"""')[
                    -1
                ]  # the code after the docstring
                assert body.strip() not in text, (name, kind, exercise.name)


@pytest.mark.parametrize("chapter", mw.CHAPTERS, ids=lambda chapter: chapter.page)
def test_the_page_loads_the_files_of_its_exercises(chapter):
    """The page and the worksheet show the same exercises, titles and checks."""
    page = (DOCS / f"{chapter.page}.md").read_text(encoding="utf-8")
    titles = re.findall(r"^:::\{exercise-start\} (.+)$", page, re.MULTILINE)
    assert titles == [exercise.title for exercise in chapter.exercises]
    assert f"{{worksheet}}`{chapter.page}`" in page
    for exercise in chapter.exercises:
        for kind in ("skeletons", "attempts", "solutions"):
            assert f":load: exercises/{kind}/{exercise.name}.py" in page
        assert f"exercises/statements/{exercise.name}.md" in page
        assert page.count(f"\n{exercise.check_call}\n") == 2  # attempt, solution


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda exercise: exercise.name)
def test_the_checker_names_the_mistake_of_the_attempt_a_page_shows(exercise):
    """Each page shows an attempt with one catalogued mistake; the checker names it.

    The attempt runs after our solutions of the exercises before it, as on its page.
    """
    import numpy as np

    import binary_logreg as bl
    from binary_logreg import exercises

    names = {mistake.name for mistake in exercises.MISTAKES}
    assert exercise.mistake in names
    namespace = {"np": np, "bl": bl}
    for earlier in EXERCISES[: EXERCISES.index(exercise)]:
        exec(earlier.source("solutions"), namespace)
    exec(exercise.source("attempts"), namespace)
    check = getattr(exercises, exercise.checker)
    result = check(namespace[exercise.name])
    assert not result.passed
    assert result.mistakes == (exercise.mistake,), result.message
    exec(exercise.source("solutions"), namespace)
    assert check(namespace[exercise.name]).passed


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """One Jupyter kernel of this Python for all worksheets, each run from an empty
    namespace (a kernel start costs seconds)."""
    yield from notebook_kernel(Path(sys.executable), tmp_path_factory.mktemp("kernel"))


def _execute(notebook: dict, kernel, folder: Path) -> list[tuple[str, str]]:
    """Run the notebook top to bottom; the (exercise, result) of each check cell."""
    node = kernel.run(nbformat.from_dict(notebook), folder, timeout=120)
    results = []
    for cell in node.cells:
        if "check" in cell.metadata.get("tags", []):
            outputs = [
                out for out in cell.outputs if out.output_type == "execute_result"
            ]
            assert len(outputs) == 1, cell.outputs
            results.append((cell.metadata["exercise"], outputs[0].data["text/plain"]))
    return results


def _with_solutions(notebook: dict) -> dict:
    filled = json.loads(json.dumps(notebook))
    by_name = {exercise.name: exercise for exercise in EXERCISES}
    for cell in _tagged(filled, "skeleton"):
        cell["source"] = by_name[cell["metadata"]["exercise"]].source("solutions")
    return filled


@pytest.mark.parametrize("chapter", mw.CHAPTERS, ids=lambda chapter: chapter.page)
def test_a_worksheet_runs_and_checks(worksheets, kernel, chapter, tmp_path):
    """Skeletons: every check says "not yet"; our solutions: every check passes."""
    notebook = worksheets[chapter.worksheet]
    names = [exercise.name for exercise in chapter.exercises]
    empty = _execute(notebook, kernel, tmp_path)
    assert [name for name, _ in empty] == names
    for name, text in empty:
        assert "passed=False" in text and "NotImplementedError" in text, (name, text)
    solved = _execute(_with_solutions(notebook), kernel, tmp_path)
    assert [name for name, _ in solved] == names
    for name, text in solved:
        assert "passed=True" in text, (name, text)


def test_a_notebook_starts_from_an_empty_namespace_and_a_dead_kernel_fails_it(
    kernel, tmp_path
):
    """The shared kernel (``tests/notebook_kernel.py``): no name is left from the
    notebook before, and a notebook that ends the kernel fails at once, not at the
    timeout. Last in this file: the kernel it ends is needed by no later test."""
    import nbclient

    cell = nbformat.v4.new_code_cell
    kernel.run(nbformat.v4.new_notebook(cells=[cell("left = 1")]), tmp_path)
    with pytest.raises(nbclient.exceptions.CellExecutionError, match="NameError"):
        kernel.run(nbformat.v4.new_notebook(cells=[cell("left")]), tmp_path)
    ended = nbformat.v4.new_notebook(cells=[cell("import os\nos._exit(1)")])
    with pytest.raises(nbclient.exceptions.DeadKernelError):
        kernel.run(ended, tmp_path, timeout=60)
