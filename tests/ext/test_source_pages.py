"""The source pages (logreg_site.source_pages) of a parallel build are a serial build's.

``roots/source_pages`` documents a function of one module and a constant of another,
an instance of a class that no page documents. viewcode looks for the constant in
its class's module, notes that module and finds no tag there, so no [source] link
points into it; a serial read forgets it when it reads the next document, a parallel
read (here 2 processes, one document each) kept it and wrote its page, as it did for
``binary_logreg.exercises``.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def parallel_build(build_root):
    return build_root("source_pages", parallel=2)


def _source_pages(html: Path) -> list[str]:
    return sorted(
        str(path.relative_to(html)) for path in html.glob("_modules/**/*.html")
    )


def test_a_parallel_build_writes_the_source_pages_a_serial_one_does(parallel_build):
    assert not parallel_build.warnings, parallel_build.warnings
    # the function's [source] link, and the page it points to
    assert "_modules/viewcode_sample/functions.html#double" in parallel_build.page(
        "b_function"
    )
    # the constant is documented, but no page shows its class's module
    assert "viewcode_sample.constants.DOUBLE" in parallel_build.page("a_data")
    assert _source_pages(parallel_build.html) == [
        "_modules/index.html",
        "_modules/viewcode_sample/functions.html",
    ]
    listed = (parallel_build.html / "_modules" / "index.html").read_text("utf-8")
    assert (
        "viewcode_sample/functions.html" in listed
        and "viewcode_sample/scales" not in listed
    )
