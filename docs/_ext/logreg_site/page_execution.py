"""The pages' notebooks execute while the gallery runs: two at a time, longest first.

MyST-NB executes a page when Sphinx reads it (``nb_execution_mode = "cache"``), and
Sphinx reads in chunks of about twenty documents per process. On two cores one
process read minibatch, model, ours_vs_tensorflow, playground and regularisation
(74 s of kernel time) while the other had finished its pages after 53 s, and both
had waited for Sphinx-Gallery, which runs its examples first. This part executes,
from the start of the build and alongside the gallery, every page notebook that is
not in the execution cache, ``logreg_longest_pages_first`` first, as many at a time
as Sphinx has processes (``-j``), each in the folder MyST-NB would give it; before
Sphinx reads, it puts each into MyST-NB's cache, where MyST-NB then finds it, as it
would after an earlier build. A page that fails here is left to MyST-NB, which runs
it again and reports its error as usual. The executions run in daemon threads: a
build that stops before Sphinx reads (a failing gallery example) ends at once, and
each kernel left behind ends itself when it sees its parent gone.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from contextlib import nullcontext, suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory

from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from nbclient import NotebookClient
from nbformat import NotebookNode
from sphinx.application import Sphinx
from sphinx.util import logging

from ._private_apis import myst_nb_configurations, page_notebook

logger = logging.getLogger(__name__)

#: how long the executions wait for MyST-NB's configuration (made on builder-inited)
CONFIGURATION_WAIT = 60.0


@dataclass
class _Page:
    docname: str
    path: Path
    notebook: NotebookNode
    read_fmt: dict | None
    seconds: float = 0.0
    succeeded: bool = False


class _Executions(threading.Thread):
    """The executions of one build, in the background (a daemon thread: not waited
    for at exit); :meth:`pages` waits for them."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__(name="page-executions", daemon=True)
        self._app, self._pages, self._error = app, [], None

    def run(self) -> None:
        try:
            self._pages = _execute_all(self._app)
        except BaseException as error:  # re-raised in the build's thread
            self._error = error

    def pages(self) -> list[_Page]:
        self.join()
        if self._error is not None:
            raise self._error
        return self._pages


#: the executions under way, by application (a test may build several projects)
_UNDER_WAY: dict[int, _Executions] = {}


def _configuration(app: Sphinx) -> tuple:
    """MyST's and MyST-NB's parser configurations, once MyST-NB has made them.

    MyST-NB makes them on builder-inited at priority 500, right before Sphinx-Gallery
    runs its examples (also 500, loaded later) and after this part starts (499): the
    executions wait for them in their own thread instead of holding the gallery up.
    """
    deadline = time.monotonic() + CONFIGURATION_WAIT
    while time.monotonic() < deadline:
        configurations = myst_nb_configurations(app.env)
        if configurations:
            return configurations
        time.sleep(0.01)
    raise TimeoutError("MyST-NB made no configuration on builder-inited")


def _order(app: Sphinx, docnames: set[str]) -> list[str]:
    """``logreg_longest_pages_first`` in its order, then the others by name."""
    first = [name for name in app.config.logreg_longest_pages_first if name in docnames]
    return first + sorted(docnames - set(first))


def _pages_to_execute(app: Sphinx, md_config, nb_config) -> list[_Page]:
    """The page notebooks with code that the execution cache does not hold yet,
    read as MyST-NB reads them (the cache matches a notebook by its code)."""
    cache = get_cache(nb_config.execution_cache_path)
    exclude = [*app.config.exclude_patterns, *app.config.templates_path]
    docnames = app.project.discover(exclude, app.config.include_patterns)
    pages = []
    for docname in _order(app, docnames):
        path = Path(app.project.doc2path(docname, absolute=True))
        posix = PurePosixPath(path.as_posix())
        if any(posix.match(pattern) for pattern in nb_config.execution_excludepatterns):
            continue
        read = page_notebook(str(path), md_config, nb_config)
        if read is None:
            continue
        notebook, read_fmt = read
        if nb_config.metadata_key in notebook.metadata:
            continue  # the page's own execution settings: MyST-NB applies them
        if not any(cell.cell_type == "code" for cell in notebook.cells):
            continue
        with suppress(KeyError):
            cache.match_cache_notebook(notebook)
            continue
        pages.append(_Page(docname, path, notebook, read_fmt))
    return pages


def _execute(page: _Page, nb_config) -> _Page:
    """Run the page's notebook in place, where MyST-NB would (its in_temp setting)."""
    folder = (
        TemporaryDirectory()
        if nb_config.execution_in_temp
        else nullcontext(str(page.path.parent))
    )
    started = time.perf_counter()
    with folder as cwd:
        client = NotebookClient(
            page.notebook,
            timeout=nb_config.execution_timeout,
            allow_errors=nb_config.execution_allow_errors,
            # no timing in the cells' metadata: the cache matches on all of it
            record_timing=False,
            resources={"metadata": {"path": os.path.abspath(cwd)}},
        )
        # a cell's error, a timeout, no such kernel: MyST-NB runs the page again
        # and reports what went wrong
        with suppress(Exception):
            client.execute()
            page.succeeded = True
    page.seconds = time.perf_counter() - started
    return page


def _execute_all(app: Sphinx) -> list[_Page]:
    md_config, nb_config = _configuration(app)
    if nb_config.kernel_rgx_aliases:  # MyST-NB renames kernels: leave it the pages
        return []
    pages = _pages_to_execute(app, md_config, nb_config)
    waiting = deque(pages)  # the next page to start on the left

    def execute_the_waiting() -> None:
        while True:
            try:
                page = waiting.popleft()
            except IndexError:  # none left
                return
            _execute(page, nb_config)

    threads = [
        threading.Thread(target=execute_the_waiting, daemon=True)
        for _ in range(min(max(1, app.parallel), len(pages)))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return pages


def _start(app: Sphinx) -> None:
    """Start the executions in the background (builder-inited, before the gallery)."""
    if app.config.nb_execution_mode != "cache" or app.builder.format != "html":
        return
    _UNDER_WAY[id(app)] = executions = _Executions(app)
    executions.start()


def _cache_the_executed(app: Sphinx, env, docnames: list[str]) -> None:
    """Before Sphinx reads: wait for the executions, and cache each that succeeded."""
    under_way = _UNDER_WAY.pop(id(app), None)
    if under_way is None:
        return
    pages = under_way.pages()
    cache = get_cache(env.mystnb_config.execution_cache_path)
    for page in pages:
        if not page.succeeded:
            logger.info(f"{page.docname}: failed ahead; MyST-NB runs it again")
            continue
        record = cache.add_nb_to_project(str(page.path), read_data=page.read_fmt)
        bundle = CacheBundleIn(
            page.notebook, record.uri, data={"execution_seconds": page.seconds}
        )
        cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)
        logger.info(f"{page.docname}: executed in {page.seconds:.2f} s, ahead")


def setup(app: Sphinx) -> dict:
    #: the pages whose notebooks take longest, in that order (the others follow)
    app.add_config_value("logreg_longest_pages_first", (), "env", (list, tuple))
    # after package_download (450) and reader_kernel (460) have made the kernel,
    # before MyST-NB's configuration and the gallery (500)
    app.connect("builder-inited", _start, priority=499)
    app.connect("env-before-read-docs", _cache_the_executed)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
