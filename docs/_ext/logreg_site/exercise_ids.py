"""Unique ids for the bodies of the "Your turn" exercises and their solutions.

The exercises use ``sphinx-exercise`` (numbered ``exercise``/``solution``
directives; the gated ``-start``/``-end`` forms hold code cells). It wraps every
exercise and solution body in a section with the same id, ``exercise-content`` or
``solution-content``: twice the same id on a page is invalid HTML. Each body
becomes a container ``<label>-content`` instead.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

#: ids sphinx-exercise gives every exercise and solution body
SHARED_IDS = {"exercise-content", "solution-content"}


def _exercise_bodies_as_containers(app: Sphinx, doctree: nodes.document) -> None:
    """Each exercise or solution body: a ``<label>-content`` div, not a section.

    The ids become unique, and the wrapper a plain container: the body is no
    section of the page, and sphinx-codeautolink, which pairs each section with its
    title, would stop at one without a title.
    """
    for section in list(doctree.findall(nodes.section)):
        shared = SHARED_IDS.intersection(section["ids"])
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


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx_exercise")
    # before sphinx-codeautolink reads the code blocks (its priority: 490)
    app.connect("doctree-read", _exercise_bodies_as_containers, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
