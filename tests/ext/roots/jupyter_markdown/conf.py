"""A page and a chapter written as Jupyter Markdown, with and without html_baseurl."""

extensions = [
    "logreg_site.jupyter_markdown",
    "logreg_site.quick_check",
    "logreg_site.playground",
    "sphinx_exercise",
]
numfig = True
math_numfig = True
numfig_secnum_depth = 1
exclude_patterns = ["_build"]


def _write_markdown(app, pagename, templatename, context, doctree):
    from pathlib import Path

    from logreg_site.jupyter_markdown import to_markdown

    if doctree is None:  # genindex, search
        return
    for site, base_url in (("hosted", "https://example.org/site"), ("unhosted", "")):
        text = to_markdown(doctree.deepcopy(), app.builder, pagename, base_url)
        Path(app.outdir, f"{pagename}.{site}.md").write_text(text, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", _write_markdown)
