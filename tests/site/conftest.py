"""Fixtures for the browser test of the built site: a local server and Chromium."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HTML = Path(os.environ.get("BINARY_LOGREG_SITE", ROOT / "docs" / "_build" / "html"))
SCREENSHOTS = ROOT / "site-screenshots"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_root() -> Path:
    if not (HTML / "index.html").exists():
        pytest.fail(f"no built site in {HTML}: run `nox -s docs` (or `nox -s site`)")
    return HTML


@pytest.fixture(scope="session")
def base_url(site_root: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (an ephemeral port) for the session."""
    handler = functools.partial(_QuietHandler, directory=str(site_root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never `playwright install`)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = (
        os.environ.get("CHROMIUM_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )
    if not executable:
        pytest.fail(
            "Chromium not found: apt-get install chromium (nox -s site does it)"
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
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
