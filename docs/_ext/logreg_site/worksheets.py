"""Write the worksheets: one Jupyter notebook per chapter with its "Your turn" exercises.

The exercises, their titles, pages and checkers are those of the table of
:mod:`binary_logreg.exercises`. Each one lives in ``docs/exercises/`` once, in four files named after
the function the reader writes: ``statements/<name>.md`` (the task, in MyST),
``skeletons/<name>.py`` (the function to complete), ``attempts/<name>.py`` (a first
attempt with a common mistake, whose diagnosis the page shows) and
``solutions/<name>.py`` (ours). The pages load them into their cells (MyST-NB's
``:load:`` and MyST's ``include``); this script puts the statements, the skeletons
and the checker calls into one notebook per chapter, without the attempts and the
solutions, so a download is a worksheet, not an answer sheet.

The docs build runs it (``worksheet_links``) and serves the notebooks under
``worksheets/``; it needs neither Sphinx nor Jupyter::

    python docs/_ext/make_worksheets.py OUTPUT_FOLDER
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .install_note import INSTALL_NOTE

DOCS = Path(__file__).resolve().parents[2]
#: the exercises' files: statements/, skeletons/, attempts/, solutions/
HERE = DOCS / "exercises"
#: what the tutorial's site calls the folder it serves the worksheets from
FOLDER = "worksheets"
#: the notebook format the worksheets are written in (nbformat 4.5: cells have ids)
NBFORMAT = (4, 5)


@dataclass(frozen=True)
class Exercise:
    """One exercise: the reader writes the function ``name``."""

    name: str
    #: the heading of the exercise, a verb first, as on the page
    title: str
    #: the function of :mod:`binary_logreg.exercises` that checks it
    checker: str
    #: the catalogued mistake of the attempt the page shows (binary_logreg.exercises.MISTAKES)
    mistake: str

    @property
    def check_call(self) -> str:
        return f"{self.checker}({self.name})"

    def source(self, kind: str) -> str:
        """The code of ``kind`` ("skeletons", "attempts" or "solutions")."""
        return (HERE / kind / f"{self.name}.py").read_text(encoding="utf-8").strip()

    @property
    def statement(self) -> str:
        """The task, in MyST markdown (the page's version)."""
        path = HERE / "statements" / f"{self.name}.md"
        return path.read_text(encoding="utf-8").strip()


@dataclass(frozen=True)
class Chapter:
    """A page of the tutorial and its exercises, in the order of the page."""

    page: str
    exercises: tuple[Exercise, ...]

    @property
    def title(self) -> str:
        """The page's title, its first heading."""
        text = (DOCS / f"{self.page}.md").read_text(encoding="utf-8")
        return re.search(r"^# (.+)$", text, re.MULTILINE).group(1).strip()

    @property
    def worksheet(self) -> str:
        """The file name of the chapter's worksheet."""
        return f"{self.page}_worksheet.ipynb"


def _chapters() -> tuple[Chapter, ...]:
    """The chapters, in the order of the exercises in binary_logreg's table."""
    from binary_logreg.exercises import EXERCISES

    pages: dict[str, list[Exercise]] = {}
    for row in EXERCISES.values():
        exercise = Exercise(row.key, row.title, row.checker, row.attempt)
        pages.setdefault(row.page, []).append(exercise)
    return tuple(Chapter(page, tuple(exercises)) for page, exercises in pages.items())


CHAPTERS = _chapters()

_ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<text>[^`]*)`")


def _plain_markdown(myst: str) -> str:
    """MyST roles as a notebook shows them: equations by their labels, as the checker."""

    def replace(match: re.Match) -> str:
        role, text = match["role"], match["text"]
        if role == "eq":
            return f"({text})"
        if role == "doc":
            return f'the page "{text}" of the tutorial'
        return f"`{text.lstrip('~')}`"

    return _ROLE.sub(replace, myst)


def _cell(kind: str, source: str, cell_id: str, **metadata) -> dict:
    cell = {"cell_type": kind, "id": cell_id, "metadata": metadata, "source": source}
    if kind == "code":
        cell |= {"execution_count": None, "outputs": []}
    return cell


def notebook(chapter: Chapter) -> dict:
    """The worksheet of ``chapter`` as a notebook (nbformat 4 JSON, as a dict).

    Skeleton cells carry the metadata ``{"exercise": name, "tags": ["skeleton"]}``,
    the checker calls ``{"exercise": name, "tags": ["check"]}``.
    """
    checkers = sorted({exercise.checker for exercise in chapter.exercises})
    intro = (
        f"# Worksheet: {chapter.title}\n\n"
        f'The exercises of the page "{chapter.title}" of the binary-logreg '
        "tutorial. For each one, write the body of the function in its cell, "
        "replacing the line `raise NotImplementedError(...)`, run the cell, then "
        "run the check below it. The checker, from `binary_logreg.exercises`, runs "
        "your function on several inputs and compares the results with the "
        "package's; when they differ it says what is wrong, on which input, and "
        "which equation to reread.\n\n"
        "Equations go by their labels, such as (eq-sigmoid), as in the checker's "
        "messages; the page shows each one with its number. Our solutions are on "
        "the page too, in a dropdown under each exercise: try first."
    )
    cells = [
        _cell("code", INSTALL_NOTE, "install-note"),
        _cell("markdown", intro, "intro"),
        _cell(
            "code",
            "import numpy as np\n\nimport binary_logreg as bl\n"
            f"from binary_logreg.exercises import {', '.join(checkers)}",
            "imports",
        ),
    ]
    for exercise in chapter.exercises:
        name = exercise.name
        cells += [
            _cell(
                "markdown",
                f"## {exercise.title}\n\n{_plain_markdown(exercise.statement)}",
                f"{name}-statement",
            ),
            _cell(
                "code",
                exercise.source("skeletons"),
                f"{name}-skeleton",
                exercise=name,
                tags=["skeleton"],
            ),
            _cell(
                "code",
                exercise.check_call,
                f"{name}-check",
                exercise=name,
                tags=["check"],
            ),
        ]
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
        "nbformat": NBFORMAT[0],
        "nbformat_minor": NBFORMAT[1],
    }


def write_worksheets(folder: Path | str) -> list[Path]:
    """Write every chapter's worksheet into ``folder``; return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for chapter in CHAPTERS:
        path = folder / chapter.worksheet
        text = json.dumps(notebook(chapter), indent=1, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """The command line: write the worksheets into the folder it names."""
    parser = argparse.ArgumentParser(
        prog="python docs/_ext/make_worksheets.py",
        description="Write one worksheet notebook per chapter of the tutorial.",
    )
    parser.add_argument("output_folder", type=Path, help="where to write them")
    arguments = parser.parse_args(argv)
    for path in write_worksheets(arguments.output_folder):
        print(path)
    return 0
