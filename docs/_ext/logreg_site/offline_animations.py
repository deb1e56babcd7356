"""Keep Matplotlib's embedded animations offline and accessible.

Matplotlib's ``to_jshtml`` player (used by Sphinx-Gallery for animations) links
Font Awesome 4 from a CDN for its button icons. The theme's stylesheet already
carries Font Awesome's webfont and its ``fa`` icon classes, so the CDN link is
dropped from every page body: the site makes no request outside its own folder and
the buttons keep their icons.

The player's frame is an ``<img>`` without alt text and its frame slider an
``<input>`` without a label (axe: ``image-alt`` and ``label``, both critical). Both
are named here, for every animation on the site:

- the frame gets the animation's description, which a gallery script gives in a
  comment line right before the animation's ``plt.show()`` or ``anim`` cell::

      # sphinx_gallery_animation_alt = "The decision boundary turns ..."

  Sphinx-Gallery removes such ``sphinx_gallery_`` comment lines from the page
  (``remove_config_comments``), and this extension reads them from the example's
  source. Without one, the frame is described from the page title, which is a
  build warning;
- the slider is labelled "Frame of the animation".

And the frames are made light: Matplotlib writes each one as a full-colour PNG
(an 80 dpi plot with a few hundred antialiased markers: about 45 kB), and a page
embeds all of them. Each frame is re-encoded as a palette PNG (see
``light_images``): it looks the same and weighs about a quarter, which keeps an
animation's page within the site's weight budget.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from ._private_apis import (
    PLAYER_CDN_STYLESHEET,
    PLAYER_FRAME,
    PLAYER_FRAME_DATA,
    PLAYER_SLIDER,
)
from .light_images import palette_png

logger = logging.getLogger(__name__)

ALT_COMMENT = re.compile(
    r"^#\s*sphinx_gallery_animation_alt\s*=\s*([\"'])(.+?)\1\s*$", re.MULTILINE
)


def _alt_texts(app: Sphinx, pagename: str) -> list[str]:
    """The alt texts an example's source gives its animations, in order."""
    gallery_dirs = app.config.sphinx_gallery_conf.get("gallery_dirs", [])
    examples_dirs = app.config.sphinx_gallery_conf.get("examples_dirs", [])
    for gallery, examples in zip(gallery_dirs, examples_dirs, strict=False):
        if pagename.startswith(f"{gallery}/"):
            source = Path(app.srcdir, examples, pagename[len(gallery) + 1 :] + ".py")
            if source.is_file():
                text = source.read_text(encoding="utf-8")
                return [match.group(2) for match in ALT_COMMENT.finditer(text)]
    return []


def _palette_frame(match: re.Match) -> str:
    """The frame as a palette PNG, if that is smaller (it nearly always is)."""
    lighter = palette_png(base64.b64decode(re.sub(r"[\\\s]", "", match.group(2))))
    if lighter is None:
        return match.group(0)
    encoded = base64.b64encode(lighter).decode("ascii")
    return f'{match.group(1)}data:image/png;base64,{encoded}"'


def _fix_player(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree
) -> None:
    body = context.get("body")
    if not body:
        return
    if "maxcdn.bootstrapcdn.com" in body:
        body = PLAYER_CDN_STYLESHEET.sub("", body)
    if PLAYER_FRAME.search(body):
        alts = iter(_alt_texts(app, pagename))

        def frame_with_alt(match: re.Match) -> str:
            alt = next(alts, None)
            if alt is None:
                logger.warning(
                    "an animation on page %s has no alt text: add a comment line "
                    '# sphinx_gallery_animation_alt = "what it shows" to its example',
                    pagename,
                    type="accessibility",
                    subtype="image-alt",
                )
                alt = f"Animation: {context.get('title', pagename)}"
            return f'<img alt="{html.escape(alt, quote=True)}"'

        body = PLAYER_FRAME.sub(frame_with_alt, body)
        body = PLAYER_SLIDER.sub('<input aria-label="Frame of the animation"', body)
        body = PLAYER_FRAME_DATA.sub(_palette_frame, body)
    context["body"] = body


def setup(app: Sphinx) -> dict:
    # before sphinx-codeautolink (priority 500) re-serialises the page body
    app.connect("html-page-context", _fix_player, priority=450)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
