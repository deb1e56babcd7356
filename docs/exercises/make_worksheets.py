"""Write the worksheets: one Jupyter notebook per chapter with its "Your turn" exercises.

Each exercise of the tutorial lives in this folder once, in four files named after
the function the reader writes: ``statements/<name>.md`` (the task, in MyST),
``skeletons/<name>.py`` (the function to complete), ``attempts/<name>.py`` (a first
attempt with a common mistake, whose diagnosis the page shows) and
``solutions/<name>.py`` (ours). The pages load them into their cells (MyST-NB's
``:load:`` and MyST's ``include``); this script puts the statements, the skeletons
and the checker calls into one notebook per chapter, without the attempts and the
solutions, so a download is a worksheet, not an answer sheet.

The docs build runs it (``docs/_ext/your_turn.py``) and serves the notebooks under
``worksheets/``; it needs neither Sphinx nor Jupyter::

    python docs/exercises/make_worksheets.py OUTPUT_FOLDER
"""

from __future__ import annotations

import ast
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent
#: defines INSTALL_NOTE, the first line of every download of the site
PACKAGE_DOWNLOAD = DOCS / "_ext" / "package_download.py"
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


CHAPTERS = (
    Chapter(
        "model",
        (
            Exercise(
                "sigmoid",
                "Write the sigmoid",
                "check_sigmoid",
                "sigmoid NaN at large z",
            ),
            Exercise(
                "forward",
                "Write the forward propagation",
                "check_forward",
                "forward without the bias",
            ),
        ),
    ),
    Chapter(
        "cost",
        (Exercise("cost", "Write the cost", "check_cost", "cost NaN at a = 0 or 1"),),
    ),
    Chapter(
        "backprop",
        (
            Exercise(
                "backward",
                "Write the backward propagation",
                "check_backward",
                "dz NaN at a = 0 or 1 (unsimplified chain rule)",
            ),
        ),
    ),
    Chapter(
        "gradient_descent",
        (
            Exercise(
                "gradient_descent",
                "Write the gradient-descent loop",
                "check_gradient_descent",
                "w_init modified in place",
            ),
        ),
    ),
    Chapter(
        "regularisation",
        (
            Exercise(
                "penalised_descent",
                "Add the penalty to the loop",
                "check_penalised_descent",
                "bias penalised too",
            ),
        ),
    ),
    Chapter(
        "metrics",
        (
            Exercise(
                "confusion_matrix",
                "Count the confusion matrix",
                "check_confusion_matrix",
                "confusion matrix transposed",
            ),
            Exercise(
                "precision_recall_f1",
                "Compute precision, recall and F1",
                "check_precision_recall_f1",
                "precision and recall swapped",
            ),
        ),
    ),
    Chapter(
        "capstone",
        (
            Exercise(
                "train",
                "Write the training loop",
                "check_gradient_descent",
                "one update too few",
            ),
        ),
    ),
)

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


def install_note() -> str:
    """INSTALL_NOTE of the site's package_download extension, read without Sphinx."""
    tree = ast.parse(PACKAGE_DOWNLOAD.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "INSTALL_NOTE"
            for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise LookupError(f"no INSTALL_NOTE in {PACKAGE_DOWNLOAD}")


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
        _cell("code", install_note(), "install-note"),
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


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(f"usage: python {Path(__file__).name} OUTPUT_FOLDER", file=sys.stderr)
        return 2
    for path in write_worksheets(argv[0]):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
