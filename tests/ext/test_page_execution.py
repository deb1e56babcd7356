"""logreg_site.page_execution: the pages' notebooks run before Sphinx reads them, the
longest first, and MyST-NB takes each from its cache instead of running it again."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest


@pytest.fixture(scope="module")
def built(build_root):
    # two processes, as the site's build: MyST-NB reads the cache from both
    return build_root("page_execution", parallel=2)


def test_a_page_runs_once_before_sphinx_reads_it(built):
    assert re.search(r"^slow: executed in [\d.]+ s, ahead$", built.status, re.M)
    assert "slow.md: Using cached notebook" in built.status, built.status
    assert "slow.md: Executed notebook" not in built.status, built.status
    assert not built.warnings, built.warnings


def test_a_page_runs_where_myst_nb_would_run_it(built):
    # nb_execution_in_temp is off: in the page's own folder
    assert f"slow ran in {built.srcdir.name} with 45" in built.page("slow")


def test_a_page_without_a_notebook_is_left_alone(built):
    assert not re.search(r"^plain: ", built.status, re.M)
    assert "MyST-NB reads this page as Markdown" in built.page("plain")


def test_the_longest_pages_start_first():
    from logreg_site.page_execution import _order

    app = SimpleNamespace(
        config=SimpleNamespace(logreg_longest_pages_first=["slow", "gone", "mid"])
    )
    # the listed ones in their order (a name no longer a page is skipped), then
    # the others by name
    assert _order(app, {"b", "mid", "a", "slow"}) == ["slow", "mid", "a", "b"]


def test_a_page_that_fails_is_left_to_myst_nb(tmp_path: Path):
    from logreg_site.page_execution import _execute, _Page

    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("print('never runs')")],
        metadata={"kernelspec": {"name": "no-such-kernel", "display_name": "none"}},
    )
    page = _Page("failing", tmp_path / "failing.md", notebook, None)
    config = SimpleNamespace(
        execution_in_temp=True, execution_timeout=30, execution_allow_errors=False
    )
    # no exception: MyST-NB runs the page again and reports what went wrong
    assert not _execute(page, config).succeeded
