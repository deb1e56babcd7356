"""The tab the page tests load pages in reports what goes wrong, late requests too,
and lists what a page requests even when its cache answers."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from tab import Tab

pytestmark = pytest.mark.site

#: what goes wrong, added to a page after it settled: a missing image, an image from
#: another host, a request outside the site's folder, and a request a timer starts
TROUBLE = """() => {
    const add = src => document.body.append(Object.assign(new Image(), {src}));
    add('_static/no-such-image.png');
    add('https://example.com/image.png');
    fetch('/outside/the/site.js').catch(() => {});
    setTimeout(() => fetch('_static/started-late.css'), 0);
}"""


def test_a_tab_reports_what_goes_wrong(browser, site_server):
    tab = Tab.open(browser, site_server.url)
    try:
        mark = site_server.mark()
        tab.visit("api.html")
        assert not tab.problems, tab.problems
        assert site_server.since(mark), "the server logged no request of the page"
        tab.page.evaluate(TROUBLE)
        tab.settle()
        said = "\n".join(tab.problems)
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_server.url))
        for expected in (
            "HTTP 404: " + site_server.url + "_static/no-such-image.png",
            "external request: https://example.com/image.png",
            "failed request: https://example.com/image.png",
            f"external request: {origin}/outside/the/site.js",
            "HTTP 404: " + site_server.url + "_static/started-late.css",
        ):
            assert expected in said, f"{expected!r} not in:\n{said}"
        tab.leave()
        assert not tab.problems
    finally:
        tab.close()


def test_a_page_weighs_as_a_first_visit_when_the_cache_answers(browser, site_server):
    """A source page without math after a page full of it, in one tab: the theme's
    files come from the cache, the math page's fonts are not counted, and the page
    weighs what it weighs in a new tab."""
    page = "_modules/binary_logreg/cost.html"

    def weight(tab) -> int:
        tab.visit(page)
        return site_server.weight(map(site_server.file_of, tab.first_visit_requests()))

    new, used = (Tab.open(browser, site_server.url) for _ in range(2))
    try:
        first_visit = weight(new)
        used.visit("cost.html")
        used.leave()
        mark = site_server.mark()
        assert weight(used) == first_visit > 100_000
        assert len(site_server.since(mark)) < 5, "the theme's files were not cached"
    finally:
        new.close()
        used.close()
