"""Load every page of the built site in headless Chromium, as a reader would.

Each page must load with no console error, no failed request and no request leaving
the site's own folder (the site works offline: MathJax is served from the build),
typeset its math, and load every image. The gallery's downloads (.py, .ipynb and the
zips) must answer 200. Screenshots land in ``site-screenshots/`` for review.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

pytestmark = pytest.mark.site

HTML = Path(
    os.environ.get(
        "BINARY_LOGREG_SITE", Path(__file__).resolve().parents[2] / "docs/_build/html"
    )
)
SKIPPED_DIRS = {"_static", "_sources", "_images", "_downloads", "_modules"}


def _pages() -> list[str]:
    pages = sorted(
        path.relative_to(HTML).as_posix()
        for path in HTML.rglob("*.html")
        if not SKIPPED_DIRS.intersection(path.relative_to(HTML).parts)
    )
    # Without a build, one parameter still runs and reports the missing site.
    return pages or ["index.html"]


PAGES = _pages()
#: pages a reader goes through in order; they must exist in every build
TUTORIAL = [
    "index.html",
    "model.html",
    "cost.html",
    "backprop.html",
    "gradient_descent.html",
    "metrics.html",
    "ours_vs_tensorflow.html",
    "auto_examples/index.html",
    "api.html",
]

MATH_TYPESET = """async () => {
    if (!window.MathJax || !MathJax.startup) { return -1; }
    await MathJax.startup.promise;
    return document.querySelectorAll('mjx-container').length;
}"""

BROKEN_IMAGES = """() => Array.from(document.images)
    .filter(img => !img.complete || img.naturalWidth === 0)
    .map(img => img.getAttribute('src'))"""


def _is_local(url: str, base_url: str) -> bool:
    return url.startswith(base_url) or urlparse(url).scheme in {"data", "blob", "about"}


def _open(browser, base_url: str, page_path: str, *, color_scheme: str = "light"):
    """Open a page and record console errors, failed and external requests."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=color_scheme
    )
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: (
            problems.append(f"console {msg.type}: {msg.text}")
            if msg.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "requestfailed",
        lambda request: problems.append(
            f"failed request: {request.url} ({request.failure})"
        ),
    )

    def check_response(response) -> None:
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    page.on("response", check_response)

    def route(route_) -> None:
        if _is_local(route_.request.url, base_url):
            route_.continue_()
        else:
            problems.append(f"external request: {route_.request.url}")
            route_.abort()

    page.route("**/*", route)
    page.goto(urljoin(base_url, page_path), wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page, problems


def test_the_tutorial_pages_are_all_built(site_root: Path):
    missing = [page for page in TUTORIAL if not (site_root / page).exists()]
    assert not missing, f"pages missing from the build: {missing}"
    examples = sorted(site_root.glob("auto_examples/plot_*.html"))
    assert len(examples) >= 9, [path.name for path in examples]


@pytest.mark.parametrize("page_path", PAGES)
def test_page_loads_offline_and_renders(
    browser, base_url: str, site_root: Path, screenshot_dir: Path, page_path: str
):
    context, page, problems = _open(browser, base_url, page_path)
    try:
        if page.locator(".math, span.math, div.math").count() > 0:
            typeset = page.evaluate(MATH_TYPESET)
            assert typeset > 0, f"math on {page_path} was not typeset ({typeset})"
            errors = page.locator("mjx-merror").count()
            assert errors == 0, f"{errors} MathJax errors on {page_path}"
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        broken = page.evaluate(BROKEN_IMAGES)
        assert not broken, f"images not loaded on {page_path}: {broken}"
        # back to the top, nothing focused: the sticky header and the skip link
        # would otherwise be painted in the middle of the full-page screenshot
        page.evaluate("window.scrollTo(0, 0); document.activeElement?.blur()")
        name = re.sub(r"[/\\]", "__", page_path.removesuffix(".html"))
        page.screenshot(path=str(screenshot_dir / f"{name}.png"), full_page=True)
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_gallery_downloads_answer_200(browser, base_url: str, site_root: Path):
    context, page, problems = _open(browser, base_url, "auto_examples/index.html")
    try:
        hrefs = set(
            page.eval_on_selector_all(
                "a[href]", "links => links.map(a => a.getAttribute('href'))"
            )
        )
        zips = [href for href in hrefs if href.endswith(".zip")]
        assert len(zips) == 2, f"expected the .py and .ipynb zips, found {zips}"
        examples = sorted(site_root.glob("auto_examples/plot_*.html"))
        downloads = [urljoin(base_url + "auto_examples/", href) for href in zips]
        for example in examples:
            page.goto(urljoin(base_url, f"auto_examples/{example.name}"))
            links = page.eval_on_selector_all(
                "a[href]", "links => links.map(a => a.href)"
            )
            own = [link for link in links if link.endswith((".py", ".ipynb", ".zip"))]
            kinds = {Path(urlparse(link).path).suffix for link in own}
            assert {".py", ".ipynb", ".zip"} <= kinds, (example.name, own)
            downloads += own
        for url in sorted(set(downloads)):
            response = page.request.get(url)
            assert response.status == 200, f"{url}: HTTP {response.status}"
            assert len(response.body()) > 100, f"{url} is empty"
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_dark_mode_is_available(browser, base_url: str, screenshot_dir: Path):
    """The theme follows the reader's dark preference; screenshot for review."""
    context, page, problems = _open(
        browser, base_url, "auto_examples/plot_ours_vs_tensorflow.html"
    )
    try:
        page.evaluate("localStorage.setItem('mode', 'dark')")
        page.reload(wait_until="networkidle")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        page.screenshot(path=str(screenshot_dir / "dark__ours_vs_tensorflow.png"))
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_search_finds_the_cost_page(browser, base_url: str):
    context, page, problems = _open(browser, base_url, "search.html?q=cross-entropy")
    try:
        page.wait_for_selector("#search-results li", timeout=15_000)
        results = page.eval_on_selector_all(
            "#search-results li a", "links => links.map(a => a.href)"
        )
        assert any("cost.html" in link for link in results), results
        assert not problems, "\n".join(problems)
    finally:
        context.close()
