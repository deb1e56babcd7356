"""The "Your turn" exercises on the pages: worksheets, unique ids, named toggles.

The exercises use ``sphinx-exercise`` (numbered ``exercise``/``solution``
directives; the gated ``-start``/``-end`` forms hold code cells) and
``sphinx-togglebutton`` (a solution with ``:class: dropdown`` starts closed). Their
files live in ``docs/exercises/`` (see ``make_worksheets.py`` there). This extension:

- writes the worksheets (``make_worksheets.write_worksheets``) into
  ``worksheets/`` of the HTML output when the build ends, with the equations their
  exercises name (numbered as on the site, linked under ``html_baseurl``), and
  gives the pages the role ``{worksheet}`page``` (a download link to the page's
  worksheet);
- makes the ids unique that sphinx-exercise gives every exercise and solution body,
  ``exercise-content`` and ``solution-content`` (twice the same id on a page is
  invalid HTML): each body becomes a container ``<label>-content``;
- makes a page depend on the files its cells ``:load:``, so an incremental build
  reads it again when one changes, and replaces each ``:load:`` in the page's
  downloadable ``.md`` source with the code it loads (Jupytext knows no ``:load:``);
- keeps ``exercises/`` out of the documents (its statements are included by pages);
- names each toggle button after what it opens (sphinx-togglebutton calls them all
  "Toggle hidden content"), in ``_static/your_turn.js``;
- turns the equation labels that a checker's verdict names as text ("Reread
  equation eq-loss", as a notebook shows it) into links to the equation, with its
  number as the pages' ``{eq}`` references show it: "Reread equation (2.2)".
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.osutil import relative_uri

DOCS = Path(__file__).resolve().parents[1]
EXERCISES = DOCS / "exercises"
sys.path.insert(0, str(EXERCISES))
import make_worksheets  # noqa: E402

#: ids sphinx-exercise gives every exercise and solution body
_SHARED_IDS = {"exercise-content", "solution-content"}
#: a code cell's ``:load:`` option in a MyST notebook
_LOAD = re.compile(r"^:load:\s*(?P<path>\S+)\s*$", re.MULTILINE)
_LOAD_CELL = re.compile(
    r"^(?P<fence>```+)\{code-cell\}(?P<info>[^\n]*)\n"
    r"(?P<options>(?::[\w-]+:[^\n]*\n)*)(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def _exclude_exercises(app: Sphinx, config) -> None:
    config.exclude_patterns.append("exercises")


def _site_equations(app: Sphinx) -> dict[str, make_worksheets.Equation]:
    """Every equation a worksheet names: its number, formula, page and address."""
    math = app.env.get_domain("math")
    base_url = app.config.html_baseurl.rstrip("/")
    equations = {}
    for chapter in make_worksheets.CHAPTERS:
        for exercise in chapter.exercises:
            for label in make_worksheets.named_equations(exercise.statement):
                if label not in math.equations:
                    raise ExtensionError(
                        f"the worksheet of {chapter.page!r} names equation {label!r}, "
                        "which no page defines"
                    )
                docname = math.equations[label][0]
                # the number as the pages' {eq} references show it, and the address
                reference = math.resolve_xref(
                    app.env, "index", app.builder, "eq", label, None, nodes.Text("")
                )
                block = next(
                    node
                    for node in app.env.get_doctree(docname).findall(nodes.math_block)
                    if node.get("label") == label
                )
                equations[label] = make_worksheets.Equation(
                    number=reference.astext().strip("()"),
                    tex=block.astext().strip(),
                    page=app.env.titles[docname].astext(),
                    url=f"{base_url}/{reference['refuri']}" if base_url else "",
                )
    return equations


def _write_worksheets(app: Sphinx, exception: Exception | None) -> None:
    """The worksheets, once the equations they write out have their numbers."""
    if exception is not None or app.builder.format != "html":
        return
    make_worksheets.write_worksheets(
        Path(app.outdir, make_worksheets.FOLDER), _site_equations(app)
    )


def worksheet_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    """``{worksheet}`model```: a download link to the worksheet of the page model."""
    env = inliner.document.settings.env
    chapters = {chapter.page: chapter for chapter in make_worksheets.CHAPTERS}
    chapter = chapters.get(text.strip())
    if chapter is None:
        message = inliner.reporter.error(
            f"no worksheet for the page {text!r}: add it to CHAPTERS in "
            "exercises/make_worksheets.py",
            line=lineno,
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    uri = relative_uri(
        env.app.builder.get_target_uri(env.docname),
        f"{make_worksheets.FOLDER}/{chapter.worksheet}",
    )
    html = (
        f'<a class="reference download worksheet-download" href="{uri}" '
        f'download="{chapter.worksheet}"><code class="docutils literal notranslate">'
        f'<span class="pre">{chapter.worksheet}</span></code></a>'
    )
    return [nodes.raw(rawtext, html, format="html")], []


def _note_loaded_files(app: Sphinx, doctree: nodes.document) -> None:
    """The page depends on the files its cells load (an incremental build sees them)."""
    source = Path(app.env.doc2path(app.env.docname))
    if source.suffix != ".md":
        return
    for match in _LOAD.finditer(source.read_text(encoding="utf-8")):
        loaded = (source.parent / match["path"]).resolve()
        if not loaded.is_file():
            raise ExtensionError(f"{source.name}: :load: {match['path']} not found")
        app.env.note_dependency(str(loaded))


def _exercise_bodies_as_containers(app: Sphinx, doctree: nodes.document) -> None:
    """Each exercise or solution body: a ``<label>-content`` div, not a section.

    sphinx-exercise wraps every body in a section without a title, with the same
    id each time. The ids become unique, and the wrapper a plain container: the
    body is no section of the page, and sphinx-codeautolink, which pairs each
    section with its title, would stop at one without a title.
    """
    for section in list(doctree.findall(nodes.section)):
        shared = _SHARED_IDS.intersection(section["ids"])
        if not shared:
            continue
        owner = section.parent
        while owner is not None and not owner.get("label"):
            owner = owner.parent
        if owner is None:
            raise ExtensionError(f"{app.env.docname}: an exercise body outside one")
        body = nodes.container(
            ids=[f"{owner['label']}-content"], classes=sorted(shared)
        )
        body.extend(section.children)
        # not replace_self, which would copy the shared id onto the container
        section.parent.replace(section, body)


def _inline_loads(markdown: str, folder: Path) -> str:
    """Each ``:load:`` code cell of a MyST notebook with the code it loads."""

    def replace(match: re.Match) -> str:
        load = _LOAD.search(match["options"])
        if load is None:
            return match.group(0)
        options = _LOAD.sub("", match["options"]).replace("\n\n", "\n")
        code = (folder / load["path"]).read_text(encoding="utf-8").strip()
        fence = match["fence"]
        return f"{fence}{{code-cell}}{match['info']}\n{options}{code}\n{fence}"

    return _LOAD_CELL.sub(replace, markdown)


def _self_contained_sources(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for docname in app.env.found_docs:
        source = Path(app.env.doc2path(docname))
        download = Path(app.outdir, "_sources", f"{docname}.md")
        if source.suffix != ".md" or not download.exists():
            continue
        text = download.read_text(encoding="utf-8")
        inlined = _inline_loads(text, source.parent)
        if inlined != text:
            download.write_text(inlined, encoding="utf-8")


#: an equation label in a checker's verdict (the verdict is HTML-escaped plain text)
_EQUATION_LABEL = re.compile(r"\beq-[a-z0-9]+(?:-[a-z0-9]+)*")


def _link_equations_in_verdicts(app: Sphinx, doctree: nodes.document, docname: str):
    """Link the equation labels of the checkers' verdicts (``class="bl-check"``)."""
    math = app.env.get_domain("math")

    def link(match: re.Match) -> str:
        label = match.group(0)
        reference = math.resolve_xref(
            app.env, docname, app.builder, "eq", label, None, nodes.Text(label)
        )
        if reference is None:  # a verdict may name only labels the pages define
            raise ExtensionError(
                f"{docname}: a checker's verdict names equation {label!r}, which no "
                "page defines"
            )
        # an equation of the same page gets a refid, of another page a refuri
        href = reference.get("refuri") or f"#{reference['refid']}"
        return (
            f'<a class="reference internal" href="{html.escape(href)}">'
            f"{html.escape(reference.astext())}</a>"
        )

    for raw in list(doctree.findall(nodes.raw)):
        text = raw.astext()
        if raw.get("format") == "html" and 'class="bl-check"' in text:
            raw.replace_self(
                nodes.raw("", _EQUATION_LABEL.sub(link, text), format="html")
            )


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _exclude_exercises)
    app.connect("build-finished", _write_worksheets)
    app.add_role("worksheet", worksheet_role)
    app.connect("doctree-read", _note_loaded_files)
    # before sphinx-codeautolink reads the code blocks (its priority: 490)
    app.connect("doctree-read", _exercise_bodies_as_containers, priority=400)
    app.connect("doctree-resolved", _link_equations_in_verdicts)
    app.connect("build-finished", _self_contained_sources)
    # after sphinx-togglebutton's script, which makes the buttons (priority 500)
    app.add_js_file("your_turn.js", priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
