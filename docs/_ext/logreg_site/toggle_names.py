"""Each solution's toggle button named after what it opens.

sphinx-togglebutton (a solution with ``:class: dropdown`` starts closed) names all
its buttons "Toggle hidden content": a screen reader's list of buttons is then a
column of identical names. ``_static/your_turn.js`` renames each button after the
solution it opens; this part loads that script after sphinx-togglebutton's.
"""

from __future__ import annotations

from sphinx.application import Sphinx

SCRIPT = "your_turn.js"


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx_togglebutton")
    # after sphinx-togglebutton's script, which makes the buttons (priority 500)
    app.add_js_file(SCRIPT, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
