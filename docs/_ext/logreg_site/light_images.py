"""Lighter plot images: palette PNGs for thumbnails and animation frames.

Matplotlib writes full-colour PNGs. A plot has few distinct colours (a few hundred,
most of them antialiasing shades), so a 256-colour palette PNG without dithering
looks the same and weighs a third to a quarter. Pages that show many plot images
at once stay within the site's weight budget that way:

- the gallery thumbnails (``_images/sphx_glr_*_thumb.png``), which every page with
  a mini-gallery loads, up to nine at a time, are re-encoded once the build is done;
- ``offline_animations`` re-encodes the frames of Matplotlib's animation player.

The figures on the pages themselves are left as Matplotlib wrote them.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from sphinx.application import Sphinx

#: the thumbnails Sphinx-Gallery makes, as Sphinx copies them into the build
THUMBNAILS = "sphx_glr_*_thumb.png"


def palette_png(data: bytes) -> bytes | None:
    """The PNG as a 256-colour palette PNG, or None if that is not smaller."""
    with Image.open(io.BytesIO(data)) as image:
        if image.format != "PNG" or image.mode not in ("RGB", "RGBA"):
            return None
        image.load()
        palette = image.quantize(
            colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    smaller = io.BytesIO()
    palette.save(smaller, format="PNG", optimize=True)
    return smaller.getvalue() if smaller.tell() < len(data) else None


def _lighten_thumbnails(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for path in sorted(Path(app.outdir, "_images").glob(THUMBNAILS)):
        lighter = palette_png(path.read_bytes())
        if lighter is not None:
            path.write_bytes(lighter)


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", _lighten_thumbnails)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
