"""A reader's browser tab on the served site, watched for anything that goes wrong.

A tab records every console error, page error, failed request, 4xx/5xx response and
request leaving the site's folder (the site works offline) in ``problems``. It
watches requests rather than intercepting them (``page.route`` would send every
request through the test process), and loads everything with the browser cache
disabled, so a tab reused from page to page fetches what each page needs as a first
visit does: what the server logs after a visit is what that page weighs.

``settle`` replaces Playwright's "networkidle" (no request for 500 ms, a fixed wait
on every page): it waits until no request the page made is in flight, over two
animation frames.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlparse

#: two animation frames: what a request started by layout or a frame callback needs
#: to show up as started
TWO_FRAMES = (
    "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
)


def is_local(url: str, base_url: str) -> bool:
    return url.startswith(base_url) or urlparse(url).scheme in {"data", "blob", "about"}


@dataclass(eq=False)
class Tab:
    page: object  # playwright.sync_api.Page
    base_url: str
    problems: list[str] = field(default_factory=list)
    _in_flight: set = field(default_factory=set)

    @classmethod
    def open(
        cls,
        browser,
        base_url: str,
        *,
        width: int = 1280,
        color_scheme: str = "light",
        **options,
    ) -> Tab:
        """A tab in a new browser context, ``width`` px wide (a phone's height below
        600 px), in the reader's preferred ``color_scheme``."""
        context = browser.new_context(
            viewport={"width": width, "height": 900 if width > 600 else 844},
            color_scheme=color_scheme,
            **options,
        )
        tab = cls(context.new_page(), base_url)
        tab._watch()
        return tab

    def _watch(self) -> None:
        page, problems = self.page, self.problems
        page.on(
            "console",
            lambda msg: (
                problems.append(f"console {msg.type}: {msg.text}")
                if msg.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("request", self._started)
        page.on("requestfinished", self._finished)
        page.on("requestfailed", self._failed)

        def check_response(response) -> None:
            if response.status >= 400:
                problems.append(f"HTTP {response.status}: {response.url}")

        page.on("response", check_response)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def _started(self, request) -> None:
        self._in_flight.add(request)
        if not is_local(request.url, self.base_url):
            self.problems.append(f"external request: {request.url}")

    def _finished(self, request) -> None:
        self._in_flight.discard(request)

    def _failed(self, request) -> None:
        self._in_flight.discard(request)
        self.problems.append(f"failed request: {request.url} ({request.failure})")

    def visit(self, path: str) -> None:
        """Load ``path`` (relative to the site) with fresh ``problems``; settle."""
        self.problems.clear()
        self.page.goto(urljoin(self.base_url, path), wait_until="load")
        self.settle()

    def settle(self, timeout: float = 30.0) -> None:
        """Wait until no request of the page is in flight, two frames in a row."""
        deadline = time.monotonic() + timeout
        while True:
            while self._in_flight:
                if time.monotonic() > deadline:
                    urls = sorted(request.url for request in self._in_flight)
                    raise AssertionError(f"requests still in flight: {urls}")
                self.page.wait_for_timeout(10)  # lets Playwright deliver events
            self.page.evaluate(TWO_FRAMES)
            if not self._in_flight:
                return

    def icons(self) -> list[str]:
        """The addresses of the icons the page declares (a browser fetches one when
        it likes: Chromium's favicon requests reach the server, not Playwright)."""
        return self.page.eval_on_selector_all(
            "link[rel~='icon'][href]", "links => links.map(link => link.href)"
        )

    def leave(self) -> None:
        """Go to a blank page: nothing of this page reaches the next visit."""
        try:
            self.page.goto("about:blank")
        except Exception:  # a crashed tab: closed; Tabs opens a new one
            self.close()
        self._in_flight.clear()
        self.problems.clear()

    def close(self) -> None:
        self.page.context.close()
