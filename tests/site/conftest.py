"""Fixtures for the browser test of the built site: a local server and Chromium.

The server serves the site the way GitHub Pages does: under the URL prefix the site
is published at (read from the built 404 page, which ``notfound_urls_prefix`` in
``docs/conf.py`` sets), and with ``404.html`` as the body of every 404. It logs the
status of every request it answers, favicon requests included (Playwright does not
report those), so the tests can fail on any 4xx/5xx; it also gives the gzip size
of each file it serves, from which a page's weight is summed.
"""

from __future__ import annotations

import fcntl
import functools
import gzip
import json
import os
import re
import shutil
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from tab import Tab

ROOT = Path(__file__).resolve().parents[2]
HTML = Path(os.environ.get("BINARY_LOGREG_SITE", ROOT / "docs" / "_build" / "html"))
SCREENSHOTS = ROOT / "site-screenshots"
#: the prefix's trace in the built 404 page: its stylesheets' absolute addresses
_PREFIX_IN_404 = re.compile(r'href="(/(?:[^"/]+/)*)_static/')


def url_prefix(site: Path) -> str:
    """The path the site is published under, as the built 404 page links it."""
    not_found = site / "404.html"
    if not not_found.exists():
        return "/"
    match = _PREFIX_IN_404.search(not_found.read_text(encoding="utf-8"))
    return match.group(1) if match else "/"


@dataclass(frozen=True)
class Served:
    """One request the test server answered."""

    path: str  # the URL path, query string removed
    status: int


@dataclass
class SiteServer:
    root: Path
    prefix: str
    url: str = ""
    log: list[Served] = field(default_factory=list)
    _gzip_sizes: dict[Path, int] = field(default_factory=dict)

    def mark(self) -> int:
        """Where the log stands now; pass it to ``since``."""
        return len(self.log)

    def since(self, mark: int) -> list[Served]:
        return self.log[mark:]

    def gzip_size(self, path: Path) -> int:
        """Size of the file compressed as a host serves it (gzip, level 6)."""
        if path not in self._gzip_sizes:
            data = path.read_bytes()
            self._gzip_sizes[path] = len(gzip.compress(data, compresslevel=6, mtime=0))
        return self._gzip_sizes[path]

    def weight(self, files: Iterable[Path | None]) -> int:
        """Bytes a first visit transfers, gzip-compressed: each distinct file of
        ``files`` once (None, what is not one of the site's files, adds nothing)."""
        return sum(self.gzip_size(path) for path in set(files) - {None})

    def file_of(self, url: str) -> Path | None:
        """The file the server sends for ``url``, if it is one of the site's."""
        path = unquote(urlsplit(url).path)
        if not (url.startswith(self.url) and path.startswith(self.prefix)):
            return None
        candidate = self.root / path[len(self.prefix) :]
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None


class _PagesHandler(SimpleHTTPRequestHandler):
    """Serve the site under its prefix, 404.html for what is missing; log all."""

    server_state: SiteServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        url_path = unquote(urlsplit(path).path)
        prefix = self.server_state.prefix
        if not url_path.startswith(prefix):
            return str(self.server_state.root / "__outside_the_prefix__")
        return super().translate_path("/" + url_path[len(prefix) :])

    def send_error(self, code: int, message: str | None = None, explain=None) -> None:
        not_found = self.server_state.root / "404.html"
        if code != 404 or not not_found.exists():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_request(self, code="-", size="-") -> None:
        try:
            status = int(code)
        except (TypeError, ValueError):
            status = 0
        self.server_state.log.append(
            Served(path=urlsplit(self.path).path, status=status)
        )


@pytest.fixture(scope="session")
def site_root() -> Path:
    if not (HTML / "index.html").exists():
        pytest.fail(f"no built site in {HTML}: run `nox -s docs` (or `nox -s site`)")
    return HTML


@pytest.fixture(scope="session")
def site_server(site_root: Path) -> Iterator[SiteServer]:
    """Serve the built site on 127.0.0.1 (an ephemeral port) under its URL prefix."""
    state = SiteServer(root=site_root, prefix=url_prefix(site_root))
    handler = type("Handler", (_PagesHandler,), {"server_state": state})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site_root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}{state.prefix}"
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(site_server: SiteServer) -> str:
    return site_server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium driven by Playwright (never `playwright install`)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    names = ("chromium-headless-shell", "chromium", "chromium-browser")
    executable = os.environ.get("CHROMIUM_PATH") or next(
        filter(None, map(shutil.which, names)), None
    )
    if not executable:
        pytest.fail(
            "Chromium not found: apt-get install chromium-headless-shell "
            "(nox -s site does it)"
        )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-domain-reliability",
                "--no-first-run",
                # the site works offline: no other host is reached (the tabs
                # report any request that tries)
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def tabs(browser, site_server: SiteServer) -> Iterator[Tabs]:
    """This worker's tabs, one per width and colour scheme, reused from page to page."""
    opened = Tabs(browser, site_server.url)
    yield opened
    opened.close()


class Tabs:
    def __init__(self, browser, base_url: str) -> None:
        self._browser = browser
        self._base_url = base_url
        self._tabs: dict[tuple[int, str], Tab] = {}

    def __call__(self, width: int, color_scheme: str) -> Tab:
        tab = self._tabs.get((width, color_scheme))
        if tab is None or tab.page.is_closed():
            tab = Tab.open(
                self._browser, self._base_url, width=width, color_scheme=color_scheme
            )
            self._tabs[width, color_scheme] = tab
        return tab

    def close(self) -> None:
        for tab in self._tabs.values():
            tab.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def _report_files(screenshot_dir: Path) -> tuple[Path, Path]:
    return screenshot_dir / "site-report.json", screenshot_dir / "site-report.md"


def pytest_sessionstart(session: pytest.Session) -> None:
    """No report of an earlier run: the workers' rows are merged into this one."""
    if not hasattr(session.config, "workerinput"):  # the main process
        for path in _report_files(SCREENSHOTS):
            path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def site_report(screenshot_dir: Path) -> Iterator[dict[str, dict]]:
    """Per-page measurements, written to site-screenshots/site-report.{json,md}.

    Under pytest-xdist each worker measures its share of the pages and merges its
    rows into the report, one worker at a time (a lock file).
    """
    report: dict[str, dict] = {}
    yield report
    if not report:
        return
    as_json, as_markdown = _report_files(screenshot_dir)
    with open(screenshot_dir / "site-report.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if as_json.exists():
            report = json.loads(as_json.read_text(encoding="utf-8")) | report
        as_json.write_text(
            json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        as_markdown.write_text(_report_table(report), encoding="utf-8")


def _report_table(report: dict[str, dict]) -> str:
    lines = [
        "| page | KB gzip at 1280 px | at 390 px | axe serious/critical |",
        "| --- | ---: | ---: | --- |",
    ]
    for page in sorted(report):
        row = report[page]
        kb = [
            f"{row[key] / 1024:,.0f}" if key in row else "" for key in ("w1280", "w390")
        ]
        axe = ", ".join(sorted({*row.get("axe", []), *row.get("axe_dark", [])})) or "0"
        lines.append(f"| {page} | {kb[0]} | {kb[1]} | {axe} |")
    return "\n".join(lines) + "\n"


# -- the order the tests run in ----------------------------------------------------

#: the downloads that execute a page or an example, heaviest kind first
_RUNS = (
    "test_a_downloaded_page_notebook_runs",
    "test_a_downloaded_example_runs",
    "test_a_downloaded_example_notebook_runs",
)

#: what a slow test needs: a browser, or a fresh environment to run a notebook in
_SLOW_FIXTURES = {"browser", "tabs", "reader_python", "package_only_python"}


def _source(item: pytest.Item) -> Path | None:
    """What the test executes or loads: its size says roughly how long it takes."""
    params = item.callspec.params if hasattr(item, "callspec") else {}
    if "page_notebook" in params:
        return ROOT / "docs" / params["page_notebook"].replace(".ipynb", ".md")
    if "example" in params:
        return ROOT / "gallery" / f"{params['example']}.py"
    if "page_path" in params:
        return HTML / params["page_path"]
    return None


def _size(item: pytest.Item) -> int:
    source = _source(item)
    return source.stat().st_size if source is not None and source.exists() else 0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """This folder's tests longest first, so that the workers (fed two tests at a time by nox -s site)
    finish together instead of one waiting for the other's last long test.

    The runs of downloads (each executes a page or an example) and the page loads
    (two passes, axe on each) alternate as run, page, page, run: the second
    worker starts with a page while the first makes the reader's environment.
    """

    def name(item: pytest.Item) -> str:
        return getattr(item, "originalname", item.name)

    here = Path(__file__).parent
    others = [item for item in items if not item.path.is_relative_to(here)]
    mine = [item for item in items if item.path.is_relative_to(here)]
    runs = sorted(
        (item for item in mine if name(item) in _RUNS),
        key=lambda item: (_RUNS.index(name(item)), -_size(item)),
    )
    pages = sorted(
        (item for item in mine if name(item) == "test_page"), key=lambda i: -_size(i)
    )
    # then the other tests that drive a browser or run a notebook, then the rest
    rest = sorted(
        (item for item in mine if name(item) not in {*_RUNS, "test_page"}),
        key=lambda item: not _SLOW_FIXTURES.intersection(item.fixturenames),
    )
    ordered = []
    while runs or pages:
        for source in (runs, pages, pages, runs):
            if source:
                ordered.append(source.pop(0))
    items[:] = others + ordered + rest
