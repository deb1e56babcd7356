"""Write the worksheets: one Jupyter notebook per chapter with its "Your turn" exercises.

The exercises, their titles, pages and checkers are those of the table of
:mod:`binary_logreg.exercises`. Each one lives in ``docs/exercises/`` once, in four
files named after the function the reader writes: ``statements/<name>.md`` (the
task, in MyST),
``skeletons/<name>.py`` (the function to complete), ``attempts/<name>.py`` (a first
attempt with a common mistake, whose diagnosis the page shows) and
``solutions/<name>.py`` (ours). The pages load them into their cells (MyST-NB's
``:load:`` and MyST's ``include``); this script puts the statements, the skeletons
and the checker calls into one notebook per chapter, without the attempts and the
solutions, so a download is a worksheet, not an answer sheet.

The docs build runs it (``worksheet_links``) once the equations have their
numbers, and serves the notebooks under ``worksheets/``. It needs neither Sphinx nor
Jupyter: the build passes the equations the statements name (:class:`Equation`), and
each worksheet writes them out under the exercise, numbered as on the site.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .install_note import WORKSHEET_NOTE

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
_EQUATION_ROLE = re.compile(r"\{eq\}`(?P<label>[^`]+)`")


@dataclass(frozen=True)
class Equation:
    """A numbered equation of the site, as a worksheet writes it out."""

    #: its number on the site, such as "2.3"
    number: str
    #: its formula, in TeX
    tex: str
    #: the title of the page that shows it
    page: str
    #: its address on the hosted site; empty when that is unknown
    url: str = ""

    @property
    def reference(self) -> str:
        """How the text names it: "(2.3)", a link to it where the site is known."""
        return f"[({self.number})]({self.url})" if self.url else f"({self.number})"

    def written_out(self) -> str:
        """The formula, numbered, and where the site shows it."""
        where = f"the page “{self.page}”"
        if self.url:
            where = f"[{where}]({self.url})"
        return f"$$\n{self.tex}\n\\tag{{{self.number}}}\n$$\n\nEquation ({self.number}), on {where}."


def named_equations(statement: str) -> list[str]:
    """The labels of the equations a statement names, in order, each once."""
    return list(dict.fromkeys(m["label"] for m in _EQUATION_ROLE.finditer(statement)))


def _plain_markdown(myst: str, equations: Mapping[str, Equation]) -> str:
    """MyST roles as plain Jupyter Markdown: an equation by its number on the site."""

    def replace(match: re.Match) -> str:
        role, text = match["role"], match["text"]
        if role == "eq":
            if text not in equations:
                raise KeyError(
                    f"no equation {text!r} among those given to the worksheet"
                )
            return equations[text].reference
        if role == "doc":
            return f'the page "{text}" of the tutorial'
        return f"`{text.lstrip('~')}`"

    return _ROLE.sub(replace, myst)


def _statement(exercise: Exercise, equations: Mapping[str, Equation]) -> str:
    """The exercise's heading, its task and the equations it names, written out."""
    named = [equations[label] for label in named_equations(exercise.statement)]
    parts = [f"## {exercise.title}", _plain_markdown(exercise.statement, equations)]
    if named:
        parts.append("The equations it names, as numbered on the site:")
        in_order = sorted(
            named, key=lambda e: [int(n) for n in re.findall(r"\d+", e.number)]
        )
        parts += [equation.written_out() for equation in in_order]
    return "\n\n".join(parts)


def _cell(kind: str, source: str, cell_id: str, **metadata) -> dict:
    cell = {"cell_type": kind, "id": cell_id, "metadata": metadata, "source": source}
    if kind == "code":
        cell |= {"execution_count": None, "outputs": []}
    return cell


def notebook(chapter: Chapter, equations: Mapping[str, Equation]) -> dict:
    """The worksheet of ``chapter`` as a notebook (nbformat 4 JSON, as a dict).

    ``equations`` holds (at least) every equation its statements name, by label.

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
        "The equations an exercise names are written out under it, numbered as on "
        "the site. Our solutions are on the page too, in a dropdown under each "
        "exercise: try first."
    )
    cells = [
        _cell("code", WORKSHEET_NOTE, "install-note"),
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
                _statement(exercise, equations),
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


def write_worksheets(
    folder: Path | str,
    equations: Mapping[str, Equation],
    chapters: tuple[Chapter, ...] = CHAPTERS,
) -> list[Path]:
    """Write the worksheets of ``chapters`` into ``folder``; return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for chapter in chapters:
        path = folder / chapter.worksheet
        text = json.dumps(notebook(chapter, equations), indent=1, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written
