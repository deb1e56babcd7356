"""Light images and offline, accessible animations (light_images, offline_animations).

A real Matplotlib figure and a real jshtml player (``Animation.to_jshtml``, which
Sphinx-Gallery embeds) go through the parts' functions: the player's markup is the
one ``_private_apis`` describes, so a Matplotlib upgrade that changes it fails here.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from logreg_site import offline_animations
from logreg_site._private_apis import PLAYER_FRAME_DATA
from logreg_site.light_images import palette_png
from PIL import Image


def _plot_png() -> bytes:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(3, 2), dpi=80)
    ax.plot([0, 1, 2], [0, 1, 0], marker="o")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def test_a_plot_as_a_palette_png_is_smaller_and_looks_the_same():
    original = _plot_png()
    lighter = palette_png(original)
    assert lighter is not None and len(lighter) < len(original)
    with Image.open(io.BytesIO(original)) as a, Image.open(io.BytesIO(lighter)) as b:
        assert b.mode == "P" and a.size == b.size
        before = a.convert("RGBA").tobytes()
        after = b.convert("RGBA").tobytes()
    # every pixel's channels within a few levels: a plot has few colours
    worst = max(abs(x - y) for x, y in zip(before, after, strict=True))
    assert worst <= 24


def test_a_palette_png_is_not_made_twice():
    assert palette_png(palette_png(_plot_png())) is None


@pytest.fixture(scope="module")
def player() -> str:
    import matplotlib.pyplot as plt
    from matplotlib.animation import FuncAnimation

    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    (line,) = ax.plot([0, 1], [0, 0])
    animation = FuncAnimation(
        fig, lambda i: line.set_ydata([0, i]), frames=2, blit=False
    )
    html = animation.to_jshtml()
    plt.close(fig)
    return html


def _gallery_app(tmp_path: Path, source: str) -> SimpleNamespace:
    (tmp_path / "gallery").mkdir()
    (tmp_path / "gallery" / "plot_anim.py").write_text(source, encoding="utf-8")
    conf = {"gallery_dirs": ["auto_examples"], "examples_dirs": ["gallery"]}
    return SimpleNamespace(
        srcdir=str(tmp_path), config=SimpleNamespace(sphinx_gallery_conf=conf)
    )


def test_the_player_goes_offline_named_and_light(player, tmp_path):
    app = _gallery_app(
        tmp_path, '# sphinx_gallery_animation_alt = "A line that rises."\n'
    )
    context = {"body": player, "title": "An animation"}
    offline_animations._fix_player(
        app, "auto_examples/plot_anim", "page", context, None
    )
    body = context["body"]
    assert "maxcdn.bootstrapcdn.com" in player
    assert "maxcdn.bootstrapcdn.com" not in body
    assert re.search(r'<img alt="A line that rises." id="_anim_img[0-9a-f]+"', body)
    assert re.search(
        r'<input aria-label="Frame of the animation" id="_anim_slider[0-9a-f]+"', body
    )

    def frames(html: str) -> list[bytes]:
        return [
            base64.b64decode(re.sub(r"[\\\s]", "", match.group(2)))
            for match in PLAYER_FRAME_DATA.finditer(html)
        ]

    before, after = frames(player), frames(body)
    assert len(before) == len(after) == 2
    assert sum(map(len, after)) < sum(map(len, before))


def test_a_player_without_alt_text_is_described_by_the_page_title(player, tmp_path):
    app = _gallery_app(tmp_path, "# no alt text here\n")
    context = {"body": player, "title": "An animation"}
    offline_animations._fix_player(
        app, "auto_examples/plot_anim", "page", context, None
    )
    assert '<img alt="Animation: An animation"' in context["body"]
