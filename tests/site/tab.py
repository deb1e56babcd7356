"""A reader's browser tab on the served site, watched for anything that goes wrong.

A tab records every console error, page error, failed request, 4xx/5xx response and
request leaving the site's folder (the site works offline) in ``problems``. It
watches requests rather than intercepting them (``page.route`` would send every
request through the test process).

A tab keeps its browser cache, as a reader's browser does: reused from page to page,
it parses the theme's scripts and styles once and then takes them from memory (a
visit took 0.27 s against 0.47 s with the cache disabled). So what a page weighs is
read from what it asks for, not from what reaches the server: ``requested`` lists
every address the page requested since the visit, those the cache answered
included (Playwright reports them as it does the others). One difference remains:
Chromium hands a page every font it holds in memory that the page's stylesheets
declare, used or not, and reports those as requests. ``first_visit_requests``
leaves out the fonts whose face no laid-out element asks for, as a first visit
never loads them; on all 102 pages, in both passes, the weights summed from it
equal those of visits with the cache disabled.

``settle`` replaces Playwright's "networkidle" (no request for 500 ms, a fixed wait
on every page): it waits until no request the page made is in flight, over two
animation frames.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlparse

FONT_FILES = (".woff2", ".woff", ".ttf", ".otf")

#: the font files the page lays out text in: the faces that every laid-out element
#: (and its ::before and ::after) asks for by its first font family, weight and
#: style, matched to the page's @font-face rules as CSS Fonts 4 matches (style
#: first, then the nearest weight). Every element, not only those with text of their
#: own: a line's height comes from its box's first font, so that font is loaded too
FONTS_IN_USE = """() => {
    const unquote = name => name.trim().replace(/^(["'])(.*)\\1$/, '$2');
    const asked = new Set();
    const ask = style => asked.add(JSON.stringify([
        unquote(style.fontFamily.split(',')[0]), Number(style.fontWeight),
        style.fontStyle]));
    for (const el of document.querySelectorAll('*')) {
        if (!el.getClientRects().length) continue;
        ask(getComputedStyle(el));
        for (const pseudo of ['::before', '::after']) {
            const style = getComputedStyle(el, pseudo);
            if (!['none', 'normal'].includes(style.content)) ask(style);
        }
    }
    const faces = new Map();
    const rulesOf = sheet => { try { return Array.from(sheet.cssRules); }
                               catch { return []; } };
    const collect = rules => { for (const rule of rules) {
        if (rule instanceof CSSImportRule && rule.styleSheet)
            collect(rulesOf(rule.styleSheet));
        else if (rule.cssRules) collect(Array.from(rule.cssRules));
        if (!(rule instanceof CSSFontFaceRule)) continue;
        const style = rule.style;
        const family = unquote(style.getPropertyValue('font-family'));
        const number = w => w === 'bold' ? 700 : w === 'normal' ? 400 : Number(w);
        const [low, high = low] = (style.getPropertyValue('font-weight') || 'normal')
            .split(/\\s+/).map(number);
        const base = rule.parentStyleSheet.href || document.baseURI;
        const urls = Array.from(
            style.getPropertyValue('src').matchAll(/url\\(\\s*(["']?)([^"')]+)\\1\\s*\\)/g),
            match => new URL(match[2], base).href);
        if (!faces.has(family)) faces.set(family, []);
        faces.get(family).push({
            low, high, style: style.getPropertyValue('font-style') || 'normal', urls});
    } };
    for (const sheet of document.styleSheets) collect(rulesOf(sheet));
    // how far a face is from the weight asked for (CSS Fonts 4, 5.2)
    const distance = (face, weight) => {
        if (weight >= face.low && weight <= face.high) return 0;
        const near = weight < face.low ? face.low : face.high;
        const lighter = near < weight;
        const off = Math.abs(near - weight);
        if (weight >= 400 && weight <= 500)
            return (near <= 500 && !lighter ? 0 : lighter ? 1000 : 2000) + off;
        return (weight < 400 ? (lighter ? 0 : 1000) : (lighter ? 1000 : 0)) + off;
    };
    const styles = {italic: ['italic', 'oblique', 'normal'],
                    oblique: ['oblique', 'italic', 'normal'],
                    normal: ['normal', 'oblique', 'italic']};
    const used = new Set();
    for (const key of asked) {
        const [family, weight, style] = JSON.parse(key);
        for (const wanted of styles[style] || styles.normal) {
            const matching = (faces.get(family) || [])
                .filter(face => face.style.startsWith(wanted));
            if (!matching.length) continue;
            matching.reduce((a, b) => distance(b, weight) < distance(a, weight) ? b : a)
                .urls.forEach(url => used.add(url));
            break;
        }
    }
    return Array.from(used);
}"""

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
    requested: list[str] = field(default_factory=list)
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

    def _started(self, request) -> None:
        self._in_flight.add(request)
        self.requested.append(request.url)
        if not is_local(request.url, self.base_url):
            self.problems.append(f"external request: {request.url}")

    def _finished(self, request) -> None:
        self._in_flight.discard(request)

    def _failed(self, request) -> None:
        self._in_flight.discard(request)
        self.problems.append(f"failed request: {request.url} ({request.failure})")

    def visit(self, path: str) -> None:
        """Load ``path`` (relative to the site) with fresh ``problems`` and
        ``requested``; settle."""
        self.problems.clear()
        self.requested.clear()
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

    def first_visit_requests(self) -> list[str]:
        """What a first visit of the page requests: ``requested``, without the
        fonts the cache handed the page that no laid-out element uses."""
        in_use = set(self.page.evaluate(FONTS_IN_USE))
        return [
            url
            for url in self.requested
            if url in in_use or not urlparse(url).path.endswith(FONT_FILES)
        ]

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
        self.requested.clear()

    def close(self) -> None:
        self.page.context.close()
