"""What a reader takes home reads in plain Jupyter (docs/_ext/take_home.py).

Every notebook the site offers (page notebooks, gallery notebooks alone and in the
gallery's zip, worksheets) is read cell by cell: its Markdown holds no MyST or reST
(a role, a directive, a bare equation label, a code fence glued to text). A page
notebook keeps the code and outputs the page ran. nbconvert renders two notebooks
to HTML as Jupyter shows them, and the numbers the pages glue into their text are
found there, equal to the page's; the HTML goes to site-screenshots/ for review. The
worksheets run in an environment that has the package alone.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import pytest
from notebook_kernel import NotebookKernel, notebook_kernel
from test_downloads import (
    PAGE_NOTEBOOKS,
    WORKSHEETS,
    _fetch,
    _reader_environment,
    shared_environment,
)

#: a role, MyST ({eq}`x`) or reST (:func:`x`)
_ROLE = re.compile(r"\{[\w:.-]+\}`|(?<![\w`]):[\w.-]+(?::[\w.-]+)?:`")
#: a directive, MyST (```{note} or :::{note}) or reST (.. note::)
_DIRECTIVE = re.compile(r"^[ \t>]*(?:(?:`{3,}|:{3,})[ \t]*\{|\.\. [\w:-]+::)", re.M)
#: an equation label, e.g. eq-loss, where the site shows a number (addresses aside)
_LABEL = re.compile(r"(?<![\w#-])eq-[a-z0-9]+(?:-[a-z0-9]+)*")
_ADDRESS = re.compile(r"\]\([^)]*\)|\b(?:href|src)=\"[^\"]*\"")
#: code, a block or inline: what it says is code (a comment of the package's source)
_CODE = re.compile(r"^([ \t>]*)(`{3,})[^\n]*\n.*?^\1\2[ \t]*$|`[^`\n]+`", re.M | re.S)
#: a line with a code fence that is not a fence alone (a language name at most)
_FENCE = re.compile(r"`{3,}")
_FENCE_ALONE = re.compile(r"[ \t>]*`{3,}[\w+-]*[ \t]*")


def raw_markup(markdown: str) -> list[str]:
    """What in a Markdown cell plain Jupyter would show as markup, not render."""
    found = [f"role {m.group(0)!r}" for m in _ROLE.finditer(markdown)]
    found += [
        f"directive {m.group(0).strip()!r}" for m in _DIRECTIVE.finditer(markdown)
    ]
    found += [
        f"equation label {m.group(0)!r}"
        for m in _LABEL.finditer(_ADDRESS.sub("", _CODE.sub("", markdown)))
    ]
    found += [
        f"fence glued to text {line.strip()[:60]!r}"
        for line in markdown.splitlines()
        if _FENCE.search(line) and not _FENCE_ALONE.fullmatch(line)
    ]
    return found


def downloaded_notebooks(site_root: Path) -> dict[str, dict]:
    """Every notebook the site offers, by where it is offered."""
    paths = [
        *sorted((site_root / "_sources").glob("**/*.ipynb")),
        *sorted(site_root.glob("_downloads/*/*.ipynb")),
        *sorted((site_root / "worksheets").glob("*.ipynb")),
    ]
    notebooks = {
        str(path.relative_to(site_root)): json.loads(path.read_text(encoding="utf-8"))
        for path in paths
    }
    for archive in sorted(site_root.glob("_downloads/*/*.zip")):
        with zipfile.ZipFile(archive) as opened:
            for name in opened.namelist():
                if name.endswith(".ipynb"):
                    notebooks[f"{archive.name}/{name}"] = json.loads(opened.read(name))
    return notebooks


def _markdown_cells(notebook: dict) -> list[str]:
    return [
        "".join(cell["source"])
        for cell in notebook["cells"]
        if cell["cell_type"] == "markdown"
    ]


def test_no_download_shows_markup(site_root: Path):
    notebooks = downloaded_notebooks(site_root)
    pages = [name for name in notebooks if name.startswith("_sources/")]
    gallery = [name for name in notebooks if "/plot_" in name]
    worksheets = [name for name in notebooks if name.startswith("worksheets/")]
    assert len(pages) == len(PAGE_NOTEBOOKS), pages
    assert len(gallery) >= 2 * 14, gallery  # each example alone and in the zip
    assert len(worksheets) == len(WORKSHEETS), worksheets
    problems = {
        f"{name}, Markdown cell {number}": found
        for name, notebook in notebooks.items()
        for number, text in enumerate(_markdown_cells(notebook), start=1)
        if (found := raw_markup(text))
    }
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


def test_raw_markup_is_found():
    """The checks above catch what the downloads showed before (issue 24)."""
    text = (
        "from $z \\approx$ {glue:text}`saturation_float64:.1f` on\n"
        "```{include} exercises/statements/cost.md\n"
        "```A first attempt types {eq}`eq-loss`\n"
        ":::{dropdown} Answer\n"
        "See :func:`binary_logreg.cost` and equations (eq-loss) and (eq-cost).\n"
        ".. minigallery:: binary_logreg.cost\n"
    )
    found = raw_markup(text)
    assert len([f for f in found if f.startswith("role")]) == 3, found
    assert len([f for f in found if f.startswith("directive")]) == 3, found
    assert len([f for f in found if f.startswith("equation label")]) == 3, found
    assert len([f for f in found if f.startswith("fence glued")]) == 2, found
    clean = (
        "By [(2.2)](https://x.github.io/binary-logreg/cost.html#equation-eq-loss), "
        "$J$ is\n\n```python\nJ = cost(Y, A)\n```\n\n<details><summary>Answer"
        "</summary>\n\nIt is $\\ln 2$.\n\n</details>"
    )
    assert raw_markup(clean) == []
    # code says what it says: a label in a comment of the package's code is code
    code = "```python\nZ = _linear(w, b, X)  # (eq-linear)\n```\n\nThe `eq-cost` key."
    assert raw_markup(code) == []


@pytest.mark.parametrize("page_notebook", PAGE_NOTEBOOKS)
def test_a_page_notebook_keeps_the_pages_code_and_outputs(
    site_root: Path, page_notebook: str
):
    """Only the text is written again: the code cells are those the page ran."""
    offered = json.loads(
        (site_root / "_sources" / page_notebook).read_text(encoding="utf-8")
    )
    executed = json.loads(
        (site_root.parent / "jupyter_execute" / page_notebook).read_text(
            encoding="utf-8"
        )
    )

    def code(cells):
        return [
            (cell["source"], cell["outputs"])
            for cell in cells
            if cell["cell_type"] == "code" and cell.get("id") != "install-note"
        ]

    assert code(offered["cells"]) == code(executed["cells"])


#: two notebooks rendered as Jupyter shows them; both glue many numbers into the text
RENDERED = ("cost.ipynb", "metrics.ipynb")
_GLUED = re.compile(r'<span class="pasted-text">([^<]+)</span>')


@pytest.mark.parametrize("page_notebook", RENDERED)
def test_a_rendered_notebook_shows_the_pages_numbers(
    site_root: Path, screenshot_dir: Path, page_notebook: str
):
    from nbconvert import HTMLExporter

    page = (site_root / page_notebook).with_suffix(".html").read_text(encoding="utf-8")
    glued = {html.unescape(value) for value in _GLUED.findall(page)}
    assert len(glued) >= 5, glued
    body, _ = HTMLExporter().from_filename(str(site_root / "_sources" / page_notebook))
    rendered = screenshot_dir / f"take-home-{Path(page_notebook).stem}.html"
    rendered.write_text(body, encoding="utf-8")
    text = html.unescape(body)
    missing = sorted(value for value in glued if value not in text)
    assert not missing, f"glued on the page, not in {rendered.name}: {missing}"
    assert "<details>" in body and "{glue" not in text and "{eq}" not in text


def test_the_md_download_is_named_the_myst_source(site_root: Path):
    page = (site_root / "cost.html").read_text(encoding="utf-8")
    assert ".md (MyST source)" in page and ".ipynb (notebook)" in page


@pytest.fixture(scope="session")
def package_only_python(
    tmp_path_factory, worker_id: str, site_root: Path, base_url: str
) -> Path:
    """A fresh environment with the package alone (no extra) and Jupyter."""
    return shared_environment(tmp_path_factory, worker_id, site_root, base_url, "")


@pytest.fixture(scope="session")
def package_only_notebooks(package_only_python: Path, tmp_path_factory):
    """This worker's kernel in the environment with the package alone."""
    yield from notebook_kernel(
        package_only_python, tmp_path_factory.mktemp("kernel"), _reader_environment()
    )


@pytest.mark.parametrize("worksheet", WORKSHEETS)
def test_a_downloaded_worksheet_runs_with_the_package_alone(
    package_only_notebooks: NotebookKernel,
    worksheet: str,
    base_url: str,
    tmp_path: Path,
):
    """As downloaded, with its skeletons empty: the checks say "not yet", no crash."""
    package_only_notebooks.run_file(
        _fetch(f"{base_url}worksheets/{worksheet}", tmp_path)
    )
