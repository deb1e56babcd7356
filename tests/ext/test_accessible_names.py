"""Accessible names for the navigation's expanders and the pages' dropdowns.

The theme's navigation function is wrapped through ``_private_apis``; here a
stand-in returns navigation markup as pydata-sphinx-theme writes it (a soup), and
the wrapped function's result is read back. The check of the content's
``<summary>`` elements warns on one without a name.
"""

from __future__ import annotations

import bs4
from logreg_site import accessible_names
from logreg_site._private_apis import THEME_TOCTREE_FUNCTION

NAVIGATION = """
<ul>
  <li class="toctree-l1 has-children"><a href="model.html">Build the model</a>
    <details><summary><span class="toctree-toggle"><i class="fa-solid
    fa-chevron-down"></i></span></summary>
      <ul><li class="toctree-l2"><a href="x.html">X</a></li></ul>
    </details>
  </li>
  <li class="toctree-l1"><a href="api.html">API</a>
    <details><summary aria-label="Already named"></summary></details>
  </li>
</ul>
"""


def _theme_function(*args, **kwargs):
    return bs4.BeautifulSoup(NAVIGATION, "html.parser")


def test_the_navigation_expanders_are_named_after_their_page():
    context = {THEME_TOCTREE_FUNCTION: _theme_function}
    accessible_names._wrap_toctree(None, "index", "page.html", context, None)
    wrapped = context[THEME_TOCTREE_FUNCTION]
    assert wrapped is not _theme_function
    names = [summary.get("aria-label") for summary in wrapped().find_all("summary")]
    assert names == ["Pages under Build the model", "Already named"]
    # a second page context wraps the theme's function, not the wrapper again
    accessible_names._wrap_toctree(None, "api", "page.html", context, None)
    assert context[THEME_TOCTREE_FUNCTION] is wrapped


def test_a_dropdown_without_a_title_is_a_warning(monkeypatch):
    warnings = []
    monkeypatch.setattr(
        accessible_names.logger, "warning", lambda *args, **kw: warnings.append(args)
    )
    named = {"body": "<details><summary>Show the answer</summary></details>"}
    accessible_names._check_content_summaries(None, "a", "page", named, None)
    assert warnings == []
    unnamed = {"body": '<details><summary><i class="fa"></i></summary></details>'}
    accessible_names._check_content_summaries(None, "b", "page", unnamed, None)
    assert len(warnings) == 1 and warnings[0][1] == "b"
