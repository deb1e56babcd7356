"""Every use of another project's private API or undocumented markup, in one place.

Where a public API does the job, the parts use it; what follows has none. Each
entry says what it relies on, why, and the version it was checked against (the
version the lock file, ``constraints.txt``, pins). After an upgrade of one of these
projects, look here first: the extension tests (``tests/ext``) exercise each entry.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docutils import nodes

# -- myst-nb 1.4.0: the values a page glued ---------------------------------------
# The quick checks read a number that a code cell glued (myst_nb.glue). myst-nb's
# own glue roles read it through ``myst_nb.ext.glue.utils.retrieve_glue_data``,
# which is not public and looks in the same place as this function: the notebook
# client that the page's renderer keeps in ``document["nb_renderer"]``.


def glued_values(document: nodes.document) -> dict[str, dict[str, Any]] | None:
    """Every value the page glued, as MIME bundles by key; None if no notebook ran."""
    element = document.get("nb_renderer")
    if element is None:
        return None
    glued = element.renderer.nb_client.glue_data
    return {key: output["data"] for key, output in glued.items()}


# -- myst-nb 1.4.0: a page's notebook as MyST-NB reads it ---------------------------
# page_execution runs a page's notebook before Sphinx reads the page, and puts it in
# MyST-NB's execution cache, which matches a notebook by its code and metadata: it
# must read the page exactly as MyST-NB's parser does, with
# ``myst_nb.core.read.create_nb_reader`` and the two configurations MyST-NB keeps on
# the build environment (``env.myst_config``, ``env.mystnb_config``, made on
# builder-inited). None of these is documented.


def myst_nb_configurations(env: Any) -> tuple[Any, Any] | None:
    """MyST's and MyST-NB's parser configurations, or None before MyST-NB made them
    (the notebook one is complete once its execution cache path is set)."""
    md_config = getattr(env, "myst_config", None)
    nb_config = getattr(env, "mystnb_config", None)
    if md_config is None or not nb_config or not nb_config.execution_cache_path:
        return None
    return md_config, nb_config


def page_notebook(path: str, md_config: Any, nb_config: Any) -> tuple[Any, Any] | None:
    """The notebook MyST-NB reads from the page at ``path`` and its read format,
    or None when MyST-NB reads the page as plain Markdown."""
    from myst_nb.core.read import create_nb_reader

    with open(path, encoding="utf-8") as source:
        text = source.read()
    reader = create_nb_reader(path, md_config, nb_config, text)
    if reader is None:
        return None
    return reader.read(text), reader.read_fmt


# -- sphinxcontrib-katex 0.9.11: the render server's connection, per process -------
# ``katex.render_latex`` sends every formula to one node server through one socket,
# which it keeps on ``KaTeXServer.katex_server`` (started on first use, stopped at
# exit). The processes Sphinx forks to write pages in parallel (``-j``) inherit
# that socket: two of them would interleave their requests on it, and a server one
# of them started would outlive it (a forked writer exits without atexit). The
# server takes any number of connections, so the process that started it keeps
# its own and every forked process opens a new one, to the socket file in the
# server's run folder (``rundir``, the ``katex.sock`` its start-up waits for).


def katex_connection_of_this_process() -> None:
    """Give this process its own connection to the KaTeX server, if one runs."""
    from sphinxcontrib.katex import KaTeXServer

    server = KaTeXServer.katex_server
    if server is None or os.name != "posix":  # no server yet; no fork on Windows
        return
    owner = getattr(server, "_logreg_site_pid", None)
    if owner is None:  # the process that started it
        server._logreg_site_pid = os.getpid()
    elif owner != os.getpid():
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.connect(str(server.rundir / "katex.sock"))
        server.sock.close()  # this process's copy; the parent's stays open
        server.sock = connection
        server._logreg_site_pid = os.getpid()


# -- sphinxcontrib-katex 0.9.11: starting the render server -----------------------
# ``KaTeXServer.start`` (on the first ``render_latex``) runs ``katex-server.js`` in
# node, waits for its socket file (``katex.sock`` in a new run folder) and connects
# once. Node makes that file when it binds the socket, a moment before it listens:
# a connection in between is refused, and the build failed with
# ConnectionRefusedError (once, on a loaded 2-core machine, 2026-12-05). Here the
# connection is tried again until the library's start-up time is up; the server is
# the library's own (``KaTeXServer.build_command``, ``KaTeXServer(rundir, process,
# sock)``, ``terminate`` at exit). On Windows the library uses a TCP port and
# already tries again.


def start_katex_server() -> None:
    """Start the KaTeX render server, unless one runs, and connect once it listens."""
    from sphinxcontrib.katex import STARTUP_TIMEOUT, KaTeXServer

    if KaTeXServer.katex_server is not None or os.name != "posix":
        return
    rundir = Path(tempfile.mkdtemp(prefix="sphinxcontrib_katex"))
    path = rundir / "katex.sock"
    command = KaTeXServer.build_command(socket=path)
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=rundir
    )
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            connection.connect(str(path))
            break
        except (FileNotFoundError, ConnectionRefusedError):  # not listening yet
            connection.close()
        code = process.poll()  # None while it runs
        if code is not None or time.monotonic() > deadline:
            process.kill()
            process.wait()
            shutil.rmtree(rundir, ignore_errors=True)
            raise RuntimeError(
                f"the KaTeX server ({' '.join(map(str, command))}) did not listen "
                f"within {STARTUP_TIMEOUT} s"
                + (f" (exit code {code})" if code is not None else "")
            )
        time.sleep(0.01)
    server = KaTeXServer(rundir, process, connection)
    atexit.register(KaTeXServer.terminate, server)
    KaTeXServer.katex_server = server


# -- Sphinx 9.0.4 (sphinx.ext.viewcode): the modules that get a source page -------
# viewcode keeps ``env._viewcode_modules``: module name -> False (no source) or
# (code, tags, used, refname), ``used`` naming the documented objects whose
# [source] link leads to the module's page; it writes a page for every entry. Its
# env-purge-doc handler drops the entries nothing uses. A serial read emits that
# event before every document, a parallel read (-j N) only before it forks, so
# there an entry that no object uses survives and its module gets a page that no
# [source] link leads to.


def drop_unused_viewcode_modules(env: Any) -> None:
    """Forget the modules whose source page no documented object links to."""
    modules = getattr(env, "_viewcode_modules", {})
    for name, entry in list(modules.items()):
        if entry is not False and not entry[2]:
            del modules[name]


# -- sphinx-codeautolink 0.20.0: skip a whole document -----------------------------
# Its public ``autolink-skip:: file`` directive inserts this node; the gallery's
# pages are written by Sphinx-Gallery, not by us, so the node is inserted directly.


def skip_code_links(doctree: nodes.document) -> None:
    """Make sphinx-codeautolink leave every code block of this document alone."""
    from sphinx_codeautolink.extension.directive import SkipMarker

    doctree.insert(0, SkipMarker("file"))


# -- pydata-sphinx-theme 0.20.0 (under sphinx-book-theme 1.4.0): the navigation ---
# The theme renders its navigation with a template function it puts in the page
# context; no hook gives the expanders it makes (<summary>) a name.
THEME_TOCTREE_FUNCTION = "generate_toctree_html"


def wrap_theme_toctree(context: dict[str, Any], edit: Callable[[Any], None]) -> None:
    """Let ``edit`` change the navigation's soup (BeautifulSoup) after the theme."""
    generate = context.get(THEME_TOCTREE_FUNCTION)
    if generate is None or getattr(generate, "_wrapped_by_logreg_site", False):
        return

    def generate_toctree_html(*args: Any, **kwargs: Any) -> Any:
        soup = generate(*args, **kwargs)
        if hasattr(soup, "find_all"):  # the theme returns a string for some calls
            edit(soup)
        return soup

    generate_toctree_html._wrapped_by_logreg_site = True  # type: ignore[attr-defined]
    context[THEME_TOCTREE_FUNCTION] = generate_toctree_html


# -- Matplotlib 3.11.2: the markup of the jshtml animation player -------------------
# ``Animation.to_jshtml`` (matplotlib/_animation_data.py) writes the player that
# Sphinx-Gallery embeds; nothing configures its markup. Attribute order and
# self-closing slashes vary: another extension may have re-serialised the body.

#: the player's link to Font Awesome 4 on a CDN
PLAYER_CDN_STYLESHEET = re.compile(
    r"<link\b[^>]*\bhref=\"https://maxcdn\.bootstrapcdn\.com/font-awesome/[^>]*>\s*"
)
#: the opening of the player's frame, an <img> without alt text
PLAYER_FRAME = re.compile(r"<img\b(?=[^>]*\bid=\"_anim_img[0-9a-f]+\")(?![^>]*\balt=)")
#: the opening of its frame slider, an <input> without a label
PLAYER_SLIDER = re.compile(
    r"<input\b(?=[^>]*\bid=\"_anim_slider[0-9a-f]+\")(?![^>]*\baria-label=)"
)
#: an embedded frame, a JavaScript string that may continue over lines with \
PLAYER_FRAME_DATA = re.compile(
    r'(frames\[\d+\] = ")data:image/png;base64,([A-Za-z0-9+/=\\\s]+)"'
)
